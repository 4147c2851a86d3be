//! The codes box's suggestions in the order a reader wants them, for the word typed: codes whose
//! description affirms it ("Unmanned aircraft") before those that only exclude it ("Helicopters, except
//! unmanned"), then those that lack it; within each, in the nomenclature's order (8806 before 880610).

use std::cmp::Ordering;

/// Words that, opening the clause a word stands in, exclude it.
const NEGATIONS: [&str; 4] = ["except", "other than", "excluding", "not"];

/// The suggestions (`"880621 Unmanned aircraft…"`: the code, a space, the description) in the order for
/// the last term of `typed` (terms are separated by commas or semicolons), as positions; `None` when that
/// term is a code or too short to rank by (under three letters), so the order stays.
///
/// ```
/// let order = roundabout::hs::suggest::order("8542, unmanned", &["8802 Helicopters, except unmanned", "8806 Unmanned aircraft", "0101 Horses"]);
/// assert_eq!(order, Some(vec![1, 0, 2]));
/// assert_eq!(roundabout::hs::suggest::order("88", &["8802 Helicopters"]), None);
/// ```
pub fn order(typed: &str, suggestions: &[&str]) -> Option<Vec<usize>> {
    let word = typed.rsplit([',', ';']).next().unwrap_or_default().trim().to_ascii_lowercase();
    if word.chars().count() < 3 || word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let ranked: Vec<(u8, &str)> = suggestions
        .iter()
        .map(|s| (word_rank(s, &word), s.split_once(' ').map_or(*s, |(code, _)| code)))
        .collect();
    Some(crate::sort::order_by(ranked.len(), &|a, b| -> Ordering { ranked[a].cmp(&ranked[b]) }))
}

/// 0 when `text` affirms `word` (lower case) somewhere, 1 when it only excludes it, 2 when it lacks it.
/// Case-blind in ASCII only: the descriptions are English, and Unicode's case tables would cost the page's
/// wasm 10 KB.
fn word_rank(text: &str, word: &str) -> u8 {
    let low = text.to_ascii_lowercase();
    let mut rank = 2;
    let mut from = 0;
    while let Some(found) = low.get(from..).and_then(|rest| rest.find(word)) {
        let at = from + found;
        if !negated(low.get(..at).unwrap_or_default()) {
            return 0;
        }
        rank = 1;
        from = at + low.get(at..).and_then(|rest| rest.chars().next()).map_or(1, char::len_utf8);
    }
    rank
}

/// Whether the clause that `before` ends in (after its last `,`, `;` or bracket) holds a negation as a
/// word of its own.
fn negated(before: &str) -> bool {
    let clause = before.rsplit([',', ';', '(', ')']).next().unwrap_or_default();
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    NEGATIONS.iter().any(|n| {
        clause.match_indices(n).any(|(at, _)| {
            let (head, tail) = (clause.get(..at).unwrap_or_default(), clause.get(at + n.len()..).unwrap_or_default());
            !word_char(head.chars().next_back()) && !word_char(tail.chars().next())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_affirmed_ranks_before_one_only_excluded_then_one_lacking() {
        assert_eq!(word_rank("Unmanned aircraft", "unmanned"), 0);
        assert_eq!(word_rank("Helicopters, except unmanned", "unmanned"), 1);
        assert_eq!(word_rank("Aircraft other than unmanned; unmanned parts", "unmanned"), 0, "affirmed in another clause");
        assert_eq!(word_rank("Aircraft (excluding unmanned)", "unmanned"), 1);
        assert_eq!(word_rank("Nothing unmanned here", "unmanned"), 0, "`not` only as a word of its own");
        assert_eq!(word_rank("Horses", "unmanned"), 2);
    }

    #[test]
    fn the_last_term_typed_orders_the_suggestions_codes_break_ties() {
        let s = ["880610 Unmanned, of a weight…", "8802 Helicopters, except unmanned", "8806 Unmanned aircraft", "0101 Horses"];
        assert_eq!(order("Unmanned ", &s), Some(vec![2, 0, 1, 3]));
        assert_eq!(order("8542; un", &s), None, "two letters are too few");
        assert_eq!(order("unmanned, 8806", &s), None, "a code typed last keeps the order");
        assert_eq!(order("HORSES", &["0102 Bovine animals", "0101 Horses"]), Some(vec![1, 0]));
    }
}
