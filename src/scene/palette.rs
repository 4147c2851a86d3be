//! Colours for categories of flows (the map's product groups): the Okabe–Ito hues, which stay apart for
//! readers with colour-blindness, darkened for the light theme and lightened for the dark one until each
//! stands at least 3:1 against the land, the highlighted land and the sea (WCAG 2.1 non-text contrast).

use super::color::Rgba;

/// Category colours on the light theme: vermillion, blue, bluish green, reddish purple, orange, yellow,
/// then two greys (for "other" and "all").
pub const DAY: [Rgba; 8] = [
    Rgba::rgb(0x9a, 0x44, 0x00),
    Rgba::rgb(0x00, 0x6c, 0xa9),
    Rgba::rgb(0x00, 0x63, 0x48),
    Rgba::rgb(0x70, 0x43, 0x5c),
    Rgba::rgb(0x56, 0x3c, 0x00),
    Rgba::rgb(0x72, 0x6c, 0x1f),
    Rgba::rgb(0x6a, 0x6a, 0x6a),
    Rgba::rgb(0x40, 0x40, 0x40),
];

/// The same categories on the dark theme.
pub const NIGHT: [Rgba; 8] = [
    Rgba::rgb(0xe3, 0x92, 0x53),
    Rgba::rgb(0x99, 0xc7, 0xe0),
    Rgba::rgb(0x33, 0xb1, 0x8f),
    Rgba::rgb(0xd5, 0x90, 0xb6),
    Rgba::rgb(0xf1, 0xc8, 0x6c),
    Rgba::rgb(0xf7, 0xf1, 0x9c),
    Rgba::rgb(0xc9, 0xc9, 0xc9),
    Rgba::rgb(0xff, 0xff, 0xff),
];

/// Category `i`'s light-theme colour at opacity `alpha` (the last colour past the end).
pub fn category(i: usize, alpha: u8) -> Rgba {
    let Rgba(r, g, b, _) = DAY[i.min(DAY.len() - 1)];
    Rgba(r, g, b, alpha)
}

/// The dark theme's counterpart of a light-theme category colour, keeping its opacity.
pub fn at_night(c: Rgba) -> Option<Rgba> {
    let i = DAY
        .iter()
        .position(|d| (d.0, d.1, d.2) == (c.0, c.1, c.2))?;
    let Rgba(r, g, b, _) = NIGHT[i];
    Some(Rgba(r, g, b, c.3))
}
