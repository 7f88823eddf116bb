//! The page readers: a list query with its page (`{ filter, page }`, or the official SDK's
//! flat `'page[number]'` / `'page[size]'` keys), a page object and the bounded integer its
//! number and size are (also used for other integers, like a rejection code).

use super::{printable, Reader};
use crate::client::error::Error;
use crate::client::input::{number_text, Input};
use crate::client::params::{Page, MAX_PAGE_SIZE};

/// The keys of a paged list query (a test checks that [`Reader::paged_query`] takes each).
pub const PAGED_QUERY_KEYS: [&str; 4] = ["filter", "page", "page[number]", "page[size]"];
/// The keys of its `page` (a test checks that [`Reader::page`] takes each).
pub const PAGE_KEYS: [&str; 2] = ["number", "size"];

impl Reader {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::error::ErrorCode;
    use crate::client::read::tests::{obj, refusal, refused, s};

    const F: Reader = Reader(ErrorCode::InvalidFilter);
    const P: Reader = Reader(ErrorCode::InvalidParams);

    fn page(number: Option<u32>, size: Option<u32>) -> Page {
        Page { number, size }
    }

    #[test]
    fn the_listed_keys_are_the_ones_taken() {
        let one = |k: &str| obj(&[(k, Input::Undefined)]);
        for key in PAGED_QUERY_KEYS {
            assert!(F.paged_query(&one(key), &[]).is_ok(), "{key}");
        }
        assert!(F.paged_query(&one("pages"), &[]).is_err());
        for key in PAGE_KEYS {
            assert!(F.page(&one(key)).is_ok(), "{key}");
        }
        assert!(F.page(&one("offset")).is_err());
    }

    #[test]
    fn pages() {
        assert_eq!(F.page(&Input::Undefined).ok(), Some(Page::default()));
        assert_eq!(F.page(&Input::Null).ok(), Some(Page::default()));
        assert_eq!(F.page(&obj(&[])).ok(), Some(Page::default()));
        let v = obj(&[
            ("number", Input::Number(2.0)),
            ("size", Input::Number(250.0)),
        ]);
        assert_eq!(F.page(&v).ok(), Some(page(Some(2), Some(250))));
        let v = obj(&[("size", Input::Number(1.0)), ("number", Input::Null)]);
        assert_eq!(F.page(&v).ok(), Some(page(None, Some(1))));
        let v = obj(&[("number", Input::Number(4_294_967_295.0))]);
        assert_eq!(F.page(&v).ok(), Some(page(Some(u32::MAX), None)));
    }

    #[test]
    fn pages_refused() {
        for (v, message) in [
            (
                obj(&[("size", Input::Number(251.0))]),
                "page.size: must be between 1 and 250, got 251",
            ),
            (
                obj(&[("size", Input::Number(0.0))]),
                "page.size: must be between 1 and 250, got 0",
            ),
            (
                obj(&[("number", Input::Number(0.0))]),
                "page.number: must be at least 1, got 0",
            ),
            (
                obj(&[("number", Input::Number(4_294_967_296.0))]),
                "page.number: must be at least 1, got 4294967296",
            ),
            (
                obj(&[("number", Input::Number(1.5))]),
                "page.number: must be an integer, got 1.5",
            ),
            (
                obj(&[("size", s("10"))]),
                "page.size: must be an integer, got a string",
            ),
            (
                obj(&[("size", Input::Number(f64::NAN))]),
                "page.size: must be an integer, got NaN",
            ),
            (
                obj(&[("size", Input::Number(f64::INFINITY))]),
                "page.size: must be an integer, got Infinity",
            ),
            (
                Input::Number(3.0),
                "page: must be an object like { number, size }, got the number 3",
            ),
            (
                obj(&[("sise", Input::Number(3.0))]),
                "page.sise: unknown key 'sise' (did you mean 'size'?)",
            ),
            (
                obj(&[("limit", Input::Number(3.0))]),
                "page.limit: unknown key 'limit'; page has number and size",
            ),
        ] {
            for r in [F, P] {
                assert_eq!(refusal(r.page(&v)), refused(r, message), "{v:?}");
            }
        }
    }

