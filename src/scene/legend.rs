//! The key, bottom-left: a title, two or three sample arrows with round values, and a swatch for each
//! colour on show.

use super::color::Rgba;
use super::curve::Quad;
use super::flow::FlowCurve;
use super::item::{Anchor, Item, Seg};
use super::money::key_values;
use crate::format::money_in;
use crate::lang::Lang;
use super::measure::{bold_width, text_width};
use super::style::{HALO, INK, INK_SOFT, LEGEND_SIZE};
use super::wrap::wrap;

/// Colour of the sample arrows.
pub const SAMPLE: Rgba = Rgba(0x80, 0x80, 0x80, 0xff);
/// Panel behind the key.
pub const PANEL: Rgba = Rgba(0xff, 0xff, 0xff, 0xcc);
/// Margin from the scene's edges and padding inside the panel, px.
const MARGIN: f64 = 12.0;
const PAD: f64 = 8.0;
/// Length of a sample arrow, px.
const SAMPLE_LEN: f64 = 44.0;
/// A colour swatch, px.
const SWATCH: [f64; 2] = [14.0, 10.0];
/// The widest line of the key's texts, px: longer ones wrap.
const MAX_TEXT: f64 = 240.0;
/// Space between wrapped lines, px.
const LEADING: f64 = 3.0;

