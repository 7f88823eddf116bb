//! A validated [`ListQuery`] as a plain JS object (`{ filter: {...}, page: {...} }`, only the
//! keys that are set), the inverse of what `listPortouts` accepts.

use super::props::set;
use crate::filter::{DateRange, ListQuery};
use js_sys::{Array, Object};
use wasm_bindgen::JsValue;

fn text(obj: &Object, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        set(obj, key, &JsValue::from_str(v));
    }
}

fn list<'a>(obj: &Object, key: &str, values: Option<impl Iterator<Item = &'a str>>) {
    if let Some(values) = values {
        set(obj, key, &values.map(JsValue::from_str).collect::<Array>());
    }
}

fn range(obj: &Object, key: &str, r: &DateRange) {
    if !r.is_empty() {
        let o = Object::new();
        text(&o, "gte", r.gte.as_deref());
        text(&o, "lte", r.lte.as_deref());
        set(obj, key, &o);
    }
}

/// The JS form of `q`.
pub fn query_to_js(q: &ListQuery) -> JsValue {
    let f = &q.filter;
    let filter = Object::new();
    text(&filter, "carrier_name", f.carrier_name.as_deref());
    text(&filter, "country_code", f.country_code.as_deref());
    list(
        &filter,
        "country_code_in",
        f.country_code_in
            .as_ref()
            .map(|v| v.iter().map(String::as_str)),
    );
    text(&filter, "foc_date", f.foc_date.as_deref());
    range(&filter, "inserted_at", &f.inserted_at);
    text(&filter, "phone_number", f.phone_number.as_deref());
    text(&filter, "pon", f.pon.as_deref());
    range(&filter, "ported_out_at", &f.ported_out_at);
    text(&filter, "spid", f.spid.as_deref());
    text(&filter, "status", f.status.map(|s| s.as_str()));
    list(
        &filter,
        "status_in",
        f.status_in.as_ref().map(|v| v.iter().map(|s| s.as_str())),
    );
    text(&filter, "support_key", f.support_key.as_deref());
    let out = Object::new();
    if Object::keys(&filter).length() > 0 {
        set(&out, "filter", &filter);
    }
    if q.page.number.is_some() || q.page.size.is_some() {
        let page = Object::new();
        if let Some(n) = q.page.number {
            set(&page, "number", &JsValue::from(n));
        }
        if let Some(n) = q.page.size {
            set(&page, "size", &JsValue::from(n));
        }
        set(&out, "page", &page);
    }
    out.into()
}
