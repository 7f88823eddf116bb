//! Query parameters that serialize themselves: [`to_query`] writes any `Serialize` value as
//! deepObject pairs (`filter[inserted_at][gte]=…`, `page[size]=…`) through [`Pairs`], so a
//! list's query is its struct, each field named once (serde's derive, in declaration order;
//! unset fields skipped by `skip_serializing_if`). Arrays follow the caller's [`ArrayFormat`].
//! Only what queries hold is supported: structs, maps with string keys, options, strings,
//! integers, booleans, unit enum variants, and arrays of those scalars.

use crate::client::encode::{ArrayFormat, Pairs};
use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeSeq, SerializeStruct};
use std::fmt;

/// The query string of `value` (no leading `?`; empty when nothing is set).
pub fn to_query<T: Serialize + ?Sized>(value: &T, format: ArrayFormat) -> String {
    let mut pairs = Pairs::new(format);
    // Query structs hold only supported values; an unsupported one writes nothing.
    let _ = value.serialize(Writer {
        pairs: &mut pairs,
        key: String::new(),
    });
    pairs.finish()
}

/// A value that is not a query parameter (a float, a tuple, a nested array).
#[derive(Debug)]
pub struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a query parameter")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

/// `key[name]`, or `name` at the top.
fn nested(key: &str, name: &str) -> String {
    if key.is_empty() {
        name.to_string()
    } else {
        format!("{key}[{name}]")
    }
}

/// Writes one value at `key`.
struct Writer<'a> {
    pairs: &'a mut Pairs,
    key: String,
}

/// The fields of a struct or map at `key`.
struct Fields<'a> {
    pairs: &'a mut Pairs,
    key: String,
    next: String,
}

/// The items of an array at `key`, written at its end in the array format.
struct Items<'a> {
    pairs: &'a mut Pairs,
    key: String,
    items: Vec<String>,
}

impl<'a> Writer<'a> {
    fn scalar(self, text: &str) -> Result<(), Unsupported> {
        self.pairs.pair(&self.key, text);
        Ok(())
    }
}

macro_rules! scalars {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Result<(), Unsupported> {
            self.scalar(&v.to_string())
        }
    )*};
}

/// The enum variants with data, which no query holds: refused, for a serializer whose `Ok`
/// is `$ok`.
macro_rules! variants_unsupported {
    ($ok:ty) => {
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<$ok, Unsupported> {
            Err(Unsupported)
        }

        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, Unsupported> {
            Err(Unsupported)
        }

        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, Unsupported> {
            Err(Unsupported)
        }
    };
}

macro_rules! unsupported {
    ($($method:ident($($arg:ty),*) -> $ret:ty;)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$ret, Unsupported> {
            Err(Unsupported)
        }
    )*};
}

impl<'a> ser::Serializer for Writer<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Items<'a>;
    type SerializeTuple = Impossible<(), Unsupported>;
    type SerializeTupleStruct = Impossible<(), Unsupported>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = Fields<'a>;
    type SerializeStruct = Fields<'a>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    scalars!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_char: char);

    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.scalar(v)
    }

    fn serialize_none(self) -> Result<(), Unsupported> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.scalar(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Items<'a>, Unsupported> {
        Ok(Items {
            pairs: self.pairs,
            key: self.key,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Fields<'a>, Unsupported> {
        Ok(Fields {
            pairs: self.pairs,
            key: self.key,
            next: String::new(),
        })
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'a>, Unsupported> {
        self.serialize_map(None)
    }

    unsupported! {
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
    }

    variants_unsupported!(());
}

impl Fields<'_> {
    /// Writes one member's value at its full `key`.
    fn write<T: Serialize + ?Sized>(&mut self, key: String, value: &T) -> Result<(), Unsupported> {
        value.serialize(Writer {
            pairs: self.pairs,
            key,
        })
    }
}

impl SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        let key = nested(&self.key, name);
        self.write(key, value)
    }

    fn end(self) -> Result<(), Unsupported> {
        Ok(())
    }
}

impl SerializeMap for Fields<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        self.next = nested(&self.key, &text_of(key)?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        let key = std::mem::take(&mut self.next);
        self.write(key, value)
    }

    fn end(self) -> Result<(), Unsupported> {
        Ok(())
    }
}

