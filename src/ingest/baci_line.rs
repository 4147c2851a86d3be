/// A BACI line in its usual shape, read in one pass: `t,i,j,k,v,q` as plain digits, `v` with at most five
/// decimals and `q` plain, `NA` or empty, then `\n` or the end. Anything else (spaces, signs, exponents,
/// quotes, more fields, `\r`) is `None` and goes to the general reader, which also names what is wrong.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct PlainLine {
    pub year: u32,
    pub exporter: u32,
    pub importer: u32,
    pub product: u32,
    pub cents: i64,
    /// NaN for `NA` or nothing.
    pub quantity: f64,
}

/// Cents in a unit of BACI's value (thousand dollars) with `i` decimals: 10^(5 - i).
const CENTS_PER: [u64; 6] = [100_000, 10_000, 1_000, 100, 10, 1];
/// Values read up to this many units in their last place fit in an i64 of cents whatever their decimals.
const SMALL: u64 = i64::MAX as u64 / CENTS_PER[0];
const POW10: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

impl PlainLine {
    /// The line at the start of `bytes`, and how many bytes it took with its `\n`.
    pub(crate) fn read(line: &[u8]) -> Option<(PlainLine, usize)> {
        let mut c = Cursor { s: line, at: 0 };
        let year = c.int(4)?;
        let exporter = c.int(3)?;
        let importer = c.int(3)?;
        let product = c.int(6)?;
        let (mant, frac) = c.field(18, true, false)?;
        let per = *CENTS_PER.get(frac as usize)?;
        // A checked multiply of two u64 is a 128-bit multiply call in wasm: only above SMALL can this overflow.
        let cents = if mant <= SMALL { (mant * per) as i64 } else { i64::try_from(mant.checked_mul(per)?).ok()? };
        let rest = line.get(c.at..).unwrap_or_default();
        let quantity = if rest.is_empty() || rest[0] == b'\n' {
            c.at += usize::from(!rest.is_empty());
            f64::NAN
        } else if rest.starts_with(b"NA") && matches!(rest.get(2), None | Some(b'\n')) {
            c.at += 2 + usize::from(rest.len() > 2);
            f64::NAN
        } else {
            let (mant, frac) = c.field(15, true, true)?;
            mant as f64 / *POW10.get(frac as usize)?
        };
        Some((PlainLine { year, exporter, importer, product, cents, quantity }, c.at))
    }
}

struct Cursor<'a> {
    s: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    /// A field of 1 to `max` digits (at most 9), followed by a comma. Apart from [`Cursor::field`]: four of
    /// the six fields are codes, and this loop, without points or line ends to watch for, is the hot one.
    fn int(&mut self, max: usize) -> Option<u32> {
        let rest = self.s.get(self.at..)?;
        let mut value = 0u32;
        for (i, &b) in rest.iter().take(max + 1).enumerate() {
            let digit = b.wrapping_sub(b'0');
            if digit < 10 {
                value = value * 10 + u32::from(digit);
            } else if b == b',' && i > 0 {
                self.at += i + 1;
                return Some(value);
            } else {
                return None;
            }
        }
        None
    }

    /// `digits[.digits]` (the point when `point`), at most `max` digits, ending the line (at `\n`, taken, or
    /// the end) when `last` and followed by a comma (taken) otherwise: the digits as one integer and how many
    /// follow the point.
    fn field(&mut self, max: usize, point: bool, last: bool) -> Option<(u64, u32)> {
        let (mut mant, mut digits, mut frac, mut dot) = (0u64, 0usize, 0u32, false);
        loop {
            let Some(&b) = self.s.get(self.at) else {
                if !last {
                    return None;
                }
                break;
            };
            self.at += 1;
            match b {
                b'0'..=b'9' => {
                    mant = mant * 10 + u64::from(b - b'0');
                    digits += 1;
                    frac += u32::from(dot);
                }
                b'.' if point && !dot => dot = true,
                b',' if !last => break,
                b'\n' if last => break,
                _ => return None,
            }
            if digits > max {
                return None;
            }
        }
        (digits > 0).then_some((mant, frac))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_usual_lines_and_leaves_the_rest_to_the_general_reader() {
        let got = PlainLine::read(b"2023,156,398,880621,1234.5,12.25");
        let want = PlainLine { year: 2023, exporter: 156, importer: 398, product: 880621, cents: 123_450_000, quantity: 12.25 };
        assert_eq!(got, Some((want, 32)));
        assert_eq!(PlainLine::read(b"2023,156,398,880621,1234.5,12.25\n2022,1"), Some((want, 33)), "the line ending is taken");
        for (line, cents, len) in [(&b"2023,156,398,10121,0.001,NA"[..], 100, 27), (b"2023,156,398,10121,0.001,NA\nx", 100, 28), (b"2023,156,398,10121,7,", 700_000, 21), (b"2023,156,398,10121,7,\n", 700_000, 22)] {
            let got = PlainLine::read(line);
            assert!(got.is_some_and(|(l, n)| l.cents == cents && l.quantity.is_nan() && n == len), "{}: {got:?}", String::from_utf8_lossy(line));
        }
        for odd in [
            &b"2023,156,398,880621,1.5"[..],       // five fields
            b"2023,156,398,880621,1.5,2,9",        // seven
            b"2023, 156,398,880621,1.5,2",         // a space
            b"2023,156,398,880621,-1.5,2",         // a sign
            b"2023,156,398,880621,1e3,2",          // an exponent
            b"2023,156,398,880621,1.000001,2",     // beyond a cent
            b"2023,156,398,880621,999999999999999999,2", // beyond an i64 of cents
            b"2023,156,398,8806211,1.5,2",         // seven digits
            b"2023,156,398,880621,1.5,2,",         // a trailing comma
            b"2023,156.,398,880621,1.5,2",         // a point in a code
            b"2023,156,,880621,1.5,2",             // an empty code
            b"2023,156,398,880621,1.5,abc",
            b"2023,156,398,880621,1.5,2\r\n",    // a carriage return: the general reader strips it
            b"2023,156,398,880621,1.5,NAN",
        ] {
            assert_eq!(PlainLine::read(odd), None, "{}", String::from_utf8_lossy(odd));
        }
    }
}
