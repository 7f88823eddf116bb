//! `pkg-template/operations.js`, written from the operation table: the table's metadata for JS
//! (`OPERATIONS`) and each operation's functions (a paged list also gets its list-all and its
//! iterator). The file is committed; this test fails when it differs from what the table
//! writes, and `UPDATE_GENERATED=1 cargo test --lib generated` rewrites it.

use super::operations::OPERATIONS;
use crate::client::operation::Operation;
use std::fmt::Write;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/operations.js");

/// A JS string literal of `s` (the table's texts have no quotes or backslashes to escape but
/// `'`).
fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// What the paged list `op` lists ("port-outs", from "Lists one page of port-outs.").
fn listed(op: &Operation) -> &'static str {
    op.doc
        .strip_prefix("Lists one page of ")
        .and_then(|s| s.strip_suffix('.'))
        .unwrap_or_else(|| panic!("{}'s doc should say 'Lists one page of …'", op.name))
}

/// The text of `pkg-template/operations.js`.
pub fn operations_js() -> String {
    let mut out = String::from(
        "// Generated from the operation table (src/api/operations.rs) by\n\
         // `UPDATE_GENERATED=1 cargo test --lib generated`; a host test fails when this file\n\
         // differs from what the table writes. Do not edit.\n\
         import { allPages, loaded, paged, recordsOf } from './shell.js';\n\n\
         /** Every operation: its JS name, HTTP method, path template, arguments before the\n \
         *  options, and whether it is a paged list. */\n\
         export const OPERATIONS = Object.freeze([\n",
    );
    for op in &OPERATIONS {
        let params: Vec<String> = op.params.iter().map(|p| quoted(p.name())).collect();
        let _ = writeln!(
            out,
            "  {{ name: {}, method: {}, path: {}, params: [{}], paged: {} }},",
            quoted(op.name),
            quoted(op.method.as_str()),
            quoted(op.path),
            params.join(", "),
            op.is_page()
        );
    }
    out.push_str("]);\n");
    for op in &OPERATIONS {
        let _ = write!(out, "\n/** {} */\n", op.doc);
        if !op.is_page() {
            let _ = writeln!(
                out,
                "export const {} = loaded({});",
                op.name,
                quoted(op.name)
            );
            continue;
        }
        let what = listed(op);
        let all = op.name.replacen("list", "listAll", 1);
        let iter = op.name.replacen("list", "iter", 1);
        let _ = writeln!(
            out,
            "export const {} = paged({});",
            op.name,
            quoted(op.name)
        );
        let _ = writeln!(
            out,
            "/** Lists every page of {what}, concurrently (`concurrency`, default 4), in page order. */\n\
             export const {all} = allPages({});",
            quoted(op.name)
        );
        let _ = writeln!(
            out,
            "/** Iterates over {what}, page by page, fetching lazily; `break` stops requesting. */\n\
             export const {iter} = (query, options) => recordsOf({}, query, options);",
            op.name
        );
    }
    out
}

#[test]
fn generated_operations_js_is_current() {
    let written = operations_js();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(PATH, &written).unwrap();
    }
    let committed = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        committed == written,
        "pkg-template/operations.js differs from what the operation table writes: \
         run `UPDATE_GENERATED=1 cargo test --lib generated`"
    );
}

#[test]
fn every_paged_list_names_what_it_lists() {
    for op in OPERATIONS.iter().filter(|op| op.is_page()) {
        assert!(op.name.starts_with("list"), "{}", op.name);
        assert!(!listed(op).is_empty());
    }
}
