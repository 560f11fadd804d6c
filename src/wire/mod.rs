//! Exact wire types of the OpenAI, Anthropic and Gemini APIs.
//!
//! Decoding is lenient where upstreams are known to be sloppy (missing ids, `null` for absent
//! fields) and strict where a client error must be reported with its field path. Unknown fields are
//! kept in `extra` maps so same-dialect round trips lose nothing.

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
