//! Reading arguments from an [`Input`]: one reader per kind of value (a text, a date, a
//! range, a page, an array, an unknown key with its did-you-mean), shared by every
//! operation's parameters. A [`Reader`] carries the error code its failures get:
//! `invalid_filter` for list queries, `invalid_params` for path arguments and bodies.

use crate::client::datetime::{parse_instant, to_date_time, DayEnd};
use crate::client::error::{Error, ErrorCode};
use crate::client::input::{number_text, Input};
use crate::client::params::{DateRange, Page, MAX_PAGE_SIZE};
use crate::client::suggest::did_you_mean;

/// At most this many items in an array filter.
pub const MAX_ARRAY_ITEMS: usize = 100;
/// At most this many characters in a text value.
pub const MAX_TEXT_CHARS: usize = 256;

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
    /// An `invalid_filter` error for an unknown key, with a suggestion when one is close.
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

    /// A page object: `{ number?, size? }`.
    pub fn page(self, value: &Input) -> Result<Page, Error> {
        let members = match value {
            Input::Undefined | Input::Null => return Ok(Page::default()),
            Input::Object(m) => m,
            other => {
                return Err(Error::at(
                    self.0,
                    "page",
                    &format!(
                        "must be an object like {{ number, size }}, got {}",
                        other.describe()
                    ),
                ))
            }
        };
        let mut page = Page::default();
        for (key, v) in members {
            match key.as_str() {
                "number" => page.number = self.page_number(v, "page.number", 1, u32::MAX)?,
                "size" => page.size = self.page_number(v, "page.size", 1, MAX_PAGE_SIZE)?,
                other => {
                    return Err(self.unknown_key(
                        &format!("page.{}", printable(other)),
                        other,
                        &[("number", "number"), ("size", "size")],
                        "page has number and size",
                    ))
                }
            }
        }
        Ok(page)
    }

    /// An integer between `min` and `max` (`None` for `undefined`/`null`).
    pub fn page_number(
        self,
        v: &Input,
        path: &str,
        min: u32,
        max: u32,
    ) -> Result<Option<u32>, Error> {
        match v {
            Input::Undefined | Input::Null => Ok(None),
            Input::Number(n)
                if n.fract() == 0.0 && *n >= f64::from(min) && *n <= f64::from(max) =>
            {
                // In range and integral, so the conversion is exact.
                Ok(Some(*n as u32))
            }
            Input::Number(n) if n.is_finite() && n.fract() == 0.0 => {
                let range = if max == u32::MAX {
                    format!("at least {min}")
                } else {
                    format!("between {min} and {max}")
                };
                Err(Error::at(
                    self.0,
                    path,
                    &format!("must be {range}, got {}", number_text(*n)),
                ))
            }
            Input::Number(n) if n.is_finite() => Err(Error::at(
                self.0,
                path,
                &format!("must be an integer, got {}", number_text(*n)),
            )),
            other => Err(Error::at(
                self.0,
                path,
                &format!("must be an integer, got {}", other.describe()),
            )),
        }
    }

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

    /// A date filter value: an RFC 3339 date-time, a `YYYY-MM-DD` date (normalised to a
    /// date-time, see [`to_date_time`]), or a JS `Date`.
    pub fn date(self, v: &Input, path: &str, day_end: DayEnd) -> Result<Option<String>, Error> {
        match v {
            Input::Undefined | Input::Null => Ok(None),
            Input::Date(Some(iso)) => match parse_instant(iso, day_end) {
                Ok(_) => Ok(Some(iso.clone())),
                // JS writes years past 9999 (or before 0) as +YYYYYY, which RFC 3339 cannot express.
                Err(_) => Err(Error::at(
                    self.0,
                    path,
                    "is a Date outside the years 0000 to 9999, which the API cannot take",
                )),
            },
            Input::Date(None) => Err(Error::at(self.0, path, "is an invalid Date")),
            Input::String(_) | Input::BrokenString => {
                let s = self.text_item(v, path)?;
                parse_instant(&s, day_end).map_err(|why| Error::at(self.0, path, why))?;
                Ok(Some(to_date_time(&s, day_end)))
            }
            other => Err(Error::at(
                self.0,
                path,
                &format!("must be a date string or a Date, got {}", other.describe()),
            )),
        }
    }

    /// A date range `{ gte?, lte? }`, `gte` not after `lte`.
    pub fn range(self, v: &Input, path: &str) -> Result<DateRange, Error> {
        let members = match v {
            Input::Undefined | Input::Null => return Ok(DateRange::default()),
            Input::Object(m) => m,
            other => {
                return Err(Error::at(
                    self.0,
                    path,
                    &format!(
                        "must be an object like {{ gte, lte }}, got {}",
                        other.describe()
                    ),
                ))
            }
        };
        let mut r = DateRange::default();
        for (key, value) in members {
            let p = format!("{path}.{}", printable(key));
            match key.as_str() {
                "gte" => r.gte = self.date(value, &p, DayEnd::Start)?,
                "lte" => r.lte = self.date(value, &p, DayEnd::End)?,
                other => {
                    return Err(self.unknown_key(
                        &p,
                        other,
                        &[("gte", "gte"), ("lte", "lte"), ("gt", "gte"), ("lt", "lte")],
                        "a range has gte and lte",
                    ))
                }
            }
        }
        if let (Some(gte), Some(lte)) = (&r.gte, &r.lte) {
            let from =
                parse_instant(gte, DayEnd::Start).map_err(|why| Error::at(self.0, path, why))?;
            let to = parse_instant(lte, DayEnd::End).map_err(|why| Error::at(self.0, path, why))?;
            if from > to {
                return Err(Error::at(
                    self.0,
                    path,
                    &format!("gte ({gte}) is after lte ({lte})"),
                ));
            }
        }
        Ok(r)
    }

    /// Reads a paged list query (`{ filter?, page? }`, or the official SDK's flat
    /// `'page[number]'` / `'page[size]'` keys; `undefined`/`null` is the empty query): its
    /// `filter` (for the list's own reader; `filter_fields` name its keys, for the hint when
    /// one is given at the top level) and its page.
    pub fn paged_query<'a>(
        self,
        input: &'a Input,
        filter_fields: &[&str],
    ) -> Result<(&'a Input, Page), Error> {
        let members = match self.object(input, "query", "{ filter, page }")? {
            Some(m) => m,
            None => return Ok((&Input::Undefined, Page::default())),
        };
        let mut filter = &Input::Undefined;
        let mut page = Page::default();
        let mut nested_page = false;
        let mut flat_page = false;
        for (key, value) in members {
            match key.as_str() {
                "filter" => filter = value,
                "page" => {
                    nested_page |= !value.is_unset();
                    page = self.page(value)?;
                }
                "page[number]" => {
                    flat_page |= !value.is_unset();
                    page.number = self.page_number(value, "page[number]", 1, u32::MAX)?;
                }
                "page[size]" => {
                    flat_page |= !value.is_unset();
                    page.size = self.page_number(value, "page[size]", 1, MAX_PAGE_SIZE)?;
                }
                other if filter_fields.contains(&other) => {
                    return Err(Error::at(
                        self.0,
                        other,
                        &format!("unknown query key; filters go inside filter: {{ {other}: ... }} (did you mean filter.{other}?)"),
                    ))
                }
                other => {
                    return Err(self.unknown_key(
                        other,
                        other,
                        &[
                            ("filter", "filter"),
                            ("page", "page"),
                            ("page.size", "page.size"),
                            ("page.number", "page.number"),
                        ],
                        "query keys are filter and page",
                    ))
                }
            }
        }
        if nested_page && flat_page {
            return Err(Error::at(
                self.0,
                "page",
                "use either page: { number, size } or the flat 'page[number]'/'page[size]' keys, not both",
            ));
        }
        // A filter given but not an object is the filter reader's to report.
        Ok((filter, page))
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

    /// A boolean (`None` for `undefined`/`null`).
    pub fn boolean(self, v: &Input, path: &str) -> Result<Option<bool>, Error> {
        match v {
            Input::Undefined | Input::Null => Ok(None),
            Input::Bool(b) => Ok(Some(*b)),
            other => Err(Error::at(
                self.0,
                path,
                &format!("must be true or false, got {}", other.describe()),
            )),
        }
    }

    /// One of a fixed set of names (`what` names the set: "a port-out status"), with a
    /// did-you-mean when the value is close to one.
    pub fn choice<T: Copy>(
        self,
        v: &Input,
        path: &str,
        choices: &[(&str, T)],
        what: &str,
    ) -> Result<T, Error> {
        let s = self.string(v, path)?;
        if let Some((_, t)) = choices.iter().find(|(name, _)| *name == s) {
            return Ok(*t);
        }
        let names: Vec<(&str, &str)> = choices.iter().map(|(n, _)| (*n, *n)).collect();
        // A typo, or the start of exactly one name (`rejected` for `rejected-pending`).
        let starting: Vec<&str> = names
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| !s.is_empty() && n.starts_with(s.as_str()))
            .collect();
        let hint = did_you_mean(&s, &names)
            .or(match starting.as_slice() {
                [only] => Some(*only),
                _ => None,
            })
            .map(|m| format!(" (did you mean '{m}'?)"))
            .unwrap_or_default();
        let all: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
        Err(Error::at(
            self.0,
            path,
            &format!(
                "'{}' is not {what}{hint}; use one of {}",
                printable(&s),
                all.join(", ")
            ),
        ))
    }
}

/// At most this many characters in a comment or a reason (below the 8192 UTF-16 units the
/// JS guard converts of a string, so a longer one is refused, not cut).
pub const MAX_MESSAGE_CHARS: usize = 5_000;
