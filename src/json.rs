//! JSON text for the results the web boundary hands to JavaScript, which reads them with one
//! `JSON.parse`.
//!
//! Written by hand rather than through serde: a serializer per result type, plus
//! serde-wasm-bindgen's string cache, came to about a tenth of the Wasm. Numbers go through
//! [`plain_decimal`] with three decimals, which is exact for every figure (the loader allows two)
//! and finer than a pixel for geometry.

use crate::number_format::{plain_decimal, push_hex_byte};

/// A JSON document being written. Keys and values go in order; commas are placed here.
pub struct Json {
    text: String,
    /// Whether the next key or array item needs a comma before it.
    after_value: bool,
}

impl Json {
    /// One 32 KiB buffer up front, enough for any result of the real dataset: each call then makes
    /// one allocation of one size, which the allocator reuses, instead of a chain of doublings that
    /// fragments the Wasm heap.
    pub fn new() -> Json {
        Json { text: String::with_capacity(32 * 1024), after_value: false }
    }

    pub fn into_text(self) -> String {
        self.text
    }

    fn separate(&mut self) {
        if self.after_value {
            self.text.push(',');
        }
        self.after_value = false;
    }

    /// A value in place: separated from the one before, and followed by a comma if more come.
    fn value(&mut self, write: impl FnOnce(&mut Json)) -> &mut Json {
        self.separate();
        write(self);
        self.after_value = true;
        self
    }

    fn open(&mut self, bracket: char) -> &mut Json {
        self.separate();
        self.text.push(bracket);
        self
    }

    fn close(&mut self, bracket: char) -> &mut Json {
        self.text.push(bracket);
        self.after_value = true;
        self
    }

    pub fn open_object(&mut self) -> &mut Json {
        self.open('{')
    }

    pub fn close_object(&mut self) -> &mut Json {
        self.close('}')
    }

    pub fn open_array(&mut self) -> &mut Json {
        self.open('[')
    }

    pub fn close_array(&mut self) -> &mut Json {
        self.close(']')
    }

    /// An object's key; its value follows.
    pub fn key(&mut self, key: &str) -> &mut Json {
        self.separate();
        self.quote(key);
        self.text.push(':');
        self
    }

    pub fn str(&mut self, value: &str) -> &mut Json {
        self.value(|j| j.quote(value))
    }

    /// A number; NaN and infinities, which JSON lacks, are written as `null`.
    pub fn num(&mut self, value: f64) -> &mut Json {
        self.value(|j| j.text.push_str(&if value.is_finite() { plain_decimal(value, 3) } else { "null".to_string() }))
    }

    pub fn int(&mut self, value: u64) -> &mut Json {
        self.value(|j| j.text.push_str(&crate::number_format::decimal(value)))
    }

    /// `"key": "value"`.
    pub fn field(&mut self, key: &str, value: &str) -> &mut Json {
        self.key(key).str(value)
    }

    fn quote(&mut self, s: &str) {
        self.text.push('"');
        for c in s.chars() {
            match c {
                '"' => self.text.push_str("\\\""),
                '\\' => self.text.push_str("\\\\"),
                '\n' => self.text.push_str("\\n"),
                '\r' => self.text.push_str("\\r"),
                '\t' => self.text.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    self.text.push_str("\\u00");
                    push_hex_byte(&mut self.text, c as u8);
                }
                c => self.text.push(c),
            }
        }
        self.text.push('"');
    }
}

/// A value that writes itself as JSON.
pub trait WriteJson {
    fn write(&self, j: &mut Json);
}

impl<T: WriteJson> WriteJson for [T] {
    fn write(&self, j: &mut Json) {
        j.open_array();
        for item in self {
            item.write(j);
        }
        j.close_array();
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write(&self, j: &mut Json) {
        self.as_slice().write(j);
    }
}

impl WriteJson for &str {
    fn write(&self, j: &mut Json) {
        j.str(self);
    }
}

impl WriteJson for String {
    fn write(&self, j: &mut Json) {
        j.str(self);
    }
}

impl WriteJson for u16 {
    fn write(&self, j: &mut Json) {
        j.int(*self as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn writes_nested_documents_with_commas_and_escapes() {
        let mut j = Json::new();
        j.open_object().field("name", "Say \"800+\"\n\\ \u{1}").key("values").open_array();
        for v in [800.0, 44021.74, 0.5, f64::NAN] {
            j.num(v);
        }
        j.close_array().key("rows").open_array().open_object().key("fy").int(2024).close_object().open_object().close_object().close_array();
        j.key("ok").int(1).key("empty").open_array().close_array().close_object();
        assert_eq!(
            j.into_text(),
            r#"{"name":"Say \"800+\"\n\\ \u0001","values":[800,44021.74,0.5,null],"rows":[{"fy":2024},{}],"ok":1,"empty":[]}"#
        );
    }
}
