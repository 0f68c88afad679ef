//! Drawing: paints a [`Layout`] on any plotters [`DrawingBackend`].
//!
//! The canvas in the browser and the SVG used by native tests and exports run this same code, so
//! what the tests read is what readers see. Layout is in CSS pixels; `ratio` scales it to the
//! backend's device pixels (the canvas backing store is CSS size × devicePixelRatio).

use crate::dataset::Qualifier;
use crate::layout::{Anchor, Layout, LineRole, TextRole, OPEN_END};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Colours, chosen from the US Web Design System palette for contrast on their background.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub bar: RGBColor,
    pub grid: RGBColor,
    pub baseline: RGBColor,
}

impl Theme {
    /// ink #1b1b1b, base-dark #565c65 and primary #005ea2 on white: 16.8, 6.9 and 7.1 to 1.
    pub const LIGHT: Theme = Theme {
        background: RGBColor(0xff, 0xff, 0xff),
        text: RGBColor(0x1b, 0x1b, 0x1b),
        muted: RGBColor(0x56, 0x5c, 0x65),
        bar: RGBColor(0x00, 0x5e, 0xa2),
        grid: RGBColor(0xdf, 0xe1, 0xe2),
        baseline: RGBColor(0x71, 0x76, 0x7a),
    };

    /// For `prefers-color-scheme: dark`: base-lightest #f0f0f0, base-light #a9aeb1 and blue-30v
    /// #58b4ff on ink #1b1b1b.
    pub const DARK: Theme = Theme {
        background: RGBColor(0x1b, 0x1b, 0x1b),
        text: RGBColor(0xf0, 0xf0, 0xf0),
        muted: RGBColor(0xa9, 0xae, 0xb1),
        bar: RGBColor(0x58, 0xb4, 0xff),
        grid: RGBColor(0x3d, 0x45, 0x51),
        baseline: RGBColor(0xa9, 0xae, 0xb1),
    };

    /// For `forced-colors: active`: everything in the system's text colour on its background, so
    /// the user's high-contrast choice holds inside the canvas too.
    pub fn forced(text: RGBColor, background: RGBColor) -> Theme {
        Theme { background, text, muted: text, bar: text, grid: text, baseline: text }
    }
}

/// WCAG 2 contrast ratio of two colours, from 1 to 21.
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let luminance = |c: RGBColor| {
        let channel = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A drawing failure, with the backend's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawError(pub String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "drawing failed: {}", self.0)
    }
}

fn failed<E: std::fmt::Debug>(e: E) -> DrawError {
    DrawError(format!("{e:?}"))
}

/// Paints the whole chart, background first, so nothing of an earlier chart shows through.
pub fn draw<DB: DrawingBackend>(backend: DB, layout: &Layout, theme: &Theme, ratio: f64) -> Result<(), DrawError> {
    paint(backend, layout, theme, ratio, 1.0)
}

/// The chart as a standalone SVG document, drawn by the same code as the canvas.
pub fn svg(layout: &Layout, theme: &Theme) -> Result<String, DrawError> {
    let mut out = String::new();
    let size = (layout.width.ceil() as u32, layout.height.ceil() as u32);
    // plotters' SVG backend writes font sizes divided by 1.24; undo that so text matches the canvas.
    paint(plotters::backend::SVGBackend::with_string(&mut out, size), layout, theme, 1.0, 1.24)?;
    Ok(out)
}

