//! Port-out reports (CSV exports): list them (`GET /portouts/reports`, paged, filtered by
//! type and status), create one (`POST /portouts/reports`, `pending` until the server has
//! built it) and get one (`GET /portouts/reports/{id}`, `completed` with its `document_id`).

use crate::api::portouts::model::Status;
use crate::client::datetime::DayEnd;
use crate::client::deep_object::to_query;
use crate::client::encode::ArrayFormat;
use crate::client::error::Error;
use crate::client::input::Input;
use crate::client::listing::{next_json, Listing};
use crate::client::paging::{PageMeta, PAGE_META};
use crate::client::params::Page;
use crate::client::read::Reader;
use crate::client::request::{check_uuid, path, Expect, Method, Request};
use serde::Serialize;
use telnyx_portouts_schema::{Field, Schema, Ty};

/// The spec's `ExportPortoutsCSVReport.filters`.
pub static REPORT_FILTERS: Schema = Schema::new(
    "the report's filters",
    &[
        Field::optional("created_at__gt", Ty::Str),
        Field::optional("created_at__lt", Ty::Str),
        Field::optional("customer_reference__in", Ty::StrList),
        Field::optional("end_user_name", Ty::Str),
        Field::optional("phone_numbers__overlaps", Ty::StrList),
        Field::optional("status__in", Ty::StrList),
    ],
);

/// The spec's `ExportPortoutsCSVReport`.
pub static REPORT_PARAMS: Schema = Schema::new(
    "the report's params",
    &[Field::optional("filters", Ty::Object(&REPORT_FILTERS))],
);

/// The spec's `PortoutReport`.
pub static REPORT: Schema = Schema::new(
    "a report",
    &[
        Field::optional("created_at", Ty::Str),
        Field::optional("document_id", Ty::Str),
        Field::optional("id", Ty::Str),
        Field::optional("params", Ty::Object(&REPORT_PARAMS)),
        Field::optional("record_type", Ty::Str),
        Field::optional("report_type", Ty::Str),
        Field::optional("status", Ty::Str),
        Field::optional("updated_at", Ty::Str),
    ],
);

/// The body of `GET /portouts/reports`: `{ data: [PortoutReport], meta: PaginationMeta }`.
pub static REPORTS_BODY: Schema = Schema::new(
    "a JSON object",
    &[
        Field::required("data", Ty::List(&REPORT)),
        Field::required("meta", Ty::Object(&PAGE_META)),
    ],
);

/// The body of a created or fetched report: `{ data: PortoutReport }`.
pub static REPORT_BODY: Schema = Schema::new(
    "a JSON object",
    &[Field::required("data", Ty::Object(&REPORT))],
);

/// The report types (the API has one).
pub(crate) const REPORT_TYPES: [(&str, &str); 1] = [("export_portouts_csv", "export_portouts_csv")];
/// A report's statuses.
pub(crate) const REPORT_STATUSES: [(&str, &str); 2] =
    [("pending", "pending"), ("completed", "completed")];

/// The filter of `listPortoutReports`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReportsFilter {
    /// Only this type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_type: Option<&'static str>,
    /// Only this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
}

/// The query of `listPortoutReports`: `{ filter?, page? }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReportsQuery {
    /// The filter.
    #[serde(skip_serializing_if = "ReportsFilter::is_empty")]
    pub filter: ReportsFilter,
    /// The page.
    #[serde(skip_serializing_if = "Page::is_empty")]
    pub page: Page,
}

impl ReportsFilter {
    /// True when nothing is filtered on.
    pub fn is_empty(&self) -> bool {
        *self == ReportsFilter::default()
    }
}

/// The names of [`ReportsFilter`]'s fields (a test checks them against the struct).
pub(crate) const FILTER_FIELDS: [&str; 2] = ["report_type", "status"];

impl ReportsQuery {
    /// Validates the query argument.
    pub fn from_input(v: &Input) -> Result<ReportsQuery, Error> {
        let (filter, page) = Reader::FILTER.paged_query(v, &FILTER_FIELDS)?;
        let mut f = ReportsFilter::default();
        let members = Reader::FILTER.object(filter, "filter", "{ report_type, status }")?;
        for (key, value, at) in
            Reader::FILTER.members(members.unwrap_or_default(), "filter.", &FILTER_FIELDS)?
        {
            if value.is_unset() {
                continue;
            }
            if key == "report_type" {
                f.report_type =
                    Some(Reader::FILTER.choice(value, &at, &REPORT_TYPES, "a report type")?);
            } else {
                f.status =
                    Some(Reader::FILTER.choice(value, &at, &REPORT_STATUSES, "a report status")?);
            }
        }
        Ok(ReportsQuery { filter: f, page })
    }
}

impl Listing for ReportsQuery {
    fn page(&mut self) -> &mut Page {
        &mut self.page
    }

    fn request(&self, format: ArrayFormat) -> Request {
        list(self, format)
    }

