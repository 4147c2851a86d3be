//! The page's state (`story::view::page::Page`): each action answered with one snapshot of what the page
//! shows, on the default story's data (www/data/story.csv) and published figures (www/data/published.json).

use roundabout::ingest::load_tidy;
use roundabout::lang::Lang;
use roundabout::story::published::map::Arrows;
use roundabout::story::view::focus::{Direction, Focus};
use roundabout::story::view::page::{parse_legs, Action, Page};
use roundabout::story::view::snapshot::Snapshot;
use roundabout::story::Side;

const STORY: &str = "www/data/story.csv";
const LEGS: &str = "CHN>KAZ,CHN>KGZ,KAZ>RUS,KGZ>RUS";

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn page() -> Page {
    let loaded = load_tidy("story.csv", &read(STORY)).unwrap_or_else(|e| panic!("{e}"));
    Page::new("story.csv", loaded.table, parse_legs(LEGS), "RUS", 2021)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn with_published() -> Page {
    let mut page = page();
    let arrows = Arrows::from_json("published.json", &read("www/data/published.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    page.set_published(arrows);
    page
}

fn act(page: &mut Page, action: Action) -> Snapshot {
    page.act(action).unwrap_or_else(|e| panic!("{e}"))
}

fn values(s: &Snapshot) -> Vec<String> {
    s.routes
        .iter()
        .map(|r| {
            format!(
                "{}>{} {}",
                r.figures.exporter, r.figures.importer, r.value_text
            )
        })
        .collect()
}

#[test]
fn the_first_snapshot_shows_the_latest_year_and_says_everything_is_new() {
    let mut page = page();
    let s = act(&mut page, Action::Show);
    assert_eq!(s.years, [2019, 2020, 2021, 2022, 2023]);
    assert_eq!(
        (s.year, s.side, s.top, s.focus.as_deref()),
        (2023, Side::Importer, 10, None)
    );
    assert_eq!(s.routes.len(), 4, "the story's four legs");
    assert!(s.changed.data && s.changed.routes && s.changed.chart && !s.changed.slide);
    assert_eq!(
        s.link, "",
        "the latest year, the importers' reports, the fitted map: all default"
    );
    assert!(
        !s.top_choice,
        "four routes all fit: the menu would change nothing"
    );
    assert_eq!(s.period, None, "no published figures loaded: all goods");
    let again = act(&mut page, Action::Show);
    assert!(
        !again.changed.data && !again.changed.routes && !again.changed.chart,
        "nothing changed"
    );
}

#[test]
fn a_year_click_is_one_action_that_changes_routes_chart_and_link() {
    let mut page = page();
    let before = act(&mut page, Action::Show);
    let after = act(&mut page, Action::Year(2021));
    assert_eq!(after.year, 2021);
    assert!(
        after.changed.routes && after.changed.slide && after.changed.chart && !after.changed.data
    );
    assert_ne!(
        values(&before),
        values(&after),
        "other figures in another year"
    );
    assert!(after.link.contains("year=2021"), "{}", after.link);
    assert!(after.routes.iter().all(|r| r.figures.year == 2021));
    assert_eq!(
        after.chart.rows.len(),
        5,
        "the chart's table keeps every year"
    );
    assert_eq!(after.chart.lines.len(), 4);
}

#[test]
fn the_chart_table_writes_each_lines_values_in_the_pages_language() {
    let mut page = page();
    let en = act(&mut page, Action::Show);
    page.set_language(Lang::Uk, None);
    let uk = act(&mut page, Action::Show);
    assert!(
        uk.changed.routes && uk.changed.data,
        "another language words everything again"
    );
    let cell = |s: &Snapshot| s.chart.rows[4][1].clone();
    assert!(cell(&en).starts_with('$'), "{}", cell(&en));
    assert!(
        cell(&uk).ends_with('$') && cell(&uk).contains('\u{a0}'),
        "{}",
        cell(&uk)
    );
    assert_eq!(
        en.chart
            .rows
            .iter()
            .map(|r| r[0].as_str())
            .collect::<Vec<_>>(),
        ["2019", "2020", "2021", "2022", "2023"]
    );
}

#[test]
fn side_focus_and_top_reach_the_snapshot_and_the_link() {
    let mut page = page();
    let s = act(&mut page, Action::Side(Side::Exporter));
    assert_eq!(s.side, Side::Exporter);
    assert!(s.changed.slide && s.link.contains("side=exporter"));
    let s = act(
        &mut page,
        Action::Focus(Some(Focus {
            country: "KAZ".into(),
            direction: Direction::Outgoing,
        })),
    );
    assert_eq!(
        (s.focus.as_deref(), s.focus_name.as_deref(), s.direction),
        (Some("KAZ"), Some("Kazakhstan"), Direction::Outgoing)
    );
    assert!(!s.changed.slide);
    let kept: Vec<bool> = s.routes.iter().map(|r| r.in_focus).collect();
    assert_eq!(
        kept.iter().filter(|k| **k).count(),
        1,
        "Kazakhstan's one outgoing route: {:?}",
        values(&s)
    );
    assert!(s.link.contains("focus=KAZ&dir=outgoing"), "{}", s.link);
    let s = act(&mut page, Action::Top(20));
    assert!(s.link.contains("top=20") && s.top == 20);
    assert_eq!(act(&mut page, Action::Top(0)).top, 1, "at least one route");
    let s = act(&mut page, Action::Focus(None));
    assert!(s.routes.iter().all(|r| r.in_focus) && !s.link.contains("focus"));
}

#[test]
fn a_link_read_back_gives_the_same_view_and_the_same_link() {
    let mut page = page();
    let query =
        "?year=2022&side=exporter&focus=KGZ&dir=incoming&top=20&zoom=2&pan=-40,12&lang=uk&step=3";
    let s = act(&mut page, Action::Link(query.into()));
    assert_eq!(
        (s.year, s.side, s.top, s.focus.as_deref(), s.direction),
        (2022, Side::Exporter, 20, Some("KGZ"), Direction::Incoming)
    );
    assert_eq!(
        (s.lang.as_deref(), s.embed, s.step),
        (Some("uk"), false, Some(3))
    );
    assert_eq!(s.link, query);
    assert!(s.embed_link.contains("embed=1") && !s.page_link.contains("embed"));
    let mut other = page_after(&s.link);
    assert_eq!(
        act(&mut other, Action::Show).link,
        s.link,
        "the link opens the same view"
    );
    // What a link leaves out goes back to the default; what the data lacks is dropped.
    let s = act(&mut page, Action::Link("?year=1990&focus=USA".into()));
    assert_eq!(
        (s.year, s.side, s.focus.as_deref(), s.step),
        (2023, Side::Importer, None, None)
    );
}

#[test]
fn a_link_opened_shows_what_the_link_action_shows() {
    for (query, story_view) in [
        ("?year=2022&side=exporter&focus=KGZ&top=20&lang=uk&embed=1&step=3", ""),
        ("", "?year=2021&focus=KAZ"),
    ] {
        let mut acted = page();
        acted.set_story_view(story_view);
        let by_action = act(&mut acted, Action::Link(query.into()));
        let mut opened = page();
        opened.set_story_view(story_view);
        opened.open_link(query).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(act(&mut opened, Action::Show), by_action, "{query:?} over {story_view:?}");
    }
}

fn page_after(link: &str) -> Page {
    let mut p = page();
    act(&mut p, Action::Link(link.into()));
    p
}

#[test]
fn a_story_step_keeps_the_pages_language_and_leaving_drops_the_step() {
    let mut page = page();
    act(&mut page, Action::Link("?lang=ru".into()));
    let s = act(
        &mut page,
        Action::Story(Some(("?year=2021&focus=KAZ".into(), 2, 6))),
    );
    assert_eq!(
        (s.year, s.focus.as_deref(), s.step, s.lang.as_deref()),
        (2021, Some("KAZ"), Some(2), Some("ru"))
    );
    assert_eq!(s.step_counter.as_deref(), Some("Step 2 of 6"), "worded in the page's language, English here");
    assert!(
        s.link.contains("lang=ru") && s.link.contains("step=2"),
        "{}",
        s.link
    );
    let s = act(&mut page, Action::Story(None));
    assert_eq!((s.step, s.step_counter), (None, None));
    assert!(!s.link.contains("step"));
}

#[test]
fn the_language_action_names_the_language_in_the_link_or_fails() {
    let mut page = page();
    assert!(act(&mut page, Action::Lang("uk".into()))
        .link
        .contains("lang=uk"));
    assert!(
        !act(&mut page, Action::Lang("en".into()))
            .link
            .contains("lang"),
        "English is the default"
    );
    assert!(page.act(Action::Lang("de".into())).is_err());
}

#[test]
fn the_published_figures_open_first_and_a_period_or_all_goods_is_a_view() {
    let mut page = with_published();
    let s = act(&mut page, Action::Link(String::new()));
    let default = s
        .period
        .unwrap_or_else(|| panic!("the published figures are the first view"));
    assert_eq!(s.link, "");
    assert!(s.routes.is_empty() && s.other.is_none(), "the published view ranks no routes of all goods");
    let s = act(&mut page, Action::Period(Some(0)));
    assert_eq!(s.period, Some(0));
    assert!(default == 0 || s.link.contains("period="), "{}", s.link);
    let s = act(&mut page, Action::Period(None));
    assert_eq!(s.period, None);
    assert!(s.link.contains("goods=all"), "{}", s.link);
    assert!(s.changed.routes, "another view");
    assert_eq!(s.routes.len(), 4, "all goods: the story's four legs");
    // A year in a link opens all goods, as links did before there were two views.
    let s = act(&mut page, Action::Link("?year=2022".into()));
    assert_eq!((s.period, s.year), (None, 2022));
    assert_eq!(
        act(&mut page, Action::Link("?goods=published".into())).period,
        Some(default)
    );
}

#[test]
fn a_story_with_a_view_opens_on_it_and_its_published_views_link_says_so() {
    let mut page = with_published();
    page.set_story_view("?goods=all&year=2022");
    let s = act(&mut page, Action::Link(String::new()));
    assert_eq!((s.period, s.year), (None, 2022), "no query: the story's view");
    assert_eq!(s.link, "?year=2022");
    let s = act(&mut page, Action::Link("?goods=published".into()));
    let published = s.period;
    assert!(published.is_some());
    assert_eq!(s.link, "?goods=published", "an empty link would open the story's view");
    // The link read back, as a reader who follows it: the published view again.
    assert_eq!(act(&mut page, Action::Link(s.link.clone())).period, published);
    let s = act(&mut page, Action::Period(None));
    let latest = s.years.last().copied();
    assert_eq!((s.period, Some(s.year)), (None, latest));
    assert_eq!(s.link, "?goods=all");
    assert_eq!(act(&mut page, Action::Link(s.link.clone())).year, s.year);
    // A link with settings of its own stays as short as before.
    assert_eq!(act(&mut page, Action::Link("?goods=published&zoom=2".into())).link, "?zoom=2");
    // Without a story view, the published view's link is empty as before.
    let mut plain = with_published();
    assert_eq!(act(&mut plain, Action::Link(String::new())).link, "");
}

#[test]
fn the_key_names_a_storys_goods_outside_chpl_rather_than_other_goods() {
    let header = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n";
    let table = |hs: [&str; 2]| {
        let rows = format!("{header}2022,,CHN,KAZ,{},100,,,importer,test\n2022,,KAZ,RUS,{},50,,,importer,test\n", hs[0], hs[1]);
        load_tidy("drones.csv", rows.as_bytes()).unwrap_or_else(|e| panic!("{e}")).table
    };
    let key = |hs: [&str; 2]| {
        let mut page = Page::new("drones.csv", table(hs), parse_legs(LEGS), "RUS", 2021).unwrap_or_else(|e| panic!("{e}"));
        page.set_goods("drones (HS 8806)");
        let spec = page.frame(800.0, 500.0, None);
        spec.legend_colors.iter().map(|c| c.1.clone()).collect::<Vec<_>>()
    };
    assert_eq!(key(["880621", "880622"]), ["Drones (HS 8806)"]);
    // The rest beside CHPL's goods (the `OTHER` token) is still "Other goods"; a CHPL code keeps its tier.
    assert_eq!(key(["OTHER", "OTHER"]), ["Other goods"]);
    assert_eq!(key(["854231", "880621"]), ["CHPL tier 1", "Other goods"]);
    // A reader's file of such goods, loaded on the default story, names them too; a file of the rest does not.
    let mut page = page();
    page.set_goods("drones (HS 8806)");
    page.load("drones.csv", table(["880621", "880622"]), true, false).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page.frame(800.0, 500.0, None).legend_colors.iter().map(|c| c.1.as_str()).collect::<Vec<_>>(), ["Drones (HS 8806)"]);
    page.load("other.csv", table(["OTHER", "OTHER"]), true, false).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page.frame(800.0, 500.0, None).legend_colors.iter().map(|c| c.1.as_str()).collect::<Vec<_>>(), ["Other goods"]);
    // The cut of a file off the list (the worker's summary says so) holds its goods as `OTHER`: named too.
    page.load("drones.csv", table(["OTHER", "OTHER"]), true, true).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page.frame(800.0, 500.0, None).legend_colors.iter().map(|c| c.1.as_str()).collect::<Vec<_>>(), ["Drones (HS 8806)"]);
}

