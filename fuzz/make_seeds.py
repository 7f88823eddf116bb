#!/usr/bin/env python3
"""Writes the committed seed corpus, fuzz/corpus/<target>/<name> (run from anywhere).

The seeds are small, meaningful inputs: valid pages and queries in each array format, and
edge cases next to each rule's boundary. libFuzzer grows its own corpus from them; keep that
grown corpus outside the repo (see docs/fuzzing.md)."""
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

# filter_validator: the Input notation of fuzz/src/lib.rs (query ; options ; extra names).
FILTER = {
    "empty": 'u',
    "null_query": 'n;n',
    "full_filter": '{filter:{carrier_name:"AT&T Mobility, Inc.",country_code:"us",'
    'country_code_in:["ca","US"],foc_date:"2024-09-04",'
    'inserted_at:{gte:"2024-01-01T00:00:00Z",lte:D1706745600000},phone_number:"+13035551212",'
    'pon:"a b",ported_out_at:{lte:"2024-09-04"},spid:"X[1]=2",status:"rejected-pending",'
    'status_in:["pending","ported"],support_key:"PO_764725"},page:{number:#2,size:#250}}',
    "page_nested": '{page:{number:#1,size:#250}}',
    "page_flat_sdk_keys": '{"page[number]":#3,"page[size]":#10}',
    "page_both_forms": '{"page[size]":#3,page:{number:#1}}',
    "page_bad_numbers": '{page:{number:#1.5,size:#NaN}}',
    "date_values": '{filter:{foc_date:D0,inserted_at:{gte:D-1,lte:D253402300799999},ported_out_at:{gte:d}}}',
    "date_strings_offsets_leap": '{filter:{inserted_at:{gte:"2016-12-31T23:59:60Z",'
    'lte:"2024-01-01T01:00:00.123456+01:00"},ported_out_at:{gte:"2024-02-29",lte:"2024-02-29"}}}',
    "range_reversed": '{filter:{inserted_at:{gte:"2024-02-01",lte:"2024-01-01"}}}',
    "typos_and_unknown_keys": '{filter:{statusIn:"x",page_size:#5,__proto__:{}},status:"pending"}',
    "bad_kinds": '{filter:{pon:b,spid:!s,support_key:t,carrier_name:"a\\nb",status_in:[]}}',
    "long_arrays": '{filter:{status_in:[' + ",".join(['"pending"'] * 100) + ']}}',
    "deep_nesting": '{filter:{inserted_at:{gte:{x:[#1]}}}}',
    "options_full": 'u;{apiKey:"KEY0123456789",baseUrl:"http://127.0.0.1:8080/v2/",timeoutMs:#1000,'
    'maxRetries:#3,headers:{"X-Trace":"1\\tA"},arrayFormat:"brackets",signal:!a}',
    "options_insecure": 'u;{apiKey:"KEY0123456789",baseUrl:"http://api.telnyx.com/v2"}',
    "options_extra": '{filter:{status:"ported"}};{concurrency:#4,timeout:#5,baseUrl:"/proxy"};concurrency,maxPages',
    "options_bad": 'u;{headers:{Authorization:"x","bad name":"y"},arrayFormat:"indices",baseUrl:"javascript:x"}',
}

