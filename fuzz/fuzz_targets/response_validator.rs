//! Runs every response reader on arbitrary bytes. None may panic; the validators must never
//! accept a document serde_json's generic parser rejects; the `meta` that `validate_list`
//! returns must be the numbers the parsed document holds (as `JSON.parse` sees them); both
//! validators must agree with a plain reference model over a parsed tree that keeps duplicate
//! keys (`fuzz_support::reference_list`/`reference_one`); and the `errors` of an HTTP error
//! must be a JSON array, from which `Error::redact` removes an echoed secret.
#![no_main]

use fuzz_support::{
    echoed_secret, meta_of, node_mentions, parse_body, parse_generic, reference_list,
    reference_one, Node,
};
use libfuzzer_sys::fuzz_target;
use telnyx_portouts::api::portouts::{validate_list, validate_one};
use telnyx_portouts::client::response::{http_error, ErrorContext};
use telnyx_portouts::{Error, ErrorCode};
use telnyx_portouts_schema::mentions;

/// The apiKey of the redaction check, besides the secret the body itself echoes.
const API_KEY: &str = "KEY0123456789";

fuzz_target!(|data: &[u8]| {
    let list = validate_list(data);
    let one = validate_one(data);
    let generic = parse_generic(data);
    let tree = parse_body(data);
    let errors = [
        http_error(500, data, ErrorContext::default()),
        http_error(
            422,
            data,
            ErrorContext {
                request_id: Some("req-1"),
                attempts: 3,
            },
        ),
    ];

    for e in [&list.as_ref().err(), &one.as_ref().err()]
        .into_iter()
        .flatten()
    {
        assert_eq!(e.code, ErrorCode::InvalidResponse, "{e:?}");
    }
    assert_eq!(
        tree.is_some(),
        generic.is_some(),
        "the reference tree and serde_json::Value disagree on whether this is JSON"
    );
    if let Ok(meta) = &list {
        let v = generic.as_ref();
        assert!(
            v.is_some(),
            "validate_list accepted what serde_json's generic parser rejects: {meta:?}"
        );
        assert_eq!(
            v.and_then(meta_of).as_ref(),
            Some(meta),
            "validate_list meta differs from the parsed document's"
        );
    }
    if one.is_ok() {
        assert!(
            generic.is_some(),
            "validate_one accepted what serde_json's generic parser rejects"
        );
    }
    // Differential: the schema-driven validators against the plain model of the same rules.
    let expected = tree.as_ref().and_then(reference_list);
    assert_eq!(
        list.as_ref().ok(),
        expected.as_ref(),
        "validate_list and the reference model disagree: {:?}",
        list.as_ref().err().map(|e| &e.message)
    );
    assert_eq!(
        one.is_ok(),
        tree.as_ref().is_some_and(reference_one),
        "validate_one and the reference model disagree: {:?}",
        one.as_ref().err().map(|e| &e.message)
    );

    for e in errors {
        let Some(raw) = e.errors.clone() else {
            continue;
        };
        assert!(is_json_array(&raw), "errors is not a JSON array: {raw:?}");
        let echoed = echoed_secret(&raw);
        for secret in [Some(API_KEY), echoed.as_deref()].into_iter().flatten() {
            check_redacted(&e.clone().redact(Some(secret)), secret);
        }
    }
});

/// Nothing of `e` holds `secret`: not its texts, not its `errors` (literally or once escapes
/// are decoded), and `errors`, if kept, is still a JSON array for the boundary's `JSON.parse`.
fn check_redacted(e: &Error, secret: &str) {
    assert!(
        !e.message.contains(secret),
        "secret {secret:?} in the message: {e:?}"
    );
    for text in [&e.path, &e.request_id].into_iter().flatten() {
        assert!(!text.contains(secret), "secret {secret:?} left: {e:?}");
    }
    if let Some(raw) = &e.errors {
        // Literally, as mentions() sees it, and as the reference tree decodes it.
        let decoded = serde_json::from_str::<Node>(raw).is_ok_and(|n| node_mentions(&n, secret));
        assert!(
            !raw.contains(secret) && !mentions(raw, secret) && !decoded,
            "secret {secret:?} left in errors: {raw:?}"
        );
        assert!(
            is_json_array(raw),
            "redacted errors are not a JSON array: {raw:?}"
        );
    }
}

/// True when serde_json's parser reads `raw` as an array (into the reference tree). KI-3
/// (docs/fuzzing.md, fixed in fdf8c94): `http_error` kept `errors` texts that serde_json's
/// `RawValue` accepts but its parser rejects (`["\ud800"]`, `[1e309]`, nesting beyond 127
/// levels); the seeds `ki3_*` check them.
fn is_json_array(raw: &str) -> bool {
    matches!(serde_json::from_str::<Node>(raw), Ok(Node::Arr(_)))
}
