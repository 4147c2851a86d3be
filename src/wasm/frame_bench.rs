//! The map's frame benchmark for `bench/frame.mjs`: many flows over the finer country shapes, drawn as
//! the page draws them after a change (scene built, then executed on the canvas). Timing is the caller's.

use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

use crate::countries::ISO;
use crate::geo::{anchor, World};
use crate::lang::Lang;
use crate::scene::{build, FlowSpec, MapSpec, Rgba};

/// A world and a fixed set of flows to draw again and again.
#[wasm_bindgen]
pub struct FrameBench {
    world: World,
    spec: MapSpec,
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
        Ok(FrameBench { world, spec })
    }

    /// Only the layout half of a frame: the scene built, not drawn. Returns its item count.
    pub fn layout(&self) -> usize {
        build(&self.world, &self.spec).items.len()
    }

    /// One frame: lays the scene out and draws it.
    pub fn frame(&self, ctx: &CanvasRenderingContext2d, pixel_ratio: f64) -> Result<usize, JsValue> {
        let scene = build(&self.world, &self.spec);
        super::canvas::draw(ctx, &scene, pixel_ratio)?;
        Ok(scene.flows.len())
    }
}
