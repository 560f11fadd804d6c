//! Stage 3, prepare: the upstream body for one candidate. Same dialect and no tool downgrade →
//! passthrough: the client's fields serialised again with only `model` (and
//! `stream_options.include_usage`, when we want the usage chunk) overridden, so unknown fields
//! survive. Otherwise the shared IR is encoded for the upstream's dialect, after the tool
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
        let bytes = if layers {
            // Layers edit the body: only then is a copy of it needed.
            let mut body = req.body.clone();
            for (k, v) in &overrides {
                body.set(k, v);
            }
            crate::params::apply(&rt.config.routing.layers, &provider.config, model, upstream, &mut body);
            body.to_vec()
        } else {
            req.body.to_vec_with(&overrides)
        };
        return Ok(Prepared {
            bytes: Bytes::from(bytes),
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
