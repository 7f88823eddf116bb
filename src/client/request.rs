//! What goes on the wire for one operation, as data: a [`Request`] (method, path, query,
//! JSON body, what a success looks like), the URL and the headers it becomes with the
//! client options, and the path arguments' rules. Pure, so every operation's exact request is
//! unit-tested without a network; the boundary sends any `Request` the same way.

use crate::client::encode::encode_into;
use crate::client::error::Error;
use crate::client::options::ClientOptions;
use serde::Serialize;
use telnyx_portouts_schema::Schema;

/// The HTTP methods of the port-outs API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`: a read, retried on any transient failure.
    Get,
    /// `POST`: a write.
    Post,
    /// `PATCH`: a write.
    Patch,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
        }
    }

    /// True for the methods that change something on the server.
    pub fn is_write(self) -> bool {
        self != Method::Get
    }
}

/// What a successful response carries.
#[derive(Debug, Clone, Copy)]
pub enum Expect {
    /// A JSON body valid against this schema.
    Json(&'static Schema),
    /// No body (`204 No Content`).
    Nothing,
}

/// One operation's request, before the client options: built by the operation's module
/// under `src/api/`, sent by the boundary's one request path.
#[derive(Debug, Clone)]
pub struct Request {
    /// The method.
    pub method: Method,
    /// The path below `baseUrl`, each argument percent-encoded as one segment
    /// (`/portouts/{id}/comments`).
    pub path: String,
    /// The query string (no leading `?`; empty for none).
    pub query: String,
    /// The JSON body of a write.
    pub body: Option<String>,
    /// What a success must look like.
    pub expect: Expect,
    /// For a write: what may have happened when it fails without an answer the server is
    /// known to have refused ("the comment may have been created").
    pub effect: &'static str,
}

impl Request {
    /// A `GET` of `path` whose answer is checked against `schema`.
    pub fn get(path: String, schema: &'static Schema) -> Request {
        Request {
            method: Method::Get,
            path,
            query: String::new(),
            body: None,
            expect: Expect::Json(schema),
            effect: "",
        }
    }

    /// A write of `path` with a JSON body (serialized from `body`, `None` for none).
    pub fn write(
        method: Method,
        path: String,
        body: Option<&impl Serialize>,
        expect: Expect,
        effect: &'static str,
    ) -> Request {
        Request {
            method,
            path,
            query: String::new(),
            // Serializing plain data structures with string keys cannot fail.
            body: body.and_then(|b| serde_json::to_string(b).ok()),
            expect,
            effect,
        }
    }

    /// The same request with a query string.
    pub fn with_query(mut self, query: String) -> Request {
        self.query = query;
        self
    }

    /// The full URL: `{baseUrl}{path}?{query}`.
    pub fn url(&self, options: &ClientOptions) -> String {
        if self.query.is_empty() {
            format!("{}{}", options.base_url, self.path)
        } else {
            format!("{}{}?{}", options.base_url, self.path, self.query)
        }
    }

    /// The request headers: `Accept` always, `Content-Type` with a body, `Authorization`
    /// only with an apiKey, then the caller's extra headers. Nothing else (each extra header
    /// costs a CORS preflight).
    pub fn headers(&self, options: &ClientOptions) -> Vec<(String, String)> {
        let mut h = vec![("Accept".to_string(), "application/json".to_string())];
        if self.body.is_some() {
            h.push(("Content-Type".to_string(), "application/json".to_string()));
        }
        if let Some(key) = &options.api_key {
            h.push(("Authorization".to_string(), format!("Bearer {key}")));
        }
        h.extend(options.headers.iter().cloned());
        h
    }
}

/// A path from its literal parts and its arguments: `path(&["/portouts/", id, "/comments"])`
/// with every odd element (an argument) percent-encoded as one segment.
pub fn path(parts: &[&str]) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
        } else {
            encode_into(&mut out, part);
        }
    }
    out
}

/// Checks that `id` (the argument named `name`) is a UUID: 36 characters, hex digits in
/// groups of 8-4-4-4-12. Every id of the API is one.
pub fn check_uuid(id: &str, name: &str) -> Result<(), Error> {
    if is_uuid(id) {
        return Ok(());
    }
    let shown = crate::client::read::printable(id);
    Err(Error::invalid_params(
        name,
        &format!(
            "'{shown}' is not a UUID (like 0ccc7b54-4df3-4bca-a65a-3da1ecc777f0); Telnyx ids are UUIDs"
        ),
    ))
}

/// True for a UUID in its canonical text form (either case).
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use telnyx_portouts_schema::{Field, Ty};

    static ANY: Schema = Schema::new("x", &[Field::optional("data", Ty::Any)]);

    fn options() -> ClientOptions {
        ClientOptions {
            base_url: "http://127.0.0.1:9/v2".into(),
            ..ClientOptions::default()
        }
    }

    #[test]
    fn urls_join_base_path_and_query() {
        let r = Request::get(path(&["/portouts/", "a b/c"]), &ANY);
        assert_eq!(
            r.url(&options()),
            "http://127.0.0.1:9/v2/portouts/a%20b%2Fc"
        );
        let r = r.with_query("page%5Bsize%5D=5".into());
        assert_eq!(
            r.url(&options()),
            "http://127.0.0.1:9/v2/portouts/a%20b%2Fc?page%5Bsize%5D=5"
        );
        assert_eq!(path(&["/a/", "1", "/b/", "2", "/c"]), "/a/1/b/2/c");
    }

    #[test]
    fn headers_add_content_type_only_with_a_body() {
        let mut o = options();
        o.api_key = Some("KEY0123456789".into());
        o.headers = vec![("X-Trace".into(), "1".into())];
        let get = Request::get("/portouts".into(), &ANY);
        let names =
            |r: &Request| -> Vec<String> { r.headers(&o).into_iter().map(|(n, _)| n).collect() };
        assert_eq!(names(&get), ["Accept", "Authorization", "X-Trace"]);
        let post = Request::write(
            Method::Post,
            "/x".into(),
            Some(&serde_json::json!({"body": "hi"})),
            Expect::Json(&ANY),
            "the comment may have been created",
        );
        assert_eq!(post.body.as_deref(), Some(r#"{"body":"hi"}"#));
        assert_eq!(
            names(&post),
            ["Accept", "Content-Type", "Authorization", "X-Trace"]
        );
        assert!(post.method.is_write() && !get.method.is_write());
        assert_eq!(Method::Patch.as_str(), "PATCH");
    }

    #[test]
    fn ids_must_be_uuids() {
        assert!(check_uuid("0ccc7b54-4df3-4bca-a65a-3da1ecc777f0", "id").is_ok());
        assert!(check_uuid("0CCC7B54-4DF3-4BCA-A65A-3DA1ECC777F0", "id").is_ok());
        for bad in [
            "",
            "x",
            "0ccc7b54-4df3-4bca-a65a-3da1ecc777f",
            "0ccc7b544df34bca-a65a-3da1ecc777f0a",
            "0ccc7b54-4df3-4bca-a65a-3da1ecc777fg",
            "../../0ccc7b54-4df3-4bca-a65a-3da1e",
        ] {
            let e = check_uuid(bad, "portoutId").map_err(|e| (e.code, e.path.clone()));
            assert_eq!(
                e,
                Err((
                    crate::client::error::ErrorCode::InvalidParams,
                    Some("portoutId".into())
                )),
                "{bad}"
            );
        }
    }
}
