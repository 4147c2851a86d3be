//! Why a file is refused before any row is read: it is not CSV text, or its header fits no format. In
//! English (`Display`, for the command line and the errors) and in the page's other languages
//! ([`Refusal::said_in`], [`Want::said_in`], for the page's worker).

use std::fmt;

use crate::lang::Lang;

/// The tidy CSV's header, for the error when a file read as tidy CSV has another.
pub const TIDY: &str = "tidy CSV `year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source`";
/// The formats every language names alike, all but the last.
const FORMATS: &str = "tidy CSV `year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source`, \
CEPII BACI `t,i,j,k,v,q`, UN Comtrade Plus CSV (refYear, refMonth, reporterCode, flowCode, partnerCode, cmdCode, qty, primaryValue, …)";
/// The last format's columns.
const LEGACY: &str = "(Year, Period, Trade Flow, Reporter Code, Partner Code, Commodity Code, Trade Value (US$), …)";

/// The formats read, as a header should name one of them.
pub fn formats_in(lang: Lang) -> String {
    let or = lang.translated(["або застарілий", "или устаревший"]).unwrap_or(", or the legacy");
    format!("{FORMATS}{}{or} UN Comtrade CSV {LEGACY}", if lang == Lang::En { "" } else { " " })
}

/// A file that is not CSV text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    /// A zip archive, or an Excel `.xlsx` file (one too).
    Zip,
    Utf16,
    /// A control byte, found on `line` at the file's byte `at` (1-based).
    Binary { line: usize, byte: u8, at: usize },
}

impl Refusal {
    /// The refusal in `lang`: English as its `Display` gives it.
    pub fn said_in(&self, lang: Lang) -> String {
        let say = |words| lang.translated(words);
        let Some(said) = (match self {
            Refusal::Empty => say([
                "файл порожній; очікувалися рядок заголовка, а далі по одному запису в рядку:",
                "файл пуст; ожидались строка заголовка, а затем по одной записи в строке:",
            ])
            .map(|s| format!("{s} {}", formats_in(lang))),
            Refusal::Zip => say([
                "це zip-архів (або файл Excel .xlsx), а не текст CSV: розпакуйте його чи збережіть аркуш як CSV і завантажте файл .csv",
                "это zip-архив (или файл Excel .xlsx), а не текст CSV: распакуйте его или сохраните лист как CSV и загрузите файл .csv",
            ])
            .map(str::to_string),
            Refusal::Utf16 => say([
                "це текст UTF-16 (\"Unicode text\" з Excel); очікувався UTF-8: збережіть його як \"CSV UTF-8\"",
                "это текст UTF-16 (\"Unicode text\" из Excel); ожидался UTF-8: сохраните его как \"CSV UTF-8\"",
            ])
            .map(str::to_string),
            Refusal::Binary { line, byte, at } => lang.translated([
                format!("рядок {line}: керівний байт 0x{byte:02X} на байті {at}; очікувався текст CSV, це схоже на двійковий файл"),
                format!("строка {line}: управляющий байт 0x{byte:02X} на байте {at}; ожидался текст CSV, это похоже на двоичный файл"),
            ]),
        }) else {
            return self.to_string();
        };
        said
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Empty => write!(f, "the file is empty; expected a header line, then one row a line: {}", formats_in(Lang::En)),
            Refusal::Zip => f.write_str("this is a zip archive (or an Excel .xlsx file), not CSV text: unzip it, or save the sheet as CSV, and load the .csv file"),
            Refusal::Utf16 => f.write_str("this is UTF-16 text (Excel's \"Unicode text\"); expected UTF-8: save it as \"CSV UTF-8\""),
            Refusal::Binary { line, byte, at } => {
                write!(f, "line {line}: found the control byte 0x{byte:02X} at byte {at}; expected CSV text, this looks like a binary file")
            }
        }
    }
}

