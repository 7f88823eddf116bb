//! The text readers: a text value of the list filters (non-empty, at most
//! [`MAX_TEXT_CHARS`] characters, no control characters), a string as it is, a free text a
//! person writes ([`MAX_MESSAGE_CHARS`]), a UUID and an E.164 phone number.

use super::{printable, Reader, MAX_MESSAGE_CHARS, MAX_TEXT_CHARS};
use crate::client::error::Error;
use crate::client::input::Input;

impl Reader {
    /// A text value: a non-empty string of at most 256 chars with no control characters.
    pub fn text(self, v: &Input, path: &str) -> Result<Option<String>, Error> {
        if v.is_unset() {
            return Ok(None);
        }
        self.text_item(v, path).map(Some)
    }

    /// A text value that must be there (see [`Reader::check_text`]).
    pub fn text_item(self, v: &Input, path: &str) -> Result<String, Error> {
        let s = match v {
            Input::String(s) => s,
            Input::BrokenString => {
                return Err(Error::at(
                    self.0,
                    path,
                    "contains an unpaired UTF-16 surrogate (broken text)",
                ))
            }
            other => {
                return Err(Error::at(
                    self.0,
                    path,
                    &format!("must be a string, got {}", other.describe()),
                ))
            }
        };
        self.check_text(s, path)?;
        Ok(s.clone())
    }

    /// The rules every text value follows.
    pub fn check_text(self, s: &str, path: &str) -> Result<(), Error> {
        if s.is_empty() {
            return Err(Error::at(
                self.0,
                path,
                "must not be empty (leave it out to not filter on it)",
            ));
        }
        if s.chars().count() > MAX_TEXT_CHARS {
            return Err(Error::at(
                self.0,
                path,
                &format!("must be at most {MAX_TEXT_CHARS} characters"),
            ));
        }
        if s.chars().any(char::is_control) {
            return Err(Error::at(
                self.0,
                path,
                "must not contain control characters (newlines, tabs, NUL, ...)",
            ));
        }
        Ok(())
    }

    /// A UUID string (an id).
    pub fn uuid(self, v: &Input, path: &str) -> Result<String, Error> {
        let s = self.string(v, path)?;
        if crate::client::request::is_uuid(&s) {
            Ok(s)
        } else {
            Err(Error::at(
                self.0,
                path,
                &format!(
                    "'{}' is not a UUID (like 0ccc7b54-4df3-4bca-a65a-3da1ecc777f0); Telnyx ids are UUIDs",
                    printable(&s)
                ),
            ))
        }
    }

    /// A string, as it is (any length checks are the caller's).
    pub fn string(self, v: &Input, path: &str) -> Result<String, Error> {
        match v {
            Input::String(s) => Ok(s.clone()),
            Input::BrokenString => Err(Error::at(
                self.0,
                path,
                "contains an unpaired UTF-16 surrogate (broken text)",
            )),
            other => Err(Error::at(
                self.0,
                path,
                &format!("must be a string, got {}", other.describe()),
            )),
        }
    }

    /// A free text a person writes (a comment, a reason): not blank, at most
    /// [`MAX_MESSAGE_CHARS`] characters, line breaks and tabs allowed but no other control
    /// characters.
    pub fn message(self, v: &Input, path: &str) -> Result<String, Error> {
        let s = self.text_or_blank(v, path)?;
        if s.trim().is_empty() {
            return Err(Error::at(self.0, path, "must not be blank"));
        }
        Ok(s)
    }

