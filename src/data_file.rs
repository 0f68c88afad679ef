//! Reads and checks the human-edited CSV files in `data/`.
//!
//! `build.rs` runs this at compile time, so a malformed or inconsistent row stops the build with
//! `file:line: reason`; tests and tools run the same code on fixtures. The Wasm never parses CSV.

use crate::dataset::{Component, Dataset, Kind, Metric, PipelineStage, Qualifier, Record, Source, SourceKind, Unit};
use std::borrow::Cow;
use std::fmt;

/// The text of each data file, with the name errors should carry.
pub struct DataFiles<'a> {
    pub components: (&'a str, &'a str),
    pub kinds: (&'a str, &'a str),
    pub metrics: (&'a str, &'a str),
    pub sources: (&'a str, &'a str),
    pub records: (&'a str, &'a str),
    pub pipeline: (&'a str, &'a str),
}

/// Every file the loader reads, in the order above, relative to the data folder.
pub const FILE_NAMES: [&str; 6] =
    ["components.csv", "kinds.csv", "metrics.csv", "sources.csv", "records.csv", "pipeline.csv"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

/// One CSV row: the line it starts on and its fields.
#[derive(Debug, PartialEq)]
pub struct Row {
    pub line: usize,
    pub fields: Vec<String>,
}

/// RFC 4180: comma-separated, `"` quotes a field, `""` is a quote inside one, quoted fields may span
/// lines. Accepts CRLF and a UTF-8 byte-order mark, as spreadsheet programs write them.
/// Blank lines are skipped.
pub fn parse_csv(text: &str) -> Result<Vec<Row>, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut row_line = 1;
    let mut in_quotes = false;
    let mut after_quote = false;
    let mut chars = text.chars().peekable();
    let end_row = |fields: &mut Vec<String>, field: &mut String, rows: &mut Vec<Row>, row_line| {
        fields.push(std::mem::take(field));
        let row = std::mem::take(fields);
        if !(row.len() == 1 && row[0].trim().is_empty()) {
            rows.push(Row { line: row_line, fields: row });
        }
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    in_quotes = false;
                    after_quote = true;
                }
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            ',' => {
                fields.push(std::mem::take(&mut field));
                after_quote = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                end_row(&mut fields, &mut field, &mut rows, row_line);
                after_quote = false;
                line += 1;
                row_line = line;
            }
            '"' if field.is_empty() && !after_quote => in_quotes = true,
            '"' => {
                return Err((
                    line,
                    "a quote inside an unquoted field; quote the whole field and double the quote (\"\")".into(),
                ))
            }
            _ if after_quote => {
                return Err((line, format!("text {c:?} after a closing quote; put the whole field in quotes")))
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err((row_line, "a quoted field is never closed".into()));
    }
    end_row(&mut fields, &mut field, &mut rows, row_line);
    Ok(rows)
}

/// A parsed file whose header has been matched to the columns the loader expects.
struct Table<'a> {
    file: &'a str,
    rows: Vec<Row>,
    columns: Vec<usize>,
}

impl<'a> Table<'a> {
    fn read((file, text): (&'a str, &str), expected: &[&str], errors: &mut Vec<DataError>) -> Option<Table<'a>> {
        let err = |line, reason: String| DataError { file: file.to_string(), line, reason };
        let mut rows = match parse_csv(text) {
            Ok(rows) => rows,
            Err((line, reason)) => {
                errors.push(err(line, reason));
                return None;
            }
        };
        if rows.is_empty() {
            errors.push(err(1, format!("the file is empty; its first line must be the header {}", expected.join(","))));
            return None;
        }
        let header = rows.remove(0);
        let names: Vec<&str> = header.fields.iter().map(|h| h.trim()).collect();
        if let Some(extra) = names.iter().find(|n| !expected.contains(n)) {
            errors.push(err(header.line, format!("unknown column {extra:?}; the columns are {}", expected.join(","))));
            return None;
        }
        let mut columns = Vec::with_capacity(expected.len());
        for want in expected {
            match names.iter().position(|n| n == want) {
                Some(i) => columns.push(i),
                None => {
                    errors.push(err(header.line, format!("the header lacks the column {want:?}")));
                    return None;
                }
            }
        }
        let mut good = Vec::with_capacity(rows.len());
        for row in rows {
            if row.fields.len() == names.len() {
                good.push(row);
            } else {
                errors.push(err(row.line, format!("{} fields where the header has {}", row.fields.len(), names.len())));
            }
        }
        Some(Table { file, rows: good, columns })
    }

    /// Each row's fields in the expected column order, trimmed.
    fn rows(&self) -> impl Iterator<Item = (usize, Vec<&str>)> + '_ {
        self.rows.iter().map(|r| (r.line, self.columns.iter().map(|&i| r.fields[i].trim()).collect()))
    }

    fn error(&self, line: usize, reason: impl Into<String>) -> DataError {
        DataError { file: self.file.to_string(), line, reason: reason.into() }
    }
}

fn owned(s: &str) -> Cow<'static, str> {
    Cow::Owned(s.to_string())
}

