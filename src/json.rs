//! A small JSON reader over bytes that never panics and allocates nothing while it scans.
//!
//! The library does not build JS objects from Rust (that is the slowest path measured): the
//! response validator uses this [`Reader`] to check the bytes, and V8's `JSON.parse` builds
//! the objects. The grammar is RFC 8259, as `JSON.parse` accepts it. [`parse_value`] builds a
//! [`Value`] tree for the few small documents the library reads itself (error bodies).

/// Deepest nesting accepted anywhere in a document. Responses of this API nest 3 levels.
pub const MAX_DEPTH: u32 = 128;

/// Why the bytes are not the JSON expected at some position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxError {
    /// The document ends in the middle of a value.
    UnexpectedEnd,
    /// A byte that cannot start or continue what came before.
    UnexpectedByte,
    /// A string with a raw control character or a bad escape.
    BadString,
    /// A number that JSON's grammar does not allow.
    BadNumber,
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Bytes that are not UTF-8.
    BadUtf8,
    /// More content after the top-level value.
    TrailingContent,
}

impl SyntaxError {
    /// A short description for error messages.
    pub fn describe(self) -> &'static str {
        match self {
            SyntaxError::UnexpectedEnd => "the body ends in the middle of a value (truncated?)",
            SyntaxError::UnexpectedByte => "the body is not JSON",
            SyntaxError::BadString => "a string has a raw control character or a bad escape",
            SyntaxError::BadNumber => "a number is malformed",
            SyntaxError::TooDeep => "values are nested too deeply",
            SyntaxError::BadUtf8 => "the body is not valid UTF-8",
            SyntaxError::TrailingContent => "there is more content after the JSON value",
        }
    }
}

/// The JSON type of the value at the reader's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `null`
    Null,
    /// `true` / `false`
    Bool,
    /// a number
    Number,
    /// a string
    String,
    /// `[...]`
    Array,
    /// `{...}`
    Object,
}

impl Kind {
    /// "a string", "an array", ... for messages.
    pub fn article_name(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "an array",
            Kind::Object => "an object",
        }
    }
}

/// A string token: its raw bytes between the quotes and whether it holds escapes.
#[derive(Debug, Clone, Copy)]
pub struct RawStr<'a> {
    /// The bytes between the quotes, escapes not decoded.
    pub raw: &'a [u8],
    /// True when `raw` contains a backslash escape.
    pub escaped: bool,
}

impl RawStr<'_> {
    /// True when the decoded string equals `s`.
    pub fn eq_str(&self, s: &str) -> bool {
        if self.escaped {
            decode_string(self.raw).as_deref() == Some(s)
        } else {
            self.raw == s.as_bytes()
        }
    }

    /// The decoded text (escapes resolved; lone surrogates become U+FFFD).
    pub fn decode(&self) -> Option<String> {
        if self.escaped {
            decode_string(self.raw)
        } else {
            std::str::from_utf8(self.raw).ok().map(str::to_string)
        }
    }
}

/// A cursor over a JSON document held in memory.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

