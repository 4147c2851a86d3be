//! The canvas target: executes a scene's display list on a 2D context.
//!
//! Mechanical by design: every decision was made when the scene was built; this file only
//! translates items into context calls.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, CanvasWindingRule, HtmlCanvasElement};

use crate::scene::style::FONT;
use crate::scene::{Anchor, Item, Scene, Seg};

/// Draws `scene` on `ctx`, whose canvas is `scene.width × pixel_ratio` device pixels wide:
/// the transform maps CSS px to device pixels, so lines and text stay crisp on HiDPI screens.
pub fn draw(
    ctx: &CanvasRenderingContext2d,
    scene: &Scene,
    pixel_ratio: f64,
) -> Result<(), JsValue> {
    paint(ctx, scene, ratio_or_one(pixel_ratio), &scene.items)
}

/// The scene's background, then `items` on top.
fn paint(ctx: &CanvasRenderingContext2d, scene: &Scene, ratio: f64, items: &[Item]) -> Result<(), JsValue> {
    ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)?;
    ctx.clear_rect(0.0, 0.0, scene.width, scene.height);
    ctx.set_fill_style_str(&scene.background.css());
    ctx.fill_rect(0.0, 0.0, scene.width, scene.height);
    draw_items(ctx, scene, items)
}

/// A drawn copy of the map's land layer, kept while the layer stays the same.
#[derive(Default)]
pub struct LandCopy {
    canvas: Option<HtmlCanvasElement>,
    key: Option<(u64, u64, u64)>,
}

/// [`draw`], copying the land layer from `copy` when `scene` has the same one (same generation, pixel
/// ratio and `tag`, e.g. the theme), and redrawing it into `copy` otherwise: after a hover or a year change
/// the frame is one image copy plus the flows.
pub fn draw_with_copy(
    ctx: &CanvasRenderingContext2d,
    scene: &Scene,
    pixel_ratio: f64,
    copy: &mut LandCopy,
    tag: u64,
) -> Result<(), JsValue> {
    if scene.land_generation == 0 {
        return draw(ctx, scene, pixel_ratio);
    }
    let ratio = ratio_or_one(pixel_ratio);
    let key = (scene.land_generation, ratio.to_bits(), tag);
    let canvas = match copy.canvas.take() {
        Some(c) if copy.key == Some(key) => c,
        reused => {
            let canvas = match reused {
                Some(c) => c,
                None => web_sys::window()
                    .and_then(|w| w.document())
                    .ok_or_else(|| JsValue::from_str("map: no document to draw the land on"))?
                    .create_element("canvas")?
                    .dyn_into::<HtmlCanvasElement>()?,
            };
            let [x, y, w, h] = scene.land_frame;
            canvas.set_width((w * ratio).round() as u32);
            canvas.set_height((h * ratio).round() as u32);
            let land = canvas
                .get_context("2d")?
                .ok_or_else(|| JsValue::from_str("map: no 2D context for the land"))?
                .dyn_into::<CanvasRenderingContext2d>()?;
            // The copy's own frame starts at the layer's corner.
            land.set_transform(ratio, 0.0, 0.0, ratio, -x * ratio, -y * ratio)?;
            land.set_fill_style_str(&scene.background.css());
            land.fill_rect(x, y, w, h);
            land.set_line_join("round");
            scene.items.get(..scene.land).unwrap_or_default().iter().try_for_each(|item| draw_item(&land, item))?;
            copy.key = Some(key);
            canvas
        }
    };
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)?;
    ctx.clear_rect(0.0, 0.0, scene.width * ratio, scene.height * ratio);
    let [x, y, w, h] = scene.land_frame;
    if (w * ratio).round() as u32 == canvas.width() {
        ctx.draw_image_with_html_canvas_element(&canvas, (x * ratio).round(), (y * ratio).round())?;
    } else {
        // A zoom gesture's frame: the kept layer stretched (see scene::LandMemo::rescaling).
        ctx.draw_image_with_html_canvas_element_and_dw_and_dh(&canvas, x * ratio, y * ratio, w * ratio, h * ratio)?;
    }
    copy.canvas = Some(canvas);
    ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)?;
    draw_items(ctx, scene, scene.items.get(scene.land..).unwrap_or_default())
}

fn ratio_or_one(pixel_ratio: f64) -> f64 {
    if pixel_ratio.is_finite() && pixel_ratio > 0.0 {
        pixel_ratio
    } else {
        1.0
    }
}

/// Draws `items` clipped to the scene, on a context whose transform is set.
fn draw_items(ctx: &CanvasRenderingContext2d, scene: &Scene, items: &[Item]) -> Result<(), JsValue> {
    ctx.save();
    ctx.begin_path();
    ctx.rect(0.0, 0.0, scene.width, scene.height);
    ctx.clip();
    ctx.set_line_join("round");
    let drawn = items.iter().try_for_each(|item| draw_item(ctx, item));
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
