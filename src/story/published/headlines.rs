use serde::Deserialize;

use crate::Error;

/// One published figure shown beside the map, with its source (`www/data/headlines.json` is a list of these).
///
/// ```
/// let json = br#"[{"metric":"drones","route":"CHN->KAZ","period":"2023","value":"5.9","unit":"USD m",
///   "caption":"Kazakhstan bought $5.9m of drones from China.","note":"","source_url":"https://example.org/a"}]"#;
/// let h = roundabout::story::parse_headlines("headlines.json", json).unwrap();
/// assert_eq!(h[0].route, "CHN->KAZ");
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headline {
    /// A short machine name for the figure.
    pub metric: String,
    /// Countries as alpha-3 codes: `CHN->KAZ`, `CHN->KAZ+KGZ`, `CHN<->KGZ`.
    pub route: String,
    /// The period as the source words it: `2023`, `2022 vs 2021`.
    pub period: String,
    /// The figure, a decimal number as text.
    pub value: String,
    /// Its unit: `USD bn`, `percent` ….
    pub unit: String,
    /// The sentence shown.
    pub caption: String,
    /// A note on the source, not shown.
    #[serde(default)]
    pub note: String,
    /// Where the figure was published: an `http(s)` address.
    pub source_url: String,
}

/// Reads a headlines file: a JSON list of [`Headline`]s. Errors name the file and, for JSON that does not
/// parse or fit, the line and column; for a value that fits no rule, the headline's number and field.
pub fn parse_headlines(file: &str, bytes: &[u8]) -> Result<Vec<Headline>, Error> {
    let list: Vec<Headline> = serde_json::from_slice(bytes).map_err(|e| json_error(file, bytes, &e))?;
    for (i, h) in list.iter().enumerate() {
        let bad = |field: &str, found: &str, expected: &str| field_error(file, &format!("headline {}", i + 1), field, found, expected);
        if h.caption.trim().is_empty() {
            return Err(bad("caption", &h.caption, "a sentence"));
        }
        if !check_route(&h.route, true) {
            return Err(bad("route", &h.route, "alpha-3 codes joined by -> or <->, several hubs joined by +, e.g. CHN->KAZ+KGZ"));
        }
        if h.period.trim().is_empty() {
            return Err(bad("period", &h.period, "a period such as 2023"));
        }
        if crate::ingest::number::parse_f64(h.value.trim().as_bytes()).is_none() {
            return Err(bad("value", &h.value, "a decimal number such as 5.9"));
        }
        if !is_web_address(&h.source_url) {
            return Err(bad("source_url", &h.source_url, "an http:// or https:// address"));
        }
    }
    Ok(list)
}

/// A JSON syntax or shape error as `file: line L, column C: what`.
pub(crate) fn json_error(file: &str, bytes: &[u8], e: &serde_json::Error) -> Error {
    let text = e.to_string();
    // serde_json ends its message with its own " at line L column C"; ours leads with it instead.
    let what = text.rsplit_once(" at line ").map_or(text.as_str(), |(w, _)| w);
    let (mut line, mut column) = (e.line(), e.column());
    if column == 0 && line > 1 {
        // serde_json puts an error met just after a line break at "column 0" of the next line, which may
        // not exist (a truncated file); point just past the end of the line before instead.
        line -= 1;
        column = bytes.split(|&c| c == b'\n').nth(line - 1).map_or(0, |l| String::from_utf8_lossy(l).chars().count()) + 1;
    }
    Error::Decode { file: file.to_string(), message: format!("line {line}, column {column}: {what}") }
}

/// A value that parsed but fits no rule, named by where it sits.
pub(crate) fn field_error(file: &str, item: &str, field: &str, found: &str, expected: &str) -> Error {
    let shown: String = found.chars().take(60).collect();
    let more = if found.chars().count() > 60 { "…" } else { "" };
    Error::Decode { file: file.to_string(), message: format!("{item}, field `{field}`: found `{shown}{more}`, expected {expected}") }
}

/// True for `AAA->BBB` (or `<->`), each side one or more alpha-3 codes joined by `+`; `hubs` allows `+`.
pub(crate) fn check_route(route: &str, hubs: bool) -> bool {
    let Some((from, to)) = route.split_once("<->").or_else(|| route.split_once("->")) else {
        return false;
    };
    let side = |s: &str| {
        let codes: Vec<&str> = s.split('+').collect();
        (hubs || codes.len() == 1) && codes.iter().all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
    };
    side(from) && side(to)
}

fn is_web_address(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !r.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"[{"metric":"m","route":"CHN->KAZ+KGZ","period":"2023","value":"1.3","unit":"USD bn",
"caption":"China's exports rose.","note":"WSJ","source_url":"https://example.org/x"}]"#;

    fn err(json: &str) -> String {
        parse_headlines("h.json", json.as_bytes()).err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn reads_the_shipped_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/headlines.json");
        let bytes = std::fs::read(path).unwrap_or_default();
        let list = parse_headlines("headlines.json", &bytes).map_err(|e| e.to_string());
        assert!(list.as_ref().is_ok_and(|l| l.len() >= 3), "{list:?}");
    }

    #[test]
    fn errors_name_line_column_or_field() {
        assert_eq!(parse_headlines("h.json", GOOD.as_bytes()).map(|l| l.len()).ok(), Some(1));
        assert_eq!(err("[{\"metric\":\n 5}]"), "h.json: line 2, column 2: invalid type: integer `5`, expected a string");
        assert!(err("[").starts_with("h.json: line 1, column 1: EOF"), "{}", err("["));
        // Found by fuzzing (story_json): a truncated file's error pointed at "line 2, column 0".
        assert_eq!(err("[\n {\n"), "h.json: line 2, column 3: EOF while parsing an object");
        assert_eq!(
            err(&GOOD.replace("CHN->KAZ+KGZ", "China")),
            "h.json: headline 1, field `route`: found `China`, expected alpha-3 codes joined by -> or <->, several hubs joined by +, e.g. CHN->KAZ+KGZ"
        );
        assert!(err(&GOOD.replace("https://example.org/x", "example.org")).contains("field `source_url`"));
        assert!(err(&GOOD.replace("\"1.3\"", "\"1,3\"")).contains("field `value`: found `1,3`"));
        assert!(err(&GOOD.replace("\"note\"", "\"notes\"")).contains("unknown field `notes`"));
    }

    #[test]
    fn routes() {
        assert!(check_route("CHN<->KGZ", true));
        assert!(!check_route("CHN->KAZ+KGZ", false));
        for bad in ["", "CHN", "CHN->", "chn->KAZ", "CHN->KAZ+", "CHN-KAZ"] {
            assert!(!check_route(bad, true), "{bad}");
        }
    }
}
