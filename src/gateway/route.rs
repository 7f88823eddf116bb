//! Which operation a request to the gateway is: its method and raw request target (path and
//! query, as received, before any decoding) matched against the operation table's paths below
//! the gateway's `basePath`. Anything that is not exactly one of the 14 operations' paths is
//! no operation: encoded characters, `.`/`..` or empty segments, other letter cases, extra
//! segments, anything outside `basePath`.

use super::refusal::Refusal;
use crate::api::operations::OPERATIONS;
use crate::client::operation::Operation;

/// A request matched to an operation.
#[derive(Debug)]
pub struct Route {
    /// The operation.
    pub operation: &'static Operation,
    /// The values of the path template's placeholders, in order (`{id}`, `{status}`).
    pub segments: Vec<String>,
    /// The raw query string (no `?`; empty for none).
    pub query: String,
}

/// The longest request target the gateway reads (the longest valid one is far shorter).
pub const MAX_TARGET: usize = 8 * 1024;

/// Matches `method` and the raw `target` (`/api/telnyx/portouts?filter[status]=ported`)
/// below `base_path` (`/api/telnyx`, or empty for the root).
pub fn route(base_path: &str, method: &str, target: &str) -> Result<Route, Refusal> {
    if target.len() > MAX_TARGET {
        return Err(Refusal::new(
            414,
            "uri_too_long",
            "the request target is longer than 8 KB",
        ));
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let rest = path
        .strip_prefix(base_path)
        .and_then(|rest| rest.strip_prefix('/'))
        .ok_or_else(|| {
            Refusal::not_found(format!(
                "the gateway serves the port-out operations below {base_path}/portouts"
            ))
        })?;
    let segments: Vec<&str> = rest.split('/').collect();
    if let Some(bad) = segments.iter().find(|s| !plain(s)) {
        return Err(Refusal::not_found(format!(
            "no port-out operation has the path segment '{}': segments are letters, digits, \
             '-' and '_' (no encoded characters, no '.' or '..', no empty segment)",
            crate::client::read::printable(bad)
        )));
    }
    // A case variant of a path word (`EVENTS`, `Comments`) is no path, not an id.
    let literals = || {
        OPERATIONS
            .iter()
            .flat_map(|op| op.path.split('/'))
            .filter(|p| !p.is_empty() && !p.starts_with('{'))
    };
    if let Some(bad) = segments
        .iter()
        .find(|s| literals().any(|l| l != **s && l.eq_ignore_ascii_case(s)))
    {
        return Err(Refusal::not_found(format!(
            "no port-out operation has the path segment '{}' (paths are lower case)",
            crate::client::read::printable(bad)
        )));
    }
    // The templates this path fits, the most literal first: `/portouts/events` is the events
    // list, not a port-out whose id is "events".
    let fits: Vec<(&'static Operation, usize)> = OPERATIONS
        .iter()
        .filter_map(|op| literals_matched(op.path, &segments).map(|n| (op, n)))
        .collect();
    let best = fits.iter().map(|(_, n)| *n).max().ok_or_else(|| {
        Refusal::not_found(format!(
            "no port-out operation has the path {}",
            crate::client::read::printable(path)
        ))
    })?;
    let fits: Vec<&'static Operation> = fits
        .into_iter()
        .filter(|(_, n)| *n == best)
        .map(|(op, _)| op)
        .collect();
    let Some(operation) = fits.iter().find(|op| op.method.as_str() == method) else {
        let mut allow: Vec<&str> = fits.iter().map(|op| op.method.as_str()).collect();
        allow.sort_unstable();
        allow.dedup();
        let allow = allow.join(", ");
        return Err(Refusal {
            allow: Some(allow.clone()),
            ..Refusal::new(
                405,
                "method_not_allowed",
                format!(
                    "{} is not a method of this path; it takes {allow}",
                    crate::client::read::printable(method)
                ),
            )
        });
    };
    let placeholders = operation
        .path
        .split('/')
        .skip(1)
        .zip(&segments)
        .filter(|(t, _)| t.starts_with('{'))
        .map(|(_, s)| s.to_string())
        .collect();
    Ok(Route {
        operation,
        segments: placeholders,
        query: query.to_string(),
    })
}

/// A segment the gateway takes: letters, digits, `-` and `_` only.
fn plain(segment: &str) -> bool {
    !segment.is_empty()
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// How many literal segments of `template` the path matches, or `None` when it does not fit.
fn literals_matched(template: &str, segments: &[&str]) -> Option<usize> {
    let parts: Vec<&str> = template.split('/').skip(1).collect();
    if parts.len() != segments.len() {
        return None;
    }
    let mut literals = 0;
    for (part, segment) in parts.iter().zip(segments) {
        if part.starts_with('{') {
            continue;
        }
        if part != segment {
            return None;
        }
        literals += 1;
    }
    Some(literals)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "2a5a2b9a-0d21-4bd6-9b1e-1d0e1f2a3b4c";

    fn name(method: &str, target: &str) -> Result<&'static str, u16> {
        route("/api/telnyx", method, target)
            .map(|r| r.operation.name)
            .map_err(|r| r.status)
    }

    #[test]
    fn every_operation_is_found_by_its_method_and_path() {
        for op in &OPERATIONS {
            let path = op
                .path
                .replace("{id}", ID)
                .replace("{portout_id}", ID)
                .replace("{status}", "authorized");
            let got = route(
                "/api/telnyx",
                op.method.as_str(),
                &format!("/api/telnyx{path}?a=b"),
            );
            let got = got.expect(op.name);
            assert_eq!(got.operation.name, op.name);
            assert_eq!(got.query, "a=b");
            let want = op.path.matches('{').count();
            assert_eq!(got.segments.len(), want, "{}", op.name);
        }
        let r = route("", "PATCH", &format!("/portouts/{ID}/rejected-pending")).unwrap();
        assert_eq!(
            r.segments,
            vec![ID.to_string(), "rejected-pending".to_string()]
        );
    }

    #[test]
    fn literal_paths_win_over_ids() {
        assert_eq!(
            name("GET", "/api/telnyx/portouts/events"),
            Ok("listPortoutEvents")
        );
        assert_eq!(
            name("GET", "/api/telnyx/portouts/reports"),
            Ok("listPortoutReports")
        );
        assert_eq!(
            name("POST", "/api/telnyx/portouts/reports"),
            Ok("createPortoutReport")
        );
        assert_eq!(
            name("GET", &format!("/api/telnyx/portouts/{ID}/comments")),
            Ok("listPortoutComments")
        );
    }

    #[test]
    fn other_methods_are_405_with_allow() {
        let r = route(
            "/api/telnyx",
            "DELETE",
            &format!("/api/telnyx/portouts/{ID}/comments"),
        );
        let r = r.unwrap_err();
        assert_eq!((r.status, r.allow.as_deref()), (405, Some("GET, POST")));
        assert_eq!(name("POST", "/api/telnyx/portouts"), Err(405));
        assert_eq!(name("get", "/api/telnyx/portouts"), Err(405));
        assert_eq!(name("HEAD", "/api/telnyx/portouts"), Err(405));
    }

    #[test]
    fn anything_else_is_404() {
        for target in [
            "/api/telnyx",
            "/api/telnyx/",
            "/api/telnyx/portouts/",
            "/api/telnyx//portouts",
            "/api/telnyx/Portouts",
            "/api/telnyx/PORTOUTS",
            "/api/telnyx/portouts/EVENTS",
            "/api/telnyx/portouts/Reports",
            "/api/telnyx/portouts/events/x/y/z",
            "/api/telnyx/messages",
            "/api/telnyx/portouts/../messages",
            "/api/telnyx/portouts/%2e%2e/messages",
            "/api/telnyx/portouts%2fevents",
            "/api/telnyx/./portouts",
            "/api/telnyxportouts",
            "/api/Telnyx/portouts",
            "/portouts",
            "/api/telnyx/portouts/events%3F",
            "/api/telnyx/portouts/ev ents",
            "/api/telnyx/portouts#x",
            "",
            "*",
            "http://evil.example/api/telnyx/portouts",
        ] {
            assert_eq!(name("GET", target), Err(404), "{target}");
        }
        assert_eq!(
            name("GET", &format!("/api/telnyx/portouts?{}", "a".repeat(9000))),
            Err(414)
        );
    }
}
