//! Times the response validator natively, beside serde_json's syntax-only pass and a UTF-8 check of the
//! same bytes: `cargo run --release --example validate_speed FILE` (a list response body;
//! `node -e "import('./bench/fixtures.mjs').then(m => process.stdout.write(m.page(250)))" > /tmp/p250.json`).
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/p250.json".into());
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => return eprintln!("{path}: {e}"),
    };
    let n = 2000;
    let t = Instant::now();
    let mut ok = 0;
    for _ in 0..n {
        ok += usize::from(telnyx_portouts::api::portouts::validate_list(&bytes).is_ok());
    }
    let per = t.elapsed().as_secs_f64() / f64::from(n);
    let t2 = Instant::now();
    for _ in 0..n {
        ok += usize::from(serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok());
    }
    let skip = t2.elapsed().as_secs_f64() / f64::from(n);
    let t3 = Instant::now();
    for _ in 0..n {
        ok += usize::from(std::str::from_utf8(&bytes).is_ok());
    }
    let utf = t3.elapsed().as_secs_f64() / f64::from(n);
    println!(
        "serde_json syntax only: {:.1} us, from_utf8: {:.1} us",
        skip * 1e6,
        utf * 1e6
    );
    println!(
        "{path}: {} bytes, {:.1} us/call, {:.0} MB/s, ok {ok}",
        bytes.len(),
        per * 1e6,
        bytes.len() as f64 / per / 1e6
    );
}
