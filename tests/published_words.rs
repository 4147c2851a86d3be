//! The published figures in words (`story::published::words`), as the site's build writes them for the
//! page: the panel's list, the data table, the tooltip, the titles, the period controls and the map's key,
//! in English, Ukrainian and Russian, on the real www/data/published.json and the page's dictionaries
//! (www/data/i18n-*.json) and country names (the i18n-iso-countries package the build copies).

use roundabout::lang::Lang;
use roundabout::story::language::dictionary::{on_one_line, Dictionary};
use roundabout::story::language::names::Names;
use roundabout::story::published::words::{site_words, Panel, SiteWords};

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn words(lang: Lang) -> SiteWords {
    let tag = lang.tag();
    let (dictionary, names) = if lang == Lang::En {
        (Dictionary::default(), None)
    } else {
        let texts = Dictionary::parse("i18n", &read(&format!("www/data/i18n-{tag}.json")), lang);
        let names = Names::parse("names", &read(&format!("node_modules/i18n-iso-countries/langs/{tag}.json")));
        (texts.unwrap_or_else(|e| panic!("{e}")), Some(names.unwrap_or_else(|e| panic!("{e}"))))
    };
    site_words("published.json", &read("www/data/published.json"), lang, &dictionary, names.as_ref()).unwrap_or_else(|e| panic!("{e}"))
}

/// The period the page opens on, as the file names it.
fn opening(w: &SiteWords) -> &Panel {
    let json: serde_json::Value = serde_json::from_slice(&read("www/data/published.json")).unwrap_or_else(|e| panic!("{e}"));
    &w.periods[json["default_period"].as_u64().unwrap_or_else(|| panic!("default_period")) as usize]
}

#[test]
fn the_panel_lists_each_route_with_its_drawn_figure_or_says_none_was_published() {
    let w = words(Lang::En);
    let panel = opening(&w);
    assert_eq!(w.labels[panel.period], "2023");
    assert_eq!(panel.title, "Published figures, 2023");
    assert_eq!(panel.embed_title, "2023: sanctioned goods, published figures.");
    assert_eq!(panel.caption, "Published figures on the sanctioned goods, 2023");
    let first = &panel.rows[0];
    assert_eq!((first.route.as_str(), first.value.as_str()), ("China → Kazakhstan and Kyrgyzstan", "$1.3bn"));
    assert_eq!(first.goods.as_deref(), Some("CHPL, 45 goods (the list before February 2024)"));
    assert_eq!(first.heading, "China → Kazakhstan and Kyrgyzstan, 2023");
    let none = panel.rows.iter().find(|r| r.route == "Kazakhstan → Russia").unwrap_or_else(|| panic!("Kazakhstan → Russia"));
    assert_eq!((none.value.as_str(), none.goods.as_ref(), none.figures.len()), ("no published figure", None, 0));
    assert!(
        panel.summary.starts_with("Published figures on the sanctioned goods, 2023. China → Kazakhstan and Kyrgyzstan: $1.3bn (CHPL, 45 goods (the list before February 2024)). China → Kazakhstan: no published figure."),
        "{}",
        panel.summary
    );
    assert!(panel.summary.ends_with('.'));
    // The panel's large figure is the value alone; a derived one's sum goes on a line of its own.
    assert_eq!((first.figure.as_str(), first.derivation.as_deref()), ("$1.3bn", None));
    let turkey = panel.rows.iter().find(|r| r.route == "Türkiye → Russia").unwrap_or_else(|| panic!("Türkiye → Russia"));
    assert_eq!(turkey.value, "$712m, derived: 5.7% × $12.5bn = $712m");
    assert_eq!((turkey.figure.as_str(), turkey.derivation.as_deref()), ("$712m", Some("derived: 5.7% × $12.5bn = $712m")));
    assert_eq!((none.figure.as_str(), none.derivation.as_deref()), ("no published figure", None));
    let uk = words(Lang::Uk);
    let turkey = opening(&uk).rows.iter().find(|r| r.figure == "712\u{a0}млн\u{a0}$").unwrap_or_else(|| panic!("712 млн $ in uk"));
    assert_eq!(turkey.derivation.as_deref(), Some("обчислено: 5,7\u{a0}% × 12,5\u{a0}млрд\u{a0}$ = 712\u{a0}млн\u{a0}$"));
}

#[test]
fn the_table_gives_every_figure_derived_shares_with_their_sum_and_anothers_route_named() {
    let w = words(Lang::En);
    let russia = opening(&w).rows.iter().find(|r| r.route == "China → Russia").unwrap_or_else(|| panic!("China → Russia"));
    let values: Vec<&str> = russia.figures.iter().map(|f| f.value.as_str()).collect();
    assert_eq!(values[..2], ["$4.5bn", "$7.04bn, derived: 56.3% × $12.5bn = $7.04bn"]);
    assert!(values.contains(&"about 90% of Russia's imports of these goods"), "{values:?}");
    assert!(values.contains(&"China and Hong Kong → Russia: 80% of Russia's imports of these goods"), "{values:?}");
    assert_eq!(russia.figures.iter().map(|f| f.derived).collect::<Vec<_>>()[..2], [false, true]);
    let wsj = &russia.figures[0];
    assert_eq!(wsj.line, "CHPL, list size not stated: $4.5bn");
    assert_eq!(wsj.whose_line, format!("Figures: {}", wsj.whose));
    assert!(wsj.source.url.as_deref().is_some_and(|u| u.starts_with("http")), "{:?}", wsj.source);
    assert!(wsj.source.text.ends_with(", 2024-03"), "{:?}", wsj.source);
}

