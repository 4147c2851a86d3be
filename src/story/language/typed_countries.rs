//! Countries as a reader types a list of them ("KAZ, Kyrgyzstan; Росія"): alpha-3 codes, or names in
//! English or the page's language, read as alpha-3 codes.

use crate::countries::{by_alpha3, ISO};
use crate::story::language::names::Names;
use crate::story::language::same_name::same_name;

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

/// The country `entry` names: its code, its English name or its name in `names`, in any case.
fn country(entry: &str, names: Option<&Names>) -> Option<&'static str> {
    by_alpha3(entry)
        .or_else(|| ISO.iter().find(|c| same_name(c.name, entry)))
        .map(|c| c.alpha3)
        .or_else(|| names?.code_of(|name| same_name(name, entry)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_in_any_case_once_each() {
        assert_eq!(typed_countries("chn, Kazakhstan; KGZ\nkaz", None), Ok(vec!["CHN", "KAZ", "KGZ"]));
        assert_eq!(typed_countries("CHN KAZ RUS", None), Ok(vec!["CHN", "KAZ", "RUS"]));
        assert_eq!(typed_countries("United States, s19, turkiye", None), Ok(vec!["USA", "S19", "TUR"]));
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
