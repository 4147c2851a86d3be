//! Text colours that read on the chart's paper: WCAG 2's contrast ratio, and a colour moved toward the
//! ink (lighter on dark paper, darker on light) until it reaches AA's 4.5:1.

/// AA's least contrast for normal text.
pub const AA: f64 = 4.5;

/// `x` to the power 2.4 as x² · x^(1/4 + 1/8 + 1/32 − 1/128), by square roots: within 0.7% of `powf`
/// over sRGB's range, without the page's module carrying a `pow` (about 3 KB).
fn pow_2_4(x: f64) -> f64 {
    let mut roots = [x; 8]; // roots[k] = x^(1/2^k)
    for k in 1..8 {
        roots[k] = roots[k - 1].sqrt();
    }
    x * x * roots[2] * roots[3] * roots[5] / roots[7]
}

/// The relative luminance of an sRGB colour.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            pow_2_4((c + 0.055) / 1.055)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// The contrast ratio of two colours, 1 to 21.
pub fn ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// `color`, or the nearest mix of it toward white (on dark paper) or black (on light) that reads at AA.
pub fn readable(color: (u8, u8, u8), paper: (u8, u8, u8)) -> (u8, u8, u8) {
    let target = if luminance(paper) < 0.2 { 255.0 } else { 0.0 };
    let mix = |c: u8, t: f64| (f64::from(c) + (target - f64::from(c)) * t).round() as u8;
    let mut c = color;
    // Twentieths of the way toward the target, a little above AA for the power's approximation.
    for step in 1..=20 {
        if ratio(c, paper) >= AA + 0.05 {
            break;
        }
        let t = f64::from(step) / 20.0;
        c = (mix(color.0, t), mix(color.1, t), mix(color.2, t));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_power_by_roots_is_near_powf() {
        for c in 11..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            assert!((pow_2_4(x) / x.powf(2.4) - 1.0).abs() < 0.007, "{c}");
        }
    }

    #[test]
    fn ratios_match_wcag() {
        assert!((ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        // #777 on white is WCAG's example of a near miss: 4.48.
        assert!((ratio((0x77, 0x77, 0x77), (255, 255, 255)) - 4.48).abs() < 0.01);
    }

    #[test]
    fn the_map_blue_is_lightened_on_dark_paper_and_kept_on_white() {
        let night = (0x22, 0x25, 0x2a);
        let blue = (0, 114, 178);
        assert!(ratio(blue, night) < AA);
        let lighter = readable(blue, night);
        assert!(
            ratio(lighter, night) >= AA && lighter.2 > blue.2,
            "{lighter:?}"
        );
        assert_eq!(readable(blue, (255, 255, 255)), blue);
    }
}
