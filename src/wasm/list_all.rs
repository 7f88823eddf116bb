//! `listAllPortouts`: the core's [`Planner`] decides which pages to request; this drives the
//! fetches with at most `concurrency` in flight (racing their promises), reports progress,
//! aborts the pages in flight when one fails, and assembles the records in page order with
//! duplicate ids dropped.

use super::exports::{fetch_page, Prepared};
use crate::error::{Error, ErrorCode};
use crate::filter::ListQuery;
use crate::model::PageMeta;
use crate::paging::{ListAllOptions, Planner, Progress, LIST_ALL_PAGE_SIZE};
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Promise, js_name = race)]
    fn promise_race(promises: &Array) -> Promise;
}

type PageResult = Result<(JsValue, PageMeta), Error>;

fn progress_object(p: &Progress) -> Object {
    let o = Object::new();
    for (k, v) in [
        ("pagesDone", f64::from(p.pages_done)),
        ("totalPages", f64::from(p.total_pages)),
        ("itemsDone", p.items_done as f64),
        ("totalResults", p.total_results as f64),
    ] {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_f64(v));
    }
    o
}

/// Lists every page. `Err(Ok(e))` is a library error; `Err(Err(v))` is a value thrown by
/// the caller's `onProgress`, passed through as is.
pub async fn list_all(
    query: ListQuery,
    prepared: Prepared,
    options: ListAllOptions,
    on_progress: Option<Function>,
) -> Result<Array, Result<Error, JsValue>> {
    let mut query = query;
    let page_size = *query.page.size.get_or_insert(LIST_ALL_PAGE_SIZE);
    let first = query.page.number.unwrap_or(1);
    let mut planner = Planner::new(first, page_size, &options);
    let group = AbortController::new().map_err(|_| {
        Ok(Error::new(
            ErrorCode::Network,
            "AbortController is not available.",
        ))
    })?;
    let query = Rc::new(query);
    let prepared = Rc::new(prepared);
    let results: Rc<RefCell<Vec<(u32, PageResult)>>> = Rc::default();
    let mut in_flight: Vec<(u32, Promise)> = Vec::new();
    let mut pages: Vec<(u32, JsValue)> = Vec::new();
    let fail = |e: Error, page: u32| {
        group.abort();
        let mut e = e;
        e.page.get_or_insert(page);
        Err(Ok(e))
    };

    loop {
        while let Some(n) = planner.next_page(in_flight.len()) {
            let (q, p, r, signal) = (
                query.clone(),
                prepared.clone(),
                results.clone(),
                group.signal(),
            );
            let promise = super::spawn(Box::pin(async move {
                let mut page_query = (*q).clone();
                page_query.page.number = Some(n);
                let outcome = fetch_page(&page_query, &p, Some(&signal)).await;
                r.borrow_mut().push((n, outcome));
                Ok(JsValue::from(n))
            }));
            in_flight.push((n, promise));
        }
        if planner.finished(in_flight.len()) {
            break;
        }
        let racing: Array = in_flight.iter().map(|(_, p)| p).collect();
        let done = JsFuture::from(promise_race(&racing))
            .await
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32;
        in_flight.retain(|(n, _)| *n != done);
        let outcome = {
            let mut r = results.borrow_mut();
            let at = r.iter().position(|(n, _)| *n == done);
            at.map(|i| r.swap_remove(i).1)
        };
        let Some(outcome) = outcome else { continue };
        let (page, meta) = match outcome {
            Ok(ok) => ok,
            Err(e) => return fail(e, done),
        };
        let data = Reflect::get(&page, &JsValue::from_str("data")).unwrap_or(JsValue::UNDEFINED);
        let items = data.dyn_ref::<Array>().map_or(0, |a| a.length() as usize);
        match planner.on_page(done, &meta, items) {
            Err(e) => return fail(e, done),
            Ok(None) => {}
            Ok(Some(progress)) => {
                // Kept in page order as they arrive (no sort code in the module).
                let at = pages.partition_point(|(n, _)| *n < done);
                pages.insert(at, (done, data));
                if let Some(f) = &on_progress {
                    if let Err(thrown) = f.call1(&JsValue::UNDEFINED, &progress_object(&progress)) {
                        group.abort();
                        return Err(Err(thrown));
                    }
                }
            }
        }
    }
    Ok(assemble(pages.iter().map(|(_, d)| d), options.max_items))
}

/// The records of `pages` in order, without repeated ids (a record that moved to a later page
/// while listing), at most `max_items`.
fn assemble<'a>(pages: impl Iterator<Item = &'a JsValue>, max_items: Option<u32>) -> Array {
    let records: Vec<JsValue> = pages
        .filter_map(|d| d.dyn_ref::<Array>().map(|a| a.iter().collect::<Vec<_>>()))
        .flatten()
        .collect();
    // (id, index) pairs sorted: equal ids end up together, the first occurrence first.
    let mut ids: Vec<(String, usize)> = records
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            Reflect::get(r, &JsValue::from_str("id"))
                .ok()?
                .as_string()
                .map(|id| (id, i))
        })
        .collect();
    ids.sort_unstable();
    let mut keep = vec![true; records.len()];
    for pair in ids.windows(2) {
        if let [(a, _), (b, later)] = pair {
            if a == b {
                if let Some(k) = keep.get_mut(*later) {
                    *k = false;
                }
            }
        }
    }
    let cap = max_items.map_or(usize::MAX, |m| m as usize);
    records
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(r, _)| r)
        .take(cap)
        .collect()
}
