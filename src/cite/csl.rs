//! CSL-JSON, the citation processors' own input (Zotero, Mendeley, pandoc, citeproc-js): one item
//! per reference, of CSL's `dataset` type. Serialised by serde: into a JS object by
//! serde-wasm-bindgen for the page, into JSON by serde_json for the citation test.

use super::{IsoDate, Reference};
use serde::Serialize;

#[derive(Serialize, Debug, PartialEq)]
pub struct CslItem {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub author: [CslName; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<CslDate>,
    pub title: String,
    pub genre: String,
    #[serde(rename = "container-title")]
    pub container_title: String,
    pub version: String,
    #[serde(rename = "URL")]
    pub url: String,
    pub accessed: CslDate,
    pub note: String,
}

/// An institution's name, given whole.
#[derive(Serialize, Debug, PartialEq)]
pub struct CslName {
    pub literal: String,
}

#[derive(Serialize, Debug, PartialEq)]
pub struct CslDate {
    #[serde(rename = "date-parts")]
    pub date_parts: [[u16; 3]; 1],
}

impl From<IsoDate> for CslDate {
    fn from(d: IsoDate) -> CslDate {
        CslDate { date_parts: [[d.year, u16::from(d.month), u16::from(d.day)]] }
    }
}

/// The item for `r`.
pub fn csl_item(r: &Reference) -> CslItem {
    CslItem {
        id: r.id.clone(),
        kind: "dataset",
        author: [CslName { literal: r.author.clone() }],
        issued: r.issued.map(CslDate::from),
        title: r.title.clone(),
        genre: r.genre.clone(),
        container_title: r.container.clone(),
        version: r.version.to_string(),
        url: r.url.clone(),
        accessed: r.accessed.into(),
        note: r.note.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn serialises_with_csl_names() {
        let (_, undated) = sample();
        let json = serde_json::to_string(&csl_item(&undated)).unwrap();
        assert_eq!(
            json,
            r#"{"id":"key","type":"dataset","author":[{"literal":"Border Report"}],"title":"An article","genre":"Arrests, DHS-wide, FY 2024: more than 2,500","container-title":"Figures","version":"3","URL":"https://example.org/v","accessed":{"date-parts":[[2026,12,7]]},"note":"Source address: https://example.gov/a."}"#
        );
    }
}
