//! Every view a URL can open: the build prerenders each (examples/prerender.rs) and tests walk
//! them. Apart from the spec, since it selects each view's records to know where a log scale is
//! offered: the spec knows nothing of selection.

use super::select::select;
use super::spec::{fiscal_years, Scale, ViewKind, ViewSpec};
use ccht_data::Dataset;

/// Every view a URL can open, once each: each component × year × measure it offers, each measure ×
/// year × component, each trend, each year's pipeline, on a log scale where one is offered (the
/// chart spans orders of magnitude), in each language this build speaks. The build prerenders
/// them all (examples/prerender.rs).
pub fn every_view(dataset: &Dataset) -> Vec<ViewSpec> {
    let default = ViewSpec::default_for(dataset);
    let mut out = Vec::new();
    for &lang in crate::text::LANGS {
        for view in ViewKind::ALL {
            for fiscal_year in fiscal_years(dataset) {
                // The pipeline names no component or measure; a trend spans every year.
                let components = if view == ViewKind::Pipeline {
                    vec![default.component]
                } else {
                    (0..dataset.components.len()).collect()
                };
                for &component in &components {
                    let base = ViewSpec { view, component, fiscal_year, lang, ..default };
                    let metrics =
                        if view == ViewKind::Pipeline { vec![default.metric] } else { base.offered_metrics(dataset) };
                    for metric in metrics {
                        let linear = ViewSpec { metric, ..base };
                        out.push(linear);
                        if select(dataset, &linear).spans_magnitudes() {
                            out.push(ViewSpec { scale: Scale::Log, ..linear });
                        }
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::fixture::DATASET;

    #[test]
    fn every_view_is_settled_and_reopens_from_its_query() {
        let views = super::every_view(&DATASET);
        assert!(views.len() > 100, "{}", views.len());
        for v in &views {
            assert_eq!(v.settled(&DATASET), *v);
            assert_eq!(
                crate::view::ViewSpec::from_query(&DATASET, &v.to_query(&DATASET)),
                (*v, vec![]),
                "{}",
                v.to_query(&DATASET)
            );
        }
    }
}
