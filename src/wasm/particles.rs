//! The travelling dots' canvas: cleared and redrawn every animation frame, so the map under it
//! is painted only when it changes.

use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d;

use super::canvas::Canvas;
use crate::scene::{walk_dots, Scene};

/// Clears the canvas and draws `scene`'s dots at `seconds`.
pub fn draw(ctx: &CanvasRenderingContext2d, scene: &Scene, seconds: f64, pixel_ratio: f64) -> Result<(), JsValue> {
    let ratio = if pixel_ratio.is_finite() && pixel_ratio > 0.0 { pixel_ratio } else { 1.0 };
    ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)?;
    ctx.clear_rect(0.0, 0.0, scene.width, scene.height);
    let mut canvas = Canvas::new(ctx);
    walk_dots(&scene.particles(seconds), &mut canvas);
    canvas.done()
}
