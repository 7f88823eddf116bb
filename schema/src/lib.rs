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

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The largest integer JS numbers hold exactly: 2^53 - 1.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// How many [`Ty::Count`] values one validation can capture.
pub const CAPTURE_SLOTS: usize = 8;

/// The JSON type a field's value must have (when present and, if the field allows it, not
/// `null`).
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// A string.
    Str,
    /// `true` or `false`.
    Bool,
    /// An integral number within ±(2^53 - 1).
    Int,
    /// A non-negative integer within 2^53 - 1, captured into this slot of [`Captures`].
    Count(u8),
    /// An array of strings.
    StrList,
    /// An object of this schema.
    Object(&'static Schema),
    /// An array of objects of this schema.
    List(&'static Schema),
    /// Any JSON value, not checked (serde_json's nesting limit still applies).
    Any,
}

/// One known field of an object.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The key, as the API spells it.
    pub name: &'static str,
    /// The type its value must have.
    pub ty: Ty,
    /// Whether an object without this key is invalid.
    pub required: bool,
    /// Whether `null` is accepted in place of a value.
    pub nullable: bool,
}

impl Field {
    /// An optional field that may be `null` (what most response fields are).
    pub const fn optional(name: &'static str, ty: Ty) -> Field {
        Field {
            name,
            ty,
            required: false,
            nullable: true,
        }
    }

    /// A field that must be present and not `null`.
    pub const fn required(name: &'static str, ty: Ty) -> Field {
        Field {
            name,
            ty,
            required: true,
            nullable: false,
        }
    }
}

/// An object's schema: how it is named in messages and its known fields, **sorted by name**
/// (the validator looks keys up by binary search; [`Schema::is_sorted`] checks a table).
#[derive(Debug)]
pub struct Schema {
    /// The object as messages name it: `"a port-out object"`.
    pub what: &'static str,
    /// The known fields, sorted by name; at most 64.
    pub fields: &'static [Field],
    /// Bit `i` set when `fields[i]` is required.
    required: u64,
}

impl Schema {
    /// A schema of the object named `what` (in messages) with these fields, sorted by name.
    // Indexing is bounded by the loop condition, and a const fn runs at compile time.
    #[allow(clippy::indexing_slicing)]
    pub const fn new(what: &'static str, fields: &'static [Field]) -> Schema {
        let mut required = 0u64;
        let mut i = 0;
        while i < fields.len() && i < 64 {
            if fields[i].required {
                required |= 1 << i;
            }
            i += 1;
        }
        Schema {
            what,
            fields,
            required,
        }
    }

    /// True when the fields are sorted by name, unique and at most 64 (every table must be).
    pub fn is_sorted(&self) -> bool {
        self.fields.len() <= 64
            && self.fields.windows(2).all(|w| match w {
                [a, b] => a.name < b.name,
                _ => true,
            })
    }

    fn find(&self, key: &str) -> Option<u8> {
        self.fields
            .binary_search_by(|f| f.name.cmp(key))
            .ok()
            .map(|i| i as u8)
    }
}

/// The values of the [`Ty::Count`] fields read, by slot (`None`: absent or `null`).
pub type Captures = [Option<u64>; CAPTURE_SLOTS];

/// Why a body is not valid: the path of the first bad value (empty for the whole body) and
/// the reason (`"must be a string, got a number"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// `data[3].phone_numbers[0]`, or empty.
    pub path: String,
    /// What is wrong there.
    pub reason: String,
}

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

/// One step of a path, pushed as a failure returns outwards (innermost first).
#[derive(Debug)]
enum Segment {
    Key(&'static str),
    Index(usize),
}

/// What the seeds share while one body is validated.
#[derive(Debug, Default)]
struct State {
    path: Vec<Segment>,
    /// Set by a type check that failed; `None` when serde_json itself failed (syntax).
    reason: Option<String>,
    captures: Captures,
    /// For [`mentions`]: the text looked for in strings and keys, and whether it was seen.
    needle: Option<String>,
    found: bool,
}

impl State {
    /// Notes whether `s` (a decoded string or key) contains the needle, if one is set.
    fn look_at(&mut self, s: &str) {
        if let Some(needle) = &self.needle {
            self.found |= contains(s, needle);
        }
    }

    /// Records a type failure and returns the error that unwinds the parse.
    fn fail<E: de::Error>(&mut self, reason: String) -> E {
        self.reason = Some(reason);
        E::custom("invalid")
    }

    fn failure(self, error: &serde_json::Error) -> Failure {
        let mut path = String::new();
        for segment in self.path.iter().rev() {
            match segment {
                Segment::Key(k) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                }
                Segment::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
            }
        }
        let reason = self.reason.unwrap_or_else(|| syntax_reason(error).into());
        Failure { path, reason }
    }
}

