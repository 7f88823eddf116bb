//! The port-out record of the spec (`PortoutDetails`) and the page metadata, as schemas (data
//! for the one validator in `telnyx-portouts-schema`). JS receives the records as `JSON.parse`
//! built them; these tables are what the validator checks them against.

use crate::client::paging::PAGE_META;
use serde::Serialize;
use telnyx_portouts_schema::{Field, Schema, Ty};

/// A port-out's status as the spec lists it (serialized in its wire form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Status {
    /// `pending`
    Pending,
    /// `authorized`
    Authorized,
    /// `ported`
    Ported,
    /// `rejected`
    Rejected,
    /// `rejected-pending`
    RejectedPending,
    /// `canceled`
    Canceled,
}

impl Status {
    /// The six statuses, in the spec's order.
    pub const ALL: [Status; 6] = [
        Status::Pending,
        Status::Authorized,
        Status::Ported,
        Status::Rejected,
        Status::RejectedPending,
        Status::Canceled,
    ];

    /// The statuses by wire form, for [`Reader::choice`](crate::client::read::Reader::choice).
    pub const CHOICES: [(&'static str, Status); 6] = [
        ("pending", Status::Pending),
        ("authorized", Status::Authorized),
        ("ported", Status::Ported),
        ("rejected", Status::Rejected),
        ("rejected-pending", Status::RejectedPending),
        ("canceled", Status::Canceled),
    ];

    /// The wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Authorized => "authorized",
            Status::Ported => "ported",
            Status::Rejected => "rejected",
            Status::RejectedPending => "rejected-pending",
            Status::Canceled => "canceled",
        }
    }

    /// The status with this exact wire form.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// The 27 fields of `PortoutDetails`, sorted by name, with their JSON types: the schema the
/// response validator checks every port-out record against (all optional, all nullable;
/// unknown fields are kept).
pub static PORTOUT: Schema = Schema::new(
    "a port-out object",
    &[
        Field::optional("already_ported", Ty::Bool),
        Field::optional("authorized_name", Ty::Str),
        Field::optional("carrier_name", Ty::Str),
        Field::optional("city", Ty::Str),
        Field::optional("created_at", Ty::Str),
        Field::optional("current_carrier", Ty::Str),
        Field::optional("end_user_name", Ty::Str),
        Field::optional("foc_date", Ty::Str),
        Field::optional("host_messaging", Ty::Bool),
        Field::optional("id", Ty::Str),
        Field::optional("inserted_at", Ty::Str),
        Field::optional("lsr", Ty::StrList),
        Field::optional("phone_numbers", Ty::StrList),
        Field::optional("pon", Ty::Str),
        Field::optional("reason", Ty::Str),
        Field::optional("record_type", Ty::Str),
        Field::optional("rejection_code", Ty::Int),
        Field::optional("requested_foc_date", Ty::Str),
        Field::optional("service_address", Ty::Str),
        Field::optional("spid", Ty::Str),
        Field::optional("state", Ty::Str),
        Field::optional("status", Ty::Str),
        Field::optional("support_key", Ty::Str),
        Field::optional("updated_at", Ty::Str),
        Field::optional("user_id", Ty::Str),
        Field::optional("vendor", Ty::Str),
        Field::optional("zip", Ty::Str),
    ],
);

/// The body of `GET /portouts`: `{ data: [PortoutDetails], meta: Metadata }`.
pub static LIST_BODY: Schema = Schema::new(
    "a JSON object",
    &[
        Field::required("data", Ty::List(&PORTOUT)),
        Field::required("meta", Ty::Object(&PAGE_META)),
    ],
);

/// The body of `GET /portouts/{id}`: `{ data: PortoutDetails }`.
pub static ONE_BODY: Schema = Schema::new(
    "a JSON object",
    &[Field::required("data", Ty::Object(&PORTOUT))],
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_are_sorted_and_match_the_spec_count() {
        for schema in [&PORTOUT, &LIST_BODY, &ONE_BODY] {
            assert!(schema.is_sorted(), "{}", schema.what);
        }
        assert_eq!(PORTOUT.fields.len(), 27);
    }

    #[test]
    fn statuses_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).ok(), Some(s.as_str().into()));
        }
        assert_eq!(Status::parse("Pending"), None);
    }
}
