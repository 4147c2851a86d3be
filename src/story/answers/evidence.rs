//! The evidence view, worded: a hub's two legs per product, the difference in differences on the
//! sanctioned goods and the two sides' reports, each with its sentence in the page's language. One
//! question, so the page lays out what comes back and words nothing itself.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::format::{change_in, decimal_in, money_in, percent_in};
use crate::lang::Lang;
use crate::store::{Flow, Side, Table};
use crate::story::answers::route_views::{did_view, mirror_view, RouteAsk};
use crate::story::answers::hub::{hub_view, HubAsk};
use crate::story::charts::bars::{BarRow, Bars};
use crate::story::language::words::Words;
use crate::Error;

/// Products listed at the hub; the rest are counted under the table.
const LIMIT: usize = 15;

/// The hub, the route of the products table (for the mirror gap) and the goods chosen there.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceAsk {
    pub origin: String,
    pub hub: String,
    pub destination: String,
    /// The products table's route: its exporters and its importers.
    pub route: (Vec<String>, Vec<String>),
    /// [`crate::hs::ProductFilter`] terms; empty means every product (and the CHPL goods for the
    /// difference in differences).
    #[serde(default)]
    pub products: Vec<String>,
    /// The goods in words, as the page's picker names them (`""`: none named).
    #[serde(default)]
    pub goods: String,
    /// The HS codes the reader opened or typed (`""`: none), named after the goods: "HS 8806".
    #[serde(default)]
    pub codes: String,
    /// False for a table of route totals: only the mirror gap, over all goods, has anything to say.
    pub has_products: bool,
    pub year: u16,
    pub baseline: u16,
    #[serde(default = "crate::story::answers::products::importer")]
    pub side: Side,
    #[serde(default)]
    pub flows: Option<Vec<Flow>>,
    #[serde(default)]
    pub lang: Lang,
    /// The countries' names in the page's language, by code; a code without one is shown as is.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
}

/// Everything the evidence view shows, worded. Empty strings leave an element empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EvidenceView {
    pub in_head: String,
    pub out_head: String,
    pub summary: String,
    pub caveat: String,
    /// The hub's products, largest inflow first.
    pub rows: Vec<EvidenceRow>,
    /// "and 3 more", or empty.
    pub more: String,
    pub bars: Bars,
    pub chart_label: String,
    pub did: String,
    /// `None`: not enough data, the chart is hidden.
    pub did_bars: Option<Bars>,
    pub did_label: String,
    pub did_caveat: String,
    /// One sentence per country pair.
    pub mirror: Vec<String>,
    pub mirror_caveat: String,
}

/// One product at the hub: its code and its three cells (in, out, out as a share of in).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvidenceRow {
    pub code: String,
    pub cells: [String; 3],
}

/// Answers the evidence view's question about `table`.
pub fn evidence(table: &Table, ask: &EvidenceAsk) -> Result<EvidenceView, Error> {
    let w = Words(ask.lang);
    let mut view = EvidenceView::default();
    if ask.has_products {
        hub(table, ask, &mut view)?;
        did(table, ask, &mut view)?;
    } else {
        view.summary = w.no_products().to_string();
    }
    mirror(table, ask, &mut view)?;
    Ok(view)
}

/// The goods chosen in words: the picker's name, then the HS codes ("Drones, HS 8806").
fn goods(ask: &EvidenceAsk) -> String {
    let codes = (!ask.codes.is_empty()).then(|| Words(ask.lang).hs_codes(&ask.codes));
    [Some(ask.goods.clone()).filter(|g| !g.is_empty()), codes].into_iter().flatten().collect::<Vec<_>>().join(", ")
}

fn name<'a>(ask: &'a EvidenceAsk, code: &'a str) -> &'a str {
    ask.names.get(code).map_or(code, String::as_str)
}

