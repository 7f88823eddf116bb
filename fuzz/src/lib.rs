//! Support code for the fuzz targets of `telnyx-portouts` (see `docs/fuzzing.md`).
//!
//! The main piece is [`parse_doc`], a small, deterministic, byte-driven builder that turns a
//! fuzz input into the [`Input`] trees the wasm boundary would hand the core. The input is a
//! compact text notation (so seeds and crash reproducers are readable and libFuzzer's
//! mutations of it stay meaningful):
//!
//! ```text
//! doc    := value [ ';' value [ ';' name (',' name)* ] ]   query ; options ; extra option names
//! value  := 'u'                  undefined
//!         | 'n'                  null
//!         | 't' | 'f'            true / false
//!         | '#' number           a Number: Rust's f64 syntax (`#2`, `#-1.5`, `#1e3`, `#NaN`, `#inf`)
//!         | '"' text '"'         a String; `\` escapes the next char (`\n` `\t` `\r` `\0` are controls)
//!         | 'b'                  a string with an unpaired surrogate (Input::BrokenString)
//!         | 'D' number           `new Date(number)`: Date(Some(toISOString())) at that epoch
//!                                millisecond (truncated, as JS does), an invalid Date (None)
//!                                when NaN or beyond JS's ±8.64e15 ms range (`D0`, `D-1`, `D1e15`)
//!         | 'd'                  an invalid Date (Date(None))
//!         | '!' kind             an opaque value: !s symbol, !f function, !b bigint,
//!                                !a AbortSignal, !c Map/Set/class instance, !o object nested
//!                                too deep, !r array nested too deep (as the boundary names them)
//!         | '[' [value (',' value)*] ']'
//!         | '{' [key ':' value (',' key ':' value)*] '}'
//! key    := '"' text '"' | raw text up to the next ':'
//! ```
//!
//! White space between tokens is skipped. Like the boundary (`src/wasm/convert.rs`), arrays
//! keep at most [`MAX_CONVERTED_ITEMS`] items, objects at most 64 keys, and containers nested
//! deeper than 4 levels become `Opaque("deeply nested ...")`, so a tree is at most 5 levels
//! deep. Inputs that do not follow the notation, or nest more than 16 levels, are skipped.

use telnyx_portouts::input::MAX_CONVERTED_ITEMS;
use telnyx_portouts::json::{integer_value, Value};
use telnyx_portouts::model::{FieldType, META_FIELDS, PORTOUT_FIELDS};
use telnyx_portouts::{Input, PageMeta};

/// Containers deeper than this become opaque, as in the boundary.
pub const BOUNDARY_MAX_DEPTH: usize = 4;
/// The boundary reads at most this many keys of an object.
pub const BOUNDARY_MAX_KEYS: usize = 64;
/// Deeper nesting in the notation is rejected (keeps the recursion small).
pub const NOTATION_MAX_DEPTH: usize = 16;
/// JS Dates are valid within ±8.64e15 ms of the epoch.
pub const JS_DATE_MAX_MS: i64 = 8_640_000_000_000_000;

/// A fuzz input read as the arguments of `listPortouts(query, options)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The query argument.
    pub query: Input,
    /// The options argument.
    pub options: Input,
    /// Extra option names the caller accepts (list-all's `concurrency`, ...).
    pub extra: Vec<String>,
}

/// Reads a fuzz input in the notation above; `None` when it does not follow it.
pub fn parse_doc(bytes: &[u8]) -> Option<Doc> {
    let mut p = Parser { b: bytes, i: 0 };
    let query = p.value(0)?;
    let mut options = Input::Undefined;
    let mut extra = Vec::new();
    if p.eat(b';') {
        options = p.value(0)?;
        if p.eat(b';') {
            let rest = p.b.get(p.i..).unwrap_or_default();
            let rest = String::from_utf8_lossy(rest);
            extra = rest
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .take(8)
                .collect();
        }
    }
    Some(Doc {
        query,
        options,
        extra,
    })
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn take_while(&mut self, f: impl Fn(u8) -> bool) -> &str {
        let start = self.i;
        while self.b.get(self.i).is_some_and(|&c| f(c)) {
            self.i += 1;
        }
        std::str::from_utf8(self.b.get(start..self.i).unwrap_or_default()).unwrap_or("")
    }

    /// A quoted text, the opening quote already consumed.
    fn text(&mut self) -> Option<String> {
        let mut out = Vec::new();
        loop {
            let c = *self.b.get(self.i)?;
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let e = *self.b.get(self.i)?;
                    self.i += 1;
                    out.push(match e {
                        b'n' => b'\n',
                        b't' => b'\t',
                        b'r' => b'\r',
                        b'0' => 0,
                        other => other,
                    });
                }
                other => out.push(other),
            }
        }
        Some(String::from_utf8_lossy(&out).into_owned())
    }

    fn key(&mut self) -> Option<String> {
        if self.eat(b'"') {
            return self.text();
        }
        let raw = self.take_while(|c| c != b':');
        Some(raw.trim_end().to_string())
    }

    fn value(&mut self, depth: usize) -> Option<Input> {
        if depth > NOTATION_MAX_DEPTH {
            return None;
        }
        let c = self.peek()?;
        self.i += 1;
        Some(match c {
            b'u' => Input::Undefined,
            b'n' => Input::Null,
            b't' => Input::Bool(true),
            b'f' => Input::Bool(false),
            b'b' => Input::BrokenString,
            b'd' => Input::Date(None),
            b'#' => {
                let t = self
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'-'));
                Input::Number(t.parse::<f64>().ok()?)
            }
            b'"' => Input::String(self.text()?),
            b'D' => {
                let t = self
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'-'));
                Input::Date(js_date(t.parse::<f64>().ok()?))
            }
            b'!' => {
                let k = *self.b.get(self.i)?;
                self.i += 1;
                Input::Opaque(match k {
                    b's' => "symbol",
                    b'f' => "function",
                    b'b' => "bigint",
                    b'a' => "AbortSignal",
                    b'r' => "deeply nested array",
                    b'c' => "class instance (not a plain object)",
                    _ => "deeply nested object",
                })
            }
            b'[' => {
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                if depth >= BOUNDARY_MAX_DEPTH {
                    Input::Opaque("deeply nested array")
                } else {
                    items.truncate(MAX_CONVERTED_ITEMS);
                    Input::Array(items)
                }
            }
            b'{' => {
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        let k = self.key()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        members.push((k, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                if depth >= BOUNDARY_MAX_DEPTH {
                    Input::Opaque("deeply nested object")
                } else {
                    members.truncate(BOUNDARY_MAX_KEYS);
                    Input::Object(members)
                }
            }
            _ => return None,
        })
    }
}

