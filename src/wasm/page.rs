//! The page's module: forwards to the page's state ([`Page`]) and draws the map and its chart. The analysis of a table lives in the
//! worker's module ([`super::analysis`]).

use super::either::Either;
use super::to_js;
use super::{canvas, particles};
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::geo::World;
use crate::ingest;
use crate::store::wire;
use crate::lang::Lang;
use crate::scene::{self, Scene, Theme};
use crate::story::view::focus::{Direction, Focus};
use crate::story::view::page::{parse_legs, Action, Page};
use crate::story::view::snapshot::Snapshot;
use crate::story::{self, language::names::Names, published::map::Arrows, Side};

/// How far the kept land layer reaches beyond the map, as a share of its longer side: a drag or an arrow
/// key's nudge within it moves the layer rather than projecting and drawing the coastlines again.
pub(crate) const LAND_MARGIN: f64 = 0.25;

/// The page's state ([`Page`], the core's) and what drawing it needs: the country shapes, the last scene,
/// the kept land layer, the chart's canvas.
#[wasm_bindgen]
pub struct App {
    page: Page,
    world: World,
    /// Finer shapes for close-up views, once the page has fetched them.
    detail: Option<World>,
    scene: Option<Scene>,
    /// The land layer, projected and drawn, kept while only the flows change.
    land: scene::LandMemo,
    land_copy: canvas::LandCopy,
    /// The next frame draws the land straight rather than making the kept layer: the first map, and the
    /// one after a zoom gesture, are on screen sooner.
    straight: bool,
    /// The chart's canvas, once the page has shown the first map, and the screen's pixel ratio.
    chart: Option<(HtmlCanvasElement, f64)>,
    /// The map's canvas context, its CSS size and pixel ratio, once the page has handed them.
    map: Option<(CanvasRenderingContext2d, f64, f64, f64)>,
}

#[wasm_bindgen]
impl App {
    /// Reads the country shapes (baked when the site was built: `roundabout shapes`) and loads a tidy CSV (the story's; the worker reads other formats) with the
    /// story's legs (story.json's routes, checked when the site was built, as `CHN>KAZ,KAZ>RUS`), where they
    /// lead, its baseline year and its view (story.json's, where a link with no query opens). Plain values: a list or a struct would cost the page's module more glue.
    #[wasm_bindgen(constructor)]
    pub fn new(
        world_shapes: &[u8],
        file_name: &str,
        data: &[u8],
        legs: &str,
        destination: &str,
        baseline: u16,
        view: &str,
    ) -> Result<App, JsError> {
        let world = World::from_baked(world_shapes).map_err(|e| JsError::new(&e.to_string()))?;
        let loaded = ingest::load_tidy(file_name, data).map_err(to_js)?;
        let mut page = Page::new(
            file_name,
            loaded.table,
            parse_legs(legs),
            destination,
            baseline,
        )
        .map_err(to_js)?;
        page.set_story_view(view);
        Ok(App {
            page,
            world,
            detail: None,
            scene: None,
            land: scene::LandMemo::with_margin(LAND_MARGIN),
            land_copy: Default::default(),
            straight: true,
            chart: None,
            map: None,
        })
    }

    /// Each of these is one action of the reader's ([`Action`]), answered with the snapshot of what the
    /// page shows after it: one call across the boundary for a click. `show` changes nothing.
    pub fn show(&mut self) -> Result<JsValue, JsValue> {
        self.act(Action::Show)
    }

    pub fn set_year(&mut self, year: u16) -> Result<JsValue, JsValue> {
        self.act(Action::Year(year))
    }

    /// `"importer"` or `"exporter"`: whose reports to draw.
    pub fn set_side(&mut self, side: &str) -> Result<JsValue, JsValue> {
        let side = Side::parse(side).ok_or_else(|| {
            JsError::new(&format!("side `{side}`: expected importer or exporter"))
        })?;
        self.act(Action::Side(side))
    }

    pub fn set_top(&mut self, n: u16) -> Result<JsValue, JsValue> {
        self.act(Action::Top(n))
    }