    #[test]
    fn bounded_integers() {
        let read = |n: f64| P.page_number(&Input::Number(n), "filter.code", 0, 999);
        assert_eq!(P.page_number(&Input::Null, "c", 0, 9).ok(), Some(None));
        assert_eq!(P.page_number(&Input::Undefined, "c", 0, 9).ok(), Some(None));
        assert_eq!(read(0.0).ok(), Some(Some(0)));
        assert_eq!(read(-0.0).ok(), Some(Some(0)));
        assert_eq!(read(999.0).ok(), Some(Some(999)));
        for (n, got) in [(1000.0, "1000"), (-1.0, "-1")] {
            assert_eq!(
                refusal(read(n)),
                refused(
                    P,
                    &format!("filter.code: must be between 0 and 999, got {got}")
                )
            );
        }
        assert_eq!(
            refusal(read(-0.25)),
            refused(P, "filter.code: must be an integer, got -0.25")
        );
        assert_eq!(
            refusal(P.page_number(&Input::Bool(true), "filter.code", 0, 999)),
            refused(P, "filter.code: must be an integer, got a boolean")
        );
    }

    #[test]
    fn paged_queries() {
        let none: (&Input, Page) = (&Input::Undefined, Page::default());
        assert_eq!(F.paged_query(&Input::Undefined, &[]).ok(), Some(none));
        assert_eq!(F.paged_query(&Input::Null, &[]).ok(), Some(none));
        let filter = obj(&[("status", s("pending"))]);
        let v = obj(&[
            ("filter", filter.clone()),
            ("page", obj(&[("size", Input::Number(250.0))])),
        ]);
        assert_eq!(
            F.paged_query(&v, &["status"]).ok(),
            Some((&filter, page(None, Some(250))))
        );
        // The official SDK's flat keys, after a nested page left unset.
        let v = obj(&[
            ("page", Input::Null),
            ("page[number]", Input::Number(3.0)),
            ("page[size]", Input::Number(20.0)),
        ]);
        assert_eq!(
            F.paged_query(&v, &[]).ok(),
            Some((&Input::Undefined, page(Some(3), Some(20))))
        );
        // A filter that is not an object is the filter reader's to refuse.
        let v = obj(&[("filter", s("pending"))]);
        assert_eq!(
            F.paged_query(&v, &[]).ok(),
            Some((&s("pending"), Page::default()))
        );
    }

    #[test]
    fn paged_queries_refused() {
        for (v, message) in [
            (
                s("x"),
                "query: must be an object like { filter, page }, got a string",
            ),
            (
                obj(&[
                    ("page", obj(&[("size", Input::Number(10.0))])),
                    ("page[number]", Input::Number(2.0)),
                ]),
                "page: use either page: { number, size } or the flat 'page[number]'/'page[size]' keys, not both",
            ),
            (
                obj(&[("page[size]", Input::Number(251.0))]),
                "page[size]: must be between 1 and 250, got 251",
            ),
            (
                obj(&[("page[number]", Input::Number(0.0))]),
                "page[number]: must be at least 1, got 0",
            ),
            (
                obj(&[("page", obj(&[("size", Input::Number(0.5))]))]),
                "page.size: must be an integer, got 0.5",
            ),
            (
                obj(&[("status", s("pending"))]),
                "status: unknown query key; filters go inside filter: { status: ... } (did you mean filter.status?)",
            ),
            (
                obj(&[("pageSize", Input::Number(10.0))]),
                "pageSize: unknown key 'pageSize' (did you mean 'page.size'?)",
            ),
            (
                obj(&[("Filter", obj(&[]))]),
                "Filter: unknown key 'Filter' (did you mean 'filter'?)",
            ),
            (
                obj(&[("sort", s("created_at"))]),
                "sort: unknown key 'sort'; query keys are filter and page",
            ),
        ] {
            for r in [F, P] {
                assert_eq!(
                    refusal(r.paged_query(&v, &["status", "spid"])),
                    refused(r, message),
                    "{v:?}"
                );
            }
        }
    }
}
