//! Breaking a line of text into lines no wider than a width, as measured by the scene's one text model
//! ([`super::measure`]), balanced so the last line is not one word left alone.

/// `text` in lines of at most `max_w` px as `width` measures them: broken between words, and inside a word
/// only when the word alone is wider. Of the ways with the fewest lines, the one with the narrowest widest
/// line (newsroom headings set a short last line by hand; this does it for them). Empty text gives no lines.
///
/// ```
/// use roundabout::scene::wrap::wrap;
/// let six = |s: &str| s.chars().count() as f64 * 6.0;
/// assert_eq!(wrap("All goods, US$ a year", 60.0, six), ["All goods,", "US$ a year"]);
/// assert_eq!(wrap("Exports to Russia by Kazakhstan", 126.0, six), ["Exports to Russia", "by Kazakhstan"]);
/// assert_eq!(wrap("Nonproliferation", 30.0, six), ["Nonp", "roli", "fera", "tion"]);
/// assert!(wrap("", 60.0, six).is_empty());
/// ```
pub fn wrap(text: &str, max_w: f64, width: impl Fn(&str) -> f64) -> Vec<String> {
    let lines = greedy(text, max_w, &width);
    if lines.len() < 2 {
        return lines;
    }
    // Greedy breaking never gives more lines at a wider measure, so the narrowest measure that keeps the
    // count is found by halving.
    let widest = |lines: &[String]| lines.iter().map(|l| width(l)).fold(0.0, f64::max);
    let (mut narrow, mut wide) = (0.0, widest(&lines));
    for _ in 0..16 {
        let mid = (narrow + wide) / 2.0;
        if greedy(text, mid, &width).len() == lines.len() {
            wide = mid;
        } else {
            narrow = mid;
        }
    }
    let balanced = greedy(text, wide, &width);
    if balanced.len() == lines.len() {
        balanced
    } else {
        lines
    }
}

/// Each line filled with as many words as fit.
fn greedy(text: &str, max_w: f64, width: &impl Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() {
            let longer = format!("{line} {word}");
            if width(&longer) <= max_w {
                line = longer;
                continue;
            }
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than the line is cut, at least one character a line whatever the width.
        for c in word.chars() {
            let mut longer = line.clone();
            longer.push(c);
            if !line.is_empty() && width(&longer) > max_w {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = longer;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod test {
    use super::wrap;
    use crate::scene::measure::{bold_width, text_width};

    #[test]
    fn each_line_fits_and_no_word_is_lost() {
        let title = "Sanctioned high-priority goods (CHPL, 1 of its 50 codes), US$ a year";
        let measure = |s: &str| bold_width(s, 11.0);
        for width in [40.0, 100.0, 200.0, 1000.0] {
            let lines = wrap(title, width, measure);
            assert!(lines.iter().all(|l| measure(l) <= width), "{width}: {lines:?}");
            assert_eq!(
                lines.join(" ").split_whitespace().collect::<String>(),
                title.split_whitespace().collect::<String>()
            );
        }
        assert_eq!(wrap(title, 1000.0, measure), [title]);
        let six = |s: &str| s.chars().count() as f64 * 6.0;
        assert_eq!(wrap("Все товары, долл. США в год", 66.0, six), ["Все товары,", "долл. США в", "год"]);
    }

    #[test]
    fn capitals_are_measured_wider_than_small_letters() {
        let measure = |s: &str| text_width(s, 11.0);
        let caps = wrap("CHPL HS CODES LISTED", 80.0, measure);
        let small = wrap("chpl hs codes listed", 80.0, measure);
        assert!(caps.len() > small.len(), "{caps:?} vs {small:?}");
    }

    #[test]
    fn no_word_is_left_alone_on_the_last_line_when_the_lines_can_share() {
        let title = "Sanctioned high-priority goods (CHPL), US$ a year";
        let measure = |s: &str| bold_width(s, 11.0);
        let lines = wrap(title, 240.0, measure);
        assert_eq!(lines.len(), 2, "{lines:?}");
        let (first, last) = (measure(&lines[0]), measure(&lines[1]));
        assert!(last > first * 0.6, "an unbalanced last line: {lines:?}");
    }
}
