//! Rendering: a [`Layout`](crate::Layout) painted through plotters on any backend (the canvas in
//! the browser, SVG natively and for downloads), in colours held to WCAG contrast; and the same
//! view as CSV and as an HTML table, for readers and tools that want the figures, not a picture.

mod draw;
mod svg;
mod table;
mod theme;

pub use draw::{draw, svg, svg_file, DrawError};
pub use svg::SvgOut;
pub use table::{csv, html_escape, html_table, table, unit_id, Figure, Table, TABLE_WORDS};
pub use theme::{contrast, Rgb, Theme};
