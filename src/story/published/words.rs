//! The published figures in words, for the panel's list, the data table, the summary, the tooltips, the
//! map's key and the table beside a reader's file: read from `published.json`, its English labels and the
//! sentences around them translated by the page's [`Dictionary`]. Worded when the site is built
//! (`roundabout story` writes `data/published-words-{en,uk,ru}.json`), so that neither the page's script
//! nor its wasm words them. Text only, never markup; a source's address only when it is http(s).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::format::money_in;
use crate::format_list::and_list;
use crate::lang::Lang;
use crate::story::language::dictionary::Dictionary;
use crate::story::language::names::Names;
use crate::Error;

const NONE: &str = "no published figure";

/// The published figures in one language, as the page reads them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteWords {
    /// Every period's label, for the period menu.
    pub labels: Vec<String>,
    /// Each period's words, in the file's order.
    pub periods: Vec<Panel>,
    pub key: Key,
    pub figures: Figures,
}

/// The map key's title, its note and the goods definitions' names.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Key {
    pub title: String,
    pub note: String,
    pub goods: Vec<String>,
}

/// The published view's words for one period, and the period controls' choices from it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Panel {
    pub period: usize,
    /// The periods the previous and next buttons go to, none at either end.
    pub prev: Option<usize>,
    pub next: Option<usize>,
    /// The data table's caption, the panel's title, the embed's credit line and the summary screen
    /// readers hear.
    pub caption: String,
    pub title: String,
    pub embed_title: String,
    pub summary: String,
    /// A route per row, in the file's order.
    pub rows: Vec<Row>,
}

/// One route in the period: its drawn figure for the panel's list, every figure for the table and tooltip.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// "China → Kazakhstan and Kyrgyzstan".
    pub route: String,
    /// The tooltip's heading: the route and the period.
    pub heading: String,
    /// The drawn figure's value and goods, or "no published figure" and none.
    pub value: String,
    pub goods: Option<String>,
    /// The panel's large figure: the drawn value without its derivation ("$712m"), which goes apart
    /// ("derived: 5.7% × $12.5bn = $712m"): in the figure's type it wrapped over two lines.
    pub figure: String,
    pub derivation: Option<String>,
    pub figures: Vec<FigureText>,
}

/// One figure as the table and the tooltip give it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureText {
    pub goods: String,
    /// Its value, with its route when it is another's (a share of two origins together).
    pub value: String,
    pub derived: bool,
    pub whose: String,
    /// The tooltip's lines: "goods: value", "Figures: whose".
    pub line: String,
    pub whose_line: String,
    pub source: Source,
}

/// Where a figure was published: "publisher, date", and its address when http(s).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub text: String,
    pub url: Option<String>,
}

/// Every figure of the file for the table beside a reader's file, with the words the worker's answer needs.
/// Indexed as the file's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    /// Per figure: "goods, route, period: value", and its source.
    pub figures: Vec<FigureHeading>,
    /// The routes' countries by name, and whose statistics each figure rests on, in the page's language:
    /// the worker's comparison is handed them as they are.
    pub names: BTreeMap<String, String>,
    pub whose: BTreeMap<String, String>,
}

/// A figure headed for the table beside a reader's file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureHeading {
    pub heading: String,
    pub source: Source,
}

/// `published.json` in words in `lang`, through `dictionary` (none for English) and the country `names`
/// (none for English: the names of the country table); an error names the file.
pub fn site_words(
    file: &str,
    json: &[u8],
    lang: Lang,
    dictionary: &Dictionary,
    names: Option<&Names>,
) -> Result<SiteWords, Error> {
    let json: Value = serde_json::from_slice(json).map_err(|e| Error::Decode {
        file: file.to_string(),
        message: format!("line {}, column {}: {e}", e.line(), e.column()),
    })?;
    let name = |code: &str| Names::or_english(names, code);
    let words = Words {
        json: &json,
        dictionary,
        lang,
        name,
    };
    let labels: Vec<String> = json["periods"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| words.label(p))
        .collect();
    Ok(SiteWords {
        periods: (0..labels.len()).map(|p| words.panel(p, &labels)).collect(),
        labels,
        key: words.key(),
        figures: words.figures(),
    })
}

