//! Lists of names joined as a reader says them: "China and Hong Kong", "Russia, Georgia, and Turkey".
//!
//! The same words as the browser's `Intl.ListFormat` (conjunction, long) in the page's three languages:
//! the page joined its route names with it, and its first use loads ICU's list data (some 45 ms before
//! the first map on a slow machine).

use crate::lang::Lang;

/// `items` joined with "and" in `lang`: English puts a comma before it from three items on (as
/// `Intl.ListFormat` does), Ukrainian (`і`) and Russian (`и`) do not.
///
/// ```
/// use roundabout::{format_list::and_list, lang::Lang};
/// assert_eq!(and_list(&["China", "Hong Kong"], Lang::En), "China and Hong Kong");
/// assert_eq!(and_list(&["A", "B", "C"], Lang::En), "A, B, and C");
/// assert_eq!(and_list(&["А", "Б", "В"], Lang::Uk), "А, Б і В");
/// ```
pub fn and_list(items: &[&str], lang: Lang) -> String {
    let and = match lang {
        Lang::En => "and",
        Lang::Uk => "і",
        Lang::Ru => "и",
    };
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [first, second] => format!("{first} {and} {second}"),
        [rest @ .., last] => {
            let comma = if lang == Lang::En { "," } else { "" };
            format!("{}{comma} {and} {last}", rest.join(", "))
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;

    /// What Chromium's `Intl.ListFormat(lang, { type: 'conjunction' })` writes for the same lists.
    #[test]
    fn as_intl_list_format() {
        let cases = [
            (Lang::En, vec![], ""),
            (Lang::En, vec!["A"], "A"),
            (Lang::En, vec!["A", "B"], "A and B"),
            (Lang::En, vec!["A", "B", "C", "D", "E"], "A, B, C, D, and E"),
            (Lang::Uk, vec!["A", "B"], "A і B"),
            (Lang::Uk, vec!["A", "B", "C"], "A, B і C"),
            (Lang::Ru, vec!["A", "B"], "A и B"),
            (Lang::Ru, vec!["A", "B", "C", "D"], "A, B, C и D"),
        ];
        for (lang, items, want) in cases {
            assert_eq!(and_list(&items, lang), want, "{lang:?} {items:?}");
        }
    }
}
