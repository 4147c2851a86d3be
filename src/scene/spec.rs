//! What the caller asks the map to show.

use super::color::Rgba;
use crate::lang::Lang;

/// One directed flow between two places.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowSpec {
    /// The caller's id, returned by hit-testing.
    pub id: u32,
    /// Origin `[lon, lat]` degrees.
    pub from: [f64; 2],
    /// Destination `[lon, lat]` degrees.
    pub to: [f64; 2],
    /// Value in US dollars; sets the width.
    pub value: f64,
    /// Fill colour of the arrow.
    pub color: Rgba,
    /// Drawn beside the arrow's middle (e.g. "$15.4bn"); empty for none.
    pub label: String,
    /// With two or more, the arrow is cut lengthwise into side-by-side bands, one per entry, as wide as
    /// its share of the values and filled with its colour, in order; otherwise it is drawn in `color`.
    pub bands: Vec<(f64, Rgba)>,
}

/// The whole map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapSpec {
    /// Width in CSS px.
    pub width: f64,
    /// Height in CSS px.
    pub height: f64,
    /// ISO numeric ids of countries drawn darker.
    pub highlight: Vec<u16>,
    /// Place labels at `[lon, lat]`.
    pub labels: Vec<([f64; 2], String)>,
    /// The flows.
    pub flows: Vec<FlowSpec>,
    /// The value drawn `max_width` wide; fixed across views so they compare. Widths stay proportional above it.
    pub max_value: f64,
    /// Width in px of a flow of `max_value`; capped at 1/18 of the view's smaller side.
    pub max_width: f64,
    /// Title of the width key.
    pub legend_title: String,
    /// A line under the key's samples, e.g. "50 other routes: $1.27bn"; empty for none.
    pub legend_note: String,
    /// The colours on show and what each means (e.g. product groups), listed in the key with a swatch.
    pub legend_colors: Vec<(Rgba, String)>,
    /// The language of the key's values ("$5bn", "5 млрд $").
    pub lang: Lang,
    /// Id of the flow drawn emphasised.
    pub hover: Option<u32>,
}
