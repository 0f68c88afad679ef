//! Drawing: paints a [`Layout`] through plotters' drawing API, on any [`DrawingBackend`].
//!
//! The canvas in the browser (plotters-canvas, wrapped in `web/canvas.rs`) and the SVG of
//! downloads, native tests and the prerendered first paint (plotters' `SVGBackend`, wrapped in
//! `render/svg.rs`) run this same code, so what the tests read is what readers see.
//!
//! Coordinates are the layout's CSS pixels: a backend that paints more device pixels than that
//! (the canvas at devicePixelRatio 2 or 3) scales inside its wrapper. Bars are drawn in each
//! panel's own `Cartesian2d`, value along x (linear or log) and CSS pixels down y; `layout/`
//! stays the source of truth for where they are, since hit-testing and the value labels read it
//! (plotters 0.3.7 cannot map a log axis back), and a test holds the two within a pixel.

use super::svg::SvgOut;
use super::table::html_escape;
use super::theme::{Rgb, Theme};
use crate::layout::{
    Anchor, BarBox, KeySwatch, Layout, LineRole, Mark, SparkBox, TextRole, ValueScale, CARD_ACCENT, FONT_FAMILY,
    OPEN_END,
};
use crate::view::Chart;
use ccht_data::Dataset;
use ccht_data::Qualifier;
use plotters::coord::ranged1d::{AsRangedCoord, Ranged};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A drawing failure, in plotters' words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawError(pub String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "drawing failed: {}", self.0)
    }
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for DrawError {
    fn from(e: DrawingAreaErrorKind<E>) -> DrawError {
        DrawError(e.to_string())
    }
}

/// The chart as a standalone SVG document, drawn by the same code as the canvas.
pub fn svg(layout: &Layout, theme: &Theme) -> Result<String, DrawError> {
    let mut out = String::new();
    {
        let size = (layout.width.ceil() as u32, layout.height.ceil() as u32);
        let root = SvgOut::new(&mut out, size).into_drawing_area();
        draw(&root, layout, theme)?;
    }
    Ok(out)
}

/// The chart as an SVG file to keep (a download): [`svg`] named by the chart's title and subtitle in
/// a `<title>`, and described as the canvas is (`Chart::description`) in a `<desc>`, first in it:
/// what a screen reader reads for the image, wherever the file goes.
pub fn svg_file(layout: &Layout, theme: &Theme, chart: &Chart, dataset: &Dataset) -> Result<String, DrawError> {
    Ok(with_words(&svg(layout, theme)?, &chart.caption(), &chart.description(dataset)))
}

/// `drawing` with `<title>` and `<desc>` right after its `<svg …>` start tag, which plotters writes
/// first, with no `>` inside it.
fn with_words(drawing: &str, title: &str, description: &str) -> String {
    let at = drawing.find('>').map_or(0, |i| i + 1);
    let words = format!("\n<title>{}</title>\n<desc>{}</desc>", html_escape(title), html_escape(description));
    format!("{}{words}{}", &drawing[..at], &drawing[at..])
}