/// The key's items and its box `[x0, y0, x1, y1]`; empty when there is nothing to show.
/// `width_of(value)` is the px width a flow of that value gets; `colors` are listed under the samples;
/// `note`, when not empty, is a last line (what the map leaves out, so that a downloaded map says so too).
/// Texts wrap to stay inside a map of `size` (a phone's) and the key narrow, as newsroom keys do.
pub fn legend(
    title: &str,
    note: &str,
    colors: &[(Rgba, String)],
    lang: Lang,
    max_value: f64,
    size: [f64; 2],
    width_of: impl Fn(f64) -> f64,
) -> (Vec<Item>, Option<[f64; 4]>) {
    let values = key_values(max_value);
    if values.is_empty() {
        return (Vec::new(), None);
    }
    let font = f64::from(LEGEND_SIZE);
    let line = font + LEADING;
    let plain = |s: &str| text_width(s, font);
    let bold = |s: &str| bold_width(s, font);
    let max_text = (size[0] - 2.0 * (MARGIN + PAD)).min(MAX_TEXT);
    let rows: Vec<(f64, f64, String)> = values
        .iter()
        .map(|&v| (v, width_of(v), money_in(v, lang)))
        .collect();
    let head_room = |w: f64| (w / 2.0 + (w * 0.45).max(3.0)) * 2.0;
    let row_h = |w: f64| head_room(w).max(font) + 6.0;
    let title = wrap(title, max_text, bold);
    let title_h = if title.is_empty() { 0.0 } else { font + 8.0 + (title.len() - 1) as f64 * line };
    let body_h: f64 = rows.iter().map(|r| row_h(r.1)).sum();
    let widest = |lines: &[String], measure: &dyn Fn(&str) -> f64| lines.iter().map(|l| measure(l)).fold(0.0, f64::max);
    let text_w = rows.iter().map(|r| plain(&r.2)).fold(0.0, f64::max);
    let note = wrap(note, max_text, plain);
    let note_h = if note.is_empty() { 0.0 } else { font + 6.0 + (note.len() - 1) as f64 * line };
    let swatch_row = font + 5.0;
    let colors: Vec<(Rgba, Vec<String>)> =
        colors.iter().map(|(c, label)| (*c, wrap(label, max_text - SWATCH[0] - 6.0, plain))).collect();
    let color_h = |lines: &[String]| swatch_row + lines.len().saturating_sub(1) as f64 * line;
    let colors_h: f64 = colors.iter().map(|c| color_h(&c.1)).sum();
    let colors_w = colors.iter().map(|c| SWATCH[0] + 6.0 + widest(&c.1, &plain)).fold(0.0, f64::max);
    let panel_w = (SAMPLE_LEN + 8.0 + text_w)
        .max(widest(&title, &bold))
        .max(widest(&note, &plain))
        .max(colors_w)
        + 2.0 * PAD;
    let panel_h = title_h + body_h + colors_h + note_h + 2.0 * PAD - 4.0;
    let (x0, y1) = (MARGIN, size[1] - MARGIN);
    let y0 = y1 - panel_h;
    let mut items = vec![Item::Path {
        d: vec![
            Seg::MoveTo([x0, y0]),
            Seg::LineTo([x0 + panel_w, y0]),
            Seg::LineTo([x0 + panel_w, y1]),
            Seg::LineTo([x0, y1]),
            Seg::Close,
        ],
        fill: Some(PANEL),
        stroke: None,
    }];
    let mut y = y0 + PAD;
    let lines = |first: [f64; 2], texts: Vec<String>, color: Rgba, bold: bool| {
        texts.into_iter().zip(0..).map(move |(t, i)| text([first[0], first[1] + f64::from(i) * line], t, color, bold))
    };
    items.extend(lines([x0 + PAD, y + font / 2.0], title, INK, true));
    y += title_h;
    for (_, w, label) in rows {
        let h = row_h(w);
        let cy = y + h / 2.0;
        let f = straight([x0 + PAD, cy], [x0 + PAD + SAMPLE_LEN, cy], w);
        // Beside colour swatches a filled grey sample would read as one more colour: outline it.
        let (fill, stroke) = if colors.is_empty() { (Some(SAMPLE), None) } else { (None, Some((SAMPLE, 1.0))) };
        items.push(Item::Path { d: f.arrow(), fill, stroke });
        items.push(text(
            [x0 + PAD + SAMPLE_LEN + 8.0, cy],
            label,
            INK_SOFT,
            false,
        ));
        y += h;
    }
    for (color, label) in colors {
        let (x, cy) = (x0 + PAD, y + swatch_row / 2.0);
        let [w, h] = SWATCH;
        items.push(Item::Path {
            d: vec![
                Seg::MoveTo([x, cy - h / 2.0]),
                Seg::LineTo([x + w, cy - h / 2.0]),
                Seg::LineTo([x + w, cy + h / 2.0]),
                Seg::LineTo([x, cy + h / 2.0]),
                Seg::Close,
            ],
            fill: Some(color),
            stroke: None,
        });
        y += color_h(&label);
        items.extend(lines([x + w + 6.0, cy], label, INK, false));
    }
    items.extend(lines([x0 + PAD, y + (font + 6.0) / 2.0], note, INK_SOFT, false));
    (items, Some([x0, y0, x0 + panel_w, y1]))
}

/// A straight arrow from `a` to `b` (the flow shape without its bow).
fn straight(a: [f64; 2], b: [f64; 2], width: f64) -> FlowCurve {
    let c = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
    FlowCurve {
        id: 0,
        curve: Quad { p0: a, c, p1: b },
        width,
        from: a,
        to: b,
        faint: false,
    }
}

