use super::chpl::{tier_of, Tier};
use super::code::HsCode;
use crate::Error;

/// The preset names understood by [`ProductFilter::parse`], each with what it selects.
pub const PRESETS: [(&str, &str); 9] = [
    ("chpl", "all 50 CHPL codes (tiers 1 to 4.B)"),
    ("chpl45", "the 45 CHPL codes of tiers 1 to 4.A"),
    ("tier1", "CHPL tier 1"),
    ("tier2", "CHPL tier 2"),
    ("tier3a", "CHPL tier 3.A"),
    ("tier3b", "CHPL tier 3.B"),
    ("tier4a", "CHPL tier 4.A"),
    ("tier4b", "CHPL tier 4.B"),
    ("drones", "HS 8806, unmanned aircraft"),
];

/// A set of products: the union of presets, chapters (`hs:NN`) and codes or prefixes (`8542`, `854231`).
///
/// Presets, chapters and prefixes never match `TOTAL`; only the term `TOTAL` itself does.
///
/// ```
/// use roundabout::hs::{HsCode, ProductFilter};
/// let f = ProductFilter::parse(&["tier1", "hs:88"]).unwrap();
/// assert!(f.matches(HsCode::parse(b"854231").unwrap()));
/// assert!(f.matches(HsCode::parse(b"880730").unwrap()));
/// assert!(!f.matches(HsCode::TOTAL));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProductFilter {
    tiers: Vec<Tier>,
    prefixes: Vec<HsCode>,
    total: bool,
}

impl ProductFilter {
    /// Reads each term; an unknown term is an error naming it and listing what is accepted.
    pub fn parse<S: AsRef<str>>(terms: &[S]) -> Result<ProductFilter, Error> {
        let mut filter = ProductFilter::default();
        for term in terms {
            filter.add(term.as_ref().trim())?;
        }
        Ok(filter)
    }

    fn add(&mut self, term: &str) -> Result<(), Error> {
        let lower = term.to_ascii_lowercase();
        let tiers: &[Tier] = match lower.as_str() {
            "chpl" => &[Tier::T1, Tier::T2, Tier::T3A, Tier::T3B, Tier::T4A, Tier::T4B],
            "chpl45" => &[Tier::T1, Tier::T2, Tier::T3A, Tier::T3B, Tier::T4A],
            "tier1" => &[Tier::T1],
            "tier2" => &[Tier::T2],
            "tier3a" => &[Tier::T3A],
            "tier3b" => &[Tier::T3B],
            "tier4a" => &[Tier::T4A],
            "tier4b" => &[Tier::T4B],
            "drones" => {
                self.prefixes.extend(HsCode::from_number(8806, 4));
                return Ok(());
            }
            _ => &[],
        };
        if !tiers.is_empty() {
            self.tiers.extend_from_slice(tiers);
            return Ok(());
        }
        if lower == "total" {
            self.total = true;
            return Ok(());
        }
        // "8542.31" as tariffs and reports write it: the dots only group the digits.
        let code = lower.strip_prefix("hs:").unwrap_or(&lower).replace('.', "");
        let chapter_only = lower.starts_with("hs:");
        match HsCode::parse(code.as_bytes()) {
            Some(c) if c.digits() > 0 && (!chapter_only || c.digits() == 2) => {
                self.prefixes.push(c);
                Ok(())
            }
            _ => Err(Error::Query(format!(
                "unknown product filter `{term}`; expected a preset ({}), a chapter `hs:NN`, an HS code of 2, 4 or 6 digits, or TOTAL",
                PRESETS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    /// True when the product is in the set.
    pub fn matches(&self, code: HsCode) -> bool {
        if code.is_total() {
            return self.total;
        }
        if code.digits() == 6 && !self.tiers.is_empty() {
            if let Some(t) = tier_of(code.number()) {
                if self.tiers.contains(&t) {
                    return true;
                }
            }
        }
        self.prefixes.iter().any(|p| code.starts_with(*p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hs(s: &str) -> HsCode {
        HsCode::parse(s.as_bytes()).unwrap_or(HsCode::TOTAL)
    }

    #[test]
    fn presets_count_codes() {
        let all = ProductFilter::parse(&["chpl"]).unwrap_or_default();
        let n = super::super::CHPL.iter().filter(|(c, _)| all.matches(HsCode::from_number(*c, 6).unwrap_or(HsCode::TOTAL))).count();
        assert_eq!(n, 50);
        let f45 = ProductFilter::parse(&["chpl45"]).unwrap_or_default();
        assert!(f45.matches(hs("903082")));
        assert!(!f45.matches(hs("845710")));
        assert!(!all.matches(hs("8542")), "a 4-digit code is not itself on the list");
    }

    #[test]
    fn drones_chapters_and_prefixes() {
        let f = ProductFilter::parse(&["drones", "hs:01", "8542"]).unwrap_or_default();
        assert!(f.matches(hs("880621")));
        assert!(f.matches(hs("8806")));
        assert!(f.matches(hs("010121")));
        assert!(f.matches(hs("854239")));
        assert!(!f.matches(hs("85")));
        assert!(!f.matches(HsCode::TOTAL));
    }

    #[test]
    fn codes_may_be_written_with_dots() {
        let f = ProductFilter::parse(&["8542.31", "88.06"]).unwrap_or_default();
        assert!(f.matches(hs("854231")) && f.matches(hs("880621")));
        assert!(!f.matches(hs("854232")));
        let e = ProductFilter::parse(&["8542.3"]).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains("`8542.3`"), "five digits are no HS code, and the term is named as typed: {e}");
        assert!(ProductFilter::parse(&["."]).is_err());
    }

    #[test]
    fn unknown_terms_are_named() {
        let e = ProductFilter::parse(&["chpl9"]).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains("`chpl9`"), "{e}");
        assert!(ProductFilter::parse(&["hs:8542"]).is_err());
        let total = ProductFilter::parse(&["TOTAL"]).unwrap_or_default();
        assert!(total.matches(HsCode::TOTAL) && !total.matches(hs("85")));
    }
}
