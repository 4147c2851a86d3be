//! Dollar amounts as a newsroom writes them, and round values for keys.

/// "$15.4bn", "$5bn", "$500m", "$12k", "$950"; at most one decimal, none when whole.
///
/// ```
/// use roundabout::scene::money::format_usd;
/// assert_eq!(format_usd(15.4e9), "$15.4bn");
/// assert_eq!(format_usd(5e9), "$5bn");
/// assert_eq!(format_usd(5e8), "$500m");
/// ```
pub fn format_usd(value: f64) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let v = value.abs();
    let (n, unit) = match v {
        v if v >= 1e12 => (v / 1e12, "tn"),
        v if v >= 1e9 => (v / 1e9, "bn"),
        v if v >= 1e6 => (v / 1e6, "m"),
        v if v >= 1e3 => (v / 1e3, "k"),
        v => (v, ""),
    };
    let rounded = (n * 10.0).round() / 10.0;
    let text = if rounded.fract() == 0.0 || rounded >= 100.0 {
        format!("{:.0}", rounded)
    } else {
        format!("{:.1}", rounded)
    };
    format!("{sign}${text}{unit}")
}

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
    fn formats() {
        assert_eq!(format_usd(1e9), "$1bn");
        assert_eq!(format_usd(0.8e9), "$800m");
        assert_eq!(format_usd(10.2e9), "$10.2bn");
        assert_eq!(format_usd(2.7e6), "$2.7m");
        assert_eq!(format_usd(5.9e6), "$5.9m");
        assert_eq!(format_usd(999.0), "$999");
        assert_eq!(format_usd(1.5e12), "$1.5tn");
        assert_eq!(format_usd(-2e9), "-$2bn");
        assert_eq!(format_usd(f64::NAN), "–");
    }

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
