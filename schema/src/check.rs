//! The validator itself: [`Check`], the serde_json seed (and visitor) of one value of a [`Ty`],
//! with the number classification ([`Number`]), the fields of an object and the items of an
//! array ([`Indexed`]).

use crate::key::{Key, Order, UNKNOWN};
use crate::path::{Segment, State};
use crate::schema::{Schema, Ty, MAX_SAFE_INTEGER};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The seed (and visitor) of one value of type `ty`.
pub(crate) struct Check<'a> {
    pub(crate) ty: Ty,
    pub(crate) nullable: bool,
    pub(crate) state: &'a mut State,
    /// The key order shared by the objects of one list.
    pub(crate) order: Option<&'a mut Order>,
}

impl<'de> DeserializeSeed<'de> for Check<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Check<'_> {
    fn expected(&self) -> &'static str {
        match self.ty {
            Ty::Str => "a string",
            Ty::Bool => "a boolean",
            Ty::Int | Ty::Count(_) => "an integer",
            Ty::StrList => "an array of strings",
            Ty::Object(schema) => schema.what,
            Ty::List(_) => "an array",
            Ty::Any => "a JSON value",
        }
    }

    fn wrong<E: de::Error>(self, got: &str) -> Result<(), E> {
        let reason = format!("must be {}, got {}", self.expected(), got);
        Err(self.state.fail(reason))
    }

    /// A number: an integer for [`Ty::Int`] and [`Ty::Count`] (whose value is captured).
    fn number<E: de::Error>(self, n: Number) -> Result<(), E> {
        let (negative, magnitude) = match (self.ty, n) {
            (Ty::Int | Ty::Count(_), Number::Fraction(n)) => {
                let reason = format!("must be an integer, got {n}");
                return Err(self.state.fail(reason));
            }
            (Ty::Int | Ty::Count(_), Number::Huge) => {
                return Err(self
                    .state
                    .fail("must be an integer within ±(2^53 - 1), got a larger number".into()));
            }
            (Ty::Int | Ty::Count(_), Number::Integer(negative, magnitude)) => (negative, magnitude),
            (Ty::Any, _) => return Ok(()),
            _ => return self.wrong("a number"),
        };
        if magnitude > MAX_SAFE_INTEGER {
            let sign = if negative { "-" } else { "" };
            let reason = format!("must be an integer within ±(2^53 - 1), got {sign}{magnitude}");
            return Err(self.state.fail(reason));
        }
        if let Ty::Count(slot) = self.ty {
            if negative && magnitude != 0 {
                return Err(self.state.fail("must not be negative".into()));
            }
            if let Some(c) = self.state.captures.get_mut(usize::from(slot)) {
                *c = Some(magnitude);
            }
        }
        Ok(())
    }

    /// The fields of an object of `schema`.
    fn object<'de, A: MapAccess<'de>>(
        self,
        schema: &'static Schema,
        mut map: A,
    ) -> Result<(), A::Error> {
        let mut own = [UNKNOWN; 64];
        let order = match self.order {
            Some(order) => order,
            None => &mut own,
        };
        let state = self.state;
        let mut seen: u64 = 0;
        let mut position = 0usize;
        loop {
            let predicted = order.get(position).copied().unwrap_or(UNKNOWN);
            let key = map.next_key_seed(Key {
                schema,
                predicted,
                state: &mut *state,
            })?;
            let Some(index) = key else { break };
            if let Some(slot) = order.get_mut(position) {
                *slot = index;
            }
            position += 1;
            match schema.fields.get(usize::from(index)) {
                Some(field) => {
                    seen |= 1u64 << (index & 63);
                    let check = Check {
                        ty: field.ty,
                        nullable: field.nullable,
                        state: &mut *state,
                        order: None,
                    };
                    if let Err(e) = map.next_value_seed(check) {
                        state.path.push(Segment::Key(field.name));
                        return Err(e);
                    }
                }
                None => map.next_value_seed(Check {
                    ty: Ty::Any,
                    nullable: true,
                    state: &mut *state,
                    order: None,
                })?,
            }
        }
        let missing = schema.required & !seen;
        if missing != 0 {
            let first = missing.trailing_zeros() as usize;
            if let Some(field) = schema.fields.get(first) {
                let reason = match field.ty {
                    Ty::Object(_) => format!("has no \"{}\" object", field.name),
                    Ty::List(_) => format!("has no \"{}\" array", field.name),
                    _ => format!("has no {}", field.name),
                };
                return Err(state.fail(reason));
            }
        }
        Ok(())
    }

    /// The items of an array, each of type `item` (a list's objects share one key order).
    fn items<'de, A: SeqAccess<'de>>(self, item: Ty, mut seq: A) -> Result<(), A::Error> {
        let state = self.state;
        let mut order = [UNKNOWN; 64];
        let mut index = 0usize;
        loop {
            let check = Check {
                ty: item,
                nullable: matches!(item, Ty::Any),
                state: &mut *state,
                order: Some(&mut order),
            };
            // Unknown values have no path of their own (their key is not named either).
            let at = (!matches!(item, Ty::Any)).then_some(index);
            match seq.next_element_seed(Indexed(check, at)) {
                Ok(Some(())) => index += 1,
                Ok(None) => return Ok(()),
                Err(e) => return Err(e),
            }
        }
    }
}

