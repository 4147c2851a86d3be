/// The largest value a row may hold, in cents: 10^15 US dollars, some thirty times a year of world trade.
/// Larger values are typing errors, and summing many of them would overflow the `i64` cents of a group.
pub const MAX_CENTS: i64 = 100_000_000_000_000_000;

/// Reads a decimal number (`-12.5`, `3e4`) as an integer of `value × 10^scale`, rounded half away from
/// zero. `parse_scaled(b"1234.567", 5)` reads BACI's thousand dollars as cents. `None` when malformed or
/// out of range.
pub fn parse_scaled(s: &[u8], scale: i32) -> Option<i64> {
    if let Some(v) = scaled_fast(s, scale) {
        return Some(v);
    }
    let (neg, mut rest) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut mant: u128 = 0;
    let mut exp: i32 = 0;
    let mut digits = 0;
    let mut seen_dot = false;
    while let Some((&c, tail)) = rest.split_first() {
        match c {
            b'0'..=b'9' => {
                if mant < 10u128.pow(30) {
                    mant = mant * 10 + u128::from(c - b'0');
                    if seen_dot {
                        exp -= 1;
                    }
                } else if !seen_dot {
                    exp += 1;
                }
                digits += 1;
            }
            b'.' if !seen_dot => seen_dot = true,
            b'e' | b'E' => break,
            _ => return None,
        }
        rest = tail;
    }
    if digits == 0 {
        return None;
    }
    if let Some((_, e)) = rest.split_first() {
        let e = std::str::from_utf8(e).ok()?.parse::<i32>().ok()?;
        exp = exp.checked_add(e)?;
    }
    let shift = exp.checked_add(scale)?;
    let v: u128 = if shift >= 0 {
        mant.checked_mul(10u128.checked_pow(u32::try_from(shift).ok()?)?)?
    } else {
        let d = 10u128.checked_pow(u32::try_from(-shift).ok()?).unwrap_or(u128::MAX);
        let (q, r) = (mant / d, mant % d);
        if r >= d - r {
            q + 1
        } else {
            q
        }
    };
    let v = i64::try_from(v).ok()?;
    Some(if neg { -v } else { v })
}

/// [`parse_scaled`] for plain unsigned decimals of up to 18 digits that need no rounding, in 64-bit
/// arithmetic (128-bit arithmetic is emulated on wasm32); `None` sends anything else to the general path.
fn scaled_fast(s: &[u8], scale: i32) -> Option<i64> {
    if s.is_empty() || s.len() > 18 {
        return None;
    }
    let (mut mant, mut frac, mut dot, mut digits) = (0u64, 0i32, false, 0);
    for &c in s {
        match c {
            b'0'..=b'9' => {
                mant = mant * 10 + u64::from(c - b'0');
                frac += i32::from(dot);
                digits += 1;
            }
            b'.' if !dot => dot = true,
            _ => return None,
        }
    }
    let shift = u32::try_from(scale - frac).ok().filter(|_| digits > 0)?;
    i64::try_from(mant.checked_mul(10u64.checked_pow(shift)?)?).ok()
}

