//! The wasm test suite, shared by two harnesses: `tests/node.rs` (runs in Node) and
//! `tests/browser.rs` (runs in headless Chromium). It calls the exported API the way JS
//! does, against the mock Telnyx server the test script starts on 127.0.0.1 (`MOCK_URL`).

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// The exports as JS sees them: the two generic exports (`callOperation`, `listAllOperation`)
/// awaited as JS awaits their Promises, under the names of the package's functions.
mod api {
    use js_sys::Array;
    pub use telnyx_portouts::wasm::{
        build_portouts_query, parse_portouts_query, parse_portouts_response, read_live_event,
    };
    use telnyx_portouts::wasm::{call_operation, list_all_operation};
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;

    fn args(values: &[JsValue]) -> Array {
        values.iter().collect()
    }

    /// `callOperation(name, [...args, options])`.
    pub async fn call(name: &str, values: &[JsValue]) -> Result<JsValue, JsValue> {
        JsFuture::from(call_operation(name.into(), args(values))).await
    }

    /// `listAllOperation(name, [query, options])`.
    async fn all(name: &str, query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        JsFuture::from(list_all_operation(name.into(), args(&[query, options]))).await
    }

    macro_rules! operations {
        ($($fn:ident = $name:literal ($($arg:ident),*);)*) => {
            $(
                pub async fn $fn($($arg: JsValue,)* options: JsValue) -> Result<JsValue, JsValue> {
                    call($name, &[$($arg,)* options]).await
                }
            )*
            /// The operations wrapped here, as (name, arguments before the options).
            pub const WRAPPED: &[(&str, usize)] = &[$(($name, 0 $(+ { let _ = stringify!($arg); 1 })*)),*];
        };
    }
    operations! {
        list_portouts = "listPortouts"(query);
        get_portout = "getPortout"(id);
        update_portout_status = "updatePortoutStatus"(id, status, params);
        list_portout_rejection_codes = "listPortoutRejectionCodes"(id, query);
        list_portout_comments = "listPortoutComments"(id);
        create_portout_comment = "createPortoutComment"(id, comment);
        list_portout_supporting_documents = "listPortoutSupportingDocuments"(id);
        create_portout_supporting_documents = "createPortoutSupportingDocuments"(id, params);
        list_portout_events = "listPortoutEvents"(query);
        get_portout_event = "getPortoutEvent"(id);
        republish_portout_event = "republishPortoutEvent"(id);
        list_portout_reports = "listPortoutReports"(query);
        create_portout_report = "createPortoutReport"(report);
        get_portout_report = "getPortoutReport"(id);
    }

    pub async fn list_all_portouts(query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        all("listPortouts", query, options).await
    }
    pub async fn list_all_portout_events(q: JsValue, o: JsValue) -> Result<JsValue, JsValue> {
        all("listPortoutEvents", q, o).await
    }
}

const MOCK_URL: &str = match option_env!("MOCK_URL") {
    Some(u) => u,
    None => "http://127.0.0.1:38787",
};

#[wasm_bindgen(inline_js = r#"
export async function getJson(url) { const r = await fetch(url); return r.json(); }
export function hostile(name) {
  switch (name) {
    case 'throwingGetter': return { get filter() { throw new Error('boom'); } };
    case 'throwingOwnKeys': return { filter: new Proxy({}, { ownKeys() { throw new Error('no keys'); } }) };
    case 'revokedProxy': { const r = Proxy.revocable({}, {}); r.revoke(); return { filter: r.proxy }; }
    case 'symbol': return { filter: { pon: Symbol('x') } };
    case 'bigint': return { page: { size: 10n } };
    case 'deep': { let o = {}; const top = o; for (let i = 0; i < 1000; i++) { o.filter = {}; o = o.filter; } return top; }
    case 'protoKey': return JSON.parse('{"filter":{"__proto__":{"status":"pending"}}}');
    case 'loneSurrogate': return { filter: { pon: 'a\uD800b' } };
    case 'hugeString': return { filter: { carrier_name: 'x'.repeat(5_000_000) } };
    case 'date': return { filter: { inserted_at: { gte: new Date(Date.UTC(2025, 0, 1)) } } };
    case 'invalidDate': return { filter: { foc_date: new Date(NaN) } };
    case 'nan': return { page: { number: NaN } };
    case 'function': return { filter: () => 1 };
  }
}
export function abortedSignal() { const c = new AbortController(); c.abort(); return c.signal; }
export function abortLater(ms) { const c = new AbortController(); setTimeout(() => c.abort(), ms); return c.signal; }
export function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }
export function isPortoutsError(e) { return e instanceof Error && e.name === 'PortoutsError' && e.constructor.name === 'PortoutsError'; }
"#)]
extern "C" {
    #[wasm_bindgen(js_name = getJson)]
    async fn get_json(url: &str) -> JsValue;
    fn hostile(name: &str) -> JsValue;
    #[wasm_bindgen(js_name = abortedSignal)]
    fn aborted_signal() -> JsValue;
    #[wasm_bindgen(js_name = abortLater)]
    fn abort_later(ms: u32) -> JsValue;
    async fn sleep(ms: u32) -> JsValue;
    #[wasm_bindgen(js_name = isPortoutsError)]
    fn is_portouts_error(e: &JsValue) -> bool;
}

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::UNDEFINED)
}

