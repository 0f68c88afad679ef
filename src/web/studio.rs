//! The analyst's studio (feature `studio`, built into `pkg-studio/` for `studio.html` only; the
//! page's Wasm has none of it): the data files as the repository has them, the checker the build
//! runs, a source text read against the data, a row added as a spreadsheet writes it, and what an
//! edit changes. Every rule is ccht-data's, so the studio and `make test` cannot disagree; the
//! preview draws with the page's own `Viewer` through [`DataSet`].

use super::data_set::DataSet;
use super::js::{error, to_js, type_error};
use crate::text::text;
use crate::view::{fiscal_years, ViewKind};
use ccht_data::{append_row, changes, load, read_source, Accounted, DataError, DataFiles, Dataset, Mention};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// The files as `data/` holds them, byte for byte: where the studio starts.
const EMBEDDED: [(&str, &str); 7] = [
    ("components", include_str!("../../data/components.csv")),
    ("kinds", include_str!("../../data/kinds.csv")),
    ("metrics", include_str!("../../data/metrics.csv")),
    ("sources", include_str!("../../data/sources.csv")),
    ("records", include_str!("../../data/records.csv")),
    ("pipeline", include_str!("../../data/pipeline.csv")),
    ("ignored", include_str!("../../data/source/ignored-numbers.csv")),
];

/// The name each file has in the repository, as its messages and downloads give it.
const PATHS: [&str; 7] = [
    "data/components.csv",
    "data/kinds.csv",
    "data/metrics.csv",
    "data/sources.csv",
    "data/records.csv",
    "data/pipeline.csv",
    "data/source/ignored-numbers.csv",
];

/// The studio's files, by the short names of [`EMBEDDED`]; each the text of that file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Files {
    components: String,
    kinds: String,
    metrics: String,
    sources: String,
    records: String,
    pipeline: String,
    ignored: String,
}

impl Files {
    fn from_js(files: JsValue) -> Result<Files, JsValue> {
        serde_wasm_bindgen::from_value(files).map_err(|e| type_error(format!("files: {e}")))
    }

    /// Loads the six data files with every rule of the build; the ignore list is the reading's.
    fn load(&self) -> Result<Dataset, Vec<DataError>> {
        let Files { components, kinds, metrics, sources, records, pipeline, ignored: _ } = self;
        let texts = [components, kinds, metrics, sources, records, pipeline];
        load(&DataFiles::in_order(std::array::from_fn(|i| (PATHS[i], texts[i].as_str()))))
    }
}

/// The TypeScript declarations of what the studio's functions take and give, written into
/// `pkg-studio/ccht_chart.d.ts` for `www/studio/` (type-checked in `make lint`).
#[wasm_bindgen(typescript_custom_section)]
const STUDIO_TYPES: &str = r#"
/** The studio's files by short name, each the text of that file. */
export interface StudioFiles {
  components: string; kinds: string; metrics: string; sources: string;
  records: string; pipeline: string; ignored: string;
}
/** The repository's files, and each one's path in the repository. */
export interface EmbeddedFiles { files: StudioFiles; paths: StudioFiles }
/** One problem the build would find: `message` is `file:line: reason`, the build's own words. */
export interface DataProblem { file: string; line: number; reason: string; message: string }
export interface Checked { problems: DataProblem[]; sources: string[] }
/** A record row prefilled from a number's sentence; component and metric are the analyst's. */
export interface Proposal {
  fiscal_year: number | null; fiscal_year_from: string | null; as_written: string;
  value: number; qualifier: "exact" | "at-least" | "approximate"; source_sentence: string;
}
/** A number of the source (UTF-16 offsets) and what accounts for it. */
export type MarkedNumber = { start: number; end: number; text: string } & (
  | { status: "record"; line: number }
  | { status: "ignored"; reason: string }
  | { status: "unaccounted"; proposal: Proposal | null; caution: string | null }
);
export interface Reading { numbers: MarkedNumber[]; problems: { kind: string; message: string }[] }
export interface ChangedFigure {
  change: "added" | "changed" | "removed"; fiscal_year: number; component: string; metric: string;
  before: string | null; after: string | null;
}
/** The preview's menus: a metric's choice also names its kind. */
export interface DataSetChoices {
  views: Choice[]; components: Choice[]; metrics: (Choice & { kind_name: string })[]; years: number[];
}
"#;

