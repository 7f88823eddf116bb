//! Paging arithmetic and the page planner of list-all, as pure functions and a small state
//! machine (no I/O, no time), so the rules are unit-tested on the host.
//!
//! List-all requests a first wave of pages `first..first+concurrency` at once, before
//! `total_pages` is known (on a listing shorter than the wave, at most `concurrency - 1`
//! requests return empty pages: the bounded price of not waiting a round trip for page 1).
//! After the first answer it keeps at most `concurrency` requests in flight until the last
//! page. Records are assembled in page order and de-duplicated by `id`.

use crate::client::error::{Error, ErrorCode};
use crate::client::input::Input;
use crate::client::options::integer;
use telnyx_portouts_schema::{Captures, Field, Schema, Ty};

/// Default and bounds of list-all's `concurrency`.
pub const DEFAULT_CONCURRENCY: u32 = 4;
/// Most requests list-all keeps in flight.
pub const MAX_CONCURRENCY: u32 = 16;
/// Page size list-all uses when the query sets none (the API's maximum: fewest requests).
pub const LIST_ALL_PAGE_SIZE: u32 = 250;
/// List-all never fetches more pages than this (2.5 million records at 250 a page).
pub const MAX_PAGES: u32 = 10_000;

/// The spec's `Metadata` of a list response: four required non-negative integers, read into
/// the capture slots 0..4 in [`META_FIELDS`]' order.
pub static PAGE_META: Schema = Schema::new(
    "an object",
    &[
        Field::required("page_number", Ty::Count(0)),
        Field::required("page_size", Ty::Count(1)),
        Field::required("total_pages", Ty::Count(2)),
        Field::required("total_results", Ty::Count(3)),
    ],
);

/// The `meta` object of a list response.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The page this is (1-based).
    pub page_number: u64,
    /// Records a page.
    pub page_size: u64,
    /// Pages in the whole listing.
    pub total_pages: u64,
    /// Records in the whole listing.
    pub total_results: u64,
}

/// The names of [`PageMeta`]'s fields, as the API spells them.
pub const META_FIELDS: [&str; 4] = ["page_number", "page_size", "total_pages", "total_results"];

/// The spec's `Metadata` where a list is not paged by the caller (a port-out's comments):
/// the same four numbers, each optional.
pub static LOOSE_META: Schema = Schema::new(
    "an object",
    &[
        Field::optional("page_number", Ty::Int),
        Field::optional("page_size", Ty::Int),
        Field::optional("total_pages", Ty::Int),
        Field::optional("total_results", Ty::Int),
    ],
);

/// The `meta` of a list body from the counts [`PAGE_META`] captured.
pub fn page_meta(c: &Captures) -> PageMeta {
    let [page_number, page_size, total_pages, total_results] =
        [c[0], c[1], c[2], c[3]].map(Option::unwrap_or_default);
    PageMeta {
        page_number,
        page_size,
        total_pages,
        total_results,
    }
}

/// True when a page has a successor: `page_number < total_pages` and the page is not empty.
pub fn has_next_page(meta: &PageMeta, items: usize) -> bool {
    meta.page_number < meta.total_pages && items > 0
}

/// The number of the page after the page `meta` describes (with `items` records), or `None`
/// on the last page.
pub fn next_page_number(meta: &PageMeta, items: usize) -> Option<u32> {
    has_next_page(meta, items).then(|| {
        u32::try_from(meta.page_number)
            .unwrap_or(u32::MAX)
            .saturating_add(1)
    })
}

/// List-all's own options, beside the client options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListAllOptions {
    /// Requests in flight at most, 1..=16.
    pub concurrency: u32,
    /// Stop after this many records (exactly this many returned, if there are as many).
    pub max_items: Option<u32>,
    /// True when an `onProgress` function was given.
    pub has_on_progress: bool,
}

/// The option names list-all adds to the client options.
pub const LIST_ALL_OPTION_NAMES: [&str; 3] = ["concurrency", "maxItems", "onProgress"];

