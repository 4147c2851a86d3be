use std::fmt;

/// Who reported a flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The exporting country's report.
    Exporter,
    /// The importing country's report.
    Importer,
    /// A figure reconciled from both reports, as in BACI.
    Reconciled,
}

impl Side {
    /// Reads `exporter`, `importer` or `reconciled` (any case).
    pub fn parse(s: &[u8]) -> Option<Side> {
        if s.eq_ignore_ascii_case(b"exporter") {
            Some(Side::Exporter)
        } else if s.eq_ignore_ascii_case(b"importer") {
            Some(Side::Importer)
        } else if s.eq_ignore_ascii_case(b"reconciled") {
            Some(Side::Reconciled)
        } else {
            None
        }
    }

    /// The lower-case name used in files and queries.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Exporter => "exporter",
            Side::Importer => "importer",
            Side::Reconciled => "reconciled",
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_names() {
        for s in [Side::Exporter, Side::Importer, Side::Reconciled] {
            assert_eq!(Side::parse(s.as_str().as_bytes()), Some(s));
        }
        assert_eq!(Side::parse(b"Importer"), Some(Side::Importer));
        assert_eq!(Side::parse(b"both"), None);
    }
}