#[derive(Serialize)]
struct Problem<'a> {
    file: &'a str,
    line: usize,
    reason: &'a str,
    /// `file:line: reason`, the very words `make build` prints.
    message: String,
}

/// The files of `data/` as the repository has them: `{ components, …, ignored }`, with `paths`,
/// each file's name in the repository.
#[wasm_bindgen(js_name = embeddedFiles, unchecked_return_type = "EmbeddedFiles")]
pub fn embedded_files() -> Result<JsValue, JsValue> {
    /// Pairs out as one object, in the files' order.
    fn object<S: serde::Serializer>(pairs: &[(&str, &str)], s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(pairs.iter().copied())
    }
    #[derive(Serialize)]
    struct Embedded<'a> {
        #[serde(serialize_with = "object")]
        files: Vec<(&'a str, &'a str)>,
        #[serde(serialize_with = "object")]
        paths: Vec<(&'a str, &'a str)>,
    }
    let paths = EMBEDDED.iter().zip(PATHS).map(|((key, _), path)| (*key, path)).collect();
    to_js(&Embedded { files: EMBEDDED.to_vec(), paths })
}

/// `{ problems, sources }`: every problem the build would find in `files`, as `{ file, line,
/// reason, message }` in the build's order (none when the data would build), and the ids of the
/// sources, when the files load, for the studio's source menu.
#[wasm_bindgen(js_name = checkFiles, unchecked_return_type = "Checked")]
pub fn check_files(#[wasm_bindgen(unchecked_param_type = "StudioFiles")] files: JsValue) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Checked<'a> {
        problems: Vec<Problem<'a>>,
        sources: Vec<&'a str>,
    }
    let loaded = Files::from_js(files)?.load();
    let checked = match &loaded {
        Ok(d) => Checked { problems: Vec::new(), sources: d.sources.iter().map(|s| s.id.as_ref()).collect() },
        Err(errors) => Checked {
            problems: errors
                .iter()
                .map(|e| Problem { file: &e.file, line: e.line, reason: &e.reason, message: e.to_string() })
                .collect(),
            sources: Vec::new(),
        },
    };
    to_js(&checked)
}

/// A number of the source, placed in UTF-16 code units as JavaScript strings count them.
#[derive(Serialize)]
struct Marked<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(flatten)]
    accounted: &'a Accounted,
}

/// Reads `text`, the source `source`, against `files`: `{ numbers, problems }`, each number with
/// its status (`record` and its line, `ignored` and the reason, `unaccounted` and a proposed row)
/// and each problem of the fidelity check as `{ kind, message }`. Fails if the data files do not load.
#[wasm_bindgen(js_name = readSource, unchecked_return_type = "Reading")]
pub fn read_source_text(
    #[wasm_bindgen(unchecked_param_type = "StudioFiles")] files: JsValue,
    source: &str,
    text: &str,
) -> Result<JsValue, JsValue> {
    /// A problem of the reading: its case (ccht_data::ReadProblem::kind) and its words.
    #[derive(Serialize)]
    struct Said {
        kind: &'static str,
        message: String,
    }
    #[derive(Serialize)]
    struct Read<'a> {
        numbers: Vec<Marked<'a>>,
        problems: Vec<Said>,
    }
    let files = Files::from_js(files)?;
    let dataset = files.load().map_err(|errors| {
        error(format!("the data files have {} problem(s): fix them first, under Check", errors.len()))
    })?;
    if !dataset.sources.iter().any(|s| s.id == source) {
        return Err(type_error(format!("source: {} is not in data/sources.csv", crate::text::quoted(source))));
    }
    let (readings, problems) = read_source(&dataset, source, text, (PATHS[6], &files.ignored));
    // Byte offsets → UTF-16, in one pass: the readings come in text order.
    let (mut byte, mut unit) = (0, 0);
    let mut at = |to: usize| {
        unit += text[byte..to].encode_utf16().count();
        byte = to;
        unit
    };
    let numbers = readings
        .iter()
        .map(|r| {
            let Mention { start, end, text } = &r.mention;
            Marked { start: at(*start), end: at(*end), text, accounted: &r.accounted }
        })
        .collect();
    let problems = problems.iter().map(|p| Said { kind: p.kind(), message: p.to_string() }).collect();
    to_js(&Read { numbers, problems })
}

