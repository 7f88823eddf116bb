//! The schemas, written as data: the type a value must have ([`Ty`]), an object's known fields
//! ([`Field`], [`Schema`]), and what a validation returns ([`Captures`], [`Failure`]).

/// The largest integer JS numbers hold exactly: 2^53 - 1.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// How many [`Ty::Count`] values one validation can capture.
pub const CAPTURE_SLOTS: usize = 8;

/// The JSON type a field's value must have (when present and, if the field allows it, not
/// `null`).
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// A string.
    Str,
    /// `true` or `false`.
    Bool,
    /// An integral number within ±(2^53 - 1).
    Int,
    /// A non-negative integer within 2^53 - 1, captured into this slot of [`Captures`].
    Count(u8),
    /// An array of strings.
    StrList,
    /// An object of this schema.
    Object(&'static Schema),
    /// An array of objects of this schema.
    List(&'static Schema),
    /// Any JSON value, not checked (serde_json's nesting limit still applies).
    Any,
}

/// One known field of an object.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The key, as the API spells it.
    pub name: &'static str,
    /// The type its value must have.
    pub ty: Ty,
    /// Whether an object without this key is invalid.
    pub required: bool,
    /// Whether `null` is accepted in place of a value.
    pub nullable: bool,
}

impl Field {
    /// An optional field that may be `null` (what most response fields are).
    pub const fn optional(name: &'static str, ty: Ty) -> Field {
        Field {
            name,
            ty,
            required: false,
            nullable: true,
        }
    }

    /// A field that must be present and not `null`.
    pub const fn required(name: &'static str, ty: Ty) -> Field {
        Field {
            name,
            ty,
            required: true,
            nullable: false,
        }
    }
}

/// An object's schema: how it is named in messages and its known fields, **sorted by name**
/// (the validator looks keys up by binary search; [`Schema::is_sorted`] checks a table).
#[derive(Debug)]
pub struct Schema {
    /// The object as messages name it: `"a port-out object"`.
    pub what: &'static str,
    /// The known fields, sorted by name; at most 64.
    pub fields: &'static [Field],
    /// Bit `i` set when `fields[i]` is required.
    pub(crate) required: u64,
}

impl Schema {
    /// A schema of the object named `what` (in messages) with these fields, sorted by name.
    // Indexing is bounded by the loop condition, and a const fn runs at compile time.
    #[allow(clippy::indexing_slicing)]
    pub const fn new(what: &'static str, fields: &'static [Field]) -> Schema {
        let mut required = 0u64;
        let mut i = 0;
        while i < fields.len() && i < 64 {
            if fields[i].required {
                required |= 1 << i;
            }
            i += 1;
        }
        Schema {
            what,
            fields,
            required,
        }
    }

    /// True when the fields are sorted by name, unique and at most 64 (every table must be).
    pub fn is_sorted(&self) -> bool {
        self.fields.len() <= 64
            && self.fields.windows(2).all(|w| match w {
                [a, b] => a.name < b.name,
                _ => true,
            })
    }

    pub(crate) fn find(&self, key: &str) -> Option<u8> {
        self.fields
            .binary_search_by(|f| f.name.cmp(key))
            .ok()
            .map(|i| i as u8)
    }
}

/// The values of the [`Ty::Count`] fields read, by slot (`None`: absent or `null`).
pub type Captures = [Option<u64>; CAPTURE_SLOTS];

/// Why a body is not valid: the path of the first bad value (empty for the whole body) and
/// the reason (`"must be a string, got a number"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// `data[3].phone_numbers[0]`, or empty.
    pub path: String,
    /// What is wrong there.
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    static FIELDS: [Field; 4] = [
        Field::optional("a", Ty::Str),
        Field::required("b", Ty::Int),
        Field::optional("c", Ty::Bool),
        Field::required("d", Ty::Count(0)),
    ];
    static SCHEMA: Schema = Schema::new("a test object", &FIELDS);

    #[test]
    fn the_field_constructors() {
        let f = Field::optional("id", Ty::Str);
        assert_eq!((f.name, f.required, f.nullable), ("id", false, true));
        let f = Field::required("id", Ty::Str);
        assert_eq!((f.name, f.required, f.nullable), ("id", true, false));
    }

    #[test]
    fn new_sets_a_bit_per_required_field() {
        assert_eq!(SCHEMA.what, "a test object");
        assert_eq!(SCHEMA.required, 0b1010);
        assert_eq!(Schema::new("x", &[]).required, 0);
    }

    /// A leaked table of `n` fields named `f00`, `f01`, …, every one required.
    fn many(n: usize) -> &'static [Field] {
        let fields: Vec<Field> = (0..n)
            .map(|i| Field::required(Box::leak(format!("f{i:02}").into_boxed_str()), Ty::Any))
            .collect();
        Box::leak(fields.into_boxed_slice())
    }

    #[test]
    fn at_most_64_fields() {
        let full = Schema::new("x", many(64));
        assert!(full.is_sorted());
        assert_eq!(full.required, u64::MAX);
        let over = Schema::new("x", many(65));
        assert!(!over.is_sorted());
        assert_eq!(over.required, u64::MAX, "the 65th field has no bit");
    }

    #[test]
    fn is_sorted_wants_strictly_increasing_names() {
        static UNSORTED: [Field; 2] =
            [Field::optional("b", Ty::Str), Field::optional("a", Ty::Str)];
        static TWICE: [Field; 2] = [Field::optional("a", Ty::Str), Field::optional("a", Ty::Int)];
        assert!(SCHEMA.is_sorted());
        assert!(Schema::new("x", &[]).is_sorted());
        assert!(!Schema::new("x", &UNSORTED).is_sorted());
        assert!(!Schema::new("x", &TWICE).is_sorted());
    }

    #[test]
    fn find_gives_the_index_of_a_known_key() {
        let found: Vec<_> = ["a", "b", "c", "d", "", "aa", "e", "A"]
            .iter()
            .map(|k| SCHEMA.find(k))
            .collect();
        assert_eq!(
            found,
            [Some(0), Some(1), Some(2), Some(3), None, None, None, None]
        );
    }
}
