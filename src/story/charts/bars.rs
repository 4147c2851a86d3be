//! Paired horizontal bars, one pair per label: a hub's imports from the origin against its exports to
//! the destination, or the exporter's report against the importer's. Drawn on any plotters backend
//! (the page's canvas, SVG for downloads and host tests), and written as CSV.

use std::fmt::Write as _;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::{Deserialize, Serialize};

use crate::format::money_in;
use crate::lang::Lang;
use crate::scene::Theme;
use crate::store::csv_cell;
use crate::story::language::words::Words;

/// Colours of the two series: the map's origin → hub blue and hub → destination vermilion.
const COLORS: [RGBColor; 2] = [RGBColor(0, 114, 178), RGBColor(213, 94, 0)];
const LABEL_WIDTH: i32 = 64;
const BAR: i32 = 9;
const ROW: i32 = 2 * BAR + 10;
const LEGEND: i32 = 22;
/// A second legend line, where the series' names do not fit on one.
const LEGEND_LINE: i32 = 14;
const SIZE: u32 = 11;

/// The chart's content: two series' names and one pair of US dollar values per label.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Bars {
    pub series: [String; 2],
    pub rows: Vec<BarRow>,
}

/// One label's pair of values; `None` where the data has no row: no data, drawn and written apart from $0.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BarRow {
    pub label: String,
    pub values: [Option<f64>; 2],
}

impl Bars {
    /// The height in px the chart needs for its rows, `width` px wide.
    pub fn height(&self, width: u32) -> u32 {
        u32::try_from(self.legend(width) + ROW * self.rows.len() as i32 + 6).unwrap_or(60)
    }

    /// The legend's height: one line, or a line a series where their names do not fit side by side.
    fn legend(&self, width: u32) -> i32 {
        let wide: i32 = self.series.iter().map(|name| legend_entry(name)).sum();
        if wide + 4 <= i32::try_from(width).unwrap_or(i32::MAX) {
            LEGEND
        } else {
            LEGEND + LEGEND_LINE
        }
    }

    /// The chart's data as CSV: `label,<series 1> (USD),<series 2> (USD)`, an empty cell for no data.
    ///
    /// ```
    /// use roundabout::story::charts::bars::{BarRow, Bars};
    /// let b = Bars { series: ["In".into(), "Out".into()], rows: vec![BarRow { label: "880621".into(), values: [Some(5.9e6), None] }] };
    /// assert_eq!(b.csv(), "label,In (USD),Out (USD)\n880621,5900000.00,\n");
    /// ```
    pub fn csv(&self) -> String {
        let mut out = format!("label,{},{}\n", csv_cell(&format!("{} (USD)", self.series[0])), csv_cell(&format!("{} (USD)", self.series[1])));
        let cell = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.2}"));
        for r in &self.rows {
            let _ = writeln!(out, "{},{},{}", csv_cell(&r.label), cell(r.values[0]), cell(r.values[1]));
        }
        out
    }
}

/// Draws the bars on `root`, scaled to the largest value, each bar with its value written after it.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, bars: &Bars, theme: Theme, lang: Lang) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (paper, ink) = if theme == Theme::Dark { (RGBColor(0x22, 0x25, 0x2a), RGBColor(0xc8, 0xc4, 0xbc)) } else { (WHITE, RGBColor(85, 85, 85)) };
    root.fill(&paper)?;
    let (width, _) = root.dim_in_pixel();
    let font = |color: RGBColor, h: HPos| (FontFamily::SansSerif, SIZE).into_font().color(&color).pos(Pos::new(h, VPos::Center));
    let legend = bars.legend(width);
    let (mut x, mut y) = (4, 6);
    for (name, color) in bars.series.iter().zip(COLORS) {
        root.draw(&Rectangle::new([(x, y), (x + 10, y + 10)], color.filled()))?;
        root.draw(&Text::new(name.as_str(), (x + 14, y + 5), font(ink, HPos::Left)))?;
        // Side by side, or the second under the first where they do not fit.
        if legend == LEGEND {
            x += legend_entry(name);
        } else {
            y += LEGEND_LINE;
        }
    }
    let top = bars.rows.iter().flat_map(|r| r.values).flatten().fold(0.0_f64, f64::max);
    // Wider labels than HS codes push the bars right (about 6.5 px a character at 11 px).
    let longest = bars.rows.iter().map(|r| r.label.chars().count()).max().unwrap_or(0);
    let label_width = LABEL_WIDTH.max(i32::try_from(longest * 13 / 2 + 8).unwrap_or(LABEL_WIDTH));
    // Room after the longest bar for its value.
    let span = f64::from(i32::try_from(width).unwrap_or(320) - label_width - 58).max(20.0);
    for (i, r) in bars.rows.iter().enumerate() {
        let y = legend + ROW * i as i32;
        root.draw(&Text::new(r.label.as_str(), (4, y + BAR), font(ink, HPos::Left)))?;
        for (k, (v, color)) in r.values.iter().zip(COLORS).enumerate() {
            let y0 = y + BAR * k as i32;
            let w = match v {
                Some(v) if top > 0.0 && v.is_finite() => (v.max(0.0) / top * span).round() as i32,
                _ => 0,
            };
            if w > 0 {
                root.draw(&Rectangle::new([(label_width, y0), (label_width + w, y0 + BAR - 1)], color.filled()))?;
            }
            let said = v.map_or_else(|| Words(lang).no_data().to_string(), |v| money_in(v, lang));
            root.draw(&Text::new(said, (label_width + w + 4, y0 + BAR / 2), font(ink, HPos::Left)))?;
        }
    }
    Ok(())
}

