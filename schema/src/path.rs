//! Where and why a body failed: the path of the first bad value, pushed segment by segment as
//! the failure returns outwards ([`Segment`]), the state the seeds share while one body is
//! checked ([`State`]), and what a serde_json syntax error means for a person.

use crate::schema::{Captures, Failure};
use serde::de;

/// One step of a path, pushed as a failure returns outwards (innermost first).
#[derive(Debug)]
pub(crate) enum Segment {
    Key(&'static str),
    Index(usize),
}

/// What the seeds share while one body is validated.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub(crate) path: Vec<Segment>,
    /// Set by a type check that failed; `None` when serde_json itself failed (syntax).
    pub(crate) reason: Option<String>,
    pub(crate) captures: Captures,
    /// For [`mentions`](crate::mentions): the text looked for in strings and keys, and whether it
    /// was seen.
    pub(crate) needle: Option<String>,
    pub(crate) found: bool,
}

impl State {
    /// Notes whether `s` (a decoded string or key) contains the needle, if one is set.
    pub(crate) fn look_at(&mut self, s: &str) {
        if let Some(needle) = &self.needle {
            self.found |= contains(s, needle);
        }
    }

    /// Records a type failure and returns the error that unwinds the parse.
    pub(crate) fn fail<E: de::Error>(&mut self, reason: String) -> E {
        self.reason = Some(reason);
        E::custom("invalid")
    }

    /// The failure to report: the path joined outermost first (`data[3].id`), and the reason
    /// recorded by [`State::fail`] or else what the syntax `error` means.
    pub(crate) fn failure(self, error: &serde_json::Error) -> Failure {
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

#[cfg(test)]
mod tests {
    use super::*;

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

    /// The failure of a state whose path holds `segments` (innermost first) and no reason.
    fn path_of(segments: Vec<Segment>) -> String {
        let state = State {
            path: segments,
            reason: Some("r".into()),
            ..State::default()
        };
        state.failure(&de::Error::custom("invalid")).path
    }

    #[test]
    fn the_path_is_joined_outermost_first() {
        use Segment::{Index, Key};
        let path = vec![Index(0), Key("phone_numbers"), Index(3), Key("data")];
        assert_eq!(path_of(path), "data[3].phone_numbers[0]");
        assert_eq!(path_of(vec![Key("id"), Index(12)]), "[12].id");
        assert_eq!(path_of(vec![Key("page"), Key("meta")]), "meta.page");
        assert_eq!(path_of(vec![Index(1), Index(0)]), "[0][1]");
        assert_eq!(path_of(vec![]), "");
    }

    #[test]
    fn a_recorded_reason_wins_over_the_error() {
        let mut state = State::default();
        let error: serde_json::Error = state.fail("must be a string, got a number".into());
        assert_eq!(error.to_string(), "invalid");
        state.path.push(Segment::Key("id"));
        let eof = serde_json::from_str::<serde_json::Value>("[").unwrap_err();
        assert_eq!(
            state.failure(&eof),
            Failure {
                path: "id".into(),
                reason: "must be a string, got a number".into()
            }
        );
    }

    /// The reason given for the syntax error of `text`.
    fn syntax(text: &str) -> String {
        let error = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        State::default().failure(&error).reason
    }

    #[test]
    fn syntax_errors_are_explained() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let cases = [
            ("", "the body ends in the middle of a value (truncated?)"),
            (
                r#"{"a":[1,"#,
                "the body ends in the middle of a value (truncated?)",
            ),
            ("[1] x", "there is more content after the JSON value"),
            (deep.as_str(), "values are nested too deeply"),
            (
                "\"a\u{1}\"",
                "a string has a raw control character or a bad escape",
            ),
            (
                r#""\x""#,
                "a string has a raw control character or a bad escape",
            ),
            (
                r#""\ud800""#,
                "a string has a raw control character or a bad escape",
            ),
            ("[-]", "a number is malformed"),
            ("<html>", "the body is not JSON"),
            ("[1,]", "the body is not JSON"),
        ];
        for (text, reason) in cases {
            assert_eq!(syntax(text), reason, "{text}");
        }
    }

    #[test]
    fn look_at_notes_the_needle() {
        let mut state = State::default();
        state.look_at("KEY123");
        assert!(!state.found, "no needle, nothing found");
        state.needle = Some("KEY123".into());
        state.look_at("Bearer KEY12");
        assert!(!state.found);
        state.look_at("Bearer KEY123");
        assert!(state.found);
        state.look_at("other");
        assert!(state.found, "once seen, stays seen");
    }
}
