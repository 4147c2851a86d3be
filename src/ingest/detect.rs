use std::fmt;

use super::fields::Fields;
use super::header::{header_error, names};
use super::baci::BaciReader;
use super::comtrade::ComtradeReader;
use super::comtrade_legacy::{is_legacy, LegacyReader};
use super::country_codes::CountryCodes;
use super::tidy::TidyReader;
use super::RowReader;
use crate::Error;

/// What a file's header may be, for the error when none fits.
pub const EXPECTED: &str = "tidy CSV `year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source`, \
CEPII BACI `t,i,j,k,v,q`, UN Comtrade Plus CSV (refYear, refMonth, reporterCode, flowCode, partnerCode, cmdCode, qty, primaryValue, …), \
or the legacy UN Comtrade CSV (Year, Period, Trade Flow, Reporter Code, Partner Code, Commodity Code, Trade Value (US$), …)";

/// The tidy CSV's header, for the error when a file read as tidy CSV has another.
pub const TIDY_EXPECTED: &str = "tidy CSV `year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source`";

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
        return Err(header_error(file, line, TIDY_EXPECTED));
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
        return Err(header_error(
            file,
            line,
            "a trade file; this is BACI's country-code file: give it beside the BACI data file (load_with_codes, or --codes)",
        ));
    }
    if names.len() == 1 {
        let other = [(b';', "semicolons"), (b'\t', "tabs"), (b'|', "bars")].into_iter().find(|(c, _)| line.contains(c));
        if let Some((_, name)) = other {
            let expected = format!(
                "columns separated by commas, but this header's are separated by {name}: save the file as comma-separated CSV (in Excel: \"CSV UTF-8 (Comma delimited)\")"
            );
            return Err(header_error(file, line, &expected));
        }
    }
    Err(header_error(file, line, EXPECTED))
}
