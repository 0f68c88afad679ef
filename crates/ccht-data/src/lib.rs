//! The dataset behind the CCHT chart viewer, and everything that holds it to its sources.
//!
//! `data/*.csv` → [`load`] (every rule, each problem as `file:line: reason`) → [`Dataset`] →
//! [`encode`] (in the viewer's `build.rs`) → [`decode`] (in the Wasm, once at start-up).
//! [`check_fidelity`] holds a dataset to the text of the release it quotes.
//!
//! The viewer crate, its `build.rs`, its tests and the fuzz targets all use this one crate, so a
//! rule is written once and every one of them applies it.

mod as_written;
mod changelog;
mod changes;
mod check;
mod compact;
mod dataset;
mod date;
mod derived;
mod fidelity;
mod files;
mod index;
mod lang;
mod mentions;
mod quote;
mod reading;
mod rows;
mod tables;
mod versions;

pub use as_written::parse_as_written;
pub use changelog::{
    changelog_text, entries as changelog_entries, read_changes, Entry as ChangelogEntry, CHANGES_FILE,
};
pub use changes::{changes, Change};
pub use check::{load, load_folder};
pub use compact::{decode, encode, Compact};
pub use dataset::Dataset;
pub use date::IsoDate;
pub use fidelity::check_fidelity;
pub use files::{DataError, DataFiles, FILE_NAMES};
pub use index::{insert_sorted, sort_ids_by, RecordIndex};
pub use lang::Lang;
pub use mentions::{mentions, Mention};
pub use quote::quoted;
pub use reading::{propose, read_source, Accounted, Proposal, ReadProblem, Reading};
pub use rows::append_row;
pub use tables::{Component, Kind, Metric, PipelineStage, Qualifier, Record, Source, SourceKind, Text, Unit};
pub use versions::{read_versions, DataVersion, VERSIONS_FILE};

/// The repository's own `data/` folder, loaded once, for the tests of every module.
#[cfg(test)]
fn repository_data() -> &'static Dataset {
    static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        load_folder(&folder).unwrap_or_else(|errors| panic!("{errors:?}"))
    })
}
