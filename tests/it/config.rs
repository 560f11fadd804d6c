//! Config loading: the original's example loads unchanged; every invalid fixture reports exactly
//! its expected problems (all at once, each naming its key path); range problems quote the value;
//! hostile values written into every key of the example configs (and the raw text) never make
//! `config::load_str`, `Runtime::build` or `monorelay config check` panic.

use crate::common::bin;
use monorelay::config::{self, ConfigSource, ProviderKind, Strategy};
use std::path::Path;

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn the_original_example_config_loads_unchanged() {
    let c = config::load_file(&fixtures().join("original-config.yml.example")).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = c.providers.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["openrouter", "nvidia", "openai", "anthropic", "chatgpt_web"]);
    let anthropic = &c.providers[3];
    assert_eq!(
        anthropic.kind,
        ProviderKind::Anthropic,
        "a provider named anthropic speaks Anthropic without provider_type"
    );
    assert_eq!(c.providers[4].kind, ProviderKind::WebReverse);
    assert_eq!(c.providers[0].keys.len(), 2);
    assert_eq!(c.providers[0].headers.len(), 2);
    assert_eq!(c.providers[1].cooldown.as_secs(), 30);
    assert_eq!(c.strategy, Strategy::RoundRobin);
    assert_eq!(c.routing.aliases.len(), 5);
    assert_eq!(c.routing.provider_mapping.len(), 10);
    assert_eq!(c.server.access_key.as_ref().map(|k| k.expose().as_str()), Some("prisma-relay-change-me"));
    assert_eq!(c.server.host, "0.0.0.0");
}

#[test]
fn the_embedded_default_and_our_example_load() {
    let c = config::load_str(config::EMBEDDED_DEFAULT, ConfigSource::Embedded, &|_| None).unwrap();
    assert_eq!(c.providers[0].kind, ProviderKind::Mock);
    assert_eq!(c.server.host, "127.0.0.1", "secure default: loopback only");
    let example = config::load_str(config::EXAMPLE, ConfigSource::Embedded, &|_| Some("from-env".into()));
    let example = example.unwrap_or_else(|e| panic!("config.yml.example must load: {e}"));
    assert!(example.providers.len() >= 3);
}

#[test]
fn presets_fill_base_urls() {
    let yaml = "providers:\n  openrouter: {keys: [{key: a}]}\n  NVIDIA: {keys: [{key: a}]}\n  deep-seek: {keys: [{key: a}]}\n  groq: {keys: [{key: a}]}\n  openai: {keys: [{key: a}]}\n  anthropic: {keys: [{key: a}]}\n";
    let c = config::load_str(yaml, ConfigSource::Embedded, &|_| None).unwrap();
    let urls: Vec<(&str, &str)> = c.providers.iter().map(|p| (p.name.as_str(), p.base_url.as_str())).collect();
    assert_eq!(
        urls,
        [
            ("openrouter", "https://openrouter.ai/api/v1"),
            ("NVIDIA", "https://integrate.api.nvidia.com/v1"),
            ("deep-seek", "https://api.deepseek.com/v1"),
            ("groq", "https://api.groq.com/openai/v1"),
            ("openai", "https://api.openai.com/v1"),
            ("anthropic", "https://api.anthropic.com"),
        ]
    );
}

#[test]
fn env_refs_resolve_with_types() {
    let yaml = "server:\n  port: ${PORT}\n  access_key: ${KEY}\nproviders:\n  openai:\n    keys: [{key: \"${OPENAI_KEY:-sk-default}\"}]\n";
    let env = |n: &str| match n {
        "PORT" => Some("9999".to_string()),
        "KEY" => Some("secret".to_string()),
        _ => None,
    };
    let c = config::load_str(yaml, ConfigSource::Embedded, &env).unwrap();
    assert_eq!(c.server.port, 9999);
    assert_eq!(c.providers[0].keys[0].secret.expose(), "sk-default");
}

#[test]
fn every_invalid_fixture_reports_exactly_its_problems() {
    let dir = fixtures().join("config");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut expected: Vec<String> =
            text.lines().filter_map(|l| l.strip_prefix("# expect: ")).map(String::from).collect();
        assert!(!expected.is_empty(), "{} has no '# expect:' lines", path.display());
        let err = config::load_str(&text, ConfigSource::File(path.clone()), &|_| None).expect_err("must be rejected");
        let mut got = err.problems.clone();
        got.sort();
        expected.sort();
        assert_eq!(got, expected, "{}", path.display());
        let shown = err.to_string();
        assert!(shown.starts_with(&format!("{}: {} problem", path.display(), expected.len())), "{shown}");
        seen += 1;
    }
    assert!(seen >= 5);
}

