//! What goods a table holds, in words for the page and a story's draft: "all goods", "drones (HS 8806)",
//! "sanctioned high-priority goods (CHPL, 50 codes)". Named from the codes themselves, not from the filter
//! that cut them, so that a file cut elsewhere is named the same.

use crate::hs::{Group, HsCode, CHPL};
use crate::lang::Lang;

/// Headings a label lists before it counts the rest.
const LISTED: usize = 3;

/// The goods of `codes` (a table's products, each once), in `lang`.
///
/// ```
/// use roundabout::hs::HsCode;
/// use roundabout::lang::Lang;
/// use roundabout::story::language::goods::goods_label;
/// let codes = |s: &[&str]| s.iter().filter_map(|c| HsCode::parse(c.as_bytes())).collect::<Vec<_>>();
/// assert_eq!(goods_label(&codes(&["TOTAL"]), Lang::En), "all goods");
/// assert_eq!(goods_label(&codes(&["880621", "880622"]), Lang::En), "drones (HS 8806)");
/// assert_eq!(goods_label(&codes(&["854231", "854232"]), Lang::En), "sanctioned high-priority goods (CHPL, 2 of its 50 codes)");
/// assert_eq!(goods_label(&codes(&["CHPL-1", "OTHER"]), Lang::En), "all goods, the sanctioned high-priority ones (CHPL) apart");
/// assert_eq!(goods_label(&codes(&["8542", "010121"]), Lang::En), "goods of HS 0101, 8542");
/// ```
pub fn goods_label(codes: &[HsCode], lang: Lang) -> String {
    let hs6: Vec<u32> = codes
        .iter()
        .filter(|c| c.digits() == 6)
        .map(|c| c.number())
        .collect();
    let detail = codes.iter().filter(|c| c.digits() > 0).count();
    let tokens = codes
        .iter()
        .filter(|c| c.digits() == 0 && !c.is_total())
        .count();
    let chpl = hs6
        .iter()
        .filter(|c| CHPL.iter().any(|(k, _)| k == *c))
        .count();
    let in_chpl = |n: usize| match lang {
        Lang::En if n == CHPL.len() => format!("sanctioned high-priority goods (CHPL, {n} codes)"),
        Lang::En => format!(
            "sanctioned high-priority goods (CHPL, {n} of its {} codes)",
            CHPL.len()
        ),
        Lang::Uk => format!(
            "пріоритетні санкційні товари (CHPL, кодів: {n} з {})",
            CHPL.len()
        ),
        Lang::Ru => format!(
            "приоритетные санкционные товары (CHPL, кодов: {n} из {})",
            CHPL.len()
        ),
    };
    if detail == 0 && tokens == 0 {
        return all_goods(lang).to_string();
    }
    if detail == 0 {
        // A page's cut: goods summed by group, CHPL tiers and the rest.
        let only_chpl = codes
            .iter()
            .all(|c| matches!(Group::of(*c), Group::Tier(_)));
        return match (only_chpl, lang) {
            (true, Lang::En) => "sanctioned high-priority goods (CHPL)".into(),
            (true, Lang::Uk) => "пріоритетні санкційні товари (CHPL)".into(),
            (true, Lang::Ru) => "приоритетные санкционные товары (CHPL)".into(),
            (false, Lang::En) => "all goods, the sanctioned high-priority ones (CHPL) apart".into(),
            (false, Lang::Uk) => "усі товари, пріоритетні санкційні (CHPL) окремо".into(),
            (false, Lang::Ru) => "все товары, приоритетные санкционные (CHPL) отдельно".into(),
        };
    }
    if detail == hs6.len() && chpl == hs6.len() && tokens == 0 {
        return in_chpl(chpl);
    }
    // As numbers, sorted: sorting the codes' texts would bring another sort's code into the worker's module.
    let mut keys: Vec<u32> = codes
        .iter()
        .filter(|c| c.digits() > 0)
        .map(|c| c.truncate(c.digits().min(4)))
        .map(|h| h.number() * 10 + u32::from(h.digits()))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let headings: Vec<String> = keys
        .iter()
        .filter_map(|k| HsCode::from_number(k / 10, (k % 10) as u8))
        .map(|h| h.to_string())
        .collect();
    if headings == ["8806"] {
        return match lang {
            Lang::En => "drones (HS 8806)",
            Lang::Uk => "дрони (HS 8806)",
            Lang::Ru => "дроны (HS 8806)",
        }
        .into();
    }
    let listed = if headings.len() <= LISTED {
        headings.join(", ")
    } else {
        format!(
            "{} and {} more",
            headings[..LISTED].join(", "),
            headings.len() - LISTED
        )
    };
    match lang {
        Lang::En => format!("goods of HS {listed}"),
        Lang::Uk => format!("товари HS {listed}"),
        Lang::Ru => format!("товары HS {listed}"),
    }
}

fn all_goods(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "all goods",
        Lang::Uk => "усі товари",
        Lang::Ru => "все товары",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_list_is_named_as_such_in_every_language() {
        let all: Vec<HsCode> = CHPL
            .iter()
            .filter_map(|(c, _)| HsCode::from_number(*c, 6))
            .collect();
        assert_eq!(
            goods_label(&all, Lang::En),
            "sanctioned high-priority goods (CHPL, 50 codes)"
        );
        let mut more = all.clone();
        more.push(HsCode::parse(b"010121").unwrap_or(HsCode::TOTAL));
        let label = goods_label(&more, Lang::En);
        assert!(
            label.starts_with("goods of HS 0101, ") && label.ends_with(" more"),
            "one code off the list: {label}"
        );
        for lang in [Lang::Uk, Lang::Ru] {
            assert_ne!(goods_label(&all, lang), goods_label(&all, Lang::En));
            assert!(goods_label(&all, lang).contains("50"));
        }
    }
}
