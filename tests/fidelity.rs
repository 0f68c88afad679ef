//! Fidelity: every FY2024 figure the viewer can show is in the DHS release, word for word, and
//! every number in the release is either one of our records or on a reasoned ignore list
//! (ccht-data's `check_fidelity`, run on the data the Wasm embeds).
#![cfg(not(target_arch = "wasm32"))]

use ccht_chart::DATASET;
use ccht_data::{check_fidelity, load_folder};
use std::borrow::Cow;
use std::path::Path;

const RELEASE: &str = include_str!("../data/source/dhs-ccht-fy2024-release.txt");
const IGNORED: &str = include_str!("../data/source/ignored-numbers.csv");
/// The FY 2024 lines of CBP's forced-labor enforcement page, as added through the studio.
const CBP: &str = include_str!("../data/source/cbp-forced-labor-fy2024.txt");

#[test]
fn the_release_states_every_fy2024_figure_and_every_number_in_it_is_accounted_for() {
    let checked = check_fidelity(&DATASET, "fy2024-release", RELEASE, ("ignored-numbers.csv", IGNORED));
    assert_eq!(checked, Ok(19), "the release states 19 FY2024 figures");
    // And every FY2024 record is one of them, or one of CBP's forced-labor page (checked below).
    let fy2024 = DATASET.records.iter().filter(|r| r.fiscal_year == 2024);
    let source = |r: &ccht_data::Record| DATASET.sources[r.source].id.to_string();
    assert!(fy2024.clone().all(|r| ["fy2024-release", "cbp-forced-labor-fy2024"].contains(&source(r).as_str())));
    assert_eq!(fy2024.filter(|r| source(r) == "fy2024-release").count(), 19);
}

#[test]
fn cbps_forced_labor_page_states_its_five_figures_and_every_other_number_is_ignored_with_a_reason() {
    let checked = check_fidelity(&DATASET, "cbp-forced-labor-fy2024", CBP, ("ignored-numbers.csv", IGNORED));
    assert_eq!(checked, Ok(5));
    // The page's all-enforcement shipments are their own kind: never a panel with the release's
    // 231 shipments stopped under Withhold Release Orders alone (the source's caution).
    let kind_of = |metric: &str| DATASET.metrics[DATASET.metric_index(metric).unwrap()].kind;
    assert_ne!(kind_of("fl-shipments-stopped"), kind_of("shipments-stopped"));
    // And "Total active", a count at the page's date, is no FY 2024 figure.
    assert!(!DATASET
        .records
        .iter()
        .any(|r| r.value == 51.0 && DATASET.sources[r.source].id == "cbp-forced-labor-fy2024"));
}

#[test]
fn a_changed_figure_or_sentence_fails_the_check() {
    let mut changed = (*DATASET).clone();
    let r = changed.records.to_mut().iter_mut().find(|r| r.fiscal_year == 2024).unwrap();
    r.source_sentence = Cow::Owned(r.source_sentence.replacen("In FY", "In fiscal year", 1));
    assert!(check_fidelity(&changed, "fy2024-release", RELEASE, ("ignored-numbers.csv", IGNORED)).is_err());
    let release = RELEASE.replacen("2,545", "2,546", 1);
    assert!(check_fidelity(&DATASET, "fy2024-release", &release, ("ignored-numbers.csv", IGNORED)).is_err());
}

#[test]
fn the_embedded_data_is_the_data_folder() {
    // The Wasm carries what build.rs compiled; loading the files again must give the same dataset.
    let mut loaded = load_folder(Path::new("data")).unwrap();
    if !cfg!(feature = "spanish") {
        // The lean build (the first view's Wasm) leaves the Spanish columns out: so must this.
        let lean = ccht_data::encode(&loaded, false).unwrap();
        loaded = ccht_data::decode(String::leak(lean.text), Vec::leak(lean.words), Vec::leak(lean.values));
    }
    assert_eq!(loaded, *DATASET);
    // And the comparison can tell: one figure changed, the datasets differ.
    loaded.records.to_mut()[0].value += 1.0;
    assert_ne!(loaded, *DATASET);
}
