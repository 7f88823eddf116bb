//! Runs every response reader on arbitrary bytes. None may panic; the validators must never
//! accept a document the generic JSON parser rejects; the `meta` that `validate_list` returns
//! must be the numbers the parsed document holds; and both validators must agree with a plain
//! reference model over the parsed tree (`fuzz_support::reference_list`/`reference_one`).
#![no_main]

use fuzz_support::{meta_of, reference_list, reference_one};
use libfuzzer_sys::fuzz_target;
use telnyx_portouts::json::parse_value;
use telnyx_portouts::response::{http_error, validate_list, validate_one, ErrorContext};

fuzz_target!(|data: &[u8]| {
    let list = validate_list(data);
    let one = validate_one(data);
    let value = parse_value(data);
    let _ = http_error(500, data, ErrorContext::default());
    let _ = http_error(
        422,
        data,
        ErrorContext {
            request_id: Some("req-1"),
            attempts: 3,
            secret: Some("a"),
        },
    );

    if let Ok(meta) = &list {
        let v = value.as_ref();
        assert!(
            v.is_some(),
            "validate_list accepted what parse_value rejects: {meta:?}"
        );
        assert_eq!(
            v.and_then(meta_of).as_ref(),
            Some(meta),
            "validate_list meta differs from the parsed document's"
        );
    }
    if one.is_ok() {
        assert!(
            value.is_some(),
            "validate_one accepted what parse_value rejects"
        );
    }
    // Differential: the optimised byte validators against the plain model of the same rules.
    let expected = value.as_ref().and_then(reference_list);
    assert_eq!(
        list.as_ref().ok(),
        expected.as_ref(),
        "validate_list and the reference model disagree: {:?}",
        list.as_ref().err().map(|e| &e.message)
    );
    assert_eq!(
        one.is_ok(),
        value.as_ref().is_some_and(reference_one),
        "validate_one and the reference model disagree: {:?}",
        one.err().map(|e| e.message.clone())
    );
});
