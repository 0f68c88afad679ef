//! Golden files: the layout and the SVG of a few views at a phone's and a desktop's width, as
//! committed in `tests/snapshots/`. Where every bar, label, tick and line lands is pinned, so a
//! change to the geometry shows as a diff to read, not as a chart that merely still looks fine.
//! After a deliberate change: `INSTA_UPDATE=always cargo test --test golden`, then read the diff
//! of `tests/snapshots/` before committing it (or `cargo insta review`).
#![cfg(not(target_arch = "wasm32"))]

use ccht_chart::{layout, select, svg, Dataset, FontMetrics, Theme, ViewSpec};
use std::sync::OnceLock;

/// The data as these snapshots were reviewed: the tests' frozen copy of `data/` as of the FY 2024
/// release (`tests/fixtures/data/`), so a change to `data/` leaves them as they are.
fn reviewed() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
        ccht_data::load_folder(&folder).unwrap_or_else(|errors| panic!("{errors:?}"))
    })
}

/// Views that between them use every panel kind, gap, open end, derived hatch and both scales.
const VIEWS: [(&str, &str); 7] = [
    ("component-dhs", ""),
    ("component-usss", "component=usss"),
    ("metric-people-reached-log", "view=metric&metric=people-reached&scale=log"),
    ("trend-hsi-arrests", "view=trend&component=hsi&metric=arrests"),
    ("trend-dhs-protections-gaps", "view=trend&component=dhs&metric=protections-granted"),
    ("trend-usss-stakeholders-derived", "view=trend&component=usss&metric=stakeholders-reached"),
    ("pipeline", "view=pipeline"),
];

/// A Spanish view (number formats, words): in builds with Spanish only (the lean build has none).
const SPANISH: (&str, &str) = ("pipeline-es", "view=pipeline&lang=es");

#[test]
fn layouts_and_svgs_are_as_reviewed() {
    let spanish = cfg!(feature = "spanish").then_some(SPANISH);
    for (name, query) in VIEWS.into_iter().chain(spanish) {
        let (spec, errors) = ViewSpec::from_query(reviewed(), query);
        assert!(errors.is_empty(), "{name}: {errors:?}");
        let chart = select(reviewed(), &spec);
        for width in [360.0, 720.0] {
            let laid = layout(&chart, width, &FontMetrics);
            insta::assert_debug_snapshot!(format!("{name}-{width}"), laid);
            if width == 360.0 {
                insta::assert_snapshot!(format!("{name}-{width}-svg"), svg(&laid, &Theme::LIGHT).unwrap());
            }
        }
    }
}
