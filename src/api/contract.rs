//! Tests that hold the response schemas to the contract and the TypeScript models to the
//! schemas: every schema's fields and types equal the OpenAPI description's
//! (`spec/telnyx-portouts.openapi.json`), and every model interface of
//! `pkg-template/responses.d.ts` declares exactly the schema's fields, with a matching type.

use crate::api::{comments, events, portouts, rejections, reports, supporting_documents};
use crate::client::paging::PAGE_META;
use serde_json::Value;
use telnyx_portouts_schema::{Schema, Ty};

/// Each schema, the spec's object it models (a JSON pointer into the spec, or several for a
/// union of variants), and the TypeScript interface of it.
pub(super) fn models() -> Vec<(&'static Schema, Vec<&'static str>, &'static str)> {
    vec![
        (
            &portouts::model::PORTOUT,
            vec!["/components/schemas/PortoutDetails"],
            "Portout",
        ),
        (
            &PAGE_META,
            vec!["/components/schemas/PaginationMeta"],
            "PageMeta",
        ),
        (
            &comments::COMMENT,
            vec!["/components/schemas/PortoutComment"],
            "PortoutComment",
        ),
        (
            &supporting_documents::DOCUMENT,
            vec!["/components/schemas/PortOutSupportingDocument"],
            "PortoutSupportingDocument",
        ),
        (
            &rejections::REJECTION,
            vec!["/components/schemas/PortoutRejection"],
            "PortoutRejection",
        ),
        (
            &reports::REPORT,
            vec!["/components/schemas/PortoutReport"],
            "PortoutReport",
        ),
        (
            &reports::REPORT_PARAMS,
            vec!["/components/schemas/ExportPortoutsCSVReport"],
            "PortoutReportParams",
        ),
        (
            &reports::REPORT_FILTERS,
            vec!["/components/schemas/ExportPortoutsCSVReport/properties/filters"],
            "PortoutReportFilters",
        ),
        (
            &events::EVENT,
            vec![
                "/components/schemas/WebhookPortoutStatusChanged",
                "/components/schemas/WebhookPortoutNewComment",
                "/components/schemas/WebhookPortoutFocDateChanged",
            ],
            "PortoutEvent",
        ),
        (
            &events::EVENT_PAYLOAD,
            vec![
                "/components/schemas/WebhookPortoutStatusChanged/properties/payload",
                "/components/schemas/WebhookPortoutNewComment/properties/payload",
                "/components/schemas/WebhookPortoutFocDateChanged/properties/payload",
            ],
            "PortoutEventPayload",
        ),
    ]
}

/// The schema type a spec property has.
fn spec_type(spec: &Value, prop: &Value) -> String {
    let prop = match prop.get("$ref").and_then(Value::as_str) {
        Some(r) => spec.pointer(r.trim_start_matches('#')).unwrap_or(prop),
        None => prop,
    };
    if prop.get("oneOf").is_some() || prop.get("properties").is_some() {
        return "object".into();
    }
    let ty = match prop.get("type") {
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        Some(t) => t.as_str().unwrap_or(""),
        None => "",
    };
    match (ty, prop.pointer("/items/type").and_then(Value::as_str)) {
        ("array", Some("string")) => "string[]".into(),
        ("number", _) if prop.get("format").and_then(Value::as_str) == Some("integer") => {
            "integer".into()
        }
        (t, _) => t.into(),
    }
}

fn ours(ty: &Ty) -> &'static str {
    match ty {
        Ty::Str => "string",
        Ty::Bool => "boolean",
        Ty::Int | Ty::Count(_) => "integer",
        Ty::StrList => "string[]",
        Ty::Object(_) => "object",
        Ty::List(_) => "object[]",
        Ty::Any => "any",
    }
}

