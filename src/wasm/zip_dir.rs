//! A zip's central directory for the page's worker, which reads the slices with `File.slice()`: the tail,
//! the zip64 record when there is one, the directory, each entry's local header.

use wasm_bindgen::prelude::*;

use super::{page_language, refused};
use crate::ingest::zip::{self, End, Entry, Kind};
use crate::story::language::words::Words;

/// An entry as the worker sees it: offsets and sizes as numbers (exact up to 2^53 bytes). A class rather
/// than a plain object, so that it comes back without a deserializer in the module.
#[wasm_bindgen]
pub struct ZipEntry {
    pub(super) entry: Entry,
    kind: Kind,
}

#[wasm_bindgen]
impl ZipEntry {
    /// The path inside the archive.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.entry.name.clone()
    }

    /// "data", "codes" (BACI's country-code file) or "story" (a saved story's story.json); skipped entries
    /// are left out.
    #[wasm_bindgen(getter)]
    pub fn kind(&self) -> String {
        match self.kind {
            Kind::CountryCodes => "codes",
            Kind::Story => "story",
            _ => "data",
        }
        .to_string()
    }

    /// The year in a BACI entry's name.
    #[wasm_bindgen(getter)]
    pub fn year(&self) -> Option<u16> {
        self.entry.year()
    }

    /// 0 stored, 8 deflated.
    #[wasm_bindgen(getter)]
    pub fn method(&self) -> u16 {
        self.entry.method
    }

    /// Bytes once inflated.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> f64 {
        self.entry.size as f64
    }

    /// Bytes as stored.
    #[wasm_bindgen(getter)]
    pub fn compressed(&self) -> f64 {
        self.entry.compressed as f64
    }

    /// Where its local header starts.
    #[wasm_bindgen(getter)]
    pub fn header_at(&self) -> f64 {
        self.entry.header_at as f64
    }
}

/// True for the bytes a zip archive starts with.
#[wasm_bindgen(js_name = isZip)]
pub fn is_zip(head: &[u8]) -> bool {
    zip::is_zip(head)
}

/// How many bytes of the file's end to read for [`zip_end`].
#[wasm_bindgen(js_name = zipTail)]
pub fn zip_tail(size: f64) -> f64 {
    (zip::directory::TAIL as f64).min(size)
}

/// Where the directory is, from the file's tail starting at `tail_at`: `{at, len}`, or `{record_at}` for
/// a zip64 archive, whose 56-byte record at that offset goes to [`zip64_end`].
#[wasm_bindgen(js_name = zipEnd)]
pub fn zip_end(file: &str, tail: &[u8], tail_at: f64) -> Result<JsValue, JsError> {
    located(zip::find_end(file, tail, tail_at as u64).map_err(refused)?)
}

/// The directory's place, from a zip64 end record.
#[wasm_bindgen(js_name = zip64End)]
pub fn zip64_end(file: &str, record: &[u8]) -> Result<JsValue, JsError> {
    located(zip::zip64_end(file, record).map_err(refused)?)
}

fn located(end: End) -> Result<JsValue, JsError> {
    let n = |v: u64| JsValue::from_f64(v as f64);
    match end {
        End::Directory { at, len } => object(&[("at", n(at)), ("len", n(len))], "the directory's place"),
        End::Zip64 { record_at } => object(&[("record_at", n(record_at))], "the directory's place"),
    }
}

/// A plain object of `fields`, for the worker's script; `what` names it in the error that cannot happen
/// short of a broken JS engine.
fn object(fields: &[(&str, JsValue)], what: &str) -> Result<JsValue, JsError> {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        js_sys::Reflect::set(&o, &(*k).into(), v).map_err(|_| JsError::new(&format!("zip archive: {what} could not be handed over")))?;
    }
    Ok(o.into())
}

/// The archive's data entries (sorted by name), then its country-code entry and a saved story's
/// story.json, from the directory's bytes.
#[wasm_bindgen(js_name = zipEntries)]
pub fn zip_entries(file: &str, dir: &[u8]) -> Result<Vec<ZipEntry>, JsError> {
    let all = zip::entries(file, dir).map_err(refused)?;
    let (data, codes) = zip::contents(file, &all).map_err(refused)?;
    let story = all.into_iter().find(|e| e.kind() == Kind::Story);
    let entry = |entry: Entry| ZipEntry { kind: entry.kind(), entry };
    Ok(data.into_iter().chain(codes).chain(story).map(entry).collect())
}

/// Where an entry's data starts, from the first 30 bytes of its local header.
#[wasm_bindgen(js_name = zipDataAt)]
pub fn zip_data_at(file: &str, entry: &ZipEntry, local: &[u8]) -> Result<f64, JsError> {
    Ok(zip::data_at(file, &entry.entry, local).map_err(refused)? as f64)
}

/// What the page says when the browser's inflater fails on `entry` with `why`: the core's words for a
/// damaged entry, as when the core inflates it.
#[wasm_bindgen(js_name = zipDamaged)]
pub fn zip_damaged(file: &str, entry: &ZipEntry, why: &str) -> String {
    zip::damaged(&format!("{file}/{}", entry.entry.name), why).to_string()
}

/// A small entry (the country-code file) inflated whole by the core and checked: its plain bytes.
#[wasm_bindgen(js_name = zipInflate)]
pub fn zip_inflate(file: &str, entry: &ZipEntry, compressed: &[u8]) -> Result<Vec<u8>, JsError> {
    let mut reader = zip::EntryReader::new(file, &entry.entry, false).map_err(refused)?;
    let mut out = Vec::new();
    let mut sink = |b: &[u8]| {
        out.extend_from_slice(b);
        Ok(())
    };
    reader.push(compressed, &mut sink).map_err(refused)?;
    reader.finish(&mut sink).map_err(refused)?;
    Ok(out)
}

/// The offer of the data tables of `files` (their names, as the page lists them), `sizes` bytes each once
/// inflated, in the page's language: `{tables, said, tooMany}`, each table's rows about, the line above them,
/// and whether they are too many to keep whole.
#[wasm_bindgen(js_name = zipOffer)]
pub fn zip_offer(files: &str, sizes: Vec<f64>) -> Result<JsValue, JsError> {
    let offer = Words(page_language()).zip_offer(files, &sizes);
    let tables: js_sys::Array = offer.tables.iter().map(|t| JsValue::from_str(t)).collect();
    object(&[("tables", tables.into()), ("said", offer.said.into()), ("tooMany", offer.too_many.into())], "the offer")
}
