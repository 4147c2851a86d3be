use super::baci_line::PlainLine;
use super::country_codes::CountryCodes;
use super::header::require;
use super::note::{About, Note};
use super::product_index::ProductIndex;
use super::fields::Fields;
use super::number::{parse_f64, parse_scaled, parse_u32, parse_year, MAX_CENTS};
use super::problem::{Expected, Problem};
use super::row_error::{Bad, RowError};
use super::RowReader;
use crate::countries::{by_alpha3, by_numeric, by_trade_code};
use crate::hs::HsCode;
use crate::store::{Side, TableBuilder};
use crate::Error;

/// BACI's columns: year, exporter, importer, HS6 product, value (thousand USD), quantity (metric tons).
pub const COLUMNS: [&str; 6] = ["t", "i", "j", "k", "v", "q"];

/// Reads BACI rows. Countries come from the file's own country-code table when given, else from the
/// built-in table ([`crate::countries::by_trade_code`]). Every row is `reconciled`.
pub(crate) struct BaciReader {
    col: [usize; 6],
    codes: Option<CountryCodes>,
    /// Numeric code → builder index, filled on first sight.
    seen: Vec<Option<u16>>,
    source: String,
    /// Meta index by year − 1900 and "quantity given?" (no, yes), `u16::MAX` = not yet made: a BACI row's
    /// meta depends on nothing else, so no row needs hashing.
    metas: Vec<[u16; 2]>,
    /// Product index by HS6 number, for the same reason.
    products: ProductIndex,
    /// The columns are BACI's own `t,i,j,k,v,q`, so [`PlainLine`] can read a line.
    usual_order: bool,
    /// The data file's name, for the notes.
    file: String,
    /// Codes read from the built-in table that are not ISO's (Italy's 381), or that the code file lacks.
    guessed: Vec<u16>,
}

impl BaciReader {
    pub(crate) fn new(file: &str, names: &[String], codes: Option<CountryCodes>) -> Result<BaciReader, Error> {
        let col = require(file, names, COLUMNS, "CEPII BACI")?;
        Ok(BaciReader { col, codes, seen: vec![None; 1000], source: format!("CEPII BACI ({})", file.rsplit(['/', '\\']).next().unwrap_or(file)), metas: vec![[u16::MAX; 2]; 201], products: ProductIndex::new(), usual_order: col == [0, 1, 2, 3, 4, 5], file: file.to_string(), guessed: Vec::new() })
    }

    fn country(&mut self, n: u64, column: &str, raw: &[u8], b: &mut TableBuilder) -> Result<u16, Bad> {
        let code = parse_u32(raw).filter(|c| *c < 1000).ok_or_else(|| RowError::field(n, column, raw, Expected::BaciCode))?;
        if let Some(Some(id)) = self.seen.get(code as usize) {
            return Ok(*id);
        }
        // A code the code file lacks (one of another BACI release) is read from the built-in table, and said
        // once in the notes rather than lost with every row that names it.
        let listed = self.codes.as_ref().and_then(|codes| codes.alpha3(code as u16));
        let built_in = || by_trade_code(code as u16).and_then(|c| c.alpha3.as_bytes().try_into().ok());
        // An area the code file gives a letter code the built-in table lacks is named by its number.
        let unnamed = |a: &[u8; 3]| std::str::from_utf8(a).ok().and_then(by_alpha3).is_none();
        let alpha3 = match listed {
            Some(a) if unnamed(&a) => built_in().or(Some(a)),
            Some(a) => Some(a),
            None => built_in().inspect(|_| {
                if self.codes.is_some() || by_numeric(code as u16).is_none() {
                    self.guessed.push(code as u16);
                }
            }),
        };
        let code_file = self.codes.is_some();
        let alpha3 = alpha3.ok_or_else(|| RowError::field(n, column, raw, Expected::ListedCode { code_file }))?;
        let id = b.country(&alpha3)?.ok_or_else(|| RowError::field(n, column, raw, Expected::BaciCode))?;
        if let Some(slot) = self.seen.get_mut(code as usize) {
            *slot = Some(id);
        }
        Ok(id)
    }
}

impl RowReader for BaciReader {
    fn notes(&self) -> Vec<Note> {
        let mut notes = Vec::new();
        let data_version = super::country_codes::version_of(&self.file);
        if let Some((codes, data)) = self.codes.as_ref().and_then(|c| c.version()).zip(data_version) {
            if codes != data {
                notes.push(Note::new(About::OtherRelease { codes: codes.to_string(), data }));
            }
        }
        if !self.guessed.is_empty() {
            notes.push(Note::new(About::BuiltInCodes { code_file: self.codes.is_some(), codes: self.guessed.clone() }));
        }
        notes
    }