fn check_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(format!("id {id:?} must be lowercase letters, digits and hyphens (it appears in URLs)"))
    }
}

fn check_text(name: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        Err(format!("{name} is empty"))
    } else {
        Ok(())
    }
}

/// Checks an id is well formed and not yet used in its table.
fn check_new_id(id: &str, seen: &[&str]) -> Result<(), String> {
    check_id(id)?;
    if seen.contains(&id) {
        return Err(format!("id {id:?} is used twice"));
    }
    Ok(())
}

/// A table's ids, for lookups by map: a dataset of 100,000 rows must load in time proportional
/// to its size.
struct Ids(std::collections::HashMap<String, usize>);

impl Ids {
    fn of<'a>(ids: impl Iterator<Item = &'a str>) -> Ids {
        Ids(ids.enumerate().map(|(i, id)| (id.to_string(), i)).collect())
    }

    fn find(&self, id: &str, what: &str, file: &str) -> Result<usize, String> {
        self.0.get(id).copied().ok_or_else(|| format!("unknown {what} {id:?}; it must be an id in {file}"))
    }
}

/// What a figure as written states: its value and whether it is a lower bound or approximate.
/// Understands "1,686", "more than 3.7 million", "over 260,000", "about 44,000", "84%", "$12 million".
pub fn parse_as_written(text: &str) -> Option<(f64, Qualifier)> {
    let lower = text.trim().to_ascii_lowercase();
    let (qualifier, rest) = [
        ("more than ", Qualifier::AtLeast),
        ("over ", Qualifier::AtLeast),
        ("at least ", Qualifier::AtLeast),
        ("about ", Qualifier::Approximate),
        ("approximately ", Qualifier::Approximate),
        ("nearly ", Qualifier::Approximate),
    ]
    .iter()
    .find_map(|(p, q)| lower.strip_prefix(p).map(|rest| (*q, rest)))
    .unwrap_or((Qualifier::Exact, lower.as_str()));
    let rest = rest.trim().trim_start_matches('$');
    let rest = rest.strip_suffix('%').unwrap_or(rest);
    let (number, scale) = match rest.split_once(' ') {
        Some((n, "thousand")) => (n, 1e3),
        Some((n, "million")) => (n, 1e6),
        Some((n, "billion")) => (n, 1e9),
        Some(_) => return None,
        None => (rest, 1.0),
    };
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return None;
    }
    // Integer arithmetic first, so "3.7 million" is exactly 3,700,000 and not 3,700,000.0000000005.
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits: u64 = format!("{}{fraction}", whole.replace(',', "")).parse().ok()?;
    let value = digits as f64 * scale / 10f64.powi(fraction.len() as i32);
    Some((value, qualifier))
}

