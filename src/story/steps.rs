use serde::Deserialize;

use super::headlines::{check_route, field_error, json_error};
use crate::hs::ProductFilter;
use crate::Error;

/// A guided story: the steps a reader pages through, each a caption over a view of the map.
///
/// ```
/// let json = br#"{"steps":[{"caption":"Drones via Kazakhstan","routes":["CHN->KAZ","KAZ->RUS"],
///   "products":["drones"],"period":[2021,2023]}]}"#;
/// let story = roundabout::story::parse_steps("story.json", json).unwrap();
/// assert_eq!(story.steps[0].period.years(), (2021, 2023));
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Steps {
    /// The steps in reading order.
    pub steps: Vec<Step>,
}

/// One step of a story.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The text shown.
    pub caption: String,
    /// The routes drawn: `CHN->KAZ`.
    pub routes: Vec<String>,
    /// Product terms as a query takes them ([`ProductFilter::parse`]); empty for all goods.
    #[serde(default)]
    pub products: Vec<String>,
    /// A year, or the first and last year.
    pub period: Period,
}

/// A year or an inclusive range of years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Period {
    /// One year.
    Year(u16),
    /// First and last year.
    Range(u16, u16),
}

impl Period {
    /// First and last year.
    pub fn years(self) -> (u16, u16) {
        match self {
            Period::Year(y) => (y, y),
            Period::Range(a, b) => (a, b),
        }
    }
}

/// Reads a story-steps file `{"steps":[{"caption":…,"routes":[…],"products":[…],"period":…}]}`. Errors
/// name the file and the line and column, or the step and field.
pub fn parse_steps(file: &str, bytes: &[u8]) -> Result<Steps, Error> {
    let story: Steps = serde_json::from_slice(bytes).map_err(|e| json_error(file, bytes, &e))?;
    if story.steps.is_empty() {
        return Err(field_error(file, "the story", "steps", "[]", "at least one step"));
    }
    for (i, s) in story.steps.iter().enumerate() {
        let item = format!("step {}", i + 1);
        let bad = |field: &str, found: &str, expected: &str| field_error(file, &item, field, found, expected);
        if s.caption.trim().is_empty() {
            return Err(bad("caption", &s.caption, "a sentence"));
        }
        if s.routes.is_empty() {
            return Err(bad("routes", "[]", "at least one route such as CHN->KAZ"));
        }
        if let Some(r) = s.routes.iter().find(|r| !check_route(r, false)) {
            return Err(bad("routes", r, "a route of two alpha-3 codes such as CHN->KAZ"));
        }
        if let Err(e) = ProductFilter::parse(&s.products) {
            let message = e.to_string();
            return Err(bad("products", &s.products.join(","), message.strip_prefix("query: ").unwrap_or(&message)));
        }
        let (a, b) = s.period.years();
        if !(1900..=2100).contains(&a) || !(1900..=2100).contains(&b) || a > b {
            return Err(bad("period", &format!("{a}..{b}"), "a year 1900..2100, or [first, last] with first ≤ last"));
        }
    }
    Ok(story)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"steps":[{"caption":"Chips","routes":["CHN->KAZ"],"products":["chpl"],"period":2023}]}"#;

    fn err(json: &str) -> String {
        parse_steps("s.json", json.as_bytes()).err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn reads_steps_and_names_bad_fields() {
        assert_eq!(parse_steps("s.json", GOOD.as_bytes()).ok().map(|s| s.steps[0].period), Some(Period::Year(2023)));
        assert_eq!(err(r#"{"steps":[]}"#), "s.json: the story, field `steps`: found `[]`, expected at least one step");
        assert!(err(&GOOD.replace("CHN->KAZ", "CHN->KAZ+KGZ")).starts_with("s.json: step 1, field `routes`: found `CHN->KAZ+KGZ`"));
        assert!(err(&GOOD.replace("chpl", "chips")).contains("step 1, field `products`: found `chips`, expected"));
        assert!(err(&GOOD.replace("2023", "[2023,2021]")).contains("field `period`: found `2023..2021`"));
        assert!(err(&GOOD.replace("2023", "\"2023\"")).starts_with("s.json: line 1, column"));
        assert!(err(&GOOD.replace("\"period\"", "\"year\"")).contains("unknown field `year`"));
    }
}
