//! The page's module: the map, its chart and the panel's formatting. The analysis of a table lives in the
//! worker's module ([`super::analysis`]).

use std::cell::RefCell;

use super::{canvas, particles};
use super::either::Either;
use super::to_js;
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::geo::World;
use crate::ingest;
use crate::scene::{self, MapSpec, Scene, Theme, View};
use crate::story::view::focus::{country_summary, mark_focus, Direction, Focus};
use crate::lang::Lang;
use crate::story::language::names::Names;
use crate::story::view::on_show::{on_show, Other, DEFAULT_TOP};
use crate::story::view::url_state::UrlState;
use crate::story::language::words::Words;
use crate::story::published::map::{published_map_spec, Arrows, Key};
use crate::story::{self, view::map::map_spec, route_views, RouteView, Side, Timeline};

/// Zoom from which the 50m shapes replace the 110m ones.
const DETAIL_ZOOM: f64 = 2.0;
/// How far the kept land layer reaches beyond the map, as a share of its longer side: a drag or an arrow
/// key's nudge within it moves the layer rather than projecting and drawing the coastlines again.
pub(crate) const LAND_MARGIN: f64 = 0.25;

/// The page's state: the country shapes, the loaded table's timeline, the view.
#[wasm_bindgen]
pub struct App {
    world: World,
    /// Finer shapes for close-up views, once the page has fetched them.
    detail: Option<World>,
    timeline: Timeline,
    year: u16,
    hover: Option<u32>,
    scene: Option<Scene>,
    view: View,
    /// What was on screen when the year or side last changed, and how far the slide from it has got.
    transition: Option<(MapSpec, f64)>,
    drawn: Option<MapSpec>,
    focus: Option<Focus>,
    /// The value drawn widest, held while the reader compares views.
    locked_scale: Option<f64>,
    theme: Theme,
    words: Words,
    /// Country names in the page's language; English (the core's own) when `None`.
    names: Option<Names>,
    /// The land layer, projected and drawn, kept while only the flows change.
    land: scene::LandMemo,
    land_copy: canvas::LandCopy,
    /// How many of the largest routes are drawn.
    top: u16,
    /// The next frame draws the land straight rather than making the kept layer: the first map, and the
    /// one after a zoom gesture, are on screen sooner.
    straight: bool,
    /// The routes on show for the settings in the key: a file's thousands of pairs are phrased and
    /// ranked once, not on every repaint and pointer move.
    shown: RefCell<Option<(ShownKey, Shown)>>,
    /// The published figures on the sanctioned goods (`published.json`), once the page has them.
    published: Option<Arrows>,
    /// Their key's title, its note and the goods definitions' names, in the page's language.
    published_words: (String, String, Vec<String>),
    /// The all-goods view rather than the published figures, which the page opens on.
    all_goods: bool,
    /// The published figures' period on show.
    period: usize,
    /// The story's legs (origin → hubs → destination), where they lead and its baseline year.
    legs: Vec<(String, String)>,
    destination: String,
    baseline: u16,
    /// What the arrows carry, as the map's key names it ("all goods").
    goods: String,
}

type ShownKey = (u16, Side, u16, Option<Focus>, Lang);
type Shown = (Vec<RouteView>, Option<Other>);

#[wasm_bindgen]
impl App {
    /// Decodes the country shapes and loads a tidy CSV (the story's; the worker reads other formats) with the
    /// story's legs (story.json's routes, checked when the site was built, as `CHN>KAZ,KAZ>RUS`), where they
    /// lead and its baseline year. Plain values: a list or a struct would cost the page's module more glue.
    #[wasm_bindgen(constructor)]
    pub fn new(world_topojson: &[u8], file_name: &str, data: &[u8], legs: &str, destination: &str, baseline: u16) -> Result<App, JsError> {
        let world = World::from_topojson(world_topojson).map_err(|e| JsError::new(&format!("country shapes: {e}")))?;
        let loaded = ingest::load_tidy(file_name, data).map_err(to_js)?;
        let legs: Vec<(String, String)> = legs.split(',').filter_map(|l| l.split_once('>')).map(|(e, i)| (e.to_string(), i.to_string())).collect();
        let mut timeline = Timeline::new(loaded.table, &pairs(&legs), Side::Importer).map_err(to_js)?;
        timeline.set_story(destination, baseline).map_err(to_js)?;
        let year = timeline.years().last().copied().ok_or_else(|| JsError::new(&format!("{file_name}: no rows")))?;
        Ok(App { world, detail: None, timeline, year, hover: None, scene: None, view: View::default(), transition: None, drawn: None, focus: None, locked_scale: None, theme: Theme::Light, words: Words(Lang::En), names: None, land: scene::LandMemo::with_margin(LAND_MARGIN), land_copy: Default::default(), top: DEFAULT_TOP, straight: true, shown: RefCell::new(None), published: None, published_words: Default::default(), all_goods: false, period: 0, legs, destination: destination.to_string(), baseline, goods: String::new() })
    }

