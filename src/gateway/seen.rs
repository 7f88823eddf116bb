//! The webhook ids already passed on, so a delivery Telnyx repeats is passed on once: bounded
//! memory, the last [`SEEN_CAPACITY`] ids kept for [`SEEN_SECONDS`].

use std::collections::{HashSet, VecDeque};

/// At most this many ids are remembered.
pub const SEEN_CAPACITY: usize = 10_000;
/// An id is remembered this long (24 h).
pub const SEEN_SECONDS: f64 = 24.0 * 3600.0;

/// The ids seen, oldest first.
#[derive(Debug, Default)]
pub struct Seen {
    order: VecDeque<(String, f64)>,
    ids: HashSet<String>,
}

impl Seen {
    /// Records `id` seen at `now` (seconds); true when it is new.
    pub fn first_time(&mut self, id: &str, now: f64) -> bool {
        while let Some((old, at)) = self.order.front() {
            if self.order.len() < SEEN_CAPACITY && now - at < SEEN_SECONDS {
                break;
            }
            self.ids.remove(old);
            self.order.pop_front();
        }
        if self.ids.contains(id) {
            return false;
        }
        self.ids.insert(id.to_string());
        self.order.push_back((id.to_string(), now));
        true
    }

    /// How many ids are remembered.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when none is.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_passes_once_within_the_bounds() {
        let mut s = Seen::default();
        assert!(s.first_time("a", 0.0));
        assert!(!s.first_time("a", 10.0));
        assert!(s.first_time("b", 10.0));
        // After 24 h "a" is forgotten.
        assert!(s.first_time("a", SEEN_SECONDS + 1.0));
        for i in 0..2 * SEEN_CAPACITY {
            s.first_time(&format!("id{i}"), SEEN_SECONDS + 2.0);
        }
        assert_eq!(s.len(), SEEN_CAPACITY);
        // The last 10,000 are still remembered; older ones are not.
        assert!(!s.first_time(&format!("id{}", 2 * SEEN_CAPACITY - 1), SEEN_SECONDS + 3.0));
        assert!(s.first_time("id0", SEEN_SECONDS + 3.0));
    }
}
