//! A story saved from the page, in the worker that holds the reader's file: the folder `roundabout story`
//! publishes, as one zip. Its story.json is the page's own, checked by `roundabout story` when published:
//! checking it here too (story::folder::Story) would cost the worker's module 34 KB gzipped (measured).

use wasm_bindgen::prelude::*;

use super::to_js;
use crate::ingest::zip::write::archive;

/// The zip of the story on screen: its story.json and the cut shown, as tidy CSV (story.csv).
#[wasm_bindgen(js_name = saveStory)]
pub fn save_story(story_json: &[u8], csv: &[u8]) -> Result<Vec<u8>, JsError> {
    if csv.is_empty() {
        return Err(JsError::new("story.csv: no rows to save"));
    }
    archive(&[("story.json", story_json), ("story.csv", csv)]).map_err(to_js)
}
