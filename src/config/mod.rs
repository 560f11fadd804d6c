//! Configuration: YAML text → raw serde structs (`raw.rs`) → a validated `Config` with secrets
//! resolved, presets applied, references and ranges checked. Every problem is reported at once,
//! each naming its key path (`providers.openai.keys[2]: unknown key 'kye'`).
//!
//! - `types.rs`: the validated types the rest of the crate reads;
//! - `load.rs`: file or text → raw → validated, `${ENV}` resolution (`env.rs`), vendor presets;
//! - `validate.rs`: every check, with its key path (`sso.rs`: the `sso:` section and Turnstile);
//! - `raw.rs`: the file as written; `yaml.rs`: the YAML crate behind one door;
//! - `cluster.rs`: `storage` and `state`, the backends several relays share;
//! - `edit.rs`: in-place edits of the YAML text that keep comments and order.

mod check;
pub mod cluster;
pub mod edit;
mod env;
mod load;
pub mod raw;
mod sso;
mod types;
mod validate;
pub mod yaml;

pub use load::{ConfigError, EMBEDDED_DEFAULT, EXAMPLE, default_path, load_file, load_str};
pub use types::*;
pub use validate::MAX_BODY_BYTES;
