//! The gateway's rules end to end on the host: every operation forwarded exactly as the client
//! builds it, and hostile requests refused with their status before anything is built.

use super::forward::{check_body_headers, prepare, MAX_BODY};
use super::route::route;
use crate::api::operations::OPERATIONS;
use crate::client::encode::ArrayFormat;
use crate::client::input::Input;
use crate::client::operation::{Operation, Param};
use crate::client::request::Request;

const BASE: &str = "/api/telnyx";
const ID: &str = "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0";
const JSON: Option<&str> = Some("application/json");

fn obj(members: Vec<(&str, Input)>) -> Input {
    Input::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
}
fn s(v: &str) -> Input {
    Input::String(v.into())
}
fn arr(items: &[&str]) -> Input {
    Input::Array(items.iter().map(|v| s(v)).collect())
}

/// Argument values for `op`, several per operation (queries with filters and pages).
fn cases(op: &Operation) -> Vec<Vec<Input>> {
    let page = obj(vec![
        ("number", Input::Number(2.0)),
        ("size", Input::Number(50.0)),
    ]);
    match op.name {
        "listPortouts" => vec![
            vec![Input::Undefined],
            vec![obj(vec![
                (
                    "filter",
                    obj(vec![
                        ("status_in", arr(&["pending", "ported"])),
                        ("carrier_name", s("AT&T Mobility, Inc.")),
                        (
                            "inserted_at",
                            obj(vec![
                                ("gte", s("2024-01-01")),
                                ("lte", s("2024-02-01T00:00:00Z")),
                            ]),
                        ),
                        ("phone_number", s("+13035551212")),
                    ]),
                ),
                ("page", page.clone()),
            ])],
        ],
        "listPortoutRejectionCodes" => vec![
            vec![s(ID), Input::Undefined],
            vec![
                s(ID),
                obj(vec![("filter", obj(vec![("code", Input::Number(1002.0))]))]),
            ],
            vec![
                s(ID),
                obj(vec![(
                    "filter",
                    obj(vec![(
                        "code",
                        Input::Array(vec![Input::Number(1.0), Input::Number(2.0)]),
                    )]),
                )]),
            ],
        ],
        "listPortoutEvents" => vec![
            vec![Input::Undefined],
            vec![obj(vec![
                (
                    "filter",
                    obj(vec![
                        ("event_type", s("portout.status_changed")),
                        ("portout_id", s(ID)),
                    ]),
                ),
                ("page", page.clone()),
            ])],
        ],
        "listPortoutReports" => vec![
            vec![Input::Undefined],
            vec![obj(vec![
                ("filter", obj(vec![("status", s("completed"))])),
                ("page", page),
            ])],
        ],
        "updatePortoutStatus" => vec![
            vec![
                s(ID),
                s("authorized"),
                obj(vec![
                    ("reason", s("")),
                    ("host_messaging", Input::Bool(true)),
                ]),
            ],
            vec![
                s(ID),
                s("rejected-pending"),
                obj(vec![("reason", s("not ours \"really\" ✓"))]),
            ],
        ],
        "createPortoutComment" => vec![vec![s(ID), obj(vec![("body", s("hello\nworld"))])]],
        "createPortoutSupportingDocuments" => vec![vec![
            s(ID),
            obj(vec![(
                "documents",
                Input::Array(vec![obj(vec![("type", s("loa")), ("document_id", s(ID))])]),
            )]),
        ]],
        "createPortoutReport" => vec![vec![obj(vec![
            ("report_type", s("export_portouts_csv")),
            (
                "params",
                obj(vec![(
                    "filters",
                    obj(vec![("status__in", arr(&["pending"]))]),
                )]),
            ),
        ])]],
        _ => vec![op.params.iter().map(|_| s(ID)).collect()],
    }
}

/// What reaches the gateway when a client sends `r` through it.
fn through_gateway(r: &Request) -> Result<Request, u16> {
    let q = if r.query.is_empty() {
        String::new()
    } else {
        format!("?{}", r.query)
    };
    let target = format!("{BASE}{}{q}", r.path);
    let body = r.body.clone().unwrap_or_default();
    let route = route(BASE, r.method.as_str(), &target).map_err(|e| e.status)?;
    let ct = r.body.as_ref().map(|_| "application/json; charset=utf-8");
    check_body_headers(&route, ct, Some(body.len() as u64)).map_err(|e| e.status)?;
    prepare(&route, body.as_bytes()).map_err(|e| e.status)
}

#[test]
fn every_operation_is_forwarded_exactly_as_the_client_sends_it() {
    let mut n = 0;
    for op in &OPERATIONS {
        for values in cases(op) {
            let direct = op.request(&values, ArrayFormat::Comma).expect(op.name);
            let forwarded = through_gateway(&direct).unwrap_or_else(|s| panic!("{}: {s}", op.name));
            assert_eq!(
                (
                    forwarded.method,
                    &forwarded.path,
                    &forwarded.query,
                    &forwarded.body
                ),
                (direct.method, &direct.path, &direct.query, &direct.body),
                "{}",
                op.name
            );
            n += 1;
        }
    }
    assert!(n >= 20, "{n} cases");
}

#[test]
fn other_array_formats_are_forwarded_in_the_canonical_one() {
    for target in [
        "/api/telnyx/portouts?filter[status_in][]=pending&filter[status_in][]=ported",
        "/api/telnyx/portouts?filter%5Bstatus_in%5D=pending&filter%5Bstatus_in%5D=ported",
        "/api/telnyx/portouts?filter[status_in]=pending,ported",
    ] {
        let r = route(BASE, "GET", target).unwrap();
        let r = prepare(&r, b"").unwrap();
        assert_eq!(
            r.query, "filter%5Bstatus_in%5D=pending%2Cported",
            "{target}"
        );
    }
}