/// Reads `before-increase(usss/stakeholders-reached/2024, usss/stakeholders-change/2024)`: the
/// value before an increase of B percent led to A, that is A ÷ (1 + B/100). Returns the inputs'
/// indices and the computed value.
fn derive(
    records: &[Record],
    components: &[Component],
    metrics: &[Metric],
    formula: &str,
) -> Result<(Vec<usize>, f64), String> {
    let usage = "derived_from must read before-increase(component/metric/year, component/metric/year)";
    let args = formula.trim().strip_prefix("before-increase(").and_then(|r| r.strip_suffix(')')).ok_or(usage)?;
    let refs: Vec<&str> = args.split(',').map(str::trim).collect();
    if refs.len() != 2 {
        return Err(usage.into());
    }
    let mut inputs = Vec::new();
    for r in &refs {
        let parts: Vec<&str> = r.split('/').collect();
        let [c, m, y] = parts[..] else { return Err(format!("{r:?}: {usage}")) };
        let found = records.iter().position(|rec| {
            components[rec.component].id == c && metrics[rec.metric].id == m && rec.fiscal_year.to_string() == y
        });
        match found {
            Some(i) if records[i].qualifier != Qualifier::Derived => inputs.push(i),
            Some(_) => return Err(format!("{r:?} is itself derived; derive from stated figures only")),
            None => return Err(format!("{r:?} names no record in records.csv")),
        }
    }
    let (a, b) = (&records[inputs[0]], &records[inputs[1]]);
    if b.value <= -100.0 {
        return Err("the increase must be above -100%".into());
    }
    Ok((inputs, a.value / (1.0 + b.value / 100.0)))
}

