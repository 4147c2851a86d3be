//! The products table's sentences in each language, as the worker gives them to the page.

use crate::lang::Lang;
use crate::story::language::words::Words;

/// A count's grammatical number: Ukrainian and Russian have three for whole numbers (CLDR's rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Plural {
    One,
    Few,
    Many,
}

pub(crate) fn plural(lang: Lang, n: usize) -> Plural {
    let (ten, hundred) = (n % 10, n % 100);
    match lang {
        Lang::En if n == 1 => Plural::One,
        Lang::En => Plural::Many,
        _ if ten == 1 && hundred != 11 => Plural::One,
        _ if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) => Plural::Few,
        _ => Plural::Many,
    }
}

impl Words {
    /// Above the products table: "3 products in 2023, $13.8m in all. …"; `count` is `n` with its digits
    /// grouped.
    pub fn products_counted(
        self,
        n: usize,
        count: &str,
        year: u16,
        total: &str,
        baseline: u16,
    ) -> String {
        let form = plural(self.0, n) as usize;
        match self.0 {
            Lang::En => {
                let noun = ["product", "products", "products"][form];
                format!("{count} {noun} in {year}, {total} in all. Growth is on {baseline}; share is of the goods listed. A rise shows where trade grew, not where the goods went next.")
            }
            Lang::Uk => {
                let noun = ["товар", "товари", "товарів"][form];
                format!("{count} {noun} у {year} р., разом {total}. Зміна — до {baseline} р.; частка — від перелічених товарів. Зростання показує, де торгівля зросла, а не куди товари пішли далі.")
            }
            Lang::Ru => {
                let noun = ["товар", "товара", "товаров"][form];
                format!("{count} {noun} в {year} г., всего {total}. Изменение — к {baseline} г.; доля — от перечисленных товаров. Рост показывает, где торговля выросла, а не куда товары пошли дальше.")
            }
        }
    }

    /// Above the products table when the route has none of them.
    pub fn no_product_rows(self, year: u16) -> String {
        match self.0 {
            Lang::En => format!("No rows for these products on this route in {year}."),
            Lang::Uk => format!("Немає даних про ці товари на цьому маршруті за {year} р."),
            Lang::Ru => format!("Нет данных об этих товарах на этом маршруте за {year} г."),
        }
    }

    /// A product's growth where the baseline year had none of it.
    pub fn new_product(self) -> &'static str {
        match self.0 {
            Lang::En => "new",
            Lang::Uk => "нове",
            Lang::Ru => "новое",
        }
    }

    /// The value column's head.
    pub fn value_in(self, year: u16) -> String {
        match self.0 {
            Lang::En => format!("Value, {year}"),
            Lang::Uk => format!("Вартість, {year}"),
            Lang::Ru => format!("Стоимость, {year}"),
        }
    }

    /// What a product's code does as a button: opens its finer codes, or, at the finest level, its evidence.
    pub fn code_button(self, code: &str, opens: bool) -> String {
        match (self.0, opens) {
            (Lang::En, true) => format!("Open {code}"),
            (Lang::En, false) => format!("Evidence for {code}"),
            (Lang::Uk, true) => format!("Розкрити {code}"),
            (Lang::Uk, false) => format!("Свідчення для {code}"),
            (Lang::Ru, true) => format!("Раскрыть {code}"),
            (Lang::Ru, false) => format!("Свидетельства для {code}"),
        }
    }

    /// Where the products' descriptions come from.
    pub fn descriptions(self) -> &'static str {
        match self.0 {
            Lang::En => "Descriptions: HS 2022, or HS 2017 where a code is not in it.",
            Lang::Uk => "Описи: ГС 2022, або ГС 2017, де коду в ній немає.",
            Lang::Ru => "Описания: ГС 2022, или ГС 2017, где кода в ней нет.",
        }
    }

    /// The products table on a table of route totals.
    pub fn totals_only(self) -> &'static str {
        match self.0 {
            Lang::En => "The default story holds each route's total over all goods, not single products. To rank products, load a CEPII BACI, UN Comtrade or tidy file with product codes (“Load your own file” under the map).",
            Lang::Uk => "Основна історія містить лише підсумок кожного маршруту за всіма товарами, без окремих товарів. Щоб упорядкувати товари, завантажте файл CEPII BACI, UN Comtrade або охайний CSV із кодами товарів («Завантажити свій файл» під мапою).",
            Lang::Ru => "Основная история содержит только итог каждого маршрута по всем товарам, без отдельных товаров. Чтобы упорядочить товары, загрузите файл CEPII BACI, UN Comtrade или аккуратный CSV с кодами товаров («Загрузить свой файл» под картой).",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_languages_forms() {
        let forms = |lang| [1, 3, 5, 11, 21, 22, 112].map(|n| plural(lang, n));
        use Plural::*;
        assert_eq!(forms(Lang::Uk), [One, Few, Many, Many, One, Few, Many]);
        assert_eq!(forms(Lang::En), [One, Many, Many, Many, Many, Many, Many]);
        assert!(Words(Lang::Ru)
            .products_counted(22, "22", 2023, "$1m", 2021)
            .starts_with("22 товара в 2023 г."));
        assert!(Words(Lang::En)
            .products_counted(1, "1", 2023, "$1m", 2021)
            .starts_with("1 product in 2023, $1m in all."));
    }
}
