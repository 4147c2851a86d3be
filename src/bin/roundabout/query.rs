//! `roundabout query`: load files, run one query, print CSV.

use std::io::Write;
use std::path::PathBuf;

use roundabout::query::{Flow, Key, Query, Side};
use roundabout::store::{csv_cell, Cents, Table};
use roundabout::Error;

/// Arguments of `roundabout query`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Trade file (tidy CSV, BACI, Comtrade Plus or legacy Comtrade; plain, .gz, or BACI's .zip, whose
    /// entries outside --years are skipped), or BACI's country-code file. Repeat to combine files.
    #[arg(long = "data", required = true)]
    data: Vec<PathBuf>,
    /// BACI's country-code file, for BACI data files.
    #[arg(long)]
    codes: Option<PathBuf>,
    #[command(flatten)]
    filter: Filter,
    /// Group keys: exporter, importer, year, month, hs2, hs4, hs6, reported_by, source.
    #[arg(long, value_delimiter = ',', value_parser = parse_key)]
    group_by: Vec<Key>,
    /// Stop at the first bad row instead of skipping it.
    #[arg(long)]
    strict: bool,
}

/// Which rows to keep: the flags `query` and `prepare` share.
#[derive(Debug, clap::Args)]
pub struct Filter {
    /// Exporters, ISO3 codes separated by commas (e.g. CHN).
    #[arg(long, value_delimiter = ',')]
    exporter: Option<Vec<String>>,
    /// Importers, ISO3 codes separated by commas (e.g. KAZ,KGZ).
    #[arg(long, value_delimiter = ',')]
    importer: Option<Vec<String>>,
    /// Products: presets (chpl, chpl45, tier1…tier4b, drones), hs:NN, codes or prefixes, TOTAL.
    #[arg(long, value_delimiter = ',')]
    hs: Option<Vec<String>>,
    /// Years, `2021-2023` or `2023`.
    #[arg(long, value_parser = parse_years)]
    years: Option<(u16, u16)>,
    /// Reporting sides: exporter, importer, reconciled.
    #[arg(long, value_delimiter = ',', value_parser = parse_side)]
    reported_by: Option<Vec<Side>>,
    /// Flows: export, import, re-export, re-import (or X, M, RX, RM); exports and imports by default.
    #[arg(long = "flow", value_delimiter = ',', value_parser = parse_flow)]
    flow: Option<Vec<Flow>>,
}

impl Filter {
    /// The query these flags ask for, grouped by `group_by`.
    pub fn query(&self, group_by: Vec<Key>) -> Query {
        Query {
            exporters: self.exporter.clone(),
            importers: self.importer.clone(),
            products: self.hs.clone(),
            years: self.years,
            reported_by: self.reported_by.clone(),
            flows: self.flow.clone(),
            group_by,
        }
    }
}

fn parse_years(s: &str) -> Result<(u16, u16), String> {
    let year = |y: &str| y.trim().parse::<u16>().map_err(|_| format!("`{y}` is not a year; expected e.g. 2021-2023 or 2023"));
    match s.split_once('-') {
        Some((a, b)) => Ok((year(a)?, year(b)?)),
        None => year(s).map(|y| (y, y)),
    }
}

fn parse_side(s: &str) -> Result<Side, String> {
    Side::parse(s.trim().as_bytes()).ok_or_else(|| format!("`{s}`: expected exporter, importer or reconciled"))
}

fn parse_flow(s: &str) -> Result<Flow, String> {
    Flow::parse(s.as_bytes()).ok_or_else(|| format!("`{s}`: expected export, import, re-export or re-import (X, M, RX, RM)"))
}

fn parse_key(s: &str) -> Result<Key, String> {
    Key::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
        format!("`{s}`: expected one of {}", names.join(", "))
    })
}

/// Loads every `--data` file into one table (of a zip, the entries of `years`), reporting bad rows on stderr.
pub fn tables(data: &[PathBuf], codes: Option<&std::path::Path>, strict: bool, years: Option<(u16, u16)>) -> Result<Table, Error> {
    let codes = super::load::codes(codes)?;
    let paths: Vec<&std::path::Path> = data.iter().map(PathBuf::as_path).collect();
    let gathered = super::load::files(&paths, codes.as_ref(), strict, years)?;
    let loaded = gathered.loaded;
    for note in &loaded.notes {
        eprintln!("{note}");
    }
    if loaded.bad_rows > 0 {
        eprintln!("{}: skipped {} bad rows", gathered.files.join(", "), loaded.bad_rows);
        for e in &loaded.first_errors {
            eprintln!("  {e}");
        }
    }
    Ok(loaded.table)
}

impl Args {
    /// The files of `--data`, as one table.
    pub fn table(&self) -> Result<Table, Error> {
        tables(&self.data, self.codes.as_deref(), self.strict, self.filter.years)
    }

    /// The query the flags describe.
    pub fn query(&self) -> Query {
        self.filter.query(self.group_by.clone())
    }
}

/// Runs `roundabout query`.
pub fn run(args: &Args) -> Result<(), Error> {
    let answer = roundabout::query::run(&args.table()?, &args.query())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_csv(&answer, &mut out).map_err(|source| Error::Write { what: "the answer".to_string(), source })
}

fn write_csv<W: Write>(answer: &roundabout::query::Answer, out: &mut W) -> std::io::Result<()> {
    for k in &answer.keys {
        write!(out, "{k},")?;
    }
    writeln!(out, "value_usd")?;
    for row in &answer.rows {
        for v in &row.keys {
            write!(out, "{},", csv_cell(&v.to_string()))?;
        }
        writeln!(out, "{}", Cents(row.value_cents))?;
    }
    out.flush()
}
