//! The dataset compiled into the binary from `data/*.csv` by `build.rs`, which checked every row
//! and wrote it in ccht-data's compact form: decoded once, on first use.

use ccht_data::{decode, Dataset};
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The figures this build ships, checked at compile time.
pub static DATASET: LazyLock<Dataset> = LazyLock::new(|| decode(TEXT, WORDS, VALUES));

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The compact form `build.rs` wrote decodes to what the checker loads from `data/` (the
    /// figures themselves are the fidelity and provenance tests' to check, against the sources).
    #[test]
    fn the_compiled_in_data_is_the_data_folder() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let loaded = ccht_data::load_folder(&folder).unwrap_or_else(|errors| panic!("{errors:?}"));
        assert!(!DATASET.records.is_empty());
        assert_eq!(format!("{:?}", *DATASET), format!("{loaded:?}"));
    }
}
