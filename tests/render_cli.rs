//! `roundabout render`: the story's flows as SVG and PNG without a browser.

use std::process::Command;

fn render(out: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_roundabout"));
    cmd.args(["render", "--data", "www/data/story.csv", "--years", "2023", "--width", "640", "--height", "400"]);
    cmd.arg("--out").arg(out).args(extra);
    cmd.output().unwrap_or_else(|e| panic!("running roundabout: {e}"))
}

fn temp(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("roundabout-render-{}-{name}", std::process::id()))
}

#[test]
fn svg_draws_the_largest_pairs_and_counts_the_rest() {
    let out = temp("map.svg");
    let run = render(&out, &["--top", "4"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let svg = std::fs::read_to_string(&out).unwrap_or_default();
    std::fs::remove_file(&out).ok();
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
    for name in ["China", "Kazakhstan", "Russia"] {
        assert!(svg.contains(&format!(">{name}<")), "{name} labelled");
    }
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("smaller country pairs") && stderr.contains("not drawn"), "{stderr}");
    assert!(svg.contains(" other routes: $"), "the key says what the map leaves out");
}

#[test]
fn png_is_a_picture_at_twice_the_size() {
    let out = temp("map.png");
    let run = render(&out, &[]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let png = std::fs::read(&out).unwrap_or_default();
    std::fs::remove_file(&out).ok();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    assert_eq!((be(16), be(20)), (1280, 800), "IHDR width and height");
}

#[test]
fn a_query_without_flows_is_a_clear_error() {
    let out = temp("none.svg");
    let run = render(&out, &["--exporter", "FRA"]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("no flows match the query"));
    assert!(!out.exists());
}

/// The page's no-JavaScript fallback, `www/fallback.svg`, is the story map as the binary renders it
/// now. `UPDATE_SNAPSHOTS=1 cargo test --test suite render_cli::` rewrites it after a deliberate change.
#[test]
fn the_committed_fallback_image_is_current() {
    let out = temp("fallback.svg");
    let run = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .args(["render", "--story", "--data", "www/data/story.csv", "--width", "960", "--height", "600"])
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("running roundabout: {e}"));
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let fresh = std::fs::read_to_string(&out).unwrap_or_default();
    std::fs::remove_file(&out).ok();
    assert!(fresh.contains(">Kazakhstan<") && fresh.contains(">$15.4bn<"), "the 2023 story");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write("www/fallback.svg", &fresh).unwrap_or_else(|e| panic!("{e}"));
    }
    let committed = std::fs::read_to_string("www/fallback.svg").unwrap_or_default();
    assert!(committed == fresh, "www/fallback.svg is stale: UPDATE_SNAPSHOTS=1 cargo test --test suite render_cli::");
}

/// The social card, `www/card.png` (1200 × 630, what `og:image` names): the story map at 600 × 315 CSS px,
/// drawn at twice the size, with a headline. `UPDATE_SNAPSHOTS=1 cargo test --test suite render_cli::` rewrites it.
/// Its pixels depend on the fonts (Liberation Sans) and resvg's version: redraw it when either changes.
#[test]
fn the_committed_social_card_is_current() {
    let out = temp("card.png");
    let run = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .args(["render", "--story", "--data", "www/data/story.csv", "--width", "600", "--height", "315"])
        .args(["--title", CARD_TITLE])
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("running roundabout: {e}"));
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let fresh = std::fs::read(&out).unwrap_or_default();
    std::fs::remove_file(&out).ok();
    let be = |i: usize| u32::from_be_bytes([fresh[i], fresh[i + 1], fresh[i + 2], fresh[i + 3]]);
    assert_eq!((be(16), be(20)), (1200, 630), "the size social cards ask for");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write("www/card.png", &fresh).unwrap_or_else(|e| panic!("{e}"));
    }
    let committed = std::fs::read("www/card.png").unwrap_or_default();
    assert!(committed == fresh, "www/card.png is stale: UPDATE_SNAPSHOTS=1 cargo test --test suite render_cli::");
}

/// The card's headline: the story in one line, and its year.
const CARD_TITLE: &str = "China → Central Asia → Russia, 2023";
