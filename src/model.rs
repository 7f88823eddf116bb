//! The port-out record of the spec (`PortoutDetails`), as a table of its 27 fields and their
//! JSON types, and the page metadata. JS receives the records as `JSON.parse` built them;
//! this table is what the response validator checks them against.

/// A port-out's status as the spec lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Status {
    /// `pending`
    Pending,
    /// `authorized`
    Authorized,
    /// `ported`
    Ported,
    /// `rejected`
    Rejected,
    /// `rejected-pending`
    RejectedPending,
    /// `canceled`
    Canceled,
}

impl Status {
    /// The six statuses, in the spec's order.
    pub const ALL: [Status; 6] = [
        Status::Pending,
        Status::Authorized,
        Status::Ported,
        Status::Rejected,
        Status::RejectedPending,
        Status::Canceled,
    ];

    /// The wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Authorized => "authorized",
            Status::Ported => "ported",
            Status::Rejected => "rejected",
            Status::RejectedPending => "rejected-pending",
            Status::Canceled => "canceled",
        }
    }

    /// The status with this exact wire form.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// The JSON type a port-out field must have when present and not `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// A string.
    Text,
    /// `true` or `false`.
    Boolean,
    /// An integral number.
    Integer,
    /// An array of strings.
    TextList,
}

/// The 27 fields of `PortoutDetails`, sorted by name, with their types.
pub const PORTOUT_FIELDS: [(&str, FieldType); 27] = [
    ("already_ported", FieldType::Boolean),
    ("authorized_name", FieldType::Text),
    ("carrier_name", FieldType::Text),
    ("city", FieldType::Text),
    ("created_at", FieldType::Text),
    ("current_carrier", FieldType::Text),
    ("end_user_name", FieldType::Text),
    ("foc_date", FieldType::Text),
    ("host_messaging", FieldType::Boolean),
    ("id", FieldType::Text),
    ("inserted_at", FieldType::Text),
    ("lsr", FieldType::TextList),
    ("phone_numbers", FieldType::TextList),
    ("pon", FieldType::Text),
    ("reason", FieldType::Text),
    ("record_type", FieldType::Text),
    ("rejection_code", FieldType::Integer),
    ("requested_foc_date", FieldType::Text),
    ("service_address", FieldType::Text),
    ("spid", FieldType::Text),
    ("state", FieldType::Text),
    ("status", FieldType::Text),
    ("support_key", FieldType::Text),
    ("updated_at", FieldType::Text),
    ("user_id", FieldType::Text),
    ("vendor", FieldType::Text),
    ("zip", FieldType::Text),
];

/// The type of a known port-out field, `None` for fields the spec does not list.
pub fn field_type(name: &[u8]) -> Option<FieldType> {
    field_index(name)
        .and_then(|i| PORTOUT_FIELDS.get(i))
        .map(|(_, t)| *t)
}

/// The index in [`PORTOUT_FIELDS`] of a known field, `None` for fields the spec does not list.
///
/// Runs for keys the validator did not predict, so it avoids a search: the fields' (length,
/// first byte) pairs are all distinct, which picks the one candidate to compare.
#[inline(always)]
pub fn field_index(name: &[u8]) -> Option<usize> {
    let index = match (name.len(), name.first()) {
        (14, Some(b'a')) => 0,
        (15, Some(b'a')) => 1,
        (12, Some(b'c')) => 2,
        (4, Some(b'c')) => 3,
        (10, Some(b'c')) => 4,
        (15, Some(b'c')) => 5,
        (13, Some(b'e')) => 6,
        (8, Some(b'f')) => 7,
        (14, Some(b'h')) => 8,
        (2, Some(b'i')) => 9,
        (11, Some(b'i')) => 10,
        (3, Some(b'l')) => 11,
        (13, Some(b'p')) => 12,
        (3, Some(b'p')) => 13,
        (6, Some(b'r')) => 14,
        (11, Some(b'r')) => 15,
        (14, Some(b'r')) => 16,
        (18, Some(b'r')) => 17,
        (15, Some(b's')) => 18,
        (4, Some(b's')) => 19,
        (5, Some(b's')) => 20,
        (6, Some(b's')) => 21,
        (11, Some(b's')) => 22,
        (10, Some(b'u')) => 23,
        (7, Some(b'u')) => 24,
        (6, Some(b'v')) => 25,
        (3, Some(b'z')) => 26,
        _ => return None,
    };
    PORTOUT_FIELDS
        .get(index)
        .filter(|(n, _)| n.as_bytes() == name)
        .map(|_| index)
}

/// The `meta` object of a list response.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The page this is (1-based).
    pub page_number: u64,
    /// Records a page.
    pub page_size: u64,
    /// Pages in the whole listing.
    pub total_pages: u64,
    /// Records in the whole listing.
    pub total_results: u64,
}

/// The names of [`PageMeta`]'s fields, as the API spells them.
pub const META_FIELDS: [&str; 4] = ["page_number", "page_size", "total_pages", "total_results"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_table_is_sorted_and_matches_the_spec_count() {
        assert!(PORTOUT_FIELDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(field_type(b"phone_numbers"), Some(FieldType::TextList));
        assert_eq!(field_type(b"rejection_code"), Some(FieldType::Integer));
        assert_eq!(field_type(b"nope"), None);
        assert_eq!(field_type(b"spix"), None);
        for (name, ty) in PORTOUT_FIELDS {
            assert_eq!(field_type(name.as_bytes()), Some(ty), "{name}");
        }
    }

    #[test]
    fn statuses_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("Pending"), None);
    }
}
