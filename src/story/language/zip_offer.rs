//! What the page says of a zip before it reads it: about how many rows each table holds, and whether they
//! all fit in the page, in each language.

use crate::format::decimal_in;
use crate::lang::Lang;
use crate::story::language::products::{plural, Plural};
use crate::story::language::words::Words;

/// Rows the page keeps at most without asking: 20 bytes each in the store, 200 MB.
const MAX_ROWS: f64 = 10_000_000.0;
/// Bytes a row of BACI's CSV takes, about: a table's rows are guessed from its size.
const BYTES_PER_ROW: f64 = 32.0;

/// A zip's tables offered to the reader.
#[derive(Debug, PartialEq)]
pub struct ZipOffer {
    /// Each table's rows, about: "about 2.5 million rows".
    pub tables: Vec<String>,
    /// The line above them: "b.zip holds 2 tables, about 5 million rows; the page keeps up to 10.0 million."
    pub said: String,
    /// Whether they are too many to keep whole, so that keeping only some countries' rows is offered first.
    pub too_many: bool,
}

impl Words {
    /// The tables of `files` (their names, as the page lists them), `sizes` bytes each once inflated.
    pub fn zip_offer(self, files: &str, sizes: &[f64]) -> ZipOffer {
        let estimate = |bytes: f64| (bytes / BYTES_PER_ROW).round();
        let total = estimate(sizes.iter().sum());
        let too_many = total > MAX_ROWS;
        let (about, limit, count) = (self.about_rows(total), self.rows(MAX_ROWS), sizes.len());
        let mut said = match (self.0, count) {
            (Lang::En, 1) => format!("{files} holds 1 table, {about}; the page keeps up to {limit}."),
            (Lang::En, _) => format!("{files} holds {count} tables, {about}; the page keeps up to {limit}."),
            (Lang::Uk, _) => format!("{files} містить таблиць: {count}, {about}; сторінка тримає до {limit}."),
            (Lang::Ru, _) => format!("{files} содержит таблиц: {count}, {about}; страница держит до {limit}."),
        };
        if too_many {
            said += match self.0 {
                Lang::En => " Too many to keep whole: keep only the story's countries (or others), or choose fewer years.",
                Lang::Uk => " Забагато, щоб тримати все: залиште лише країни історії (або інші) чи виберіть менше років.",
                Lang::Ru => " Слишком много, чтобы держать всё: оставьте только страны истории (или другие) или выберите меньше лет.",
            };
        }
        let tables = sizes.iter().map(|&s| self.about_rows(estimate(s))).collect();
        ZipOffer { tables, said, too_many }
    }

    /// "about 1 row", "about 20,000 rows", "about 2.5 million rows".
    fn about_rows(self, n: f64) -> String {
        // Millions count as many: "близько 2,5 млн рядків".
        let form = if n >= 1e6 { Plural::Many } else { plural(self.0, n as usize) };
        let count = self.rows(n);
        match (self.0, form) {
            (Lang::En, Plural::One) => format!("about {count} row"),
            (Lang::En, _) => format!("about {count} rows"),
            (Lang::Uk, Plural::One) => format!("близько {count} рядка"),
            (Lang::Uk, _) => format!("близько {count} рядків"),
            (Lang::Ru, Plural::One) => format!("около {count} строки"),
            (Lang::Ru, _) => format!("около {count} строк"),
        }
    }

    /// A count of rows: its digits grouped, or in millions from a million.
    fn rows(self, n: f64) -> String {
        if n < 1e6 {
            return decimal_in(n, 0, self.0);
        }
        let millions = decimal_in(n / 1e6, 1, self.0);
        match self.0 {
            Lang::En => format!("{millions} million"),
            Lang::Uk | Lang::Ru => format!("{millions}\u{a0}млн"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zip_of_two_small_tables_fits() {
        let offer = Words(Lang::En).zip_offer("b.zip", &[640_000.0, 32.0]);
        assert_eq!(offer.said, "b.zip holds 2 tables, about 20,001 rows; the page keeps up to 10.0 million.");
        assert_eq!(offer.tables, ["about 20,000 rows", "about 1 row"]);
        assert!(!offer.too_many);
    }

    #[test]
    fn a_zip_too_big_to_keep_whole_says_so_in_each_language() {
        let sizes = [200e6, 200e6];
        let en = Words(Lang::En).zip_offer("BACI.zip", &sizes);
        assert!(en.too_many);
        assert_eq!(
            en.said,
            "BACI.zip holds 2 tables, about 12.5 million rows; the page keeps up to 10.0 million. Too many to keep whole: keep only the story's countries (or others), or choose fewer years."
        );
        assert_eq!(en.tables[0], "about 6.3 million rows");
        let uk = Words(Lang::Uk).zip_offer("BACI.zip", &sizes);
        assert!(uk.said.starts_with("BACI.zip містить таблиць: 2, близько 12,5\u{a0}млн рядків; сторінка тримає до 10,0\u{a0}млн. Забагато"), "{}", uk.said);
        let ru = Words(Lang::Ru).zip_offer("BACI.zip", &sizes[..1]);
        assert_eq!(ru.tables, ["около 6,3\u{a0}млн строк"]);
        assert!(!ru.too_many);
    }

    #[test]
    fn a_rows_noun_agrees_with_its_number() {
        let uk = |bytes: f64| Words(Lang::Uk).zip_offer("z", &[bytes]).tables.remove(0);
        assert_eq!(uk(32.0), "близько 1 рядка");
        assert_eq!(uk(3.0 * 32.0), "близько 3 рядків");
        assert_eq!(uk(21.0 * 32.0), "близько 21 рядка");
        assert_eq!(Words(Lang::Ru).zip_offer("z", &[11.0 * 32.0]).tables[0], "около 11 строк");
        assert_eq!(Words(Lang::En).zip_offer("z", &[0.0]).tables[0], "about 0 rows");
    }
}
