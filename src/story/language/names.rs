//! Country names in the reader's language, from the `i18n-iso-countries` package's files
//! (`{"locale": "uk", "countries": {"KZ": "Казахстан", "RU": ["Російська Федерація", "Росія"], …}}`).

use rustc_hash::FxHashMap;

use serde::Deserialize;

use crate::countries::ISO;
use crate::Error;

/// Where the package's first name is formal or long, the name a newsroom uses.
const NEWSROOM: [(&str, &str, &str); 2] = [("ru", "CHN", "Китай"), ("uk", "CHN", "Китай")];

#[derive(Deserialize)]
struct File {
    locale: String,
    /// By ISO alpha-2 code; and the trade statistics' areas by their own three-character code (`S19`,
    /// `W00`): the project's names, which the build adds (data/area-names.json).
    countries: FxHashMap<String, serde_json::Value>,
}

/// Names by ISO 3166-1 alpha-3 code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names(FxHashMap<&'static str, String>);

impl Names {
    /// Reads a language file named `file`: the shortest of a country's names, parentheses dropped.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Names, Error> {
        let parsed: File = serde_json::from_slice(bytes).map_err(|e| Error::Decode {
            file: file.to_string(),
            message: format!("line {}, column {}: {e}", e.line(), e.column()),
        })?;
        let mut names = FxHashMap::default();
        for country in ISO.iter() {
            let Some(found) = parsed.countries.get(country.alpha2) else { continue };
            let all: Vec<&str> = match found {
                // One name, or several (a country's other names): JSON values, read with the page's one JSON reader.
                serde_json::Value::Array(list) => list.iter().filter_map(serde_json::Value::as_str).collect(),
                one => one.as_str().into_iter().collect(),
            };
            let short = all.iter().map(|n| n.split(" (").next().unwrap_or(n).trim()).filter(|n| !n.is_empty()).min_by_key(|n| n.chars().count());
            if let Some(name) = short {
                names.insert(country.alpha3, name.to_string());
            }
        }
        for (code, name) in parsed.countries.iter().filter(|(code, _)| code.len() == 3) {
            let area = crate::countries::by_alpha3(code).filter(|c| c.alpha2.is_empty());
            if let (Some(area), Some(name)) = (area, name.as_str()) {
                names.insert(area.alpha3, name.to_string());
            }
        }
        for (locale, code, name) in NEWSROOM {
            if parsed.locale == locale {
                names.insert(code, name.to_string());
            }
        }
        Ok(Names(names))
    }

    /// The name of the country with this alpha-3 code in `names`' language, or in English where there
    /// are no names (an English page) or they lack it.
    pub fn or_english(names: Option<&Names>, alpha3: &str) -> String {
        names.and_then(|n| n.get(alpha3)).map_or_else(|| crate::countries::english_name(alpha3), str::to_string)
    }

    /// The name of the country with this alpha-3 code.
    pub fn get(&self, alpha3: &str) -> Option<&str> {
        self.0.get(alpha3).map(String::as_str)
    }

    /// The alpha-3 code of the country whose name `is` accepts.
    pub fn code_of(&self, is: impl Fn(&str) -> bool) -> Option<&'static str> {
        self.0.iter().find(|(_, name)| is(name)).map(|(code, _)| *code)
    }

    /// The names as lines of code and name (`KAZ\tКазахстан`): how the page hands them to its worker,
    /// whose module has no JSON reader for the names file.
    pub fn to_lines(&self) -> String {
        self.0.iter().map(|(code, name)| format!("{code}\t{name}\n")).collect()
    }

    /// Names read back from [`Names::to_lines`]; a line naming no known country is skipped.
    pub fn from_lines(text: &str) -> Names {
        let named = text.lines().filter_map(|line| {
            let (code, name) = line.split_once('\t')?;
            Some((crate::countries::by_alpha3(code)?.alpha3, name.to_string()))
        });
        Names(named.collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The package's names in `lang`, with the areas' names added as the build adds them.
    fn load(lang: &str) -> Names {
        let path = format!("node_modules/i18n-iso-countries/langs/{lang}.json");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e} (run ./build.sh setup)"));
        let mut file: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}"));
        let areas: serde_json::Value = serde_json::from_slice(include_bytes!("../../../data/area-names.json")).unwrap_or_else(|e| panic!("{e}"));
        for (code, name) in areas[lang].as_object().unwrap_or_else(|| panic!("no {lang} areas")) {
            file["countries"][code] = name.clone();
        }
        Names::parse(&path, file.to_string().as_bytes()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_trade_area_has_a_name_in_each_language() {
        let areas = crate::countries::TRADE_EXCEPTIONS.iter().filter(|c| c.alpha2.is_empty());
        for lang in ["uk", "ru"] {
            let names = load(lang);
            for area in areas.clone() {
                let name = names.get(area.alpha3).unwrap_or_else(|| panic!("{lang}: no name for {}", area.alpha3));
                assert!(!name.is_ascii(), "{lang}: {} is named `{name}`", area.alpha3);
            }
        }
        assert_eq!(load("uk").get("S19"), Some("Інші країни Азії (не вказано)"));
        assert_eq!(load("ru").get("SDN"), Some("Судан"), "the ISO country keeps its name");
    }

    #[test]
    fn the_story_countries_read_as_a_newsroom_writes_them() {
        let uk = load("uk");
        assert_eq!(["CHN", "KAZ", "KGZ", "RUS"].map(|c| uk.get(c).unwrap_or("?")), ["Китай", "Казахстан", "Киргизстан", "Росія"]);
        let ru = load("ru");
        assert_eq!(["CHN", "KAZ", "KGZ", "RUS"].map(|c| ru.get(c).unwrap_or("?")), ["Китай", "Казахстан", "Киргизия", "Россия"]);
        assert!(ru.get("ARE").is_some() && uk.get("XYZ").is_none());
    }

    #[test]
    fn the_names_cross_to_the_worker_as_lines() {
        let uk = load("uk");
        assert_eq!(Names::from_lines(&uk.to_lines()), uk);
        assert_eq!(Names::from_lines("KAZ\tКазахстан\nXYZ\tНіде\nnonsense\n").get("KAZ"), Some("Казахстан"));
    }

    #[test]
    fn a_broken_file_is_named() {
        let e = Names::parse("uk.json", b"{\"locale\": 1}").map(|_| ()).unwrap_err();
        assert!(e.to_string().starts_with("uk.json: line 1, column"), "{e}");
    }
}
