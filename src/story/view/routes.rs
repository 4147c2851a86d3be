use serde::Serialize;

use crate::story::answers::imf::imf_estimate;
use crate::story::{RouteFigures, Side};
use crate::story::language::words::Words;

/// A route as the panel and the tooltip show it: names, figures and sentences ready to print.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteView {
    #[serde(flatten)]
    pub figures: RouteFigures,
    pub exporter_name: String,
    pub importer_name: String,
    /// True for a hub's exports to the destination, false for the origin's exports to a hub.
    pub onward: bool,
    /// The drawn value, e.g. "$15.4bn", or "no data".
    pub value_text: String,
    /// e.g. "+87% on 2021", empty without a baseline.
    pub growth_text: String,
    /// Each side's report, e.g. "China reports $24.7bn; Kazakhstan reports $15.4bn", or the one that exists.
    pub reports_text: String,
    /// False when the reader focused on a country this route does not touch.
    pub in_focus: bool,
    /// The value's share of all flows on show, once the routes on show are picked.
    pub share: Option<f64>,
    /// e.g. "38% of the flows shown", empty without a share.
    pub share_text: String,
    /// The drawn value by product group, e.g. "CHPL tier 1: $2.3m", when there is more than one group.
    pub group_texts: Vec<String>,
    /// The drawn value and whose report it is, e.g. "$15.4bn as Kazakhstan reports it".
    pub reported_text: String,
    /// Each side's source, exporter first, e.g. "China's figure: GACC", for the sides that name one.
    pub source_texts: Vec<String>,
    /// The data table's "Reported by" and "Source" cells: the side drawn and its source, "both sides,
    /// reconciled" and the reconciling source, or a dash for what there is not.
    pub table_reporter: String,
    pub table_source: String,
}

/// A data table cell with nothing to show.
const NO_CELL: &str = "–";

/// Views of `figures`, naming countries with `name` (ISO 3166-1 alpha-3 → name) and phrasing in `words`' language.
pub fn route_views(
    figures: &[RouteFigures],
    destination: &str,
    baseline: u16,
    name: impl Fn(&str) -> String,
    words: Words,
) -> Vec<RouteView> {
    figures
        .iter()
        .map(|f| {
            let (exporter_name, importer_name) = (name(&f.exporter), name(&f.importer));
            let report = |who: &str, code: &str, v: Option<f64>, source: &Option<String>| {
                let imf = source.as_deref().is_some_and(|s| imf_estimate(code, f.year, s));
                v.map(|v| if imf { words.imf_estimate(who, v) } else { words.reports(who, v) })
            };
            let mut reports: Vec<String> = [
                report(&exporter_name, &f.exporter, f.exporter_reported, &f.exporter_source),
                report(&importer_name, &f.importer, f.importer_reported, &f.importer_source),
            ]
                .into_iter()
                .flatten()
                .collect();
            if let (true, Some(source)) = (reports.is_empty(), &f.reconciled_source) {
                reports.push(words.reconciled(source));
            }
            let value_text = f.value.map_or_else(|| words.no_data().to_string(), |v| words.money(v));
            let source_texts = [(&exporter_name, &f.exporter_source), (&importer_name, &f.importer_source)]
                .into_iter()
                .filter_map(|(who, source)| source.as_deref().map(|s| words.figure_source(who, s)))
                .collect();
            let (table_reporter, table_source) = match (f.shown_side, &f.reconciled_source) {
                (Some(Side::Exporter), _) => (exporter_name.clone(), &f.exporter_source),
                (Some(Side::Importer), _) => (importer_name.clone(), &f.importer_source),
                (None, Some(_)) => (words.both_sides_reconciled().to_string(), &f.reconciled_source),
                (None, None) => (NO_CELL.to_string(), &None),
            };
            let table_source = table_source.clone().unwrap_or_else(|| NO_CELL.to_string());
            let mut view = RouteView {
                table_reporter,
                table_source,
                reported_text: String::new(),
                source_texts,
                value_text,
                growth_text: f.growth.map(|g| words.growth(g, baseline)).unwrap_or_default(),
                reports_text: reports.join("; "),
                onward: f.importer == destination,
                in_focus: true,
                share: None,
                share_text: String::new(),
                group_texts: match &f.groups[..] {
                    [_, _, ..] => f.groups.iter().map(|&(g, v)| format!("{}: {}", words.group(g), words.money(v))).collect(),
                    _ => Vec::new(),
                },
                exporter_name,
                importer_name,
                figures: f.clone(),
            };
            view.reported_text = reported_text(&view, words);
            view
        })
        .collect()
}

