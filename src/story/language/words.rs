//! The story's sentences in each language. Country names come in already translated; the phrasing
//! avoids grammatical cases, so a name slots in unchanged in Ukrainian and Russian.

use crate::format::{change_in, money_in, share_in};
use crate::hs::Group;
use crate::lang::Lang;

/// Phrases in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words(pub Lang);

impl Words {
    pub fn money(self, value: f64) -> String {
        money_in(value, self.0)
    }

    pub fn no_data(self) -> &'static str {
        match self.0 {
            Lang::En => "no data",
            Lang::Uk => "немає даних",
            Lang::Ru => "нет данных",
        }
    }

    /// Whose figure the data table shows when it is a reconciliation of both sides' reports (BACI's).
    pub fn both_sides_reconciled(self) -> &'static str {
        match self.0 {
            Lang::En => "both sides, reconciled",
            Lang::Uk => "обидві сторони, узгоджено",
            Lang::Ru => "обе стороны, согласовано",
        }
    }

    /// "+87% on 2021".
    pub fn growth(self, ratio: f64, baseline: u16) -> String {
        let c = change_in(ratio, self.0);
        match self.0 {
            Lang::En => format!("{c} on {baseline}"),
            Lang::Uk => format!("{c} до {baseline}"),
            Lang::Ru => format!("{c} к {baseline}"),
        }
    }

    /// "China reports $24.7bn".
    pub fn reports(self, who: &str, value: f64) -> String {
        let v = self.money(value);
        match self.0 {
            Lang::En => format!("{who} reports {v}"),
            Lang::Uk => format!("{who} повідомляє {v}"),
            Lang::Ru => format!("{who} сообщает {v}"),
        }
    }

    /// A figure the IMF estimates for a country that publishes none (Russia since 2021):
    /// "the IMF estimates $9.94bn for Russia".
    pub fn imf_estimate(self, who: &str, value: f64) -> String {
        let v = self.money(value);
        match self.0 {
            Lang::En => format!("the IMF estimates {v} for {who}"),
            Lang::Uk => format!("оцінка МВФ для {who}: {v}"),
            Lang::Ru => format!("оценка МВФ для {who}: {v}"),
        }
    }

    /// Where neither side reports and the figure reconciles both (BACI).
    pub fn reconciled(self, source: &str) -> String {
        match self.0 {
            Lang::En => format!("Both sides reconciled by {source}"),
            Lang::Uk => format!("Дані обох сторін, узгоджені: {source}"),
            Lang::Ru => format!("Данные обеих сторон, согласованные: {source}"),
        }
    }

    /// One run of a chart line's points from one report: "Kazakhstan's import figures (Comtrade) 2019–2022";
    /// `whose` is the reporter and whether it reports imports, `None` for a figure reconciling both sides.
    pub fn figures_from(self, whose: Option<(&str, bool)>, source: &str, years: &str) -> String {
        match (self.0, whose) {
            (Lang::En, Some((who, true))) => format!("{who}'s import figures ({source}) {years}"),
            (Lang::En, Some((who, false))) => format!("{who}'s export figures ({source}) {years}"),
            (Lang::En, None) => format!("both sides reconciled ({source}) {years}"),
            (Lang::Uk, Some((who, true))) => format!("{who}: дані імпорту ({source}) {years}"),
            (Lang::Uk, Some((who, false))) => format!("{who}: дані експорту ({source}) {years}"),
            (Lang::Uk, None) => format!("дані обох сторін, узгоджені ({source}) {years}"),
            (Lang::Ru, Some((who, true))) => format!("{who}: данные импорта ({source}) {years}"),
            (Lang::Ru, Some((who, false))) => format!("{who}: данные экспорта ({source}) {years}"),
            (Lang::Ru, None) => format!("данные обеих сторон, согласованные ({source}) {years}"),
        }
    }

    /// Above the chart's notes: what a hollow point means.
    pub fn source_changes(self) -> &'static str {
        match self.0 {
            Lang::En => "A hollow point: the figures change source there.",
            Lang::Uk => "Порожня точка: з неї дані з іншого джерела.",
            Lang::Ru => "Пустая точка: с неё данные из другого источника.",
        }
    }

    /// A hovered country's import line, "Imports from China: $15.4bn".
    pub fn imports_from(self, partner: &str, value: &str) -> String {
        match self.0 {
            Lang::En => format!("Imports from {partner}: {value}"),
            Lang::Uk => format!("Імпорт, партнер {partner}: {value}"),
            Lang::Ru => format!("Импорт, партнёр {partner}: {value}"),
        }
    }

    /// A hovered country's export line, "Exports to Russia: $9.94bn".
    pub fn exports_to(self, partner: &str, value: &str) -> String {
        match self.0 {
            Lang::En => format!("Exports to {partner}: {value}"),
            Lang::Uk => format!("Експорт, партнер {partner}: {value}"),
            Lang::Ru => format!("Экспорт, партнёр {partner}: {value}"),
        }
    }

    /// A flow's share of the flows on the map: "38% of the flows shown".
    pub fn share(self, ratio: f64) -> String {
        let s = share_in(ratio, self.0);
        match self.0 {
            Lang::En => format!("{s} of the flows shown"),
            Lang::Uk => format!("{s} показаних потоків"),
            Lang::Ru => format!("{s} показанных потоков"),
        }
    }

    /// Beside a route's value when the map cannot place one of its countries.
    pub fn not_drawn(self) -> &'static str {
        match self.0 {
            Lang::En => "not drawn on the map",
            Lang::Uk => "не показано на мапі",
            Lang::Ru => "не показано на карте",
        }
    }

    /// The routes left off the map, summed: "183 other routes: $4.2bn".
    pub fn other_routes(self, count: usize, value: f64) -> String {
        let v = self.money(value);
        match self.0 {
            Lang::En if count == 1 => format!("1 other route: {v}"),
            Lang::En => format!("{count} other routes: {v}"),
            Lang::Uk => format!("Інші маршрути ({count}): {v}"),
            Lang::Ru => format!("Другие маршруты ({count}): {v}"),
        }
    }

    /// The map key's title for the default story.
    pub fn all_goods_a_year(self) -> &'static str {
        match self.0 {
            Lang::En => "All goods, US$ a year",
            Lang::Uk => "Усі товари, дол. США на рік",
            Lang::Ru => "Все товары, долл. США в год",
        }
    }

    /// The map key's title for a story's goods, given capitalised: "Drones (HS 8806), US$ a year". (The page
    /// capitalises: Rust's `to_uppercase` would bring Unicode's case tables, some 9 KB, into its module.)
    pub fn goods_a_year(self, goods: &str) -> String {
        match self.0 {
            Lang::En => format!("{goods}, US$ a year"),
            Lang::Uk => format!("{goods}, дол. США на рік"),
            Lang::Ru => format!("{goods}, долл. США в год"),
        }
    }

    /// The map key's title for a file's largest pairs.
    pub fn over_the_period(self) -> &'static str {
        match self.0 {
            Lang::En => "US$ over the period",
            Lang::Uk => "Дол. США за період",
            Lang::Ru => "Долл. США за период",
        }
    }

    /// A product group's name, as the map's key and the tooltip give it.
    pub fn group(self, group: Group) -> &'static str {
        const NAMES: [[&str; 8]; 3] = [
            ["CHPL tier 1", "CHPL tier 2", "CHPL tier 3.A", "CHPL tier 3.B", "CHPL tier 4.A", "CHPL tier 4.B", "Other goods", "All goods"],
            ["CHPL, рівень 1", "CHPL, рівень 2", "CHPL, рівень 3.A", "CHPL, рівень 3.B", "CHPL, рівень 4.A", "CHPL, рівень 4.B", "Інші товари", "Усі товари"],
            ["CHPL, уровень 1", "CHPL, уровень 2", "CHPL, уровень 3.A", "CHPL, уровень 3.B", "CHPL, уровень 4.A", "CHPL, уровень 4.B", "Другие товары", "Все товары"],
        ];
        NAMES[self.0 as usize][group.index()]
    }

    /// A route's value and whose report it is: "$15.4bn as Kazakhstan reports it".
    pub fn as_reported(self, value: &str, who: &str) -> String {
        match self.0 {
            Lang::En => format!("{value} as {who} reports it"),
            Lang::Uk => format!("{value} за даними: {who}"),
            Lang::Ru => format!("{value} по данным: {who}"),
        }
    }

    /// One side's source: "China's figure: GACC".
    pub fn figure_source(self, who: &str, source: &str) -> String {
        match self.0 {
            Lang::En => format!("{who}'s figure: {source}"),
            Lang::Uk => format!("Джерело ({who}): {source}"),
            Lang::Ru => format!("Источник ({who}): {source}"),
        }
    }

    /// The panel's title: "Routes in 2023".
    pub fn routes_in(self, year: u16) -> String {
        match self.0 {
            Lang::En => format!("Routes in {year}"),
            Lang::Uk => format!("Шляхи у {year} р."),
            Lang::Ru => format!("Пути в {year} г."),
        }
    }

    /// The embedded map's credit line: "2023, all goods.".
    pub fn year_goods(self, year: u16, goods: &str) -> String {
        match self.0 {
            Lang::En => format!("{year}, {goods}."),
            Lang::Uk => format!("{year} р., {goods}."),
            Lang::Ru => format!("{year} г., {goods}."),
        }
    }

    /// What screen readers hear instead of the map: "Map of trade flows in 2023. China → Kazakhstan: $15.4bn."
    pub fn map_summary(self, year: u16, parts: &str) -> String {
        match self.0 {
            Lang::En => format!("Map of trade flows in {year}. {parts}."),
            Lang::Uk => format!("Карта торговельних потоків у {year} р. {parts}."),
            Lang::Ru => format!("Карта торговых потоков в {year} г. {parts}."),
        }
    }

    /// The caption of the table of flows on the map: "Flows on the map in 2023".
    pub fn flows_on_map_in(self, year: u16) -> String {
        match self.0 {
            Lang::En => format!("Flows on the map in {year}"),
            Lang::Uk => format!("Потоки на карті, {year}"),
            Lang::Ru => format!("Потоки на карте, {year}"),
        }
    }

    /// The products table's growth column: "Growth on 2021".
    pub fn growth_on(self, baseline: u16) -> String {
        match self.0 {
            Lang::En => format!("Growth on {baseline}"),
            Lang::Uk => format!("Зміна до {baseline}"),
            Lang::Ru => format!("Изменение к {baseline}"),
        }
    }

    /// Under the chart: what its dashed line marks.
    pub fn baseline_note(self, baseline: u16) -> String {
        match self.0 {
            Lang::En => format!("Dashed line: {baseline}, the baseline for growth."),
            Lang::Uk => format!("Пунктир: {baseline} рік, база для порівняння."),
            Lang::Ru => format!("Пунктир: {baseline} год, база для сравнения."),
        }
    }

    /// Under the title for a reader's file: "trade.csv: drones (HS 8806), 2021–2023, from CEPII BACI, as
    /// the importing countries report them. Arrow width shows their value in a year."
    pub fn file_dek(self, file: &str, goods: &str, years: &str, format: &str, whose: &str) -> String {
        match self.0 {
            Lang::En => format!("{file}: {goods}, {years}, from {format}, {whose}. Arrow width shows their value in a year."),
            Lang::Uk => format!("{file}: {goods}, {years}, джерело: {format}, {whose}. Ширина стрілки — їхня вартість за рік."),
            Lang::Ru => format!("{file}: {goods}, {years}, источник: {format}, {whose}. Ширина стрелки — их стоимость за год."),
        }
    }

    /// HS codes by name: "HS 8806", "ГС 8806".
    pub fn hs_codes(self, codes: &str) -> String {
        match self.0 {
            Lang::En => format!("HS {codes}"),
            Lang::Uk | Lang::Ru => format!("ГС {codes}"),
        }
    }

    /// The story bar's counter: "Step 2 of 6".
    pub fn step_of(self, at: u32, count: u32) -> String {
        match self.0 {
            Lang::En => format!("Step {at} of {count}"),
            Lang::Uk => format!("Крок {at} з {count}"),
            Lang::Ru => format!("Шаг {at} из {count}"),
        }
    }

    /// The chart's mark for 24 February 2022.
    pub fn invasion(self) -> &'static str {
        match self.0 {
            Lang::En => "Invasion, 24 Feb 2022",
            Lang::Uk => "Вторгнення, 24.02.2022",
            Lang::Ru => "Вторжение, 24.02.2022",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hs::Tier;

    #[test]
    fn every_language_has_its_own_phrasing() {
        for lang in Lang::ALL {
            let w = Words(lang);
            assert!(w.growth(0.87, 2021).contains("87") && w.growth(0.87, 2021).contains("2021"));
            assert!(w.reports("X", 1e9).contains('X'));
            assert!(!w.no_data().is_empty() && !w.invasion().is_empty());
        }
        assert_eq!(Words(Lang::En).growth(0.87, 2021), "+87% on 2021");
        assert_eq!(Words(Lang::Uk).growth(0.87, 2021), "+87\u{a0}% до 2021");
        assert_eq!(Words(Lang::En).reports("China", 24.7e9), "China reports $24.7bn");
        assert_eq!(Words(Lang::En).imf_estimate("Russia", 9.94e9), "the IMF estimates $9.94bn for Russia");
        assert_ne!(Words(Lang::Uk).all_goods_a_year(), Words(Lang::Ru).all_goods_a_year());
        assert_eq!(Words(Lang::En).goods_a_year("All goods"), Words(Lang::En).all_goods_a_year());
        assert_eq!(Words(Lang::Uk).goods_a_year("Усі товари"), Words(Lang::Uk).all_goods_a_year());
        assert_eq!(Words(Lang::Ru).goods_a_year("Дроны (HS 8806)"), "Дроны (HS 8806), долл. США в год");
        assert_eq!(Words(Lang::En).share(0.384), "38% of the flows shown");
        assert_eq!(Words(Lang::En).group(Group::Tier(Tier::T3A)), "CHPL tier 3.A");
        assert_eq!(Words(Lang::Uk).group(Group::Tier(Tier::T1)), "CHPL, рівень 1");
        assert_eq!(Words(Lang::Ru).group(Group::Other), "Другие товары");
        assert_eq!(Words(Lang::En).figures_from(Some(("Kazakhstan", true)), "Comtrade", "2019–2022"), "Kazakhstan's import figures (Comtrade) 2019–2022");
        assert_ne!(Words(Lang::Uk).figures_from(None, "BACI", "2023"), Words(Lang::Ru).figures_from(None, "BACI", "2023"));
        assert_eq!(Words(Lang::En).other_routes(1, 5e6), "1 other route: $5m");
        assert_eq!(Words(Lang::Uk).other_routes(3, 4.2e9), "Інші маршрути (3): 4,2\u{a0}млрд\u{a0}$");
        assert_eq!(Words(Lang::En).as_reported("$5m", "Kazakhstan"), "$5m as Kazakhstan reports it");
        assert_eq!(Words(Lang::Ru).figure_source("Китай", "GACC"), "Источник (Китай): GACC");
        assert_eq!([Words(Lang::En).routes_in(2023), Words(Lang::Uk).routes_in(2023)], ["Routes in 2023", "Шляхи у 2023 р."]);
        assert_eq!(Words(Lang::Ru).year_goods(2022, "все товары"), "2022 г., все товары.");
        assert_eq!(Words(Lang::En).map_summary(2021, "A → B: $1m"), "Map of trade flows in 2021. A → B: $1m.");
        assert_eq!([Words(Lang::En).flows_on_map_in(2023), Words(Lang::Ru).growth_on(2021)], ["Flows on the map in 2023", "Изменение к 2021"]);
        assert_eq!(Words(Lang::Uk).baseline_note(2021), "Пунктир: 2021 рік, база для порівняння.");
        assert_eq!([Words(Lang::En).step_of(2, 6), Words(Lang::Ru).step_of(1, 6)], ["Step 2 of 6", "Шаг 1 из 6"]);
        assert_eq!([Words(Lang::En).hs_codes("8806"), Words(Lang::Uk).hs_codes("8806")], ["HS 8806", "ГС 8806"]);
    }
}
