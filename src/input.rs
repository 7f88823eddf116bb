//! [`Input`]: a JS value as the core sees it. The wasm boundary converts whatever JS passed
//! (a query object, options) into this tree, and the query-string parser produces one too,
//! so one validator serves both and the core stays free of wasm imports.

/// A JS value, reduced to what validation needs.
#[derive(Debug, Clone, PartialEq)]
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
    /// Anything else, by its kind: `"function"`, `"symbol"`, `"bigint"`, `"AbortSignal"`,
    /// `"object"` (nested deeper than the boundary converts).
    Opaque(&'static str),
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
            Input::Number(_) => "a number".into(),
            Input::String(_) | Input::BrokenString => "a string".into(),
            Input::Date(_) => "a Date".into(),
            Input::Array(_) => "an array".into(),
            Input::Object(_) => "an object".into(),
            Input::Opaque(kind) => format!("a {kind}"),
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
