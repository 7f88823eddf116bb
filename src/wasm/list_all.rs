//! `listAllPortouts`: [`ListAll`] wraps the core's [`Planner`], which decides which pages to
//! request; the JS transport (`driveAll` in `js/boundary.js`) starts them, at most
//! `concurrency` in flight, and hands each answer back. `ListAll` reports progress and
//! assembles the records in page order with duplicate ids dropped.

use super::call::{Call, PageMetas, Target};
use super::errors::to_js;
use super::exports::Prepared;
use super::props::{get, set};
use crate::filter::ListQuery;
use crate::paging::{ListAllOptions, Planner, Progress, LIST_ALL_PAGE_SIZE};
use crate::request::list_url;
use js_sys::{Array, Function, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn progress_object(p: &Progress) -> Object {
    let o = Object::new();
    for (k, v) in [
        ("pagesDone", f64::from(p.pages_done)),
        ("totalPages", f64::from(p.total_pages)),
        ("itemsDone", p.items_done as f64),
        ("totalResults", p.total_results as f64),
    ] {
        set(&o, k, &JsValue::from_f64(v));
    }
    o
}

/// One list-all in progress (exported to the JS transport only; not part of the public API).
#[derive(Debug)]
#[wasm_bindgen(js_name = PortoutsListAll)]
pub struct ListAll {
    query: ListQuery,
    prepared: Prepared,
    planner: Planner,
    max_items: Option<u32>,
    on_progress: Option<Function>,
    metas: PageMetas,
    /// The records of each page received, in page order.
    pages: Vec<(u32, JsValue)>,
}

impl ListAll {
    /// A list-all of `query` (its page size defaults to the API's maximum).
    pub(crate) fn new(
        mut query: ListQuery,
        prepared: Prepared,
        options: &ListAllOptions,
        on_progress: Option<Function>,
    ) -> ListAll {
        let page_size = *query.page.size.get_or_insert(LIST_ALL_PAGE_SIZE);
        let first = query.page.number.unwrap_or(1);
        ListAll {
            query,
            prepared,
            planner: Planner::new(first, page_size, options),
            max_items: options.max_items,
            on_progress,
            metas: PageMetas::default(),
            pages: Vec::new(),
        }
    }
}

#[wasm_bindgen(js_class = PortoutsListAll)]
impl ListAll {
    /// The next page to request with `in_flight` requests running, if one should start now.
    pub fn next(&mut self, in_flight: u32) -> Option<u32> {
        self.planner.next_page(in_flight as usize)
    }

    /// True when nothing is in flight and no page is left to request.
    pub fn finished(&self, in_flight: u32) -> bool {
        self.planner.finished(in_flight as usize)
    }

    /// The call that fetches page `number`.
    pub fn call(&mut self, number: u32) -> Call {
        self.query.page.number = Some(number);
        Call::new(
            list_url(&self.query, &self.prepared.options),
            &self.prepared.options,
            Target::Page(number, self.metas.clone()),
        )
    }

    /// Takes page `number`'s answer (`{ data, meta }`) and reports progress. Throws the
    /// planner's `PortoutsError` (a server ignoring `page[number]`, a listing that grows without
    /// end), or whatever `onProgress` throws.
    #[wasm_bindgen(js_name = onPage)]
    pub fn on_page(&mut self, number: u32, page: &JsValue) -> Result<(), JsValue> {
        let meta = {
            let mut metas = self.metas.borrow_mut();
            let at = metas.iter().position(|(n, _)| *n == number);
            at.map(|i| metas.swap_remove(i).1).unwrap_or_default()
        };
        let data = get(page, "data");
        let items = data.dyn_ref::<Array>().map_or(0, |a| a.length() as usize);
        let progress = self
            .planner
            .on_page(number, &meta, items)
            .map_err(|e| to_js(&e.redact(self.prepared.options.api_key.as_deref())))?;
        if let Some(progress) = progress {
            // Kept in page order as they arrive (no sort code in the module).
            let at = self.pages.partition_point(|(n, _)| *n < number);
            self.pages.insert(at, (number, data));
            if let Some(f) = &self.on_progress {
                f.call1(&JsValue::UNDEFINED, &progress_object(&progress))?;
            }
        }
        Ok(())
    }

    /// The records of every page, in page order, without repeated ids (a record that moved to
    /// a later page while listing), at most `maxItems`.
    pub fn records(&self) -> Array {
        let seen = js_sys::Set::new(&JsValue::UNDEFINED);
        let cap = self.max_items.unwrap_or(u32::MAX);
        let out = Array::new();
        for (_, data) in &self.pages {
            let Some(records) = data.dyn_ref::<Array>() else {
                continue;
            };
            for record in records.iter() {
                let id = get(&record, "id");
                if id.is_string() {
                    if seen.has(&id) {
                        continue;
                    }
                    seen.add(&id);
                }
                // `push` returns the new length (`maxItems` is at least 1).
                if out.push(&record) >= cap {
                    return out;
                }
            }
        }
        out
    }
}
