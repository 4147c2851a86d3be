//! The browser binding: deserialize, call the core, hand back small structs. No logic lives here.
//!
//! Two modules are built from it: the page's (feature `page`: the map, its chart, the panel) and the
//! worker's (feature `worker`: every trade format, gzip, and the analysis questions). The page loads only
//! its own; the worker's is fetched when a reader loads a file or scrolls to the analysis views.

/// The map and the panel.
#[cfg(feature = "page")]
pub mod page;
#[cfg(feature = "page")]
pub use page::*;
/// Executes a scene on a canvas 2D context.
#[cfg(feature = "page")]
pub mod canvas;
/// Draws the travelling dots on their own canvas.
#[cfg(feature = "page")]
pub mod particles;
/// One plotters backend for the canvas and SVG, so charts compile once.
#[cfg(feature = "page")]
pub mod either;
/// A table asked about its products.
#[cfg(feature = "worker")]
pub mod analysis;
/// A reader's file, pushed in chunks: the benchmarks' load (the page's worker reads through `files`).
#[cfg(feature = "bench")]
pub mod file_feed;
/// Several files, zips among them, read into one table by the page's worker.
#[cfg(feature = "worker")]
pub mod files;
/// A file read in pieces by several workers at once.
#[cfg(feature = "worker")]
pub mod pieces;
/// A zip's directory, read from slices of the file.
#[cfg(feature = "worker")]
pub mod zip_dir;
/// A story saved from the page as a zip, and opened again.
#[cfg(feature = "worker")]
pub mod saved;
/// Benchmark handles, left out of the page's build.
#[cfg(feature = "bench")]
pub mod bench;
/// The map's frame benchmark, left out of the page's build.
#[cfg(feature = "bench")]
pub mod frame_bench;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

fn to_js(e: crate::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// The page's language, which the worker words a refused file in ([`refused`]): `Lang::ALL`'s index.
#[cfg(feature = "worker")]
static LANGUAGE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Words the worker's refusals of a file in the page's language (`en`, `uk`, `ru`), which the page sends
/// with the files.
#[cfg(feature = "worker")]
#[wasm_bindgen(js_name = refuseIn)]
pub fn refuse_in(tag: &str) {
    let lang = crate::lang::Lang::parse(tag).unwrap_or_default();
    LANGUAGE.store(lang as usize, std::sync::atomic::Ordering::Relaxed);
}

/// The page's language, as [`refuse_in`] was last told it.
#[cfg(feature = "worker")]
fn page_language() -> crate::lang::Lang {
    crate::lang::Lang::ALL[LANGUAGE.load(std::sync::atomic::Ordering::Relaxed)]
}

/// An error reading a reader's file, in the page's language where the core words it so.
#[cfg(feature = "worker")]
fn refused(e: crate::Error) -> JsError {
    JsError::new(&e.said_in(page_language()))
}
