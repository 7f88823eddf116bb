use super::*;

fn obj(members: Vec<(&str, Input)>) -> Input {
    Input::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
}
fn s(v: &str) -> Input {
    Input::String(v.into())
}
const F: Input = Input::Opaque(Opaque::Function);
/// A valid key: 32 bytes of base64.
const KEY: &str = "eu2zvPjhY6odxV34Z/EsRiERvTodkev4Fq0SlK90Izg=";

fn minimal(extra: Vec<(&str, Input)>) -> Input {
    let mut m = vec![("apiKey", s("KEY0123")), ("authorize", F)];
    m.extend(extra);
    obj(m)
}

fn refusal(v: Input) -> (String, String) {
    let e = GatewayConfig::from_input(&v).expect_err("refused");
    let plain_http =
        e.code == ErrorCode::InsecureTransport && e.path.as_deref() == Some("upstream");
    assert!(e.code == ErrorCode::InvalidOptions || plain_http, "{e}");
    (e.path.clone().unwrap_or_default(), e.message.clone())
}

#[test]
fn defaults_are_the_reads_below_api_telnyx_to_telnyx_over_https() {
    let c = GatewayConfig::from_input(&minimal(vec![])).unwrap();
    let names: Vec<&str> = c.allow.iter().map(|op| op.name).collect();
    assert_eq!(names.len(), 9);
    assert!(c.allow.iter().all(|op| !op.method.is_write()));
    assert!(names.contains(&"listPortouts") && names.contains(&"getPortoutReport"));
    assert_eq!(c.base_path, "/api/telnyx");
    assert_eq!(c.client.base_url, "https://api.telnyx.com/v2");
    assert!(c.webhook.is_none() && c.cors_origin.is_none());
}

#[test]
fn everything_can_be_set() {
    let c = GatewayConfig::from_input(&minimal(vec![
        ("upstream", s("http://127.0.0.1:4010/v2/")),
        ("basePath", s("/telnyx/")),
        (
            "allow",
            Input::Array(vec![s("listPortouts"), s("createPortoutComment")]),
        ),
        ("audit", F),
        (
            "webhook",
            obj(vec![
                ("publicKey", s(KEY)),
                ("path", s("/hooks/telnyx")),
                ("toleranceSeconds", Input::Number(60.0)),
            ]),
        ),
        ("cors", obj(vec![("origin", s("https://app.example"))])),
        ("timeoutMs", Input::Number(5000.0)),
    ]))
    .unwrap();
    assert_eq!(c.client.base_url, "http://127.0.0.1:4010/v2");
    assert_eq!(c.base_path, "/telnyx");
    let names: Vec<&str> = c.allow.iter().map(|op| op.name).collect();
    assert_eq!(names, ["listPortouts", "createPortoutComment"]);
    assert!(c.allows(c.allow[1]));
    let w = c.webhook.unwrap();
    assert_eq!(
        (w.path.as_str(), w.tolerance_seconds),
        ("/hooks/telnyx", 60)
    );
    assert_eq!(w.public_key.len(), 32);
    assert_eq!(c.cors_origin.as_deref(), Some("https://app.example"));
    let root = GatewayConfig::from_input(&minimal(vec![("basePath", s("/"))])).unwrap();
    assert_eq!(root.base_path, "");
}

#[test]
fn bad_options_throw_naming_them() {
    let cases: Vec<(Input, &str, &str)> = vec![
        (obj(vec![("authorize", F)]), "apiKey", "is required"),
        (obj(vec![("apiKey", s("k"))]), "authorize", "is required"),
        (
            minimal(vec![("authorize", Input::Bool(true))]),
            "authorize",
            "must be a function",
        ),
        (
            minimal(vec![("apiKey", s("has space"))]),
            "apiKey",
            "visible ASCII",
        ),
        (
            minimal(vec![("upstream", s("http://api.telnyx.com/v2"))]),
            "upstream",
            "plain http",
        ),
        (
            minimal(vec![("upstream", s("/v2"))]),
            "upstream",
            "absolute",
        ),
        (
            minimal(vec![("upstream", s("https://u:p@api.telnyx.com"))]),
            "upstream",
            "credentials",
        ),
        (
            minimal(vec![("allow", Input::Array(vec![s("listPortout")]))]),
            "allow[0]",
            "listPortouts",
        ),
        (
            minimal(vec![("allow", Input::Array(vec![s("sendMessage")]))]),
            "allow[0]",
            "operation",
        ),
        (
            minimal(vec![("allow", s("listPortouts"))]),
            "allow",
            "array",
        ),
        (
            minimal(vec![("basePath", s("api"))]),
            "basePath",
            "path like",
        ),
        (
            minimal(vec![("basePath", s("/api/../x"))]),
            "basePath",
            "path like",
        ),
        (
            minimal(vec![("cors", obj(vec![("origin", s("*"))]))]),
            "cors.origin",
            "never '*'",
        ),
        (
            minimal(vec![(
                "cors",
                obj(vec![("origin", s("https://a.example/path"))]),
            )]),
            "cors.origin",
            "no path",
        ),
        (
            minimal(vec![(
                "webhook",
                obj(vec![("publicKey", s("short=")), ("path", s("/h"))]),
            )]),
            "webhook.publicKey",
            "32 bytes",
        ),
        (
            minimal(vec![("webhook", obj(vec![("path", s("/h"))]))]),
            "webhook.publicKey",
            "is required",
        ),
        (
            minimal(vec![("webhook", obj(vec![("publicKey", s(KEY))]))]),
            "webhook.path",
            "is required",
        ),
        (
            minimal(vec![(
                "webhook",
                obj(vec![
                    ("publicKey", s(KEY)),
                    ("path", s("/h")),
                    ("toleranceSeconds", Input::Number(0.0)),
                ]),
            )]),
            "webhook.toleranceSeconds",
            "between",
        ),
        (minimal(vec![("apikey", s("k"))]), "apikey", "apiKey"),
        (
            minimal(vec![("baseUrl", s("https://x"))]),
            "baseUrl",
            "unknown",
        ),
    ];
    for (input, path, words) in cases {
        let (p, message) = refusal(input);
        assert_eq!(p, path, "{message}");
        assert!(message.contains(words), "{path}: {message}");
        assert!(
            !message.contains("baseUrl") || path == "baseUrl",
            "{message}"
        );
    }
}

#[test]
fn the_key_is_never_in_a_message() {
    let (_, message) = refusal(minimal(vec![("apiKey", s("SECRET with space"))]));
    assert!(!message.contains("SECRET"), "{message}");
}
