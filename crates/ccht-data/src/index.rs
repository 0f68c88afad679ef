//! An index of a dataset's records, built once, so that selecting a view costs in proportion to
//! the bars it draws and not to the size of the dataset. Sorted lists searched by halves: a map
//! type would bring code of its own into the Wasm.

use crate::tables::{Metric, Record};

#[derive(Debug, Default)]
pub struct RecordIndex {
    /// Fiscal years with any record, oldest first.
    pub years: Vec<u16>,
    /// By (year, component).
    by_year_component: Groups,
    /// By (year, kind).
    by_year_kind: Groups,
    /// One component's metric across the years, oldest first.
    by_series: Groups,
    /// The metrics each component has in any year, in metrics.csv order.
    metrics_of: Vec<Vec<usize>>,
    /// The components and years each metric has, for the menus.
    components_of_metric: Vec<Vec<usize>>,
    years_of_metric: Vec<Vec<u16>>,
}

type Key = (usize, usize);

/// Record ids in groups, in order of the groups' keys: `ids[i]` is in the group `keys[i]`.
#[derive(Debug, Default)]
struct Groups {
    keys: Vec<Key>,
    ids: Vec<usize>,
}

impl Groups {
    /// Every record, grouped by `key` and, within a group, in order of `order`, then of id.
    /// (`dyn`: one copy of this code in the Wasm for the three groupings.)
    fn new(records: usize, key: &dyn Fn(usize) -> Key, order: &dyn Fn(usize) -> usize) -> Groups {
        let mut ids: Vec<usize> = (0..records).collect();
        sort_ids_by(&mut ids, |i| {
            let (a, b) = key(i);
            (a, b, order(i))
        });
        Groups { keys: ids.iter().map(|&i| key(i)).collect(), ids }
    }

    fn get(&self, key: Key) -> &[usize] {
        let start = self.keys.partition_point(|&k| k < key);
        let end = self.keys.partition_point(|&k| k <= key);
        &self.ids[start..end]
    }
}

impl RecordIndex {
    /// From a dataset's tables: its records, its metrics (for their kinds) and how many components.
    pub fn build(records: &[Record], metrics: &[Metric], components: usize) -> RecordIndex {
        let mut index = RecordIndex {
            metrics_of: vec![Vec::new(); components],
            components_of_metric: vec![Vec::new(); metrics.len()],
            years_of_metric: vec![Vec::new(); metrics.len()],
            ..RecordIndex::default()
        };
        let (n, r) = (records.len(), |i: usize| &records[i]);
        index.by_year_component = Groups::new(n, &|i| (r(i).fiscal_year as usize, r(i).component), &|_| 0);
        index.by_year_kind = Groups::new(n, &|i| (r(i).fiscal_year as usize, metrics[r(i).metric].kind), &|_| 0);
        index.by_series = Groups::new(n, &|i| (r(i).component, r(i).metric), &|i| r(i).fiscal_year as usize);
        for r in records.iter() {
            insert_sorted(&mut index.metrics_of[r.component], r.metric);
            insert_sorted(&mut index.components_of_metric[r.metric], r.component);
            insert_sorted(&mut index.years_of_metric[r.metric], r.fiscal_year);
            insert_sorted(&mut index.years, r.fiscal_year);
        }
        index
    }

    /// Records of one component in one year.
    pub fn component_year(&self, component: usize, year: u16) -> &[usize] {
        self.by_year_component.get((year as usize, component))
    }

    /// Records of one kind in one year, across components.
    pub fn kind_year(&self, kind: usize, year: u16) -> &[usize] {
        self.by_year_kind.get((year as usize, kind))
    }

    /// One component's metric over the years, oldest first.
    pub fn series(&self, component: usize, metric: usize) -> &[usize] {
        self.by_series.get((component, metric))
    }

    /// The metrics a component reports in any year.
    pub fn metrics_of(&self, component: usize) -> &[usize] {
        self.metrics_of.get(component).map_or(&[], Vec::as_slice)
    }

