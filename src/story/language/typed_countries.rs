//! Countries as a reader types a list of them ("KAZ, Kyrgyzstan; Росія"): alpha-3 codes, or names in
//! English or the page's language, read as alpha-3 codes.

use crate::countries::{by_alpha3, ISO};
use crate::story::language::names::Names;

/// The alpha-3 codes of the countries in `typed`, in order, once each. Entries are apart by commas,
/// semicolons or line ends (a name may hold spaces); codes alone also by spaces ("CHN KAZ"). `Err` holds
/// the first entry that names no country, for the reader to mend before anything is read.
pub fn typed_countries(typed: &str, names: Option<&Names>) -> Result<Vec<&'static str>, String> {
    let mut codes = Vec::new();
    for entry in typed.split([',', ';', '\n']).map(str::trim).filter(|e| !e.is_empty()) {
        let found = match country(entry, names) {
            Some(code) => vec![code],
            None => entry.split_whitespace().map(|w| by_alpha3(w).map(|c| c.alpha3)).collect::<Option<_>>().ok_or_else(|| entry.to_string())?,
        };
        for code in found {
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
    }
    Ok(codes)
}

/// The country `entry` names: its code, its English name or its name in `names`, in any case. (Out of line,
/// as [`same_name`]: inlined into the worker's speed-optimised module, they cost it twice as much.)
#[inline(never)]
fn country(entry: &str, names: Option<&Names>) -> Option<&'static str> {
    by_alpha3(entry)
        .or_else(|| ISO.iter().find(|c| same_name(c.name, entry)))
        .map(|c| c.alpha3)
        .or_else(|| names?.code_of(|name| same_name(name, entry)))
}

#[inline(never)]
fn same_name(a: &str, b: &str) -> bool {
    a.chars().map(lower).eq(b.chars().map(lower))
}

/// `c` in lower case, for the Latin and Cyrillic letters that names are written in: std's `to_lowercase`
/// brought its Unicode tables, 9 KB of the worker's module.
fn lower(c: char) -> char {
    match c {
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        'Ґ' => 'ґ',
        _ => c.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_in_any_case_once_each() {
        assert_eq!(typed_countries("chn, Kazakhstan; KGZ\nkaz", None), Ok(vec!["CHN", "KAZ", "KGZ"]));
        assert_eq!(typed_countries("CHN KAZ RUS", None), Ok(vec!["CHN", "KAZ", "RUS"]));
        assert_eq!(typed_countries("United States, s19", None), Ok(vec!["USA", "S19"]));
        assert_eq!(typed_countries(" , ;", None), Ok(vec![]));
    }

    #[test]
    fn names_in_the_pages_language() {
        let uk = Names::from_lines("RUS\tРосія\nKGZ\tКиргизстан\n");
        assert_eq!(typed_countries("росія, КИРГИЗСТАН", Some(&uk)), Ok(vec!["RUS", "KGZ"]));
        let ua = Names::from_lines("UKR\tУкраїна\n");
        assert_eq!(typed_countries("УКРАЇНА", Some(&ua)), Ok(vec!["UKR"]));
        assert_eq!(typed_countries("Росія", None), Err("Росія".to_string()));
    }

    #[test]
    fn the_first_entry_naming_no_country_is_told() {
        assert_eq!(typed_countries("KAZ, Kazakstan, XYZ", None), Err("Kazakstan".to_string()));
        assert_eq!(typed_countries("CHN KAZ XYZ", None), Err("CHN KAZ XYZ".to_string()));
    }
}
