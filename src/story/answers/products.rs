//! The products on a route, ranked: value in a year, growth on the baseline year, share of the route.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::format::{change_in, decimal_in, money_in, percent_in};
use crate::lang::Lang;
use crate::query::{growth, run, shares, Answer, Key, KeyValue, Query, Row};
use crate::story::language::words::Words;
use crate::store::{Flow, Side, Table};
use crate::Error;

/// Which products, on which route, at which HS level.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductsAsk {
    /// Exporters of the route (ISO alpha-3).
    pub exporters: Vec<String>,
    /// Importers of the route.
    pub importers: Vec<String>,
    /// [`crate::hs::ProductFilter`] terms; empty means every product. A drill-down passes the parent code.
    #[serde(default)]
    pub products: Vec<String>,
    /// 2, 4 or 6 digits.
    pub level: u8,
    pub year: u16,
    pub baseline: u16,
    /// Whose report to prefer where both sides reported a flow.
    #[serde(default = "importer")]
    pub side: Side,
    /// The flows counted; none given: exports and imports.
    #[serde(default)]
    pub flows: Option<Vec<Flow>>,
    /// The column the reader sorted the table by (`code`, `value_usd`, `growth`, `share`), and whether
    /// largest first; none given: by value, largest first.
    #[serde(default)]
    pub sort: Option<String>,
    #[serde(default)]
    pub descending: bool,
    /// The language of the view's words ([`worded`]).
    #[serde(default)]
    pub lang: Lang,
}

/// The side whose report is preferred when a question names none (serde's default).
pub(crate) fn importer() -> Side {
    Side::Importer
}

/// One product of the ranking.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProductRow {
    /// HS code at the level asked (a coarser code where the file holds no finer one).
    pub code: String,
    pub value_usd: f64,
    pub baseline_usd: f64,
    /// `value / baseline − 1`; `None` when there was nothing in the baseline year.
    pub growth: Option<f64>,
    /// Share (0..=1) of all the products asked, that year.
    pub share: f64,
}

/// The ranking, largest first, and whether the data held anything finer than route totals.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Products {
    pub rows: Vec<ProductRow>,
    /// Sum of the rows' values in the year.
    pub total_usd: f64,
    /// False when the table holds only `TOTAL` rows (the default story): there is nothing to rank.
    pub has_products: bool,
}

/// Rows the page shows at once; the rest are counted under the table.
const SHOWN: usize = 30;
/// The finest HS level: six-digit subheadings, which open no finer codes.
const FINEST: u8 = 6;

/// The ranking with what the page shows of it, worded: the note above the table, the value column's
/// head, the first rows' cells (value, growth, share) and the count of the rest.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProductsView {
    #[serde(flatten)]
    pub products: Products,
    pub note: String,
    pub value_head: String,
    pub cells: Vec<[String; 3]>,
    /// Each shown row's code button, what it does: "Open 88" above the finest level, else "Evidence for 880621".
    pub buttons: Vec<String>,
    /// "and 12 more", or empty.
    pub more: String,
}

/// [`products`]' answer worded in `ask`'s language.
pub fn worded(products: Products, ask: &ProductsAsk) -> ProductsView {
    let (w, lang) = (Words(ask.lang), ask.lang);
    let count = |n: usize| decimal_in(n as f64, 0, Lang::En);
    let n = products.rows.len();
    let note = match (products.has_products, n) {
        (false, _) => w.totals_only().to_string(),
        (true, 0) => w.no_product_rows(ask.year),
        (true, n) => format!("{} {}", w.products_counted(n, &count(n), ask.year, &money_in(products.total_usd, lang), ask.baseline), w.descriptions()),
    };
    let cells = products.rows.iter().take(SHOWN).map(|r| [money_in(r.value_usd, lang), r.growth.map_or_else(|| w.new_product().to_string(), |g| change_in(g, lang)), percent_in(r.share, 1, lang)]).collect();
    let buttons = products.rows.iter().take(SHOWN).map(|r| w.code_button(&r.code, ask.level < FINEST)).collect();
    let more = if n > SHOWN { w.and_more(&count(n - SHOWN)) } else { String::new() };
    ProductsView { note, value_head: w.value_in(ask.year), cells, buttons, more, products }
}

/// The sides to try for one flow, the preferred one first: the same order as the map's.
pub fn side_order(prefer: Side) -> [Side; 3] {
    match prefer {
        Side::Exporter => [Side::Exporter, Side::Reconciled, Side::Importer],
        _ => [Side::Importer, Side::Reconciled, Side::Exporter],
    }
}

