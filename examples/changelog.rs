//! The changelog as text on standard output: each data version, newest first, with the figures it
//! added, changed or removed (`data/versions.csv`, `data/changes.csv`, checked as the build checks
//! them). `make build` writes it to `dist/changelog.txt`, which the page links to and the data
//! archive carries.

use ccht_chart::DATASET;
use ccht_data::{changelog_text, read_changes, read_versions, CHANGES_FILE, VERSIONS_FILE};
use std::path::Path;

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let read = |name: &str| {
        std::fs::read_to_string(data.join(name)).unwrap_or_else(|e| {
            eprintln!("data/{name}: cannot be read: {e}");
            std::process::exit(1);
        })
    };
    let fail = |errors: Vec<ccht_data::DataError>| -> ! {
        for e in errors {
            eprintln!("data/{e}");
        }
        std::process::exit(1);
    };
    let versions = read_versions(&read(VERSIONS_FILE)).unwrap_or_else(|e| fail(e));
    let entries = read_changes(&read(CHANGES_FILE), &versions, &DATASET).unwrap_or_else(|e| fail(e));
    print!("{}", changelog_text("DHS counter-human-trafficking figures", &entries, &DATASET));
}