fn prop(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(v: &JsValue, key: &str) -> String {
    prop(v, key).as_string().unwrap_or_default()
}

fn num(v: &JsValue, key: &str) -> f64 {
    prop(v, key).as_f64().unwrap_or(f64::NAN)
}

fn len(v: &JsValue) -> u32 {
    v.dyn_ref::<Array>().map_or(0, Array::length)
}

/// A tag unique to this test run, so the mock's per-directive counters are ours alone.
fn tag(name: &str) -> String {
    format!("{name}{}", (js_sys::Math::random() * 1e9) as u64)
}

/// Options pointing at the mock, with fault directives (`""` for none).
fn options(directives: &str, extra: &str) -> JsValue {
    let base = if directives.is_empty() {
        format!("{MOCK_URL}/v2")
    } else {
        format!("{MOCK_URL}/__mock/{directives}/v2")
    };
    let comma = if extra.is_empty() { "" } else { "," };
    js(&format!(
        r#"{{"baseUrl":"{base}","maxRetries":0{comma}{extra}}}"#
    ))
}

async fn requests_for(tag: &str) -> f64 {
    num(
        &get_json(&format!("{MOCK_URL}/__stats?tag={tag}")).await,
        "requests",
    )
}

async fn expect_err(result: Result<JsValue, JsValue>, code: &str) -> JsValue {
    let e = match result {
        Ok(v) => panic!("expected {code}, got {v:?}"),
        Err(e) => e,
    };
    assert!(is_portouts_error(&e), "not a PortoutsError: {e:?}");
    assert_eq!(text(&e, "code"), code, "{}", text(&e, "message"));
    e
}

#[wasm_bindgen_test]
async fn lists_the_default_page() {
    let page = api::list_portouts(JsValue::UNDEFINED, options("", ""))
        .await
        .unwrap();
    assert_eq!(len(&prop(&page, "data")), 20);
    let meta = prop(&page, "meta");
    assert_eq!(num(&meta, "page_size"), 20.0);
    assert_eq!(num(&meta, "total_results"), 1000.0);
    assert!(text(&page, "requestId").starts_with("req-"));
}

#[wasm_bindgen_test]
async fn filters_narrow_the_results_as_the_server_applies_them() {
    let t = tag("filter");
    let q = js(
        r#"{"filter":{"status_in":["pending","ported"],"country_code":"us"},"page":{"size":50}}"#,
    );
    let page = api::list_portouts(q, options(&format!("tag={t}"), ""))
        .await
        .unwrap();
    let data = prop(&page, "data").unchecked_into::<Array>();
    assert!(data.length() > 0);
    for r in data.iter() {
        let status = text(&r, "status");
        assert!(status == "pending" || status == "ported", "{status}");
    }
    let log = get_json(&format!("{MOCK_URL}/__log?tag={t}")).await;
    let entry = log.unchecked_into::<Array>().get(0);
    assert_eq!(
        text(&entry, "query"),
        "filter%5Bcountry_code%5D=US&filter%5Bstatus_in%5D=pending%2Cported&page%5Bsize%5D=50"
    );
}

#[wasm_bindgen_test]
async fn invalid_filters_reject_before_any_request() {
    let t = tag("invalid");
    let cases = [
        (r#"{"filter":{"statusIn":["pending"]}}"#, "filter.statusIn"),
        (
            r#"{"filter":{"phone_number":"555-1212"}}"#,
            "filter.phone_number",
        ),
        (r#"{"page":{"size":251}}"#, "page.size"),
        (r#"{"page_size":10}"#, "page_size"),
    ];
    for (q, path) in cases {
        let e = expect_err(
            api::list_portouts(js(q), options(&format!("tag={t}"), "")).await,
            "invalid_filter",
        )
        .await;
        assert_eq!(text(&e, "path"), path);
    }
    let e = expect_err(
        api::list_portouts(JsValue::UNDEFINED, js(r#"{"baseURL":"x"}"#)).await,
        "invalid_options",
    )
    .await;
    assert!(text(&e, "message").contains("did you mean 'baseUrl'"));
    assert_eq!(requests_for(&t).await, 0.0);
}

#[wasm_bindgen_test]
async fn maps_401_with_the_telnyx_errors_and_succeeds_with_the_key() {
    let t = tag("auth");
    let dirs = format!("tag={t},auth=KEY-1");
    let e = expect_err(
        api::list_portouts(JsValue::UNDEFINED, options(&dirs, "")).await,
        "authentication",
    )
    .await;
    assert_eq!(num(&e, "status"), 401.0);
    assert_eq!(prop(&e, "retryable"), JsValue::FALSE);
    assert_eq!(
        text(&Array::from(&prop(&e, "errors")).get(0), "title"),
        "Authentication failed"
    );
    assert!(text(&e, "requestId").starts_with("req-"));
    let ok = api::list_portouts(JsValue::UNDEFINED, options(&dirs, r#""apiKey":"KEY-1""#)).await;
    assert!(ok.is_ok());
}

#[wasm_bindgen_test]
async fn maps_http_statuses_to_codes() {
    for (status, code) in [
        (403, "permission_denied"),
        (404, "not_found"),
        (422, "unprocessable"),
        (429, "rate_limited"),
        (500, "server_error"),
        (418, "http_error"),
    ] {
        let dirs = format!("tag={},status={status}", tag("st"));
        let e = expect_err(
            api::list_portouts(JsValue::UNDEFINED, options(&dirs, "")).await,
            code,
        )
        .await;
        assert_eq!(num(&e, "status"), f64::from(status));
    }
}

#[wasm_bindgen_test]
async fn retries_a_429_honouring_retry_after_then_succeeds() {
    let t = tag("retry");
    let dirs = format!("tag={t},status=429,times=1,retry_after=0");
    let page = api::list_portouts(JsValue::UNDEFINED, options(&dirs, r#""maxRetries":2"#)).await;
    assert_eq!(len(&prop(&page.unwrap(), "data")), 20);
    assert_eq!(requests_for(&t).await, 2.0);
}

#[wasm_bindgen_test]
async fn a_500_storm_stops_after_max_retries() {
    let t = tag("storm");
    let dirs = format!("tag={t},status=503,retry_after=0");
    let e = expect_err(
        api::list_portouts(JsValue::UNDEFINED, options(&dirs, r#""maxRetries":2"#)).await,
        "server_error",
    )
    .await;
    assert_eq!(prop(&e, "retryable"), JsValue::TRUE);
    assert!(text(&e, "message").contains("after 3 attempts"));
    assert_eq!(requests_for(&t).await, 3.0);
}

#[wasm_bindgen_test]
async fn times_out_a_server_that_never_answers() {
    let dirs = format!("tag={},hang=1", tag("hang"));
    let e = expect_err(
        api::list_portouts(JsValue::UNDEFINED, options(&dirs, r#""timeoutMs":300"#)).await,
        "timeout",
    )
    .await;
    assert!(text(&e, "message").contains("300 ms"));
}

#[wasm_bindgen_test]
async fn aborts_at_once_and_mid_request() {
    let t = tag("abort");
    let o = options(&format!("tag={t},latency=5000"), "");
    Reflect::set(&o, &"signal".into(), &aborted_signal()).unwrap();
    expect_err(api::list_portouts(JsValue::UNDEFINED, o).await, "aborted").await;
    assert_eq!(requests_for(&t).await, 0.0);
    let o = options(&format!("tag={t},latency=5000"), "");
    Reflect::set(&o, &"signal".into(), &abort_later(100)).unwrap();
    let started = js_sys::Date::now();
    expect_err(api::list_portouts(JsValue::UNDEFINED, o).await, "aborted").await;
    assert!(js_sys::Date::now() - started < 3000.0);
}

#[wasm_bindgen_test]
async fn rejects_bad_response_bodies() {
    for (body, code, path) in [
        ("wrong_type", "invalid_response", "data[0].phone_numbers"),
        ("truncated", "invalid_response", ""),
        ("notjson", "invalid_response", ""),
        ("empty", "invalid_response", ""),
        ("html", "server_error", ""),
        ("drop", "network", ""),
    ] {
        let dirs = format!("tag={},body={body}", tag("body"));
        let e = expect_err(
            api::list_portouts(JsValue::UNDEFINED, options(&dirs, "")).await,
            code,
        )
        .await;
        if !path.is_empty() {
            assert_eq!(text(&e, "path"), path);
        }
    }
}

#[wasm_bindgen_test]
async fn never_leaks_the_api_key() {
    let dirs = format!("tag={},body=echo_auth", tag("leak"));
    let e = api::list_portouts(
        JsValue::UNDEFINED,
        options(&dirs, r#""apiKey":"SECRET-KEY-123""#),
    )
    .await
    .unwrap_err();
    let everything = format!(
        "{} {} {:?}",
        js_sys::JSON::stringify(&e)
            .map(String::from)
            .unwrap_or_default(),
        js_sys::JSON::stringify(&prop(&e, "errors"))
            .map(String::from)
            .unwrap_or_default(),
        e
    );
    assert!(!everything.contains("SECRET-KEY-123"), "{everything}");
    assert!(everything.contains("[REDACTED]"), "{everything}");
    assert!(!text(&e, "message").contains("SECRET-KEY-123"));
    assert!(!text(&e, "stack").contains("SECRET-KEY-123"));
}

#[wasm_bindgen_test]
async fn refuses_to_send_a_key_over_plain_http_to_a_remote_host() {
    let o = js(r#"{"baseUrl":"http://api.telnyx.com/v2","apiKey":"K"}"#);
    expect_err(
        api::list_portouts(JsValue::UNDEFINED, o).await,
        "insecure_transport",
    )
    .await;
}

#[wasm_bindgen_test]
async fn gets_one_portout_and_maps_404() {
    let page = api::list_portouts(JsValue::UNDEFINED, options("", ""))
        .await
        .unwrap();
    let first = Array::from(&prop(&page, "data")).get(0);
    let id = text(&first, "id");
    let one = api::get_portout(JsValue::from_str(&id), options("", ""))
        .await
        .unwrap();
    assert_eq!(text(&one, "id"), id);
    assert_eq!(text(&one, "support_key"), text(&first, "support_key"));
    expect_err(
        api::get_portout(
            "00000000-0000-4000-8000-000000000000".into(),
            options("", ""),
        )
        .await,
        "not_found",
    )
    .await;
    let e = expect_err(
        api::get_portout("../portouts".into(), options("", "")).await,
        "invalid_params",
    )
    .await;
    assert_eq!(text(&e, "path"), "id");
}

#[wasm_bindgen_test]
fn builds_and_parses_query_strings() {
    let q = js(
        r#"{"filter":{"status_in":["pending","ported"],"carrier_name":"AT&T"},"page":{"number":2}}"#,
    );
    let s = api::build_portouts_query(q.clone(), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        s,
        "filter%5Bcarrier_name%5D=AT%26T&filter%5Bstatus_in%5D=pending%2Cported&page%5Bnumber%5D=2"
    );
    let brackets = api::build_portouts_query(q, js(r#"{"arrayFormat":"brackets"}"#)).unwrap();
    let back = api::parse_portouts_query(brackets.into()).unwrap();
    assert_eq!(
        api::build_portouts_query(back, JsValue::UNDEFINED).unwrap(),
        s
    );
    let e = api::parse_portouts_query("filter[nope]=1".into()).unwrap_err();
    assert_eq!(text(&e, "code"), "invalid_filter");
}

#[wasm_bindgen_test]
fn parses_response_bodies_from_strings_and_bytes() {
    let body = r#"{"data":[{"id":"a","phone_numbers":["+13035551212"],"extra":1}],"meta":{"page_number":1,"page_size":20,"total_pages":1,"total_results":1}}"#;
    let from_text = api::parse_portouts_response(body.into()).unwrap();
    assert_eq!(
        num(&Array::from(&prop(&from_text, "data")).get(0), "extra"),
        1.0
    );
    let bytes = js_sys::Uint8Array::from(format!("\u{feff}{body}").as_bytes());
    let from_bytes = api::parse_portouts_response(bytes.into()).unwrap();
    assert_eq!(num(&prop(&from_bytes, "meta"), "total_results"), 1.0);
    let bad = api::parse_portouts_response(r#"{"data":[{"id":5}],"meta":{}}"#.into()).unwrap_err();
    assert_eq!(text(&bad, "code"), "invalid_response");
    assert_eq!(text(&bad, "path"), "data[0].id");
    let not_body = api::parse_portouts_response(JsValue::from_f64(1.0)).unwrap_err();
    assert_eq!(text(&not_body, "code"), "invalid_response");
}

/// The gateway's live stream: each event is read by the events API's record schema and must
/// be a port-out event of the stream's type, with an id and `record_type` `event`.
#[wasm_bindgen_test]
fn reads_live_events_and_refuses_others() {
    let event = |over: &str| {
        format!(
            r#"{{"data":{{"event_type":"portout.new_comment","id":"e1","occurred_at":"2026-12-06T00:00:00Z","payload":{{"id":"c1","comment":"hi","portout_id":"p1","user_id":null}},"record_type":"event"{over}}},"meta":{{"attempt":1}}}}"#
        )
    };
    let read = |t: &str, json: &str| {
        api::read_live_event(&JsValue::from_str(t), &js_sys::JsString::from(json))
    };
    let data = read("portout.new_comment", &event("")).unwrap();
    assert_eq!(text(&data, "id"), "e1");
    assert_eq!(text(&data, "occurred_at"), "2026-12-06T00:00:00Z");
    assert_eq!(text(&prop(&data, "payload"), "comment"), "hi");
    let refused = [
        (
            "portout.new_comment",
            event(r#","payload":{"comment":5}"#),
            "data.payload.comment",
        ),
        ("portout.status_changed", event(""), ""),
        (
            "call.initiated",
            event(r#","event_type":"call.initiated""#),
            "",
        ),
        (
            "portout.new_comment",
            event(r#","record_type":"thing""#),
            "",
        ),
        ("portout.new_comment", event(r#","id":7"#), "data.id"),
        ("portout.new_comment", "[]".to_string(), ""),
    ];
    for (t, json, path) in refused {
        let e = read(t, &json).unwrap_err();
        assert_eq!(text(&e, "code"), "invalid_webhook", "{t} {json}");
        assert_eq!(
            text(&e, "path"),
            path,
            "{t} {json}: {}",
            text(&e, "message")
        );
    }
}

/// serde_json scans strings a word at a time, and the body is checked as UTF-8 as a whole: a
/// byte that needs attention must be found, with its path, at every offset within and across
/// those blocks.
#[wasm_bindgen_test]
fn finds_special_bytes_at_every_offset_of_a_string() {
    let page = |id: &[u8]| {
        let mut b = br#"{"data":[{"id":""#.to_vec();
        b.extend_from_slice(id);
        b.extend_from_slice(
            br#""}],"meta":{"page_number":1,"page_size":20,"total_pages":1,"total_results":1}}"#,
        );
        js_sys::Uint8Array::from(b.as_slice())
    };
    for offset in 0..40 {
        let at = |special: &[u8]| {
            let mut id = vec![b'a'; offset];
            id.extend_from_slice(special);
            id.extend_from_slice(b"z");
            page(&id)
        };
        for bad in [&[0x01u8][..], &[0x1f], &[0xff], &[0xc3]] {
            let e = api::parse_portouts_response(at(bad).into()).unwrap_err();
            // The validator's verdict carries the path; JSON.parse's would not.
            assert_eq!(text(&e, "path"), "data[0].id", "{bad:?} at {offset}");
        }
        for (good, decoded) in [
            (&b"\\\""[..], "\""),
            (&b"\\n"[..], "\n"),
            ("\u{7f}".as_bytes(), "\u{7f}"),
            ("é€😀".as_bytes(), "é€😀"),
        ] {
            let page = api::parse_portouts_response(at(good).into())
                .unwrap_or_else(|e| panic!("{good:?} at {offset}: {}", text(&e, "message")));
            let id = text(&Array::from(&prop(&page, "data")).get(0), "id");
            assert_eq!(id, format!("{}{decoded}z", "a".repeat(offset)));
        }
    }
}

#[wasm_bindgen_test]
async fn hostile_inputs_fail_cleanly_and_the_instance_keeps_working() {
    for (name, code) in [
        ("throwingGetter", "invalid_filter"),
        ("throwingOwnKeys", "invalid_filter"),
        ("revokedProxy", "invalid_filter"),
        ("symbol", "invalid_filter"),
        ("bigint", "invalid_filter"),
        ("deep", "invalid_filter"),
        ("protoKey", "invalid_filter"),
        ("loneSurrogate", "invalid_filter"),
        ("hugeString", "invalid_filter"),
        ("invalidDate", "invalid_filter"),
        ("nan", "invalid_filter"),
        ("function", "invalid_filter"),
    ] {
        let r = api::build_portouts_query(hostile(name), JsValue::UNDEFINED);
        let e = r.expect_err(name);
        assert_eq!(text(&e, "code"), code, "{name}: {}", text(&e, "message"));
        let r = api::list_portouts(hostile(name), options("", "")).await;
        expect_err(r, code).await;
    }
    let dated = api::build_portouts_query(hostile("date"), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        dated,
        "filter%5Binserted_at%5D%5Bgte%5D=2025-01-01T00%3A00%3A00.000Z"
    );
    assert!(api::list_portouts(JsValue::UNDEFINED, options("", ""))
        .await
        .is_ok());
}

#[wasm_bindgen(inline_js = r#"
export function progressRecorder() { const calls = []; const f = (p) => calls.push({ ...p }); f.calls = calls; return f; }
export function throwingCallback() { return () => { throw new Error('from onProgress'); }; }
"#)]
extern "C" {
    #[wasm_bindgen(js_name = progressRecorder)]
    fn progress_recorder() -> js_sys::Function;
    #[wasm_bindgen(js_name = throwingCallback)]
    fn throwing_callback() -> js_sys::Function;
}

fn ids(records: &JsValue) -> Vec<String> {
    Array::from(records)
        .iter()
        .map(|r| text(&r, "id"))
        .collect()
}

async fn sequential_ids(directives: &str, size: u32) -> Vec<String> {
    let mut out = Vec::new();
    let mut n = 1;
    loop {
        let q = js(&format!(r#"{{"page":{{"number":{n},"size":{size}}}}}"#));
        let page = api::list_portouts(q, options(directives, ""))
            .await
            .unwrap();
        out.extend(ids(&prop(&page, "data")));
        if prop(&page, "next").is_null() {
            return out;
        }
        n += 1;
    }
}

#[wasm_bindgen_test]
async fn list_all_over_13_pages_equals_a_sequential_listing() {
    let t = tag("all13");
    let dirs = format!("tag={t},count=325,latency=20");
    let recorder = progress_recorder();
    let o = options(&dirs, r#""concurrency":3"#);
    Reflect::set(&o, &"onProgress".into(), &recorder).unwrap();
    let all = api::list_all_portouts(js(r#"{"page":{"size":25}}"#), o)
        .await
        .unwrap();
    let expected = sequential_ids("count=325", 25).await;
    assert_eq!(expected.len(), 325);
    assert_eq!(ids(&all), expected);
    let stats = get_json(&format!("{MOCK_URL}/__stats?tag={t}")).await;
    assert!(num(&stats, "maxInFlight") <= 3.0, "{:?}", stats);
    assert_eq!(num(&stats, "maxInFlight"), 3.0);
    assert_eq!(num(&stats, "requests"), 13.0);
    let calls = Array::from(&prop(&recorder, "calls"));
    assert_eq!(calls.length(), 13);
    for (i, c) in calls.iter().enumerate() {
        assert_eq!(num(&c, "pagesDone"), (i + 1) as f64);
        assert_eq!(num(&c, "totalPages"), 13.0);
        assert_eq!(num(&c, "totalResults"), 325.0);
    }
    assert_eq!(num(&calls.get(12), "itemsDone"), 325.0);
}

#[wasm_bindgen_test]
async fn list_all_uses_250_a_page_by_default_and_needs_one_request_for_a_short_listing() {
    let t = tag("all1");
    let all = api::list_all_portouts(
        JsValue::UNDEFINED,
        options(&format!("tag={t},count=240"), r#""concurrency":1"#),
    )
    .await
    .unwrap();
    assert_eq!(len(&all), 240);
    let log = get_json(&format!("{MOCK_URL}/__log?tag={t}"))
        .await
        .unchecked_into::<Array>();
    assert_eq!(log.length(), 1);
    assert!(text(&log.get(0), "query").contains("page%5Bsize%5D=250"));
}

#[wasm_bindgen_test]
async fn a_failing_page_rejects_with_its_number_and_aborts_the_rest() {
    let t = tag("fail7");
    let dirs = format!("tag={t},count=325,fail_page=7,status=500,latency=50");
    let o = options(&dirs, r#""concurrency":4"#);
    let e = expect_err(
        api::list_all_portouts(js(r#"{"page":{"size":25}}"#), o).await,
        "server_error",
    )
    .await;
    assert_eq!(num(&e, "page"), 7.0);
    let stats = get_json(&format!("{MOCK_URL}/__stats?tag={t}")).await;
    assert!(
        num(&stats, "requests") < 13.0,
        "stopped early: {}",
        num(&stats, "requests")
    );
}

#[wasm_bindgen_test]
async fn list_all_stops_at_max_items_exactly() {
    let t = tag("max");
    let o = options(&format!("tag={t},count=325"), r#""maxItems":60"#);
    let all = api::list_all_portouts(js(r#"{"page":{"size":25}}"#), o)
        .await
        .unwrap();
    assert_eq!(len(&all), 60);
    assert_eq!(
        ids(&all),
        sequential_ids("count=325", 25).await[..60].to_vec()
    );
    assert_eq!(requests_for(&t).await, 3.0);
}

#[wasm_bindgen_test]
async fn list_all_aborts_mid_way() {
    let t = tag("allabort");
    let o = options(
        &format!("tag={t},count=325,latency=200"),
        r#""concurrency":2"#,
    );
    Reflect::set(&o, &"signal".into(), &abort_later(300)).unwrap();
    expect_err(
        api::list_all_portouts(js(r#"{"page":{"size":25}}"#), o).await,
        "aborted",
    )
    .await;
    assert!(requests_for(&t).await < 13.0);
}

#[wasm_bindgen_test]
async fn list_all_has_no_duplicates_when_records_are_inserted_while_listing() {
    let dirs = format!("tag={},count=300,grow=7", tag("grow"));
    let all = api::list_all_portouts(
        js(r#"{"page":{"size":25}}"#),
        options(&dirs, r#""concurrency":2"#),
    )
    .await
    .unwrap();
    let all_ids = ids(&all);
    let mut unique = all_ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all_ids.len());
    assert!(all_ids.len() >= 300);
}

#[wasm_bindgen_test]
async fn list_all_validates_its_options_and_passes_on_progress_errors_through() {
    let e = expect_err(
        api::list_all_portouts(JsValue::UNDEFINED, options("", r#""concurrency":17"#)).await,
        "invalid_options",
    )
    .await;
    assert_eq!(text(&e, "path"), "concurrency");
    let e = expect_err(
        api::list_all_portouts(JsValue::UNDEFINED, options("", r#""concurency":2"#)).await,
        "invalid_options",
    )
    .await;
    assert!(text(&e, "message").contains("did you mean 'concurrency'"));
    let o = options("count=100", "");
    Reflect::set(&o, &"onProgress".into(), &throwing_callback()).unwrap();
    let thrown = api::list_all_portouts(JsValue::UNDEFINED, o)
        .await
        .unwrap_err();
    assert_eq!(text(&thrown, "message"), "from onProgress");
}

#[wasm_bindgen_test]
async fn pages_carry_the_next_query() {
    let page = api::list_portouts(
        js(r#"{"filter":{"status":"pending"},"page":{"size":10}}"#),
        options("", ""),
    )
    .await
    .unwrap();
    let next = prop(&page, "next");
    assert_eq!(num(&prop(&next, "page"), "number"), 2.0);
    assert_eq!(text(&prop(&next, "filter"), "status"), "pending");
    let last = api::list_portouts(js(r#"{"page":{"number":100,"size":10}}"#), options("", ""))
        .await
        .unwrap();
    assert!(prop(&last, "next").is_null());
}

// ---- The rest of the resource: comments, documents, status, rejections, events, reports ----

/// The id of the first port-out of a listing with this filter (JSON), or of any.
async fn first_id(filter: &str) -> String {
    let q = js(&format!(r#"{{"filter":{filter},"page":{{"size":1}}}}"#));
    let page = api::list_portouts(q, options("", "")).await.unwrap();
    text(&Array::from(&prop(&page, "data")).get(0), "id")
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

#[wasm_bindgen_test]
async fn comments_persist_and_blank_ones_are_refused_before_sending() {
    let id = first_id("{}").await;
    let before = len(&api::list_portout_comments(s(&id), options("", ""))
        .await
        .unwrap());
    let body = format!("Customer called {}", tag("c"));
    let made = api::create_portout_comment(
        s(&id),
        js(&format!(r#"{{"body":"{body}"}}"#)),
        options("", ""),
    )
    .await
    .unwrap();
    assert_eq!(text(&made, "body"), body);
    assert_eq!(text(&made, "portout_id"), id);
    let after = api::list_portout_comments(s(&id), options("", ""))
        .await
        .unwrap();
    assert_eq!(len(&after), before + 1);
    let bodies: Vec<String> = Array::from(&after)
        .iter()
        .map(|c| text(&c, "body"))
        .collect();
    assert!(bodies.contains(&body), "{bodies:?}");
    let t = tag("blank");
    let e = expect_err(
        api::create_portout_comment(
            s(&id),
            js(r#"{"body":"  "}"#),
            options(&format!("tag={t}"), ""),
        )
        .await,
        "invalid_params",
    )
    .await;
    assert_eq!(text(&e, "path"), "body");
    assert_eq!(requests_for(&t).await, 0.0);
    expect_err(
        api::list_portout_comments(s("not-a-uuid"), options("", "")).await,
        "invalid_params",
    )
    .await;
}

#[wasm_bindgen_test]
async fn supporting_documents_are_attached_and_listed() {
    let id = first_id("{}").await;
    let doc = "f1c5e079-9d82-4f50-95bc-ae2f6b8d84d7";
    let made = api::create_portout_supporting_documents(
        s(&id),
        js(&format!(r#"{{"documents":[{{"type":"loa","document_id":"{doc}"}},{{"type":"invoice","document_id":"{doc}"}}]}}"#)),
        options("", ""),
    )
    .await
    .unwrap();
    assert_eq!(len(&made), 2);
    let listed = api::list_portout_supporting_documents(s(&id), options("", ""))
        .await
        .unwrap();
    let types: Vec<String> = Array::from(&listed)
        .iter()
        .map(|d| text(&d, "type"))
        .collect();
    assert!(types.contains(&"loa".to_string()) && types.contains(&"invoice".to_string()));
    let e = expect_err(
        api::create_portout_supporting_documents(
            s(&id),
            js(r#"{"documents":[{"type":"pdf","document_id":"x"}]}"#),
            options("", ""),
        )
        .await,
        "invalid_params",
    )
    .await;
    assert_eq!(text(&e, "path"), "documents[0].type");
}

#[wasm_bindgen_test]
async fn a_status_change_updates_the_record_and_appends_an_event() {
    let id = first_id(r#"{"status":"pending"}"#).await;
    let e = expect_err(
        api::update_portout_status(s(&id), s("rejected-pending"), js("{}"), options("", "")).await,
        "invalid_params",
    )
    .await;
    assert_eq!(text(&e, "path"), "reason");
    let e = expect_err(
        api::update_portout_status(
            s(&id),
            s("authorised"),
            js(r#"{"reason":""}"#),
            options("", ""),
        )
        .await,
        "invalid_params",
    )
    .await;
    assert!(text(&e, "message").contains("did you mean 'authorized'?"));
    let updated = api::update_portout_status(
        s(&id),
        s("authorized"),
        js(r#"{"reason":"Customer confirmed","host_messaging":true}"#),
        options("", ""),
    )
    .await
    .unwrap();
    assert_eq!(text(&updated, "status"), "authorized");
    let again = api::get_portout(s(&id), options("", "")).await.unwrap();
    assert_eq!(text(&again, "status"), "authorized");
    let q = js(&format!(
        r#"{{"filter":{{"portout_id":"{id}","event_type":"portout.status_changed"}}}}"#
    ));
    let events = api::list_portout_events(q, options("", "")).await.unwrap();
    let statuses: Vec<String> = Array::from(&prop(&events, "data"))
        .iter()
        .map(|e| text(&prop(&e, "payload"), "status"))
        .collect();
    assert!(statuses.contains(&"authorized".to_string()), "{statuses:?}");
}

#[wasm_bindgen_test]
async fn rejection_codes_are_listed_and_filtered() {
    let id = first_id("{}").await;
    let all = api::list_portout_rejection_codes(s(&id), JsValue::UNDEFINED, options("", ""))
        .await
        .unwrap();
    assert!(len(&all) >= 2);
    let first = Array::from(&all).get(0);
    let code = num(&first, "code");
    let one = api::list_portout_rejection_codes(
        s(&id),
        js(&format!(r#"{{"filter":{{"code":[{code}]}}}}"#)),
        options("", ""),
    )
    .await
    .unwrap();
    assert_eq!(len(&one), 1);
    assert_eq!(num(&Array::from(&one).get(0), "code"), code);
    expect_err(
        api::list_portout_rejection_codes(
            s(&id),
            js(r#"{"filter":{"code":"x"}}"#),
            options("", ""),
        )
        .await,
        "invalid_filter",
    )
    .await;
}

#[wasm_bindgen_test]
async fn events_page_get_and_republish() {
    // FOC date changes: no test adds any, so the listing is the same for both calls below.
    let q = r#"{"filter":{"event_type":"portout.foc_date_changed"},"page":{"size":2}}"#;
    let page = api::list_portout_events(js(q), options("", ""))
        .await
        .unwrap();
    assert_eq!(len(&prop(&page, "data")), 2);
    let next = prop(&page, "next");
    assert_eq!(num(&prop(&next, "page"), "number"), 2.0);
    let first = Array::from(&prop(&page, "data")).get(0);
    let id = text(&first, "id");
    let one = api::get_portout_event(s(&id), options("", ""))
        .await
        .unwrap();
    assert_eq!(text(&one, "id"), id);
    assert_eq!(text(&one, "event_type"), "portout.foc_date_changed");
    let t = tag("repub");
    let done = api::republish_portout_event(s(&id), options(&format!("tag={t}"), "")).await;
    assert_eq!(done.unwrap(), JsValue::UNDEFINED);
    assert_eq!(requests_for(&t).await, 1.0);
    expect_err(
        api::get_portout_event(s("00000000-0000-4000-8000-000000000000"), options("", "")).await,
        "not_found",
    )
    .await;
    let q = r#"{"filter":{"event_type":"portout.foc_date_changed"}}"#;
    let all = api::list_all_portout_events(js(q), options("", ""))
        .await
        .unwrap();
    assert_eq!(
        f64::from(len(&all)),
        num(&prop(&page, "meta"), "total_results")
    );
}

#[wasm_bindgen_test]
async fn a_report_goes_from_pending_to_completed() {
    let report = api::create_portout_report(
        js(r#"{"report_type":"export_portouts_csv","params":{"filters":{"status__in":["pending","authorized"]}}}"#),
        options("", ""),
    )
    .await
    .unwrap();
    assert_eq!(text(&report, "status"), "pending");
    let id = text(&report, "id");
    let mut status = String::new();
    let mut fetched = JsValue::UNDEFINED;
    for _ in 0..50 {
        fetched = api::get_portout_report(s(&id), options("", ""))
            .await
            .unwrap();
        status = text(&fetched, "status");
        if status == "completed" {
            break;
        }
        sleep(100).await;
    }
    assert_eq!(status, "completed");
    assert_eq!(text(&fetched, "document_id").len(), 36);
    let done =
        api::list_portout_reports(js(r#"{"filter":{"status":"completed"}}"#), options("", ""))
            .await
            .unwrap();
    let ids: Vec<String> = Array::from(&prop(&done, "data"))
        .iter()
        .map(|r| text(&r, "id"))
        .collect();
    assert!(ids.contains(&id));
}

/// A comment write against fault directives: its result and the requests the mock saw.
async fn comment_with(directives: &str, extra: &str) -> (Result<JsValue, JsValue>, f64) {
    let id = first_id("{}").await;
    let t = tag("w");
    let dirs = format!("tag={t},{directives}");
    let r =
        api::create_portout_comment(s(&id), js(r#"{"body":"retry me"}"#), options(&dirs, extra))
            .await;
    (r, requests_for(&t).await)
}

#[wasm_bindgen_test]
async fn writes_are_retried_on_429_and_503_only() {
    for status in [429, 503] {
        let (r, n) = comment_with(
            &format!("status={status},times=1,retry_after=0"),
            r#""maxRetries":2"#,
        )
        .await;
        assert_eq!(text(&r.unwrap(), "body"), "retry me");
        assert_eq!(n, 2.0, "{status}");
    }
}

#[wasm_bindgen_test]
async fn writes_are_not_retried_after_a_500_a_timeout_or_a_dropped_connection() {
    for (dirs, extra, code) in [
        ("status=500,times=1", r#""maxRetries":3"#, "server_error"),
        ("status=502,times=1", r#""maxRetries":3"#, "server_error"),
        (
            "hang=1,times=1",
            r#""maxRetries":3,"timeoutMs":300"#,
            "timeout",
        ),
        ("body=drop,times=1", r#""maxRetries":3"#, "network"),
    ] {
        let (r, n) = comment_with(dirs, extra).await;
        let e = expect_err(r, code).await;
        assert_eq!(n, 1.0, "{dirs}");
        assert!(
            text(&e, "message")
                .contains("the comment may have been created; check before retrying"),
            "{}",
            text(&e, "message")
        );
        assert_eq!(prop(&e, "retryable"), JsValue::FALSE, "{dirs}");
    }
    // A read with the same faults is retried.
    let t = tag("r");
    let page = api::list_portouts(
        JsValue::UNDEFINED,
        options(&format!("tag={t},status=500,times=1"), r#""maxRetries":3"#),
    )
    .await;
    assert!(page.is_ok());
    assert_eq!(requests_for(&t).await, 2.0);
}

#[wasm_bindgen_test]
fn the_suite_wraps_every_operation_of_the_table_with_its_arguments() {
    let table: Vec<(&str, usize)> = telnyx_portouts::api::operations::OPERATIONS
        .iter()
        .map(|op| (op.name, op.params.len()))
        .collect();
    assert_eq!(api::WRAPPED, table.as_slice());
}