impl ListAllOptions {
    /// Reads `concurrency`, `maxItems` and `onProgress` from an options object (the other
    /// options are the client options' business).
    pub fn from_input(input: &Input) -> Result<ListAllOptions, Error> {
        let mut o = ListAllOptions {
            concurrency: DEFAULT_CONCURRENCY,
            max_items: None,
            has_on_progress: false,
        };
        let v = input.member("concurrency");
        if !v.is_unset() {
            o.concurrency = integer(v, "concurrency", 1, MAX_CONCURRENCY)?;
        }
        let v = input.member("maxItems");
        if !v.is_unset() {
            o.max_items = Some(integer(v, "maxItems", 1, u32::MAX)?);
        }
        match input.member("onProgress") {
            Input::Undefined | Input::Null => {}
            Input::Opaque(crate::client::input::Opaque::Function) => o.has_on_progress = true,
            other => {
                return Err(Error::invalid_options(
                    "onProgress",
                    &format!("must be a function, got {}", other.describe()),
                ))
            }
        }
        Ok(o)
    }
}

/// Progress of a list-all call, as `onProgress` receives it (`{ pagesDone, totalPages,
/// itemsDone, totalResults }`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Pages answered (of those that hold records of the listing).
    pub pages_done: u32,
    /// Pages the listing has (as far as known).
    pub total_pages: u32,
    /// Records received so far.
    pub items_done: u64,
    /// Records in the listing (`meta.total_results`, capped by `maxItems`).
    pub total_results: u64,
}

/// Decides which page list-all requests next.
#[derive(Debug, Clone)]
pub struct Planner {
    concurrency: u32,
    first: u32,
    next: u32,
    /// Last page worth requesting, once a response told `total_pages`.
    known_last: Option<u32>,
    /// Last page `maxItems` needs.
    items_last: u32,
    /// `total_pages` of the first answer, to bound growth.
    first_total: Option<u64>,
    /// A page came back empty: no later page holds records.
    saw_empty: bool,
    pages_done: u32,
    items_done: u64,
    total_results: u64,
    max_items: Option<u32>,
}

impl Planner {
    /// A planner starting at page `first` with `page_size` records a page.
    pub fn new(first: u32, page_size: u32, options: &ListAllOptions) -> Planner {
        let first = first.max(1);
        let items_pages = options
            .max_items
            .map_or(MAX_PAGES, |m| m.div_ceil(page_size.max(1)));
        Planner {
            concurrency: options.concurrency.clamp(1, MAX_CONCURRENCY),
            first,
            next: first,
            known_last: None,
            items_last: first
                .saturating_add(items_pages.min(MAX_PAGES))
                .saturating_sub(1),
            first_total: None,
            saw_empty: false,
            pages_done: 0,
            items_done: 0,
            total_results: 0,
            max_items: options.max_items,
        }
    }

    /// The last page to request: the first wave's end until `total_pages` is known.
    fn last(&self) -> u32 {
        let wave_end = self.first.saturating_add(self.concurrency - 1);
        self.known_last.unwrap_or(wave_end).min(self.items_last)
    }

    /// The next page to request, if one should start now with `in_flight` requests running.
    pub fn next_page(&mut self, in_flight: usize) -> Option<u32> {
        if self.saw_empty || in_flight >= self.concurrency as usize || self.next > self.last() {
            return None;
        }
        let n = self.next;
        self.next = self.next.saturating_add(1);
        Some(n)
    }

