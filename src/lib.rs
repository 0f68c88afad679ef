//! Charts of the DHS Center for Countering Human Trafficking's public figures.
//!
//! Data flows one way: `data/*.csv` → [`data_file`] (checked at build time) → [`DATASET`] →
//! view selection → layout → drawing on any plotters backend → the web boundary.

mod data_file;
mod dataset;
mod embedded;
mod i18n;
mod index;

pub use data_file::{load, parse_as_written, parse_csv, DataError, DataFiles, Row, FILE_NAMES};
pub use dataset::{Component, Dataset, Kind, Metric, PipelineStage, Qualifier, Record, Source, SourceKind, Text, Unit};
pub use embedded::DATASET;
pub use i18n::{fill, say, text, Lang, STRINGS};
pub use index::RecordIndex;
mod number_format;
mod view;

pub use number_format::{bar_label, compact, in_unit, plain_decimal, spoken, with_separators};
pub use view::{
    fiscal_years, percent_decode, select, Bar, Chart, Gap, OptionError, Panel, Problem, Scale, ViewKind, ViewSpec,
    OPTION_NAMES, SHELL_PARAMETERS,
};
mod layout;

pub use layout::{
    layout, tick_step, wrap, Anchor, BarBox, EstimatedText, Font, Layout, Line, LineRole, TextBox, TextMeasure,
    TextRole, ValueScale,
};
mod draw;
mod svg_backend;
mod theme;

pub use draw::{draw, DrawError};
pub use svg_backend::SvgOut;
pub use theme::{contrast, Rgb, Theme};
#[cfg(target_arch = "wasm32")]
mod canvas_backend;
#[cfg(target_arch = "wasm32")]
#[cfg_attr(feature = "bench-dom-measure", allow(dead_code))] // the canvas measure is unused there
mod web;
#[cfg(target_arch = "wasm32")]
pub use web::{catalog, Viewer, PANIC_EVENT};
mod export;

pub use draw::svg;
pub use export::{csv, html_escape, html_table};
#[cfg(all(target_arch = "wasm32", feature = "runtime-data"))]
mod web_data;
#[cfg(all(target_arch = "wasm32", feature = "runtime-data"))]
pub use web_data::DataSet;
#[cfg(all(target_arch = "wasm32", feature = "bench-dom-measure"))]
mod dom_measure;