#[test]
fn loading_a_file_shows_all_goods_at_its_latest_year_and_drops_a_focus_it_lacks() {
    let mut page = with_published();
    let header = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n";
    let file = |rows: &str| {
        load_tidy("file.csv", format!("{header}{rows}").as_bytes())
            .unwrap_or_else(|e| panic!("{e}"))
            .table
    };
    let s = page
        .load(
            "file.csv",
            file("2020,,CHN,USA,TOTAL,100,,,importer,test\n"),
            true,
            false,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (s.year, s.period),
        (2020, None),
        "a reader's file shows all goods"
    );
    assert_eq!(s.baseline_note, "", "a file without 2021 has no baseline on its chart to explain");
    assert!(
        s.countries
            .iter()
            .any(|(c, n, english, a2)| c == "USA" && n == "United States" && english == "United States" && *a2 == "US"),
        "{:?}",
        s.countries
    );
    act(
        &mut page,
        Action::Focus(Some(Focus {
            country: "USA".into(),
            direction: Direction::All,
        })),
    );
    let s = page.load("file.csv", file("2020,,CHN,KAZ,TOTAL,100,,,importer,test\n2021,,CHN,KAZ,TOTAL,150,,,importer,test\n"), true, false).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (s.years.as_slice(), s.year, s.focus.as_deref()),
        ([2020, 2021].as_slice(), 2021, None)
    );
    assert_eq!(s.baseline_note, "Dashed line: 2021, the baseline for growth.");
    assert!(s.changed.data && s.changed.routes);
}