type R<T> = Result<T, SyntaxError>;

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`. A leading UTF-8 byte order mark is skipped, as
    /// browsers' `TextDecoder` does.
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        let pos = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            3
        } else {
            0
        };
        Reader { bytes, pos }
    }

    /// The byte offset of the cursor.
    pub fn position(&self) -> usize {
        self.pos
    }

    #[inline(always)]
    fn byte(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.byte() {
            self.pos += 1;
        }
    }

    /// Out-of-line [`Reader::peek_kind_hot`], for code off the hot path.
    #[inline(never)]
    pub fn peek_kind(&mut self) -> R<Kind> {
        self.peek_kind_hot()
    }

    /// The kind of the next value, after skipping white space.
    #[inline(always)]
    pub fn peek_kind_hot(&mut self) -> R<Kind> {
        self.skip_ws();
        match self.byte() {
            None => Err(SyntaxError::UnexpectedEnd),
            Some(b'n') => Ok(Kind::Null),
            Some(b't' | b'f') => Ok(Kind::Bool),
            Some(b'"') => Ok(Kind::String),
            Some(b'[') => Ok(Kind::Array),
            Some(b'{') => Ok(Kind::Object),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(_) => Err(SyntaxError::UnexpectedByte),
        }
    }

    /// Checks that only white space follows the top-level value.
    pub fn finish(&mut self) -> R<()> {
        self.skip_ws();
        if self.pos < self.bytes.len() {
            Err(SyntaxError::TrailingContent)
        } else {
            Ok(())
        }
    }

    fn literal(&mut self, word: &[u8]) -> R<()> {
        let end = self.pos.saturating_add(word.len());
        match self.bytes.get(self.pos..end) {
            Some(s) if s == word => {
                self.pos = end;
                Ok(())
            }
            Some(_) => Err(SyntaxError::UnexpectedByte),
            None => Err(SyntaxError::UnexpectedEnd),
        }
    }

    /// Reads `null`.
    pub fn null(&mut self) -> R<()> {
        self.skip_ws();
        self.literal(b"null")
    }

    /// Reads `true` or `false`.
    pub fn boolean(&mut self) -> R<bool> {
        self.skip_ws();
        if self.byte() == Some(b't') {
            self.literal(b"true").map(|_| true)
        } else {
            self.literal(b"false").map(|_| false)
        }
    }

    /// Reads a number and returns its text (valid per JSON's grammar).
    pub fn number(&mut self) -> R<&'a str> {
        self.skip_ws();
        let start = self.pos;
        if self.byte() == Some(b'-') {
            self.pos += 1;
        }
        match self.byte() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            None => return Err(SyntaxError::UnexpectedEnd),
            Some(_) => return Err(SyntaxError::BadNumber),
        }
        if self.byte() == Some(b'.') {
            self.pos += 1;
            self.require_digits()?;
        }
        if let Some(b'e' | b'E') = self.byte() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.byte() {
                self.pos += 1;
            }
            self.require_digits()?;
        }
        let text = self.bytes.get(start..self.pos).unwrap_or_default();
        std::str::from_utf8(text).map_err(|_| SyntaxError::BadNumber)
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.byte() {
            self.pos += 1;
        }
    }

    fn require_digits(&mut self) -> R<()> {
        match self.byte() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            None => Err(SyntaxError::UnexpectedEnd),
            Some(_) => Err(SyntaxError::BadNumber),
        }
    }

    /// Out-of-line [`Reader::string_hot`], for code off the hot path.
    #[inline(never)]
    pub fn string(&mut self) -> R<RawStr<'a>> {
        self.string_hot()
    }

    /// Reads a string token. The document must be valid UTF-8 (checked by the caller once).
    #[inline(always)]
    pub fn string_hot(&mut self) -> R<RawStr<'a>> {
        self.skip_ws();
        if self.byte() != Some(b'"') {
            return Err(self.unexpected());
        }
        self.pos += 1;
        let start = self.pos;
        let mut escaped = false;
        loop {
            // Fast path: run over ordinary bytes.
            self.pos += ordinary_run(self.bytes.get(self.pos..).unwrap_or_default());
            match self.byte() {
                Some(b'"') => {
                    let raw = self.bytes.get(start..self.pos).unwrap_or_default();
                    self.pos += 1;
                    return Ok(RawStr { raw, escaped });
                }
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 1;
                    match self.byte() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.pos += 1
                        }
                        Some(b'u') => {
                            self.pos += 1;
                            for _ in 0..4 {
                                match self.byte() {
                                    Some(b) if b.is_ascii_hexdigit() => self.pos += 1,
                                    None => return Err(SyntaxError::UnexpectedEnd),
                                    Some(_) => return Err(SyntaxError::BadString),
                                }
                            }
                        }
                        None => return Err(SyntaxError::UnexpectedEnd),
                        Some(_) => return Err(SyntaxError::BadString),
                    }
                }
                Some(b) if b >= 0x80 => {
                    // Non-ASCII can only stand inside strings, so checking UTF-8 here checks
                    // the whole document. ASCII bytes end a run, so a run must be valid alone.
                    let rest = self.bytes.get(self.pos..).unwrap_or_default();
                    let run = rest.iter().position(|b| *b < 0x80).unwrap_or(rest.len());
                    let valid = rest
                        .get(..run)
                        .is_some_and(|r| std::str::from_utf8(r).is_ok());
                    if !valid {
                        return Err(SyntaxError::BadUtf8);
                    }
                    self.pos += run;
                }
                None => return Err(SyntaxError::UnexpectedEnd),
                _ => return Err(SyntaxError::BadString),
            }
        }
    }

    fn unexpected(&self) -> SyntaxError {
        if self.pos >= self.bytes.len() {
            SyntaxError::UnexpectedEnd
        } else {
            SyntaxError::UnexpectedByte
        }
    }

    #[inline(always)]
    fn punct(&mut self, b: u8) -> R<()> {
        self.skip_ws();
        if self.byte() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    /// Reads `[`; then call [`Reader::next_item`] before each element.
    pub fn begin_array(&mut self) -> R<()> {
        self.punct(b'[')
    }

    /// Before member `index` of an object: when the next key is exactly `"name"` (no escapes),
    /// consumes it and its `:` and returns true; otherwise leaves the reader as it was. Lets a
    /// validator that expects a key skip scanning and looking it up.
    #[inline(always)]
    pub fn try_key(&mut self, index: usize, name: &[u8]) -> bool {
        let save = self.pos;
        self.skip_ws();
        if index > 0 {
            if self.byte() != Some(b',') {
                self.pos = save;
                return false;
            }
            self.pos += 1;
            self.skip_ws();
        }
        let end = self.pos + name.len() + 2;
        let matched = match self.bytes.get(self.pos..end) {
            Some([b'"', middle @ .., b'"']) => middle == name,
            _ => false,
        };
        if matched {
            self.pos = end;
            self.skip_ws();
            if self.byte() == Some(b':') {
                self.pos += 1;
                return true;
            }
        }
        self.pos = save;
        false
    }

    /// Out-of-line [`Reader::next_item_hot`], for code off the hot path.
    #[inline(never)]
    pub fn next_item(&mut self, index: usize) -> R<bool> {
        self.next_item_hot(index)
    }

    /// Before element `index` of an array: `Ok(true)` when an element follows (its separator
    /// consumed), `Ok(false)` when the array ended (`]` consumed).
    #[inline(always)]
    pub fn next_item_hot(&mut self, index: usize) -> R<bool> {
        self.skip_ws();
        match self.byte() {
            Some(b']') => {
                self.pos += 1;
                Ok(false)
            }
            Some(b',') if index > 0 => {
                self.pos += 1;
                Ok(true)
            }
            Some(_) if index == 0 => Ok(true),
            _ => Err(self.unexpected()),
        }
    }

    /// Reads `{`; then call [`Reader::next_key`] before each member.
    pub fn begin_object(&mut self) -> R<()> {
        self.punct(b'{')
    }

    /// Out-of-line [`Reader::next_key_hot`], for code off the hot path.
    #[inline(never)]
    pub fn next_key(&mut self, index: usize) -> R<Option<RawStr<'a>>> {
        self.next_key_hot(index)
    }

    /// Before member `index` of an object: the member's key (its `:` consumed), or `None`
    /// when the object ended (`}` consumed).
    #[inline(always)]
    pub fn next_key_hot(&mut self, index: usize) -> R<Option<RawStr<'a>>> {
        self.skip_ws();
        match self.byte() {
            Some(b'}') => {
                self.pos += 1;
                return Ok(None);
            }
            Some(b',') if index > 0 => self.pos += 1,
            Some(_) if index == 0 => {}
            _ => return Err(self.unexpected()),
        }
        let key = self.string_hot()?;
        self.punct(b':')?;
        Ok(Some(key))
    }

    /// Skips one value of any kind, nested at most `MAX_DEPTH - depth` levels.
    pub fn skip_value(&mut self, depth: u32) -> R<()> {
        if depth >= MAX_DEPTH {
            return Err(SyntaxError::TooDeep);
        }
        match self.peek_kind()? {
            Kind::Null => self.null(),
            Kind::Bool => self.boolean().map(|_| ()),
            Kind::Number => self.number().map(|_| ()),
            Kind::String => self.string().map(|_| ()),
            Kind::Array => {
                self.begin_array()?;
                let mut i = 0;
                while self.next_item(i)? {
                    self.skip_value(depth + 1)?;
                    i += 1;
                }
                Ok(())
            }
            Kind::Object => {
                self.begin_object()?;
                let mut i = 0;
                while self.next_key(i)?.is_some() {
                    self.skip_value(depth + 1)?;
                    i += 1;
                }
                Ok(())
            }
        }
    }
}

/// The length of the leading run of bytes that need no attention inside a string (not `"`,
/// not `\\`, not a control character, ASCII). Looks at 16 bytes at a time with wasm SIMD: strings
/// are most of a response's bytes.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn ordinary_run(s: &[u8]) -> usize {
    use core::arch::wasm32::{
        i8x16_lt, i8x16_splat, u64x2, u8x16_bitmask, u8x16_eq, u8x16_splat, v128_any_true, v128_or,
    };
    let mut i = 0;
    for chunk in s.chunks_exact(16) {
        // A slice pattern, not `copy_from_slice`: at opt-level "z" that stays a call per chunk.
        let [a, b, c, d, e, f, g, h, j, k, l, m, n, o, p, q] = *chunk else {
            break;
        };
        let v = u64x2(
            u64::from_le_bytes([a, b, c, d, e, f, g, h]),
            u64::from_le_bytes([j, k, l, m, n, o, p, q]),
        );
        // Signed, bytes >= 0x80 are negative: one comparison finds control and non-ASCII bytes.
        let special = v128_or(
            v128_or(
                u8x16_eq(v, u8x16_splat(b'"')),
                u8x16_eq(v, u8x16_splat(b'\\')),
            ),
            i8x16_lt(v, i8x16_splat(0x20)),
        );
        if v128_any_true(special) {
            return i + u8x16_bitmask(special).trailing_zeros() as usize;
        }
        i += 16;
    }
    i + ordinary_run_portable(s.get(i..).unwrap_or_default())
}

