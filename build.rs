//! Checks the CSV files in `data/` and compiles them into the Wasm, in the compact form that
//! `src/embedded.rs` decodes. A bad row stops the build here with `data/FILE:LINE: reason`,
//! before any chart can show it. The rules are ccht-data's (crates/ccht-data), as in the tests.

use ccht_data::{encode, load_folder, read_changes, read_versions, CHANGES_FILE, FILE_NAMES, VERSIONS_FILE};
use std::path::Path;

fn main() {
    for name in FILE_NAMES.iter().chain([&VERSIONS_FILE, &CHANGES_FILE]) {
        println!("cargo:rerun-if-changed=data/{name}");
    }
    let dataset = load_folder(Path::new("data")).unwrap_or_else(|errors| {
        fail(&errors.iter().map(|e| e.to_string()).collect::<Vec<_>>());
    });
    // Without the `spanish` feature (the first view's lean Wasm) the Spanish columns are left out.
    let spanish = std::env::var_os("CARGO_FEATURE_SPANISH").is_some();
    let compact = encode(&dataset, spanish).unwrap_or_else(|e| fail(&[e]));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| fail(&["OUT_DIR is not set".into()]));
    let out = Path::new(&out).join("dataset.rs");
    // The newest version, which citations name.
    let versions = std::fs::read_to_string(Path::new("data").join(VERSIONS_FILE))
        .map_err(|e| vec![format!("data/{VERSIONS_FILE}: cannot be read: {e}")])
        .and_then(|text| read_versions(&text).map_err(|errors| errors.iter().map(|e| format!("data/{e}")).collect()))
        .unwrap_or_else(|errors| fail(&errors));
    let Some(newest) = versions.last() else { fail(&[format!("data/{VERSIONS_FILE}: no version")]) };
    // The changelog, replayed, must give exactly the figures of records.csv.
    let changes = std::fs::read_to_string(Path::new("data").join(CHANGES_FILE))
        .unwrap_or_else(|e| fail(&[format!("data/{CHANGES_FILE}: cannot be read: {e}")]));
    if let Err(errors) = read_changes(&changes, &versions, &dataset) {
        fail(&errors.iter().map(|e| format!("data/{e}")).collect::<Vec<_>>());
    }
    let source = format!(
        "{}\npub const DATA_VERSION: u32 = {};\npub const DATA_DATE: &str = {:?};\n",
        compact.to_rust_source(),
        newest.number,
        newest.date
    );
    if let Err(e) = std::fs::write(&out, source) {
        fail(&[format!("cannot write {}: {e}", out.display())]);
    }
}

fn fail(messages: &[String]) -> ! {
    eprintln!("\nThe data files in data/ have {} problem(s):", messages.len());
    for m in messages {
        eprintln!("  {m}");
    }
    eprintln!("Fix them and build again; README.md, \"Updating the figures\", describes each column.\n");
    std::process::exit(1);
}
