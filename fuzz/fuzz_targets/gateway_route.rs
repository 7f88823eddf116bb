//! Requests to the gateway, arbitrary: the first line is the method, the second the raw
//! target, the rest the body. A request is either refused with its status or matched to one
//! operation whose path it is exactly; what goes upstream is canonical (sending it through the
//! gateway again gives the same request).
#![no_main]

use libfuzzer_sys::fuzz_target;
use telnyx_portouts::gateway::forward::prepare;
use telnyx_portouts::gateway::route::route;

const BASE: &str = "/api/telnyx";

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let mut lines = input.splitn(3, '\n');
    let (method, target, body) = (
        lines.next().unwrap_or(""),
        lines.next().unwrap_or(""),
        lines.next().unwrap_or(""),
    );
    let r = match route(BASE, method, target) {
        Ok(r) => r,
        Err(refusal) => {
            assert!(matches!(refusal.status, 404 | 405 | 414), "{refusal:?}");
            assert_eq!(refusal.allow.is_some(), refusal.status == 405);
            return;
        }
    };
    assert_eq!(r.operation.method.as_str(), method);
    let path = target.split('?').next().unwrap_or("");
    let below = path.strip_prefix(BASE).expect("under basePath");
    let mut segments = r.segments.iter();
    let rebuilt: String = r
        .operation
        .path
        .split('/')
        .skip(1)
        .map(|part| {
            if part.starts_with('{') {
                format!("/{}", segments.next().expect("a value per placeholder"))
            } else {
                format!("/{part}")
            }
        })
        .collect();
    assert_eq!(rebuilt, below, "the path is exactly the operation's");
    let Ok(upstream) = prepare(&r, body.as_bytes()) else { return };
    assert_eq!(upstream.method, r.operation.method);
    assert_eq!(upstream.path, below);
    // Canonical: the forwarded request, sent through the gateway again, is forwarded unchanged.
    let again = format!("{BASE}{}{}{}", upstream.path, if upstream.query.is_empty() { "" } else { "?" }, upstream.query);
    let r2 = route(BASE, method, &again).expect("the forwarded request routes");
    let second = prepare(&r2, upstream.body.as_deref().unwrap_or("").as_bytes()).expect("and passes");
    assert_eq!((second.path, second.query, second.body), (upstream.path.clone(), upstream.query.clone(), upstream.body.clone()));
});
