//! `roundabout generate`: a seeded BACI-like table for benchmarks.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use roundabout::Error;

/// Arguments of `roundabout generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Rows to write.
    #[arg(long)]
    rows: usize,
    /// The seed: the same seed gives the same bytes.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Where to write the BACI CSV; standard output when absent.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Runs `roundabout generate`.
pub fn run(args: &Args) -> Result<(), Error> {
    let sink: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(File::create(p).map_err(|e| Error::Input(format!("{}: cannot create: {e}", p.display())))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, sink);
    let io = |source| Error::Write { what: "the generated table".to_string(), source };
    roundabout::bench_data::write_baci(args.rows, args.seed, &mut out).map_err(io)?;
    out.flush().map_err(io)
}
