//! Support code for the fuzz targets of `telnyx-portouts` (see `docs/fuzzing.md`).
//!
//! Three pieces:
//!
//! - [`parse_doc`], a small, deterministic, byte-driven builder that turns a fuzz input into
//!   the [`Input`] trees the wasm boundary would hand the core, and [`tagged`], the serde
//!   externally tagged JSON form of such a tree (what the JS guard `inputOf` in
//!   `js/boundary.js` writes and serde-wasm-bindgen reads), for the converter check;
//! - [`Node`], a JSON tree that keeps duplicate keys, and [`parse_body`], which reads a
//!   response body into it with serde_json under the library's UTF-8/BOM rule;
//! - the plain reference model of the response validators ([`reference_list`],
//!   [`reference_one`]) over that tree, and [`meta_of`], the `meta` numbers as `JSON.parse`
//!   sees them (over `serde_json::Value`, whose maps keep the last duplicate key).
//!
//! The fuzz input of `filter_validator` is a compact text notation (so seeds and crash
//! reproducers are readable and libFuzzer's mutations of it stay meaningful):
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
//!         | 'x'                  a value whose getter or Proxy trap threw (Input::Unreadable)
//!         | '!' kind             an opaque value (Input::Opaque): !s Symbol, !f Function,
//!                                !b BigInt, !a AbortSignal, !c ClassInstance (Map, Set, class
//!                                instance), !r DeepArray, !o (or any other byte) DeepObject
//!         | '[' [value (',' value)*] ']'
//!         | '{' [key ':' value (',' key ':' value)*] '}'
//! key    := '"' text '"' | raw text up to the next ':'
//! ```
//!
//! White space between tokens is skipped. Like the guard (`inputOf`), arrays keep at most
//! [`MAX_CONVERTED_ITEMS`] items, objects at most 64 keys, and containers nested deeper than
//! 4 levels become `Opaque(DeepArray)` / `Opaque(DeepObject)`, so a tree is at most 5 levels
//! deep. Inputs that do not follow the notation, or nest more than 16 levels, are skipped.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::json;
use std::fmt;
use telnyx_portouts::api::portouts::model::PORTOUT;
use telnyx_portouts::client::paging::{META_FIELDS, PAGE_META};
use telnyx_portouts::client::input::{Opaque, MAX_CONVERTED_ITEMS};
use telnyx_portouts::{Input, PageMeta};
use telnyx_portouts_schema::Ty;

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
            b'x' => Input::Unreadable,
            b'!' => {
                let k = *self.b.get(self.i)?;
                self.i += 1;
                Input::Opaque(match k {
                    b's' => Opaque::Symbol,
                    b'f' => Opaque::Function,
                    b'b' => Opaque::BigInt,
                    b'a' => Opaque::AbortSignal,
                    b'r' => Opaque::DeepArray,
                    b'c' => Opaque::ClassInstance,
                    _ => Opaque::DeepObject,
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
                    Input::Opaque(Opaque::DeepArray)
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
                    Input::Opaque(Opaque::DeepObject)
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

// ---------------------------------------------------------------------------------------
// The converter's form: serde's externally tagged JSON of an `Input` tree
// ---------------------------------------------------------------------------------------

/// The JSON the JS guard `inputOf` (`js/boundary.js`) writes for `input`: serde's externally
/// tagged form of the `Input` enum (`"Undefined"`, `{"String":"x"}`,
/// `{"Object":[["k", ...]]}`, `{"Opaque":"AbortSignal"}`), written here by hand (`Input` has
/// no `Serialize`), so the check reads the derive against an independent writer.
/// `None` when the tree holds a NaN or infinite number, which JSON cannot carry (the real
/// boundary hands serde-wasm-bindgen a JS value, where they pass as numbers).
pub fn tagged(input: &Input) -> Option<serde_json::Value> {
    Some(match input {
        Input::Undefined => json!("Undefined"),
        Input::Null => json!("Null"),
        Input::Bool(b) => json!({ "Bool": b }),
        Input::Number(n) if !n.is_finite() => return None,
        Input::Number(n) => json!({ "Number": n }),
        Input::String(s) => json!({ "String": s }),
        Input::BrokenString => json!("BrokenString"),
        Input::Date(d) => json!({ "Date": d }),
        Input::Array(items) => {
            let items = items.iter().map(tagged).collect::<Option<Vec<_>>>()?;
            json!({ "Array": items })
        }
        Input::Object(members) => {
            let members = members
                .iter()
                .map(|(k, v)| Some(json!([k, tagged(v)?])))
                .collect::<Option<Vec<_>>>()?;
            json!({ "Object": members })
        }
        Input::Opaque(kind) => json!({ "Opaque": opaque_tag(*kind) }),
        Input::Unreadable => json!("Unreadable"),
    })
}

/// The strings `inputOf` writes for the opaque kinds.
pub fn opaque_tag(kind: Opaque) -> &'static str {
    match kind {
        Opaque::AbortSignal => "AbortSignal",
        Opaque::Function => "Function",
        Opaque::Symbol => "Symbol",
        Opaque::BigInt => "BigInt",
        Opaque::ClassInstance => "ClassInstance",
        Opaque::DeepArray => "DeepArray",
        Opaque::DeepObject => "DeepObject",
    }
}

/// `a == b`, except that numbers compare with [`same_number`] (NaN equals NaN; and, when
/// `close` is set, finite numbers may differ in their last two bits).
pub fn same_input(a: &Input, b: &Input, close: bool) -> bool {
    match (a, b) {
        (Input::Number(x), Input::Number(y)) => same_number(*x, *y, close),
        (Input::Array(x), Input::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_input(x, y, close))
        }
        (Input::Object(x), Input::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((kx, x), (ky, y))| kx == ky && same_input(x, y, close))
        }
        _ => a == b,
    }
}

