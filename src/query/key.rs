use std::fmt;

/// What rows can be grouped by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Key {
    /// Exporter, as an ISO3 code.
    Exporter,
    /// Importer, as an ISO3 code.
    Importer,
    /// Year.
    Year,
    /// Month (empty for annual rows).
    Month,
    /// HS chapter (2 digits); `TOTAL` rows keep `TOTAL`.
    Hs2,
    /// HS heading (4 digits); coarser codes stay as they are.
    Hs4,
    /// HS subheading (6 digits); coarser codes stay as they are.
    Hs6,
    /// The product's group for the map's colours (`CHPL-1` … `CHPL-4.B`, `OTHER`, `TOTAL`; see [`crate::hs::Group`]).
    ProductGroup,
    /// Who reported the flow.
    ReportedBy,
    /// The source text.
    Source,
}

impl Key {
    /// The key's name, as in queries and CSV headers.
    pub fn name(self) -> &'static str {
        match self {
            Key::Exporter => "exporter",
            Key::Importer => "importer",
            Key::Year => "year",
            Key::Month => "month",
            Key::Hs2 => "hs2",
            Key::Hs4 => "hs4",
            Key::Hs6 => "hs6",
            Key::ProductGroup => "product_group",
            Key::ReportedBy => "reported_by",
            Key::Source => "source",
        }
    }

    /// Every key.
    pub const ALL: [Key; 10] = [
        Key::Exporter,
        Key::Importer,
        Key::Year,
        Key::Month,
        Key::Hs2,
        Key::Hs4,
        Key::Hs6,
        Key::ProductGroup,
        Key::ReportedBy,
        Key::Source,
    ];

    /// Reads a key by its name.
    pub fn parse(s: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The value of one group key in an answer row: ready to print as a CSV cell and to compare.
///
/// Years and months are numbers; countries, HS codes (with their leading zeros), sides and sources are
/// text; a month on an annual row is `Empty`, which prints as an empty cell.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(untagged)]
pub enum KeyValue {
    /// No value (the month of an annual row).
    Empty,
    /// A year or month.
    Number(u32),
    /// A country code, HS code, side or source.
    Text(String),
}

impl KeyValue {
    /// A text key's text; "" for a number or nothing.
    pub fn text(&self) -> &str {
        match self {
            KeyValue::Text(t) => t,
            _ => "",
        }
    }
}

impl fmt::Display for KeyValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyValue::Empty => Ok(()),
            KeyValue::Number(n) => write!(f, "{n}"),
            KeyValue::Text(t) => f.write_str(t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in Key::ALL {
            assert_eq!(Key::parse(k.name()), Some(k));
        }
        assert_eq!(Key::parse("HS2"), Some(Key::Hs2));
        assert_eq!(Key::parse("partner"), None);
    }

    #[test]
    fn values_print_as_cells() {
        assert_eq!(KeyValue::Number(2021).to_string(), "2021");
        assert_eq!(KeyValue::Text("010121".into()).to_string(), "010121");
        assert_eq!(KeyValue::Empty.to_string(), "");
    }
}
