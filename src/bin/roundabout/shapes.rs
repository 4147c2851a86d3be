//! `roundabout shapes`: bakes a TopoJSON atlas's countries into the form the page reads at its start.

use std::path::PathBuf;

use roundabout::geo::World;
use roundabout::Error;

/// Arguments of `roundabout shapes`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A quantized TopoJSON topology with `objects.countries` (world-atlas's countries-110m.json).
    topojson: PathBuf,
    /// Where to write the baked shapes (the site's data/countries-110m.bin).
    #[arg(long)]
    out: PathBuf,
}

/// Runs `roundabout shapes`.
pub fn run(args: &Args) -> Result<(), Error> {
    let named = |path: &PathBuf, e: &dyn std::fmt::Display| Error::Input(format!("{}: {e}", path.display()));
    let bytes = std::fs::read(&args.topojson).map_err(|e| named(&args.topojson, &e))?;
    let baked = World::bake(&bytes).map_err(|e| named(&args.topojson, &e))?;
    std::fs::write(&args.out, baked).map_err(|e| named(&args.out, &format!("cannot write: {e}")))
}
