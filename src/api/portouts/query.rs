//! The query string of `GET /portouts`: built from a validated [`ListQuery`] in the official
//! SDK's wire format, and parsed back into one (through the same validation).
//!
//! Format (as the `telnyx` npm package sends it, via `qs` with `arrayFormat: 'comma'`):
//! deepObject keys `filter[name]`, `filter[inserted_at][gte]`, `page[number]`, `page[size]`;
//! keys and values percent-encoded RFC 3986 style (everything but `A-Z a-z 0-9 - . _ ~`).
//! Order is fixed: the filter fields in alphabetical order (a range's `gte` before `lte`),
//! then `page[number]`, then `page[size]`; so equal queries give equal strings.

use crate::api::portouts::filter::ListQuery;
use crate::client::deep_object::to_query;
use crate::client::error::Error;
use crate::client::query_string::{query_input, QueryShape};

pub use crate::client::encode::{percent_decode, ArrayFormat};

/// The query string for `q` (no leading `?`; empty for the empty query): the query
/// serializes itself ([`to_query`]), its fields in declaration order (alphabetical).
pub fn build_query(q: &ListQuery, format: ArrayFormat) -> String {
    to_query(q, format)
}

/// What the port-out list's query string holds besides text: its two array filters.
pub const SHAPE: QueryShape = QueryShape {
    arrays: &["country_code_in", "status_in"],
    numbers: &[],
};