    /// As [`Reader::message`], but blank is allowed.
    pub fn text_or_blank(self, v: &Input, path: &str) -> Result<String, Error> {
        let s = self.string(self.required(v, path)?, path)?;
        if s.chars().count() > MAX_MESSAGE_CHARS {
            return Err(Error::at(
                self.0,
                path,
                &format!("must be at most {MAX_MESSAGE_CHARS} characters"),
            ));
        }
        if s.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(Error::at(
                self.0,
                path,
                "must not contain control characters other than line breaks and tabs",
            ));
        }
        Ok(s)
    }

    /// An E.164 phone number: `+` then 2 to 15 digits, not starting with 0.
    pub fn e164(self, n: String, path: &str) -> Result<String, Error> {
        let digits = n.strip_prefix('+').unwrap_or("");
        let ok = (2..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        if ok {
            Ok(n)
        } else {
            Err(Error::at(self.0,
                path,
                &format!(
                    "'{}' is not an E.164 phone number ('+' then 2 to 15 digits, like +13035551212)",
                    printable(&n)
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::error::ErrorCode;
    use crate::client::read::tests::{refusal, refused, s};

    const F: Reader = Reader(ErrorCode::InvalidFilter);
    const P: Reader = Reader(ErrorCode::InvalidParams);

    #[test]
    fn text_values() {
        assert_eq!(F.text(&Input::Undefined, "f").ok(), Some(None));
        assert_eq!(F.text(&Input::Null, "f").ok(), Some(None));
        assert_eq!(F.text(&s("Ada"), "f").ok(), Some(Some("Ada".into())));
        // The limit counts characters, not bytes.
        let max = "\u{e9}".repeat(MAX_TEXT_CHARS);
        assert_eq!(F.text_item(&s(&max), "f").ok(), Some(max.clone()));
        assert_eq!(
            refusal(F.text(&s(&format!("{max}e")), "filter.spid")),
            refused(F, "filter.spid: must be at most 256 characters")
        );
        assert_eq!(P.check_text(" x ", "p").ok(), Some(()));
    }

    #[test]
    fn text_values_refused() {
        for (v, reason) in [
            (
                s(""),
                "must not be empty (leave it out to not filter on it)",
            ),
            (
                s("a\tb"),
                "must not contain control characters (newlines, tabs, NUL, ...)",
            ),
            (
                s("a\u{0}"),
                "must not contain control characters (newlines, tabs, NUL, ...)",
            ),
            (
                Input::BrokenString,
                "contains an unpaired UTF-16 surrogate (broken text)",
            ),
            (Input::Number(5.0), "must be a string, got the number 5"),
            (Input::Array(vec![]), "must be a string, got an array"),
        ] {
            for r in [F, P] {
                assert_eq!(
                    refusal(r.text(&v, "filter.spid")),
                    refused(r, &format!("filter.spid: {reason}")),
                    "{v:?}"
                );
            }
        }
        // `text_item` is the required form: `undefined` and `null` are not strings.
        assert_eq!(
            refusal(F.text_item(&Input::Null, "f[0]")),
            refused(F, "f[0]: must be a string, got null")
        );
    }

    #[test]
    fn strings_as_they_are() {
        for text in ["", " ", "a\nb\u{0}", &"x".repeat(MAX_MESSAGE_CHARS + 1)] {
            assert_eq!(P.string(&s(text), "p").ok(), Some(text.to_string()));
        }
        assert_eq!(
            refusal(P.string(&Input::BrokenString, "id")),
            refused(P, "id: contains an unpaired UTF-16 surrogate (broken text)")
        );
        assert_eq!(
            refusal(F.string(&Input::Bool(true), "id")),
            refused(F, "id: must be a string, got a boolean")
        );
    }

    #[test]
    fn uuids() {
        for id in [
            "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0",
            "0CCC7B54-4DF3-4BCA-A65A-3DA1ECC777F0",
        ] {
            assert_eq!(P.uuid(&s(id), "id").ok(), Some(id.to_string()));
        }
        for (id, shown) in [
            ("nope", "nope"),
            (
                "0ccc7b54-4df3-4bca-a65a-3da1ecc777f",
                "0ccc7b54-4df3-4bca-a65a-3da1ecc777f",
            ),
            (
                "0ccc7b54x4df3-4bca-a65a-3da1ecc777f0",
                "0ccc7b54x4df3-4bca-a65a-3da1ecc777f0",
            ),
            ("a\nb", "a\\nb"),
        ] {
            assert_eq!(
                refusal(P.uuid(&s(id), "id")),
                refused(
                    P,
                    &format!("id: '{shown}' is not a UUID (like 0ccc7b54-4df3-4bca-a65a-3da1ecc777f0); Telnyx ids are UUIDs")
                )
            );
        }
        assert_eq!(
            refusal(P.uuid(&Input::Undefined, "id")),
            refused(P, "id: must be a string, got undefined")
        );
    }

    #[test]
    fn messages_a_person_writes() {
        for text in ["Hi\r\nthere\t!", " x ", &"x".repeat(MAX_MESSAGE_CHARS)] {
            assert_eq!(P.message(&s(text), "body").ok(), Some(text.to_string()));
        }
        for text in ["", " ", " \n\t"] {
            assert_eq!(P.text_or_blank(&s(text), "b").ok(), Some(text.to_string()));
            assert_eq!(
                refusal(P.message(&s(text), "body.reason")),
                refused(P, "body.reason: must not be blank")
            );
        }
        for (v, reason) in [
            (Input::Undefined, "is required"),
            (Input::Null, "is required"),
            (
                s(&"\u{e9}".repeat(MAX_MESSAGE_CHARS + 1)),
                "must be at most 5000 characters",
            ),
            (
                s("a\u{0}b"),
                "must not contain control characters other than line breaks and tabs",
            ),
            (
                s("a\u{7f}"),
                "must not contain control characters other than line breaks and tabs",
            ),
            (Input::Number(1.0), "must be a string, got the number 1"),
        ] {
            for read in [Reader::message, Reader::text_or_blank] {
                assert_eq!(
                    refusal(read(P, &v, "body")),
                    refused(P, &format!("body: {reason}")),
                    "{v:?}"
                );
            }
        }
    }

    #[test]
    fn e164_phone_numbers() {
        for n in ["+12", "+13035551212", "+123456789012345"] {
            assert_eq!(F.e164(n.into(), "f").ok(), Some(n.to_string()));
        }
        for (n, shown) in [
            ("+1", "+1"),
            ("+1234567890123456", "+1234567890123456"),
            ("+03035551212", "+03035551212"),
            ("13035551212", "13035551212"),
            ("+1 303", "+1 303"),
            ("+", "+"),
            ("", ""),
            ("+1\n2", "+1\\n2"),
        ] {
            assert_eq!(
                refusal(P.e164(n.into(), "params.filters.phone_numbers__overlaps[0]")),
                refused(
                    P,
                    &format!("params.filters.phone_numbers__overlaps[0]: '{shown}' is not an E.164 phone number ('+' then 2 to 15 digits, like +13035551212)")
                ),
                "{n:?}"
            );
        }
    }
}
