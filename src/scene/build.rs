//! Laying a [`MapSpec`] out over a [`World`] into a [`Scene`].

use super::curve::dist;
use super::flow::FlowCurve;
use super::item::{Anchor, Item, Seg};
use super::land::land_items;
use super::land_memo::LandMemo;
use super::measure::{bold_width, text_width};
use super::legend::legend;
use super::place::{label_point, text_box, Board, Rings, BESIDE, FAR, OUT};
use super::scene_def::Scene;
use super::spec::{FlowSpec, MapSpec};
use super::style::{
    DOT, DOT_RADIUS, FLOW_EDGE, FLOW_LABEL_SIZE, HALO, HOVER_EDGE, INK, INK_SOFT, LABEL_SIZE,
    MIN_WIDTH, SEA,
};
use super::view::View;
use crate::geo::{anchored_at, bbox_points, fit, NorthUp, Projection, World};

/// View when there are no flows: Europe to China (west, south, east, north).
const DEFAULT_VIEW: [f64; 4] = [-10.0, 30.0, 120.0, 62.0];
/// Share of the fitted scale kept, leaving context around the flows.
const ZOOM_OUT: f64 = 0.72;
/// The widest flow is at most the view's smaller side over this.
const MAX_WIDTH_SHARE: f64 = 18.0;
/// The width and height in px of the page's zoom buttons at the map's top right, with their margins.
const ZOOM_BUTTONS: [f64; 2] = [44.0, 114.0];
/// Flow width when the spec gives none usable.
const DEFAULT_MAX_WIDTH: f64 = 24.0;

/// Lays the map out: a north-up equal-area projection (a conic for a region, Equal Earth for the
/// world, see [`NorthUp::for_points`]) fitted to the flows' end points (with room for the curves' bows, their labels and the
/// key), land, flows (largest first, the hovered one last with a dark outline), anchor dots,
/// labels and the width key. Never fails: unusable numbers fall back to defaults, flows
/// with non-finite positions or values are left out.
pub fn build(world: &World, spec: &MapSpec) -> Scene {
    build_in_view(world, spec, View::default())
}

/// [`build`], then the reader's pan and zoom on top of the fitted projection. The key and
/// the labels keep their size; only the map moves under them.
pub fn build_in_view(world: &World, spec: &MapSpec, view: View) -> Scene {
    let mut scene = build_with_memo(world, spec, view, &mut LandMemo::default());
    scene.land_generation = 0; // a memo of its own: nothing to compare with
    scene
}

