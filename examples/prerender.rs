//! Writes what a page shows before its script and Wasm arrive, drawn natively by the same layout and
//! plotters code as the canvas (`make build` runs it after the bundle):
//!
//! - `dist/prerender/<hash>.svg`: every view a URL can open ([`every_view`]) at each reference
//!   width in [`WIDTHS`]; identical drawings share one file, named by its content.
//! - `dist/prerender/v/<query>.json`: per view, its images by width, the canvas's accessible name,
//!   the summary, the table and the controls, which `www/first.js` puts in the page when the URL
//!   names that view; `lang-<lang>.json`, the page's words and component names in each language but the default.
//! - `index.html`, between `first-*` markers: the default view's `<picture>`, summary, table and
//!   controls, so the first paint (and a reader without scripts) has them with no script at all, and
//!   a reader can choose before the Wasm arrives (www/app.js applies the choice once it has).
//!
//! `--check` only reports whether `index.html` is current (exit 1 if not); `dist/` is build output.

use ccht_chart::{
    every_view, fiscal_years, html_escape, html_table, layout, say, select, svg, table, text, Chart, Dataset,
    FontMetrics, Lang, Scale, Table, TextBox, TextMeasure, Theme, ViewKind, ViewSpec, DATASET, DATA_DATE, DATA_VERSION,
    LANGS, QUERY_ORDER, STRINGS, TABLE_WORDS,
};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The widths (CSS px) each view is drawn at. A page shows the widest that fits its chart's content
/// box at its natural size (`www/style.css`): the content box is the viewport less 34 px, up to a
/// 1024 px page, so 286 serves 320–373 px phones, 340 serves 374–633 px, 600 tablets, 960 desktops.
const WIDTHS: [u32; 4] = [286, 340, 600, 960];
/// The page's padding and the figure's border, around the chart's content box.
const PAGE_GUTTER: u32 = 34;
const OUT: &str = "dist/prerender";
/// Each image's texts and the widths the layout gave them (tests/e2e/text-fit.test.mjs reads it).
const MEASURED: &str = "target/prerender/measured.json";
/// Where index.html finds the images.
const HREF: &str = "dist/prerender/";

/// A text of a prerendered image: what it says, its size (CSS px), whether bold, and the width the
/// layout measured it at.
type Measured = (String, f64, bool, f64);