# query_round_trip: query strings as listPortouts sends them and as users paste them.
QUERY = {
    "empty": "",
    "question_mark_only": "?",
    "comma": "filter%5Bstatus_in%5D=pending%2Cported&filter%5Bcountry_code_in%5D=CA%2CUS&page%5Bsize%5D=25",
    "brackets": "filter%5Bstatus_in%5D%5B%5D=pending&filter%5Bstatus_in%5D%5B%5D=ported&page%5Bnumber%5D=2",
    "repeat": "filter[status_in]=pending&filter[status_in]=ported&filter[country_code_in]=gb",
    "full_comma": "filter%5Bcarrier_name%5D=AT%26T%20Mobility%2C%20Inc.&filter%5Bcountry_code%5D=US"
    "&filter%5Bcountry_code_in%5D=CA%2CUS&filter%5Bfoc_date%5D=2024-09-04T00%3A00%3A00.000Z"
    "&filter%5Binserted_at%5D%5Bgte%5D=2024-01-01T00%3A00%3A00.000Z"
    "&filter%5Binserted_at%5D%5Blte%5D=2024-12-31T23%3A59%3A59%2B02%3A00"
    "&filter%5Bphone_number%5D=%2B13035551212&filter%5Bpon%5D=a%20b"
    "&filter%5Bported_out_at%5D%5Blte%5D=2024-09-04T23%3A59%3A59.999Z&filter%5Bspid%5D=X%5B1%5D%3D2"
    "&filter%5Bstatus%5D=rejected-pending&filter%5Bstatus_in%5D=pending%2Cported"
    "&filter%5Bsupport_key%5D=PO_764725&page%5Bnumber%5D=2&page%5Bsize%5D=250",
    "raw_brackets_bare_dates": "?filter[inserted_at][gte]=2024-01-01&filter[inserted_at][lte]=2024-01-31&filter[foc_date]=2024-02-29",
    "leap_second_offset": "filter[ported_out_at][lte]=2016-12-31T23:59:60Z&filter[inserted_at][gte]=2024-01-01t10:00:00.5-05:30",
    "plus_and_utf8": "filter[phone_number]=+447700900123&filter[carrier_name]=T%C3%A9l%C3%A9com%20%E2%82%AC&filter[pon]=%F0%9F%93%9E",
    "duplicates": "page[size]=10&page[size]=20&filter[pon]=a&filter[pon]=b",
    "bad_escapes": "filter[pon]=%ZZ&filter%5=1&filter[spid]=%FF",
    "page_edges": "page[number]=4294967295&page[size]=01&page[number]=0",
    "unknown_keys": "filter[status][gte]=x&filter[]=1&foo=bar&filter[status_in][][]=x&&=&filter",
}

PAGE_META = {"page_number": 1, "page_size": 2, "total_pages": 1, "total_results": 2}
RECORD = {
    "id": "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0", "record_type": "portout",
    "already_ported": False, "authorized_name": "Jane", "carrier_name": "Telnyx",
    "city": "Chicago", "created_at": "2024-01-01T00:00:00Z", "current_carrier": "telnyx",
    "end_user_name": "Jane", "foc_date": "2024-01-02T00:00:00Z", "host_messaging": False,
    "inserted_at": "2024-01-01T00:00:00Z", "lsr": ["https://example.invalid/lsr.pdf"],
    "phone_numbers": ["+13035551212"], "pon": "00000000", "reason": None,
    "rejection_code": 1002, "requested_foc_date": "2024-01-02T00:00:00Z",
    "service_address": "1 Main St", "spid": "ABCD", "state": "IL", "status": "pending",
    "support_key": "PO_764725", "updated_at": "2024-01-01T00:00:00Z", "user_id": "u1",
    "vendor": "v", "zip": "60601",
}
J = lambda v: json.dumps(v, separators=(",", ":"), ensure_ascii=False)

