//! Cross-origin access to the gateway: none unless `cors: { origin }` names one origin, and then
//! only for requests from exactly that origin (never `*`, never credentials).

use super::answer::Answer;
use super::route::route;

/// The headers that grant `origin` (the request's `Origin`) access, when it is the configured
/// one; none otherwise.
pub fn grant(allowed: Option<&str>, origin: Option<&str>) -> Vec<(String, String)> {
    match (allowed, origin) {
        (Some(a), Some(o)) if a == o => vec![
            ("access-control-allow-origin".into(), o.to_string()),
            (
                "access-control-expose-headers".into(),
                "x-request-id".into(),
            ),
            ("vary".into(), "origin".into()),
        ],
        _ => Vec::new(),
    }
}

/// The answer to a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`) from the
/// configured origin for a method and path the gateway serves; `None` for anything else, which
/// is then answered as any other request (a 405 or 404, without a grant).
pub fn preflight(
    allowed: Option<&str>,
    origin: Option<&str>,
    base_path: &str,
    target: &str,
    requested_method: Option<&str>,
) -> Option<Answer> {
    let mut headers = grant(allowed, origin);
    let method = requested_method?;
    if headers.is_empty() || route(base_path, method, target).is_err() {
        return None;
    }
    headers.extend([
        ("access-control-allow-methods".into(), method.to_string()),
        ("access-control-allow-headers".into(), "content-type".into()),
        ("access-control-max-age".into(), "600".into()),
    ]);
    Some(Answer {
        status: 204,
        headers,
        body: String::new(),
        live: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const APP: &str = "https://app.example";

    #[test]
    fn only_the_configured_origin_is_granted() {
        assert!(grant(None, Some(APP)).is_empty());
        assert!(grant(Some(APP), Some("https://evil.example")).is_empty());
        assert!(grant(Some(APP), None).is_empty());
        let g = grant(Some(APP), Some(APP));
        assert!(g.contains(&("access-control-allow-origin".into(), APP.into())));
        assert!(!g.iter().any(|(k, v)| k.contains("credentials") || v == "*"));
    }

    #[test]
    fn a_preflight_is_answered_for_a_served_method_and_path_only() {
        let p = |origin, method, target| {
            preflight(Some(APP), Some(origin), "/api/telnyx", target, method)
        };
        let ok = p(APP, Some("GET"), "/api/telnyx/portouts").expect("a preflight");
        assert_eq!(ok.status, 204);
        assert!(ok
            .headers
            .contains(&("access-control-allow-methods".into(), "GET".into())));
        assert!(p(APP, Some("DELETE"), "/api/telnyx/portouts").is_none());
        assert!(p(APP, Some("GET"), "/api/telnyx/messages").is_none());
        assert!(p("https://evil.example", Some("GET"), "/api/telnyx/portouts").is_none());
        assert!(p(APP, None, "/api/telnyx/portouts").is_none());
        assert!(preflight(
            None,
            Some(APP),
            "/api/telnyx",
            "/api/telnyx/portouts",
            Some("GET")
        )
        .is_none());
    }
}
