use super::chpl::{tier_of, Tier};
use super::code::HsCode;

/// What the map colours a flow's goods by: a CHPL tier, the goods off the list, or all goods together
/// (a row with no product detail). The derived order is the order bands and the key draw them in.
///
/// ```
/// use roundabout::hs::{Group, HsCode, Tier};
/// let code = |s: &str| HsCode::parse(s.as_bytes()).unwrap();
/// assert_eq!(Group::of(code("854231")), Group::Tier(Tier::T1));
/// assert_eq!(Group::of(code("880621")), Group::Other);
/// assert_eq!(Group::of(code("TOTAL")), Group::All);
/// // A cut's rows carry the group as a token in the `hs` column, and map back to it.
/// assert_eq!(Group::Tier(Tier::T3A).code().to_string(), "CHPL-3.A");
/// assert_eq!(Group::of(code("CHPL-3.A")), Group::Tier(Tier::T3A));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Tier(Tier),
    /// Goods not on the CHPL, and codes coarser than HS6 (the list names HS6 codes).
    Other,
    /// Rows of all goods (`TOTAL`).
    All,
}

impl Group {
    /// Every group, in drawing order.
    pub const ALL: [Group; 8] = [
        Group::Tier(Tier::T1),
        Group::Tier(Tier::T2),
        Group::Tier(Tier::T3A),
        Group::Tier(Tier::T3B),
        Group::Tier(Tier::T4A),
        Group::Tier(Tier::T4B),
        Group::Other,
        Group::All,
    ];

    /// The group of a product code (or of a group's own token).
    pub fn of(code: HsCode) -> Group {
        match code.digits() {
            0 => Group::ALL
                .get((code.number() as usize + 7) % 8)
                .copied()
                .unwrap_or(Group::Other),
            6 => tier_of(code.number()).map_or(Group::Other, Group::Tier),
            _ => Group::Other,
        }
    }

    /// Whether every product of `products` is an HS code off the CHPL list (none at all is not): every row
    /// is then of goods a story or a file names itself, not the rest beside the list's.
    ///
    /// ```
    /// use roundabout::hs::{Group, HsCode};
    /// let codes = |s: &[&str]| s.iter().filter_map(|c| HsCode::parse(c.as_bytes())).collect::<Vec<_>>();
    /// assert!(Group::all_off_the_list(&codes(&["880621", "8806"])));
    /// assert!(!Group::all_off_the_list(&codes(&["880621", "854231"])) && !Group::all_off_the_list(&codes(&["OTHER"])));
    /// ```
    pub fn all_off_the_list(products: &[HsCode]) -> bool {
        !products.is_empty() && products.iter().all(|c| c.digits() > 0 && Group::of(*c) == Group::Other)
    }

    /// Where the group stands in [`Group::ALL`].
    pub fn index(self) -> usize {
        match self {
            Group::Tier(t) => t as usize,
            Group::Other => 6,
            Group::All => 7,
        }
    }

    /// The token standing for the group's goods in the `hs` column: `CHPL-1` … `CHPL-4.B`, `OTHER`, `TOTAL`.
    pub fn code(self) -> HsCode {
        HsCode::token(((self.index() + 1) % 8) as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_in_order() {
        for g in Group::ALL {
            let back = HsCode::parse(g.code().to_string().as_bytes()).map(Group::of);
            assert_eq!(back, Some(g), "{g:?}");
        }
        assert!(Group::All.code().is_total() && !Group::Other.code().is_total());
        // Printed tokens sort as the groups do, so a query's rows come in drawing order.
        let printed: Vec<String> = Group::ALL.iter().map(|g| g.code().to_string()).collect();
        assert!(printed.windows(2).all(|w| w[0] < w[1]), "{printed:?}");
        assert_eq!(
            Group::of(HsCode::parse(b"8542").unwrap_or(HsCode::TOTAL)),
            Group::Other
        );
    }
}
