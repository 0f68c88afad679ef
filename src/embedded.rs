//! The dataset compiled into the binary from `data/*.csv` by `build.rs`, which checked every row.
//!
//! It is stored compactly (`build.rs`, `rust_source`): the distinct strings once each, NUL between
//! them, and every field a `u16`. Decoding borrows the strings, so start-up allocates only the
//! tables' rows, once.

use crate::dataset::{Component, Dataset, Kind, Metric, PipelineStage, Qualifier, Record, Source, SourceKind, Unit};
use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The figures this build ships, checked at compile time.
pub static DATASET: LazyLock<Dataset> = LazyLock::new(|| decode(TEXT, WORDS, VALUES));

/// Reads the fields in the order `build.rs` wrote them.
struct Fields {
    texts: Vec<&'static str>,
    words: std::slice::Iter<'static, u16>,
}

// Not inlined: each is called at every field, and one copy keeps the decoder small.
impl Fields {
    #[inline(never)]
    fn number(&mut self) -> usize {
        self.words.next().map_or(0, |&w| w as usize)
    }

    #[inline(never)]
    fn text(&mut self) -> Cow<'static, str> {
        let n = self.number();
        Cow::Borrowed(self.texts.get(n).copied().unwrap_or(""))
    }

    fn rows<T>(&mut self, count: usize, mut row: impl FnMut(&mut Fields) -> T) -> Cow<'static, [T]>
    where
        [T]: ToOwned<Owned = Vec<T>>,
    {
        Cow::Owned((0..count).map(|_| row(self)).collect())
    }
}

fn decode(text: &'static str, words: &'static [u16], values: &'static [f64]) -> Dataset {
    let mut f = Fields { texts: text.split('\0').collect(), words: words.iter() };
    let counts: Vec<usize> = (0..6).map(|_| f.number()).collect();
    let mut values = values.iter().copied();
    Dataset {
        components: f.rows(counts[0], |f| Component {
            id: f.text(),
            name: f.text(),
            short_name: f.text(),
            name_es: f.text(),
            short_name_es: f.text(),
        }),
        kinds: f.rows(counts[1], |f| Kind {
            id: f.text(),
            name: f.text(),
            unit: [Unit::Count, Unit::Dollars, Unit::Percent].get(f.number()).copied().unwrap_or(Unit::Count),
            noun: f.text(),
            name_es: f.text(),
            noun_es: f.text(),
        }),
        metrics: f.rows(counts[2], |f| Metric {
            id: f.text(),
            name: f.text(),
            kind: f.number(),
            name_es: f.text(),
            note: f.text(),
            note_es: f.text(),
        }),
        sources: f.rows(counts[3], |f| Source {
            id: f.text(),
            title: f.text(),
            publisher: f.text(),
            date: f.text(),
            url: f.text(),
            url_note: f.text(),
            url_note_es: f.text(),
            kind: if f.number() == 0 { SourceKind::Primary } else { SourceKind::Secondary },
        }),
        records: f.rows(counts[4], |f| Record {
            fiscal_year: f.number() as u16,
            component: f.number(),
            metric: f.number(),
            value: values.next().unwrap_or(0.0),
            qualifier: [Qualifier::Exact, Qualifier::AtLeast, Qualifier::Approximate, Qualifier::Derived]
                .get(f.number())
                .copied()
                .unwrap_or(Qualifier::Exact),
            as_written: f.text(),
            source: f.number(),
            source_sentence: f.text(),
            reported_as: f.text(),
            note: f.text(),
            note_es: f.text(),
            derived_from: {
                let n = f.number();
                Cow::Owned((0..n).map(|_| f.number()).collect())
            },
            derivation: f.text(),
            line: f.number() as u32,
        }),
        pipeline: f.rows(counts[5], |f| PipelineStage { component: f.number(), metric: f.number() }),
        index: OnceLock::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fy2024_release_is_all_there() {
        assert_eq!(DATASET.records.iter().filter(|r| r.fiscal_year == 2024).count(), 19);
        assert_eq!(DATASET.latest_year(), Some(2024));
        let hsi = DATASET.component_index("hsi").unwrap();
        let arrests = DATASET.metric_index("arrests").unwrap();
        let r = DATASET.records.iter().find(|r| r.component == hsi && r.metric == arrests).unwrap();
        assert_eq!((r.value, r.qualifier), (2545.0, Qualifier::Exact));
    }
}
