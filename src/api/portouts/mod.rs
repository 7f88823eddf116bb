//! Port-outs themselves: list (`GET /portouts`, with its filter in [`filter`] and its query
//! string in [`query`]), get one (`GET /portouts/{id}`), and change a status
//! (`PATCH /portouts/{id}/{status}`). The record's schema is in [`model`].

pub mod filter;
pub mod model;
pub mod query;
#[cfg(test)]
mod validate_tests;

use crate::client::error::Error;
use crate::client::input::Input;
use crate::client::listing::{next_json, Listing};
use crate::client::paging::{page_meta, PageMeta};
use crate::client::params::Page;
use crate::client::read::Reader;
use crate::client::request::{check_uuid, path, Expect, Method, Request};
use crate::client::response::check;
use filter::ListQuery;
use model::{LIST_BODY, ONE_BODY};
use query::{build_query, ArrayFormat};
use serde::Serialize;

impl Listing for ListQuery {
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

/// `GET /portouts?{query}`.
pub fn list(q: &ListQuery, format: ArrayFormat) -> Request {
    Request::get("/portouts".into(), &LIST_BODY).with_query(build_query(q, format))
}

/// `GET /portouts/{id}`; `id` must be a UUID.
pub fn get(id: &str) -> Result<Request, Error> {
    check_uuid(id, "id")?;
    Ok(Request::get(path(&["/portouts/", id]), &ONE_BODY))
}

/// The statuses a port-out can be moved to by its owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewStatus {
    /// `authorized`: let the port-out go ahead.
    Authorized,
    /// `rejected-pending`: refuse it (a reason is required).
    RejectedPending,
}

impl NewStatus {
    /// The statuses by wire form.
    pub const CHOICES: [(&'static str, NewStatus); 2] = [
        ("authorized", NewStatus::Authorized),
        ("rejected-pending", NewStatus::RejectedPending),
    ];
}

/// The body of `PATCH /portouts/{id}/{status}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    /// Why. The spec requires it for both statuses; it must not be blank when rejecting
    /// (it may be `""` when authorizing).
    pub reason: String,
    /// Whether messaging stays with Telnyx after the port-out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_messaging: Option<bool>,
}

/// The keys of a status change's params.
pub(crate) const STATUS_PARAMS_FIELDS: [&str; 2] = ["host_messaging", "reason"];

impl StatusChange {
    /// Validates the third argument of `updatePortoutStatus` for a change to `status`.
    pub fn from_input(v: &Input, status: NewStatus) -> Result<StatusChange, Error> {
        let mut reason = None;
        let mut host_messaging = None;
        let members = Reader::PARAMS
            .object(v, "params", "{ reason, host_messaging }")?
            .unwrap_or_default();
        for (key, value, at) in Reader::PARAMS.members(members, "", &STATUS_PARAMS_FIELDS)? {
            match key {
                "reason" if value.is_unset() => {}
                "reason" if status == NewStatus::RejectedPending => {
                    reason = Some(Reader::PARAMS.message(value, &at)?)
                }
                "reason" => reason = Some(Reader::PARAMS.text_or_blank(value, &at)?),
                _ => host_messaging = Reader::PARAMS.boolean(value, &at)?,
            }
        }
        let reason = reason.ok_or_else(|| match status {
            NewStatus::RejectedPending => Error::invalid_params(
                "reason",
                "is required when rejecting a port-out: say why (the carrier and the customer see it)",
            ),
            NewStatus::Authorized => Error::invalid_params(
                "reason",
                "is required by the API when authorizing too (it may be empty: { reason: '' })",
            ),
        })?;
        Ok(StatusChange {
            reason,
            host_messaging,
        })
    }
}

/// Reads the `status` argument of `updatePortoutStatus`.
pub fn new_status(v: &Input) -> Result<(NewStatus, &'static str), Error> {
    let status = Reader::PARAMS.choice(
        v,
        "status",
        &NewStatus::CHOICES,
        "a status a port-out can be moved to",
    )?;
    let wire = match status {
        NewStatus::Authorized => "authorized",
        NewStatus::RejectedPending => "rejected-pending",
    };
    Ok((status, wire))
}

/// `PATCH /portouts/{id}/{status}` with `{ reason, host_messaging }`.
pub fn update_status(id: &str, status: &Input, params: &Input) -> Result<Request, Error> {
    check_uuid(id, "id")?;
    let (status, wire) = new_status(status)?;
    let change = StatusChange::from_input(params, status)?;
    Ok(Request::write(
        Method::Patch,
        path(&["/portouts/", id, "/", wire]),
        Some(&change),
        Expect::Json(&ONE_BODY),
        "the status may have been changed",
    ))
}