#[test]
fn schemas_equal_the_specs_objects() {
    let text = include_str!("../../spec/telnyx-portouts.openapi.json");
    let spec: Value = serde_json::from_str(text).unwrap();
    for (schema, pointers, _) in models() {
        assert!(schema.is_sorted(), "{}", schema.what);
        let mut want: Vec<(String, String)> = Vec::new();
        for p in &pointers {
            let props = spec
                .pointer(&format!("{p}/properties"))
                .and_then(Value::as_object);
            let props = props.unwrap_or_else(|| panic!("{p} has no properties"));
            for (name, prop) in props {
                let ty = spec_type(&spec, prop);
                match want.iter().find(|(n, _)| n == name) {
                    // The variants of a union must agree on a shared field's type.
                    Some((_, t)) => assert_eq!(*t, ty, "{p}.{name}"),
                    None => want.push((name.clone(), ty)),
                }
            }
        }
        want.sort();
        let got: Vec<(String, String)> = schema
            .fields
            .iter()
            .map(|f| (f.name.to_string(), ours(&f.ty).to_string()))
            .collect();
        assert_eq!(got, want, "{} vs {pointers:?}", schema.what);
    }
}

/// The members of `export interface {name} { ... }`: (name, type text).
fn interface(dts: &str, name: &str) -> Vec<(String, String)> {
    // `export interface Name {` or `export interface Name extends Other {`.
    let start = dts
        .find(&format!("export interface {name} "))
        .unwrap_or_else(|| panic!("no interface {name}"));
    let body = &dts[start..];
    let body = &body[body.find('{').unwrap()..];
    let body = &body[..body.find("\n}").unwrap()];
    body.lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.starts_with("/**") && !l.starts_with('*') && !l.starts_with('['))
        .filter_map(|l| {
            let (n, t) = l.split_once(':')?;
            Some((
                n.trim_end_matches('?').to_string(),
                t.trim().trim_end_matches(';').to_string(),
            ))
        })
        .collect()
}

/// Whether a TypeScript member type fits a schema type.
fn fits(ts: &str, ty: &Ty, names: &[(&Schema, &str)]) -> bool {
    let ts = ts.trim_end_matches(" | null");
    match ty {
        Ty::Bool => ts == "boolean",
        Ty::Int | Ty::Count(_) => ts == "number",
        Ty::StrList => ts.ends_with("[]"),
        Ty::Str => !ts.ends_with("[]") && ts != "boolean" && ts != "number",
        Ty::Object(s) => names
            .iter()
            .any(|(schema, n)| std::ptr::eq(*schema, *s) && ts == *n),
        Ty::List(_) | Ty::Any => false,
    }
}

#[test]
fn typescript_models_declare_the_schemas_fields() {
    let dts = include_str!("../../pkg-template/responses.d.ts");
    let all = models();
    let names: Vec<(&Schema, &str)> = all.iter().map(|(s, _, n)| (*s, *n)).collect();
    for (schema, _, name) in &all {
        let members = interface(dts, name);
        let declared: Vec<&str> = members.iter().map(|(n, _)| n.as_str()).collect();
        let fields: Vec<&str> = schema.fields.iter().map(|f| f.name).collect();
        assert_eq!(declared, fields, "interface {name}");
        for (field, (_, ts)) in schema.fields.iter().zip(&members) {
            assert!(fits(ts, &field.ty, &names), "{name}.{}: {ts}", field.name);
        }
    }
}

/// The string literals of `type PortoutsErrorCode = 'a' | 'b' …;` in the TypeScript.
fn error_code_union(dts: &str) -> Vec<String> {
    let start = dts
        .find("export type PortoutsErrorCode =")
        .expect("error-codes.d.ts declares PortoutsErrorCode");
    let body = &dts[start..];
    let end = body.find(';').expect("the union ends with ;");
    body[..end]
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn the_error_codes_of_the_typescript_and_the_demo_are_rusts() {
    use crate::client::error::ErrorCode;
    let rust: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    let dts = include_str!("../../pkg-template/error-codes.d.ts");
    assert_eq!(
        error_code_union(dts),
        rust,
        "pkg-template/error-codes.d.ts PortoutsErrorCode"
    );
    let demo = include_str!("../../www/errors.js");
    let titles = &demo[demo
        .find("CODE_TITLES = {")
        .expect("www/errors.js has CODE_TITLES")..];
    let titles = &titles[..titles.find("};").expect("CODE_TITLES ends")];
    let keys: Vec<&str> = titles
        .lines()
        .filter_map(|l| l.trim().split_once(':').map(|(k, _)| k))
        .filter(|k| !k.contains('{'))
        .collect();
    assert_eq!(keys, rust, "www/errors.js CODE_TITLES");
}
