//! What "all goods" and "to the world" read in a file holding aggregates beside their detail, in words.

use crate::lang::Lang;
use crate::query::count::Basis;

/// "all goods: the TOTAL rows; to the world: the World (W00) rows where a reporter has them, …" in `lang`.
pub fn basis_in(basis: &Basis, lang: Lang) -> String {
    let level = |l: u8| match (lang, l) {
        (Lang::En, 0) => "the TOTAL rows",
        (Lang::En, 1) => "the sum of the product groups",
        (Lang::En, 2) => "the sum of the 2-digit chapters",
        (Lang::En, 3) => "the sum of the 4-digit headings",
        (Lang::En, _) => "the sum of the 6-digit subheadings",
        (Lang::Uk, 0) => "рядки TOTAL",
        (Lang::Uk, 1) => "сума товарних груп",
        (Lang::Uk, 2) => "сума 2-значних розділів",
        (Lang::Uk, 3) => "сума 4-значних товарних позицій",
        (Lang::Uk, _) => "сума 6-значних підпозицій",
        (Lang::Ru, 0) => "строки TOTAL",
        (Lang::Ru, 1) => "сумма товарных групп",
        (Lang::Ru, 2) => "сумма 2-значных глав",
        (Lang::Ru, 3) => "сумма 4-значных товарных позиций",
        (Lang::Ru, _) => "сумма 6-значных субпозиций",
    };
    let goods = match (basis.levels.as_slice(), lang) {
        ([], Lang::En) => "none".to_string(),
        ([], Lang::Uk) => "немає".to_string(),
        ([], Lang::Ru) => "нет".to_string(),
        ([one], _) => level(*one).to_string(),
        ([first, ..], Lang::En) => format!("{} where a route has them, else the coarsest level it has (other levels are kept apart, never added)", level(*first)),
        ([first, ..], Lang::Uk) => format!("{}, де маршрут їх має, інакше найзагальніший рівень, що в нього є (інші рівні тримаються окремо й не додаються)", level(*first)),
        ([first, ..], Lang::Ru) => format!("{}, где они есть у маршрута, иначе самый общий уровень, что у него есть (другие уровни держатся отдельно и не складываются)", level(*first)),
    };
    let world = match (basis.world, lang) {
        (true, Lang::En) => "the World (W00) rows where a reporter has them, else the sum of its partners; W00 is never a route",
        (true, Lang::Uk) => "рядки World (W00), де звітувальник їх має, інакше сума його партнерів; W00 ніколи не є маршрутом",
        (true, Lang::Ru) => "строки World (W00), где они есть у отчитавшейся страны, иначе сумма её партнёров; W00 никогда не маршрут",
        (false, Lang::En) => "the sum of the partners",
        (false, Lang::Uk) => "сума партнерів",
        (false, Lang::Ru) => "сумма партнёров",
    };
    match lang {
        Lang::En => format!("all goods: {goods}; to the world: {world}"),
        Lang::Uk => format!("усі товари: {goods}; у світ: {world}"),
        Lang::Ru => format!("все товары: {goods}; в мир: {world}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_coarsest_level_and_the_world_rows_in_each_language() {
        let mixed = Basis { levels: vec![0, 2], world: true };
        assert_eq!(
            basis_in(&mixed, Lang::En),
            "all goods: the TOTAL rows where a route has them, else the coarsest level it has (other levels are kept apart, never added); \
             to the world: the World (W00) rows where a reporter has them, else the sum of its partners; W00 is never a route"
        );
        assert!(basis_in(&mixed, Lang::Uk).starts_with("усі товари: рядки TOTAL, де маршрут їх має"));
        let plain = Basis { levels: vec![4], world: false };
        assert_eq!(basis_in(&plain, Lang::Ru), "все товары: сумма 6-значных субпозиций; в мир: сумма партнёров");
        assert_eq!(basis_in(&Basis { levels: vec![], world: false }, Lang::Uk), "усі товари: немає; у світ: сума партнерів");
    }
}