    /// What the arrows carry, capitalised, for the map's key: the story's goods, or a loaded file's.
    pub fn set_goods(&mut self, goods: String) {
        self.goods = goods;
    }

    /// Replaces the data with another trade file's (the worker's cut of a reader's file, with
    /// `every_pair`, or the default story again), keeping the view; the year becomes the latest the new data holds.
    pub fn load_data(&mut self, file_name: &str, data: &[u8], every_pair: bool) -> Result<(), JsError> {
        let loaded = ingest::load_tidy(file_name, data).map_err(to_js)?;
        let side = self.timeline.side();
        let legs = pairs(&self.legs);
        let mut timeline = if every_pair { Timeline::every_pair(loaded.table, &legs, side) } else { Timeline::new(loaded.table, &legs, side) }.map_err(to_js)?;
        timeline.set_story(&self.destination, self.baseline).map_err(to_js)?;
        self.year = timeline.years().last().copied().ok_or_else(|| JsError::new(&format!("{file_name}: none of the story's routes")))?;
        self.timeline = timeline;
        self.shown.take();
        // A focus on a country the new data lacks would leave an empty map.
        self.focus = self.focus.take().filter(|f| self.route_countries().contains(&f.country));
        self.transition = None;
        self.locked_scale = None;
        Ok(())
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
        self.start_transition();
    }

    /// `"importer"` or `"exporter"`: whose reports to draw.
    pub fn set_side(&mut self, side: JsValue) -> Result<(), JsError> {
        let side: Side = serde_wasm_bindgen::from_value(side)?;
        self.start_transition();
        self.timeline.set_side(side).map_err(to_js)
    }

    /// How far (0 to 1) the map has slid from what was on screen before the last change.
    pub fn set_transition(&mut self, progress: f64) {
        if let Some((_, t)) = &mut self.transition {
            *t = progress;
        }
    }

    /// The routes of the current year, for the panel (an array of plain objects).
    pub fn routes(&self) -> Result<JsValue, JsError> {
        // Flattened structs serialize as maps: ask for plain objects instead of JS Maps.
        let plain = serde_wasm_bindgen::Serializer::json_compatible();
        Ok(serde::Serialize::serialize(&self.views(), &plain)?)
    }

    /// The routes left off the map, summed, e.g. "183 other routes: $4.2bn", or `undefined`.
    pub fn other(&self) -> Option<String> {
        self.shown().1.map(|o| o.text)
    }

    /// How many of the largest routes to draw.
    pub fn set_top(&mut self, n: u16) {
        self.top = n.max(1);
    }

    pub fn top(&self) -> u16 {
        self.top
    }

    /// How many routes the data holds (the story's four, or a file's country pairs).
    pub fn route_count(&self) -> usize {
        self.timeline.routes().len()
    }