    fn plain_run(&mut self, bytes: &[u8], room: usize, b: &mut TableBuilder) -> (usize, u64) {
        let (mut at, mut lines) = (0, 0);
        if !self.usual_order {
            return (0, 0);
        }
        let known = |v: &[Option<u16>], n: u32| v.get(n as usize).copied().flatten();
        while let Some((l, used)) = bytes.get(at..).filter(|_| (lines as usize) < room).and_then(PlainLine::read) {
            let meta = l.year.checked_sub(1900).and_then(|y| self.metas.get(y as usize)).map(|m| m[usize::from(!l.quantity.is_nan())]);
            let product = self.products.get(l.product);
            match (meta, known(&self.seen, l.exporter), known(&self.seen, l.importer), product) {
                (Some(m), Some(e), Some(i), Some(p)) if m != u16::MAX && l.cents <= MAX_CENTS && e != i => {
                    b.push(m, e, i, p, l.cents, l.quantity);
                    at += used;
                    lines += 1;
                }
                _ => break,
            }
        }
        (at, lines)
    }

    fn row(&mut self, n: u64, line: &[u8], f: &Fields, b: &mut TableBuilder) -> Result<(), Bad> {
        let [c_t, c_i, c_j, c_k, c_v, c_q] = self.col;
        if f.len() < 6 {
            return Err(RowError::line(n, Problem::Fields { found: f.len(), expected: 6, split: false }).into());
        }
        let t = f.get(line, c_t);
        let year = parse_year(t).ok_or_else(|| RowError::field(n, "t", t, Expected::Year))?;
        let exp = self.country(n, "i", f.get(line, c_i), b)?;
        let imp = self.country(n, "j", f.get(line, c_j), b)?;
        let k = f.get(line, c_k);
        let bad_k = || RowError::field(n, "k", k, Expected::BaciHs);
        let k_num = parse_u32(k).filter(|_| k.len() <= 6).ok_or_else(bad_k)?;
        // Products seen before skip the code check; new ones are checked here, interned once the row is good.
        let seen = self.products.get(k_num);
        let hs = if seen.is_some() { HsCode::TOTAL } else { HsCode::from_number(k_num, 6).ok_or_else(bad_k)? };
        let v = f.get(line, c_v);
        let cents = parse_scaled(v, 5)
            .filter(|c| *c >= 0)
            .ok_or_else(|| RowError::field(n, "v", v, Expected::ThousandDollars))?;
        if cents > MAX_CENTS {
            return Err(RowError::field(n, "v", v, Expected::UnderMax).into());
        }
        let q = f.get(line, c_q);
        let qty = if q.is_empty() || q.eq_ignore_ascii_case(b"NA") {
            f64::NAN
        } else {
            let v = parse_f64(q).ok_or_else(|| RowError::field(n, "q", q, Expected::Tons))?;
            if v < 0.0 {
                return Err(RowError::field(n, "q", q, Expected::QuantityNotNegative).into());
            }
            v
        };
        let has_qty = !qty.is_nan();
        let slot = self.metas.get_mut(usize::from(year - 1900)).and_then(|s| s.get_mut(usize::from(has_qty)));
        let meta = match slot {
            Some(m) if *m != u16::MAX => *m,
            _ => {
                let unit = if has_qty { b.unit("t")? } else { 0 };
                let src = b.source(&self.source)?;
                let m = b.meta(year, 0, Side::Reconciled, src, unit)?;
                if let Some(s) = self.metas.get_mut(usize::from(year - 1900)).and_then(|s| s.get_mut(usize::from(has_qty))) {
                    *s = m;
                }
                m
            }
        };
        let product = match seen {
            Some(p) => p,
            None => {
                let p = b.product(hs)?;
                self.products.set(k_num, p);
                p
            }
        };
        // A country's trade with itself is a re-import, as in the other formats (BACI itself has none).
        let meta = match b.rows().metas.get(usize::from(meta)).copied() {
            Some(m) if exp == imp => b.flow_meta(m.year, m.month, m.side, true, m.source, m.unit)?,
            _ => meta,
        };
        b.push(meta, exp, imp, product, cents, qty);
        Ok(())
    }
}