    /// Records page `number`'s answer. Errors (`invalid_response`) when the server answered
    /// another page than asked, or `total_pages` grew past twice its first value (a server
    /// that would make the client page forever). Returns the progress to report, or `None`
    /// for a speculative page past the end of the listing.
    pub fn on_page(
        &mut self,
        number: u32,
        meta: &PageMeta,
        items: usize,
    ) -> Result<Option<Progress>, Error> {
        // Errors about the page: `invalid_response`, with the page number.
        let stop = |message: String| {
            let mut e = Error::new(ErrorCode::InvalidResponse, message);
            e.page = Some(number);
            Err(e)
        };
        if meta.page_number != u64::from(number) {
            return stop(format!("Asked for page {number} but the server answered page {}; it may ignore page[number], so listing stops.", meta.page_number));
        }
        let first_total = *self.first_total.get_or_insert(meta.total_pages);
        if meta.total_pages > first_total.saturating_mul(2).saturating_add(10) {
            return stop(format!("total_pages grew from {first_total} to {} while listing; stopping rather than paging without end.", meta.total_pages));
        }
        let total = u32::try_from(meta.total_pages)
            .unwrap_or(MAX_PAGES)
            .min(MAX_PAGES);
        let last = total.max(self.known_last.unwrap_or(0)).max(self.first);
        self.known_last = Some(last);
        self.total_results = self.total_results.max(meta.total_results);
        if items == 0 {
            self.saw_empty = true;
        }
        if number > self.last() || (items == 0 && number > self.first) {
            return Ok(None);
        }
        self.pages_done += 1;
        self.items_done += items as u64;
        Ok(Some(self.progress()))
    }

    /// The progress so far.
    pub fn progress(&self) -> Progress {
        let total_pages = self.last().saturating_sub(self.first).saturating_add(1);
        let cap = self.max_items.map_or(u64::MAX, u64::from);
        Progress {
            pages_done: self.pages_done.min(total_pages),
            total_pages,
            items_done: self.items_done.min(cap),
            total_results: self.total_results.min(cap),
        }
    }