/// What `www/first.js` reads for a view.
#[derive(Serialize)]
struct First {
    /// `[file, width, height]` for each of [`WIDTHS`], in that order.
    images: Vec<(String, u32, u32)>,
    alt: String,
    summary: String,
    /// The chart's heading and source line, which the page shows as text around the image, and its table.
    table: Table,
    /// The words www/table.js fills the table with, in the view's language ([`TABLE_WORDS`]).
    words: BTreeMap<&'static str, &'static str>,
    /// The measure menu, as www/app.js builds it: `[group label ("" for none), [[id, label]…]]`.
    menu: Vec<(String, Vec<(String, String)>)>,
    /// Whether the scale choice is offered (the chart spans orders of magnitude, or is on a log scale).
    log: bool,
    /// The choice in words, for the folded controls' button: "One component: DHS-wide, 2024".
    choice: String,
    /// What the controls show: view, component, metric, fy, scale and lang ids, as the Viewer settles them.
    state: BTreeMap<&'static str, String>,
}

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let d = &DATASET;
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    let mut views = Vec::new();
    // Per image, its width, and each text with the width the layout measured it at, for tests/e2e/text-fit.test.mjs.
    let mut measured: BTreeMap<String, (u32, Vec<Measured>)> = BTreeMap::new();
    for spec in every_view(d) {
        let mut chart = select(d, &spec);
        // Drawn as the page's canvas draws it: the page shows the heading and source as text.
        let images = chart.without_heading(|figures| {
            WIDTHS.map(|w| {
                let l = layout(figures, f64::from(w), &FontMetrics);
                let image = svg(&l, &Theme::LIGHT).unwrap_or_else(|e| fail(&e.to_string()));
                let name = format!("{}.svg", &hex(&Sha256::digest(image.as_bytes()))[..16]);
                measured.entry(name.clone()).or_insert_with(|| {
                    let width = |t: &TextBox| FontMetrics.width(&t.text, t.font);
                    (w, l.texts.iter().map(|t| (t.text.clone(), t.font.size, t.font.bold, width(t))).collect())
                });
                files.entry(name.clone()).or_insert(image);
                (name, w, l.height as u32)
            })
        });
        views.push((spec, first(d, &spec, &chart, images.to_vec())));
    }

    let default = ViewSpec::default_for(d);
    let Some((_, home)) = views.iter().find(|(s, _)| *s == default) else {
        fail("the default view was not prerendered")
    };
    let page = std::fs::read_to_string("index.html").unwrap_or_else(|e| fail(&format!("index.html: {e}")));
    let blocks = [
        ("first-defaults", defaults(&default)),
        ("first-image", picture(home)),
        ("first-summary", summary(home)),
        ("first-table", html_table(&home.table, default.lang)),
        ("first-views", view_choices(&default)),
        (
            "first-components",
            options(
                d.components.iter().map(|c| (c.id.to_string(), c.label(default.lang).to_string())),
                &d.components[default.component].id,
            ),
        ),
        ("first-metrics", menu(&home.menu, &d.metrics[default.metric].id)),
        (
            "first-years",
            options(
                fiscal_years(d).iter().rev().map(|y| (y.to_string(), y.to_string())),
                &default.fiscal_year.to_string(),
            ),
        ),
        ("first-updated", updated(default.lang)),
        ("first-heading", heading(home)),
        ("first-source", format!("<span id=\"chart-source\">{}</span>", html_escape(&home.table.source))),
        ("first-now", format!("<span id=\"controls-now\" class=\"controls-now\">{}</span>", html_escape(&home.choice))),
        (
            "first-scale",
            format!("<fieldset id=\"scale-choices\" class=\"views\"{}>", if home.log { "" } else { " hidden" }),
        ),
    ];
    let new_page = blocks.iter().fold(page.clone(), |page, (name, block)| replace_block(&page, name, block));
    let shell_options = shell_options();
    if check {
        if new_page != page {
            fail("index.html's prerendered first view is out of date: run `cargo run --example prerender` (make build does)");
        }
        if std::fs::read_to_string(SHELL_OPTIONS).ok().as_deref() != Some(shell_options.as_str()) {
            fail("www/options.js is out of date: run `cargo run --example prerender` (make build does)");
        }
        return;
    }
    write("index.html", &new_page);
    write(SHELL_OPTIONS, &shell_options);
    let _ = std::fs::remove_dir_all(OUT);
    for (name, image) in &files {
        write(&format!("{OUT}/{name}"), image);
    }
    // Not served: a test's record of what the layout measured.
    let json = serde_json::to_string(&measured).unwrap_or_else(|e| fail(&e.to_string()));
    write(MEASURED, &json);
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (spec, _)) in views.iter().enumerate() {
        keys.insert(spec.to_query(d), i);
    }
    // A hand-written address may leave out the component or the measure ("?view=metric&metric=arrests",
    // "?lang=es"): the view the Viewer opens for it, as ViewSpec::from_query decides, under that name too.
    for (spec, _) in &views {
        let query = spec.to_query(d);
        let parts: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
        for drop in [&["component="][..], &["metric="], &["component=", "metric="]] {
            let fewer: Vec<&str> = parts.iter().copied().filter(|p| !drop.iter().any(|d| p.starts_with(d))).collect();
            let fewer = fewer.join("&");
            if keys.contains_key(&fewer) {
                continue;
            }
            let (opened, errors) = ViewSpec::from_query(d, &fewer);
            if let (true, Some(&i)) = (errors.is_empty(), keys.get(&opened.to_query(d))) {
                keys.insert(fewer, i);
            }
        }
    }
    for (query, &i) in &keys {
        let json = serde_json::to_string(&views[i].1).unwrap_or_else(|e| fail(&e.to_string()));
        write(&format!("{OUT}/v/{}.json", file_key(query)), &json);
    }
    // The page's words and component names in each other language, for www/first.js to put in
    // before the first paint.
    for &lang in LANGS.iter().filter(|&&l| l != default.lang) {
        let strings: BTreeMap<&str, &str> = STRINGS.iter().map(|(k, en, es)| (*k, lang.pick(en, es))).collect();
        let components: Vec<(&str, &str)> = d.components.iter().map(|c| (c.id.as_ref(), c.label(lang))).collect();
        let json = serde_json::json!({ "strings": strings, "components": components }).to_string();
        write(&format!("{OUT}/lang-{}.json", lang.id()), &json);
    }
    let bytes: usize = files.values().map(String::len).sum();
    let json: u64 = std::fs::read_dir(format!("{OUT}/v"))
        .map(|dir| dir.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum())
        .unwrap_or(0);
    println!(
        "prerender: {} views: {} SVG files ({bytes} bytes) at widths {WIDTHS:?}, {} view files ({json} bytes; {} of them for shortened addresses) in {OUT}/",
        views.len(),
        files.len(),
        keys.len(),
        keys.len() - views.len()
    );
}

