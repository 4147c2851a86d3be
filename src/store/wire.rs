//! A table as bytes, to hand from one wasm instance to another (a worker's piece of a parallel load, sent
//! as a transferable buffer): its dictionaries, then its columns, little-endian, read back exactly.

use super::meta::Meta;
use super::side::Side;
use super::table::Table;
use crate::hs::HsCode;

/// Appends `t` to `out`.
pub fn write(t: &Table, out: &mut Vec<u8>) {
    out.reserve(t.len() * 20 + 1024);
    len(out, t.metas.len());
    for m in &t.metas {
        out.extend_from_slice(&m.year.to_le_bytes());
        out.extend_from_slice(&[m.month, m.side as u8, u8::from(m.re)]);
        out.extend_from_slice(&m.source.to_le_bytes());
        out.extend_from_slice(&m.unit.to_le_bytes());
    }
    len(out, t.countries.len());
    for c in &t.countries {
        out.extend_from_slice(c);
    }
    len(out, t.products.len());
    for p in &t.products {
        out.push(p.digits());
        out.extend_from_slice(&p.number().to_le_bytes());
    }
    for texts in [&t.sources, &t.units] {
        len(out, texts.len());
        for s in texts {
            text(out, s);
        }
    }
    len(out, t.len());
    for column in [&t.meta, &t.exporter, &t.importer, &t.product] {
        put(out, column, u16::to_le_bytes);
    }
    put(out, &t.value_cents, i64::to_le_bytes);
    put(out, &t.quantity, |q| q.to_bits().to_le_bytes());
    len(out, t.exporter_starts.len());
    put(out, &t.exporter_starts, u32::to_le_bytes);
}

/// Appends a column's values, each as its `N` bytes.
fn put<T: Copy, const N: usize>(out: &mut Vec<u8>, column: &[T], bytes: fn(T) -> [u8; N]) {
    for &v in column {
        out.extend_from_slice(&bytes(v));
    }
}

/// Reads `rows` values of `N` bytes each.
fn get<T, const N: usize>(
    bytes: &mut &[u8],
    rows: usize,
    value: fn([u8; N]) -> T,
) -> Option<Vec<T>> {
    let column = take(bytes, rows.checked_mul(N)?)?;
    // Mapped, not filtered: the column is made at its length once, where a filter's unknown length grew it
    // by doubling, each time moved.
    Some(column.chunks_exact(N).map(|c| value(c.try_into().unwrap_or([0; N]))).collect())
}

/// Reads a table written by [`write`] from the front of `bytes`, moving past it; `None` when the bytes are
/// cut short or hold a value no table has.
pub fn read(bytes: &mut &[u8]) -> Option<Table> {
    let mut t = Table::default();
    for _ in 0..count(bytes)? {
        let b = take(bytes, 9)?;
        let side = match b[3] {
            0 => Side::Exporter,
            1 => Side::Importer,
            2 => Side::Reconciled,
            _ => return None,
        };
        t.metas.push(Meta {
            year: u16::from_le_bytes([b[0], b[1]]),
            month: b[2],
            side,
            re: b[4] != 0,
            source: u16::from_le_bytes([b[5], b[6]]),
            unit: u16::from_le_bytes([b[7], b[8]]),
        });
    }
    for _ in 0..count(bytes)? {
        let c = take(bytes, 3)?;
        t.countries.push([c[0], c[1], c[2]]);
    }
    for _ in 0..count(bytes)? {
        let p = take(bytes, 5)?;
        t.products.push(HsCode::from_parts(
            p[0],
            u32::from_le_bytes([p[1], p[2], p[3], p[4]]),
        )?);
    }
    for texts in [&mut t.sources, &mut t.units] {
        for _ in 0..count(bytes)? {
            texts.push(read_text(bytes)?);
        }
    }
    let rows = count(bytes)?;
    t.meta = get(bytes, rows, u16::from_le_bytes)?;
    t.exporter = get(bytes, rows, u16::from_le_bytes)?;
    t.importer = get(bytes, rows, u16::from_le_bytes)?;
    t.product = get(bytes, rows, u16::from_le_bytes)?;
    t.value_cents = get(bytes, rows, i64::from_le_bytes)?;
    t.quantity = get(bytes, rows, |b| f32::from_bits(u32::from_le_bytes(b)))?;
    let starts = count(bytes)?;
    t.exporter_starts = get(bytes, starts, u32::from_le_bytes)?;
    Some(t)
}

/// A length or count, as 4 bytes.
pub(crate) fn len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

/// A text: its length, then its UTF-8.
pub(crate) fn text(out: &mut Vec<u8>, s: &str) {
    len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// A text written by [`text`].
pub(crate) fn read_text(bytes: &mut &[u8]) -> Option<String> {
    let n = count(bytes)?;
    String::from_utf8(take(bytes, n)?.to_vec()).ok()
}

/// A length or count written by [`len`].
pub(crate) fn count(bytes: &mut &[u8]) -> Option<usize> {
    let b = take(bytes, 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

/// The next `n` bytes, moving past them.
pub(crate) fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    let (head, rest) = (bytes.get(..n)?, bytes.get(n..)?);
    *bytes = rest;
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load, Options};

    #[test]
    fn reads_back_what_it_wrote_and_refuses_cut_bytes() {
        let mut csv = String::from(
            "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n",
        );
        csv.push_str(
            "2023,4,CHN,KAZ,854231,12.5,3,kg,exporter,a\n2022,,KAZ,RUS,TOTAL,7,,,importer,b\n",
        );
        let t = load("t.csv", csv.as_bytes(), &Options::default()).map(|l| l.table);
        let t = t.unwrap_or_else(|e| panic!("{e}"));
        let mut out = Vec::new();
        write(&t, &mut out);
        let back = read(&mut out.as_slice());
        assert_eq!(format!("{back:?}"), format!("{:?}", Some(&t)));
        for cut in [0, 5, out.len() / 2, out.len() - 1] {
            assert!(read(&mut &out[..cut]).is_none(), "cut at {cut}");
        }
    }
}
