//! Breaking a line of text into lines no wider than a width, measured in characters of a fixed advance (the
//! scene lays out without fonts).

/// `text` in lines of at most `max_w` px, a character `char_w` px wide: broken between words, and inside a
/// word only when the word alone is wider. Empty text gives no lines.
///
/// ```
/// use roundabout::scene::wrap::wrap;
/// assert_eq!(wrap("All goods, US$ a year", 60.0, 6.0), ["All goods,", "US$ a year"]);
/// assert_eq!(wrap("Nonproliferation", 30.0, 6.0), ["Nonpr", "olife", "ratio", "n"]);
/// assert!(wrap("", 60.0, 6.0).is_empty());
/// ```
pub fn wrap(text: &str, max_w: f64, char_w: f64) -> Vec<String> {
    // At least one character a line, whatever the width.
    let most = if char_w > 0.0 && max_w.is_finite() {
        (max_w / char_w).floor().max(1.0) as usize
    } else {
        usize::MAX
    };
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if count > 0 && count + 1 + n <= most {
            line.push(' ');
            line.push_str(word);
            count += 1 + n;
            continue;
        }
        if count > 0 {
            lines.push(std::mem::take(&mut line));
        }
        let chars: Vec<char> = word.chars().collect();
        let mut pieces = chars.chunks(most).peekable();
        while let Some(piece) = pieces.next() {
            if pieces.peek().is_some() {
                lines.push(piece.iter().collect());
            } else {
                line = piece.iter().collect();
                count = piece.len();
            }
        }
    }
    if count > 0 {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod test {
    use super::wrap;

    #[test]
    fn each_line_fits_and_no_word_is_lost() {
        let title = "Sanctioned high-priority goods (CHPL, 1 of its 50 codes), US$ a year";
        for width in [40.0, 100.0, 200.0, 1000.0] {
            let lines = wrap(title, width, 6.0);
            assert!(
                lines
                    .iter()
                    .all(|l| l.chars().count() as f64 * 6.0 <= width),
                "{width}: {lines:?}"
            );
            assert_eq!(
                lines.join(" ").split_whitespace().collect::<String>(),
                title.split_whitespace().collect::<String>()
            );
        }
        assert_eq!(wrap(title, 1000.0, 6.0), [title]);
        assert_eq!(
            wrap("Все товары, долл. США в год", 66.0, 6.0),
            ["Все товары,", "долл. США в", "год"]
        );
    }
}
