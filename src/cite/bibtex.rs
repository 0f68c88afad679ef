//! BibTeX (for biblatex, which reads `date`, `urldate` and `version`): one `@misc` entry per
//! reference. The author and title are braced whole, so BibTeX neither splits the institution into
//! first and last names nor lower-cases the title; TeX's special characters are escaped. The
//! citation test parses every entry back with a real BibTeX parser.

use super::Reference;

/// The entry for `r`.
pub fn bibtex(r: &Reference) -> String {
    let mut fields: Vec<(&str, String)> =
        vec![("author", format!("{{{}}}", escape(&r.author))), ("title", format!("{{{}}}", escape(&r.title)))];
    if let Some(date) = r.issued {
        fields.push(("year", date.year.to_string()));
        fields.push(("date", date.to_string()));
    }
    fields.push(("howpublished", escape(&r.genre)));
    fields.push(("organization", escape(&r.container)));
    fields.push(("version", r.version.to_string()));
    fields.push(("url", r.url.clone()));
    fields.push(("urldate", r.accessed.to_string()));
    fields.push(("note", escape(&r.note)));
    let body: Vec<String> = fields.iter().map(|(name, value)| format!("  {name} = {{{value}}}")).collect();
    format!("@misc{{{},\n{}\n}}\n", r.id, body.join(",\n"))
}

/// TeX's special characters as BibTeX needs them written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn an_entry_with_its_fields_braced_and_escaped() {
        let (dated, _) = sample();
        let mut r = dated;
        r.genre = "Seizures: more than $12 million & 46% of {all}".into();
        assert_eq!(
            bibtex(&r),
            "@misc{key,\n  author = {{U.S. Department of Homeland Security}},\n  title = {{The Release}},\n  year = {2025},\n  date = {2025-08-14},\n  howpublished = {Seizures: more than \\$12 million \\& 46\\% of \\{all\\}},\n  organization = {Figures},\n  version = {3},\n  url = {https://example.org/v},\n  urldate = {2026-12-07},\n  note = {Source address: https://example.gov/a.}\n}\n"
        );
    }
}
