//! A list's query string read back into the query object its reader takes (`{ filter, page }`
//! as an [`Input`]): for `parsePortoutsQuery`, and for the gateway, which validates a page's
//! query string with the same reader the client applies before sending. Every array format
//! is understood (`a,b`, `x[]=a&x[]=b`, `x=a&x=b`); which filters are arrays and which are
//! numbers is the list's [`QueryShape`].

use crate::client::encode::percent_decode;
use crate::client::error::Error;
use crate::client::input::Input;

/// What a list's query string holds besides text.
#[derive(Debug, PartialEq, Eq)]
pub struct QueryShape {
    /// Filters that are arrays (comma-joined or repeated in the query string).
    pub arrays: &'static [&'static str],
    /// Filters whose values are numbers (`page[...]` values always are).
    pub numbers: &'static [&'static str],
}

/// A list whose filters are all texts and single values.
pub const TEXT_FILTERS: QueryShape = QueryShape {
    arrays: &[],
    numbers: &[],
};

/// Parses a query string (a leading `?` optional) into the query object of a list of shape
/// `shape`. Errors are `invalid_filter`, naming the parameter; the list's reader validates
/// the result.
pub fn query_input(search: &str, shape: &QueryShape) -> Result<Input, Error> {
    let search = search.strip_prefix('?').unwrap_or(search);
    let mut filter: Vec<(String, Input)> = Vec::new();
    let mut page: Vec<(String, Input)> = Vec::new();
    for pair in search.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key)
            .ok_or_else(|| Error::invalid_filter(raw_key, "is not valid percent-encoded UTF-8"))?;
        let value = percent_decode(raw_value).ok_or_else(|| {
            Error::invalid_filter(&key, "has a value that is not valid percent-encoded UTF-8")
        })?;
        let path = parse_key(&key).ok_or_else(|| {
            Error::invalid_filter(&key, "unknown parameter; expected filter[name], filter[name][gte|lte], page[number] or page[size]")
        })?;
        let twice = || Error::invalid_filter(&key, "is given more than once");
        match path {
            KeyPath::Page(name) => {
                if page.iter().any(|(k, _)| *k == name) {
                    return Err(twice());
                }
                page.push((name, number_value(&value)));
            }
            KeyPath::Filter(name, None) | KeyPath::FilterArray(name) => {
                let is_number = shape.numbers.contains(&name.as_str());
                let item = |s: &str| {
                    if is_number {
                        number_value(s)
                    } else {
                        Input::String(s.to_string())
                    }
                };
                let is_array = shape.arrays.contains(&name.as_str());
                let existing = filter.iter_mut().find(|(k, _)| *k == name);
                match (is_array, existing) {
                    (true, Some((_, Input::Array(items)))) => {
                        items.extend(value.split(',').map(item))
                    }
                    (true, None) => {
                        filter.push((name, Input::Array(value.split(',').map(item).collect())))
                    }
                    (false, None) => filter.push((name, item(&value))),
                    (_, Some(_)) => return Err(twice()),
                }
            }
            KeyPath::Filter(name, Some(op)) => {
                let slot = match filter.iter_mut().position(|(k, _)| *k == name) {
                    Some(i) => filter.get_mut(i),
                    None => {
                        filter.push((name, Input::Object(Vec::new())));
                        filter.last_mut()
                    }
                };
                match slot {
                    Some((_, Input::Object(ops))) if !ops.iter().any(|(k, _)| *k == op) => {
                        ops.push((op, Input::String(value)))
                    }
                    _ => return Err(twice()),
                }
            }
        }
    }
    let mut top = Vec::new();
    if !filter.is_empty() {
        top.push(("filter".to_string(), Input::Object(filter)));
    }
    if !page.is_empty() {
        top.push(("page".to_string(), Input::Object(page)));
    }
    Ok(Input::Object(top))
}

/// A number when written as a plain decimal integer (no sign, no leading zero), else the text
/// (which the reader then refuses with its own message).
fn number_value(v: &str) -> Input {
    let canonical = !v.is_empty()
        && v.bytes().all(|b| b.is_ascii_digit())
        && !(v.len() > 1 && v.starts_with('0'));
    match v.parse::<u64>() {
        Ok(n) if canonical => Input::Number(n as f64),
        _ => Input::String(v.to_string()),
    }
}

enum KeyPath {
    /// `page[name]`
    Page(String),
    /// `filter[name]` or `filter[name][op]`
    Filter(String, Option<String>),
    /// `filter[name][]`
    FilterArray(String),
}

/// Splits `filter[a][b]` / `page[a]` into its parts.
fn parse_key(key: &str) -> Option<KeyPath> {
    let (head, rest) = key.split_once('[')?;
    let mut parts = Vec::new();
    let mut rest = rest;
    loop {
        let (inner, after) = rest.split_once(']')?;
        parts.push(inner);
        if after.is_empty() {
            break;
        }
        rest = after.strip_prefix('[')?;
    }
    let name = |s: &&str| !s.is_empty() && !s.contains('[');
    match (head, parts.as_slice()) {
        ("page", [p]) if name(p) => Some(KeyPath::Page(p.to_string())),
        ("filter", [f]) if name(f) => Some(KeyPath::Filter(f.to_string(), None)),
        ("filter", [f, ""]) if name(f) => Some(KeyPath::FilterArray(f.to_string())),
        ("filter", [f, op]) if name(f) && name(op) => {
            Some(KeyPath::Filter(f.to_string(), Some(op.to_string())))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPE: QueryShape = QueryShape {
        arrays: &["status_in", "code"],
        numbers: &["code"],
    };

    fn s(v: &str) -> Input {
        Input::String(v.into())
    }

    #[test]
    fn reads_filters_arrays_numbers_and_pages() {
        let got = query_input(
            "?filter[status_in]=a,b&filter[status_in][]=c&filter[code]=1,07&filter[x][gte]=d&page[size]=25",
            &SHAPE,
        );
        let want = Input::Object(vec![
            (
                "filter".into(),
                Input::Object(vec![
                    (
                        "status_in".into(),
                        Input::Array(vec![s("a"), s("b"), s("c")]),
                    ),
                    (
                        "code".into(),
                        Input::Array(vec![Input::Number(1.0), s("07")]),
                    ),
                    ("x".into(), Input::Object(vec![("gte".into(), s("d"))])),
                ]),
            ),
            (
                "page".into(),
                Input::Object(vec![("size".into(), Input::Number(25.0))]),
            ),
        ]);
        assert_eq!(got.ok(), Some(want));
        assert_eq!(query_input("", &SHAPE).ok(), Some(Input::Object(vec![])));
    }

    #[test]
    fn refuses_repeats_unknown_keys_and_bad_encoding() {
        let path = |q: &str| {
            query_input(q, &TEXT_FILTERS)
                .err()
                .and_then(|e| e.path.clone())
        };
        assert_eq!(path("filter[a]=1&filter[a]=2"), Some("filter[a]".into()));
        assert_eq!(path("page[size]=1&page[size]=2"), Some("page[size]".into()));
        assert_eq!(path("sort=x"), Some("sort".into()));
        assert_eq!(path("filter[a]=%FF"), Some("filter[a]".into()));
        assert_eq!(path("filter[a][b][c]=1"), Some("filter[a][b][c]".into()));
    }
}
