//! The files written from the operation table: `pkg-template/operations.js` (the table's
//! metadata for JS, `OPERATIONS`, and each operation's functions; a paged list also gets its
//! list-all and its iterator) and `pkg-template/operations.d.ts` (their TypeScript, and the
//! client's methods), and `pkg-template/error-codes.d.ts` (the error code union, from
//! `ErrorCode::ALL`). The files are committed; a test fails when one differs from what the
//! table writes, and `UPDATE_GENERATED=1 cargo test --lib generated` rewrites them.

use super::operations::OPERATIONS;
use crate::client::operation::{Operation, Param};
use std::fmt::Write;

const JS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/operations.js");
const DTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/operations.d.ts");
const CODES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/error-codes.d.ts");
/// The first lines of a file generated from `source`.
pub(super) fn header(source: &str) -> String {
    format!(
        "// Generated from {source} by\n\
         // `UPDATE_GENERATED=1 cargo test --lib generated`; a host test fails when this file\n\
         // differs from what Rust writes. Do not edit.\n"
    )
}

const TABLE: &str = "the operation table (src/api/operations.rs)";

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
    let mut out = header(TABLE);
    out.push_str(
        "import { allPages, loaded, paged, recordsOf } from './shell.js';\n\n\
         /** Every operation: its JS name, HTTP method, path template, arguments before the\n \
         *  options, whether it is a paged list, and a paged list's list-all and iterator. */\n\
         export const OPERATIONS = Object.freeze([\n",
    );
    for op in &OPERATIONS {
        let params: Vec<String> = op.params.iter().map(|p| quoted(p.name())).collect();
        // A paged list names its list-all and its iterator, so JS never derives them.
        let functions = if op.is_page() {
            let (all, iter) = list_all_and_iter(op);
            format!(", listAll: {}, iter: {}", quoted(&all), quoted(&iter))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {{ name: {}, method: {}, path: {}, params: [{}], paged: {}{functions} }},",
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
        let (all, iter) = list_all_and_iter(op);
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

/// The names of list-all and of the iterator of the paged list `op`.
fn list_all_and_iter(op: &Operation) -> (String, String) {
    (
        op.name.replacen("list", "listAll", 1),
        op.name.replacen("list", "iter", 1),
    )
}

/// The TypeScript parameters of `op`, then the options (`options` is the options' type).
fn ts_params(op: &Operation, options: &str) -> String {
    let mut out: Vec<String> = op
        .params
        .iter()
        .zip(op.ts.params)
        .map(|(p, ty)| match p {
            Param::Query(_) => format!("{}?: {ty} | null", p.name()),
            _ => format!("{}: {ty}", p.name()),
        })
        .collect();
    out.push(format!("options?: {options} | null"));
    out.join(", ")
}

/// The type names a TypeScript text refers to (for the import line).
fn type_names(ts: &str, into: &mut Vec<String>) {
    for word in ts.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.starts_with(|c: char| c.is_ascii_uppercase()) && !into.iter().any(|w| w == word) {
            into.push(word.to_string());
        }
    }
}

/// The text of `pkg-template/operations.d.ts`.
pub fn operations_dts() -> String {
    let mut names = vec!["ClientOptions".to_string(), "ListAllOptions".to_string()];
    let mut decls = String::new();
    let mut methods = String::new();
    for op in &OPERATIONS {
        assert_eq!(
            op.ts.params.len(),
            op.params.len(),
            "{}: ts.params",
            op.name
        );
        for ty in op.ts.params.iter().chain([&op.ts.returns, &op.ts.record]) {
            type_names(ty, &mut names);
        }
        let _ = write!(
            decls,
            "\n/** {} (`{} {{baseUrl}}{}`) */\nexport function {}({}): Promise<{}>;\n",
            op.doc,
            op.method.as_str(),
            op.path,
            op.name,
            ts_params(op, "ClientOptions"),
            op.ts.returns
        );
        let _ = writeln!(methods, "  {}: typeof {};", op.name, op.name);
        if op.is_page() {
            let (all, iter) = list_all_and_iter(op);
            let (what, record, query) = (listed(op), op.ts.record, ts_params(op, "ListAllOptions"));
            let _ = write!(
                decls,
                "\n/** Lists every page of {what} (page size 250 unless the query sets one), at most\n \
                 *  `concurrency` requests in flight, in page order, without repeated ids. */\n\
                 export function {all}({query}): Promise<{record}[]>;\n\
                 \n/** Iterates over {what}, page by page, fetching lazily; `break` stops requesting. */\n\
                 export function {iter}({}): AsyncIterable<{record}> & AsyncIterator<{record}>;\n",
                ts_params(op, "ClientOptions")
            );
            let _ = writeln!(methods, "  {all}: typeof {all};\n  {iter}: typeof {iter};");
        }
    }
    names.retain(|n| n != "Promise");
    names.sort();
    // What the package takes is in inputs.d.ts, the response models (and their unions) in
    // responses.d.ts, the rest (pages) in models.d.ts.
    let inputs = super::generated_inputs::inputs_dts();
    let responses = super::generated_models::responses_dts();
    let declares = |text: &str, n: &str| {
        text.contains(&format!("export interface {n} "))
            || text.contains(&format!("export type {n} "))
    };
    let mut out = header(TABLE);
    for (text, file) in [
        (&inputs, "inputs"),
        (&responses, "responses"),
        (&String::new(), "models"),
    ] {
        let (these, rest): (Vec<String>, Vec<String>) = names
            .into_iter()
            .partition(|n| file == "models" || declares(text, n));
        names = rest;
        let _ = writeln!(
            out,
            "import type {{ {} }} from './{file}.js';",
            these.join(", ")
        );
    }
    out.push_str(&decls);
    let _ = write!(
        out,
        "\n/** Every operation's functions, as the client object's methods. */\nexport interface OperationMethods {{\n{methods}}}\n"
    );
    out
}

/// The text of `pkg-template/error-codes.d.ts`: the `PortoutsErrorCode` union, from Rust's one
/// list of codes.
pub fn error_codes_dts() -> String {
    let codes: Vec<String> = crate::client::error::ErrorCode::ALL
        .iter()
        .map(|c| format!("\n  | {}", quoted(c.as_str())))
        .collect();
    format!(
        "{}\n/** What kind of failure a `PortoutsError` is. */\n\
         export type PortoutsErrorCode ={};\n",
        header("the error codes (ErrorCode::ALL, src/client/error.rs)"),
        codes.concat()
    )
}

/// Fails unless the committed `path` is `written` (rewrites it first with UPDATE_GENERATED).
pub(super) fn check_current(path: &str, written: &str) {
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(path, written).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == written,
        "{path} differs from what the operation table writes: \
         run `UPDATE_GENERATED=1 cargo test --lib generated`"
    );
}

#[test]
fn generated_operations_js_is_current() {
    check_current(JS, &operations_js());
}

#[test]
fn generated_error_codes_dts_is_current() {
    check_current(CODES, &error_codes_dts());
}

#[test]
fn generated_operations_dts_is_current() {
    check_current(DTS, &operations_dts());
}

#[test]
fn every_paged_list_names_what_it_lists() {
    for op in OPERATIONS.iter().filter(|op| op.is_page()) {
        assert!(op.name.starts_with("list"), "{}", op.name);
        assert!(!listed(op).is_empty());
    }
}