/// Words the published figures, through `dictionary` (in `lang`), naming countries with `name`.
struct Words<'a, N: Fn(&str) -> String> {
    json: &'a Value,
    dictionary: &'a Dictionary,
    lang: Lang,
    name: N,
}

impl<N: Fn(&str) -> String> Words<'_, N> {
    fn t(&self, text: &str, vars: &[(&str, &str)]) -> String {
        self.dictionary.t(text, vars)
    }

    fn label(&self, v: &Value) -> String {
        self.t(v["label"].as_str().unwrap_or_default(), &[])
    }

    /// "China and Hong Kong → Russia": each end's countries as a list in the page's language.
    fn route(&self, route: &Value) -> String {
        let list = |codes: &Value| {
            let names: Vec<String> = codes
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(&self.name)
                .collect();
            and_list(
                &names.iter().map(String::as_str).collect::<Vec<_>>(),
                self.lang,
            )
        };
        format!("{} → {}", list(&route["from"]), list(&route["to"]))
    }

    /// The route a figure or a period's row names (its `route`), in words.
    fn route_of(&self, f: &Value) -> String {
        self.route(&self.json["routes"][f["route"].as_u64().unwrap_or(u64::MAX) as usize])
    }

    fn goods(&self, f: &Value) -> String {
        self.label(&self.json["goods"][f["goods"].as_u64().unwrap_or(u64::MAX) as usize])
    }

    /// A figure's value in words: "$1.3bn", "about $283m", "$7.04bn, derived: 56.3% × $12.5bn = $7.04bn",
    /// "64% growth".
    fn value(&self, f: &Value) -> String {
        let bounded = |value: String| match f["bound"].as_str() {
            Some(b @ ("about" | "over" | "under")) => {
                self.t(&format!("{b} {{value}}"), &[("value", &value)])
            }
            _ => value,
        };
        let Some(usd) = f["value_usd"].as_f64() else {
            let sep = if self.lang == Lang::En { "." } else { "," };
            let percent = bounded(format!(
                "{}%",
                f["percent"]
                    .as_f64()
                    .unwrap_or_default()
                    .to_string()
                    .replace('.', sep)
            ));
            let text = if f["kind"] == "growth" {
                "{percent} growth"
            } else {
                "{percent} of Russia's imports of these goods"
            };
            return self.t(text, &[("percent", &percent)]);
        };
        let money = money_in(usd, self.lang);
        match f["derived"][self.lang.tag()].as_str() {
            Some(sum) => self.t(
                "{value}, derived: {sum}",
                &[("value", &money), ("sum", sum)],
            ),
            None => bounded(money),
        }
    }

    /// The drawn figure as the panel shows it: its value, and how it was derived apart.
    fn figure(&self, f: &Value) -> (String, Option<String>) {
        match (f["value_usd"].as_f64(), f["derived"][self.lang.tag()].as_str()) {
            (Some(usd), Some(sum)) => (money_in(usd, self.lang), Some(self.t("derived: {sum}", &[("sum", sum)]))),
            _ => (self.value(f), None),
        }
    }

    fn source(&self, f: &Value) -> Source {
        let url = f["url"].as_str().unwrap_or_default();
        let web = url.starts_with("https://") || url.starts_with("http://");
        Source {
            text: format!(
                "{}, {}",
                f["publisher"].as_str().unwrap_or_default(),
                f["date"].as_str().unwrap_or_default()
            ),
            url: web.then(|| url.to_string()),
        }
    }

    /// Period `p`'s words, its label among `labels`.
    fn panel(&self, p: usize, labels: &[String]) -> Panel {
        let period = &self.json["periods"][p];
        let label = labels.get(p).cloned().unwrap_or_default();
        let rows: Vec<Row> = period["rows"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|row| {
                let route = self.route_of(row);
                let figures: Vec<&Value> = row["figures"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|i| i.as_u64().map(|i| &self.json["figures"][i as usize]))
                    .collect();
                // The drawn figure: the row's first, when it is the route's own and has a value.
                let drawn = figures
                    .first()
                    .filter(|f| f["route"] == row["route"] && f["value_usd"].as_f64().is_some());
                let figures = figures
                    .iter()
                    .map(|f| {
                        let value = if f["route"] == row["route"] {
                            self.value(f)
                        } else {
                            format!("{}: {}", self.route_of(f), self.value(f))
                        };
                        let (goods, whose) = (
                            self.goods(f),
                            self.t(f["whose"].as_str().unwrap_or_default(), &[]),
                        );
                        FigureText {
                            line: format!("{goods}: {value}"),
                            whose_line: self.t("Figures: {whose}", &[("whose", &whose)]),
                            derived: f["derived"].is_object(),
                            source: self.source(f),
                            goods,
                            value,
                            whose,
                        }
                    })
                    .collect();
                let (figure, derivation) = drawn.map_or_else(|| (self.t(NONE, &[]), None), |f| self.figure(f));
                Row {
                    heading: format!("{route}, {label}"),
                    value: drawn.map_or_else(|| figure.clone(), |f| self.value(f)),
                    figure,
                    derivation,
                    goods: drawn.map(|f| self.goods(f)),
                    route,
                    figures,
                }
            })
            .collect();
        let parts: Vec<String> = rows
            .iter()
            .map(|r: &Row| match &r.goods {
                Some(goods) => format!("{}: {} ({goods})", r.route, r.value),
                None => format!("{}: {}", r.route, r.value),
            })
            .collect();
        let period = [("period", label.as_str())];
        Panel {
            prev: p.checked_sub(1),
            next: Some(p + 1).filter(|n| *n < labels.len()),
            caption: self.t(
                "Published figures on the sanctioned goods, {period}",
                &period,
            ),
            title: self.t("Published figures, {period}", &period),
            embed_title: self.t("{period}: sanctioned goods, published figures.", &period),
            summary: self.t(
                "Published figures on the sanctioned goods, {period}. {parts}.",
                &[("period", &label), ("parts", &parts.join(". "))],
            ),
            period: p,
            rows,
        }
    }

    /// The map key's title, its note and the goods definitions' names.
    fn key(&self) -> Key {
        Key {
            title: self.t("Published figures, US$", &[]),
            note: self.t("Widths compare only within one goods definition", &[]),
            goods: self.json["goods"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|g| self.label(g))
                .collect(),
        }
    }

    /// Every figure, headed and valued, and the names and whose words the worker's comparison needs.
    fn figures(&self) -> Figures {
        let figures = self.json["figures"]
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        let routes = self.json["routes"].as_array().into_iter().flatten();
        let names = routes
            .flat_map(|r| {
                r["from"]
                    .as_array()
                    .into_iter()
                    .chain(r["to"].as_array())
                    .flatten()
            })
            .filter_map(Value::as_str)
            .map(|c| (c.to_string(), (self.name)(c)))
            .collect();
        let whose = figures
            .iter()
            .filter_map(|f| f["whose"].as_str())
            .map(|w| (w.to_string(), self.t(w, &[])))
            .collect();
        Figures {
            figures: figures
                .iter()
                .map(|f| {
                    let period = self.label(
                        &self.json["periods"][f["period"].as_u64().unwrap_or(u64::MAX) as usize],
                    );
                    FigureHeading {
                        heading: format!(
                            "{}, {}, {period}: {}",
                            self.goods(f),
                            self.route_of(f),
                            self.value(f)
                        ),
                        source: self.source(f),
                    }
                })
                .collect(),
            names,
            whose,
        }
    }
}