/// Reads a decimal number within f32's range (quantities are stored as f32) as f64: `-12.5`, `7.`, `1.5E-3`.
///
/// Up to 19 significant digits and a power of ten within ±22, the result is correctly rounded (Clinger's
/// fast path: the mantissa converts with one rounding, the power of ten is exact, one multiplication or
/// division rounds once). Beyond, it is within a few units in the last place of f64, far below the f32
/// it is stored as; the standard library's exact parser would cost the page's module 10 KB of tables.
pub fn parse_f64(s: &[u8]) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
        1e21, 1e22,
    ];
    let (neg, s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (digits, exponent) = match s.iter().position(|&c| c == b'e' || c == b'E') {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    let (mut mant, mut count, mut scale, mut dot) = (0u64, 0usize, 0i64, false);
    for &c in digits {
        match c {
            b'0'..=b'9' => {
                count += 1;
                if mant < 1_000_000_000_000_000_000 {
                    mant = mant * 10 + u64::from(c - b'0');
                    scale -= i64::from(dot);
                } else {
                    scale += i64::from(!dot); // a digit past the 19th: only its place counts
                }
            }
            b'.' if !dot => dot = true,
            _ => return None,
        }
    }
    if count == 0 {
        return None;
    }
    if let Some(e) = exponent {
        let (sign, e) = match e.first() {
            Some(b'-') => (-1, &e[1..]),
            Some(b'+') => (1, &e[1..]),
            _ => (1, e),
        };
        scale += sign * i64::from(parse_u32(e).filter(|&e| e < 1000)?);
    }
    let m = mant as f64;
    let v = match usize::try_from(scale.unsigned_abs()).ok().filter(|&p| p < POW10.len()) {
        _ if mant == 0 => 0.0,
        Some(p) if scale >= 0 => m * POW10[p],
        Some(p) => m / POW10[p],
        None => m * 10f64.powi(scale.clamp(-400, 400) as i32),
    };
    Some(if neg { -v } else { v }).filter(|v| v.abs() <= f64::from(f32::MAX))
}

/// Reads a year 1900..=2100.
pub fn parse_year(s: &[u8]) -> Option<u16> {
    parse_u32(s).and_then(|y| u16::try_from(y).ok()).filter(|y| (1900..=2100).contains(y))
}

/// Reads a plain unsigned integer of ASCII digits.
pub fn parse_u32(s: &[u8]) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    s.iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_decimals() {
        assert_eq!(parse_scaled(b"1234.56", 2), Some(123_456));
        assert_eq!(parse_scaled(b"1234.567", 5), Some(123_456_700));
        assert_eq!(parse_scaled(b"0.005", 2), Some(1));
        assert_eq!(parse_scaled(b"0.0049", 2), Some(0));
        assert_eq!(parse_scaled(b"-1.5", 2), Some(-150));
        assert_eq!(parse_scaled(b"1.5e3", 2), Some(150_000));
        assert_eq!(parse_scaled(b"5900000", 2), Some(590_000_000));
        assert_eq!(parse_scaled(b".5", 2), Some(50));
        for bad in [&b""[..], b"abc", b"1.2.3", b"1,5", b"-", b"1e", b"1e999", b"99999999999999999999"] {
            assert_eq!(parse_scaled(bad, 2), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn integers_and_floats() {
        assert_eq!(parse_u32(b"2023"), Some(2023));
        assert_eq!(parse_year(b"2023"), Some(2023));
        assert_eq!(parse_year(b"1023"), None);
        assert_eq!(parse_u32(b"20x3"), None);
        assert_eq!(parse_u32(b""), None);
        assert_eq!(parse_f64(b"2.5"), Some(2.5));
        assert_eq!(parse_f64(b"NaN"), None);
        let exact = ["0.1", "1234.567", "-2.5", "+4", "123456789012345", "0.000001", "1e5", "1.5E-3", "12345678901234567", "7.", ".5", "9007199254740993", "1e22", "0e9"];
        for t in exact {
            assert_eq!(parse_f64(t.as_bytes()), t.parse::<f64>().ok(), "{t}");
        }
        // Past the fast path: close to the exact value, far within f32's precision.
        for t in ["123456789012345678901234.5", "1.5e30", "2.5e-30", "0.000000000000000000000000123"] {
            let (got, want) = (parse_f64(t.as_bytes()).unwrap_or(f64::NAN), t.parse::<f64>().unwrap_or(f64::NAN));
            assert!(((got - want) / want).abs() < 1e-14, "{t}: {got} against {want}");
        }
        for bad in ["", ".", "-", "1.2.3", "1,5", "inf", "abc", "1e", "1e+", "e5", "1e400", "1e99"] {
            assert_eq!(parse_f64(bad.as_bytes()), None, "{bad}");
        }
    }
}
