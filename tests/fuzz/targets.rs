//! The fuzz targets: each feeds one parser and checks what must hold whatever the input.

use std::io::{Read, Write};
use std::sync::OnceLock;

use roundabout::geo::World;
use roundabout::hs::{HsCode, ProductFilter};
use roundabout::ingest::{load_with_codes, CountryCodes, Options};
use roundabout::lang::Lang;
use roundabout::query::{growth, mirror, run, shares, Query};
use roundabout::store::Table;
use roundabout::story::parse_headlines;
use roundabout::story::view::steps::Steps;
use roundabout::story::view::url_state::UrlState;
use roundabout::Error;

use super::Target;

const TIDY_DICT: &[&[u8]] = &[
    b"year", b"month", b"exporter", b"importer", b"hs", b"value_usd", b"quantity", b"unit", b"reported_by", b"source",
    b"CHN", b"KAZ", b"RUS", b"XXX", b"exporter", b"importer", b"reconciled", b"880621", b"85", b"8542",
];
const BACI_DICT: &[&[u8]] = &[b"t", b"i", b"j", b"k", b"v", b"q", b"156", b"398", b"643", b"999", b"490", b"10121", b"NA"];
const CODES_DICT: &[&[u8]] = &[b"country_code", b"country_name", b"country_iso2", b"country_iso3", b"iso_3digit_alpha", b"842", b"USA", b"S19"];
const COMTRADE_DICT: &[&[u8]] = &[
    b"refYear", b"refMonth", b"reporterCode", b"reporterISO", b"flowCode", b"partnerCode", b"partnerISO", b"cmdCode",
    b"qty", b"primaryValue", b"partner2Code", b"customsCode", b"motCode", b"qtyUnitAbbr", b"X", b"M", b"RX", b"W00",
    b"C00", b"156", b"398", b"0", b"52",
];
const JSON_DICT: &[&[u8]] = &[
    b"{", b"}", b"[", b"]", b":", b"null", b"true", b"\"\"", b"\\u0000", b"\\ud800", b"-0", b"1e400", b"65536",
    b"\"exporters\"", b"\"importers\"", b"\"products\"", b"\"years\"", b"\"reported_by\"", b"\"group_by\"",
    b"\"chpl\"", b"\"hs:85\"", b"\"drones\"", b"\"TOTAL\"", b"\"importer\"", b"\"hs6\"", b"\"year\"", b"\"month\"",
    b"\"steps\"", b"\"caption\"", b"\"routes\"", b"\"period\"", b"\"route\"", b"\"source_url\"", b"\"value\"",
    b"\"CHN->KAZ\"", b"\"CHN<->KGZ+KAZ\"", b"\"https://\"", b"\"arcs\"", b"\"transform\"", b"\"scale\"",
    b"\"translate\"", b"\"objects\"", b"\"countries\"", b"\"Polygon\"", b"\"MultiPolygon\"", b"\"id\"", b"-1", b"~0",
];

pub const TIDY: Target = Target { name: "tidy", dict: TIDY_DICT, check: |b| check_load(b, b, None) };
pub const BACI: Target = Target { name: "baci", dict: BACI_DICT, check: check_baci };
pub const COUNTRY_CODES: Target = Target { name: "country_codes", dict: CODES_DICT, check: check_codes };
pub const COMTRADE: Target = Target { name: "comtrade", dict: COMTRADE_DICT, check: |b| check_load(b, b, None) };
pub const DETECT_GZIP: Target = Target { name: "detect_gzip", dict: TIDY_DICT, check: check_detect_gzip };
pub const QUERY: Target = Target { name: "query", dict: JSON_DICT, check: check_query };
pub const STORY_JSON: Target = Target { name: "story_json", dict: JSON_DICT, check: check_story };
pub const TOPOJSON: Target = Target { name: "topojson", dict: JSON_DICT, check: check_topojson };
pub const HS: Target = Target { name: "hs", dict: TIDY_DICT, check: check_hs };
pub const URL_STATE: Target = Target { name: "url_state", dict: URL_DICT, check: check_url_state };

const URL_DICT: &[&[u8]] = &[
    b"?", b"&", b"=", b"%", b"%4", b"+", b"year=", b"side=exporter", b"focus=", b"dir=outgoing", b"top=", b"zoom=", b"pan=",
    b"lang=uk", b"embed=1", b"step=", b",", b"NaN", b"1e308", b"-", b"<img src=x>", b"\xff",
];

