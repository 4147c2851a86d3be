//! `roundabout render`: the same map as the page, without a browser, as SVG or PNG.

use std::path::{Path, PathBuf};

use roundabout::countries::{by_alpha3, english_name};
use roundabout::format::money;
use roundabout::geo::World;
use roundabout::scene::{build, to_svg, MapSpec};
use roundabout::store::Table;
use roundabout::story::answers::top_flows::{top_flows, top_flows_spec};
use roundabout::lang::Lang;
use roundabout::story::language::words::Words;
use roundabout::story::view::page::{Action, Page};
use roundabout::story::{self, Side};
use roundabout::Error;

/// The headline band's height and the headline's size, CSS px: large enough to read on a small card.
const TITLE_BAND: f64 = 44.0;
const TITLE_SIZE: f64 = 22.0;
/// PNG pixels per CSS pixel, so the picture stays sharp on high-density screens.
const PNG_DENSITY: f32 = 2.0;

/// Arguments of `roundabout render`.
#[derive(Debug, clap::Args)]
#[group(id = "render_options")]
pub struct Args {
    #[command(flatten)]
    query: super::query::Args,
    /// Where to write the map: .svg, or .png for a picture.
    #[arg(long)]
    out: PathBuf,
    /// How many of the largest country pairs to draw; the rest are summed on stderr.
    #[arg(long, default_value_t = 30)]
    top: usize,
    /// Whose reports to draw where both sides report a flow: importer or exporter.
    #[arg(long, default_value = "importer", value_parser = parse_side)]
    side: Side,
    /// Map width in CSS pixels.
    #[arg(long, default_value_t = 1280.0)]
    width: f64,
    /// Map height in CSS pixels.
    #[arg(long, default_value_t = 800.0)]
    height: f64,
    /// Draw the default story's routes (China → Kazakhstan, Kyrgyzstan → Russia) as the page does, for
    /// the last year of --years or of the data, instead of the largest pairs.
    #[arg(long)]
    story: bool,
    /// A headline in a band above the map, e.g. for a social card; the map gets the height left.
    #[arg(long)]
    title: Option<String>,
    /// Country shapes (world-atlas TopoJSON); `./build.sh setup` fetches them.
    #[arg(long, default_value = "node_modules/world-atlas/countries-110m.json")]
    shapes: PathBuf,
}

fn parse_side(s: &str) -> Result<Side, String> {
    match s {
        "importer" => Ok(Side::Importer),
        "exporter" => Ok(Side::Exporter),
        _ => Err(format!("`{s}`: expected importer or exporter")),
    }
}

/// Runs `roundabout render`.
pub fn run(args: &Args) -> Result<(), Error> {
    let shapes = std::fs::read(&args.shapes).map_err(|e| {
        Error::Input(format!("{}: cannot read the country shapes ({e}); run ./build.sh setup or pass --shapes", args.shapes.display()))
    })?;
    let world = World::from_topojson(&shapes).map_err(|e| Error::Input(format!("{}: {e}", args.shapes.display())))?;
    let table = args.query.table()?;
    let name = english_name;
    let numeric = |code: &str| by_alpha3(code).map(|c| c.numeric);
    let spec = if args.story {
        story_spec(table, args)?
    } else {
        top_spec(&table, args, name, numeric)?
    };
    let svg = match &args.title {
        Some(title) => titled(title, args.width, args.height, |height| to_svg(&build(&world, &MapSpec { height, ..spec.clone() }))),
        None => to_svg(&build(&world, &spec)),
    };
    let bytes = if is_png(&args.out) { png(&svg)? } else { svg.into_bytes() };
    std::fs::write(&args.out, bytes).map_err(|source| Error::Write { what: args.out.display().to_string(), source })
}

/// The default story's routes in one year, drawn by the page's own state ([`Page`]), as the page draws them.
fn story_spec(table: Table, args: &Args) -> Result<MapSpec, Error> {
    let legs = story::DEFAULT_ROUTES.iter().map(|(e, i)| (e.to_string(), i.to_string())).collect();
    let mut page = Page::new("the data", table, legs, story::DESTINATION, story::BASELINE_YEAR)?;
    page.act(Action::Side(args.side))?;
    if let Some((_, last)) = args.query.query().years {
        page.act(Action::Year(last))?;
    }
    Ok(page.frame(args.width, args.height, None).clone())
}

/// The largest country pairs of the query.
fn top_spec(table: &Table, args: &Args, name: impl Fn(&str) -> String, numeric: impl Fn(&str) -> Option<u16>) -> Result<MapSpec, Error> {
    let top = top_flows(table, &args.query.query(), args.top, args.side)?;
    if top.flows.is_empty() {
        return Err(Error::Input("no flows match the query: nothing to draw".to_string()));
    }
    if top.other_pairs > 0 {
        eprintln!("{} smaller country pairs ({}) not drawn; --top sets how many are", top.other_pairs, money(top.other_value));
    }
    Ok(top_flows_spec(&top, args.width, args.height, None, name, numeric, Words(Lang::En)))
}

/// `title` in a white band across the top, the map (drawn by `map` at the height left) under it.
fn titled(title: &str, width: f64, height: f64, map: impl Fn(f64) -> String) -> String {
    let inner = map((height - TITLE_BAND).max(1.0));
    let text = title.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let baseline = TITLE_BAND / 2.0 + TITLE_SIZE * 0.35;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><rect width="{width}" height="{TITLE_BAND}" fill="#ffffff"/><text x="14" y="{baseline}" font-family="Helvetica, Arial, sans-serif" font-size="{TITLE_SIZE}" font-weight="bold" fill="#333333">{text}</text>{}</svg>"##,
        inner.replacen("<svg ", &format!(r#"<svg y="{TITLE_BAND}" "#), 1)
    )
}

fn is_png(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("png"))
}

/// Rasterises the SVG with the system's fonts.
fn png(svg: &str) -> Result<Vec<u8>, Error> {
    let mut options = resvg::usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_system_fonts();
    // Helvetica and Arial are rarely installed on servers; Liberation Sans has Arial's metrics.
    fonts.set_sans_serif_family("Liberation Sans");
    let tree = resvg::usvg::Tree::from_str(svg, &options).map_err(|e| Error::Input(format!("map SVG: {e}")))?;
    let size = tree.size().to_int_size().scale_by(PNG_DENSITY).ok_or_else(|| Error::Input("map: empty size".to_string()))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| Error::Input("map: too large to draw".to_string()))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(PNG_DENSITY, PNG_DENSITY), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| Error::Input(format!("map PNG: {e}")))
}
