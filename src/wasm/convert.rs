//! Any JS value into the core's [`Input`] tree, never throwing: getters that throw, Proxies,
//! revoked Proxies, symbols, bigints, huge strings and deep nesting all become either an
//! `Input` the validator can judge or an [`Error`] naming the path.

use super::js::{iso_of, keys_of, kind_of};
use crate::error::{Error, ErrorCode};
use crate::input::{Input, MAX_CONVERTED_ITEMS};
use js_sys::{JsString, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Objects nested deeper than this are not looked into (the deepest valid value is
/// `query.filter.inserted_at.gte`, at depth 3).
const MAX_DEPTH: u32 = 4;
/// Objects with more keys than this must hold an unknown key; only this many are read.
const MAX_KEYS: u32 = 64;
/// Strings longer than this (UTF-16 units) are not copied into wasm; every rule rejects them.
const MAX_STRING_UNITS: u32 = 8192;

/// Converts `v`; `what` says which argument it is (`query`, `options`) for error paths and
/// `code` which error code a failure gets.
pub fn to_input(v: &JsValue, what: &str, code: ErrorCode) -> Result<Input, Error> {
    convert(v, what, code, 0)
}

fn convert(v: &JsValue, path: &str, code: ErrorCode, depth: u32) -> Result<Input, Error> {
    Ok(match kind_of(v) {
        0 => Input::Undefined,
        1 => Input::Null,
        2 => Input::Bool(v.as_bool().unwrap_or(false)),
        3 => Input::Number(v.as_f64().unwrap_or(f64::NAN)),
        4 => string(v),
        5 if depth >= MAX_DEPTH => Input::Opaque("deeply nested array"),
        5 => {
            let len = Reflect::get(v, &JsValue::from_str("length"))
                .ok()
                .and_then(|l| l.as_f64())
                .unwrap_or(0.0);
            let n = len.clamp(0.0, MAX_CONVERTED_ITEMS as f64) as u32;
            let mut items = Vec::new();
            for i in 0..n {
                let item = Reflect::get_u32(v, i)
                    .map_err(|_| unreadable(&cat![path, "[", crate::text::num(i), "]"], code))?;
                items.push(convert(
                    &item,
                    &cat![path, "[", crate::text::num(i), "]"],
                    code,
                    depth + 1,
                )?);
            }
            Input::Array(items)
        }
        6 => Input::Date(iso_of(v)),
        7 => Input::Opaque("AbortSignal"),
        8 => Input::Opaque("function"),
        9 => Input::Opaque("symbol"),
        10 => Input::Opaque("bigint"),
        12 => Input::Opaque("class instance (not a plain object)"),
        11 if depth >= MAX_DEPTH => Input::Opaque("deeply nested object"),
        11 => {
            let keys = keys_of(v).ok_or_else(|| unreadable(path, code))?;
            let mut members = Vec::new();
            for i in 0..keys.length().min(MAX_KEYS) {
                let key_js = keys.get(i);
                // A key with an unpaired surrogate is kept recognisably broken (it can never
                // match a known key); its value is read with the original key.
                let valid = key_js
                    .dyn_ref::<JsString>()
                    .is_some_and(JsString::is_valid_utf16);
                let key = key_js
                    .as_string()
                    .filter(|_| valid)
                    .unwrap_or_else(|| "\u{fffd}".into());
                // Top-level keys are reported bare (`filter.status`, not `query.filter.status`).
                let child_path = if depth == 0 {
                    key.clone()
                } else {
                    cat![path, ".", key]
                };
                let value = Reflect::get(v, &key_js).map_err(|_| unreadable(&child_path, code))?;
                members.push((key, convert(&value, &child_path, code, depth + 1)?));
            }
            Input::Object(members)
        }
        _ => return Err(unreadable(path, code)),
    })
}

fn string(v: &JsValue) -> Input {
    let Some(s) = v.dyn_ref::<JsString>() else {
        return Input::BrokenString;
    };
    if s.length() > MAX_STRING_UNITS {
        // Every rule caps strings well below this; keep enough to fail the length checks.
        return Input::String("x".repeat(MAX_STRING_UNITS as usize + 1));
    }
    if !s.is_valid_utf16() {
        return Input::BrokenString;
    }
    s.as_string().map_or(Input::BrokenString, Input::String)
}

fn unreadable(path: &str, code: ErrorCode) -> Error {
    Error::at(
        code,
        path,
        "could not be read (a getter or Proxy threw); pass a plain object",
    )
}
