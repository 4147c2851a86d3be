//! The page's state: the data loaded, the year, side, focus and number of routes, the published figures'
//! period, the map's zoom and pan, the slide between views, the language. It takes one action at a time
//! ([`Action`]) and answers each with one [`Snapshot`] of everything the page shows. The wasm binding
//! forwards to it; the shell only lays the snapshot out.

use std::cell::RefCell;

use crate::hs::Group;
use crate::lang::Lang;
use crate::scene::{MapSpec, Theme, View};
use crate::store::Table;
use crate::story::language::names::Names;
use crate::story::language::typed_countries::typed_countries;
use crate::story::language::words::Words;
use crate::story::published::map::{published_map_spec, Arrows, Key};
use crate::story::view::choices::{route_choices, Choices};
use crate::story::view::focus::{country_summary, mark_focus, CountrySummary, Direction, Focus};
use crate::story::view::map::map_spec;
use crate::story::view::on_show::{on_show, Other, DEFAULT_TOP};
use crate::story::view::snapshot::{Changed, ChartTable, Snapshot};
use crate::story::view::url_state::{opening_link, UrlState, LANGUAGES};
use crate::story::{route_views, RouteView, Side, Timeline};
use crate::Error;

/// One thing the reader did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Nothing changes: the snapshot of the view as it is.
    Show,
    Year(u16),
    /// Whose reports to draw.
    Side(Side),
    /// How many of the largest routes to draw.
    Top(u16),
    /// A country and which of its flows to keep; `None` clears the focus.
    Focus(Option<Focus>),
    /// A link's query string (the address bar's): the view, and the page's language, embed and step.
    Link(String),
    /// The published figures of a period (an index into the file's), or all goods with `None`.
    Period(Option<usize>),
    /// Holds the widest arrow's value (`true`) so that views compare, or lets it follow the data.
    Lock(bool),
    Theme(Theme),
    /// The language the page's link names (`"en"` names none): the shell reloads into it.
    Lang(String),
    /// A story step: its view (a link's query), its number from 1 and the story's count of steps; `None`
    /// leaves the story.
    Story(Option<(String, u32, u32)>),
}

/// Below this many routes, the "largest routes shown" menu changes nothing and is hidden.
const MIN_TOP: usize = 5;

/// The routes on show are ranked once for these settings, not on every repaint and pointer move.
type ShownKey = (u16, Side, u16, Option<Focus>, Lang);
type Shown = (Vec<RouteView>, Option<Other>);
/// What the panel shows depends on: the shown key, the view, the period and the data loaded.
pub(crate) type PanelKey = (ShownKey, bool, usize, u32);

/// The page's state. See the module's documentation.
pub struct Page {
    pub(crate) timeline: Timeline,
    pub(crate) year: u16,
    pub(crate) focus: Option<Focus>,
    pub(crate) top: u16,
    pub(crate) view: View,
    hover: Option<u32>,
    /// What was on screen when the year or side last changed, and how far the slide from it has got.
    transition: Option<(MapSpec, f64)>,
    drawn: Option<MapSpec>,
    /// The value drawn widest, held while the reader compares views.
    locked_scale: Option<f64>,
    pub(crate) theme: Theme,
    pub(crate) words: Words,
    /// Country names in the page's language; English (the core's own) when `None`.
    names: Option<Names>,
    shown: RefCell<Option<(ShownKey, Shown)>>,
    /// The published figures on the sanctioned goods, once the page has them.
    pub(crate) published: Option<Arrows>,
    /// Their key's title, its note and the goods definitions' names, in the page's language.
    published_words: (String, String, Vec<String>),
    /// The all-goods view rather than the published figures, which the page opens on.
    pub(crate) all_goods: bool,
    pub(crate) period: usize,
    /// The story's legs (origin → hubs → destination), where they lead and its baseline year.
    legs: Vec<(String, String)>,
    destination: String,
    pub(crate) baseline: u16,
    /// What the arrows carry ("all goods"), as the embed's credit line names it; capitalised in the map's key.
    goods: String,
    /// Every product an HS code outside CHPL (a story of drones): the key names the goods, not "Other goods".
    own_goods: bool,
    /// The story's view (`story.json`), normalised: where a link with no query opens.
    story_view: String,
    /// The page's own settings a link carries: the language it names, the map alone, the story step.
    pub(crate) lang: Option<String>,
    pub(crate) embed: bool,
    pub(crate) step: Option<u32>,
    /// The story's count of steps, as its last step said.
    step_count: u32,
    /// Counts the data loaded, so that a snapshot can say the years and countries may differ.
    generation: u32,
    /// What the last snapshot showed, to say what the next one changes.
    last: Option<PanelKey>,
    slide: bool,
    restyled: bool,
    /// The reader prefers reduced motion: a new year or side shows at once, with no slide.
    still: bool,
    /// The finer country shapes are in hand (see [`super::gesture`]).
    pub(crate) detail_ready: bool,
}

