//! The published figures of one period as the map's flows: one arrow per route, coloured by its goods
//! definition; a route with several ends is one arrow that forks, its value on the trunk alone.
//!
//! The page reads only what the map needs from `published.json` ([`Arrows::from_json`]), walking the JSON
//! tree the country shapes' reader already links in, rather than a typed reader of the whole file.

use serde_json::Value;

use crate::format::money_in;
use crate::geo::anchor;
use crate::lang::Lang;
use crate::scene::palette::category;
use crate::scene::{FlowSpec, MapSpec};
use crate::Error;

/// Widest flow, in CSS pixels, for the largest value of the view.
const MAX_WIDTH: f64 = 26.0;
/// How far along from the origin to its ends' middle a forking arrow splits.
const FORK_AT: f64 = 0.6;

/// The figure drawn on one route in one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow<'a> {
    pub from: &'a str,
    /// One or more ends.
    pub to: Vec<&'a str>,
    /// US dollars.
    pub value: f64,
    /// Index of its goods definition.
    pub goods: usize,
    /// `""`, `"about"`, `"over"` or `"under"`.
    pub bound: &'a str,
}

/// The view's file, kept as read: a period's row `r` is drawn as [`Arrows::arrow`] (its id on the map
/// is `r`, as in the page's table).
pub struct Arrows {
    json: Value,
    /// The periods' keys (`2023`, `2023-10`, `2023-01/2023-09`).
    pub periods: Vec<String>,
    pub default_period: usize,
}

impl Arrows {
    /// Reads `published.json` (written by `published_view::build`); an error names the file and the line
    /// and column, or the part missing.
    pub fn from_json(file: &str, bytes: &[u8]) -> Result<Arrows, Error> {
        let fail = |message: String| Error::Decode {
            file: file.to_string(),
            message,
        };
        let json: Value = serde_json::from_slice(bytes)
            .map_err(|e| fail(format!("line {}, column {}: {e}", e.line(), e.column())))?;
        let periods = json["periods"].as_array().map(|ps| {
            ps.iter()
                .map(|p| p["key"].as_str().unwrap_or_default().to_string())
                .collect()
        });
        let (Some(periods), Some(default_period)) = (periods, index(&json["default_period"]))
        else {
            return Err(fail("expected periods and default_period".into()));
        };
        Ok(Arrows {
            json,
            periods,
            default_period,
        })
    }

    /// How many routes period `p` lists.
    pub fn rows(&self, p: usize) -> usize {
        self.json["periods"][p]["rows"]
            .as_array()
            .map_or(0, Vec::len)
    }

    /// The figure drawn on row `r` of period `p`: the row's first, when it is the route's own and has a
    /// value; `None` where the route has no published figure.
    pub fn arrow(&self, p: usize, r: usize) -> Option<Arrow<'_>> {
        let row = &self.json["periods"][p]["rows"][r];
        let route_id = index(&row["route"])?;
        let figure = &self.json["figures"][index(&row["figures"][0])?];
        if index(&figure["route"]) != Some(route_id) {
            return None;
        }
        let route = &self.json["routes"][route_id];
        Some(Arrow {
            from: route["from"][0].as_str()?,
            to: route["to"]
                .as_array()?
                .iter()
                .filter_map(Value::as_str)
                .collect(),
            value: figure["value_usd"].as_f64()?,
            goods: index(&figure["goods"])?,
            bound: figure["bound"].as_str().unwrap_or_default(),
        })
    }

    /// The largest value drawn in any period: one width scale for the whole view.
    pub fn max_value(&self) -> f64 {
        (0..self.periods.len())
            .flat_map(|p| (0..self.rows(p)).filter_map(move |r| self.arrow(p, r)))
            .map(|a| a.value)
            .fold(0.0, f64::max)
    }
}

fn index(v: &Value) -> Option<usize> {
    v.as_u64().and_then(|n| usize::try_from(n).ok())
}

