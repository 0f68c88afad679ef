//! What the reader chose: a view, a component, a metric, a fiscal year, a scale and a language,
//! kept coherent with the dataset, and the measures each view can offer.

use ccht_data::{insert_sorted, Dataset, Lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    /// Every figure of one component, one panel per kind.
    Component,
    /// One kind of figure across components.
    Metric,
    /// One metric of one component across fiscal years.
    Trend,
    /// Investigations → arrests → indictments → convictions.
    Pipeline,
}

impl ViewKind {
    pub const ALL: [ViewKind; 4] = [ViewKind::Component, ViewKind::Metric, ViewKind::Trend, ViewKind::Pipeline];

    pub fn id(self) -> &'static str {
        match self {
            ViewKind::Component => "component",
            ViewKind::Metric => "metric",
            ViewKind::Trend => "trend",
            ViewKind::Pipeline => "pipeline",
        }
    }

    pub fn parse(s: &str) -> Option<ViewKind> {
        ViewKind::ALL.into_iter().find(|v| v.id() == s)
    }
}

/// How values map to bar length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Linear,
    /// Powers of ten equally spaced, for views spanning orders of magnitude.
    Log,
}

impl Scale {
    pub fn id(self) -> &'static str {
        match self {
            Scale::Linear => "linear",
            Scale::Log => "log",
        }
    }
}

/// What the reader chose. Indices point into the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewSpec {
    pub view: ViewKind,
    pub component: usize,
    pub metric: usize,
    pub fiscal_year: u16,
    pub scale: Scale,
    pub lang: Lang,
}

impl ViewSpec {
    /// The first view a reader sees: DHS-wide figures of the newest year, in English.
    pub fn default_for(dataset: &Dataset) -> ViewSpec {
        ViewSpec {
            view: ViewKind::Component,
            component: dataset.component_index("dhs").unwrap_or(0),
            metric: dataset.metric_index("arrests").unwrap_or(0),
            fiscal_year: dataset.latest_year().unwrap_or(0),
            scale: Scale::Linear,
            lang: Lang::En,
        }
    }

    /// Keeps the choice coherent: the component and trend views show one of the component's own
    /// measures, so a measure the component lacks gives way to its first one.
    pub fn settled(self, dataset: &Dataset) -> ViewSpec {
        if !matches!(self.view, ViewKind::Component | ViewKind::Trend) {
            return self;
        }
        let offered = self.offered_metrics(dataset);
        if offered.contains(&self.metric) {
            return self;
        }
        ViewSpec { metric: offered.first().copied().unwrap_or(self.metric), ..self }
    }

    /// The measures this view can show, in metrics.csv order: the component's that year (component
    /// view), the component's in any year (trend), those with a figure that year (metric view), all
    /// (pipeline). The measure menu offers these, and the choice settles on one of them.
    pub fn offered_metrics(&self, dataset: &Dataset) -> Vec<usize> {
        let index = dataset.index();
        match self.view {
            ViewKind::Component => {
                let mut offered = Vec::new();
                for &i in index.component_year(self.component, self.fiscal_year) {
                    insert_sorted(&mut offered, dataset.records[i].metric);
                }
                offered
            }
            ViewKind::Trend => index.metrics_of(self.component).to_vec(),
            ViewKind::Metric => {
                (0..dataset.metrics.len()).filter(|&m| index.years_of_metric(m).contains(&self.fiscal_year)).collect()
            }
            ViewKind::Pipeline => (0..dataset.metrics.len()).collect(),
        }
    }
}

/// The fiscal years that have records, oldest first.
pub fn fiscal_years(dataset: &Dataset) -> Vec<u16> {
    dataset.index().years.clone()
}

#[cfg(test)]
mod tests {
    use crate::fixture::DATASET;
    use crate::view::test_view as spec;

    #[test]
    fn the_component_view_keeps_a_measure_the_component_has() {
        let s = spec("component", "ccht", "arrests");
        assert_eq!(DATASET.metrics[s.metric].id, "investigations-supported");
        // The metric view compares across components, so it keeps the reader's measure.
        let s = spec("metric", "ccht", "arrests");
        assert_eq!(DATASET.metrics[s.metric].id, "arrests");
    }
}
