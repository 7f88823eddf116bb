//! Client options (`apiKey`, `baseUrl`, `timeoutMs`, `maxRetries`, `headers`, `arrayFormat`),
//! validated from an [`Input`] with the same care as the filter, failing with
//! `invalid_options`. Also the transport-security rule for the apiKey.

use crate::client::encode::ArrayFormat;
use crate::client::error::{Error, ErrorCode};
use crate::client::input::Input;
use crate::client::retry::MAX_RETRIES_LIMIT;
use crate::client::suggest::did_you_mean;

/// The API's address when `baseUrl` is not given.
pub const DEFAULT_BASE_URL: &str = "https://api.telnyx.com/v2";
/// Per-attempt timeout when `timeoutMs` is not given.
pub const DEFAULT_TIMEOUT_MS: u32 = 60_000;
/// Retries when `maxRetries` is not given.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// The longest timeout `setTimeout` can wait (2^31 - 1 ms).
pub const MAX_TIMEOUT_MS: u32 = 2_147_483_647;

/// Options of a request, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientOptions {
    /// Sent as `Authorization: Bearer {api_key}` when set.
    pub api_key: Option<String>,
    /// Base URL without a trailing slash: absolute http(s) or a path starting with `/`.
    pub base_url: String,
    /// Timeout of each attempt.
    pub timeout_ms: u32,
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// Extra request headers.
    pub headers: Vec<(String, String)>,
    /// How array filters are written.
    pub array_format: ArrayFormat,
    /// True when the caller passed an `AbortSignal` (the boundary reads it itself).
    pub has_signal: bool,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            api_key: None,
            base_url: DEFAULT_BASE_URL.to_string(),
            timeout_ms: DEFAULT_TIMEOUT_MS,
            max_retries: DEFAULT_MAX_RETRIES,
            headers: Vec::new(),
            array_format: ArrayFormat::Comma,
            has_signal: false,
        }
    }
}

/// The option names of every request, as JS spells them.
pub const OPTION_NAMES: [&str; 7] = [
    "apiKey",
    "baseUrl",
    "timeoutMs",
    "maxRetries",
    "signal",
    "headers",
    "arrayFormat",
];

impl ClientOptions {
    /// Validates an options object. `extra` lists further option names a caller accepts
    /// (list-all's `concurrency`, ...), which are skipped here and checked by that caller.
    pub fn from_input(input: &Input, extra: &[&str]) -> Result<ClientOptions, Error> {
        let members = match input {
            Input::Undefined | Input::Null => return Ok(ClientOptions::default()),
            Input::Object(m) => m,
            other => {
                return Err(Error::invalid_options(
                    "options",
                    &format!("must be an object, got {}", other.describe()),
                ))
            }
        };
        let mut o = ClientOptions::default();
        for (key, v) in members {
            if v.is_unset() {
                continue;
            }
            match key.as_str() {
                "apiKey" => o.api_key = Some(api_key(v)?),
                "baseUrl" => o.base_url = base_url(v)?,
                "timeoutMs" => o.timeout_ms = integer(v, "timeoutMs", 1, MAX_TIMEOUT_MS)?,
                "maxRetries" => o.max_retries = integer(v, "maxRetries", 0, MAX_RETRIES_LIMIT)?,
                "signal" => match v {
                    Input::Opaque(crate::client::input::Opaque::AbortSignal) => o.has_signal = true,
                    other => {
                        return Err(Error::invalid_options(
                            "signal",
                            &format!("must be an AbortSignal, got {}", other.describe()),
                        ))
                    }
                },
                "headers" => o.headers = headers(v)?,
                "arrayFormat" => o.array_format = array_format(v, "arrayFormat")?,
                k if extra.contains(&k) => {}
                other => return Err(unknown_option(other, extra)),
            }
        }
        Ok(o)
    }

    /// Refuses (`insecure_transport`) to send an apiKey over plain http to a host that is not
    /// this machine.
    pub fn check_transport(&self) -> Result<(), Error> {
        if self.api_key.is_none() {
            return Ok(());
        }
        let Some(rest) = strip_scheme(&self.base_url, "http://") else {
            return Ok(());
        };
        let host = host_of(rest);
        if is_loopback(host) {
            return Ok(());
        }
        let mut e = Error::new(
            ErrorCode::InsecureTransport,
            format!("Refusing to send the apiKey over plain http to {host}: use an https baseUrl (or a same-origin proxy that holds the key)."),
        );
        e.path = Some("baseUrl".into());
        Err(e)
    }
}