    /// A country (ISO alpha-3) and `"all"`, `"incoming"` or `"outgoing"` of its flows; no country clears the focus.
    pub fn set_focus(
        &mut self,
        country: Option<String>,
        direction: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let direction = direction
            .as_deref()
            .map_or(Some(Direction::All), Direction::parse)
            .ok_or_else(|| JsError::new("direction: expected all, incoming or outgoing"))?;
        self.act(Action::Focus(
            country.map(|country| Focus { country, direction }),
        ))
    }

    /// A link's query string (the address bar's).
    pub fn apply_link(&mut self, query: String) -> Result<JsValue, JsValue> {
        self.act(Action::Link(query))
    }

    /// The address bar's link as the page opens: [`App::apply_link`] without its snapshot, which the first
    /// [`App::show`] makes.
    pub fn open_link(&mut self, query: &str) -> Result<(), JsError> {
        self.page.open_link(query).map_err(to_js)
    }

    /// The published figures of a period (an index into the file's), or all goods with none.
    pub fn show_period(&mut self, period: Option<usize>) -> Result<JsValue, JsValue> {
        self.act(Action::Period(period))
    }

    pub fn lock_scale(&mut self, locked: bool) -> Result<JsValue, JsValue> {
        self.act(Action::Lock(locked))
    }

    pub fn set_dark(&mut self, dark: bool) -> Result<JsValue, JsValue> {
        self.act(Action::Theme(theme(dark)))
    }

    /// The language for the page's link (`"en"`, `"uk"`, `"ru"`), which the page then opens.
    pub fn choose_language(&mut self, tag: String) -> Result<JsValue, JsValue> {
        self.act(Action::Lang(tag))
    }

    /// A story step's view, its number from 1 and the story's count of steps; no view leaves the story.
    pub fn story_step(&mut self, view: Option<String>, at: u32, count: u32) -> Result<JsValue, JsValue> {
        self.act(Action::Story(view.map(|v| (v, at, count))))
    }

    /// Replaces the data with the story's own again (its tidy CSV), keeping the view: the snapshot after it.
    pub fn load(&mut self, file_name: &str, data: &[u8]) -> Result<JsValue, JsValue> {
        let loaded = ingest::load_tidy(file_name, data).map_err(to_js)?;
        let snapshot = self.page.load(file_name, loaded.table, false, false).map_err(to_js)?;
        self.answer(snapshot)
    }

    /// Replaces the data with the worker's cut of a reader's file (its table's bytes, [`crate::store::wire`],
    /// with its summary's `off_the_list`), keeping the view: the snapshot after it.
    pub fn load_cut(&mut self, file_name: &str, table: &[u8], off_the_list: bool) -> Result<JsValue, JsValue> {
        let table = wire::read(&mut &table[..]).ok_or_else(|| JsValue::from_str(&format!("{file_name}: the worker's cut came back damaged")))?;
        let snapshot = self.page.load(file_name, table, true, off_the_list).map_err(to_js)?;
        self.answer(snapshot)
    }

    /// The map's canvas (its 2D context), `width` × `height` CSS px at `pixel_ratio`: each action's answer
    /// draws the map into it, unless the map slides (then the page's frames call [`App::frame`]).
    pub fn set_map(&mut self, ctx: CanvasRenderingContext2d, width: f64, height: f64, pixel_ratio: f64) {
        self.map = Some((ctx, width, height, pixel_ratio));
    }

    /// Draws the map into its canvas, `progress` (0 to 1) into the slide from the last view: a frame. True
    /// when it was drawn straight: the page then draws once more when idle, which makes the kept land layer
    /// (a frame asked for meanwhile would be merged into this one, and the map would stay drawn straight).
    pub fn frame(&mut self, progress: Option<f64>) -> Result<bool, JsValue> {
        match self.map.clone() {
            Some((ctx, width, height, pixel_ratio)) => self.render(&ctx, width, height, pixel_ratio, progress),
            None => Ok(false),
        }
    }

