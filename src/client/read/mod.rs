//! Reading arguments from an [`Input`]: one reader per kind of value (a text, a date, a
//! range, a page, an array, an unknown key with its did-you-mean), shared by every
//! operation's parameters. A [`Reader`] carries the error code its failures get:
//! `invalid_filter` for list queries, `invalid_params` for path arguments and bodies.
//!
//! The readers are methods of [`Reader`], one file per kind: this file has the shared parts
//! (the limits, [`printable`], unknown keys) and the readers of an argument's structure (an
//! object and its members, a required value, an array); `text.rs` the texts (a text value,
//! a free text, a UUID, an E.164 number), `dates.rs` a date and a date range, `pages.rs` a
//! list query and its page, `choices.rs` a boolean and one of a set of names.

mod choices;
mod dates;
mod pages;
mod text;

pub use dates::RANGE_KEYS;
pub use pages::{PAGED_QUERY_KEYS, PAGE_KEYS};

use crate::client::error::{Error, ErrorCode};
use crate::client::input::Input;
use crate::client::suggest::did_you_mean;

/// At most this many items in an array filter.
pub const MAX_ARRAY_ITEMS: usize = 100;
/// At most this many characters in a text value.
pub const MAX_TEXT_CHARS: usize = 256;
/// At most this many characters in a comment or a reason (below the 8192 UTF-16 units the
/// JS guard converts of a string, so a longer one is refused, not cut).
pub const MAX_MESSAGE_CHARS: usize = 5_000;

/// `key` for messages: its first 64 characters as Rust's `char::escape_default` writes them
/// (`\n`, `\'`, `\\`, `\u{e9}`: printable ASCII only), then `…` if it was longer.
pub fn printable(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars().take(64) {
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\'' | '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ => {
                out.push_str("\\u{");
                let code = u32::from(c);
                // Hex digits without leading zeros (at least one).
                let digits = (32 - (code | 1).leading_zeros()).div_ceil(4);
                for shift in (0..digits).rev() {
                    let d = (code >> (shift * 4)) & 0xf;
                    out.push(char::from_digit(d, 16).unwrap_or('0'));
                }
                out.push('}');
            }
        }
    }
    if key.chars().count() > 64 {
        out.push('…');
    }
    out
}

/// Reads values from an [`Input`]; its failures get the code it carries.
#[derive(Debug, Clone, Copy)]
pub struct Reader(pub ErrorCode);

impl Reader {
    /// The reader of list queries: its failures are `invalid_filter`.
    pub const FILTER: Reader = Reader(ErrorCode::InvalidFilter);
    /// The reader of path arguments and request bodies: its failures are `invalid_params`.
    pub const PARAMS: Reader = Reader(ErrorCode::InvalidParams);

    /// The error (with the code this reader carries) for an unknown key, with a suggestion when one is close.
    pub fn unknown_key(
        self,
        path: &str,
        key: &str,
        candidates: &[(&str, &str)],
        known: &str,
    ) -> Error {
        let reason = match did_you_mean(key, candidates) {
            Some(s) => format!("unknown key '{}' (did you mean '{s}'?)", printable(key)),
            None => format!("unknown key '{}'; {known}", printable(key)),
        };
        Error::at(self.0, path, &reason)
    }

    /// An array of 1 to [`MAX_ARRAY_ITEMS`] items, each read by `item` with its path.
    pub fn array<T>(
        self,
        v: &Input,
        path: &str,
        item: impl Fn(&Input, &str) -> Result<T, Error>,
    ) -> Result<Option<Vec<T>>, Error> {
        let items = match v {
            Input::Undefined | Input::Null => return Ok(None),
            Input::Array(items) => items,
            other => {
                return Err(Error::at(
                    self.0,
                    path,
                    &format!("must be an array, got {}", other.describe()),
                ))
            }
        };
        if items.is_empty() {
            return Err(Error::at(
                self.0,
                path,
                "must not be empty (leave it out to not filter on it)",
            ));
        }
        if items.len() > MAX_ARRAY_ITEMS {
            return Err(Error::at(
                self.0,
                path,
                &format!("must have at most {MAX_ARRAY_ITEMS} items"),
            ));
        }
        items
            .iter()
            .enumerate()
            .map(|(i, x)| item(x, &format!("{path}[{i}]")))
            .collect::<Result<Vec<T>, Error>>()
            .map(Some)
    }

