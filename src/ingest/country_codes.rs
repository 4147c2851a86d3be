use rustc_hash::FxHashMap;

use super::header::header_error;
use super::refusal::Want;
use super::fields::Fields;
use super::lines::for_each_line;
use super::number::parse_u32;
use crate::Error;

/// The columns of BACI's country-code file (current and older spellings of the alpha-3 column).
pub const COLUMNS: &str = "country_code,country_name,country_iso2,country_iso3";

/// BACI's numeric country codes read from its `country_codes_V*.csv`, mapped to alpha-3 codes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CountryCodes {
    by_code: FxHashMap<u16, [u8; 3]>,
    /// The BACI release its name gives (`V202401` of `country_codes_V202401.csv`), if any.
    version: Option<String>,
}

/// The BACI release a file's name gives: `V` and six digits (`BACI_HS17_Y2023_V202401.csv` → `V202401`).
pub fn version_of(file: &str) -> Option<String> {
    let b = file.as_bytes();
    (0..b.len().saturating_sub(6))
        .find(|&i| b[i] == b'V' && b[i + 1..i + 7].iter().all(u8::is_ascii_digit) && b.get(i + 7).is_none_or(|c| !c.is_ascii_digit()))
        .map(|i| file[i..i + 7].to_string())
}

impl CountryCodes {
    /// Reads a country-code file (`country_code,country_name,country_iso2,country_iso3`, or the older
    /// `…,iso_3digit_alpha`). Rows without a usable alpha-3 code are left out.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<CountryCodes, Error> {
        let mut fields = Fields::default();
        let mut cols: Option<(usize, usize)> = None;
        let mut by_code = FxHashMap::default();
        for_each_line(file, bytes, |n, line| {
            fields.split(line);
            let Some((code, iso3)) = cols else {
                let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
                fields.split(line);
                let names = super::header::names(line, &fields);
                let find = |ns: &[&str]| names.iter().position(|c| ns.contains(&c.as_str()));
                match (find(&["country_code"]), find(&["country_iso3", "iso_3digit_alpha"])) {
                    (Some(c), Some(i)) => cols = Some((c, i)),
                    _ => return Err(header_error(file, line, Want::CodeFile(COLUMNS))),
                }
                return Ok(());
            };
            let raw = fields.get(line, code);
            if raw.is_empty() {
                return Ok(());
            }
            let num = parse_u32(raw).and_then(|v| u16::try_from(v).ok()).ok_or_else(|| Error::Row {
                file: file.to_string(),
                line: n,
                column: Some("country_code".to_string()),
                message: format!("found `{}`, expected a numeric country code", String::from_utf8_lossy(raw)),
            })?;
            if let [a, b, c] = fields.get(line, iso3) {
                if [a, b, c].iter().all(|x| x.is_ascii_alphanumeric()) {
                    by_code.insert(num, [a.to_ascii_uppercase(), b.to_ascii_uppercase(), c.to_ascii_uppercase()]);
                }
            }
            Ok(())
        })?;
        if cols.is_none() {
            return Err(header_error(file, b"", Want::CodeFile(COLUMNS)));
        }
        Ok(CountryCodes { by_code, version: version_of(file) })
    }

    /// The alpha-3 code of a numeric code.
    pub fn alpha3(&self, code: u16) -> Option<[u8; 3]> {
        self.by_code.get(&code).copied()
    }

    /// The BACI release the file's name gives, e.g. `V202401`.
    pub fn version(&self) -> Option<&str> {
        self.version.as_deref()
    }

    /// How many codes the file gave.
    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    /// True when the file gave no codes.
    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_current_and_old_layouts() {
        let cur = "country_code,country_name,country_iso2,country_iso3\n842,USA,US,USA\n490,\"Other Asia, nes\",,S19\n999,Nowhere,,\n";
        let c = CountryCodes::parse("cc.csv", cur.as_bytes()).unwrap_or_default();
        assert_eq!(c.alpha3(842), Some(*b"USA"));
        assert_eq!(c.alpha3(490), Some(*b"S19"));
        assert_eq!(c.alpha3(999), None);
        let old = "country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n251,France,France,FR,FRA\n";
        assert_eq!(CountryCodes::parse("old.csv", old.as_bytes()).ok().and_then(|c| c.alpha3(251)), Some(*b"FRA"));
        let bad = CountryCodes::parse("x.csv", b"a,b\n1,2\n").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(bad.starts_with("x.csv:") && bad.contains("country_iso3"), "{bad}");
    }
}
