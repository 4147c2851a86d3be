//! The view as a link: `?goods=all&year=2022&side=exporter&focus=KAZ&dir=outgoing&top=20&zoom=2&pan=-40,12&lang=uk&embed=1`.
//!
//! Parsing takes anything (the address bar is user input) and keeps only values it can vouch for:
//! a value that fails its check is dropped with a warning, never passed on, so nothing from the URL
//! reaches the page as markup or as an unchecked number.

use crate::story::view::focus::Direction;
use crate::story::Side;
use crate::scene::view::{MAX_ZOOM, MIN_ZOOM};

/// Languages the page speaks.
pub const LANGUAGES: [&str; 3] = ["en", "uk", "ru"];
/// Furthest pan kept from a link, in CSS px.
const MAX_PAN: f64 = 10_000.0;
/// Most routes a link can ask for; beyond a few hundred arrows the map is a blur anyway.
pub const MAX_TOP: u16 = 999;
/// Longest query string read; links are short, anything longer is not ours.
const MAX_LEN: usize = 2_000;

/// Every part of the view a link can carry; `None` leaves the page's default.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct UrlState {
    /// `goods=all` (`true`): the all-goods view; `goods=published` (`false`): the published figures on the
    /// sanctioned goods. Left out, a link with settings of the all-goods view (year, side, focus, top)
    /// opens that view, as links did before there were two, and any other opens the published figures.
    pub all_goods: Option<bool>,
    /// A period of the published figures: `2023`, `2023-10`, `2023-01/2023-09`.
    pub period: Option<String>,
    pub year: Option<u16>,
    pub side: Option<Side>,
    /// ISO 3166-1 alpha-3, upper case.
    pub focus: Option<String>,
    pub direction: Option<Direction>,
    /// How many of the largest routes to draw.
    pub top: Option<u16>,
    pub zoom: Option<f64>,
    pub pan: Option<[f64; 2]>,
    pub lang: Option<String>,
    /// The map alone, for iframes.
    pub embed: bool,
    /// Story step, counted from 1.
    pub step: Option<u32>,
}

/// A parsed link and what was wrong with it.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Parsed {
    pub state: UrlState,
    /// One sentence per dropped parameter, e.g. "year: `20x3` is not a year".
    pub warnings: Vec<String>,
}

impl UrlState {
    /// Whether the link asks for the all-goods view: by `goods`, else by carrying its settings.
    pub fn wants_all_goods(&self) -> bool {
        self.all_goods.unwrap_or(self.year.is_some() || self.side.is_some() || self.focus.is_some() || self.top.is_some())
    }