#[test]
fn the_goods_are_capitalised_for_the_key_in_any_script() {
    let mut page = page();
    page.set_goods("усі товари");
    let spec = page.frame(800.0, 500.0, None);
    assert!(
        spec.legend_title.starts_with("Усі товари"),
        "{}",
        spec.legend_title
    );
}

#[test]
fn a_year_change_slides_from_the_map_on_screen() {
    let mut page = page();
    // The flows' values summed, `progress` into the slide.
    let total = |p: &mut Page, progress: Option<f64>| {
        p.frame(800.0, 500.0, progress)
            .flows
            .iter()
            .map(|f| f.value)
            .sum::<f64>()
    };
    act(&mut page, Action::Year(2019));
    let from = total(&mut page, None);
    act(&mut page, Action::Year(2023));
    let to = total(&mut page, Some(1.0));
    let mid = total(&mut page, Some(0.5));
    assert!(from != to, "other years, other totals");
    assert!(
        (mid - from) * (to - mid) > 0.0,
        "half way lies between: {from} {mid} {to}"
    );
}

#[test]
fn with_reduced_motion_a_new_year_shows_at_once_with_no_slide() {
    let mut page = page();
    page.set_still(true);
    act(&mut page, Action::Year(2019));
    let before = page.frame(800.0, 500.0, None).clone();
    let s = act(&mut page, Action::Year(2023));
    assert!(!s.changed.slide && s.changed.routes, "no slide: the answer's map is the new year's");
    let now = page.frame(800.0, 500.0, None).clone();
    let settled = page.frame(800.0, 500.0, Some(1.0)).clone();
    assert_ne!(now.flows, before.flows, "2023's flows at once");
    assert_eq!(now.flows, settled.flows, "as where a slide would end");
    page.set_still(false);
    assert!(act(&mut page, Action::Year(2021)).changed.slide);
}

