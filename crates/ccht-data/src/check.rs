//! The checker: every rule the data files must keep, applied to all six files at once, so that an
//! analyst sees every problem of an edit in one build, each as `file:line: reason`. Records refer
//! to the other tables by id; a loaded [`Dataset`] refers by index, resolved here once.

use crate::as_written::parse_as_written;
use crate::dataset::Dataset;
use crate::date::IsoDate;
use crate::derived::resolve_derived;
use crate::files::{read_table, row, DataError, DataFiles, Table, FILE_NAMES};
use crate::quote::quoted;
use crate::tables::{Component, Kind, Metric, PipelineStage, Qualifier, Record, Source, SourceKind, Unit};
use std::borrow::Cow;
use std::collections::HashMap;

row! {
    /// A row of `components.csv`.
    ComponentRow { id, name, short_name, name_es, short_name_es }
}
row! {
    /// A row of `kinds.csv`.
    KindRow { id, name, unit, noun, name_es, noun_es }
}
row! {
    /// A row of `metrics.csv`.
    MetricRow { id, name, kind, name_es, note, note_es }
}
row! {
    /// A row of `sources.csv`.
    SourceRow { id, title, publisher, date, url, url_note, url_note_es, kind }
}
row! {
    /// A row of `records.csv`.
    RecordRow {
        fiscal_year, component, metric, value, qualifier, as_written, source, source_sentence, reported_as, note,
        note_es, derived_from,
    }
}
row! {
    /// A row of `pipeline.csv`.
    StageRow { stage, component, metric }
}

