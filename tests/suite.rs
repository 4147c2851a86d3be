//! Every host test, one binary: cargo builds and links it once instead of once a file. Each file in tests/
//! is a module here; `suite_lists_every_test_file` fails when a new one is left out (it would never run).
//! One file's tests: `cargo test --test suite engine_cli::`.
#![cfg(not(target_arch = "wasm32"))]

mod fuzz;

mod analysis_fixture;
mod chart_labels;
mod chpl_source;
mod engine_cli;
mod engine_counting;
mod engine_errors;
mod engine_formats;
mod engine_measures;
mod engine_prepare;
mod engine_properties;
mod engine_tidy;
mod engine_zip;
mod fuzz_regressions;
mod fuzz_smoke;
mod geo_locate;
mod geo_projection;
mod geo_properties;
mod geo_topojson;
mod malformed_input;
mod page_presets;
mod page_state;
mod parallel_load;
mod published_beside;
mod published_view;
mod published_words;
mod render_cli;
mod scene_flows;
mod scene_pick;
mod scene_recording;
mod scene_render;
mod scene_snapshot;
mod scene_world;
mod story_cli;
mod story_folder;
mod story_table;
mod zip_write;

#[test]
fn suite_lists_every_test_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let suite = std::fs::read_to_string(dir.join("suite.rs")).expect("tests/suite.rs");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/") {
        let name = entry.expect("tests/ entry").file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".rs") else { continue };
        if stem != "suite" && stem != "wasm_canvas" && !suite.contains(&format!("\nmod {stem};\n")) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "tests/suite.rs does not declare {missing:?}: add `mod NAME;` so they run");
}
