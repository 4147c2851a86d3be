//! Country shapes as projected, clipped paths.

use super::color::Rgba;
use super::item::{Item, Seg};
use super::style::{BORDER, BORDER_WIDTH, LAND, LAND_HIGHLIGHT};
use crate::geo::{Country, Projection, World};

/// Points closer than this (px) to the last one kept are dropped: invisible, and they bloat SVG.
const MIN_STEP: f64 = 0.4;
/// Rings wholly this far (px) outside the viewport are left out.
const CULL_MARGIN: f64 = 20.0;

/// One path per country with anything visible in `width × height`; `highlight` ids drawn darker.
pub fn land_items(
    world: &World,
    projection: &impl Projection,
    width: f64,
    height: f64,
    highlight: &[u16],
) -> Vec<Item> {
    world
        .countries
        .iter()
        .filter_map(|c| {
            let d = country_path(c, projection, width, height);
            (!d.is_empty()).then_some(Item::Path {
                d,
                fill: Some(fill_for(c.id, highlight)),
                stroke: Some((BORDER, BORDER_WIDTH)),
            })
        })
        .collect()
}

fn country_path(
    country: &Country,
    projection: &impl Projection,
    width: f64,
    height: f64,
) -> Vec<Seg> {
    let mut d = Vec::new();
    for polygon in &country.polygons {
        for ring in polygon {
            let Some(pts) = projection.project_ring(ring) else {
                continue;
            };
            if !touches_view(&pts, width, height) {
                continue;
            }
            push_ring(&mut d, &pts);
        }
    }
    d
}

fn touches_view(pts: &[[f64; 2]], width: f64, height: f64) -> bool {
    let (mut x0, mut y0, mut x1, mut y1) = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    for p in pts {
        (x0, y0, x1, y1) = (x0.min(p[0]), y0.min(p[1]), x1.max(p[0]), y1.max(p[1]));
    }
    x1 >= -CULL_MARGIN
        && y1 >= -CULL_MARGIN
        && x0 <= width + CULL_MARGIN
        && y0 <= height + CULL_MARGIN
}

fn push_ring(d: &mut Vec<Seg>, pts: &[[f64; 2]]) {
    let Some(&first) = pts.first() else { return };
    let start = d.len();
    d.push(Seg::MoveTo(first));
    let mut last = first;
    for &p in &pts[1..] {
        if (p[0] - last[0]).abs() + (p[1] - last[1]).abs() >= MIN_STEP {
            d.push(Seg::LineTo(p));
            last = p;
        }
    }
    if d.len() - start < 3 {
        d.truncate(start);
    } else {
        d.push(Seg::Close);
    }
}

/// Fill of a country: darker when highlighted (id 0, "no code", is never highlighted).
pub fn fill_for(id: u16, highlight: &[u16]) -> Rgba {
    if id != 0 && highlight.contains(&id) {
        LAND_HIGHLIGHT
    } else {
        LAND
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::geo::NorthUp;

    fn square(id: u16, lon: f64, lat: f64) -> Country {
        let ring = vec![
            [lon, lat],
            [lon + 5.0, lat],
            [lon + 5.0, lat + 5.0],
            [lon, lat + 5.0],
            [lon, lat],
        ];
        Country {
            id,
            name: String::new(),
            polygons: vec![vec![ring]],
        }
    }

    #[test]
    fn visible_highlighted_and_culled() {
        let world = World {
            countries: vec![
                square(398, 70.0, 45.0),
                square(840, -100.0, 40.0),
                square(1, 10.0, 10.0),
            ],
        };
        // Kazakhstan's square in the middle of a 400 px map, 2000 px to the unit sphere's radius.
        let p = NorthUp::for_points(&[[70.0, 45.0], [75.0, 50.0]]).with_scale(2000.0);
        let [x, y] = p.project(72.5, 47.5).unwrap_or([0.0; 2]);
        let p = p.with_translate([200.0 - x, 200.0 - y]);
        let items = land_items(&world, &p, 400.0, 400.0, &[398]);
        assert_eq!(items.len(), 1);
        assert!(matches!(&items[0], Item::Path { fill: Some(f), .. } if *f == LAND_HIGHLIGHT));
        assert_eq!(fill_for(0, &[0]), LAND);
    }
}