/// `haystack.contains(needle)` as a plain window comparison: `str::contains` brings the
/// two-way string searcher (2.5 KB of wasm) for texts this short.
fn contains(haystack: &str, needle: &str) -> bool {
    needle.is_empty()
        || haystack
            .as_bytes()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
}

/// What a serde_json syntax error means for a person reading a response.
fn syntax_reason(error: &serde_json::Error) -> &'static str {
    if error.is_eof() {
        return "the body ends in the middle of a value (truncated?)";
    }
    let text = error.to_string();
    let says = |s: &str| contains(&text, s);
    if says("trailing characters") {
        "there is more content after the JSON value"
    } else if says("recursion limit") {
        "values are nested too deeply"
    } else if says("control character") || says("escape") || says("surrogate") || says("unicode") {
        "a string has a raw control character or a bad escape"
    } else if says("number") {
        "a number is malformed"
    } else {
        "the body is not JSON"
    }
}

/// Predicted field indices by key position, learned from the previous object of a list:
/// records of one response list their keys in the same order, so the next key is usually
/// the one predicted, one comparison instead of a search.
type Order = [u8; 64];

const UNKNOWN: u8 = u8::MAX;

/// The seed (and visitor) of one value of type `ty`.
struct Check<'a> {
    ty: Ty,
    nullable: bool,
    state: &'a mut State,
    /// The key order shared by the objects of one list.
    order: Option<&'a mut Order>,
}

impl<'de> DeserializeSeed<'de> for Check<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Check<'_> {
    fn expected(&self) -> &'static str {
        match self.ty {
            Ty::Str => "a string",
            Ty::Bool => "a boolean",
            Ty::Int | Ty::Count(_) => "an integer",
            Ty::StrList => "an array of strings",
            Ty::Object(schema) => schema.what,
            Ty::List(_) => "an array",
            Ty::Any => "a JSON value",
        }
    }

    fn wrong<E: de::Error>(self, got: &str) -> Result<(), E> {
        let reason = format!("must be {}, got {}", self.expected(), got);
        Err(self.state.fail(reason))
    }

    /// A number: an integer for [`Ty::Int`] and [`Ty::Count`] (whose value is captured).
    fn number<E: de::Error>(self, n: Number) -> Result<(), E> {
        let (negative, magnitude) = match (self.ty, n) {
            (Ty::Int | Ty::Count(_), Number::Fraction(n)) => {
                let reason = format!("must be an integer, got {n}");
                return Err(self.state.fail(reason));
            }
            (Ty::Int | Ty::Count(_), Number::Huge) => {
                return Err(self
                    .state
                    .fail("must be an integer within ±(2^53 - 1), got a larger number".into()));
            }
            (Ty::Int | Ty::Count(_), Number::Integer(negative, magnitude)) => (negative, magnitude),
            (Ty::Any, _) => return Ok(()),
            _ => return self.wrong("a number"),
        };
        if magnitude > MAX_SAFE_INTEGER {
            let sign = if negative { "-" } else { "" };
            let reason = format!("must be an integer within ±(2^53 - 1), got {sign}{magnitude}");
            return Err(self.state.fail(reason));
        }
        if let Ty::Count(slot) = self.ty {
            if negative && magnitude != 0 {
                return Err(self.state.fail("must not be negative".into()));
            }
            if let Some(c) = self.state.captures.get_mut(usize::from(slot)) {
                *c = Some(magnitude);
            }
        }
        Ok(())
    }

    /// The fields of an object of `schema`.
    fn object<'de, A: MapAccess<'de>>(
        self,
        schema: &'static Schema,
        mut map: A,
    ) -> Result<(), A::Error> {
        let mut own = [UNKNOWN; 64];
        let order = match self.order {
            Some(order) => order,
            None => &mut own,
        };
        let state = self.state;
        let mut seen: u64 = 0;
        let mut position = 0usize;
        loop {
            let predicted = order.get(position).copied().unwrap_or(UNKNOWN);
            let key = map.next_key_seed(Key {
                schema,
                predicted,
                state: &mut *state,
            })?;
            let Some(index) = key else { break };
            if let Some(slot) = order.get_mut(position) {
                *slot = index;
            }
            position += 1;
            match schema.fields.get(usize::from(index)) {
                Some(field) => {
                    seen |= 1u64 << (index & 63);
                    let check = Check {
                        ty: field.ty,
                        nullable: field.nullable,
                        state: &mut *state,
                        order: None,
                    };
                    if let Err(e) = map.next_value_seed(check) {
                        state.path.push(Segment::Key(field.name));
                        return Err(e);
                    }
                }
                None => map.next_value_seed(Check {
                    ty: Ty::Any,
                    nullable: true,
                    state: &mut *state,
                    order: None,
                })?,
            }
        }
        let missing = schema.required & !seen;
        if missing != 0 {
            let first = missing.trailing_zeros() as usize;
            if let Some(field) = schema.fields.get(first) {
                let reason = match field.ty {
                    Ty::Object(_) => format!("has no \"{}\" object", field.name),
                    Ty::List(_) => format!("has no \"{}\" array", field.name),
                    _ => format!("has no {}", field.name),
                };
                return Err(state.fail(reason));
            }
        }
        Ok(())
    }

    /// The items of an array, each of type `item` (a list's objects share one key order).
    fn items<'de, A: SeqAccess<'de>>(self, item: Ty, mut seq: A) -> Result<(), A::Error> {
        let state = self.state;
        let mut order = [UNKNOWN; 64];
        let mut index = 0usize;
        loop {
            let check = Check {
                ty: item,
                nullable: matches!(item, Ty::Any),
                state: &mut *state,
                order: Some(&mut order),
            };
            // Unknown values have no path of their own (their key is not named either).
            let at = (!matches!(item, Ty::Any)).then_some(index);
            match seq.next_element_seed(Indexed(check, at)) {
                Ok(Some(())) => index += 1,
                Ok(None) => return Ok(()),
                Err(e) => return Err(e),
            }
        }
    }
}