fn unknown_option(key: &str, extra: &[&str]) -> Error {
    let mut candidates: Vec<(&str, &str)> =
        OPTION_NAMES.iter().chain(extra).map(|n| (*n, *n)).collect();
    candidates.extend([
        ("timeout", "timeoutMs"),
        ("baseURL", "baseUrl"),
        ("retries", "maxRetries"),
    ]);
    let key_p = crate::client::read::printable(key);
    let reason = match did_you_mean(key, &candidates) {
        Some(s) => format!("unknown option '{key_p}' (did you mean '{s}'?)"),
        None => format!(
            "unknown option '{key_p}'; options are {}",
            OPTION_NAMES
                .iter()
                .chain(extra)
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Error::invalid_options(&key_p, &reason)
}

fn string<'a>(v: &'a Input, path: &str) -> Result<&'a str, Error> {
    match v {
        Input::String(s) => Ok(s),
        Input::BrokenString => Err(Error::invalid_options(
            path,
            "contains an unpaired UTF-16 surrogate",
        )),
        other => Err(Error::invalid_options(
            path,
            &format!("must be a string, got {}", other.describe()),
        )),
    }
}

fn api_key(v: &Input) -> Result<String, Error> {
    let s = string(v, "apiKey")?;
    // Never echo the value: it is a secret.
    if s.is_empty() || s.len() > 4096 || !s.bytes().all(|b| (0x21..0x7f).contains(&b)) {
        return Err(Error::invalid_options(
            "apiKey",
            "must be a non-empty string of visible ASCII characters (a Telnyx API v2 key)",
        ));
    }
    Ok(s.to_string())
}

/// Integer option in `min..=max`.
pub fn integer(v: &Input, path: &str, min: u32, max: u32) -> Result<u32, Error> {
    match v {
        Input::Number(n) if n.fract() == 0.0 && *n >= f64::from(min) && *n <= f64::from(max) => {
            Ok(*n as u32)
        }
        Input::Number(n) if n.is_finite() && n.fract() == 0.0 => Err(Error::invalid_options(
            path,
            &format!(
                "must be between {min} and {max}, got {}",
                crate::client::input::number_text(*n)
            ),
        )),
        other => Err(Error::invalid_options(
            path,
            &format!("must be an integer, got {}", other.describe()),
        )),
    }
}

fn array_format(v: &Input, path: &str) -> Result<ArrayFormat, Error> {
    ArrayFormat::parse(string(v, path)?)
        .ok_or_else(|| Error::invalid_options(path, "must be 'comma', 'brackets' or 'repeat'"))
}

/// Reads the `arrayFormat` of `buildPortoutsQuery`'s options (`{ arrayFormat? }`).
pub fn build_options(input: &Input) -> Result<ArrayFormat, Error> {
    match input {
        Input::Undefined | Input::Null => Ok(ArrayFormat::Comma),
        Input::Object(members) => {
            let mut f = ArrayFormat::Comma;
            for (k, v) in members {
                match k.as_str() {
                    "arrayFormat" if v.is_unset() => {}
                    "arrayFormat" => f = array_format(v, "arrayFormat")?,
                    other => return Err(unknown_option(other, &[])),
                }
            }
            Ok(f)
        }
        other => Err(Error::invalid_options(
            "options",
            &format!("must be an object, got {}", other.describe()),
        )),
    }
}

fn headers(v: &Input) -> Result<Vec<(String, String)>, Error> {
    let Input::Object(members) = v else {
        return Err(Error::invalid_options(
            "headers",
            &format!("must be an object of strings, got {}", v.describe()),
        ));
    };
    let mut out = Vec::new();
    for (name, value) in members {
        let path = format!("headers.{}", crate::client::read::printable(name));
        let token = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !token {
            return Err(Error::invalid_options(
                &path,
                "is not a valid HTTP header name",
            ));
        }
        if name.eq_ignore_ascii_case("authorization") {
            return Err(Error::invalid_options(
                &path,
                "set apiKey instead of an Authorization header",
            ));
        }
        let value = string(value, &path)?;
        if value.len() > 8192 {
            return Err(Error::invalid_options(&path, "must be at most 8192 bytes"));
        }
        if value.chars().any(|c| c.is_control() && c != '\t') {
            return Err(Error::invalid_options(
                &path,
                "must not contain control characters or newlines",
            ));
        }
        out.push((name.clone(), value.to_string()));
    }
    Ok(out)
}

fn strip_scheme<'a>(url: &'a str, scheme: &str) -> Option<&'a str> {
    let head = url.get(..scheme.len())?;
    head.eq_ignore_ascii_case(scheme)
        .then(|| url.get(scheme.len()..))
        .flatten()
}

