//! A port-out's event history: list events (`GET /portouts/events`, paged, filtered by
//! type, port-out and date), get one (`GET /portouts/events/{id}`), and ask for its webhook
//! to be sent again (`POST /portouts/events/{id}/republish`, answered `204`).

use crate::client::deep_object::to_query;
use crate::client::encode::ArrayFormat;
use crate::client::error::Error;
use crate::client::input::Input;
use crate::client::listing::{next_json, Listing};
use crate::client::paging::{PageMeta, PAGE_META};
use crate::client::params::{DateRange, Page};
use crate::client::read::Reader;
use crate::client::request::{check_uuid, path, Expect, Method, Request};
use serde::Serialize;
use telnyx_portouts_schema::{Field, Schema, Ty};

/// The payload of an event: the fields of the spec's three variants
/// (`WebhookPortoutStatusChanged`, `WebhookPortoutNewComment`,
/// `WebhookPortoutFocDateChanged`) in one table. No field name has two types across them,
/// so this checks each variant exactly as its own schema would (a field of another variant
/// is an unknown field there, and unknown fields are kept).
pub static EVENT_PAYLOAD: Schema = Schema::new(
    "an event payload",
    &[
        Field::optional("attempted_pin", Ty::Str),
        Field::optional("carrier_name", Ty::Str),
        Field::optional("comment", Ty::Str),
        Field::optional("foc_date", Ty::Str),
        Field::optional("id", Ty::Str),
        Field::optional("phone_numbers", Ty::StrList),
        Field::optional("portout_id", Ty::Str),
        Field::optional("rejection_reason", Ty::Str),
        Field::optional("spid", Ty::Str),
        Field::optional("status", Ty::Str),
        Field::optional("subscriber_name", Ty::Str),
        Field::optional("user_id", Ty::Str),
    ],
);

/// The spec's `PortoutEvent` (the fields its three variants share, and the payload).
pub static EVENT: Schema = Schema::new(
    "an event",
    &[
        Field::optional("available_notification_methods", Ty::StrList),
        Field::optional("created_at", Ty::Str),
        Field::optional("event_type", Ty::Str),
        Field::optional("id", Ty::Str),
        Field::optional("payload", Ty::Object(&EVENT_PAYLOAD)),
        Field::optional("payload_status", Ty::Str),
        Field::optional("portout_id", Ty::Str),
        Field::optional("record_type", Ty::Str),
        Field::optional("updated_at", Ty::Str),
    ],
);

/// The body of `GET /portouts/events`: `{ data: [PortoutEvent], meta: PaginationMeta }`.
pub static EVENTS_BODY: Schema = Schema::new(
    "a JSON object",
    &[
        Field::required("data", Ty::List(&EVENT)),
        Field::required("meta", Ty::Object(&PAGE_META)),
    ],
);

/// The body of `GET /portouts/events/{id}`: `{ data: PortoutEvent }`.
pub static EVENT_BODY: Schema = Schema::new(
    "a JSON object",
    &[Field::required("data", Ty::Object(&EVENT))],
);

/// An event's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum EventType {
    /// `portout.status_changed`
    #[serde(rename = "portout.status_changed")]
    StatusChanged,
    /// `portout.new_comment`
    #[serde(rename = "portout.new_comment")]
    NewComment,
    /// `portout.foc_date_changed`
    #[serde(rename = "portout.foc_date_changed")]
    FocDateChanged,
}

impl EventType {
    /// The types by wire form.
    pub const CHOICES: [(&'static str, EventType); 3] = [
        ("portout.status_changed", EventType::StatusChanged),
        ("portout.new_comment", EventType::NewComment),
        ("portout.foc_date_changed", EventType::FocDateChanged),
    ];

    /// The wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::StatusChanged => "portout.status_changed",
            EventType::NewComment => "portout.new_comment",
            EventType::FocDateChanged => "portout.foc_date_changed",
        }
    }
}

/// The filter of `listPortoutEvents`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EventsFilter {
    /// Created within this range.
    #[serde(skip_serializing_if = "DateRange::is_empty")]
    pub created_at: DateRange,
    /// Only this type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_type: Option<EventType>,
    /// Only this port-out's events (a UUID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portout_id: Option<String>,
}

/// The query of `listPortoutEvents`: `{ filter?, page? }`. Serialized as JS's next-page
/// query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EventsQuery {
    /// The filter.
    #[serde(skip_serializing_if = "EventsFilter::is_empty")]
    pub filter: EventsFilter,
    /// The page.
    #[serde(skip_serializing_if = "Page::is_empty")]
    pub page: Page,
}

impl EventsFilter {
    /// True when nothing is filtered on.
    pub fn is_empty(&self) -> bool {
        *self == EventsFilter::default()
    }
}

/// The filter's keys.
pub(crate) const FILTER_FIELDS: [&str; 3] = ["created_at", "event_type", "portout_id"];

