//! `roundabout inspect`: what a trade file holds.

use std::path::PathBuf;

use roundabout::lang::Lang;
use roundabout::story::language::basis::basis_in;
use roundabout::Error;

/// Arguments of `roundabout inspect`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The trade file: plain, .gz, or BACI's .zip.
    file: PathBuf,
    /// BACI's country-code file, for a BACI data file.
    #[arg(long)]
    codes: Option<PathBuf>,
}

/// Runs `roundabout inspect`.
pub fn run(args: &Args) -> Result<(), Error> {
    let codes = super::load::codes(args.codes.as_deref())?;
    let gathered = super::load::files(&[args.file.as_path()], codes.as_ref(), false, None)?;
    let loaded = &gathered.loaded;
    let t = &loaded.table;
    println!("file: {}", args.file.display());
    if gathered.files.len() > 1 {
        println!("entries: {}", gathered.files.len());
    }
    println!("format: {}", gathered.formats);
    println!("rows: {}", t.len());
    match t.years() {
        Some((a, b)) => println!("years: {a}-{b}"),
        None => println!("years: none"),
    }
    let mut countries: Vec<&str> = t.countries().collect();
    countries.sort_unstable();
    println!("countries: {} ({})", countries.len(), countries.join(" "));
    let p = t.products();
    let level = |d: u8| p.iter().filter(|c| c.digits() == d).count();
    println!(
        "products: {} (TOTAL: {}, HS2: {}, HS4: {}, HS6: {})",
        p.len(),
        if level(0) > 0 { "yes" } else { "no" },
        level(2),
        level(4),
        level(6)
    );
    println!("counted: {}", basis_in(&roundabout::query::count::basis(t), Lang::En));
    println!("sources: {}", t.sources().join(" | "));
    println!("bytes per row: {:.1}", t.bytes_per_row());
    for note in &loaded.notes {
        println!("note: {note}");
    }
    println!("bad rows: {}", loaded.bad_rows);
    for e in &loaded.first_errors {
        println!("  {e}");
    }
    let shown = loaded.first_errors.len() as u64;
    if loaded.bad_rows > shown {
        println!("  … and {} more", loaded.bad_rows - shown);
    }
    Ok(())
}
