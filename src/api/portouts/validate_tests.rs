//! Tests of the port-out bodies' validation (`validate_list`, `validate_one`): paths of wrong
//! types, bad shapes, bad JSON, nesting limits.

use super::{validate_list, validate_one};
use crate::client::error::ErrorCode;

fn rec(fields: &str) -> String {
    format!(
        r#"{{"data":[{{"id":"a"}},{{{fields}}}],"meta":{{"page_number":1,"page_size":2,"total_pages":1,"total_results":2}}}}"#
    )
}

fn list_err(body: &str) -> (Option<String>, String) {
    match validate_list(body.as_bytes()) {
        Ok(m) => panic!("expected an error for {body}, got {m:?}"),
        Err(e) => {
            assert_eq!(e.code, ErrorCode::InvalidResponse);
            (e.path.clone(), e.message.clone())
        }
    }
}

#[test]
fn accepts_valid_pages_with_nulls_and_unknown_fields() {
    let body = rec(
        r#""phone_numbers":["+1"],"lsr":null,"reason":null,"rejection_code":1002,"already_ported":true,"status":"brand-new","extra":{"x":[1,2]}"#,
    );
    let meta = validate_list(body.as_bytes());
    assert_eq!(meta.map(|m| (m.page_size, m.total_results)), Ok((2, 2)));
    let one = r#"{"data":{"id":"x","rejection_code":3.0}}"#;
    assert_eq!(validate_one(one.as_bytes()), Ok(()));
}

#[test]
fn names_the_path_of_a_wrong_type() {
    assert_eq!(
        list_err(&rec(r#""phone_numbers":[42]"#)).0.as_deref(),
        Some("data[1].phone_numbers[0]")
    );
    assert_eq!(
        list_err(&rec(r#""phone_numbers":"+1""#)).0.as_deref(),
        Some("data[1].phone_numbers")
    );
    assert_eq!(
        list_err(&rec(r#""already_ported":"yes""#)).0.as_deref(),
        Some("data[1].already_ported")
    );
    assert_eq!(
        list_err(&rec(r#""rejection_code":1.5"#)).0.as_deref(),
        Some("data[1].rejection_code")
    );
    assert_eq!(
        list_err(&rec(r#""rejection_code":1e300"#)).0.as_deref(),
        Some("data[1].rejection_code")
    );
    assert_eq!(list_err(&rec(r#""id":7"#)).0.as_deref(), Some("data[1].id"));
    assert_eq!(
        list_err(&rec(r#""st\u0061tus":7"#)).0.as_deref(),
        Some("data[1].status")
    );
    let (path, msg) = list_err(&rec(r#""city":{}"#));
    assert_eq!(path.as_deref(), Some("data[1].city"));
    assert!(msg.contains("must be a string, got an object"), "{msg}");
}

#[test]
fn rejects_bad_shapes_and_bad_json() {
    let meta = r#""meta":{"page_number":1,"page_size":2,"total_pages":1,"total_results":2}"#;
    for (body, path, reason) in [
        ("", None, "empty"),
        ("[]", None, "JSON object"),
        ("<html>502</html>", None, "not JSON"),
        (r#"{"data":[{"id":"a"}"#, Some("data"), "truncated"),
        (&format!(r#"{{{meta}}}"#), None, "no \"data\""),
        (r#"{"data":[]}"#, None, "no \"meta\""),
        (
            &format!(r#"{{"data":{{}},{meta}}}"#),
            Some("data"),
            "must be an array",
        ),
        (
            &format!(r#"{{"data":[1],{meta}}}"#),
            Some("data[0]"),
            "port-out object",
        ),
        (
            r#"{"data":[],"meta":{"page_number":1,"page_size":2,"total_pages":1}}"#,
            Some("meta"),
            "no total_results",
        ),
        (
            r#"{"data":[],"meta":{"page_number":"1","page_size":2,"total_pages":1,"total_results":0}}"#,
            Some("meta.page_number"),
            "integer",
        ),
        (
            r#"{"data":[],"meta":{"page_number":-1,"page_size":2,"total_pages":1,"total_results":0}}"#,
            Some("meta.page_number"),
            "negative",
        ),
        (&format!(r#"{{"data":[],{meta}}} x"#), None, "more content"),
    ] {
        let (p, msg) = list_err(body);
        assert_eq!(p.as_deref(), path, "{body}");
        assert!(msg.contains(reason), "{msg} / {reason}");
    }
    assert!(validate_list(b"{\"data\":[\"\xff\"]}").is_err());
    let e = validate_list(b"{\"data\":[{\"id\":\"a\xc3\"}]}").err();
    assert_eq!(
        e.and_then(|e| e.path.clone()).as_deref(),
        Some("data[0].id")
    );
    let bom = format!("\u{feff}{}", rec(""));
    assert!(validate_list(bom.as_bytes()).is_ok());
    // Unknown fields obey the same nesting limit as the rest of the document (found by
    // fuzzing): serde_json's, 127 levels (the document's 3 levels, then 124 here).
    let nested = |n: usize| {
        format!(
            r#"{{"data":[{{"x":{}{}}}],"meta":{{"page_number":1,"page_size":1,"total_pages":1,"total_results":1}}}}"#,
            "[".repeat(n),
            "]".repeat(n)
        )
    };
    assert!(validate_list(nested(124).as_bytes()).is_ok());
    assert!(validate_list(nested(125).as_bytes()).is_err());
    assert!(validate_one(br#"{"data":null}"#).is_err());
}
