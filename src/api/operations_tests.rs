//! The table against the spec and against what each entry builds.

use super::*;
use crate::client::encode::ArrayFormat;
use crate::client::input::Input;
use crate::client::operation::Args;
use crate::client::paging::PageMeta;

const UUID: &str = "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0";

fn obj(members: Vec<(&str, Input)>) -> Input {
    Input::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
}
fn s(v: &str) -> Input {
    Input::String(v.into())
}

/// A valid value for each argument of `op`.
fn sample(op: &Operation, p: Param) -> Input {
    match (op.name, p) {
        (_, Param::Id(_)) => s(UUID),
        (_, Param::Query(_)) => Input::Undefined,
        (_, Param::Value("status")) => s("rejected-pending"),
        ("updatePortoutStatus", Param::Value("params")) => obj(vec![("reason", s("not ours"))]),
        (_, Param::Value("comment")) => obj(vec![("body", s("hello"))]),
        ("createPortoutSupportingDocuments", Param::Value("params")) => obj(vec![(
            "documents",
            Input::Array(vec![obj(vec![
                ("type", s("loa")),
                ("document_id", s(UUID)),
            ])]),
        )]),
        (_, Param::Value("report")) => obj(vec![
            ("report_type", s("export_portouts_csv")),
            ("params", obj(vec![("filters", obj(vec![]))])),
        ]),
        (name, p) => panic!("no sample for {name}'s {p:?}"),
    }
}

/// The request entry `op` describes for valid arguments.
fn built(op: &Operation) -> crate::client::request::Request {
    let values: Vec<Input> = op.params.iter().map(|p| sample(op, *p)).collect();
    op.request(&values, ArrayFormat::Comma)
        .unwrap_or_else(|e| panic!("{}: {e}", op.name))
}

/// `template` with each `{name}` segment matched by any one segment of `path`.
fn matches_template(template: &str, path: &str) -> bool {
    let (t, p): (Vec<_>, Vec<_>) = (template.split('/').collect(), path.split('/').collect());
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| t == p || (t.starts_with('{') && t.ends_with('}') && !p.is_empty()))
}

#[test]
fn each_entry_builds_its_own_method_and_path() {
    for op in &OPERATIONS {
        let r = built(op);
        assert_eq!(r.method, op.method, "{}", op.name);
        assert!(
            matches_template(op.path, &r.path),
            "{}: built {} for {}",
            op.name,
            r.path,
            op.path
        );
        assert_eq!(
            op.is_page(),
            matches!(op.params, [Param::Query(_)]),
            "{}",
            op.name
        );
    }
}

#[test]
fn the_table_is_the_specs_operations_each_once() {
    let spec: serde_json::Value =
        serde_json::from_str(include_str!("../../spec/telnyx-portouts.openapi.json")).unwrap();
    let mut in_spec: Vec<String> = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for method in ["get", "post", "patch", "put", "delete"] {
            if item.get(method).is_some() {
                in_spec.push(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    let mut in_table: Vec<String> = OPERATIONS
        .iter()
        .map(|op| format!("{} {}", op.method.as_str(), op.path))
        .collect();
    in_spec.sort();
    in_table.sort();
    assert_eq!(in_table, in_spec);
    let mut names: Vec<_> = OPERATIONS.iter().map(|op| op.name).collect();
    names.dedup();
    assert_eq!(names.len(), OPERATIONS.len(), "a name is used twice");
    assert!(OPERATIONS
        .iter()
        .all(|op| find(op.name).is_some_and(|f| std::ptr::eq(f, op))));
    assert!(find("deletePortout").is_none());
}

#[test]
fn an_id_that_is_not_a_string_is_refused_naming_its_argument() {
    let op = find("listPortoutRejectionCodes").unwrap();
    let values = [Input::Number(7.0)];
    let Run::Data(make) = op.run else {
        panic!("a list of codes is one request")
    };
    let e = make(&Args::new(op.params, &values), ArrayFormat::Comma).unwrap_err();
    assert_eq!(
        e.message,
        "portoutId: must be a string (a UUID), got the number 7"
    );
}

#[test]
fn a_listing_describes_its_pages_and_the_next_query() {
    let q = obj(vec![("page", obj(vec![("size", Input::Number(2.0))]))]);
    let Run::Page(read) = find("listPortouts").unwrap().run else {
        panic!("listPortouts is a paged list")
    };
    let mut l = read(&q).unwrap();
    l.page().number = Some(3);
    let r = l.request(ArrayFormat::Comma);
    assert_eq!(r.path, "/portouts");
    assert!(r.query.contains("page%5Bnumber%5D=3"), "{}", r.query);
    let meta = |page_number, total_pages| PageMeta {
        page_number,
        page_size: 2,
        total_pages,
        total_results: total_pages * 2,
    };
    assert_eq!(
        l.next_json(&meta(3, 5), 2).as_deref(),
        Some(r#"{"page":{"number":4,"size":2}}"#)
    );
    assert_eq!(l.next_json(&meta(5, 5), 2), None);
}
