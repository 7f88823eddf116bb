use super::*;

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

const SIG: &str =
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";

#[test]
fn base64_is_the_sdks_strict_padded_form() {
    assert_eq!(decode_base64("aGk=").as_deref(), Some(&b"hi"[..]));
    assert_eq!(decode_base64("aGkh").as_deref(), Some(&b"hi!"[..]));
    assert_eq!(decode_base64("aA==").as_deref(), Some(&b"h"[..]));
    // Non-canonical trailing bits are accepted, as the SDK accepts them.
    assert_eq!(decode_base64("aB==").as_deref(), Some(&b"h"[..]));
    for bad in [
        "", "aGk", "aGk==", "a===", "aG=k", "aGk-", "aGk_", "aG k", "=aGk", "aGk=aGk=",
    ] {
        assert_eq!(decode_base64(bad), None, "{bad}");
    }
    assert_eq!(decode_base64(SIG).map(|s| s.len()), Some(64));
}

#[test]
fn headers_are_found_in_any_case_the_first_one_given() {
    let h = headers(&[("Telnyx-Timestamp", "1"), ("telnyx-timestamp", "2")]);
    assert_eq!(header(&h, TIMESTAMP_HEADER), Some("1"));
    assert_eq!(header(&h, SIGNATURE_HEADER), None);
}

#[test]
fn the_signed_message_is_timestamp_bar_body() {
    let h = headers(&[
        ("TELNYX-SIGNATURE-ED25519", SIG),
        ("telnyx-timestamp", "1700000000"),
    ]);
    let s = signed_message(&h, b"{\"a\":1}", 1_700_000_100, 300).unwrap();
    assert_eq!(s.message, b"1700000000|{\"a\":1}");
    assert_eq!(s.signature.len(), 64);
}

#[test]
fn bad_headers_and_stale_timestamps_are_refused() {
    let now = 1_700_000_000;
    let cases: Vec<(Vec<(String, String)>, &str)> = vec![
        (
            headers(&[("telnyx-timestamp", "1700000000")]),
            "Signature-Ed25519 header is missing",
        ),
        (
            headers(&[("telnyx-signature-ed25519", SIG)]),
            "Timestamp header is missing",
        ),
        (
            headers(&[
                ("telnyx-signature-ed25519", ""),
                ("telnyx-timestamp", "1700000000"),
            ]),
            "missing",
        ),
        (
            headers(&[
                ("telnyx-signature-ed25519", SIG),
                ("telnyx-timestamp", "1700000000.5"),
            ]),
            "not a number",
        ),
        (
            headers(&[
                ("telnyx-signature-ed25519", SIG),
                ("telnyx-timestamp", "-1"),
            ]),
            "not a number",
        ),
        (
            headers(&[
                ("telnyx-signature-ed25519", SIG),
                ("telnyx-timestamp", " 1700000000"),
            ]),
            "not a number",
        ),
        (
            headers(&[
                ("telnyx-signature-ed25519", SIG),
                ("telnyx-timestamp", "99999999999999999999"),
            ]),
            "not a number",
        ),
        (
            headers(&[
                ("telnyx-signature-ed25519", SIG),
                ("telnyx-timestamp", "1699999699"),
            ]),
            "more than 300 s",
        ),
        (
            headers(&[
                ("telnyx-signature-ed25519", SIG),
                ("telnyx-timestamp", "1700000301"),
            ]),
            "more than 300 s",
        ),
        (
            headers(&[
                ("telnyx-signature-ed25519", "aGk="),
                ("telnyx-timestamp", "1700000000"),
            ]),
            "64 bytes",
        ),
        (
            headers(&[
                ("telnyx-signature-ed25519", &SIG[1..]),
                ("telnyx-timestamp", "1700000000"),
            ]),
            "64 bytes",
        ),
    ];
    for (h, words) in cases {
        let e = signed_message(&h, b"{}", now, 300).expect_err(words);
        assert_eq!(e.code, ErrorCode::InvalidSignature);
        assert!(e.message.contains(words), "{words}: {}", e.message);
    }
    let edge = headers(&[
        ("telnyx-signature-ed25519", SIG),
        ("telnyx-timestamp", "1699999700"),
    ]);
    assert!(signed_message(&edge, b"{}", now, 300).is_ok());
}

fn delivery(event_type: &str, payload: &str) -> String {
    format!(
        r#"{{"data":{{"event_type":"{event_type}","id":"e1","occurred_at":"2024-01-01T00:00:00Z","payload":{payload},"record_type":"event"}},"meta":{{"attempt":1,"delivered_to":"https://x.example/hook"}}}}"#
    )
}