/// [`build_in_view`], taking the land layer from `memo` when it still fits (see [`LandMemo`]).
pub fn build_with_memo(world: &World, spec: &MapSpec, view: View, memo: &mut LandMemo) -> Scene {
    let width = positive_or(spec.width, 800.0);
    let height = positive_or(spec.height, 500.0);
    // Small views cap the widest flow so arrows do not bury the map.
    let max_width =
        positive_or(spec.max_width, DEFAULT_MAX_WIDTH).min(width.min(height) / MAX_WIDTH_SHARE);
    let flows: Vec<&FlowSpec> = spec
        .flows
        .iter()
        .filter(|f| f.from.iter().chain(&f.to).all(|v| v.is_finite()) && f.value.is_finite())
        .collect();
    let largest = flows.iter().map(|f| f.value).fold(0.0, f64::max);
    let max_value = if spec.max_value > 0.0 && spec.max_value.is_finite() {
        spec.max_value
    } else {
        largest
    };
    let width_of = |v: f64| {
        if max_value > 0.0 {
            (v.max(0.0) / max_value * max_width).max(MIN_WIDTH)
        } else {
            MIN_WIDTH
        }
    };

    let (key, key_box) = legend(&spec.legend_title, &spec.legend_note, &spec.legend_colors, spec.lang, max_value, [width, height], width_of);
    let projection = view.apply(
        frame(&flows, width, height, max_width, key_box, &width_of),
        [width, height],
    );
    let laid = layout(&projection, &flows, spec.hover, &width_of);

    let shapes = (world as *const World as usize, world.countries.len());
    let land = memo.land(&projection, [width, height], &spec.highlight, shapes, |p, [w, h]| land_items(world, p, w, h, &spec.highlight));
    let (land_frame, land_generation) = (land.frame, land.generation);
    let mut items = land.items;
    let land = items.len();
    for (f, s) in &laid {
        // A white edge parts overlapping flows; on hairlines it would wash the colour out.
        let edge = if f.width < 4.0 { 0.4 } else { 0.75 };
        let stroke = if spec.hover == Some(f.id) {
            (HOVER_EDGE, 1.5)
        } else {
            (FLOW_EDGE, edge)
        };
        if s.bands.len() < 2 {
            items.push(Item::Path {
                d: f.arrow(),
                fill: Some(s.color),
                stroke: Some(stroke),
            });
            continue;
        }
        let values: Vec<f64> = s.bands.iter().map(|b| b.0).collect();
        for (d, band) in f.bands(&values).into_iter().zip(&s.bands) {
            items.push(Item::Path {
                d,
                fill: Some(band.1),
                stroke: None,
            });
        }
        // One edge round the whole arrow: between bands it would read as a gap.
        items.push(Item::Path {
            d: f.arrow(),
            fill: None,
            stroke: Some(stroke),
        });
    }
    let mut dots: Vec<[f64; 2]> = Vec::new();
    for (f, _) in &laid {
        for p in [f.from, f.to] {
            if !dots.iter().any(|d| dist(*d, p) < 0.5) {
                dots.push(p);
            }
        }
    }
    for &at in &dots {
        items.push(Item::Circle {
            at,
            r: DOT_RADIUS,
            fill: Some(DOT),
            stroke: Some((HALO, 1.0)),
        });
    }
    // Country labels first, the busiest country first, then flow labels (largest flow first, the
    // hovered one always). A label with no free place for its name near its dot takes its ISO code instead
    // (as newsroom maps shorten the lesser names in a crowd), or goes out on a long leader line; with no
    // place at all, it is left off.
    let curves: Vec<FlowCurve> = laid.iter().map(|(f, _)| *f).collect();
    // The page's zoom buttons lie over the map's top-right corner (style.css `.zoom`): no label under them.
    let buttons = [width - ZOOM_BUTTONS[0], 0.0, width, ZOOM_BUTTONS[1]];
    let mut board = Board::new(&curves, [width, height], key_box.into_iter().chain([buttons])).with_dots(&dots, DOT_RADIUS);
    let mut texts = Vec::new();
    let traffic = |at: &[f64; 2]| -> f64 { flows.iter().filter(|f| f.from == *at || f.to == *at).map(|f| f.value.max(0.0)).sum() };
    // Places at the ends of arrows drawn before those whose arrows are too short to draw (no dot).
    let mut labels: Vec<_> = spec
        .labels
        .iter()
        .filter_map(|l| {
            let p = projection.project(l.0[0], l.0[1])?;
            Some((dots.iter().find(|d| dist(**d, p) < 3.0).copied(), traffic(&l.0), p, l))
        })
        .collect();
    crate::sort::sort_by(&mut labels, &|a, b| b.0.is_some().cmp(&a.0.is_some()).then(b.1.total_cmp(&a.1)));
    let size = f64::from(LABEL_SIZE);
    for (dot, _, p, (lonlat, name)) in labels {
        let short = anchored_at(*lonlat).filter(|code| code.chars().count() < name.chars().count());
        // Beside its dot the name, else the code; then, out in the sea on a long leader line, the same. A
        // place without a dot is named on its point, else by its code alone beside it or a little out.
        let full = Some(name.as_str());
        let tries: [(Option<&str>, &[Rings]); 4] = match dot {
            Some(_) => [(full, &[BESIDE, OUT]), (short, &[BESIDE, OUT]), (full, &FAR), (short, &FAR)],
            None => [(full, &[]), (short, &[]), (short, &[BESIDE, OUT]), (None, &[])],
        };
        let placed = tries.into_iter().find_map(|(text, rings)| {
            let text = text?;
            let w = bold_width(text, size);
            let (at, anchor, leader) = match dot {
                Some(d) => board.beside_dot(d, DOT_RADIUS, w, size, rings).map(|(at, anchor, out)| (at, anchor, out.then_some(d)))?,
                None if rings.is_empty() => board.take(text_box(p, Anchor::Middle, w, size)).then_some((p, Anchor::Middle, None))?,
                None => board.beside_dot(p, 0.0, w, size, rings).map(|(at, anchor, out)| (at, anchor, out.then_some(p)))?,
            };
            Some((text, w, at, anchor, leader))
        });
        let Some((text, w, at, anchor, leader)) = placed else {
            continue;
        };
        if let Some(dot) = leader {
            texts.push(leader_line(dot, text_box(at, anchor, w, size)));
        }
        texts.push(Item::Text {
            at,
            text: text.to_string(),
            size: LABEL_SIZE,
            color: INK,
            anchor,
            halo: Some(HALO),
            bold: true,
        });
    }
    let mut by_value: Vec<&(FlowCurve, &FlowSpec)> =
        laid.iter().filter(|(_, s)| !s.label.is_empty()).collect();
    crate::sort::sort_by(&mut by_value, &|a, b| {
        let hovered = |f: &FlowCurve| spec.hover != Some(f.id);
        hovered(&a.0)
            .cmp(&hovered(&b.0))
            .then(b.1.value.total_cmp(&a.1.value))
    });
    for (f, s) in by_value {
        let size = f64::from(FLOW_LABEL_SIZE);
        let hovered = spec.hover == Some(f.id);
        let Some(at) = board.along_flow(f, text_width(&s.label, size), size, hovered) else {
            continue;
        };
        texts.push(Item::Text {
            at,
            text: s.label.clone(),
            size: FLOW_LABEL_SIZE,
            color: INK,
            anchor: Anchor::Middle,
            halo: Some(HALO),
            bold: hovered,
        });
    }
    items.extend(texts);
    items.extend(key);

    Scene {
        width,
        height,
        background: SEA,
        items,
        flows: curves,
        projection,
        land,
        land_frame,
        land_generation,
    }
}

