//! Parses arbitrary query strings; every accepted one must rebuild and reparse to itself in
//! each array format, and the built string must be a fixed point of parse -> build.
#![no_main]

use libfuzzer_sys::fuzz_target;
use telnyx_portouts::{build_query, parse_query, ArrayFormat};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let Ok(q) = parse_query(&input) else { return };
    for f in ArrayFormat::ALL {
        let built = build_query(&q, f);
        let back = parse_query(&built);
        assert!(
            back.as_ref() == Ok(&q),
            "parse(build(q)) != q ({f:?})\n input: {input:?}\n query: {q:?}\n built: {built}\n parsed: {back:?}"
        );
        let rebuilt = back.map(|q2| build_query(&q2, f)).unwrap_or_default();
        assert_eq!(
            rebuilt, built,
            "build(parse(build(q))) != build(q) ({f:?}), input {input:?}"
        );
    }
});
