//! Each failure the fuzzer found, kept as a test named for what went wrong.

use roundabout::story::parse_headlines;
use roundabout::story::view::steps::Steps;
use roundabout::story::view::url_state::UrlState;

/// story_json: a file cut just after a line break made serde_json report "line N+1, column 0", a line
/// the file does not have.
#[test]
fn story_json_cut_after_a_line_break_points_at_a_line_it_has() {
    let msg = |r: Result<usize, roundabout::Error>| r.err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(msg(parse_headlines("h.json", b"[\n").map(|l| l.len())), "h.json: line 1, column 2: EOF while parsing a list");
    assert_eq!(msg(parse_headlines("h.json", b"\n").map(|l| l.len())), "h.json: line 1, column 1: EOF while parsing a value");
    assert_eq!(
        msg(Steps::parse("s.json", b"{\"steps\":[\n{\"caption\":\"a\",\n").map(|s| s.steps.len())),
        "s.json: line 2, column 16: EOF while parsing a value"
    );
}

/// url_state: a zoom a hair under 1 was written as `zoom=1`, which reads back as the default and is then
/// left out, so a written link did not read back to itself.
#[test]
fn url_state_a_zoom_that_rounds_to_one_is_left_out() {
    let state = UrlState::parse("?zoom=.99999999&pan=0.001,-0.004").state;
    assert_eq!(state.to_query(), "");
    assert_eq!(UrlState::parse("?zoom=1.004").state.to_query(), "");
}

/// topojson: a transform scale near `f64::MAX` decoded positions to infinity, which no map can draw; the
/// position is now refused by arc and position.
#[test]
fn topojson_positions_that_overflow_to_infinity_are_refused() {
    let json = br#"{"type":"Topology","transform":{"scale":[0.51e308,0.25],"translate":[10,20]},
        "arcs":[[[0,0],[0,4],[-4,0],[0,-4],[4,0]]],
        "objects":{"countries":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"id":"398"}]}}}"#;
    let e = roundabout::geo::World::from_topojson(json).map(|_| ()).unwrap_err().to_string();
    assert!(e.starts_with("TopoJSON: arc 0, position 2: expected [x, y] numbers, found [-4,0], which decodes to [-inf"), "{e}");
}