#[test]
fn each_event_type_is_read_with_its_payload() {
    let cases = [
        (
            "portout.status_changed",
            r#"{"id":"p1","status":"authorized","phone_numbers":["+13035551212"],"carrier_name":"X","spid":"1","subscriber_name":"A","user_id":"u"}"#,
        ),
        (
            "portout.new_comment",
            r#"{"id":"c1","comment":"hi","portout_id":"p1","user_id":null}"#,
        ),
        (
            "portout.foc_date_changed",
            r#"{"id":"p1","foc_date":"2024-02-01T00:00:00Z","user_id":"u"}"#,
        ),
    ];
    for (t, payload) in cases {
        let d = read_delivery(&delivery(t, payload)).unwrap().unwrap();
        assert_eq!((d.id.as_str(), d.event_type), ("e1", t));
    }
    assert_eq!(
        read_delivery(&delivery("number_order.complete", "{}")).unwrap(),
        None
    );
}

#[test]
fn malformed_deliveries_name_the_bad_value() {
    let cases = [
        ("[]".to_string(), ""),
        ("{}".to_string(), ""),
        (delivery("portout.status_changed", r#"{"id":"p1"}"#), "data.payload"),
        (delivery("portout.status_changed", r#"{"id":"p1","status":5}"#), "data.payload.status"),
        (delivery("portout.new_comment", r#""text""#), "data.payload"),
        (delivery("portout.foc_date_changed", r#"{"id":"p1","foc_date":"x","user_id":["u"]}"#), "data.payload.user_id"),
        (r#"{"data":{"event_type":"portout.new_comment","id":"e","payload":{},"record_type":"thing"}}"#.to_string(), "data.record_type"),
        (r#"{"data":{"event_type":"portout.new_comment","payload":{},"record_type":"event"}}"#.to_string(), "data"),
        ("not json".to_string(), ""),
    ];
    for (body, path) in cases {
        let e = read_delivery(&body).expect_err(&body);
        assert_eq!(e.code, ErrorCode::InvalidWebhook, "{body}");
        assert_eq!(
            e.path.as_deref().unwrap_or(""),
            path,
            "{body}: {}",
            e.message
        );
    }
}

#[test]
fn a_key_read_from_the_envelope_given_twice_is_refused() {
    // Which `record_type` would count is ambiguous (JSON.parse keeps the last): refused, saying so.
    let body = delivery("portout.new_comment", r#"{"id":"c1","comment":"hi"}"#)
        .replace(r#""id":"e1","#, r#""id":"e1","record_type":"x","#);
    let e = read_delivery(&body).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("data"));
    assert!(
        e.message.contains("duplicate field `record_type`"),
        "{}",
        e.message
    );
    let one = delivery("portout.new_comment", r#"{"id":"c1","comment":"hi"}"#);
    let data = one
        .get(8..one.find(r#","meta""#).unwrap_or(8))
        .unwrap_or("");
    let twice = format!(r#"{{"data":{data},{}"#, &one[1..]);
    assert!(read_delivery(&twice)
        .unwrap_err()
        .message
        .contains("duplicate field `data`"));
}

#[test]
fn unwrap_options_are_read_and_checked() {
    let obj =
        |m: Vec<(&str, Input)>| Input::Object(m.into_iter().map(|(k, v)| (k.into(), v)).collect());
    let key = Input::String("eu2zvPjhY6odxV34Z/EsRiERvTodkev4Fq0SlK90Izg=".into());
    let o = UnwrapOptions::from_input(&obj(vec![("publicKey", key.clone())]), 1_700_000_000_999.0)
        .unwrap();
    assert_eq!(
        (o.public_key.len(), o.tolerance_seconds, o.now_seconds),
        (32, 300, 1_700_000_000)
    );
    let o = UnwrapOptions::from_input(
        &obj(vec![
            ("publicKey", key.clone()),
            ("toleranceSeconds", Input::Number(10.0)),
            ("now", Input::Date(Some("2024-01-01T00:00:00.000Z".into()))),
        ]),
        0.0,
    )
    .unwrap();
    assert_eq!((o.tolerance_seconds, o.now_seconds), (10, 1_704_067_200));
    for (v, path) in [
        (obj(vec![]), "publicKey"),
        (
            obj(vec![("publicKey", Input::String("aGk=".into()))]),
            "publicKey",
        ),
        (
            obj(vec![
                ("publicKey", key.clone()),
                ("now", Input::String("today".into())),
            ]),
            "now",
        ),
        (
            obj(vec![("publicKey", key), ("tolerance", Input::Number(1.0))]),
            "tolerance",
        ),
    ] {
        let e = UnwrapOptions::from_input(&v, 0.0).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_deref()),
            (ErrorCode::InvalidOptions, Some(path))
        );
    }
}

#[test]
fn a_live_event_is_checked_by_the_schema_of_the_type_it_names() {
    let comment = delivery(
        "portout.new_comment",
        r#"{"id":"c1","comment":"hi","portout_id":"p1"}"#,
    );
    assert_eq!(
        check_event("portout.new_comment", &comment).ok(),
        Some("portout.new_comment")
    );
    let e = check_event("portout.status_changed", &comment).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("data.payload"), "{}", e.message);
    let e = check_event("number_order.complete", &comment).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_deref()),
        (ErrorCode::InvalidWebhook, Some("data.event_type"))
    );
}
