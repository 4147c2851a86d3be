//! The line chart's labels: wherever the lines end, however many and however long, the placed label boxes
//! never meet, stay within the chart's width and right of the plot (so clear of every line's end and of
//! the invasion marker, both inside the plot); more than the plot's height holds make the chart taller.
//! Then the same through the whole chart, drawn as SVG: ten and fourteen routes of one year.

use plotters::prelude::*;
use roundabout::lang::Lang;
use roundabout::scene::Theme;
use roundabout::story::charts::labels::{self, Want};
use roundabout::story::charts::lines::{self, Event, Series};

const NAMES: [&str; 6] = [
    "China",
    "Kazakhstan",
    "South Africa",
    "United Arab Emirates",
    "Russia",
    "Kyrgyzstan",
];

#[test]
fn placed_labels_never_meet_and_stay_in_the_chart() {
    let mut cases = 0;
    for n in 1..=14usize {
        for width in [300u32, 320, 390] {
            for crowd in [0, 3, 40] {
                let texts: Vec<(String, String)> = (0..n)
                    .map(|i| {
                        (
                            format!("{} → {}", NAMES[i % 6], NAMES[(i * 5 + 1) % 6]),
                            format!("C{i:02} → R{i:02}"),
                        )
                    })
                    .collect();
                let mut wants: Vec<Want> = texts
                    .iter()
                    .enumerate()
                    .map(|(i, (t, s))| Want {
                        text: t,
                        short: s,
                        end: Some((0, 60 + (i as i32 * crowd) % 90)),
                    })
                    .collect();
                // The plot's right edge leaves room for the column, as the chart's margin does.
                let right = width as i32 - labels::column_width(&wants, width) - labels::LEADER - 4;
                for w in &mut wants {
                    w.end = w.end.map(|(_, y)| (right - 10, y));
                }
                let Some(placed) = labels::place(&wants, width, right, 22, 150) else {
                    // The plot holds ten rows of labels: 128 px.
                    assert!(n > 10, "{n} labels refused");
                    continue;
                };
                assert_eq!(placed.len(), n, "every label placed");
                for (k, (i, short, b)) in placed.iter().enumerate() {
                    assert!(
                        b.x >= 0 && b.x + b.w <= width as i32,
                        "{n} labels, {width} px: {b:?} leaves the chart"
                    );
                    assert_eq!(
                        b.w,
                        labels::text_width(if *short { &texts[*i].1 } else { &texts[*i].0 })
                    );
                    assert!(
                        b.x > right && b.y >= 22 && b.y + b.h <= 150,
                        "{b:?} beside the plot"
                    );
                    for (_, _, other) in &placed[k + 1..] {
                        assert!(
                            !b.meets(other),
                            "{n} labels, {width} px, crowd {crowd}: {b:?} meets {other:?}"
                        );
                    }
                }
                cases += 1;
            }
        }
    }
    assert_eq!(cases, 10 * 3 * 3);
}

#[test]
fn a_chart_grows_only_past_what_its_plot_holds() {
    let line = |i: u16| Series {
        label: format!("Route {i}"),
        short: String::new(),
        color: (0, 0, 0),
        points: vec![(2023, Some(1.0))],
        changes: vec![],
        note: None,
    };
    let series: Vec<Series> = (0..14).map(line).collect();
    assert_eq!(lines::height(&series[..10], 180, true), 180);
    // Eleven rows of 12 px, and the margins above and below the plot (22 + 8 + 22).
    assert_eq!(lines::height(&series[..11], 180, true), 11 * 12 + 52);
}

/// The chart's texts as boxes, from the SVG's anchors and the labels' estimated widths.
fn text_boxes(svg: &str) -> Vec<(String, labels::Boxed)> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|t| {
            let t = format!(" {t}");
            let attr = |name: &str| {
                t.split(&format!(" {name}=\""))
                    .nth(1)?
                    .split('"')
                    .next()
                    .map(str::to_string)
            };
            let x: i32 = attr("x")?.parse().ok()?;
            let y: i32 = attr("y")?.parse().ok()?;
            let text = t
                .split('>')
                .nth(1)?
                .split("</text")
                .next()?
                .trim()
                .to_string();
            let w = labels::text_width(&text);
            let left = match attr("text-anchor").as_deref() {
                Some("end") => x - w,
                Some("middle") => x - w / 2,
                _ => x,
            };
            // Anchored by their middle (the labels) or their top (the x axis' years) or their foot (the event).
            let top = match attr("dy").as_deref() {
                Some("0.5ex") => y - 5,
                Some("0.76em") => y,
                _ => y - 9,
            };
            (!text.is_empty()).then_some((
                text,
                labels::Boxed {
                    x: left,
                    y: top,
                    w,
                    h: 10,
                },
            ))
        })
        .collect()
}

#[test]
fn ten_and_fourteen_routes_of_one_year_drawn_without_a_collision() {
    for n in [10, 14] {
        draw_without_a_collision(n);
    }
}

fn draw_without_a_collision(n: usize) {
    let series: Vec<Series> = (0..n)
        .map(|i| Series {
            label: format!("{} → {}", NAMES[i % 6], NAMES[(i + 3) % 6]),
            short: format!("C{i} → R{i}"),
            color: (0, 114, 178),
            points: vec![(2023, Some(1e9 + i as f64 * 1e7))],
            changes: vec![],
            note: None,
        })
        .collect();
    for theme in [Theme::Light, Theme::Dark] {
        let height = lines::height(&series, 180, true);
        assert_eq!(
            height > 180,
            n > 10,
            "taller only past ten lines: {height} px"
        );
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (320, height)).into_drawing_area();
            lines::draw(
                &root,
                &series,
                2021,
                Some(&Event {
                    at: 2022.15,
                    label: "Invasion",
                }),
                theme,
                Lang::En,
            )
            .expect("drawn");
            root.present().expect("presented");
        }
        let texts = text_boxes(&svg);
        assert!(texts.len() >= n, "{svg}");
        for (i, (a, b)) in texts.iter().enumerate() {
            assert!(
                b.x >= 0 && b.x + b.w <= 320 && b.y >= 0 && b.y + b.h <= height as i32,
                "{a} leaves the chart: {b:?}"
            );
            for (c, d) in &texts[i + 1..] {
                assert!(!b.meets(d), "{a} {b:?} meets {c} {d:?}");
            }
        }
    }
}
