//! The map's frame benchmark for `bench/frame.mjs`: many flows over the finer country shapes, drawn as
//! the page draws them after a change (scene built, then executed on the canvas): after the flows changed,
//! after a pan (both keep the land layer), during and after a zoom gesture. Timing is the caller's.

use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

use crate::countries::ISO;
use crate::geo::{anchor, World};
use crate::lang::Lang;
use super::canvas::{draw, draw_with_copy, LandCopy};
use crate::scene::{build_in_view, build_with_memo, FlowSpec, LandMemo, MapSpec, Rgba, View};

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
                FlowSpec { id, from: places[a], to: places[b], value, color: Rgba(0, 114, 178, 255), label: String::new(), bands: Vec::new() }
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
            legend_colors: Vec::new(),
            lang: Lang::En,
            hover: None,
        };
        Ok(FrameBench { world, spec, view: View::default(), land: LandMemo::with_margin(super::page::LAND_MARGIN), copy: LandCopy::default() })
    }

    /// Only the layout half of a frame: the scene built, not drawn. Returns its item count.
    pub fn layout(&mut self, change: u8) -> usize {
        self.change(change);
        if change == 2 {
            return build_in_view(&self.world, &self.spec, self.view).items.len();
        }
        build_with_memo(&self.world, &self.spec, self.view, &mut self.land).items.len()
    }

    /// One frame: lays the scene out and draws it, after `change`: 0, the flows changed (the hovered flow
    /// moves on); 1, the map moved by a pixel; 2, the map zoomed by 1% and settled (drawn straight, as the
    /// page does then); 3, the map zoomed by 1% during a gesture (the land drawn before it, stretched); 4, the
    /// map zoomed by 1% and the kept land layer made, as the page does when it next idles.
    pub fn frame(&mut self, ctx: &CanvasRenderingContext2d, pixel_ratio: f64, change: u8) -> Result<usize, JsValue> {
        self.change(change);
        if change == 2 {
            let scene = build_in_view(&self.world, &self.spec, self.view);
            draw(ctx, &scene, pixel_ratio)?;
            return Ok(scene.flows.len());
        }
        let scene = build_with_memo(&self.world, &self.spec, self.view, &mut self.land);
        draw_with_copy(ctx, &scene, pixel_ratio, &mut self.copy, 0)?;
        Ok(scene.flows.len())
    }
}

impl FrameBench {
    fn change(&mut self, change: u8) {
        let size = [self.spec.width, self.spec.height];
        match change {
            1 => self.view = self.view.pan_by([1.0, 0.0], size),
            // In and out by turns, so the map stays near its size.
            2..=4 => {
                let factor = if self.view.zoom > 1.0 { 1.0 / 1.01 } else { 1.01 };
                self.view = self.view.zoom_at([size[0] / 2.0, size[1] / 2.0], factor, size);
                self.land.rescaling(change == 3);
            }
            _ => {
                let n = self.spec.flows.len() as u32;
                self.spec.hover = Some(self.spec.hover.map_or(0, |h| (h + 1) % n.max(1)));
            }
        }
    }
}
