//! The line the page shows under its file input once a file is on the map, in each language.

use crate::format::decimal_in;
use crate::lang::Lang;
use crate::story::language::products::{plural, Plural};
use crate::story::language::words::Words;

/// What the line says of a file.
pub struct Shown<'a> {
    pub file: &'a str,
    /// "CEPII BACI".
    pub format: &'a str,
    pub rows: u64,
    /// "2021–2023", or "" for none.
    pub years: &'a str,
    /// Routes with no rows: "KGZ → RUS".
    pub missing: &'a [String],
    pub notes: &'a [String],
    pub bad_rows: u64,
}

impl Words {
    /// "Showing baci.csv: CEPII BACI, 1,234 rows, 2021–2023. No rows for KGZ → RUS. Notes: …. 2 bad rows
    /// skipped; the first:" (the first bad rows are listed under it).
    pub fn file_shown(self, s: &Shown) -> String {
        let count = |n: u64| decimal_in(n as f64, 0, self.0);
        let (rows, years) = (count(s.rows), if s.years.is_empty() { "–" } else { s.years });
        let (file, format) = (s.file, s.format);
        let mut line = match (self.0, s.rows) {
            (Lang::En, 1) => format!("Showing {file}: {format}, {rows} row, {years}."),
            (Lang::En, _) => format!("Showing {file}: {format}, {rows} rows, {years}."),
            (Lang::Uk, _) => format!("Показано {file}: {format}, рядків: {rows}, {years}."),
            (Lang::Ru, _) => format!("Показан {file}: {format}, строк: {rows}, {years}."),
        };
        if !s.missing.is_empty() {
            let routes = s.missing.join(", ");
            line += &match self.0 {
                Lang::En => format!(" No rows for {routes}."),
                Lang::Uk => format!(" Немає рядків для {routes}."),
                Lang::Ru => format!(" Нет строк для {routes}."),
            };
        }
        if !s.notes.is_empty() {
            let notes = s.notes.join("; ");
            line += &match self.0 {
                Lang::En => format!(" Notes: {notes}."),
                Lang::Uk => format!(" Примітки: {notes}."),
                Lang::Ru => format!(" Примечания: {notes}."),
            };
        }
        if s.bad_rows > 0 {
            let n = count(s.bad_rows);
            let form = plural(self.0, usize::try_from(s.bad_rows).unwrap_or(usize::MAX));
            line += &match (self.0, form) {
                (Lang::En, Plural::One) => format!(" {n} bad row skipped:"),
                (Lang::En, _) => format!(" {n} bad rows skipped; the first:"),
                (Lang::Uk, Plural::One) => format!(" Пропущено {n} хибний рядок:"),
                (Lang::Uk, Plural::Few) => format!(" Пропущено {n} хибні рядки; перші:"),
                (Lang::Uk, Plural::Many) => format!(" Пропущено {n} хибних рядків; перші:"),
                (Lang::Ru, Plural::One) => format!(" Пропущена {n} ошибочная строка:"),
                (Lang::Ru, Plural::Few) => format!(" Пропущено {n} ошибочные строки; первые:"),
                (Lang::Ru, Plural::Many) => format!(" Пропущено {n} ошибочных строк; первые:"),
            };
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_and_take_their_forms_in_each_language() {
        let (missing, notes) = (["KGZ → RUS".to_string()], ["codes from the built-in table".to_string()]);
        let s = Shown { file: "b.csv", format: "CEPII BACI", rows: 1234, years: "2021–2023", missing: &missing, notes: &notes, bad_rows: 22 };
        assert_eq!(
            Words(Lang::En).file_shown(&s),
            "Showing b.csv: CEPII BACI, 1,234 rows, 2021–2023. No rows for KGZ → RUS. Notes: codes from the built-in table. 22 bad rows skipped; the first:"
        );
        assert_eq!(
            Words(Lang::Uk).file_shown(&s),
            "Показано b.csv: CEPII BACI, рядків: 1\u{a0}234, 2021–2023. Немає рядків для KGZ → RUS. Примітки: codes from the built-in table. Пропущено 22 хибні рядки; перші:"
        );
        let one = Shown { rows: 1, years: "", missing: &[], notes: &[], bad_rows: 1, ..s };
        assert_eq!(Words(Lang::En).file_shown(&one), "Showing b.csv: CEPII BACI, 1 row, –. 1 bad row skipped:");
        assert_eq!(Words(Lang::Ru).file_shown(&Shown { bad_rows: 5, ..one }), "Показан b.csv: CEPII BACI, строк: 1, –. Пропущено 5 ошибочных строк; первые:");
    }
}