/// What the page words itself: the key's title, its note and the goods definitions' names, in its language.
pub struct Key<'a> {
    pub title: &'a str,
    /// Under the key's samples: that widths compare only within one goods definition.
    pub note: &'a str,
    pub goods: &'a [String],
    pub lang: Lang,
}

/// The map of period `period`; flow ids are indices into the period's rows. `name` gives a country's
/// name and `numeric` its ISO 3166-1 numeric code, which the country shapes carry.
pub fn published_map_spec(
    arrows: &Arrows,
    period: usize,
    size: [f64; 2],
    hover: Option<u32>,
    key: &Key,
    name: impl Fn(&str) -> String,
    numeric: impl Fn(&str) -> Option<u16>,
) -> MapSpec {
    let mut flows: Vec<FlowSpec> = Vec::new();
    let mut countries: Vec<&str> = Vec::new();
    let mut goods_shown: Vec<usize> = Vec::new();
    for row in 0..arrows.rows(period) {
        let (Some(a), Ok(id)) = (arrows.arrow(period, row), u32::try_from(row)) else {
            continue;
        };
        let Some(from) = anchor(a.from) else { continue };
        let ends: Vec<[f64; 2]> = a.to.iter().filter_map(|c| anchor(c)).collect();
        if ends.is_empty() {
            continue;
        }
        for c in a.to.iter().chain([&a.from]) {
            if !countries.contains(c) {
                countries.push(c);
            }
        }
        goods_shown.push(a.goods);
        let color = category(a.goods, 255);
        let label = format!("{}{}", bound_mark(a.bound), money_in(a.value, key.lang));
        let flow = |from, to, value, label| FlowSpec {
            id,
            from,
            to,
            value,
            color,
            label,
            bands: Vec::new(),
        };
        if let [to] = ends[..] {
            flows.push(flow(from, to, a.value, label));
            continue;
        }
        // One arrow to the fork, then a thin branch to each end: the value is never split among them.
        let n = ends.len() as f64;
        let middle = [
            ends.iter().map(|e| e[0]).sum::<f64>() / n,
            ends.iter().map(|e| e[1]).sum::<f64>() / n,
        ];
        let fork = [
            from[0] + FORK_AT * (middle[0] - from[0]),
            from[1] + FORK_AT * (middle[1] - from[1]),
        ];
        flows.push(flow(from, fork, a.value, label));
        flows.extend(
            ends.into_iter()
                .map(|end| flow(fork, end, 0.0, String::new())),
        );
    }
    MapSpec {
        width: size[0],
        height: size[1],
        highlight: countries.iter().filter_map(|c| numeric(c)).collect(),
        labels: countries
            .iter()
            .filter_map(|c| Some((anchor(c)?, name(c))))
            .collect(),
        flows,
        max_value: arrows.max_value(),
        max_width: MAX_WIDTH,
        legend_title: key.title.to_string(),
        legend_note: key.note.to_string(),
        // The key lists the goods on show in their own order.
        legend_colors: (0..key.goods.len())
            .filter(|g| goods_shown.contains(g))
            .map(|g| (category(g, 255), key.goods[g].clone()))
            .collect(),
        lang: key.lang,
        hover,
    }
}

