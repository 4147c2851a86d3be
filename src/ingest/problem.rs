//! What was wrong with a bad row, in English (its `Display`, for the command line and the errors) and in
//! the page's other languages ([`Problem::said_in`], for the page's worker).

use std::fmt;

use crate::lang::Lang;

/// What was wrong with a bad row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A field's value (cut to a readable length) and what was expected there.
    Value { found: String, expected: Expected },
    /// A line with fewer fields than its format needs, or (`split`) more than its header has, as a comma in
    /// an unquoted number makes.
    Fields { found: usize, expected: usize, split: bool },
    /// A quoted field still open after `within` lines, or (none) at the end of the file.
    Unclosed { within: Option<usize> },
}

/// What a field should have held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    Year,
    MonthOrNothing,
    ComtradeMonth,
    ComtradeFlow,
    LegacyPeriod,
    LegacyFlow,
    Alpha3,
    /// A Comtrade reporter or partner: its ISO3 column, or the code column named.
    KnownCountry { code_column: String },
    BaciCode,
    /// A BACI code neither the code file (when given) nor the built-in table lists.
    ListedCode { code_file: bool },
    TidyHs,
    ComtradeHs,
    BaciHs,
    /// Tidy dollars; `comma`: the value held a comma, so the hint says how to write it.
    Dollars { comma: bool },
    ComtradeDollars,
    ThousandDollars,
    UnderMax,
    NumberOrNothing,
    QuantityNotNegative,
    Tons,
    Side,
}

impl Expected {
    /// The English words, as the errors and the command line give them.
    fn english(&self) -> String {
        let text = match self {
            Expected::Year => "a year 1900..2100",
            Expected::MonthOrNothing => "a month 1..12 or nothing",
            Expected::ComtradeMonth => "52 (annual) or a month 1..12",
            Expected::ComtradeFlow => "X, RX, M or RM",
            Expected::LegacyPeriod => "a year (2019) or a month (201903)",
            Expected::LegacyFlow => "Export, Import, Re-Export or Re-Import",
            Expected::Alpha3 => "an ISO 3166-1 alpha-3 code",
            Expected::KnownCountry { code_column } => return format!("an ISO3 code, or a known country code in `{code_column}`"),
            Expected::BaciCode => "a BACI country code",
            Expected::ListedCode { code_file: true } => "a country code listed in the country-code file or the built-in country table",
            Expected::ListedCode { code_file: false } => "a country code listed in the built-in country table",
            Expected::TidyHs => "an HS code of 2, 4 or 6 digits, or TOTAL",
            Expected::ComtradeHs => "TOTAL or an HS code of 2, 4 or 6 digits",
            Expected::BaciHs => "an HS6 code of up to 6 digits",
            Expected::Dollars { comma: false } => "a non-negative amount in US dollars",
            Expected::Dollars { comma: true } => "a non-negative amount in US dollars (`.` before cents, no thousands separators)",
            Expected::ComtradeDollars => "a non-negative value in US dollars",
            Expected::ThousandDollars => "a non-negative value in thousand US dollars",
            Expected::UnderMax => "an amount under 10^15 US dollars",
            Expected::NumberOrNothing => "a number or nothing",
            Expected::QuantityNotNegative => "a quantity of zero or more",
            Expected::Tons => "a quantity in metric tons, NA or nothing",
            Expected::Side => "exporter, importer or reconciled",
        };
        text.to_string()
    }