/// A number as the checks see it (serde_json hands integers and floats separately).
#[derive(Clone, Copy)]
enum Number {
    /// An integral value: its sign and magnitude.
    Integer(bool, u64),
    /// A value with a fractional part (or not finite).
    Fraction(f64),
    /// An integral value beyond the range of u64.
    Huge,
}

impl<'de> Visitor<'de> for Check<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expected())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        if self.nullable {
            Ok(())
        } else {
            self.wrong("null")
        }
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        match self.ty {
            Ty::Bool | Ty::Any => Ok(()),
            _ => self.wrong("a boolean"),
        }
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<(), E> {
        self.number(Number::Integer(false, n))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<(), E> {
        self.number(Number::Integer(n < 0, n.unsigned_abs()))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<(), E> {
        let number = if n.fract() != 0.0 || !n.is_finite() {
            Number::Fraction(n)
        } else if n.abs() < 18_446_744_073_709_551_616.0 {
            Number::Integer(n < 0.0, n.abs() as u64)
        } else {
            Number::Huge
        };
        self.number(number)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        match self.ty {
            Ty::Str => Ok(()),
            Ty::Any => {
                self.state.look_at(s);
                Ok(())
            }
            _ => self.wrong("a string"),
        }
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<(), E> {
        self.visit_str(s)
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<(), E> {
        self.visit_str(&s)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        match self.ty {
            Ty::List(schema) => self.items(Ty::Object(schema), seq),
            Ty::StrList => self.items(Ty::Str, seq),
            Ty::Any => self.items(Ty::Any, seq),
            _ => self.wrong("an array"),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        match self.ty {
            Ty::Object(schema) => self.object(schema, map),
            Ty::Any => self.object(&ANY_OBJECT, map),
            _ => self.wrong("an object"),
        }
    }
}

/// An object whose fields are all unknown (the members of an unchecked value).
static ANY_OBJECT: Schema = Schema::new("an object", &[]);

/// The seed of an array item: pushes the item's index when the item itself fails (not when
/// the array around it is malformed).
struct Indexed<'a>(Check<'a>, Option<usize>);

impl<'de> DeserializeSeed<'de> for Indexed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let Indexed(check, index) = self;
        let Check {
            ty,
            nullable,
            state,
            order,
        } = check;
        let result = deserializer.deserialize_any(Check {
            ty,
            nullable,
            state: &mut *state,
            order,
        });
        if let (Err(_), Some(index)) = (&result, index) {
            state.path.push(Segment::Index(index));
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Captures, Failure, Field};

    /// Checks `text` as one value of `ty`: the failure, if any, and the captures.
    fn run(ty: Ty, nullable: bool, text: &str) -> (Result<(), Failure>, Captures) {
        let mut state = State::default();
        let mut de = serde_json::Deserializer::from_str(text);
        let checked = Check {
            ty,
            nullable,
            state: &mut state,
            order: None,
        }
        .deserialize(&mut de)
        .and_then(|()| de.end());
        let captures = state.captures;
        (checked.map_err(|e| state.failure(&e)), captures)
    }

    /// The reason `text` is not a valid value of `ty` (not nullable), or `None`.
    fn reason(ty: Ty, text: &str) -> Option<String> {
        run(ty, false, text).0.err().map(|f| f.reason)
    }

    #[test]
    fn integers_are_told_from_fractions_then_range_checked() {
        for ok in [
            "3",
            "3.0",
            "-0",
            "-7",
            "1e2",
            "9007199254740991",
            "-9007199254740991",
        ] {
            assert_eq!(reason(Ty::Int, ok), None, "{ok}");
        }
        let within = "must be an integer within ±(2^53 - 1), got";
        let cases = [
            ("2.5", "must be an integer, got 2.5".to_string()),
            ("-0.5", "must be an integer, got -0.5".to_string()),
            ("9007199254740992", format!("{within} 9007199254740992")),
            ("-9007199254740992", format!("{within} -9007199254740992")),
            ("1e300", format!("{within} a larger number")),
            ("18446744073709551616", format!("{within} a larger number")),
            ("\"1\"", "must be an integer, got a string".to_string()),
        ];
        for (text, expected) in cases {
            assert_eq!(reason(Ty::Int, text), Some(expected), "{text}");
        }
        assert_eq!(
            reason(Ty::Str, "1"),
            Some("must be a string, got a number".into())
        );
        assert_eq!(reason(Ty::Any, "1.5"), None);
    }

    #[test]
    fn counts_are_captured_in_their_slot() {
        let (checked, captures) = run(Ty::Count(2), false, "7");
        assert_eq!(checked, Ok(()));
        assert_eq!(
            captures,
            [None, None, Some(7), None, None, None, None, None]
        );
        assert_eq!(run(Ty::Count(0), false, "-0").1[0], Some(0));
        assert_eq!(run(Ty::Count(0), false, "4.0").1[0], Some(4));
        assert_eq!(
            reason(Ty::Count(0), "-1"),
            Some("must not be negative".into())
        );
        let (checked, captures) = run(Ty::Count(200), false, "5");
        assert_eq!(
            (checked, captures),
            (Ok(()), [None; 8]),
            "a slot past the end"
        );
        let (checked, captures) = run(Ty::Count(1), true, "null");
        assert_eq!((checked, captures), (Ok(()), [None; 8]));
    }

    #[test]
    fn null_only_where_allowed() {
        assert_eq!(run(Ty::Str, true, "null").0, Ok(()));
        assert_eq!(
            reason(Ty::Str, "null"),
            Some("must be a string, got null".into())
        );
        assert_eq!(
            reason(Ty::Object(&ABC), "null"),
            Some("must be an abc object, got null".into())
        );
    }

    static ABC: Schema = Schema::new(
        "an abc object",
        &[
            Field::optional("a", Ty::Int),
            Field::optional("b", Ty::Str),
            Field::optional("c", Ty::Bool),
        ],
    );

    /// Checks `text` as one object of [`ABC`], its keys predicted and learned in `order`.
    fn object(text: &str, order: &mut Order) {
        let mut state = State::default();
        let mut de = serde_json::Deserializer::from_str(text);
        Check {
            ty: Ty::Object(&ABC),
            nullable: false,
            state: &mut state,
            order: Some(order),
        }
        .deserialize(&mut de)
        .unwrap();
    }

    #[test]
    fn each_object_of_a_list_teaches_the_key_order() {
        let mut order: Order = [UNKNOWN; 64];
        object(r#"{"c":true,"x":1,"a":2}"#, &mut order);
        assert_eq!(order[..4], [2, UNKNOWN, 0, UNKNOWN]);
        object(r#"{"a":1,"b":"s"}"#, &mut order);
        assert_eq!(order[..4], [0, 1, 0, UNKNOWN]);
        object(r#"{"b":"s","c":false,"a":3,"b":"t"}"#, &mut order);
        assert_eq!(order[..5], [1, 2, 0, 1, UNKNOWN]);
    }

    #[test]
    fn a_mispredicted_key_still_finds_its_field() {
        let failure = |text: &str| run(Ty::List(&ABC), false, text).0.err();
        assert_eq!(failure(r#"[{"a":1,"b":"x"},{"b":"y","a":2}]"#), None);
        assert_eq!(
            failure(r#"[{"a":1,"b":"x"},{"b":"y","a":"z"}]"#),
            Some(Failure {
                path: "[1].a".into(),
                reason: "must be an integer, got a string".into()
            })
        );
        assert_eq!(
            failure(r#"[{"a":1},{"c":true,"b":2}]"#),
            Some(Failure {
                path: "[1].b".into(),
                reason: "must be a string, got a number".into()
            })
        );
    }

    #[test]
    fn items_are_indexed_unless_unchecked() {
        let (checked, _) = run(Ty::StrList, false, r#"["a","b",3]"#);
        assert_eq!(
            checked,
            Err(Failure {
                path: "[2]".into(),
                reason: "must be a string, got a number".into()
            })
        );
        let (checked, _) = run(Ty::Any, false, r#"[0,[1,]]"#);
        assert_eq!(
            checked,
            Err(Failure {
                path: String::new(),
                reason: "the body is not JSON".into()
            })
        );
        assert_eq!(run(Ty::Any, false, r#"[0,{"k":[null,1.5,"s"]}]"#).0, Ok(()));
    }
}
