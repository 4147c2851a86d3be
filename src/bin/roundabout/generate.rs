//! `roundabout generate`: a seeded BACI-like table, or a UN Comtrade Plus file of the same kind, for
//! benchmarks.

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
    /// Where to write the CSV; standard output when absent.
    #[arg(long)]
    out: Option<PathBuf>,
    /// A UN Comtrade Plus file (all its 47 columns) instead of BACI's.
    #[arg(long)]
    comtrade_plus: bool,
}

/// Runs `roundabout generate`.
pub fn run(args: &Args) -> Result<(), Error> {
    let sink: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(File::create(p).map_err(|e| Error::Input(format!("{}: cannot create: {e}", p.display())))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, sink);
    let io = |source| Error::Write { what: "the generated table".to_string(), source };
    if args.comtrade_plus {
        roundabout::bench_data::write_comtrade_plus(args.rows, args.seed, &mut out).map_err(io)?;
    } else {
        roundabout::bench_data::write_baci(args.rows, args.seed, &mut out).map_err(io)?;
    }
    out.flush().map_err(io)
}
