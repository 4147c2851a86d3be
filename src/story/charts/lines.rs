use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::format::money_in;
use crate::lang::Lang;
use crate::scene::Theme;

/// Label size in px.
const LABEL_SIZE: u32 = 11;
/// Least vertical distance between two line labels, in px.
const LABEL_GAP: i32 = 13;

/// The chart's own colours: paper, text, grid and axis.
struct Palette {
    paper: RGBColor,
    ink: RGBColor,
    grid: RGBColor,
    axis: RGBColor,
}

const DAY: Palette = Palette { paper: WHITE, ink: RGBColor(85, 85, 85), grid: RGBColor(230, 230, 230), axis: RGBColor(200, 200, 200) };
const NIGHT: Palette = Palette {
    paper: RGBColor(0x22, 0x25, 0x2a),
    ink: RGBColor(0xc8, 0xc4, 0xbc),
    grid: RGBColor(0x3a, 0x3e, 0x45),
    axis: RGBColor(0x55, 0x5a, 0x62),
};

/// A dated event marked on the time axis: where (in fractional years) and what.
pub struct Event<'a> {
    pub at: f64,
    pub label: &'a str,
}

/// One line of the chart: a route's values by year (`None` where no one reported).
pub struct Series {
    /// Written just above the line's last point, so no legend is needed.
    pub label: String,
    pub color: (u8, u8, u8),
    pub points: Vec<(u16, Option<f64>)>,
    /// Years whose point comes from another report than the point before it: drawn hollow.
    pub changes: Vec<u16>,
    /// Names the reports joined, for the chart's table, e.g. "China → Kazakhstan: Kazakhstan's import
    /// figures (Comtrade) 2019–2022; China's export figures (Comtrade) 2023".
    pub note: Option<String>,
}

/// Draws the routes over time on any plotters backend: the page's canvas, or SVG on the host.
/// `mark_year` gets a dashed rule (the baseline). Values are in US dollars, shown in billions.
/// `event`, when inside the years shown, gets a line and its label. `theme` picks light or dark paper;
/// `lang` the axis' money format.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: &[Series],
    mark_year: u16,
    event: Option<&Event>,
    theme: Theme,
    lang: Lang,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let palette = if theme == Theme::Dark { &NIGHT } else { &DAY };
    root.fill(&palette.paper)?;
    let years = series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
    let (first, last) = years.fold((u16::MAX, u16::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    if first > last {
        return Ok(());
    }
    let top = series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|p| p.1))
        .fold(0.0_f64, f64::max)
        / 1e9;
    // A tenth above the top value; a file of small flows gets an axis in millions, not a flat line.
    let ceiling = if top > 0.0 { top * 1.1 } else { 0.1 };
    let ink = palette.ink;
    let mut chart = ChartBuilder::on(root)
        .margin(8)
        .margin_top(if event.is_some() { 22 } else { 8 })
        .margin_right(16)
        .x_label_area_size(22)
        .y_label_area_size(if lang == Lang::En { 40 } else { 64 })
        .build_cartesian_2d(f64::from(first) - 0.2..f64::from(last) + 0.2, 0.0..ceiling)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .y_labels(5)
        .bold_line_style(palette.grid)
        .axis_style(palette.axis)
        .x_labels(usize::from(last - first) + 1)
        .x_label_formatter(&|x| format!("{:.0}", x))
        .y_label_formatter(&|y| money_in(y * 1e9, lang))
        .label_style((FontFamily::SansSerif, 11).into_font().color(&ink))
        .draw()?;
    let mark = f64::from(mark_year);
    chart.draw_series(DashedLineSeries::new(
        vec![(mark, 0.0), (mark, ceiling)],
        4,
        3,
        ShapeStyle::from(&ink).stroke_width(1),
    ))?;
    if let Some(event) = event.filter(|e| e.at > f64::from(first) && e.at < f64::from(last)) {
        let red = RGBColor(0xa2, 0x3d, 0x10);
        chart.draw_series(LineSeries::new(vec![(event.at, 0.0), (event.at, ceiling)], red.stroke_width(1)))?;
        // The label sits in the top margin, centred over its line, clear of the series' labels.
        let (x, y) = chart.backend_coord(&(event.at, ceiling));
        let style = (FontFamily::SansSerif, LABEL_SIZE).into_font().color(&red).pos(Pos::new(HPos::Center, VPos::Bottom));
        root.draw(&Text::new(event.label, (x, y - 3), style))?;
    }
    let mut labels = Vec::new();
    for s in series {
        let color = RGBColor(s.color.0, s.color.1, s.color.2);
        let points: Vec<(f64, f64)> =
            s.points.iter().filter_map(|&(y, v)| v.map(|v| (f64::from(y), v / 1e9))).collect();
        chart.draw_series(LineSeries::new(points.iter().copied(), color.stroke_width(2)))?;
        // A point whose report differs from the one before it is hollow: the line joins two sources.
        let hollow = |x: f64| s.changes.iter().any(|&y| f64::from(y) == x);
        chart.draw_series(points.iter().map(|&p| {
            let style = if hollow(p.0) { palette.paper.filled() } else { color.filled() };
            Circle::new(p, 3, style)
        }))?;
        chart.draw_series(points.iter().filter(|p| hollow(p.0)).map(|&p| Circle::new(p, 3, color.stroke_width(2))))?;
        if let Some(&last) = points.last() {
            labels.push((chart.backend_coord(&last), s.label.as_str(), color));
        }
    }
    for ((x, y), text, color) in spread(labels) {
        // A pale box under the text keeps it readable where it crosses a line.
        let width = i32::try_from(text.chars().count()).unwrap_or(0) * (LABEL_SIZE as i32) * 11 / 20;
        let (right, bottom) = (x - 4, y - 3);
        let top = bottom - LABEL_SIZE as i32 - 2;
        root.draw(&Rectangle::new([(right - width - 4, top), (right, bottom)], palette.paper.mix(0.85).filled()))?;
        let style = (FontFamily::SansSerif, LABEL_SIZE).into_font().color(&color).pos(Pos::new(HPos::Right, VPos::Bottom));
        root.draw(&Text::new(text, (x - 6, y - 5), style))?;
    }
    Ok(())
}

