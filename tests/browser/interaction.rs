//! Interaction: the pointer and the keyboard find the bars where `bars()` says they are, and the
//! words and menus follow the view.

use super::*;
use ccht_chart::{select, ViewSpec, Viewer, DATASET};

#[wasm_bindgen_test]
fn the_keyboards_bar_stays_while_the_view_does() {
    let canvas = canvas("400px");
    let mut viewer = Viewer::new(canvas.into(), JsValue::UNDEFINED).unwrap();
    viewer.draw(None).unwrap();
    assert_eq!(viewer.move_active("End"), viewer.active());
    let active = viewer.active();
    assert!(active.is_some());
    // The same choice again changes nothing; another one starts from no bar.
    viewer.set_view(options(&[("component", "dhs")])).unwrap();
    assert_eq!(viewer.active(), active);
    viewer.set_view(options(&[("component", "hsi")])).unwrap();
    assert_eq!(viewer.active(), None);
}

#[wasm_bindgen_test]
fn the_keyboards_bar_survives_a_redraw_and_a_query_for_the_same_view() {
    let canvas = canvas("400px");
    let mut viewer = Viewer::new(canvas.into(), JsValue::UNDEFINED).unwrap();
    viewer.draw(None).unwrap();
    let last = viewer.move_active("End");
    assert!(last.is_some());
    viewer.draw(Some(350.0)).unwrap();
    assert_eq!(viewer.active(), last, "a redraw keeps the bar");
    let same = viewer.query();
    let problems = viewer.set_query(&same).unwrap();
    assert_eq!(js_sys::Array::from(&problems).length(), 0);
    assert_eq!(viewer.active(), last, "the same view from the address keeps the bar");
    let problems: Vec<String> = js_sys::Array::from(&viewer.set_query("view=pie&component=hsi").unwrap())
        .iter()
        .map(|p| p.as_string().unwrap())
        .collect();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with("view: unknown view"), "{problems:?}");
    assert_eq!(viewer.active(), None, "another view starts from no bar");
    assert_eq!(viewer.query(), "component=hsi&metric=arrests");
}

#[wasm_bindgen_test]
fn the_pointer_finds_each_bar_where_bars_says_it_is() {
    let canvas = canvas("400px");
    let mut viewer = Viewer::new(canvas.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(viewer.hit(50.0, 50.0), None, "nothing is drawn yet");
    viewer.draw(None).unwrap();
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    assert!(bars.len() > 2);
    for (i, b) in bars.iter().enumerate() {
        assert_eq!(viewer.hit(b.x + b.width / 2.0, b.y + b.height / 2.0), Some(i as u32));
        assert_eq!(viewer.hit(b.x + b.width / 2.0, b.y - 2.0), None, "just above bar {i}");
    }
}

#[wasm_bindgen_test]
fn every_key_moves_the_active_bar_where_it_should() {
    let canvas = canvas("500px");
    // DHS-wide figures: several panels, so PageUp/PageDown have boundaries to cross.
    let mut viewer = Viewer::new(canvas.into(), options(&[("view", "component"), ("component", "dhs")])).unwrap();
    assert_eq!(viewer.move_active("ArrowDown"), None, "no bars before the first draw");
    viewer.draw(Some(500.0)).unwrap();
    let bars: Vec<Bar> = serde_wasm_bindgen::from_value(viewer.bars().unwrap()).unwrap();
    let panels: Vec<usize> = bars.iter().map(|b| b.panel).collect();
    let last = bars.len() - 1;
    assert!(panels[last] >= 2, "want three panels or more, got {panels:?}");
    let first_of = |panel: usize| panels.iter().position(|&p| p == panel);
    // What each key does, written out from the keyboard help, not from the code.
    let expected = |key: &str, from: Option<usize>| -> Option<usize> {
        Some(match (key, from) {
            ("ArrowDown" | "ArrowRight", None) | ("Home", _) => 0,
            ("ArrowUp" | "ArrowLeft", None) | ("End", _) => last,
            ("ArrowDown" | "ArrowRight", Some(i)) => (i + 1).min(last),
            ("ArrowUp" | "ArrowLeft", Some(i)) => i.saturating_sub(1),
            ("PageDown", None) => 0,
            ("PageDown", Some(i)) => first_of(panels[i] + 1).unwrap_or(last),
            ("PageUp", None) => 0,
            ("PageUp", Some(i)) => first_of(panels[i].saturating_sub(1)).unwrap_or(0),
            _ => return None,
        })
    };
    let keys = ["ArrowDown", "ArrowRight", "ArrowUp", "ArrowLeft", "Home", "End", "PageDown", "PageUp", "Enter", "a"];
    let starts: Vec<Option<usize>> = std::iter::once(None).chain((0..=last).map(Some)).collect();
    for key in keys {
        for &start in &starts {
            viewer.clear_active();
            if let Some(i) = start {
                viewer.move_active("Home");
                for _ in 0..i {
                    viewer.move_active("ArrowDown");
                }
                assert_eq!(viewer.active(), Some(i as u32), "walking down to {i}");
            }
            let moved = viewer.move_active(key);
            let want = expected(key, start);
            assert_eq!(moved, want.map(|i| i as u32), "{key} from {start:?} (panels {panels:?})");
            assert_eq!(viewer.active(), want.or(start).map(|i| i as u32), "{key} from {start:?}: the active bar");
        }
    }
    // Announcements name the bar the key landed on.
    viewer.clear_active();
    let i = viewer.move_active("End").unwrap() as usize;
    assert!(bars[i].announcement.contains(&bars[i].figure.text), "{:?}", bars[i].announcement);
    assert!(!bars[i].change.contains("NaN"));
}

#[wasm_bindgen_test]
fn the_words_and_menus_follow_the_current_view_drawn_or_not() {
    let canvas = canvas("400px");
    let mut viewer = Viewer::new(canvas.clone().into(), JsValue::UNDEFINED).unwrap();
    viewer.draw(None).unwrap();
    for (query, log_useful) in
        [("view=metric&metric=people-reached", true), ("view=pipeline", false), ("component=hsi", false)]
    {
        // Changed without a draw: every answer is about the new view, not the chart last drawn.
        assert_eq!(js_sys::Array::from(&viewer.set_query(query).unwrap()).length(), 0);
        let (spec, _) = ViewSpec::from_query(&DATASET, &viewer.query());
        let chart = select(&DATASET, &spec);
        assert_eq!(viewer.summary(), chart.summary(&DATASET), "{query}");
        assert_eq!(viewer.description(), chart.description(&DATASET), "{query}");
        assert_eq!(viewer.log_useful(), log_useful, "{query}");
        let offered: Vec<String> = serde_wasm_bindgen::from_value(viewer.menu_metrics().unwrap()).unwrap();
        let expected: Vec<String> =
            spec.offered_metrics(&DATASET).iter().map(|&m| DATASET.metrics[m].id.to_string()).collect();
        assert!(!expected.is_empty());
        assert_eq!(offered, expected, "{query}");
        viewer.draw(None).unwrap();
        assert_eq!(canvas.get_attribute("aria-label"), Some(chart.description(&DATASET)));
    }
}
