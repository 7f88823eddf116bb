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
        return crate::text::int(n as i64);
    }
    if n.abs() < 1e15 {
        let sign = if n < 0.0 { "-" } else { "" };
        let scaled = (n.abs() * 1000.0).round() as u64;
        // Three digits after the point (1000 + x keeps the leading zeros), trailing zeros cut.
        let thousandths = crate::text::num(1000 + scaled % 1000);
        let frac = thousandths.get(1..).unwrap_or("").trim_end_matches('0');
        let dot = if frac.is_empty() { "" } else { "." };
        return cat![sign, crate::text::num(scaled / 1000), dot, frac];
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
            Input::Number(n) => cat!["the number ", number_text(*n)],
            Input::String(_) | Input::BrokenString => "a string".into(),
            Input::Date(_) => "a Date".into(),
            Input::Array(_) => "an array".into(),
            Input::Object(_) => "an object".into(),
            Input::Opaque(kind) => cat!["a ", kind],
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
}