    /// Draws the map into `ctx` (the page's canvas, or a download's figure) at `width` × `height` CSS
    /// pixels, `progress` (0 to 1) into the slide from the last view; true when drawn straight.
    pub fn render(
        &mut self,
        ctx: &CanvasRenderingContext2d,
        width: f64,
        height: f64,
        pixel_ratio: f64,
        progress: Option<f64>,
    ) -> Result<bool, JsValue> {
        let (view, theme) = (self.page.view(), self.page.theme);
        let world = match &self.detail {
            Some(detail) if self.page.uses_detail() => detail,
            _ => &self.world,
        };
        let spec = self.page.frame(width, height, progress);
        let straight = std::mem::take(&mut self.straight);
        let scene = if straight {
            // Drawn straight, sooner: the kept land layer, larger than the map, is made by the next frame
            // (the page asks for one when it idles).
            let scene = scene::build_in_view(world, spec, view).themed(theme);
            canvas::draw(ctx, &scene, pixel_ratio)?;
            scene
        } else {
            let scene = scene::build_with_memo(world, spec, view, &mut self.land).themed(theme);
            canvas::draw_with_copy(ctx, &scene, pixel_ratio, &mut self.land_copy, theme as u64)?;
            scene
        };
        self.scene = Some(scene);
        Ok(straight)
    }

    /// The route under a point of the last drawn map, remembered for the next render.
    pub fn hover(&mut self, x: f64, y: f64) -> Option<u32> {
        let id = self.scene.as_ref().and_then(|s| s.hit_flow(x, y));
        self.page.set_hover(id);
        id
    }

    /// The canvas the chart of the routes over time is drawn into, crisp at `pixel_ratio`, now and after each
    /// action that changes it.
    pub fn set_chart(&mut self, canvas: HtmlCanvasElement, pixel_ratio: f64) -> Result<(), JsError> {
        let ratio = if pixel_ratio.is_finite() && pixel_ratio > 0.0 { pixel_ratio } else { 1.0 };
        self.chart = Some((canvas, ratio));
        self.redraw_chart()
    }

    /// Draws the routes over time into `canvas`, laid out in CSS px at `pixel_ratio` (the canvas's context
    /// scaled by it): a download's figure.
    pub fn draw_chart(&self, canvas: HtmlCanvasElement, pixel_ratio: f64) -> Result<(), JsError> {
        self.draw_series(canvas, pixel_ratio, &self.page.chart_lines())
    }

    /// The chart as an SVG document `width` × `height` px (more with a key) and as CSV: `[svg, csv]`, for downloads.
    pub fn chart_files(&self, width: u32, height: u32) -> Vec<String> {
        let series = self.page.chart_lines();
        let mut svg = String::new();
        {
            let size = (width, self.page.chart_height(&series, height));
            let root = Either::Svg(SVGBackend::with_string(&mut svg, size)).into_drawing_area();
            // Drawing into a string cannot fail; an error would only leave the document short.
            let _ = self.page.draw_chart(&root, &series).and_then(|()| root.present());
        }
        vec![svg, story::charts::lines::csv(&series)]
    }

    /// Zooms by `factor` about `(x, y)` in a map of `width` × `height` CSS px; true when the page should
    /// now fetch the finer shapes. Until [`App::settle`], frames stretch the land already drawn.
    pub fn zoom_at(&mut self, x: f64, y: f64, factor: f64, width: f64, height: f64) -> bool {
        self.land.rescaling(true);
        self.page.zoom_at([x, y], factor, [width, height])
    }

    /// Ends a zoom gesture: the next frame draws the land sharp at the new scale, straight (see `render`).
    pub fn settle(&mut self) {
        self.land.rescaling(false);
        self.straight = true;
    }

    /// Moves the map by `(dx, dy)` CSS px.
    pub fn pan_by(&mut self, dx: f64, dy: f64, width: f64, height: f64) {
        self.page.pan_by([dx, dy], [width, height]);
    }

    /// Back to the map fitted to the flows.
    pub fn reset_view(&mut self) {
        self.page.reset_view();
        self.land.rescaling(false);
    }

