//! The travelling dots' canvas: cleared and redrawn every animation frame, so the map under it
//! is painted only when it changes.

use std::f64::consts::TAU;

use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d;

use crate::scene::Scene;

/// Dots are white over the coloured arrows, a little see-through.
const DOT: &str = "rgba(255, 255, 255, 0.85)";

/// Clears the canvas and draws `scene`'s dots at `seconds`.
pub fn draw(ctx: &CanvasRenderingContext2d, scene: &Scene, seconds: f64, pixel_ratio: f64) -> Result<(), JsValue> {
    let ratio = if pixel_ratio.is_finite() && pixel_ratio > 0.0 { pixel_ratio } else { 1.0 };
    ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)?;
    ctx.clear_rect(0.0, 0.0, scene.width, scene.height);
    ctx.set_fill_style_str(DOT);
    ctx.begin_path();
    for p in scene.particles(seconds) {
        ctx.move_to(p.at[0] + p.r, p.at[1]);
        ctx.arc(p.at[0], p.at[1], p.r, 0.0, TAU)?;
    }
    ctx.fill();
    Ok(())
}
