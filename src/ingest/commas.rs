//! Where a CSV line's commas are, when it holds no quote: byte by byte, or sixteen bytes at a time in the
//! worker's SIMD128 module (build.sh builds it with `+simd128`; the worker runs it where the browser
//! has SIMD128). A Comtrade line of 47 fields is some 400 bytes, so this is the general reader's hot loop.

/// Pushes the range of each field before a comma of `line` into `ranges`, and returns where the last field
/// starts; `None` at a quote (the caller then reads the line's quoted fields).
pub(super) fn split(line: &[u8], ranges: &mut Vec<(usize, usize)>) -> Option<usize> {
    let mut start = 0;
    let rest = wide(line, ranges, &mut start)?;
    let at = line.len() - rest.len();
    for (i, &c) in rest.iter().enumerate() {
        if c == b',' {
            ranges.push((start, at + i));
            start = at + i + 1;
        } else if c == b'"' {
            return None;
        }
    }
    Some(start)
}

/// The whole sixteen bytes of `line` with SIMD128: their commas pushed, and the bytes left.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn wide<'a>(line: &'a [u8], ranges: &mut Vec<(usize, usize)>, start: &mut usize) -> Option<&'a [u8]> {
    use core::arch::wasm32::{u8x16, u8x16_bitmask, u8x16_eq, u8x16_splat};
    let (comma, quote) = (u8x16_splat(b','), u8x16_splat(b'"'));
    let mut blocks = line.chunks_exact(16);
    for (n, b) in (&mut blocks).enumerate() {
        let v = u8x16(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
        if u8x16_bitmask(u8x16_eq(v, quote)) != 0 {
            return None;
        }
        let mut commas = u8x16_bitmask(u8x16_eq(v, comma));
        while commas != 0 {
            let at = n * 16 + commas.trailing_zeros() as usize;
            ranges.push((*start, at));
            *start = at + 1;
            commas &= commas - 1;
        }
    }
    Some(blocks.remainder())
}

/// Without SIMD128 every byte is left to the byte loop.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn wide<'a>(line: &'a [u8], _: &mut Vec<(usize, usize)>, _: &mut usize) -> Option<&'a [u8]> {
    Some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_comma_or_stops_at_a_quote() {
        let line = b"C,A,2024,52,398,KAZ,Kazakhstan,X,156,CHN,China,0,85,C00,0,kg,12,100.00,,";
        let mut ranges = Vec::new();
        let last = split(line, &mut ranges);
        let mut want = Vec::new();
        let mut start = 0;
        for (i, _) in line.iter().enumerate().filter(|(_, c)| **c == b',') {
            want.push((start, i));
            start = i + 1;
        }
        assert_eq!((ranges, last), (want, Some(line.len())));
        for quoted in [&b"\"a\",b"[..], b"a,b,c,d,e,f,g,h,i,j,k,\"l\"", b"0123456789abcdef0123\""] {
            assert_eq!(split(quoted, &mut Vec::new()), None, "{}", String::from_utf8_lossy(quoted));
        }
        assert_eq!(split(b"", &mut Vec::new()), Some(0));
    }
}
