//! The published figures beside a reader's file: for each figure of `www/data/published.json` whose goods,
//! route and period the file covers, the file's own figure for the same goods, route, period and side, the
//! difference, and the reasons the two may differ that apply to it.
//!
//! The file's figure is counted by the rules of [`crate::query::count`]: the goods definition's HS filter
//! (a CHPL preset or HS codes), every country pair of the route (a route with several ends is the sum of
//! the file's routes to each, which is exact: it is the file's own data), the period (a year from the
//! file's annual rows, or its 12 months; a month or a span of months only from monthly rows), and each
//! pair on the side the figure names where the file has it. Sentences come worded in the page's language
//! ([`crate::story::language::beside`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::story::answers::products::side_order;
use crate::story::language::beside::Why;
use crate::story::language::words::Words;
use crate::format::{change_in, money_in};
use crate::lang::Lang;
use crate::query::{run, Flow, Key, KeyValue, Query};
use crate::store::{Side, Table};
use crate::Error;

/// The question: the published figures (the page's copy of `published.json`), the page's language, the
/// names of the routes' countries in it and the figures' `whose` in it (English where missing).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BesideAsk {
    pub view: Published,
    #[serde(default)]
    pub lang: Lang,
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    #[serde(default)]
    pub whose: BTreeMap<String, String>,
}

