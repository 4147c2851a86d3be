//! The canvas target: executes a scene's display list on a 2D context.
//!
//! Mechanical by design: every decision was made when the scene was built; this file only
//! translates items into context calls.

use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, CanvasWindingRule};

use crate::scene::style::FONT;
use crate::scene::{Anchor, Item, Scene, Seg};

/// Draws `scene` on `ctx`, whose canvas is `scene.width × pixel_ratio` device pixels wide:
/// the transform maps CSS px to device pixels, so lines and text stay crisp on HiDPI screens.
pub fn draw(
    ctx: &CanvasRenderingContext2d,
    scene: &Scene,
    pixel_ratio: f64,
) -> Result<(), JsValue> {
    let ratio = if pixel_ratio.is_finite() && pixel_ratio > 0.0 {
        pixel_ratio
    } else {
        1.0
    };
    ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)?;
    ctx.clear_rect(0.0, 0.0, scene.width, scene.height);
    ctx.set_fill_style_str(&scene.background.css());
    ctx.fill_rect(0.0, 0.0, scene.width, scene.height);
    ctx.save();
    ctx.begin_path();
    ctx.rect(0.0, 0.0, scene.width, scene.height);
    ctx.clip();
    ctx.set_line_join("round");
    let drawn = scene.items.iter().try_for_each(|item| draw_item(ctx, item));
    ctx.restore();
    drawn
}

fn draw_item(ctx: &CanvasRenderingContext2d, item: &Item) -> Result<(), JsValue> {
    match item {
        Item::Path { d, fill, stroke } => {
            ctx.begin_path();
            for seg in d {
                match *seg {
                    Seg::MoveTo([x, y]) => ctx.move_to(x, y),
                    Seg::LineTo([x, y]) => ctx.line_to(x, y),
                    Seg::QuadTo([cx, cy], [x, y]) => ctx.quadratic_curve_to(cx, cy, x, y),
                    Seg::Close => ctx.close_path(),
                }
            }
            if let Some(c) = fill {
                ctx.set_fill_style_str(&c.css());
                ctx.fill_with_canvas_winding_rule(CanvasWindingRule::Evenodd);
            }
            if let Some((c, w)) = stroke {
                ctx.set_stroke_style_str(&c.css());
                ctx.set_line_width(f64::from(*w));
                ctx.stroke();
            }
        }
        Item::Circle {
            at,
            r,
            fill,
            stroke,
        } => {
            ctx.begin_path();
            ctx.arc(at[0], at[1], *r, 0.0, std::f64::consts::TAU)?;
            if let Some(c) = fill {
                ctx.set_fill_style_str(&c.css());
                ctx.fill();
            }
            if let Some((c, w)) = stroke {
                ctx.set_stroke_style_str(&c.css());
                ctx.set_line_width(f64::from(*w));
                ctx.stroke();
            }
        }
        Item::Text {
            at,
            text,
            size,
            color,
            anchor,
            halo,
            bold,
        } => {
            let weight = if *bold { "bold " } else { "" };
            ctx.set_font(&format!("{weight}{size}px {FONT}"));
            ctx.set_text_align(match anchor {
                Anchor::Start => "left",
                Anchor::Middle => "center",
                Anchor::End => "right",
            });
            ctx.set_text_baseline("middle");
            if let Some(h) = halo {
                ctx.set_stroke_style_str(&h.css());
                ctx.set_line_width(3.0);
                ctx.stroke_text(text, at[0], at[1])?;
            }
            ctx.set_fill_style_str(&color.css());
            ctx.fill_text(text, at[0], at[1])?;
        }
    }
    Ok(())
}
