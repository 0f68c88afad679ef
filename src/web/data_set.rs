//! CSV files given at run time instead of the dataset compiled in (feature `runtime-data`): for
//! `make bench`, which measures how load time, memory and redraw time grow with the data (synthetic
//! sets from `tools/synth-data.mjs`, bench/pkg-data), and for the studio's preview (feature
//! `studio`, `studio.html` only). The page's own Wasm never parses CSV.
//!
//! `Viewer.withData(canvas, files, options)` loads and views in one call; `new DataSet(files)` loads
//! once and can then make viewers and time `select` alone. `files` is
//! `{ components, kinds, metrics, sources, records, pipeline }`, each the text of that CSV file; the
//! files go through the same checks as at build time (`ccht_data::load`). A dataset is shared by its
//! `DataSet` and the viewers made from it, and freed with the last of them: the studio makes one per
//! edit of the data files (and frees the one before), and limits each file to 1 MB.

use super::viewer::Data;
use super::Viewer;
use crate::view::{select, ViewSpec, OPTION_NAMES};
use ccht_data::{load, DataFiles, Dataset, FILE_NAMES};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

fn text_field(files: &JsValue, name: &str) -> Result<String, JsValue> {
    js_sys::Reflect::get(files, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| js_sys::TypeError::new(&format!("files.{name}: expected the text of {name}.csv")).into())
}

/// A dataset checked and loaded at run time.
#[wasm_bindgen]
pub struct DataSet {
    pub(super) dataset: Rc<Dataset>,
}

#[wasm_bindgen]
impl DataSet {
    /// Parses and checks the six CSV texts; every problem is listed in the error, as in `build.rs`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(
            unchecked_param_type = "Record<\"components\" | \"kinds\" | \"metrics\" | \"sources\" | \"records\" | \"pipeline\", string>"
        )]
        files: JsValue,
    ) -> Result<DataSet, JsValue> {
        let names = ["components", "kinds", "metrics", "sources", "records", "pipeline"];
        let mut texts = Vec::with_capacity(names.len());
        for name in names {
            texts.push(text_field(&files, name)?);
        }
        let file = |i: usize| (FILE_NAMES[i], texts[i].as_str());
        let files = DataFiles::in_order(std::array::from_fn(file));
        let dataset = load(&files).map_err(|errors| {
            let shown: Vec<String> = errors.iter().take(10).map(|e| e.to_string()).collect();
            JsValue::from(js_sys::Error::new(&format!(
                "the data files have {} problem(s): {}",
                errors.len(),
                shown.join("; ")
            )))
        })?;
        Ok(DataSet { dataset: Rc::new(dataset) })
    }

    #[wasm_bindgen(getter)]
    pub fn records(&self) -> usize {
        self.dataset.records.len()
    }

    /// A viewer of this dataset on `canvas`, with the same options as `new Viewer`.
    pub fn viewer(
        &self,
        #[wasm_bindgen(unchecked_param_type = "HTMLCanvasElement")] canvas: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ViewOptions")] options: JsValue,
    ) -> Result<Viewer, JsValue> {
        Viewer::with_dataset(Data::Loaded(Rc::clone(&self.dataset)), canvas, options)
    }

    /// Runs view selection alone `reps` times for `{ view, component, metric, fy }` (string values)
    /// and returns the number of bars selected, so JavaScript can time selection apart from drawing.
    pub fn select(&self, options: JsValue, reps: u32) -> Result<usize, JsValue> {
        let mut spec = ViewSpec::default_for(&self.dataset);
        for name in OPTION_NAMES {
            if let Some(value) =
                js_sys::Reflect::get(&options, &JsValue::from_str(name)).ok().and_then(|v| v.as_string())
            {
                spec = spec
                    .with_option(&self.dataset, name, &value)
                    .map_err(|e| JsValue::from(js_sys::TypeError::new(&e.to_string())))?;
            }
        }
        let mut bars = 0;
        for _ in 0..reps.max(1) {
            bars = std::hint::black_box(select(&self.dataset, std::hint::black_box(&spec))).bar_count();
        }
        Ok(bars)
    }
}

#[wasm_bindgen]
impl Viewer {
    /// `Viewer.withData(canvas, files, options)`: loads `files` (see [`DataSet::new`]) and views them.
    #[wasm_bindgen(js_name = withData)]
    pub fn with_data(canvas: JsValue, files: JsValue, options: JsValue) -> Result<Viewer, JsValue> {
        DataSet::new(files)?.viewer(canvas, options)
    }
}
