//! The list query of `GET /portouts` — filter and page — as a typed model, and its
//! validation from an [`Input`] tree. The rules of the port-out filter live here; the readers
//! of texts, dates, ranges and pages are shared ([`Reader`]). The wasm boundary and the
//! query-string parser both feed [`ListQuery::from_input`].

use crate::api::portouts::model::Status;
use crate::client::datetime::DayEnd;
use crate::client::error::Error;
use crate::client::input::Input;
use crate::client::read::{printable, Reader};
use serde::Serialize;

pub use crate::client::params::{DateRange, Page, MAX_PAGE_SIZE};
pub use crate::client::read::{MAX_ARRAY_ITEMS, MAX_TEXT_CHARS};

/// The `filter[...]` parameters of `GET /portouts`, validated.
/// Serialized (as `parsePortoutsQuery` returns it) with only the fields that are set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PortoutFilter {
    /// New carrier name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carrier_name: Option<String>,
    /// ISO 3166-1 alpha-2 country code (upper case).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// Any of these country codes (upper case).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code_in: Option<Vec<String>>,
    /// Same day as this FOC date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub foc_date: Option<String>,
    /// Created within this range.
    #[serde(skip_serializing_if = "DateRange::is_empty")]
    pub inserted_at: DateRange,
    /// An E.164 number on the port-out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// Port order number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pon: Option<String>,
    /// Ported out within this range.
    #[serde(skip_serializing_if = "DateRange::is_empty")]
    pub ported_out_at: DateRange,
    /// New carrier SPID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spid: Option<String>,
    /// Exactly this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Any of these statuses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_in: Option<Vec<Status>>,
    /// The port-out's support key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support_key: Option<String>,
}

/// A whole list query: what `listPortouts(query)` and `buildPortoutsQuery(query)` take.
/// Serialized as `{ filter?, page? }`, the form `listPortouts` takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListQuery {
    /// The filter.
    #[serde(skip_serializing_if = "PortoutFilter::is_empty")]
    pub filter: PortoutFilter,
    /// The page.
    #[serde(skip_serializing_if = "Page::is_empty")]
    pub page: Page,
}

impl PortoutFilter {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == PortoutFilter::default()
    }
}

/// The filter's field names, in the fixed order the query string uses.
pub const FILTER_FIELDS: [&str; 12] = [
    "carrier_name",
    "country_code",
    "country_code_in",
    "foc_date",
    "inserted_at",
    "phone_number",
    "pon",
    "ported_out_at",
    "spid",
    "status",
    "status_in",
    "support_key",
];

impl ListQuery {
    /// Validates a JS query object (`{ filter?, page? }`, or the official SDK's flat
    /// `'page[number]'` / `'page[size]'` keys). `undefined`/`null` is the empty query.
    pub fn from_input(input: &Input) -> Result<ListQuery, Error> {
        let (filter, page) = Reader::FILTER.paged_query(input, &FILTER_FIELDS)?;
        Ok(ListQuery {
            filter: filter_from_input(filter)?,
            page,
        })
    }
}

