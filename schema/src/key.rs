//! The seed of an object key ([`Key`]): the known field the key names, found by the key order
//! learned from the previous object of a list ([`Order`]) or else by binary search.

use crate::path::State;
use crate::schema::Schema;
use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use std::fmt;

/// Predicted field indices by key position, learned from the previous object of a list:
/// records of one response list their keys in the same order, so the next key is usually
/// the one predicted, one comparison instead of a search.
pub(crate) type Order = [u8; 64];

/// The index of no known field: an unknown key, or no prediction.
pub(crate) const UNKNOWN: u8 = u8::MAX;

/// The seed of an object key: the index of the known field it names, or [`UNKNOWN`].
pub(crate) struct Key<'a> {
    pub(crate) schema: &'static Schema,
    pub(crate) predicted: u8,
    pub(crate) state: &'a mut State,
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = u8;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u8, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = u8;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<u8, E> {
        self.state.look_at(key);
        let predicted = self.schema.fields.get(usize::from(self.predicted));
        if predicted.is_some_and(|f| f.name == key) {
            return Ok(self.predicted);
        }
        Ok(self.schema.find(key).unwrap_or(UNKNOWN))
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<u8, E> {
        self.visit_str(key)
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<u8, E> {
        self.visit_str(&key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Field, Ty};

    static SCHEMA: Schema = Schema::new(
        "an object",
        &[
            Field::optional("a", Ty::Str),
            Field::optional("b", Ty::Str),
            Field::optional("c", Ty::Str),
        ],
    );

    /// The field index the key `text` (a JSON string) gets when `predicted` is predicted.
    fn key(text: &str, predicted: u8, state: &mut State) -> u8 {
        let mut de = serde_json::Deserializer::from_str(text);
        Key {
            schema: &SCHEMA,
            predicted,
            state,
        }
        .deserialize(&mut de)
        .unwrap()
    }

    #[test]
    fn a_key_names_its_field_predicted_or_not() {
        let state = &mut State::default();
        assert_eq!(key(r#""b""#, 1, state), 1, "as predicted");
        assert_eq!(key(r#""c""#, 0, state), 2, "another field than predicted");
        assert_eq!(key(r#""a""#, UNKNOWN, state), 0, "no prediction");
        assert_eq!(key(r#""a""#, 200, state), 0, "a prediction past the fields");
        assert_eq!(key(r#""zz""#, 0, state), UNKNOWN, "an unknown key");
        assert_eq!(key(r#""\u0062""#, UNKNOWN, state), 1, "escapes decoded");
        assert!(!state.found);
    }

    #[test]
    fn a_key_is_looked_at_for_the_needle() {
        let state = &mut State {
            needle: Some("KEY".into()),
            ..State::default()
        };
        assert_eq!(key(r#""a""#, 0, state), 0);
        assert!(!state.found);
        assert_eq!(key(r#""\u004bEY""#, 0, state), UNKNOWN);
        assert!(state.found);
    }

    #[test]
    fn a_key_must_be_a_string() {
        let mut de = serde_json::Deserializer::from_str("1");
        let key = Key {
            schema: &SCHEMA,
            predicted: 0,
            state: &mut State::default(),
        };
        let error = key.deserialize(&mut de).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: integer `1`, expected a key at line 1 column 1"
        );
    }
}