/// What a header should have been.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Want {
    /// Any of the formats read ([`formats_in`]).
    AnyFormat,
    /// Roundabout's tidy CSV ([`TIDY`]).
    Tidy,
    /// A format's columns, some of them missing.
    Columns { format: String, wanted: String, missing: String },
    /// BACI's country-code file, whose columns are these.
    CodeFile(&'static str),
    /// A trade file, where BACI's country-code file was given alone.
    NotCodeFile,
    /// Columns separated by commas, where the header's are separated by this byte (`;`, tab or `|`).
    Commas(u8),
    /// These columns exactly.
    Exactly(String),
}

impl Want {
    /// What was wanted, in `lang`: English as its `Display` gives it.
    pub fn said_in(&self, lang: Lang) -> String {
        let say = |words| lang.translated(words);
        let said = match self {
            Want::AnyFormat => return formats_in(lang),
            Want::Columns { format, wanted, missing } => {
                say(["зі стовпцями", "со столбцами"]).zip(say(["бракує", "не хватает"])).map(|(with, lacking)| format!("{format} {with} {wanted} ({lacking}: {missing})"))
            }
            Want::CodeFile(columns) => say(["файл кодів країн BACI", "файл кодов стран BACI"]).map(|s| format!("{s} `{columns}`")),
            Want::NotCodeFile => say([
                "файл торгівлі; це файл кодів країн BACI: дайте його разом із файлом даних BACI",
                "файл торговли; это файл кодов стран BACI: дайте его вместе с файлом данных BACI",
            ])
            .map(str::to_string),
            Want::Commas(byte) => {
                let by = match byte {
                    b';' => say(["крапку з комою", "точку с запятой"]),
                    b'\t' => say(["табуляцію", "табуляцию"]),
                    _ => say(["вертикальну риску", "вертикальную черту"]),
                };
                let save = say([
                    "збережіть файл як CSV із комами (в Excel: \"CSV UTF-8 (Comma delimited)\")",
                    "сохраните файл как CSV с запятыми (в Excel: \"CSV UTF-8 (Comma delimited)\")",
                ]);
                let head = say(["стовпці через кому, а в цьому заголовку — через", "столбцы через запятую, а в этом заголовке — через"]);
                head.zip(by).zip(save).map(|((head, by), save)| format!("{head} {by}: {save}"))
            }
            Want::Tidy | Want::Exactly(_) => None,
        };
        said.unwrap_or_else(|| self.to_string())
    }
}

impl fmt::Display for Want {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Want::AnyFormat => f.write_str(&formats_in(Lang::En)),
            Want::Tidy => f.write_str(TIDY),
            Want::Columns { format, wanted, missing } => write!(f, "{format} with columns {wanted} (missing: {missing})"),
            Want::CodeFile(columns) => write!(f, "a BACI country-code file `{columns}`"),
            Want::NotCodeFile => f.write_str(
                "a trade file; this is BACI's country-code file: give it beside the BACI data file (load_with_codes, or --codes)",
            ),
            Want::Commas(byte) => {
                let name = match byte {
                    b';' => "semicolons",
                    b'\t' => "tabs",
                    _ => "bars",
                };
                write!(f, "columns separated by commas, but this header's are separated by {name}: save the file as comma-separated CSV (in Excel: \"CSV UTF-8 (Comma delimited)\")")
            }
            Want::Exactly(columns) => f.write_str(columns),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formats_read_in_each_language() {
        assert!(formats_in(Lang::En).ends_with("primaryValue, …), or the legacy UN Comtrade CSV (Year, Period, Trade Flow, Reporter Code, Partner Code, Commodity Code, Trade Value (US$), …)"));
        assert!(formats_in(Lang::Uk).contains("primaryValue, …) або застарілий UN Comtrade CSV (Year,"));
        assert_eq!(Refusal::Binary { line: 2, byte: 0x1a, at: 7 }.said_in(Lang::Ru), "строка 2: управляющий байт 0x1A на байте 7; ожидался текст CSV, это похоже на двоичный файл");
        assert_eq!(Want::Commas(b';').said_in(Lang::Uk), "стовпці через кому, а в цьому заголовку — через крапку з комою: збережіть файл як CSV із комами (в Excel: \"CSV UTF-8 (Comma delimited)\")");
        assert_eq!(Want::Tidy.said_in(Lang::Uk), TIDY);
    }
}