/// A legend entry's width in px: its swatch, its name (about 7 px a character, on the wide side) and a gap.
fn legend_entry(name: &str) -> i32 {
    14 + 7 * i32::try_from(name.chars().count()).unwrap_or(0) + 16
}

/// The chart as a standalone SVG document, `width` px wide.
pub fn svg(bars: &Bars, width: u32, theme: Theme, lang: Lang) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, bars.height(width))).into_drawing_area();
        // Drawing into a string cannot fail; an error would only leave the document short.
        let _ = draw(&root, bars, theme, lang).and_then(|()| root.present());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drones() -> Bars {
        Bars {
            series: ["China → Kazakhstan".into(), "Kazakhstan → Russia".into()],
            rows: vec![
                BarRow { label: "880621".into(), values: [Some(5.9e6), Some(2.7e6)] },
                BarRow { label: "880622".into(), values: [Some(0.0), Some(1.0e6)] },
            ],
        }
    }

    #[test]
    fn draws_a_bar_per_nonzero_value_scaled_to_the_largest() {
        let out = svg(&drones(), 400, Theme::Light, Lang::En);
        // Paper, two legend keys, three bars (the zero draws none).
        assert_eq!(out.matches("<rect").count(), 6, "{out}");
        for text in ["$5.9m", "$2.7m", "$1m", "880621", "880622", "China → Kazakhstan", "Kazakhstan → Russia"] {
            assert!(out.contains(text), "{text} in {out}");
        }
        // The largest bar spans the width less the label column and the value's room: 400 − 64 − 58 = 278;
        // $2.7m is 2.7/5.9 of that, 127 px.
        assert!(out.contains(r#"width="278""#) || out.contains(r#"x="64" y="22" width="279""#), "{out}");
        assert!(out.contains(r#"width="127""#) || out.contains(r#"width="128""#), "{out}");
        assert!(out.contains("#0072B2") && out.contains("#D55E00"), "the two series' colours: {out}");
        assert!(out.contains(&format!(r#"height="{}""#, 22 + 28 * 2 + 6)));
    }

    #[test]
    fn a_legend_too_wide_for_one_line_takes_two() {
        let b = Bars { series: ["China → United Arab Emirates".into(), "United Arab Emirates → Russia".into()], rows: drones().rows };
        assert_eq!(b.height(640), drones().height(640));
        assert_eq!(b.height(360), drones().height(360) + LEGEND_LINE as u32);
        let out = svg(&b, 360, Theme::Light, Lang::En);
        // The second name starts under the first, at the left edge, within the chart.
        assert!(out.contains(r#"<text x="18" y="25""#), "{out}");
    }

    #[test]
    fn long_labels_push_the_bars_right() {
        let b = Bars { series: ["2021".into(), "2023".into()], rows: vec![BarRow { label: "Same chapters".into(), values: [Some(1.0), Some(2.0)] }] };
        let out = svg(&b, 400, Theme::Light, Lang::En);
        // 13 characters: 13 × 6.5 + 8 = 92 px of labels, so the longest bar spans 400 − 92 − 58 = 250.
        assert!(out.contains(r#"x="92""#) && out.contains(r#"width="250""#), "{out}");
    }

    #[test]
    fn dark_paper_and_other_languages() {
        let out = svg(&drones(), 400, Theme::Dark, Lang::Uk);
        assert!(out.contains("#22252A"));
        assert!(out.contains("5,9\u{a0}млн\u{a0}$"), "{out}");
    }

    #[test]
    fn writes_csv_with_quoted_names() {
        let b = Bars { series: ["a, b".into(), "c".into()], rows: vec![BarRow { label: "85".into(), values: [Some(1.5), Some(0.0)] }] };
        assert_eq!(b.csv(), "label,\"a, b (USD)\",c (USD)\n85,1.50,0.00\n");
    }

    #[test]
    fn a_leg_without_rows_is_no_data_not_zero() {
        let b = Bars { series: ["In".into(), "Out".into()], rows: vec![BarRow { label: "854239".into(), values: [Some(9e5), None] }] };
        let out = svg(&b, 400, Theme::Light, Lang::En);
        // Paper, two legend keys, one bar.
        assert_eq!(out.matches("<rect").count(), 4, "{out}");
        assert!(out.contains("\nno data\n") && !out.contains("$0"), "{out}");
        assert!(svg(&b, 400, Theme::Light, Lang::Uk).contains("\nнемає даних\n"));
    }
}
