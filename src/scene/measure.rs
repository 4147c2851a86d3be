//! How wide a text is drawn, without fonts: one model for every text the scene lays out (labels, the key).

use super::style::{CAPS_WIDTH, CHAR_WIDTH, WIDE_WIDTH};

/// Bold glyphs run about a tenth wider.
const BOLD: f64 = 1.1;

/// Width in px of `text` at `size` px: capitals and m/w wider than the rest, as in the sans-serif fonts the
/// page names.
///
/// ```
/// use roundabout::scene::measure::text_width;
/// assert!(text_width("CHPL", 11.0) > text_width("chpl", 11.0));
/// assert_eq!(text_width("", 11.0), 0.0);
/// ```
pub fn text_width(text: &str, size: f64) -> f64 {
    let advance = |c: char| match c {
        'm' | 'w' | 'M' | 'W' => WIDE_WIDTH,
        c if c.is_uppercase() => CAPS_WIDTH,
        _ => CHAR_WIDTH,
    };
    text.chars().map(advance).sum::<f64>() * size
}

/// Width in px of `text` set in bold at `size` px.
pub fn bold_width(text: &str, size: f64) -> f64 {
    text_width(text, size) * BOLD
}