fn filter_from_input(value: &Input) -> Result<PortoutFilter, Error> {
    let members = match value {
        Input::Undefined | Input::Null => return Ok(PortoutFilter::default()),
        Input::Object(m) => m,
        other => {
            return Err(Error::invalid_filter(
                "filter",
                &format!("must be an object, got {}", other.describe()),
            ))
        }
    };
    let mut f = PortoutFilter::default();
    for (key, v) in members {
        let path = format!("filter.{}", printable(key));
        match key.as_str() {
            "carrier_name" => f.carrier_name = Reader::FILTER.text(v, &path)?,
            "country_code" => {
                f.country_code = Reader::FILTER
                    .text(v, &path)?
                    .map(|c| country(&c, &path))
                    .transpose()?
            }
            "country_code_in" => {
                f.country_code_in = Reader::FILTER.array(v, &path, |item, p| {
                    country(&Reader::FILTER.text_item(item, p)?, p)
                })?
            }
            "foc_date" => f.foc_date = Reader::FILTER.date(v, &path, DayEnd::Start)?,
            "inserted_at" => f.inserted_at = Reader::FILTER.range(v, &path)?,
            "phone_number" => {
                f.phone_number = Reader::FILTER
                    .text(v, &path)?
                    .map(|n| Reader::FILTER.e164(n, &path))
                    .transpose()?
            }
            "pon" => f.pon = Reader::FILTER.text(v, &path)?,
            "ported_out_at" => f.ported_out_at = Reader::FILTER.range(v, &path)?,
            "spid" => f.spid = Reader::FILTER.text(v, &path)?,
            "status" => {
                f.status = Reader::FILTER
                    .text(v, &path)?
                    .map(|s| status(&s, &path))
                    .transpose()?
            }
            "status_in" => {
                f.status_in = Reader::FILTER.array(v, &path, |item, p| {
                    status(&Reader::FILTER.text_item(item, p)?, p)
                })?
            }
            "support_key" => f.support_key = Reader::FILTER.text(v, &path)?,
            other => {
                let candidates: Vec<(&str, &str)> = FILTER_FIELDS
                    .iter()
                    .map(|f| (*f, *f))
                    .chain([
                        ("page", "page (at the top level, not in filter)"),
                        ("page_size", "page.size (at the top level)"),
                    ])
                    .collect();
                return Err(Reader::FILTER.unknown_key(
                    &path,
                    other,
                    &candidates,
                    "see PortoutFilter for the filter names",
                ));
            }
        }
    }
    Ok(f)
}

fn status(s: &str, path: &str) -> Result<Status, Error> {
    Reader::FILTER.choice(
        &Input::String(s.to_string()),
        path,
        &Status::CHOICES,
        "a port-out status",
    )
}

/// The 249 officially assigned ISO 3166-1 alpha-2 codes, plus `XK` (Kosovo, user-assigned
/// but used by carriers), sorted, two letters each.
const COUNTRY_CODES: [&str; 6] = [
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCN",
    "COCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHM",
    "HNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMK",
    "MLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURW",
    "SASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVI",
    "VNVUWFWSXKYEYTZAZMZW",
];

/// True for an assigned ISO 3166-1 alpha-2 code (upper case).
fn is_country_code(code: &str) -> bool {
    let code = code.as_bytes();
    if code.len() != 2 {
        return false;
    }
    COUNTRY_CODES
        .iter()
        .any(|chunk| chunk.as_bytes().chunks_exact(2).any(|c| c == code))
}

