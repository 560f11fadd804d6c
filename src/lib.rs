//! monorelay core library: config, routing, key pools, translation, the relay pipeline and the
//! HTTP server. No CLI parsing and no printing to stdout here; the binary in `commands/` does that.

pub mod config;
pub mod dialect;
pub mod error;
pub mod glob;
pub mod ir;
pub mod keys;
pub mod secret;
pub mod translate;
pub mod wire;