impl Page {
    /// The story's data (`legs` origin → hub and hub → destination, where they lead, its baseline year),
    /// at its latest year, drawn from the importers' reports.
    pub fn new(
        file_name: &str,
        table: Table,
        legs: Vec<(String, String)>,
        destination: &str,
        baseline: u16,
    ) -> Result<Page, Error> {
        let own_goods = Group::all_off_the_list(table.products());
        let timeline = story_timeline(table, &legs, destination, baseline, Side::Importer, false)?;
        let year = latest(&timeline, file_name, None)?;
        Ok(Page {
            timeline,
            year,
            focus: None,
            top: DEFAULT_TOP,
            view: View::default(),
            hover: None,
            transition: None,
            drawn: None,
            locked_scale: None,
            theme: Theme::Light,
            words: Words(Lang::En),
            names: None,
            shown: RefCell::new(None),
            published: None,
            published_words: Default::default(),
            all_goods: false,
            period: 0,
            legs,
            destination: destination.to_string(),
            baseline,
            goods: String::new(),
            own_goods,
            story_view: String::new(),
            lang: None,
            embed: false,
            step: None,
            step_count: 0,
            generation: 0,
            last: None,
            slide: false,
            restyled: false,
            still: false,
            detail_ready: false,
        })
    }

    /// Replaces the data with another table (a reader's file cut by the worker, with `every_pair`, or the
    /// story's again), keeping the view; the year becomes the latest the new data holds, and a focus on a
    /// country it lacks is dropped. A reader's file shows all goods: the published figures are the story's.
    /// `off_the_list`: every product of the file the table was cut from lies off the CHPL list (its cut's
    /// summary says so), so that the key names its goods rather than "Other goods".
    pub fn load(
        &mut self,
        file_name: &str,
        table: Table,
        every_pair: bool,
        off_the_list: bool,
    ) -> Result<Snapshot, Error> {
        // A reader's file off the list reaches the page as its cut, where its goods are the `OTHER` token.
        let own_goods = off_the_list || Group::all_off_the_list(table.products());
        let timeline = story_timeline(
            table,
            &self.legs,
            &self.destination,
            self.baseline,
            self.timeline.side(),
            every_pair,
        )?;
        self.year = latest(&timeline, file_name, every_pair.then_some(self.words.0))?;
        if every_pair {
            self.show_period(None);
        }
        self.timeline = timeline;
        self.own_goods = own_goods;
        self.shown.take();
        self.generation += 1;
        // A focus on a country the new data lacks would leave an empty map.
        self.focus = self
            .focus
            .take()
            .filter(|f| self.route_countries().contains(&f.country));
        self.transition = None;
        self.locked_scale = None;
        Ok(self.snapshot())
    }