    /// The words in `lang`, Ukrainian or Russian (English is [`Expected::english`]).
    fn translated(&self, lang: Lang) -> Option<String> {
        let words = match self {
            Expected::Year => ["рік від 1900 до 2100", "год от 1900 до 2100"],
            Expected::MonthOrNothing => ["місяць від 1 до 12 або нічого", "месяц от 1 до 12 или ничего"],
            Expected::ComtradeMonth => ["52 (річні дані) або місяць від 1 до 12", "52 (годовые данные) или месяц от 1 до 12"],
            Expected::ComtradeFlow => ["X, RX, M або RM", "X, RX, M или RM"],
            Expected::LegacyPeriod => ["рік (2019) або місяць (201903)", "год (2019) или месяц (201903)"],
            Expected::LegacyFlow => ["Export, Import, Re-Export або Re-Import", "Export, Import, Re-Export или Re-Import"],
            Expected::Alpha3 => ["код ISO 3166-1 alpha-3", "код ISO 3166-1 alpha-3"],
            Expected::KnownCountry { code_column } => {
                let words = lang.translated(["код ISO3 або відомий код країни в", "код ISO3 или известный код страны в"]);
                return words.map(|w| format!("{w} `{code_column}`"));
            }
            Expected::BaciCode => ["код країни BACI", "код страны BACI"],
            Expected::ListedCode { code_file: true } => {
                ["код країни з файлу кодів країн або вбудованої таблиці країн", "код страны из файла кодов стран или встроенной таблицы стран"]
            }
            Expected::ListedCode { code_file: false } => ["код країни з вбудованої таблиці країн", "код страны из встроенной таблицы стран"],
            Expected::TidyHs => ["код ГС із 2, 4 або 6 цифр чи TOTAL", "код ГС из 2, 4 или 6 цифр либо TOTAL"],
            Expected::ComtradeHs => ["TOTAL або код ГС із 2, 4 чи 6 цифр", "TOTAL или код ГС из 2, 4 либо 6 цифр"],
            Expected::BaciHs => ["код ГС6 не довше 6 цифр", "код ГС6 не длиннее 6 цифр"],
            Expected::Dollars { comma: false } => ["невід'ємна сума в доларах США", "неотрицательная сумма в долларах США"],
            Expected::Dollars { comma: true } => [
                "невід'ємна сума в доларах США (`.` перед центами, без розділювачів тисяч)",
                "неотрицательная сумма в долларах США (`.` перед центами, без разделителей тысяч)",
            ],
            Expected::ComtradeDollars => ["невід'ємна вартість у доларах США", "неотрицательная стоимость в долларах США"],
            Expected::ThousandDollars => ["невід'ємна вартість у тисячах доларів США", "неотрицательная стоимость в тысячах долларов США"],
            Expected::UnderMax => ["сума менше 10^15 доларів США", "сумма меньше 10^15 долларов США"],
            Expected::NumberOrNothing => ["число або нічого", "число или ничего"],
            Expected::QuantityNotNegative => ["кількість від нуля", "количество от нуля"],
            Expected::Tons => ["кількість у метричних тоннах, NA або нічого", "количество в метрических тоннах, NA или ничего"],
            Expected::Side => ["exporter, importer або reconciled", "exporter, importer или reconciled"],
        };
        lang.translated(words).map(str::to_string)
    }
}

impl Problem {
    /// The problem in `lang`: English as its `Display` gives it.
    pub fn said_in(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let say = |words: [&'static str; 2]| lang.translated(words).unwrap_or_default();
        match self {
            Problem::Value { found, expected } => {
                let expected = expected.translated(lang).unwrap_or_default();
                format!("{} `{found}`, {}: {expected}", say(["знайдено", "найдено"]), say(["очікувалося", "ожидалось"]))
            }
            Problem::Fields { found, expected, split } => {
                let why = match split {
                    true => say([
                        ", як у заголовку; кома в значенні без лапок розділяє його (пишіть 1000.50, а не 1,000.50 чи 1000,50)",
                        ", как в заголовке; запятая в значении без кавычек разделяет его (пишите 1000.50, а не 1,000.50 или 1000,50)",
                    ]),
                    false => "",
                };
                format!("{}: {found}, {} {expected}{why}", say(["полів", "полей"]), say(["очікувалося", "ожидалось"]))
            }
            Problem::Unclosed { within } => {
                let till = match within {
                    Some(n) => format!("за {n} {}", say(["рядків", "строк"])),
                    None => say(["до кінця файлу", "до конца файла"]).to_string(),
                };
                let (open, closing) = (
                    say(["поле в лапках, відкрите в цьому рядку, не закрито", "поле в кавычках, открытое в этой строке, не закрыто"]),
                    say(["очікувалися закривні лапки", "ожидалась закрывающая кавычка"]),
                );
                format!("{open} {till}; {closing} `\"`")
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Value { found, expected } => write!(f, "found `{found}`, expected {}", expected.english()),
            Problem::Fields { found, expected, split: false } => write!(f, "found {found} fields, expected {expected}"),
            Problem::Fields { found, expected, split: true } => write!(
                f,
                "found {found} fields, expected {expected} as in the header; a comma inside an unquoted value splits it (write 1000.50, not 1,000.50 or 1000,50)"
            ),
            Problem::Unclosed { within: Some(n) } => {
                write!(f, "a quoted field opened on this line is not closed within {n} lines; expected a closing `\"`")
            }
            Problem::Unclosed { within: None } => {
                write!(f, "a quoted field opened on this line is not closed before the end of the file; expected a closing `\"`")
            }
        }
    }
}
