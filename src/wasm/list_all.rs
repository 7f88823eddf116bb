//! `listAllPortouts` (and the events' and reports' list-all): the core's [`Planner`] decides which pages to request; this driver keeps
//! them in flight (at most `concurrency`, each through the one request path, [`fetch`]),
//! hands each answer to the planner in arrival order, reports progress, and assembles the
//! records in page order with duplicate ids dropped. The first failure aborts the pages still
//! in flight (their guards abort when they are dropped) and rejects the call.

use super::call::{array_len, fail, fetch, prepare_input, signals, Fetched, Pending};
use super::convert::{get, to_input, to_js};
use super::transport::Call;
use crate::client::error::{Error, ErrorCode};
use crate::client::listing::Listing;
use crate::client::options::ClientOptions;
use crate::client::paging::{
    page_meta, ListAllOptions, Planner, LIST_ALL_OPTION_NAMES, LIST_ALL_PAGE_SIZE,
};
use js_sys::{Array, Function};
use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::Poll;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortController;

/// Why list-all stopped early: a core error, or whatever `onProgress` threw (passed on as is).
enum Stop {
    Failed(Error),
    Thrown(JsValue),
}

impl From<Error> for Stop {
    fn from(e: Error) -> Stop {
        Stop::Failed(e)
    }
}

/// One page request in flight: resolves to its number and its result.
type InFlight = Pin<Box<dyn Future<Output = (u32, Result<Fetched, Error>)>>>;

/// Runs a list-all of `listing` (its validated query) to its end: its records, or the
/// rejection.
pub(crate) fn list_all(listing: Result<Box<dyn Listing>, Error>, options: JsValue) -> Pending {
    Box::pin(async move {
        match run(listing, &options).await {
            Ok(records) => Ok(records.into()),
            Err(Stop::Failed(e)) => Err(fail(e, &options)),
            Err(Stop::Thrown(v)) => Err(v),
        }
    })
}

async fn run(listing: Result<Box<dyn Listing>, Error>, options: &JsValue) -> Result<Array, Stop> {
    let mut q = listing?;
    // Converted once: the client options and list-all's own read the same values.
    let input = to_input(options, "options", ErrorCode::InvalidOptions)?;
    let prepared = prepare_input(options, &input, &LIST_ALL_OPTION_NAMES)?;
    let all = ListAllOptions::from_input(&input)?;
    let on_progress = get(options, "onProgress").dyn_into::<Function>().ok();

    let page_size = *q.page().size.get_or_insert(LIST_ALL_PAGE_SIZE);
    let first = q.page().number.unwrap_or(1);
    let mut planner = Planner::new(first, page_size, &all);
    // Aborted when list-all stops, so the pages still in flight stop too.
    let group = AbortController::new()
        .map_err(|_| Error::new(ErrorCode::Network, "AbortController is not available."))?;
    let mut watched = signals(&prepared.signal);
    watched.push(group.signal());

    let mut in_flight: Vec<InFlight> = Vec::new();
    // The records of each page received, in page order.
    let mut pages: Vec<(u32, JsValue)> = Vec::new();
    let outcome = loop {
        while let Some(n) = planner.next_page(in_flight.len()) {
            in_flight.push(page(q.as_mut(), n, &prepared.options, &watched));
        }
        if planner.finished(in_flight.len()) {
            break Ok(());
        }
        let (n, result) = next_done(&mut in_flight).await;
        let step = result.and_then(|f| {
            let data = get(&f.value, "data");
            let meta = page_meta(&f.captures);
            let progress = planner.on_page(n, &meta, array_len(&data))?;
            Ok(progress.map(|p| (p, data)))
        });
        match step {
            Err(mut e) => {
                e.page.get_or_insert(n);
                break Err(Stop::Failed(e));
            }
            Ok(None) => {}
            Ok(Some((progress, data))) => {
                let at = pages.partition_point(|(m, _)| *m < n);
                pages.insert(at, (n, data));
                if let Some(f) = &on_progress {
                    if let Err(thrown) = f.call1(&JsValue::UNDEFINED, &to_js(&progress)) {
                        break Err(Stop::Thrown(thrown));
                    }
                }
            }
        }
    };
    group.abort();
    drop(in_flight);
    outcome?;
    Ok(records(&pages, all.max_items))
}

/// The request of page `n` of `q`.
fn page(
    q: &mut dyn Listing,
    n: u32,
    options: &ClientOptions,
    watched: &[web_sys::AbortSignal],
) -> InFlight {
    q.page().number = Some(n);
    let request = q.request(options.array_format);
    let call = Call::new(&request, options);
    let watched = watched.to_vec();
    Box::pin(async move { (n, fetch(&call, &watched, request.expect).await) })
}

/// The first request of `in_flight` to finish, removed from it.
async fn next_done(in_flight: &mut Vec<InFlight>) -> (u32, Result<Fetched, Error>) {
    poll_fn(|cx| {
        let ready = in_flight
            .iter_mut()
            .enumerate()
            .find_map(|(i, f)| match f.as_mut().poll(cx) {
                Poll::Ready(out) => Some((i, out)),
                Poll::Pending => None,
            });
        match ready {
            Some((i, out)) => {
                drop(in_flight.swap_remove(i));
                Poll::Ready(out)
            }
            None => Poll::Pending,
        }
    })
    .await
}

/// The records of every page, in page order, without repeated ids (a record that moved to a
/// later page while listing), at most `max_items`.
fn records(pages: &[(u32, JsValue)], max_items: Option<u32>) -> Array {
    let seen = js_sys::Set::new(&JsValue::UNDEFINED);
    let cap = max_items.unwrap_or(u32::MAX);
    let out = Array::new();
    for (_, data) in pages {
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