    /// Draws the map at `width` × `height` CSS pixels.
    pub fn render(&mut self, ctx: &CanvasRenderingContext2d, width: f64, height: f64, pixel_ratio: f64) -> Result<(), JsValue> {
        let spec = match (&self.published, self.all_goods) {
            (Some(view), false) => {
                let key = Key { title: &self.published_words.0, note: &self.published_words.1, goods: &self.published_words.2, lang: self.words.0 };
                published_map_spec(view, self.period, [width, height], self.hover, &key, |c| self.name(c), numeric_code)
            }
            _ => {
                let max_value = self.locked_scale.unwrap_or_else(|| self.timeline.max_value());
                let (views, other) = self.shown();
                let mut target = map_spec(&views, width, height, max_value, self.hover, numeric_code, self.words);
                if !self.goods.is_empty() {
                    target.legend_title = self.words.goods_a_year(&self.goods);
                }
                target.legend_note = other.map(|o| o.text).unwrap_or_default();
                match &self.transition {
                    Some((from, t)) if *t < 1.0 => target.blend_from(from, *t),
                    _ => target,
                }
            }
        };
        let world = match &self.detail {
            Some(detail) if self.view.zoom >= DETAIL_ZOOM => detail,
            _ => &self.world,
        };
        let scene = if std::mem::take(&mut self.straight) {
            // Drawn straight, sooner: the kept land layer, larger than the map, is made by the next frame
            // (the page asks for one when it idles).
            let scene = scene::build_in_view(world, &spec, self.view).themed(self.theme);
            canvas::draw(ctx, &scene, pixel_ratio)?;
            scene
        } else {
            let scene = scene::build_with_memo(world, &spec, self.view, &mut self.land).themed(self.theme);
            canvas::draw_with_copy(ctx, &scene, pixel_ratio, &mut self.land_copy, self.theme as u64)?;
            scene
        };
        self.scene = Some(scene);
        self.drawn = Some(spec);
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
        let root = Either::Canvas(backend).into_drawing_area();
        let invasion = story::charts::lines::Event { at: story::INVASION_AT, label: self.words.invasion() };
        let series = self.chart_lines();
        story::charts::lines::draw(&root, &series, self.baseline, Some(&invasion), self.theme, self.words.0)
            .map_err(|e| JsError::new(&format!("chart: {e:?}")))?;
        root.present().map_err(|e| JsError::new(&format!("chart: {e:?}")))
    }

    /// The chart as an SVG document `width` × `height` px and as CSV: `[svg, csv]`, for downloads.
    pub fn chart_files(&self, width: u32, height: u32) -> Vec<String> {
        let invasion = story::charts::lines::Event { at: story::INVASION_AT, label: self.words.invasion() };
        let series = self.chart_lines();
        let mut svg = String::new();
        {
            let root = Either::Svg(SVGBackend::with_string(&mut svg, (width, height))).into_drawing_area();
            // Drawing into a string cannot fail; an error would only leave the document short.
            let _ = story::charts::lines::draw(&root, &series, self.baseline, Some(&invasion), self.theme, self.words.0).and_then(|()| root.present());
        }
        vec![svg, story::charts::lines::csv(&series)]
    }

    /// Under the chart, where a line joins reports: what a hollow point means, then each line's note.
    pub fn chart_notes(&self) -> Vec<String> {
        let notes: Vec<String> = self.chart_lines().into_iter().filter_map(|s| s.note).collect();
        if notes.is_empty() {
            return notes;
        }
        std::iter::once(self.words.source_changes().to_string()).chain(notes).collect()
    }

    /// The chart's lines for its text equivalent: `[[label, [[year, value or null], …], note or null], …]`,
    /// the note naming the reports a line joins.
    pub fn chart_series(&self) -> Result<JsValue, JsError> {
        type Line = (String, Vec<(u16, Option<f64>)>, Option<String>);
        let series: Vec<Line> = self.chart_lines().into_iter().map(|s| (s.label, s.points, s.note)).collect();
        Ok(serde_wasm_bindgen::to_value(&series)?)
    }

    /// Zooms by `factor` about `(x, y)` in a map of `width` × `height` CSS px.
    /// Zooms by `factor` about `(x, y)`. Until [`App::settle`], frames stretch the land already drawn.
    pub fn zoom_at(&mut self, x: f64, y: f64, factor: f64, width: f64, height: f64) {
        self.view = self.view.zoom_at([x, y], factor, [width, height]);
        self.land.rescaling(true);
    }

    /// Ends a zoom gesture: the next frame draws the land sharp at the new scale, straight (see `render`).
    pub fn settle(&mut self) {
        self.land.rescaling(false);
        self.straight = true;
    }

    /// Moves the map by `(dx, dy)` CSS px.
    pub fn pan_by(&mut self, dx: f64, dy: f64, width: f64, height: f64) {
        self.view = self.view.pan_by([dx, dy], [width, height]);
    }

    /// Finer country shapes (world-atlas 50m) for zoom levels of [`DETAIL_ZOOM`] and closer.
    pub fn set_detail_shapes(&mut self, topojson: &[u8]) -> Result<(), JsError> {
        let world = World::from_topojson(topojson).map_err(|e| JsError::new(&format!("detailed country shapes: {e}")))?;
        self.detail = Some(world);
        Ok(())
    }