    /// Does what the reader asked and says what the page shows now.
    pub fn act(&mut self, action: Action) -> Result<Snapshot, Error> {
        match action {
            Action::Show => {}
            Action::Year(year) => {
                self.year = year;
                self.start_transition();
            }
            Action::Side(side) => {
                self.start_transition();
                self.timeline.set_side(side);
            }
            Action::Top(n) => self.top = n.max(1),
            Action::Focus(focus) => self.focus = focus,
            Action::Link(query) => self.apply_link(&query, true)?,
            Action::Period(period) => self.show_period(period),
            Action::Lock(locked) => self.locked_scale = locked.then(|| self.timeline.max_value()),
            Action::Theme(theme) => {
                self.theme = theme;
                self.restyled = true;
            }
            Action::Lang(tag) => {
                let known = LANGUAGES.iter().find(|l| **l == tag).ok_or_else(|| {
                    Error::Input(format!("language `{tag}`: expected en, uk or ru"))
                })?;
                self.lang = Some(known.to_string()).filter(|l| l != "en");
            }
            Action::Story(Some((view, at, count))) => {
                self.apply_link(&view, false)?;
                self.step = Some(at);
                self.step_count = count;
            }
            Action::Story(None) => self.step = None,
        }
        Ok(self.snapshot())
    }

    /// The address bar's link, applied as the page opens: [`Action::Link`] without a snapshot, which the
    /// page's first [`Action::Show`] makes.
    pub fn open_link(&mut self, query: &str) -> Result<(), Error> {
        self.apply_link(query, true)
    }

    /// The page's language and, for Ukrainian and Russian, its country names. Everything is worded
    /// anew: the next snapshot says all has changed.
    pub fn set_language(&mut self, lang: Lang, names: Option<Names>) {
        self.names = names.filter(|_| lang != Lang::En);
        self.words = Words(lang);
        self.shown.take();
        self.last = None;
    }

    /// What the arrows carry ("all goods", a loaded file's goods), for the map's key and the embed's credit.
    pub fn set_goods(&mut self, goods: &str) {
        self.goods = goods.to_string();
    }

    /// The story's view (`story.json`'s `view`, a link's query string): where a link with no query opens.
    pub fn set_story_view(&mut self, query: &str) {
        self.story_view = UrlState::parse(query).state.to_query();
    }

    /// The published figures on the sanctioned goods (`published.json`), which the page opens on unless
    /// a link asks for all goods.
    pub fn set_published(&mut self, arrows: Arrows) {
        self.period = arrows.default_period;
        self.published = Some(arrows);
    }

    /// The published figures' key: its title, its note and the goods definitions' names, in the page's language.
    pub fn set_published_words(&mut self, title: String, note: String, goods: Vec<String>) {
        self.published_words = (title, note, goods);
    }

    /// The map to draw at `width` × `height` CSS px, `progress` (0 to 1) into the slide from the last
    /// view when given; remembered as what is on screen, for the next slide.
    pub fn frame(&mut self, width: f64, height: f64, progress: Option<f64>) -> &MapSpec {
        if let (Some(p), Some((_, t))) = (progress, &mut self.transition) {
            *t = p;
        }
        let spec = match (&self.published, self.all_goods) {
            (Some(arrows), false) => {
                let (title, note, goods) = &self.published_words;
                let key = Key {
                    title,
                    note,
                    goods,
                    lang: self.words.0,
                };
                published_map_spec(
                    arrows,
                    self.period,
                    [width, height],
                    self.hover,
                    &key,
                    |c| self.name(c),
                    numeric_code,
                )
            }
            _ => {
                let max_value = self
                    .locked_scale
                    .unwrap_or_else(|| self.timeline.max_value());
                let (views, other) = self.shown();
                let mut target = map_spec(
                    &views,
                    width,
                    height,
                    max_value,
                    self.hover,
                    numeric_code,
                    self.words,
                );
                if !self.goods.is_empty() {
                    target.legend_title = self.words.goods_a_year(&capitalised(&self.goods));
                    if self.own_goods {
                        for (_, name) in &mut target.legend_colors {
                            *name = capitalised(&self.goods);
                        }
                    }
                }
                target.legend_note = other.map(|o| o.text).unwrap_or_default();
                match &self.transition {
                    Some((from, t)) if *t < 1.0 => target.blend_from(from, *t),
                    _ => target,
                }
            }
        };
        self.drawn.insert(spec)
    }

