//! The date readers: a date filter value (an RFC 3339 date-time, a `YYYY-MM-DD` date or a JS
//! `Date`) and a date range `{ gte, lte }`.

use super::{printable, Reader};
use crate::client::datetime::{parse_instant, to_date_time, DayEnd};
use crate::client::error::Error;
use crate::client::input::Input;
use crate::client::params::DateRange;

/// The keys of a date range (a test checks that [`Reader::range`] takes each).
pub const RANGE_KEYS: [&str; 2] = ["gte", "lte"];

impl Reader {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::error::ErrorCode;
    use crate::client::read::tests::{obj, refusal, refused, s};

    const F: Reader = Reader(ErrorCode::InvalidFilter);
    const P: Reader = Reader(ErrorCode::InvalidParams);

    #[test]
    fn the_listed_range_keys_are_the_ones_taken() {
        for key in RANGE_KEYS {
            assert!(
                F.range(&obj(&[(key, Input::Undefined)]), "r").is_ok(),
                "{key}"
            );
        }
        assert!(F.range(&obj(&[("gt", Input::Undefined)]), "r").is_err());
    }

    fn range(gte: Option<&str>, lte: Option<&str>) -> DateRange {
        DateRange {
            gte: gte.map(String::from),
            lte: lte.map(String::from),
        }
    }

    #[test]
    fn dates_are_kept_or_made_date_times() {
        for end in [DayEnd::Start, DayEnd::End] {
            assert_eq!(F.date(&Input::Undefined, "d", end).ok(), Some(None));
            assert_eq!(F.date(&Input::Null, "d", end).ok(), Some(None));
            for t in ["2024-09-04T02:00:00+02:00", "2024-02-29T23:59:60Z"] {
                assert_eq!(F.date(&s(t), "d", end).ok(), Some(Some(t.into())));
            }
            // A JS Date arrives as its ISO text, kept as it is.
            let iso = "2024-09-04T00:00:00.000Z";
            let d = Input::Date(Some(iso.into()));
            assert_eq!(F.date(&d, "d", end).ok(), Some(Some(iso.into())));
        }
        let day = s("2024-09-04");
        let start = F.date(&day, "d", DayEnd::Start).ok().flatten();
        assert_eq!(start.as_deref(), Some("2024-09-04T00:00:00.000Z"));
        let end = P.date(&day, "d", DayEnd::End).ok().flatten();
        assert_eq!(end.as_deref(), Some("2024-09-04T23:59:59.999Z"));
    }

    #[test]
    fn dates_refused() {
        for (v, reason) in [
            (Input::Date(None), "is an invalid Date"),
            (
                Input::Date(Some("+010000-01-01T00:00:00.000Z".into())),
                "is a Date outside the years 0000 to 9999, which the API cannot take",
            ),
            (
                s("2023-02-29"),
                "must be an RFC 3339 date-time (2024-09-04T00:00:00Z) or a date (2024-09-04)",
            ),
            (
                s("2024-09-04T24:00:00Z"),
                "has an hour, minute or second out of range",
            ),
            (
                s("2024-09-04T00:00:00"),
                "must end in Z or a time zone offset like +02:00",
            ),
            (
                s(""),
                "must not be empty (leave it out to not filter on it)",
            ),
            (
                Input::BrokenString,
                "contains an unpaired UTF-16 surrogate (broken text)",
            ),
            (
                Input::Number(1.7e12),
                "must be a date string or a Date, got the number 1700000000000",
            ),
            (
                Input::Bool(true),
                "must be a date string or a Date, got a boolean",
            ),
        ] {
            for r in [F, P] {
                assert_eq!(
                    refusal(r.date(&v, "filter.foc_date", DayEnd::Start)),
                    refused(r, &format!("filter.foc_date: {reason}")),
                    "{v:?}"
                );
            }
        }
    }

    #[test]
    fn ranges() {
        let at = "filter.inserted_at";
        assert_eq!(F.range(&Input::Undefined, at).ok(), Some(range(None, None)));
        assert_eq!(F.range(&Input::Null, at).ok(), Some(range(None, None)));
        assert_eq!(F.range(&obj(&[]), at).ok(), Some(range(None, None)));
        let v = obj(&[("gte", s("2024-09-04")), ("lte", s("2024-09-04"))]);
        assert_eq!(
            F.range(&v, at).ok(),
            Some(range(
                Some("2024-09-04T00:00:00.000Z"),
                Some("2024-09-04T23:59:59.999Z")
            ))
        );
        let v = obj(&[("lte", s("2024-09-04")), ("gte", Input::Null)]);
        assert_eq!(
            F.range(&v, at).ok(),
            Some(range(None, Some("2024-09-04T23:59:59.999Z")))
        );
        // Instants are compared, not texts: 01:00+02:00 on the 4th is 23:00 on the 3rd.
        let v = obj(&[
            ("gte", s("2024-09-04T01:00:00+02:00")),
            ("lte", s("2024-09-03T23:30:00Z")),
        ]);
        assert_eq!(
            P.range(&v, at).ok(),
            Some(range(
                Some("2024-09-04T01:00:00+02:00"),
                Some("2024-09-03T23:30:00Z")
            ))
        );
    }

    #[test]
    fn ranges_refused() {
        let at = "filter.inserted_at";
        let v = obj(&[("gte", s("2024-09-05")), ("lte", s("2024-09-04"))]);
        assert_eq!(
            refusal(F.range(&v, at)),
            refused(
                F,
                "filter.inserted_at: gte (2024-09-05T00:00:00.000Z) is after lte (2024-09-04T23:59:59.999Z)"
            )
        );
        let v = obj(&[
            ("gte", s("2024-09-04T00:00:00.001Z")),
            ("lte", s("2024-09-04T00:00:00Z")),
        ]);
        assert_eq!(
            refusal(P.range(&v, at)),
            refused(
                P,
                "filter.inserted_at: gte (2024-09-04T00:00:00.001Z) is after lte (2024-09-04T00:00:00Z)"
            )
        );
        for (v, message) in [
            (
                s("2024-09-04"),
                "filter.inserted_at: must be an object like { gte, lte }, got a string",
            ),
            (
                obj(&[("gt", s("2024-09-04"))]),
                "filter.inserted_at.gt: unknown key 'gt' (did you mean 'gte'?)",
            ),
            (
                obj(&[("LTE", s("2024-09-04"))]),
                "filter.inserted_at.LTE: unknown key 'LTE' (did you mean 'lte'?)",
            ),
            (
                obj(&[("from", s("2024-09-04"))]),
                "filter.inserted_at.from: unknown key 'from'; a range has gte and lte",
            ),
            (
                obj(&[("gte", s("2024-13-01"))]),
                "filter.inserted_at.gte: must be an RFC 3339 date-time (2024-09-04T00:00:00Z) or a date (2024-09-04)",
            ),
            (
                obj(&[("lte", Input::Date(None))]),
                "filter.inserted_at.lte: is an invalid Date",
            ),
        ] {
            assert_eq!(refusal(F.range(&v, at)), refused(F, message), "{v:?}");
        }
    }
}
