//! The reader's colour settings, read from the page: forced colours, or light or dark.

use crate::render::{Rgb, Theme};
use web_sys::HtmlCanvasElement;

/// The palette for the reader's settings: forced colours (Windows high contrast) take the system's
/// colours from the canvas's computed style (`color: CanvasText; background: Canvas` in the CSS),
/// else light or dark as `prefers-color-scheme` says.
pub(crate) fn theme_for(canvas: &HtmlCanvasElement) -> Theme {
    let Some(window) = web_sys::window() else { return Theme::LIGHT };
    let matches = |query: &str| window.match_media(query).ok().flatten().is_some_and(|m| m.matches());
    if matches("(forced-colors: active)") {
        let style = window.get_computed_style(canvas).ok().flatten();
        let colour = |property: &str| {
            style.as_ref().and_then(|s| s.get_property_value(property).ok()).and_then(|v| parse_rgb(&v))
        };
        if let (Some(text), Some(background)) = (colour("color"), colour("background-color")) {
            return Theme::forced(text, background);
        }
    }
    if matches("(prefers-color-scheme: dark)") {
        Theme::DARK
    } else {
        Theme::LIGHT
    }
}

/// Reads `rgb(1, 2, 3)` or `rgba(1, 2, 3, 1)` as computed styles give colours.
fn parse_rgb(css: &str) -> Option<Rgb> {
    let inner = css.trim().strip_prefix("rgba(").or_else(|| css.trim().strip_prefix("rgb("))?.strip_suffix(')')?;
    // Integers only: parsing floats would pull ~20 KB of float-parsing code into the Wasm.
    let mut parts = inner.split(',').map(|p| p.trim().split('.').next().and_then(|whole| whole.parse::<u8>().ok()));
    Some(Rgb(parts.next()??, parts.next()??, parts.next()??))
}

/// In a real browser (`wasm-pack test`).
#[cfg(test)]
#[cfg(target_arch = "wasm32")]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn computed_colours_are_read_as_integers() {
        assert_eq!(parse_rgb("rgb(1, 2, 3)"), Some(Rgb(1, 2, 3)));
        assert_eq!(parse_rgb(" rgba(10, 20, 30, 0.5) "), Some(Rgb(10, 20, 30)));
        assert_eq!(parse_rgb("rgb(255.6, 0, 0)"), Some(Rgb(255, 0, 0)));
        for bad in ["#fff", "rgb(300, 0, 0)", "rgb(1, 2)", "canvastext"] {
            assert_eq!(parse_rgb(bad), None, "{bad}");
        }
    }
}