    /// The flow under the pointer (an id of the last map drawn), drawn highlighted in the next frame.
    pub fn set_hover(&mut self, id: Option<u32>) {
        self.hover = id;
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// The query string of the current view, with the page's language, embed and story step; `embed`
    /// overrides the page's own (the embed code, the full page's link from an embed).
    pub fn link(&self, embed: Option<bool>) -> String {
        let latest = self.timeline.years().last().copied();
        let period = match &self.published {
            Some(arrows) if !self.all_goods && self.period != arrows.default_period => {
                arrows.periods.get(self.period).cloned()
            }
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
            lang: self.lang.clone(),
            embed: embed.unwrap_or(self.embed),
            step: self.step,
        };
        // Named only where the rest of the link would not read back to the same view: an empty link
        // opens the story's view.
        if (self.published.is_some() && state.wants_all_goods() != self.all_goods)
            || (!self.story_view.is_empty() && state.to_query().is_empty())
        {
            state.all_goods = Some(self.all_goods || self.published.is_none());
        }
        state.to_query()
    }

    /// A country's name (ISO alpha-3) in the page's language, English where the language file has none.
    pub fn name(&self, code: &str) -> String {
        Names::or_english(self.names.as_ref(), code)
    }

    /// The analysis views' choices of route and hub, in the page's language.
    pub fn route_choices(&self) -> Choices {
        route_choices(&self.legs, &self.destination, |c| self.name(c), self.words.0)
    }

    /// The countries whose rows a zip's reader keeps, as typed (codes, or names in English or the page's
    /// language): their alpha-3 codes; an entry naming no country is refused in the page's language.
    pub fn kept_countries(&self, typed: &str) -> Result<Vec<&'static str>, String> {
        typed_countries(typed, self.names.as_ref()).map_err(|entry| self.words.no_country_called(&entry))
    }

    /// The page's country names, for its worker ([`Names::to_lines`]); none on an English page.
    pub fn names_as_lines(&self) -> String {
        self.names.as_ref().map(Names::to_lines).unwrap_or_default()
    }

    /// The routes on show (ranked, with their shares) and the rest summed.
    pub fn shown(&self) -> Shown {
        let key = self.shown_key();
        if let Some((k, shown)) = &*self.shown.borrow() {
            if *k == key {
                return shown.clone();
            }
        }
        let shown = self.rank(self.focus.as_ref());
        *self.shown.borrow_mut() = Some((key, shown.clone()));
        shown
    }

    /// What hovering `country` (ISO alpha-3) says, or `None` when no route on show touches it.
    pub fn country_summary(&self, country: &str) -> Option<CountrySummary> {
        country_summary(&self.shown().0, country, |c| self.name(c), self.words)
    }

    /// Whether a focus on `country` (ISO alpha-3) would show one of its routes in this view (the year,
    /// side and number of routes on show): the search box asks before it focuses, so that a country without
    /// one is only named and the map keeps its view.
    pub fn has_routes(&self, country: &str) -> bool {
        let focus = Focus {
            country: country.to_string(),
            direction: Direction::All,
        };
        self.rank(Some(&focus))
            .0
            .iter()
            .any(|v| focus.keeps(&v.figures.exporter, &v.figures.importer))
    }