/// Bit-for-bit equal (so `-0` differs from `0`), NaN equal to NaN; with `close`, also finite
/// numbers of the same sign at most 2 units in the last place apart: serde_json without its
/// `float_roundtrip` feature (the library's configuration, not changed here) reads
/// 16-17-digit decimals on a best-effort basis, which can miss the shortest form
/// `serde_json::to_string` wrote by one unit.
pub fn same_number(x: f64, y: f64, close: bool) -> bool {
    if x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()) {
        return true;
    }
    if !close || !x.is_finite() || !y.is_finite() || x.is_sign_negative() != y.is_sign_negative() {
        return false;
    }
    // Finite numbers of one sign: their bit patterns are ordered like the values.
    x.to_bits().abs_diff(y.to_bits()) <= 2
}

/// True when a value anywhere in the tree is `Unreadable`.
pub fn has_unreadable(input: &Input) -> bool {
    match input {
        Input::Unreadable => true,
        Input::Array(items) => items.iter().any(has_unreadable),
        Input::Object(members) => members.iter().any(|(_, v)| has_unreadable(v)),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// A JSON tree that keeps duplicate keys
// ---------------------------------------------------------------------------------------

/// A parsed JSON value. Unlike `serde_json::Value`, objects keep every member in order,
/// duplicate keys included (the validator checks every occurrence of a key), and numbers keep
/// the form serde_json handed them in (integers as sign and magnitude, others as `f64`).
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number serde_json read as an integer: negative?, magnitude.
    Int(bool, u64),
    /// A number serde_json read as a float.
    Float(f64),
    /// A string, escapes decoded.
    Str(String),
    /// An array.
    Arr(Vec<Node>),
    /// An object's members, in order, duplicates kept.
    Obj(Vec<(String, Node)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Node, E> {
        Ok(Node::Bool(b))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Node, E> {
        Ok(Node::Int(false, n))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Node, E> {
        Ok(Node::Int(n < 0, n.unsigned_abs()))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Node, E> {
        Ok(Node::Float(n))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Node, E> {
        Ok(Node::Str(s.to_string()))
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<Node, E> {
        Ok(Node::Str(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Node::Arr(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut members = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Node>()? {
            members.push((k, v));
        }
        Ok(Node::Obj(members))
    }
}

impl Node {
    /// The members named `key`, in order.
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        let members: &[(String, Node)] = match self {
            Node::Obj(m) => m,
            _ => &[],
        };
        members
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v)
    }
}

/// True when a string or key anywhere in the tree contains `needle` (the reference for
/// `telnyx_portouts_schema::mentions`, escapes decoded by serde_json as in the tree).
pub fn node_mentions(n: &Node, needle: &str) -> bool {
    match n {
        Node::Str(s) => s.contains(needle),
        Node::Arr(items) => items.iter().any(|i| node_mentions(i, needle)),
        Node::Obj(members) => members
            .iter()
            .any(|(k, v)| k.contains(needle) || node_mentions(v, needle)),
        _ => false,
    }
}

/// The text of a response body under the library's rule: the whole body UTF-8, one leading
/// byte order mark skipped.
pub fn body_text(bytes: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(bytes).ok()?;
    Some(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// A body as a [`Node`] tree (`None`: not UTF-8, or not one JSON value for serde_json).
pub fn parse_body(bytes: &[u8]) -> Option<Node> {
    serde_json::from_str(body_text(bytes)?).ok()
}

/// A body as `serde_json::Value`, serde_json's generic parser (`None` when it rejects it).
pub fn parse_generic(bytes: &[u8]) -> Option<serde_json::Value> {
    serde_json::from_str(body_text(bytes)?).ok()
}

// ---------------------------------------------------------------------------------------
// The reference model of the response validators
// ---------------------------------------------------------------------------------------

/// 2^53 - 1, the largest integer a JS number holds exactly (written out, not imported).
pub const MAX_SAFE: u64 = 9_007_199_254_740_991;

/// An integral number within ±(2^53 - 1) (integral floats such as `3.0` or `1e3` included):
/// its sign and magnitude.
fn integer(n: &Node) -> Option<(bool, u64)> {
    match *n {
        Node::Int(negative, magnitude) if magnitude <= MAX_SAFE => Some((negative, magnitude)),
        Node::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() <= MAX_SAFE as f64 => {
            Some((f < 0.0, f.abs() as u64))
        }
        _ => None,
    }
}

/// A non-negative such integer (`-0` is 0).
fn count(n: &Node) -> Option<u64> {
    match integer(n)? {
        (true, m) if m != 0 => None,
        (_, m) => Some(m),
    }
}

/// The `meta` numbers of a parsed list body as `JSON.parse` would see them: the last of
/// duplicate keys wins (which `serde_json::Value`'s maps do too). `None` when they are not
/// all non-negative integers within 2^53 - 1.
pub fn meta_of(v: &serde_json::Value) -> Option<PageMeta> {
    let meta = v.get("meta")?;
    let mut out = [0u64; 4];
    for (name, o) in META_FIELDS.iter().zip(out.iter_mut()) {
        let n = meta.get(name)?;
        *o = match (n.as_u64(), n.as_f64()) {
            (Some(u), _) => u,
            (None, Some(f)) if f == 0.0 => 0,
            (None, Some(f)) if f > 0.0 && f.fract() == 0.0 => f as u64,
            _ => return None,
        };
        if *o > MAX_SAFE {
            return None;
        }
    }
    let [page_number, page_size, total_pages, total_results] = out;
    Some(PageMeta {
        page_number,
        page_size,
        total_pages,
        total_results,
    })
}

/// The reference model of `response::validate_list`, written plainly over the parsed tree:
/// the body is an object; it has a `data` and a `meta` member; every `data` member is an
/// array of port-out records ([`reference_record`]); every `meta` member is an object with
/// each of the four fields of `model::PAGE_META` (by name), every occurrence of each a
/// non-negative integer within 2^53 - 1 (not `null`); other members are anything. Returns
/// the numbers of the last `meta`, each the last occurrence of its key.
pub fn reference_list(v: &Node) -> Option<PageMeta> {
    let Node::Obj(_) = v else { return None };
    let data: Vec<&Node> = v.all("data").collect();
    let metas: Vec<&Node> = v.all("meta").collect();
    if data.is_empty() || metas.is_empty() {
        return None;
    }
    for d in data {
        let Node::Arr(items) = d else { return None };
        if !items.iter().all(reference_record) {
            return None;
        }
    }
    let mut last = None;
    for m in metas {
        last = Some(reference_meta(m)?);
    }
    last
}

/// The reference model of `response::validate_one`: an object with a `data` member, every
/// `data` member a port-out record; other members (`meta` too) are anything.
pub fn reference_one(v: &Node) -> bool {
    let Node::Obj(_) = v else { return false };
    let mut data = v.all("data").peekable();
    data.peek().is_some() && data.all(reference_record)
}

/// A port-out record: an object whose known fields (`model::PORTOUT.fields`, looked up by
/// name) are `null` or of their type, every occurrence of each; unknown fields are anything.
pub fn reference_record(v: &Node) -> bool {
    let Node::Obj(members) = v else { return false };
    members.iter().all(|(k, v)| {
        let Some(field) = PORTOUT.fields.iter().find(|f| f.name == k) else {
            return true;
        };
        match (field.ty, v) {
            (_, Node::Null) => true,
            (Ty::Str, Node::Str(_)) => true,
            (Ty::Bool, Node::Bool(_)) => true,
            (Ty::Int, n) => integer(n).is_some(),
            (Ty::StrList, Node::Arr(items)) => items.iter().all(|i| matches!(i, Node::Str(_))),
            (Ty::Str | Ty::Bool | Ty::StrList, _) => false,
            (other, _) => panic!(
                "the reference model does not know the type {other:?} of port-out field {k}: \
                 update fuzz/src/lib.rs"
            ),
        }
    })
}

fn reference_meta(v: &Node) -> Option<PageMeta> {
    let Node::Obj(members) = v else { return None };
    let mut out = [None; 4];
    for (k, v) in members {
        if let Some(i) = PAGE_META.fields.iter().position(|f| f.name == k) {
            let n = count(v)?;
            *out.get_mut(i)? = Some(n);
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

// ---------------------------------------------------------------------------------------
// Secrets for the redaction check
// ---------------------------------------------------------------------------------------

/// A secret the body of an error response echoes, for checking `Error::redact`: the first
/// run of at least 8 ASCII letters and digits (at most 24 taken) in a decoded string or key
/// of `errors` (a JSON text), else in the text itself; `None` if there is none. The run
/// `REDACTED` is skipped: it is part of redact's own `[REDACTED]`, so no redaction can
/// remove it.
pub fn echoed_secret(errors: &str) -> Option<String> {
    fn run(s: &str) -> Option<String> {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .find(|w| w.len() >= 8 && *w != "REDACTED")
            .map(|w| w.chars().take(24).collect())
    }
    fn walk(n: &Node) -> Option<String> {
        match n {
            Node::Str(s) => run(s),
            Node::Arr(items) => items.iter().find_map(walk),
            Node::Obj(members) => members.iter().find_map(|(k, v)| run(k).or_else(|| walk(v))),
            _ => None,
        }
    }
    serde_json::from_str::<Node>(errors)
        .ok()
        .as_ref()
        .and_then(walk)
        .or_else(|| run(errors))
}

#[cfg(test)]
mod tests {
    use super::*;
    use telnyx_portouts::api::portouts::{validate_list, validate_one};
    use telnyx_portouts::client::response::{http_error, ErrorContext};

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
                Input::Array(vec![Input::Opaque(Opaque::DeepArray)])
            ])])]))
        );
        assert_eq!(
            parse_doc(b"{a:{b:{c:{d:{e:#1}}}}}").map(|d| d
                .query
                .member("a")
                .member("b")
                .member("c")
                .member("d")
                .clone()),
            Some(Input::Opaque(Opaque::DeepObject))
        );
        assert_eq!(parse_doc(b"{a:"), None);
        assert_eq!(
            parse_doc(b"\"a\\nb\"").map(|d| d.query),
            Some(Input::String("a\nb".into()))
        );
        assert_eq!(
            parse_doc(b"[!s,!f,!b,!a,!c,!r,!o,!z,x]").map(|d| d.query),
            Some(Input::Array(vec![
                Input::Opaque(Opaque::Symbol),
                Input::Opaque(Opaque::Function),
                Input::Opaque(Opaque::BigInt),
                Input::Opaque(Opaque::AbortSignal),
                Input::Opaque(Opaque::ClassInstance),
                Input::Opaque(Opaque::DeepArray),
                Input::Opaque(Opaque::DeepObject),
                Input::Opaque(Opaque::DeepObject),
                Input::Unreadable,
            ]))
        );
    }

    #[test]
    fn the_tagged_form_is_what_the_guard_writes_and_the_derive_reads() {
        let d = parse_doc(br#"{a:#1.5,b:u,c:d,d:!a,e:[b,"x",x,n,t],"f":D0,g:!c}"#).expect("parses");
        let v = tagged(&d.query).expect("finite");
        assert_eq!(
            v.to_string(),
            r#"{"Object":[["a",{"Number":1.5}],["b","Undefined"],["c",{"Date":null}],["d",{"Opaque":"AbortSignal"}],["e",{"Array":["BrokenString",{"String":"x"},"Unreadable","Null",{"Bool":true}]}],["f",{"Date":"1970-01-01T00:00:00.000Z"}],["g",{"Opaque":"ClassInstance"}]]}"#
        );
        let back: Input = serde_json::from_str(&v.to_string()).expect("reads");
        assert_eq!(back, d.query);
        for kind in [
            Opaque::AbortSignal,
            Opaque::Function,
            Opaque::Symbol,
            Opaque::BigInt,
            Opaque::ClassInstance,
            Opaque::DeepArray,
            Opaque::DeepObject,
        ] {
            let text = tagged(&Input::Opaque(kind)).expect("tag").to_string();
            assert_eq!(
                serde_json::from_str::<Input>(&text).ok(),
                Some(Input::Opaque(kind))
            );
        }
        assert_eq!(tagged(&Input::Array(vec![Input::Number(f64::NAN)])), None);
        assert_eq!(tagged(&Input::Number(f64::NEG_INFINITY)), None);
        assert!(has_unreadable(
            &parse_doc(b"{a:[n,x]}").expect("parses").query
        ));
        assert!(!has_unreadable(
            &parse_doc(b"{a:[n,!o]}").expect("parses").query
        ));
    }

    #[test]
    fn numbers_compare_bitwise_or_within_two_ulps() {
        assert!(same_number(f64::NAN, f64::NAN, false));
        assert!(!same_number(0.0, -0.0, true));
        let x = 0.1_f64;
        let next = f64::from_bits(x.to_bits() + 1);
        assert!(!same_number(x, next, false));
        assert!(same_number(x, next, true));
        assert!(!same_number(x, f64::from_bits(x.to_bits() + 3), true));
        assert!(same_input(
            &Input::Array(vec![Input::Number(f64::NAN)]),
            &Input::Array(vec![Input::Number(f64::NAN)]),
            false
        ));
    }

    #[test]
    fn every_filter_seed_follows_the_notation() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/filter_validator");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("seed corpus") {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).expect("seed");
            let doc = parse_doc(&bytes);
            assert!(doc.is_some(), "{} does not parse", path.display());
            for input in doc.iter().flat_map(|d| [&d.query, &d.options]) {
                if let Some(v) = tagged(input) {
                    let back = serde_json::from_str::<Input>(&v.to_string());
                    assert!(
                        back.as_ref().is_ok_and(|b| same_input(b, input, true)),
                        "{}: {back:?}",
                        path.display()
                    );
                }
            }
            n += 1;
        }
        assert!(n >= 12, "only {n} seeds");
    }

    #[test]
    fn the_tree_keeps_duplicate_keys_and_number_forms() {
        let n =
            parse_body(b"\xef\xbb\xbf{\"a\":1,\"a\":-2,\"b\":[1.0,null,\"\\u0041\"],\"a\":3e0}")
                .expect("parses");
        let a: Vec<&Node> = n.all("a").collect();
        assert_eq!(
            a,
            [&Node::Int(false, 1), &Node::Int(true, 2), &Node::Float(3.0)]
        );
        assert_eq!(
            n.all("b").next(),
            Some(&Node::Arr(vec![
                Node::Float(1.0),
                Node::Null,
                Node::Str("A".into())
            ]))
        );
        assert_eq!(parse_body(b"{\"a\":1} x"), None);
        assert_eq!(parse_body(b"{\"a\":\"\xff\"}"), None);
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse_body(deep(127).as_bytes()).is_some());
        assert!(parse_body(deep(128).as_bytes()).is_none());
    }

    #[test]
    fn the_reference_checks_every_duplicate() {
        let meta = r#""meta":{"page_number":1,"page_size":1,"total_pages":1,"total_results":1}"#;
        // A bad occurrence of a key fails the body wherever it stands, in the reference and
        // in the validator.
        for body in [
            format!(r#"{{"data":[{{"id":"a","id":7}}],{meta}}}"#),
            format!(r#"{{"data":[{{"id":7,"id":"a"}}],{meta}}}"#),
            format!(r#"{{"data":[],"data":{{}},{meta}}}"#),
        ] {
            assert_eq!(
                parse_body(body.as_bytes())
                    .as_ref()
                    .and_then(reference_list),
                None,
                "{body}"
            );
            assert!(validate_list(body.as_bytes()).is_err(), "{body}");
        }
        let body = r#"{"data":[],"meta":{"page_number":1,"page_size":1,"total_pages":1,"total_results":1,"page_number":-0,"page_size":2.0,"total_pages":1e1}}"#;
        let expected = PageMeta {
            page_number: 0,
            page_size: 2,
            total_pages: 10,
            total_results: 1,
        };
        assert_eq!(
            parse_body(body.as_bytes())
                .as_ref()
                .and_then(reference_list),
            Some(expected)
        );
        assert_eq!(validate_list(body.as_bytes()), Ok(expected));
        assert_eq!(
            parse_generic(body.as_bytes()).as_ref().and_then(meta_of),
            Some(expected)
        );
        assert!(reference_one(
            &parse_body(br#"{"data":{"lsr":null},"meta":7}"#).expect("parses")
        ));
        assert!(!reference_one(
            &parse_body(br#"{"data":{},"data":{"lsr":[null]}}"#).expect("parses")
        ));
        assert!(!reference_one(
            &parse_body(br#"{"data":null}"#).expect("parses")
        ));
    }

    #[test]
    fn reference_model_agrees_on_the_seeds() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/response_validator");
        let mut accepted = 0;
        for entry in std::fs::read_dir(dir).expect("seed corpus") {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).expect("seed");
            let tree = parse_body(&bytes);
            assert_eq!(
                tree.is_some(),
                parse_generic(&bytes).is_some(),
                "{}",
                path.display()
            );
            let list = validate_list(&bytes).ok();
            assert_eq!(
                list,
                tree.as_ref().and_then(reference_list),
                "{}",
                path.display()
            );
            assert_eq!(
                validate_one(&bytes).is_ok(),
                tree.as_ref().is_some_and(reference_one),
                "{}",
                path.display()
            );
            accepted += usize::from(list.is_some());
        }
        assert!(accepted >= 4, "only {accepted} seeds are valid pages");
    }

    #[test]
    fn echoed_secrets_are_found_and_redacted() {
        let body = br#"{"errors":[{"title":"no","detail":"Bearer \u004bEY0123456789"}]}"#;
        let e = http_error(401, body, ErrorContext::default());
        let raw = e.errors.clone().expect("errors");
        assert_eq!(echoed_secret(&raw).as_deref(), Some("KEY0123456789"));
        assert!(telnyx_portouts_schema::mentions(&raw, "KEY0123456789"));
        assert_eq!(e.redact(Some("KEY0123456789")).errors, None);
        assert_eq!(
            echoed_secret(r#"[{"[REDACTED]":123456789}]"#).as_deref(),
            Some("123456789")
        );
        assert_eq!(echoed_secret("[1,2]"), None);
        let tree = serde_json::from_str::<Node>(&raw).expect("parses");
        assert!(node_mentions(&tree, "KEY0123456789"));
        assert!(!node_mentions(&tree, "KEY01234567890"));
    }
}