fn shape(color: Rgb, alpha: f64, filled: bool, stroke_width: u32) -> ShapeStyle {
    ShapeStyle { color: RGBAColor(color.0, color.1, color.2, alpha), filled, stroke_width }
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// Paints the whole chart, background first, so nothing of an earlier chart shows through.
/// Shapes go out grouped by style (grid, baseline, bars, open ends, then labels font by font),
/// so a backend that sets its context's style per shape sets the same one over and over, which a
/// browser answers from its cache, rather than alternating.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
    theme: &Theme,
) -> Result<(), DrawError> {
    root.fill(&shape(theme.background, 1.0, true, 0).color)?;

    let frame = shape(theme.grid, 1.0, false, 1);
    for b in layout.bars.iter().filter(|b| b.card) {
        root.draw(&Rectangle::new([(px(b.x0), px(b.y0)), (px(b.x1), px(b.y1))], frame))?;
    }
    for role in [LineRole::Grid, LineRole::Baseline] {
        let style = shape(if role == LineRole::Baseline { theme.baseline } else { theme.grid }, 1.0, false, 1);
        for l in layout.lines.iter().filter(|l| l.role == role) {
            root.draw(&PathElement::new(vec![(px(l.x0), px(l.y0)), (px(l.x1), px(l.y1))], style))?;
        }
    }

    // A card's rule along its top, over its frame, in the bar colour: the card is the figure's mark.
    let accent = shape(theme.bar, 1.0, true, 0);
    for b in layout.bars.iter().filter(|b| b.card) {
        root.draw(&Rectangle::new([(px(b.x0), px(b.y0)), (px(b.x1), px(b.y0 + CARD_ACCENT))], accent))?;
    }

    for (panel, scale) in layout.scales.iter().enumerate() {
        let Some(scale) = scale else { continue }; // a card
        let bars: Vec<&BarBox> = layout.bars.iter().filter(|b| !b.card && b.panel == panel).collect();
        if scale.log_min > 0.0 {
            paint_bars(root, scale, (scale.log_min..scale.max).log_scale(), &bars, theme)?;
        } else {
            paint_bars(root, scale, 0.0..scale.max, &bars, theme)?;
        }
    }

    // An open end: the bar fades out in three steps past the stated figure, which is a lower
    // bound, not the true value.
    let stripe = OPEN_END / 3.0;
    for b in layout.bars.iter().filter(|b| !b.card && b.qualifier == Qualifier::AtLeast) {
        let step = |i: f64| [(px(b.x1 + stripe * i + 1.0), px(b.y0)), (px(b.x1 + stripe * (i + 1.0)), px(b.y1))];
        fading(root, theme.bar, [step(0.0), step(1.0), step(2.0)])?;
    }

    paint_sparks(root, &layout.sparks, theme)?;
    paint_key(root, &layout.keys, theme)?;

    let mut texts: Vec<_> = layout.texts.iter().collect();
    texts.sort_by(|a, b| a.font.size.total_cmp(&b.font.size).then(a.font.bold.cmp(&b.font.bold)));
    for text in texts {
        let color = match text.role {
            TextRole::Subtitle
            | TextRole::Tick
            | TextRole::Note
            | TextRole::Source
            | TextRole::NoChange
            | TextRole::SparkYear
            | TextRole::Key => theme.muted,
            _ => theme.text,
        };
        let h = match text.anchor {
            Anchor::Left => HPos::Left,
            Anchor::Center => HPos::Center,
            Anchor::Right => HPos::Right,
        };
        let weight = if text.font.bold { FontStyle::Bold } else { FontStyle::Normal };
        let style = FontDesc::new(FontFamily::Name(FONT_FAMILY), text.font.size, weight)
            .color(&RGBColor(color.0, color.1, color.2))
            .pos(Pos::new(h, VPos::Top));
        root.draw(&Text::new(text.text.as_str(), (px(text.x), px(text.y)), style))?;
    }
    root.present()?;
    Ok(())
}

/// Three rectangles fading out, nearest first: the open end of a lower bound, which
/// differs from a stated figure in shape, not only in colour.
fn fading<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    color: Rgb,
    steps: [[(i32, i32); 2]; 3],
) -> Result<(), DrawError> {
    for (step, alpha) in steps.into_iter().zip([0.55, 0.3, 0.12]) {
        root.draw(&Rectangle::new(step, shape(color, alpha, true, 0)))?;
    }
    Ok(())
}

/// A derived figure's mark: outlined and hatched, computed by us, not stated by a source.
fn hatched<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    [(x0, y0), (x1, y1)]: [(i32, i32); 2],
    color: Rgb,
) -> Result<(), DrawError> {
    root.draw(&Rectangle::new([(x0, y0), (x1, y1)], shape(color, 1.0, false, 2)))?;
    let h = y1 - y0;
    for x in (x0 - h..x1).step_by(6) {
        let (sx, sy) = if x < x0 { (x0, y1 - (x0 - x)) } else { (x, y1) };
        let (ex, ey) = if x + h > x1 { (x1, y0 + (x + h - x1)) } else { (x + h, y0) };
        root.draw(&PathElement::new(vec![(sx, sy), (ex, ey)], shape(color, 1.0, false, 1)))?;
    }
    Ok(())
}

