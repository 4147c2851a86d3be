//! Russia has published no partner data since 2021: the IMF's figures for it after that are the IMF's
//! estimates, mostly built from its partners' reports, and are named so wherever they show.

/// Whether `country`'s report for `year`, from `source`, is the IMF's estimate rather than its own.
pub fn imf_estimate(country: &str, year: u16, source: &str) -> bool {
    country == "RUS" && year > 2021 && source.starts_with("IMF")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_russia_after_2021_from_the_imf() {
        assert!(imf_estimate("RUS", 2022, "IMF DOTS"));
        assert!(!imf_estimate("RUS", 2021, "IMF DOTS"));
        assert!(!imf_estimate("KAZ", 2023, "IMF DOTS"));
        assert!(!imf_estimate("RUS", 2023, "UN Comtrade"));
    }
}
