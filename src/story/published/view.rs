//! "Sanctioned goods: what has been published": the figures of `data/sources/published_chpl_figures.csv`
//! set out route by route and period by period, for the page's second view of the default story.
//!
//! Each figure keeps its own goods definition, period, source and bounds; nothing is summed. A value is
//! derived only where the arithmetic is exact from published numbers (a share of a published total, a
//! value before a published growth), and it carries its sum. The page reads the result as
//! `www/data/published.json`, written from the CSV by [`build`] (a test checks the two agree); the map's
//! part of it is read by `published_map::Arrows`.

use serde::Serialize;

use crate::format::money_in;
use crate::ingest::fields::Fields;
use crate::lang::Lang;
use crate::Error;

/// A goods definition: what a figure counts. Figures of different definitions are never summed.
pub struct GoodsDef {
    pub key: &'static str,
    /// The key's and the table's words for it, in English (the page translates them).
    pub label: &'static str,
    /// The product filter (a preset of the page's product table, or HS codes) a trade file is matched by;
    /// empty where the source's selection is its own.
    pub filter: &'static [&'static str],
}

/// The goods definitions, in the order of their colours on the map.
pub const GOODS: [GoodsDef; 7] = [
    GoodsDef {
        key: "chpl45",
        label: "CHPL, 45 goods (the list before February 2024)",
        filter: &["chpl45"],
    },
    GoodsDef {
        key: "chpl50",
        label: "CHPL, 50 goods",
        filter: &["chpl"],
    },
    GoodsDef {
        key: "chpl",
        label: "CHPL, list size not stated",
        filter: &[],
    },
    GoodsDef {
        key: "hs8542",
        label: "Integrated circuits (HS 8542)",
        filter: &["8542"],
    },
    GoodsDef {
        key: "chips",
        label: "Chips, as the source selects them",
        filter: &[],
    },
    GoodsDef {
        key: "hs8806",
        label: "Drones (HS 8806)",
        filter: &["drones"],
    },
    GoodsDef {
        key: "electronics",
        label: "Electronic components, as the source selects them",
        filter: &[],
    },
];

/// What a row of the CSV states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A value of goods on a route.
    Flow,
    /// A share (per cent) of a total.
    Share,
    /// Growth (per cent) from this row's period to that of the flow it names.
    Growth,
    /// A total from all countries, used only to derive shares' values.
    Total,
}

/// One figure as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// The row's `id` in the CSV.
    pub id: String,
    /// Index into [`GOODS`].
    pub goods: usize,
    /// Index into [`PublishedView::routes`]; `None` for a total from all countries.
    pub route: Option<usize>,
    /// Index into [`PublishedView::periods`].
    pub period: usize,
    pub kind: Kind,
    /// US dollars: published, or derived (then `derived` holds the sum).
    pub value_usd: Option<f64>,
    /// A share's or a growth's per cent, as published.
    pub percent: Option<f64>,
    /// `""`, `"about"`, `"over"` or `"under"`: how the source bounds its number.
    pub bound: String,
    /// The sum that gives a derived value, in each language of the page.
    pub derived: Option<Sums>,
    /// Whose statistics the figure rests on.
    pub whose: String,
    pub publisher: String,
    pub url: String,
    pub date: String,
    /// What the figure counts, in the project's words.
    pub about: String,
}

/// A derived value's sum with the numbers as each page language writes them: `56.3% × $12.5bn = $7.04bn`,
/// `56,3 % × 12,5 млрд $ = 7,04 млрд $`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sums {
    pub en: String,
    pub uk: String,
    pub ru: String,
}

impl Sums {
    fn new(sum: impl Fn(Lang) -> String) -> Sums {
        Sums {
            en: sum(Lang::En),
            uk: sum(Lang::Uk),
            ru: sum(Lang::Ru),
        }
    }
}

/// A published per cent as `lang` writes it: `56.3%`, `56,3 %`.
fn percent_in(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{text}%"),
        Lang::Uk | Lang::Ru => format!("{}\u{a0}%", text.replace('.', ",")),
    }
}

