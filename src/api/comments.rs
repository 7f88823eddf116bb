//! Comments on a port-out: list them (`GET /portouts/{id}/comments`) and add one
//! (`POST /portouts/{id}/comments`).

use crate::client::error::Error;
use crate::client::input::Input;
use crate::client::paging::LOOSE_META;
use crate::client::read::Reader;
use crate::client::request::{check_uuid, path, Expect, Method, Request};
use serde::Serialize;
use telnyx_portouts_schema::{Field, Schema, Ty};

/// The spec's `PortoutComment` (every field optional and nullable: what JS receives is what
/// the server sent; only wrong types fail).
pub static COMMENT: Schema = Schema::new(
    "a comment",
    &[
        Field::optional("body", Ty::Str),
        Field::optional("created_at", Ty::Str),
        Field::optional("id", Ty::Str),
        Field::optional("portout_id", Ty::Str),
        Field::optional("record_type", Ty::Str),
        Field::optional("user_id", Ty::Str),
    ],
);

/// The body of `GET /portouts/{id}/comments`: `{ data: [PortoutComment], meta? }`.
pub static COMMENTS_BODY: Schema = Schema::new(
    "a JSON object",
    &[
        Field::required("data", Ty::List(&COMMENT)),
        Field::optional("meta", Ty::Object(&LOOSE_META)),
    ],
);

/// The body of `POST /portouts/{id}/comments`: `{ data: PortoutComment }`.
pub static COMMENT_BODY: Schema = Schema::new(
    "a JSON object",
    &[Field::required("data", Ty::Object(&COMMENT))],
);

/// A new comment: `{ body }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewComment {
    /// The text (not blank).
    pub body: String,
}

impl NewComment {
    /// Validates the second argument of `createPortoutComment`.
    pub fn from_input(v: &Input) -> Result<NewComment, Error> {
        let members = Reader::PARAMS.object(
            Reader::PARAMS.required(v, "comment")?,
            "comment",
            "{ body }",
        )?;
        let mut body = None;
        for (_, value, at) in Reader::PARAMS.members(members.unwrap_or_default(), "", &["body"])? {
            body = Some(Reader::PARAMS.message(value, &at)?);
        }
        match body {
            Some(body) => Ok(NewComment { body }),
            None => Err(Error::invalid_params(
                "body",
                "is required: the comment's text",
            )),
        }
    }
}

/// `GET /portouts/{id}/comments`.
pub fn list(id: &str) -> Result<Request, Error> {
    check_uuid(id, "id")?;
    Ok(Request::get(
        path(&["/portouts/", id, "/comments"]),
        &COMMENTS_BODY,
    ))
}

/// `POST /portouts/{id}/comments` with `{ body }`.
pub fn create(id: &str, comment: &Input) -> Result<Request, Error> {
    check_uuid(id, "id")?;
    let comment = NewComment::from_input(comment)?;
    Ok(Request::write(
        Method::Post,
        path(&["/portouts/", id, "/comments"]),
        Some(&comment),
        Expect::Json(&COMMENT_BODY),
        "the comment may have been created",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::error::ErrorCode;

    const ID: &str = "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0";

    fn body(members: Vec<(&str, Input)>) -> Input {
        Input::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    #[test]
    fn requests() {
        let r = list(ID).ok();
        assert_eq!(
            r.map(|r| (r.method, r.path)),
            Some((Method::Get, format!("/portouts/{ID}/comments")))
        );
        let r = create(ID, &body(vec![("body", Input::String("Hi\nthere".into()))])).ok();
        assert_eq!(
            r.map(|r| (r.method, r.body)),
            Some((Method::Post, Some(r#"{"body":"Hi\nthere"}"#.into())))
        );
    }

    #[test]
    fn refuses_bad_comments() {
        for (input, at, says) in [
            (Input::Undefined, "comment", "is required"),
            (body(vec![]), "body", "is required"),
            (
                body(vec![("body", Input::String(" ".into()))]),
                "body",
                "must not be blank",
            ),
            (body(vec![("body", Input::Null)]), "body", "is required"),
            (
                body(vec![("text", Input::String("x".into()))]),
                "text",
                "unknown key",
            ),
            (
                body(vec![("body", Input::String("a\u{0}".into()))]),
                "body",
                "control characters",
            ),
            (
                Input::String("hi".into()),
                "comment",
                "must be an object like { body }",
            ),
        ] {
            let e = create(ID, &input).err();
            let got = e.map(|e| (e.code, e.path.clone(), e.message.contains(says)));
            assert_eq!(
                got,
                Some((ErrorCode::InvalidParams, Some(at.into()), true)),
                "{input:?}"
            );
        }
        assert!(list("nope").is_err());
    }
}