/// Reads and checks every file, returning all problems found, not just the first.
pub fn load(files: &DataFiles<'_>) -> Result<Dataset, Vec<DataError>> {
    let mut errors = Vec::new();
    let tables = (
        read_table::<ComponentRow>(files.components, &mut errors),
        read_table::<KindRow>(files.kinds, &mut errors),
        read_table::<MetricRow>(files.metrics, &mut errors),
        read_table::<SourceRow>(files.sources, &mut errors),
        read_table::<RecordRow>(files.records, &mut errors),
        read_table::<StageRow>(files.pipeline, &mut errors),
    );
    let (Some(t_components), Some(t_kinds), Some(t_metrics), Some(t_sources), Some(t_records), Some(t_pipeline)) =
        tables
    else {
        return Err(errors);
    };

    let components = accept(&t_components, &mut errors, |_, row, seen: &[Component]| {
        check_new_id(&row.id, seen.iter().map(|c| c.id.as_ref()))?;
        check_text("name", &row.name)?;
        check_text("short_name", &row.short_name)?;
        check_text("name_es", &row.name_es)?;
        check_text("short_name_es", &row.short_name_es)?;
        Ok(Component {
            id: owned(&row.id),
            name: owned(&row.name),
            short_name: owned(&row.short_name),
            name_es: owned(&row.name_es),
            short_name_es: owned(&row.short_name_es),
        })
    });

    let kinds = accept(&t_kinds, &mut errors, |_, row, seen: &[Kind]| {
        check_new_id(&row.id, seen.iter().map(|k| k.id.as_ref()))?;
        check_text("name", &row.name)?;
        let unit = Unit::parse(&row.unit)
            .ok_or_else(|| format!("unit {} must be count, dollars or percent", quoted(&row.unit)))?;
        check_text("noun", &row.noun)?;
        check_text("name_es", &row.name_es)?;
        check_text("noun_es", &row.noun_es)?;
        Ok(Kind {
            id: owned(&row.id),
            name: owned(&row.name),
            unit,
            noun: owned(&row.noun),
            name_es: owned(&row.name_es),
            noun_es: owned(&row.noun_es),
        })
    });

    let kind_ids = Ids::of(kinds.iter().map(|k| k.id.as_ref()));
    let metrics = accept(&t_metrics, &mut errors, |_, row, seen: &[Metric]| {
        check_new_id(&row.id, seen.iter().map(|m| m.id.as_ref()))?;
        check_text("name", &row.name)?;
        check_text("name_es", &row.name_es)?;
        check_pair("note", &row.note, &row.note_es)?;
        Ok(Metric {
            id: owned(&row.id),
            name: owned(&row.name),
            kind: kind_ids.find(&row.kind, "kind", "kinds.csv")?,
            name_es: owned(&row.name_es),
            note: owned(&row.note),
            note_es: owned(&row.note_es),
        })
    });

    let sources = accept(&t_sources, &mut errors, |_, row, seen: &[Source]| {
        check_new_id(&row.id, seen.iter().map(|s| s.id.as_ref()))?;
        check_text("title", &row.title)?;
        check_text("publisher", &row.publisher)?;
        let date = row.date.as_str();
        if !date.is_empty() && IsoDate::parse(date).is_none() {
            return Err(format!("date {} must be written YYYY-MM-DD, or left empty", quoted(date)));
        }
        if !row.url.starts_with("https://") {
            return Err(format!("url {} must start with https://", quoted(&row.url)));
        }
        check_pair("url_note", &row.url_note, &row.url_note_es)?;
        let kind = match row.kind.as_str() {
            "primary" => SourceKind::Primary,
            "secondary" => SourceKind::Secondary,
            other => return Err(format!("kind {} must be primary or secondary", quoted(other))),
        };
        Ok(Source {
            id: owned(&row.id),
            title: owned(&row.title),
            publisher: owned(&row.publisher),
            date: owned(date),
            url: owned(&row.url),
            url_note: owned(&row.url_note),
            url_note_es: owned(&row.url_note_es),
            kind,
        })
    });

    let component_ids = Ids::of(components.iter().map(|c| c.id.as_ref()));
    let metric_ids = Ids::of(metrics.iter().map(|m| m.id.as_ref()));
    let source_ids = Ids::of(sources.iter().map(|s| s.id.as_ref()));
    // The line of each (year, component, metric) figure, so a second one can point at the first.
    let mut seen: HashMap<(u16, usize, usize), usize> = HashMap::new();
    let mut records = accept(&t_records, &mut errors, |line, row, _| {
        let record = record(row, &component_ids, &metric_ids, &source_ids, line)?;
        let key = (record.fiscal_year, record.component, record.metric);
        if let Some(first) = seen.get(&key) {
            let (year, component, metric) = (record.fiscal_year, &row.component, &row.metric);
            return Err(format!("a second FY{year} {component} {metric} figure; the first is on line {first}"));
        }
        seen.insert(key, line);
        Ok(record)
    });
    for (line, reason) in resolve_derived(&mut records, &components, &metrics) {
        errors.push(t_records.error(line, reason));
    }

    let pipeline = accept(&t_pipeline, &mut errors, |_, row, stages: &[PipelineStage]| {
        let stage: usize =
            row.stage.parse().map_err(|_| format!("stage {} must be a whole number", quoted(&row.stage)))?;
        if stage != stages.len() + 1 {
            return Err(format!("stage {stage} is out of order; stages are numbered 1, 2, 3… from the top"));
        }
        let component = component_ids.find(&row.component, "component", "components.csv")?;
        let metric = metric_ids.find(&row.metric, "metric", "metrics.csv")?;
        // The pipeline shares one count axis; a dollar or percent stage would be mislabelled.
        if kinds[metrics[metric].kind].unit != Unit::Count {
            return Err(format!(
                "metric {} is not a count; every pipeline stage counts something",
                quoted(&row.metric)
            ));
        }
        Ok(PipelineStage { component, metric })
    });

    // A chart needs something to point at: empty tables would leave the default view nowhere.
    for (file, count, what) in [
        (t_components.file, components.len(), "components"),
        (t_kinds.file, kinds.len(), "kinds"),
        (t_metrics.file, metrics.len(), "metrics"),
        (t_sources.file, sources.len(), "sources"),
        (t_records.file, records.len(), "figures"),
    ] {
        if count == 0 && errors.iter().all(|e| e.file != file) {
            let reason = format!("the file has no {what}; it needs at least one row under the header");
            errors.push(DataError { file: file.to_string(), line: 1, reason });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Dataset {
        components: components.into(),
        kinds: kinds.into(),
        metrics: metrics.into(),
        sources: sources.into(),
        records: records.into(),
        pipeline: pipeline.into(),
        index: std::sync::OnceLock::new(),
    })
}

/// Checks each row of a table in turn, given its line and the rows accepted before it; keeps the
/// good ones and reports the others at their lines.
fn accept<R, T>(
    table: &Table<'_, R>,
    errors: &mut Vec<DataError>,
    mut check: impl FnMut(usize, &R, &[T]) -> Result<T, String>,
) -> Vec<T> {
    let mut accepted = Vec::new();
    for (line, row) in &table.rows {
        match check(*line, row, &accepted) {
            Ok(item) => accepted.push(item),
            Err(reason) => errors.push(table.error(*line, reason)),
        }
    }
    accepted
}

/// One row of `records.csv`, its ids resolved. A derived record's inputs are resolved later, once
/// every record is read (`derived.rs`).
fn record(row: &RecordRow, components: &Ids, metrics: &Ids, sources: &Ids, line: usize) -> Result<Record, String> {
    let fiscal_year: u16 = row
        .fiscal_year
        .parse()
        .ok()
        .filter(|y| (1990..=2100).contains(y))
        .ok_or_else(|| format!("fiscal_year {} must be a year such as 2024", quoted(&row.fiscal_year)))?;
    let component = components.find(&row.component, "component", "components.csv")?;
    let metric = metrics.find(&row.metric, "metric", "metrics.csv")?;
    let written = row.value.as_str();
    let value: f64 = written
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite() && *v >= 0.0 && !written.contains(['e', 'E', '+']))
        .ok_or_else(|| {
            format!("value {} must be a plain number without separators, such as 3700000", quoted(written))
        })?;
    // Labels write at most two decimals. Below 10^13 a double holds every figure to the cent, so no
    // figure is ever rounded or cut when it is shown (above it, 932449111661763.1 would read back
    // as …763.13).
    if written.split_once('.').is_some_and(|(_, d)| d.len() > 2) || value >= 1e13 {
        return Err(format!(
            "value {} must have at most two decimals and be below 10,000,000,000,000",
            quoted(written)
        ));
    }
    let qualifier = Qualifier::parse(&row.qualifier).ok_or_else(|| {
        format!("qualifier {} must be exact, at-least, approximate or derived", quoted(&row.qualifier))
    })?;
    let source = sources.find(&row.source, "source", "sources.csv")?;
    check_pair("note", &row.note, &row.note_es)?;
    if (qualifier == Qualifier::Derived) == row.derived_from.is_empty() {
        return Err("derived_from is required for a derived record and only for one".into());
    }
    if qualifier != Qualifier::Derived {
        let as_written = row.as_written.as_str();
        check_text("as_written", as_written)?;
        if !row.source_sentence.is_empty() && !row.source_sentence.contains(as_written) {
            return Err(format!("as_written {} does not appear in source_sentence", quoted(as_written)));
        }
        let (stated, stated_qualifier) = parse_as_written(as_written)
            .ok_or_else(|| format!("as_written {} is not a figure this loader understands", quoted(as_written)))?;
        if stated != value {
            return Err(format!("value {written} differs from as_written {}", quoted(as_written)));
        }
        if stated_qualifier != qualifier {
            return Err(format!(
                "qualifier {} differs from as_written {} (which reads as {})",
                row.qualifier,
                quoted(as_written),
                stated_qualifier.id()
            ));
        }
    }
    Ok(Record {
        fiscal_year,
        component,
        metric,
        value,
        qualifier,
        as_written: owned(&row.as_written),
        source,
        source_sentence: owned(&row.source_sentence),
        reported_as: owned(&row.reported_as),
        note: owned(&row.note),
        note_es: owned(&row.note_es),
        derived_from: Cow::Owned(Vec::new()),
        derivation: owned(&row.derived_from),
        line: line as u32,
    })
}

