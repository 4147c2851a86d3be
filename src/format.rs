//! Numbers as a reader sees them: "$15.4bn", "+87%" in English; "15,4 млрд $", "+87 %" in Ukrainian
//! and Russian.

use crate::lang::Lang;

/// US dollars with three significant figures and a short scale word: `$15.4bn`, `$824m`, `$5.9m`.
///
/// ```
/// assert_eq!(roundabout::format::money(15_389_231_312.0), "$15.4bn");
/// assert_eq!(roundabout::format::money(2_700_000.0), "$2.7m");
/// ```
pub fn money(value: f64) -> String {
    money_in(value, Lang::En)
}

/// [`money`] in `lang`: Ukrainian and Russian put the unit after the number, with a decimal comma.
///
/// ```
/// use roundabout::{format::money_in, lang::Lang};
/// assert_eq!(money_in(15_389_231_312.0, Lang::Uk), "15,4\u{a0}млрд\u{a0}$");
/// assert_eq!(money_in(5_900_000.0, Lang::Ru), "5,9\u{a0}млн\u{a0}$");
/// ```
pub fn money_in(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let sign = if value < 0.0 { "−" } else { "" };
    let v = value.abs();
    let (scaled, scale) = match v {
        v if v >= 1e12 => (v / 1e12, 4),
        v if v >= 1e9 => (v / 1e9, 3),
        v if v >= 1e6 => (v / 1e6, 2),
        v if v >= 1e3 => (v / 1e3, 1),
        v => (v, 0),
    };
    let digits = significant(scaled, 3);
    match lang {
        Lang::En => format!("{sign}${digits}{}", ["", "k", "m", "bn", "tn"][scale]),
        Lang::Uk | Lang::Ru => {
            let words = if lang == Lang::Uk { ["", "тис.", "млн", "млрд", "трлн"] } else { ["", "тыс.", "млн", "млрд", "трлн"] };
            // A no-break space keeps number and unit on one line.
            let digits = digits.replace(',', "\u{a0}").replace('.', ",");
            let unit = if scale == 0 { String::new() } else { format!("\u{a0}{}", words[scale]) };
            format!("{sign}{digits}{unit}\u{a0}$")
        }
    }
}

/// A change as a signed whole percentage: `+87%`, `−12%`, `+1,050%`.
///
/// ```
/// assert_eq!(roundabout::format::change(0.871), "+87%");
/// assert_eq!(roundabout::format::change(-0.124), "−12%");
/// ```
pub fn change(ratio: f64) -> String {
    change_in(ratio, Lang::En)
}

/// [`change`] in `lang`: `+87 %` in Ukrainian and Russian.
pub fn change_in(ratio: f64, lang: Lang) -> String {
    let pct = (ratio * 100.0).round();
    let sign = match pct {
        p if p > 0.0 => "+",
        p if p < 0.0 => "−",
        _ => "",
    };
    let n = thousands(pct.abs() as u64);
    match lang {
        Lang::En => format!("{sign}{n}%"),
        Lang::Uk | Lang::Ru => format!("{sign}{}\u{a0}%", n.replace(',', "\u{a0}")),
    }
}

/// A share as a whole percentage, `38%` (`38 %` in Ukrainian and Russian); `<1%` for a sliver.
///
/// ```
/// use roundabout::{format::share_in, lang::Lang};
/// assert_eq!(share_in(0.384, Lang::En), "38%");
/// assert_eq!(share_in(0.001, Lang::Uk), "<1\u{a0}%");
/// ```
pub fn share_in(ratio: f64, lang: Lang) -> String {
    let pct = (ratio * 100.0).round();
    let n = if pct < 1.0 && ratio > 0.0 { "<1".to_string() } else { thousands(pct.max(0.0) as u64) };
    match lang {
        Lang::En => format!("{n}%"),
        Lang::Uk | Lang::Ru => format!("{n}\u{a0}%"),
    }
}

/// A plain number with `digits` decimals, as browsers write it (ECMA-402): `0.72`, `1,234.50`; `0,72` and
/// `1\u{a0}234,50` in Ukrainian and Russian.
///
/// ```
/// use roundabout::{format::decimal_in, lang::Lang};
/// assert_eq!(decimal_in(0.7236, 2, Lang::En), "0.72");
/// assert_eq!(decimal_in(-1234.5, 2, Lang::Uk), "-1\u{a0}234,50");
/// ```
pub fn decimal_in(x: f64, digits: usize, lang: Lang) -> String {
    shifted_in(x, 0, digits, lang)
}

/// A ratio as a percentage with `digits` decimals, as browsers write it: `49.1%`, `49,1%` in Ukrainian,
/// `49,1\u{a0}%` in Russian.
///
/// ```
/// use roundabout::{format::percent_in, lang::Lang};
/// assert_eq!(percent_in(0.491, 1, Lang::En), "49.1%");
/// assert_eq!(percent_in(0.46, 0, Lang::Ru), "46\u{a0}%");
/// ```
pub fn percent_in(ratio: f64, digits: usize, lang: Lang) -> String {
    let n = shifted_in(ratio, 2, digits, lang);
    match lang {
        Lang::Ru => format!("{n}\u{a0}%"),
        Lang::En | Lang::Uk => format!("{n}%"),
    }
}

