//! Webhook deliveries and their headers, arbitrary: the first line of the input is header lines
//! (`name: value`, separated by `\t`), the rest the body. Every rule before and after the
//! signature check must hold what it promises (the Ed25519 check itself is the platform's).
#![no_main]

use libfuzzer_sys::fuzz_target;
use telnyx_portouts::gateway::webhook::{
    check_event, decode_base64, read_delivery, signed_message, EVENT_TYPES,
};

const NOW: i64 = 1_700_000_000;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (head, body) = input.split_once('\n').unwrap_or((&input, ""));
    let headers: Vec<(String, String)> = head
        .split('\t')
        .filter_map(|h| h.split_once(':'))
        .map(|(k, v)| (k.to_string(), v.trim_start().to_string()))
        .collect();

    for (_, value) in &headers {
        if let Some(bytes) = decode_base64(value) {
            let padding = value.bytes().rev().take_while(|b| *b == b'=').count();
            assert_eq!(bytes.len(), value.len() / 4 * 3 - padding, "{value:?}");
            assert!(padding <= 2 && value.len() % 4 == 0 && !value.is_empty());
        }
    }

    if let Ok(signed) = signed_message(&headers, body.as_bytes(), NOW, 300) {
        assert_eq!(signed.signature.len(), 64);
        let text = String::from_utf8_lossy(&signed.message).into_owned();
        let (ts, rest) = text.split_once('|').expect("ts|body");
        assert_eq!(rest, body);
        assert!(!ts.is_empty() && ts.bytes().all(|b| b.is_ascii_digit()), "{ts:?}");
        let seconds: i128 = ts.parse().expect("digits");
        assert!((i128::from(NOW) - seconds).abs() <= 300, "{ts}");
    }

    let value = serde_json::from_str::<serde_json::Value>(body).ok();
    match read_delivery(body) {
        Ok(Some(d)) => {
            let v = value.as_ref().expect("a delivery read is JSON");
            assert_eq!(v["data"]["id"].as_str(), Some(d.id.as_str()));
            assert_eq!(v["data"]["event_type"].as_str(), Some(d.event_type));
            assert_eq!(v["data"]["record_type"].as_str(), Some("event"));
            assert_eq!(check_event(d.event_type, body).ok(), Some(d.event_type));
        }
        Ok(None) => {
            let v = value.as_ref().expect("a delivery read is JSON");
            let t = v["data"]["event_type"].as_str().expect("a type");
            assert!(EVENT_TYPES.iter().all(|(name, _)| *name != t));
        }
        Err(e) => assert_eq!(e.code.as_str(), "invalid_webhook"),
    }
    for (name, _) in EVENT_TYPES {
        if check_event(name, body).is_ok() {
            let v = value.as_ref().expect("a checked event is JSON");
            if v["data"]["record_type"].as_str() == Some("event") && v["data"]["event_type"].as_str() == Some(name) {
                // Unless a key read from the envelope is given twice (serde_json's Value keeps
                // the last; the delivery is refused, saying so).
                match read_delivery(body) {
                    Ok(d) => assert_eq!(d.map(|d| d.event_type), Some(name)),
                    Err(e) => assert!(e.message.contains("duplicate field"), "{}", e.message),
                }
            }
        }
    }
});
