//! The map's frame benchmark for `bench/frame.mjs`: many flows over the finer country shapes, drawn as
//! the page draws them after a change (scene built, then executed on the canvas): after the flows changed
//! (the land layer kept) and after a pan (everything again). Timing is the caller's.

use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

use crate::countries::ISO;
use crate::geo::{anchor, World};
use crate::lang::Lang;
use super::canvas::{draw_with_copy, LandCopy};
use crate::scene::{build_with_memo, FlowSpec, LandMemo, MapSpec, Rgba, View};

/// A world and a fixed set of flows to draw again and again.
#[wasm_bindgen]
pub struct FrameBench {
    world: World,
    spec: MapSpec,
    view: View,
    land: LandMemo,
    copy: LandCopy,
}

#[wasm_bindgen]
impl FrameBench {
    /// `flows` seeded flows between anchored countries, skewed in value, on a `width` × `height` map.
    #[wasm_bindgen(constructor)]
    pub fn new(topojson: &[u8], flows: u32, width: f64, height: f64) -> Result<FrameBench, JsError> {
        let world = World::from_topojson(topojson).map_err(|e| JsError::new(&e.to_string()))?;
        let places: Vec<[f64; 2]> = ISO.iter().filter_map(|c| anchor(c.alpha3)).collect();
        let mut seed: u64 = 42;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let n = places.len() as u64;
        let specs = (0..flows)
            .map(|id| {
                let (a, b) = ((next() % n) as usize, (next() % n) as usize);
                let b = if a == b { (b + 1) % places.len() } else { b };
                let value = 1e9 / f64::from(id + 1);
                FlowSpec { id, from: places[a], to: places[b], value, color: Rgba(0, 114, 178, 255), label: String::new() }
            })
            .collect();
        let spec = MapSpec {
            width,
            height,
            highlight: vec![],
            labels: vec![],
            flows: specs,
            max_value: 1e9,
            max_width: 24.0,
            legend_title: "US$".to_string(),
            legend_note: String::new(),
            lang: Lang::En,
            hover: None,
        };
        Ok(FrameBench { world, spec, view: View::default(), land: LandMemo::default(), copy: LandCopy::default() })
    }

    /// Only the layout half of a frame: the scene built, not drawn. Returns its item count.
    pub fn layout(&mut self, panned: bool) -> usize {
        self.change(panned);
        build_with_memo(&self.world, &self.spec, self.view, &mut self.land).items.len()
    }

    /// One frame: lays the scene out and draws it, after the flows changed (the hovered flow moves on)
    /// or, when `panned`, after the map moved by a pixel.
    pub fn frame(&mut self, ctx: &CanvasRenderingContext2d, pixel_ratio: f64, panned: bool) -> Result<usize, JsValue> {
        self.change(panned);
        let scene = build_with_memo(&self.world, &self.spec, self.view, &mut self.land);
        draw_with_copy(ctx, &scene, pixel_ratio, &mut self.copy, 0)?;
        Ok(scene.flows.len())
    }
}

impl FrameBench {
    fn change(&mut self, panned: bool) {
        if panned {
            self.view = self.view.pan_by([1.0, 0.0], [self.spec.width, self.spec.height]);
        } else {
            let n = self.spec.flows.len() as u32;
            self.spec.hover = Some(self.spec.hover.map_or(0, |h| (h + 1) % n.max(1)));
        }
    }
}
