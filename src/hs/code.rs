use std::fmt;

/// The product groups' tokens (see `Group::code`), by the number a token carries: all goods, the CHPL
/// tiers in order, other goods. Kept here, with the codes that read and print them, so that codes do not
/// depend on groups.
const TOKENS: [&str; 8] = ["TOTAL", "CHPL-1", "CHPL-2", "CHPL-3.A", "CHPL-3.B", "CHPL-4.A", "CHPL-4.B", "OTHER"];

/// A product: an HS code of 2, 4 or 6 digits, [`HsCode::TOTAL`] (all goods), or a product group's token
/// (see `Group::code`).
///
/// Leading zeros are kept by the digit count: `HsCode::parse("010121")` prints as `010121`.
///
/// ```
/// use roundabout::hs::HsCode;
/// let c = HsCode::parse(b"854231").unwrap();
/// assert_eq!(c.to_string(), "854231");
/// assert_eq!(c.truncate(4).to_string(), "8542");
/// assert!(HsCode::parse(b"TOTAL").unwrap().is_total());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HsCode {
    digits: u8,
    code: u32,
}

impl HsCode {
    /// All goods together.
    pub const TOTAL: HsCode = HsCode { digits: 0, code: 0 };

    /// Reads `TOTAL`, a group's token or a code of exactly 2, 4 or 6 ASCII digits.
    pub fn parse(s: &[u8]) -> Option<HsCode> {
        if s.eq_ignore_ascii_case(b"TOTAL") {
            return Some(HsCode::TOTAL);
        }
        // Groups' tokens as the cut writes them, in capitals.
        if let Some(i) = TOKENS.iter().position(|t| t.as_bytes() == s) {
            return Some(HsCode::token(i as u32));
        }
        if !matches!(s.len(), 2 | 4 | 6) {
            return None;
        }
        let mut code = 0u32;
        for &b in s {
            if !b.is_ascii_digit() {
                return None;
            }
            code = code * 10 + u32::from(b - b'0');
        }
        Some(HsCode { digits: s.len() as u8, code })
    }

    /// Builds a code from its number and digit count (2, 4 or 6), e.g. BACI's `10121` with 6 → `010121`.
    pub fn from_number(code: u32, digits: u8) -> Option<HsCode> {
        let limit = 10u32.checked_pow(u32::from(digits))?;
        (matches!(digits, 2 | 4 | 6) && code < limit).then_some(HsCode { digits, code })
    }

    /// A code from its [`HsCode::digits`] and [`HsCode::number`], as [`crate::store::wire`] writes it; `None`
    /// for a pair no code has.
    pub(crate) fn from_parts(digits: u8, code: u32) -> Option<HsCode> {
        match digits {
            0 => ((code as usize) < TOKENS.len()).then_some(HsCode { digits, code }),
            _ => HsCode::from_number(code, digits),
        }
    }

    /// A group's token: no digits, the group's place.
    pub(super) const fn token(code: u32) -> HsCode {
        HsCode { digits: 0, code }
    }

    /// True for the all-goods code.
    pub fn is_total(self) -> bool {
        self.digits == 0 && self.code == 0
    }

    /// The digit count: 2, 4, 6, or 0 for `TOTAL` and groups' tokens.
    pub fn digits(self) -> u8 {
        self.digits
    }

    /// The code as a number (`010121` → 10121).
    pub fn number(self) -> u32 {
        self.code
    }

    /// The code cut to at most `digits` digits; `TOTAL` and coarser codes stay as they are.
    pub fn truncate(self, digits: u8) -> HsCode {
        if self.digits <= digits {
            return self;
        }
        let drop = u32::from(self.digits - digits);
        HsCode { digits, code: self.code / 10u32.pow(drop) }
    }

    /// True when `self` lies within `prefix` (same code, or a finer code under it). `TOTAL` is within nothing.
    pub fn starts_with(self, prefix: HsCode) -> bool {
        !self.is_total() && !prefix.is_total() && self.digits >= prefix.digits && self.truncate(prefix.digits) == prefix
    }
}

impl fmt::Display for HsCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.digits == 0 {
            f.write_str(TOKENS.get(self.code as usize).unwrap_or(&"TOTAL"))
        } else {
            write!(f, "{:0width$}", self.code, width = usize::from(self.digits))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_with_leading_zeros() {
        let c = HsCode::parse(b"010121");
        assert_eq!(c.map(|c| c.to_string()), Some("010121".to_string()));
        assert_eq!(HsCode::from_number(10121, 6), c);
    }

    #[test]
    fn rejects_odd_lengths_and_letters() {
        for bad in [&b"854"[..], b"85423", b"85a231", b"", b"1234567"] {
            assert_eq!(HsCode::parse(bad), None);
        }
        assert_eq!(HsCode::from_number(1_000_000, 6), None);
    }

    #[test]
    fn truncation_and_prefixes() {
        let c = HsCode::parse(b"854231").unwrap_or(HsCode::TOTAL);
        assert_eq!(c.truncate(2).to_string(), "85");
        assert!(c.starts_with(HsCode::parse(b"8542").unwrap_or(HsCode::TOTAL)));
        assert!(!HsCode::TOTAL.starts_with(HsCode::TOTAL));
        assert_eq!(HsCode::TOTAL.truncate(2), HsCode::TOTAL);
    }
}
