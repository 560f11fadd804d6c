//! Config loading: the original's example loads unchanged; every invalid fixture reports exactly
//! its expected problems (all at once, each naming its key path).

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
