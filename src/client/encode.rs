//! Query-string encoding shared by every operation: the array formats, RFC 3986
//! percent-encoding, and [`Pairs`], the writer each operation's parameters use.

/// How array filters (`status_in`, `country_code_in`) are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ArrayFormat {
    /// `filter[status_in]=pending%2Cported` (the SDK's and the API's default).
    #[default]
    Comma,
    /// `filter[status_in][]=pending&filter[status_in][]=ported`
    Brackets,
    /// `filter[status_in]=pending&filter[status_in]=ported`
    Repeat,
}

impl ArrayFormat {
    /// The three formats.
    pub const ALL: [ArrayFormat; 3] = [
        ArrayFormat::Comma,
        ArrayFormat::Brackets,
        ArrayFormat::Repeat,
    ];

    /// The format named `comma`, `brackets` or `repeat`.
    pub fn parse(s: &str) -> Option<ArrayFormat> {
        match s {
            "comma" => Some(ArrayFormat::Comma),
            "brackets" => Some(ArrayFormat::Brackets),
            "repeat" => Some(ArrayFormat::Repeat),
            _ => None,
        }
    }
}

/// Appends `s` percent-encoded RFC 3986 style (unreserved characters kept, UTF-8 bytes of
/// everything else as `%XX`, upper-case hex).
pub fn encode_into(out: &mut String, s: &str) {
    let hex = |n: u8| char::from_digit(u32::from(n), 16).map_or('0', |c| c.to_ascii_uppercase());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(hex(b >> 4));
            out.push(hex(b & 15));
        }
    }
}

/// A query string being written: `key=value` pairs joined by `&`, keys and values
/// percent-encoded, arrays in the caller's [`ArrayFormat`]. The query structs write
/// themselves into one through `deep_object::to_query`, in their fields' order, so equal
/// parameters give equal strings.
#[derive(Debug)]
pub struct Pairs {
    out: String,
    format: ArrayFormat,
}

impl Pairs {
    /// An empty query string whose arrays are written in `format`.
    pub fn new(format: ArrayFormat) -> Pairs {
        Pairs {
            out: String::new(),
            format,
        }
    }

    /// The query string (no leading `?`; empty when nothing was written).
    pub fn finish(self) -> String {
        self.out
    }

    /// Appends `key=value`.
    pub fn pair(&mut self, key: &str, value: &str) {
        if !self.out.is_empty() {
            self.out.push('&');
        }
        encode_into(&mut self.out, key);
        self.out.push('=');
        encode_into(&mut self.out, value);
    }

    /// Appends an array in the format of this query string (nothing for `None`).
    pub fn list<'a>(&mut self, key: &str, values: Option<impl Iterator<Item = &'a str>>) {
        let Some(values) = values else { return };
        match self.format {
            ArrayFormat::Comma => {
                let joined: Vec<&str> = values.collect();
                self.pair(key, &joined.join(","));
            }
            ArrayFormat::Brackets => {
                let k = format!("{key}[]");
                values.for_each(|v| self.pair(&k, v));
            }
            ArrayFormat::Repeat => values.for_each(|v| self.pair(key, v)),
        }
    }
}

/// Decodes `%XX` escapes (a literal `+` stays `+`: this library never sends a raw `+`, and
/// phone numbers typed into a URL keep their plus). `None` on a bad escape or invalid UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            let hi = char::from(*b.get(i + 1)?).to_digit(16)?;
            let lo = char::from(*b.get(i + 2)?).to_digit(16)?;
            out.push(u8::try_from(hi * 16 + lo).ok()?);
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