impl SerializeSeq for Items<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.items.push(text_of(value)?);
        Ok(())
    }

    fn end(self) -> Result<(), Unsupported> {
        self.pairs
            .list(&self.key, Some(self.items.iter().map(String::as_str)));
        Ok(())
    }
}

/// The text of a scalar (an array item, a map key).
fn text_of<T: Serialize + ?Sized>(value: &T) -> Result<String, Unsupported> {
    value.serialize(Scalar)
}

/// Serializes a scalar to its text.
struct Scalar;

macro_rules! scalar_texts {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Result<String, Unsupported> {
            Ok(v.to_string())
        }
    )*};
}

impl ser::Serializer for Scalar {
    type Ok = String;
    type Error = Unsupported;
    type SerializeSeq = Impossible<String, Unsupported>;
    type SerializeTuple = Impossible<String, Unsupported>;
    type SerializeTupleStruct = Impossible<String, Unsupported>;
    type SerializeTupleVariant = Impossible<String, Unsupported>;
    type SerializeMap = Impossible<String, Unsupported>;
    type SerializeStruct = Impossible<String, Unsupported>;
    type SerializeStructVariant = Impossible<String, Unsupported>;

    scalar_texts!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_char: char, serialize_str: &str);

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Unsupported> {
        Ok(variant.to_string())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Unsupported> {
        value.serialize(self)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, Unsupported> {
        value.serialize(self)
    }

    unsupported! {
        serialize_f32(f32) -> String;
        serialize_f64(f64) -> String;
        serialize_bytes(&[u8]) -> String;
        serialize_none() -> String;
        serialize_unit() -> String;
        serialize_unit_struct(&'static str) -> String;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
    }

    variants_unsupported!(String);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Range {
        #[serde(skip_serializing_if = "Option::is_none")]
        gte: Option<&'static str>,
        lte: Option<&'static str>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        RejectedPending,
    }

    #[derive(Serialize)]
    struct Filter {
        name: &'static str,
        kinds: Vec<Kind>,
        codes: Vec<u32>,
        at: Range,
        flag: bool,
    }

    #[derive(Serialize)]
    struct Query {
        filter: Filter,
        page: BTreeMap<&'static str, u32>,
    }

    fn query() -> Query {
        Query {
            filter: Filter {
                name: "a b&c=d/é",
                kinds: vec![Kind::RejectedPending, Kind::RejectedPending],
                codes: vec![1002, 1003],
                at: Range {
                    gte: None,
                    lte: Some("2024-01-01T00:00:00Z"),
                },
                flag: true,
            },
            page: BTreeMap::from([("number", 2), ("size", 250)]),
        }
    }

    #[test]
    fn writes_nested_keys_in_field_order_and_skips_what_is_unset() {
        assert_eq!(
            to_query(&query(), ArrayFormat::Comma),
            "filter%5Bname%5D=a%20b%26c%3Dd%2F%C3%A9\
             &filter%5Bkinds%5D=rejected-pending%2Crejected-pending\
             &filter%5Bcodes%5D=1002%2C1003\
             &filter%5Bat%5D%5Blte%5D=2024-01-01T00%3A00%3A00Z\
             &filter%5Bflag%5D=true\
             &page%5Bnumber%5D=2&page%5Bsize%5D=250"
        );
    }

    #[test]
    fn writes_arrays_in_each_format() {
        let q = query();
        let codes = |format| {
            to_query(&q.filter.codes, format)
                .split('&')
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(ArrayFormat::Comma), ["=1002%2C1003"]);
        assert_eq!(codes(ArrayFormat::Brackets), ["%5B%5D=1002", "%5B%5D=1003"]);
        assert_eq!(codes(ArrayFormat::Repeat), ["=1002", "=1003"]);
    }

    #[test]
    fn writes_nothing_for_an_empty_query_or_an_unsupported_value() {
        #[derive(Serialize)]
        struct Empty {
            #[serde(skip_serializing_if = "Option::is_none")]
            filter: Option<u32>,
        }
        assert_eq!(to_query(&Empty { filter: None }, ArrayFormat::Comma), "");
        assert_eq!(to_query(&(1, 2), ArrayFormat::Comma), "");
        assert_eq!(to_query(&1.5f64, ArrayFormat::Comma), "");
        assert_eq!(
            text_of(&vec![1u32]).map_err(|e| e.to_string()),
            Err("not a query parameter".into())
        );
        assert_eq!(text_of(&Some('x')).ok().as_deref(), Some("x"));
    }
}