#[test]
fn secrets_never_show_in_debug_output() {
    let c = config::load_str(
        "server: {access_key: sk-top-secret-1}\nproviders:\n  openai: {keys: [{key: sk-upstream-secret-2}]}\n",
        ConfigSource::Embedded,
        &|_| None,
    )
    .unwrap();
    let dump = format!("{c:?}");
    assert!(!dump.contains("sk-top-secret-1") && !dump.contains("sk-upstream-secret-2"));
    assert!(dump.contains("*****"));
}

// ---- Hostile values: no panic anywhere, every rejection names its key ----------------------

use monorelay::config::yaml::{self, Value};
use monorelay::runtime::{Runtime, Shared};
use std::time::Duration;

/// Written in place of every node (sections included): wrong types and the commonest bad values.
const ANY_NODE: &[&str] = &["null", "true", "[]", "{}", "-1", ".nan", "''"];
/// Written in place of every number: non-finite, negative, tiny, huge, past every integer width.
const NUMBERS: &[&str] = &[
    ".inf",
    "-.inf",
    "-0.0",
    "0",
    "0.0000001",
    "1e-320",
    "1e308",
    "-1e308",
    "65536",
    "4294967296",
    "18446744073709551615",
    "[[[[[[1]]]]]]",
];
/// Written in place of every string: control characters, terminal escapes, names that are paths,
/// broken globs, URLs and environment references, impossible dates, a very long value.
const STRINGS: &[&str] = &[
    "' '",
    "\"\\0\"",
    "\"a\\nb\\r\"",
    "\"\\e[31mred\"",
    "\"\\u202e\"",
    "'é'",
    "'@'",
    "'a@b@c'",
    "'../../etc/passwd'",
    "'['",
    "'[!'",
    "'***'",
    "'http://'",
    "'http://[::1'",
    "'https://user:pass@example.com/v1'",
    "'ftp://example.com'",
    "'${'",
    "'${NOPE}'",
    "'${A:-${B}}'",
    "'2026-02-30'",
    "1e308",
];
/// Written into the text itself: numbers no YAML value can hold, and YAML-level tricks.
const TEXT_ONLY: &[&str] = &[
    "18446744073709551616",
    "-9223372036854775809",
    "99999999999999999999999999",
    "*nowhere",
    "&a [*a]",
    "!!binary AAAA",
    "!tag x",
    "'unterminated",
    "\"\\x\"",
    "{",
    "[1, [2, {3: }",
    "|",
];

fn yaml_value(text: &str) -> Value {
    yaml::parse(&format!("v: {text}\n")).unwrap()["v"].clone()
}

#[derive(Clone, Debug)]
enum Seg {
    Key(Value),
    Index(usize),
}