/// Validates the body of `GET /portouts` and returns its `meta`.
pub fn validate_list(bytes: &[u8]) -> Result<PageMeta, Error> {
    check(bytes, &LIST_BODY).map(|(_, c)| page_meta(&c))
}

/// Validates the body of `GET /portouts/{id}`.
pub fn validate_one(bytes: &[u8]) -> Result<(), Error> {
    check(bytes, &ONE_BODY).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::error::ErrorCode;
    use filter::PortoutFilter;
    use model::Status;

    const ID: &str = "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0";

    fn obj(members: &[(&str, Input)]) -> Input {
        Input::Object(
            members
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }
    fn s(v: &str) -> Input {
        Input::String(v.into())
    }
    fn fails(r: Result<Request, Error>) -> (ErrorCode, String, String) {
        match r {
            Ok(r) => panic!("expected an error, got {r:?}"),
            Err(e) => (
                e.code,
                e.path.clone().unwrap_or_default(),
                e.message.clone(),
            ),
        }
    }

    #[test]
    fn list_and_get_requests() {
        let q = ListQuery {
            filter: PortoutFilter {
                status_in: Some(vec![Status::Pending, Status::Ported]),
                ..PortoutFilter::default()
            },
            ..ListQuery::default()
        };
        let r = list(&q, ArrayFormat::Comma);
        assert_eq!((r.method, r.path.as_str()), (Method::Get, "/portouts"));
        assert_eq!(r.query, "filter%5Bstatus_in%5D=pending%2Cported");
        assert_eq!(list(&ListQuery::default(), ArrayFormat::Comma).query, "");
        let r = get(ID).map(|r| r.path);
        assert_eq!(r.ok(), Some(format!("/portouts/{ID}")));
        let (code, at, _) = fails(get("../x"));
        assert_eq!((code, at.as_str()), (ErrorCode::InvalidParams, "id"));
    }

    #[test]
    fn status_updates() {
        let r = update_status(ID, &s("rejected-pending"), &obj(&[("reason", s("no"))]));
        let r = r.ok();
        assert_eq!(r.as_ref().map(|r| r.method), Some(Method::Patch));
        assert_eq!(
            r.as_ref().map(|r| r.path.clone()),
            Some(format!("/portouts/{ID}/rejected-pending"))
        );
        assert_eq!(
            r.and_then(|r| r.body),
            Some(r#"{"reason":"no"}"#.to_string())
        );
        let r = update_status(
            ID,
            &s("authorized"),
            &obj(&[("host_messaging", Input::Bool(true)), ("reason", s(""))]),
        );
        assert_eq!(
            r.ok().and_then(|r| r.body),
            Some(r#"{"reason":"","host_messaging":true}"#.to_string())
        );
    }

    #[test]
    fn status_updates_refuse_what_the_api_would() {
        let cases: &[(&str, Input, &str, &str)] = &[
            (
                "authorised",
                Input::Undefined,
                "status",
                "did you mean 'authorized'?",
            ),
            (
                "rejected",
                obj(&[("reason", s("x"))]),
                "status",
                "did you mean 'rejected-pending'?",
            ),
            (
                "rejected-pending",
                Input::Undefined,
                "reason",
                "is required when rejecting",
            ),
            (
                "authorized",
                obj(&[("reason", Input::Undefined)]),
                "reason",
                "is required by the API when authorizing too",
            ),
            (
                "rejected-pending",
                obj(&[("reason", s("  \n"))]),
                "reason",
                "must not be blank",
            ),
            (
                "rejected-pending",
                obj(&[("reason", Input::Number(1.0))]),
                "reason",
                "must be a string",
            ),
            (
                "authorized",
                obj(&[("reasons", s("x"))]),
                "reasons",
                "did you mean 'reason'?",
            ),
            (
                "authorized",
                obj(&[("host_messaging", s("yes"))]),
                "host_messaging",
                "must be true or false",
            ),
            (
                "authorized",
                s("x"),
                "params",
                "must be an object like { reason, host_messaging }",
            ),
        ];
        for (status, params, at, says) in cases {
            let (code, path, message) = fails(update_status(ID, &s(status), params));
            assert_eq!(code, ErrorCode::InvalidParams, "{status} {params:?}");
            assert_eq!(path, *at, "{status} {params:?}");
            assert!(message.contains(says), "{message}");
        }
    }
}
