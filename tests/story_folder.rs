//! `story.json`: a complete story parses, and each kind of mistake names its field.

use roundabout::lang::Lang;
use roundabout::story::folder::Story;

const GOOD: &str = r#"{
  "routes": {"origin": "CHN", "hubs": ["TUR", "ARM", "GEO"], "destination": "RUS"},
  "year": 2023,
  "baseline": 2021,
  "data": "story.csv",
  "sources": [{"name": "Test fixture", "url": "https://example.org/fixture", "names": {"uk": "Тестовий файл"}}],
  "texts": {
    "en": {
      "kicker": "Test · Caucasus", "title": "Through the Caucasus", "dek": "A test story.", "goods": "drones (HS 8806)",
      "notes": ["Invented figures, for tests."],
      "steps": {"title": "Two steps", "steps": [{"caption": "Before", "view": "?goods=all&year=2021"}, {"caption": "After", "view": "?goods=all&year=2023"}]}
    },
    "uk": {"title": "Через Кавказ"}
  }
}"#;

/// A change to the good example.
type Edit = dyn Fn(&mut serde_json::Value);

fn error(edit: impl Fn(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(GOOD).unwrap_or_default();
    edit(&mut v);
    let bytes = serde_json::to_vec(&v).unwrap_or_default();
    Story::parse("story.json", &bytes)
        .map(|_| String::new())
        .unwrap_or_else(|e| e.to_string())
}

#[test]
fn a_complete_story_parses_and_writes_back_the_same() {
    let story = Story::parse("story.json", GOOD.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(story.routes.hubs, ["TUR", "ARM", "GEO"]);
    assert_eq!(
        story.routes.legs()[0],
        ("CHN".to_string(), "TUR".to_string())
    );
    assert_eq!(
        story.routes.legs()[5],
        ("GEO".to_string(), "RUS".to_string())
    );
    assert_eq!((story.year, story.baseline), (Some(2023), 2021));
    assert_eq!(
        story.english().map(|t| t.goods.as_str()),
        Some("drones (HS 8806)")
    );
    let uk = story
        .texts
        .iter()
        .find(|(l, _)| *l == Lang::Uk)
        .map(|(_, t)| t.clone());
    assert_eq!(
        uk.map(|t| (t.title, t.dek)),
        Some(("Через Кавказ".to_string(), String::new())),
        "other languages may leave fields out"
    );
    // A source's name in another language, where given.
    assert_eq!(story.sources[0].names, [(Lang::Uk, "Тестовий файл".to_string())]);
    let again = Story::parse("story.json", story.to_json().to_string().as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, story);
    // A story saved from the page keeps the view it showed, and writes it back.
    let mut v: serde_json::Value = serde_json::from_str(GOOD).unwrap_or_default();
    v["view"] = serde_json::json!("?goods=all&year=2022&side=exporter&focus=ARM&dir=outgoing&top=20");
    let saved = Story::parse("story.json", v.to_string().as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.view.as_deref(), Some("?goods=all&year=2022&side=exporter&focus=ARM&dir=outgoing&top=20"));
    assert_eq!(story.view, None);
    let again = Story::parse("story.json", saved.to_json().to_string().as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, saved);
}

#[test]
fn each_mistake_names_its_field() {
    use serde_json::json;
    let cases: Vec<(Box<Edit>, &str)> = vec![
        (Box::new(|v| v["routes"]["hubs"][1] = json!("KZX")), r#"story.json: routes.hubs[1]: "KZX" is not a country code (ISO 3166-1 alpha-3, e.g. KAZ)"#),
        (Box::new(|v| v["routes"]["origin"] = json!("chn")), r#"story.json: routes.origin: "chn" is not a country code (ISO 3166-1 alpha-3, e.g. KAZ)"#),
        (Box::new(|v| v["routes"]["hubs"] = json!([])), "story.json: routes.hubs: holds 0 entries; expected 1 to 20"),
        (Box::new(|v| { v["routes"].as_object_mut().map(|o| o.remove("destination")); }), "story.json: routes.destination: is missing"),
        (Box::new(|v| v["year"] = json!("2023")), r#"story.json: year: "2023" is not a year (1900 to 2100)"#),
        (Box::new(|v| v["baseline"] = json!(21)), "story.json: baseline: 21 is not a year (1900 to 2100)"),
        (Box::new(|v| v["data"] = json!("../secret.csv")), r#"story.json: data: "../secret.csv" is not a CSV file's name beside story.json"#),
        (Box::new(|v| v["sources"][0]["url"] = json!("example.org")), r#"story.json: sources[0].url: "example.org" is not a web address (https://…)"#),
        (Box::new(|v| v["sources"][0]["name"] = json!(" ")), "story.json: sources[0].name: a text is 1 to 1000 characters"),
        (Box::new(|v| v["sources"][0]["names"]["de"] = json!("Testdatei")), "story.json: sources[0].names.de: is not a field of this schema; expected one of uk, ru"),
        (Box::new(|v| v["sources"][0]["names"]["ru"] = json!("")), "story.json: sources[0].names.ru: a text is 1 to 1000 characters"),
        (Box::new(|v| { v["texts"].as_object_mut().map(|o| o.remove("en")); }), "story.json: texts.en: is missing: English texts are required"),
        (Box::new(|v| v["texts"]["de"] = json!({})), "story.json: texts.de: is not a field of this schema; expected one of en, uk, ru"),
        (Box::new(|v| { v["texts"]["en"].as_object_mut().map(|o| o.remove("goods")); }), "story.json: texts.en.goods: is missing"),
        (Box::new(|v| v["texts"]["en"]["notes"][0] = json!(3)), "story.json: texts.en.notes[0]: 3 is not a text"),
        (Box::new(|v| v["texts"]["en"]["steps"]["steps"][1]["view"] = json!("?year=soon")), "story.json: texts.en.steps: step 2: year: `soon` is not a valid value"),
        (Box::new(|v| v["texts"]["en"]["steps"]["steps"][0]["caption"] = json!(null)), "story.json: texts.en.steps.steps[0].caption: null is not a text"),
        (Box::new(|v| v["colour"] = json!("red")), "story.json: colour: is not a field of this schema; expected one of routes, year, view, baseline, data, sources, texts"),
        (Box::new(|v| v["view"] = json!("?goods=all&year=soon")), "story.json: view: year: `soon` is not a valid value"),
        (Box::new(|v| v["view"] = json!(2023)), "story.json: view: 2023 is not a link's query string (?year=2023)"),
        (Box::new(|v| *v = json!([])), "story.json: [] is not an object"),
    ];
    for (edit, want) in cases {
        assert_eq!(error(edit), want);
    }
    let truncated = Story::parse("story.json", b"{\"routes\":")
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        truncated.as_deref(),
        Some("story.json: line 1, column 10: EOF while parsing a value")
    );
}
