//! Pixels: bars drawn where the data puts them, at every pixel ratio and size, downloads by the
//! same code, and every pixel painted on a redraw.

use super::*;
use ccht_chart::Viewer;

#[wasm_bindgen_test]
fn pipeline_stages_are_cards_in_order_each_with_its_rule() {
    let canvas = canvas("600px");
    let mut viewer = Viewer::new(canvas.clone().into(), options(&[("view", "pipeline")])).unwrap();
    viewer.draw(None).unwrap();
    let cards: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    let values: Vec<f64> = cards.iter().map(|b| b.figure.value).collect();
    assert_eq!(values, [1686.0, 2500.0, 914.0, 405.0]);
    assert_eq!(cards[1].figure.qualifier, "at-least");
    assert_eq!(
        (cards[0].figure.component_id.as_str(), cards[0].figure.metric_id.as_str()),
        ("hsi", "investigations-initiated")
    );
    // Each stage counts something else: a card of its own, with its rule in the bar colour along
    // its top, and a link to its trend.
    let px = pixels(&canvas);
    for c in &cards {
        assert!(c.width > 100.0 && !c.trend.is_empty(), "{c:?}");
        assert!(
            is_bar(&px, &canvas, ((c.x + c.width / 2.0) * ratio()) as u32, ((c.y + 1.5) * ratio()) as u32),
            "{c:?}"
        );
    }
}

#[wasm_bindgen_test]
fn trend_bars_are_drawn_in_the_data_s_proportions() {
    let canvas = canvas("600px");
    let query = [("view", "trend"), ("component", "hsi"), ("metric", "arrests")];
    let mut viewer = Viewer::new(canvas.clone().into(), options(&query)).unwrap();
    viewer.draw(None).unwrap();
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    let values: Vec<f64> = bars.iter().map(|b| b.figure.value).collect();
    // HSI's arrests in data/, oldest year first.
    let d = &*ccht_chart::DATASET;
    let mut records: Vec<_> = d
        .records
        .iter()
        .filter(|r| d.components[r.component].id == "hsi" && d.metrics[r.metric].id == "arrests")
        .collect();
    records.sort_by_key(|r| r.fiscal_year);
    assert!(records.len() >= 5, "HSI has arrests for several years");
    assert_eq!(values, records.iter().map(|r| r.value).collect::<Vec<_>>());

    let px = pixels(&canvas);
    let lengths: Vec<f64> = bars.iter().map(|b| drawn_length(&px, &canvas, b, ratio()) as f64).collect();
    for (b, len) in bars.iter().zip(&lengths) {
        assert!(*len > 10.0, "bar {b:?} is not drawn ({len} px)");
        // Every bar starts at zero on the same baseline.
        assert_eq!(b.x, bars[0].x);
    }
    for i in 0..bars.len() {
        for j in 0..bars.len() {
            let expected = values[i] / values[j];
            let measured = lengths[i] / lengths[j];
            // Pixel rounding allows one device pixel at each end.
            let tolerance = 2.0 / lengths[j] + 2.0 * lengths[i] / (lengths[j] * lengths[j]);
            assert!((measured - expected).abs() <= tolerance, "bar {i}/{j}: drawn {measured:.4}, data {expected:.4}");
        }
    }
    // Between bars the canvas is background, not bar.
    let gap_y = ((bars[0].y + bars[0].height + 4.0) * ratio()) as u32;
    assert!(!is_bar(&px, &canvas, ((bars[0].x + 20.0) * ratio()) as u32, gap_y));
}

#[wasm_bindgen_test]
fn an_at_least_bar_has_an_open_end_past_its_value() {
    let canvas = canvas("500px");
    let mut viewer =
        Viewer::new(canvas.clone().into(), options(&[("view", "metric"), ("metric", "people-reached")])).unwrap();
    viewer.draw(None).unwrap();
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    let value_bar = bars.iter().find(|b| b.figure.metric_id == "people-reached").unwrap();
    assert_eq!(value_bar.figure.qualifier, "at-least");
    let px = pixels(&canvas);
    let r = ratio();
    let y = ((value_bar.y + value_bar.height / 2.0) * r) as u32;
    let end = ((value_bar.x + value_bar.width) * r).round() as u32;
    // Solid up to the figure, then lighter (translucent over white) stripes.
    assert!(is_bar(&px, &canvas, end - 2, y));
    let i = ((y * canvas.width() + end + (3.0 * r) as u32) * 4) as usize;
    assert!(px[i] > BAR[0] + 40 && px[i + 2] > BAR[2], "open end missing: {:?}", &px[i..i + 4]);
}