    /// The line under the country search when it focuses nothing: `code` (ISO alpha-3) found but without
    /// a route in this view; else `name`, a country the data has no rows for; else no country is called
    /// `query`.
    pub fn search_status(&self, code: Option<&str>, name: Option<&str>, query: &str) -> String {
        match (code, name) {
            (Some(code), _) => self.words.no_rows_in_view(&self.name(code)),
            (None, Some(name)) => self.words.no_rows_in_data(name),
            (None, None) => self.words.no_country_called(query.trim()),
        }
    }

    /// The chart's lines: the routes on show over the years.
    pub fn chart_lines(&self) -> Vec<crate::story::charts::lines::Series> {
        let shown = self.shown().0;
        let on_show = |e: &str, i: &str| {
            shown
                .iter()
                .any(|v| v.figures.exporter == e && v.figures.importer == i)
        };
        self.timeline.series(|c| self.name(c), on_show, self.words)
    }

    /// The countries the routes join, each once.
    pub fn route_countries(&self) -> Vec<String> {
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

    /// The published figures' period on show, or `None` when the map shows all goods.
    pub fn period(&self) -> Option<usize> {
        self.published
            .as_ref()
            .filter(|_| !self.all_goods)
            .map(|_| self.period)
    }

    /// The snapshot of the view as it is, saying what changed since the last one.
    fn snapshot(&mut self) -> Snapshot {
        let key = (
            self.shown_key(),
            self.all_goods,
            self.period,
            self.generation,
        );
        let changed = Changed {
            data: self.last.as_ref().is_none_or(|k| k.3 != key.3),
            slide: std::mem::take(&mut self.slide),
            routes: self.last.as_ref() != Some(&key),
            chart: self.last.as_ref() != Some(&key) || std::mem::take(&mut self.restyled),
        };
        self.last = Some(key);
        // The published view lists and draws its own figures: all goods' routes are ranked for theirs only.
        let (routes, other) = if self.period().is_some() { (Vec::new(), None) } else { self.shown() };
        let route_count = self.timeline.routes().len();
        let focus = self.focus.as_ref().map(|f| f.country.clone());
        Snapshot {
            year: self.year,
            years: self.timeline.years().to_vec(),
            side: self.timeline.side(),
            side_choice: self.timeline.side_choice(),
            focus_name: focus.as_deref().map(|c| self.name(c)),
            focus,
            direction: self.focus.as_ref().map(|f| f.direction).unwrap_or_default(),
            top: self.top,
            top_choice: route_count > MIN_TOP || usize::from(self.top) < route_count,
            period: self.period(),
            title: self.words.routes_in(self.year),
            embed_title: self.words.year_goods(self.year, &self.goods),
            table_caption: self.words.flows_on_map_in(self.year),
            growth_head: self.words.growth_on(self.baseline),
            // The chart rules the baseline only among its years.
            baseline_note: if self.timeline.years().contains(&self.baseline) { self.words.baseline_note(self.baseline) } else { String::new() },
            summary: self.map_summary(&routes, other.as_ref()),
            routes,
            other: other.map(|o| o.text),
            countries: self.countries(),
            chart: self.chart_table(),
            link: self.link(None),
            embed_link: self.link(Some(true)),
            page_link: self.link(Some(false)),
            lang: self.lang.clone(),
            embed: self.embed,
            step: self.step,
            step_counter: self.step.filter(|_| self.step_count > 0).map(|at| self.words.step_of(at, self.step_count)),
            detail: self.wants_detail(),
            changed,
        }
    }

    /// Each route and its value (and growth), then the other routes, as one sentence for screen readers.
    fn map_summary(&self, routes: &[RouteView], other: Option<&Other>) -> String {
        let mut parts: Vec<String> = routes
            .iter()
            .map(|r| {
                let growth = if r.growth_text.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", r.growth_text)
                };
                format!(
                    "{} → {}: {}{growth}",
                    r.exporter_name, r.importer_name, r.value_text
                )
            })
            .collect();
        parts.extend(other.map(|o| o.text.clone()));
        self.words.map_summary(self.year, &parts.join(". "))
    }

