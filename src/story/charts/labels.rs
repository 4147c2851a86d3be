//! Where the line chart's labels go, as newsroom charts place them: in a column right of the plot, each
//! level with its line's end, nudged apart and joined to the end by a leader line. A label too wide for the
//! column gives way to its short form (ISO codes); more labels than the plot's height holds make the chart
//! taller ([`super::lines::height`]). Text widths are estimated, on the wide side, from the character count.

/// A label's text height in px, and the least distance between two labels' centres.
pub const ROW: i32 = 12;

/// The widest the label column may be, as a share of the chart's width.
const COLUMN_SHARE: f64 = 0.42;

/// Room between the plot's right edge and the column's texts, for the leader lines.
pub const LEADER: i32 = 10;

/// A box in px: left, top, width, height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Boxed {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl Boxed {
    /// Whether two boxes share any area (touching edges do not).
    pub fn meets(&self, o: &Boxed) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

/// One label to place: its text, its short form, and its line's end in px (`None` for a line without
/// a point).
pub struct Want<'a> {
    pub text: &'a str,
    pub short: &'a str,
    pub end: Option<(i32, i32)>,
}

/// The width in px a label needs (plotters writes 11 as about 8.9 px), estimated on the wide side, Cyrillic
/// included.
pub fn text_width(text: &str) -> i32 {
    i32::try_from(text.chars().count())
        .unwrap_or(i32::MAX / 8)
        .saturating_mul(23)
        / 4
}

/// The column's width for `wants` in a chart `width` px wide: the widest label that fits the column
/// (or its short form), 0 when none has a line's end.
pub fn column_width(wants: &[Want], width: u32) -> i32 {
    let most = (f64::from(width) * COLUMN_SHARE) as i32 - LEADER;
    wants
        .iter()
        .filter(|w| w.end.is_some())
        .map(|w| pick(w, most).1)
        .max()
        .unwrap_or(0)
}

/// The label's text, full (`false`) or short (`true`), and its width, the full one where it fits in `most`.
fn pick(w: &Want, most: i32) -> (bool, i32) {
    let full = text_width(w.text);
    if full <= most {
        (false, full)
    } else {
        (true, text_width(w.short))
    }
}

/// Places `wants` right of a plot whose right edge is `right` and which spans `top`..`bottom`, in a
/// chart `width` px wide: each label's index, whether it is the short form, and its box; `None` when
/// they cannot all stand in that height.
pub fn place(
    wants: &[Want],
    width: u32,
    right: i32,
    top: i32,
    bottom: i32,
) -> Option<Vec<(usize, bool, Boxed)>> {
    let most = (f64::from(width) * COLUMN_SHARE) as i32 - LEADER;
    let mut order: Vec<usize> = (0..wants.len())
        .filter(|&i| wants[i].end.is_some())
        .collect();
    crate::sort::sort_by_key(&mut order, &|&i| wants[i].end.map_or(0, |e| e.1));
    let mut ys: Vec<i32> = order
        .iter()
        .map(|&i| wants[i].end.map_or(0, |e| e.1))
        .collect();
    spread(&mut ys, top + ROW / 2, bottom - ROW / 2)?;
    let mut placed = Vec::with_capacity(order.len());
    for (&i, y) in order.iter().zip(ys) {
        let (short, w) = pick(&wants[i], most);
        placed.push((
            i,
            short,
            Boxed {
                x: right + LEADER,
                y: y - ROW / 2,
                w,
                h: ROW,
            },
        ));
    }
    Some(placed)
}

/// Moves label centres wishing to stand at `ys` (sorted) to at least [`ROW`] apart and within `lo`..=`hi`,
/// each as near its wish as the others allow; `None` when they cannot all fit.
pub fn spread(ys: &mut [i32], lo: i32, hi: i32) -> Option<()> {
    let n = i32::try_from(ys.len()).ok()?;
    if n > 0 && (n - 1).saturating_mul(ROW) > hi - lo {
        return None;
    }
    // Down from the top, then up from the bottom: neither pass breaks the other's spacing.
    let mut floor = lo;
    for y in ys.iter_mut() {
        *y = (*y).min(hi).max(floor);
        floor = *y + ROW;
    }
    let mut ceiling = hi;
    for y in ys.iter_mut().rev() {
        *y = (*y).min(ceiling);
        ceiling = *y - ROW;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_keeps_order_distance_and_bounds() {
        let spread_out = |mut ys: Vec<i32>, lo, hi| spread(&mut ys, lo, hi).map(|()| ys);
        assert_eq!(
            spread_out(vec![40, 100, 102], 10, 200),
            Some(vec![40, 100, 112])
        );
        // Crowded at the bottom: pushed up from the floor, still apart.
        assert_eq!(
            spread_out(vec![195, 199, 200], 10, 200),
            Some(vec![176, 188, 200])
        );
        assert_eq!(
            spread_out(vec![0, 0, 0], 10, 30),
            None,
            "three rows need 24 px between the outer centres"
        );
    }

    #[test]
    fn the_short_form_stands_in_for_a_label_too_wide() {
        let long = Want {
            text: "South Africa → United Arab Emirates",
            short: "ZAF → ARE",
            end: Some((100, 50)),
        };
        let (short, w) = pick(&long, 120);
        assert!(short && w == text_width("ZAF → ARE"));
        assert_eq!(column_width(&[long], 320), text_width("ZAF → ARE"));
    }
}