#[test]
fn zooming_close_wants_the_finer_shapes_once_until_they_are_in_hand() {
    let mut page = page();
    let size = [800.0, 500.0];
    assert!(!page.zoom_at([400.0, 250.0], 1.5, size), "1.5×: the coarse shapes do");
    assert!(!act(&mut page, Action::Show).detail);
    assert!(page.zoom_at([400.0, 250.0], 1.5, size), "2.25×: close enough");
    assert!(page.uses_detail() && act(&mut page, Action::Show).detail);
    page.pan_by([30.0, 0.0], size);
    page.set_detail_ready();
    assert!(page.uses_detail() && !page.wants_detail() && !act(&mut page, Action::Show).detail);
    page.reset_view();
    assert!(!page.uses_detail());
    assert_eq!(act(&mut page, Action::Show).link, "", "back to the fitted map");
    let linked = act(&mut page, Action::Link("?zoom=3".into()));
    assert!(!linked.detail, "in hand already");
    assert!(page_after("?zoom=3").act(Action::Show).map(|s| s.detail).unwrap_or(false), "a link's zoom wants them too");
}

#[test]
fn the_chart_is_16_by_9_or_taller_for_its_labels_and_320_wide_before_layout() {
    let page = page();
    let lines = page.chart_lines();
    let (w, h) = page.chart_size(&lines, Some(1200));
    assert_eq!((w, h), (1200, 675));
    let (w, h) = page.chart_size(&lines, None);
    assert_eq!((w, h), (320, 180), "no width yet: 320 px, and 180 fit the four lines' labels");
    assert_eq!(page.chart_size(&lines, Some(0)), (w, h), "no width yet");
    let (_, narrow) = page.chart_size(&lines, Some(40));
    assert!(narrow > 40 * 9 / 16, "the labels' rows need more than 22 px: {narrow}");
    let mut svg = String::new();
    {
        use plotters::prelude::{IntoDrawingArea, SVGBackend};
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        page.draw_chart(&root, &lines).unwrap_or_else(|e| panic!("{e:?}"));
        root.present().unwrap_or_else(|e| panic!("{e:?}"));
    }
    assert!(svg.contains("Invasion, 24 Feb 2022"), "the invasion marked, in the page's language");
}

