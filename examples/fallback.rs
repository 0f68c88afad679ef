//! Writes the no-script fallback: the default view as `www/fallback.svg` and, between the
//! `fallback:start` / `fallback:end` markers in `index.html`, an image of it with a table of its
//! figures. Run by `make build`, so the fallback always matches `data/`.
//! `--check` only reports whether the files are current (exit 1 if not).

use ccht_chart::{html_escape, html_table, layout, select, svg, EstimatedText, Theme, ViewSpec, DATASET};

const START: &str = "<!-- fallback:start (written by `cargo run --example fallback`; do not edit) -->";
const END: &str = "<!-- fallback:end -->";

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let spec = ViewSpec::default_for(&DATASET);
    let chart = select(&DATASET, &spec);
    let l = layout(&chart, 720.0, &EstimatedText);
    let image = match svg(&l, &Theme::LIGHT) {
        Ok(s) => s,
        Err(e) => fail(&e.to_string()),
    };
    let block = format!(
        "{START}\n<img class=\"fallback-image\" src=\"www/fallback.svg\" width=\"{}\" height=\"{}\" alt=\"{}\">\n{}\n{END}",
        l.width,
        l.height,
        html_escape(&chart.description(&DATASET)),
        html_table(&DATASET, &chart)
    );
    let page = std::fs::read_to_string("index.html").unwrap_or_else(|e| fail(&format!("index.html: {e}")));
    let (Some(a), Some(b)) = (page.find(START), page.find(END)) else { fail("index.html lacks the fallback markers") };
    let new_page = format!("{}{block}{}", &page[..a], &page[b + END.len()..]);
    let old_image = std::fs::read_to_string("www/fallback.svg").unwrap_or_default();
    if check {
        if new_page != page || old_image != image {
            fail("the no-script fallback is out of date: run `cargo run --example fallback` (make build does)");
        }
        return;
    }
    for (path, text) in [("index.html", &new_page), ("www/fallback.svg", &image)] {
        if let Err(e) = std::fs::write(path, text) {
            fail(&format!("{path}: {e}"));
        }
    }
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
