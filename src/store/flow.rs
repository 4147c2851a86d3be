use std::fmt;

use super::side::Side;

/// Which way goods went, as trade statistics keep it apart: exports and imports of goods made or used at
/// home, and re-exports and re-imports of goods only passing through or coming back.
///
/// A row holds whether it is a re-export or re-import ([`super::Meta::re`]); with the reporting side that
/// names its flow. BACI's reconciled rows are exports and imports at once.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Flow {
    /// Comtrade `X`, legacy `Export`.
    Export,
    /// Comtrade `M`, legacy `Import`.
    Import,
    /// Comtrade `RX`, legacy `Re-Export`.
    ReExport,
    /// Comtrade `RM`, legacy `Re-Import`; also a country's trade with itself.
    ReImport,
}

impl Flow {
    /// What a query counts unless told otherwise.
    pub const DEFAULT: [Flow; 2] = [Flow::Export, Flow::Import];

    /// Every flow.
    pub const ALL: [Flow; 4] = [Flow::Export, Flow::Import, Flow::ReExport, Flow::ReImport];

    /// Reads a flow by its name (`export`, `re-import`, any case), Comtrade Plus code (`X`, `M`, `RX`, `RM`)
    /// or legacy Comtrade name (`Export`, `Re-Export`, …); plurals too (`exports`).
    pub fn parse(s: &[u8]) -> Option<Flow> {
        let s = s.trim_ascii();
        let s = s.strip_suffix(b"s").filter(|t| t.len() > 1).unwrap_or(s);
        let is = |names: &[&[u8]]| names.iter().any(|n| s.eq_ignore_ascii_case(n));
        if is(&[b"X", b"export"]) {
            Some(Flow::Export)
        } else if is(&[b"M", b"import"]) {
            Some(Flow::Import)
        } else if is(&[b"RX", b"re-export", b"reexport"]) {
            Some(Flow::ReExport)
        } else if is(&[b"RM", b"re-import", b"reimport"]) {
            Some(Flow::ReImport)
        } else {
            None
        }
    }

    /// The reporting side and whether the flow is a re-export or re-import.
    pub fn side(self) -> (Side, bool) {
        match self {
            Flow::Export => (Side::Exporter, false),
            Flow::Import => (Side::Importer, false),
            Flow::ReExport => (Side::Exporter, true),
            Flow::ReImport => (Side::Importer, true),
        }
    }

    /// True when a row reported by `side`, re-export or re-import when `re`, is of this flow.
    pub fn holds(self, side: Side, re: bool) -> bool {
        let (s, r) = self.side();
        r == re && (s == side || side == Side::Reconciled)
    }

    /// The lower-case name used in queries.
    pub fn as_str(self) -> &'static str {
        match self {
            Flow::Export => "export",
            Flow::Import => "import",
            Flow::ReExport => "re-export",
            Flow::ReImport => "re-import",
        }
    }
}

impl fmt::Display for Flow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_spelling_and_matches_sides() {
        for (text, flow) in [
            ("X", Flow::Export),
            ("Export", Flow::Export),
            ("exports", Flow::Export),
            ("RM", Flow::ReImport),
            ("Re-Import", Flow::ReImport),
            ("re-exports", Flow::ReExport),
            ("M", Flow::Import),
        ] {
            assert_eq!(Flow::parse(text.as_bytes()), Some(flow), "{text}");
        }
        assert_eq!(Flow::parse(b"S"), None);
        assert_eq!(Flow::parse(b"transit"), None);
        assert!(Flow::Export.holds(Side::Reconciled, false));
        assert!(!Flow::Export.holds(Side::Importer, false));
        assert!(!Flow::Import.holds(Side::Importer, true));
        assert!(Flow::ReImport.holds(Side::Importer, true));
    }
}