/// A route: one origin, one or more ends (drawn as one arrow that forks, never split).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Route {
    pub from: Vec<String>,
    pub to: Vec<String>,
}

/// A route in one period: its figures, the one drawn first, then every other figure for the same route
/// and period (a figure of several origins or ends counts for each route it overlaps). Empty: no
/// published figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub route: usize,
    pub figures: Vec<usize>,
}

/// A period the figures cover: a year, a month or a span of months.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Period {
    /// `2023`, `2023-10` or `2023-01/2023-09`.
    pub key: String,
    /// `2023`, `Oct 2023`, `Jan–Sep 2023`.
    pub label: String,
    /// Every drawn route, in route order.
    pub rows: Vec<Row>,
}

/// The view's goods definitions, as shipped to the page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Goods {
    pub key: String,
    pub label: String,
    pub filter: Vec<String>,
}

/// Everything the page shows in the view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublishedView {
    pub goods: Vec<Goods>,
    pub periods: Vec<Period>,
    pub routes: Vec<Route>,
    pub figures: Vec<Figure>,
    /// The period the view opens on.
    pub default_period: usize,
}

impl PublishedView {
    /// The figure drawn for row `row` of period `period`: the row's first, when it has a value.
    pub fn drawn(&self, period: usize, row: usize) -> Option<&Figure> {
        let first = *self.periods.get(period)?.rows.get(row)?.figures.first()?;
        self.figures.get(first).filter(|f| {
            f.value_usd.is_some() && f.route == Some(self.periods[period].rows[row].route)
        })
    }

    /// The largest value drawn in any period: one width scale for the whole view.
    pub fn max_value(&self) -> f64 {
        (0..self.periods.len())
            .flat_map(|p| (0..self.periods[p].rows.len()).filter_map(move |r| self.drawn(p, r)))
            .filter_map(|f| f.value_usd)
            .fold(0.0, f64::max)
    }
}

/// The period the view opens on: the year with the most figures drawn.
const DEFAULT_PERIOD: &str = "2023";

const COLUMNS: [&str; 16] = [
    "id",
    "source_line",
    "goods",
    "from",
    "to",
    "period",
    "kind",
    "value",
    "unit",
    "bound",
    "of",
    "whose",
    "publisher",
    "url",
    "date",
    "about",
];

/// One CSV row, checked.
struct Raw {
    line: u64,
    id: String,
    goods: usize,
    from: Vec<String>,
    to: Vec<String>,
    period: String,
    kind: Kind,
    /// The number as published (its text, for sums) and its value.
    text: String,
    number: f64,
    /// 1e9, 1e6, or 1 for a per cent.
    scale: f64,
    bound: String,
    of: String,
    rest: [String; 5],
}