#[wasm_bindgen_test]
fn switching_metric_redraws_a_different_chart() {
    let canvas = canvas("480px");
    let mut viewer = Viewer::new(canvas.clone().into(), options(&[("view", "metric"), ("metric", "arrests")])).unwrap();
    viewer.draw(None).unwrap();
    let before = pixels(&canvas);
    let label_before = canvas.get_attribute("aria-label").unwrap();
    viewer.set_view(options(&[("metric", "people-reached")])).unwrap();
    viewer.draw(None).unwrap();
    let after = pixels(&canvas);
    let label_after = canvas.get_attribute("aria-label").unwrap();
    assert_ne!(before, after);
    assert!(label_before.contains("Arrests"), "{label_before}");
    assert!(label_after.contains("more than 280,000"), "{label_after}");
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    assert_eq!(bars.len(), 3);
}

#[wasm_bindgen_test]
fn the_canvas_takes_the_width_given_its_height_and_a_backing_store_at_the_pixel_ratio() {
    let canvas = canvas("400px");
    let mut viewer = Viewer::new(canvas.clone().into(), JsValue::UNDEFINED).unwrap();
    let original = web_sys::window().unwrap().device_pixel_ratio();
    for (ratio, used) in [(2.0, 2.0), (1.5, 1.5), (0.0, 1.0), (f64::NAN, 1.0), (f64::INFINITY, 1.0f64)] {
        pixel_ratio(ratio);
        viewer.draw(Some(300.0)).unwrap();
        let height: f64 = canvas.style().get_property_value("height").unwrap().trim_end_matches("px").parse().unwrap();
        assert!(height > 100.0, "the height is set from the layout: {height}");
        assert_eq!(canvas.width(), (300.0 * used).round() as u32, "ratio {ratio}");
        assert_eq!(canvas.height(), (height * used).round() as u32, "ratio {ratio}");
    }
    pixel_ratio(original);
    // A width that is no width falls back to the canvas's own; a 1 px one is drawn.
    for bad in [0.5, f64::NAN, -3.0] {
        viewer.draw(Some(bad)).unwrap();
        assert_eq!(canvas.width(), (400.0 * original).round() as u32, "{bad}");
    }
    viewer.draw(Some(1.0)).unwrap();
    assert_eq!(canvas.width(), original.round() as u32);
    // A canvas with no width (hidden) is an error that says why.
    canvas.style().set_property("display", "none").unwrap();
    let error: js_sys::Error = viewer.draw(None).unwrap_err().dyn_into().unwrap();
    assert!(String::from(error.message()).starts_with("the canvas is 0 px wide"));
}

#[wasm_bindgen_test]
fn a_known_width_is_drawn_at_without_reading_the_page_and_redraws_paint_every_pixel() {
    let canvas = canvas("500px");
    let mut viewer = Viewer::new(canvas.clone().into(), options(&[("view", "pipeline")])).unwrap();
    // The width a ResizeObserver reported is used as given; nonsense falls back to clientWidth.
    viewer.draw(Some(400.0)).unwrap();
    assert_eq!(canvas.width(), (400.0 * ratio()).round() as u32);
    for nonsense in [f64::NAN, 0.0, -5.0, f64::INFINITY] {
        viewer.draw(Some(nonsense)).unwrap();
        assert_eq!(canvas.width(), (500.0 * ratio()).round() as u32, "{nonsense}");
    }
    // A redraw at the same size keeps the backing store, so it must paint over the last chart:
    // a blot left on the canvas is gone after it.
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let before = pixels(&canvas);
    ctx.set_fill_style_str("#ff0000");
    ctx.fill_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    viewer.draw(None).unwrap();
    assert!(pixels(&canvas) == before, "the redraw left pixels of what was on the canvas");
}

