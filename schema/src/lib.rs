//! # telnyx-portouts-schema
//!
//! The one response validator of telnyx-portouts: a [`serde::de::DeserializeSeed`] driven by
//! schemas written as data ([`Schema`], const tables of [`Field`]s), run by `serde_json` over the
//! response text. It builds nothing (JS builds the objects with `JSON.parse`); it checks every
//! known field's type, keeps unknown fields and tolerates `null` where a field allows it, reads
//! the integers a caller asks for ([`Ty::Count`]), and on failure names the path of the first
//! bad value (`data[3].status`) and why.
//!
//! It is a crate of its own so that it alone is compiled at `opt-level = 3`: it instantiates
//! serde_json's generic parser, the hot path of every response, while the rest of the library
//! stays at `opt-level = "z"`.
#![deny(missing_docs, missing_debug_implementations)]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

// The seed and visitor of one value (numbers, objects, arrays).
mod check;
// The seed of an object key and the key order predicted along a list.
mod key;
// The path and reason of a failure, and the state the seeds share.
mod path;
// The schemas as data, and what a validation returns.
mod schema;

pub use schema::{Captures, Failure, Field, Schema, Ty, CAPTURE_SLOTS, MAX_SAFE_INTEGER};

use check::Check;
use path::State;
use serde::de::DeserializeSeed;

/// Validates `text` as one JSON value of the object schema `schema` and returns the captured
/// counts.
pub fn validate(text: &str, schema: &'static Schema) -> Result<Captures, Failure> {
    if text.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        return Err(Failure {
            path: String::new(),
            reason: "the body is empty".into(),
        });
    }
    let mut state = State::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let checked = Check {
        ty: Ty::Object(schema),
        nullable: false,
        state: &mut state,
        order: None,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    match checked {
        Ok(()) => Ok(state.captures),
        Err(e) => Err(state.failure(&e)),
    }
}

/// True when `text` is one JSON value that serde_json's parser accepts (escapes, numbers and
/// nesting checked, as the validator checks them). serde_json's `RawValue` only skips a value
/// (lone surrogates in escapes, numbers out of range and any depth pass); this is the check
/// a raw value's text gets before it is kept.
pub fn is_json(text: &str) -> bool {
    read_any(text, None).is_some()
}

/// True when a decoded string or key anywhere in the JSON `text` contains `needle` (escapes
/// resolved, so `"\u0041"` is seen as `"A"`), or when `text` is not JSON. Used to make sure a
/// secret cannot pass through a JSON text in escaped form.
pub fn mentions(text: &str, needle: &str) -> bool {
    read_any(text, Some(needle)).unwrap_or(true)
}

/// Reads `text` as one unchecked JSON value: `None` when it is not JSON, else whether a
/// decoded string or key contains `needle`.
fn read_any(text: &str, needle: Option<&str>) -> Option<bool> {
    let mut state = State {
        needle: needle.map(str::to_string),
        ..State::default()
    };
    let mut de = serde_json::Deserializer::from_str(text);
    Check {
        ty: Ty::Any,
        nullable: true,
        state: &mut state,
        order: None,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end())
    .ok()
    .map(|()| state.found)
}

#[cfg(test)]
mod tests {
    use super::*;

    static ITEM: Schema = Schema::new(
        "an item",
        &[
            Field::optional("flag", Ty::Bool),
            Field::optional("id", Ty::Str),
            Field::optional("n", Ty::Int),
            Field::optional("tags", Ty::StrList),
        ],
    );
    static META: Schema = Schema::new(
        "an object",
        &[
            Field::required("page", Ty::Count(0)),
            Field::required("total", Ty::Count(1)),
        ],
    );
    static TOP: Schema = Schema::new(
        "a JSON object",
        &[
            Field::required("data", Ty::List(&ITEM)),
            Field::required("meta", Ty::Object(&META)),
        ],
    );

    fn fail(text: &str) -> (String, String) {
        match validate(text, &TOP) {
            Ok(c) => panic!("expected a failure for {text}, got {c:?}"),
            Err(f) => (f.path, f.reason),
        }
    }

    const META_OK: &str = r#""meta":{"page":1,"total":2}"#;

    #[test]
    fn tables_are_sorted() {
        assert!(ITEM.is_sorted() && META.is_sorted() && TOP.is_sorted());
    }

    #[test]
    fn accepts_and_captures() {
        let body = format!(
            r#"{{"data":[{{"id":"a","n":3.0,"x":{{"y":[1,"z",null]}}}},{{"id":null,"tags":["t"],"flag":true}}],{META_OK},"extra":1}}"#
        );
        let c = validate(&body, &TOP).unwrap();
        assert_eq!((c[0], c[1]), (Some(1), Some(2)));
    }

