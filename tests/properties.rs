//! Property tests of the core's invariants (host only), at a size CI affords:
//! - build → parse → build is a fixed point, and parse(build(q)) == q, in every array format;
//! - no input panics the query parser, the filter validator or the response validator.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use telnyx_portouts::api::portouts::{validate_list, validate_one};
use telnyx_portouts::client::datetime::{to_date_time, DayEnd};
use telnyx_portouts::{
    build_query, parse_query, ArrayFormat, DateRange, Input, ListQuery, Page, PortoutFilter, Status,
};

fn text() -> impl Strategy<Value = String> {
    // Printable text with every character that could break a query string, and non-ASCII.
    "[ -~éü中😀&=%#+,;/?\\[\\]]{1,40}"
}

fn date() -> impl Strategy<Value = (i64, String)> {
    (
        2000i64..2030,
        1i64..=12,
        1i64..=28,
        0i64..24,
        0i64..60,
        prop::bool::ANY,
    )
        .prop_map(|(y, m, d, h, min, date_only)| {
            let key = ((y * 12 + m) * 31 + d) * 1440 + h * 60 + min;
            if date_only {
                (
                    ((y * 12 + m) * 31 + d) * 1440,
                    format!("{y:04}-{m:02}-{d:02}"),
                )
            } else {
                (key, format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:00.000Z"))
            }
        })
}

fn range() -> impl Strategy<Value = DateRange> {
    (prop::option::of(date()), prop::option::of(date())).prop_map(|(a, b)| match (a, b) {
        (Some(a), Some(b)) => {
            let (lo, hi) = if a.0 <= b.0 { (a, b) } else { (b, a) };
            // A date-only lte covers its whole day, a date-only gte starts it: ordered keys hold.
            DateRange {
                gte: Some(lo.1),
                lte: Some(hi.1),
            }
        }
        (a, b) => DateRange {
            gte: a.map(|d| d.1),
            lte: b.map(|d| d.1),
        },
    })
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn country() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "US", "CA", "GB", "DE", "FR", "IE", "NL", "AU", "ES", "MX", "JP", "BR", "ZA", "XK",
    ])
    .prop_map(String::from)
}

fn phone() -> impl Strategy<Value = String> {
    "\\+[1-9][0-9]{1,14}"
}

fn query() -> impl Strategy<Value = ListQuery> {
    let filter = (
        (
            prop::option::of(text()),
            prop::option::of(country()),
            prop::option::of(prop::collection::vec(country(), 1..5)),
            prop::option::of(date()),
        ),
        (
            range(),
            prop::option::of(phone()),
            prop::option::of(text()),
            range(),
        ),
        (
            prop::option::of(text()),
            prop::option::of(status()),
            prop::option::of(prop::collection::vec(status(), 1..7)),
            prop::option::of(text()),
        ),
    )
        .prop_map(
            |(
                (carrier_name, country_code, country_code_in, foc),
                (inserted_at, phone_number, pon, ported_out_at),
                (spid, status, status_in, support_key),
            )| PortoutFilter {
                carrier_name,
                country_code,
                country_code_in,
                foc_date: foc.map(|d| d.1),
                inserted_at,
                phone_number,
                pon,
                ported_out_at,
                spid,
                status,
                status_in,
                support_key,
            },
        );
    let page = (
        prop::option::of(1u32..100_000),
        prop::option::of(1u32..=250),
    )
        .prop_map(|(number, size)| Page { number, size });
    (filter, page).prop_map(|(filter, page)| ListQuery { filter, page })
}

/// `q` as validation normalises it: bare dates become date-times (start of the day for
/// `gte` and `foc_date`, its last millisecond for `lte`; `to_date_time` has literal tests).
fn normalized(q: &ListQuery) -> ListQuery {
    let start = |d: &Option<String>| d.as_deref().map(|d| to_date_time(d, DayEnd::Start));
    let end = |d: &Option<String>| d.as_deref().map(|d| to_date_time(d, DayEnd::End));
    let mut n = q.clone();
    n.filter.foc_date = start(&q.filter.foc_date);
    for (out, r) in [
        (&mut n.filter.inserted_at, &q.filter.inserted_at),
        (&mut n.filter.ported_out_at, &q.filter.ported_out_at),
    ] {
        *out = DateRange {
            gte: start(&r.gte),
            lte: end(&r.lte),
        };
    }
    n
}

fn format() -> impl Strategy<Value = ArrayFormat> {
    prop::sample::select(ArrayFormat::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn build_parse_round_trips(q in query(), f in format()) {
        let s1 = build_query(&q, f);
        let q1 = parse_query(&s1);
        prop_assert_eq!(q1.as_ref(), Ok(&normalized(&q)), "{}", s1);
        let s2 = build_query(&q1.unwrap_or_default(), f);
        let q2 = parse_query(&s2);
        prop_assert_eq!(q2.as_ref(), Ok(&normalized(&q)));
        prop_assert_eq!(build_query(&q2.unwrap_or_default(), f), s2);
    }

    #[test]
    fn built_queries_never_smuggle_parameters(q in query(), f in format()) {
        let s = build_query(&q, f);
        for pair in s.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            prop_assert!(k.starts_with("filter%5B") || k.starts_with("page%5B"), "{}", k);
            prop_assert!(v.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)), "{}", v);
        }
    }

    #[test]
    fn the_query_parser_never_panics(s in "\\PC{0,200}", raw in "[a-z%\\[\\]=&,0-9+]{0,80}") {
        let _ = parse_query(&s);
        let _ = parse_query(&raw);
        let _ = parse_query(&format!("filter[{raw}]={s}"));
    }

    #[test]
    fn the_response_validator_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        // The validator never accepts what serde_json's generic parser rejects.
        let generic = serde_json::from_slice::<serde_json::Value>(&bytes).is_ok();
        prop_assert!(validate_list(&bytes).is_err() || generic);
        prop_assert!(validate_one(&bytes).is_err() || generic);
    }

    #[test]
    fn mutated_valid_bodies_never_panic(cut in 0usize..400, flip in 0usize..400, byte in any::<u8>()) {
        let body = r#"{"data":[{"id":"a","phone_numbers":["+13035551212"],"rejection_code":1002,"already_ported":false,"reason":null,"x":{"y":[1,2.5e3,"\u00e9"]}}],"meta":{"page_number":1,"page_size":20,"total_pages":1,"total_results":1}}"#;
        let mut bytes = body.as_bytes().to_vec();
        if let Some(b) = bytes.get_mut(flip) { *b = byte; }
        bytes.truncate(cut.max(1));
        let _ = validate_list(&bytes);
        prop_assert!(validate_list(body.as_bytes()).is_ok());
    }

    #[test]
    fn the_filter_validator_never_panics(key in "\\PC{0,20}", s in "\\PC{0,300}", n in any::<f64>()) {
        let obj = |members: Vec<(String, Input)>| Input::Object(members);
        for v in [Input::String(s.clone()), Input::Number(n), Input::Array(vec![Input::String(s.clone()), Input::Number(n)]), obj(vec![(key.clone(), Input::String(s.clone()))])] {
            let filter = obj(vec![(key.clone(), v.clone())]);
            let _ = ListQuery::from_input(&obj(vec![("filter".into(), filter)]));
            for field in ["status_in", "inserted_at", "phone_number", "foc_date", "country_code_in"] {
                let _ = ListQuery::from_input(&obj(vec![("filter".into(), obj(vec![(field.into(), v.clone())]))]));
            }
            let _ = ListQuery::from_input(&obj(vec![("page".into(), obj(vec![("size".into(), v)]))]));
        }
    }
}