/// The parts of `published.json` the match reads (the rest is ignored).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Published {
    pub goods: Vec<GoodsIn>,
    pub routes: Vec<RouteIn>,
    pub periods: Vec<PeriodIn>,
    pub figures: Vec<FigureIn>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GoodsIn {
    pub filter: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RouteIn {
    pub from: Vec<String>,
    pub to: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PeriodIn {
    pub key: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FigureIn {
    pub goods: usize,
    pub route: Option<usize>,
    pub period: usize,
    pub value_usd: Option<f64>,
    #[serde(default)]
    pub bound: String,
    /// A derived value's sum, by language tag.
    pub derived: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub whose: String,
}

/// The answer: the figures the file covers, and a note on those it does not.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BesideView {
    pub rows: Vec<Beside>,
    pub note: Vec<String>,
}

/// One published figure (`figure` indexes `published.json`'s figures) beside the file's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Beside {
    pub figure: usize,
    /// The file's figure and whose reports it rests on; for a route of several ends, its parts.
    pub ours: Vec<String>,
    /// The file's figure against the published one, as a change: `−15%`.
    pub change: Option<String>,
    /// Why the two may differ: only the reasons that apply.
    pub why: Vec<String>,
    /// The file's figure in US dollars.
    pub ours_usd: f64,
}

/// The file's figure for one published figure.
#[derive(Clone, Debug, PartialEq)]
struct Sum {
    cents: i64,
    /// Each end's part, in the route's order, where the route has several.
    parts: Vec<(String, i64)>,
    /// Whose reports, when one side's throughout.
    side: Option<Side>,
    /// Re-exports of the same goods on the route in the period, left out of `cents`.
    re_cents: i64,
    /// A year summed from the file's 12 months.
    from_months: bool,
}

/// The periods a figure asks for, as (year, month) with month 0 for a whole year.
fn wanted(key: &str) -> Option<Vec<(u16, u8)>> {
    let month = |s: &str| -> Option<(u16, u8)> {
        let (y, m) = s.split_once('-')?;
        Some((
            y.parse().ok()?,
            m.parse().ok().filter(|m| (1..=12).contains(m))?,
        ))
    };
    if let Some((a, b)) = key.split_once('/') {
        let (a, b) = (month(a)?, month(b)?);
        let index = |(y, m): (u16, u8)| u32::from(y) * 12 + u32::from(m) - 1;
        return Some(
            (index(a)..=index(b))
                .map(|i| ((i / 12) as u16, (i % 12) as u8 + 1))
                .collect(),
        );
    }
    month(key)
        .map(|m| vec![m])
        .or_else(|| Some(vec![(key.parse().ok()?, 0)]))
}

/// The side a figure's `whose` names: "… (exporter)" or "… (importer)".
fn stated_side(whose: &str) -> Option<Side> {
    let inner = whose.trim().strip_suffix(')')?.rsplit_once('(')?.1;
    Side::parse(inner.as_bytes()).filter(|s| *s != Side::Reconciled)
}

/// Sets each published figure the table covers beside the table's own; then a note on the rest.
pub fn beside(table: &Table, ask: &BesideAsk) -> Result<BesideView, Error> {
    let v = &ask.view;
    let (mut out, mut own_selection, mut not_here) = (Vec::new(), 0usize, 0usize);
    let months: Vec<(u16, u8)> = table.metas.iter().map(|m| (m.year, m.month)).collect();
    for (i, f) in v.figures.iter().enumerate() {
        let (Some(route), Some(_)) = (f.route.and_then(|r| v.routes.get(r)), f.value_usd) else {
            continue;
        };
        let filter = v
            .goods
            .get(f.goods)
            .map(|g| g.filter.as_slice())
            .unwrap_or_default();
        if filter.is_empty() {
            own_selection += 1;
            continue;
        }
        let key = v
            .periods
            .get(f.period)
            .map(|p| p.key.as_str())
            .unwrap_or_default();
        let Some(mut periods) = wanted(key) else {
            continue;
        };
        let mut from_months = false;
        if let [(year, 0)] = periods[..] {
            if !months.contains(&(year, 0)) && (1..=12).all(|m| months.contains(&(year, m))) {
                periods = (1..=12).map(|m| (year, m)).collect();
                from_months = true;
            }
        }
        match file_sum(table, route, filter, &periods, stated_side(&f.whose))? {
            Some(sum) => out.extend(said(
                ask,
                i,
                Sum { from_months, ..sum },
                !from_months && periods.iter().all(|p| p.1 > 0),
            )),
            None => not_here += 1,
        }
    }
    let w = Words(ask.lang);
    let mut note = Vec::new();
    if not_here > 0 {
        note.push(w.beside_not_here(not_here));
    }
    if own_selection > 0 {
        note.push(w.beside_own_selection(own_selection));
    }
    Ok(BesideView { rows: out, note })
}

/// The table's figure for a route, goods and periods, each country pair on the `side` named where the
/// table has it (else reconciled, else the other); `None` when the table has no such rows.
fn file_sum(
    table: &Table,
    route: &RouteIn,
    filter: &[String],
    periods: &[(u16, u8)],
    side: Option<Side>,
) -> Result<Option<Sum>, Error> {
    let (first, last) = match (
        periods.iter().map(|p| p.0).min(),
        periods.iter().map(|p| p.0).max(),
    ) {
        (Some(a), Some(b)) => (a, b),
        _ => return Ok(None),
    };
    let q = |flows: Option<Vec<Flow>>| Query {
        exporters: Some(route.from.clone()),
        importers: Some(route.to.clone()),
        products: Some(filter.to_vec()),
        years: Some((first, last)),
        reported_by: None,
        flows,
        group_by: vec![
            Key::Exporter,
            Key::Importer,
            Key::ReportedBy,
            Key::Year,
            Key::Month,
        ],
    };
    let in_period = |keys: &[KeyValue]| {
        let number = |k: Option<&KeyValue>| match k {
            Some(KeyValue::Number(n)) => *n,
            _ => 0,
        };
        periods.iter().any(|(y, m)| {
            u32::from(*y) == number(keys.get(3)) && u32::from(*m) == number(keys.get(4))
        })
    };
    let order = side_order(side.unwrap_or(Side::Importer));
    // Per country pair: the rank of the side kept, and its cents.
    let mut pairs: Vec<(String, String, usize, i64)> = Vec::new();
    for row in run(table, &q(None))?
        .rows
        .into_iter()
        .filter(|r| in_period(&r.keys))
    {
        let [e, i, KeyValue::Text(s), ..] = &row.keys[..] else {
            continue;
        };
        let Some(rank) = Side::parse(s.as_bytes()).and_then(|s| order.iter().position(|o| *o == s))
        else {
            continue;
        };
        let (e, i) = (e.to_string(), i.to_string());
        match pairs.iter_mut().find(|p| p.0 == e && p.1 == i) {
            Some(p) if rank < p.2 => (p.2, p.3) = (rank, row.value_cents),
            Some(p) if rank == p.2 => p.3 += row.value_cents,
            Some(_) => {}
            None => pairs.push((e, i, rank, row.value_cents)),
        }
    }
    if pairs.is_empty() {
        return Ok(None);
    }
    let re_cents = run(table, &q(Some(vec![Flow::ReExport])))?
        .rows
        .iter()
        .filter(|r| in_period(&r.keys))
        .map(|r| r.value_cents)
        .sum();
    let parts = if route.to.len() > 1 {
        route
            .to
            .iter()
            .map(|end| {
                (
                    end.clone(),
                    pairs.iter().filter(|p| p.1 == *end).map(|p| p.3).sum(),
                )
            })
            .collect()
    } else {
        vec![]
    };
    let rank = pairs[0].2;
    Ok(Some(Sum {
        cents: pairs.iter().map(|p| p.3).sum(),
        parts,
        side: pairs.iter().all(|p| p.2 == rank).then(|| order[rank]),
        re_cents,
        from_months: false,
    }))
}

/// The words for one figure beside the file's.
fn said(ask: &BesideAsk, figure: usize, sum: Sum, monthly: bool) -> Option<Beside> {
    let lang = ask.lang;
    let f = ask.view.figures.get(figure)?;
    let published = f.value_usd.unwrap_or_default();
    let stated = stated_side(&f.whose);
    let filter = ask
        .view
        .goods
        .get(f.goods)
        .map(|g| g.filter.as_slice())
        .unwrap_or_default();
    let money = |cents: i64| money_in(cents as f64 / 100.0, lang);
    let ours = sum.cents as f64 / 100.0;
    let w = Words(lang);
    let mut said = vec![w.beside_ours(&money(sum.cents), sum.side)];
    if !sum.parts.is_empty() {
        let name = |c: &String| ask.names.get(c).cloned().unwrap_or_else(|| c.clone());
        let parts: Vec<String> = sum
            .parts
            .iter()
            .map(|(c, v)| format!("{} {}", name(c), money(*v)))
            .collect();
        said.push(w.beside_parts(&parts.join(" + ")));
    }
    let change = (published > 0.0).then(|| change_in(ours / published - 1.0, lang));

    let whose = ask.whose.get(&f.whose).unwrap_or(&f.whose);
    let mut why = Vec::new();
    match (stated, sum.side) {
        (_, Some(Side::Reconciled)) => why.push(Why::Reconciled(whose)),
        (Some(s), Some(o)) if s == o => {}
        (Some(s), _) => why.push(Why::OneSide(s)),
        (None, _) => why.push(Why::Unstated(whose)),
    }
    let codes = w.beside_codes(filter);
    why.push(Why::Codes(&codes));
    let re_exports = money(sum.re_cents);
    if sum.re_cents > 0 {
        why.push(Why::ReExports(&re_exports));
    }
    if sum.from_months {
        why.push(Why::FromMonths);
    } else if monthly {
        why.push(Why::Monthly);
    }
    let rounded = money_in(published, lang);
    if let Some(sum) = f.derived.as_ref().and_then(|d| d.get(lang.tag())) {
        why.push(Why::Derived(sum));
    } else if !f.bound.is_empty() {
        why.push(Why::Bound);
    } else if significant_digits(published) <= 2 {
        why.push(Why::Rounded(&rounded));
    }
    let why = why.into_iter().map(|y| w.beside_why(y)).collect();
    Some(Beside {
        figure,
        ours: said,
        change,
        why,
        ours_usd: ours,
    })
}

/// Significant digits of a published value in whole dollars, e.g. 2 for 1.3e9, 3 for 24.3e6.
fn significant_digits(v: f64) -> usize {
    let mut n = v.round() as u64;
    while n >= 10 && n % 10 == 0 {
        n /= 10;
    }
    n.to_string().len()
}