fn first(d: &Dataset, spec: &ViewSpec, chart: &Chart, images: Vec<(String, u32, u32)>) -> First {
    let lang = chart.lang;
    let offered = spec.offered_metrics(d);
    let label = |m: usize| d.metrics[m].label(lang).to_string();
    // The same menu as www/app.js's buildMetricOptions: a component's own measures, or every
    // measure with a figure, grouped by kind, those of one component marked with it.
    let menu = match spec.view {
        ViewKind::Component | ViewKind::Trend => {
            vec![(String::new(), offered.iter().map(|&m| (d.metrics[m].id.to_string(), label(m))).collect())]
        }
        ViewKind::Metric | ViewKind::Pipeline => d
            .kinds
            .iter()
            .enumerate()
            .map(|(k, kind)| {
                let items = offered
                    .iter()
                    .filter(|&&m| d.metrics[m].kind == k)
                    .map(|&m| {
                        let owners = d.index().components_of_metric(m);
                        let name = match owners {
                            [only] => format!("{} ({})", label(m), d.components[*only].id.to_uppercase()),
                            _ => label(m),
                        };
                        (d.metrics[m].id.to_string(), name)
                    })
                    .collect::<Vec<_>>();
                (kind.label(lang).to_string(), items)
            })
            .filter(|(_, items)| !items.is_empty())
            .collect(),
    };
    let fy = spec.fiscal_year.to_string();
    let picked = match spec.view {
        ViewKind::Component => vec![d.components[spec.component].label(lang).to_string(), fy],
        ViewKind::Metric => vec![menu_label(&menu, &d.metrics[spec.metric].id), fy],
        ViewKind::Trend => {
            vec![d.components[spec.component].label(lang).to_string(), menu_label(&menu, &d.metrics[spec.metric].id)]
        }
        ViewKind::Pipeline => vec![fy],
    };
    let choice = format!("{}: {}", text(lang, &format!("view_{}", spec.view.id())), picked.join(", "));
    First {
        images,
        alt: chart.description(d),
        summary: chart.summary(d),
        table: table(d, chart),
        words: TABLE_WORDS.iter().map(|&k| (k, text(lang, k))).collect(),
        log: chart.spans_magnitudes() || spec.scale == Scale::Log,
        menu,
        choice,
        state: BTreeMap::from([
            ("view", spec.view.id().to_string()),
            ("component", d.components[spec.component].id.to_string()),
            ("metric", d.metrics[spec.metric].id.to_string()),
            ("fy", spec.fiscal_year.to_string()),
            ("scale", spec.scale.id().to_string()),
            ("lang", spec.lang.id().to_string()),
        ]),
    }
}

fn menu_label(menu: &[(String, Vec<(String, String)>)], id: &str) -> String {
    menu.iter().flat_map(|(_, items)| items).find(|(i, _)| i == id).map(|(_, l)| l.clone()).unwrap_or_default()
}

/// The values an address may leave out, for www/first.js: given or not, the view is the same.
/// `data-view`: the default view's own address (ViewSpec::to_query), which index.html already shows.
fn defaults(spec: &ViewSpec) -> String {
    format!(
        "<meta name=\"ccht-defaults\" content=\"view={}&amp;fy={}&amp;scale={}&amp;lang={}\" data-view=\"{}\">",
        spec.view.id(),
        spec.fiscal_year,
        spec.scale.id(),
        spec.lang.id(),
        html_escape(&file_key(&spec.to_query(&DATASET)))
    )
}

/// The view menu's options, as www/app.js's buildViewChoices writes them.
fn view_choices(spec: &ViewSpec) -> String {
    let choices =
        ViewKind::ALL.iter().map(|v| (v.id().to_string(), text(spec.lang, &format!("view_{}", v.id())).to_string()));
    options(choices, spec.view.id())
}

fn options(items: impl Iterator<Item = (String, String)>, selected: &str) -> String {
    items
        .map(|(id, label)| {
            let on = if id == selected { " selected" } else { "" };
            format!("<option value=\"{}\"{on}>{}</option>", html_escape(&id), html_escape(&label))
        })
        .collect()
}