/// Parses and checks every file, returning all problems found, not just the first.
pub fn load(files: &DataFiles<'_>) -> Result<Dataset, Vec<DataError>> {
    let mut errors = Vec::new();
    let tables = (
        Table::read(files.components, &["id", "name", "short_name", "name_es", "short_name_es"], &mut errors),
        Table::read(files.kinds, &["id", "name", "unit", "noun", "name_es", "noun_es"], &mut errors),
        Table::read(files.metrics, &["id", "name", "kind", "name_es", "note", "note_es"], &mut errors),
        Table::read(
            files.sources,
            &["id", "title", "publisher", "date", "url", "url_note", "url_note_es", "kind"],
            &mut errors,
        ),
        Table::read(
            files.records,
            &[
                "fiscal_year",
                "component",
                "metric",
                "value",
                "qualifier",
                "as_written",
                "source",
                "source_sentence",
                "reported_as",
                "note",
                "note_es",
                "derived_from",
            ],
            &mut errors,
        ),
        Table::read(files.pipeline, &["stage", "component", "metric"], &mut errors),
    );
    let (Some(t_components), Some(t_kinds), Some(t_metrics), Some(t_sources), Some(t_records), Some(t_pipeline)) =
        tables
    else {
        return Err(errors);
    };

    let mut components = Vec::new();
    for (line, f) in t_components.rows() {
        let seen: Vec<&str> = components.iter().map(|c: &Component| c.id.as_ref()).collect();
        let checked = check_new_id(f[0], &seen)
            .and(check_text("name", f[1]))
            .and(check_text("short_name", f[2]))
            .and(check_text("name_es", f[3]))
            .and(check_text("short_name_es", f[4]));
        match checked {
            Ok(()) => components.push(Component {
                id: owned(f[0]),
                name: owned(f[1]),
                short_name: owned(f[2]),
                name_es: owned(f[3]),
                short_name_es: owned(f[4]),
            }),
            Err(e) => errors.push(t_components.error(line, e)),
        }
    }

    let mut kinds = Vec::new();
    for (line, f) in t_kinds.rows() {
        let seen: Vec<&str> = kinds.iter().map(|k: &Kind| k.id.as_ref()).collect();
        let checked = check_new_id(f[0], &seen)
            .and(check_text("name", f[1]))
            .and(Unit::parse(f[2]).ok_or_else(|| format!("unit {:?} must be count, dollars or percent", f[2])))
            .and_then(|unit| {
                check_text("noun", f[3])
                    .and(check_text("name_es", f[4]))
                    .and(check_text("noun_es", f[5]))
                    .map(|()| unit)
            });
        match checked {
            Ok(unit) => kinds.push(Kind {
                id: owned(f[0]),
                name: owned(f[1]),
                unit,
                noun: owned(f[3]),
                name_es: owned(f[4]),
                noun_es: owned(f[5]),
            }),
            Err(e) => errors.push(t_kinds.error(line, e)),
        }
    }

    let kind_ids = Ids::of(kinds.iter().map(|k| k.id.as_ref()));
    let mut metrics = Vec::new();
    for (line, f) in t_metrics.rows() {
        let seen: Vec<&str> = metrics.iter().map(|m: &Metric| m.id.as_ref()).collect();
        let checked = check_new_id(f[0], &seen)
            .and(check_text("name", f[1]))
            .and(check_text("name_es", f[3]))
            .and(if f[4].is_empty() == f[5].is_empty() {
                Ok(())
            } else {
                Err("note and note_es go together: give both or neither".to_string())
            })
            .and_then(|()| kind_ids.find(f[2], "kind", "kinds.csv"));
        match checked {
            Ok(kind) => metrics.push(Metric {
                id: owned(f[0]),
                name: owned(f[1]),
                kind,
                name_es: owned(f[3]),
                note: owned(f[4]),
                note_es: owned(f[5]),
            }),
            Err(e) => errors.push(t_metrics.error(line, e)),
        }
    }

    let mut sources = Vec::new();
    for (line, f) in t_sources.rows() {
        let seen: Vec<&str> = sources.iter().map(|s: &Source| s.id.as_ref()).collect();
        let kind = match f[7] {
            "primary" => Ok(SourceKind::Primary),
            "secondary" => Ok(SourceKind::Secondary),
            other => Err(format!("kind {other:?} must be primary or secondary")),
        };
        let date_ok = f[3].len() == 10
            && f[3].chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
        let checked = check_new_id(f[0], &seen)
            .and(check_text("title", f[1]))
            .and(check_text("publisher", f[2]))
            .and(if date_ok || f[3].is_empty() {
                Ok(())
            } else {
                Err(format!("date {:?} must be written YYYY-MM-DD, or left empty", f[3]))
            })
            .and(if f[4].starts_with("https://") {
                Ok(())
            } else {
                Err(format!("url {:?} must start with https://", f[4]))
            })
            .and(if f[5].is_empty() == f[6].is_empty() {
                Ok(())
            } else {
                Err("url_note and url_note_es go together: give both or neither".to_string())
            })
            .and(kind);
        match checked {
            Ok(kind) => sources.push(Source {
                id: owned(f[0]),
                title: owned(f[1]),
                publisher: owned(f[2]),
                date: owned(f[3]),
                url: owned(f[4]),
                url_note: owned(f[5]),
                url_note_es: owned(f[6]),
                kind,
            }),
            Err(e) => errors.push(t_sources.error(line, e)),
        }
    }

    let component_ids = Ids::of(components.iter().map(|c| c.id.as_ref()));
    let metric_ids = Ids::of(metrics.iter().map(|m| m.id.as_ref()));
    let source_ids = Ids::of(sources.iter().map(|s| s.id.as_ref()));
    let mut seen: std::collections::HashMap<(u16, usize, usize), u32> = std::collections::HashMap::new();
    let mut records: Vec<Record> = Vec::new();
    for (line, f) in t_records.rows() {
        let checked = (|| {
            let fiscal_year: u16 = f[0]
                .parse()
                .ok()
                .filter(|y| (1990..=2100).contains(y))
                .ok_or_else(|| format!("fiscal_year {:?} must be a year such as 2024", f[0]))?;
            let component = component_ids.find(f[1], "component", "components.csv")?;
            let metric = metric_ids.find(f[2], "metric", "metrics.csv")?;
            let value: f64 = f[3]
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite() && *v >= 0.0 && !f[3].contains(['e', 'E', '+']))
                .ok_or_else(|| {
                    format!("value {:?} must be a plain number without separators, such as 3700000", f[3])
                })?;
            // Labels write at most two decimals. Below 10^13 a double holds every figure to the cent,
            // so no figure is ever rounded or cut when it is shown (above it, 932449111661763.1
            // would read back as …763.13).
            if f[3].split_once('.').is_some_and(|(_, d)| d.len() > 2) || value >= 1e13 {
                return Err(format!("value {:?} must have at most two decimals and be below 10,000,000,000,000", f[3]));
            }
            let qualifier = Qualifier::parse(f[4])
                .ok_or_else(|| format!("qualifier {:?} must be exact, at-least, approximate or derived", f[4]))?;
            let source = source_ids.find(f[6], "source", "sources.csv")?;
            if f[9].is_empty() != f[10].is_empty() {
                return Err("note and note_es go together: give both or neither".into());
            }
            if (qualifier == Qualifier::Derived) == f[11].is_empty() {
                return Err("derived_from is required for a derived record and only for one".into());
            }
            if qualifier != Qualifier::Derived {
                check_text("as_written", f[5])?;
                if !f[7].is_empty() && !f[7].contains(f[5]) {
                    return Err(format!("as_written {:?} does not appear in source_sentence", f[5]));
                }
                let (stated, stated_qualifier) = parse_as_written(f[5])
                    .ok_or_else(|| format!("as_written {:?} is not a figure this loader understands", f[5]))?;
                if stated != value {
                    return Err(format!("value {} differs from as_written {:?}", f[3], f[5]));
                }
                if stated_qualifier != qualifier {
                    return Err(format!(
                        "qualifier {} differs from as_written {:?} (which reads as {})",
                        f[4],
                        f[5],
                        stated_qualifier.id()
                    ));
                }
            }
            if let Some(first) = seen.get(&(fiscal_year, component, metric)) {
                return Err(format!("a second FY{fiscal_year} {} {} figure; the first is on line {first}", f[1], f[2]));
            }
            seen.insert((fiscal_year, component, metric), line as u32);
            Ok(Record {
                fiscal_year,
                component,
                metric,
                value,
                qualifier,
                as_written: owned(f[5]),
                source,
                source_sentence: owned(f[7]),
                reported_as: owned(f[8]),
                note: owned(f[9]),
                note_es: owned(f[10]),
                derived_from: Cow::Owned(Vec::new()),
                derivation: owned(f[11]),
                line: line as u32,
            })
        })();
        match checked {
            Ok(record) => records.push(record),
            Err(e) => errors.push(t_records.error(line, e)),
        }
    }

    // Derived records are computed from others, wherever they stand in the file: a second pass.
    for i in 0..records.len() {
        if records[i].qualifier != Qualifier::Derived {
            continue;
        }
        let line = records[i].line as usize;
        match derive(&records, &components, &metrics, &records[i].derivation) {
            Ok((inputs, value)) => {
                if (value - records[i].value).abs() > 0.5 {
                    errors.push(t_records.error(
                        line,
                        format!("value {} differs from what derived_from computes, {value:.2}", records[i].value),
                    ));
                }
                records[i].derived_from = Cow::Owned(inputs);
            }
            Err(e) => errors.push(t_records.error(line, e)),
        }
    }

    let mut pipeline = Vec::new();
    for (line, f) in t_pipeline.rows() {
        let checked = (|| {
            let stage: usize = f[0].parse().map_err(|_| format!("stage {:?} must be a whole number", f[0]))?;
            if stage != pipeline.len() + 1 {
                return Err(format!("stage {stage} is out of order; stages are numbered 1, 2, 3… from the top"));
            }
            let component = component_ids.find(f[1], "component", "components.csv")?;
            let metric = metric_ids.find(f[2], "metric", "metrics.csv")?;
            // The pipeline shares one count axis; a dollar or percent stage would be mislabelled.
            if kinds[metrics[metric].kind].unit != Unit::Count {
                return Err(format!("metric {:?} is not a count; every pipeline stage counts something", f[2]));
            }
            Ok(PipelineStage { component, metric })
        })();
        match checked {
            Ok(stage) => pipeline.push(stage),
            Err(e) => errors.push(t_pipeline.error(line, e)),
        }
    }

    // A chart needs something to point at: empty tables would leave the default view nowhere.
    for (table, count, what) in [
        (&t_components, components.len(), "components"),
        (&t_kinds, kinds.len(), "kinds"),
        (&t_metrics, metrics.len(), "metrics"),
        (&t_sources, sources.len(), "sources"),
        (&t_records, records.len(), "figures"),
    ] {
        if count == 0 && errors.iter().all(|e| e.file != table.file) {
            errors.push(table.error(1, format!("the file has no {what}; it needs at least one row under the header")));
        }
    }
    if errors.is_empty() {
        Ok(Dataset {
            components: components.into(),
            kinds: kinds.into(),
            metrics: metrics.into(),
            sources: sources.into(),
            records: records.into(),
            pipeline: pipeline.into(),
            index: std::sync::OnceLock::new(),
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMPONENTS: &str = "id,name,short_name,name_es,short_name_es\ndhs,DHS-wide,DHS,Todo el DHS,DHS\nhsi,Homeland Security Investigations,HSI,HSI,HSI\n";
    const KINDS: &str = "id,name,unit,noun,name_es,noun_es\narrests,Arrests,count,arrests,Arrestos,arrestos\nchange,Change,percent,percent,Cambio,por ciento\n";
    const METRICS: &str =
        "id,name,kind,name_es,note,note_es\narrests,Arrests,arrests,Arrestos,,\nchange,Change,change,Cambio,,\n";
    const SOURCES: &str = "id,title,publisher,date,url,url_note,url_note_es,kind\nr,Release,DHS,2025-08-14,https://example.org/r,,,primary\n";
    const PIPELINE: &str = "stage,component,metric\n1,dhs,arrests\n";
    const HEADER: &str = "fiscal_year,component,metric,value,qualifier,as_written,source,source_sentence,reported_as,note,note_es,derived_from\n";

    /// Rows of the eight main columns; the four optional ones are added empty.
    fn load_records(records: &str) -> Result<Dataset, Vec<DataError>> {
        let rows: String = records.lines().map(|l| format!("{l},,,,\n")).collect();
        load_full_records(&rows)
    }

    /// The test tables, with the kinds and metrics above and the other four as given.
    fn files<'a>(components: &'a str, sources: &'a str, records: &'a str, pipeline: &'a str) -> DataFiles<'a> {
        DataFiles {
            components: ("components.csv", components),
            kinds: ("kinds.csv", KINDS),
            metrics: ("metrics.csv", METRICS),
            sources: ("sources.csv", sources),
            records: ("records.csv", records),
            pipeline: ("pipeline.csv", pipeline),
        }
    }

    fn load_full_records(records: &str) -> Result<Dataset, Vec<DataError>> {
        load(&files(COMPONENTS, SOURCES, &format!("{HEADER}{records}"), PIPELINE))
    }

    fn first_error(records: &str) -> String {
        match load_records(records) {
            Ok(_) => panic!("expected an error for {records:?}"),
            Err(errors) => errors[0].to_string(),
        }
    }

    #[test]
    fn csv_handles_quotes_crlf_bom_and_multiline_fields() {
        let rows = parse_csv("\u{feff}a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\nlast,\n").unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].fields, vec!["x, \"y\"".to_string(), "two\nlines".to_string()]);
        assert_eq!(rows[2].line, 5);
        assert_eq!(rows[2].fields, vec!["last".to_string(), String::new()]);
    }

    #[test]
    fn csv_rejects_stray_and_unclosed_quotes() {
        assert_eq!(parse_csv("a,b\"c\n").unwrap_err().0, 1);
        assert_eq!(parse_csv("a\n\"open\n").unwrap_err().0, 2);
        assert_eq!(parse_csv("\"a\"b\n").unwrap_err().0, 1);
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
    fn derived_records_are_computed_from_named_inputs() {
        let base = "2024,hsi,arrests,184,exact,184,r,,,,,\n2024,hsi,change,84,exact,84%,r,,,,,\n";
        let good = format!("{base}2023,hsi,arrests,100,derived,,r,,,why,por qué,\"before-increase(hsi/arrests/2024, hsi/change/2024)\"\n");
        let d = load_full_records(&good).unwrap();
        assert_eq!(d.records[2].derived_from.as_ref(), &[0, 1]);
        let wrong = good.replace("2023,hsi,arrests,100,", "2023,hsi,arrests,120,");
        assert!(load_full_records(&wrong).unwrap_err()[0]
            .reason
            .contains("differs from what derived_from computes, 100.00"));
        let missing = good.replace("hsi/change/2024", "hsi/change/2022");
        assert!(load_full_records(&missing).unwrap_err()[0].reason.contains("names no record"));
        let unnamed = format!("{base}2023,hsi,arrests,100,derived,,r,,,,,\n");
        assert!(load_full_records(&unnamed).unwrap_err()[0].reason.contains("derived_from is required"));
        let half_note = format!("{base}2022,hsi,arrests,1,exact,1,r,,,a note,,\n");
        assert!(load_full_records(&half_note).unwrap_err()[0].reason.contains("note and note_es"));
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
    fn csv_blank_lines_and_carriage_returns() {
        // A line of blanks is no row; a comma makes one.
        let rows = parse_csv("a,b\n  \n,\n").unwrap();
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 3]);
        // A carriage return ends a line only before a line feed; elsewhere it is text.
        assert_eq!(parse_csv("a\rb\n").unwrap()[0].fields, ["a\rb"]);
        // A quote opens a field only at its start.
        assert_eq!(parse_csv("x,\"\"\n").unwrap()[0].fields, ["x", ""]);
        assert!(parse_csv("\"a\"\"b\"\n").is_ok());
        assert_eq!(parse_csv("a\"b\",c\n").unwrap_err().0, 1);
        // A row of one field is a row.
        assert_eq!(parse_csv("a\nb\n").unwrap().len(), 2);
        assert_eq!(parse_csv("\"a\" \n").unwrap_err().0, 1);
    }

    #[test]
    fn values_are_refused_past_two_decimals_and_derived_values_kept_within_half_a_unit() {
        assert!(load_records("2024,hsi,arrests,412.25,exact,412.25,r,412.25\n").is_ok());
        assert!(load_records("2024,hsi,arrests,1,approximate,about 1,r,about 1\n").is_ok());
        let base = "2024,hsi,arrests,200,exact,200,r,,,,,\n2024,hsi,change,100,exact,100%,r,,,,,\n";
        // 200 ÷ 2 = 100 exactly: 100.5 is within half a unit of it, 100.51 is not.
        let derived = |value: &str| {
            format!("{base}2023,hsi,arrests,{value},derived,,r,,,why,por qué,\"before-increase(hsi/arrests/2024, hsi/change/2024)\"\n")
        };
        assert!(load_full_records(&derived("100.5")).is_ok());
        assert!(load_full_records(&derived("100.51")).is_err());
        // Nothing is derived from a derived figure.
        let chained = format!(
            "{}2022,hsi,arrests,50,derived,,r,,,why,por qué,\"before-increase(hsi/arrests/2023, hsi/change/2024)\"\n",
            derived("100")
        );
        assert!(load_full_records(&chained).unwrap_err()[0].reason.contains("is itself derived"), "{chained}");
    }

    #[test]
    fn as_written_is_read_as_the_source_means_it() {
        assert_eq!(parse_as_written("+5"), None);
        assert_eq!(parse_as_written(""), None);
        assert_eq!(parse_as_written("more than 3.7 million"), Some((3_700_000.0, Qualifier::AtLeast)));
        assert_eq!(parse_as_written("1,686"), Some((1686.0, Qualifier::Exact)));
        assert_eq!(parse_as_written("84%"), Some((84.0, Qualifier::Exact)));
        assert_eq!(parse_as_written("over 260,000"), Some((260_000.0, Qualifier::AtLeast)));
        assert_eq!(parse_as_written("about 44,000"), Some((44_000.0, Qualifier::Approximate)));
        assert_eq!(parse_as_written("$12 million"), Some((12_000_000.0, Qualifier::Exact)));
        assert_eq!(parse_as_written("thousands"), None);
        assert_eq!(parse_as_written("12 dozen"), None);
    }
}