/// Reads `data/sources/published_chpl_figures.csv` (named `file` in errors) and sets its figures out by
/// route and period, deriving values where the arithmetic is exact.
pub fn build(file: &str, csv: &str) -> Result<PublishedView, Error> {
    let raws = read(file, csv)?;
    let mut periods: Vec<String> = raws.iter().map(|r| r.period.clone()).collect();
    periods.sort_by_key(|p| period_order(p));
    periods.dedup();
    let mut routes: Vec<Route> = Vec::new();
    let mut figures = Vec::new();
    for r in &raws {
        let bad = |message: String| Error::Row {
            file: file.to_string(),
            line: r.line,
            column: Some("of".into()),
            message,
        };
        let (value_usd, percent, derived) = match r.kind {
            Kind::Flow | Kind::Total => (Some(r.number * r.scale), None, None),
            Kind::Share | Kind::Growth if r.of.is_empty() => (None, Some(r.number), None),
            Kind::Share | Kind::Growth => {
                let base = raws
                    .iter()
                    .find(|b| b.id == r.of)
                    .ok_or_else(|| bad(format!("no row `{}`", r.of)))?;
                let (value, sum) = derive(r, base).map_err(bad)?;
                (value, Some(r.number), sum)
            }
        };
        let route = if r.from.iter().any(|c| c == "WLD") {
            None
        } else {
            let route = Route {
                from: r.from.clone(),
                to: r.to.clone(),
            };
            Some(routes.iter().position(|x| *x == route).unwrap_or_else(|| {
                routes.push(route);
                routes.len() - 1
            }))
        };
        let [whose, publisher, url, date, about] = r.rest.clone();
        let period = periods
            .iter()
            .position(|p| *p == r.period)
            .unwrap_or_default();
        figures.push(Figure {
            id: r.id.clone(),
            goods: r.goods,
            route,
            period,
            kind: r.kind,
            value_usd,
            percent,
            bound: r.bound.clone(),
            derived,
            whose,
            publisher,
            url,
            date,
            about,
        });
    }
    // A route is drawn when some period has a value for it; routes of shares alone are listed with the
    // routes they overlap.
    let drawn: Vec<usize> = (0..routes.len())
        .filter(|&i| {
            figures
                .iter()
                .any(|f| f.route == Some(i) && f.value_usd.is_some())
        })
        .collect();
    let periods: Vec<Period> = periods
        .iter()
        .enumerate()
        .map(|(p, key)| Period {
            key: key.clone(),
            label: period_label(key),
            rows: drawn
                .iter()
                .map(|&route| Row {
                    route,
                    figures: row_figures(&figures, &routes, &drawn, route, p),
                })
                .collect(),
        })
        .collect();
    let default_period = periods
        .iter()
        .position(|p| p.key == DEFAULT_PERIOD)
        .unwrap_or_default();
    let goods = GOODS
        .iter()
        .map(|g| Goods {
            key: g.key.into(),
            label: g.label.into(),
            filter: g.filter.iter().map(|s| s.to_string()).collect(),
        })
        .collect();
    Ok(PublishedView {
        goods,
        periods,
        routes,
        figures,
        default_period,
    })
}

/// The figures for `route` in period `p`: those on the route itself with a value first (the first is
/// drawn), then the rest of the route's, then those of routes not drawn (shares of several origins) that
/// overlap it.
fn row_figures(
    figures: &[Figure],
    routes: &[Route],
    drawn: &[usize],
    route: usize,
    p: usize,
) -> Vec<usize> {
    let r = &routes[route];
    let overlaps = |o: usize| {
        !drawn.contains(&o)
            && routes[o].from.iter().any(|c| r.from.contains(c))
            && routes[o].to.iter().any(|c| r.to.contains(c))
    };
    let mut ranked: Vec<(u8, usize)> = figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.period == p)
        .filter_map(|(i, f)| {
            let on = f.route?;
            let rank = match (on == route, f.value_usd.is_some(), f.derived.is_some()) {
                (true, true, false) => 0,
                (true, true, true) => 1,
                (true, false, _) => 2,
                (false, ..) if overlaps(on) => 3,
                _ => return None,
            };
            Some((rank, i))
        })
        .collect();
    ranked.sort_by_key(|x| *x);
    ranked.into_iter().map(|(_, i)| i).collect()
}

/// A share's value (share × a published total of the same goods, route end and period) or the value
/// before a growth (the later flow ÷ (1 + growth)), with its sum; refused unless both numbers are exact.
fn derive(r: &Raw, base: &Raw) -> Result<(Option<f64>, Option<Sums>), String> {
    if !r.bound.is_empty() || !base.bound.is_empty() {
        return Ok((None, None));
    }
    let later = base.number * base.scale;
    match r.kind {
        Kind::Share if base.kind == Kind::Total && base.to == r.to && base.period == r.period && base.goods == r.goods => {
            let value = r.number / 100.0 * later;
            Ok((Some(value), Some(Sums::new(|l| format!("{} × {} = {}", percent_in(&r.text, l), money_in(later, l), money_in(value, l))))))
        }
        Kind::Growth if base.kind == Kind::Flow && base.from == r.from && base.to == r.to && base.goods == r.goods && period_order(&r.period) < period_order(&base.period) => {
            let factor = 1.0 + r.number / 100.0;
            let value = later / factor;
            Ok((Some(value), Some(Sums::new(|l| format!("{} ÷ (1 + {}) = {}", money_in(later, l), percent_in(&r.text, l), money_in(value, l))))))
        }
        _ => Err(format!("`{}` is not a total (for a share) or a later flow on the same route and goods (for a growth)", base.id)),
    }
}