    /// True when every page worth having has answered.
    pub fn finished(&self, in_flight: usize) -> bool {
        in_flight == 0 && (self.saw_empty || self.next > self.last())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_meta_schema_is_the_four_counts() {
        assert!(PAGE_META.is_sorted());
        let names: Vec<_> = PAGE_META.fields.iter().map(|f| f.name).collect();
        assert_eq!(names, META_FIELDS);
    }

    fn meta(page_number: u64, total_pages: u64, total_results: u64) -> PageMeta {
        PageMeta {
            page_number,
            page_size: 250,
            total_pages,
            total_results,
        }
    }

    fn opts(concurrency: u32, max_items: Option<u32>) -> ListAllOptions {
        ListAllOptions {
            concurrency,
            max_items,
            has_on_progress: false,
        }
    }

    /// Runs a planner against a listing of `total` records, answering requests in the order
    /// `pick` chooses among those in flight; returns the pages requested in order and the
    /// progress reports.
    fn simulate(
        total: u64,
        size: u32,
        o: ListAllOptions,
        pick: impl Fn(&[u32]) -> usize,
    ) -> (Vec<u32>, Vec<Progress>) {
        let mut p = Planner::new(1, size, &o);
        let pages = total.div_ceil(u64::from(size));
        let mut in_flight: Vec<u32> = Vec::new();
        let (mut requested, mut reports) = (Vec::new(), Vec::new());
        loop {
            while let Some(n) = p.next_page(in_flight.len()) {
                assert!(in_flight.len() < o.concurrency as usize);
                in_flight.push(n);
                requested.push(n);
            }
            if p.finished(in_flight.len()) {
                break;
            }
            let n = in_flight.remove(pick(&in_flight));
            let items = if u64::from(n) <= pages {
                (total - (u64::from(n) - 1) * u64::from(size)).min(u64::from(size))
            } else {
                0
            };
            if let Some(r) = p
                .on_page(n, &meta(u64::from(n), pages, total), items as usize)
                .ok()
                .flatten()
            {
                reports.push(r);
            }
        }
        (requested, reports)
    }

    #[test]
    fn has_next_page_rules() {
        assert!(has_next_page(&meta(1, 2, 300), 250));
        assert!(!has_next_page(&meta(2, 2, 300), 50));
        assert!(!has_next_page(&meta(1, 2, 300), 0));
        assert!(!has_next_page(&meta(1, 0, 0), 0));
    }

    #[test]
    fn fetches_every_page_once_with_bounded_concurrency() {
        for c in [1, 2, 4, 16] {
            let (requested, reports) = simulate(13 * 250, 250, opts(c, None), |_| 0);
            let mut sorted = requested.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), requested.len(), "no page twice");
            assert_eq!(sorted.first(), Some(&1));
            assert!(requested.len() as u32 <= 13.max(c), "{c}: {requested:?}");
            let last = reports.last().copied();
            assert_eq!(
                last.map(|r| (r.pages_done, r.total_pages, r.items_done, r.total_results)),
                Some((13, 13, 3250, 3250))
            );
            assert!(
                reports
                    .windows(2)
                    .all(|w| w[0].pages_done + 1 == w[1].pages_done),
                "{c}"
            );
        }
    }

    #[test]
    fn out_of_order_answers_still_cover_all_pages() {
        let (requested, reports) = simulate(20 * 250, 250, opts(4, None), |f| f.len() - 1);
        assert_eq!(requested.iter().filter(|n| **n <= 20).count(), 20);
        assert_eq!(reports.last().map(|r| r.pages_done), Some(20));
    }

    #[test]
    fn a_short_listing_wastes_at_most_the_first_wave() {
        let (requested, reports) = simulate(100, 250, opts(4, None), |_| 0);
        assert_eq!(requested, vec![1, 2, 3, 4]);
        assert_eq!(reports.len(), 1);
        assert_eq!(
            reports.last().map(|r| (r.pages_done, r.total_pages)),
            Some((1, 1))
        );
        let (requested, reports) = simulate(0, 250, opts(4, None), |_| 0);
        assert_eq!(requested.len(), 4);
        assert_eq!(
            reports
                .last()
                .map(|r| (r.pages_done, r.total_pages, r.items_done)),
            Some((1, 1, 0))
        );
    }

    #[test]
    fn max_items_limits_the_pages() {
        let (requested, reports) = simulate(10_000, 100, opts(4, Some(250)), |_| 0);
        assert_eq!(requested, vec![1, 2, 3]);
        assert_eq!(
            reports
                .last()
                .map(|r| (r.pages_done, r.total_pages, r.items_done, r.total_results)),
            Some((3, 3, 250, 250))
        );
    }

    #[test]
    fn rejects_a_server_that_ignores_the_page_or_grows_without_end() {
        let mut p = Planner::new(1, 250, &opts(4, None));
        assert!(p.on_page(1, &meta(1, 5, 1200), 250).is_ok());
        let e = p.on_page(2, &meta(1, 5, 1200), 250).err();
        assert_eq!(
            e.as_ref().map(|e| (e.code, e.page)),
            Some((ErrorCode::InvalidResponse, Some(2)))
        );
        let e = p.on_page(3, &meta(3, 500, 125_000), 250).err();
        assert_eq!(e.map(|e| e.code), Some(ErrorCode::InvalidResponse));
        assert!(
            p.on_page(4, &meta(4, 7, 1700), 250).is_ok(),
            "modest growth is fine"
        );
    }

    #[test]
    fn validates_list_all_options() {
        let obj = |k: &str, v: Input| Input::Object(vec![(k.to_string(), v)]);
        assert_eq!(
            ListAllOptions::from_input(&Input::Undefined).map(|o| o.concurrency),
            Ok(4)
        );
        assert!(ListAllOptions::from_input(&obj("concurrency", Input::Number(17.0))).is_err());
        assert!(ListAllOptions::from_input(&obj("concurrency", Input::Number(0.0))).is_err());
        assert!(ListAllOptions::from_input(&obj("maxItems", Input::Number(0.0))).is_err());
        assert_eq!(
            ListAllOptions::from_input(&obj("maxItems", Input::Number(7.0))).map(|o| o.max_items),
            Ok(Some(7))
        );
        let e = ListAllOptions::from_input(&obj("onProgress", Input::String("x".into()))).err();
        assert_eq!(
            e.and_then(|e| e.path.clone()).as_deref(),
            Some("onProgress")
        );
        assert_eq!(
            ListAllOptions::from_input(&obj(
                "onProgress",
                Input::Opaque(crate::client::input::Opaque::Function)
            ))
            .map(|o| o.has_on_progress),
            Ok(true)
        );
    }
}