#[test]
fn a_country_has_routes_in_the_view_when_a_focus_on_it_would_show_one() {
    let mut page = page();
    assert!(page.has_routes("KAZ") && page.has_routes("RUS"));
    assert!(!page.has_routes("DEU"), "not in the story's data");
    // Eleven routes a year, Germany's the smallest and in 2022 only: beyond the ten on show, yet a focus
    // on it fills the map with its own route first.
    let header = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n";
    let pairs = ["CHN,KAZ", "CHN,KGZ", "KAZ,RUS", "KGZ,RUS", "CHN,RUS", "TUR,RUS", "ARE,RUS", "ARM,RUS", "GEO,RUS", "UZB,RUS", "IND,RUS"];
    let mut rows = String::from(header);
    for year in [2022, 2023] {
        for (i, p) in pairs.iter().enumerate() {
            rows += &format!("{year},,{p},TOTAL,{},,,importer,test\n", 1e9 + i as f64 * 1e7);
        }
    }
    rows += "2022,,DEU,KAZ,TOTAL,5000,,,importer,test\n";
    let table = load_tidy("file.csv", rows.as_bytes()).unwrap_or_else(|e| panic!("{e}")).table;
    let s = page.load("file.csv", table, true, false).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.year, 2023);
    assert!(!page.has_routes("DEU"), "no German row in 2023");
    let s = act(&mut page, Action::Year(2022));
    assert!(s.routes.iter().all(|r| r.figures.exporter != "DEU"), "Germany's route is not among the ten on show");
    assert!(page.has_routes("DEU"), "a focus on Germany would show its route");
    let after = act(&mut page, Action::Show);
    assert!(after.focus.is_none() && !after.changed.routes, "asking changes nothing on show");
}

