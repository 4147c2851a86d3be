//! Each failure the fuzzer found, kept as a test named for what went wrong.

use roundabout::story::parse_headlines;
use roundabout::story::steps::Steps;

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
