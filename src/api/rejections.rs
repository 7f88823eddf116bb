//! The rejection codes a port-out can be rejected with
//! (`GET /portouts/rejections/{portout_id}`), optionally filtered by code.

use crate::client::deep_object::to_query;
use crate::client::encode::ArrayFormat;
use crate::client::error::Error;
use crate::client::input::Input;
use crate::client::query_string::QueryShape;
use crate::client::read::Reader;
use crate::client::request::{check_uuid, path, Request};
use serde::Serialize;
use telnyx_portouts_schema::{Field, Schema, Ty};

/// The largest rejection code the filter takes.
pub const MAX_CODE: u32 = 999_999;

/// The spec's `PortoutRejection`.
pub static REJECTION: Schema = Schema::new(
    "a rejection code",
    &[
        Field::optional("code", Ty::Int),
        Field::optional("description", Ty::Str),
        Field::optional("reason_required", Ty::Bool),
    ],
);

/// The body: `{ data: [PortoutRejection] }`.
pub static REJECTIONS_BODY: Schema = Schema::new(
    "a JSON object",
    &[Field::required("data", Ty::List(&REJECTION))],
);

/// `filter.code`: one code, or any of several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum CodeFilter {
    /// `filter[code]=1002`
    One(u32),
    /// `filter[code]=1002%2C1003` (in the caller's array format).
    Any(Vec<u32>),
}

/// The query of `listPortoutRejectionCodes`: `{ filter?: { code? } }`; it serializes itself
/// as its query string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RejectionsQuery {
    /// The filter.
    pub filter: RejectionsFilter,
}

/// `filter` of [`RejectionsQuery`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RejectionsFilter {
    /// The code filter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeFilter>,
}

/// What the query string holds besides text: `filter[code]`, one number or several.
pub const SHAPE: QueryShape = QueryShape {
    arrays: &["code"],
    numbers: &["code"],
};

/// The query's keys.
pub(crate) const QUERY_KEYS: [&str; 1] = ["filter"];
/// The filter's keys.
pub(crate) const FILTER_FIELDS: [&str; 1] = ["code"];

impl RejectionsQuery {
    /// Validates the query argument.
    pub fn from_input(v: &Input) -> Result<RejectionsQuery, Error> {
        let mut q = RejectionsQuery::default();
        let top = Reader::FILTER
            .object(v, "query", "{ filter: { code } }")?
            .unwrap_or_default();
        for (_, filter, at) in Reader::FILTER.members(top, "", &QUERY_KEYS)? {
            let members = Reader::FILTER
                .object(filter, &at, "{ code }")?
                .unwrap_or_default();
            for (_, code, at) in Reader::FILTER.members(members, "filter.", &FILTER_FIELDS)? {
                q.filter.code = match code {
                    Input::Undefined | Input::Null => None,
                    Input::Array(_) => Reader::FILTER
                        .array(code, &at, |item, p| {
                            Reader::FILTER
                                .page_number(Reader::FILTER.required(item, p)?, p, 0, MAX_CODE)
                                .map(Option::unwrap_or_default)
                        })?
                        .map(CodeFilter::Any),
                    one => Reader::FILTER
                        .page_number(one, &at, 0, MAX_CODE)?
                        .map(CodeFilter::One),
                };
            }
        }
        Ok(q)
    }
}

/// `GET /portouts/rejections/{portout_id}?{query}`.
pub fn list(portout_id: &str, query: &Input, format: ArrayFormat) -> Result<Request, Error> {
    check_uuid(portout_id, "portoutId")?;
    let q = RejectionsQuery::from_input(query)?;
    Ok(Request::get(
        path(&["/portouts/rejections/", portout_id]),
        &REJECTIONS_BODY,
    )
    .with_query(to_query(&q, format)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::error::ErrorCode;

    const ID: &str = "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0";

    fn code(v: Input) -> Input {
        Input::Object(vec![(
            "filter".into(),
            Input::Object(vec![("code".into(), v)]),
        )])
    }

    #[test]
    fn encodes_one_code_or_several() {
        let q = |v: Input, f| list(ID, &code(v), f).map(|r| r.query).ok();
        assert_eq!(
            q(Input::Number(1002.0), ArrayFormat::Comma).as_deref(),
            Some("filter%5Bcode%5D=1002")
        );
        let two = Input::Array(vec![Input::Number(1002.0), Input::Number(1003.0)]);
        assert_eq!(
            q(two.clone(), ArrayFormat::Comma).as_deref(),
            Some("filter%5Bcode%5D=1002%2C1003")
        );
        assert_eq!(
            q(two, ArrayFormat::Brackets).as_deref(),
            Some("filter%5Bcode%5D%5B%5D=1002&filter%5Bcode%5D%5B%5D=1003")
        );
        let r = list(ID, &Input::Undefined, ArrayFormat::Comma).ok();
        assert_eq!(
            r.map(|r| (r.path, r.query)),
            Some((format!("/portouts/rejections/{ID}"), String::new()))
        );
    }

    #[test]
    fn refuses_bad_filters() {
        for (input, at, says) in [
            (
                code(Input::Number(1.5)),
                "filter.code",
                "must be an integer",
            ),
            (
                code(Input::String("1002".into())),
                "filter.code",
                "must be an integer",
            ),
            (
                code(Input::Array(vec![])),
                "filter.code",
                "must not be empty",
            ),
            (
                code(Input::Array(vec![Input::Number(-1.0)])),
                "filter.code[0]",
                "between 0 and 999999",
            ),
            (
                Input::Object(vec![(
                    "filter".into(),
                    Input::Object(vec![("codes".into(), Input::Null)]),
                )]),
                "filter.codes",
                "did you mean 'code'?",
            ),
            (
                Input::Object(vec![("code".into(), Input::Null)]),
                "code",
                "unknown key",
            ),
        ] {
            let e = list(ID, &input, ArrayFormat::Comma).err();
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
        let e = list("x", &Input::Undefined, ArrayFormat::Comma).err();
        assert_eq!(
            e.map(|e| (e.code, e.path.clone())),
            Some((ErrorCode::InvalidParams, Some("portoutId".into())))
        );
    }
}
