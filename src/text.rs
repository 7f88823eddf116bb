//! Message text without `core::fmt`: `format!` pulls the formatting machinery (~4 KB of wasm,
//! plus an argument table at every call site) into the module users download, so messages
//! are joined from pieces with [`cat!`](crate::cat) and numbers are written by [`num`] and
//! [`int`].

/// Joins string pieces (`&str`, `String`, anything `AsRef<str>`) into a new `String`:
/// `cat!["must have at most ", num(100), " items"]`.
#[macro_export]
macro_rules! cat {
    ($($piece:expr),* $(,)?) => {
        [$(::core::convert::AsRef::<str>::as_ref(&$piece)),*].concat()
    };
}

/// The number of `char`s in `s` (what `s.chars().count()` returns, in a smaller loop: the
/// bytes that do not continue a UTF-8 sequence).
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// `n` in decimal.
pub fn num(n: impl Into<u64>) -> String {
    let mut n: u64 = n.into();
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        if let Some(d) = digits.get_mut(start) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || start == 0 {
            break;
        }
    }
    digits
        .get(start..)
        .map(|d| d.iter().map(|&b| char::from(b)).collect())
        .unwrap_or_default()
}

/// `n` in decimal, with a `-` when negative.
pub fn int(n: i64) -> String {
    let digits = num(n.unsigned_abs());
    if n < 0 {
        cat!["-", digits]
    } else {
        digits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_numbers_as_display_does() {
        for n in [0u64, 7, 10, 99, 100, 4_294_967_295, u64::MAX] {
            assert_eq!(num(n), n.to_string());
        }
        for n in [0i64, -1, 42, -9_007_199_254_740_991, i64::MIN, i64::MAX] {
            assert_eq!(int(n), n.to_string());
        }
        assert_eq!(cat!["a", String::from("b"), num(3u32), ""], "ab3");
        for s in ["", "abc", "é€😀", "a\u{0}b\u{10ffff}"] {
            assert_eq!(char_count(s), s.chars().count(), "{s:?}");
        }
    }
}
