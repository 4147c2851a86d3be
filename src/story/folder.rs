//! A story as a folder: `story.json` (its words, sources, routes and steps) beside its data. The file is
//! read as JSON first and then walked field by field, so that every mistake names its place
//! (`story.json: routes.hubs[1]: "KZX" is not a country code`) rather than a line of the file alone.

use serde_json::{json, Map, Value};

use super::published::headlines::json_error;
use super::view::steps::{Step, Steps};
use crate::lang::Lang;
use crate::Error;

/// Longest text kept in one field, in characters: a dek or a note is a paragraph, not an article.
const MAX_TEXT: usize = 1000;

/// The routes a story follows: origin → each hub → destination.
#[derive(Clone, Debug, PartialEq)]
pub struct Routes {
    pub origin: String,
    pub hubs: Vec<String>,
    pub destination: String,
}

impl Routes {
    /// The legs drawn: origin → hub for every hub, then hub → destination.
    pub fn legs(&self) -> Vec<(String, String)> {
        let into = self.hubs.iter().map(|h| (self.origin.clone(), h.clone()));
        let onward = self
            .hubs
            .iter()
            .map(|h| (h.clone(), self.destination.clone()));
        into.chain(onward).collect()
    }
}

/// A source the story's figures come from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Its name in English.
    pub name: String,
    /// Where to find it; none for a source that is not on the web.
    pub url: Option<String>,
    /// Its name in Ukrainian and Russian, where the story gives them; English is shown for the others.
    pub names: Vec<(Lang, String)>,
}

/// The story's words in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Texts {
    pub kicker: String,
    pub title: String,
    pub dek: String,
    /// What the arrows carry, as a phrase that fits "the value of …": "all goods", "drones (HS 8806)".
    pub goods: String,
    pub notes: Vec<String>,
    /// "Walk through the story": its title and steps; none when the language has no steps of its own.
    pub steps: Option<Steps>,
}

/// A story folder's `story.json`, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    pub routes: Routes,
    /// The year the page opens on; the latest the data holds when absent.
    pub year: Option<u16>,
    /// The view the page opens on, as a link's query string (`?goods=all&year=2022&focus=ARM`): a story
    /// saved from the page keeps the view it showed.
    pub view: Option<String>,
    /// Growth is measured against this year.
    pub baseline: u16,
    /// The tidy CSV beside `story.json`, by file name.
    pub data: String,
    pub sources: Vec<Source>,
    /// English first, always; Ukrainian and Russian where the story has them.
    pub texts: Vec<(Lang, Texts)>,
}

