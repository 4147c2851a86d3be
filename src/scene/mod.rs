//! The map as a display list in screen space: land, flows, dots, labels, legend.
//!
//! [`build`] lays a [`MapSpec`] out over a [`World`](crate::geo::World) into a [`Scene`];
//! [`walk()`] hands its items to a drawing [`Target`] ([`to_svg`] here, the canvas in `wasm`,
//! [`record::Recording`] in tests), and
//! [`Scene::hit_flow`] answers which flow is under the pointer.

/// In-between maps for transitions.
pub mod blend;
/// Laying a `MapSpec` out into a `Scene`.
pub mod build;
/// Colours (`Rgba`) and their CSS forms.
pub mod color;
/// Quadratic Bézier curves: points, tangents, splitting, distance.
pub mod curve;
/// One flow's curve on screen and the arrow shape drawn for it.
pub mod flow;
/// Which flow lies under a screen point.
pub mod hit;
/// Display-list items: paths, circles, text.
pub mod item;
/// Country shapes as projected paths.
pub mod land;
/// The land layer kept between maps that share it.
pub mod land_memo;
/// The width key in the bottom-left corner.
pub mod legend;
/// How wide a text is drawn: one model for labels and the key.
pub mod measure;
/// Round values for the width key.
pub mod money;
/// Category colours (product groups), light and dark, colour-blind safe.
pub mod palette;
/// Dots travelling along the flows.
pub mod particles;
/// Placing a label beside a dot, clear of the flows.
pub mod place;
/// The recording target, for tests of what the map draws.
pub mod record;
/// The `Scene`: what targets draw and what hit-testing reads.
pub mod scene_def;
/// What the caller asks for: `MapSpec` and `FlowSpec`.
pub mod spec;
/// The house style: colours, sizes, fonts.
pub mod style;
/// The SVG target: a standalone SVG document.
pub mod svg;
/// What a drawing target can do.
pub mod target;
/// Light and dark colours.
pub mod theme;
/// The reader's pan and zoom.
pub mod view;
/// The one walk over a scene's items and dots.
pub mod walk;
/// Breaking text into lines that fit a width.
pub mod wrap;

pub use build::{build, build_in_view, build_with_memo};
pub use land_memo::LandMemo;
pub use color::Rgba;
pub use flow::FlowCurve;
pub use item::{Anchor, Item, Seg};
pub use particles::Particle;
pub use scene_def::Scene;
pub use spec::{FlowSpec, MapSpec};
pub use svg::to_svg;
pub use target::{FillRule, Label, Target};
pub use theme::Theme;
pub use view::View;
pub use walk::{walk, walk_dots};