fn hub(table: &Table, ask: &EvidenceAsk, view: &mut EvidenceView) -> Result<(), Error> {
    let (w, lang, year) = (Words(ask.lang), ask.lang, ask.year);
    let h = HubAsk {
        origin: ask.origin.clone(),
        hub: ask.hub.clone(),
        destination: ask.destination.clone(),
        products: ask.products.clone(),
        year,
        baseline: ask.baseline,
        limit: LIMIT,
        flows: ask.flows.clone(),
    };
    let v = hub_view(table, &h)?;
    let (origin, hub, destination) = (
        name(ask, &ask.origin),
        name(ask, &ask.hub),
        name(ask, &ask.destination),
    );
    view.in_head = w.from_origin(origin);
    view.out_head = w.to_destination(destination);
    // A leg without rows is no data, never "$0".
    let amount = |v: Option<f64>| v.map_or_else(|| w.no_data().to_string(), |v| money_in(v, lang));
    view.summary = match (v.rows.is_empty(), v.into_usd, v.onward_usd) {
        (true, ..) => w.no_hub_rows(origin, hub, destination, year),
        (false, into, None) => w.into_only(year, hub, &amount(into), origin, destination),
        (false, None, onward) => w.onward_only(year, hub, &amount(onward), origin, destination),
        (false, Some(into), Some(onward)) if goods(ask).is_empty() => w.into_and_onward(
            year,
            hub,
            &money_in(into, lang),
            origin,
            destination,
            &money_in(onward, lang),
        ),
        (false, Some(into), Some(onward)) => w.into_and_onward_of(
            year,
            hub,
            &money_in(into, lang),
            &goods(ask),
            origin,
            destination,
            &money_in(onward, lang),
        ),
    };
    if matches!(
        (v.rows.is_empty(), v.into_usd, v.onward_usd),
        (false, Some(_), Some(_))
    ) {
        view.caveat = w.hub_caveat(destination, origin, hub);
    }
    view.rows = v
        .rows
        .iter()
        .map(|r| EvidenceRow {
            code: r.code.clone(),
            cells: [
                amount(r.into_usd),
                amount(r.onward_usd),
                // No row onward is no data, so no share either (not 0%).
                r.onward_usd
                    .and(r.ratio)
                    .map_or_else(|| "–".to_string(), |x| percent_in(x, 0, lang)),
            ],
        })
        .collect();
    if v.more > 0 {
        view.more = w.and_more(&decimal_in(v.more as f64, 0, Lang::En));
    }
    view.bars = Bars {
        series: [
            format!("{origin} → {hub}"),
            format!("{hub} → {destination}"),
        ],
        rows: v
            .rows
            .iter()
            .map(|r| BarRow {
                label: r.code.clone(),
                values: [r.into_usd, r.onward_usd],
            })
            .collect(),
    };
    view.chart_label = w.hub_chart(hub, origin, destination, year);
    Ok(())
}

/// The difference in differences from the origin to the hub: the goods chosen, or the CHPL goods.
fn did(table: &Table, ask: &EvidenceAsk, view: &mut EvidenceView) -> Result<(), Error> {
    let (w, lang) = (Words(ask.lang), ask.lang);
    let chosen = !ask.products.is_empty();
    let route = RouteAsk {
        exporters: vec![ask.origin.clone()],
        importers: vec![ask.hub.clone()],
        products: if chosen {
            ask.products.clone()
        } else {
            vec!["chpl".to_string()]
        },
        year: ask.year,
        baseline: ask.baseline,
        side: ask.side,
        flows: ask.flows.clone(),
    };
    let d = did_view(table, &route)?.did;
    let named = goods(ask);
    let goods = if chosen { named.as_str() } else { w.chpl_goods() };
    let (origin, hub) = (name(ask, &ask.origin), name(ask, &ask.hub));
    let (Some(treated), Some(control)) = (d.treated_growth, d.control_growth) else {
        view.did = w.did_missing(goods, origin, hub, ask.baseline, ask.year);
        return Ok(());
    };
    let money = |v: f64| money_in(v, lang);
    // Whole percentage points, rounded as the page always has (half up), signed by the difference itself.
    let points = d.difference.map_or_else(
        || "–".to_string(),
        |x| {
            format!(
                "{}{}",
                if x >= 0.0 { '+' } else { '−' },
                ((x * 100.0 + 0.5).floor()).abs()
            )
        },
    );
    let log = d
        .log_difference
        .map_or_else(|| "–".to_string(), |x| decimal_in(x, 2, lang));
    view.did = w.did(
        ask.baseline,
        ask.year,
        origin,
        hub,
        goods,
        &change_in(treated, lang),
        &money(d.treated_base_usd),
        &money(d.treated_usd),
        &d.chapters.join(", "),
        &change_in(control, lang),
        &points,
        &log,
    );
    view.did_bars = Some(Bars {
        series: [ask.baseline.to_string(), ask.year.to_string()],
        rows: vec![
            BarRow {
                label: w.chosen_goods().to_string(),
                values: [Some(d.treated_base_usd), Some(d.treated_usd)],
            },
            BarRow {
                label: w.same_chapters().to_string(),
                values: [Some(d.control_base_usd), Some(d.control_usd)],
            },
        ],
    });
    view.did_label = w.did_chart(ask.baseline, ask.year);
    view.did_caveat = w.did_caveat().to_string();
    Ok(())
}