/// The length of the leading run of bytes that need no attention inside a string (not `"`,
/// not `\\`, not a control character, ASCII). Looks at 8 bytes at a time (SWAR): strings are most
/// of a response's bytes.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
fn ordinary_run(s: &[u8]) -> usize {
    ordinary_run_portable(s)
}

/// [`ordinary_run`] 8 bytes at a time in a `u64` (SWAR), for targets without SIMD.
#[inline(always)]
fn ordinary_run_portable(s: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let mut i = 0;
    for chunk in s.chunks_exact(8) {
        // A slice pattern, not `copy_from_slice`: at opt-level "z" that stays a call per chunk.
        let [a, b, c, d, e, f, g, h] = *chunk else {
            break;
        };
        let v = u64::from_le_bytes([a, b, c, d, e, f, g, h]);
        let special = has_zero(v ^ (ONES * u64::from(b'"')))
            | has_zero(v ^ (ONES * u64::from(b'\\')))
            // A byte below 0x20 (and not >= 0x80): subtracting 0x20 borrows into its high bit.
            | (v.wrapping_sub(ONES * 0x20) & !v & HIGHS)
            // A non-ASCII byte (UTF-8 is checked where it stands).
            | (v & HIGHS);
        if special != 0 {
            // The lowest flagged byte is the first special one (flags above it may be false
            // positives from borrows, never below).
            return i + (special.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let tail = s.get(i..).unwrap_or_default();
    i + tail
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || !(0x20..0x80).contains(&b))
        .unwrap_or(tail.len())
}

/// Decodes the raw bytes of a JSON string (between the quotes). `None` on a bad escape.
pub fn decode_string(raw: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(raw).ok()?;
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let decoded = match chars.next()? {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let hi = hex4(&mut chars)?;
                if (0xD800..0xDC00).contains(&hi) {
                    // A high surrogate: pair it with a following \uDC00..\uDFFF if present.
                    let mut look = chars.clone();
                    let lo = match (look.next(), look.next()) {
                        (Some('\\'), Some('u')) => hex4(&mut look),
                        _ => None,
                    };
                    match lo {
                        Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                            chars = look;
                            let code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        _ => '\u{FFFD}',
                    }
                } else {
                    char::from_u32(hi).unwrap_or('\u{FFFD}')
                }
            }
            _ => return None,
        };
        out.push(decoded);
    }
    Some(out)
}

fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let mut v = 0u32;
    for _ in 0..4 {
        v = v * 16 + chars.next()?.to_digit(16)?;
    }
    Some(v)
}

/// The exact integer value of a JSON number's text (`12`, `-3`, `1.0`, `2e3`), or why not:
/// `Err(false)` when it is not integral, `Err(true)` when it is beyond ±(2^53 - 1).
/// Parsed without floating point, so the result is exact.
pub fn integer_value(text: &str) -> Result<i64, bool> {
    const MAX_SAFE: u64 = 9_007_199_254_740_991;
    // Fast path: plain digits (what APIs send), exact in an i64 up to 15 digits.
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.is_empty() && digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let v = digits
            .bytes()
            .fold(0i64, |v, b| v * 10 + i64::from(b - b'0'));
        return Ok(if text.starts_with('-') { -v } else { v });
    }
    let (negative, t) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exp) = match t.find(['e', 'E']) {
        Some(i) => (t.get(..i).unwrap_or(""), t.get(i + 1..).unwrap_or("")),
        None => (t, "0"),
    };
    let exp_digits = exp.trim_start_matches(['+', '-']);
    let mut e: i64 = 0;
    for b in exp_digits.bytes() {
        e = (e * 10 + i64::from(b.wrapping_sub(b'0'))).min(10_000);
    }
    if exp.starts_with('-') {
        e = -e;
    }
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    e -= frac.len() as i64;
    while digits.last() == Some(&b'0') {
        digits.pop();
        e += 1;
    }
    let lead = digits.iter().take_while(|d| **d == b'0').count();
    let digits = digits.get(lead..).unwrap_or_default();
    if digits.is_empty() {
        return Ok(0);
    }
    if e < 0 {
        return Err(false);
    }
    if digits.len() as i64 + e > 16 {
        return Err(true);
    }
    let mut v: u64 = 0;
    for d in digits {
        v = v * 10 + u64::from(d - b'0');
    }
    for _ in 0..e {
        v *= 10;
    }
    if v > MAX_SAFE {
        return Err(true);
    }
    let v = v as i64;
    Ok(if negative { -v } else { v })
}

