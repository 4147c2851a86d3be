//! A reader's own trade file, summed over products within their groups: what the page's worker hands back
//! to the page, so that however big the file, the page holds one row per country pair, year, month, side,
//! source and product group (a CHPL tier, other goods, or all goods).

use std::fmt::Write as _;

use serde::Serialize;

use crate::hs::HsCode;
use crate::ingest::Loaded;
use crate::query::{self, Key, KeyValue, Query};
use crate::store::{csv_cell, Cents, Flow, Side, Table, TableBuilder, TIDY_HEADER};
use crate::lang::Lang;
use crate::story::language::basis::basis_in;
use crate::story::language::loaded::Shown;
use crate::story::language::names::Names;
use crate::story::language::whose::whose_reports;
use crate::story::language::words::Words;
use crate::Error;

/// What a loaded file held, in sentences ready for the page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileSummary {
    pub file: String,
    /// "CEPII BACI", "UN Comtrade Plus", "tidy CSV".
    pub format: String,
    pub rows: u64,
    pub years: Vec<u16>,
    /// The years as a reader writes them: "2019", "2019–2023", or "" for none.
    pub span: String,
    pub bad_rows: u64,
    /// The first bad rows, each in English, Ukrainian and Russian: "line 7, column `v`: found `abc`,
    /// expected a number".
    pub first_errors: Vec<Vec<String>>,
    /// Routes the file has no rows for, e.g. "KGZ → RUS".
    pub missing_routes: Vec<String>,
    /// What the reader guessed (country codes from the built-in table, a code file of another release) and,
    /// for a file holding aggregates beside their detail, what "all goods" and "to the world" read; each in
    /// English, Ukrainian and Russian.
    pub notes: Vec<Vec<String>>,
    /// The flows the file holds (`export`, `import`, `re-export`, `re-import`), so the page offers a choice
    /// only where there is one.
    pub flows: Vec<&'static str>,
    /// The file's goods in words, in English, Ukrainian and Russian: "drones (HS 8806)".
    pub goods: Vec<String>,
    /// Every product of the file an HS code off the CHPL list: the cut's `OTHER` rows are all its goods,
    /// which the map's key names (`Page::load`).
    pub off_the_list: bool,
    /// Whose reports its figures are, in the same languages: "as China reports them".
    pub whose: Vec<String>,
    /// The file, its goods, years, format and whose reports, in a sentence in the same languages.
    pub dek: Vec<String>,
    /// The line under the file input, in the same languages: "Showing baci.csv: CEPII BACI, 28 rows, …".
    pub shown: Vec<String>,
}

/// A file's cut and its summary, as the worker hands them to the page.
#[derive(Clone, Debug)]
pub struct Cut {
    /// One row per group: the table the page's core would read from the cut as tidy CSV, built without
    /// the text (some 8 MB of a BACI year's, which the page took 130 ms to read).
    pub table: Table,
    pub summary: FileSummary,
}

