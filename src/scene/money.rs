//! Round values for the width key (the key writes them with `crate::format::money_in`).

/// The largest value of the form 1, 2 or 5 × 10ⁿ that is ≤ `v` (`v` > 0).
///
/// ```
/// assert_eq!(roundabout::scene::money::nice_floor(17e9), 10e9);
/// assert_eq!(roundabout::scene::money::nice_floor(4.9e8), 2e8);
/// ```
pub fn nice_floor(v: f64) -> f64 {
    if !(v > 0.0 && v.is_finite()) {
        return 0.0;
    }
    let exp = v.log10().floor();
    let base = 10f64.powf(exp);
    let m = v / base;
    // Guards against 10^exp rounding a hair above v (e.g. v = 1000).
    let step = if m >= 5.0 - 1e-9 {
        5.0
    } else if m >= 2.0 - 1e-9 {
        2.0
    } else {
        1.0
    };
    step * base
}

/// Two or three round values for a width key: the largest round value ≤ `max`, one about half
/// of it, one about a tenth, largest first.
///
/// ```
/// assert_eq!(roundabout::scene::money::key_values(17e9), vec![10e9, 5e9, 1e9]);
/// ```
pub fn key_values(max: f64) -> Vec<f64> {
    let top = nice_floor(max);
    if top <= 0.0 {
        return Vec::new();
    }
    let mut out = vec![
        top,
        nice_floor(top / 2.0 * (1.0 + 1e-9)),
        nice_floor(top / 10.0 * (1.0 + 1e-9)),
    ];
    out.dedup();
    out
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(key_values(10e9), vec![10e9, 5e9, 1e9]);
        assert_eq!(key_values(20e9), vec![20e9, 10e9, 2e9]);
        assert_eq!(key_values(60e9), vec![50e9, 20e9, 5e9]);
        assert_eq!(key_values(1000.0), vec![1000.0, 500.0, 100.0]);
        assert!(key_values(0.0).is_empty());
        assert!(key_values(f64::NAN).is_empty());
    }
}