/// Ranks the products of `ask`'s route. Each country pair's flow counts once: the preferred side's
/// report where there is one, else the reconciled figure, else the other side's.
///
/// ```
/// use roundabout::ingest::{load, Options};
/// use roundabout::story::answers::products::{products, ProductsAsk};
/// let csv = "t,i,j,k,v,q\n2021,156,398,854231,1,\n2023,156,398,854231,3,\n2023,156,398,880621,1,\n";
/// let table = load("b.csv", csv.as_bytes(), &Options::default()).unwrap().table;
/// let ask = ProductsAsk { exporters: vec!["CHN".into()], importers: vec!["KAZ".into()], products: vec![],
///     level: 6, year: 2023, baseline: 2021, side: roundabout::store::Side::Importer, flows: None, sort: None,
///     descending: false, lang: roundabout::lang::Lang::En };
/// let p = products(&table, &ask).unwrap();
/// assert_eq!((p.rows[0].code.as_str(), p.rows[0].value_usd, p.rows[0].share), ("854231", 3000.0, 0.75));
/// ```
pub fn products(table: &Table, ask: &ProductsAsk) -> Result<Products, Error> {
    let level = match ask.level {
        2 => Key::Hs2,
        4 => Key::Hs4,
        6 => Key::Hs6,
        n => return Err(Error::Query(format!("product level {n}: expected 2, 4 or 6 digits"))),
    };
    let q = Query {
        exporters: Some(ask.exporters.clone()),
        importers: Some(ask.importers.clone()),
        products: (!ask.products.is_empty()).then(|| ask.products.clone()),
        years: Some((ask.baseline.min(ask.year), ask.baseline.max(ask.year))),
        reported_by: None,
        flows: ask.flows.clone(),
        group_by: vec![Key::Exporter, Key::Importer, level, Key::Year, Key::ReportedBy],
    };
    let answer = run(table, &q)?;
    let has_products = table.products.iter().any(|p| !p.is_total());
    let picked = pick_sides(answer.rows, ask.side);
    // Summed over country pairs, per (code, year): the shape growth and shares read.
    let mut summed: Vec<Row> = Vec::new();
    let mut at: FxHashMap<(KeyValue, KeyValue), usize> = FxHashMap::default();
    for (code, year, cents) in picked {
        match at.get(&(code.clone(), year.clone())) {
            Some(&i) => {
                if let Some(r) = summed.get_mut(i) {
                    r.value_cents += cents;
                }
            }
            None => {
                at.insert((code.clone(), year.clone()), summed.len());
                summed.push(Row { keys: vec![code, year], value_usd: 0.0, value_cents: cents, quantity: 0.0, rows: 0 });
            }
        }
    }
    for r in &mut summed {
        r.value_usd = r.value_cents as f64 / 100.0;
    }
    let all = Answer { keys: vec![level, Key::Year], rows: summed };
    let grown = growth(&all, ask.baseline)?;
    let share = shares(&all, &[Key::Year])?;
    let mut rows: Vec<ProductRow> = grown
        .into_iter()
        .zip(share)
        .filter(|(g, _)| g.year == ask.year)
        .map(|(g, s)| ProductRow {
            code: g.keys.first().map(KeyValue::to_string).unwrap_or_default(),
            value_usd: g.value_usd,
            baseline_usd: g.baseline_usd,
            growth: g.growth,
            share: s,
        })
        .collect();
    crate::sort::sort_by(&mut rows, &|a, b| b.value_usd.total_cmp(&a.value_usd).then_with(|| a.code.cmp(&b.code)));
    if let Some(column) = &ask.sort {
        // The reader's column, ties kept in the ranking's order; no growth sorts below any.
        let key = |r: &ProductRow| match column.as_str() {
            "growth" => r.growth.unwrap_or(f64::NEG_INFINITY),
            "share" => r.share,
            _ => r.value_usd,
        };
        let order = |a: &ProductRow, b: &ProductRow| if column == "code" { a.code.cmp(&b.code) } else { key(a).total_cmp(&key(b)) };
        crate::sort::sort_by(&mut rows, &|a, b| if ask.descending { order(b, a) } else { order(a, b) });
    }
    let total_usd = rows.iter().map(|r| r.value_usd).sum();
    Ok(Products { rows, total_usd, has_products })
}