/// `new Date(ms)` in JS: TimeClip (NaN beyond ±8.64e15 ms, else truncated to an integer),
/// then `toISOString()`; `None` for an invalid Date.
pub fn js_date(ms: f64) -> Option<String> {
    if !ms.is_finite() || ms.abs() > JS_DATE_MAX_MS as f64 {
        return None;
    }
    iso_string(ms.trunc() as i64)
}

/// What JS's `new Date(ms).toISOString()` returns, or `None` for an invalid Date.
/// Years 0..=9999 have four digits; others are written `+YYYYYY` / `-YYYYYY` (ECMA-262
/// "expanded years").
pub fn iso_string(ms: i64) -> Option<String> {
    if !(-JS_DATE_MAX_MS..=JS_DATE_MAX_MS).contains(&ms) {
        return None;
    }
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    let year = if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else if y < 0 {
        format!("-{:06}", -y)
    } else {
        format!("+{y:06}")
    };
    let (h, rest) = (in_day / 3_600_000, in_day % 3_600_000);
    let (mi, rest) = (rest / 60_000, rest % 60_000);
    let (s, milli) = (rest / 1000, rest % 1000);
    Some(format!(
        "{year}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z"
    ))
}

/// Proleptic Gregorian (year, month, day) of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The `meta` numbers of a parsed list body, read the way `JSON.parse` would see them (the
/// last of duplicate keys wins). `None` when the tree does not have them all as integers.
pub fn meta_of(v: &Value) -> Option<PageMeta> {
    let meta = v.get("meta")?;
    let mut out = [0u64; 4];
    for (name, o) in META_FIELDS.iter().zip(out.iter_mut()) {
        let Value::Num(text) = meta.get(name)? else {
            return None;
        };
        *o = u64::try_from(integer_value(text).ok()?).ok()?;
    }
    let [page_number, page_size, total_pages, total_results] = out;
    Some(PageMeta {
        page_number,
        page_size,
        total_pages,
        total_results,
    })
}

/// A reference model of `response::validate_list`, written plainly over the parsed tree:
/// the body is an object; every `data` member is an array of objects whose known fields
/// (`model::PORTOUT_FIELDS`, looked up by name) are `null` or of their type (integers exact
/// within ±(2^53 - 1)); every `meta` member is an object whose four numbers are non-negative
/// such integers (the last duplicate wins); at least one of each. Returns the last `meta`.
pub fn reference_list(v: &Value) -> Option<PageMeta> {
    let Value::Obj(members) = v else { return None };
    let (mut data, mut meta) = (false, None);
    for (k, v) in members {
        match k.as_str() {
            "data" => {
                let Value::Arr(items) = v else { return None };
                if !items.iter().all(reference_record) {
                    return None;
                }
                data = true;
            }
            "meta" => meta = Some(reference_meta(v)?),
            _ => {}
        }
    }
    meta.filter(|_| data)
}

/// The reference model of `response::validate_one`: an object with at least one `data`
/// member, each a valid record.
pub fn reference_one(v: &Value) -> bool {
    let Value::Obj(members) = v else { return false };
    let data: Vec<&Value> = members
        .iter()
        .filter(|(k, _)| k == "data")
        .map(|(_, v)| v)
        .collect();
    !data.is_empty() && data.into_iter().all(reference_record)
}

