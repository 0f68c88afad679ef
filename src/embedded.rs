//! The dataset compiled into the binary from `data/*.csv` by `build.rs`, which checked every row
//! and wrote it in ccht-data's compact form: decoded once, on first use.

use ccht_data::{decode, Dataset};
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The figures this build ships, checked at compile time.
pub static DATASET: LazyLock<Dataset> = LazyLock::new(|| decode(TEXT, WORDS, VALUES));

#[cfg(test)]
mod tests {
    use super::*;
    use ccht_data::Qualifier;

    #[test]
    fn the_fy2024_release_is_all_there() {
        let from = |source: &str| {
            DATASET.records.iter().filter(|r| r.fiscal_year == 2024 && DATASET.sources[r.source].id == source).count()
        };
        assert_eq!(from("fy2024-release"), 19);
        // And CBP's forced-labor page, added through the studio (studio.html).
        assert_eq!(from("cbp-forced-labor-fy2024"), 5);
        assert!(DATASET.latest_year() >= Some(2024));
        let hsi = DATASET.component_index("hsi").unwrap();
        let arrests = DATASET.metric_index("arrests").unwrap();
        let r = DATASET.records.iter().find(|r| r.component == hsi && r.metric == arrests).unwrap();
        assert_eq!((r.value, r.qualifier), (2545.0, Qualifier::Exact));
    }
}
