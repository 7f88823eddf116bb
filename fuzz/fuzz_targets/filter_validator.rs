//! Validates query and options trees (`Input`, as the wasm boundary builds them) and checks
//! that every accepted query survives build -> parse exactly, in all three array formats;
//! that serde's derive reads each tree back from the externally tagged JSON the JS guard
//! writes; and that `check_readable` fails exactly on trees holding an unreadable value.
//! The fuzz input is read by `fuzz_support::parse_doc` (notation in fuzz/src/lib.rs).
#![no_main]

use fuzz_support::{has_unreadable, parse_doc, same_input, tagged};
use libfuzzer_sys::fuzz_target;
use telnyx_portouts::client::options::ClientOptions;
use telnyx_portouts::{build_query, parse_query, ArrayFormat, ErrorCode, Input, ListQuery};

fuzz_target!(|data: &[u8]| {
    let Some(doc) = parse_doc(data) else { return };

    // The converter: `inputOf`'s JSON -> serde -> the same tree (trees with NaN or infinite
    // numbers have no JSON form and are skipped here).
    for (what, input, code) in [
        ("query", &doc.query, ErrorCode::InvalidFilter),
        ("options", &doc.options, ErrorCode::InvalidOptions),
    ] {
        if let Some(value) = tagged(input) {
            let text = value.to_string();
            let read = serde_json::from_str::<Input>(&text);
            assert!(
                read.as_ref().is_ok_and(|r| same_input(r, input, true)),
                "the tagged form does not read back ({what})\n input: {input:?}\n tagged: {text}\n read: {read:?}"
            );
            // Without the text step (no float parsing), the match is exact.
            let read = serde_json::from_value::<Input>(value);
            assert!(
                read.as_ref().is_ok_and(|r| same_input(r, input, false)),
                "the tagged value does not read back ({what})\n input: {input:?}\n read: {read:?}"
            );
        }
        let readable = input.check_readable(what, code);
        assert_eq!(
            readable.is_err(),
            has_unreadable(input),
            "check_readable({what}) is {readable:?} for {input:?}"
        );
        if let Err(e) = &readable {
            assert!(e.code == code && e.path.is_some(), "{e:?}");
        }
    }

    let extra: Vec<&str> = doc.extra.iter().map(String::as_str).collect();
    if let Ok(o) = ClientOptions::from_input(&doc.options, &extra) {
        let _ = o.check_transport();
    }
    // The query object may also be passed where options are expected, and vice versa.
    let _ = ClientOptions::from_input(&doc.query, &[]);
    let _ = ListQuery::from_input(&doc.options);
    let _ = telnyx_portouts::client::options::build_options(&doc.options);

    let Ok(q) = ListQuery::from_input(&doc.query) else {
        return;
    };
    for f in ArrayFormat::ALL {
        let s = build_query(&q, f);
        let back = parse_query(&s);
        assert!(
            back.as_ref() == Ok(&q),
            "validated query does not survive build/parse ({f:?})\n input: {:?}\n query: {q:?}\n built: {s}\n parsed: {back:?}",
            doc.query
        );
    }
});
