//! One plotters backend that is either the page's canvas or an SVG string, so that each chart's drawing
//! code is compiled once for both targets instead of twice (it saves wasm; the methods only delegate).
//! The canvas is drawn at a pixel ratio: laid out in CSS px, its backing store that many times larger
//! (its context scaled by the caller).

use std::error::Error;
use std::fmt;

use plotters::prelude::{DrawingBackend, SVGBackend};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// The canvas of the page (and its pixel ratio), or an SVG document being written.
pub enum Either<'a> {
    Canvas(CanvasBackend, f64),
    Svg(SVGBackend<'a>),
}

impl Either<'_> {
    /// `canvas`, laid out at `ratio` device px a CSS px (1 where the ratio is not a positive number); the
    /// caller scales the canvas's context by the same ratio.
    pub fn canvas(canvas: HtmlCanvasElement, ratio: f64) -> Option<Either<'static>> {
        let ratio = if ratio.is_finite() && ratio > 0.0 { ratio } else { 1.0 };
        Some(Either::Canvas(CanvasBackend::with_canvas_object(canvas)?, ratio))
    }
}

/// Either backend's error, as its message.
#[derive(Debug)]
pub struct ChartError(String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for ChartError {}

fn conv<E: Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawingErrorKind<ChartError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(ChartError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

type Result<T> = std::result::Result<T, DrawingErrorKind<ChartError>>;

macro_rules! both {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            Either::Canvas($b, _) => $call.map_err(conv),
            Either::Svg($b) => $call.map_err(conv),
        }
    };
}

impl DrawingBackend for Either<'_> {
    type ErrorType = ChartError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Either::Canvas(b, ratio) => {
                let (w, h) = b.get_size();
                ((f64::from(w) / ratio).round() as u32, (f64::from(h) / ratio).round() as u32)
            }
            Either::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<()> {
        both!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result<()> {
        both!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<()> {
        both!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<()> {
        both!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Result<()> {
        both!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<()> {
        both!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<()> {
        both!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<()> {
        both!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result<()> {
        both!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32)> {
        both!(self, b => b.estimate_text_size(text, style))
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Result<()> {
        both!(self, b => b.blit_bitmap(pos, size, src))
    }
}
