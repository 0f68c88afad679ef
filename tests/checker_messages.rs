//! The build's checker and the studio's say the same words. `build.rs` loads `data/` with
//! `load_folder`; studio.html's Wasm passes the same texts to `load` under the same names
//! (src/web/studio.rs). This test holds the build's way to a fixture: a records.csv with three
//! planted errors, and the three messages it must give. tests/e2e/studio.test.mjs holds the
//! studio's real path, in the browser, to the same file, word for word. The in-memory call below
//! mirrors the studio's (the same texts under the same names) and is held to the same fixture.
#![cfg(not(target_arch = "wasm32"))]

use ccht_data::{load, load_folder, DataFiles, FILE_NAMES};
use std::path::Path;

const PLANTED: &str = include_str!("fixtures/records-three-errors.csv");
const EXPECTED: &str = include_str!("fixtures/records-three-errors.expected");

#[test]
fn three_planted_errors_give_the_three_messages_the_build_prints() {
    // The build's way: a folder of files, named by their paths.
    let folder = std::env::temp_dir().join(format!("ccht-checker-{}", std::process::id()));
    std::fs::create_dir_all(folder.join("data")).unwrap();
    for name in FILE_NAMES {
        let text = if name == "records.csv" {
            PLANTED.to_string()
        } else {
            std::fs::read_to_string(Path::new("data").join(name)).unwrap()
        };
        std::fs::write(folder.join("data").join(name), text).unwrap();
    }
    std::env::set_current_dir(&folder).unwrap();
    let from_build: Vec<String> = load_folder(Path::new("data")).unwrap_err().iter().map(|e| e.to_string()).collect();
    assert_eq!(from_build, EXPECTED.lines().collect::<Vec<_>>());
    // The studio's way: the same texts in memory, under the same names.
    let texts: Vec<(String, String)> = FILE_NAMES
        .iter()
        .map(|name| (format!("data/{name}"), std::fs::read_to_string(Path::new("data").join(name)).unwrap()))
        .collect();
    let files = DataFiles::in_order(std::array::from_fn(|i| (texts[i].0.as_str(), texts[i].1.as_str())));
    let from_studio: Vec<String> = load(&files).unwrap_err().iter().map(|e| e.to_string()).collect();
    // Held to the fixture's words, as the build's are, not to the build's output: a difference in
    // either way fails on its own.
    assert_eq!(from_studio, EXPECTED.lines().collect::<Vec<_>>());
    std::fs::remove_dir_all(&folder).unwrap();
}
