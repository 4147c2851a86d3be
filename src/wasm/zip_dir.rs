//! A zip's central directory for the page's worker, which reads the slices with `File.slice()`: the tail,
//! the zip64 record when there is one, the directory, each entry's local header.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::to_js;
use crate::ingest::zip::{self, End, Entry, Kind};

/// An entry as the worker sees it: offsets and sizes as numbers (exact up to 2^53 bytes).
#[derive(Serialize, Deserialize)]
pub(super) struct JsEntry {
    name: String,
    /// "data" or "codes"; skipped entries are left out.
    kind: String,
    year: Option<u16>,
    method: u16,
    crc: u32,
    compressed: f64,
    size: f64,
    header_at: f64,
}

impl JsEntry {
    fn new(e: &Entry, kind: &str) -> JsEntry {
        JsEntry {
            name: e.name.clone(),
            kind: kind.to_string(),
            year: e.year(),
            method: e.method,
            crc: e.crc,
            compressed: e.compressed as f64,
            size: e.size as f64,
            header_at: e.header_at as f64,
        }
    }

    pub(super) fn entry(&self) -> Entry {
        Entry {
            name: self.name.clone(),
            method: self.method,
            crc: self.crc,
            compressed: self.compressed as u64,
            size: self.size as u64,
            header_at: self.header_at as u64,
        }
    }
}

/// True for the bytes a zip archive starts with.
#[wasm_bindgen(js_name = isZip)]
pub fn is_zip(head: &[u8]) -> bool {
    zip::is_zip(head)
}

/// How many bytes of the file's end to read for [`zip_end`], and of the zip64 record for [`zip64_end`].
#[wasm_bindgen(js_name = zipTail)]
pub fn zip_tail(size: f64) -> f64 {
    (zip::directory::TAIL as f64).min(size)
}

/// Where the directory is, from the file's tail starting at `tail_at`: `{at, len}`, or `{record_at}` for
/// a zip64 archive, whose 56-byte record at that offset goes to [`zip64_end`].
#[wasm_bindgen(js_name = zipEnd)]
pub fn zip_end(file: &str, tail: &[u8], tail_at: f64) -> Result<JsValue, JsError> {
    located(zip::find_end(file, tail, tail_at as u64).map_err(to_js)?)
}

/// The directory's place, from a zip64 end record.
#[wasm_bindgen(js_name = zip64End)]
pub fn zip64_end(file: &str, record: &[u8]) -> Result<JsValue, JsError> {
    located(zip::zip64_end(file, record).map_err(to_js)?)
}

fn located(end: End) -> Result<JsValue, JsError> {
    let o = js_sys::Object::new();
    let set = |k: &str, v: u64| js_sys::Reflect::set(&o, &k.into(), &JsValue::from_f64(v as f64));
    let ok = match end {
        End::Directory { at, len } => set("at", at).and_then(|_| set("len", len)),
        End::Zip64 { record_at } => set("record_at", record_at),
    };
    ok.map_err(|_| JsError::new("zip archive: the directory's place could not be handed over"))?;
    Ok(o.into())
}

/// The archive's data entries (sorted by name) and its country-code entry, from the directory's bytes:
/// `[{name, kind, year, method, crc, compressed, size, header_at}]`.
#[wasm_bindgen(js_name = zipEntries)]
pub fn zip_entries(file: &str, dir: &[u8]) -> Result<JsValue, JsError> {
    let all = zip::entries(file, dir).map_err(to_js)?;
    let (data, codes) = zip::contents(file, &all).map_err(to_js)?;
    let mut list: Vec<JsEntry> = data.iter().map(|e| JsEntry::new(e, "data")).collect();
    list.extend(
        codes
            .iter()
            .filter(|e| e.kind() == Kind::CountryCodes)
            .map(|e| JsEntry::new(e, "codes")),
    );
    Ok(serde_wasm_bindgen::to_value(&list)?)
}

/// Where an entry's data starts, from the first 30 bytes of its local header.
#[wasm_bindgen(js_name = zipDataAt)]
pub fn zip_data_at(file: &str, entry: JsValue, local: &[u8]) -> Result<f64, JsError> {
    let e: JsEntry = serde_wasm_bindgen::from_value(entry)?;
    Ok(zip::data_at(file, &e.entry(), local).map_err(to_js)? as f64)
}

/// A small entry (the country-code file) inflated whole by the core and checked: its plain bytes.
#[wasm_bindgen(js_name = zipInflate)]
pub fn zip_inflate(file: &str, entry: JsValue, compressed: &[u8]) -> Result<Vec<u8>, JsError> {
    let e: JsEntry = serde_wasm_bindgen::from_value(entry)?;
    let mut reader = zip::EntryReader::new(file, &e.entry(), false).map_err(to_js)?;
    let mut out = Vec::new();
    let mut sink = |b: &[u8]| {
        out.extend_from_slice(b);
        Ok(())
    };
    reader.push(compressed, &mut sink).map_err(to_js)?;
    reader.finish(&mut sink).map_err(to_js)?;
    Ok(out)
}
