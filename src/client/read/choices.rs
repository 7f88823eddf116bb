//! The choice readers: a boolean, and one of a fixed set of names with a did-you-mean.

use super::{printable, Reader};
use crate::client::error::Error;
use crate::client::input::Input;
use crate::client::suggest::did_you_mean;

impl Reader {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::error::ErrorCode;
    use crate::client::read::tests::{refusal, refused, s};

    const F: Reader = Reader(ErrorCode::InvalidFilter);
    const P: Reader = Reader(ErrorCode::InvalidParams);

    const STATUSES: [(&str, u8); 5] = [
        ("pending", 1),
        ("rejected-pending", 2),
        ("authorized", 3),
        ("cancelled", 4),
        ("cancel-pending", 5),
    ];
    const ALL: &str = "pending, rejected-pending, authorized, cancelled, cancel-pending";

    #[test]
    fn booleans() {
        assert_eq!(F.boolean(&Input::Undefined, "b").ok(), Some(None));
        assert_eq!(F.boolean(&Input::Null, "b").ok(), Some(None));
        assert_eq!(F.boolean(&Input::Bool(true), "b").ok(), Some(Some(true)));
        assert_eq!(P.boolean(&Input::Bool(false), "b").ok(), Some(Some(false)));
        for (v, got) in [
            (s("true"), "a string"),
            (Input::Number(1.0), "the number 1"),
            (Input::Array(vec![]), "an array"),
        ] {
            for r in [F, P] {
                assert_eq!(
                    refusal(r.boolean(&v, "filter.support_key")),
                    refused(
                        r,
                        &format!("filter.support_key: must be true or false, got {got}")
                    )
                );
            }
        }
    }

    #[test]
    fn choices_by_exact_name() {
        for (name, value) in STATUSES {
            assert_eq!(
                F.choice(&s(name), "status", &STATUSES, "a status").ok(),
                Some(value)
            );
        }
        assert_eq!(
            refusal(P.choice(&Input::Number(1.0), "status", &STATUSES, "a status")),
            refused(P, "status: must be a string, got the number 1")
        );
        assert_eq!(
            refusal(P.choice(&Input::BrokenString, "status", &STATUSES, "a status")),
            refused(
                P,
                "status: contains an unpaired UTF-16 surrogate (broken text)"
            )
        );
    }

    #[test]
    fn choices_suggest_a_close_name() {
        for (given, hint) in [
            // The same name but for case and separators.
            ("Pending", "pending"),
            ("rejected_pending", "rejected-pending"),
            // A typo.
            ("authorised", "authorized"),
            // The start of exactly one name.
            ("rejected", "rejected-pending"),
            ("authoriz", "authorized"),
        ] {
            for r in [F, P] {
                assert_eq!(
                    refusal(r.choice(&s(given), "filter.status", &STATUSES, "a port-out status")),
                    refused(
                        r,
                        &format!("filter.status: '{given}' is not a port-out status (did you mean '{hint}'?); use one of {ALL}")
                    )
                );
            }
        }
    }

    #[test]
    fn choices_without_a_suggestion() {
        // "canc" starts two names, "" starts none, and neither is a likely typo.
        for (given, shown) in [
            ("canc", "canc"),
            ("", ""),
            ("done", "done"),
            ("a\nb", "a\\nb"),
        ] {
            assert_eq!(
                refusal(F.choice(&s(given), "filter.status_in[0]", &STATUSES, "a status")),
                refused(
                    F,
                    &format!("filter.status_in[0]: '{shown}' is not a status; use one of {ALL}")
                ),
                "{given:?}"
            );
        }
    }
}