    /// Whether the view is close enough for the finer shapes to show.
    pub fn wants_detail(&self) -> bool {
        self.view.zoom >= DETAIL_ZOOM && self.detail.is_none()
    }

    /// Back to the map fitted to the flows.
    pub fn reset_view(&mut self) {
        self.view = View::default();
        self.land.rescaling(false);
    }

    /// 1 for the fitted map, larger when zoomed in.
    pub fn zoom(&self) -> f64 {
        self.view.zoom
    }

    /// `"importer"` or `"exporter"`: whose reports are drawn.
    pub fn side(&self) -> String {
        self.timeline.side().name().to_string()
    }

    /// `"all"`, `"incoming"` or `"outgoing"`: which of the focused country's flows are kept.
    pub fn focus_direction(&self) -> String {
        self.focus.as_ref().map(|f| f.direction).unwrap_or_default().name().to_string()
    }

    /// Applies a link's query string: year, side, focus and view (what the data allows; what it
    /// leaves out goes back to the default). Returns
    /// the parsed link (`{state, warnings}`) for the page's own settings: language, embed, step.
    pub fn apply_link(&mut self, query: &str) -> Result<JsValue, JsError> {
        let parsed = UrlState::parse(query);
        let s = &parsed.state;
        self.land.rescaling(false);
        // What the link leaves out is the default: the latest year, the importer's reports.
        let latest = self.timeline.years().last().copied().unwrap_or(self.year);
        self.year = s.year.filter(|y| self.timeline.years().contains(y)).unwrap_or(latest);
        let side = s.side.unwrap_or(Side::Importer);
        if side != self.timeline.side() {
            self.timeline.set_side(side).map_err(to_js)?;
        }
        self.top = s.top.unwrap_or(DEFAULT_TOP);
        self.focus = s.focus.clone().filter(|c| self.route_countries().contains(c)).map(|country| Focus { country, direction: s.direction.unwrap_or_default() });
        self.view = View { zoom: s.zoom.unwrap_or(1.0), pan: s.pan.unwrap_or([0.0, 0.0]) };
        self.all_goods = s.wants_all_goods();
        if let Some(view) = &self.published {
            self.period = s.period.as_ref().and_then(|k| view.periods.iter().position(|p| p == k)).unwrap_or(view.default_period);
        }
        self.hover = None;
        self.transition = None;
        let plain = serde_wasm_bindgen::Serializer::json_compatible();
        Ok(serde::Serialize::serialize(&parsed, &plain)?)
    }

    /// The query string of the current view, with the page's `lang`, `embed` and story `step`.
    pub fn link(&self, lang: Option<String>, embed: bool, step: Option<u32>) -> String {
        let latest = self.timeline.years().last().copied();
        let period = match &self.published {
            Some(view) if !self.all_goods && self.period != view.default_period => view.periods.get(self.period).cloned(),
            _ => None,
        };
        let mut state = UrlState {
            all_goods: None,
            period,
            year: Some(self.year).filter(|y| Some(*y) != latest),
            side: Some(self.timeline.side()).filter(|s| *s != Side::Importer),
            focus: self.focus.as_ref().map(|f| f.country.clone()),
            direction: self.focus.as_ref().map(|f| f.direction),
            top: Some(self.top).filter(|n| *n != DEFAULT_TOP),
            zoom: Some(self.view.zoom),
            pan: Some(self.view.pan),
            lang,
            embed,
            step,
        };
        // Named only where the rest of the link would not read back to the same view.
        if self.published.is_some() && state.wants_all_goods() != self.all_goods {
            state.all_goods = Some(self.all_goods);
        }
        state.to_query()
    }

    /// The page's language (`"en"`, `"uk"`, `"ru"`) and, for the latter two, the country names of
    /// `i18n-iso-countries`' language file.
    pub fn set_language(&mut self, tag: &str, names: Option<Vec<u8>>) -> Result<(), JsError> {
        let lang = Lang::parse(tag).ok_or_else(|| JsError::new(&format!("language `{tag}`: expected en, uk or ru")))?;
        self.names = match names {
            Some(bytes) if lang != Lang::En => Some(Names::parse(&format!("names-{tag}.json"), &bytes).map_err(to_js)?),
            _ => None,
        };
        self.words = Words(lang);
        self.shown.take();
        Ok(())
    }

    /// `"light"` or `"dark"`: the colours of the map and the chart.
    pub fn set_theme(&mut self, theme: JsValue) -> Result<(), JsError> {
        self.theme = serde_wasm_bindgen::from_value(theme)?;
        Ok(())
    }

