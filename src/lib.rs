//! Charts of the DHS Center for Countering Human Trafficking's public figures.
//!
//! Data flows one way, a folder a layer: `data/*.csv` → checked at build time by ccht-data
//! (`crates/ccht-data`) → [`DATASET`] (`embedded.rs`) → [`view`] (what the reader chose, and what
//! the chart says) → [`layout`] (where it goes, in CSS pixels) → [`render`] (plotters, on any
//! backend) → `web` (the wasm-bindgen boundary, wasm32 only). [`text`] writes the words and
//! numbers every layer shows; [`cite`] the citations of a figure or a chart.

mod cite;
mod embedded;
#[cfg(test)]
mod fixture;
mod layout;
mod render;
mod text;
mod view;
#[cfg(target_arch = "wasm32")]
mod web;

pub use ccht_data::{
    Component, Dataset, Kind, Lang, Metric, PipelineStage, Qualifier, Record, Source, SourceKind, Text, Unit,
};
pub use cite::{cite_chart, cite_figure, panel_words, Citation, Context as CiteContext, CslItem, IsoDate};
pub use embedded::{DATASET, DATA_DATE, DATA_VERSION};
pub use layout::{
    layout, nice_axis, tick_step, wrap, Anchor, BarBox, Font, FontMetrics, KeySwatch, Layout, Line, LineRole, Mark,
    SparkBox, TextBox, TextMeasure, TextRole, ValueScale, MIN_TEXT,
};
pub use render::{
    contrast, csv, draw, html_escape, html_table, svg, svg_file, table, unit_id, DrawError, Figure, Rgb, SvgOut, Table,
    Theme, TABLE_WORDS,
};
pub use text::{
    bar_label, compact, fill, in_unit, parse_lang, plain_decimal, quoted, say, spoken, text, with_separators, LANGS,
    STRINGS,
};
pub use view::{
    every_view, fiscal_years, percent_decode, record_words, select, Bar, Card, Chart, Comparison, Gap, OptionError,
    Panel, Problem, RecordWords, Scale, SparkYear, ViewKind, ViewSpec, OPTION_NAMES, QUERY_ORDER, SHELL_PARAMETERS,
};
#[cfg(all(target_arch = "wasm32", feature = "runtime-data"))]
pub use web::DataSet;
#[cfg(target_arch = "wasm32")]
pub use web::{catalog, BarInfo, SourceInfo, Viewer, PANIC_EVENT, TYPES};