    fn next_json(&self, meta: &PageMeta, items: usize) -> Option<String> {
        next_json(self, meta, items)
    }
}

/// What the CSV export includes: the spec's `ExportPortoutsCSVReport.filters` (the
/// fields keep the API's `__` names, which serialize as they are).
#[allow(non_snake_case)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReportFilters {
    /// Port-outs created after this date-time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at__gt: Option<String>,
    /// Port-outs created before this date-time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at__lt: Option<String>,
    /// Port-outs with one of these customer references.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_reference__in: Option<Vec<String>>,
    /// Port-outs of this end user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_user_name: Option<String>,
    /// Port-outs with any of these numbers (E.164).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_numbers__overlaps: Option<Vec<String>>,
    /// Port-outs in one of these statuses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status__in: Option<Vec<Status>>,
}

/// The report's params: `{ filters }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReportParams {
    /// The filters.
    pub filters: ReportFilters,
}

/// The body of `POST /portouts/reports`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewReport {
    /// `export_portouts_csv`.
    pub report_type: &'static str,
    /// Its params.
    pub params: ReportParams,
}

/// The keys of `createPortoutReport`'s argument.
pub(crate) const NEW_REPORT_FIELDS: [&str; 2] = ["params", "report_type"];
/// The keys of its `params`.
pub(crate) const NEW_REPORT_PARAMS_FIELDS: [&str; 1] = ["filters"];

/// The keys of the CSV export's filters.
pub(crate) const REPORT_FILTER_FIELDS: [&str; 6] = [
    "created_at__gt",
    "created_at__lt",
    "customer_reference__in",
    "end_user_name",
    "phone_numbers__overlaps",
    "status__in",
];

impl NewReport {
    /// Validates the argument of `createPortoutReport`.
    pub fn from_input(v: &Input) -> Result<NewReport, Error> {
        let top = Reader::PARAMS.object(
            Reader::PARAMS.required(v, "report")?,
            "report",
            "{ report_type, params: { filters } }",
        )?;
        let (mut report_type, mut params) = (None, None);
        for (key, value, at) in
            Reader::PARAMS.members(top.unwrap_or_default(), "", &NEW_REPORT_FIELDS)?
        {
            let value = Reader::PARAMS.required(value, &at)?;
            if key == "report_type" {
                report_type =
                    Some(Reader::PARAMS.choice(value, &at, &REPORT_TYPES, "a report type")?);
            } else {
                params = Some(report_params(value)?);
            }
        }
        let report_type = report_type.ok_or_else(|| {
            Error::invalid_params("report_type", "is required: 'export_portouts_csv'")
        })?;
        let params = params
            .ok_or_else(|| Error::invalid_params("params", "is required: { filters: { ... } }"))?;
        Ok(NewReport {
            report_type,
            params,
        })
    }
}

fn report_params(v: &Input) -> Result<ReportParams, Error> {
    let mut filters = None;
    let members = Reader::PARAMS
        .object(v, "params", "{ filters }")?
        .unwrap_or_default();
    for (_, value, _) in Reader::PARAMS.members(members, "params.", &NEW_REPORT_PARAMS_FIELDS)? {
        filters = Some(report_filters(
            Reader::PARAMS.required(value, "params.filters")?,
        )?);
    }
    filters
        .map(|filters| ReportParams { filters })
        .ok_or_else(|| {
            Error::invalid_params(
                "params.filters",
                "is required (it may be {} for every port-out)",
            )
        })
}

fn report_filters(v: &Input) -> Result<ReportFilters, Error> {
    let mut f = ReportFilters::default();
    let members =
        Reader::PARAMS.object(v, "params.filters", "{ status__in, created_at__gt, ... }")?;
    for (key, value, at) in Reader::PARAMS.members(
        members.unwrap_or_default(),
        "params.filters.",
        &REPORT_FILTER_FIELDS,
    )? {
        match key {
            "created_at__gt" => {
                f.created_at__gt = Reader::PARAMS.date(value, &at, DayEnd::Start)?
            }
            "created_at__lt" => {
                f.created_at__lt = Reader::PARAMS.date(value, &at, DayEnd::Start)?
            }
            "customer_reference__in" => {
                f.customer_reference__in =
                    Reader::PARAMS.array(value, &at, |item, p| Reader::PARAMS.text_item(item, p))?
            }
            "end_user_name" => f.end_user_name = Reader::PARAMS.text(value, &at)?,
            "phone_numbers__overlaps" => {
                f.phone_numbers__overlaps = Reader::PARAMS.array(value, &at, |item, p| {
                    Reader::PARAMS.e164(Reader::PARAMS.text_item(item, p)?, p)
                })?
            }
            _ => {
                f.status__in = Reader::PARAMS.array(value, &at, |item, p| {
                    Reader::PARAMS.choice(item, p, &Status::CHOICES, "a port-out status")
                })?
            }
        }
    }
    Ok(f)
}