#[test]
fn the_panel_title_the_embed_credit_and_the_map_summary_follow_the_year_and_language() {
    let mut page = page();
    page.set_goods("all goods");
    let s = act(&mut page, Action::Year(2022));
    assert_eq!((s.title.as_str(), s.embed_title.as_str()), ("Routes in 2022", "2022, all goods."));
    let first = &s.routes[0];
    let part = format!("{} → {}: {} ({})", first.exporter_name, first.importer_name, first.value_text, first.growth_text);
    assert!(s.summary.starts_with(&format!("Map of trade flows in 2022. {part}. ")), "{}", s.summary);
    assert_eq!(s.summary.matches(" → ").count(), s.routes.len(), "one part a route");
    assert!(first.reported_text.starts_with(&first.value_text) && first.reported_text.ends_with(&format!("as {} reports it", first.importer_name)));
    page.set_language(Lang::Ru, None);
    page.set_goods("все товары");
    let s = act(&mut page, Action::Year(2021));
    assert_eq!((s.title.as_str(), s.embed_title.as_str()), ("Пути в 2021 г.", "2021 г., все товары."));
    assert!(s.summary.starts_with("Карта торговых потоков в 2021 г. "), "{}", s.summary);
}

#[test]
fn the_search_line_says_why_nothing_was_focused_in_the_pages_language() {
    let mut page = page();
    assert_eq!(page.search_status(Some("KAZ"), None, "kaz"), "Kazakhstan has no rows in this view.");
    assert_eq!(page.search_status(None, Some("Mongolia"), "Mongolia"), "Mongolia has no rows in this data.");
    assert_eq!(page.search_status(None, None, "  Atlantis "), "No country is called “Atlantis”.");
    let s = act(&mut page, Action::Year(2022));
    assert_eq!([s.table_caption.as_str(), s.growth_head.as_str()], ["Flows on the map in 2022", "Growth on 2021"]);
    assert_eq!(s.baseline_note, "Dashed line: 2021, the baseline for growth.");
    page.set_language(Lang::Uk, None);
    assert_eq!(page.search_status(None, None, "Atlantis"), "Немає країни з назвою «Atlantis».");
    assert_eq!(act(&mut page, Action::Show).growth_head, "Зміна до 2021");
    assert_eq!(page.search_status(None, Some("Mongolia"), "Mongolia"), "Mongolia: у цих даних немає рядків.");
}

#[test]
fn the_reported_by_menu_is_offered_only_where_both_sides_report() {
    let mut page = page();
    assert!(
        act(&mut page, Action::Show).side_choice,
        "the story's customs data hold both sides' reports of Kazakhstan → Russia"
    );
    // BACI's figures are reconciled: neither side's, so the menu would change nothing.
    let baci = "t,i,j,k,v,q\n2023,156,398,854231,12.5,1\n2023,398,643,854231,7.25,NA\n";
    let loaded = roundabout::ingest::load("b.csv", baci.as_bytes(), &Default::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let s = page
        .load("b.csv", loaded.table, false, false)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.routes.iter().filter(|r| r.figures.value.is_some()).count(), 2);
    assert!(!s.side_choice);
}

#[test]
fn a_file_with_no_row_to_draw_is_refused_and_the_view_stays() {
    let mut page = page();
    let before = values(&act(&mut page, Action::Show));
    let empty = load_tidy("b.csv", b"year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let refused = page.load("b.csv", empty.table.clone(), true, false).map(|_| ());
    assert_eq!(refused.map_err(|e| e.to_string()), Err("b.csv: no row to draw".to_string()));
    assert_eq!(values(&act(&mut page, Action::Show)), before);
    // Said in the page's language.
    page.set_language(Lang::Uk, None);
    let refused = page.load("b.csv", empty.table, true, false).map(|_| ());
    assert_eq!(refused.map_err(|e| e.to_string()), Err("b.csv: жодного рядка для карти".to_string()));
}