    /// The query string of the current view, for the address bar after a gesture.
    pub fn link(&self) -> String {
        self.page.link(None)
    }

    /// Finer country shapes (world-atlas 50m, baked) for close-up views (`story::view::gesture`).
    pub fn set_detail_shapes(&mut self, shapes: &[u8]) -> Result<(), JsError> {
        let world = World::from_baked(shapes).map_err(|e| JsError::new(&format!("detailed {e}")))?;
        self.detail = Some(world);
        self.page.set_detail_ready();
        Ok(())
    }

    /// Whether the reader prefers reduced motion: new views then show with no slide.
    pub fn set_still(&mut self, still: bool) {
        self.page.set_still(still);
    }

    /// The page's language (`"en"`, `"uk"`, `"ru"`) and, for the latter two, the country names of
    /// `i18n-iso-countries`' language file.
    pub fn set_language(&mut self, tag: &str, names: Option<Vec<u8>>) -> Result<(), JsError> {
        let lang = Lang::parse(tag)
            .ok_or_else(|| JsError::new(&format!("language `{tag}`: expected en, uk or ru")))?;
        let names = match names {
            Some(bytes) if lang != Lang::En => {
                Some(Names::parse(&format!("names-{tag}.json"), &bytes).map_err(to_js)?)
            }
            _ => None,
        };
        self.page.set_language(lang, names);
        Ok(())
    }

    /// The ISO alpha-3 code of the country under a point of the last drawn map; none under an arrow.
    pub fn country_at(&self, x: f64, y: f64) -> Option<String> {
        self.scene.as_ref()?.country_code_at(&self.world, x, y).map(str::to_string)
    }

    /// What hovering a country says (`{name, lines}`), or `undefined` when no route touches it.
    pub fn country_summary(&self, country: &str) -> Result<JsValue, JsValue> {
        Ok(serde_wasm_bindgen::to_value(&self.page.country_summary(country))?)
    }

    /// The analysis views' choices in the page's language, as lines of a label and its value (a tab
    /// between): the routes', a blank line, the hubs'.
    pub fn route_choices(&self) -> String {
        let choices = self.page.route_choices();
        let mut lines = String::new();
        for (label, value) in choices.routes {
            lines.push_str(&label);
            lines.push('\t');
            lines.push_str(&value);
            lines.push('\n');
        }
        for (label, value) in choices.hubs {
            lines.push('\n');
            lines.push_str(&label);
            lines.push('\t');
            lines.push_str(&value);
        }
        lines
    }

    /// Whether a focus on a country (ISO alpha-3) would show one of its routes in this view.
    pub fn has_routes(&self, country: &str) -> bool {
        self.page.has_routes(country)
    }

    /// The line under the country search when it focuses nothing (see `story::view::page::Page::search_status`).
    pub fn search_status(&self, code: Option<String>, name: Option<String>, query: &str) -> String {
        self.page.search_status(code.as_deref(), name.as_deref(), query)
    }

    /// A country's name (ISO alpha-3) in the page's language.
    pub fn country_name(&self, code: &str) -> String {
        self.page.name(code)
    }

    /// The alpha-3 codes of the countries a zip's reader keeps, as typed (see
    /// `story::view::page::Page::kept_countries`); an entry naming none is refused in the page's language.
    pub fn kept_countries(&self, typed: &str) -> Result<Vec<String>, JsError> {
        let codes = self.page.kept_countries(typed).map_err(|e| JsError::new(&e))?;
        Ok(codes.into_iter().map(String::from).collect())
    }

    /// The page's country names as lines of code and name, for the worker; empty on an English page.
    pub fn country_names(&self) -> String {
        self.page.names_as_lines()
    }

    /// Draws the dots travelling along the last drawn flows, `seconds` into the motion, on a
    /// transparent canvas laid over the map.
    pub fn draw_particles(
        &self,
        ctx: &CanvasRenderingContext2d,
        seconds: f64,
        pixel_ratio: f64,
    ) -> Result<(), JsValue> {
        match &self.scene {
            Some(scene) => particles::draw(ctx, scene, seconds, pixel_ratio),
            None => Ok(()),
        }
    }

