//! [`Input`]: a JS value as the core sees it. The wasm boundary converts whatever JS passed
//! (a query object, options) into this tree, and the query-string parser produces one too,
//! so one validator serves both and the core stays free of wasm imports.
//!
//! At the boundary, serde-wasm-bindgen deserializes it (serde's externally tagged form:
//! `{ "String": "x" }`, `"Undefined"`, `{ "Object": [["key", ...]] }`) from what the JS guard
//! `inputOf` (`js/boundary.js`) makes of the caller's value: the guard is the only code that
//! touches a hostile value (getters that throw, Proxies, symbols, bigints, Dates, lone
//! surrogates), so nothing can throw through wasm; every rule stays in Rust.

use crate::client::error::{Error, ErrorCode};
use serde::Deserialize;

/// A JS value, reduced to what validation needs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub enum Input {
    /// `undefined` (or a missing key).
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (may be NaN or infinite: validation says so).
    Number(f64),
    /// A string.
    String(String),
    /// A string with an unpaired UTF-16 surrogate, which cannot be sent as UTF-8.
    BrokenString,
    /// A JS `Date`: its `toISOString()`, or `None` for an invalid date.
    Date(Option<String>),
    /// An array (the boundary converts at most [`MAX_CONVERTED_ITEMS`] elements).
    Array(Vec<Input>),
    /// A plain object's own enumerable string-keyed properties, in order.
    Object(Vec<(String, Input)>),
    /// Anything else, by its kind.
    Opaque(Opaque),
    /// A value that could not be read: a getter or Proxy trap threw.
    Unreadable,
}

/// The kinds of JS values validation only names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Opaque {
    /// An `AbortSignal` (what `options.signal` must be).
    AbortSignal,
    /// A function (what `onProgress` must be).
    Function,
    /// A symbol.
    Symbol,
    /// A bigint.
    BigInt,
    /// An object that is not a plain object (a `Map`, a class instance).
    ClassInstance,
    /// An array nested deeper than the boundary converts.
    DeepArray,
    /// An object nested deeper than the boundary converts.
    DeepObject,
}

impl Opaque {
    /// The kind as messages name it.
    pub fn name(self) -> &'static str {
        match self {
            Opaque::AbortSignal => "AbortSignal",
            Opaque::Function => "function",
            Opaque::Symbol => "symbol",
            Opaque::BigInt => "bigint",
            Opaque::ClassInstance => "class instance (not a plain object)",
            Opaque::DeepArray => "deeply nested array",
            Opaque::DeepObject => "deeply nested object",
        }
    }
}

/// A number as text without float formatting (which would cost the wasm module ~20 KB):
/// integers exactly, other numbers rounded to three decimals.
pub fn number_text(n: f64) -> String {
    if !n.is_finite() {
        return if n.is_nan() {
            "NaN".into()
        } else {
            "Infinity".into()
        };
    }
    if n.fract() == 0.0 && n.abs() < 1e18 {
        return (n as i64).to_string();
    }
    if n.abs() < 1e15 {
        let sign = if n < 0.0 { "-" } else { "" };
        let scaled = (n.abs() * 1000.0).round() as u64;
        // Three digits after the point (1000 + x keeps the leading zeros), trailing zeros cut.
        let thousandths = (1000 + scaled % 1000).to_string();
        let frac = thousandths.get(1..).unwrap_or("").trim_end_matches('0');
        let dot = if frac.is_empty() { "" } else { "." };
        return format!("{sign}{}{dot}{frac}", scaled / 1000);
    }
    "a very large number".into()
}

/// The boundary converts at most this many array elements: one more than any array may
/// hold, so that an over-long array is still reported as too long.
pub const MAX_CONVERTED_ITEMS: usize = 101;

impl Input {
    /// True for `undefined` and `null`, which mean "not set".
    pub fn is_unset(&self) -> bool {
        matches!(self, Input::Undefined | Input::Null)
    }

