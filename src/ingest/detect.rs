use std::fmt;

use super::fields::Fields;
use super::header::{header_error, names};
use super::refusal::Want;
use super::baci::BaciReader;
use super::comtrade::ComtradeReader;
use super::comtrade_legacy::{is_legacy, LegacyReader};
use super::country_codes::CountryCodes;
use super::tidy::TidyReader;
use super::RowReader;
use crate::Error;

/// A trade file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Format {
    /// Roundabout's own tidy CSV.
    Tidy,
    /// CEPII BACI `t,i,j,k,v,q`.
    Baci,
    /// UN Comtrade Plus CSV.
    Comtrade,
    /// The legacy comtrade.un.org CSV (API downloads and bulk files).
    ComtradeLegacy,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Tidy => "tidy CSV",
            Format::Baci => "CEPII BACI",
            Format::Comtrade => "UN Comtrade Plus CSV",
            Format::ComtradeLegacy => "UN Comtrade CSV (legacy layout)",
        })
    }
}

/// Builds a row reader from a file's header line.
pub(crate) type Pick = fn(&str, &[u8], &Fields, Option<CountryCodes>) -> Result<(Format, Box<dyn RowReader>), Error>;

/// The tidy CSV's row reader, or a header error: only Roundabout's own format is expected.
pub(crate) fn tidy_reader(
    file: &str,
    line: &[u8],
    fields: &Fields,
    _codes: Option<CountryCodes>,
) -> Result<(Format, Box<dyn RowReader>), Error> {
    let names = names(line, fields);
    if !is_tidy(&names) {
        return Err(header_error(file, line, Want::Tidy));
    }
    Ok((Format::Tidy, Box::new(TidyReader::new(file, &names)?)))
}

fn is_tidy(names: &[String]) -> bool {
    names.iter().any(|c| c == "hs") && names.iter().any(|c| c == "value_usd")
}

/// Picks the format whose columns the header holds and builds its row reader.
pub(crate) fn reader(
    file: &str,
    line: &[u8],
    fields: &Fields,
    codes: Option<CountryCodes>,
) -> Result<(Format, Box<dyn RowReader>), Error> {
    let names = names(line, fields);
    let has = |n: &str| names.iter().any(|c| c == n);
    if is_tidy(&names) {
        return Ok((Format::Tidy, Box::new(TidyReader::new(file, &names)?)));
    }
    if names.len() == 6 && ["t", "i", "j", "k", "v"].iter().all(|n| has(n)) {
        return Ok((Format::Baci, Box::new(BaciReader::new(file, &names, codes)?)));
    }
    if has("refYear") && has("cmdCode") && (has("primaryValue") || has("flowCode")) {
        return Ok((Format::Comtrade, Box::new(ComtradeReader::new(file, &names)?)));
    }
    if is_legacy(&names) {
        return Ok((Format::ComtradeLegacy, Box::new(LegacyReader::new(file, &names)?)));
    }
    if has("country_code") && (has("country_iso3") || has("iso_3digit_alpha")) {
        return Err(header_error(file, line, Want::NotCodeFile));
    }
    if names.len() == 1 {
        if let Some(other) = [b';', b'\t', b'|'].into_iter().find(|c| line.contains(c)) {
            return Err(header_error(file, line, Want::Commas(other)));
        }
    }
    Err(header_error(file, line, Want::AnyFormat))
}
