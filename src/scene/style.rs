//! The house style: quiet land, strong flows, dark grey text on white halos.

use super::color::Rgba;

/// Sea and background: a very light warm grey.
pub const SEA: Rgba = Rgba::rgb(0xf6, 0xf5, 0xf2);
/// Land.
pub const LAND: Rgba = Rgba::rgb(0xe4, 0xe2, 0xdd);
/// Highlighted countries.
pub const LAND_HIGHLIGHT: Rgba = Rgba::rgb(0xcf, 0xca, 0xc0);
/// Country borders.
pub const BORDER: Rgba = Rgba::rgb(0xff, 0xff, 0xff);
/// Border width in px.
pub const BORDER_WIDTH: f32 = 0.6;
/// Text.
pub const INK: Rgba = Rgba::rgb(0x33, 0x33, 0x33);
/// Secondary text (the legend's values).
pub const INK_SOFT: Rgba = Rgba::rgb(0x66, 0x66, 0x66);
/// Halo under text.
pub const HALO: Rgba = Rgba::rgb(0xff, 0xff, 0xff);
/// Thin outline that separates overlapping flows.
pub const FLOW_EDGE: Rgba = Rgba(0xff, 0xff, 0xff, 0xcc);
/// Outline of the hovered flow.
pub const HOVER_EDGE: Rgba = Rgba::rgb(0x1a, 0x1a, 0x1a);
/// Anchor dots.
pub const DOT: Rgba = Rgba::rgb(0x33, 0x33, 0x33);
/// Anchor dot radius in px.
pub const DOT_RADIUS: f64 = 3.5;
/// Gap in px between a flow's end and the centre of its dot.
pub const END_GAP: f64 = DOT_RADIUS + 3.0;
/// Narrowest flow in px, so tiny flows stay visible.
pub const MIN_WIDTH: f64 = 1.0;
/// Sideways bow of a flow's control point, as a share of its length.
pub const BOW: f64 = 0.22;
/// Place label size in px.
pub const LABEL_SIZE: f32 = 13.0;
/// Flow label size in px.
pub const FLOW_LABEL_SIZE: f32 = 11.0;
/// Legend text size in px.
pub const LEGEND_SIZE: f32 = 11.0;
/// Font stack for targets that name one.
pub const FONT: &str = "'Helvetica Neue', Helvetica, Arial, sans-serif";
/// Rough advance of one character, as a share of the font size (for layout without fonts).
pub const CHAR_WIDTH: f64 = 0.56;
/// Rough advance of a capital letter, as a share of the font size.
pub const CAPS_WIDTH: f64 = 0.7;
/// Rough advance of the widest letters (m, w), as a share of the font size.
pub const WIDE_WIDTH: f64 = 0.85;
