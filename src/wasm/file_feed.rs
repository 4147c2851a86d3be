//! A reader's file pushed into the core chunk by chunk as the page's worker reads it: the tab never holds
//! the whole file, only the store it becomes.

use wasm_bindgen::prelude::*;

use crate::ingest::{CountryCodes, Feed, Loaded, Options};

#[wasm_bindgen]
pub struct FileFeed {
    feed: Option<Feed>,
    name: String,
}

#[wasm_bindgen]
impl FileFeed {
    /// A feed for `file_name` of `size` bytes, with BACI's country-code file when given.
    #[wasm_bindgen(constructor)]
    pub fn new(file_name: &str, size: f64, codes_name: Option<String>, codes: Option<Vec<u8>>) -> Result<FileFeed, JsError> {
        let codes = match (codes_name, codes) {
            (Some(name), Some(bytes)) => Some(CountryCodes::parse(&name, &bytes).map_err(super::to_js)?),
            _ => None,
        };
        let feed = Feed::new(file_name, &Options::default(), codes.as_ref(), size as usize);
        Ok(FileFeed { feed: Some(feed), name: file_name.to_string() })
    }

    /// Reads the next chunk of the file.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsError> {
        match self.feed.as_mut() {
            Some(feed) => feed.push(chunk).map_err(super::to_js),
            None => Err(JsError::new(&format!("{}: the file was already read to its end", self.name))),
        }
    }

    /// Ends the file: its table, to cut for the map and to ask about its products.
    pub fn analysis(&mut self) -> Result<super::analysis::Analysis, JsError> {
        Ok(super::analysis::Analysis { file: self.name.clone(), loaded: self.finish()?, formats: None, flows: None, speaking: None, shown: None })
    }
}

impl FileFeed {
    /// The whole file's table, once.
    pub(crate) fn finish(&mut self) -> Result<Loaded, JsError> {
        let feed = self.feed.take().ok_or_else(|| JsError::new(&format!("{}: the file was already read to its end", self.name)))?;
        feed.finish().map_err(super::to_js)
    }
}
