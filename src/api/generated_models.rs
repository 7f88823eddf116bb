//! `pkg-template/responses.d.ts`, written from the response schemas (the list in
//! `contract.rs`, which also checks them against the spec) and Rust's lists of statuses, event
//! types and document types: every response model's interface, each field optional and
//! nullable as the validator accepts it, unknown fields kept. What the schemas do not say (a
//! field's narrower type, a doc line) is the small table below. Checked current by a host test;
//! `UPDATE_GENERATED=1 cargo test --lib generated` rewrites it.

use super::contract::models;
use super::events::EventType;
use super::generated::{check_current, header};
use super::portouts::model::Status;
use super::supporting_documents::DocumentType;
use std::fmt::Write;
use telnyx_portouts_schema::{Schema, Ty};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/responses.d.ts");

/// Each model's doc line, and whether it keeps unknown fields (`[extra: string]: unknown`).
const MODELS: [(&str, &str, bool); 10] = [
    ("Portout", "A port-out request (`PortoutDetails`). Every field may be missing or null; fields the API adds later are kept.", true),
    ("PageMeta", "The `meta` of a list response.", false),
    ("PortoutComment", "A comment on a port-out (`PortoutComment`).", true),
    ("PortoutSupportingDocument", "A document attached to a port-out (`PortOutSupportingDocument`).", true),
    ("PortoutRejection", "A code a port-out can be rejected with (`PortoutRejection`).", true),
    ("PortoutReport", "A report (`PortoutReport`): `pending`, then `completed` with its `document_id`.", true),
    ("PortoutReportParams", "A report's params (`ExportPortoutsCSVReport`).", true),
    ("PortoutReportFilters", "What a CSV report includes (`ExportPortoutsCSVReport.filters`).", true),
    ("PortoutEvent", "A port-out event (`PortoutEvent`, one of its three `event_type` variants).", true),
    ("PortoutEventPayload", "An event's payload: the fields of its `event_type`'s variant.", true),
];

/// Fields whose TypeScript type is narrower than the schema's (a known value or another the
/// API may add later), and doc lines: (model, field, type or "", doc or "").
const FIELDS: [(&str, &str, &str, &str); 14] = [
    (
        "Portout",
        "status",
        "PortoutStatus | (string & {})",
        "One of the six statuses, or a status the API added later.",
    ),
    (
        "PortoutComment",
        "user_id",
        "",
        "Null when a Telnyx admin wrote it.",
    ),
    (
        "PortoutSupportingDocument",
        "type",
        "SupportingDocumentType | (string & {})",
        "",
    ),
    (
        "PortoutRejection",
        "reason_required",
        "",
        "Whether `updatePortoutStatus(id, 'rejected-pending', …)` needs a reason for it.",
    ),
    (
        "PortoutEventPayload",
        "attempted_pin",
        "",
        "`portout.status_changed`",
    ),
    (
        "PortoutEventPayload",
        "comment",
        "",
        "`portout.new_comment`: the comment's text.",
    ),
    (
        "PortoutEventPayload",
        "foc_date",
        "",
        "`portout.foc_date_changed`: the new FOC date.",
    ),
    (
        "PortoutEventPayload",
        "status",
        "PortoutStatus | (string & {})",
        "",
    ),
    (
        "PortoutEvent",
        "available_notification_methods",
        "('email' | 'webhook' | (string & {}))[]",
        "",
    ),
    (
        "PortoutEvent",
        "event_type",
        "PortoutEventType | (string & {})",
        "",
    ),
    (
        "PortoutEvent",
        "payload_status",
        "'created' | 'completed' | (string & {})",
        "",
    ),
    (
        "PortoutReport",
        "report_type",
        "'export_portouts_csv' | (string & {})",
        "",
    ),
    (
        "PortoutReport",
        "status",
        "'pending' | 'completed' | (string & {})",
        "",
    ),
    (
        "PortoutReportFilters",
        "status__in",
        "(PortoutStatus | (string & {}))[]",
        "",
    ),
];

/// A union of string literals.
fn union(values: impl Iterator<Item = &'static str>) -> String {
    values
        .map(|v| format!("'{v}'"))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The TypeScript of a schema type.
fn ts(ty: &Ty, names: &[(&Schema, &str)]) -> String {
    let name = |s: &Schema| {
        names
            .iter()
            .find(|(schema, _)| std::ptr::eq(*schema, s))
            .map(|(_, n)| n.to_string())
            .unwrap_or_else(|| panic!("no model for {}", s.what))
    };
    match ty {
        Ty::Str => "string".into(),
        Ty::Bool => "boolean".into(),
        Ty::Int | Ty::Count(_) => "number".into(),
        Ty::StrList => "string[]".into(),
        Ty::Object(s) => name(s),
        Ty::List(s) => format!("{}[]", name(s)),
        Ty::Any => "unknown".into(),
    }
}

/// The text of `pkg-template/responses.d.ts`.
pub fn responses_dts() -> String {
    let all = models();
    let names: Vec<(&Schema, &str)> = all.iter().map(|(s, _, n)| (*s, *n)).collect();
    let mut out = header("the response schemas (src/api/contract.rs lists them)");
    let _ = write!(
        out,
        "\n/** A port-out's status. */\nexport type PortoutStatus = {};\n\
         \n/** The types of port-out events. */\nexport type PortoutEventType = {};\n\
         \n/** A supporting document's type. */\nexport type SupportingDocumentType = {};\n",
        union(Status::ALL.iter().map(|s| s.as_str())),
        union(EventType::CHOICES.iter().map(|(n, _)| *n)),
        union(DocumentType::CHOICES.iter().map(|(n, _)| *n)),
    );
    for (schema, _, name) in &all {
        let (_, doc, open) = MODELS
            .iter()
            .find(|(n, _, _)| n == name)
            .unwrap_or_else(|| panic!("no doc for the model {name}"));
        let _ = write!(out, "\n/** {doc} */\nexport interface {name} {{\n");
        for f in schema.fields {
            let special = FIELDS
                .iter()
                .find(|(m, field, _, _)| m == name && *field == f.name);
            if let Some((_, _, _, doc)) = special.filter(|s| !s.3.is_empty()) {
                let _ = writeln!(out, "  /** {doc} */");
            }
            let ty = match special {
                Some((_, _, t, _)) if !t.is_empty() => t.to_string(),
                _ => ts(&f.ty, &names),
            };
            let optional = if f.required { "" } else { "?" };
            let nullable = if f.nullable { " | null" } else { "" };
            let _ = writeln!(out, "  {}{optional}: {ty}{nullable};", f.name);
        }
        if *open {
            out.push_str("  [extra: string]: unknown;\n");
        }
        out.push_str("}\n");
    }
    out
}

#[test]
fn generated_responses_dts_is_current() {
    check_current(PATH, &responses_dts());
}

#[test]
fn the_overrides_name_real_fields() {
    let all = models();
    for (model, field, _, _) in FIELDS {
        let (schema, _, _) = all
            .iter()
            .find(|(_, _, n)| *n == model)
            .unwrap_or_else(|| panic!("no model {model}"));
        assert!(
            schema.fields.iter().any(|f| f.name == field),
            "{model}.{field}"
        );
    }
}