impl EventsQuery {
    /// Validates the query argument.
    pub fn from_input(v: &Input) -> Result<EventsQuery, Error> {
        let (filter, page) = Reader::FILTER.paged_query(v, &FILTER_FIELDS)?;
        let mut f = EventsFilter::default();
        let members =
            Reader::FILTER.object(filter, "filter", "{ event_type, portout_id, created_at }")?;
        for (key, value, at) in
            Reader::FILTER.members(members.unwrap_or_default(), "filter.", &FILTER_FIELDS)?
        {
            if value.is_unset() {
                continue;
            }
            match key {
                "created_at" => f.created_at = Reader::FILTER.range(value, &at)?,
                "event_type" => {
                    f.event_type = Some(Reader::FILTER.choice(
                        value,
                        &at,
                        &EventType::CHOICES,
                        "an event type",
                    )?)
                }
                _ => f.portout_id = Some(Reader::FILTER.uuid(value, &at)?),
            }
        }
        Ok(EventsQuery { filter: f, page })
    }
}

impl Listing for EventsQuery {
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

/// `GET /portouts/events?{query}`.
pub fn list(q: &EventsQuery, format: ArrayFormat) -> Request {
    Request::get("/portouts/events".into(), &EVENTS_BODY).with_query(to_query(q, format))
}

/// `GET /portouts/events/{id}`.
pub fn get(id: &str) -> Result<Request, Error> {
    check_uuid(id, "id")?;
    Ok(Request::get(path(&["/portouts/events/", id]), &EVENT_BODY))
}

/// `POST /portouts/events/{id}/republish` (no body; `204`).
pub fn republish(id: &str) -> Result<Request, Error> {
    check_uuid(id, "id")?;
    Ok(Request::write(
        Method::Post,
        path(&["/portouts/events/", id, "/republish"]),
        None::<&()>,
        Expect::Nothing,
        "the event may have been republished",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::error::ErrorCode;

    const ID: &str = "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0";

    fn obj(members: Vec<(&str, Input)>) -> Input {
        Input::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
    fn s(v: &str) -> Input {
        Input::String(v.into())
    }

    #[test]
    fn builds_the_exact_query() {
        let q = obj(vec![
            (
                "filter",
                obj(vec![
                    ("portout_id", s(ID)),
                    ("event_type", s("portout.new_comment")),
                    (
                        "created_at",
                        obj(vec![
                            ("gte", s("2024-01-01")),
                            ("lte", s("2024-02-01T00:00:00Z")),
                        ]),
                    ),
                ]),
            ),
            (
                "page",
                obj(vec![
                    ("size", Input::Number(5.0)),
                    ("number", Input::Number(2.0)),
                ]),
            ),
        ]);
        let q = EventsQuery::from_input(&q);
        assert_eq!(
            q.as_ref()
                .map(|q| list(q, ArrayFormat::Comma).query)
                .ok()
                .as_deref(),
            Some(concat!(
                "filter%5Bcreated_at%5D%5Bgte%5D=2024-01-01T00%3A00%3A00.000Z",
                "&filter%5Bcreated_at%5D%5Blte%5D=2024-02-01T00%3A00%3A00Z",
                "&filter%5Bevent_type%5D=portout.new_comment",
                "&filter%5Bportout_id%5D=0ccc7b54-4df3-4bca-a65a-3da1ecc777f0",
                "&page%5Bnumber%5D=2&page%5Bsize%5D=5"
            ))
        );
        assert_eq!(
            EventsQuery::from_input(&Input::Undefined)
                .map(|q| to_query(&q, ArrayFormat::Comma))
                .ok()
                .as_deref(),
            Some("")
        );
    }

    #[test]
    fn refuses_bad_filters() {
        let f = |m: Vec<(&str, Input)>| obj(vec![("filter", obj(m))]);
        for (input, at, says) in [
            (
                f(vec![("event_type", s("portout.status_change"))]),
                "filter.event_type",
                "did you mean 'portout.status_changed'?",
            ),
            (
                f(vec![("portout_id", s("123"))]),
                "filter.portout_id",
                "is not a UUID",
            ),
            (
                f(vec![("created_at", obj(vec![("gt", s("2024-01-01"))]))]),
                "filter.created_at.gt",
                "did you mean 'gte'?",
            ),
            (
                f(vec![("created_at", obj(vec![("gte", s("yesterday"))]))]),
                "filter.created_at.gte",
                "",
            ),
            (f(vec![("type", s("x"))]), "filter.type", "unknown key"),
            (
                obj(vec![("event_type", s("x"))]),
                "event_type",
                "did you mean filter.event_type?",
            ),
            (
                obj(vec![("page", obj(vec![("size", Input::Number(251.0))]))]),
                "page.size",
                "between 1 and 250",
            ),
        ] {
            let e = EventsQuery::from_input(&input).err();
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
                Some((ErrorCode::InvalidFilter, Some(at.into()), true)),
                "{got:?}"
            );
        }
    }

    #[test]
    fn get_and_republish() {
        assert_eq!(
            get(ID).ok().map(|r| r.path),
            Some(format!("/portouts/events/{ID}"))
        );
        let r = republish(ID).ok();
        assert_eq!(
            r.map(|r| (
                r.method,
                r.path,
                r.body.is_none(),
                matches!(r.expect, Expect::Nothing)
            )),
            Some((
                Method::Post,
                format!("/portouts/events/{ID}/republish"),
                true,
                true
            ))
        );
        assert!(republish("x").is_err());
    }

    #[test]
    fn the_filter_field_list_is_the_structs() {
        let full = EventsFilter {
            created_at: DateRange {
                gte: Some("x".into()),
                lte: None,
            },
            event_type: Some(EventType::NewComment),
            portout_id: Some("x".into()),
        };
        let v = serde_json::to_value(&full).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, FILTER_FIELDS);
    }
}