/// The cards' sparklines: the card's own year in the bar colour, the others muted; a lower bound
/// with an open top, a derived figure outlined, a year with no figure an empty slot.
fn paint_sparks<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    sparks: &[SparkBox],
    theme: &Theme,
) -> Result<(), DrawError> {
    for s in sparks {
        let color = if s.current { theme.bar } else { theme.muted };
        let [(x0, y0), (x1, y1)] = [(px(s.x0), px(s.y0)), (px(s.x1), px(s.y1))];
        match s.qualifier {
            None => root.draw(&Rectangle::new([(x0, y0), (x1, y1)], shape(theme.muted, 1.0, false, 1)))?,
            Some(Qualifier::Derived) => hatched(root, [(x0, y0), (x1, y1)], color)?,
            Some(q) => {
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], shape(color, 1.0, true, 0)))?;
                if q == Qualifier::AtLeast {
                    let step = |i: i32| [(x0, y0 - 2 * i - 2), (x1, y0 - 2 * i - 1)];
                    fading(root, color, [step(0), step(1), step(2)])?;
                }
            }
        }
        // The card's own year is marked by shape too, not by colour alone: a rule under its column.
        if s.current {
            root.draw(&Rectangle::new([(x0, y1 + 2), (x1, y1 + 4)], shape(theme.bar, 1.0, true, 0)))?;
        }
    }
    Ok(())
}

/// The key's swatches, each drawn as the mark it explains.
fn paint_key<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    keys: &[KeySwatch],
    theme: &Theme,
) -> Result<(), DrawError> {
    for k in keys {
        let (x0, y0, x1, y1) = (px(k.x0), px(k.y0), px(k.x1), px(k.y1));
        match k.mark {
            Mark::Bound => {
                let solid = x1 - 9;
                root.draw(&Rectangle::new([(x0, y0), (solid, y1)], shape(theme.bar, 1.0, true, 0)))?;
                let step = |i: i32| [(solid + 3 * i + 1, y0), (solid + 3 * i + 3, y1)];
                fading(root, theme.bar, [step(0), step(1), step(2)])?;
            }
            Mark::Derived => hatched(root, [(x0, y0), (x1, y1)], theme.bar)?,
            Mark::Gap => {
                root.draw(&Rectangle::new([(x0 + 6, (y0 + y1) / 2), (x1 - 6, y1)], shape(theme.muted, 1.0, false, 1)))?
            }
        }
    }
    Ok(())
}

