//! Stage 3, prepare: the upstream body for one candidate. Same dialect and no tool downgrade →
//! passthrough: the client's bytes with only `model` (and `stream_options.include_usage`, when we
//! want the usage chunk) patched in where they lie (`patch_passthrough`; the very same bytes when
//! nothing changes), or, when the bytes cannot be patched safely, the client's fields serialised
//! again with those overridden — so unknown fields survive either way. Otherwise the shared IR is encoded for the upstream's dialect, after the tool
//! downgrade (or emulation) where the model cannot take tools. The parameter layers (`params`:
//! `model_params`, `payload_transformation`, `global_params`, the provider's `params` and
//! `system_prompt`) are applied last, in both cases.

use super::Inbound;
use super::decode::{Request, translate_error};
use crate::body::JsonObject;
use crate::dialect::Dialect;
use crate::error::RelayError;
use crate::providers::{Endpoint, Provider};
use crate::runtime::Runtime;
use bytes::Bytes;

/// The body to send to one candidate, and how its answer must be treated.
pub(super) struct Prepared {
    pub(super) bytes: Bytes,
    pub(super) upstream: Dialect,
    /// The upstream operation to call: the client's, except that a translated Responses request
    /// goes to the upstream's chat (or messages) route.
    pub(super) endpoint: Endpoint,
    /// The body was built from the IR (other dialect, or downgraded): answers go through the translators.
    pub(super) translated: bool,
    /// Tools were removed for this upstream.
    pub(super) downgraded: bool,
    /// Tool names being emulated (empty: no emulation).
    pub(super) emulated: Vec<String>,
    /// We added `stream_options.include_usage`, so the extra usage chunk must not reach the client.
    pub(super) strip_usage: bool,
    /// Request fields the translation left out (recorded on the attempt).
    pub(super) dropped: Vec<String>,
}

pub(super) fn prepare(
    rt: &Runtime,
    req: &Request,
    inbound: &Inbound,
    provider: &Provider,
    model: &str,
    force_downgrade: bool,
) -> Result<Prepared, RelayError> {
    // A Responses client is passed through to an upstream that serves `/responses` itself and
    // translated for any other.
    // A model served only through `/responses` gets every conversation there, translated.
    let responses_only = inbound.endpoint.is_conversation()
        && inbound.endpoint != Endpoint::CountTokens
        && provider.responses_only(model);
    let upstream = if responses_only || (inbound.dialect == Dialect::Responses && provider.speaks_responses()) {
        Dialect::Responses
    } else {
        provider.dialect()
    };
    let endpoint = match inbound.endpoint {
        Endpoint::Responses if upstream != Dialect::Responses => Endpoint::ChatCompletions,
        Endpoint::GenerateContent if upstream != Dialect::Gemini => Endpoint::ChatCompletions,
        _ if responses_only => Endpoint::Responses,
        e => e,
    };
    if !inbound.endpoint.is_conversation() && upstream != Dialect::OpenAi {
        return Err(RelayError::invalid_field(
            "model",
            format!(
                "'{model}' routes to provider '{}', which speaks the {} API; {} needs an OpenAI-compatible provider",
                provider.name(),
                upstream.as_str(),
                inbound.endpoint.openai_path()
            ),
        ));
    }
    let tools = &rt.config.routing.tools;
    // An upstream without a tool API (the ChatGPT web backend) always gets tools emulated.
    let no_tool_api = !provider.has_tool_api();
    let listed = no_tool_api
        || tools.auto_downgrade
            && (tools.unsupported_models.iter().any(|g| g.matches(model))
                || rt.tool_support.is_unsupported(provider.name(), model));
    let downgrade =
        (force_downgrade || listed) && inbound.endpoint.is_conversation() && crate::tools::uses_tools(req.ir(inbound)?);
    let layers = crate::params::any(&rt.config.routing.layers, &provider.config);
    if upstream == inbound.dialect && !downgrade {
        let model_raw = serde_json::value::to_raw_value(model).map_err(|e| RelayError::internal(e.to_string()))?;
        let mut overrides: Vec<(&str, &serde_json::value::RawValue)> = vec![("model", &model_raw)];
        let strip_usage =
            upstream == Dialect::OpenAi && req.stream && !req.client_wants_usage && provider.config.stream_usage;
        let opts_raw;
        if strip_usage {
            let mut opts: serde_json::Map<String, serde_json::Value> =
                req.body.field("stream_options").ok().flatten().unwrap_or_default();
            opts.insert("include_usage".into(), serde_json::Value::Bool(true));
            opts_raw = serde_json::value::to_raw_value(&opts).map_err(|e| RelayError::internal(e.to_string()))?;
            overrides.push(("stream_options", &opts_raw));
        }
        // Patched bytes cannot merge into the client's own `stream_options`: that case serialises.
        let patched = if layers || (strip_usage && req.body.get("stream_options").is_some()) {
            None
        } else {
            patch_passthrough(&inbound.body, model_raw.get(), strip_usage)
        };
        let bytes = match patched {
            Some(bytes) => bytes,
            None if layers => {
                // Layers edit the body: only then is a copy of it needed.
                let mut body = req.body.clone();
                for (k, v) in &overrides {
                    body.set(k, v);
                }
                crate::params::apply(&rt.config.routing.layers, &provider.config, model, upstream, &mut body);
                Bytes::from(body.to_vec())
            }
            None => Bytes::from(req.body.to_vec_with(&overrides)),
        };
        return Ok(Prepared {
            bytes,
            upstream,
            endpoint,
            translated: false,
            downgraded: false,
            emulated: Vec::new(),
            strip_usage,
            dropped: Vec::new(),
        });
    }
    let opts = crate::translate::EncodeOptions {
        default_max_tokens: rt.config.translation.default_max_tokens,
        drop_unsupported: rt.config.translation.drop_unsupported,
        model: Some(model),
    };
    // The decoded request is shared by every candidate; only a downgrade needs its own copy.
    // (The OpenAI encoder always asks streaming upstreams for usage.)
    let shared_ir = req.ir(inbound)?;
    let (encoded, emulated) = if downgrade {
        let mut ir = shared_ir.clone();
        let emulated = crate::tools::downgrade(&mut ir, tools.emulate || no_tool_api);
        (crate::translate::encode_request_noting(upstream, &ir, &opts).map_err(translate_error)?, emulated)
    } else {
        (crate::translate::encode_request_noting(upstream, shared_ir, &opts).map_err(translate_error)?, Vec::new())
    };
    let crate::translate::Encoded { body: mut bytes, mut dropped } = encoded;
    if upstream != inbound.dialect && inbound.headers.contains_key("anthropic-beta") {
        // Betas only an Anthropic server can act on.
        dropped.push("anthropic-beta".to_string());
    }
    if layers {
        let mut body = JsonObject::parse(&bytes).map_err(RelayError::internal)?;
        crate::params::apply(&rt.config.routing.layers, &provider.config, model, upstream, &mut body);
        bytes = body.to_vec();
    }
    Ok(Prepared {
        bytes: Bytes::from(bytes),
        upstream,
        endpoint,
        translated: true,
        downgraded: downgrade,
        emulated,
        strip_usage: false,
        dropped,
    })
}