/// Every node of a YAML tree (the root included), by path.
fn node_paths(v: &Value, at: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    out.push(at.clone());
    match v {
        Value::Mapping(m) => {
            for (k, child) in m {
                at.push(Seg::Key(k.clone()));
                node_paths(child, at, out);
                at.pop();
            }
        }
        Value::Sequence(s) => {
            for (i, child) in s.iter().enumerate() {
                at.push(Seg::Index(i));
                node_paths(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(mut v: &'a mut Value, path: &[Seg]) -> &'a mut Value {
    for seg in path {
        v = match (seg, v) {
            (Seg::Key(k), Value::Mapping(m)) => m.get_mut(k).unwrap(),
            (Seg::Index(i), Value::Sequence(s)) => &mut s[*i],
            (seg, other) => panic!("{seg:?} does not lead into {other:?}"),
        };
    }
    v
}

/// `a.b[2].c`, as problems name keys.
fn render(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(Value::String(k)) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Key(other) => out.push_str(&format!(".{other:?}")),
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// What a loaded config promises to the rest of the crate, whatever the file said.
fn assert_in_range(c: &config::Config) {
    let s = &c.server;
    assert!((1..=config::MAX_BODY_BYTES as usize).contains(&s.max_body_bytes));
    assert!(s.shutdown_grace <= Duration::from_secs(3600));
    assert!(c.logging.max_body_bytes <= config::MAX_BODY_BYTES);
    assert!(c.logging.max_age.is_none_or(|a| a <= Duration::from_secs(36_500 * 86_400)));
    assert!(c.translation.default_max_tokens >= 1);
    let price = |v: f64| v.is_finite() && (0.0..=1e6).contains(&v);
    for p in &c.pricing {
        assert!(price(p.input) && price(p.output) && price(p.cache_read) && price(p.cache_write));
    }
    for p in &c.providers {
        assert!(!p.name.is_empty() && p.name.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c)));
        assert!(p.timeout >= Duration::from_millis(100) && p.timeout <= Duration::from_secs(3600));
        assert!(p.connect_timeout > Duration::ZERO && p.connect_timeout <= Duration::from_secs(600));
        assert!(p.total_timeout.is_none_or(|t| t > Duration::ZERO && t <= Duration::from_secs(86_400)));
        assert!(p.cooldown <= Duration::from_secs(86_400));
        assert!(price(p.cost_per_m_input) && price(p.cost_per_m_output));
        if let Some(r) = &p.retry {
            assert!(r.max_retries <= 10 && (1.0..=10.0).contains(&r.backoff_factor));
            assert!(r.backoff_max <= Duration::from_secs(3600));
            assert!(r.on_status.iter().all(|s| (100..=599).contains(s)));
        }
        for k in &p.keys {
            assert!(k.weight.is_finite() && (0.0..=1e6).contains(&k.weight));
            assert!(k.rate_limit_rps == 0.0 || (0.001..=1e6).contains(&k.rate_limit_rps));
            assert!(k.quota_limit <= 1_000_000_000_000 && k.quota_used <= 1_000_000_000_000);
            assert!(k.window_limits.iter().all(|w| *w <= 1_000_000_000_000));
            assert!(k.secret.expose().chars().all(|c| c.is_ascii_graphic()));
            assert!(!k.label.chars().any(char::is_control));
        }
    }
}

/// Whether a rejection of a value written at `at` says something about it: a problem names the
/// key, a key above it, or a sibling (a bad `provider_type` makes `base_url` required), or it
/// is a reference to a provider that the value removed.
fn related(at: &str, problems: &[String]) -> bool {
    let parent = at.rfind(['.', '[']).map_or("", |i| &at[..i]);
    at.is_empty()
        || problems.iter().any(|p| {
            let key = p.split(": ").next().unwrap_or("");
            (!key.is_empty() && at.starts_with(key)) || key.starts_with(parent) || p.contains("unknown provider")
        })
}

fn env_for_hostile(name: &str) -> Option<String> {
    (name != "NOPE").then(|| "from-env".to_string())
}

/// Replace nodes of `base` (those whose path contains `within`) with hostile values: every node
/// with `ANY_NODE`, every number with `NUMBERS`, every string with `STRINGS` (`strings: false`
/// skips those). Loading never panics; a loaded config keeps every promise of `assert_in_range`
/// and builds a runtime; a rejected one names the replaced key (see `related`).
fn sweep(name: &str, base_text: &str, within: &[&str], strings: bool) -> usize {
    let base = yaml::parse(base_text).unwrap();
    let mut paths = Vec::new();
    node_paths(&base, &mut Vec::new(), &mut paths);
    let any_node: Vec<Value> = ANY_NODE.iter().map(|t| yaml_value(t)).collect();
    let numbers: Vec<Value> = NUMBERS.iter().map(|t| yaml_value(t)).collect();
    let mut string_values: Vec<Value> = STRINGS.iter().map(|t| yaml_value(t)).collect();
    string_values.push(Value::String("x".repeat(100_000)));
    let shared = Shared::default();
    let mut failures = Vec::new();
    let mut cases = 0;
    for path in &paths {
        let at = render(path);
        if !within.iter().any(|w| at.contains(w)) {
            continue;
        }
        let mut doc = base.clone();
        let own: &[Value] = match node_mut(&mut doc, path) {
            Value::Number(_) => &numbers,
            Value::String(_) if strings => &string_values,
            _ => &[],
        };
        for v in any_node.iter().chain(own) {
            *node_mut(&mut doc, path) = v.clone();
            let text = yaml::to_string(&doc).unwrap();
            cases += 1;
            // Only real panics unwind; a broken promise comes back as an `Err`.
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                match config::load_str(&text, ConfigSource::Embedded, &env_for_hostile) {
                    Ok(c) => {
                        assert_in_range(&c);
                        Runtime::build(c, &shared, None).map(|_| ()).map_err(|e| format!("no runtime: {e}"))
                    }
                    Err(e) if related(&at, &e.problems) => Ok(()),
                    Err(e) => Err(format!("no problem names '{at}': {e}")),
                }
            }));
            let failure = match outcome {
                Ok(Ok(())) => continue,
                Ok(Err(e)) => e,
                Err(panic) => {
                    let msg = panic.downcast_ref::<String>().cloned();
                    let msg = msg.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
                    format!("panicked: {}", msg.unwrap_or_default())
                }
            };
            let shown = format!("{v:?}");
            failures.push(format!("{name}: {at} = {}: {failure}", &shown[..shown.len().min(60)]));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
    cases
}

/// Every `key: value` line of `base` with the value replaced by each of `TEXT_ONLY`: loading
/// never panics and a rejection lists at least one problem.
fn text_sweep(base: &str) -> usize {
    let shared = Shared::default();
    let mut cases = 0;
    let lines: Vec<&str> = base.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some((key, value)) = line.split_once(": ") else { continue };
        if key.trim_start().starts_with('#') || value.trim().is_empty() {
            continue;
        }
        for h in TEXT_ONLY {
            let mut text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            text[i] = format!("{key}: {h}");
            let text = text.join("\n");
            cases += 1;
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                match config::load_str(&text, ConfigSource::Embedded, &env_for_hostile) {
                    Ok(c) => {
                        assert_in_range(&c);
                        Runtime::build(c, &shared, None).map(|_| ()).map_err(|e| e.to_string())
                    }
                    Err(e) => {
                        assert!(!e.problems.is_empty());
                        Ok(())
                    }
                }
            }));
            match outcome {
                Ok(Ok(())) => {}
                Ok(Err(e)) => panic!("line {}: '{key}: {h}': the runtime did not build: {e}", i + 1),
                Err(_) => panic!("line {}: '{key}: {h}' panicked", i + 1),
            }
        }
    }
    cases
}

