//! The published figures beside a reader's file, in words: the file's figure, why the two may differ, and
//! the note on the figures the file cannot match. Values come in already worded in the page's language.

use crate::lang::Lang;
use crate::store::Side;
use crate::story::language::products::{plural, Plural};
use crate::story::language::words::Words;

/// Why a file's figure and a published one may differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why<'a> {
    /// BACI reconciles both sides; the published figure rests on `whose`.
    Reconciled(&'a str),
    /// The published figure rests on one side's reports, which the file lacks for some pairs.
    OneSide(Side),
    /// The source names no side (`whose` is its own description).
    Unstated(&'a str),
    /// The file counts these codes (worded by [`Words::beside_codes`]) as it codes them.
    Codes(&'a str),
    /// The file's re-exports of the goods, of this value, are left out.
    ReExports(&'a str),
    /// The file's year is the sum of its months.
    FromMonths,
    /// Both are monthly figures, perhaps of different releases.
    Monthly,
    /// The published value is derived: this sum.
    Derived(&'a str),
    /// The published figure is a bound or an approximation.
    Bound,
    /// The published figure is rounded to this value.
    Rounded(&'a str),
}

impl Words {
    /// "$1.1bn, from the importer's reports."; `side` none where each pair has the side it has.
    pub fn beside_ours(self, value: &str, side: Option<Side>) -> String {
        let whose = match side {
            Some(s) => self.side_reports(s),
            None => match self.0 {
                Lang::En => {
                    "the exporter's reports for some country pairs, the importer's for others"
                }
                Lang::Uk => "звітами експортера для одних пар країн і імпортера для інших",
                Lang::Ru => "отчётам экспортёра для одних пар стран и импортёра для других",
            },
        };
        match self.0 {
            Lang::En => format!("{value}, from {whose}."),
            Lang::Uk => format!("{value}, за {whose}."),
            Lang::Ru => format!("{value}, по {whose}."),
        }
    }

    /// "The sum of its routes to each end: Kazakhstan $800m + Kyrgyzstan $300m."
    pub fn beside_parts(self, parts: &str) -> String {
        match self.0 {
            Lang::En => format!("The sum of its routes to each end: {parts}."),
            Lang::Uk => format!("Сума його маршрутів до кожного кінця: {parts}."),
            Lang::Ru => format!("Сумма его маршрутов к каждому концу: {parts}."),
        }
    }

    /// The goods a filter of the published file names: a CHPL preset's or drones' by name, else its codes.
    pub fn beside_codes(self, filter: &[String]) -> String {
        match (filter, self.0) {
            ([one], Lang::En) if one == "chpl45" => "the 45 CHPL codes (tiers 1 to 4.A)".into(),
            ([one], Lang::Uk) if one == "chpl45" => "45 кодів CHPL (рівні 1–4.A)".into(),
            ([one], Lang::Ru) if one == "chpl45" => "45 кодов CHPL (уровни 1–4.A)".into(),
            ([one], Lang::En) if one == "chpl" => "the 50 CHPL codes (tiers 1 to 4.B)".into(),
            ([one], Lang::Uk) if one == "chpl" => "50 кодів CHPL (рівні 1–4.B)".into(),
            ([one], Lang::Ru) if one == "chpl" => "50 кодов CHPL (уровни 1–4.B)".into(),
            ([one], _) if one == "drones" => "HS 8806".into(),
            (codes, _) => format!("HS {}", codes.join(", ")),
        }
    }

    /// One reason the file's figure and the published one may differ.
    pub fn beside_why(self, why: Why) -> String {
        use Why::*;
        match (self.0, why) {
            (Lang::En, Reconciled(whose)) => format!("BACI reconciles the exporter's and the importer's reports into one figure and values imports without freight and insurance (CIF to FOB); the published figure rests on {whose}."),
            (Lang::Uk, Reconciled(whose)) => format!("BACI зводить звіти експортера й імпортера в одну цифру та оцінює імпорт без фрахту й страхування (CIF у FOB); опублікована цифра спирається на: {whose}."),
            (Lang::Ru, Reconciled(whose)) => format!("BACI сводит отчёты экспортёра и импортёра в одну цифру и оценивает импорт без фрахта и страховки (CIF в FOB); опубликованная цифра опирается на: {whose}."),
            (Lang::En, OneSide(s)) => format!("The published figure rests on {}; the file does not have them for every country pair.", self.side_reports(s)),
            (Lang::Uk, OneSide(s)) => format!("Опублікована цифра спирається на дані за {}; у файлі їх немає для кожної пари країн.", self.side_reports(s)),
            (Lang::Ru, OneSide(s)) => format!("Опубликованная цифра опирается на данные по {}; в файле их нет для каждой пары стран.", self.side_reports(s)),
            (Lang::En, Unstated(whose)) => format!("The source does not say whose reports it used ({whose})."),
            (Lang::Uk, Unstated(whose)) => format!("Джерело не каже, чиї звіти воно використало ({whose})."),
            (Lang::Ru, Unstated(whose)) => format!("Источник не говорит, чьи отчёты он использовал ({whose})."),
            (Lang::En, Codes(codes)) => format!("The file's figure counts {codes} as the file codes them; a source using another HS version or its own list of codes counts other goods."),
            (Lang::Uk, Codes(codes)) => format!("Цифра файлу рахує {codes} так, як їх кодує файл; джерело з іншою версією ГС або власним переліком кодів рахує інші товари."),
            (Lang::Ru, Codes(codes)) => format!("Цифра файла считает {codes} так, как их кодирует файл; источник с другой версией ГС или своим списком кодов считает другие товары."),
            (Lang::En, ReExports(value)) => format!("The file's re-exports of these goods ({value}) are left out; the source may count them."),
            (Lang::Uk, ReExports(value)) => format!("Реекспорт цих товарів у файлі ({value}) не враховано; джерело може його рахувати."),
            (Lang::Ru, ReExports(value)) => format!("Реэкспорт этих товаров в файле ({value}) не учтён; источник может его считать."),
            (Lang::En, FromMonths) => "The file's figure for the year is the sum of its 12 months; monthly figures are often revised.".into(),
            (Lang::Uk, FromMonths) => "Цифра файлу за рік — сума його 12 місяців; місячні дані часто переглядають.".into(),
            (Lang::Ru, FromMonths) => "Цифра файла за год — сумма его 12 месяцев; месячные данные часто пересматривают.".into(),
            (Lang::En, Monthly) => "Monthly figures are often revised after their first release; the two may be of different releases.".into(),
            (Lang::Uk, Monthly) => "Місячні дані часто переглядають після першої публікації; дві цифри можуть бути з різних випусків.".into(),
            (Lang::Ru, Monthly) => "Месячные данные часто пересматривают после первой публикации; две цифры могут быть из разных выпусков.".into(),
            (Lang::En, Derived(sum)) => format!("The published value is derived from published numbers: {sum}."),
            (Lang::Uk, Derived(sum)) => format!("Опубліковане значення виведене з опублікованих чисел: {sum}."),
            (Lang::Ru, Derived(sum)) => format!("Опубликованное значение выведено из опубликованных чисел: {sum}."),
            (Lang::En, Bound) => "The published figure is a bound or an approximation, not an exact value.".into(),
            (Lang::Uk, Bound) => "Опублікована цифра — межа або наближення, а не точне значення.".into(),
            (Lang::Ru, Bound) => "Опубликованная цифра — граница или приближение, а не точное значение.".into(),
            (Lang::En, Rounded(value)) => format!("The published figure is rounded to {value}."),
            (Lang::Uk, Rounded(value)) => format!("Опублікована цифра округлена до {value}."),
            (Lang::Ru, Rounded(value)) => format!("Опубликованная цифра округлена до {value}."),
        }
    }

    /// Under the table: how many more published figures the file does not hold.
    pub fn beside_not_here(self, n: usize) -> String {
        match (self.0, plural(self.0, n)) {
            (Lang::En, Plural::One) => format!("{n} more published figure is not in this file: its goods, routes or periods do not include it."),
            (Lang::En, _) => format!("{n} more published figures are not in this file: its goods, routes or periods do not include them."),
            (Lang::Uk, Plural::One) => format!("Ще {n} опублікованої цифри немає в цьому файлі: його товари, маршрути чи періоди її не охоплюють."),
            (Lang::Uk, _) => format!("Ще {n} опублікованих цифр немає в цьому файлі: його товари, маршрути чи періоди їх не охоплюють."),
            (Lang::Ru, Plural::One) => format!("Ещё {n} опубликованной цифры нет в этом файле: его товары, маршруты или периоды её не охватывают."),
            (Lang::Ru, _) => format!("Ещё {n} опубликованных цифр нет в этом файле: его товары, маршруты или периоды их не охватывают."),
        }
    }

    /// Under the table: how many published figures count goods with no HS codes to match.
    pub fn beside_own_selection(self, n: usize) -> String {
        match (self.0, plural(self.0, n)) {
            (Lang::En, Plural::One) => format!("{n} counts goods as its source selects them, with no HS codes to match a file by."),
            (Lang::En, _) => format!("{n} count goods as their source selects them, with no HS codes to match a file by."),
            (Lang::Uk, Plural::One) => format!("{n} рахує товари так, як їх відбирає джерело, без кодів ГС, за якими можна зіставити файл."),
            (Lang::Uk, _) => format!("{n} рахують товари так, як їх відбирає джерело, без кодів ГС, за якими можна зіставити файл."),
            (Lang::Ru, Plural::One) => format!("{n} считает товары так, как их отбирает источник, без кодов ГС, по которым можно сопоставить файл."),
            (Lang::Ru, _) => format!("{n} считают товары так, как их отбирает источник, без кодов ГС, по которым можно сопоставить файл."),
        }
    }

    /// Whose reports, as the sentences above put them.
    fn side_reports(self, side: Side) -> &'static str {
        match (self.0, side) {
            (Lang::En, Side::Exporter) => "the exporter's reports",
            (Lang::En, Side::Importer) => "the importer's reports",
            (Lang::En, Side::Reconciled) => "reconciled, CIF/FOB-adjusted data (BACI's method)",
            (Lang::Uk, Side::Exporter) => "звітами експортера",
            (Lang::Uk, Side::Importer) => "звітами імпортера",
            (Lang::Uk, Side::Reconciled) => "узгодженими даними з поправкою CIF/FOB (метод BACI)",
            (Lang::Ru, Side::Exporter) => "отчётам экспортёра",
            (Lang::Ru, Side::Importer) => "отчётам импортёра",
            (Lang::Ru, Side::Reconciled) => "согласованным данным с поправкой CIF/FOB (метод BACI)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_their_forms_and_every_language_its_own_words() {
        assert_eq!(Words(Lang::En).beside_not_here(1), "1 more published figure is not in this file: its goods, routes or periods do not include it.");
        assert!(Words(Lang::Uk)
            .beside_not_here(3)
            .starts_with("Ще 3 опублікованих цифр"));
        assert!(
            Words(Lang::Ru)
                .beside_own_selection(21)
                .starts_with("21 считает"),
            "21 takes the singular in Russian"
        );
        assert_eq!(
            Words(Lang::En).beside_ours("$4m", Some(Side::Importer)),
            "$4m, from the importer's reports."
        );
        assert_eq!(
            Words(Lang::Ru).beside_ours("4\u{a0}млн\u{a0}$", None),
            "4\u{a0}млн\u{a0}$, по отчётам экспортёра для одних пар стран и импортёра для других."
        );
        assert_eq!(
            Words(Lang::Uk).beside_codes(&["chpl45".into()]),
            "45 кодів CHPL (рівні 1–4.A)"
        );
        assert_eq!(
            Words(Lang::Ru).beside_codes(&["8542".into(), "8806".into()]),
            "HS 8542, 8806"
        );
        for lang in Lang::ALL {
            let w = Words(lang);
            assert_ne!(w.beside_why(Why::Monthly), w.beside_why(Why::FromMonths));
            assert!(
                w.beside_why(Why::Rounded("X1")).contains("X1")
                    && w.beside_why(Why::OneSide(Side::Exporter))
                        .contains(w.side_reports(Side::Exporter))
            );
        }
    }
}
