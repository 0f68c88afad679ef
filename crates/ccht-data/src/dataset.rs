//! The dataset: its tables (`tables.rs`) and the index of its records, built on first use.

use crate::index::RecordIndex;
use crate::tables::{Component, Kind, Metric, PipelineStage, Record, Source};
use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Debug, Default)]
pub struct Dataset {
    pub components: Cow<'static, [Component]>,
    pub kinds: Cow<'static, [Kind]>,
    pub metrics: Cow<'static, [Metric]>,
    pub sources: Cow<'static, [Source]>,
    pub records: Cow<'static, [Record]>,
    pub pipeline: Cow<'static, [PipelineStage]>,
    /// Built on first use; see [`Dataset::index`].
    pub index: OnceLock<RecordIndex>,
}

impl Clone for Dataset {
    /// The data; the copy builds its own index when first asked.
    fn clone(&self) -> Dataset {
        Dataset {
            components: self.components.clone(),
            kinds: self.kinds.clone(),
            metrics: self.metrics.clone(),
            sources: self.sources.clone(),
            records: self.records.clone(),
            pipeline: self.pipeline.clone(),
            index: OnceLock::new(),
        }
    }
}

impl PartialEq for Dataset {
    /// Equal data; the index follows from it.
    fn eq(&self, other: &Dataset) -> bool {
        (&self.components, &self.kinds, &self.metrics, &self.sources, &self.records, &self.pipeline)
            == (&other.components, &other.kinds, &other.metrics, &other.sources, &other.records, &other.pipeline)
    }
}

impl Dataset {
    pub fn component_index(&self, id: &str) -> Option<usize> {
        self.components.iter().position(|c| c.id == id)
    }

    pub fn metric_index(&self, id: &str) -> Option<usize> {
        self.metrics.iter().position(|m| m.id == id)
    }

    pub fn kind_of(&self, record: &Record) -> &Kind {
        &self.kinds[self.metrics[record.metric].kind]
    }

    /// The newest fiscal year with any record.
    pub fn latest_year(&self) -> Option<u16> {
        self.index().years.last().copied()
    }

    /// The records indexed by year, component, kind and series, built once on first use.
    pub fn index(&self) -> &RecordIndex {
        self.index.get_or_init(|| RecordIndex::build(&self.records, &self.metrics, self.components.len()))
    }
}

#[cfg(test)]
mod tests {
    use crate::repository_data;

    #[test]
    fn lookups_by_id_and_the_latest_year() {
        let d = repository_data();
        assert_eq!(d.component_index("hsi").map(|i| d.components[i].id.as_ref()), Some("hsi"));
        assert_eq!(d.metric_index("arrests").map(|i| d.metrics[i].id.as_ref()), Some("arrests"));
        assert_eq!((d.component_index("fbi"), d.metric_index("nope")), (None, None));
        assert_eq!(d.latest_year(), d.records.iter().map(|r| r.fiscal_year).max());
        let r = &d.records[0];
        assert_eq!(d.kind_of(r).id, d.kinds[d.metrics[r.metric].kind].id);
    }

    #[test]
    fn a_copy_is_equal_and_builds_its_own_index() {
        let d = repository_data();
        d.index();
        let copy = d.clone();
        assert!(copy.index.get().is_none());
        assert_eq!(&copy, d);
        let mut other = d.clone();
        other.pipeline.to_mut().pop();
        assert_ne!(&other, d);
    }
}
