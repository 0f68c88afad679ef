//! The data the unit tests' expectations were written against: a frozen copy of `data/` as of the
//! FY 2024 release (`tests/fixtures/data/`, copied on 2026-12-07). An analyst's change to `data/`
//! changes no unit test or golden snapshot; the tests that read `data/` (fidelity, provenance,
//! words, the embedded copy, the browser and end-to-end tests) compute what they expect from it.
//! Compiled in, so the unit tests read the same in the browser (`wasm-pack test`).

use ccht_data::{load, DataFiles, Dataset};
use std::sync::LazyLock;

/// The fixture's six files, loaded and checked as `build.rs` checks `data/`.
pub(crate) static DATASET: LazyLock<Dataset> = LazyLock::new(|| {
    let files = DataFiles::in_order([
        ("components.csv", include_str!("../tests/fixtures/data/components.csv")),
        ("kinds.csv", include_str!("../tests/fixtures/data/kinds.csv")),
        ("metrics.csv", include_str!("../tests/fixtures/data/metrics.csv")),
        ("sources.csv", include_str!("../tests/fixtures/data/sources.csv")),
        ("records.csv", include_str!("../tests/fixtures/data/records.csv")),
        ("pipeline.csv", include_str!("../tests/fixtures/data/pipeline.csv")),
    ]);
    match load(&files) {
        Ok(dataset) => dataset,
        Err(errors) => {
            panic!("tests/fixtures/data: {}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
        }
    }
});
