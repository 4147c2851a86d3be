//! The browser binding: deserialize, call the core, hand back small structs. No logic lives here.

/// Executes a scene on a canvas 2D context.
pub mod canvas;
#[cfg(feature = "bench")] pub mod bench;

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::geo::World;
use crate::ingest::{self, Options};
use crate::scene::{self, Scene};
use crate::story::{self, map::map_spec, route_views, RouteView, Side, Timeline};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The page's state: the country shapes, the loaded table's timeline, the view.
#[wasm_bindgen]
pub struct App {
    world: World,
    timeline: Timeline,
    year: u16,
    hover: Option<u32>,
    scene: Option<Scene>,
}

#[wasm_bindgen]
impl App {
    /// Decodes the country shapes and loads a trade file (any format the core reads).
    #[wasm_bindgen(constructor)]
    pub fn new(world_topojson: &[u8], file_name: &str, data: &[u8]) -> Result<App, JsError> {
        let world = World::from_topojson(world_topojson).map_err(|e| JsError::new(&format!("country shapes: {e}")))?;
        let loaded = ingest::load(file_name, data, &Options::default()).map_err(to_js)?;
        let timeline = Timeline::new(loaded.table, &story::DEFAULT_ROUTES, Side::Importer).map_err(to_js)?;
        let year = timeline.years().last().copied().ok_or_else(|| JsError::new(&format!("{file_name}: no rows")))?;
        Ok(App { world, timeline, year, hover: None, scene: None })
    }

    /// The years the data holds, oldest first.
    pub fn years(&self) -> Vec<u16> {
        self.timeline.years().to_vec()
    }

    pub fn year(&self) -> u16 {
        self.year
    }

    pub fn set_year(&mut self, year: u16) {
        self.year = year;
    }

    /// `"importer"` or `"exporter"`: whose reports to draw.
    pub fn set_side(&mut self, side: JsValue) -> Result<(), JsError> {
        let side: Side = serde_wasm_bindgen::from_value(side)?;
        self.timeline.set_side(side).map_err(to_js)
    }

    /// The routes of the current year, for the panel (an array of plain objects).
    pub fn routes(&self) -> Result<JsValue, JsError> {
        // Flattened structs serialize as maps: ask for plain objects instead of JS Maps.
        let plain = serde_wasm_bindgen::Serializer::json_compatible();
        Ok(serde::Serialize::serialize(&self.views(), &plain)?)
    }

    /// Draws the map at `width` × `height` CSS pixels.
    pub fn render(&mut self, ctx: &CanvasRenderingContext2d, width: f64, height: f64, pixel_ratio: f64) -> Result<(), JsValue> {
        let spec = map_spec(&self.views(), width, height, self.timeline.max_value(), self.hover, numeric_code);
        let scene = scene::build(&self.world, &spec);
        canvas::draw(ctx, &scene, pixel_ratio)?;
        self.scene = Some(scene);
        Ok(())
    }

    /// The route under a point of the last drawn map, remembered for the next render.
    pub fn hover(&mut self, x: f64, y: f64) -> Option<u32> {
        self.hover = self.scene.as_ref().and_then(|s| s.hit_flow(x, y));
        self.hover
    }

    /// Draws the routes over time into a canvas with plotters.
    pub fn draw_chart(&self, canvas: HtmlCanvasElement) -> Result<(), JsError> {
        let backend = CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("chart: no 2D context"))?;
        let root = backend.into_drawing_area();
        story::chart::draw(&root, &self.timeline.series(country_name), story::BASELINE_YEAR)
            .map_err(|e| JsError::new(&format!("chart: {e:?}")))?;
        root.present().map_err(|e| JsError::new(&format!("chart: {e:?}")))
    }

    /// The last drawn map as a standalone SVG document.
    pub fn svg(&self) -> Option<String> {
        self.scene.as_ref().map(scene::to_svg)
    }
}

impl App {
    fn views(&self) -> Vec<RouteView> {
        route_views(self.timeline.figures(self.year), story::DESTINATION, story::BASELINE_YEAR, country_name)
    }
}

fn country_name(code: &str) -> String {
    crate::countries::by_alpha3(code).map_or_else(|| code.to_string(), |c| c.name.to_string())
}

fn numeric_code(code: &str) -> Option<u16> {
    crate::countries::by_alpha3(code).map(|c| c.numeric)
}

fn to_js(e: crate::Error) -> JsError {
    JsError::new(&e.to_string())
}