const FILE: &str = "fuzz.csv";

/// Lines as the loader counts them: a final line ending does not start a new line.
fn count_lines(text: &[u8]) -> u64 {
    let breaks = text.iter().filter(|&&c| c == b'\n').count() as u64;
    breaks + u64::from(text.last().is_some_and(|&c| c != b'\n'))
}

/// An error's kind for corpus growth: the text before the first quoted value and what was expected, with
/// numbers left out, so that only a new kind of outcome counts as new.
fn shape(s: &str) -> String {
    let head = s.split(['`', '"']).next().unwrap_or("");
    let tail = if s.contains("expected") { s.rsplit("expected").next().unwrap_or("") } else { "" };
    let kind: String = format!("{head}~{tail}").chars().filter(|c| !c.is_ascii_digit()).collect();
    kind.chars().take(120).collect()
}

fn fail<T>(what: String) -> Result<T, String> {
    Err(what)
}

/// Loads loosely and strictly and checks: errors name the file and a line of the input, rows and bad rows
/// fit in the data lines, every row read holds legal values, and strict mode stops at the first bad row.
fn check_load(bytes: &[u8], text: &[u8], codes: Option<&CountryCodes>) -> Result<String, String> {
    let lines = count_lines(text);
    let loose = load_with_codes(FILE, bytes, &Options::default(), codes);
    let strict = load_with_codes(FILE, bytes, &Options { strict: true }, codes);
    for r in [&loose, &strict] {
        if let Err(e) = r {
            let msg = e.to_string();
            if !msg.starts_with("fuzz.csv: ") {
                return fail(format!("error does not name the file: {msg}"));
            }
            // Said in the page's other languages too, naming the file there as well.
            if let Some(said) = [Lang::Uk, Lang::Ru].map(|lang| e.said_in(lang)).into_iter().find(|s| !s.starts_with("fuzz.csv: ")) {
                return fail(format!("error in another language does not name the file: {said}"));
            }
            if let Error::Row { line, column, .. } = e {
                if *line < 2 || *line > lines || column.as_deref() == Some("") {
                    return fail(format!("row error outside the data lines 2..={lines}: {msg}"));
                }
            }
        }
    }
    let loaded = match loose {
        Err(e) => {
            if strict.is_ok() {
                return fail(format!("strict load succeeded where the loose one failed: {e}"));
            }
            return Ok(format!("err|{}", shape(&e.to_string())));
        }
        Ok(l) => l,
    };
    let rows = loaded.table.len() as u64;
    if rows + loaded.bad_rows > lines.saturating_sub(1) {
        return fail(format!("{rows} rows and {} bad rows from {lines} lines", loaded.bad_rows));
    }
    if loaded.first_errors.len() as u64 != loaded.bad_rows.min(10) {
        return fail(format!("{} first errors for {} bad rows", loaded.first_errors.len(), loaded.bad_rows));
    }
    for e in &loaded.first_errors {
        if e.line < 2 || e.line > lines || !e.problem.to_string().contains("expected") || e.column.as_deref() == Some("") {
            return fail(format!("bad row error: {e}"));
        }
        let line = e.line.to_string();
        if [Lang::Uk, Lang::Ru].map(|lang| e.said_in(lang)).iter().any(|s| !s.contains(&line) || *s == e.to_string()) {
            return fail(format!("bad row error not said in every language: {e}"));
        }
    }
    for r in loaded.table.records() {
        let ok = (1900..=2100).contains(&r.year)
            && r.month.is_none_or(|m| (1..=12).contains(&m))
            && r.value_cents >= 0
            && r.quantity.is_none_or(f64::is_finite)
            && [r.exporter, r.importer].iter().all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !ok {
            return fail(format!("illegal row: {r:?}"));
        }
    }
    match (&strict, loaded.first_errors.first()) {
        (Ok(s), None) if s.table.len() == loaded.table.len() => {}
        (Err(Error::Row { line, message, .. }), Some(first)) if *line == first.line && *message == first.problem.to_string() => {}
        (s, first) => {
            let s = s.as_ref().map(|l| l.to_string()).map_err(|e| e.to_string());
            return fail(format!("strict load {s:?} does not stop at the first bad row {first:?}"));
        }
    }
    let first = loaded.first_errors.first().map(|e| shape(&e.to_string())).unwrap_or_default();
    Ok(format!("{}|{}|{first}", loaded.format, rows > 0))
}

