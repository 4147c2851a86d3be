//! The canvas target: executes a scene's display list on a 2D context.
//!
//! Mechanical by design: every decision was made when the scene was built; this file only
//! turns the walker's calls (`scene::walk`) into context calls.

use std::f64::consts::TAU;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, CanvasWindingRule, HtmlCanvasElement};

use crate::scene::style::FONT;
use crate::scene::{walk, Anchor, FillRule, Item, Label, Rgba, Scene, Target};

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
            walk_onto(&land, scene.items.get(..scene.land).unwrap_or_default())?;
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
    let drawn = walk_onto(ctx, items);
    ctx.restore();
    drawn
}

/// A 2D context as a drawing target; fills with the rule of the shape begun last and keeps the
/// first error the context gave.
pub struct Canvas<'a> {
    ctx: &'a CanvasRenderingContext2d,
    rule: FillRule,
    error: Option<JsValue>,
    /// The state set last (font, alignment, colours, line width), set again only when an item changes it:
    /// the context parses a font or a colour each time one is set, and a map's countries share theirs.
    font: String,
    align: &'static str,
    fill: Option<Rgba>,
    stroke: Option<Rgba>,
    width: Option<f64>,
}

impl<'a> Canvas<'a> {
    /// A target drawing on `ctx` with its current transform.
    pub fn new(ctx: &'a CanvasRenderingContext2d) -> Canvas<'a> {
        Canvas { ctx, rule: FillRule::NonZero, error: None, font: String::new(), align: "", fill: None, stroke: None, width: None }
    }

    fn fill_style(&mut self, c: Rgba) {
        if self.fill != Some(c) {
            self.ctx.set_fill_style_str(&c.css());
            self.fill = Some(c);
        }
    }

    fn stroke_style(&mut self, c: Rgba, width: f64) {
        if self.stroke != Some(c) {
            self.ctx.set_stroke_style_str(&c.css());
            self.stroke = Some(c);
        }
        if self.width != Some(width) {
            self.ctx.set_line_width(width);
            self.width = Some(width);
        }
    }

    /// The first error the context gave, if any.
    pub fn done(self) -> Result<(), JsValue> {
        self.error.map_or(Ok(()), Err)
    }

    fn keep(&mut self, drawn: Result<(), JsValue>) {
        if let (Err(e), None) = (drawn, &self.error) {
            self.error = Some(e);
        }
    }
}

/// Walks `items` onto `ctx`.
pub fn walk_onto(ctx: &CanvasRenderingContext2d, items: &[Item]) -> Result<(), JsValue> {
    let mut canvas = Canvas::new(ctx);
    walk(items, &mut canvas);
    canvas.done()
}

impl Target for Canvas<'_> {
    fn begin(&mut self, rule: FillRule) {
        self.rule = rule;
        self.ctx.begin_path();
    }

    fn move_to(&mut self, [x, y]: [f64; 2]) {
        self.ctx.move_to(x, y);
    }

    fn line_to(&mut self, [x, y]: [f64; 2]) {
        self.ctx.line_to(x, y);
    }

    fn quad_to(&mut self, [cx, cy]: [f64; 2], [x, y]: [f64; 2]) {
        self.ctx.quadratic_curve_to(cx, cy, x, y);
    }

    fn close(&mut self) {
        self.ctx.close_path();
    }

    fn circle(&mut self, [x, y]: [f64; 2], r: f64) {
        // Start on the circle, so that no line joins it to the shape's last circle.
        self.ctx.move_to(x + r, y);
        let drawn = self.ctx.arc(x, y, r, 0.0, TAU);
        self.keep(drawn);
    }

    fn paint(&mut self, fill: Option<Rgba>, stroke: Option<(Rgba, f32)>) {
        if let Some(c) = fill {
            self.fill_style(c);
            match self.rule {
                FillRule::EvenOdd => self.ctx.fill_with_canvas_winding_rule(CanvasWindingRule::Evenodd),
                FillRule::NonZero => self.ctx.fill(),
            }
        }
        if let Some((c, w)) = stroke {
            self.stroke_style(c, f64::from(w));
            self.ctx.stroke();
        }
    }

    fn text(&mut self, l: &Label) {
        let (ctx, [x, y]) = (self.ctx, l.at);
        let weight = if l.bold { "bold " } else { "" };
        let font = format!("{weight}{}px {FONT}", l.size);
        if font != self.font {
            ctx.set_font(&font);
            self.font = font;
        }
        let align = match l.anchor {
            Anchor::Start => "left",
            Anchor::Middle => "center",
            Anchor::End => "right",
        };
        if align != self.align {
            ctx.set_text_align(align);
            self.align = align;
        }
        ctx.set_text_baseline("middle");
        if let Some(h) = l.halo {
            self.stroke_style(h, 3.0);
            let drawn = ctx.stroke_text(&l.text, x, y);
            self.keep(drawn);
        }
        self.fill_style(l.color);
        let drawn = ctx.fill_text(&l.text, x, y);
        self.keep(drawn);
    }
}