    /// The published figures on the sanctioned goods (`published.json`, written by
    /// `story::published::view::build`); the map shows them unless a link asks for all goods.
    pub fn set_published(&mut self, file_name: &str, bytes: &[u8]) -> Result<(), JsError> {
        let arrows = Arrows::from_json(file_name, bytes).map_err(to_js)?;
        self.page.set_published(arrows);
        Ok(())
    }

    /// The published figures' key: its title, its note and the goods definitions' names (one a line),
    /// in the page's language.
    pub fn set_published_words(&mut self, title: String, note: String, goods: &str) {
        self.page
            .set_published_words(title, note, goods.lines().map(str::to_string).collect());
    }

    /// What the arrows carry ("all goods", a loaded file's goods), for the map's key.
    pub fn set_goods(&mut self, goods: &str) {
        self.page.set_goods(goods);
    }

    /// The last drawn map as a standalone SVG document.
    pub fn svg(&self) -> Option<String> {
        self.scene.as_ref().map(scene::to_svg)
    }
}

impl App {
    fn act(&mut self, action: Action) -> Result<JsValue, JsValue> {
        // A link's zoom ends any stretched frames of a gesture.
        self.land.rescaling(false);
        let snapshot = self.page.act(action).map_err(to_js)?;
        self.answer(snapshot)
    }

    /// Draws the chart when the snapshot says it changed and the map unless it slides (the page's frames
    /// draw a slide), and hands the snapshot to the page.
    fn answer(&mut self, snapshot: Snapshot) -> Result<JsValue, JsValue> {
        if snapshot.changed.chart {
            self.redraw_chart()?;
        }
        if !snapshot.changed.slide {
            self.frame(None)?;
        }
        // Flattened structs serialize as maps: ask for plain objects instead of JS Maps.
        let plain = serde_wasm_bindgen::Serializer::json_compatible();
        Ok(serde::Serialize::serialize(&snapshot, &plain)?)
    }

    /// Sizes the page's chart (its CSS width; 16:9, or taller where the lines' labels need rows; times the
    /// pixel ratio) and draws it, once the page has handed its canvas.
    fn redraw_chart(&self) -> Result<(), JsError> {
        let Some((canvas, ratio)) = self.chart.clone() else {
            return Ok(());
        };
        let series = self.page.chart_lines();
        let (width, height) = self.page.chart_size(&series, u32::try_from(canvas.client_width()).ok());
        canvas.set_width((f64::from(width) * ratio).round() as u32);
        canvas.set_height((f64::from(height) * ratio).round() as u32);
        scale_context(&canvas, ratio)?;
        self.draw_series(canvas, ratio, &series)
    }

    /// Draws `series` (the routes over time) into `canvas`, laid out in CSS px at `pixel_ratio`.
    fn draw_series(&self, canvas: HtmlCanvasElement, pixel_ratio: f64, series: &[story::charts::lines::Series]) -> Result<(), JsError> {
        let root = Either::canvas(canvas, pixel_ratio).ok_or_else(|| JsError::new("chart: no 2D context"))?.into_drawing_area();
        self.page.draw_chart(&root, series).map_err(|e| JsError::new(&format!("chart: {e:?}")))?;
        root.present().map_err(|e| JsError::new(&format!("chart: {e:?}")))
    }
}

/// Scales `canvas`'s context by `ratio`, so that a chart laid out in CSS px fills its device px.
fn scale_context(canvas: &HtmlCanvasElement, ratio: f64) -> Result<(), JsError> {
    let ctx = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    let ctx = ctx.ok_or_else(|| JsError::new("chart: no 2D context"))?;
    ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0).map_err(|_| JsError::new("chart: the context refused its scale"))
}

