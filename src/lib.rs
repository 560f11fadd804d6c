//! monorelay core library: config, routing, key pools, providers, translation, the relay
//! pipeline, the HTTP server with hot reload, the request log (redb) with its stats, the
//! control socket, and Gist/WebDAV sync of the config. No CLI parsing and no printing to stdout
//! here; the binary in `commands/` and `tui/` does that.

pub mod access_key;
pub mod admin;
pub mod auth;
pub mod body;
pub mod complexity;
pub mod config;
pub mod daemon;
pub mod dialect;
pub mod error;
pub mod events;
pub mod glob;
pub mod ir;
pub mod keys;
pub mod mem;
pub mod params;
pub mod pricing;
pub mod providers;
pub mod record;
pub mod redact;
pub mod relay;
pub mod router;
pub mod runtime;
pub mod secret;
pub mod server;
pub mod state;
pub mod stats;
pub mod store;
pub mod sync;
pub mod tokens;
pub mod tools;
pub mod translate;
pub mod wire;
