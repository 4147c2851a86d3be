//! Story mode: a sequence of views, each a link's query string with a caption, read from a small JSON
//! file (`{"title": …, "steps": [{"caption": …, "view": "?year=2021&focus=KAZ"}, …]}`).
//!
//! Captions are plain text: the page prints them with `textContent`. Views go through the same
//! defensive parser as links, and a view it would have to trim is refused, naming the step.

use serde::{Deserialize, Serialize};

use crate::story::published::headlines::json_error;
use crate::story::view::url_state::UrlState;
use crate::Error;

/// Longest caption kept, in characters: a step is a sentence or two, not an article.
const MAX_CAPTION: usize = 600;
/// Most steps in one story.
const MAX_STEPS: usize = 50;

/// One step: what to say and which view to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub caption: String,
    /// A link's query string, e.g. `?year=2021&focus=KAZ&dir=incoming`.
    pub view: String,
}

/// A story: a title and its steps, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Steps {
    pub title: String,
    pub steps: Vec<Step>,
}

impl Steps {
    /// Reads and checks a story file named `file`.
    ///
    /// ```
    /// use roundabout::story::view::steps::Steps;
    /// let s = Steps::parse("s.json", br#"{"title":"T","steps":[{"caption":"Before","view":"?year=2021"}]}"#).unwrap();
    /// assert_eq!(s.steps[0].view, "?year=2021");
    /// let e = Steps::parse("s.json", br#"{"title":"T","steps":[{"caption":"x","view":"?year=soon"}]}"#).unwrap_err();
    /// assert_eq!(e.to_string(), "s.json: step 1: year: `soon` is not a valid value");
    /// ```
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Steps, Error> {
        let fail = |message: String| Error::Decode { file: file.to_string(), message };
        let steps: Steps = serde_json::from_slice(bytes).map_err(|e| json_error(file, bytes, &e))?;
        if steps.steps.is_empty() || steps.steps.len() > MAX_STEPS {
            return Err(fail(format!("a story has 1 to {MAX_STEPS} steps; this one has {}", steps.steps.len())));
        }
        for (i, step) in steps.steps.iter().enumerate() {
            let n = i + 1;
            if step.caption.trim().is_empty() || step.caption.chars().count() > MAX_CAPTION {
                return Err(fail(format!("step {n}: a caption is 1 to {MAX_CAPTION} characters")));
            }
            if let Some(warning) = UrlState::parse(&step.view).warnings.first() {
                return Err(fail(format!("step {n}: {warning}")));
            }
        }
        Ok(steps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(json: &str) -> String {
        Steps::parse("story.json", json.as_bytes()).map(|_| String::new()).unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn mistakes_name_the_file_and_the_step() {
        assert_eq!(message(r#"{"title":"T","steps":[]}"#), "story.json: a story has 1 to 50 steps; this one has 0");
        assert_eq!(
            message(r#"{"title":"T","steps":[{"caption":"ok","view":""},{"caption":" ","view":""}]}"#),
            "story.json: step 2: a caption is 1 to 600 characters"
        );
        assert_eq!(
            message(r#"{"title":"T","steps":[{"caption":"ok","view":"?focus=<b>"}]}"#),
            "story.json: step 1: focus: `<b>` is not a valid value"
        );
        assert!(message(r#"{"title":"T","steps":[{"caption":"ok","view":"","colour":"red"}]}"#).starts_with("story.json: line 1, column"));
        assert_eq!(message("{\"title\":"), "story.json: line 1, column 9: EOF while parsing a value");
        assert_eq!(message("[\n"), "story.json: line 1, column 2: EOF while parsing a list");
    }
}
