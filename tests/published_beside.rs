//! "What others have found" beside a reader's file: each published figure of `www/data/published.json`
//! that the file covers, with the file's own figure for the same goods, route, period and side. The
//! expected figures are worked by hand from the synthetic fixtures (see tests/fixtures/analysis/README.md).

use std::collections::BTreeMap;

use roundabout::hs::{HsCode, ProductFilter, CHPL};
use roundabout::ingest::{load, Options};
use roundabout::lang::Lang;
use roundabout::story::published::beside::{beside, BesideAsk, BesideView, Published};
use roundabout::story::published::view::GOODS;

const JSON: &str = "www/data/published.json";
const BACI: &str = "tests/fixtures/analysis/baci_published_synthetic.csv";

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn published() -> Published {
    serde_json::from_slice(&read(JSON)).unwrap_or_else(|e| panic!("{JSON}: {e}"))
}

/// The figures' ids in `published.json`.
fn ids() -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_slice(&read(JSON)).unwrap_or_else(|e| panic!("{JSON}: {e}"));
    v["figures"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn run(file: &str, bytes: &[u8], lang: Lang) -> BesideView {
    let names = BTreeMap::from([
        ("KAZ".to_string(), "Kazakhstan".to_string()),
        ("KGZ".to_string(), "Kyrgyzstan".to_string()),
    ]);
    let table = load(file, bytes, &Options::default())
        .map(|l| l.table)
        .unwrap_or_else(|e| panic!("{e}"));
    beside(
        &table,
        &BesideAsk {
            view: published(),
            lang,
            names,
            whose: BTreeMap::new(),
        },
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Each row's figure id, the file's figure in words, the change, and its reasons.
type Words = (String, Vec<String>, String, Vec<String>);

fn words(view: &BesideView) -> Vec<Words> {
    let ids = ids();
    view.rows
        .iter()
        .map(|b| {
            (
                ids[b.figure].clone(),
                b.ours.clone(),
                b.change.clone().unwrap_or_default(),
                b.why.clone(),
            )
        })
        .collect()
}

#[test]
fn every_goods_definition_of_a_figure_has_a_filter_or_is_its_sources_own_and_the_chpl_ones_are_the_cores_presets(
) {
    let view = published();
    let codes = |filter: &[String]| {
        let f = ProductFilter::parse(filter).unwrap_or_else(|e| panic!("{filter:?}: {e}"));
        CHPL.iter()
            .filter(|(c, _)| HsCode::from_number(*c, 6).is_some_and(|h| f.matches(h)))
            .count()
    };
    for (g, def) in view.goods.iter().zip(GOODS.iter()) {
        assert_eq!(
            g.filter, def.filter,
            "{}: the page's copy carries the core's filter",
            def.key
        );
        if g.filter.is_empty() {
            // No HS codes: the source's own selection (or a list size it does not state), never matched.
            assert!(
                def.label.contains("as the source selects") || def.label.contains("not stated"),
                "{}",
                def.key
            );
        } else {
            assert!(
                ProductFilter::parse(&g.filter).is_ok(),
                "{}: {:?}",
                def.key,
                g.filter
            );
        }
    }
    let count = |key: &str| {
        GOODS
            .iter()
            .position(|g| g.key == key)
            .map(|i| codes(&view.goods[i].filter))
    };
    // The CHPL presets of the core: the 45 goods of tiers 1 to 4.A, and all 50.
    assert_eq!((count("chpl45"), count("chpl50")), (Some(45), Some(50)));
    assert_eq!(
        count("hs8542"),
        Some(4),
        "HS 8542 holds the CHPL's four integrated-circuit codes"
    );
    assert_eq!(count("hs8806"), Some(0));
    assert!(view.figures.iter().all(|f| f.goods < view.goods.len()));
}

#[test]
fn a_baci_file_beside_the_published_figures() {
    let view = run("baci_published_synthetic.csv", &read(BACI), Lang::En);
    let w = words(&view);
    let said: Vec<(&str, &Vec<String>, &str)> = w
        .iter()
        .map(|(id, s, c, _)| (id.as_str(), s, c.as_str()))
        .collect();
    let this = |v: &str| format!("{v}, from reconciled, CIF/FOB-adjusted data (BACI's method).");
    assert_eq!(
        said,
        [
            // 2023, 45 CHPL goods: China → Kazakhstan 800,000 + China → Kyrgyzstan 300,000 (846693 is tier
            // 4.B, left out) = $1.1bn against $1.3bn: 1.1 / 1.3 − 1 = −15.4%.
            (
                "wsj-chn-kazkgz-2023",
                &vec![
                    this("$1.1bn"),
                    "The sum of its routes to each end: Kazakhstan $800m + Kyrgyzstan $300m."
                        .into()
                ],
                "−15%"
            ),
            // 2022: 500,000 + 100,000 = $600m against $1.3bn ÷ 1.64 = $792.7m: −24.3%.
            (
                "wsj-chn-kazkgz-growth",
                &vec![
                    this("$600m"),
                    "The sum of its routes to each end: Kazakhstan $500m + Kyrgyzstan $100m."
                        .into()
                ],
                "−24%"
            ),
            // Drones China → Kazakhstan 2022: 4,000 against about $5m: −20%.
            ("occrp-chn-kaz-drones-2022", &vec![this("$4m")], "−20%"),
            // Drones Kazakhstan → Russia 2022: 1,230 against $1.23m: 0%.
            ("occrp-kaz-rus-drones-2022", &vec![this("$1.23m")], "0%"),
            // HS 8542 Armenia → Russia 2022: 26,000 + 4,000 (854290, off the CHPL but in 8542) = $30m
            // against $13m: +130.8%.
            ("wsj-arm-rus-ic-2022", &vec![this("$30m")], "+131%"),
        ]
    );
    // 18 figures have an HS filter; 5 are above. The other 13 lack the file's routes or periods (2021,
    // months, Turkey, Hong Kong, the UAE); 20 count goods as their source selects them.
    assert_eq!(
        view.note,
        [
            "13 more published figures are not in this file: its goods, routes or periods do not include them.",
            "20 count goods as their source selects them, with no HS codes to match a file by.",
        ]
    );
    let reasons = |id: &str| {
        w.iter()
            .find(|x| x.0 == id)
            .map(|x| x.3.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        reasons("wsj-chn-kazkgz-2023"),
        [
            "BACI reconciles the exporter's and the importer's reports into one figure and values imports without freight and insurance (CIF to FOB); the published figure rests on China's customs (exporter).",
            "The file's figure counts the 45 CHPL codes (tiers 1 to 4.A) as the file codes them; a source using another HS version or its own list of codes counts other goods.",
            "The published figure is rounded to $1.3bn.",
        ]
    );
    // The other rows' reasons, by their first words.
    let why = |id: &str| {
        reasons(id)
            .iter()
            .map(|s| s.split(' ').take(4).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
    };
    let (baci, codes) = ("BACI reconciles the exporter's", "The file's figure counts");
    assert_eq!(
        why("wsj-chn-kazkgz-growth"),
        [baci, codes, "The published value is"]
    );
    assert!(reasons("wsj-chn-kazkgz-growth")[2].ends_with("numbers: $1.3bn ÷ (1 + 64%) = $793m."));
    assert_eq!(
        why("occrp-chn-kaz-drones-2022"),
        [baci, codes, "The published figure is"]
    );
    // $1.23m has three significant digits: not called rounded.
    assert_eq!(why("occrp-kaz-rus-drones-2022"), [baci, codes]);
    assert_eq!(view.rows[0].ours_usd, 1.1e9);
}

/// A Comtrade Plus row: monthly when `month` > 0.
fn comtrade(
    year: u16,
    month: u8,
    reporter: &str,
    flow: &str,
    partner: &str,
    code: &str,
    usd: &str,
) -> String {
    let (freq, period) = if month > 0 {
        ("M", format!("{year}{month:02}"))
    } else {
        ("A", year.to_string())
    };
    let flow_desc = match flow {
        "X" => "Export",
        "M" => "Import",
        _ => "Re-export",
    };
    // Comtrade's numeric codes beside the ISO ones, as its files have them (the readers look the number up).
    let m49 = |iso: &str| match iso {
        "TUR" => "792",
        "RUS" => "643",
        other => panic!("no M49 code for {other} in this test"),
    };
    let (reporter_code, partner_code) = (m49(reporter), m49(partner));
    format!("C,{freq},{year}0101,{year},{month},{period},{reporter_code},{reporter},x,{flow},{flow_desc},{partner_code},{partner},x,0,W00,World,H6,HS,True,{code},x,6,True,C00,x,0,0,x,8,,,False,-1,N/A,0,False,,False,0,False,,{usd},{usd},0,True,False\n")
}

#[test]
fn a_monthly_comtrade_file_keeps_the_published_side_and_leaves_re_exports_out() {
    let head =
        String::from_utf8(read("tests/fixtures/engine/comtrade_small.csv")).unwrap_or_default();
    let mut csv = head.lines().next().unwrap_or_default().to_string() + "\n";
    // October 2022, Turkey → Russia, 45 CHPL goods: Turkey reports $10m of exports (854231 $6m, 903082 $4m)
    // and $1m of re-exports; Russia reports $9m of imports. November 2022: only Russia's $12m.
    csv += &comtrade(2022, 10, "TUR", "X", "RUS", "854231", "6000000");
    csv += &comtrade(2022, 10, "TUR", "X", "RUS", "903082", "4000000");
    csv += &comtrade(2022, 10, "TUR", "RX", "RUS", "854231", "1000000");
    csv += &comtrade(2022, 10, "RUS", "M", "TUR", "854231", "9000000");
    csv += &comtrade(2022, 11, "RUS", "M", "TUR", "854231", "12000000");
    let w = words(&run("comtrade.csv", csv.as_bytes(), Lang::Uk));
    let row = |id: &str| w.iter().find(|x| x.0 == id).cloned().unwrap_or_default();
    // The published figure is Turkey's ($11.1m): the file's Turkish $10m, −9.9%, in Ukrainian.
    let (_, said, change, why) = row("mee-tur-rus-2022-10");
    assert_eq!(
        (said, change.as_str()),
        (
            vec!["10\u{a0}млн\u{a0}$, за звітами експортера.".to_string()],
            "−10\u{a0}%"
        )
    );
    assert_eq!(
        why,
        [
            "Цифра файлу рахує 45 кодів CHPL (рівні 1–4.A) так, як їх кодує файл; джерело з іншою версією ГС або власним переліком кодів рахує інші товари.",
            "Реекспорт цих товарів у файлі (1\u{a0}млн\u{a0}$) не враховано; джерело може його рахувати.",
            "Місячні дані часто переглядають після першої публікації; дві цифри можуть бути з різних випусків.",
        ]
    );
    // November: Turkey's report is missing, so Russia's $12m stands, and the reasons say so ($12.3m: −2.4%).
    let (_, said, change, why) = row("mee-tur-rus-2022-11");
    assert_eq!(
        (said, change.as_str()),
        (
            vec!["12\u{a0}млн\u{a0}$, за звітами імпортера.".to_string()],
            "−2\u{a0}%"
        )
    );
    assert_eq!(
        why[0],
        "Опублікована цифра спирається на дані за звітами експортера; у файлі їх немає для кожної пари країн."
    );
    // The year 2022 is not made of a file's two months: the annual drone figures are not in it.
    assert_eq!(w.len(), 2);
}

#[test]
fn a_published_figures_whose_comes_in_the_pages_language_when_the_page_gives_it() {
    let table = load("baci_published_synthetic.csv", &read(BACI), &Options::default())
        .map(|l| l.table)
        .unwrap_or_else(|e| panic!("{e}"));
    let whose = BTreeMap::from([(
        "China's customs (exporter)".to_string(),
        "таможня Китая (экспортёр)".to_string(),
    )]);
    let ask = BesideAsk { view: published(), lang: Lang::Ru, names: BTreeMap::new(), whose };
    let view = beside(&table, &ask).unwrap_or_else(|e| panic!("{e}"));
    let first = &view.rows[0];
    assert_eq!(ids()[first.figure], "wsj-chn-kazkgz-2023");
    assert!(first.why[0].ends_with("опубликованная цифра опирается на: таможня Китая (экспортёр)."), "{}", first.why[0]);
    assert!(first.ours[0].ends_with(", по согласованным данным с поправкой CIF/FOB (метод BACI)."), "{}", first.ours[0]);
    assert_eq!(view.note[1], "20 считают товары так, как их отбирает источник, без кодов ГС, по которым можно сопоставить файл.");
}