/// The route's value and whose report it is: the side drawn, the importer's where neither is.
pub fn reported_text(view: &RouteView, words: Words) -> String {
    let who = if view.figures.shown_side == Some(Side::Exporter) { &view.exporter_name } else { &view.importer_name };
    words.as_reported(&view.value_text, who)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hs::{Group, Tier};

    fn figures() -> RouteFigures {
        RouteFigures {
            exporter: "CHN".into(),
            importer: "KAZ".into(),
            year: 2023,
            value: Some(15_389_231_312.0),
            shown_side: Some(Side::Importer),
            importer_reported: Some(15_389_231_312.0),
            exporter_reported: Some(24_700_000_000.0),
            importer_source: Some("BNS".into()),
            exporter_source: Some("GACC".into()),
            reconciled_source: None,
            baseline: Some(8_228_456_853.0),
            growth: Some(15_389_231_312.0 / 8_228_456_853.0 - 1.0),
            mirror_gap: Some(24_700_000_000.0 / 15_389_231_312.0 - 1.0),
            groups: vec![(Group::Tier(Tier::T1), 389_231_312.0), (Group::Other, 15e9)],
        }
    }

    fn name(code: &str) -> String {
        match code {
            "CHN" => "China".into(),
            "KAZ" => "Kazakhstan".into(),
            other => other.into(),
        }
    }

    #[test]
    fn texts_name_both_sides() {
        let v = &route_views(&[figures()], "RUS", 2021, name, Words(crate::lang::Lang::En))[0];
        assert_eq!(v.value_text, "$15.4bn");
        assert_eq!(v.growth_text, "+87% on 2021");
        assert_eq!(v.reports_text, "China reports $24.7bn; Kazakhstan reports $15.4bn");
        assert_eq!(v.group_texts, ["CHPL tier 1: $389m", "Other goods: $15bn"]);
        assert_eq!(v.reported_text, "$15.4bn as Kazakhstan reports it");
        assert_eq!(v.source_texts, ["China's figure: GACC", "Kazakhstan's figure: BNS"]);
        assert_eq!((v.table_reporter.as_str(), v.table_source.as_str()), ("Kazakhstan", "BNS"));
        assert!(!v.onward);
    }

    #[test]
    fn the_table_names_whose_figure_is_drawn_and_its_source() {
        let cells = |f: &RouteFigures, lang| {
            let v = &route_views(std::slice::from_ref(f), "RUS", 2021, name, Words(lang))[0];
            (v.table_reporter.clone(), v.table_source.clone())
        };
        let mut f = figures();
        f.shown_side = Some(Side::Exporter);
        assert_eq!(cells(&f, crate::lang::Lang::En), ("China".into(), "GACC".into()));
        (f.shown_side, f.reconciled_source) = (None, Some("CEPII BACI".into()));
        assert_eq!(cells(&f, crate::lang::Lang::Uk), ("обидві сторони, узгоджено".into(), "CEPII BACI".into()));
        f.reconciled_source = None;
        assert_eq!(cells(&f, crate::lang::Lang::En), ("–".into(), "–".into()));
        (f.shown_side, f.importer_source) = (Some(Side::Importer), None);
        assert_eq!(cells(&f, crate::lang::Lang::En), ("Kazakhstan".into(), "–".into()));
    }

    #[test]
    fn missing_figures_say_so() {
        let mut f = figures();
        f.importer = "RUS".into();
        (f.value, f.growth, f.importer_reported, f.exporter_reported) = (None, None, None, None);
        f.groups = vec![(Group::All, 1.0)];
        f.importer_source = None;
        let v = &route_views(&[f], "RUS", 2021, name, Words(crate::lang::Lang::En))[0];
        assert_eq!(v.value_text, "no data");
        assert_eq!(v.growth_text, "");
        assert_eq!(v.reports_text, "");
        assert!(v.group_texts.is_empty(), "one group: the value says it all");
        assert_eq!(v.source_texts, ["China's figure: GACC"], "the side without a source is left out");
        assert!(v.onward);
    }
}
