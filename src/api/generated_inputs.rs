//! `pkg-template/inputs.d.ts`, written from Rust: what the package takes (list queries and
//! their filters, bodies, options, list-all's options and progress). Each declaration's members
//! are the keys its Rust reader takes, in that reader's order, read from the reader's own list
//! (`FILTER_FIELDS`, `OPTION_NAMES`, `PAGED_QUERY_KEYS`, …); each union is a Rust list of
//! names. What Rust's lists do not say, a member's TypeScript type and doc line, is the table
//! below; a member without an entry, or an entry that names no member, fails the test. Checked
//! current by a host test; `UPDATE_GENERATED=1 cargo test --lib generated` rewrites it.

use super::generated::{check_current, header};
use super::portouts::filter::FILTER_FIELDS as PORTOUT_FILTER;
use super::portouts::{NewStatus, STATUS_PARAMS_FIELDS};
use super::{events, rejections, reports};
use crate::client::encode::ArrayFormat;
use crate::client::options::OPTION_NAMES;
use crate::client::paging::{Progress, LIST_ALL_OPTION_NAMES};
use crate::client::read::{PAGED_QUERY_KEYS, PAGE_KEYS, RANGE_KEYS};
use std::fmt::Write;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/inputs.d.ts");

/// What a declaration is made of.
pub(super) enum Shape {
    /// An interface of these members (each typed by [`MEMBERS`]), maybe extending another.
    Interface(Vec<String>, Option<&'static str>),
    /// A union of string literals.
    Names(Vec<String>),
    /// A type alias the date readers define (no Rust list to read it from).
    Alias(&'static str),
}

/// A member's type and doc line: (declaration, member, TypeScript type, required, doc or "").
pub(super) type Member = (&'static str, &'static str, &'static str, bool, &'static str);

const PAGE: &str = "PageParams | null";
const NUMBER: &str = "number | null";
const DATE: &str = "DateInput | null";
const RANGE: &str = "DateRange | null";
const TEXT: &str = "string | null";

/// Every member's TypeScript type (optional members also take `null`/`undefined` as "not set"
/// where the reader does).
#[rustfmt::skip]
static MEMBERS: &[Member] = &[
    ("DateRange", "gte", DATE, false, ""),
    ("DateRange", "lte", DATE, false, ""),
    ("PageParams", "number", NUMBER, false, "From 1."),
    ("PageParams", "size", NUMBER, false, "1..250; the API's default is 20."),
    ("PortoutFilter", "carrier_name", TEXT, false, ""),
    ("PortoutFilter", "country_code", TEXT, false, "ISO 3166-1 alpha-2; lower case is upper-cased."),
    ("PortoutFilter", "country_code_in", "string[] | null", false, ""),
    ("PortoutFilter", "foc_date", DATE, false, "Same day as this FOC date."),
    ("PortoutFilter", "inserted_at", RANGE, false, ""),
    ("PortoutFilter", "phone_number", TEXT, false, "E.164, like `+13035551212`."),
    ("PortoutFilter", "pon", TEXT, false, ""),
    ("PortoutFilter", "ported_out_at", RANGE, false, ""),
    ("PortoutFilter", "spid", TEXT, false, ""),
    ("PortoutFilter", "status", "PortoutStatus | null", false, ""),
    ("PortoutFilter", "status_in", "PortoutStatus[] | null", false, ""),
    ("PortoutFilter", "support_key", TEXT, false, ""),
    ("PortoutListQuery", "filter", "PortoutFilter | null", false, ""),
    ("PortoutEventQuery", "filter", "PortoutEventFilter | null", false, ""),
    ("PortoutReportQuery", "filter", "PortoutReportFilter | null", false, ""),
    ("*Query", "page", PAGE, false, ""),
    ("*Query", "page[number]", NUMBER, false, "The official SDK's flat form (not with `page`)."),
    ("*Query", "page[size]", NUMBER, false, ""),
    ("ClientOptions", "apiKey", "string", false, "Sent as `Authorization: Bearer …`. Prefer a same-origin proxy that holds the key."),
    ("ClientOptions", "baseUrl", "string", false, "Default `https://api.telnyx.com/v2`; an absolute http(s) URL or a path like `/api/telnyx`."),
    ("ClientOptions", "timeoutMs", "number", false, "Per attempt; default 60000."),
    ("ClientOptions", "maxRetries", "number", false, "0..10; default 2."),
    ("ClientOptions", "signal", "AbortSignal", false, ""),
    ("ClientOptions", "headers", "Record<string, string>", false, ""),
    ("ClientOptions", "arrayFormat", "ArrayFormat", false, "Default `'comma'`."),
    ("ListAllOptions", "concurrency", "number", false, "Requests in flight at most, 1..16; default 4."),
    ("ListAllOptions", "maxItems", "number", false, "Stop once this many records are collected (exactly this many are returned)."),
    ("ListAllOptions", "onProgress", "(progress: ListAllProgress) => void", false, "Called after each page arrives, in arrival order; the last call has `pagesDone === totalPages` (with `maxItems`, of the capped listing)."),
    ("ListAllProgress", "pagesDone", "number", true, ""),
    ("ListAllProgress", "totalPages", "number", true, ""),
    ("ListAllProgress", "itemsDone", "number", true, ""),
    ("ListAllProgress", "totalResults", "number", true, ""),
    ("PortoutStatusParams", "host_messaging", "boolean", false, ""),
    ("PortoutStatusParams", "reason", "string", true, "Required by the API; must not be blank when rejecting (`''` is fine when authorizing)."),
    ("PortoutRejectionQuery", "filter", "PortoutRejectionFilter | null", false, ""),
    ("PortoutRejectionFilter", "code", "number | number[] | null", false, ""),
    ("PortoutEventFilter", "created_at", RANGE, false, ""),
    ("PortoutEventFilter", "event_type", "PortoutEventType | null", false, ""),
    ("PortoutEventFilter", "portout_id", TEXT, false, "A port-out's id (UUID)."),
    ("PortoutReportFilter", "report_type", "PortoutReportType | null", false, ""),
    ("PortoutReportFilter", "status", "PortoutReportStatus | null", false, ""),
    ("NewPortoutReport", "params", "NewPortoutReportParams", true, ""),
    ("NewPortoutReport", "report_type", "PortoutReportType", true, ""),
    ("NewPortoutReportParams", "filters", "NewPortoutReportFilters", true, "`{}` for every port-out."),
    ("NewPortoutReportFilters", "created_at__gt", "DateInput", false, ""),
    ("NewPortoutReportFilters", "created_at__lt", "DateInput", false, ""),
    ("NewPortoutReportFilters", "customer_reference__in", "string[]", false, ""),
    ("NewPortoutReportFilters", "end_user_name", "string", false, ""),
    ("NewPortoutReportFilters", "phone_numbers__overlaps", "string[]", false, "E.164 numbers."),
    ("NewPortoutReportFilters", "status__in", "PortoutStatus[]", false, ""),
];

/// The names of a Rust list.
pub(super) fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The wire names of a list of choices (`(name, value)`).
fn choices<T>(list: &[(&str, T)]) -> Vec<String> {
    list.iter().map(|(name, _)| name.to_string()).collect()
}

fn interface(members: &[&str]) -> Shape {
    Shape::Interface(names(members), None)
}

/// Every declaration, in the file's order: (name, doc, shape).
fn declarations() -> Vec<(&'static str, &'static str, Shape)> {
    let formats = ["comma", "brackets", "repeat"];
    for (name, format) in formats.iter().zip(ArrayFormat::ALL) {
        assert_eq!(ArrayFormat::parse(name), Some(format), "{name}");
    }
    let progress = serde_json::to_value(Progress {
        pages_done: 1,
        total_pages: 1,
        items_done: 1,
        total_results: 1,
    })
    .unwrap();
    let progress: Vec<String> = progress.as_object().unwrap().keys().cloned().collect();
    use Shape::{Alias, Interface, Names};
    #[rustfmt::skip]
    let all = vec![
        ("DateInput", "A date filter value: an RFC 3339 date-time, a `YYYY-MM-DD` date, or a `Date`.", Alias("string | Date")),
        ("DateRange", "An inclusive range.", interface(&RANGE_KEYS)),
        ("PageParams", "Which page.", interface(&PAGE_KEYS)),
        ("PortoutFilter", "The filters of `GET /portouts`. `null`/`undefined` mean \"not set\".", interface(&PORTOUT_FILTER)),
        ("PortoutListQuery", "The query of `listPortouts`.", interface(&PAGED_QUERY_KEYS)),
        ("ArrayFormat", "How array filters are written in the query string.", Names(names(&formats))),
        ("ClientOptions", "Options of every request.", interface(&OPTION_NAMES)),
        ("ListAllProgress", "Progress of a list-all, reported after each page.", Interface(progress, None)),
        ("ListAllOptions", "Options of a list-all.", Interface(names(&LIST_ALL_OPTION_NAMES), Some("ClientOptions"))),
        ("PortoutStatusChange", "The statuses `updatePortoutStatus` can set.", Names(choices(&NewStatus::CHOICES))),
        ("PortoutStatusParams", "The body of a status change.", interface(&STATUS_PARAMS_FIELDS)),
        ("PortoutRejectionQuery", "The query of `listPortoutRejectionCodes`.", interface(&rejections::QUERY_KEYS)),
        ("PortoutRejectionFilter", "Its filter.", interface(&rejections::FILTER_FIELDS)),
        ("PortoutEventQuery", "The query of `listPortoutEvents`.", interface(&PAGED_QUERY_KEYS)),
        ("PortoutEventFilter", "Its filter.", interface(&events::FILTER_FIELDS)),
        ("PortoutReportType", "A report's type.", Names(choices(&reports::REPORT_TYPES))),
        ("PortoutReportStatus", "A report's status.", Names(choices(&reports::REPORT_STATUSES))),
        ("PortoutReportQuery", "The query of `listPortoutReports`.", interface(&PAGED_QUERY_KEYS)),
        ("PortoutReportFilter", "Its filter.", interface(&reports::FILTER_FIELDS)),
        ("NewPortoutReport", "The body of `createPortoutReport`.", interface(&reports::NEW_REPORT_FIELDS)),
        ("NewPortoutReportParams", "Its params.", interface(&reports::NEW_REPORT_PARAMS_FIELDS)),
        ("NewPortoutReportFilters", "What the CSV report includes.", interface(&reports::REPORT_FILTER_FIELDS)),
    ];
    all
}

/// The entry of `table` for `member` of `decl` (`*Query` entries serve every query).
fn member(table: &'static [Member], decl: &str, name: &str) -> &'static Member {
    let of = |m: &&Member| m.1 == name;
    table
        .iter()
        .filter(of)
        .find(|m| m.0 == decl)
        .or_else(|| {
            table
                .iter()
                .filter(of)
                .find(|m| m.0 == "*Query" && decl.ends_with("Query"))
        })
        .unwrap_or_else(|| panic!("no TypeScript type for {decl}.{name}"))
}

/// `declarations` as TypeScript, each interface member typed by its entry in `table`; an entry
/// of `table` that names no member fails.
pub(super) fn render(
    out: &mut String,
    declarations: Vec<(&'static str, &'static str, Shape)>,
    table: &'static [Member],
) {
    let mut used = vec![];
    for (name, doc, shape) in declarations {
        let _ = write!(out, "\n/** {doc} */\n");
        match shape {
            Shape::Alias(ts) => {
                let _ = writeln!(out, "export type {name} = {ts};");
            }
            Shape::Names(list) => {
                let list: Vec<String> = list.iter().map(|n| format!("'{n}'")).collect();
                let _ = writeln!(out, "export type {name} = {};", list.join(" | "));
            }
            Shape::Interface(members, extends) => {
                let extends = extends.map(|e| format!("extends {e} ")).unwrap_or_default();
                let _ = writeln!(out, "export interface {name} {extends}{{");
                for m in &members {
                    let entry = member(table, name, m);
                    used.push(entry as *const Member);
                    if !entry.4.is_empty() {
                        let _ = writeln!(out, "  /** {} */", entry.4);
                    }
                    let key = if m.contains('[') {
                        format!("'{m}'")
                    } else {
                        m.clone()
                    };
                    let optional = if entry.3 { "" } else { "?" };
                    let _ = writeln!(out, "  {key}{optional}: {};", entry.2);
                }
                out.push_str("}\n");
            }
        }
    }
    for m in table {
        assert!(
            used.contains(&(m as *const Member)),
            "{}.{} is no Rust key",
            m.0,
            m.1
        );
    }
}

/// The text of `pkg-template/inputs.d.ts`.
pub fn inputs_dts() -> String {
    let mut out = header("the Rust readers' key lists (src/api/generated_inputs.rs)");
    out.push_str("import type { PortoutEventType, PortoutStatus } from './responses.js';\n");
    render(&mut out, declarations(), MEMBERS);
    out
}

#[test]
fn generated_inputs_dts_is_current() {
    check_current(PATH, &inputs_dts());
}