/// A number as the checks see it (serde_json hands integers and floats separately).
#[derive(Clone, Copy)]
enum Number {
    /// An integral value: its sign and magnitude.
    Integer(bool, u64),
    /// A value with a fractional part (or not finite).
    Fraction(f64),
    /// An integral value beyond the range of u64.
    Huge,
}

impl<'de> Visitor<'de> for Check<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expected())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        if self.nullable {
            Ok(())
        } else {
            self.wrong("null")
        }
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        match self.ty {
            Ty::Bool | Ty::Any => Ok(()),
            _ => self.wrong("a boolean"),
        }
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<(), E> {
        self.number(Number::Integer(false, n))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<(), E> {
        self.number(Number::Integer(n < 0, n.unsigned_abs()))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<(), E> {
        let number = if n.fract() != 0.0 || !n.is_finite() {
            Number::Fraction(n)
        } else if n.abs() < 18_446_744_073_709_551_616.0 {
            Number::Integer(n < 0.0, n.abs() as u64)
        } else {
            Number::Huge
        };
        self.number(number)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        match self.ty {
            Ty::Str => Ok(()),
            Ty::Any => {
                self.state.look_at(s);
                Ok(())
            }
            _ => self.wrong("a string"),
        }
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<(), E> {
        self.visit_str(s)
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<(), E> {
        self.visit_str(&s)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        match self.ty {
            Ty::List(schema) => self.items(Ty::Object(schema), seq),
            Ty::StrList => self.items(Ty::Str, seq),
            Ty::Any => self.items(Ty::Any, seq),
            _ => self.wrong("an array"),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        match self.ty {
            Ty::Object(schema) => self.object(schema, map),
            Ty::Any => self.object(&ANY_OBJECT, map),
            _ => self.wrong("an object"),
        }
    }
}

/// An object whose fields are all unknown (the members of an unchecked value).
static ANY_OBJECT: Schema = Schema::new("an object", &[]);

/// The seed of an array item: pushes the item's index when the item itself fails (not when
/// the array around it is malformed).
struct Indexed<'a>(Check<'a>, Option<usize>);

impl<'de> DeserializeSeed<'de> for Indexed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let Indexed(check, index) = self;
        let Check {
            ty,
            nullable,
            state,
            order,
        } = check;
        let result = deserializer.deserialize_any(Check {
            ty,
            nullable,
            state: &mut *state,
            order,
        });
        if let (Err(_), Some(index)) = (&result, index) {
            state.path.push(Segment::Index(index));
        }
        result
    }
}

/// The seed of an object key: the index of the known field it names, or [`UNKNOWN`].
struct Key<'a> {
    schema: &'static Schema,
    predicted: u8,
    state: &'a mut State,
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = u8;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u8, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = u8;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<u8, E> {
        self.state.look_at(key);
        let predicted = self.schema.fields.get(usize::from(self.predicted));
        if predicted.is_some_and(|f| f.name == key) {
            return Ok(self.predicted);
        }
        Ok(self.schema.find(key).unwrap_or(UNKNOWN))
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<u8, E> {
        self.visit_str(key)
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<u8, E> {
        self.visit_str(&key)
    }
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
    fn contains_is_str_contains() {
        for (h, n) in [
            ("abc", "b"),
            ("abc", ""),
            ("", "a"),
            ("aab", "ab"),
            ("é€", "€"),
            ("ab", "abc"),
        ] {
            assert_eq!(contains(h, n), h.contains(n), "{h} {n}");
        }
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