fn owned(s: &str) -> Cow<'static, str> {
    Cow::Owned(s.to_string())
}

/// An id is well formed (it appears in URLs) and not yet used in its table.
fn check_new_id<'a>(id: &str, mut seen: impl Iterator<Item = &'a str>) -> Result<(), String> {
    let well_formed = !id.is_empty()
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-');
    if !well_formed {
        return Err(format!("id {} must be lowercase letters, digits and hyphens (it appears in URLs)", quoted(id)));
    }
    if seen.any(|s| s == id) {
        return Err(format!("id {} is used twice", quoted(id)));
    }
    Ok(())
}

fn check_text(name: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        Err(format!("{name} is empty"))
    } else {
        Ok(())
    }
}

/// An English text and its Spanish (`name` and `name_es`) are given both or neither.
fn check_pair(name: &str, en: &str, es: &str) -> Result<(), String> {
    if en.is_empty() == es.is_empty() {
        Ok(())
    } else {
        Err(format!("{name} and {name}_es go together: give both or neither"))
    }
}

/// A table's ids, for lookups by map: a dataset of 100,000 rows must load in time proportional
/// to its size.
struct Ids(HashMap<String, usize>);

impl Ids {
    fn of<'a>(ids: impl Iterator<Item = &'a str>) -> Ids {
        Ids(ids.enumerate().map(|(i, id)| (id.to_string(), i)).collect())
    }

    fn find(&self, id: &str, what: &str, file: &str) -> Result<usize, String> {
        self.0.get(id).copied().ok_or_else(|| format!("unknown {what} {}; it must be an id in {file}", quoted(id)))
    }
}

