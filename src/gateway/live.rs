//! The live stream's messages: each accepted webhook event as one server-sent event (`id:` its
//! id, `event:` its type, `data:` its JSON), kept in a bounded buffer so that a reconnect with
//! `Last-Event-ID` gets what it missed.

use std::collections::VecDeque;

/// At most this many events are kept for reconnects.
pub const LIVE_BUFFER: usize = 1_000;
/// The comment line sent when nothing else was, so proxies keep the stream open.
pub const HEARTBEAT: &str = ": heartbeat\n\n";
/// How often the heartbeat is sent, in milliseconds.
pub const HEARTBEAT_MS: u32 = 15_000;

/// The buffered events, oldest first: (id, message).
#[derive(Debug, Default)]
pub struct LiveBuffer {
    events: VecDeque<(String, String)>,
}

/// One server-sent event: a multi-line `data` is sent as one `data:` line per line, which
/// the receiver joins back with `\n`. Ids and types never hold a line break (the validator
/// checked them as strings; a line break in one is replaced).
pub fn message(id: &str, event_type: &str, json: &str) -> String {
    let one_line = |s: &str| s.replace(['\r', '\n'], " ");
    let mut out = format!("id: {}\nevent: {}\n", one_line(id), one_line(event_type));
    for line in json.split('\n') {
        out.push_str("data: ");
        out.push_str(line.trim_end_matches('\r'));
        out.push('\n');
    }
    out.push('\n');
    out
}

impl LiveBuffer {
    /// Buffers an event; returns its message.
    pub fn push(&mut self, id: &str, event_type: &str, json: &str) -> String {
        let m = message(id, event_type, json);
        if self.events.len() == LIVE_BUFFER {
            self.events.pop_front();
        }
        self.events.push_back((id.to_string(), m.clone()));
        m
    }

    /// What a reconnect with `Last-Event-ID: last` missed: the events after it, or all that
    /// are kept when it is no longer (or never was) among them; nothing for a first connect.
    pub fn since(&self, last: Option<&str>) -> Vec<String> {
        let Some(last) = last.filter(|l| !l.is_empty()) else {
            return Vec::new();
        };
        let start = self
            .events
            .iter()
            .position(|(id, _)| id == last)
            .map_or(0, |i| i + 1);
        self.events
            .iter()
            .skip(start)
            .map(|(_, m)| m.clone())
            .collect()
    }

    /// How many events are kept.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// True when none is.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_one_server_sent_event() {
        assert_eq!(
            message("e1", "portout.new_comment", "{\"a\":1}"),
            "id: e1\nevent: portout.new_comment\ndata: {\"a\":1}\n\n"
        );
        assert_eq!(
            message("e\n2", "t", "{\n\"a\":1\r\n}"),
            "id: e 2\nevent: t\ndata: {\ndata: \"a\":1\ndata: }\n\n"
        );
    }

    #[test]
    fn a_reconnect_gets_what_it_missed_from_a_bounded_buffer() {
        let mut b = LiveBuffer::default();
        for i in 0..5 {
            b.push(&format!("e{i}"), "t", "{}");
        }
        assert!(b.since(None).is_empty());
        let missed = b.since(Some("e2"));
        assert_eq!(missed.len(), 2);
        assert!(missed[0].starts_with("id: e3\n"));
        assert!(b.since(Some("e4")).is_empty());
        assert_eq!(b.since(Some("gone")).len(), 5);
        for i in 0..2 * LIVE_BUFFER {
            b.push(&format!("x{i}"), "t", "{}");
        }
        assert_eq!(b.len(), LIVE_BUFFER);
    }
}