    /// The countries of the routes, `[code, name, English name, alpha-2]` sorted by name, for the search box.
    fn countries(&self) -> Vec<(String, String, String, &'static str)> {
        let alpha2 = |c: &str| crate::countries::by_alpha3(c).map_or("", |c| c.alpha2);
        let mut countries: Vec<_> = self
            .route_countries()
            .into_iter()
            .map(|c| {
                let (name, english, a2) = (self.name(&c), crate::countries::english_name(&c), alpha2(&c));
                (c, name, english, a2)
            })
            .collect();
        crate::sort::sort_by(&mut countries, &|a, b| a.1.cmp(&b.1));
        countries
    }

    /// The chart's lines as a table: a row per year any line has, the values in words.
    fn chart_table(&self) -> ChartTable {
        let series = self.chart_lines();
        let rows = self
            .timeline
            .years()
            .iter()
            .filter(|y| series.iter().any(|s| s.points.iter().any(|p| p.0 == **y)))
            .map(|&year| {
                let values = series.iter().map(|s| {
                    s.points
                        .iter()
                        .find(|p| p.0 == year)
                        .and_then(|p| p.1)
                        .map_or_else(|| "–".to_string(), |v| self.words.money(v))
                });
                std::iter::once(year.to_string()).chain(values).collect()
            })
            .collect();
        let notes: Vec<String> = series.iter().filter_map(|s| s.note.clone()).collect();
        let caption = if notes.is_empty() {
            String::new()
        } else {
            std::iter::once(self.words.source_changes().to_string())
                .chain(notes.iter().cloned())
                .collect::<Vec<_>>()
                .join(" ")
        };
        ChartTable {
            lines: series.into_iter().map(|s| s.label).collect(),
            rows,
            notes,
            caption,
        }
    }

    fn shown_key(&self) -> ShownKey {
        (
            self.year,
            self.timeline.side(),
            self.top,
            self.focus.clone(),
            self.words.0,
        )
    }

    fn start_transition(&mut self) {
        self.transition = self.drawn.take().filter(|_| !self.still).map(|from| (from, 0.0));
        self.slide = !self.still;
    }

    /// Whether the reader prefers reduced motion: views then change with no slide.
    pub fn set_still(&mut self, still: bool) {
        self.still = still;
    }

    /// Applies a link's query string: year, side, focus, number of routes, zoom and pan, view and period
    /// (what the data allows; what it leaves out goes back to the default); with `own`, the page's
    /// language, embed and step too (a story step's view keeps the page's), and an empty query is the
    /// story's view.
    fn apply_link(&mut self, query: &str, own: bool) -> Result<(), Error> {
        let s = UrlState::parse(if own { opening_link(query, &self.story_view) } else { query }).state;
        let latest = self.timeline.years().last().copied().unwrap_or(self.year);
        self.year = s
            .year
            .filter(|y| self.timeline.years().contains(y))
            .unwrap_or(latest);
        let side = s.side.unwrap_or(Side::Importer);
        if side != self.timeline.side() {
            self.timeline.set_side(side);
        }
        self.top = s.top.unwrap_or(DEFAULT_TOP);
        self.focus = s
            .focus
            .clone()
            .filter(|c| self.route_countries().contains(c))
            .map(|country| Focus {
                country,
                direction: s.direction.unwrap_or_default(),
            });
        self.view = View {
            zoom: s.zoom.unwrap_or(1.0),
            pan: s.pan.unwrap_or([0.0, 0.0]),
        };
        self.all_goods = s.wants_all_goods();
        if let Some(arrows) = &self.published {
            self.period = s
                .period
                .as_ref()
                .and_then(|k| arrows.periods.iter().position(|p| p == k))
                .unwrap_or(arrows.default_period);
        }
        if own {
            self.lang = s.lang;
            self.embed = s.embed;
            self.step = s.step;
        }
        self.hover = None;
        self.transition = None;
        Ok(())
    }