/// Test tables small enough to read, for the checker's tests and the derived values' own.
/// Reads and checks the six files of a data folder, naming each as the folder and the file
/// (`data/records.csv`), as `build.rs`, the tests and the tools see them.
pub fn load_folder(folder: &std::path::Path) -> Result<Dataset, Vec<DataError>> {
    let mut texts = Vec::new();
    let mut errors = Vec::new();
    for name in FILE_NAMES {
        let path = folder.join(name).display().to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => texts.push((path, text)),
            Err(e) => errors.push(DataError { file: path.clone(), line: 0, reason: format!("cannot be read: {e}") }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let file = |i: usize| (texts[i].0.as_str(), texts[i].1.as_str());
    load(&DataFiles::in_order(std::array::from_fn(file)))
}

#[cfg(test)]
pub(crate) mod fixture {
    use super::*;

    pub const COMPONENTS: &str = "id,name,short_name,name_es,short_name_es\ndhs,DHS-wide,DHS,Todo el DHS,DHS\nhsi,Homeland Security Investigations,HSI,HSI,HSI\n";
    pub const KINDS: &str = "id,name,unit,noun,name_es,noun_es\narrests,Arrests,count,arrests,Arrestos,arrestos\nchange,Change,percent,percent,Cambio,por ciento\n";
    pub const METRICS: &str =
        "id,name,kind,name_es,note,note_es\narrests,Arrests,arrests,Arrestos,,\nchange,Change,change,Cambio,,\n";
    pub const SOURCES: &str = "id,title,publisher,date,url,url_note,url_note_es,kind\nr,Release,DHS,2025-08-14,https://example.org/r,,,primary\n";
    pub const PIPELINE: &str = "stage,component,metric\n1,dhs,arrests\n";
    pub const HEADER: &str = "fiscal_year,component,metric,value,qualifier,as_written,source,source_sentence,reported_as,note,note_es,derived_from\n";

    /// The test tables, with the kinds and metrics above and the other four as given.
    pub fn files<'a>(components: &'a str, sources: &'a str, records: &'a str, pipeline: &'a str) -> DataFiles<'a> {
        DataFiles::in_order([
            ("components.csv", components),
            ("kinds.csv", KINDS),
            ("metrics.csv", METRICS),
            ("sources.csv", sources),
            ("records.csv", records),
            ("pipeline.csv", pipeline),
        ])
    }

    /// Rows of all twelve columns of `records.csv`, under its header, with the other test tables.
    pub fn load_full_records(records: &str) -> Result<Dataset, Vec<DataError>> {
        load(&files(COMPONENTS, SOURCES, &format!("{HEADER}{records}"), PIPELINE))
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::*;
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_read_names_each_file() {
        let missing = load_folder(std::path::Path::new("/nonexistent")).unwrap_err();
        assert_eq!(missing.len(), 6);
        assert!(missing[0].to_string().starts_with("/nonexistent/components.csv: cannot be read: "), "{}", missing[0]);
    }

    /// Rows of the eight main columns; the four optional ones are added empty.
    fn load_records(records: &str) -> Result<Dataset, Vec<DataError>> {
        let rows: String = records.lines().map(|l| format!("{l},,,,\n")).collect();
        load_full_records(&rows)
    }

    fn first_error(records: &str) -> String {
        match load_records(records) {
            Ok(_) => panic!("expected an error for {records:?}"),
            Err(errors) => errors[0].to_string(),
        }
    }

    #[test]
    fn a_good_row_loads_with_its_line() {
        let d = load_records("2024,hsi,arrests,2545,exact,\"2,545\",r,\"It led to 2,545 arrests.\"\n").unwrap();
        assert_eq!(d.records.len(), 1);
        assert_eq!(d.records[0].value, 2545.0);
        assert_eq!(d.records[0].line, 2);
        assert_eq!(d.records[0].component, 1);
    }
    #[test]
    fn bad_rows_name_file_line_and_reason() {
        assert_eq!(
            first_error("2024,hsi,arrests,2545,exact,\"2,545\",r,\"It led to 2,545 arrests.\"\n2024,cbp,arrests,1,exact,1,r,1 arrest\n"),
            "records.csv:3: unknown component \"cbp\"; it must be an id in components.csv"
        );
        assert!(first_error("2024,hsi,arrests,2,545,exact,x,r,y\n").starts_with("records.csv:2: 13 fields"));
        assert!(first_error("2024,hsi,arrests,2546,exact,\"2,545\",r,\"2,545 arrests\"\n")
            .contains("differs from as_written"));
        assert!(first_error("2024,hsi,arrests,2545,exact,more than 2545,r,more than 2545 arrests\n")
            .contains("qualifier exact differs"));
        assert!(first_error("2024,hsi,arrests,2545,exact,2545,r,about 2500 arrests\n").contains("does not appear"));
        assert!(first_error("24,hsi,arrests,1,exact,1,r,1\n").contains("fiscal_year"));
        assert!(first_error("2024,hsi,arrests,1e3,exact,1,r,1\n").contains("plain number"));
        assert!(first_error("2024,hsi,arrests,0.001,exact,0.001,r,0.001\n").contains("at most two decimals"));
        assert!(first_error("2024,hsi,arrests,1000000000000000,exact,1000000000000000,r,x\n")
            .contains("at most two decimals"));
        assert!(first_error("2024,hsi,arrests,1,roughly,1,r,1\n").contains("qualifier \"roughly\""));
        assert!(first_error("2024,hsi,arrests,1,exact,1,r,1\n2024,hsi,arrests,1,exact,1,r,1\n")
            .contains("first is on line 2"));
    }
    #[test]
    fn empty_files_and_non_count_pipeline_stages_are_refused() {
        let errors = load_full_records("").unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "records.csv:1: the file has no figures; it needs at least one row under the header"
        );
        let records = format!("{HEADER}2024,hsi,arrests,1,exact,1,r,,,,,\n");
        let errors = load(&files(COMPONENTS, SOURCES, &records, "stage,component,metric\n1,dhs,change\n")).unwrap_err();
        assert!(errors[0].reason.contains("not a count"), "{errors:?}");
    }
    #[test]
    fn every_problem_is_reported_at_once() {
        let errors = load_records("2024,x,arrests,1,exact,1,r,1\n2024,hsi,y,1,exact,1,r,1\n").unwrap_err();
        assert_eq!(errors.len(), 2);
    }
    #[test]
    fn headers_are_checked() {
        let errors = load(&files("id,name\ndhs,DHS\n", SOURCES, HEADER, "")).unwrap_err();
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            text,
            vec![
                "components.csv:1: the header lacks the column \"short_name\"",
                "pipeline.csv:1: the file is empty; its first line must be the header stage,component,metric"
            ]
        );
    }
    /// The errors of loading the test tables with `components.csv` and `sources.csv` replaced.
    fn errors_with(components: &str, sources: &str) -> Vec<String> {
        let records = format!("{HEADER}2024,dhs,arrests,1,exact,1,r,,,,,\n");
        load(&files(components, sources, &records, PIPELINE))
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| e.to_string())
            .collect()
    }
    #[test]
    fn ids_and_names_are_checked_row_by_row() {
        let header = "id,name,short_name,name_es,short_name_es\ndhs,DHS-wide,DHS,Todo el DHS,DHS\n";
        let must = |id: &str| {
            format!("components.csv:3: id \"{id}\" must be lowercase letters, digits and hyphens (it appears in URLs)")
        };
        for (row, expected) in [
            ("HSI,Homeland,HSI,HSI,HSI", must("HSI")),
            ("h_si,Homeland,HSI,HSI,HSI", must("h_si")),
            ("-hsi,Homeland,HSI,HSI,HSI", must("-hsi")),
            (",Homeland,HSI,HSI,HSI", must("")),
            ("dhs,Again,DHS,DHS,DHS", "components.csv:3: id \"dhs\" is used twice".to_string()),
            ("hsi,,HSI,HSI,HSI", "components.csv:3: name is empty".to_string()),
            ("hsi,Homeland,,HSI,HSI", "components.csv:3: short_name is empty".to_string()),
            ("hsi,Homeland,HSI,,HSI", "components.csv:3: name_es is empty".to_string()),
            ("hsi,Homeland,HSI,HSI,", "components.csv:3: short_name_es is empty".to_string()),
        ] {
            assert_eq!(errors_with(&format!("{header}{row}\n"), SOURCES), vec![expected], "{row}");
        }
        assert_eq!(errors_with(&format!("{header}hsi-2,Homeland,HSI,HSI,HSI\n"), SOURCES), Vec::<String>::new());
    }
    #[test]
    fn sources_are_checked_row_by_row() {
        let header = "id,title,publisher,date,url,url_note,url_note_es,kind\nr,Release,DHS,2025-08-14,https://example.org/r,,,primary\n";
        for (row, expected) in [
            (
                "s,Article,Paper,2025/08/14,https://example.org/s,,,secondary",
                "date \"2025/08/14\" must be written YYYY-MM-DD, or left empty",
            ),
            (
                "s,Article,Paper,2025-8-14,https://example.org/s,,,secondary",
                "date \"2025-8-14\" must be written YYYY-MM-DD, or left empty",
            ),
            // A month or day no calendar has: a citation could not give it, so it is refused.
            (
                "s,Article,Paper,2025-13-01,https://example.org/s,,,secondary",
                "date \"2025-13-01\" must be written YYYY-MM-DD, or left empty",
            ),
            (
                "s,Article,Paper,,http://example.org/s,,,secondary",
                "url \"http://example.org/s\" must start with https://",
            ),
            (
                "s,Article,Paper,,https://example.org/s,a note,,secondary",
                "url_note and url_note_es go together: give both or neither",
            ),
            ("s,Article,Paper,,https://example.org/s,,,tertiary", "kind \"tertiary\" must be primary or secondary"),
            ("s,,Paper,,https://example.org/s,,,secondary", "title is empty"),
            ("s,Article,,,https://example.org/s,,,secondary", "publisher is empty"),
        ] {
            assert_eq!(
                errors_with(COMPONENTS, &format!("{header}{row}\n")),
                vec![format!("sources.csv:3: {expected}")],
                "{row}"
            );
        }
        assert_eq!(
            errors_with(
                COMPONENTS,
                &format!("{header}s,Article,Paper,,https://example.org/s,a note,una nota,secondary\n")
            ),
            Vec::<String>::new()
        );
    }
    #[test]
    fn values_with_two_decimals_and_approximate_figures_load() {
        assert!(load_records("2024,hsi,arrests,412.25,exact,412.25,r,412.25\n").is_ok());
        assert!(load_records("2024,hsi,arrests,1,approximate,about 1,r,about 1\n").is_ok());
    }
}