    #[test]
    fn names_the_path_and_the_reason() {
        let cases = [
            (
                r#"{"data":[{"id":1}]"#,
                "data[0].id",
                "must be a string, got a number",
            ),
            (
                r#"{"data":[{},{"tags":["a",2]}]"#,
                "data[1].tags[1]",
                "must be a string",
            ),
            (
                r#"{"data":[{"tags":"a"}]"#,
                "data[0].tags",
                "must be an array of strings",
            ),
            (
                r#"{"data":[{"n":1.5}]"#,
                "data[0].n",
                "must be an integer, got 1.5",
            ),
            (
                r#"{"data":[{"n":-85631247.97}]"#,
                "data[0].n",
                "got -85631247.97",
            ),
            (
                r#"{"data":[{"n":1e300}]"#,
                "data[0].n",
                "within ±(2^53 - 1), got a larger number",
            ),
            (
                r#"{"data":[{"n":9007199254740992}]"#,
                "data[0].n",
                "9007199254740992",
            ),
            (
                r#"{"data":[{"flag":"yes"}]"#,
                "data[0].flag",
                "a boolean, got a string",
            ),
            (r#"{"data":[7]"#, "data[0]", "must be an item, got a number"),
            (r#"{"data":{}"#, "data", "must be an array, got an object"),
            (
                r#"{"data":[{"i\u0064":7}]"#,
                "data[0].id",
                "must be a string",
            ),
        ];
        for (head, path, reason) in cases {
            let (p, r) = fail(&format!("{head},{META_OK}}}"));
            assert_eq!(p, path, "{head}");
            assert!(r.contains(reason), "{head}: {r}");
        }
    }

    #[test]
    fn required_fields_and_shapes() {
        assert_eq!(fail(&format!("{{{META_OK}}}")).1, "has no \"data\" array");
        assert_eq!(fail(r#"{"data":[]}"#).1, "has no \"meta\" object");
        let (p, r) = fail(r#"{"data":[],"meta":{"page":1}}"#);
        assert_eq!((p.as_str(), r.as_str()), ("meta", "has no total"));
        let (p, r) = fail(r#"{"data":[],"meta":{"page":-1,"total":0}}"#);
        assert_eq!(
            (p.as_str(), r.as_str()),
            ("meta.page", "must not be negative")
        );
        let (p, r) = fail(r#"{"data":[],"meta":{"page":null,"total":0}}"#);
        assert_eq!(p, "meta.page");
        assert!(r.contains("got null"), "{r}");
        assert_eq!(fail("[]").1, "must be a JSON object, got an array");
        assert_eq!(fail("  ").1, "the body is empty");
    }

    #[test]
    fn syntax_errors_keep_the_path_of_the_value_they_are_in() {
        let (p, r) = fail(r#"{"data":[{"id":"a"}"#);
        assert_eq!(p, "data");
        assert!(r.contains("truncated"), "{r}");
        let (p, r) = fail(r#"{"data":[{"id":"a"#);
        assert_eq!(p, "data[0].id");
        assert!(r.contains("truncated"), "{r}");
        assert_eq!(fail("<html>").1, "the body is not JSON");
        assert!(fail(&format!("{{\"data\":[],{META_OK}}} x"))
            .1
            .contains("more content"));
        assert!(fail("{\"data\":[{\"id\":\"a\u{1}\"}]}")
            .1
            .contains("control character"));
        assert_eq!(fail(r#"{"data":[{"n":-}]}"#).1, "a number is malformed");
    }

    #[test]
    fn is_json_checks_what_raw_values_skip() {
        assert!(is_json(r#"[{"title":"x","n":1e308,"s":"\ud83d\ude00"}]"#));
        assert!(!is_json(r#"["\ud800"]"#));
        assert!(!is_json("[1e309]"));
        assert!(!is_json(&format!("{}{}", "[".repeat(128), "]".repeat(128))));
        assert!(!is_json("[1] x"));
    }

    #[test]
    fn mentions_sees_through_escapes() {
        assert!(mentions(r#"[{"detail":"Bearer KEY123"}]"#, "KEY123"));
        assert!(mentions(r#"[{"detail":"Bearer \u004bEY123"}]"#, "KEY123"));
        assert!(mentions(r#"{"KE\u0059123":1}"#, "KEY123"));
        assert!(!mentions(
            r#"[{"detail":"Bearer [REDACTED]","n":[1,null,true]}]"#,
            "KEY123"
        ));
        assert!(mentions("[", "KEY123"));
    }

    #[test]
    fn unknown_values_obey_the_nesting_limit() {
        let nested = |n: usize| {
            format!(
                r#"{{"data":[{{"x":{}{}}}],{META_OK}}}"#,
                "[".repeat(n),
                "]".repeat(n)
            )
        };
        assert!(validate(&nested(124), &TOP).is_ok());
        let (p, r) = fail(&nested(125));
        assert_eq!(p, "data[0]");
        assert!(r.contains("nested too deeply"), "{r}");
    }
}
