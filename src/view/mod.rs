//! The view layer: from what the reader chose ([`ViewSpec`], checked option by option) to what
//! the chart says ([`Chart`], from [`select`]), in words and numbers but no geometry.

mod chart;
mod describe;
mod every;
mod options;
mod select;
mod spec;

pub use chart::{Bar, Card, Chart, Comparison, Gap, Panel, SparkYear};
pub use describe::{record_words, RecordWords};
pub use every::every_view;
pub use options::{percent_decode, OptionError, Problem, OPTION_NAMES, QUERY_ORDER, SHELL_PARAMETERS};
pub use select::select;
pub use spec::{fiscal_years, Scale, ViewKind, ViewSpec};

/// The default view of the tests' data (`crate::fixture`) in fiscal year 2024, for the tests:
/// their expectations come from the FY 2024 release.
#[cfg(test)]
pub(crate) fn test_default() -> ViewSpec {
    use crate::fixture::DATASET;
    ViewSpec::default_for(&DATASET).with_option(&DATASET, "fy", "2024").unwrap()
}

/// A view of the tests' data, for the tests: a view kind, a component and a metric by id, in
/// fiscal year 2024 ([`test_default`]).
#[cfg(test)]
pub(crate) fn test_view(view: &str, component: &str, metric: &str) -> ViewSpec {
    use crate::fixture::DATASET;
    test_default()
        .with_option(&DATASET, "view", view)
        .and_then(|s| s.with_option(&DATASET, "component", component))
        .and_then(|s| s.with_option(&DATASET, "metric", metric))
        .unwrap()
}
