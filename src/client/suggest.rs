//! "Did you mean" suggestions for unknown keys (`statusIn` → `status_in`, `baseURL` →
//! `baseUrl`). The official SDK silently drops misspelled filters; this library names them.

/// The closest of `candidates` to `key`, if one is close enough to be a likely typo.
/// Each candidate is `(spelling to compare, text to suggest)`.
pub fn did_you_mean<'a>(key: &str, candidates: &[(&str, &'a str)]) -> Option<&'a str> {
    let folded = fold(key);
    if let Some((_, s)) = candidates.iter().find(|(c, _)| fold(c) == folded) {
        return Some(s);
    }
    let limit = (&folded.chars().count() / 3).clamp(1, 3);
    candidates
        .iter()
        .map(|(c, s)| (edit_distance(&folded, &fold(c)), *s))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, s)| s)
}

/// Lower case with `_`, `-`, `.`, `[`, `]` and spaces removed: `status_in`, `statusIn` and
/// `status-in` all fold to `statusin`.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '_' | '-' | '.' | '[' | ']' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Levenshtein distance over chars (inputs here are short keys; long ones are cut at 64).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = Vec::with_capacity(b.len() + 1);
        row.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let sub = prev
                .get(j)
                .map_or(usize::MAX, |v| v + usize::from(ca != cb));
            let del = prev.get(j + 1).map_or(usize::MAX, |v| v + 1);
            let ins = row.last().map_or(usize::MAX, |v| v + 1);
            row.push(sub.min(del).min(ins));
        }
        prev = row;
    }
    prev.last().copied().unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: &[(&str, &str)] = &[
        ("status_in", "status_in"),
        ("status", "status"),
        ("spid", "spid"),
    ];

    #[test]
    fn folds_case_and_separators() {
        assert_eq!(did_you_mean("statusIn", FIELDS), Some("status_in"));
        assert_eq!(did_you_mean("STATUS-IN", FIELDS), Some("status_in"));
    }

    #[test]
    fn finds_small_typos_only() {
        assert_eq!(did_you_mean("statsu", FIELDS), Some("status"));
        assert_eq!(did_you_mean("spd", FIELDS), Some("spid"));
        assert_eq!(did_you_mean("zzzzzzzz", FIELDS), None);
    }

    #[test]
    fn distance_is_levenshtein() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }
}
