//! The single integration-test crate: real HTTP servers on 127.0.0.1 port 0, real files; the real
//! binary last.

// A failing unwrap is a failing test, with the value in the panic message.
#![allow(clippy::unwrap_used)]

// The control socket (and so every test of it) is Unix-only.
#[cfg(unix)]
mod admin;
mod api_auth;
mod api_config;
mod api_fixture;
mod api_logs;
mod api_resources;
mod api_usage;
mod api_verify;
mod backlog;
mod chatgpt_web;
mod claude_code;
mod cluster;
mod cluster_state;
mod cluster_store;
mod cluster_usage;
mod cluster_writer;
mod common;
mod config;
mod count_tokens;
mod crossdialect;
mod direct_client;
mod gemini;
mod group_commit;
mod hardening;
mod idle_conns;
// Restarts the real binary with SIGTERM: Unix-only.
#[cfg(unix)]
mod keystate;
mod layout;
mod outcome;
mod relay;
mod reload;
mod responses;
mod rough_edges;
mod routing;
mod server;
mod store;
mod store_layouts;
mod sync;
mod translate;

mod binary;
mod packaging;
mod principals;
mod sessions;
mod sso;
mod surface;
#[cfg(unix)]
mod top;
mod users;
mod web;