/// The rows of `loaded`, summed over products per country pair, year, month, side, source and product group
/// (its product is the group's token: `CHPL-1` … `CHPL-4.B`, `OTHER`, or `TOTAL`), with a summary of the
/// whole file naming which of `routes` it lacks. `flows` chooses the flows counted, as the CLI's `--flow`
/// does; `None` counts exports and imports. Countries are named in English, and in `speaking`'s language
/// from its names.
pub fn story_cut(file: &str, loaded: &Loaded, routes: &[(&str, &str)], flows: Option<Vec<Flow>>, speaking: Option<(Lang, &Names)>) -> Result<Cut, Error> {
    let table = &loaded.table;
    let keys = vec![Key::Year, Key::Month, Key::Exporter, Key::Importer, Key::ReportedBy, Key::Source, Key::ProductGroup];
    // Every pair, not only the routes: the page shows a file's largest pairs and sums the rest.
    let counts_all = flows.is_none() && !query::count::aggregates(table);
    let groups = query::aggregate_by_route(table, &Query { group_by: keys, flows, ..Query::default() })?;
    groups.fits()?;
    let mut cut = TableBuilder::new("cut");
    // Every row's unit is none: interned once, not looked up again for each of some 100,000 groups.
    let unit = cut.unit("")?;
    let mut refused = None;
    let mut found = vec![false; routes.len()];
    // Whose reports they are depends only on which there are: a run of the same one is kept once.
    let mut reports: Vec<(Side, String, String)> = Vec::new();
    let mut cut_years: Vec<u16> = Vec::new();
    groups.each_group(&mut |keys, sums| {
        let [year, month, exporter, importer, side, source, group] = keys else { return };
        let (exporter, importer) = (exporter.text(), importer.text());
        if let Some(side) = Side::parse(side.text().as_bytes()) {
            if reports.last().is_none_or(|(s, e, i)| (*s, e.as_str(), i.as_str()) != (side, exporter, importer)) {
                reports.push((side, exporter.to_string(), importer.to_string()));
            }
        }
        if refused.is_none() {
            refused = push_group(&mut cut, [year, month, side, source, group], exporter, importer, sums.value_cents, unit).err();
        }
        for (route, found) in routes.iter().zip(&mut found) {
            *found |= route.0 == exporter && route.1 == importer;
        }
        // The groups come by year first.
        if let KeyValue::Number(y) = year {
            if let Ok(y) = u16::try_from(*y) {
                if cut_years.last() != Some(&y) {
                    cut_years.push(y);
                }
            }
        }
    });
    if let Some(e) = refused {
        return Err(e);
    }
    // Counting exports and imports, every row counted once as it is, the file's years are the cut's own.
    let years = if counts_all {
        cut_years
    } else {
        query::run(table, &Query { group_by: vec![Key::Year], ..Query::default() })?
            .rows
            .iter()
            .filter_map(|r| r.keys.first()?.to_string().parse().ok())
            .collect::<Vec<u16>>()
    };
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    let mut summary = FileSummary {
        file: file.to_string(),
        format: loaded.format.to_string(),
        rows: table.len() as u64,
        years,
        span,
        bad_rows: loaded.bad_rows,
        first_errors: loaded.first_errors.iter().map(|e| Lang::ALL.iter().map(|&lang| e.said_in(lang)).collect()).collect(),
        missing_routes: routes.iter().zip(&found).filter(|(_, f)| !**f).map(|(r, _)| format!("{} → {}", r.0, r.1)).collect(),
        notes: notes_in_each_language(loaded, table, speaking),
        flows: Flow::ALL.iter().filter(|f| table.metas.iter().any(|m| f.holds(m.side, m.re))).map(|f| f.as_str()).collect(),
        goods: Lang::ALL.iter().map(|&lang| crate::story::language::goods::goods_label(table.products(), lang)).collect(),
        off_the_list: crate::hs::Group::all_off_the_list(table.products()),
        whose: Lang::ALL
            .iter()
            .map(|&lang| whose_reports(reports.iter().map(|(s, e, i)| (*s, e.as_str(), i.as_str())), lang, names_in(speaking, lang)))
            .collect(),
        dek: Vec::new(),
        shown: Vec::new(),
    };
    summary.set_sentences();
    Ok(Cut { table: cut.finish(), summary })
}

/// The cut as Roundabout's tidy CSV (the `hs` column holds the group's token), as a saved story holds it: its
/// rows have no quantity, so no number is written but whole cents (the worker's module has no float
/// formatting to carry for it).
pub fn cut_csv(table: &Table) -> String {
    let mut csv = String::from(TIDY_HEADER);
    csv.push('\n');
    for r in table.records() {
        let month = r.month.map(|m| m.to_string()).unwrap_or_default();
        let _ = writeln!(csv, "{},{month},{},{},{},{},,,{},{}", r.year, r.exporter, r.importer, r.product, Cents(r.value_cents), r.reported_by, csv_cell(r.source));
    }
    csv
}

/// One group as a row of the cut (`unit`: the builder's index of no unit), interned as the tidy reader
/// interns its line (`ingest::tidy`), so that the page's table is the one it made of the cut's CSV.
fn push_group(b: &mut TableBuilder, [year, month, side, source, group]: [&KeyValue; 5], exporter: &str, importer: &str, cents: i64, unit: u16) -> Result<(), Error> {
    let number = |k: &KeyValue| if let KeyValue::Number(n) = k { *n } else { 0 };
    let broken = || Error::Input(format!("the cut: the group {exporter} → {importer}, {year}, {group} cannot be a row"));
    let year = u16::try_from(number(year)).map_err(|_| broken())?;
    let month = u8::try_from(number(month)).map_err(|_| broken())?;
    let exp = b.country(exporter.as_bytes())?.ok_or_else(broken)?;
    let imp = b.country(importer.as_bytes())?.ok_or_else(broken)?;
    let hs = HsCode::parse(group.text().as_bytes()).ok_or_else(broken)?;
    let side = Side::parse(side.text().as_bytes()).ok_or_else(broken)?;
    let src = b.source(source.text())?;
    let product = b.product(hs)?;
    // A country's trade with itself is a re-import, as the tidy reader marks it.
    let meta = if exp == imp { b.flow_meta(year, month, Side::Importer, true, src, unit)? } else { b.meta(year, month, side, src, unit)? };
    b.push(meta, exp, imp, product, cents, f64::NAN);
    Ok(())
}