fn text(at: [f64; 2], text: String, color: Rgba, bold: bool) -> Item {
    Item::Text {
        at,
        text,
        size: LEGEND_SIZE,
        color,
        anchor: Anchor::Start,
        halo: Some(HALO),
        bold,
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn three_rows_in_bottom_left() {
        let (items, bounds) = legend("Exports", "", &[], Lang::En, 17e9, [800.0, 600.0], |v| v / 17e9 * 20.0);
        let texts: Vec<&str> = items
            .iter()
            .filter_map(|i| {
                if let Item::Text { text, .. } = i {
                    Some(text.as_str())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(texts, vec!["Exports", "$10bn", "$5bn", "$1bn"]);
        let Some([x0, y0, _, y1]) = bounds else {
            panic!("no box")
        };
        assert!(x0 < 20.0 && y1 > 580.0 && y0 > 400.0);
    }

    #[test]
    fn nothing_for_no_scale() {
        assert!(legend("x", "", &[], Lang::En, 0.0, [800.0, 600.0], |v| v).0.is_empty());
    }

    #[test]
    fn a_note_is_the_last_line_and_widens_the_panel() {
        let note = "50 other routes not drawn: $1.27bn";
        let (plain, plain_box) = legend("Exports", "", &[], Lang::En, 17e9, [800.0, 600.0], |v| v / 17e9 * 20.0);
        let (items, noted_box) = legend("Exports", note, &[], Lang::En, 17e9, [800.0, 600.0], |v| v / 17e9 * 20.0);
        assert_eq!(items.len(), plain.len() + 1);
        assert!(matches!(items.last(), Some(Item::Text { text, .. }) if text == note));
        let (Some(a), Some(b)) = (plain_box, noted_box) else { panic!("no box") };
        assert!(b[1] < a[1] && b[2] > a[2], "taller and wider: {a:?} → {b:?}");
    }

    #[test]
    fn each_colour_gets_a_swatch_and_its_name_above_the_note() {
        let colors = [(Rgba(1, 2, 3, 255), "CHPL tier 1".to_string()), (Rgba(4, 5, 6, 255), "Other goods".to_string())];
        let (plain, plain_box) = legend("Exports", "note", &[], Lang::En, 17e9, [800.0, 600.0], |v| v / 17e9 * 20.0);
        let (items, keyed_box) = legend("Exports", "note", &colors, Lang::En, 17e9, [800.0, 600.0], |v| v / 17e9 * 20.0);
        assert_eq!(items.len(), plain.len() + 4);
        let fills: Vec<Rgba> = items.iter().filter_map(|i| if let Item::Path { fill: Some(c), .. } = i { Some(*c) } else { None }).collect();
        assert!(fills.contains(&colors[0].0) && fills.contains(&colors[1].0));
        let texts: Vec<&str> = items.iter().filter_map(|i| if let Item::Text { text, .. } = i { Some(text.as_str()) } else { None }).collect();
        assert_eq!(texts[texts.len() - 3..], ["CHPL tier 1", "Other goods", "note"]);
        let (Some(a), Some(b)) = (plain_box, keyed_box) else { panic!("no box") };
        assert!(b[1] < a[1] && b[3] == a[3], "taller, same foot: {a:?} → {b:?}");
    }

    #[test]
    fn a_long_title_wraps_inside_a_phones_map() {
        let title = "Sanctioned high-priority goods (CHPL, 1 of its 50 codes), US$ a year";
        let note = "50 other routes not drawn, together: $1.27bn a year";
        let colors = [(Rgba(1, 2, 3, 255), "Electronic integrated circuits and their parts".to_string())];
        let (wide, _) = legend(title, "", &[], Lang::En, 17e9, [1280.0, 800.0], |v| v / 17e9 * 20.0);
        for width in [360.0, 390.0] {
            let (items, bounds) = legend(title, note, &colors, Lang::En, 17e9, [width, 480.0], |v| v / 17e9 * 20.0);
            let Some([x0, y0, x1, _]) = bounds else { panic!("no box") };
            assert!(x0 >= 0.0 && x1 <= width - 12.0 && y0 >= 0.0, "{width}: the key leaves the map: {bounds:?}");
            let mut lines = 0;
            for item in &items {
                if let Item::Text { at, text, bold, .. } = item {
                    let size = f64::from(LEGEND_SIZE);
                    let w = if *bold { bold_width(text, size) } else { text_width(text, size) };
                    assert!(at[0] >= x0 && at[0] + w <= x1, "{width}: \"{text}\" runs out of the key");
                    lines += usize::from(*bold);
                }
            }
            assert!(lines >= 2, "{width}: the title on one line");
        }
        // On a wide map too the key stays narrow, a line or two longer.
        assert!(wide.iter().filter(|i| matches!(i, Item::Text { bold: true, .. })).count() >= 2);
    }
}
