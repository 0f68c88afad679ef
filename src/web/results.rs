//! Results out: the shapes `Viewer` and `catalog` hand to JavaScript, serialized by serde, and
//! their TypeScript declarations for `pkg/ccht_chart.d.ts` ([`TYPES`]).
//!
//! The public ones also read back (`Deserialize`, unknown fields refused), for the browser tests,
//! which hold every object to the interface [`TYPES`] declares for it. (A derive that is never
//! called adds nothing to the Wasm.)

use crate::render::Figure;
use crate::view::ViewSpec;
use ccht_data::Dataset;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
pub(crate) struct ViewState<'a> {
    pub(crate) view: &'a str,
    pub(crate) component: &'a str,
    pub(crate) metric: &'a str,
    pub(crate) fy: u16,
    pub(crate) scale: &'static str,
    pub(crate) lang: &'static str,
}

impl ViewState<'_> {
    pub(crate) fn of<'a>(d: &'a Dataset, spec: &ViewSpec) -> ViewState<'a> {
        ViewState {
            view: spec.view.id(),
            component: &d.components[spec.component].id,
            metric: &d.metrics[spec.metric].id,
            fy: spec.fiscal_year,
            scale: spec.scale.id(),
            lang: spec.lang.id(),
        }
    }
}

/// A drawn bar in CSS pixels relative to the canvas, with everything its tooltip says: its
/// record as `figure`, beside the geometry (nested, not flattened: serde's `flatten` buffers
/// every field through a map, which costs Wasm and time).
#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BarInfo {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub panel: usize,
    /// Where the mark's panel starts, in CSS pixels from the canvas's top (a card's own top).
    pub panel_top: f64,
    pub figure: Figure,
    /// Change over the previous fiscal year, where stated ("+35% since FY 2020"); on a card, the
    /// card's line about the year before ("Down 22% from FY 2023 (519)").
    pub change: String,
    /// What the live region says when the bar becomes active.
    pub announcement: String,
    /// A card's trend view, as a query ("view=trend&component=dhs&metric=arrests"); empty for a bar.
    pub trend: String,
}

/// The TypeScript declarations of every shape above and of `render::Figure` and `render::Table`,
/// written into `pkg/ccht_chart.d.ts`.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &str = TYPES;

/// The declarations, for the tests to hold results to.
pub const TYPES: &str = r#"
/** What `new Viewer(canvas, options)` and `setView(options)` take; every field may be left out. */
export interface ViewOptions {
  lang?: string;
  view?: "component" | "metric" | "trend" | "pipeline" | string;
  fy?: string | number;
  component?: string;
  metric?: string;
  scale?: "linear" | "log" | string;
}
/** The current choice, as `viewer.view` gives it. */
export interface ViewState {
  view: string;
  component: string;
  metric: string;
  fy: number;
  scale: string;
  lang: string;
}
/** One record as readers see it: names in the view's language, the value in words, its source. */
export interface Figure {
  component_id: string;
  metric_id: string;
  component: string;
  metric: string;
  fy: number;
  value: number;
  unit: string;
  qualifier: "exact" | "at-least" | "approximate" | "derived";
  text: string;
  reported_as: string;
  note: string;
  source_title: string;
  source_publisher: string;
  source_url: string;
  source_kind: "primary" | "secondary";
  source_sentence: string;
}
/** A drawn bar, in CSS pixels from the canvas's top left. */
export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  panel: number;
  panel_top: number;
  figure: Figure;
  change: string;
  announcement: string;
  trend: string;
}
export interface Table {
  caption: string;
  /** The chart's heading, for a page that shows it as text (\`Viewer.pageHeading\`). */
  title: string;
  subtitle: string;
  /** The source line, naming every source of a figure shown. */
  source: string;
  rows: Figure[];
}
export interface SourceInfo {
  title: string;
  publisher: string;
  date: string;
  url: string;
  url_note: string;
  kind: "primary" | "secondary";
  figures: string[];
}
/** A citation of the view or one figure (`citeChart`, `citeFigure`), in each form the Cite panel offers. */
export interface Citation {
  label: string;
  quote: string;
  apa: string;
  apa_in_text: string;
  chicago: string;
  chicago_in_text: string;
  bibtex: string;
  csl: CslItem[];
  version: number;
}
/** One work cited, in CSL-JSON, as citation processors read it. */
export interface CslItem {
  id: string;
  type: "dataset";
  author: { literal: string }[];
  issued?: { "date-parts": number[][] };
  title: string;
  genre: string;
  "container-title": string;
  version: string;
  URL: string;
  accessed: { "date-parts": number[][] };
  note: string;
}
export interface Choice {
  id: string;
  name: string;
}
export interface MetricChoice {
  id: string;
  name: string;
  kind: string;
  kind_name: string;
  components: string[];
  years: number[];
}
export interface Catalog {
  views: Choice[];
  components: Choice[];
  metrics: MetricChoice[];
  years: number[];
  langs: string[];
  defaults: ViewState;
  strings: Record<string, string>;
}
"#;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo<'a> {
    pub title: Cow<'a, str>,
    pub publisher: Cow<'a, str>,
    pub date: Cow<'a, str>,
    pub url: Cow<'a, str>,
    pub url_note: Cow<'a, str>,
    pub kind: Cow<'static, str>,
    pub figures: Vec<String>,
}
