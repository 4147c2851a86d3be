//! The page's texts in Ukrainian and Russian as data: `data/i18n-uk.json` and `data/i18n-ru.json` map each
//! English text to its translation, and the site's build words the published figures through them
//! (`story::published::words`) as the page's script translates its own texts. English, the key, needs no file.

use serde_json::Value;

use crate::lang::Lang;
use crate::Error;

/// One language's translations; English (no entries) by default.
#[derive(Default)]
pub struct Dictionary {
    /// The file as read.
    entries: Value,
    lang: Lang,
}

impl Dictionary {
    /// Reads `file` (`{"English text": "translation", …}`); an error names the file, line and column.
    pub fn parse(file: &str, bytes: &[u8], lang: Lang) -> Result<Dictionary, Error> {
        let fail = |message| Error::Decode {
            file: file.to_string(),
            message,
        };
        let entries: Value = serde_json::from_slice(bytes)
            .map_err(|e| fail(format!("line {}, column {}: {e}", e.line(), e.column())))?;
        if !entries.is_object() {
            return Err(fail(
                "expected an object of English texts and their translations".into(),
            ));
        }
        Ok(Dictionary { entries, lang })
    }

    /// `text` (English) in the dictionary's language, its `{name}` placeholders filled from `vars`; the
    /// English where the dictionary has none. Ukrainian and Russian keep a number, its scale word and
    /// its sign on one line, as the page's other texts do.
    pub fn t(&self, text: &str, vars: &[(&str, &str)]) -> String {
        let template = self.entries[text].as_str().unwrap_or(text);
        let mut filled = template.to_string();
        for (name, value) in vars {
            filled = filled.replace(&format!("{{{name}}}"), value);
        }
        if self.lang == Lang::En {
            return filled;
        }
        on_one_line(&filled)
    }
}

/// Ukrainian and Russian text with a number, its scale word and its sign kept on one line (no-break spaces
/// before `$` and `%`, and between a digit and млрд, млн, тис., тыс.). The dictionaries' own texts carry them
/// already (tests/published_words.rs), so the page's script needs no copy of this rule.
pub fn on_one_line(text: &str) -> String {
    let text = text.replace(" $", "\u{a0}$").replace(" %", "\u{a0}%");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        out.push(c);
        let scale = ["млрд", "млн", "тис.", "тыс."]
            .iter()
            .any(|w| rest.strip_prefix(' ').is_some_and(|r| r.starts_with(w)));
        if c.is_ascii_digit() && scale {
            out.push('\u{a0}');
            rest = &rest[1..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_translated_filled_and_kept_on_one_line() {
        let uk = Dictionary::parse(
            "i18n-uk.json",
            r#"{"about {value}": "близько {value}", "2023": "2023 р."}"#.as_bytes(),
            Lang::Uk,
        )
        .unwrap();
        assert_eq!(
            uk.t("about {value}", &[("value", "1,3 млрд $")]),
            "близько 1,3\u{a0}млрд\u{a0}$"
        );
        assert_eq!(
            uk.t("Not in the file: {x}", &[("x", "5 %")]),
            "Not in the file: 5\u{a0}%"
        );
        let en = Dictionary::default();
        assert_eq!(
            en.t("about {value}", &[("value", "$1.3bn")]),
            "about $1.3bn"
        );
        assert_eq!(
            en.t("{a} and 5 %", &[("a", "1")]),
            "1 and 5 %",
            "English keeps its spaces"
        );
    }

    #[test]
    fn a_broken_file_is_named_with_its_line_and_column() {
        let Err(e) = Dictionary::parse("i18n-ru.json", b"{\n  \"a\": }", Lang::Ru) else {
            panic!("a broken file is refused");
        };
        assert!(
            e.to_string().contains("i18n-ru.json") && e.to_string().contains("line 2, column"),
            "{e}"
        );
    }
}
