//! Renders one view of the embedded dataset to SVG on standard output, with the same code the
//! browser uses: `cargo run --example render_svg -- component=blue-campaign view=component`.

use ccht_chart::{layout, select, svg_file, FontMetrics, Theme, ViewSpec, DATASET};

fn main() {
    let mut spec = ViewSpec::default_for(&DATASET);
    let mut width = 640.0;
    for arg in std::env::args().skip(1) {
        let Some((name, value)) = arg.split_once('=') else {
            eprintln!("arguments are name=value, e.g. component=hsi");
            std::process::exit(2);
        };
        if name == "width" {
            width = value.parse().unwrap_or(width);
            continue;
        }
        spec = match spec.with_option(&DATASET, name, value) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        };
    }
    let chart = select(&DATASET, &spec);
    let l = layout(&chart, width, &FontMetrics);
    // A file to keep, as the page's download is: named and described.
    match svg_file(&l, &Theme::LIGHT, &chart, &DATASET) {
        Ok(out) => println!("{out}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
