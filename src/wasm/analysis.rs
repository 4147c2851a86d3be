//! The worker's module: a reader's file, or the default story, held whole and asked about its products.
//! The page's own module ([`super::page`]) has neither the readers of other formats nor these questions.

use wasm_bindgen::prelude::*;

use super::to_js;
use crate::ingest::{self, Options};
use crate::lang::Lang;
use crate::store::{wire, Flow, Table};
use crate::story;
use crate::story::language::names::Names;

/// A trade file held after its cut, answering the page's questions about its products: a reader's file, or
/// the default story.
#[wasm_bindgen]
pub struct Analysis {
    pub(super) file: String,
    pub(super) loaded: ingest::Loaded,
    /// Each file's format, when several files were read together.
    pub(super) formats: Option<String>,
    /// The flows the last cut counted, which the questions count too; `None`: exports and imports.
    pub(super) flows: Option<Vec<Flow>>,
    /// The page's language and its country names, when it is not English ([`Analysis::name_in`]).
    pub(super) speaking: Option<(Lang, Names)>,
    /// The last cut, which a saved story holds.
    pub(super) shown: Option<Table>,
}

#[wasm_bindgen]
impl Analysis {
    /// Reads a trade file held whole (the default story). A reader's file comes through
    /// [`super::files::Files::analysis`] instead, a chunk at a time, with BACI's country codes.
    #[wasm_bindgen(constructor)]
    pub fn new(file_name: &str, bytes: &[u8]) -> Result<Analysis, JsError> {
        let loaded = ingest::load(file_name, bytes, &Options::default()).map_err(to_js)?;
        Ok(Analysis { file: file_name.to_string(), loaded, formats: None, flows: None, speaking: None, shown: None })
    }

    /// The file summed by country pair and product group, `{table, summary}`, counting `flow` (`"re-export"`,
    /// `"re-import"`, …), or exports and imports when there is none; the summary names which of the story's
    /// `routes` (`"CHN>KAZ"`, …) the file lacks. The table comes as its bytes ([`crate::store::wire`]),
    /// which the page's core reads as they are: as tidy CSV, a BACI year's cut was 8 MB that the page's
    /// thread took 130 ms to read.
    pub fn cut(&mut self, routes: Vec<String>, flow: Option<String>) -> Result<JsValue, JsError> {
        let routes: Vec<(&str, &str)> = routes.iter().filter_map(|r| r.split_once('>')).collect();
        let flows = match flow.as_deref().filter(|f| !f.is_empty()) {
            None => None,
            Some(f) => Some(vec![Flow::parse(f.as_bytes()).ok_or_else(|| JsError::new(&format!("flow `{f}`: expected export, import, re-export or re-import")))?]),
        };
        let speaking = self.speaking.as_ref().map(|(lang, names)| (*lang, names));
        let mut cut = story::answers::cut::story_cut(&self.file, &self.loaded, &routes, flows.clone(), speaking).map_err(to_js)?;
        self.flows = flows;
        if let Some(formats) = &self.formats {
            cut.summary.format.clone_from(formats);
            cut.summary.set_sentences();
        }
        let out = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&out, &key.into(), value).map_err(|_| JsError::new("the cut: its answer could not be made"));
        let mut table = Vec::new();
        wire::write(&cut.table, &mut table);
        set("table", &js_sys::Uint8Array::from(table.as_slice()))?;
        set("summary", &serde_wasm_bindgen::to_value(&cut.summary)?)?;
        self.shown = Some(cut.table);
        Ok(out.into())
    }

    /// The last cut as tidy CSV, as a saved story holds it; empty before the first.
    #[wasm_bindgen(js_name = shownCsv)]
    pub fn shown_csv(&self) -> Vec<u8> {
        self.shown.as_ref().map(|t| story::answers::cut::cut_csv(t).into_bytes()).unwrap_or_default()
    }

    /// Names countries in the page's language (`uk`, `ru`), from the page's names as lines of code and name
    /// (its `country_names`); an unknown language leaves them English.
    #[wasm_bindgen(js_name = nameIn)]
    pub fn name_in(&mut self, tag: &str, names: &str) {
        self.speaking = Lang::parse(tag).map(|lang| (lang, Names::from_lines(names)));
    }

    /// Answers a question, JSON in and out (`{"products" | "hub" | "diff_in_diff" | "mirror" | "published":
    /// {…}}`). JSON rather than JS values: serde_json is already in the module, and a second
    /// deserializer for the tagged question would cost tens of KB.
    pub fn ask(&self, question: &str) -> Result<String, JsError> {
        let ask: story::answers::ask::Ask = serde_json::from_str(question).map_err(|e| JsError::new(&format!("question: {e}")))?;
        let reply = story::answers::ask::answer(&self.loaded.table, &ask.counting(&self.flows)).map_err(to_js)?;
        serde_json::to_string(&reply).map_err(|e| JsError::new(&format!("answer: {e}")))
    }
}