fn fixture_codes() -> &'static CountryCodes {
    static CODES: OnceLock<CountryCodes> = OnceLock::new();
    CODES.get_or_init(|| {
        let bytes = include_bytes!("../fixtures/engine/baci_country_codes.csv");
        CountryCodes::parse("codes.csv", bytes).unwrap_or_default()
    })
}

/// BACI with the country-code file and with the built-in table.
fn check_baci(bytes: &[u8]) -> Result<String, String> {
    let a = check_load(bytes, bytes, Some(fixture_codes()))?;
    let b = check_load(bytes, bytes, None)?;
    Ok(format!("{a}#{b}"))
}

fn check_codes(bytes: &[u8]) -> Result<String, String> {
    match CountryCodes::parse("codes.csv", bytes) {
        Err(e) if !e.to_string().starts_with("codes.csv: ") => fail(format!("error does not name the file: {e}")),
        Err(e) => Ok(format!("err|{}", shape(&e.to_string()))),
        Ok(c) if c.len() as u64 > count_lines(bytes) => fail(format!("{} codes from {} lines", c.len(), count_lines(bytes))),
        Ok(c) => Ok(format!("ok|{}", c.is_empty())),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

/// The first byte picks: odd = gzip the rest before loading, even = load the rest as it is (which may be
/// damaged gzip). Any format may come out; the load checks hold for all.
fn check_detect_gzip(input: &[u8]) -> Result<String, String> {
    let Some((&mode, rest)) = input.split_first() else { return Ok("empty".into()) };
    if mode & 1 == 1 {
        return check_load(&gzip(rest), rest, None);
    }
    if rest.starts_with(&[0x1f, 0x8b]) {
        let mut text = Vec::new();
        // Damaged gzip: count the lines of what decodes; the loader must not read more.
        let _ = flate2::read::MultiGzDecoder::new(rest).read_to_end(&mut text);
        return check_load(rest, &text, None);
    }
    check_load(rest, rest, None)
}

fn query_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let bytes = include_bytes!("../fixtures/engine/route_small.csv");
        roundabout::ingest::load("route_small.csv", bytes, &Options::default()).map(|l| l.table).unwrap_or_default()
    })
}

/// A query as JS sends it: JSON that either fails to deserialize or runs; answers hold finite sums no
/// larger than the table's.
fn check_query(json: &[u8]) -> Result<String, String> {
    let q = match serde_json::from_slice::<Query>(json) {
        Err(e) => return Ok(format!("json|{}", shape(&e.to_string()))),
        Ok(q) => q,
    };
    let t = query_table();
    let total: i64 = t.records().map(|r| r.value_cents).sum();
    let a = match run(t, &q) {
        Err(e) if !e.to_string().starts_with("query: ") => return fail(format!("query error without its layer: {e}")),
        Err(e) => return Ok(format!("err|{}", shape(&e.to_string()))),
        Ok(a) => a,
    };
    let sum: i64 = a.rows.iter().map(|r| r.value_cents).sum();
    if sum > total || a.rows.iter().any(|r| !r.value_usd.is_finite() || r.value_cents < 0 || !r.quantity.is_finite()) {
        return fail(format!("answer {sum} cents against a table of {total}: {a:?}"));
    }
    if let Ok(g) = growth(&a, 2021) {
        if g.iter().any(|g| !g.value_usd.is_finite() || g.growth.is_some_and(|x| x.is_nan())) {
            return fail(format!("growth not finite: {g:?}"));
        }
    }
    if let Ok(s) = shares(&a, &q.group_by[..q.group_by.len().min(1)]) {
        if s.len() != a.rows.len() || s.iter().any(|x| !(0.0..=1.0 + 1e-9).contains(x) && !x.is_nan()) {
            return fail(format!("shares out of 0..1: {s:?}"));
        }
    }
    if let Ok(m) = mirror(t, &q) {
        if m.iter().any(|m| !m.gap_usd.is_finite() || !m.exporter_usd.is_finite()) {
            return fail(format!("mirror not finite: {m:?}"));
        }
    }
    Ok(format!("ok|{}|{}", a.keys.len(), a.rows.is_empty()))
}

