//! The rows of a table touching some countries, copied into a builder of their own: a piece of a big file
//! of which a reader keeps only the story's countries. Codes are renumbered through small tables, no
//! hashing per row.

use super::builder::TableBuilder;
use super::table::{code_str, Table};
use crate::Error;

/// Appends the rows of `piece` whose exporter or importer is one of `keep` (alpha-3 codes, upper case). Only
/// what those rows name is interned, in their order, as interning them row by row would: the dictionaries
/// hold nothing of the rows left out.
pub fn append_kept(b: &mut TableBuilder, piece: &Table, keep: &[String]) -> Result<(), Error> {
    let wanted: Vec<bool> = piece
        .countries
        .iter()
        .map(|c| keep.iter().any(|k| k.as_bytes() == c))
        .collect();
    let mut countries: Vec<Option<Option<u16>>> = vec![None; piece.countries.len()];
    let mut products = vec![None; piece.products.len()];
    let mut metas = vec![None; piece.metas.len()];
    let rows = piece
        .meta
        .iter()
        .zip(&piece.exporter)
        .zip(&piece.importer)
        .zip(&piece.product)
        .zip(piece.value_cents.iter().zip(&piece.quantity));
    for ((((&m, &e), &imp), &p), (&v, &q)) in rows {
        let flag = |c: u16| wanted.get(usize::from(c)).copied();
        let (Some(we), Some(wi)) = (flag(e), flag(imp)) else {
            return Err(broken());
        };
        if !(we || wi) {
            continue;
        }
        let m = lazily(&mut metas, m, || {
            let meta = piece.metas.get(usize::from(m)).ok_or_else(broken)?;
            let source = b.source(
                piece
                    .sources
                    .get(usize::from(meta.source))
                    .ok_or_else(broken)?,
            )?;
            let unit = b.unit(piece.units.get(usize::from(meta.unit)).ok_or_else(broken)?)?;
            b.flow_meta(meta.year, meta.month, meta.side, meta.re, source, unit)
        })?;
        let mut country = |c: u16| {
            lazily(&mut countries, c, || {
                let code = piece.countries.get(usize::from(c)).ok_or_else(broken)?;
                b.country(code_str(code).as_bytes())
            })
        };
        let (e, imp) = (country(e)?, country(imp)?);
        let p = lazily(&mut products, p, || {
            b.product(*piece.products.get(usize::from(p)).ok_or_else(broken)?)
        })?;
        if let (Some(e), Some(imp)) = (e, imp) {
            b.push(m, e, imp, p, v, f64::from(q));
        }
    }
    Ok(())
}

/// The builder's index for the piece's index `at`, interned by `intern` the first time it is asked.
fn lazily<T: Copy>(
    map: &mut [Option<T>],
    at: u16,
    intern: impl FnOnce() -> Result<T, Error>,
) -> Result<T, Error> {
    let slot = map.get_mut(usize::from(at)).ok_or_else(broken)?;
    if let Some(i) = *slot {
        return Ok(i);
    }
    let i = intern()?;
    *slot = Some(i);
    Ok(i)
}

/// A piece whose rows name codes its dictionaries lack: a worker sent bytes it did not write.
fn broken() -> Error {
    Error::Input("a piece of the file came back damaged from its worker".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hs::HsCode;
    use crate::store::Side;

    #[test]
    fn kept_rows_name_only_what_they_hold() -> Result<(), Error> {
        let piece = |rows: &[(&str, &str, &str, i64)]| -> Result<Table, Error> {
            let mut b = TableBuilder::new("p");
            for (e, i, p, v) in rows {
                let s = b.source("s")?;
                let m = b.meta(2023, 0, Side::Exporter, s, 0)?;
                let (e, i) = (
                    b.country(e.as_bytes())?.unwrap_or(0),
                    b.country(i.as_bytes())?.unwrap_or(0),
                );
                let p = b.product(HsCode::parse(p.as_bytes()).unwrap_or(HsCode::TOTAL))?;
                b.push(m, e, i, p, *v, f64::NAN);
            }
            Ok(b.unsorted())
        };
        let a = [("CHN", "KAZ", "8542", 1), ("KAZ", "RUS", "8806", 2)];
        let c = [("KGZ", "RUS", "8806", 3), ("CHN", "KGZ", "9013", 4)];
        // Kept rows only, and only what they name: as if the piece had held them alone.
        let rows = [a[0], a[1], c[0], c[1], ("USA", "DEU", "0101", 5)];
        let mut kept = TableBuilder::new("m");
        append_kept(&mut kept, &piece(&rows)?, &["KGZ".to_string()])?;
        assert_eq!(
            format!("{:?}", kept.unsorted()),
            format!("{:?}", piece(&[c[0], c[1]])?)
        );
        let mut bad = piece(&rows)?;
        bad.product[2] = 7;
        assert!(append_kept(&mut TableBuilder::new("m"), &bad, &["KGZ".to_string()]).is_err());
        Ok(())
    }
}
