//! The table of operations: each of the 14 operations of `/portouts` as one entry (its JS
//! name, method, path template, arguments, and the function of its module under `src/api/`
//! that validates them and describes the request). The boundary's one export runs any entry;
//! the table is the one place that lists them.

use crate::api::events::{self, EventsQuery};
use crate::api::portouts::{self, filter::ListQuery};
use crate::api::reports::{self, ReportsQuery};
use crate::api::{comments, rejections, supporting_documents};
use crate::client::listing::listing;
#[cfg(test)]
use crate::client::operation::Ts;
use crate::client::operation::{Operation, Param, Run};
use crate::client::query_string::TEXT_FILTERS;
use crate::client::request::Method::{Get, Patch, Post};

const ID: &[Param] = &[Param::Id("id")];
const TEXT_QUERY: &[Param] = &[Param::Query(&TEXT_FILTERS)];

/// Every operation, in the order of the API reference.
pub static OPERATIONS: [Operation; 14] = [
    Operation {
        name: "listPortouts",
        #[cfg(test)]
        doc: "Lists one page of port-outs.",
        #[cfg(test)]
        ts: Ts {
            params: &["PortoutListQuery"],
            returns: "PortoutPage",
            record: "Portout",
        },
        method: Get,
        path: "/portouts",
        params: &[Param::Query(&portouts::query::SHAPE)],
        run: Run::Page(|q| listing(q, ListQuery::from_input)),
    },
    Operation {
        name: "getPortout",
        #[cfg(test)]
        doc: "Fetches one port-out by id.",
        #[cfg(test)]
        ts: Ts {
            params: &["string"],
            returns: "Portout",
            record: "",
        },
        method: Get,
        path: "/portouts/{id}",
        params: ID,
        run: Run::Data(|a, _| portouts::get(a.id(0)?)),
    },
    Operation {
        name: "updatePortoutStatus",
        #[cfg(test)]
        doc: "Authorizes (`'authorized'`) or rejects (`'rejected-pending'`, with a reason) a port-out.",
        #[cfg(test)]
        ts: Ts {
            params: &["string", "PortoutStatusChange", "PortoutStatusParams"],
            returns: "Portout",
            record: "",
        },
        method: Patch,
        path: "/portouts/{id}/{status}",
        params: &[
            Param::Id("id"),
            Param::Value("status"),
            Param::Value("params"),
        ],
        run: Run::Data(|a, _| portouts::update_status(a.id(0)?, a.value(1), a.value(2))),
    },
    Operation {
        name: "listPortoutRejectionCodes",
        #[cfg(test)]
        doc: "The codes a port-out can be rejected with.",
        #[cfg(test)]
        ts: Ts {
            params: &["string", "PortoutRejectionQuery"],
            returns: "PortoutRejection[]",
            record: "",
        },
        method: Get,
        path: "/portouts/rejections/{portout_id}",
        params: &[Param::Id("portoutId"), Param::Query(&rejections::SHAPE)],
        run: Run::Data(|a, format| rejections::list(a.id(0)?, a.value(1), format)),
    },
    Operation {
        name: "listPortoutComments",
        #[cfg(test)]
        doc: "A port-out's comments.",
        #[cfg(test)]
        ts: Ts {
            params: &["string"],
            returns: "PortoutComment[]",
            record: "",
        },
        method: Get,
        path: "/portouts/{id}/comments",
        params: ID,
        run: Run::Data(|a, _| comments::list(a.id(0)?)),
    },
    Operation {
        name: "createPortoutComment",
        #[cfg(test)]
        doc: "Adds a comment to a port-out.",
        #[cfg(test)]
        ts: Ts {
            params: &["string", "{ body: string }"],
            returns: "PortoutComment",
            record: "",
        },
        method: Post,
        path: "/portouts/{id}/comments",
        params: &[Param::Id("id"), Param::Value("comment")],
        run: Run::Data(|a, _| comments::create(a.id(0)?, a.value(1))),
    },
    Operation {
        name: "listPortoutSupportingDocuments",
        #[cfg(test)]
        doc: "A port-out's supporting documents.",
        #[cfg(test)]
        ts: Ts {
            params: &["string"],
            returns: "PortoutSupportingDocument[]",
            record: "",
        },
        method: Get,
        path: "/portouts/{id}/supporting_documents",
        params: ID,
        run: Run::Data(|a, _| supporting_documents::list(a.id(0)?)),
    },
    Operation {
        name: "createPortoutSupportingDocuments",
        #[cfg(test)]
        doc: "Attaches supporting documents to a port-out.",
        #[cfg(test)]
        ts: Ts {
            params: &["string", "{ documents: { type: SupportingDocumentType; document_id: string }[] }"],
            returns: "PortoutSupportingDocument[]",
            record: "",
        },
        method: Post,
        path: "/portouts/{id}/supporting_documents",
        params: &[Param::Id("id"), Param::Value("params")],
        run: Run::Data(|a, _| supporting_documents::create(a.id(0)?, a.value(1))),
    },
    Operation {
        name: "listPortoutEvents",
        #[cfg(test)]
        doc: "Lists one page of port-out events.",
        #[cfg(test)]
        ts: Ts {
            params: &["PortoutEventQuery"],
            returns: "Page<PortoutEvent>",
            record: "PortoutEvent",
        },
        method: Get,
        path: "/portouts/events",
        params: TEXT_QUERY,
        run: Run::Page(|q| listing(q, EventsQuery::from_input)),
    },
    Operation {
        name: "getPortoutEvent",
        #[cfg(test)]
        doc: "Fetches one event.",
        #[cfg(test)]
        ts: Ts {
            params: &["string"],
            returns: "PortoutEvent",
            record: "",
        },
        method: Get,
        path: "/portouts/events/{id}",
        params: ID,
        run: Run::Data(|a, _| events::get(a.id(0)?)),
    },
    Operation {
        name: "republishPortoutEvent",
        #[cfg(test)]
        doc: "Sends an event's webhook again.",
        #[cfg(test)]
        ts: Ts {
            params: &["string"],
            returns: "undefined",
            record: "",
        },
        method: Post,
        path: "/portouts/events/{id}/republish",
        params: ID,
        run: Run::Data(|a, _| events::republish(a.id(0)?)),
    },
    Operation {
        name: "listPortoutReports",
        #[cfg(test)]
        doc: "Lists one page of reports.",
        #[cfg(test)]
        ts: Ts {
            params: &["PortoutReportQuery"],
            returns: "Page<PortoutReport>",
            record: "PortoutReport",
        },
        method: Get,
        path: "/portouts/reports",
        params: TEXT_QUERY,
        run: Run::Page(|q| listing(q, ReportsQuery::from_input)),
    },
    Operation {
        name: "createPortoutReport",
        #[cfg(test)]
        doc: "Creates a CSV report (pending until the server has built it).",
        #[cfg(test)]
        ts: Ts {
            params: &["NewPortoutReport"],
            returns: "PortoutReport",
            record: "",
        },
        method: Post,
        path: "/portouts/reports",
        params: &[Param::Value("report")],
        run: Run::Data(|a, _| reports::create(a.value(0))),
    },
    Operation {
        name: "getPortoutReport",
        #[cfg(test)]
        doc: "Fetches one report.",
        #[cfg(test)]
        ts: Ts {
            params: &["string"],
            returns: "PortoutReport",
            record: "",
        },
        method: Get,
        path: "/portouts/reports/{id}",
        params: ID,
        run: Run::Data(|a, _| reports::get(a.id(0)?)),
    },
];

/// The operation named `name` (its JS name).
pub fn find(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.name == name)
}

#[cfg(test)]
#[path = "operations_tests.rs"]
mod tests;
