//! How a message quotes what a reader wrote: `"fbi"`, in straight double quotes, control characters
//! dropped. Not `{:?}`, whose escaping tables would add kilobytes to every Wasm that shows a message
//! (the release builds compile Debug out), and whose escapes a reader does not need.

/// `value` in quotes, for a message.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    out.extend(value.chars().filter(|c| !c.is_control()));
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_drops_control_characters() {
        assert_eq!(quoted("fbi"), "\"fbi\"");
        assert_eq!(quoted("a\nb\u{7}"), "\"ab\"");
        assert_eq!(quoted(""), "\"\"");
    }
}
