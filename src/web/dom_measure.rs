//! Benchmark only (feature `bench-dom-measure`): label widths measured through the DOM, one hidden
//! `<span>` per label appended to the body, read and removed, as plotters' web font code
//! (`estimate_layout`) does. Each read forces a style and layout pass. `make bench` builds this into
//! a separate package to compare its redraw time with the shipped canvas `measureText`.
//!
//! One difference from plotters: the span is styled through the CSSOM, not a `style` attribute,
//! which the page's `style-src 'self'` policy would block (the span would then be measured in the
//! page's own font, and each label would raise a CSP violation report).

use crate::layout::{Font, TextMeasure, FONT_FAMILY};
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

pub(crate) struct DomText {
    document: Option<(Document, HtmlElement)>,
}

impl DomText {
    pub(crate) fn new() -> DomText {
        let document = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body().map(|b| (d, b)));
        DomText { document }
    }
}

impl TextMeasure for DomText {
    fn width(&self, text: &str, font: Font) -> f64 {
        let Some((document, body)) = &self.document else { return 0.0 };
        let Ok(span) = document.create_element("span") else { return 0.0 };
        span.set_text_content(Some(text));
        let span: HtmlElement = span.unchecked_into();
        let style = span.style();
        for (name, value) in [
            ("display", "inline-block"),
            ("font-family", FONT_FAMILY),
            ("font-style", "normal"),
            ("font-weight", if font.bold { "bold" } else { "normal" }),
            ("font-size", &format!("{}px", font.size)),
            ("position", "fixed"),
            ("top", "100%"),
            ("white-space", "pre"),
        ] {
            let _ = style.set_property(name, value);
        }
        if body.append_child(&span).is_err() {
            return 0.0;
        }
        let width = span.offset_width() as f64;
        span.remove();
        width
    }
}