#[wasm_bindgen_test]
fn a_chart_too_big_for_a_canvas_is_drawn_softer_or_refused_never_blank() {
    let canvas = canvas("500px");
    let mut viewer = Viewer::new(canvas.clone().into(), options(&[("view", "pipeline")])).unwrap();
    // 40,000 CSS px wide passes every browser's 32,767 px side: drawn at a lower pixel ratio.
    viewer.draw(Some(40_000.0)).unwrap();
    assert!(canvas.width() <= 32_767 && canvas.width() >= 32_000, "{}", canvas.width());
    assert!(canvas.width() as f64 * canvas.height() as f64 <= 16_777_216.0);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let row = ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64).unwrap().data();
    assert!(row.chunks(4).any(|p| p[..3] == BAR), "no bar drawn");
    // A billion pixels wide cannot be drawn at all: an error says so and the chart stays as it
    // was, its height included (a narrow chart wraps its labels, so it is taller than a wide one).
    viewer.draw(Some(300.0)).unwrap();
    let (width, height) = (canvas.width(), canvas.style().get_property_value("height").unwrap());
    let error: js_sys::Error = viewer.draw(Some(1e9)).unwrap_err().dyn_into().unwrap();
    assert!(String::from(error.message()).contains("more than a browser canvas can hold"));
    assert_eq!(canvas.width(), width);
    assert_eq!(canvas.style().get_property_value("height").unwrap(), height);
}

/// Backing-store pixels of the bar colour along a bar's middle row, drawn at `scale`.
fn lengths_at(viewer: &Viewer, scale: f64) -> (Vec<f64>, Vec<Bar>, HtmlCanvasElement) {
    let target = canvas("10px");
    viewer.draw_into(target.clone().into(), scale).unwrap();
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    let px = pixels(&target);
    let lengths = bars.iter().map(|b| drawn_length(&px, &target, b, scale) as f64).collect();
    (lengths, bars, target)
}

#[wasm_bindgen_test]
fn plotters_canvas_paints_at_every_pixel_ratio_in_proportion() {
    let canvas = canvas("600px");
    let query = [("view", "trend"), ("component", "hsi"), ("metric", "arrests")];
    let mut viewer = Viewer::new(canvas.into(), options(&query)).unwrap();
    viewer.draw(Some(600.0)).unwrap();
    let (one, bars, target) = lengths_at(&viewer, 1.0);
    assert_eq!(target.width(), 600);
    for scale in [2.0, 3.0] {
        let (lengths, _, target) = lengths_at(&viewer, scale);
        assert_eq!(target.width(), (600.0 * scale) as u32, "the backing store is CSS size × ratio");
        for ((len, base), b) in lengths.iter().zip(&one).zip(&bars) {
            // The wrapper scales whole CSS pixels: each bar is `scale` times as long, to a CSS pixel.
            assert!(
                (len - base * scale).abs() <= scale,
                "×{scale}: {len} px against {base} px at ×1 for {:?}",
                b.figure.value
            );
            assert!((len - b.width * scale).abs() <= 1.5 * scale, "×{scale}: drawn {len}, layout {}", b.width * scale);
        }
    }
}

#[wasm_bindgen_test]
fn downloads_are_drawn_by_the_same_code() {
    let shown = canvas("400px");
    let mut viewer = Viewer::new(shown.into(), JsValue::UNDEFINED).unwrap();
    viewer.draw(None).unwrap();
    let svg = viewer.svg().unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("Victims assisted") && svg.ends_with("</svg>\n"), "{svg}");
    let target = canvas("10px");
    for bad in [0.0, -1.0, 8.5, f64::NAN, f64::INFINITY] {
        let error: js_sys::TypeError = viewer.draw_into(target.clone().into(), bad).unwrap_err().dyn_into().unwrap();
        assert_eq!(String::from(error.message()), "scale: expected a number above 0 and at most 8", "{bad}");
    }
    viewer.draw_into(target.clone().into(), 8.0).unwrap();
    assert!(target.width() >= 8 * 320);
}