    /// Reads a query string, with or without its leading `?`.
    ///
    /// ```
    /// use roundabout::story::view::url_state::UrlState;
    /// let p = UrlState::parse("?year=2022&focus=kaz&zoom=abc");
    /// assert_eq!(p.state.year, Some(2022));
    /// assert_eq!(p.state.focus.as_deref(), Some("KAZ"));
    /// assert_eq!(p.state.zoom, None);
    /// assert_eq!(p.warnings.len(), 1);
    /// ```
    pub fn parse(query: &str) -> Parsed {
        let mut out = Parsed::default();
        if query.len() > MAX_LEN {
            out.warnings.push(format!("the link's settings are longer than {MAX_LEN} characters and were ignored"));
            return out;
        }
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(raw);
            let s = &mut out.state;
            let ok = match key {
                "goods" => set(&mut s.all_goods, match value.as_str() {
                    "all" => Some(true),
                    "published" => Some(false),
                    _ => None,
                }),
                "period" => set(&mut s.period, period(&value)),
                "year" => set(&mut s.year, year(&value)),
                "side" => set(&mut s.side, Side::parse(&value)),
                "focus" => set(&mut s.focus, country(&value)),
                "dir" => set(&mut s.direction, Direction::parse(&value)),
                "top" => set(&mut s.top, value.parse::<u16>().ok().filter(|n| (1..=MAX_TOP).contains(n))),
                "zoom" => set(&mut s.zoom, number(&value).filter(|z| (MIN_ZOOM..=MAX_ZOOM).contains(z))),
                "pan" => set(&mut s.pan, pan(&value)),
                "lang" => set(&mut s.lang, LANGUAGES.iter().find(|l| **l == value).map(|l| l.to_string())),
                "embed" => {
                    s.embed = matches!(value.as_str(), "1" | "true" | "");
                    s.embed || value == "0" || value == "false"
                }
                "step" => set(&mut s.step, value.parse::<u32>().ok().filter(|n| (1..=999).contains(n))),
                _ => {
                    out.warnings.push(format!("`{}` is not a setting Roundabout knows", printable(key)));
                    continue;
                }
            };
            if !ok {
                out.warnings.push(format!("{key}: `{}` is not a valid value", printable(&value)));
            }
        }
        out
    }

    /// The query string for this state, `?`-prefixed, empty when everything is default.
    ///
    /// ```
    /// use roundabout::story::view::url_state::UrlState;
    /// let s = UrlState { year: Some(2022), focus: Some("KAZ".into()), ..UrlState::default() };
    /// assert_eq!(s.to_query(), "?year=2022&focus=KAZ");
    /// assert_eq!(UrlState::parse(&s.to_query()).state, s);
    /// ```
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(all) = self.all_goods {
            parts.push(format!("goods={}", if all { "all" } else { "published" }));
        }
        if let Some(p) = &self.period {
            parts.push(format!("period={p}"));
        }
        if let Some(y) = self.year {
            parts.push(format!("year={y}"));
        }
        if let Some(side) = self.side {
            parts.push(format!("side={}", side.name()));
        }
        if let Some(c) = &self.focus {
            parts.push(format!("focus={c}"));
        }
        if let Some(d) = self.direction.filter(|d| *d != Direction::All) {
            parts.push(format!("dir={}", d.name()));
        }
        if let Some(n) = self.top {
            parts.push(format!("top={n}"));
        }
        // Rounded before the comparison, so a written link reads back to the same link.
        if let Some(z) = self.zoom.map(round).filter(|z| *z != 1.0) {
            parts.push(format!("zoom={z}"));
        }
        if let Some([x, y]) = self.pan.map(|p| p.map(round)).filter(|p| *p != [0.0, 0.0]) {
            parts.push(format!("pan={x},{y}"));
        }
        if let Some(l) = &self.lang {
            parts.push(format!("lang={l}"));
        }
        if self.embed {
            parts.push("embed=1".to_string());
        }
        if let Some(n) = self.step {
            parts.push(format!("step={n}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// Stores `value` when there is one; says whether there was.
fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    let ok = value.is_some();
    if ok {
        *slot = value;
    }
    ok
}

fn year(s: &str) -> Option<u16> {
    s.parse().ok().filter(|y| (1900..=2100).contains(y))
}

/// A period's shape only (`2023`, `2023-10`, `2023-01/2023-09`); the page looks it up among its own.
fn period(s: &str) -> Option<String> {
    (s.len() <= 15 && s.bytes().next().is_some_and(|b| b.is_ascii_digit()) && s.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b'/')).then(|| s.to_string())
}

fn country(s: &str) -> Option<String> {
    (s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic())).then(|| s.to_ascii_uppercase())
}

fn number(s: &str) -> Option<f64> {
    crate::ingest::number::parse_f64(s.as_bytes())
}

fn pan(s: &str) -> Option<[f64; 2]> {
    let (x, y) = s.split_once(',')?;
    let (x, y) = (number(x)?, number(y)?);
    (x.abs() <= MAX_PAN && y.abs() <= MAX_PAN).then_some([x, y])
}

/// Two decimals are plenty for zoom and pixels, and keep links short.
fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Percent-decoding with `+` as space; bytes that do not form UTF-8 become U+FFFD.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push(h * 16 + l);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

/// At most 40 characters of `s` with control characters replaced, for warnings.
fn printable(s: &str) -> String {
    s.chars().take(40).map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect()
}

