//! Translation between dialects: the incremental SSE codec and per-dialect decoders/encoders.
pub mod sse;
