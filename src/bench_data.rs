//! Seeded BACI-like tables for benchmarks, and the benchmark queries: one place for the criterion bench,
//! the wasm bench and `roundabout generate`.
//!
//! ```
//! let csv = roundabout::bench_data::baci(1_000, 42);
//! let t = roundabout::ingest::load("b.csv", csv.as_bytes(), &Default::default()).unwrap().table;
//! assert_eq!(t.len(), 1_000);
//! assert_eq!(csv, roundabout::bench_data::baci(1_000, 42));
//! ```

use std::io::{self, Write};

use crate::countries::ISO;
use crate::hs::CHPL;
use crate::query::{Key, Query};

/// China, Kazakhstan, Kyrgyzstan, Russia (BACI codes): first, so the skew makes them busy partners.
const ROUTE: [u16; 4] = [156, 398, 417, 643];
/// Countries, HS6 codes and years in a generated table.
pub const COUNTRIES: usize = 230;
/// HS6 codes, the 50 CHPL codes among them.
pub const PRODUCTS: usize = 5_400;
/// Years 2016 to 2023.
pub const YEARS: u64 = 8;

/// xorshift64*: small, seeded, reproducible on every target.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index in 0..n, skewed towards 0 the way trade concentrates on a few partners and goods.
    fn skewed(&mut self, n: usize) -> usize {
        ((self.unit().powi(3) * n as f64) as usize).min(n - 1)
    }
}

/// Writes `rows` BACI rows (`t,i,j,k,v,q`, header first): ~230 countries with skewed partners, ~5,400
/// HS6 codes including the CHPL, 8 years, one quantity in ten `NA`. The same seed gives the same bytes.
pub fn write_baci<W: Write>(rows: usize, seed: u64, out: &mut W) -> io::Result<()> {
    // xorshift has a fixed point at 0.
    let mut rng = Rng(seed.max(1));
    let mut countries: Vec<u16> = ROUTE.to_vec();
    countries.extend(ISO.iter().map(|c| c.numeric).filter(|n| !ROUTE.contains(n)).take(COUNTRIES - ROUTE.len()));
    let mut products: Vec<u32> = CHPL.iter().map(|(c, _)| *c).collect();
    while products.len() < PRODUCTS {
        let code = (rng.next() % 97 + 1) as u32 * 10_000 + (rng.next() % 99 + 1) as u32 * 100 + (rng.next() % 10) as u32 * 10;
        if !products.contains(&code) {
            products.push(code);
        }
    }
    out.write_all(b"t,i,j,k,v,q\n")?;
    for _ in 0..rows {
        let year = 2016 + rng.next() % YEARS;
        let e = rng.skewed(countries.len());
        let mut m = rng.skewed(countries.len());
        if m == e {
            // BACI has no trade of a country with itself: the next partner instead.
            m = (m + 1) % countries.len();
        }
        let (i, j) = (countries[e], countries[m]);
        let k = products[rng.skewed(products.len())];
        let v = (rng.unit() * 1e6).round() / 1e3;
        write!(out, "{year},{i},{j},{k:06},{v:.3},")?;
        if rng.next() % 10 == 0 {
            out.write_all(b"NA\n")?;
        } else {
            writeln!(out, "{:.3}", rng.unit() * 1e4)?;
        }
    }
    Ok(())
}

/// UN Comtrade Plus's columns, as its bulk files and the API's CSV give them.
const COMTRADE_PLUS_HEADER: &str = "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate";

/// Products' descriptions of the shape Comtrade gives them: quoted when they hold a comma.
const DESCRIPTIONS: [&str; 4] = [
    "\"Unmanned aircraft; other than for recreational flight, of a maximum take-off weight not more than 250 g\"",
    "\"Processors and controllers, whether or not combined with memories, converters, logic circuits, amplifiers\"",
    "Machining centres for working metal; horizontal",
    "\"Telephones for cellular networks or for other wireless networks, smartphones\"",
];