/// The link a page opens on: the reader's, or the story's view where the reader's query is empty.
pub fn opening_link<'a>(query: &'a str, story_view: &'a str) -> &'a str {
    if query.strip_prefix('?').unwrap_or(query).is_empty() {
        story_view
    } else {
        query
    }
}

/// What the page needs of its link (see [`opening_link`]) before its core is made and its first map drawn.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Opening {
    /// The language whose words to fetch; `None` for English.
    pub lang: Option<String>,
    /// The map alone (an embed): set before the first map, whose size it changes.
    pub embed: bool,
    /// The story step to open, counted from 1.
    pub step: Option<u32>,
}

/// What the page opens on, as its link asks (see [`opening_link`]).
///
/// ```
/// use roundabout::story::view::url_state::opening;
/// assert_eq!(opening("?lang=uk&year=2022", "").lang, Some("uk".into()));
/// assert_eq!(opening("", "?goods=all&lang=ru").lang, Some("ru".into()));
/// assert_eq!(opening("?year=2022", "?lang=ru").lang, None);
/// let o = opening("?embed=1&step=2", "?lang=ru");
/// assert_eq!((o.lang, o.embed, o.step), (None, true, Some(2)));
/// ```
pub fn opening(query: &str, story_view: &str) -> Opening {
    let s = UrlState::parse(opening_link(query, story_view)).state;
    Opening { lang: s.lang, embed: s.embed, step: s.step }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_round_trips() {
        let s = UrlState {
            all_goods: Some(true),
            period: Some("2023-01/2023-09".into()),
            year: Some(2021),
            side: Some(Side::Exporter),
            focus: Some("KGZ".into()),
            direction: Some(Direction::Incoming),
            top: Some(25),
            zoom: Some(2.25),
            pan: Some([-40.5, 12.0]),
            lang: Some("uk".into()),
            embed: true,
            step: Some(3),
        };
        let q = s.to_query();
        assert_eq!(q, "?goods=all&period=2023-01/2023-09&year=2021&side=exporter&focus=KGZ&dir=incoming&top=25&zoom=2.25&pan=-40.5,12&lang=uk&embed=1&step=3");
        assert_eq!(UrlState::parse(&q), Parsed { state: s, warnings: vec![] });
        assert_eq!(UrlState::default().to_query(), "");
    }

    #[test]
    fn bad_values_are_dropped_with_a_warning() {
        let p = UrlState::parse("goods=some&period=<b>&year=20x3&side=both&focus=<img>&dir=up&top=0&zoom=1e9&pan=1,NaN&lang=fr&step=0&colour=red");
        assert_eq!(p.state, UrlState::default());
        assert_eq!(p.warnings.len(), 12, "{:?}", p.warnings);
        assert!(p.warnings.iter().any(|w| w == "focus: `<img>` is not a valid value"));
        assert!(p.warnings.iter().any(|w| w == "`colour` is not a setting Roundabout knows"));
    }

    #[test]
    fn a_link_of_the_all_goods_settings_opens_that_view_unless_it_names_one() {
        assert!(!UrlState::parse("").state.wants_all_goods());
        assert!(!UrlState::parse("?period=2023-10&zoom=2").state.wants_all_goods());
        assert!(UrlState::parse("?year=2021&focus=KAZ").state.wants_all_goods());
        assert!(!UrlState::parse("?goods=published&year=2021").state.wants_all_goods());
        assert!(UrlState::parse("?goods=all").state.wants_all_goods());
    }

    #[test]
    fn percent_encoding_plus_and_broken_escapes() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%ff"), "\u{fffd}");
        assert_eq!(UrlState::parse("focus=%4baz").state.focus.as_deref(), Some("KAZ"));
        assert!(UrlState::parse(&"a".repeat(MAX_LEN + 1)).warnings.len() == 1);
        assert!(UrlState::parse("embed").state.embed);
        assert!(!UrlState::parse("embed=0").state.embed);
    }
}