    /// Holds the width scale where it is (`true`), so that switching the side or the data keeps
    /// arrows comparable, or lets it follow the data again (`false`).
    pub fn lock_scale(&mut self, locked: bool) {
        self.locked_scale = locked.then(|| self.timeline.max_value());
    }

    /// Focuses on a country (ISO alpha-3) and its `"all"`, `"incoming"` or `"outgoing"` flows;
    /// `undefined` clears the focus.
    pub fn set_focus(&mut self, country: Option<String>, direction: JsValue) -> Result<(), JsError> {
        let direction: Direction = if direction.is_undefined() { Direction::All } else { serde_wasm_bindgen::from_value(direction)? };
        self.focus = country.map(|country| Focus { country, direction });
        Ok(())
    }

    /// The focused country's ISO alpha-3 code.
    pub fn focus(&self) -> Option<String> {
        self.focus.as_ref().map(|f| f.country.clone())
    }

    /// The ISO alpha-3 code of the country under a point of the last drawn map; none under an arrow.
    pub fn country_at(&self, x: f64, y: f64) -> Option<String> {
        let Some(scene::hit::Pick::Country(id)) = self.scene.as_ref()?.pick(&self.world, x, y) else { return None };
        crate::countries::by_numeric(id).map(|c| c.alpha3.to_string())
    }

    /// What hovering a country says (`{name, lines}`), or `undefined` when no route touches it.
    pub fn country_summary(&self, country: &str) -> Result<JsValue, JsError> {
        Ok(serde_wasm_bindgen::to_value(&country_summary(&self.views(), country, |c| self.name(c), self.words))?)
    }

    /// A country's name (ISO alpha-3) in the page's language.
    pub fn country_name(&self, code: &str) -> String {
        self.name(code)
    }

    /// The countries of the routes, `[code, name]` pairs sorted by name, for the search box.
    pub fn countries(&self) -> Result<JsValue, JsError> {
        let mut named: Vec<(String, String)> = self.route_countries().into_iter().map(|c| { let n = self.name(&c); (c, n) }).collect();
        crate::sort::sort_by(&mut named, &|a, b| a.1.cmp(&b.1));
        Ok(serde_wasm_bindgen::to_value(&named)?)
    }

    /// Draws the dots travelling along the last drawn flows, `seconds` into the motion, on a
    /// transparent canvas laid over the map.
    pub fn draw_particles(&self, ctx: &CanvasRenderingContext2d, seconds: f64, pixel_ratio: f64) -> Result<(), JsValue> {
        match &self.scene {
            Some(scene) => particles::draw(ctx, scene, seconds, pixel_ratio),
            None => Ok(()),
        }
    }

    /// The published figures on the sanctioned goods (`published.json`, written by
    /// `story::published::view::build`); the map shows them unless a link asks for all goods.
    pub fn set_published(&mut self, file_name: &str, bytes: &[u8]) -> Result<(), JsError> {
        let view = Arrows::from_json(file_name, bytes).map_err(to_js)?;
        self.period = view.default_period;
        self.published = Some(view);
        Ok(())
    }

    /// The published figures' key: its title, its note and the goods definitions' names (one a line),
    /// in the page's language.
    pub fn set_published_words(&mut self, title: String, note: String, goods: &str) {
        self.published_words = (title, note, goods.lines().map(str::to_string).collect());
    }

    /// The published figures' period on show (an index into the file's periods), or `undefined` when
    /// the map shows all goods.
    pub fn period(&self) -> Option<usize> {
        self.published.as_ref().filter(|_| !self.all_goods).map(|_| self.period)
    }

    /// Shows the published figures of `period` (one the file has; another keeps the one on show), or,
    /// with `undefined`, all goods.
    pub fn show_period(&mut self, period: Option<usize>) {
        self.all_goods = period.is_none();
        if let (Some(p), Some(view)) = (period, &self.published) {
            self.period = if p < view.periods.len() { p } else { self.period };
        }
        self.hover = None;
        self.transition = None;
        self.drawn = None;
    }

    /// The last drawn map as a standalone SVG document.
    pub fn svg(&self) -> Option<String> {
        self.scene.as_ref().map(scene::to_svg)
    }
}