RESPONSE = {
    "list_full": J({"data": [RECORD, {"id": "b", "status": "brand-new", "extra": {"x": [1, 2]}}], "meta": PAGE_META}),
    "list_empty": J({"data": [], "meta": {"page_number": 1, "page_size": 20, "total_pages": 0, "total_results": 0}}),
    "list_pretty_bom": "\ufeff" + json.dumps({"meta": PAGE_META, "data": [{"id": "x", "lsr": None}], "links": {}}, indent=2),
    "list_escaped_keys_numbers": '{"d\\u0061ta":[{"rejection_code":1.0e3,"phone_\\u006eumbers":["\\ud83d\\ude00","\\ud800"]}],'
    '"meta":{"page_number":1E0,"page_size":20.00,"total_pages":9007199254740991,"total_results":0,"page_size":2}}',
    "list_duplicate_meta": '{"meta":{"page_number":1,"page_size":1,"total_pages":1,"total_results":1},"data":[],'
    '"meta":{"page_number":2,"page_size":3,"total_pages":4,"total_results":5}}',
    "list_bad_types": '{"data":[{"phone_numbers":[42],"already_ported":"yes","rejection_code":1.5}],"meta":{"page_number":-1}}',
    "list_big_numbers": '{"data":[{"rejection_code":1e300}],"meta":{"page_number":9007199254740992,"page_size":1,"total_pages":1,"total_results":1}}',
    "list_deep_unknown": '{"data":[{"x":' + "[" * 120 + "]" * 120 + '}],"meta":' + J(PAGE_META) + "}",
    "list_truncated": J({"data": [RECORD], "meta": PAGE_META})[:200],
    "one": J({"data": RECORD}),
    "one_minimal": '{"data":{"id":"x","rejection_code":3.0}}',
    "error_body": J({"errors": [{"code": "10005", "title": "Resource not found", "detail": "The port-out was not found",
                                  "source": {"pointer": "/id"}, "meta": {"url": "https://example.invalid"}}]}),
    "error_plain_text": "<html>502 Bad Gateway</html>",
    "not_utf8": b'{"data":[],"meta":{"page_number":1,"x":"\xff"}}',
    "control_chars_trailing": '{"data":[{"id":"a\tb"}],"meta":{}} x',
}


# The minimal reproducers of the findings in docs/fuzzing.md (fixed in 7702716), kept as
# seeds so that every run checks them again.
META = '"meta":{"page_number":1,"page_size":1,"total_pages":1,"total_results":1}'
FILTER["ki1_date_after_year_9999"] = "{filter:{foc_date:D1e15}}"
FILTER["ki1_date_before_year_0"] = "{filter:{ported_out_at:{lte:D-1e15}}}"
RESPONSE["ki2_list_nested_129_levels"] = '{"data":[{"":' + "[" * 126 + "]" * 126 + "}]," + META + "}"

# Seeds of the checks added with the serde_json validator and the serde-read Input (see
# docs/fuzzing.md): unreadable values and every opaque kind (the converter check and
# check_readable), an error body echoing the apiKey escaped (the redaction check), and
# duplicate keys in records, which the validator checks at every occurrence.
FILTER["unreadable_values"] = '{filter:{status:x,status_in:["pending",x]}};{apiKey:"KEY0123456789",headers:x}'
FILTER["opaque_kinds"] = '{filter:{pon:!f,spid:!b,support_key:!c,carrier_name:!r,status:!o}};{signal:!a,onProgress:!f,concurrency:#2};onProgress,concurrency'
RESPONSE["error_echoed_key"] = ('{"errors":[{"code":"10009","title":"Authentication failed",'
                                '"detail":"Bearer \\u004bEY0123456789 is invalid"},{"detail":"KEY0123456789"}]}')
RESPONSE["list_duplicate_fields_bad"] = '{"data":[{"id":"a","id":null,"rejection_code":1,"rejection_code":"x"}],' + META + "}"
RESPONSE["list_duplicate_fields_ok"] = '{"data":[{"status":null,"status":"ported"}],"data":[],' + META + "}"

# KI-3 (see docs/fuzzing.md, fixed in fdf8c94): errors[] texts that serde_json's RawValue
# accepts and its parser rejects, which http_error kept.
RESPONSE["ki3_errors_lone_surrogate"] = '{"errors":["\\ud800"]}'
RESPONSE["ki3_errors_number_out_of_range"] = '{"errors":[1e309]}'
RESPONSE["ki3_errors_nested_128_levels"] = '{"errors":[' + "[" * 127 + "]" * 127 + "]}"


def write(target, seeds):
    d = os.path.join(HERE, "corpus", target)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for name, body in seeds.items():
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


write("filter_validator", FILTER)
write("query_round_trip", QUERY)
write("response_validator", RESPONSE)
