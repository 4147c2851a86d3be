use std::fmt;

/// A CHPL tier. Tiers 1 to 4.A are the 45 goods of the list before February 2024.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier {
    /// Tier 1: integrated circuits.
    T1,
    /// Tier 2: electronics for communication, navigation, capacitors.
    T2,
    /// Tier 3.A: further electronic components.
    T3A,
    /// Tier 3.B: bearings, aircraft parts, optics, navigation instruments.
    T3B,
    /// Tier 4.A: manufacturing and test equipment for electronics.
    T4A,
    /// Tier 4.B: CNC machine tools (added February 2024).
    T4B,
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Tier::T1 => "1",
            Tier::T2 => "2",
            Tier::T3A => "3.A",
            Tier::T3B => "3.B",
            Tier::T4A => "4.A",
            Tier::T4B => "4.B",
        })
    }
}

/// The 50 HS6 codes (HS 2022) of the Common High Priority List, Feb 2024, with tiers,
/// from `chpl_bis_2024-02_hs6.csv` (US BIS / EU / UK / Japan).
pub const CHPL: [(u32, Tier); 50] = [
    (854231, Tier::T1),
    (854232, Tier::T1),
    (854233, Tier::T1),
    (854239, Tier::T1),
    (851762, Tier::T2),
    (852691, Tier::T2),
    (853221, Tier::T2),
    (853224, Tier::T2),
    (854800, Tier::T2),
    (847150, Tier::T3A),
    (850440, Tier::T3A),
    (851769, Tier::T3A),
    (852589, Tier::T3A),
    (852910, Tier::T3A),
    (852990, Tier::T3A),
    (853669, Tier::T3A),
    (853690, Tier::T3A),
    (854110, Tier::T3A),
    (854121, Tier::T3A),
    (854129, Tier::T3A),
    (854130, Tier::T3A),
    (854149, Tier::T3A),
    (854151, Tier::T3A),
    (854159, Tier::T3A),
    (854160, Tier::T3A),
    (848210, Tier::T3B),
    (848220, Tier::T3B),
    (848230, Tier::T3B),
    (848250, Tier::T3B),
    (880730, Tier::T3B),
    (901310, Tier::T3B),
    (901380, Tier::T3B),
    (901420, Tier::T3B),
    (901480, Tier::T3B),
    (847180, Tier::T4A),
    (848610, Tier::T4A),
    (848620, Tier::T4A),
    (848640, Tier::T4A),
    (853400, Tier::T4A),
    (854320, Tier::T4A),
    (902750, Tier::T4A),
    (903020, Tier::T4A),
    (903032, Tier::T4A),
    (903039, Tier::T4A),
    (903082, Tier::T4A),
    (845710, Tier::T4B),
    (845811, Tier::T4B),
    (845891, Tier::T4B),
    (845961, Tier::T4B),
    (846693, Tier::T4B),
];

/// The CHPL tier of an HS6 code, if it is on the list.
pub fn tier_of(hs6: u32) -> Option<Tier> {
    CHPL.iter().find(|(c, _)| *c == hs6).map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifty_codes_forty_five_before_2024() {
        assert_eq!(CHPL.len(), 50);
        assert_eq!(CHPL.iter().filter(|(_, t)| *t <= Tier::T4A).count(), 45);
        assert_eq!(CHPL.iter().filter(|(_, t)| *t == Tier::T1).count(), 4);
        assert_eq!(tier_of(854231), Some(Tier::T1));
        assert_eq!(tier_of(880730), Some(Tier::T3B));
        assert_eq!(tier_of(880600), None);
    }
}