/// From rows keyed `[exporter, importer, code, year, side]`, one value per (pair, code, year), on the
/// side [`side_order`] prefers; `TOTAL` rows are left out. Returns `(code, year, cents)`.
fn pick_sides(rows: Vec<Row>, prefer: Side) -> Vec<(KeyValue, KeyValue, i64)> {
    let order = side_order(prefer);
    let rank = |k: Option<&KeyValue>| match k {
        Some(KeyValue::Text(s)) => Side::parse(s.as_bytes()).and_then(|s| order.iter().position(|o| *o == s)),
        _ => None,
    };
    // Rows arrive sorted by their keys, so one flow's sides are neighbours.
    let mut best: Vec<(Vec<KeyValue>, usize, i64)> = Vec::new();
    for r in rows {
        let Some(rank) = rank(r.keys.get(4)) else { continue };
        if matches!(r.keys.get(2), Some(KeyValue::Text(c)) if c == "TOTAL") {
            continue;
        }
        let flow = r.keys[..4].to_vec();
        match best.last_mut() {
            Some((f, b, c)) if *f == flow => {
                if rank < *b {
                    (*b, *c) = (rank, r.value_cents);
                }
            }
            _ => best.push((flow, rank, r.value_cents)),
        }
    }
    best.into_iter().map(|(mut f, _, c)| (f.remove(2), f.remove(2), c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load, Options};

    fn table(csv: &str) -> Table {
        load("t.csv", csv.as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"))
    }

    fn ask(level: u8, products: &[&str]) -> ProductsAsk {
        ProductsAsk {
            exporters: vec!["CHN".into()],
            importers: vec!["KAZ".into(), "KGZ".into()],
            products: products.iter().map(|p| p.to_string()).collect(),
            level,
            year: 2023,
            baseline: 2021,
            side: Side::Importer,
            flows: None,
            sort: None,
            descending: false,
            lang: Lang::En,
        }
    }

    const TIDY: &str = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
        2021,,CHN,KAZ,854231,100.00,,,importer,x\n\
        2021,,CHN,KAZ,854231,130.00,,,exporter,x\n\
        2023,,CHN,KAZ,854231,300.00,,,importer,x\n\
        2023,,CHN,KAZ,854231,999.00,,,exporter,x\n\
        2023,,CHN,KGZ,854231,50.00,,,exporter,x\n\
        2023,,CHN,KAZ,854232,150.00,,,importer,x\n\
        2023,,CHN,KAZ,880621,500.00,,,importer,x\n\
        2021,,CHN,KAZ,880621,250.00,,,importer,x\n\
        2023,,CHN,KAZ,TOTAL,9999.00,,,importer,x\n\
        2023,,CHN,RUS,854231,7.00,,,importer,x\n";

    #[test]
    fn sorts_by_the_readers_column_keeping_the_rankings_order_in_ties() {
        let sorted = |column: &str, descending: bool| {
            let a = ProductsAsk { sort: Some(column.into()), descending, ..ask(6, &[]) };
            products(&table(TIDY), &a).unwrap_or_else(|e| panic!("{e}")).rows.into_iter().map(|r| r.code).collect::<Vec<_>>()
        };
        assert_eq!(sorted("code", false), ["854231", "854232", "880621"]);
        assert_eq!(sorted("code", true), ["880621", "854232", "854231"]);
        assert_eq!(sorted("growth", true), ["854231", "880621", "854232"], "no growth (854232) last");
        assert_eq!(sorted("growth", false), ["854232", "880621", "854231"]);
        assert_eq!(sorted("share", false), ["854232", "854231", "880621"]);
        assert_eq!(sorted("value_usd", true), sorted("share", true));
    }

    #[test]
    fn ranks_hs6_with_growth_and_share_counting_each_flow_once() {
        let p = products(&table(TIDY), &ask(6, &[])).unwrap_or_else(|e| panic!("{e}"));
        // 854231: KAZ importer 300 (not the exporter's 999) + KGZ exporter 50 (the only report) = 350;
        // baseline 100 (importer's). 880621: 500 on 250. 854232: 150, no baseline. Total 1000.
        let got: Vec<(&str, f64, f64, Option<i64>, f64)> = p
            .rows
            .iter()
            .map(|r| (r.code.as_str(), r.value_usd, r.baseline_usd, r.growth.map(|g| (g * 100.0).round() as i64), r.share))
            .collect();
        assert_eq!(got, [("880621", 500.0, 250.0, Some(100), 0.5), ("854231", 350.0, 100.0, Some(250), 0.35), ("854232", 150.0, 0.0, None, 0.15)]);
        assert_eq!(p.total_usd, 1000.0);
        assert!(p.has_products);
        // In the baseline year's own view there is no growth: not +0% on itself.
        let base = products(&table(TIDY), &ProductsAsk { year: 2021, ..ask(6, &[]) }).unwrap_or_else(|e| panic!("{e}"));
        assert!(!base.rows.is_empty() && base.rows.iter().all(|r| r.growth.is_none()));
    }

    #[test]
    fn drills_down_from_a_chapter_to_its_headings() {
        let t = table(TIDY);
        let chapters = products(&t, &ask(2, &[])).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(chapters.rows.iter().map(|r| (r.code.as_str(), r.value_usd)).collect::<Vec<_>>(), [("85", 500.0), ("88", 500.0)]);
        let headings = products(&t, &ask(4, &["85"])).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(headings.rows.iter().map(|r| (r.code.as_str(), r.value_usd, r.share)).collect::<Vec<_>>(), [("8542", 500.0, 1.0)]);
        let exporter = products(&t, &ProductsAsk { side: Side::Exporter, ..ask(6, &["8542"]) }).unwrap_or_else(|e| panic!("{e}"));
        // The exporter's reports where they exist: 999 + 50 on 130.
        assert_eq!(exporter.rows[0].value_usd, 1049.0);
        assert_eq!(exporter.rows[0].baseline_usd, 130.0);
    }

    #[test]
    fn a_table_of_totals_has_no_products_and_bad_levels_are_refused() {
        let t = table("year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n2023,,CHN,KAZ,TOTAL,5.00,,,importer,x\n");
        let p = products(&t, &ask(6, &[])).unwrap_or_else(|e| panic!("{e}"));
        assert!(!p.has_products && p.rows.is_empty());
        let e = products(&t, &ask(3, &[])).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains("level 3"), "{e}");
        let e = products(&t, &ask(6, &["chips"])).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains("`chips`"), "{e}");
    }
}