/// Headlines and story steps: errors name the file, and a line they give lies in the input.
fn check_story(json: &[u8]) -> Result<String, String> {
    let lines = count_lines(json).max(1);
    let mut out = String::new();
    for (file, r) in [
        ("headlines.json", parse_headlines("headlines.json", json).map(|l| l.len())),
        ("story.json", Steps::parse("story.json", json).map(|s| s.steps.len())),
    ] {
        match r {
            Ok(n) => out.push_str(&format!("ok{}|", n.min(2))),
            Err(e) => {
                let msg = e.to_string();
                let line = msg.split("line ").nth(1).and_then(|s| s.split(',').next()).and_then(|n| n.parse::<u64>().ok());
                if !msg.starts_with(&format!("{file}: ")) || line.is_some_and(|l| l > lines) {
                    return fail(format!("error does not name the file or a line of the input: {msg}"));
                }
                out.push_str(&shape(&msg));
                out.push('|');
            }
        }
    }
    Ok(out)
}

/// Decoded countries hold finite lon/lat in closed rings of at least three distinct points.
fn check_topojson(json: &[u8]) -> Result<String, String> {
    let world = match World::from_topojson(json) {
        Err(e) => return Ok(format!("err|{}", shape(&e.to_string()))),
        Ok(w) => w,
    };
    for c in &world.countries {
        for ring in c.polygons.iter().flatten() {
            let closed = ring.len() >= 4 && ring.first() == ring.last();
            if !closed || ring.iter().flatten().any(|v| !v.is_finite()) {
                return fail(format!("country {} has a bad ring: {ring:?}", c.id));
            }
        }
    }
    Ok(format!("ok|{}", world.countries.len().min(3)))
}

/// HS codes read back as written; product filters accept or name the term they refuse.
fn check_hs(input: &[u8]) -> Result<String, String> {
    let mut out = String::new();
    for term in input.split(|&c| c == b'\n' || c == b',') {
        if let Some(c) = HsCode::parse(term) {
            let back = HsCode::parse(c.to_string().as_bytes());
            if back != Some(c) || !matches!(c.digits(), 0 | 2 | 4 | 6) || c.truncate(2).digits() > 2 {
                return fail(format!("{c:?} does not read back: {back:?}"));
            }
            out.push_str(&c.digits().to_string());
        }
    }
    let terms: Vec<String> = String::from_utf8_lossy(input).split(['\n', ',']).map(str::to_string).collect();
    match ProductFilter::parse(&terms) {
        Ok(f) => {
            let _ = [HsCode::TOTAL, HsCode::from_number(854231, 6).unwrap_or(HsCode::TOTAL)].map(|c| f.matches(c));
            Ok(format!("ok|{}", out.len().min(4)))
        }
        Err(e) if !e.to_string().contains("unknown product filter") => fail(format!("unclear filter error: {e}")),
        Err(_) => Ok(format!("err|{}", out.len().min(4))),
    }
}

/// Links: whatever the address bar holds, parsing keeps only checked values, and the link written from
/// them reads back to the same view without a warning.
fn check_url_state(input: &[u8]) -> Result<String, String> {
    let text = String::from_utf8_lossy(input);
    let parsed = UrlState::parse(&text);
    let s = &parsed.state;
    if s.zoom.is_some_and(|z| !z.is_finite()) || s.pan.is_some_and(|p| p.iter().any(|v| !v.is_finite())) {
        return fail(format!("non-finite view kept: {s:?}"));
    }
    if s.focus.as_ref().is_some_and(|f| f.len() != 3 || !f.bytes().all(|b| b.is_ascii_uppercase())) {
        return fail(format!("focus is not a country code: {s:?}"));
    }
    if s.top.is_some_and(|n| n == 0 || n > roundabout::story::view::url_state::MAX_TOP) {
        return fail(format!("top out of range: {s:?}"));
    }
    let again = UrlState::parse(&s.to_query());
    if !again.warnings.is_empty() || again.state.to_query() != s.to_query() {
        return fail(format!("{:?} does not read back: {again:?}", s.to_query()));
    }
    Ok(format!("ok|{}|{}", parsed.warnings.len().min(3), s.to_query().matches('&').count().min(4)))
}
