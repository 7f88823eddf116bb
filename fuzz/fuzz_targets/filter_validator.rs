//! Validates query and options trees (`Input`, as the wasm boundary builds them) and checks
//! that every accepted query survives build -> parse exactly, in all three array formats.
//! The fuzz input is read by `fuzz_support::parse_doc` (notation in fuzz/src/lib.rs).
#![no_main]

use fuzz_support::parse_doc;
use libfuzzer_sys::fuzz_target;
use telnyx_portouts::options::ClientOptions;
use telnyx_portouts::{build_query, parse_query, ArrayFormat, ListQuery};

fuzz_target!(|data: &[u8]| {
    let Some(doc) = parse_doc(data) else { return };

    let extra: Vec<&str> = doc.extra.iter().map(String::as_str).collect();
    if let Ok(o) = ClientOptions::from_input(&doc.options, &extra) {
        let _ = o.check_transport();
    }
    // The query object may also be passed where options are expected, and vice versa.
    let _ = ClientOptions::from_input(&doc.query, &[]);
    let _ = ListQuery::from_input(&doc.options);
    let _ = telnyx_portouts::options::build_options(&doc.options);

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
