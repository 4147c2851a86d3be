use super::side::Side;

/// What many rows share: period, reporting side, source and unit. Each row holds a 2-byte index to one.
///
/// Few distinct combinations occur in practice (years × months × sides × sources × units), which is what
/// keeps a row at 20 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Meta {
    /// The year.
    pub year: u16,
    /// The month 1..=12, or 0 for a whole year.
    pub month: u8,
    /// Who reported the flow.
    pub side: Side,
    /// A re-export or re-import (see [`super::Flow`]), kept apart from exports and imports.
    pub re: bool,
    /// Index into the table's sources.
    pub source: u16,
    /// Index into the table's units; 0 is "no unit".
    pub unit: u16,
}