/// The projection: chosen for the end points and fitted to them, then refitted so the
/// curves' bows and labels fit too, then, if anything falls under the key, above the key.
fn frame(
    flows: &[&FlowSpec],
    width: f64,
    height: f64,
    max_width: f64,
    key_box: Option<[f64; 4]>,
    width_of: &impl Fn(f64) -> f64,
) -> NorthUp {
    let mut ends: Vec<[f64; 2]> = Vec::new();
    for f in flows {
        for p in [f.from, f.to] {
            if !ends.iter().any(|e| e == &p) {
                ends.push(p);
            }
        }
    }
    let pad = (width.min(height) * 0.05)
        .max(max_width / 2.0 + 14.0)
        .min(width.min(height) / 4.0);
    let targets = if ends.is_empty() {
        let [w, s, e, n] = DEFAULT_VIEW;
        bbox_points(w, s, e, n)
    } else {
        ends
    };
    let base = NorthUp::for_points(&targets);
    let fallback = base
        .clone()
        .with_scale(width.min(height) / 3.0)
        .with_translate([width / 2.0, height / 2.0]);
    let first = fit(&base, &targets, width, height, pad).unwrap_or(fallback);
    let mut points = targets.clone();
    points.extend(
        extents(&first, flows, width_of)
            .iter()
            .filter_map(|p| first.invert(p[0], p[1])),
    );
    let second = zoom_out(
        fit(&base, &points, width, height, pad).unwrap_or(first),
        width,
        height,
    );
    let Some([kx0, ky0, kx1, _]) = key_box else {
        return second;
    };
    let under_key = points
        .iter()
        .filter_map(|p| second.project(p[0], p[1]))
        .any(|[x, y]| x >= kx0 - 8.0 && x <= kx1 + 8.0 && y >= ky0 - 8.0);
    if !under_key {
        return second;
    }
    // Above the key or right of it, whichever leaves the larger map.
    let above = fit(&base, &points, width, ky0 - 8.0, pad).map(|p| zoom_out(p, width, ky0 - 8.0));
    let beside = fit(&base, &points, width - kx1 - 8.0, height, pad).map(|p| {
        let p = zoom_out(p, width - kx1 - 8.0, height);
        let t = p.translate();
        p.with_translate([t[0] + kx1 + 8.0, t[1]])
    });
    match (above, beside) {
        (Ok(a), Ok(b)) => {
            if b.scale() > a.scale() {
                b
            } else {
                a
            }
        }
        (Ok(a), Err(_)) => a,
        (Err(_), Ok(b)) => b,
        (Err(_), Err(_)) => second,
    }
}

/// The projection scaled down about the middle of `width × height`, so the flows sit in
/// their surroundings rather than filling the frame edge to edge.
/// Small views keep more of the fitted scale: there, every pixel of the flows counts.
fn zoom_out(p: NorthUp, width: f64, height: f64) -> NorthUp {
    let small = ((700.0 - width.min(height)) / 300.0).clamp(0.0, 1.0);
    let zoom = ZOOM_OUT + small * (0.9 - ZOOM_OUT);
    let (k, t) = (p.scale(), p.translate());
    let (cx, cy) = (width / 2.0, height / 2.0);
    p.with_scale(k * zoom)
        .with_translate([cx + (t[0] - cx) * zoom, cy + (t[1] - cy) * zoom])
}

/// Screen points a flow reaches beyond its ends: the curve's middle and its label's box.
fn extents(
    projection: &NorthUp,
    flows: &[&FlowSpec],
    width_of: &impl Fn(f64) -> f64,
) -> Vec<[f64; 2]> {
    let mut out = Vec::new();
    for (f, s) in layout(projection, flows, None, width_of) {
        out.push(f.curve.at(0.5));
        if !s.label.is_empty() {
            let size = f64::from(FLOW_LABEL_SIZE);
            let tw = text_width(&s.label, size);
            let [x, y] = label_point(&f, 0.5, tw, size);
            out.extend([
                [x - tw / 2.0, y - size / 2.0],
                [x + tw / 2.0, y + size / 2.0],
            ]);
        }
    }
    out
}