    /// Shows the published figures of `period` (one the file has; another keeps the one on show), or,
    /// with `None`, all goods.
    fn show_period(&mut self, period: Option<usize>) {
        self.all_goods = period.is_none();
        if let (Some(p), Some(arrows)) = (period, &self.published) {
            self.period = if p < arrows.periods.len() {
                p
            } else {
                self.period
            };
        }
        self.hover = None;
        self.transition = None;
        self.drawn = None;
    }

    /// The routes on show with `focus`, ranked, and the rest summed.
    fn rank(&self, focus: Option<&Focus>) -> Shown {
        let mut views = route_views(
            self.timeline.figures(self.year),
            &self.destination,
            self.baseline,
            |c| self.name(c),
            self.words,
        );
        mark_focus(&mut views, focus);
        let pinned = |v: &RouteView| {
            self.legs
                .iter()
                .any(|(e, i)| *e == v.figures.exporter && *i == v.figures.importer)
        };
        // A country without an anchor has no place on the map: its routes count with the other routes.
        let can_draw = |v: &RouteView| {
            crate::geo::anchor(&v.figures.exporter).is_some()
                && crate::geo::anchor(&v.figures.importer).is_some()
        };
        on_show(views, usize::from(self.top), pinned, can_draw, self.words)
    }
}

/// The story's legs as `CHN>KAZ,KAZ>RUS`, as the page's module is handed them.
pub fn parse_legs(legs: &str) -> Vec<(String, String)> {
    legs.split(',')
        .filter_map(|l| l.split_once('>'))
        .map(|(e, i)| (e.to_string(), i.to_string()))
        .collect()
}

fn story_timeline(
    table: Table,
    legs: &[(String, String)],
    destination: &str,
    baseline: u16,
    side: Side,
    every_pair: bool,
) -> Result<Timeline, Error> {
    let pairs: Vec<(&str, &str)> = legs.iter().map(|(e, i)| (e.as_str(), i.as_str())).collect();
    if every_pair {
        Timeline::every_pair(table, &pairs, side, destination, baseline)
    } else {
        Timeline::of_story(table, &pairs, side, destination, baseline)
    }
}

/// The latest year of `timeline`. A table without rows has none: an error naming the file, which for a
/// reader's file (its every pair drawn, said in the page's language `reader`) had no row to draw (none, or
/// every one bad).
fn latest(timeline: &Timeline, file_name: &str, reader: Option<Lang>) -> Result<u16, Error> {
    timeline.years().last().copied().ok_or_else(|| {
        let why = match reader {
            Some(Lang::En) => "no row to draw",
            Some(Lang::Uk) => "жодного рядка для карти",
            Some(Lang::Ru) => "ни одной строки для карты",
            None => "none of the story's routes",
        };
        Error::Input(format!("{file_name}: {why}"))
    })
}

/// "all goods" → "All goods", "усі товари" → "Усі товари": the first letter in capitals, for the Latin and
/// Cyrillic scripts the page speaks. By code point, not by `char::to_uppercase`, whose Unicode tables
/// would add kilobytes to the page's module.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let upper = match u32::from(first) {
        0x61..=0x7a => first.to_ascii_uppercase(),
        c @ 0x430..=0x44f => char::from_u32(c - 0x20).unwrap_or(first),
        c @ 0x450..=0x45f => char::from_u32(c - 0x50).unwrap_or(first),
        0x491 => '\u{490}',
        _ => first,
    };
    std::iter::once(upper).chain(chars).collect()
}

/// A country's English name (the core's own), or its code when it is none.
/// A country's ISO 3166-1 numeric code, which the country shapes carry.
pub fn numeric_code(code: &str) -> Option<u16> {
    crate::countries::by_alpha3(code).map(|c| c.numeric)
}
