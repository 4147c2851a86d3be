//! The native command-line tool: `roundabout query` answers a query as CSV, `roundabout inspect` describes
//! a trade file, `roundabout render` draws a query's flows as a map, `roundabout prepare` cuts big dumps
//! down to a story file, `roundabout story` publishes a story folder, `roundabout generate` writes benchmark tables,
//! `roundabout shapes` bakes the page's country shapes.

#[cfg(not(target_arch = "wasm32"))]
#[path = "roundabout/inspect.rs"]
mod inspect;
#[cfg(not(target_arch = "wasm32"))]
#[path = "roundabout/load.rs"]
mod load;
#[cfg(not(target_arch = "wasm32"))]
#[path = "roundabout/generate.rs"]
mod generate;
#[cfg(not(target_arch = "wasm32"))]
#[path = "roundabout/prepare.rs"]
mod prepare;
#[cfg(not(target_arch = "wasm32"))]
#[path = "roundabout/query.rs"]
mod query;
#[cfg(not(target_arch = "wasm32"))]
#[path = "roundabout/render.rs"]
mod render;
#[cfg(not(target_arch = "wasm32"))]
#[path = "roundabout/shapes.rs"]
mod shapes;
#[cfg(not(target_arch = "wasm32"))]
#[path = "roundabout/story.rs"]
mod story;

#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
use clap::{Parser, Subcommand};

/// The wasm tests build every target of the crate, this one included; the tool itself is native only.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// Roundabout: how sanctioned goods reach Russia through third countries.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Parser)]
#[command(name = "roundabout", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Subcommand)]
enum Command {
    /// Filter and group trade files; prints CSV on stdout.
    Query(query::Args),
    /// Describe a trade file: format, rows, years, countries, products and bad rows.
    Inspect(inspect::Args),
    /// Draw the largest flows of a query as a map: SVG, or PNG when the name ends in .png.
    Render(render::Args),
    /// Cut big BACI or Comtrade files (plain, gzip or zip; streamed) down to a tidy story file.
    Prepare(prepare::Args),
    /// Write a built site with a story folder as its default (`story FOLDER --site dist --out DIR`), or
    /// start a story folder from trade files (`story init --data FILE… --out FOLDER`).
    Story(story::Args),
    /// Write a seeded BACI-like table, for benchmarks.
    Generate(generate::Args),
    /// Bake a TopoJSON atlas's countries into the form the page reads at its start.
    Shapes(shapes::Args),
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Query(args) => query::run(&args),
        Command::Inspect(args) => inspect::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Prepare(args) => prepare::run(&args),
        Command::Story(args) => story::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Shapes(args) => shapes::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("roundabout: {e}");
            ExitCode::FAILURE
        }
    }
}
