//! Colours: the palettes the chart is drawn in, and the WCAG contrast check they are held to.

use plotters_backend::BackendColor;

/// An opaque sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The colour at an opacity from 0 (invisible) to 1, as drawing backends take it.
    pub fn alpha(self, alpha: f64) -> BackendColor {
        BackendColor { alpha, rgb: (self.0, self.1, self.2) }
    }

    /// The colour, opaque.
    pub fn opaque(self) -> BackendColor {
        self.alpha(1.0)
    }
}

/// Colours, chosen from the US Web Design System palette for contrast on their background.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub bar: Rgb,
    pub grid: Rgb,
    pub baseline: Rgb,
}

impl Theme {
    /// ink #1b1b1b, base-dark #565c65 and primary #005ea2 on white: 16.8, 6.9 and 7.1 to 1.
    pub const LIGHT: Theme = Theme {
        background: Rgb(0xff, 0xff, 0xff),
        text: Rgb(0x1b, 0x1b, 0x1b),
        muted: Rgb(0x56, 0x5c, 0x65),
        bar: Rgb(0x00, 0x5e, 0xa2),
        grid: Rgb(0xdf, 0xe1, 0xe2),
        baseline: Rgb(0x71, 0x76, 0x7a),
    };

    /// For `prefers-color-scheme: dark`: base-lightest #f0f0f0, base-light #a9aeb1 and blue-30v
    /// #58b4ff on ink #1b1b1b.
    pub const DARK: Theme = Theme {
        background: Rgb(0x1b, 0x1b, 0x1b),
        text: Rgb(0xf0, 0xf0, 0xf0),
        muted: Rgb(0xa9, 0xae, 0xb1),
        bar: Rgb(0x58, 0xb4, 0xff),
        grid: Rgb(0x3d, 0x45, 0x51),
        baseline: Rgb(0xa9, 0xae, 0xb1),
    };

    /// For `forced-colors: active`: everything in the system's text colour on its background, so
    /// the user's high-contrast choice holds inside the canvas too.
    pub fn forced(text: Rgb, background: Rgb) -> Theme {
        Theme { background, text, muted: text, bar: text, grid: text, baseline: text }
    }
}

/// WCAG 2 contrast ratio of two colours, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let luminance = |c: Rgb| {
        let channel = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

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
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        // A channel at or below 0.04045 (10 of 255) is on the formula's linear part.
        assert!((contrast(Rgb(10, 10, 10), Rgb(255, 255, 255)) - 19.798_145_7).abs() < 1e-6);
    }
}