/// The series as CSV, one row a year and one column a series (US dollars; empty where no one reported).
///
/// ```
/// use roundabout::story::charts::lines::{csv, Series};
/// let points = vec![(2021, Some(8.2e9)), (2022, None)];
/// let s = Series { label: "China → Kazakhstan".into(), color: (0, 0, 0), points, changes: vec![], note: None };
/// assert_eq!(csv(&[s]), "year,China → Kazakhstan (USD)\n2021,8200000000.00\n2022,\n");
/// ```
pub fn csv(series: &[Series]) -> String {
    let mut years: Vec<u16> = series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).collect();
    crate::sort::sort_by(&mut years, &Ord::cmp);
    years.dedup();
    let mut out = String::from("year");
    for s in series {
        out.push(',');
        out.push_str(&crate::store::csv_cell(&format!("{} (USD)", s.label)));
    }
    out.push('\n');
    for y in years {
        out.push_str(&y.to_string());
        for s in series {
            out.push(',');
            if let Some(v) = s.points.iter().find(|p| p.0 == y).and_then(|p| p.1) {
                out.push_str(&format!("{v:.2}"));
            }
        }
        out.push('\n');
    }
    out
}

/// Moves labels (placed at their lines' last points) down until none sits within
/// [`LABEL_GAP`] of the one above it.
fn spread<T>(mut labels: Vec<((i32, i32), &str, T)>) -> Vec<((i32, i32), &str, T)> {
    crate::sort::sort_by_key(&mut labels, &|l| l.0 .1);
    let mut floor = i32::MIN;
    for l in &mut labels {
        l.0 .1 = l.0 .1.max(floor);
        floor = l.0 .1.saturating_add(LABEL_GAP);
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(series: &[Series]) -> String {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (320, 180)).into_drawing_area();
            draw(&root, series, 2021, Some(&Event { at: 2022.15, label: "Invasion" }), Theme::Light, Lang::En).unwrap();
            root.present().unwrap();
        }
        out
    }

    #[test]
    fn draws_a_line_and_a_dot_per_reported_year() {
        let series = [Series {
            label: "China → Kazakhstan".to_string(),
            color: (0, 114, 178),
            points: vec![(2019, Some(6.8e9)), (2020, None), (2021, Some(8.2e9)), (2023, Some(15.4e9))],
            changes: vec![],
            note: None,
        }];
        let out = svg(&series);
        assert_eq!(out.matches("<circle").count(), 3, "{out}");
        assert!(out.contains("$15bn") || out.contains("$16bn"), "axis reaches the top value: {out}");
        assert!(out.contains("2019") && out.contains("2023"));
        assert!(out.contains("#0072B2") || out.contains("rgb(0,114,178)"), "line in the route's colour");
        assert!(out.contains("Invasion"), "the event is marked");
    }

    #[test]
    fn a_point_from_another_report_than_the_one_before_is_hollow() {
        let series = [Series {
            label: "China → Kazakhstan".to_string(),
            color: (0, 114, 178),
            points: vec![(2021, Some(8.2e9)), (2022, Some(11.1e9)), (2023, Some(24.7e9))],
            changes: vec![2023],
            note: Some("China → Kazakhstan: …".to_string()),
        }];
        let out = svg(&series);
        let circles: Vec<&str> = out.split("<circle").skip(1).map(|c| c.split("/>").next().unwrap_or("")).collect();
        // Three dots, the third outlined over the paper; the first two filled with the line's colour.
        let hollow = circles.iter().filter(|c| c.contains("fill=\"none\"")).count();
        assert_eq!(hollow, 1, "{out}");
        assert_eq!(circles.iter().filter(|c| c.contains("fill=\"#0072B2\"")).count(), 2, "{out}");
        assert_eq!(circles.iter().filter(|c| c.contains("fill=\"#FFFFFF\"")).count(), 1, "{out}");
    }

    #[test]
    fn an_axis_in_millions_reads_in_millions() {
        let series = [Series { label: "Drones".to_string(), color: (0, 0, 0), points: vec![(2022, Some(1.2e6)), (2023, Some(5.9e6))], changes: vec![], note: None }];
        let out = svg(&series);
        assert!(out.contains("$2m") || out.contains("$2.0m"), "a tick in millions: {out}");
        assert!(!out.contains(">$0<") || out.matches(">$0<").count() == 1, "only the origin reads $0: {out}");
    }

    #[test]
    fn each_line_is_labelled_and_close_labels_are_pushed_apart() {
        let line = |label: &str, v: f64| Series { label: label.to_string(), color: (0, 0, 0), points: vec![(2022, Some(v)), (2023, Some(v))], changes: vec![], note: None };
        let out = svg(&[line("High", 10e9), line("Low", 1e9), line("Also low", 1.05e9)]);
        for label in ["High", "Low", "Also low"] {
            assert!(out.contains(label), "{label} in {out}");
        }
        let spread = spread(vec![((0, 100), "a", ()), ((0, 102), "b", ()), ((0, 40), "c", ())]);
        let ys: Vec<i32> = spread.iter().map(|l| l.0 .1).collect();
        assert_eq!(ys, [40, 100, 113]);
    }

    #[test]
    fn the_dark_theme_paints_a_dark_paper() {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (320, 180)).into_drawing_area();
            draw(&root, &[], 2021, None, Theme::Dark, Lang::En).unwrap();
            root.present().unwrap();
        }
        assert!(out.contains("#22252A"), "{out}");
        assert!(!out.contains("#FFFFFF"));
    }

    #[test]
    fn csv_has_a_column_per_series_and_a_row_per_year() {
        let a = Series { label: "A, b".into(), color: (0, 0, 0), points: vec![(2022, Some(1.5)), (2023, None)], changes: vec![], note: None };
        let b = Series { label: "C".into(), color: (0, 0, 0), points: vec![(2021, Some(2.0)), (2023, Some(3.25))], changes: vec![], note: None };
        assert_eq!(csv(&[a, b]), "year,\"A, b (USD)\",C (USD)\n2021,,2.00\n2022,1.50,\n2023,,3.25\n");
    }

    #[test]
    fn no_series_draws_an_empty_frame() {
        let out = svg(&[]);
        assert!(!out.contains("<circle"));
    }
}