/// `GET /portouts/reports?{query}`.
pub fn list(q: &ReportsQuery, format: ArrayFormat) -> Request {
    Request::get("/portouts/reports".into(), &REPORTS_BODY).with_query(to_query(q, format))
}

/// `POST /portouts/reports` with `{ report_type, params: { filters } }`.
pub fn create(report: &Input) -> Result<Request, Error> {
    let body = NewReport::from_input(report)?;
    Ok(Request::write(
        Method::Post,
        "/portouts/reports".into(),
        Some(&body),
        Expect::Json(&REPORT_BODY),
        "the report may have been created",
    ))
}

/// `GET /portouts/reports/{id}`.
pub fn get(id: &str) -> Result<Request, Error> {
    check_uuid(id, "id")?;
    Ok(Request::get(
        path(&["/portouts/reports/", id]),
        &REPORT_BODY,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::error::ErrorCode;

    fn obj(members: Vec<(&str, Input)>) -> Input {
        Input::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
    fn s(v: &str) -> Input {
        Input::String(v.into())
    }
    fn report(filters: Input) -> Input {
        obj(vec![
            ("report_type", s("export_portouts_csv")),
            ("params", obj(vec![("filters", filters)])),
        ])
    }

    #[test]
    fn creates_the_sdk_body() {
        let r = create(&report(obj(vec![
            (
                "status__in",
                Input::Array(vec![s("pending"), s("rejected-pending")]),
            ),
            ("created_at__gt", s("2024-01-01T00:00:00Z")),
            (
                "phone_numbers__overlaps",
                Input::Array(vec![s("+13035551212")]),
            ),
        ])));
        assert_eq!(
            r.ok().and_then(|r| r.body).as_deref(),
            Some(
                r#"{"report_type":"export_portouts_csv","params":{"filters":{"created_at__gt":"2024-01-01T00:00:00Z","phone_numbers__overlaps":["+13035551212"],"status__in":["pending","rejected-pending"]}}}"#
            )
        );
        let r = create(&report(obj(vec![]))).ok().and_then(|r| r.body);
        assert_eq!(
            r.as_deref(),
            Some(r#"{"report_type":"export_portouts_csv","params":{"filters":{}}}"#)
        );
    }

    #[test]
    fn refuses_bad_reports() {
        for (input, at, says) in [
            (Input::Undefined, "report", "is required"),
            (
                obj(vec![("params", obj(vec![("filters", obj(vec![]))]))]),
                "report_type",
                "is required",
            ),
            (
                obj(vec![("report_type", s("export_portout_csv"))]),
                "report_type",
                "did you mean 'export_portouts_csv'?",
            ),
            (
                obj(vec![("report_type", s("export_portouts_csv"))]),
                "params",
                "is required",
            ),
            (
                report(obj(vec![("status__in", Input::Array(vec![s("done")]))])),
                "params.filters.status__in[0]",
                "is not a port-out status",
            ),
            (
                report(obj(vec![("created_at__gt", s("2024-13-01"))])),
                "params.filters.created_at__gt",
                "",
            ),
            (
                report(obj(vec![("status_in", Input::Null)])),
                "params.filters.status_in",
                "did you mean 'status__in'?",
            ),
            (
                report(obj(vec![(
                    "phone_numbers__overlaps",
                    Input::Array(vec![s("555")]),
                )])),
                "params.filters.phone_numbers__overlaps[0]",
                "E.164",
            ),
            (report(s("x")), "params.filters", "must be an object"),
        ] {
            let e = create(&input).err();
            let got = e.map(|e| {
                (
                    e.code,
                    e.path.clone(),
                    e.message.contains(says),
                    e.message.clone(),
                )
            });
            assert_eq!(
                got.as_ref().map(|g| (g.0, g.1.clone(), g.2)),
                Some((ErrorCode::InvalidParams, Some(at.into()), true)),
                "{got:?}"
            );
        }
    }

    #[test]
    fn lists_and_gets() {
        let q = ReportsQuery::from_input(&obj(vec![(
            "filter",
            obj(vec![
                ("status", s("completed")),
                ("report_type", s("export_portouts_csv")),
            ]),
        )]));
        assert_eq!(
            q.map(|q| list(&q, ArrayFormat::Comma).query)
                .ok()
                .as_deref(),
            Some("filter%5Breport_type%5D=export_portouts_csv&filter%5Bstatus%5D=completed")
        );
        let e = ReportsQuery::from_input(&obj(vec![("filter", obj(vec![("status", s("done"))]))]));
        assert_eq!(e.err().map(|e| e.code), Some(ErrorCode::InvalidFilter));
        assert!(get("eef3340b-8903-4466-b445-89b697315a3a").is_ok());
        assert!(get("x").is_err());
    }

    #[test]
    fn the_filter_field_list_is_the_structs() {
        let full = ReportsFilter {
            report_type: Some("x"),
            status: Some("x"),
        };
        let v = serde_json::to_value(full).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, FILTER_FIELDS);
    }
}