fn paint<DB: DrawingBackend>(backend: DB, layout: &Layout, theme: &Theme, ratio: f64, font_scale: f64) -> Result<(), DrawError> {
    let root = backend.into_drawing_area();
    let ratio = if ratio.is_finite() && ratio > 0.0 { ratio } else { 1.0 };
    let px = |v: f64| (v * ratio).round() as i32;
    root.fill(&theme.background).map_err(failed)?;

    for line in &layout.lines {
        let color = if line.role == LineRole::Baseline { theme.baseline } else { theme.grid };
        let stroke = (ratio.round() as u32).max(1);
        root.draw(&PathElement::new(vec![(px(line.x0), px(line.y0)), (px(line.x1), px(line.y1))], color.stroke_width(stroke)))
            .map_err(failed)?;
    }

    for bar in &layout.bars {
        let (x0, y0, x1, y1) = (px(bar.x0), px(bar.y0), px(bar.x1), px(bar.y1));
        match bar.qualifier {
            Qualifier::Derived => {
                // Derived values are outlined and hatched: computed by us, not stated by a source.
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], theme.bar.stroke_width(px(1.5).max(1) as u32))).map_err(failed)?;
                let step = px(6.0).max(2);
                let h = y1 - y0;
                let mut x = x0 - h;
                while x < x1 {
                    let (sx, sy) = if x < x0 { (x0, y1 - (x0 - x)) } else { (x, y1) };
                    let (ex, ey) = if x + h > x1 { (x1, y0 + (x + h - x1)) } else { (x + h, y0) };
                    root.draw(&PathElement::new(vec![(sx, sy), (ex, ey)], theme.bar.stroke_width(px(1.0).max(1) as u32))).map_err(failed)?;
                    x += step;
                }
            }
            _ => {
                root.draw(&Rectangle::new([(x0, y0), (x1.max(x0 + 1), y1)], theme.bar.filled())).map_err(failed)?;
            }
        }
        if bar.qualifier == Qualifier::AtLeast {
            // An open end: the bar fades out in three steps past the stated figure, which is a
            // lower bound, not the true value.
            let stripe = OPEN_END / 3.0;
            for (i, alpha) in [0.55, 0.3, 0.12].into_iter().enumerate() {
                let sx = bar.x1 + stripe * i as f64;
                root.draw(&Rectangle::new([(px(sx + 1.0), y0), (px(sx + stripe), y1)], theme.bar.mix(alpha).filled())).map_err(failed)?;
            }
        }
    }

    for text in &layout.texts {
        let color = match text.role {
            TextRole::Subtitle | TextRole::Tick | TextRole::Note | TextRole::Source => theme.muted,
            _ => theme.text,
        };
        let style = if text.font.bold { FontStyle::Bold } else { FontStyle::Normal };
        let h = match text.anchor {
            Anchor::Left => HPos::Left,
            Anchor::Center => HPos::Center,
            Anchor::Right => HPos::Right,
        };
        let font = FontDesc::new(FontFamily::SansSerif, text.font.size * ratio * font_scale, style).color(&color).pos(Pos::new(h, VPos::Top));
        root.draw(&Text::new(text.text.as_str(), (px(text.x), px(text.y)), font)).map_err(failed)?;
    }
    root.present().map_err(failed)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::embedded::DATASET;
    use crate::layout::{layout, EstimatedText};
    use crate::view::{select, ViewSpec};
    use plotters::backend::SVGBackend;

    fn svg(view: &str, component: &str, ratio: f64) -> (String, Layout) {
        let spec = ViewSpec::default_for(&DATASET)
            .with_option(&DATASET, "view", view)
            .and_then(|s| s.with_option(&DATASET, "component", component))
            .unwrap();
        let l = layout(&select(&DATASET, &spec), 640.0, &EstimatedText);
        let mut out = String::new();
        let size = ((l.width * ratio) as u32, (l.height * ratio) as u32);
        draw(SVGBackend::with_string(&mut out, size), &l, &Theme::LIGHT, ratio).unwrap();
        (out, l)
    }

    #[test]
    fn palettes_meet_wcag_aa() {
        for (name, t) in [("light", Theme::LIGHT), ("dark", Theme::DARK)] {
            let text = contrast(t.text, t.background);
            let muted = contrast(t.muted, t.background);
            let bar = contrast(t.bar, t.background);
            let baseline = contrast(t.baseline, t.background);
            println!("{name}: text {text:.2}:1, muted text {muted:.2}:1, bars {bar:.2}:1, axis {baseline:.2}:1");
            assert!(text >= 4.5 && muted >= 4.5, "{name} text");
            assert!(bar >= 3.0 && baseline >= 3.0, "{name} bars");
            // Value labels sit beside bars, not on them, so only the background matters.
        }
        assert!((contrast(RGBColor(0, 0, 0), RGBColor(255, 255, 255)) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn svg_has_every_bar_and_label() {
        let (out, l) = svg("component", "blue-campaign", 1.0);
        assert_eq!(out.matches("opacity=\"1\" fill=\"#005EA2\"").count(), l.bars.len(), "{out}");
        for label in ["170", "23,000+", "280,000+", "3.7M+", "2.2M+", "Blue Campaign", "Trainings conducted"] {
            assert!(out.contains(label), "missing {label}");
        }
    }

    #[test]
    fn at_least_bars_get_an_open_end() {
        let (out, _) = svg("component", "cbp", 1.0);
        // One bar, 231, is exact; the other, $12M+, is a lower bound with three fading stripes.
        assert_eq!(out.matches("opacity=\"0.55\"").count(), 1, "{out}");
        assert!(out.contains("$12M+"));
    }

    #[test]
    fn ratio_scales_geometry() {
        let (one, l) = svg("pipeline", "dhs", 1.0);
        let (two, _) = svg("pipeline", "dhs", 2.0);
        assert!(one.contains(&format!("width=\"{}\"", l.width as u32)));
        assert!(two.contains(&format!("width=\"{}\"", (l.width * 2.0) as u32)));
    }
}