/// `x × 10^shift` with `digits` decimals, grouped for `lang`. Like browsers, it shifts and rounds the
/// shortest decimal form of `x`, half away from zero (`1.005` → `1.01`, `0.285` → `29%`), where
/// arithmetic on the binary value would round down.
fn shifted_in(x: f64, shift: usize, digits: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let shortest = x.abs().to_string();
    let (whole, fraction) = shortest.split_once('.').unwrap_or((&shortest, ""));
    let point = whole.len() + shift;
    let all: Vec<u8> = whole.bytes().chain(fraction.bytes()).collect();
    let mut kept: Vec<u8> = all.iter().copied().chain(std::iter::repeat(b'0')).take(point + digits).collect();
    if all.get(point + digits).is_some_and(|d| *d >= b'5') {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, b'1');
                break;
            }
            i -= 1;
            if kept[i] == b'9' {
                kept[i] = b'0';
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let (w, f) = kept.split_at(kept.len() - digits);
    let w = String::from_utf8_lossy(w);
    let w = w.trim_start_matches('0');
    let whole = w.parse::<u64>().map(thousands).unwrap_or_else(|_| "0".to_string());
    let (group, point) = if lang == Lang::En { (",", ".") } else { ("\u{a0}", ",") };
    let sign = if x < 0.0 { "-" } else { "" };
    let whole = whole.replace(',', group);
    if digits == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}{point}{}", String::from_utf8_lossy(f))
    }
}

/// `x` rounded to `digits` significant figures, without trailing zeros.
fn significant(x: f64, digits: i32) -> String {
    if x == 0.0 || !x.is_finite() {
        return "0".to_string();
    }
    let magnitude = x.log10().floor() as i32;
    let decimals = (digits - 1 - magnitude).max(0) as usize;
    let text = format!("{x:.decimals$}");
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    // Rounding can carry into a new digit (999.6 → "1000"); that is still three significant figures.
    match text.parse::<u64>() {
        Ok(v) if v >= 1000 => thousands(v),
        _ => text.to_string(),
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_keeps_three_significant_figures() {
        assert_eq!(money(24_700_000_000.0), "$24.7bn");
        assert_eq!(money(10_207_415_705.0), "$10.2bn");
        assert_eq!(money(1_147_176_218.0), "$1.15bn");
        assert_eq!(money(823_728_781.0), "$824m");
        assert_eq!(money(5_900_000.0), "$5.9m");
        assert_eq!(money(80_446_343.0), "$80.4m");
        assert_eq!(money(1_000_000_000.0), "$1bn");
        assert_eq!(money(950.0), "$950");
        assert_eq!(money(0.0), "$0");
        assert_eq!(money(-2_500_000.0), "−$2.5m");
    }

    #[test]
    fn rounding_up_into_the_next_scale_stays_readable() {
        assert_eq!(money(999_960_000.0), "$1,000m");
    }

    #[test]
    fn ukrainian_and_russian_write_the_unit_after_with_a_decimal_comma() {
        assert_eq!(money_in(24_700_000_000.0, Lang::Uk), "24,7\u{a0}млрд\u{a0}$");
        assert_eq!(money_in(823_728_781.0, Lang::Ru), "824\u{a0}млн\u{a0}$");
        assert_eq!(money_in(12_000.0, Lang::Ru), "12\u{a0}тыс.\u{a0}$");
        assert_eq!(money_in(12_000.0, Lang::Uk), "12\u{a0}тис.\u{a0}$");
        assert_eq!(money_in(999_960_000.0, Lang::Uk), "1\u{a0}000\u{a0}млн\u{a0}$");
        assert_eq!(change_in(10.5, Lang::Uk), "+1\u{a0}050\u{a0}%");
        assert_eq!(change_in(-0.124, Lang::Ru), "−12\u{a0}%");
        assert_eq!(money_in(f64::NAN, Lang::En), "–");
    }

    #[test]
    fn change_is_signed_and_grouped() {
        assert_eq!(change(0.64), "+64%");
        assert_eq!(change(0.0), "0%");
        assert_eq!(change(-0.004), "0%");
        assert_eq!(change(10.5), "+1,050%");
    }

    #[test]
    fn share_is_unsigned_and_never_rounds_a_sliver_to_nothing() {
        assert_eq!(share_in(1.0, Lang::En), "100%");
        assert_eq!(share_in(0.0, Lang::En), "0%");
        assert_eq!(share_in(0.004, Lang::En), "<1%");
        assert_eq!(share_in(0.5, Lang::Ru), "50\u{a0}%");
    }

    #[test]
    fn decimals_and_percentages_round_as_browsers_do() {
        assert_eq!(decimal_in(1.005, 2, Lang::En), "1.01");
        assert_eq!(decimal_in(0.125, 2, Lang::En), "0.13");
        assert_eq!(decimal_in(9.996, 2, Lang::En), "10.00");
        assert_eq!(decimal_in(1234.5, 2, Lang::En), "1,234.50");
        assert_eq!(decimal_in(-0.001, 2, Lang::En), "-0.00");
        assert_eq!(percent_in(0.285, 0, Lang::En), "29%");
        assert_eq!(decimal_in(12.0, 0, Lang::En), "12");
        assert_eq!(decimal_in(-0.725, 2, Lang::Ru), "-0,73");
        assert_eq!(percent_in(12.3456, 1, Lang::Uk), "1\u{a0}234,6%");
        assert_eq!(percent_in(0.005, 0, Lang::En), "1%");
        assert_eq!(percent_in(0.0, 0, Lang::En), "0%");
    }
}
