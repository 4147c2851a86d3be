use super::rng::Rng;

/// The largest input made: big enough for many rows, small enough for thousands of runs a second.
pub const MAX_LEN: usize = 16 * 1024;

/// Tokens every text format meets: delimiters, quotes, line ends, a BOM, odd numbers and bytes.
pub const COMMON: &[&[u8]] = &[
    b",", b";", b"\t", b"\"", b"\"\"", b"\n", b"\r\n", b"\r", b"\xEF\xBB\xBF", b"NA", b"NaN", b"nan", b"inf",
    b"-inf", b"-", b"+", b".", b"e", b"E", b"1e308", b"1e309", b"-1", b"0", b"00", b"1,000.50", b"1.000,50",
    b"99999999999999999999999", b"18446744073709551616", b"9223372036854775807", b"65535", b"65536",
    b"4294967296", b"2021", b"1899", b"2101", b"52", b"13", b" ", b"\0", b"\xFF\xFE", b"\xC3\x28", b"\xE2\x82",
    b"TOTAL", b"\x1f\x8b",
];

/// One to four stacked mutations of `data`; `other` is another corpus input for splicing.
pub fn mutate(rng: &mut Rng, data: &[u8], other: &[u8], dict: &[&[u8]]) -> Vec<u8> {
    let mut out = data.to_vec();
    for _ in 0..1 + rng.below(4) {
        mutate_once(rng, &mut out, other, dict);
    }
    out.truncate(MAX_LEN);
    out
}

fn token<'a>(rng: &mut Rng, dict: &[&'a [u8]]) -> &'a [u8] {
    if !dict.is_empty() && rng.chance(2) {
        dict[rng.below(dict.len())]
    } else {
        COMMON[rng.below(COMMON.len())]
    }
}

/// A random range `a..b` of `len` bytes, at most `max` long.
fn range(rng: &mut Rng, len: usize, max: usize) -> (usize, usize) {
    let a = rng.below(len + 1);
    let b = a + rng.below((len - a).min(max) + 1);
    (a, b)
}

/// Where the lines of `data` start.
fn line_starts(data: &[u8]) -> Vec<usize> {
    std::iter::once(0).chain(data.iter().enumerate().filter(|&(_, &c)| c == b'\n').map(|(i, _)| i + 1)).collect()
}

fn mutate_once(rng: &mut Rng, out: &mut Vec<u8>, other: &[u8], dict: &[&[u8]]) {
    let len = out.len();
    match rng.below(11) {
        0 if len > 0 => {
            let i = rng.below(len);
            out[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let i = rng.below(len);
            out[i] = rng.next() as u8;
        }
        2 | 3 => {
            let at = rng.below(len + 1);
            let t = token(rng, dict);
            out.splice(at..at, t.iter().copied());
        }
        4 => {
            // Replace a field-sized range with a token: a value becomes NA, a delimiter becomes `;` ….
            let (a, b) = range(rng, len, 12);
            let t = token(rng, dict);
            out.splice(a..b, t.iter().copied());
        }
        5 => {
            let (a, b) = range(rng, len, 64);
            out.drain(a..b);
        }
        6 => {
            // Duplicate a whole line: duplicate rows, repeated headers.
            let starts = line_starts(out);
            let i = rng.below(starts.len());
            let end = starts.get(i + 1).copied().unwrap_or(len);
            let line = out[starts[i]..end].to_vec();
            let at = starts[rng.below(starts.len())];
            out.splice(at..at, line);
        }
        7 => {
            let (a, _) = range(rng, other.len(), 0);
            let (_, b) = range(rng, len, 0);
            let mut spliced = out[..b].to_vec();
            spliced.extend_from_slice(&other[a..]);
            *out = spliced;
        }
        8 => out.truncate(rng.below(len + 1)),
        9 => {
            let at = rng.below(len + 1);
            let n = 1 + rng.below(8);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            out.splice(at..at, bytes);
        }
        _ => {
            // Grow a number's digits: overflow, precision and cents.
            if let Some(i) = (0..len).map(|k| (k + rng.below(len)) % len).find(|&k| out[k].is_ascii_digit()) {
                let n = 1 + rng.below(24);
                let d = out[i];
                out.splice(i..i, std::iter::repeat_n(d, n));
            }
        }
    }
}