fn read(file: &str, csv: &str) -> Result<Vec<Raw>, Error> {
    let mut lines = csv.lines();
    let header = lines.next().unwrap_or_default();
    if header.split(',').ne(COLUMNS) {
        return Err(Error::Header {
            file: file.into(),
            found: header.chars().take(200).collect(),
            expected: Box::new(crate::ingest::refusal::Want::Exactly(COLUMNS.join(","))),
        });
    }
    let mut fields = Fields::default();
    let mut out: Vec<Raw> = Vec::new();
    for (n, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let line_no = n as u64 + 2;
        fields.split(line.as_bytes());
        let get = |i: usize| String::from_utf8_lossy(fields.get(line.as_bytes(), i)).into_owned();
        let bad = |col: usize, message: String| Error::Row {
            file: file.into(),
            line: line_no,
            column: Some(COLUMNS[col].into()),
            message,
        };
        if fields.len() != COLUMNS.len() {
            return Err(bad(
                0,
                format!("{} fields; expected {}", fields.len(), COLUMNS.len()),
            ));
        }
        let id = get(0);
        if id.is_empty() || out.iter().any(|r| r.id == id) {
            return Err(bad(0, format!("`{id}`: each row needs an id of its own")));
        }
        let goods = GOODS
            .iter()
            .position(|g| g.key == get(2))
            .ok_or_else(|| bad(2, format!("`{}` is not a goods definition", get(2))))?;
        let codes = |col: usize| -> Result<Vec<String>, Error> {
            let list: Vec<String> = get(col).split('+').map(str::to_string).collect();
            match list
                .iter()
                .find(|c| !(*c == "WLD" || crate::geo::anchor(c).is_some()))
            {
                Some(c) => Err(bad(col, format!("`{c}` is not a country on the map"))),
                None => Ok(list),
            }
        };
        let (from, to) = (codes(3)?, codes(4)?);
        let period = get(5);
        if period_order(&period).is_none() {
            return Err(bad(
                5,
                format!(
                    "`{period}`: expected a year, a month (2023-10) or a span (2023-01/2023-09)"
                ),
            ));
        }
        let kind = match get(6).as_str() {
            "flow" => Kind::Flow,
            "share" => Kind::Share,
            "growth" => Kind::Growth,
            "total" => Kind::Total,
            other => {
                return Err(bad(
                    6,
                    format!("`{other}`: expected flow, share, growth or total"),
                ))
            }
        };
        let text = get(7);
        let number = text
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| bad(7, format!("`{text}` is not a number")))?;
        let scale = match (get(8).as_str(), kind) {
            ("USD bn", Kind::Flow | Kind::Total) => 1e9,
            ("USD m", Kind::Flow | Kind::Total) => 1e6,
            ("%", Kind::Share | Kind::Growth) => 1.0,
            (unit, _) => return Err(bad(8, format!("`{unit}` does not fit a {}", get(6)))),
        };
        let bound = get(9);
        if !["", "about", "over", "under"].contains(&bound.as_str()) {
            return Err(bad(
                9,
                format!("`{bound}`: expected nothing, about, over or under"),
            ));
        }
        let url = get(13);
        if !url.starts_with("https://") && !url.starts_with("http://") {
            return Err(bad(13, format!("`{url}` is not a web address")));
        }
        out.push(Raw {
            line: line_no,
            id,
            goods,
            from,
            to,
            period,
            kind,
            text,
            number,
            scale,
            bound,
            of: get(10),
            rest: [get(11), get(12), url, get(14), get(15)],
        });
    }
    Ok(out)
}