/// `text`, the file `file` (a short name), with one row more: `fields` an object of column → text.
#[wasm_bindgen(js_name = addRow)]
pub fn add_row(
    #[wasm_bindgen(unchecked_param_type = "keyof StudioFiles")] file: &str,
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "Record<string, string>")] fields: JsValue,
) -> Result<String, JsValue> {
    let path = EMBEDDED
        .iter()
        .position(|(key, _)| *key == file)
        .map(|i| PATHS[i])
        .ok_or_else(|| type_error(format!("file: {} is not one of the data files", crate::text::quoted(file))))?;
    let fields: Vec<(String, String)> =
        serde_wasm_bindgen::from_value::<std::collections::BTreeMap<String, String>>(fields)
            .map_err(|e| type_error(format!("fields: {e}")))?
            .into_iter()
            .collect();
    let fields: Vec<(&str, &str)> = fields.iter().map(|(c, v)| (c.as_str(), v.as_str())).collect();
    append_row(path, text, &fields).map_err(error)
}

/// The data version the repository's files are (the newest line of `data/versions.csv`): files that
/// change a figure are the next one.
#[wasm_bindgen(js_name = dataVersion)]
pub fn data_version() -> u32 {
    crate::embedded::DATA_VERSION
}

/// The figures `files` add, change or remove against the repository's data, as
/// `{ change, fiscal_year, component, metric, before, after }`. Fails if either does not load.
#[wasm_bindgen(js_name = changedFigures, unchecked_return_type = "ChangedFigure[]")]
pub fn changed_figures(
    #[wasm_bindgen(unchecked_param_type = "StudioFiles")] files: JsValue,
) -> Result<JsValue, JsValue> {
    let after =
        Files::from_js(files)?.load().map_err(|e| error(format!("the data files have {} problem(s)", e.len())))?;
    // The repository's data, read once: it is compared with after every edit.
    static BEFORE: std::sync::OnceLock<Result<Dataset, usize>> = std::sync::OnceLock::new();
    let before = BEFORE.get_or_init(|| {
        let texts: [&str; 6] = std::array::from_fn(|i| EMBEDDED[i].1);
        load(&DataFiles::in_order(std::array::from_fn(|i| (PATHS[i], texts[i])))).map_err(|e| e.len())
    });
    let before = before.as_ref().map_err(|n| error(format!("the repository's data has {n} problem(s)")))?;
    to_js(&changes(before, &after))
}

#[wasm_bindgen]
impl DataSet {
    /// What the preview's menus offer for this dataset: `{ views, components, metrics, years }`,
    /// each choice `{ id, name }` (a metric also `kind_name`). Its own, not the page's `catalog()`,
    /// which reads the compiled-in data: sharing it cost the page's Wasm 25 B gzipped.
    #[wasm_bindgen(unchecked_return_type = "DataSetChoices")]
    pub fn choices(&self) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Choice<'a> {
            id: &'a str,
            name: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            kind_name: Option<&'a str>,
        }
        #[derive(Serialize)]
        struct Choices<'a> {
            views: Vec<Choice<'a>>,
            components: Vec<Choice<'a>>,
            metrics: Vec<Choice<'a>>,
            years: Vec<u16>,
        }
        let d = &*self.dataset;
        let lang = ccht_data::Lang::En;
        let choice = |id, name| Choice { id, name, kind_name: None };
        to_js(&Choices {
            views: ViewKind::ALL.iter().map(|v| choice(v.id(), text(lang, &format!("view_{}", v.id())))).collect(),
            components: d.components.iter().map(|c| choice(&c.id, c.label(lang))).collect(),
            metrics: d
                .metrics
                .iter()
                .map(|m| Choice { id: &m.id, name: m.label(lang), kind_name: Some(d.kinds[m.kind].label(lang)) })
                .collect(),
            years: fiscal_years(d),
        })
    }
}