/// Parses a query string (with or without a leading `?`) into a validated [`ListQuery`].
/// All three array formats are understood. Errors are `invalid_filter` naming the parameter.
pub fn parse_query(search: &str) -> Result<ListQuery, Error> {
    ListQuery::from_input(&query_input(search, &SHAPE)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::portouts::filter::{Page, PortoutFilter};
    use crate::api::portouts::model::Status;
    use crate::client::params::DateRange;

    fn full() -> ListQuery {
        ListQuery {
            filter: PortoutFilter {
                carrier_name: Some("AT&T Mobility, Inc.".into()),
                country_code: Some("US".into()),
                country_code_in: Some(vec!["CA".into(), "US".into()]),
                foc_date: Some("2024-09-04T00:00:00.000Z".into()),
                inserted_at: DateRange {
                    gte: Some("2024-01-01T00:00:00.000Z".into()),
                    lte: Some("2024-12-31T23:59:59+02:00".into()),
                },
                phone_number: Some("+13035551212".into()),
                pon: Some("a b".into()),
                ported_out_at: DateRange {
                    gte: None,
                    lte: Some("2024-09-04T23:59:59.999Z".into()),
                },
                spid: Some("X[1]=2".into()),
                status: Some(Status::RejectedPending),
                status_in: Some(vec![Status::Pending, Status::Ported]),
                support_key: Some("PO_764725".into()),
            },
            page: Page {
                number: Some(2),
                size: Some(250),
            },
        }
    }

    #[test]
    fn builds_the_exact_comma_query() {
        assert_eq!(
            build_query(&full(), ArrayFormat::Comma),
            "filter%5Bcarrier_name%5D=AT%26T%20Mobility%2C%20Inc.\
             &filter%5Bcountry_code%5D=US\
             &filter%5Bcountry_code_in%5D=CA%2CUS\
             &filter%5Bfoc_date%5D=2024-09-04T00%3A00%3A00.000Z\
             &filter%5Binserted_at%5D%5Bgte%5D=2024-01-01T00%3A00%3A00.000Z\
             &filter%5Binserted_at%5D%5Blte%5D=2024-12-31T23%3A59%3A59%2B02%3A00\
             &filter%5Bphone_number%5D=%2B13035551212\
             &filter%5Bpon%5D=a%20b\
             &filter%5Bported_out_at%5D%5Blte%5D=2024-09-04T23%3A59%3A59.999Z\
             &filter%5Bspid%5D=X%5B1%5D%3D2\
             &filter%5Bstatus%5D=rejected-pending\
             &filter%5Bstatus_in%5D=pending%2Cported\
             &filter%5Bsupport_key%5D=PO_764725\
             &page%5Bnumber%5D=2&page%5Bsize%5D=250"
        );
    }

    #[test]
    fn builds_each_array_format() {
        let q = ListQuery {
            filter: PortoutFilter {
                status_in: Some(vec![Status::Pending, Status::Ported]),
                ..Default::default()
            },
            page: Page::default(),
        };
        assert_eq!(
            build_query(&q, ArrayFormat::Comma),
            "filter%5Bstatus_in%5D=pending%2Cported"
        );
        assert_eq!(
            build_query(&q, ArrayFormat::Brackets),
            "filter%5Bstatus_in%5D%5B%5D=pending&filter%5Bstatus_in%5D%5B%5D=ported"
        );
        assert_eq!(
            build_query(&q, ArrayFormat::Repeat),
            "filter%5Bstatus_in%5D=pending&filter%5Bstatus_in%5D=ported"
        );
    }

    #[test]
    fn table_of_single_filters() {
        let cases: Vec<(PortoutFilter, &str)> = vec![
            (
                PortoutFilter {
                    carrier_name: Some("Verizon".into()),
                    ..Default::default()
                },
                "filter%5Bcarrier_name%5D=Verizon",
            ),
            (
                PortoutFilter {
                    country_code: Some("GB".into()),
                    ..Default::default()
                },
                "filter%5Bcountry_code%5D=GB",
            ),
            (
                PortoutFilter {
                    country_code_in: Some(vec!["FR".into()]),
                    ..Default::default()
                },
                "filter%5Bcountry_code_in%5D=FR",
            ),
            (
                PortoutFilter {
                    foc_date: Some("2024-09-04T00:00:00.000Z".into()),
                    ..Default::default()
                },
                "filter%5Bfoc_date%5D=2024-09-04T00%3A00%3A00.000Z",
            ),
            (
                PortoutFilter {
                    inserted_at: DateRange {
                        gte: Some("2024-01-01T00:00:00.000Z".into()),
                        lte: None,
                    },
                    ..Default::default()
                },
                "filter%5Binserted_at%5D%5Bgte%5D=2024-01-01T00%3A00%3A00.000Z",
            ),
            (
                PortoutFilter {
                    phone_number: Some("+447700900123".into()),
                    ..Default::default()
                },
                "filter%5Bphone_number%5D=%2B447700900123",
            ),
            (
                PortoutFilter {
                    pon: Some("00000000".into()),
                    ..Default::default()
                },
                "filter%5Bpon%5D=00000000",
            ),
            (
                PortoutFilter {
                    ported_out_at: DateRange {
                        gte: None,
                        lte: Some("2024-01-01T23:59:59.999Z".into()),
                    },
                    ..Default::default()
                },
                "filter%5Bported_out_at%5D%5Blte%5D=2024-01-01T23%3A59%3A59.999Z",
            ),
            (
                PortoutFilter {
                    spid: Some("1234".into()),
                    ..Default::default()
                },
                "filter%5Bspid%5D=1234",
            ),
            (
                PortoutFilter {
                    status: Some(Status::Canceled),
                    ..Default::default()
                },
                "filter%5Bstatus%5D=canceled",
            ),
            (
                PortoutFilter {
                    status_in: Some(vec![Status::Authorized]),
                    ..Default::default()
                },
                "filter%5Bstatus_in%5D=authorized",
            ),
            (
                PortoutFilter {
                    support_key: Some("PO_abc123".into()),
                    ..Default::default()
                },
                "filter%5Bsupport_key%5D=PO_abc123",
            ),
        ];
        for (filter, expected) in cases {
            let q = ListQuery {
                filter,
                page: Page::default(),
            };
            assert_eq!(build_query(&q, ArrayFormat::Comma), expected);
            assert_eq!(parse_query(expected), Ok(q));
        }
    }

    #[test]
    fn values_cannot_inject_parameters() {
        let q = ListQuery {
            filter: PortoutFilter {
                carrier_name: Some("a&page[size]=1#x%20é".into()),
                ..Default::default()
            },
            page: Page::default(),
        };
        let s = build_query(&q, ArrayFormat::Comma);
        assert_eq!(
            s,
            "filter%5Bcarrier_name%5D=a%26page%5Bsize%5D%3D1%23x%2520%C3%A9"
        );
        assert_eq!(s.matches('&').count(), 0);
        assert_eq!(parse_query(&s), Ok(q));
    }

    #[test]
    fn round_trips_in_every_format() {
        for format in ArrayFormat::ALL {
            let s = build_query(&full(), format);
            assert_eq!(parse_query(&s), Ok(full()), "{format:?}");
            assert_eq!(parse_query(&format!("?{s}")), Ok(full()));
        }
        assert_eq!(parse_query(""), Ok(ListQuery::default()));
    }

    #[test]
    fn parses_unencoded_brackets_and_rejects_bad_parameters() {
        assert_eq!(
            parse_query("filter[status]=pending&page[size]=5")
                .map(|q| (q.filter.status, q.page.size)),
            Ok((Some(Status::Pending), Some(5)))
        );
        for (bad, path) in [
            ("filter[nope]=1", "filter.nope"),
            ("foo=1", "foo"),
            (
                "filter[status]=pending&filter[status]=ported",
                "filter[status]",
            ),
            ("page[size]=abc", "page.size"),
            ("page[size]=0", "page.size"),
            ("page[size]=05", "page.size"),
            ("page[number]=1&page[number]=2", "page[number]"),
            ("filter[status]=%zz", "filter[status]"),
            ("filter[status_in]=pending,nope", "filter.status_in[1]"),
            (
                "filter[inserted_at][gt]=2024-01-01",
                "filter.inserted_at.gt",
            ),
            (
                "filter[inserted_at][gte]=1&filter[inserted_at][gte]=2",
                "filter[inserted_at][gte]",
            ),
            ("filter[pon", "filter[pon"),
            ("filter[a]b]=1", "filter[a]b]"),
        ] {
            let e = parse_query(bad).err();
            assert_eq!(
                e.and_then(|e| e.path.clone()).as_deref(),
                Some(path),
                "{bad}"
            );
        }
    }

    #[test]
    fn bare_dates_are_sent_as_the_date_times_the_spec_requires() {
        let q = parse_query("filter[foc_date]=2024-09-04&filter[inserted_at][gte]=2024-01-01&filter[inserted_at][lte]=2024-01-31");
        let f = q.map(|q| q.filter).unwrap_or_default();
        assert_eq!(f.foc_date.as_deref(), Some("2024-09-04T00:00:00.000Z"));
        assert_eq!(
            f.inserted_at.gte.as_deref(),
            Some("2024-01-01T00:00:00.000Z")
        );
        assert_eq!(
            f.inserted_at.lte.as_deref(),
            Some("2024-01-31T23:59:59.999Z")
        );
    }

    #[test]
    fn percent_decoding_is_strict() {
        assert_eq!(percent_decode("a%2Bb+c").as_deref(), Some("a+b+c"));
        assert_eq!(percent_decode("%C3%A9").as_deref(), Some("é"));
        assert_eq!(percent_decode("%C3"), None);
        assert_eq!(percent_decode("%4"), None);
    }
}
