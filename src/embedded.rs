//! The dataset compiled into the binary from `data/*.csv` by `build.rs`, which checked every row
//! and wrote it in ccht-data's compact form: decoded once, on first use.

use ccht_data::{decode, Dataset};
use std::sync::LazyLock;

// TEXT, WORDS and VALUES (the figures), DATA_VERSION and DATA_DATE (the newest line of
// `data/versions.csv`, which a citation names).
include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The figures this build ships, checked at compile time.
pub static DATASET: LazyLock<Dataset> = LazyLock::new(|| decode(TEXT, WORDS, VALUES));

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The compact form `build.rs` wrote is what the checker loads from `data/`, in this build's
    /// languages (without `spanish`, the Spanish columns are left out as empty strings). The
    /// figures themselves are the fidelity and provenance tests' to check, against the sources.
    #[test]
    fn the_compiled_in_data_is_the_data_folder() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let loaded = ccht_data::load_folder(&folder).unwrap_or_else(|errors| panic!("{errors:?}"));
        let compact = ccht_data::encode(&loaded, cfg!(feature = "spanish")).unwrap();
        let expected = decode(compact.text.leak(), compact.words.leak(), compact.values.leak());
        assert!(!DATASET.records.is_empty());
        // The index is built on first use, which other tests may have made already: build both.
        let _ = (DATASET.index(), expected.index(), loaded.index());
        assert_eq!(format!("{:?}", *DATASET), format!("{expected:?}"));
        if cfg!(feature = "spanish") {
            assert_eq!(format!("{:?}", *DATASET), format!("{loaded:?}"), "the Spanish build carries every column");
        }
    }
}