    pub fn components_of_metric(&self, metric: usize) -> &[usize] {
        self.components_of_metric.get(metric).map_or(&[], Vec::as_slice)
    }

    pub fn years_of_metric(&self, metric: usize) -> &[u16] {
        self.years_of_metric.get(metric).map_or(&[], Vec::as_slice)
    }
}

/// Adds an item to a sorted list of distinct items, unless it is there already.
pub fn insert_sorted<T: Ord>(list: &mut Vec<T>, item: T) {
    if let Err(at) = list.binary_search(&item) {
        list.insert(at, item);
    }
}

/// Sorts record ids by a key; equal keys keep their order (the standard library's stable sort).
pub fn sort_ids_by(ids: &mut [usize], key: impl Fn(usize) -> (usize, usize, usize)) {
    ids.sort_by_key(|&i| key(i));
}

#[cfg(test)]
mod tests {
    use super::{insert_sorted, sort_ids_by};
    use crate::repository_data;

    #[test]
    fn id_lists_sort_stably_and_stay_distinct() {
        let mut ids = vec![0, 1, 2, 3, 4, 5];
        let keys = [(2, 0, 1), (1, 5, 0), (2, 0, 1), (0, 9, 9), (1, 5, 0), (1, 4, 7)];
        sort_ids_by(&mut ids, |i| keys[i]);
        assert_eq!(ids, [3, 5, 1, 4, 0, 2]);
        let mut list = Vec::new();
        for y in [2024u16, 2020, 2024, 2022, 2020, 2021] {
            insert_sorted(&mut list, y);
        }
        assert_eq!(list, [2020, 2021, 2022, 2024]);
    }

    #[test]
    fn the_index_agrees_with_a_scan() {
        let d = repository_data();
        let index = d.index();
        // Every year a record names, once, in order (FY 2020 to 2024 at least).
        let mut years: Vec<u16> = d.records.iter().map(|r| r.fiscal_year).collect();
        years.sort_unstable();
        years.dedup();
        assert_eq!(index.years, years);
        assert_eq!(index.years[..5], [2020, 2021, 2022, 2023, 2024]);
        for (c, _) in d.components.iter().enumerate() {
            for &y in &index.years {
                let scan: Vec<usize> = (0..d.records.len())
                    .filter(|&i| d.records[i].component == c && d.records[i].fiscal_year == y)
                    .collect();
                assert_eq!(index.component_year(c, y), scan.as_slice());
            }
            for k in 0..d.kinds.len() {
                for &y in &index.years {
                    let scan: Vec<usize> = (0..d.records.len())
                        .filter(|&i| d.metrics[d.records[i].metric].kind == k && d.records[i].fiscal_year == y)
                        .collect();
                    assert_eq!(index.kind_year(k, y), scan.as_slice());
                }
            }
            let metrics: Vec<usize> =
                (0..d.metrics.len()).filter(|&m| d.records.iter().any(|r| r.component == c && r.metric == m)).collect();
            assert_eq!(index.metrics_of(c), metrics.as_slice());
            for m in 0..d.metrics.len() {
                let years: Vec<u16> = index.series(c, m).iter().map(|&i| d.records[i].fiscal_year).collect();
                assert!(years.windows(2).all(|w| w[0] < w[1]));
                assert_eq!(years.len(), d.records.iter().filter(|r| r.component == c && r.metric == m).count());
            }
        }
        for m in 0..d.metrics.len() {
            let components: Vec<usize> = (0..d.components.len())
                .filter(|&c| d.records.iter().any(|r| r.component == c && r.metric == m))
                .collect();
            assert_eq!(index.components_of_metric(m), components.as_slice());
            let years: Vec<u16> = index
                .years
                .iter()
                .copied()
                .filter(|&y| d.records.iter().any(|r| r.metric == m && r.fiscal_year == y))
                .collect();
            assert_eq!(index.years_of_metric(m), years.as_slice());
        }
        assert!(index.metrics_of(d.components.len()).is_empty() && index.years_of_metric(d.metrics.len()).is_empty());
    }
}