impl App {
    /// A country's name in the page's language, English where the language file has none.
    fn name(&self, code: &str) -> String {
        self.names.as_ref().and_then(|n| n.get(code)).map_or_else(|| english_name(code), str::to_string)
    }

    fn start_transition(&mut self) {
        self.transition = self.drawn.take().map(|from| (from, 0.0));
    }

    /// The routes on show and the rest summed.
    fn shown(&self) -> Shown {
        let key = (self.year, self.timeline.side(), self.top, self.focus.clone(), self.words.0);
        if let Some((k, shown)) = &*self.shown.borrow() {
            if *k == key {
                return shown.clone();
            }
        }
        let shown = self.rank();
        *self.shown.borrow_mut() = Some((key, shown.clone()));
        shown
    }

    fn rank(&self) -> Shown {
        let mut views = route_views(self.timeline.figures(self.year), &self.destination, self.baseline, |c| self.name(c), self.words);
        mark_focus(&mut views, self.focus.as_ref());
        let pinned = |v: &RouteView| self.legs.iter().any(|(e, i)| *e == v.figures.exporter && *i == v.figures.importer);
        // A country without an anchor has no place on the map: its routes count with the other routes.
        let can_draw = |v: &RouteView| crate::geo::anchor(&v.figures.exporter).is_some() && crate::geo::anchor(&v.figures.importer).is_some();
        on_show(views, usize::from(self.top), pinned, can_draw, self.words)
    }

    fn views(&self) -> Vec<RouteView> {
        self.shown().0
    }

    /// The chart's lines: the routes on show over the years.
    fn chart_lines(&self) -> Vec<story::charts::lines::Series> {
        let shown = self.views();
        let on_show = |e: &str, i: &str| shown.iter().any(|v| v.figures.exporter == e && v.figures.importer == i);
        self.timeline.series(|c| self.name(c), on_show, self.words)
    }

    /// The countries the routes join, each once.
    fn route_countries(&self) -> Vec<String> {
        let mut codes: Vec<String> = Vec::new();
        for (e, i) in self.timeline.routes() {
            for c in [e, i] {
                if !codes.contains(c) {
                    codes.push(c.clone());
                }
            }
        }
        codes
    }
}

fn pairs(legs: &[(String, String)]) -> Vec<(&str, &str)> {
    legs.iter().map(|(e, i)| (e.as_str(), i.as_str())).collect()
}

fn english_name(code: &str) -> String {
    crate::countries::by_alpha3(code).map_or_else(|| code.to_string(), |c| c.name.to_string())
}

fn numeric_code(code: &str) -> Option<u16> {
    crate::countries::by_alpha3(code).map(|c| c.numeric)
}

/// Draws paired bars (JSON `{"series": [a, b], "rows": [{"label", "values": [x, y]}]}`) into a canvas.
#[wasm_bindgen]
pub fn draw_bars(canvas: HtmlCanvasElement, bars: &str, dark: bool, lang: &str) -> Result<(), JsError> {
    let bars = read_bars(bars)?;
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("chart: no 2D context"))?;
    let root = Either::Canvas(backend).into_drawing_area();
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
        let root = Either::Svg(SVGBackend::with_string(&mut svg, (width, bars.height()))).into_drawing_area();
        // Drawing into a string cannot fail; an error would only leave the document short.
        let _ = story::charts::bars::draw(&root, &bars, theme(dark), Lang::parse(lang).unwrap_or_default()).and_then(|()| root.present());
    }
    Ok(vec![svg, bars.csv()])
}

/// The height in CSS px that paired bars need.
#[wasm_bindgen]
pub fn bars_height(bars: &str) -> Result<u32, JsError> {
    Ok(read_bars(bars)?.height())
}

/// US dollars as the page writes them in `lang`: `$5.9m`, `5,9 млн $`.
#[wasm_bindgen]
pub fn format_money(value: f64, lang: &str) -> String {
    crate::format::money_in(value, Lang::parse(lang).unwrap_or_default())
}

/// A ratio less one as a change in `lang`: `+64%`, `+64 %`.
#[wasm_bindgen]
pub fn format_change(ratio: f64, lang: &str) -> String {
    crate::format::change_in(ratio, Lang::parse(lang).unwrap_or_default())
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
pub fn parse_steps(file_name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
    let steps = story::view::steps::Steps::parse(file_name, bytes).map_err(to_js)?;
    Ok(serde_wasm_bindgen::to_value(&steps)?)
}
