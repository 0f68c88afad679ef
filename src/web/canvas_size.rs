//! How big a backing store may be: the pixel ratio a chart is drawn at, reduced only as far as a
//! browser's canvas limits require.

use super::js::error;
use wasm_bindgen::JsValue;

/// The largest canvas every current browser allocates: 32,767 px a side (Firefox) and 16.7 million
/// pixels (Safari on iOS). Past these a browser gives a canvas that silently draws nothing.
const CANVAS_SIDE: f64 = 32_767.0;
const CANVAS_AREA: f64 = 16_777_216.0;

/// The pixel ratio to draw a `width` × `height` CSS-pixel chart at: the one wanted, or less when
/// the backing store would pass a browser's canvas limits (a huge chart is drawn softer rather
/// than not at all). An error when even a quarter of a device pixel per CSS pixel will not fit.
pub(crate) fn fitting_ratio(width: f64, height: f64, wanted: f64) -> Result<f64, JsValue> {
    let most = (CANVAS_SIDE / width).min(CANVAS_SIDE / height).min((CANVAS_AREA / (width * height)).sqrt());
    if most >= wanted {
        Ok(wanted)
    } else if most >= 0.25 {
        // Floored to a thousandth, so rounding the size up cannot pass the limit.
        Ok((most * 1000.0).floor() / 1000.0)
    } else {
        Err(error(format!(
            "the chart is {width:.0} × {height:.0} CSS pixels, more than a browser canvas can hold; choose a view with fewer figures or a narrower chart"
        )))
    }
}

/// In a real browser (`wasm-pack test`).
#[cfg(test)]
#[cfg(target_arch = "wasm32")]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn the_pixel_ratio_shrinks_only_as_far_as_a_canvas_must() {
        assert_eq!(fitting_ratio(1000.0, 500.0, 2.0).unwrap(), 2.0);
        // 32,767 px a side: 20,000 CSS px wide fits 1.638 device pixels per CSS pixel.
        assert_eq!(fitting_ratio(20_000.0, 10.0, 2.0).unwrap(), 1.638);
        assert_eq!(fitting_ratio(10.0, 20_000.0, 2.0).unwrap(), 1.638);
        // 16.7 million pixels: 4,000 × 4,500 fits √(16,777,216 / 18,000,000) = 0.9654…
        assert_eq!(fitting_ratio(4000.0, 4500.0, 1.0).unwrap(), 0.965);
        assert!(fitting_ratio(200_000.0, 10.0, 1.0).is_err());
    }
}