/// `~` about, `>` over, `<` under: the source's own bound, kept on the arrow's label.
fn bound_mark(bound: &str) -> &'static str {
    match bound {
        "about" => "~",
        "over" => ">",
        "under" => "<",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::published::view::build;

    const CSV: &str = "id,source_line,goods,from,to,period,kind,value,unit,bound,of,whose,publisher,url,date,about\n\
        a,1,chpl45,CHN,KAZ+KGZ,2023,flow,1.3,USD bn,,,w,p,https://a,d,x\n\
        b,2,hs8806,KAZ,RUS,2023,flow,2.7,USD m,over,,w,p,https://b,d,x\n\
        c,3,hs8806,KAZ,RUS,2023,flow,3,USD m,,,w,p,https://c,d,x\n\
        d,4,chpl45,CHN,KAZ+KGZ,2022,growth,64,%,,a,w,p,https://a,d,x\n";

    fn arrows() -> Arrows {
        let view = build("p.csv", CSV).unwrap_or_else(|e| panic!("{e}"));
        let json = serde_json::to_vec(&view).unwrap_or_else(|e| panic!("{e}"));
        Arrows::from_json("p.json", &json).unwrap_or_else(|e| panic!("{e}"))
    }

    fn spec(period: usize) -> MapSpec {
        let goods: Vec<String> = crate::story::published::view::GOODS
            .iter()
            .map(|g| g.label.to_string())
            .collect();
        let key = Key {
            title: "t",
            note: "n",
            goods: &goods,
            lang: Lang::En,
        };
        published_map_spec(
            &arrows(),
            period,
            [800.0, 500.0],
            None,
            &key,
            |c| c.to_string(),
            |_| Some(1),
        )
    }

    #[test]
    fn the_pages_reader_takes_each_rows_first_figure_and_names_a_bad_field() {
        let a = arrows();
        assert_eq!(a.periods, ["2022", "2023"]);
        assert_eq!(a.default_period, 1);
        assert_eq!(
            a.arrow(0, 0).map(|x| (x.from, x.to, x.value, x.goods)),
            Some((
                "CHN",
                vec!["KAZ", "KGZ"],
                1.3 * 1e9 / (1.0 + 64.0 / 100.0),
                0
            ))
        );
        // Kazakhstan → Russia has no figure in 2022: its row is there, empty.
        assert_eq!((a.rows(0), a.arrow(0, 1)), (2, None));
        assert_eq!(a.arrow(1, 1).map(|x| x.bound), Some("over"));
        // A row naming a route or figure the file lacks draws nothing.
        let a = Arrows::from_json("p.json", br#"{"routes":[],"figures":[],"default_period":0,"periods":[{"key":"2023","rows":[{"route":3,"figures":[0]}]}]}"#);
        assert_eq!(
            a.map(|a| (a.rows(0), a.arrow(0, 0).is_none())).ok(),
            Some((1, true))
        );
        let e = Arrows::from_json("p.json", br#"{"routes":[],"periods":[]}"#);
        assert_eq!(
            e.err().map(|e| e.to_string()).unwrap_or_default(),
            "p.json: expected periods and default_period"
        );
        let e = Arrows::from_json("p.json", b"{\n  [");
        assert!(e
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
            .starts_with("p.json: line 2, column 3"));
    }

    #[test]
    fn a_route_of_two_ends_is_one_arrow_forking_and_its_value_is_not_split() {
        let s = spec(1);
        let a: Vec<&FlowSpec> = s.flows.iter().filter(|f| f.id == 0).collect();
        assert_eq!(a.len(), 3, "trunk and two branches");
        assert_eq!(a[0].value, 1.3e9);
        assert_eq!(a[0].label, "$1.3bn");
        assert!(a[1..]
            .iter()
            .all(|f| f.value == 0.0 && f.label.is_empty() && f.from == a[0].to));
        assert_eq!(
            [a[1].to, a[2].to],
            [anchor("KAZ"), anchor("KGZ")].map(|x| x.unwrap_or_default())
        );
    }

    #[test]
    fn each_route_draws_one_figure_in_its_goods_colour_and_the_key_names_the_goods() {
        let s = spec(1);
        let b: Vec<&FlowSpec> = s.flows.iter().filter(|f| f.id == 1).collect();
        // The first figure of the route is drawn; the second (3m) is not added to it.
        assert_eq!(
            (b.len(), b[0].value, b[0].label.as_str()),
            (1, 2.7e6, ">$2.7m")
        );
        assert_eq!(b[0].color, category(5, 255));
        let key: Vec<&str> = s.legend_colors.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(
            key,
            [
                "CHPL, 45 goods (the list before February 2024)",
                "Drones (HS 8806)"
            ]
        );
        // One width scale for every period: 2022's derived value is drawn against 2023's largest.
        let s22 = spec(0);
        assert_eq!(
            (s22.max_value, s22.flows[0].value),
            (1.3 * 1e9, 1.3 * 1e9 / (1.0 + 64.0 / 100.0))
        );
    }
}
