//! Our figure beside a published one, in words: "Ours, from the default story: $24.7bn (the exporter's
//! report)." in each language.

use crate::lang::Lang;
use crate::store::Side;
use crate::story::language::words::Words;

/// The file the page names the default story by.
const STORY_FILE: &str = "story.csv";

impl Words {
    /// The table's name in the sentence: the reader's file name, or the default story.
    fn file_name(self, file: &str) -> &str {
        if file != STORY_FILE {
            return file;
        }
        match self.0 {
            Lang::En => "the default story",
            Lang::Uk => "основна історія",
            Lang::Ru => "основная история",
        }
    }

    /// A headline figure the table has no flows for.
    pub fn ours_missing(self, file: &str) -> String {
        let file = self.file_name(file);
        match self.0 {
            Lang::En => format!("Ours: not in {file}."),
            // The name in brackets, as in `ours`: after "в" it would need a case of its own.
            Lang::Uk => format!("Наша цифра ({file}): немає."),
            Lang::Ru => format!("Наша цифра ({file}): нет."),
        }
    }

    /// Our figure (`value`, already formatted) and whose reports it rests on: the IMF's estimate for
    /// Russia, one side's, or none named where the sides mix.
    pub fn ours(self, file: &str, value: &str, side: Option<Side>, imf: bool) -> String {
        let file = self.file_name(file);
        let whose = match (self.0, imf, side) {
            (Lang::En, true, _) => {
                "the IMF's estimate for Russia, which has published no partner data since 2021"
            }
            (Lang::Uk, true, _) => {
                "оцінка МВФ для Росії, яка не публікує даних за партнерами з 2021 року"
            }
            (Lang::Ru, true, _) => {
                "оценка МВФ для России, которая не публикует данных по партнёрам с 2021 года"
            }
            (_, _, None) => "",
            (Lang::En, _, Some(Side::Importer)) => "the importer's report",
            (Lang::En, _, Some(Side::Exporter)) => "the exporter's report",
            (Lang::En, _, Some(Side::Reconciled)) => "reconciled by the source",
            (Lang::Uk, _, Some(Side::Importer)) => "звіт імпортера",
            (Lang::Uk, _, Some(Side::Exporter)) => "звіт експортера",
            (Lang::Uk, _, Some(Side::Reconciled)) => "узгоджено джерелом",
            (Lang::Ru, _, Some(Side::Importer)) => "отчёт импортёра",
            (Lang::Ru, _, Some(Side::Exporter)) => "отчёт экспортёра",
            (Lang::Ru, _, Some(Side::Reconciled)) => "согласовано источником",
        };
        let whose = if whose.is_empty() {
            String::new()
        } else {
            format!(" ({whose})")
        };
        match self.0 {
            Lang::En => format!("Ours, from {file}: {value}{whose}."),
            Lang::Uk | Lang::Ru => format!("Наша цифра ({file}): {value}{whose}."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_table_and_whose_reports() {
        assert_eq!(
            Words(Lang::En).ours("story.csv", "$24.7bn", Some(Side::Exporter), false),
            "Ours, from the default story: $24.7bn (the exporter's report)."
        );
        assert_eq!(
            Words(Lang::En).ours("a.csv", "+45%", None, false),
            "Ours, from a.csv: +45%."
        );
        assert_eq!(
            Words(Lang::Uk).ours_missing("story.csv"),
            "Наша цифра (основна історія): немає."
        );
        assert!(Words(Lang::Ru)
            .ours("b.csv", "1\u{a0}$", Some(Side::Importer), true)
            .contains("оценка МВФ"));
    }
}
