//! `monorelay init`: write a first `config.yml` — the chosen provider (a vendor preset, so no URL
//! to type) with its key(s), the built-in `mock` provider, and below them the whole commented
//! example for reference. On a terminal it asks; in scripts it takes `--provider` and
//! `--key-stdin` / `--key-env`. The result is validated before it is written, written 0600 (it
//! may hold keys), and an existing file is never replaced without `--force`.

use crate::Cli;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The vendor presets `init` offers (each named so that no base URL is needed).
pub const PROVIDERS: [&str; 6] = ["openrouter", "openai", "anthropic", "deepseek", "groq", "nvidia"];

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The first provider (a preset: openrouter, openai, anthropic, deepseek, groq, nvidia).
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(PROVIDERS))]
    pub provider: Option<String>,
    /// Read the provider's key(s) from stdin, one per line.
    #[arg(long, requires = "provider", conflicts_with = "key_env")]
    pub key_stdin: bool,
    /// Reference an environment variable holding the key instead (written as ${NAME}).
    #[arg(long, value_name = "NAME", requires = "provider")]
    pub key_env: Option<String>,
    /// Where to write (default: --config, else ./config.yml).
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
}

fn prompt(question: &str) -> anyhow::Result<String> {
    eprint!("{question}");
    std::io::stderr().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_string())
}

/// A YAML double-quoted scalar (JSON's string syntax is valid YAML).
fn quoted(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// The config text for `provider` with `keys` (literal keys or one `${ENV}` reference).
pub fn render(provider: Option<&str>, keys: &[String]) -> String {
    let mut t = String::from(
        "# monorelay config, written by `monorelay init`. Check it with `monorelay config check`.\n\
         # Every key is documented in the commented reference at the end of this file\n\
         # (`monorelay config example` prints it too).\n\n\
         server:\n  host: \"127.0.0.1\"            # 0.0.0.0 only behind a firewall or proxy\n  port: 8787\n\n\
         providers:\n",
    );
    if let Some(p) = provider {
        t.push_str(&format!(
            "  {p}:                         # a known vendor: type and base URL are preset\n    keys:\n"
        ));
        for (i, k) in keys.iter().enumerate() {
            t.push_str(&format!("      - key: {}\n        label: \"key{}\"\n", quoted(k), i + 1));
        }
    }
    t.push_str(
        "  mock:                         # built-in responder: try the relay with model \"echo\"\n    provider_type: mock\n    models:\n      include: [\"echo\"]\n\n",
    );
    t.push_str(&format!(
        "model_routing:\n  default_provider: {}\n\n# ---- reference: every key, commented ----\n",
        quoted(provider.unwrap_or("mock"))
    ));
    for line in monorelay::config::EXAMPLE.lines() {
        if line.is_empty() {
            t.push_str("#\n");
        } else if line.starts_with('#') {
            t.push_str(line);
            t.push('\n');
        } else {
            t.push_str("# ");
            t.push_str(line);
            t.push('\n');
        }
    }
    t
}

pub fn run(cli: &Cli, args: &InitArgs) -> anyhow::Result<ExitCode> {
    let path = args.output.clone().or_else(|| cli.config.clone()).unwrap_or_else(monorelay::config::default_path);
    if path.exists() && !args.force {
        anyhow::bail!("'{}' exists; use --force to replace it", path.display());
    }
    let interactive = args.provider.is_none() && std::io::stdin().is_terminal();
    let (provider, keys) = if interactive {
        let p = prompt(&format!("First provider ({}, or empty for none): ", PROVIDERS.join(", ")))?;
        if p.is_empty() {
            (None, Vec::new())
        } else if !PROVIDERS.contains(&p.as_str()) {
            anyhow::bail!("'{p}' is not one of {}", PROVIDERS.join(", "))
        } else {
            eprintln!("Paste the {p} key(s), one at a time (not shown); an empty one ends.");
            let mut keys = Vec::new();
            loop {
                let k = crate::conn::prompt_hidden(&format!("key {}: ", keys.len() + 1))?.trim().to_string();
                if k.is_empty() {
                    break;
                }
                keys.push(k);
            }
            if keys.is_empty() {
                let env = format!("{}_API_KEY", p.to_uppercase());
                eprintln!("No key given: the config reads it from ${{{env}}}.");
                keys.push(format!("${{{env}}}"));
            }
            (Some(p), keys)
        }
    } else {
        let keys = match (&args.provider, args.key_stdin, &args.key_env) {
            (Some(_), true, _) => std::io::stdin()
                .lock()
                .lines()
                .map(|l| l.map(|l| l.trim().to_string()))
                .filter(|l| !l.as_ref().is_ok_and(String::is_empty))
                .collect::<Result<Vec<_>, _>>()?,
            (Some(_), false, Some(env)) => vec![format!("${{{env}}}")],
            (Some(p), false, None) => vec![format!("${{{}_API_KEY}}", p.to_uppercase())],
            (None, ..) => Vec::new(),
        };
        if args.provider.is_some() && keys.is_empty() {
            anyhow::bail!("--key-stdin read no key");
        }
        (args.provider.clone(), keys)
    };
    let text = render(provider.as_deref(), &keys);
    // A key referenced as ${NAME} need not be set now: validate with every variable set.
    let lookup = |_: &str| Some("x".to_string());
    if let Err(e) = monorelay::config::load_str(&text, monorelay::config::ConfigSource::File(path.clone()), &lookup) {
        anyhow::bail!("the generated config does not validate (a key with odd characters?): {e}");
    }
    write_private(&path, &text)?;
    if cli.json {
        println!("{}", serde_json::json!({"path": path, "provider": provider, "keys": keys.len()}));
    } else {
        println!("wrote {}", path.display());
        println!("next: monorelay config check && monorelay serve");
    }
    Ok(ExitCode::SUCCESS)
}

/// Write `text` readable by the owner only.
fn write_private(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    let mut f = o.open(path).map_err(|e| anyhow::anyhow!("cannot write '{}': {e}", path.display()))?;
    f.write_all(text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_renders_a_valid_config() {
        let env = |_: &str| Some("x".to_string());
        for p in PROVIDERS {
            let text = render(Some(p), &["sk-\"odd\\key".into(), "${K2}".into()]);
            let c = monorelay::config::load_str(&text, monorelay::config::ConfigSource::Embedded, &env);
            assert!(c.is_ok(), "{p}: {:?}", c.err());
        }
        let text = render(None, &[]);
        assert!(monorelay::config::load_str(&text, monorelay::config::ConfigSource::Embedded, &env).is_ok());
    }
}