#[test]
fn hostile_text_in_every_line_of_the_example_never_panics() {
    assert!(text_sweep(config::EXAMPLE) > 1000);
}

/// `config.yml.example` with every `enabled: false` turned on, so that disabled sections
/// (retry, cascade, complexity, payload rules, global params) are validated as live ones.
fn everything_enabled() -> String {
    config::EXAMPLE.replace("enabled: false", "enabled: true")
}

#[test]
fn hostile_values_in_every_key_of_the_example_never_panic() {
    let cases = sweep("config.yml.example", config::EXAMPLE, &[""], true);
    assert!(cases > 2000, "{cases}");
}

#[test]
fn hostile_values_in_every_enabled_section_never_panic() {
    let text = everything_enabled();
    config::load_str(&text, ConfigSource::Embedded, &env_for_hostile).unwrap();
    let sections = ["retry", "ignore", "complexity", "cascade", "payload_transformation", "global_params"];
    let cases = sweep("everything enabled", &text, &sections, true);
    assert!(cases > 300, "{cases}");
}

#[test]
fn hostile_values_in_every_key_of_the_original_example_never_panic() {
    let text = std::fs::read_to_string(fixtures().join("original-config.yml.example")).unwrap();
    let cases = sweep("original example", &text, &[""], false);
    assert!(cases > 1000, "{cases}");
}

/// Every number of the example at `.inf` at once: one load lists a problem for each of them.
#[test]
fn every_infinite_number_is_reported_at_once() {
    let mut doc = yaml::parse(&everything_enabled()).unwrap();
    let mut paths = Vec::new();
    node_paths(&doc, &mut Vec::new(), &mut paths);
    let mut numeric = Vec::new();
    for path in &paths {
        let node = node_mut(&mut doc, path);
        // `params` maps are free JSON for the upstream, not config numbers.
        let free = render(path).contains("params");
        if matches!(node, Value::Number(_)) && !free {
            *node = Value::Number(f64::INFINITY.into());
            numeric.push(render(path));
        }
    }
    assert!(numeric.len() >= 25, "{numeric:?}");
    let text = yaml::to_string(&doc).unwrap();
    let e = config::load_str(&text, ConfigSource::Embedded, &env_for_hostile).unwrap_err();
    for key in &numeric {
        // A bad list item is reported for its list (`retry_on_status[1]` → `retry_on_status[0]: …`).
        let list = key.rsplit_once('[').map_or(key.as_str(), |(list, _)| list);
        assert!(e.problems.iter().any(|p| p.starts_with(list)), "nothing about {key}: {e}");
    }
}

