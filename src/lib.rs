//! monorelay core library: config, routing, key pools, translation, the relay pipeline and the
//! HTTP server. No CLI parsing and no printing to stdout here; the binary in `commands/` does that.

pub mod dialect;
pub mod ir;
pub mod translate;
pub mod wire;