/// Writes `rows` rows of a UN Comtrade Plus file (all 47 columns, as its bulk files have them): the rows of
/// [`write_baci`] as exports reported by the exporter, with Comtrade's country names and quoted
/// descriptions. The same seed gives the same bytes.
pub fn write_comtrade_plus<W: Write>(rows: usize, seed: u64, out: &mut W) -> io::Result<()> {
    let mut rng = Rng(seed.max(1));
    let countries: Vec<&crate::countries::Country> = ISO.iter().filter(|c| c.numeric != 0).take(COUNTRIES).collect();
    let quote = |name: &str| if name.contains(',') { format!("\"{name}\"") } else { name.to_string() };
    writeln!(out, "{COMTRADE_PLUS_HEADER}")?;
    for _ in 0..rows {
        let year = 2016 + rng.next() % YEARS;
        let e = rng.skewed(countries.len());
        let mut m = rng.skewed(countries.len());
        if m == e {
            // No country's exports to itself: the next partner instead, as in write_baci.
            m = (m + 1) % countries.len();
        }
        let (e, m) = (countries[e], countries[m]);
        let code = CHPL[rng.skewed(CHPL.len())].0;
        let description = DESCRIPTIONS[(rng.next() % 4) as usize];
        let (value, kg) = ((rng.unit() * 1e9).round() / 100.0, (rng.unit() * 1e6).round());
        writeln!(
            out,
            "C,A,{year}0101,{year},52,{year},{},{},{},X,Export,{},{},{},0,W00,World,H6,HS,true,{code:06},{description},6,true,C00,TOTAL CPC,0,0,TOTAL MOT,8,kg,{kg},false,-1,N/A,,false,{kg},false,,false,,{value:.2},{value:.2},0,true,false",
            e.numeric, e.alpha3, quote(e.name), m.numeric, m.alpha3, quote(m.name)
        )?;
    }
    Ok(())
}

/// [`write_baci`] into a string.
pub fn baci(rows: usize, seed: u64) -> String {
    let mut out = Vec::with_capacity(rows * 36 + 16);
    // Writing to a Vec cannot fail, and the generator writes ASCII only.
    let _ = write_baci(rows, seed, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The selective query, as two legs: China → {KAZ, KGZ} and {KAZ, KGZ} → Russia, the 50 CHPL codes, grouped
/// by exporter, importer and year.
pub fn route_queries() -> [Query; 2] {
    let leg = |from: &[&str], to: &[&str]| Query {
        exporters: Some(from.iter().map(|s| s.to_string()).collect()),
        importers: Some(to.iter().map(|s| s.to_string()).collect()),
        products: Some(vec!["chpl".into()]),
        group_by: vec![Key::Exporter, Key::Importer, Key::Year],
        ..Query::default()
    };
    [leg(&["CHN"], &["KAZ", "KGZ"]), leg(&["KAZ", "KGZ"], &["RUS"])]
}

/// The full group-by: every row, by exporter, importer, year and HS chapter.
pub fn full_query() -> Query {
    Query { group_by: vec![Key::Exporter, Key::Importer, Key::Year, Key::Hs2], ..Query::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load, Options};
    use crate::query::run;

    #[test]
    fn seeded_tables_load_cleanly_and_differ_by_seed() {
        let a = baci(20_000, 7);
        assert_ne!(a, baci(20_000, 8));
        let loaded = load("b.csv", a.as_bytes(), &Options::default()).map_err(|e| e.to_string());
        let loaded = loaded.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((loaded.table.len(), loaded.bad_rows), (20_000, 0));
        assert!(loaded.table.countries().count() > 150, "the skew still reaches most countries");
        assert_eq!(loaded.table.years(), Some((2016, 2023)));
        assert!(loaded.table.records().all(|r| r.exporter != r.importer), "no country trades with itself, as in BACI");
        // The store's goal is 24 bytes a row at most, dictionaries included; at 20 000 rows they still weigh.
        assert!(loaded.table.bytes_per_row() <= 24.0, "{} bytes a row", loaded.table.bytes_per_row());
        let legs: Vec<usize> = route_queries().iter().map(|q| run(&loaded.table, q).map_or(0, |a| a.rows.len())).collect();
        assert!(legs.iter().all(|n| *n > 0), "both legs find CHPL flows: {legs:?}");
    }
}