    /// The members of an object argument: `None` for `undefined`/`null`; anything else but a
    /// plain object fails with "must be an object like {like}".
    pub fn object<'a>(
        self,
        v: &'a Input,
        path: &str,
        like: &str,
    ) -> Result<Option<&'a [(String, Input)]>, Error> {
        match v {
            Input::Undefined | Input::Null => Ok(None),
            Input::Object(m) => Ok(Some(m)),
            other => Err(Error::at(
                self.0,
                path,
                &format!("must be an object like {like}, got {}", other.describe()),
            )),
        }
    }

    /// Each member of an object whose key is one of `known`, with the path of its value
    /// (`{prefix}{key}`); the first other key fails (with a did-you-mean).
    pub fn members<'a>(
        self,
        members: &'a [(String, Input)],
        prefix: &str,
        known: &[&str],
    ) -> Result<Vec<(&'a str, &'a Input, String)>, Error> {
        members
            .iter()
            .map(|(key, value)| {
                let path = format!("{prefix}{}", printable(key));
                if known.contains(&key.as_str()) {
                    Ok((key.as_str(), value, path))
                } else {
                    let candidates: Vec<(&str, &str)> = known.iter().map(|k| (*k, *k)).collect();
                    Err(self.unknown_key(
                        &path,
                        key,
                        &candidates,
                        &format!("the keys are {}", known.join(", ")),
                    ))
                }
            })
            .collect()
    }

    /// A required value: fails with "is required" when it is `undefined` or `null`.
    pub fn required<'a>(self, v: &'a Input, path: &str) -> Result<&'a Input, Error> {
        if v.is_unset() {
            Err(Error::at(self.0, path, "is required"))
        } else {
            Ok(v)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Reader = Reader(ErrorCode::InvalidFilter);
    const P: Reader = Reader(ErrorCode::InvalidParams);

    /// A string value.
    pub(super) fn s(text: &str) -> Input {
        Input::String(text.into())
    }

    /// An object with these members, in order.
    pub(super) fn obj(members: &[(&str, Input)]) -> Input {
        Input::Object(
            members
                .iter()
                .map(|(k, v)| ((*k).into(), v.clone()))
                .collect(),
        )
    }

    /// The code and message of a refusal (`None` when `r` is a value).
    pub(super) fn refusal<T>(r: Result<T, Error>) -> Option<(ErrorCode, String)> {
        r.err().map(|e| (e.code, e.message.clone()))
    }

    /// The refusal `reader` gives, with its code and message.
    pub(super) fn refused(reader: Reader, message: &str) -> Option<(ErrorCode, String)> {
        Some((reader.0, message.into()))
    }

    #[test]
    fn printable_escapes_and_cuts_keys() {
        assert_eq!(printable("status_in"), "status_in");
        assert_eq!(printable("a\tb\r\nc"), "a\\tb\\r\\nc");
        assert_eq!(printable("it's \"x\" \\"), "it\\'s \\\"x\\\" \\\\");
        assert_eq!(printable("caf\u{e9}\u{0}\u{7f}"), "caf\\u{e9}\\u{0}\\u{7f}");
        assert_eq!(printable("\u{1f600}\u{10ffff}"), "\\u{1f600}\\u{10ffff}");
        let max = "k".repeat(64);
        assert_eq!(printable(&max), max);
        assert_eq!(printable(&"k".repeat(65)), format!("{max}…"));
        // The 64 kept are characters, not bytes.
        assert_eq!(
            printable(&"\u{e9}".repeat(65)),
            format!("{}…", "\\u{e9}".repeat(64))
        );
    }

    #[test]
    fn unknown_keys_name_the_closest_key_or_the_known_ones() {
        let known = &[("status", "status"), ("status_in", "status_in")];
        let e = P.unknown_key("body.statusIn", "statusIn", known, "the keys are x");
        assert_eq!(
            refusal::<()>(Err(e.clone())),
            refused(
                P,
                "body.statusIn: unknown key 'statusIn' (did you mean 'status_in'?)"
            )
        );
        assert_eq!(e.path.as_deref(), Some("body.statusIn"));
        let e = F.unknown_key(
            "filter.x\ny",
            "x\ny",
            known,
            "filters are status, status_in",
        );
        assert_eq!(
            refusal::<()>(Err(e)),
            refused(
                F,
                "filter.x\ny: unknown key 'x\\ny'; filters are status, status_in"
            )
        );
    }

    #[test]
    fn objects_and_their_members() {
        let members = vec![("code".to_string(), Input::Number(3.0))];
        assert_eq!(
            F.object(&Input::Undefined, "query", "{ a }").ok(),
            Some(None)
        );
        assert_eq!(F.object(&Input::Null, "query", "{ a }").ok(), Some(None));
        let v = Input::Object(members.clone());
        assert_eq!(
            F.object(&v, "query", "{ a }").ok(),
            Some(Some(members.as_slice()))
        );
        for (v, got) in [
            (s("x"), "a string"),
            (Input::Array(vec![]), "an array"),
            (Input::Number(1.5), "the number 1.5"),
            (Input::Bool(true), "a boolean"),
        ] {
            assert_eq!(
                refusal(P.object(&v, "body", "{ reason }")),
                refused(
                    P,
                    &format!("body: must be an object like {{ reason }}, got {got}")
                )
            );
        }
        let got = F.members(&members, "filter.", &["status", "code"]).ok();
        assert_eq!(
            got,
            Some(vec![(
                "code",
                &Input::Number(3.0),
                "filter.code".to_string()
            )])
        );
        assert_eq!(F.members(&[], "filter.", &["code"]).ok(), Some(vec![]));
    }

    #[test]
    fn members_refuse_the_first_unknown_key() {
        let v = [
            ("code".to_string(), Input::Null),
            ("Code".to_string(), Input::Null),
            ("zzz".to_string(), Input::Null),
        ];
        assert_eq!(
            refusal(F.members(&v, "filter.", &["code", "status"])),
            refused(F, "filter.Code: unknown key 'Code' (did you mean 'code'?)")
        );
        assert_eq!(
            refusal(P.members(v.get(2..).unwrap_or_default(), "", &["code", "status"])),
            refused(P, "zzz: unknown key 'zzz'; the keys are code, status")
        );
    }

    #[test]
    fn required_values() {
        for v in [Input::Undefined, Input::Null] {
            assert_eq!(
                refusal(P.required(&v, "body.reason")),
                refused(P, "body.reason: is required")
            );
        }
        for v in [s(""), Input::Bool(false), Input::Number(0.0), obj(&[])] {
            assert_eq!(F.required(&v, "x").ok(), Some(&v));
        }
    }

    #[test]
    fn arrays_of_1_to_max_items() {
        let text = |v: &Input, p: &str| F.text_item(v, p);
        assert_eq!(F.array(&Input::Undefined, "f", text).ok(), Some(None));
        assert_eq!(F.array(&Input::Null, "f", text).ok(), Some(None));
        let one = Input::Array(vec![s("a")]);
        assert_eq!(F.array(&one, "f", text).ok(), Some(Some(vec!["a".into()])));
        let max = Input::Array(vec![s("a"); MAX_ARRAY_ITEMS]);
        let read = F.array(&max, "f", text).ok().flatten();
        assert_eq!(read.map(|items| items.len()), Some(100));
        let over = Input::Array(vec![s("a"); MAX_ARRAY_ITEMS + 1]);
        assert_eq!(
            refusal(F.array(&over, "filter.status_in", text)),
            refused(F, "filter.status_in: must have at most 100 items")
        );
        assert_eq!(
            refusal(P.array(&Input::Array(vec![]), "params.x", text)),
            refused(
                P,
                "params.x: must not be empty (leave it out to not filter on it)"
            )
        );
        assert_eq!(
            refusal(P.array(&s("a"), "params.x", text)),
            refused(P, "params.x: must be an array, got a string")
        );
        // An item's failure names its index.
        let bad = Input::Array(vec![s("a"), s("b"), Input::Number(7.0)]);
        let e = F.array(&bad, "filter.country_code_in", text).err();
        assert_eq!(
            e.map(|e| (e.code, e.path.clone(), e.message.clone())),
            Some((
                ErrorCode::InvalidFilter,
                Some("filter.country_code_in[2]".into()),
                "filter.country_code_in[2]: must be a string, got the number 7".into()
            ))
        );
    }
}