/// Draws paired bars (JSON `{"series": [a, b], "rows": [{"label", "values": [x, y]}]}`, `null` for no data)
/// into a canvas sized `pixel_ratio` device px a CSS px.
#[wasm_bindgen]
pub fn draw_bars(
    canvas: HtmlCanvasElement,
    bars: &str,
    dark: bool,
    lang: &str,
    pixel_ratio: f64,
) -> Result<(), JsError> {
    let bars = read_bars(bars)?;
    scale_context(&canvas, pixel_ratio)?;
    let root = Either::canvas(canvas, pixel_ratio).ok_or_else(|| JsError::new("chart: no 2D context"))?.into_drawing_area();
    story::charts::bars::draw(&root, &bars, theme(dark), Lang::parse(lang).unwrap_or_default())
        .map_err(|e| JsError::new(&format!("chart: {e:?}")))?;
    root.present().map_err(|e| JsError::new(&format!("chart: {e:?}")))
}

/// Paired bars as an SVG document and as CSV: `[svg, csv]`, for downloads.
#[wasm_bindgen]
pub fn export_bars(bars: &str, width: u32, dark: bool, lang: &str) -> Result<Vec<String>, JsError> {
    let bars = read_bars(bars)?;
    let mut svg = String::new();
    {
        let root = Either::Svg(SVGBackend::with_string(&mut svg, (width, bars.height(width)))).into_drawing_area();
        // Drawing into a string cannot fail; an error would only leave the document short.
        let _ = story::charts::bars::draw(&root, &bars, theme(dark), Lang::parse(lang).unwrap_or_default())
            .and_then(|()| root.present());
    }
    Ok(vec![svg, bars.csv()])
}

/// The height in CSS px that paired bars need, `width` px wide.
#[wasm_bindgen]
pub fn bars_height(bars: &str, width: u32) -> Result<u32, JsError> {
    Ok(read_bars(bars)?.height(width))
}

/// An HS section's title in `lang`: "Section XVII: Vehicles, aircraft, …".
#[wasm_bindgen]
pub fn hs_section(number: &str, name: &str, lang: &str) -> String {
    story::language::words::Words(Lang::parse(lang).unwrap_or_default()).hs_section(number, name)
}

/// The button choosing an HS chapter or heading in `lang`: "Use chapter 88", "Use heading 8806".
#[wasm_bindgen]
pub fn hs_use(code: &str, lang: &str) -> String {
    story::language::words::Words(Lang::parse(lang).unwrap_or_default()).hs_use(code)
}

/// The codes box's suggestions (one a line: the code, a space, its description) in the order for what is
/// `typed`, as positions; none when the order stays (see [`crate::hs::suggest::order`]).
#[wasm_bindgen]
pub fn hs_suggestion_order(typed: &str, suggestions: &str) -> Option<Vec<u32>> {
    let suggestions: Vec<&str> = suggestions.lines().collect();
    crate::hs::suggest::order(typed, &suggestions).map(|order| order.into_iter().map(|i| i as u32).collect())
}

fn read_bars(json: &str) -> Result<story::charts::bars::Bars, JsError> {
    serde_json::from_str(json).map_err(|e| JsError::new(&format!("chart: {e}")))
}

fn theme(dark: bool) -> Theme {
    if dark {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// Reads a story file (`{title, steps: [{caption, view}]}`), checking every step's view.
#[wasm_bindgen]
pub fn parse_steps(file_name: &str, bytes: &[u8]) -> Result<JsValue, JsValue> {
    let steps = story::view::steps::Steps::parse(file_name, bytes).map_err(to_js)?;
    Ok(serde_wasm_bindgen::to_value(&steps)?)
}

/// What the page opens on, as its link (or, with none, the story's view) asks: `{lang, embed, step}`, `lang`
/// null for English. Read before the page's core is made, to fetch that language's words beside it, and
/// to set up the embed view and the story step before the first map.
#[wasm_bindgen]
pub fn opening(query: &str, story_view: &str) -> Result<JsValue, JsValue> {
    let plain = serde_wasm_bindgen::Serializer::json_compatible();
    Ok(serde::Serialize::serialize(&story::view::url_state::opening(query, story_view), &plain)?)
}