impl Story {
    /// Reads and checks `story.json` named `file`.
    ///
    /// ```
    /// use roundabout::story::folder::Story;
    /// let json = br#"{"routes": {"origin": "CHN", "hubs": ["KAZ", "KZX"], "destination": "RUS"}}"#;
    /// let e = Story::parse("story.json", json).unwrap_err();
    /// assert_eq!(e.to_string(), r#"story.json: routes.hubs[1]: "KZX" is not a country code (ISO 3166-1 alpha-3, e.g. KAZ)"#);
    /// ```
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Story, Error> {
        let root: Value = serde_json::from_slice(bytes).map_err(|e| json_error(file, bytes, &e))?;
        let at = Place {
            file,
            path: String::new(),
        };
        let top = at.object(
            &root,
            &[
                "routes", "year", "view", "baseline", "data", "sources", "texts",
            ],
        )?;
        let routes = at.field("routes");
        let r = routes.object(
            required(&routes, top.get("routes"))?,
            &["origin", "hubs", "destination"],
        )?;
        let hubs_at = routes.field("hubs");
        let hubs = hubs_at.array(required(&hubs_at, r.get("hubs"))?, 1, 20)?;
        let hubs = hubs
            .iter()
            .enumerate()
            .map(|(i, h)| hubs_at.index(i).country(h))
            .collect::<Result<Vec<_>, _>>()?;
        let origin = routes
            .field("origin")
            .country(required(&routes.field("origin"), r.get("origin"))?)?;
        let destination = routes.field("destination").country(required(
            &routes.field("destination"),
            r.get("destination"),
        )?)?;
        let routes = Routes {
            origin,
            hubs,
            destination,
        };
        let year = top
            .get("year")
            .map(|v| at.field("year").year(v))
            .transpose()?;
        let view = top
            .get("view")
            .map(|v| at.field("view").view(v))
            .transpose()?;
        let baseline = at
            .field("baseline")
            .year(required(&at.field("baseline"), top.get("baseline"))?)?;
        let data = match top.get("data") {
            Some(v) => at.field("data").file_name(v)?,
            None => "story.csv".to_string(),
        };
        let sources_at = at.field("sources");
        let sources = sources_at.array(required(&sources_at, top.get("sources"))?, 1, 30)?;
        let sources = sources
            .iter()
            .enumerate()
            .map(|(i, s)| sources_at.index(i).source(s))
            .collect::<Result<Vec<_>, _>>()?;
        let texts_at = at.field("texts");
        let by_lang =
            texts_at.object(required(&texts_at, top.get("texts"))?, &["en", "uk", "ru"])?;
        if !by_lang.contains_key("en") {
            return Err(texts_at
                .field("en")
                .fail("is missing: English texts are required".to_string()));
        }
        let mut texts = Vec::new();
        for lang in Lang::ALL {
            if let Some(value) = by_lang.get(lang.tag()) {
                texts.push((
                    lang,
                    texts_at.field(lang.tag()).texts(value, lang == Lang::En)?,
                ));
            }
        }
        Ok(Story {
            routes,
            year,
            view,
            baseline,
            data,
            sources,
            texts,
        })
    }

    /// The English texts, which every story has.
    pub fn english(&self) -> Option<&Texts> {
        self.texts
            .iter()
            .find(|(l, _)| *l == Lang::En)
            .map(|(_, t)| t)
    }

    /// As `story.json` holds it: what [`Story::parse`] reads back unchanged.
    pub fn to_json(&self) -> Value {
        let texts: Map<String, Value> = self
            .texts
            .iter()
            .map(|(lang, t)| (lang.tag().to_string(), t.to_json()))
            .collect();
        let mut v = json!({
            "routes": {"origin": self.routes.origin, "hubs": self.routes.hubs, "destination": self.routes.destination},
            "baseline": self.baseline,
            "data": self.data,
            "sources": self.sources.iter().map(Source::to_json).collect::<Vec<_>>(),
            "texts": texts,
        });
        if let Some(o) = v.as_object_mut() {
            if let Some(year) = self.year {
                o.insert("year".into(), json!(year));
            }
            if let Some(view) = &self.view {
                o.insert("view".into(), json!(view));
            }
        }
        v
    }
}

impl Source {
    fn to_json(&self) -> Value {
        let mut o = Map::new();
        o.insert("name".into(), json!(self.name));
        if let Some(url) = &self.url {
            o.insert("url".into(), json!(url));
        }
        if !self.names.is_empty() {
            o.insert("names".into(), self.names.iter().map(|(lang, name)| (lang.tag().to_string(), json!(name))).collect::<Map<_, _>>().into());
        }
        Value::Object(o)
    }
}

impl Texts {
    fn to_json(&self) -> Value {
        let mut o = Map::new();
        for (key, text) in [
            ("kicker", &self.kicker),
            ("title", &self.title),
            ("dek", &self.dek),
            ("goods", &self.goods),
        ] {
            if !text.is_empty() {
                o.insert(key.into(), json!(text));
            }
        }
        if !self.notes.is_empty() {
            o.insert("notes".into(), json!(self.notes));
        }
        if let Some(steps) = &self.steps {
            o.insert("steps".into(), json!({"title": steps.title, "steps": steps.steps.iter().map(|s| json!({"caption": s.caption, "view": s.view})).collect::<Vec<_>>()}));
        }
        Value::Object(o)
    }
}

