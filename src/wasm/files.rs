//! The files a reader picked or dropped, read one after another by the page's worker into one table: plain
//! or gzip files pushed as they are, a zip's entries pushed deflated (the core inflates them) or already
//! inflated (by the browser's `DecompressionStream`).

use wasm_bindgen::prelude::*;

use super::refused;
use super::zip_dir::ZipEntry;
use crate::ingest::gather::Gather;
use crate::ingest::piece::Piece;
use crate::ingest::zip::entry::check;
use crate::ingest::zip::EntryReader;
use crate::ingest::{CountryCodes, Options};

#[wasm_bindgen]
pub struct Files {
    gather: Option<Gather>,
    codes: Option<CountryCodes>,
    entry: Option<EntryReader>,
    /// The name of the file read in parallel, and the zip entry's size and CRC.
    joined: Option<(String, Option<Expected>)>,
}

/// A zip entry's size and CRC-32 as its directory gives them.
type Expected = (u64, u32);

#[wasm_bindgen]
impl Files {
    /// An empty set; with `keep` (alpha-3 codes), only the rows whose exporter or importer is one of them.
    #[wasm_bindgen(constructor)]
    pub fn new(keep: Option<Vec<String>>) -> Files {
        Files {
            gather: Some(Gather::new(&Options::default(), keep)),
            codes: None,
            entry: None,
            joined: None,
        }
    }

    /// BACI's country-code file, for the BACI data read after it.
    #[wasm_bindgen(js_name = setCodes)]
    pub fn set_codes(&mut self, name: &str, bytes: &[u8]) -> Result<(), JsError> {
        self.codes = Some(CountryCodes::parse(name, bytes).map_err(refused)?);
        Ok(())
    }

    /// Starts a file of `size` bytes.
    pub fn begin(&mut self, name: &str, size: f64) -> Result<(), JsError> {
        let codes = self.codes.clone();
        self.gather()?
            .begin(name, size as usize, codes.as_ref())
            .map_err(refused)
    }

    /// Starts an entry of the zip `file`; `inflated` when the bytes pushed will be inflated already.
    #[wasm_bindgen(js_name = beginEntry)]
    pub fn begin_entry(
        &mut self,
        file: &str,
        entry: &ZipEntry,
        inflated: bool,
    ) -> Result<(), JsError> {
        let reader = EntryReader::new(file, &entry.entry, inflated).map_err(refused)?;
        let (name, size) = (reader.name().to_string(), entry.entry.size as f64);
        self.entry = Some(reader);
        self.begin(&name, size)
    }

    /// Reads the next chunk of the file or entry begun.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsError> {
        let gather = self.gather.as_mut().ok_or_else(done)?;
        match self.entry.as_mut() {
            Some(reader) => reader.push(chunk, &mut |b| gather.push(b)),
            None => gather.push(chunk),
        }
        .map_err(refused)
    }

    /// Ends the file or entry begun; an entry is checked against the directory's size and CRC.
    pub fn end(&mut self) -> Result<(), JsError> {
        let gather = self.gather.as_mut().ok_or_else(done)?;
        if let Some(reader) = self.entry.take() {
            reader.finish(&mut |b| gather.push(b)).map_err(refused)?;
        }
        gather.end().map_err(refused)
    }

    /// Starts the file `name`, whose first line is `header`, to be read in pieces by other workers and
    /// joined here.
    #[wasm_bindgen(js_name = beginPieces)]
    pub fn begin_pieces(&mut self, name: &str, header: &[u8]) -> Result<(), JsError> {
        self.gather()?.begin_pieces(name, header).map_err(refused)?;
        self.joined = Some((name.to_string(), None));
        Ok(())
    }

    /// Starts an entry of the zip `file`, inflated by the browser, to be read in pieces; its size and
    /// CRC-32 are checked at the end. Returns its name as errors give it.
    #[wasm_bindgen(js_name = beginEntryPieces)]
    pub fn begin_entry_pieces(&mut self, file: &str, entry: &ZipEntry, header: &[u8]) -> Result<String, JsError> {
        let name = format!("{file}/{}", entry.entry.name);
        self.gather()?.begin_pieces(&name, header).map_err(refused)?;
        self.joined = Some((name.clone(), Some((entry.entry.size, entry.entry.crc))));
        Ok(name)
    }

    /// Joins the next piece in file order (a [`super::pieces::PieceReader`]'s bytes). `false`: the piece
    /// before it ended inside a quoted field, and the file must be read in one piece instead.
    #[wasm_bindgen(js_name = addPiece)]
    pub fn add_piece(&mut self, bytes: &[u8]) -> Result<bool, JsError> {
        let (name, _) = self.joined.as_ref().ok_or_else(|| JsError::new("no file begun in pieces"))?;
        let piece = Piece::from_bytes(name, bytes).map_err(refused)?;
        let added = self.gather()?.add_piece(piece).map_err(refused)?;
        if !added {
            self.joined = None;
        }
        Ok(added)
    }

    /// Ends the file read in pieces: its rows join the files read so far.
    #[wasm_bindgen(js_name = endPieces)]
    pub fn end_pieces(&mut self) -> Result<(), JsError> {
        let (name, expected) = self.joined.take().ok_or_else(|| JsError::new("no file begun in pieces"))?;
        let (got, sum) = self.gather()?.end_pieces().map_err(refused)?;
        if let Some((size, crc)) = expected {
            // The directory's size modulo 2^32, as the one-piece read compares it.
            check(&name, (got & u64::from(u32::MAX), sum), (size & u64::from(u32::MAX), crc)).map_err(refused)?;
        }
        Ok(())
    }

    /// Rows kept so far.
    pub fn rows(&self) -> f64 {
        self.gather.as_ref().map_or(0.0, |g| g.rows() as f64)
    }

    /// Every file's rows as one table, named `label` in the summary.
    pub fn analysis(&mut self, label: &str) -> Result<super::analysis::Analysis, JsError> {
        let gathered = self
            .gather
            .take()
            .ok_or_else(done)?
            .finish()
            .map_err(refused)?;
        Ok(super::analysis::Analysis {
            file: label.to_string(),
            loaded: gathered.loaded,
            formats: Some(gathered.formats),
            flows: None,
            speaking: None,
            shown: None,
        })
    }
}

impl Files {
    fn gather(&mut self) -> Result<&mut Gather, JsError> {
        self.gather.as_mut().ok_or_else(done)
    }
}

fn done() -> JsError {
    JsError::new("the files were already read to their end")
}
