//! `roundabout story init` drafts a folder that passes the schema; `roundabout story` writes a site with it.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

use roundabout::story::folder::Story;

fn roundabout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running roundabout: {e}"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("roundabout-story-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn text(path: &PathBuf) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn init_drafts_a_story_from_the_data() {
    let out = scratch("init");
    let o = roundabout(&[
        "story",
        "init",
        "--data",
        "tests/fixtures/story/baci_drones.csv",
        "--years",
        "2021-2023",
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let story = Story::parse("story.json", text(&out.join("story.json")).as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    // The fixture's largest roads through a third country: China → Turkey, Armenia, Georgia → Russia
    // (Kazakhstan carries less); China → Russia direct is no hub's.
    assert_eq!(
        (
            story.routes.origin.as_str(),
            story.routes.destination.as_str()
        ),
        ("CHN", "RUS")
    );
    assert_eq!(story.routes.hubs, ["TUR", "ARM", "GEO"]);
    assert_eq!((story.year, story.baseline), (Some(2023), 2021));
    // The page opens on the story's own data, not the published figures the default story opens on.
    assert_eq!(story.view.as_deref(), Some("?goods=all&year=2023"));
    let en = story
        .english()
        .cloned()
        .unwrap_or_else(|| panic!("no English texts"));
    assert_eq!(en.goods, "drones (HS 8806)");
    assert!(
        en.title.contains("2021–2023") && en.dek.contains("CEPII BACI"),
        "{en:?}"
    );
    assert_eq!(story.sources[0].name, "CEPII BACI");
    assert!(text(&out.join("story.csv")).starts_with("year,month,exporter,importer,hs,"));
    // A second init into the same folder would overwrite the words written there: refused.
    let again = roundabout(&[
        "story",
        "init",
        "--data",
        "tests/fixtures/story/baci_drones.csv",
        "--out",
        &out.display().to_string(),
    ]);
    assert!(
        !again.status.success() && String::from_utf8_lossy(&again.stderr).contains("already there")
    );
    let _ = fs::remove_dir_all(&out);
}

#[test]
fn init_opens_on_the_latest_year_the_routes_have() {
    let dir = scratch("init-year");
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let data = dir.join("trade.csv");
    // Synthetic rows: the route's legs end in 2022; other trade goes on into 2023.
    let rows = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
        2022,,CHN,KAZ,TOTAL,100.00,,,importer,synthetic\n2022,,KAZ,RUS,TOTAL,50.00,,,importer,synthetic\n\
        2023,,USA,DEU,TOTAL,70.00,,,importer,synthetic\n";
    fs::write(&data, rows).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.join("story");
    let (data, out_arg) = (data.display().to_string(), out.display().to_string());
    let args = ["story", "init", "--data", &data, "--origin", "CHN", "--hubs", "KAZ", "--destination", "RUS", "--out", &out_arg];
    let o = roundabout(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let story = Story::parse("story.json", text(&out.join("story.json")).as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((story.year, story.view.as_deref()), (Some(2022), Some("?goods=all&year=2022")));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn story_writes_a_site_with_the_story_baked_in() {
    let (site, out) = (scratch("site"), scratch("out"));
    fs::create_dir_all(site.join("data")).unwrap_or_else(|e| panic!("{e}"));
    let page = "<title data-story=\"title\">old</title>\n<meta name=\"description\" data-story=\"dek\" content=\"old\">\n\
                <h1 data-story=\"title\">old</h1><p data-story=\"sources\"><a href=\"x\">old</a>. <a href=\"y\">older</a></p>\
                <span data-story=\"credit\"><span data-source=\"0\">oldest</span>; <span data-source=\"1\">most old</span>.</span> after\
                <p data-story=\"unknown\">kept</p>";
    fs::write(site.join("index.html"), page).unwrap_or_else(|e| panic!("{e}"));
    fs::write(site.join("data/story.csv"), "the default story's data")
        .unwrap_or_else(|e| panic!("{e}"));
    let folder = "tests/fixtures/story/caucasus";
    let o = roundabout(&[
        "story",
        folder,
        "--site",
        &site.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let story = Story::parse("story.json", text(&out.join("data/story.json")).as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let title = story.english().map(|t| t.title.clone()).unwrap_or_default();
    let html = text(&out.join("index.html"));
    assert!(
        html.contains(&format!("<title data-story=\"title\">{title}</title>")),
        "{html}"
    );
    assert!(
        html.contains(&format!("<h1 data-story=\"title\">{title}</h1>")),
        "{html}"
    );
    assert!(
        !html.contains("content=\"old\"")
            && !html.contains("older")
            && html.contains("<a href=\"https://"),
        "{html}"
    );
    // A page baked before holds its sources' names in elements of their own: all of it is replaced.
    let credit: Vec<String> = story.sources.iter().enumerate().map(|(i, s)| format!("<span data-source=\"{i}\">{}</span>", s.name)).collect();
    assert!(
        html.contains(&format!("<span data-story=\"credit\">{}.</span> after", credit.join("; "))) && !html.contains("most old"),
        "{html}"
    );
    assert!(
        html.contains(">kept</p>"),
        "an unknown marker is left as it was"
    );
    assert_eq!(
        text(&out.join("data/story.csv")),
        text(&PathBuf::from(folder).join("story.csv"))
    );
    assert_eq!(
        text(&site.join("index.html")),
        page,
        "the site itself is left as it was"
    );

    // A folder whose story.json is wrong names the field, and writes nothing.
    let bad = scratch("bad");
    fs::create_dir_all(&bad).unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        bad.join("story.json"),
        text(&PathBuf::from(folder).join("story.json")).replace("\"GEO\"", "\"GEX\""),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let nowhere = scratch("nowhere");
    let o = roundabout(&[
        "story",
        &bad.display().to_string(),
        "--site",
        &site.display().to_string(),
        "--out",
        &nowhere.display().to_string(),
    ]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("story.json: routes.hubs[2]: \"GEX\" is not a country code"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!nowhere.exists());
    for d in [site, out, bad] {
        let _ = fs::remove_dir_all(d);
    }
}