/// The status a request is refused with, or 0 when it would be forwarded.
fn refused(method: &str, target: &str, content_type: Option<&str>, body: &str) -> u16 {
    let route = match route(BASE, method, target) {
        Ok(r) => r,
        Err(e) => return e.status,
    };
    if let Err(e) = check_body_headers(&route, content_type, Some(body.len() as u64)) {
        return e.status;
    }
    prepare(&route, body.as_bytes()).map_or_else(|e| e.status, |_| 0)
}

#[test]
fn hostile_requests_are_refused_with_their_status() {
    let p = |rest: &str| format!("{BASE}/portouts{rest}");
    let big = format!("{{\"body\":\"{}\"}}", "x".repeat(MAX_BODY));
    let cases: Vec<(u16, &str, String, Option<&str>, String)> = vec![
        (
            404,
            "GET",
            "/api/telnyx/messages".into(),
            None,
            String::new(),
        ),
        (
            404,
            "GET",
            "/api/telnyx/portouts/..%2fmessages".into(),
            None,
            String::new(),
        ),
        (
            404,
            "GET",
            p("/%2e%2e/%2e%2e/number_orders"),
            None,
            String::new(),
        ),
        (404, "GET", format!("{BASE}/PortOuts"), None, String::new()),
        (
            404,
            "GET",
            p(&format!("/{ID}/comments/extra")),
            None,
            String::new(),
        ),
        (404, "GET", "/v2/portouts".into(), None, String::new()),
        (405, "DELETE", p(&format!("/{ID}")), None, String::new()),
        (405, "PUT", p(&format!("/{ID}/comments")), JSON, "{}".into()),
        (405, "OPTIONS", p(""), None, String::new()),
        (422, "GET", p("/not-a-uuid"), None, String::new()),
        (422, "GET", p("?filter[status]=lost"), None, String::new()),
        (422, "GET", p("?filter[unknown]=1"), None, String::new()),
        (422, "GET", p("?page[size]=251"), None, String::new()),
        (422, "GET", p("?sort=-created_at"), None, String::new()),
        (
            422,
            "GET",
            p("?filter[status]=pending&filter[status]=ported"),
            None,
            String::new(),
        ),
        (
            422,
            "GET",
            p(&format!("/{ID}?include=all")),
            None,
            String::new(),
        ),
        (
            422,
            "PATCH",
            p(&format!("/{ID}/cancelled")),
            JSON,
            "{\"reason\":\"x\"}".into(),
        ),
        (
            422,
            "PATCH",
            p(&format!("/{ID}/rejected-pending")),
            JSON,
            "{\"reason\":\"  \"}".into(),
        ),
        (
            422,
            "POST",
            p(&format!("/{ID}/comments")),
            JSON,
            "{\"body\":\"hi\",\"admin\":true}".into(),
        ),
        (
            422,
            "POST",
            p(&format!("/{ID}/comments")),
            JSON,
            "[]".into(),
        ),
        (
            422,
            "POST",
            p("/reports"),
            JSON,
            "{\"report_type\":\"other\"}".into(),
        ),
        (
            415,
            "POST",
            p(&format!("/{ID}/comments")),
            Some("application/x-www-form-urlencoded"),
            "body=hi".into(),
        ),
        (
            415,
            "POST",
            p(&format!("/{ID}/comments")),
            Some("text/plain"),
            "{\"body\":\"hi\"}".into(),
        ),
        (
            415,
            "POST",
            p(&format!("/{ID}/comments")),
            Some("multipart/form-data; boundary=x"),
            "--x".into(),
        ),
        (
            415,
            "POST",
            p(&format!("/{ID}/comments")),
            None,
            "{\"body\":\"hi\"}".into(),
        ),
        (413, "POST", p(&format!("/{ID}/comments")), JSON, big),
        (
            400,
            "POST",
            p(&format!("/{ID}/comments")),
            JSON,
            "{\"body\":".into(),
        ),
        (
            400,
            "POST",
            p(&format!("/{ID}/comments")),
            JSON,
            "{'body':'hi'}".into(),
        ),
        (
            400,
            "POST",
            p(&format!("/events/{ID}/republish")),
            JSON,
            "{\"x\":1}".into(),
        ),
    ];
    for (want, method, target, ct, body) in &cases {
        assert_eq!(
            refused(method, target, *ct, body),
            *want,
            "{method} {target} {body:.40}"
        );
    }
    // The same requests, made valid, go through: the refusals are about what was changed.
    assert_eq!(refused("GET", &p("?filter[status]=pending"), None, ""), 0);
    assert_eq!(
        refused(
            "POST",
            &p(&format!("/{ID}/comments")),
            JSON,
            "{\"body\":\"hi\"}"
        ),
        0
    );
    assert_eq!(
        refused("POST", &p(&format!("/events/{ID}/republish")), None, ""),
        0
    );
}

#[test]
fn a_body_is_read_only_for_writes_that_take_one() {
    let r = route(BASE, "POST", &format!("{BASE}/portouts/{ID}/comments")).unwrap();
    assert!(matches!(
        r.operation.params,
        [Param::Id(_), Param::Value(_)]
    ));
    let e = prepare(&r, b"").unwrap_err();
    assert_eq!(e.status, 422, "{}", e.detail);
}
