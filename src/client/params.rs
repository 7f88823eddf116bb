//! Parameter types shared by the operations: a page and a date range.

use serde::Serialize;

/// The largest `page.size` the API accepts.
pub const MAX_PAGE_SIZE: u32 = 250;

/// An inclusive date range (`filter[inserted_at][gte]`, `filter[inserted_at][lte]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DateRange {
    /// Greater than or equal to this RFC 3339 date-time or date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gte: Option<String>,
    /// Less than or equal to this RFC 3339 date-time or date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lte: Option<String>,
}

impl DateRange {
    /// True when neither end is set.
    pub fn is_empty(&self) -> bool {
        self.gte.is_none() && self.lte.is_none()
    }
}

/// `page[number]` and `page[size]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Page {
    /// 1-based page number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Records a page, 1..=250.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
}

impl Page {
    /// True when neither number nor size is set.
    pub fn is_empty(&self) -> bool {
        self.number.is_none() && self.size.is_none()
    }
}