#[test]
fn the_period_controls_go_to_the_neighbours_and_stop_at_either_end() {
    let w = words(Lang::En);
    let last = w.periods.len() - 1;
    assert_eq!((w.periods[0].prev, w.periods[0].next), (None, Some(1)));
    assert_eq!((w.periods[8].prev, w.periods[8].next, w.labels[8].as_str()), (Some(7), Some(9), "Jan–Sep 2023"));
    assert_eq!((w.periods[last].prev, w.periods[last].next), (Some(last - 1), None));
    assert!(w.periods.iter().enumerate().all(|(i, p)| p.period == i));
    let routes: Vec<&str> = w.periods[8].rows.iter().map(|r| r.route.as_str()).collect();
    assert!(routes.contains(&"Türkiye → Russia, Azerbaijan, Georgia, Kazakhstan, Kyrgyzstan, and Uzbekistan"), "{routes:?}");
}

#[test]
fn in_ukrainian_and_russian_the_words_are_the_dictionarys_and_the_numbers_the_cores() {
    let w = words(Lang::Uk);
    let panel = opening(&w);
    assert_eq!(panel.title, "Опубліковані цифри, 2023");
    let first = &panel.rows[0];
    assert_eq!(first.route, "Китай → Казахстан і Киргизстан");
    assert_eq!(first.value, "1,3\u{a0}млрд\u{a0}$");
    assert_eq!(first.goods.as_deref(), Some("CHPL, 45 товарів (перелік до лютого 2024)"));
    assert!(panel.rows.iter().any(|r| r.route == "Туреччина → Росія, Азербайджан, Грузія, Казахстан, Киргизстан і Узбекистан"));
    assert!(panel.summary.contains("Казахстан → Росія: опублікованої цифри немає."), "{}", panel.summary);
    assert_eq!(w.key.title, "Опубліковані цифри, дол. США");
    let w = words(Lang::Ru);
    let russia = opening(&w).rows.iter().find(|r| r.route == "Китай → Россия").unwrap_or_else(|| panic!("Китай → Россия"));
    assert_eq!(russia.figures[1].line, "CHPL, объём списка не указан: 7,04\u{a0}млрд\u{a0}$, вычислено: 56,3\u{a0}% × 12,5\u{a0}млрд\u{a0}$ = 7,04\u{a0}млрд\u{a0}$");
    assert_eq!(russia.figures[0].whose_line, "Данные: не указано (WSJ; вероятно, таможня Китая)");
    assert!(russia.figures.iter().any(|f| f.value == "около 90% импорта этих товаров Россией"));
}

#[test]
fn the_maps_key_names_each_goods_definition_in_the_files_order() {
    let w = words(Lang::En);
    let json: serde_json::Value = serde_json::from_slice(&read("www/data/published.json")).unwrap_or_else(|e| panic!("{e}"));
    let labels: Vec<&str> = json["goods"].as_array().into_iter().flatten().filter_map(|g| g["label"].as_str()).collect();
    assert_eq!(w.key.goods, labels);
    assert_eq!((w.key.title.as_str(), w.key.note.as_str()), ("Published figures, US$", "Widths compare only within one goods definition"));
}

#[test]
fn every_figure_is_headed_for_the_table_beside_a_file_with_the_names_the_worker_needs() {
    let figures = words(Lang::Uk).figures;
    let json: serde_json::Value = serde_json::from_slice(&read("www/data/published.json")).unwrap_or_else(|e| panic!("{e}"));
    let all = json["figures"].as_array().unwrap_or_else(|| panic!("figures"));
    assert_eq!(figures.figures.len(), all.len());
    let wsj = all.iter().position(|f| f["id"] == "wsj-chn-kazkgz-2023").unwrap_or_else(|| panic!("wsj"));
    let f = &figures.figures[wsj];
    assert_eq!(f.heading, "CHPL, 45 товарів (перелік до лютого 2024), Китай → Казахстан і Киргизстан, 2023: 1,3\u{a0}млрд\u{a0}$");
    assert!(f.source.text.ends_with(", 2024-03-04"));
    assert_eq!(figures.names.get("KGZ").map(String::as_str), Some("Киргизстан"));
    assert_eq!(figures.whose.get("China's customs (exporter)").map(String::as_str), Some("митниця Китаю (експортер)"));
}

#[test]
fn a_broken_published_file_is_named_with_its_line_and_column() {
    let Err(e) = site_words("published.json", b"{\n  \"periods\": [}", Lang::En, &Dictionary::default(), None) else {
        panic!("a broken file is refused");
    };
    assert!(e.to_string().contains("published.json") && e.to_string().contains("line 2, column"), "{e}");
}

#[test]
fn the_pages_dictionaries_keep_numbers_on_one_line_themselves() {
    // The page's script translates with these files and no rule of its own: each translation (its
    // placeholders standing for a number) must already be as the core's rule would make it.
    for tag in ["uk", "ru"] {
        let entries: serde_json::Value = serde_json::from_slice(&read(&format!("www/data/i18n-{tag}.json"))).unwrap();
        let texts = entries.as_object().unwrap().values().flat_map(|v| match v {
            serde_json::Value::Object(forms) => forms.values().filter_map(|f| f.as_str()).collect(),
            v => vec![v.as_str().unwrap()],
        });
        let mut checked = 0;
        for text in texts {
            let filled: String = text.split('{').enumerate()
                .map(|(i, part)| if i == 0 { part.to_string() } else { part.split_once('}').map_or(part.to_string(), |(_, rest)| format!("1{rest}")) })
                .collect();
            assert_eq!(on_one_line(&filled), filled, "i18n-{tag}.json: {text:?} breaks a number from its scale or sign");
            checked += 1;
        }
        assert!(checked > 100, "{tag}: {checked} texts");
    }
}