/// Flows on screen in drawing order: largest first, the hovered one last.
fn layout<'a>(
    projection: &NorthUp,
    flows: &[&'a FlowSpec],
    hover: Option<u32>,
    width_of: &impl Fn(f64) -> f64,
) -> Vec<(FlowCurve, &'a FlowSpec)> {
    let mut laid: Vec<(FlowCurve, &FlowSpec)> = flows
        .iter()
        .filter_map(|s| {
            let a = projection.project(s.from[0], s.from[1])?;
            let b = projection.project(s.to[0], s.to[1])?;
            let curve = FlowCurve::layout(s.id, a, b, width_of(s.value))?;
            Some((FlowCurve { faint: s.color.3 < 255, ..curve }, *s))
        })
        .collect();
    crate::sort::sort_by(&mut laid, &|a, b| b.1.value.total_cmp(&a.1.value).then(a.1.id.cmp(&b.1.id)));
    if let Some(i) = laid.iter().position(|(f, _)| Some(f.id) == hover) {
        let h = laid.remove(i);
        laid.push(h);
    }
    laid
}

/// A thin line from a dot's edge to the nearest point of its label's box `b`, set out of a crowd.
fn leader_line(dot: [f64; 2], b: [f64; 4]) -> Item {
    let end = [dot[0].clamp(b[0], b[2]), dot[1].clamp(b[1], b[3])];
    let d = dist(dot, end).max(1e-9);
    let start = [0, 1].map(|i| dot[i] + (end[i] - dot[i]) * (DOT_RADIUS + 1.0) / d);
    Item::Path { d: vec![Seg::MoveTo(start), Seg::LineTo(end)], fill: None, stroke: Some((INK_SOFT, 1.0)) }
}

/// Capitals run wider than the average character (an ISO code, "NOR", by about a third), and "m" and "w"
/// wider still ("$9m").
fn positive_or(v: f64, default: f64) -> f64 {
    if v > 0.0 && v.is_finite() {
        v
    } else {
        default
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::scene::Rgba;

    fn flow(id: u32, from: [f64; 2], to: [f64; 2], value: f64) -> FlowSpec {
        FlowSpec {
            id,
            from,
            to,
            value,
            color: Rgba(200, 40, 40, 255),
            label: String::new(),
            bands: Vec::new(),
        }
    }

    fn spec(flows: Vec<FlowSpec>) -> MapSpec {
        MapSpec {
            width: 800.0,
            height: 500.0,
            highlight: vec![],
            labels: vec![],
            flows,
            max_value: 10e9,
            max_width: 20.0,
            legend_title: "Exports".into(),
            legend_note: String::new(),
            legend_colors: Vec::new(),
            lang: crate::lang::Lang::En,
            hover: None,
        }
    }

    #[test]
    fn largest_first_hover_last_and_min_width() {
        let mut s = spec(vec![
            flow(1, [37.6, 55.8], [71.4, 51.2], 1e9),
            flow(2, [116.4, 39.9], [71.4, 51.2], 9e9),
            flow(3, [74.6, 42.9], [37.6, 55.8], 1.0),
        ]);
        let scene = build(&World::default(), &s);
        assert_eq!(
            scene.flows.iter().map(|f| f.id).collect::<Vec<_>>(),
            vec![2, 1, 3]
        );
        assert!((scene.flows[0].width - 18.0).abs() < 1e-9);
        assert_eq!(scene.flows[2].width, MIN_WIDTH);
        s.hover = Some(2);
        let scene = build(&World::default(), &s);
        assert_eq!(scene.flows.last().map(|f| f.id), Some(2));
    }

    #[test]
    fn bad_numbers_fall_back() {
        let mut s = spec(vec![
            flow(1, [f64::NAN, 0.0], [71.4, 51.2], 1e9),
            flow(2, [37.6, 55.8], [71.4, 51.2], f64::INFINITY),
        ]);
        s.width = f64::NAN;
        s.max_value = -1.0;
        let scene = build(&World::default(), &s);
        assert!(scene.flows.is_empty() && scene.width == 800.0);
        let empty = build(&World::default(), &spec(vec![]));
        assert!(empty
            .projection
            .project(37.6, 55.8)
            .is_some_and(|[x, y]| x > 0.0 && x < 800.0 && y > 0.0 && y < 500.0));
    }
}
