//! Exact wire types of the OpenAI, Anthropic and Gemini APIs.
//!
//! Decoding is lenient where upstreams are known to be sloppy (missing ids, `null` for absent
//! fields) and strict where a client error must be reported with its field path. Unknown fields are
//! kept in `extra` maps so same-dialect round trips lose nothing.

/// Defines a wire struct whose unknown fields are kept in `extra` (`#[serde(flatten)]`) and its
/// plain twin: the same fields, unknown ones refused. serde reads a flattened struct through a
/// buffer of every key and value, at about twice the cost; a body with only known fields is read
/// as the twin in one pass, and anything else (an unknown field, a duplicate, an error) is read
/// again as the full struct, which then decides. A field may name the twin's own type after
/// `=>` (a list of the twin's messages); its value is converted with `Into`.
macro_rules! with_plain_twin {
    (
        $(#[$m:meta])*
        pub struct $name:ident / $plain:ident {
            $( $(#[$fm:meta])* pub $f:ident : $t:ty $(=> $pt:ty)? ),* $(,)?
        }
    ) => {
        $(#[$m])*
        pub struct $name {
            $( $(#[$fm])* pub $f: $t, )*
            #[serde(flatten)]
            pub extra: Map<String, Value>,
        }

        #[doc = concat!("[`", stringify!($name), "`] without `extra`: unknown fields refused.")]
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $plain {
            $( $(#[$fm])* pub $f: with_plain_twin!(@ty $t $(, $pt)?), )*
        }

        impl From<$plain> for $name {
            fn from(p: $plain) -> Self {
                $name { $( $f: with_plain_twin!(@conv p.$f $(, $pt)?), )* extra: Map::new() }
            }
        }
    };
    (@ty $t:ty) => { $t };
    (@ty $t:ty, $pt:ty) => { $pt };
    (@conv $e:expr) => { $e };
    (@conv $e:expr, $pt:ty) => { $e.into_iter().map(Into::into).collect() };
}

pub mod anthropic;
pub mod error;
pub mod gemini;
pub mod openai;
pub mod responses;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// A field that is either a plain string or an array of parts (message `content`, `system`).
///
/// Deserialised by hand rather than with `#[serde(untagged)]` so that an error inside the array
/// keeps its precise path (`messages[1].content[0]`) instead of "did not match any variant".
#[derive(Debug, Clone, PartialEq)]
pub enum StringOrParts<P> {
    String(String),
    Parts(Vec<P>),
}

impl<P: Serialize> Serialize for StringOrParts<P> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            StringOrParts::String(t) => s.serialize_str(t),
            StringOrParts::Parts(p) => p.serialize(s),
        }
    }
}

impl<'de, P: Deserialize<'de>> Deserialize<'de> for StringOrParts<P> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<P>(PhantomData<P>);
        impl<'de, P: Deserialize<'de>> Visitor<'de> for V<P> {
            type Value = StringOrParts<P>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or an array of content parts")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(StringOrParts::String(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(StringOrParts::String(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut parts = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(p) = seq.next_element()? {
                    parts.push(p);
                }
                Ok(StringOrParts::Parts(parts))
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// OpenAI `stop`: a string or an array of strings.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged, expecting = "a string or an array of strings")]
pub enum StringOrVec {
    One(String),
    Many(Vec<String>),
}

impl StringOrVec {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            StringOrVec::One(s) => vec![s],
            StringOrVec::Many(v) => v,
        }
    }
}