/// A parsed JSON value, for small documents the library reads itself (error bodies).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// a number, as its JSON text (kept exact; JS turns it into a Number)
    Num(String),
    /// a string
    Str(String),
    /// an array
    Arr(Vec<Value>),
    /// an object, members in document order
    Obj(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object (the last one, as `JSON.parse` keeps the last duplicate).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Obj(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The member `key` of an object, taken out of it (the last one, as `JSON.parse` keeps).
    pub fn take(self, key: &str) -> Option<Value> {
        match self {
            Value::Obj(members) => members
                .into_iter()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string value, or the decimal form of a number value.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Value::Str(s) => Some(s.clone()),
            Value::Num(n) => Some(n.clone()),
            _ => None,
        }
    }

    /// Replaces `secret` in every string and key of the tree by `[REDACTED]`.
    pub fn redact(&mut self, secret: &str) {
        match self {
            Value::Str(s) => *s = crate::error::redact_str(s, secret),
            Value::Arr(items) => items.iter_mut().for_each(|v| v.redact(secret)),
            Value::Obj(members) => {
                for (k, v) in members.iter_mut() {
                    *k = crate::error::redact_str(k, secret);
                    v.redact(secret);
                }
            }
            _ => {}
        }
    }
}

/// Parses a whole document into a [`Value`]. `None` when it is not valid JSON (or not UTF-8).
pub fn parse_value(bytes: &[u8]) -> Option<Value> {
    let mut r = Reader::new(bytes);
    let v = read_value(&mut r, 0).ok()?;
    r.finish().ok()?;
    Some(v)
}

fn read_value(r: &mut Reader<'_>, depth: u32) -> R<Value> {
    if depth >= MAX_DEPTH {
        return Err(SyntaxError::TooDeep);
    }
    Ok(match r.peek_kind()? {
        Kind::Null => {
            r.null()?;
            Value::Null
        }
        Kind::Bool => Value::Bool(r.boolean()?),
        Kind::Number => Value::Num(r.number()?.to_string()),
        Kind::String => Value::Str(r.string()?.decode().ok_or(SyntaxError::BadString)?),
        Kind::Array => {
            r.begin_array()?;
            let mut items = Vec::new();
            while r.next_item(items.len())? {
                items.push(read_value(r, depth + 1)?);
            }
            Value::Arr(items)
        }
        Kind::Object => {
            r.begin_object()?;
            let mut members = Vec::new();
            while let Some(key) = r.next_key(members.len())? {
                let key = key.decode().ok_or(SyntaxError::BadString)?;
                members.push((key, read_value(r, depth + 1)?));
            }
            Value::Obj(members)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip_all(s: &str) -> R<()> {
        let mut r = Reader::new(s.as_bytes());
        r.skip_value(0)?;
        r.finish()
    }

    #[test]
    fn accepts_what_json_parse_accepts() {
        for ok in [
            "null",
            "true",
            "false",
            "0",
            "-0",
            "1.5e+3",
            "-12E-2",
            "\"\"",
            "\"a\\u00e9\\n\"",
            "[]",
            "[1, [2, {}]]",
            "{\"a\": {\"b\": [null]}}",
            " \n\t{ } ",
            "\"é😀\"",
        ] {
            assert_eq!(skip_all(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rejects_what_json_parse_rejects() {
        for (bad, why) in [
            ("", SyntaxError::UnexpectedEnd),
            ("[1,]", SyntaxError::UnexpectedByte),
            ("[1 2]", SyntaxError::UnexpectedByte),
            ("{\"a\" 1}", SyntaxError::UnexpectedByte),
            ("{\"a\":1,}", SyntaxError::UnexpectedByte),
            ("01", SyntaxError::TrailingContent),
            ("1.", SyntaxError::UnexpectedEnd),
            ("1.e3", SyntaxError::BadNumber),
            ("+1", SyntaxError::UnexpectedByte),
            ("\"a\nb\"", SyntaxError::BadString),
            ("\"\\x\"", SyntaxError::BadString),
            ("\"\\u12g4\"", SyntaxError::BadString),
            ("\"abc", SyntaxError::UnexpectedEnd),
            ("[1", SyntaxError::UnexpectedEnd),
            ("tru", SyntaxError::UnexpectedEnd),
            ("nul1", SyntaxError::UnexpectedByte),
            ("{} {}", SyntaxError::TrailingContent),
            ("NaN", SyntaxError::UnexpectedByte),
        ] {
            assert_eq!(skip_all(bad), Err(why), "{bad:?}");
        }
    }

    #[test]
    fn nesting_is_bounded_without_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        assert_eq!(skip_all(&deep), Err(SyntaxError::TooDeep));
        let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(skip_all(&ok), Ok(()));
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        assert_eq!(
            decode_string(br#"a\"b\\c\/\n"#).as_deref(),
            Some("a\"b\\c/\n")
        );
        assert_eq!(decode_string(br"\ud83d\ude00").as_deref(), Some("😀"));
        assert_eq!(decode_string(br"\ud83dx").as_deref(), Some("\u{FFFD}x"));
        assert_eq!(decode_string(br"\u00e9").as_deref(), Some("é"));
    }

    #[test]
    fn parses_values_and_keeps_the_last_duplicate_key() {
        let v = parse_value(br#"{"a":1,"b":[true,null,"x"],"a":2}"#);
        let v = v.as_ref();
        assert_eq!(v.and_then(|v| v.get("a")), Some(&Value::Num("2".into())));
        assert_eq!(parse_value(b"{"), None);
        assert_eq!(parse_value(b"\xff"), None);
    }

    #[test]
    fn integer_values_are_exact() {
        assert_eq!(integer_value("0"), Ok(0));
        assert_eq!(integer_value("-0"), Ok(0));
        assert_eq!(integer_value("1002"), Ok(1002));
        assert_eq!(integer_value("-17"), Ok(-17));
        assert_eq!(integer_value("3.000"), Ok(3));
        assert_eq!(integer_value("2e3"), Ok(2000));
        assert_eq!(integer_value("25E-1"), Err(false));
        assert_eq!(integer_value("1.5"), Err(false));
        assert_eq!(integer_value("0.0001"), Err(false));
        assert_eq!(integer_value("9007199254740991"), Ok(9_007_199_254_740_991));
        assert_eq!(integer_value("9007199254740992"), Err(true));
        assert_eq!(integer_value("1e300"), Err(true));
        assert_eq!(integer_value("1e-300"), Err(false));
        assert_eq!(integer_value("0e999999999999"), Ok(0));
    }

    #[test]
    fn ordinary_runs_stop_at_the_first_special_byte() {
        for (s, n) in [
            (&b""[..], 0),
            (b"abc", 3),
            (b"abcdefghijkl\"x", 12),
            (b"ab\\cdefghij", 2),
            (b"abcdefgh\x1fij", 8),
            (b"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\"", 0),
            (b"abcdefghij\xc3\xa9", 10),
            (b"\x7f\x80\xff abcdefgh\x00", 1),
            (b"\"", 0),
        ] {
            let naive = s
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || !(0x20..0x80).contains(&b))
                .unwrap_or(s.len());
            assert_eq!(naive, n, "{s:?}");
            assert_eq!(ordinary_run(s), n, "{s:?}");
        }
    }

    #[test]
    fn try_key_matches_only_the_exact_key() {
        let doc = br#"{"city" : 1, "cityx":2,"ci\u0074y":3}"#;
        let mut r = Reader::new(doc);
        assert_eq!(r.begin_object(), Ok(()));
        assert!(!r.try_key(0, b"cit"));
        assert!(r.try_key(0, b"city"));
        assert_eq!(r.number(), Ok("1"));
        assert!(!r.try_key(1, b"city"), "cityx is not city");
        assert!(matches!(r.next_key(1), Ok(Some(k)) if k.raw == b"cityx"));
        assert_eq!(r.number(), Ok("2"));
        assert!(!r.try_key(2, b"city"), "escaped keys take the slow path");
        assert!(matches!(r.next_key(2), Ok(Some(k)) if k.eq_str("city")));
    }

    #[test]
    fn checks_utf8_inside_strings_and_refuses_it_outside() {
        for ok in [
            "\"é😀 abc\"",
            "[\"a\",\"中文\",\"x\u{7ff}\u{800}\u{ffff}\"]",
        ] {
            assert_eq!(skip_all(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            (&b"\"\x80\""[..], SyntaxError::BadUtf8),
            (b"\"\xc3\"", SyntaxError::BadUtf8),
            (b"\"\xc0\x80\"", SyntaxError::BadUtf8),
            (b"\"\xed\xa0\x80\"", SyntaxError::BadUtf8),
            (b"\"\xf5\x80\x80\x80\"", SyntaxError::BadUtf8),
            (b"\"a\xe4\xb8", SyntaxError::BadUtf8),
            (b"[1,\xc3\xa9]", SyntaxError::UnexpectedByte),
        ] {
            let mut r = Reader::new(bad);
            assert_eq!(
                r.skip_value(0).and_then(|()| r.finish()),
                Err(why),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn skips_a_leading_byte_order_mark() {
        let mut r = Reader::new(b"\xEF\xBB\xBF[1]");
        assert_eq!(r.skip_value(0), Ok(()));
    }
}