#[test]
fn range_problems_name_the_key_and_quote_the_value() {
    let yaml = "providers:\n  x:\n    base_url: http://127.0.0.1:1/v1\n    timeout: -1\n    connect_timeout: .nan\n    total_timeout: 1e308\n    rate_limit_cooldown: .inf\n    keys: [{key: k, weight: -2, rate_limit_rps: 1e-9, quota_used: 18446744073709551615}]\n    retry: {backoff_factor: 1e308, max_retries: 4000000000, backoff_max: -5, retry_on_status: [7]}\nserver: {max_body_bytes: 0, shutdown_grace_secs: 99999999}\nlogging: {max_age_days: 4000000000}\ntranslation: {default_max_tokens: 0}\n";
    let e = config::load_str(yaml, ConfigSource::Embedded, &|_| None).unwrap_err();
    let mut got = e.problems.clone();
    got.sort();
    let mut want = [
        "providers.x.timeout: must be between 0.1 and 3600 seconds, got '-1'",
        "providers.x.connect_timeout: must be 0 (the default of 10) or between 0.1 and 600 seconds, got '.nan'",
        "providers.x.total_timeout: must be 0 (no cap) or between 0.1 and 86400 seconds, got '1e308'",
        "providers.x.rate_limit_cooldown: must be between 0 and 86400 seconds, got '.inf'",
        "providers.x.keys[0].weight: must be between 0 and 1000000, got '-2'",
        "providers.x.keys[0].rate_limit_rps: must be 0 (no limit) or between 0.001 and 1000000 requests per second, got '1e-9'",
        "providers.x.keys[0].quota_used: must be between 0 and 1000000000000 requests, got '18446744073709551615'",
        "providers.x.retry.max_retries: must be between 0 and 10, got '4000000000'",
        "providers.x.retry.backoff_factor: must be between 1 and 10, got '1e308'",
        "providers.x.retry.backoff_max: must be between 0 and 3600 seconds, got '-5'",
        "providers.x.retry.retry_on_status[0]: '7' is not an HTTP status (100 to 599)",
        "server.max_body_bytes: must be between 1 and 1073741824 bytes, got '0'",
        "server.shutdown_grace_secs: must be between 0 and 3600 seconds, got '99999999'",
        "logging.max_age_days: must be between 0 and 36500 days, got '4000000000'",
        "translation.default_max_tokens: must be between 1 and 10000000 tokens, got '0'",
    ];
    want.sort();
    assert_eq!(got, want, "{e}");
}

/// The real binary on hostile files: `config check` exits 1 with the key path, never panics.
#[test]
fn config_check_on_hostile_files_names_the_key_and_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let provider = "providers:\n  x:\n    base_url: http://127.0.0.1:1/v1\n    keys: [{key: k}]\n";
    let cases = [
        (
            format!("{provider}    timeout: .nan\n"),
            "providers.x.timeout: must be between 0.1 and 3600 seconds, got '.nan'",
        ),
        (
            format!("{provider}    retry: {{enabled: true, backoff_factor: 1e308}}\n"),
            "providers.x.retry.backoff_factor",
        ),
        (format!("{provider}    rate_limit_cooldown: -.inf\n"), "providers.x.rate_limit_cooldown"),
        (
            "providers:\n  x: {base_url: 'http://[::1', keys: [{key: k, weight: -1}]}\n".to_string(),
            "providers.x.keys[0].weight",
        ),
        ("server: {port: 18446744073709551616}\n".to_string(), "line 1"),
        (
            "providers:\n  '../../x': {base_url: http://h/v1, keys: [{key: k}]}\n".to_string(),
            "providers.../../x: a provider name",
        ),
    ];
    for (i, (yaml, want)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("hostile-{i}.yml"));
        std::fs::write(&path, yaml).unwrap();
        let out = bin().arg("--config").arg(&path).args(["config", "check"]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{yaml}\n{err}");
        assert!(err.contains(want) && !err.contains("panicked"), "{yaml}\n{err}");
    }
}
