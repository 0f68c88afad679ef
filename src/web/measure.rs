//! Label widths from the canvas's own `measureText`: no DOM nodes, no forced layout, and allowed
//! under `style-src 'self'` (plotters' web font code appends a styled `<span>` per label).

use crate::layout::{Font, TextMeasure, FONT_FAMILY};
use std::cell::RefCell;
use web_sys::CanvasRenderingContext2d;

/// Measures labels through the canvas context: no DOM nodes, no forced layout.
/// Widths are remembered across draws (a switch mostly redraws labels already measured) and the
/// context's font is set only when it changes: both are costly calls into the browser.
pub(crate) struct CanvasText<'a> {
    pub context: &'a CanvasRenderingContext2d,
    pub widths: &'a RefCell<WidthCache>,
}

/// Enough for the labels of a few views: a reader switching back and forth measures nothing new.
const WIDTHS_KEPT: usize = 256;

/// Label widths by text and font. A list, searched from the end: at this size a map's code would
/// cost more Wasm than the search costs time.
#[derive(Default)]
pub(crate) struct WidthCache {
    /// The font last set on the context by a measurement.
    pub font: Option<(u64, bool)>,
    widths: Vec<(String, (u64, bool), f64)>,
}

impl TextMeasure for CanvasText<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        let key = (font.size.to_bits(), font.bold);
        let Ok(mut cache) = self.widths.try_borrow_mut() else { return 0.0 };
        if let Some((_, _, w)) = cache.widths.iter().rev().find(|(t, k, _)| *k == key && t == text) {
            return *w;
        }
        if cache.font != Some(key) {
            // As plotters-canvas writes it when it draws the label.
            let weight = if font.bold { "bold" } else { "normal" };
            self.context.set_font(&format!("{weight} {}px {FONT_FAMILY}", font.size));
            cache.font = Some(key);
        }
        let width = self.context.measure_text(text).map(|m| m.width()).unwrap_or(0.0);
        if cache.widths.len() >= WIDTHS_KEPT {
            // Bounded, so memory stays flat however long a reader stays.
            cache.widths.clear();
        }
        cache.widths.push((text.to_string(), key, width));
        width
    }
}

/// In a real browser (`wasm-pack test`).
#[cfg(test)]
#[cfg(target_arch = "wasm32")]
mod tests {
    use super::*;
    use crate::web::canvas::context_2d;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;
    use web_sys::HtmlCanvasElement;

    #[wasm_bindgen_test]
    fn labels_are_measured_by_the_canvas_and_remembered_boundedly() {
        let canvas: HtmlCanvasElement =
            web_sys::window().unwrap().document().unwrap().create_element("canvas").unwrap().dyn_into().unwrap();
        let context = context_2d(&canvas).unwrap();
        let widths = RefCell::new(WidthCache::default());
        let measure = CanvasText { context: &context, widths: &widths };
        let direct = |text: &str, font: &str| {
            context.set_font(font);
            context.measure_text(text).unwrap().width()
        };
        let (normal, bold) = (Font { size: 13.0, bold: false }, Font { size: 13.0, bold: true });
        let expected = [
            ("mmmm", direct("mmmm", &format!("normal 13px {FONT_FAMILY}"))),
            ("i", direct("i", &format!("normal 13px {FONT_FAMILY}"))),
            ("mmmm", direct("mmmm", &format!("bold 13px {FONT_FAMILY}"))),
        ];
        assert!(expected[0].1 > expected[1].1 && expected[2].1 > expected[0].1, "{expected:?}");
        // After the direct calls the context's font is bold: the measure sets its own.
        widths.borrow_mut().font = None;
        for _ in 0..2 {
            assert_eq!(measure.width("mmmm", normal), expected[0].1);
            assert_eq!(measure.width("i", normal), expected[1].1);
            assert_eq!(measure.width("mmmm", bold), expected[2].1);
        }
        assert_eq!(widths.borrow().widths.len(), 3, "each measured once");
        for i in 0..WIDTHS_KEPT + 10 {
            measure.width(&i.to_string(), normal);
        }
        assert!(widths.borrow().widths.len() <= WIDTHS_KEPT);
    }
}