fn country(s: &str, path: &str) -> Result<String, Error> {
    let upper = s.to_ascii_uppercase();
    if is_country_code(&upper) {
        Ok(upper)
    } else {
        Err(Error::invalid_filter(
            path,
            &format!(
                "'{}' is not an ISO 3166-1 alpha-2 country code (like US or GB)",
                printable(s)
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_only_what_is_set() {
        let mut q = ListQuery::default();
        assert_eq!(serde_json::to_string(&q).ok().as_deref(), Some("{}"));
        q.filter.status_in = Some(vec![Status::RejectedPending]);
        q.filter.inserted_at.gte = Some("2024-01-01T00:00:00Z".into());
        q.page.number = Some(2);
        assert_eq!(
            serde_json::to_string(&q).ok().as_deref(),
            Some(
                r#"{"filter":{"inserted_at":{"gte":"2024-01-01T00:00:00Z"},"status_in":["rejected-pending"]},"page":{"number":2}}"#
            )
        );
    }

    #[test]
    fn printable_escapes_as_escape_default_does() {
        for key in [
            "status",
            "a\tb\r\n",
            "it's \"q\" \\",
            "é€😀\u{0}\u{7f}\u{10ffff}",
            "~ !",
        ] {
            let want: String = key.chars().flat_map(char::escape_default).collect();
            assert_eq!(printable(key), want, "{key:?}");
        }
        assert_eq!(printable(&"x".repeat(70)), format!("{}…", "x".repeat(64)));
    }
    use crate::client::error::ErrorCode;

    fn obj(members: &[(&str, Input)]) -> Input {
        Input::Object(
            members
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }
    fn s(v: &str) -> Input {
        Input::String(v.into())
    }
    fn filter(members: &[(&str, Input)]) -> Result<ListQuery, Error> {
        ListQuery::from_input(&obj(&[("filter", obj(members))]))
    }
    fn err_path(r: Result<ListQuery, Error>) -> (ErrorCode, String, String) {
        match r {
            Ok(q) => panic!("expected an error, got {q:?}"),
            Err(e) => (
                e.code,
                e.path.clone().unwrap_or_default(),
                e.message.clone(),
            ),
        }
    }

    #[test]
    fn empty_and_unset_queries_are_empty() {
        assert_eq!(
            ListQuery::from_input(&Input::Undefined),
            Ok(ListQuery::default())
        );
        assert_eq!(
            ListQuery::from_input(&Input::Null),
            Ok(ListQuery::default())
        );
        assert_eq!(
            ListQuery::from_input(&obj(&[("filter", Input::Null)])),
            Ok(ListQuery::default())
        );
        assert_eq!(
            filter(&[("pon", Input::Undefined)]),
            Ok(ListQuery::default())
        );
    }

    #[test]
    fn accepts_every_filter() {
        let q = filter(&[
            ("carrier_name", s("AT&T")),
            ("country_code", s("us")),
            ("country_code_in", Input::Array(vec![s("ca"), s("US")])),
            ("foc_date", s("2024-09-04")),
            (
                "inserted_at",
                obj(&[
                    ("gte", s("2024-01-01T00:00:00Z")),
                    ("lte", Input::Date(Some("2024-02-01T00:00:00.000Z".into()))),
                ]),
            ),
            ("phone_number", s("+13035551212")),
            ("pon", s("00000000")),
            ("ported_out_at", obj(&[("lte", s("2024-09-04"))])),
            ("spid", s("ABCD")),
            ("status", s("rejected-pending")),
            ("status_in", Input::Array(vec![s("pending"), s("ported")])),
            ("support_key", s("PO_764725")),
        ])
        .map(|q| q.filter);
        let f = q.as_ref().ok();
        assert_eq!(
            f.and_then(|f| f.country_code.clone()).as_deref(),
            Some("US")
        );
        assert_eq!(
            f.and_then(|f| f.country_code_in.clone()),
            Some(vec!["CA".to_string(), "US".to_string()])
        );
        assert_eq!(f.and_then(|f| f.status), Some(Status::RejectedPending));
        assert_eq!(
            f.and_then(|f| f.inserted_at.lte.clone()).as_deref(),
            Some("2024-02-01T00:00:00.000Z")
        );
    }

    #[test]
    fn rejects_each_bad_value_naming_the_field() {
        type Case<'a> = (Vec<(&'a str, Input)>, &'a str, &'a str);
        let cases: Vec<Case> = vec![
            (
                vec![("status", s("done"))],
                "filter.status",
                "not a port-out status",
            ),
            (
                vec![("status", s("Pending"))],
                "filter.status",
                "did you mean 'pending'",
            ),
            (
                vec![("status_in", Input::Array(vec![s("pending"), s("nope")]))],
                "filter.status_in[1]",
                "not a port-out status",
            ),
            (
                vec![("status_in", Input::Array(vec![]))],
                "filter.status_in",
                "must not be empty",
            ),
            (
                vec![("status_in", s("pending"))],
                "filter.status_in",
                "must be an array",
            ),
            (
                vec![("status_in", Input::Array(vec![s("pending"); 101]))],
                "filter.status_in",
                "at most 100",
            ),
            (
                vec![("country_code", s("USA"))],
                "filter.country_code",
                "alpha-2",
            ),
            (
                vec![("country_code", s("u1"))],
                "filter.country_code",
                "alpha-2",
            ),
            (
                vec![(
                    "country_code_in",
                    Input::Array(vec![s("GB"), Input::Number(1.0)]),
                )],
                "filter.country_code_in[1]",
                "must be a string, got the number 1",
            ),
            (
                vec![("phone_number", s("3035551212"))],
                "filter.phone_number",
                "E.164",
            ),
            (
                vec![("phone_number", s("+0123"))],
                "filter.phone_number",
                "E.164",
            ),
            (
                vec![("phone_number", s("+1"))],
                "filter.phone_number",
                "E.164",
            ),
            (
                vec![("phone_number", s("+1234567890123456"))],
                "filter.phone_number",
                "E.164",
            ),
            (
                vec![("phone_number", Input::Number(13035551212.0))],
                "filter.phone_number",
                "must be a string",
            ),
            (
                vec![("foc_date", s("tomorrow"))],
                "filter.foc_date",
                "RFC 3339",
            ),
            (
                vec![("foc_date", Input::Date(None))],
                "filter.foc_date",
                "invalid Date",
            ),
            (
                vec![("foc_date", Input::Number(0.0))],
                "filter.foc_date",
                "date string or a Date",
            ),
            (
                vec![("inserted_at", s("2024-01-01"))],
                "filter.inserted_at",
                "must be an object",
            ),
            (
                vec![("inserted_at", obj(&[("gt", s("2024-01-01"))]))],
                "filter.inserted_at.gt",
                "did you mean 'gte'",
            ),
            (
                vec![(
                    "inserted_at",
                    obj(&[("gte", s("2024-02-01")), ("lte", s("2024-01-01"))]),
                )],
                "filter.inserted_at",
                "is after lte",
            ),
            (
                vec![("ported_out_at", obj(&[("lte", s("2024-02-30"))]))],
                "filter.ported_out_at.lte",
                "RFC 3339",
            ),
            (vec![("pon", s(""))], "filter.pon", "must not be empty"),
            (vec![("pon", s("a\nb"))], "filter.pon", "control characters"),
            (
                vec![("spid", s(&"x".repeat(257)))],
                "filter.spid",
                "at most 256",
            ),
            (
                vec![("spid", Input::BrokenString)],
                "filter.spid",
                "surrogate",
            ),
            (
                vec![(
                    "carrier_name",
                    Input::Opaque(crate::client::input::Opaque::Symbol),
                )],
                "filter.carrier_name",
                "got a symbol",
            ),
            (
                vec![("support_key", Input::Bool(true))],
                "filter.support_key",
                "got a boolean",
            ),
            (
                vec![("statusIn", s("x"))],
                "filter.statusIn",
                "did you mean 'status_in'",
            ),
            (
                vec![("page_size", Input::Number(5.0))],
                "filter.page_size",
                "did you mean 'page.size",
            ),
            (
                vec![("__proto__", obj(&[]))],
                "filter.__proto__",
                "unknown key",
            ),
        ];
        for (members, path, reason) in cases {
            let (code, p, msg) = err_path(filter(&members));
            assert_eq!(code, ErrorCode::InvalidFilter);
            assert_eq!(p, path, "{msg}");
            assert!(msg.contains(reason), "{msg} should contain {reason}");
        }
    }

    #[test]
    fn knows_the_assigned_country_codes() {
        let all: String = COUNTRY_CODES.concat();
        assert_eq!(all.len(), 500);
        let codes: Vec<&str> = (0..250).filter_map(|i| all.get(i * 2..i * 2 + 2)).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        for ok in ["US", "CA", "GB", "DE", "IE", "XK", "ZW", "AD"] {
            assert!(is_country_code(ok), "{ok}");
        }
        for bad in ["XX", "UK", "EU", "ZZ", "U", "USA", "us"] {
            assert!(!is_country_code(bad), "{bad}");
        }
    }

    #[test]
    fn dates_beyond_year_9999_are_refused() {
        // JS writes them with expanded years, which RFC 3339 (and the API) cannot take.
        for iso in ["+033658-09-27T01:46:40.000Z", "-029719-04-05T22:13:20.000Z"] {
            let (_, p, msg) = err_path(filter(&[("foc_date", Input::Date(Some(iso.into())))]));
            assert_eq!(p, "filter.foc_date");
            assert!(msg.contains("outside the years"), "{msg}");
            let range = obj(&[("lte", Input::Date(Some(iso.into())))]);
            let (_, p, _) = err_path(filter(&[("ported_out_at", range)]));
            assert_eq!(p, "filter.ported_out_at.lte");
        }
    }

    #[test]
    fn same_day_range_with_dates_is_allowed() {
        assert!(filter(&[(
            "inserted_at",
            obj(&[("gte", s("2024-01-01")), ("lte", s("2024-01-01"))])
        )])
        .is_ok());
        assert!(filter(&[(
            "inserted_at",
            obj(&[("gte", s("2024-01-01T10:00:00Z")), ("lte", s("2024-01-01"))])
        )])
        .is_ok());
    }

    #[test]
    fn validates_page_numbers() {
        let page = |n: Input, sz: Input| {
            ListQuery::from_input(&obj(&[("page", obj(&[("number", n), ("size", sz)]))]))
        };
        assert_eq!(
            page(Input::Number(2.0), Input::Number(250.0)).map(|q| q.page),
            Ok(Page {
                number: Some(2),
                size: Some(250)
            })
        );
        for (n, sz, path, reason) in [
            (
                Input::Number(0.0),
                Input::Undefined,
                "page.number",
                "at least 1",
            ),
            (
                Input::Number(1.5),
                Input::Undefined,
                "page.number",
                "must be an integer",
            ),
            (
                Input::Number(f64::NAN),
                Input::Undefined,
                "page.number",
                "got NaN",
            ),
            (
                Input::Number(f64::INFINITY),
                Input::Undefined,
                "page.number",
                "got Infinity",
            ),
            (s("2"), Input::Undefined, "page.number", "got a string"),
            (
                Input::Undefined,
                Input::Number(251.0),
                "page.size",
                "between 1 and 250",
            ),
            (
                Input::Undefined,
                Input::Number(0.0),
                "page.size",
                "between 1 and 250",
            ),
        ] {
            let (_, p, msg) = err_path(page(n, sz));
            assert_eq!(p, path);
            assert!(msg.contains(reason), "{msg}");
        }
    }

    #[test]
    fn accepts_the_sdk_flat_page_keys_but_not_both_forms() {
        let flat = ListQuery::from_input(&obj(&[
            ("page[number]", Input::Number(3.0)),
            ("page[size]", Input::Number(10.0)),
        ]));
        assert_eq!(
            flat.map(|q| q.page),
            Ok(Page {
                number: Some(3),
                size: Some(10)
            })
        );
        let both = ListQuery::from_input(&obj(&[
            ("page[size]", Input::Number(3.0)),
            ("page", obj(&[("number", Input::Number(1.0))])),
        ]));
        assert_eq!(err_path(both).1, "page");
    }

    #[test]
    fn top_level_mistakes_get_suggestions() {
        let (_, p, msg) = err_path(ListQuery::from_input(&obj(&[(
            "page_size",
            Input::Number(5.0),
        )])));
        assert_eq!(p, "page_size");
        assert!(msg.contains("did you mean 'page.size'"), "{msg}");
        let (_, _, msg) = err_path(ListQuery::from_input(&obj(&[("status", s("pending"))])));
        assert!(msg.contains("filter.status"), "{msg}");
        let (_, p, _) = err_path(ListQuery::from_input(&Input::Array(vec![])));
        assert_eq!(p, "query");
    }

    /// The keys a value serializes (every field set), sorted.
    fn keys_of(v: &impl Serialize) -> Vec<String> {
        let v = serde_json::to_value(v).unwrap();
        v.as_object().unwrap().keys().cloned().collect()
    }

    #[test]
    fn the_filter_field_list_is_the_structs() {
        let s = || Some("x".to_string());
        let range = DateRange {
            gte: s(),
            lte: None,
        };
        let full = PortoutFilter {
            carrier_name: s(),
            country_code: s(),
            country_code_in: Some(vec![]),
            foc_date: s(),
            inserted_at: range.clone(),
            phone_number: s(),
            pon: s(),
            ported_out_at: range,
            spid: s(),
            status: Some(Status::Pending),
            status_in: Some(vec![]),
            support_key: s(),
        };
        assert_eq!(keys_of(&full), FILTER_FIELDS);
    }
}
