use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::contrast;
use super::labels::{self, Want};
use crate::format::money_in;
use crate::lang::Lang;
use crate::scene::Theme;

/// Label size in px.
const LABEL_SIZE: u32 = 11;
/// The plot's margins in px: around it, above it for the event's label, and the x axis' labels under it.
const MARGIN: i32 = 8;
const EVENT_MARGIN: i32 = 22;
const X_AXIS: i32 = 22;

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
    /// Written beside the line's last point, so no legend is needed.
    pub label: String,
    /// The label's short form ("CHN → KAZ"), where the label is too wide for its column.
    pub short: String,
    pub color: (u8, u8, u8),
    pub points: Vec<(u16, Option<f64>)>,
    /// Years whose point comes from another report than the point before it: drawn hollow.
    pub changes: Vec<u16>,
    /// Names the reports joined, for the chart's table, e.g. "China → Kazakhstan: Kazakhstan's import
    /// figures (Comtrade) 2019–2022; China's export figures (Comtrade) 2023".
    pub note: Option<String>,
}

/// Draws the routes over time on any plotters backend: the page's canvas, or SVG on the host.
/// `mark_year`, when among the years shown, gets a dashed rule (the baseline). Values are in US dollars, shown in billions.
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
    let paper = (palette.paper.0, palette.paper.1, palette.paper.2);
    let ink = palette.ink;
    let (width, _) = root.dim_in_pixel();
    let drawn = |s: &Series| s.points.iter().any(|p| p.1.is_some());
    let mut wants: Vec<Want> = series.iter().map(|s| Want { text: &s.label, short: &s.short, end: drawn(s).then_some((0, 0)) }).collect();
    let margin_top = if event.is_some() { EVENT_MARGIN } else { MARGIN };
    let column = labels::column_width(&wants, width) + labels::LEADER + 4;
    let y_axis = if lang == Lang::En { 40 } else { 64 };
    // Every year's label where there is room, else every second or third: a year's label is about 34 px.
    let plot_width = i32::try_from(width).unwrap_or(320) - y_axis - MARGIN - column;
    let span = i32::from(last - first) + 1;
    let step = (34 * span / plot_width.max(1) + 1).clamp(1, span);
    let mut chart = ChartBuilder::on(root)
        .margin(MARGIN)
        .margin_top(margin_top)
        .margin_right(column)
        .x_label_area_size(X_AXIS)
        .y_label_area_size(y_axis)
        .build_cartesian_2d(f64::from(first) - 0.2..f64::from(last) + 0.2, 0.0..ceiling)?;
    let year_label = |x: &f64| {
        let on_step = (x - x.round()).abs() < 0.01 && (x.round() as i32 - i32::from(first)) % step == 0;
        if on_step { format!("{x:.0}") } else { String::new() }
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .y_labels(5)
        .bold_line_style(palette.grid)
        .axis_style(palette.axis)
        .x_labels(usize::from(last - first) + 1)
        .x_label_formatter(&year_label)
        .y_label_formatter(&|y| money_in(y * 1e9, lang))
        .label_style((FontFamily::SansSerif, LABEL_SIZE).into_font().color(&ink))
        .draw()?;
    // A baseline outside the years shown is not ruled at the plot's edge as if it were one of them.
    if (first..=last).contains(&mark_year) {
        let mark = f64::from(mark_year);
        chart.draw_series(DashedLineSeries::new(
            vec![(mark, 0.0), (mark, ceiling)],
            4,
            3,
            ShapeStyle::from(&ink).stroke_width(1),
        ))?;
    }
    if let Some(event) = event.filter(|e| e.at > f64::from(first) && e.at < f64::from(last)) {
        let red = RGBColor(0xa2, 0x3d, 0x10);
        chart.draw_series(LineSeries::new(vec![(event.at, 0.0), (event.at, ceiling)], red.stroke_width(1)))?;
        // The label sits in the top margin, centred over its line but never past the chart's edges.
        let (x, y) = chart.backend_coord(&(event.at, ceiling));
        let half = labels::text_width(event.label) / 2 + 2;
        let x = x.clamp(half, (i32::try_from(width).unwrap_or(0) - half).max(half));
        let text = color(contrast::readable((red.0, red.1, red.2), paper));
        let style = (FontFamily::SansSerif, LABEL_SIZE).into_font().color(&text).pos(Pos::new(HPos::Center, VPos::Bottom));
        root.draw(&Text::new(event.label, (x, y - 3), style))?;
    }
    for (s, want) in series.iter().zip(wants.iter_mut()) {
        let color = color(s.color);
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
        want.end = points.last().map(|last| chart.backend_coord(last));
    }
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    // Sized by `height`, the chart holds every label; a smaller one goes without (its table names the lines).
    for (i, short, b) in labels::place(&wants, width, xs.end, ys.start, ys.end).unwrap_or_default() {
        let (s, want) = (&series[i], &wants[i]);
        let mid = b.y + b.h / 2;
        if let Some((x, y)) = want.end {
            // The leader line: from the line's end to its label.
            root.draw(&PathElement::new(vec![(x + 4, y), (b.x - 6, mid), (b.x - 2, mid)], color(s.color).mix(0.6).stroke_width(1)))?;
        }
        let text = color(contrast::readable(s.color, paper));
        let style = (FontFamily::SansSerif, LABEL_SIZE).into_font().color(&text).pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(if short { s.short.as_str() } else { s.label.as_str() }, (b.x, mid), style))?;
    }
    Ok(())
}