/// The two sides' reports on the products table's route: the goods chosen, or all goods on route totals.
fn mirror(table: &Table, ask: &EvidenceAsk, view: &mut EvidenceView) -> Result<(), Error> {
    let (w, lang) = (Words(ask.lang), ask.lang);
    let route = RouteAsk {
        exporters: ask.route.0.clone(),
        importers: ask.route.1.clone(),
        products: if ask.has_products {
            ask.products.clone()
        } else {
            vec![]
        },
        year: ask.year,
        baseline: ask.baseline,
        side: ask.side,
        flows: ask.flows.clone(),
    };
    let m = mirror_view(table, &route)?;
    if !m.two_sides {
        view.mirror = vec![w.one_report(ask.year)];
        return Ok(());
    }
    let money = |v: f64| money_in(v, lang);
    view.mirror = m
        .pairs
        .iter()
        .filter(|p| p.mirror.exporter_usd != 0.0 && p.mirror.importer_usd != 0.0)
        .map(|p| {
            let code = |i: usize| {
                p.mirror
                    .keys
                    .get(i)
                    .map(ToString::to_string)
                    .unwrap_or_default()
            };
            let (e, i) = (code(0), code(1));
            let (e, i) = (name(ask, &e), name(ask, &i));
            let (ex, im, gap) = (
                money(p.mirror.exporter_usd),
                money(p.mirror.importer_usd),
                money(p.mirror.gap_usd),
            );
            // Russia's figures after 2021 are the IMF's estimates, not its own reports: named as such.
            let estimated = if p.importer_imf {
                Some(Side::Importer)
            } else {
                p.exporter_imf.then_some(Side::Exporter)
            };
            w.mirror_pair(e, &ex, i, &im, &gap, estimated)
        })
        .collect();
    view.mirror_caveat = w.mirror_caveat().to_string();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load, Options};

    /// Kazakhstan → Russia in 2023, Kazakhstan's $120 of exports against the IMF's $100 for Russia; China
    /// → Kazakhstan reported by both.
    const TIDY: &str =
        "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
        2023,,KAZ,RUS,TOTAL,100,,,importer,IMF DOTS\n\
        2023,,KAZ,RUS,TOTAL,120,,,exporter,UN Comtrade\n\
        2023,,CHN,KAZ,TOTAL,300,,,importer,UN Comtrade\n\
        2023,,CHN,KAZ,TOTAL,310,,,exporter,UN Comtrade\n";

    fn ask(lang: Lang) -> EvidenceAsk {
        EvidenceAsk {
            origin: "CHN".into(),
            hub: "KAZ".into(),
            destination: "RUS".into(),
            route: (
                vec!["CHN".into(), "KAZ".into()],
                vec!["KAZ".into(), "RUS".into()],
            ),
            products: vec![],
            goods: String::new(),
            codes: String::new(),
            has_products: false,
            year: 2023,
            baseline: 2021,
            side: Side::Importer,
            flows: None,
            lang,
            names: [("KAZ", "Kazakhstan"), ("RUS", "Russia")]
                .into_iter()
                .map(|(c, n)| (c.to_string(), n.to_string()))
                .collect(),
        }
    }

    #[test]
    fn the_mirror_gap_names_the_imfs_estimates_and_route_totals_say_why_there_is_no_hub_table() {
        let t = load("t.csv", TIDY.as_bytes(), &Options::default())
            .map(|l| l.table)
            .unwrap_or_else(|e| panic!("{e}"));
        let v = evidence(&t, &ask(Lang::En)).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            v.summary
                .starts_with("The default story holds each route's total")
                && v.rows.is_empty()
                && v.did.is_empty()
        );
        // A code without a name in the question is shown as is.
        assert_eq!(
            v.mirror,
            [
                "CHN reports $310 of exports to Kazakhstan; Kazakhstan reports $300 of imports from CHN: a gap of $10.",
                "Kazakhstan reports $120 of exports to Russia; the IMF estimates $100 of imports from Kazakhstan for Russia: a gap of $20.",
            ]
        );
        assert!(v.mirror_caveat.starts_with("Two customs rarely agree"));
        let uk = evidence(&t, &ask(Lang::Uk)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(uk.mirror[1], "Kazakhstan → Russia: за звітом експортера 120\u{a0}$, за оцінкою МВФ для імпортера 100\u{a0}$; розбіжність 20\u{a0}$.");
    }
}