/// The client's body with `model` set to `model_json` (and `"stream_options":{"include_usage":true}`
/// appended when `add_usage`), patched into the bytes; the same bytes when nothing changes. `None`
/// when the bytes cannot be patched safely (the caller serialises the fields instead).
fn patch_passthrough(body: &Bytes, model_json: &str, add_usage: bool) -> Option<Bytes> {
    let span = crate::body::top_level_span(body, "model").ok()??;
    if !add_usage && &body[span.clone()] == model_json.as_bytes() {
        return Some(body.clone());
    }
    const USAGE: &[u8] = br#","stream_options":{"include_usage":true}"#;
    let close = body.iter().rposition(|b| *b == b'}')?;
    let mut out = Vec::with_capacity(body.len() + model_json.len() + USAGE.len());
    out.extend_from_slice(&body[..span.start]);
    out.extend_from_slice(model_json.as_bytes());
    if add_usage {
        out.extend_from_slice(&body[span.end..close]);
        out.extend_from_slice(USAGE);
        out.extend_from_slice(&body[close..]);
    } else {
        out.extend_from_slice(&body[span.end..]);
    }
    Some(Bytes::from(out))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::patch_passthrough;
    use bytes::Bytes;

    #[test]
    fn passthrough_bodies_are_patched_in_place() {
        let body =
            Bytes::from_static(br#"{"model": "a", "messages": [{"role":"user","content":"model"}], "x": 1.50 }"#);
        let same = patch_passthrough(&body, r#""a""#, false).unwrap();
        assert_eq!(same.as_ptr(), body.as_ptr(), "nothing to change: the very same bytes");
        let out = patch_passthrough(&body, r#""up-model""#, false).unwrap();
        assert_eq!(&out[..], br#"{"model": "up-model", "messages": [{"role":"user","content":"model"}], "x": 1.50 }"#);
        let out = patch_passthrough(&body, r#""a""#, true).unwrap();
        assert_eq!(
            &out[..],
            br#"{"model": "a", "messages": [{"role":"user","content":"model"}], "x": 1.50 ,"stream_options":{"include_usage":true}}"#
        );
        assert!(patch_passthrough(&Bytes::from_static(br#"{"model":"a","model":"b"}"#), r#""c""#, false).is_none());
    }
}