/// The height in px the chart needs, `base` px or more: as tall as its lines' labels, a row each, need.
pub fn height(series: &[Series], base: u32, event: bool) -> u32 {
    let labelled = series.iter().filter(|s| s.points.iter().any(|p| p.1.is_some())).count();
    let rows = u32::try_from(labelled).unwrap_or(u32::MAX).saturating_mul(labels::ROW as u32);
    let around = (if event { EVENT_MARGIN } else { MARGIN } + MARGIN + X_AXIS) as u32;
    base.max(rows.saturating_add(around))
}

fn color((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// The series as CSV, one row a year and one column a series (US dollars; empty where no one reported).
///
/// ```
/// use roundabout::story::charts::lines::{csv, Series};
/// let points = vec![(2021, Some(8.2e9)), (2022, None)];
/// let s = Series { label: "China → Kazakhstan".into(), short: String::new(), color: (0, 0, 0), points, changes: vec![], note: None };
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

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(series: &[Series]) -> String {
        marked(series, 2021)
    }

    fn marked(series: &[Series], mark_year: u16) -> String {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (320, 180)).into_drawing_area();
            draw(&root, series, mark_year, Some(&Event { at: 2022.15, label: "Invasion" }), Theme::Light, Lang::En).unwrap();
            root.present().unwrap();
        }
        out
    }

    #[test]
    fn a_baseline_outside_the_years_shown_is_not_ruled() {
        let series = [Series {
            label: "France → Italy".to_string(),
            short: String::new(), color: (0, 114, 178),
            points: vec![(2018, Some(6e2)), (2019, Some(7e2))],
            changes: vec![],
            note: None,
        }];
        let lines = |year| marked(&series, year).matches("<polyline").count();
        assert!(lines(2019) > lines(2021), "a baseline among the years is ruled");
        assert_eq!(lines(2021), lines(2017), "one after or before them is not");
    }

    #[test]
    fn draws_a_line_and_a_dot_per_reported_year() {
        let series = [Series {
            label: "China → Kazakhstan".to_string(),
            short: String::new(), color: (0, 114, 178),
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
            short: String::new(), color: (0, 114, 178),
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
        let series = [Series { label: "Drones".to_string(), short: String::new(), color: (0, 0, 0), points: vec![(2022, Some(1.2e6)), (2023, Some(5.9e6))], changes: vec![], note: None }];
        let out = svg(&series);
        assert!(out.contains("$2m") || out.contains("$2.0m"), "a tick in millions: {out}");
        assert!(!out.contains(">$0<") || out.matches(">$0<").count() == 1, "only the origin reads $0: {out}");
    }

    #[test]
    fn each_line_is_labelled_beside_the_plot_and_close_labels_are_pushed_apart() {
        let line = |label: &str, v: f64| Series { label: label.to_string(), short: String::new(), color: (0, 0, 0), points: vec![(2022, Some(v)), (2023, Some(v))], changes: vec![], note: None };
        let out = svg(&[line("High", 10e9), line("Low", 1e9), line("Also low", 1.05e9)]);
        let ys: Vec<i32> = ["High", "Low", "Also low"]
            .iter()
            .map(|label| {
                let at = out.find(&format!("\n{label}\n</text>")).unwrap_or_else(|| panic!("{label} in {out}"));
                let y = out[..at].rsplit(" y=\"").next().and_then(|r| r.split('"').next()).and_then(|y| y.parse().ok());
                y.unwrap_or_else(|| panic!("{label}'s y in {out}"))
            })
            .collect();
        assert!(ys[0] < ys[1] && ys[1] - ys[2] >= labels::ROW, "{ys:?}: High on top, Also low above Low, a row apart");
        assert_eq!(out.matches(r#"opacity="0.6""#).count(), 3, "a leader line each: {out}");
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
        let a = Series { label: "A, b".into(), short: String::new(), color: (0, 0, 0), points: vec![(2022, Some(1.5)), (2023, None)], changes: vec![], note: None };
        let b = Series { label: "C".into(), short: String::new(), color: (0, 0, 0), points: vec![(2021, Some(2.0)), (2023, Some(3.25))], changes: vec![], note: None };
        assert_eq!(csv(&[a, b]), "year,\"A, b (USD)\",C (USD)\n2021,,2.00\n2022,1.50,\n2023,,3.25\n");
    }

    #[test]
    fn no_series_draws_an_empty_frame() {
        let out = svg(&[]);
        assert!(!out.contains("<circle"));
    }
}