/// `speaking`'s names when they are `lang`'s.
fn names_in(speaking: Option<(Lang, &Names)>, lang: Lang) -> Option<&Names> {
    speaking.filter(|(l, _)| *l == lang).map(|(_, names)| names)
}

/// The file's notes and, where it holds aggregates beside their detail, what its totals read, each in
/// every language, countries named in `speaking`'s from its names.
fn notes_in_each_language(loaded: &Loaded, table: &crate::store::Table, speaking: Option<(Lang, &Names)>) -> Vec<Vec<String>> {
    let in_each = |say: &dyn Fn(Lang) -> String| Lang::ALL.iter().map(|&lang| say(lang)).collect();
    let basis = query::count::aggregates(table).then(|| query::count::basis(table));
    let name_in = |lang: Lang, code: &str| names_in(speaking, lang).and_then(|names| names.get(code)).map(str::to_string);
    let notes = loaded.notes.iter().map(|n| in_each(&|lang| n.said_in(lang, &|code| name_in(lang, code))));
    notes.chain(basis.map(|b| in_each(&|lang| basis_in(&b, lang)))).collect()
}

impl FileSummary {
    /// Words [`FileSummary::dek`] and [`FileSummary::shown`] from the other fields: again after the format is
    /// changed (several files).
    pub fn set_sentences(&mut self) {
        let langs = Lang::ALL.iter().zip(&self.goods).zip(&self.whose);
        self.dek = langs.map(|((&lang, goods), whose)| Words(lang).file_dek(&self.file, goods, &self.span, &self.format, whose)).collect();
        self.shown = (0..Lang::ALL.len())
            .map(|at| {
                let notes: Vec<String> = self.notes.iter().map(|n| n[at].clone()).collect();
                let shown = Shown {
                    file: &self.file,
                    format: &self.format,
                    rows: self.rows,
                    years: &self.span,
                    missing: &self.missing_routes,
                    notes: &notes,
                    bad_rows: self.bad_rows,
                };
                Words(Lang::ALL[at]).file_shown(&shown)
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load, Options};
    use crate::story::DEFAULT_ROUTES;

    #[test]
    fn products_sum_within_their_groups_and_missing_routes_are_named() {
        let csv = "t,i,j,k,v,q\n2022,156,398,880621,1.5,NA\n2022,156,398,854231,2.25,\n2023,398,643,880621,2.7,1\n\
                   2023,156,643,880621,9,1\n2023,156,398,bad,1,1\n";
        let loaded = load("baci.csv", csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
        let made = story_cut("baci.csv", &loaded, &DEFAULT_ROUTES, None, None).unwrap_or_else(|e| panic!("{e}"));
        let (cut, summary) = (cut_csv(&made.table), made.summary);
        let lines: Vec<&str> = cut.lines().collect();
        // BACI values are thousands of dollars; 854231 is CHPL tier 1, drones (8806) are not on the list.
        assert_eq!(
            lines[1..],
            [
                "2022,,CHN,KAZ,CHPL-1,2250.00,,,reconciled,CEPII BACI (baci.csv)",
                "2022,,CHN,KAZ,OTHER,1500.00,,,reconciled,CEPII BACI (baci.csv)",
                "2023,,CHN,RUS,OTHER,9000.00,,,reconciled,CEPII BACI (baci.csv)",
                "2023,,KAZ,RUS,OTHER,2700.00,,,reconciled,CEPII BACI (baci.csv)"
            ]
        );
        assert_eq!(summary.rows, 4);
        assert_eq!(summary.years, [2022, 2023]);
        assert_eq!(summary.bad_rows, 1);
        assert!(summary.first_errors[0][0].starts_with("line 6, column `k`"), "{:?}", summary.first_errors);
        assert!(summary.first_errors[0][1].starts_with("рядок 6, стовпець `k`: знайдено `bad`"), "{:?}", summary.first_errors);
        assert!(summary.first_errors[0][2].starts_with("строка 6, столбец `k`: найдено `bad`"), "{:?}", summary.first_errors);
        assert_eq!(summary.missing_routes, ["CHN → KGZ", "KGZ → RUS"]);
        // The goods are named from the file's codes, before the cut sums them by group.
        assert_eq!(summary.goods[0], "goods of HS 8542, 8806");
        // 8542's codes are on the CHPL list: the cut's `OTHER` rows are not all the file's goods.
        assert!(!summary.off_the_list);
        assert_eq!(summary.whose[0], "as CEPII BACI reconciles both sides' reports");
        assert_eq!(summary.dek[0], format!("baci.csv: goods of HS 8542, 8806, 2022–2023, from {}, as CEPII BACI reconciles both sides' reports. Arrow width shows their value in a year.", summary.format));
        assert!(summary.dek[1].contains("джерело") && summary.dek[2].contains("источник"), "{:?}", summary.dek);
        // Several files: the format is changed and the sentence follows.
        let mut several = summary.clone();
        several.format = "CEPII BACI, UN Comtrade Plus".into();
        several.set_sentences();
        assert!(several.dek[0].contains("from CEPII BACI, UN Comtrade Plus,"));
        assert!(several.shown[0].starts_with("Showing baci.csv: CEPII BACI, UN Comtrade Plus, 4 rows, 2022–2023. No rows for CHN → KGZ, KGZ → RUS."), "{}", several.shown[0]);
        assert!(several.shown[0].ends_with(" 1 bad row skipped:") && several.shown[2].ends_with(" Пропущена 1 ошибочная строка:"), "{:?}", several.shown);
        // The cut reads back as the story's own format, to the table the page is handed.
        let back = load("cut.csv", cut.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(format!("{:?}", back.table), format!("{:?}", made.table));
        assert_eq!(back.bad_rows, 0);
    }

    #[test]
    fn the_groups_add_up_to_the_totals_over_all_products() {
        let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
            2023,1,CHN,KAZ,854231,100.10,,,importer,a\n2023,1,CHN,KAZ,854232,5,,,importer,a\n\
            2023,1,CHN,KAZ,848210,7.25,,,importer,a\n2023,1,CHN,KAZ,940360,1,,,importer,a\n\
            2023,1,CHN,KAZ,854231,3,,,exporter,b\n2023,2,KAZ,RUS,845710,11,,,exporter,b\n\
            2023,2,KAZ,RUS,TOTAL,50,,,importer,c\n2023,2,KAZ,RUS,85,2,,,importer,c\n";
        let loaded = load("t.csv", csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
        let cut = story_cut("t.csv", &loaded, &DEFAULT_ROUTES, None, None).map(|c| cut_csv(&c.table)).unwrap_or_else(|e| panic!("{e}"));
        let back = load("cut.csv", cut.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}")).table;
        let keys = vec![Key::Year, Key::Month, Key::Exporter, Key::Importer, Key::ReportedBy, Key::Source];
        let sums = |t: &crate::store::Table| query::run(t, &Query { group_by: keys.clone(), ..Query::default() }).map(|a| a.rows.into_iter().map(|r| (r.keys, r.value_cents)).collect::<Vec<_>>()).unwrap_or_default();
        let (before, after) = (sums(&loaded.table), sums(&back));
        assert!(before.len() == 4 && before == after, "the old TOTAL sums: {before:?} against {after:?}");
        // KAZ → RUS as Russia reports it holds TOTAL ($50) and chapter 85 ($2) inside it: all goods are the
        // TOTAL, so the cut holds $50 of TOTAL and no chapter counted again.
        assert!(after.iter().any(|(k, v)| k[4].to_string() == "importer" && k[2].to_string() == "KAZ" && *v == 5000), "{after:?}");
        let groups: Vec<&str> = cut.lines().skip(1).map(|l| l.split(',').nth(4).unwrap_or("")).collect();
        assert_eq!(groups, ["CHPL-1", "CHPL-1", "CHPL-3.B", "OTHER", "CHPL-4.B", "TOTAL"]);
    }

    /// The cut as a plain reading of its definition: every row counted (exports and imports), summed in
    /// an ordered map keyed as the cut's rows sort.
    fn reference(table: &crate::store::Table) -> (String, Vec<u16>) {
        use crate::store::table::code_str;
        let mut sums: std::collections::BTreeMap<[KeyValue; 7], i64> = Default::default();
        for i in 0..table.len() {
            let m = &table.metas[usize::from(table.meta[i])];
            if !Flow::DEFAULT.iter().any(|f| f.holds(m.side, m.re)) {
                continue;
            }
            let country = |c: u16| KeyValue::Text(code_str(&table.countries[usize::from(c)]).to_string());
            let group = crate::hs::Group::of(table.products[usize::from(table.product[i])]).code();
            let key = [
                KeyValue::Number(u32::from(m.year)),
                if m.month == 0 { KeyValue::Empty } else { KeyValue::Number(u32::from(m.month)) },
                country(table.exporter[i]),
                country(table.importer[i]),
                KeyValue::Text(m.side.to_string()),
                KeyValue::Text(table.sources[usize::from(m.source)].clone()),
                KeyValue::Text(group.to_string()),
            ];
            *sums.entry(key).or_default() += table.value_cents[i];
        }
        let mut csv = String::from("year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n");
        let mut years: Vec<u16> = Vec::new();
        for ([year, month, exporter, importer, side, source, group], cents) in &sums {
            let _ = writeln!(csv, "{year},{month},{exporter},{importer},{group},{},,,{side},{}", Cents(*cents), csv_cell(&source.to_string()));
            let y = year.to_string().parse().unwrap_or(0);
            if !years.contains(&y) {
                years.push(y);
            }
        }
        (csv, years)
    }

    #[test]
    fn the_cut_is_the_plain_sum_of_its_rows() {
        // A BACI-like file, and a tidy one with months, both sides, sources (one quoted) and a country's trade
        // with itself (a re-import, not counted).
        let baci = crate::bench_data::baci(40_000, 5);
        let mut tidy = String::from("year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n");
        let mut x: u64 = 7;
        let mut next = |n: u64| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (x >> 33) % n
        };
        let codes = ["CHN", "KAZ", "KGZ", "RUS", "DEU", "TUR"];
        let hs = ["854231", "880621", "848210", "940360", "010121", "845710"];
        for _ in 0..5_000 {
            let (e, i) = (next(6) as usize, next(6) as usize);
            let month = match next(13) { 0 => String::new(), m => m.to_string() };
            let (side, source) = (["exporter", "importer"][next(2) as usize], ["a", "\"b, c\""][next(2) as usize]);
            let _ = writeln!(tidy, "{},{month},{},{},{},{}.{:02},,,{side},{source}", 2019 + next(5), codes[e], codes[i], hs[next(6) as usize], next(100_000), next(100));
        }
        for (name, csv) in [("baci.csv", baci), ("tidy.csv", tidy)] {
            let loaded = load(name, csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(loaded.bad_rows, 0, "{name}: {:?}", loaded.first_errors);
            let cut = story_cut(name, &loaded, &DEFAULT_ROUTES, None, None).unwrap_or_else(|e| panic!("{e}"));
            let (csv, years) = reference(&loaded.table);
            assert!(csv.lines().count() > 1_000, "{name}: {} lines", csv.lines().count());
            // The reference's text, read as the page read the cut's text until it was handed the table.
            let read = crate::ingest::load_tidy("cut.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(format!("{:?}", cut.table), format!("{:?}", read.table), "{name}");
            assert_eq!(cut.summary.years, years, "{name}");
            assert!(cut.summary.missing_routes.is_empty(), "{name}: {:?}", cut.summary.missing_routes);
        }
    }

    #[test]
    fn the_cut_counts_the_flows_chosen_and_names_those_the_file_has() {
        let csv = "refYear,refMonth,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,cmdCode,qty,primaryValue\n\
            2024,52,398,KAZ,X,643,RUS,TOTAL,,300\n2024,52,398,KAZ,RX,643,RUS,TOTAL,,70\n2024,52,398,KAZ,M,156,CHN,TOTAL,,90\n";
        let loaded = load("c.csv", csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
        let cut = |flows| story_cut("c.csv", &loaded, &DEFAULT_ROUTES, flows, None).unwrap_or_else(|e| panic!("{e}"));
        let values = |c: &Cut| cut_csv(&c.table).lines().skip(1).map(|l| l.split(',').nth(5).unwrap_or("").to_string()).collect::<Vec<_>>();
        let all = cut(None);
        assert_eq!(all.summary.flows, ["export", "import", "re-export"]);
        assert_eq!(all.summary.span, "2024", "one year is no range");
        // Exports and imports: $300 to Russia and $90 from China; the re-export alone when chosen.
        assert_eq!(values(&all), ["90.00", "300.00"]);
        assert_eq!(values(&cut(Some(vec![Flow::ReExport]))), ["70.00"]);
        assert!(values(&cut(Some(vec![Flow::ReImport]))).is_empty());
    }
}
