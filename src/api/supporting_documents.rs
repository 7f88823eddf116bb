//! A port-out's supporting documents (letters of authorization, invoices): list them
//! (`GET /portouts/{id}/supporting_documents`) and attach some
//! (`POST /portouts/{id}/supporting_documents`).

use crate::client::error::Error;
use crate::client::input::Input;
use crate::client::read::Reader;
use crate::client::request::{check_uuid, path, Expect, Method, Request};
use serde::Serialize;
use telnyx_portouts_schema::{Field, Schema, Ty};

/// At most this many documents in one request (the spec's `maxItems`).
pub const MAX_DOCUMENTS: usize = 10;

/// The spec's `PortOutSupportingDocument`.
pub static DOCUMENT: Schema = Schema::new(
    "a supporting document",
    &[
        Field::optional("created_at", Ty::Str),
        Field::optional("document_id", Ty::Str),
        Field::optional("id", Ty::Str),
        Field::optional("portout_id", Ty::Str),
        Field::optional("record_type", Ty::Str),
        Field::optional("type", Ty::Str),
        Field::optional("updated_at", Ty::Str),
    ],
);

/// The body of both operations: `{ data: [PortOutSupportingDocument] }`.
pub static DOCUMENTS_BODY: Schema = Schema::new(
    "a JSON object",
    &[Field::required("data", Ty::List(&DOCUMENT))],
);

/// A document's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentType {
    /// `loa`: a letter of authorization.
    Loa,
    /// `invoice`: a carrier invoice.
    Invoice,
}

impl DocumentType {
    /// The types by wire form.
    pub const CHOICES: [(&'static str, DocumentType); 2] = [
        ("loa", DocumentType::Loa),
        ("invoice", DocumentType::Invoice),
    ];
}

/// One document to attach: an uploaded document's id and its type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewDocument {
    /// The type.
    #[serde(rename = "type")]
    pub kind: DocumentType,
    /// The uploaded document's id (a UUID).
    pub document_id: String,
}

/// The body of the attach request: `{ documents: [...] }`, 1 to 10 of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewDocuments {
    /// The documents.
    pub documents: Vec<NewDocument>,
}

impl NewDocuments {
    /// Validates the second argument of `createPortoutSupportingDocuments`.
    pub fn from_input(v: &Input) -> Result<NewDocuments, Error> {
        let members = Reader::PARAMS.object(
            Reader::PARAMS.required(v, "params")?,
            "params",
            "{ documents }",
        )?;
        let mut documents = None;
        for (_, value, at) in
            Reader::PARAMS.members(members.unwrap_or_default(), "", &["documents"])?
        {
            documents = Some(documents_of(Reader::PARAMS.required(value, &at)?)?);
        }
        documents
            .map(|documents| NewDocuments { documents })
            .ok_or_else(|| {
                Error::invalid_params("documents", "is required: [{ type, document_id }, ...]")
            })
    }
}

fn documents_of(v: &Input) -> Result<Vec<NewDocument>, Error> {
    let Input::Array(items) = v else {
        return Err(Error::invalid_params(
            "documents",
            &format!(
                "must be an array of {{ type, document_id }}, got {}",
                v.describe()
            ),
        ));
    };
    if items.is_empty() || items.len() > MAX_DOCUMENTS {
        return Err(Error::invalid_params(
            "documents",
            &format!("must have 1 to {MAX_DOCUMENTS} items, got {}", items.len()),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("documents[{i}]");
            let members = Reader::PARAMS.object(
                Reader::PARAMS.required(item, &at)?,
                &at,
                "{ type, document_id }",
            )?;
            let (mut kind, mut document_id) = (None, None);
            let prefix = format!("{at}.");
            for (key, value, path) in Reader::PARAMS.members(
                members.unwrap_or_default(),
                &prefix,
                &["document_id", "type"],
            )? {
                let value = Reader::PARAMS.required(value, &path)?;
                if key == "type" {
                    kind = Some(Reader::PARAMS.choice(
                        value,
                        &path,
                        &DocumentType::CHOICES,
                        "a document type",
                    )?);
                } else {
                    document_id = Some(Reader::PARAMS.uuid(value, &path)?);
                }
            }
            match (kind, document_id) {
                (Some(kind), Some(document_id)) => Ok(NewDocument { kind, document_id }),
                (None, _) => Err(Error::invalid_params(
                    &format!("{at}.type"),
                    "is required: loa or invoice",
                )),
                (_, None) => Err(Error::invalid_params(
                    &format!("{at}.document_id"),
                    "is required: the id of an uploaded document (a UUID)",
                )),
            }
        })
        .collect()
}

/// `GET /portouts/{id}/supporting_documents`.
pub fn list(id: &str) -> Result<Request, Error> {
    check_uuid(id, "id")?;
    Ok(Request::get(
        path(&["/portouts/", id, "/supporting_documents"]),
        &DOCUMENTS_BODY,
    ))
}

/// `POST /portouts/{id}/supporting_documents` with `{ documents }`.
pub fn create(id: &str, params: &Input) -> Result<Request, Error> {
    check_uuid(id, "id")?;
    let body = NewDocuments::from_input(params)?;
    Ok(Request::write(
        Method::Post,
        path(&["/portouts/", id, "/supporting_documents"]),
        Some(&body),
        Expect::Json(&DOCUMENTS_BODY),
        "the documents may have been attached",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::error::ErrorCode;

    const ID: &str = "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0";
    const DOC: &str = "f1c5e079-9d82-4f50-95bc-ae2f6b8d84d7";

    fn obj(members: Vec<(&str, Input)>) -> Input {
        Input::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
    fn doc(kind: &str, id: &str) -> Input {
        obj(vec![
            ("type", Input::String(kind.into())),
            ("document_id", Input::String(id.into())),
        ])
    }
    fn docs(items: Vec<Input>) -> Input {
        obj(vec![("documents", Input::Array(items))])
    }

    #[test]
    fn attaches_documents_in_the_sdk_body() {
        let r = create(ID, &docs(vec![doc("loa", DOC), doc("invoice", DOC)])).ok();
        assert_eq!(
            r.and_then(|r| r.body),
            Some(format!(
                r#"{{"documents":[{{"type":"loa","document_id":"{DOC}"}},{{"type":"invoice","document_id":"{DOC}"}}]}}"#
            ))
        );
        let r = list(ID).ok().map(|r| r.path);
        assert_eq!(r, Some(format!("/portouts/{ID}/supporting_documents")));
    }

    #[test]
    fn refuses_bad_documents() {
        let eleven = docs((0..11).map(|_| doc("loa", DOC)).collect());
        for (input, at, says) in [
            (obj(vec![]), "documents", "is required"),
            (docs(vec![]), "documents", "1 to 10 items, got 0"),
            (eleven, "documents", "1 to 10 items, got 11"),
            (
                docs(vec![doc("LOA", DOC)]),
                "documents[0].type",
                "did you mean 'loa'?",
            ),
            (
                docs(vec![doc("loa", DOC), doc("invoice", "x")]),
                "documents[1].document_id",
                "is not a UUID",
            ),
            (
                docs(vec![obj(vec![("type", Input::String("loa".into()))])]),
                "documents[0].document_id",
                "is required",
            ),
            (docs(vec![Input::Null]), "documents[0]", "is required"),
            (
                docs(vec![obj(vec![("kind", Input::Null)])]),
                "documents[0].kind",
                "unknown key",
            ),
            (
                obj(vec![("documents", doc("loa", DOC))]),
                "documents",
                "must be an array",
            ),
        ] {
            let e = create(ID, &input).err();
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
}