/// The host part of `host[:port][/path]` (brackets kept for IPv6).
fn host_of(rest: &str) -> &str {
    let authority = rest.split('/').next().unwrap_or("");
    if authority.starts_with('[') {
        return match authority.find(']') {
            Some(i) => authority.get(..=i).unwrap_or(authority),
            None => authority,
        };
    }
    authority.split(':').next().unwrap_or(authority)
}

fn is_loopback(host: &str) -> bool {
    let h = host.to_ascii_lowercase();
    let ipv4_loopback = h.starts_with("127.")
        && h.split('.').count() == 4
        && h.split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
    h == "localhost" || h.ends_with(".localhost") || h == "[::1]" || ipv4_loopback
}

/// Validates `baseUrl`: an absolute http(s) URL or a path starting with `/`, without query,
/// fragment, credentials, white space or control characters. Trailing slashes are removed.
fn base_url(v: &Input) -> Result<String, Error> {
    let s = string(v, "baseUrl")?;
    let bad = |why: &str| Error::invalid_options("baseUrl", why);
    if s.is_empty() || s.len() > 2048 {
        return Err(bad("must be a non-empty URL of at most 2048 characters"));
    }
    if s.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(bad("must not contain spaces or control characters"));
    }
    if s.contains('?') || s.contains('#') {
        return Err(bad("must not contain a query (?) or fragment (#)"));
    }
    let trimmed = s.trim_end_matches('/');
    if let Some(rest) = strip_scheme(s, "https://").or_else(|| strip_scheme(s, "http://")) {
        let authority = rest.split('/').next().unwrap_or("");
        if authority.is_empty() {
            return Err(bad("has no host"));
        }
        if authority.contains('@') {
            return Err(bad(
                "must not contain credentials (user:password@); use apiKey",
            ));
        }
        if authority.contains('\\') {
            return Err(bad("must not contain backslashes"));
        }
        return Ok(trimmed.to_string());
    }
    if s.starts_with('/') && !s.starts_with("//") && !s.contains('\\') {
        return Ok(trimmed.to_string());
    }
    Err(bad("must be an absolute http(s) URL (https://api.telnyx.com/v2) or a path starting with / (a same-origin proxy); other schemes such as javascript:, data: or file: are not allowed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(members: &[(&str, Input)]) -> Result<ClientOptions, Error> {
        ClientOptions::from_input(
            &Input::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
            ),
            &[],
        )
    }
    fn s(v: &str) -> Input {
        Input::String(v.into())
    }

    #[test]
    fn defaults() {
        let o = ClientOptions::from_input(&Input::Undefined, &[]);
        assert_eq!(o, Ok(ClientOptions::default()));
        let o = ClientOptions::default();
        assert_eq!(
            (o.base_url.as_str(), o.timeout_ms, o.max_retries),
            ("https://api.telnyx.com/v2", 60_000, 2)
        );
    }

    #[test]
    fn accepts_good_options() {
        let o = opts(&[
            ("apiKey", s("KEY123")),
            ("baseUrl", s("http://127.0.0.1:8787/v2/")),
            ("timeoutMs", Input::Number(1000.0)),
            ("maxRetries", Input::Number(0.0)),
            ("headers", Input::Object(vec![("X-Trace".into(), s("1"))])),
            ("arrayFormat", s("repeat")),
            (
                "signal",
                Input::Opaque(crate::client::input::Opaque::AbortSignal),
            ),
        ]);
        let o = o.as_ref().ok();
        assert_eq!(
            o.map(|o| o.base_url.as_str()),
            Some("http://127.0.0.1:8787/v2")
        );
        assert_eq!(o.map(|o| o.array_format), Some(ArrayFormat::Repeat));
        assert_eq!(o.map(|o| o.check_transport().is_ok()), Some(true));
        assert_eq!(
            opts(&[("baseUrl", s("/api/telnyx"))]).map(|o| o.base_url),
            Ok("/api/telnyx".into())
        );
    }

    #[test]
    fn rejects_bad_options_naming_them() {
        for (members, path, reason) in [
            (
                vec![("baseURL", s("x"))],
                "baseURL",
                "did you mean 'baseUrl'",
            ),
            (vec![("apikey", s("x"))], "apikey", "did you mean 'apiKey'"),
            (
                vec![("timeout", Input::Number(5.0))],
                "timeout",
                "did you mean 'timeoutMs'",
            ),
            (
                vec![("timeoutMs", Input::Number(0.0))],
                "timeoutMs",
                "between 1 and",
            ),
            (
                vec![("timeoutMs", Input::Number(1.5))],
                "timeoutMs",
                "integer",
            ),
            (
                vec![("timeoutMs", s("100"))],
                "timeoutMs",
                "integer, got a string",
            ),
            (
                vec![("maxRetries", Input::Number(11.0))],
                "maxRetries",
                "between 0 and 10",
            ),
            (
                vec![("maxRetries", Input::Number(f64::NAN))],
                "maxRetries",
                "NaN",
            ),
            (
                vec![("baseUrl", s("javascript:alert(1)"))],
                "baseUrl",
                "not allowed",
            ),
            (
                vec![("baseUrl", s("data:text/plain,x"))],
                "baseUrl",
                "not allowed",
            ),
            (
                vec![("baseUrl", s("file:///etc/passwd"))],
                "baseUrl",
                "not allowed",
            ),
            (
                vec![("baseUrl", s("//evil.example/v2"))],
                "baseUrl",
                "not allowed",
            ),
            (vec![("baseUrl", s("api/v2"))], "baseUrl", "not allowed"),
            (vec![("baseUrl", s("https://"))], "baseUrl", "no host"),
            (
                vec![("baseUrl", s("https://u:p@host/v2"))],
                "baseUrl",
                "credentials",
            ),
            (vec![("baseUrl", s("https://h/v2?x=1"))], "baseUrl", "query"),
            (vec![("baseUrl", s("https://h/v 2"))], "baseUrl", "spaces"),
            (vec![("headers", s("x"))], "headers", "object"),
            (
                vec![(
                    "headers",
                    Input::Object(vec![("Authorization".into(), s("x"))]),
                )],
                "headers.Authorization",
                "apiKey",
            ),
            (
                vec![(
                    "headers",
                    Input::Object(vec![("X-A".into(), s("a\r\nb: c"))]),
                )],
                "headers.X-A",
                "control",
            ),
            (
                vec![("headers", Input::Object(vec![("bad name".into(), s("a"))]))],
                "headers.bad name",
                "header name",
            ),
            (vec![("arrayFormat", s("indices"))], "arrayFormat", "comma"),
            (
                vec![("signal", Input::Object(vec![]))],
                "signal",
                "AbortSignal",
            ),
            (vec![("apiKey", s("has space"))], "apiKey", "visible ASCII"),
        ] {
            let e = opts(&members).err();
            let e = e.as_ref();
            assert_eq!(
                e.map(|e| e.code),
                Some(ErrorCode::InvalidOptions),
                "{members:?}"
            );
            assert_eq!(e.and_then(|e| e.path.as_deref()), Some(path));
            let msg = e.map(|e| e.message.as_str()).unwrap_or_default();
            assert!(msg.contains(reason), "{msg} / {reason}");
        }
    }

    #[test]
    fn api_key_is_never_echoed() {
        let e = opts(&[("apiKey", s("SECRET KEY"))])
            .err()
            .map(|e| e.message.clone())
            .unwrap_or_default();
        assert!(!e.contains("SECRET"), "{e}");
    }

    #[test]
    fn key_only_goes_over_http_to_loopback() {
        let with = |url: &str| {
            opts(&[("apiKey", s("K")), ("baseUrl", s(url))]).and_then(|o| o.check_transport())
        };
        assert!(with("http://127.0.0.1:1/v2").is_ok());
        assert!(with("http://localhost/v2").is_ok());
        assert!(with("http://[::1]:8080/v2").is_ok());
        assert!(with("https://api.telnyx.com/v2").is_ok());
        assert!(with("/proxy").is_ok());
        assert_eq!(
            with("http://api.telnyx.com/v2").err().map(|e| e.code),
            Some(ErrorCode::InsecureTransport)
        );
        assert_eq!(
            with("http://127.evil.example/v2").err().map(|e| e.code),
            Some(ErrorCode::InsecureTransport)
        );
        assert_eq!(
            with("HTTP://10.0.0.1/v2").err().map(|e| e.code),
            Some(ErrorCode::InsecureTransport)
        );
        let no_key =
            opts(&[("baseUrl", s("http://example.com/v2"))]).and_then(|o| o.check_transport());
        assert!(no_key.is_ok());
    }

    #[test]
    fn extra_options_are_left_to_the_caller() {
        let o = ClientOptions::from_input(
            &Input::Object(vec![("concurrency".into(), Input::Number(4.0))]),
            &["concurrency"],
        );
        assert!(o.is_ok());
        let e = ClientOptions::from_input(
            &Input::Object(vec![("concurency".into(), Input::Number(4.0))]),
            &["concurrency"],
        );
        assert!(e
            .err()
            .map(|e| e.message.clone())
            .unwrap_or_default()
            .contains("did you mean 'concurrency'"));
    }
}