    /// How the value is described in an error message ("a number", "an array", ...).
    pub fn describe(&self) -> String {
        match self {
            Input::Undefined => "undefined".into(),
            Input::Null => "null".into(),
            Input::Bool(_) => "a boolean".into(),
            Input::Number(n) if n.is_nan() => "NaN".into(),
            Input::Number(n) if n.is_infinite() => "Infinity".into(),
            Input::Number(n) => format!("the number {}", number_text(*n)),
            Input::String(_) | Input::BrokenString => "a string".into(),
            Input::Date(_) => "a Date".into(),
            Input::Array(_) => "an array".into(),
            Input::Object(_) => "an object".into(),
            Input::Opaque(kind) => format!("a {}", kind.name()),
            Input::Unreadable => "an unreadable value".into(),
        }
    }

    /// Fails (with `code`) on the first value that could not be read, naming its path:
    /// `what` (the argument: `query`, `options`) for the whole value, top-level keys bare
    /// (`filter.status`), array items with their index (`filter.status_in[1]`).
    pub fn check_readable(&self, what: &str, code: ErrorCode) -> Result<(), Error> {
        match self.unreadable_at("") {
            None => Ok(()),
            Some(path) => Err(Error::at(
                code,
                if path.is_empty() { what } else { &path },
                "could not be read (a getter or Proxy threw); pass a plain object",
            )),
        }
    }

    fn unreadable_at(&self, path: &str) -> Option<String> {
        match self {
            Input::Unreadable => Some(path.to_string()),
            Input::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, v)| v.unreadable_at(&format!("{path}[{i}]"))),
            Input::Object(members) => members.iter().find_map(|(k, v)| {
                let child = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                v.unreadable_at(&child)
            }),
            _ => None,
        }
    }

    /// A member of an object (`Undefined` when absent or not an object).
    pub fn member(&self, key: &str) -> &Input {
        match self {
            Input::Object(members) => members
                .iter()
                .find(|(k, _)| k == key)
                .map_or(&Input::Undefined, |(_, v)| v),
            _ => &Input::Undefined,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_without_float_formatting() {
        assert_eq!(number_text(42.0), "42");
        assert_eq!(number_text(-7.0), "-7");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(-0.25), "-0.25");
        assert_eq!(number_text(0.0001), "0");
        assert_eq!(number_text(f64::NAN), "NaN");
        assert_eq!(number_text(f64::INFINITY), "Infinity");
        assert_eq!(number_text(1e300), "a very large number");
    }

    #[test]
    fn unreadable_values_are_named_by_path() {
        let code = ErrorCode::InvalidFilter;
        assert!(Input::Null.check_readable("query", code).is_ok());
        let e = Input::Unreadable.check_readable("query", code);
        assert_eq!(e.map_err(|e| e.path.clone()), Err(Some("query".into())));
        let v = Input::Object(vec![(
            "filter".into(),
            Input::Object(vec![(
                "status_in".into(),
                Input::Array(vec![Input::Null, Input::Unreadable]),
            )]),
        )]);
        let e = v.check_readable("query", code).map_err(|e| e.path.clone());
        assert_eq!(e, Err(Some("filter.status_in[1]".into())));
    }

    #[test]
    fn deserializes_from_the_tagged_form_the_js_guard_writes() {
        let v: Input = serde_json::from_str(
            r#"{"Object":[["a",{"Number":1.5}],["b","Undefined"],["c",{"Date":null}],["d",{"Opaque":"AbortSignal"}],["e",{"Array":["BrokenString",{"String":"x"},"Unreadable"]}]]}"#,
        )
        .unwrap();
        assert_eq!(
            v,
            Input::Object(vec![
                ("a".into(), Input::Number(1.5)),
                ("b".into(), Input::Undefined),
                ("c".into(), Input::Date(None)),
                ("d".into(), Input::Opaque(Opaque::AbortSignal)),
                (
                    "e".into(),
                    Input::Array(vec![
                        Input::BrokenString,
                        Input::String("x".into()),
                        Input::Unreadable
                    ])
                ),
            ])
        );
    }
}