/// A period's first and last month, as `(year * 12 + month)`, for ordering: `None` when it is not one.
fn period_order(key: &str) -> Option<(u32, u32)> {
    let month = |s: &str| -> Option<u32> {
        let (y, m) = s.split_once('-')?;
        let (y, m) = (y.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
        (1990..2100).contains(&y).then_some(())?;
        (1..=12).contains(&m).then_some(y * 12 + m - 1)
    };
    if let Some((a, b)) = key.split_once('/') {
        let (a, b) = (month(a)?, month(b)?);
        return (a < b).then_some((a, b));
    }
    if let Some(m) = month(key) {
        return Some((m, m));
    }
    let y = key
        .parse::<u32>()
        .ok()
        .filter(|y| (1990..2100).contains(y))?;
    Some((y * 12, y * 12 + 11))
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `2023`, `Oct 2023`, `Jan–Sep 2023`, `Feb 2022–Feb 2023`.
fn period_label(key: &str) -> String {
    let Some((a, b)) = period_order(key) else {
        return key.to_string();
    };
    let name = |m: u32| MONTHS[(m % 12) as usize];
    match (a % 12, b % 12, a / 12 == b / 12) {
        (0, 11, true) => (a / 12).to_string(),
        _ if a == b => format!("{} {}", name(a), a / 12),
        (.., true) => format!("{}–{} {}", name(a), name(b), a / 12),
        _ => format!("{} {}–{} {}", name(a), a / 12, name(b), b / 12),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "id,source_line,goods,from,to,period,kind,value,unit,bound,of,whose,publisher,url,date,about\n";

    fn view(rows: &str) -> Result<PublishedView, Error> {
        build("p.csv", &format!("{HEAD}{rows}"))
    }

    #[test]
    fn periods_are_ordered_and_worded() {
        assert_eq!(period_label("2023"), "2023");
        assert_eq!(period_label("2023-10"), "Oct 2023");
        assert_eq!(period_label("2023-01/2023-09"), "Jan–Sep 2023");
        assert_eq!(period_label("2022-02/2023-02"), "Feb 2022–Feb 2023");
        assert!(period_order("2022-01/2022-05") < period_order("2022"));
        assert!(period_order("2022-10") > period_order("2022"));
        assert_eq!(period_order("2023-09/2023-01"), None);
        assert_eq!(period_order("2023-13"), None);
    }

    #[test]
    fn a_share_of_a_published_total_is_derived_with_its_sum_and_a_bounded_one_is_not() {
        let v = view(
            "t,1,chpl,WLD,RUS,2023,total,12.5,USD bn,,,w,p,https://a,d,x\n\
             s,2,chpl,CHN,RUS,2023,share,56.3,%,,t,w,p,https://b,d,x\n\
             c,3,chpl,CHN,RUS,2023,share,90,%,about,,w,p,https://c,d,x\n\
             f,4,chpl,CHN,RUS,2023,flow,4.5,USD bn,,,w,p,https://d,d,x\n\
             b,5,chpl,CHN+HKG,RUS,2023,share,80,%,,,w,p,https://e,d,x\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let s = &v.figures[1];
        assert_eq!(s.value_usd, Some(56.3 / 100.0 * (12.5 * 1e9)));
        assert_eq!(
            s.derived.as_ref().map(|d| d.en.as_str()),
            Some("56.3% × $12.5bn = $7.04bn")
        );
        assert_eq!(
            s.derived.as_ref().map(|d| d.uk.as_str()),
            Some("56,3\u{a0}% × 12,5\u{a0}млрд\u{a0}$ = 7,04\u{a0}млрд\u{a0}$")
        );
        assert_eq!(
            (v.figures[2].value_usd, v.figures[2].derived.as_ref()),
            (None, None)
        );
        // The published flow is drawn; the derived value and the other share are listed beside it.
        // A share of China and Hong Kong together is listed too, not split.
        assert_eq!(
            v.periods[0].rows,
            [Row {
                route: 0,
                figures: vec![3, 1, 2, 4]
            }]
        );
        assert_eq!(v.drawn(0, 0).map(|f| f.id.as_str()), Some("f"));
    }

    #[test]
    fn a_value_before_a_growth_is_derived_only_when_both_numbers_are_exact() {
        let rows = "a,1,chpl45,CHN,KAZ+KGZ,2023,flow,1.3,USD bn,,,w,p,https://a,d,x\n\
                    g,2,chpl45,CHN,KAZ+KGZ,2022,growth,64,%,,a,w,p,https://a,d,x\n";
        let v = view(rows).unwrap_or_else(|e| panic!("{e}"));
        let g = &v.figures[1];
        assert_eq!(g.value_usd, Some(1.3 * 1e9 / (1.0 + 64.0 / 100.0)));
        assert_eq!(
            g.derived.as_ref().map(|d| d.en.as_str()),
            Some("$1.3bn ÷ (1 + 64%) = $793m")
        );
        assert_eq!(
            g.derived.as_ref().map(|d| d.ru.as_str()),
            Some("1,3\u{a0}млрд\u{a0}$ ÷ (1 + 64\u{a0}%) = 793\u{a0}млн\u{a0}$")
        );
        assert_eq!(
            v.periods.iter().map(|p| p.key.as_str()).collect::<Vec<_>>(),
            ["2022", "2023"]
        );
        let v = view(&rows.replace("1.3,USD bn,,", "1.3,USD bn,over,"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            v.figures[1].value_usd, None,
            "a bound on the later value makes the sum inexact"
        );
    }

    #[test]
    fn a_route_without_a_figure_in_a_period_has_an_empty_row_and_forks_stay_one_route() {
        let v = view(
            "a,1,chpl45,TUR,RUS+KAZ+KGZ,2023-01/2023-09,flow,158,USD m,,,w,p,https://a,d,x\n\
             b,2,chpl45,TUR,KAZ,2023-01/2023-09,flow,61,USD m,,,w,p,https://a,d,x\n\
             c,3,chpl45,TUR,KAZ,2023-10,flow,6,USD m,,,w,p,https://a,d,x\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(v.routes[0].to, ["RUS", "KAZ", "KGZ"]);
        assert_eq!(
            v.periods[1].rows,
            [
                Row {
                    route: 0,
                    figures: vec![]
                },
                Row {
                    route: 1,
                    figures: vec![2]
                }
            ]
        );
        assert_eq!(v.drawn(1, 0), None);
        // The fork's figure is not split into Turkey → Kazakhstan's.
        assert_eq!(v.periods[0].rows[1].figures, [1]);
    }

    #[test]
    fn bad_rows_are_refused_naming_line_and_column() {
        let e = |rows: &str| view(rows).err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            e("a,1,tea,CHN,RUS,2023,flow,1,USD m,,,w,p,https://a,d,x\n"),
            "p.csv: line 2, column `goods`: `tea` is not a goods definition"
        );
        assert_eq!(
            e("a,1,chpl,CHN,XYZ,2023,flow,1,USD m,,,w,p,https://a,d,x\n"),
            "p.csv: line 2, column `to`: `XYZ` is not a country on the map"
        );
        assert_eq!(
            e("a,1,chpl,CHN,RUS,2023,flow,1,%,,,w,p,https://a,d,x\n"),
            "p.csv: line 2, column `unit`: `%` does not fit a flow"
        );
        assert_eq!(
            e("a,1,chpl,CHN,RUS,2023,flow,1,USD m,,,w,p,ftp://a,d,x\n"),
            "p.csv: line 2, column `url`: `ftp://a` is not a web address"
        );
        assert_eq!(
            e("a,1,chpl,CHN,RUS,2023,share,1,%,,zz,w,p,https://a,d,x\n"),
            "p.csv: line 2, column `of`: no row `zz`"
        );
    }
}
