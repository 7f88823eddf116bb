//! What goes on the wire for one call: the URL and the headers. Pure, so the exact request
//! is unit-tested without a network.

use crate::error::Error;
use crate::filter::ListQuery;
use crate::options::ClientOptions;
use crate::query::{build_query, encode_into};

/// The longest port-out id `getPortout` accepts.
pub const MAX_ID_CHARS: usize = 64;

/// `GET {baseUrl}/portouts?{query}`.
pub fn list_url(query: &ListQuery, options: &ClientOptions) -> String {
    let q = build_query(query, options.array_format);
    if q.is_empty() {
        format!("{}/portouts", options.base_url)
    } else {
        format!("{}/portouts?{q}", options.base_url)
    }
}

/// `GET {baseUrl}/portouts/{id}`, the id validated and percent-encoded as one path segment.
pub fn get_url(id: &str, options: &ClientOptions) -> Result<String, Error> {
    check_id(id)?;
    let mut url = format!("{}/portouts/", options.base_url);
    encode_into(&mut url, id);
    Ok(url)
}

/// A port-out id: non-empty, at most 64 characters, no `/`, `?`, `#`, `%` or control characters,
/// and not `.` or `..`.
pub fn check_id(id: &str) -> Result<(), Error> {
    let bad = |why: &str| Error::invalid_filter("id", why);
    if id.is_empty() {
        return Err(bad("must not be empty"));
    }
    if id.chars().count() > MAX_ID_CHARS {
        return Err(bad("must be at most 64 characters"));
    }
    if id
        .chars()
        .any(|c| c.is_control() || matches!(c, '/' | '\\' | '?' | '#' | '%'))
        || id == "."
        || id == ".."
    {
        return Err(bad(
            "must not contain /, \\, ?, #, % or control characters (a port-out id is a UUID)",
        ));
    }
    Ok(())
}

/// The request headers: `Accept` always, `Authorization` only with an apiKey, then the
/// caller's extra headers. Nothing else (each extra header costs a CORS preflight).
pub fn headers(options: &ClientOptions) -> Vec<(String, String)> {
    let mut h = vec![("Accept".to_string(), "application/json".to_string())];
    if let Some(key) = &options.api_key {
        h.push(("Authorization".to_string(), format!("Bearer {key}")));
    }
    h.extend(options.headers.iter().cloned());
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::{Page, PortoutFilter};
    use crate::model::Status;

    #[test]
    fn builds_list_urls() {
        let o = ClientOptions {
            base_url: "http://127.0.0.1:9/v2".into(),
            ..ClientOptions::default()
        };
        assert_eq!(
            list_url(&ListQuery::default(), &o),
            "http://127.0.0.1:9/v2/portouts"
        );
        let q = ListQuery {
            filter: PortoutFilter {
                status: Some(Status::Ported),
                ..Default::default()
            },
            page: Page {
                number: None,
                size: Some(5),
            },
        };
        assert_eq!(
            list_url(&q, &o),
            "http://127.0.0.1:9/v2/portouts?filter%5Bstatus%5D=ported&page%5Bsize%5D=5"
        );
    }

    #[test]
    fn ids_are_one_safe_path_segment() {
        let o = ClientOptions::default();
        assert_eq!(
            get_url("0ccc7b54-4df3", &o).ok().as_deref(),
            Some("https://api.telnyx.com/v2/portouts/0ccc7b54-4df3")
        );
        assert_eq!(
            get_url("a b", &o).ok().as_deref(),
            Some("https://api.telnyx.com/v2/portouts/a%20b")
        );
        for bad in [
            "",
            "../x",
            "a/b",
            "a?b",
            "a#b",
            "%2F",
            "..",
            "a\nb",
            &"x".repeat(65),
        ] {
            assert!(get_url(bad, &o).is_err(), "{bad}");
        }
    }

    #[test]
    fn sends_authorization_only_with_a_key() {
        assert_eq!(
            headers(&ClientOptions::default()),
            vec![("Accept".to_string(), "application/json".to_string())]
        );
        let o = ClientOptions {
            api_key: Some("K".into()),
            ..ClientOptions::default()
        };
        assert!(headers(&o).contains(&("Authorization".to_string(), "Bearer K".to_string())));
    }
}