fn required<'v>(at: &Place, value: Option<&'v Value>) -> Result<&'v Value, Error> {
    value.ok_or_else(|| at.fail("is missing".to_string()))
}

/// Where in the file a value sits, for messages.
struct Place<'f> {
    file: &'f str,
    path: String,
}

impl Place<'_> {
    fn field(&self, name: &str) -> Place<'_> {
        let path = if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.path)
        };
        Place {
            file: self.file,
            path,
        }
    }

    fn index(&self, i: usize) -> Place<'_> {
        Place {
            file: self.file,
            path: format!("{}[{i}]", self.path),
        }
    }

    fn fail(&self, what: String) -> Error {
        let message = if self.path.is_empty() {
            what
        } else {
            format!("{}: {what}", self.path)
        };
        Error::Decode {
            file: self.file.to_string(),
            message,
        }
    }

    fn object<'v>(&self, v: &'v Value, known: &[&str]) -> Result<&'v Map<String, Value>, Error> {
        let map = v
            .as_object()
            .ok_or_else(|| self.fail(format!("{} is not an object", short(v))))?;
        if let Some(key) = map.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(self.field(key).fail(format!(
                "is not a field of this schema; expected one of {}",
                known.join(", ")
            )));
        }
        Ok(map)
    }

    fn array<'v>(&self, v: &'v Value, min: usize, max: usize) -> Result<&'v Vec<Value>, Error> {
        let list = v
            .as_array()
            .ok_or_else(|| self.fail(format!("{} is not a list", short(v))))?;
        if list.len() < min || list.len() > max {
            return Err(self.fail(format!(
                "holds {} entries; expected {min} to {max}",
                list.len()
            )));
        }
        Ok(list)
    }

    fn text(&self, v: &Value) -> Result<String, Error> {
        let s = v
            .as_str()
            .ok_or_else(|| self.fail(format!("{} is not a text", short(v))))?;
        if s.trim().is_empty() || s.chars().count() > MAX_TEXT {
            return Err(self.fail(format!("a text is 1 to {MAX_TEXT} characters")));
        }
        Ok(s.to_string())
    }

    fn country(&self, v: &Value) -> Result<String, Error> {
        let s = v
            .as_str()
            .ok_or_else(|| self.fail(format!("{} is not a country code", short(v))))?;
        let known = s.len() == 3
            && s.bytes().all(|b| b.is_ascii_uppercase())
            && crate::countries::by_alpha3(s).is_some();
        if !known {
            return Err(self.fail(format!(
                "{} is not a country code (ISO 3166-1 alpha-3, e.g. KAZ)",
                short(v)
            )));
        }
        Ok(s.to_string())
    }

    fn year(&self, v: &Value) -> Result<u16, Error> {
        match v.as_u64() {
            Some(y @ 1900..=2100) => Ok(y as u16),
            _ => Err(self.fail(format!("{} is not a year (1900 to 2100)", short(v)))),
        }
    }

    /// A link's query string, checked by the links' own parser: a value it would drop is a mistake here.
    fn view(&self, v: &Value) -> Result<String, Error> {
        let s = v.as_str().ok_or_else(|| {
            self.fail(format!(
                "{} is not a link's query string (?year=2023)",
                short(v)
            ))
        })?;
        match crate::story::view::url_state::UrlState::parse(s)
            .warnings
            .first()
        {
            Some(warning) => Err(self.fail(warning.clone())),
            None => Ok(s.to_string()),
        }
    }

    /// A plain file name beside `story.json`: no folders, so a story never reads outside itself.
    fn file_name(&self, v: &Value) -> Result<String, Error> {
        let s = self.text(v)?;
        if s.contains(['/', '\\']) || s.starts_with('.') || !s.ends_with(".csv") {
            return Err(self.fail(format!(
                "{} is not a CSV file's name beside story.json",
                short(v)
            )));
        }
        Ok(s)
    }

    fn source(&self, v: &Value) -> Result<Source, Error> {
        let s = self.object(v, &["name", "url", "names"])?;
        let name = self
            .field("name")
            .text(required(&self.field("name"), s.get("name"))?)?;
        let mut names = Vec::new();
        if let Some(found) = s.get("names") {
            let at = self.field("names");
            let by_lang = at.object(found, &["uk", "ru"])?;
            for lang in [Lang::Uk, Lang::Ru] {
                if let Some(v) = by_lang.get(lang.tag()) {
                    names.push((lang, at.field(lang.tag()).text(v)?));
                }
            }
        }
        let url = match s.get("url") {
            Some(found) => Some(self.field("url").url(found)?),
            None => None,
        };
        Ok(Source { name, url, names })
    }

    /// A web address (http or https, with a host, no spaces).
    fn url(&self, v: &Value) -> Result<String, Error> {
        let url = self.text(v)?;
        let host = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .and_then(|r| r.split(['/', '?', '#']).next());
        if host.is_none_or(|h| h.is_empty()) || url.chars().any(char::is_whitespace) {
            return Err(self.fail(format!("{} is not a web address (https://…)", short(v))));
        }
        Ok(url)
    }

    /// One language's texts; English must have every field but the steps, other languages any.
    fn texts(&self, v: &Value, english: bool) -> Result<Texts, Error> {
        let t = self.object(v, &["kicker", "title", "dek", "goods", "notes", "steps"])?;
        let text = |name: &str| -> Result<String, Error> {
            let at = self.field(name);
            match t.get(name) {
                Some(v) => at.text(v),
                None if english => Err(at.fail("is missing".to_string())),
                None => Ok(String::new()),
            }
        };
        let notes = match t.get("notes") {
            Some(v) => {
                let at = self.field("notes");
                at.array(v, 0, 10)?
                    .iter()
                    .enumerate()
                    .map(|(i, n)| at.index(i).text(n))
                    .collect::<Result<Vec<_>, _>>()?
            }
            None => Vec::new(),
        };
        let steps = t
            .get("steps")
            .map(|v| self.field("steps").steps(v))
            .transpose()?;
        Ok(Texts {
            kicker: text("kicker")?,
            title: text("title")?,
            dek: text("dek")?,
            goods: text("goods")?,
            notes,
            steps,
        })
    }

    /// "Walk through the story", checked by the steps' own rules, each mistake named by its step.
    fn steps(&self, v: &Value) -> Result<Steps, Error> {
        let s = self.object(v, &["title", "steps"])?;
        let title = self
            .field("title")
            .text(required(&self.field("title"), s.get("title"))?)?;
        let list_at = self.field("steps");
        let list = list_at.array(required(&list_at, s.get("steps"))?, 1, 50)?;
        let mut steps = Vec::with_capacity(list.len());
        for (i, step) in list.iter().enumerate() {
            let at = list_at.index(i);
            let o = at.object(step, &["caption", "view"])?;
            let caption = at
                .field("caption")
                .text(required(&at.field("caption"), o.get("caption"))?)?;
            let view = match o.get("view") {
                Some(Value::String(s)) => s.clone(),
                other => {
                    return Err(at.field("view").fail(format!(
                        "{} is not a link's query string (?year=2023)",
                        other.map_or("nothing".into(), short)
                    )))
                }
            };
            steps.push(Step { caption, view });
        }
        let json =
            serde_json::to_vec(&Steps { title, steps }).map_err(|e| self.fail(e.to_string()))?;
        Steps::parse(self.file, &json).map_err(|e| match e {
            Error::Decode { message, .. } => self.fail(message),
            other => other,
        })
    }
}

/// A value as the message quotes it, cut to a readable length.
fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_story_is_valid() {
        let bytes = std::fs::read("stories/default/story.json").unwrap_or_default();
        let story = Story::parse("story.json", &bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(story.routes.legs().len(), 2 * story.routes.hubs.len());
        assert!(story
            .english()
            .and_then(|t| t.steps.as_ref())
            .is_some_and(|s| s.steps.len() >= 3));
    }
}
