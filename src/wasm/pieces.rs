//! A parallel load's two ends in the worker's module: [`PieceReader`], in each helper worker, reads the
//! pieces it is sent and hands each back as bytes; [`super::files::Files`] joins them in file order.

use wasm_bindgen::prelude::*;

use super::to_js;
use crate::ingest::piece::{self, PieceFeed};
use crate::ingest::{CountryCodes, Options};

/// Reads pieces of one file, one after another.
#[wasm_bindgen]
pub struct PieceReader {
    file: String,
    codes: Option<CountryCodes>,
    feed: Option<PieceFeed>,
}

#[wasm_bindgen]
impl PieceReader {
    /// A reader for pieces of `file`, with BACI's country-code file when given.
    #[wasm_bindgen(constructor)]
    pub fn new(
        file: &str,
        codes_name: Option<String>,
        codes: Option<Vec<u8>>,
    ) -> Result<PieceReader, JsError> {
        let codes = match (codes_name, codes) {
            (Some(name), Some(bytes)) => Some(CountryCodes::parse(&name, &bytes).map_err(to_js)?),
            _ => None,
        };
        Ok(PieceReader {
            file: file.to_string(),
            codes,
            feed: None,
        })
    }

    /// Starts a piece of about `size` bytes with the file's header line.
    pub fn begin(&mut self, header: &[u8], size: f64) -> Result<(), JsError> {
        let feed = PieceFeed::new(
            &self.file,
            &Options::default(),
            self.codes.as_ref(),
            header,
            size as usize,
        );
        self.feed = Some(feed.map_err(to_js)?);
        Ok(())
    }

    /// Reads the next chunk of the piece begun.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsError> {
        self.feed
            .as_mut()
            .ok_or_else(|| JsError::new("no piece begun"))?
            .push(chunk)
            .map_err(to_js)
    }

    /// The piece begun, read, as bytes for [`super::files::Files::add_piece`].
    pub fn finish(&mut self) -> Result<Vec<u8>, JsError> {
        let feed = self
            .feed
            .take()
            .ok_or_else(|| JsError::new("no piece begun"))?;
        Ok(feed.finish().map_err(to_js)?.to_bytes())
    }
}

/// True when a file whose first bytes are `head` can be read in pieces (CSV text, not gzip); an error
/// naming `file` when it is no CSV text.
#[wasm_bindgen(js_name = canSplit)]
pub fn can_split(file: &str, head: &[u8]) -> Result<bool, JsError> {
    piece::can_split(file, head).map_err(to_js)
}