fn reference_record(v: &Value) -> bool {
    let Value::Obj(members) = v else { return false };
    members.iter().all(|(k, v)| {
        let Some((_, ty)) = PORTOUT_FIELDS.iter().find(|(name, _)| name == k) else {
            return true;
        };
        match (ty, v) {
            (_, Value::Null) => true,
            (FieldType::Text, Value::Str(_)) => true,
            (FieldType::Boolean, Value::Bool(_)) => true,
            (FieldType::Integer, Value::Num(n)) => integer_value(n).is_ok(),
            (FieldType::TextList, Value::Arr(items)) => {
                items.iter().all(|i| matches!(i, Value::Str(_)))
            }
            _ => false,
        }
    })
}

fn reference_meta(v: &Value) -> Option<PageMeta> {
    let Value::Obj(members) = v else { return None };
    let mut out = [None; 4];
    for (k, v) in members {
        if let Some(i) = META_FIELDS.iter().position(|f| f == k) {
            let Value::Num(n) = v else { return None };
            let n = u64::try_from(integer_value(n).ok()?).ok()?;
            if let Some(slot) = out.get_mut(i) {
                *slot = Some(n);
            }
        }
    }
    let [page_number, page_size, total_pages, total_results] = out;
    Some(PageMeta {
        page_number: page_number?,
        page_size: page_size?,
        total_pages: total_pages?,
        total_results: total_results?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_strings_match_js() {
        assert_eq!(iso_string(0).as_deref(), Some("1970-01-01T00:00:00.000Z"));
        assert_eq!(
            iso_string(1_704_067_200_000).as_deref(),
            Some("2024-01-01T00:00:00.000Z")
        );
        assert_eq!(iso_string(-1).as_deref(), Some("1969-12-31T23:59:59.999Z"));
        // new Date(8.64e15).toISOString() and new Date(-8.64e15).toISOString()
        assert_eq!(
            iso_string(JS_DATE_MAX_MS).as_deref(),
            Some("+275760-09-13T00:00:00.000Z")
        );
        assert_eq!(
            iso_string(-JS_DATE_MAX_MS).as_deref(),
            Some("-271821-04-20T00:00:00.000Z")
        );
        // new Date(Date.UTC(-1, 0, 1)) -> "-000001-01-01T00:00:00.000Z"
        assert_eq!(
            iso_string(-62_198_755_200_000).as_deref(),
            Some("-000001-01-01T00:00:00.000Z")
        );
        assert_eq!(iso_string(JS_DATE_MAX_MS + 1), None);
        assert_eq!(js_date(8.64e15 + 1.0), None);
        assert_eq!(js_date(f64::NAN), None);
        assert_eq!(js_date(-0.5).as_deref(), Some("1970-01-01T00:00:00.000Z"));
        assert_eq!(js_date(1.5e12).as_deref(), Some("2017-07-14T02:40:00.000Z"));
    }

    #[test]
    fn reads_the_notation() {
        let d = parse_doc(br#"{filter:{status_in:["pending","ported"],foc_date:D0},page:{number:#2}};{apiKey:"k"};concurrency"#);
        let d = d.expect("parses");
        assert_eq!(
            d.query.member("filter").member("foc_date"),
            &Input::Date(Some("1970-01-01T00:00:00.000Z".into()))
        );
        assert_eq!(d.query.member("page").member("number"), &Input::Number(2.0));
        assert_eq!(d.options.member("apiKey"), &Input::String("k".into()));
        assert_eq!(d.extra, vec!["concurrency".to_string()]);
        assert_eq!(
            parse_doc(b"[[[[[[]]]]]]").map(|d| d.query),
            Some(Input::Array(vec![Input::Array(vec![Input::Array(vec![
                Input::Array(vec![Input::Opaque("deeply nested array")])
            ])])]))
        );
        assert_eq!(parse_doc(b"{a:"), None);
        assert_eq!(
            parse_doc(b"\"a\\nb\"").map(|d| d.query),
            Some(Input::String("a\nb".into()))
        );
    }

    #[test]
    fn every_filter_seed_follows_the_notation() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/filter_validator");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("seed corpus") {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).expect("seed");
            assert!(
                parse_doc(&bytes).is_some(),
                "{} does not parse",
                path.display()
            );
            n += 1;
        }
        assert!(n >= 12, "only {n} seeds");
    }

    #[test]
    fn reference_model_agrees_on_the_seeds() {
        use telnyx_portouts::json::parse_value;
        use telnyx_portouts::response::{validate_list, validate_one};
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/response_validator");
        let mut accepted = 0;
        for entry in std::fs::read_dir(dir).expect("seed corpus") {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).expect("seed");
            let v = parse_value(&bytes);
            let list = validate_list(&bytes).ok();
            assert_eq!(
                list,
                v.as_ref().and_then(reference_list),
                "{}",
                path.display()
            );
            assert_eq!(
                validate_one(&bytes).is_ok(),
                v.as_ref().is_some_and(reference_one),
                "{}",
                path.display()
            );
            accepted += usize::from(list.is_some());
        }
        assert!(accepted >= 4, "only {accepted} seeds are valid pages");
    }
}
