use super::item::{Item, Seg};
use crate::geo::NorthUp;

/// The land layer of the last map, kept while the projection (but for where it is moved to), the size, the
/// shapes and the highlighted countries stay the same. A hover, a year change or a slide between years then
/// neither projects the coastlines again nor (with the canvas's copy, see `wasm::canvas`) redraws them; nor
/// does a pan of less than the layer's margin, as it reaches that far beyond the map on every side.
#[derive(Debug, Default)]
pub struct LandMemo {
    key: Option<LandKey>,
    /// Where the projection put the map's centre when the layer was made.
    anchor: [f64; 2],
    /// In the layer's own frame: the map's top left at `[margin, margin]`.
    items: Vec<Item>,
    /// The margin as a share of the map's longer side.
    margin_share: f64,
    margin: f64,
    /// Counts the layers made; a target that keeps a drawn copy compares it.
    generation: u64,
    /// While a zoom gesture lasts: a kept layer that still covers the map is scaled, not made again.
    rescale: bool,
}

#[derive(Debug, PartialEq)]
struct LandKey {
    /// The projection with its translation left out.
    projection: NorthUp,
    /// The projection's scale (also inside `projection`; apart, to compare the rest without it).
    scale: f64,
    size: [f64; 2],
    highlight: Vec<u16>,
    /// Which shapes: the address of the `World` and its size, as the 110m and 50m shapes live side by side.
    world: (usize, usize),
}

/// A land layer as a scene holds it.
pub(crate) struct Land {
    /// In screen coordinates.
    pub items: Vec<Item>,
    /// The rectangle `[x, y, width, height]` (screen px) that the layer covers; while a zoom gesture
    /// lasts, the kept layer's drawing is stretched over it.
    pub frame: [f64; 4],
    pub generation: u64,
}

impl LandMemo {
    /// A memo whose layers reach `share` of the map's longer side beyond it, so that pans of up to that
    /// much reuse them.
    pub fn with_margin(share: f64) -> LandMemo {
        LandMemo { margin_share: if share.is_finite() { share.max(0.0) } else { 0.0 }, ..LandMemo::default() }
    }

    /// While `on`, a zoom scales the kept layer when it still covers the map (a blurrier land for the length
    /// of a gesture, in a fraction of the time); the first layer made after it is off is sharp again.
    pub fn rescaling(&mut self, on: bool) {
        self.rescale = on;
    }

    /// The land for `projection` on a `size` map, from the kept layer when it fits, else from `make`,
    /// which gets the projection and size to draw (the map grown by the margin).
    pub(crate) fn land(
        &mut self,
        projection: &NorthUp,
        size: [f64; 2],
        highlight: &[u16],
        world: (usize, usize),
        make: impl FnOnce(&NorthUp, [f64; 2]) -> Vec<Item>,
    ) -> Land {
        let key = LandKey { projection: projection.clone().with_translate([0.0, 0.0]), scale: projection.scale(), size, highlight: highlight.to_vec(), world };
        let t = projection.translate();
        if let Some(land) = self.scaled(&key, t) {
            return land;
        }
        let moved = [t[0] - self.anchor[0], t[1] - self.anchor[1]];
        let within = moved.iter().all(|d| d.abs() <= self.margin);
        if self.key.as_ref() != Some(&key) || !within {
            self.margin = (self.margin_share * size[0].max(size[1])).round();
            let m = self.margin;
            let grown = projection.clone().with_translate([t[0] + m, t[1] + m]);
            self.items = make(&grown, [size[0] + 2.0 * m, size[1] + 2.0 * m]);
            self.key = Some(key);
            self.anchor = t;
            self.generation += 1;
        }
        let shift = [t[0] - self.anchor[0] - self.margin, t[1] - self.anchor[1] - self.margin];
        let m2 = 2.0 * self.margin;
        Land {
            items: self.items.iter().map(|item| shifted(item, shift)).collect(),
            frame: [shift[0], shift[1], size[0] + m2, size[1] + m2],
            generation: self.generation,
        }
    }
}

impl LandMemo {
    /// The kept layer scaled to `key`'s projection moved to `t`, when rescaling is on, only the scale differs
    /// and the result still covers the map.
    fn scaled(&self, key: &LandKey, t: [f64; 2]) -> Option<Land> {
        let kept = self.key.as_ref().filter(|_| self.rescale)?;
        let k = key.scale / kept.scale;
        let same = kept.size == key.size && kept.highlight == key.highlight && kept.world == key.world;
        if !same || k == 1.0 || !k.is_finite() || kept.projection.clone().with_scale(key.scale) != key.projection {
            return None;
        }
        // A layer point q was at q - anchor - margin + anchor's translate; with the scale times k it is at
        // k (q - anchor - margin) + t.
        let m = self.margin;
        let offset = [t[0] - k * (self.anchor[0] + m), t[1] - k * (self.anchor[1] + m)];
        let extent = [k * (key.size[0] + 2.0 * m), k * (key.size[1] + 2.0 * m)];
        let covers = offset[0] <= 0.0 && offset[1] <= 0.0 && offset[0] + extent[0] >= key.size[0] && offset[1] + extent[1] >= key.size[1];
        covers.then(|| Land {
            items: self.items.iter().map(|item| moved(item, k, offset)).collect(),
            frame: [offset[0], offset[1], extent[0], extent[1]],
            generation: self.generation,
        })
    }
}

/// `item` moved by `by`.
fn shifted(item: &Item, by: [f64; 2]) -> Item {
    if by == [0.0, 0.0] {
        return item.clone();
    }
    moved(item, 1.0, by)
}

/// `item` scaled by `k` from the origin, then moved by `by`.
fn moved(item: &Item, k: f64, by: [f64; 2]) -> Item {
    let p = |q: [f64; 2]| [k * q[0] + by[0], k * q[1] + by[1]];
    match item {
        Item::Path { d, fill, stroke } => Item::Path {
            d: d.iter()
                .map(|s| match *s {
                    Seg::MoveTo(a) => Seg::MoveTo(p(a)),
                    Seg::LineTo(a) => Seg::LineTo(p(a)),
                    Seg::QuadTo(c, a) => Seg::QuadTo(p(c), p(a)),
                    Seg::Close => Seg::Close,
                })
                .collect(),
            fill: *fill,
            stroke: *stroke,
        },
        Item::Circle { at, r, fill, stroke } => Item::Circle { at: p(*at), r: *r, fill: *fill, stroke: *stroke },
        Item::Text { at, text, size, color, anchor, halo, bold } => {
            Item::Text { at: p(*at), text: text.clone(), size: *size, color: *color, anchor: *anchor, halo: *halo, bold: *bold }
        }
    }
}