/// A panel's bars in its own coordinates: `values` along x (from zero, or from the log scale's
/// least power of ten) over the scale's pixels, the layout's CSS pixels down y from the top of
/// the first bar to the bottom of the last.
fn paint_bars<DB, V>(
    root: &DrawingArea<DB, Shift>,
    scale: &ValueScale,
    values: V,
    bars: &[&BarBox],
    theme: &Theme,
) -> Result<(), DrawError>
where
    DB: DrawingBackend,
    V: AsRangedCoord<Value = f64>,
{
    let (Some(top), Some(bottom)) =
        (bars.iter().map(|b| b.y0).reduce(f64::min), bars.iter().map(|b| b.y1).reduce(f64::max))
    else {
        return Ok(()); // every year of this panel is a gap
    };
    let (left, right) = (px(scale.left), px(scale.right).max(px(scale.left) + 1));
    let area = root.clone().shrink((left, px(top)), ((right - left) as u32, (px(bottom) - px(top)).max(1) as u32));
    let x: V::CoordDescType = values.into();
    let start = x.range().start;
    // y runs down the page, as the backend's pixels do.
    let y: RangedCoordf64 = (top..bottom).into();
    let panel =
        area.apply_coord_spec(Cartesian2d::<V::CoordDescType, RangedCoordf64>::new(x, y, area.get_pixel_range()));
    // A bar's corners in the panel's coordinates, and where plotters puts them in the root's pixels.
    let corners = |b: &BarBox| [(start, b.y0), (b.value.max(start), b.y1)];
    let ends = |b: &BarBox| {
        let [from, to] = corners(b);
        (panel.map_coordinate(&from), panel.map_coordinate(&to))
    };

    let fill = shape(theme.bar, 1.0, true, 0);
    for b in bars.iter().filter(|b| b.qualifier != Qualifier::Derived) {
        let ((x0, y0), (x1, y1)) = ends(b);
        if x1 > x0 {
            panel.draw(&Rectangle::new(corners(b), fill))?;
        } else {
            // A figure too small to see at this scale still gets a sliver, so no bar is invisible.
            root.draw(&Rectangle::new([(x0, y0), (x0 + 1, y1)], fill))?;
        }
    }
    // Derived values are outlined and hatched: computed by us, not stated by a source.
    for b in bars.iter().filter(|b| b.qualifier == Qualifier::Derived) {
        let ((x0, y0), (x1, y1)) = ends(b);
        hatched(root, [(x0, y0), (x1, y1)], theme.bar)?;
    }
    Ok(())
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::fixture::DATASET;
    use crate::layout::{layout, FontMetrics};
    use crate::view::{select, ViewSpec};

    #[test]
    fn a_file_names_its_chart_and_says_what_it_shows_first() {
        let chart = select(&DATASET, &spec(&[("view", "component"), ("component", "dhs")]));
        let l = layout(&chart, 640.0, &FontMetrics);
        let (drawing, file) = (svg(&l, &Theme::LIGHT).unwrap(), svg_file(&l, &Theme::LIGHT, &chart, &DATASET).unwrap());
        let tag_end = drawing.find('>').unwrap() + 1;
        let title = chart.caption();
        assert_eq!(title, "DHS-wide, Fiscal year 2024");
        let words = format!("\n<title>{title}</title>\n<desc>{}</desc>", chart.description(&DATASET));
        assert_eq!(file, format!("{}{words}{}", &drawing[..tag_end], &drawing[tag_end..]));
        assert!(words.contains("more than 2,500"), "a lower bound stays one in words: {words}");
        // Words are escaped for XML.
        let escaped = with_words("<svg a=\"1\">\n</svg>", "A & B", "<914> \"more\"");
        assert_eq!(
            escaped,
            "<svg a=\"1\">\n<title>A &amp; B</title>\n<desc>&lt;914&gt; &quot;more&quot;</desc>\n</svg>"
        );
    }

    #[test]
    fn a_drawing_failure_says_so_in_plotters_words() {
        assert_eq!(DrawError("the canvas is gone".into()).to_string(), "drawing failed: the canvas is gone");
    }

    fn spec(pairs: &[(&str, &str)]) -> ViewSpec {
        pairs.iter().fold(crate::view::test_default(), |s, (k, v)| s.with_option(&DATASET, k, v).unwrap())
    }

    fn chart_svg(view: &str, component: &str) -> (String, Layout) {
        let l = layout(&select(&DATASET, &spec(&[("view", view), ("component", component)])), 640.0, &FontMetrics);
        (svg(&l, &Theme::LIGHT).unwrap(), l)
    }

    /// Solid shapes in the bar colour a layout asks for: each bar stated by a source, each card's
    /// rule, each sparkline column of a card's own year and the rule under it, the key's
    /// lower-bound swatch.
    fn solid_marks(l: &Layout) -> usize {
        let bars = l.bars.iter().filter(|b| b.card || b.qualifier != Qualifier::Derived).count();
        let own = l.sparks.iter().filter(|s| s.current);
        let filled = own.clone().filter(|s| matches!(s.qualifier, Some(q) if q != Qualifier::Derived)).count();
        let key = l.keys.iter().filter(|k| k.mark == Mark::Bound).count();
        bars + filled + own.count() + key
    }

    #[test]
    fn svg_has_every_bar_card_and_label() {
        let (out, l) = chart_svg("component", "blue-campaign");
        assert_eq!(out.matches("opacity=\"1\" fill=\"#005EA2\"").count(), solid_marks(&l), "{out}");
        // 23,000+ and 280,000+ share a kind and an axis; 170, 3.7M+ and 2.2M+ stand alone, as cards.
        assert_eq!(l.bars.iter().filter(|b| !b.card).count(), 2);
        assert_eq!(l.bars.iter().filter(|b| b.card).count(), 3);
        for label in ["170", "23,000+", "280,000+", "3.7M", "2.2M", "More than", "Blue Campaign", "Trainings conducted"]
        {
            assert!(out.contains(label), "missing {label}");
        }
    }

    #[test]
    fn a_bar_too_small_to_see_is_a_one_pixel_sliver() {
        let (_, mut l) = chart_svg("component", "blue-campaign");
        let b = l.bars.iter_mut().find(|b| !b.card).unwrap();
        (b.value, b.x1) = (0.0, b.x0);
        let (x0, y0, y1) = (b.x0, b.y0, b.y1);
        let out = svg(&l, &Theme::LIGHT).unwrap();
        let sliver = format!("<rect x=\"{x0}\" y=\"{y0}\" width=\"1\" height=\"{}\"", y1 - y0);
        assert!(out.contains(&sliver), "{sliver} in {out}");
    }

    #[test]
    fn at_least_bars_get_an_open_end() {
        let (out, l) = chart_svg("component", "blue-campaign");
        // The two bars, 23,000+ and 280,000+, are lower bounds with three fading stripes each; the
        // key's swatch shows the same end.
        let open: Vec<&BarBox> = l.bars.iter().filter(|b| !b.card && b.qualifier == Qualifier::AtLeast).collect();
        assert_eq!(open.len(), 2);
        assert_eq!(out.matches("opacity=\"0.55\"").count(), open.len() + 1, "{out}");
        assert!(l.keys.iter().any(|k| k.mark == Mark::Bound));
    }

    #[test]
    fn text_keeps_the_canvas_font_size() {
        // plotters' SVGBackend divides font sizes by 1.24; the wrapper gives it back exactly.
        let (out, l) = chart_svg("component", "hsi");
        let written: Vec<f64> =
            out.split("font-size=\"").skip(1).map(|s| s.split('"').next().unwrap().parse().unwrap()).collect();
        assert_eq!(written.len(), l.texts.len());
        for size in l.texts.iter().map(|t| t.font.size) {
            assert!(written.iter().any(|w| (w - size).abs() < 1e-9), "no text at {size}px: {written:?}");
        }
        assert!(written.iter().all(|w| l.texts.iter().any(|t| (t.font.size - w).abs() < 1e-9)), "{written:?}");
    }

    /// Where plotters' coordinates put the end of the bar whose top is at `y`, in CSS pixels, read
    /// back from the SVG.
    fn drawn_bar_end(out: &str, y: i32) -> Option<i32> {
        let attr = |tag: &str, name: &str| -> i32 {
            let start = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            tag[start..].split('"').next().unwrap().parse().unwrap()
        };
        out.lines()
            .filter(|l| l.starts_with("<rect") && l.contains("opacity=\"1\" fill=\"#005EA2\""))
            .find(|t| attr(t, "y") == y && attr(t, "height") > 4)
            .map(|t| attr(t, "x") + attr(t, "width"))
    }

    #[test]
    fn plotters_coordinates_agree_with_the_layout_on_linear_and_log_scales() {
        for scale in ["linear", "log"] {
            for view in ["trend", "metric"] {
                let query = [("view", view), ("scale", scale), ("component", "hsi"), ("metric", "arrests")];
                let l = layout(&select(&DATASET, &spec(&query)), 720.0, &FontMetrics);
                let out = svg(&l, &Theme::LIGHT).unwrap();
                let solid: Vec<&BarBox> =
                    l.bars.iter().filter(|b| !b.card && b.qualifier != Qualifier::Derived).collect();
                assert!(solid.len() >= 2, "{scale} {view}");
                for b in solid {
                    let end = drawn_bar_end(&out, px(b.y0)).unwrap();
                    assert!(
                        (end as f64 - b.x1.max(b.x0 + 1.0)).abs() <= 1.5,
                        "{scale} {view}: bar ends at {end}, layout says {}",
                        b.x1
                    );
                }
            }
        }
    }

    #[test]
    fn any_plotters_backend_draws_the_chart() {
        // plotters' own SVG backend, unwrapped, as a stand-in for any third-party DrawingBackend.
        let l = layout(&select(&DATASET, &crate::view::test_default()), 640.0, &FontMetrics);
        let mut out = String::new();
        draw(&SVGBackend::with_string(&mut out, (640, l.height as u32)).into_drawing_area(), &l, &Theme::LIGHT)
            .unwrap();
        assert_eq!(out.matches("opacity=\"1\" fill=\"#005EA2\"").count(), solid_marks(&l), "{out}");
        assert!(out.contains("800+"));
    }
}