fn menu(groups: &[(String, Vec<(String, String)>)], selected: &str) -> String {
    groups
        .iter()
        .map(|(group, items)| {
            let list = options(items.iter().cloned(), selected);
            if group.is_empty() {
                list
            } else {
                format!("<optgroup label=\"{}\">{list}</optgroup>", html_escape(group))
            }
        })
        .collect()
}

/// A view's query as a file name: `view=metric&metric=arrests` → `view-metric_metric-arrests`
/// (`www/first.js` does the same), `default` for the empty query.
fn file_key(query: &str) -> String {
    if query.is_empty() {
        return "default".to_string();
    }
    query.replace('=', "-").replace('&', "_")
}

/// The widest image that fits the content box, by viewport width; the narrowest otherwise.
fn picture(v: &First) -> String {
    let mut out = String::from("<picture class=\"first\">\n");
    for (file, w, h) in v.images.iter().skip(1).rev() {
        out.push_str(&format!(
            "<source media=\"(min-width: {}px)\" srcset=\"{HREF}{file}\" width=\"{w}\" height=\"{h}\">\n",
            w + PAGE_GUTTER
        ));
    }
    let (file, w, h) = &v.images[0];
    out.push_str(&format!(
        "<img class=\"first-image\" src=\"{HREF}{file}\" width=\"{w}\" height=\"{h}\" alt=\"{}\">\n</picture>",
        html_escape(&v.alt)
    ));
    out
}

/// The chart's title and subtitle as the page shows them, above the canvas.
fn heading(v: &First) -> String {
    format!(
        "<h2 id=\"chart-heading\" class=\"chart-title\">{}</h2>\n<p id=\"chart-subtitle\" class=\"chart-subtitle\">{}</p>",
        html_escape(&v.table.title),
        html_escape(&v.table.subtitle)
    )
}

fn summary(v: &First) -> String {
    format!("<p id=\"chart-summary\" class=\"summary\">{}</p>", html_escape(&v.summary))
}

/// When the figures last changed, from `data/versions.csv`: the date and version are in data
/// attributes, so the page says it again in the reader's language.
fn updated(lang: Lang) -> String {
    let words = say(lang, "data_updated", &[DATA_DATE, &DATA_VERSION.to_string()]);
    format!(
        "<span id=\"data-updated\" data-date=\"{DATA_DATE}\" data-version=\"{DATA_VERSION}\">{}</span>",
        html_escape(&words)
    )
}

fn replace_block(page: &str, name: &str, block: &str) -> String {
    // No "do not edit" in each marker: the page is in every reader's first view, and ten copies of it
    // were 50 B gzipped; ARCHITECTURE.md says what writes these blocks.
    let start = format!("<!-- {name}:start -->");
    let end = format!("<!-- {name}:end -->");
    let (Some(a), Some(b)) = (page.find(&start), page.find(&end)) else {
        fail(&format!("index.html lacks the {name} markers"))
    };
    format!("{}{start}\n{block}\n{}", &page[..a], &page[b..])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The shell's copy of the option names and languages, so that it lists them in one place, the
/// Rust's (www/first.js runs before any Wasm, and a custom element names its attributes up front).
const SHELL_OPTIONS: &str = "www/options.js";

fn shell_options() -> String {
    let list = |items: &mut dyn Iterator<Item = &str>| items.map(|i| format!("\"{i}\"")).collect::<Vec<_>>().join(", ");
    format!(
        "// @ts-check\n\
         // Written by examples/prerender.rs (make build) from src/view/options.rs and src/text/strings.rs;\n\
         // `make test` fails when it is out of date. Edit those, not this.\n\n\
         /** The options a view takes, in the order its address writes them (ViewSpec::to_query). */\n\
         export const OPTIONS = /** @type {{const}} */ ([{}]);\n\n\
         /** The languages: the first is the lean build's, the only one it speaks; the complete build speaks all. */\n\
         export const LANGS = [{}];\n",
        list(&mut QUERY_ORDER.iter().copied()),
        list(&mut LANGS.iter().map(|l| l.id())),
    )
}

/// Writes `text` to `path`, unless the file already holds it: `index.html` is left untouched when
/// current, so `make test` can check it (`--check`) while its build runs alongside.
fn write(path: &str, text: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return;
    }
    if let Some(dir) = std::path::Path::new(path).parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Err(e) = std::fs::write(path, text) {
        fail(&format!("{path}: {e}"));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
