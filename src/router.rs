//! Model resolution: one pure function from a requested model name and the runtime to an ordered
//! list of candidates (provider, upstream model, why). Deterministic: config order of providers
//! never silently decides, and model names are never fuzzily rewritten.
//!
//! Order: `model@provider` → aliases (chains, fallback lists) → `model_overrides` →
//! `provider_mapping` (exact patterns before globs) → providers whose `models.include` lists the
//! model → `model_routing.default_provider` → 404 `model_not_found`.

use crate::config::{normalize_name, same_model};
use crate::error::RelayError;
use crate::runtime::Runtime;

/// Alias chains longer than this are cut (cycles are rejected at load; this bounds fan-out).
const MAX_ALIAS_DEPTH: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Index into `Runtime::providers`.
    pub provider: usize,
    /// The model name sent upstream.
    pub model: String,
    /// How the router got here, for `monorelay route` and logs.
    pub why: String,
}

/// Resolve without conversation text (complexity routing then scores an empty text).
pub fn resolve(rt: &Runtime, requested: &str) -> Result<Vec<Candidate>, RelayError> {
    resolve_with(rt, requested, &String::new)
}

/// Resolve; `text` yields the conversation text, asked for only by complexity routing.
pub fn resolve_with(rt: &Runtime, requested: &str, text: &dyn Fn() -> String) -> Result<Vec<Candidate>, RelayError> {
    let requested = requested.trim();
    if requested.is_empty() {
        return Err(RelayError::invalid_field("model", "must be a non-empty string"));
    }
    let mut out = Vec::new();
    let ctx = Ctx { text };
    expand(rt, &ctx, requested, 0, &mut Vec::new(), &mut out)?;
    // 6. the cascade: further models tried in turn once the requested model's candidates failed.
    for (i, m) in rt.config.routing.cascade.iter().enumerate() {
        let mut more = Vec::new();
        if expand(rt, &ctx, m, 0, &mut Vec::new(), &mut more).is_ok() {
            out.extend(more.into_iter().map(|mut c| {
                c.why = format!("cascade #{}: {}", i + 1, c.why);
                c
            }));
        }
    }
    // The first of each (provider, model) pair stays, in order.
    let mut kept = 0;
    for i in 0..out.len() {
        let dup = out[..kept].iter().any(|k| k.provider == out[i].provider && k.model == out[i].model);
        if !dup {
            out.swap(kept, i);
            kept += 1;
        }
    }
    out.truncate(kept);
    if out.is_empty() {
        return Err(not_found(rt, requested));
    }
    Ok(out)
}

struct Ctx<'a> {
    text: &'a dyn Fn() -> String,
}

fn expand(
    rt: &Runtime,
    ctx: &Ctx,
    model: &str,
    depth: usize,
    trail: &mut Vec<String>,
    out: &mut Vec<Candidate>,
) -> Result<(), RelayError> {
    // 0. complexity routing answers its trigger names (e.g. `auto`) with a model by score.
    if let Some(cx) = &rt.config.routing.complexity {
        if depth < MAX_ALIAS_DEPTH && cx.triggers.iter().any(|t| same_model(t, model)) {
            let score = crate::complexity::score(&(ctx.text)());
            let (name, target) = match crate::complexity::bucket(score) {
                crate::complexity::Bucket::Simple => ("simple", &cx.simple),
                crate::complexity::Bucket::Moderate => ("moderate", &cx.moderate),
                crate::complexity::Bucket::Complex => ("complex", &cx.complex),
            };
            trail.push(model.to_string());
            let before = out.len();
            let r = expand(rt, ctx, target, depth + 1, trail, out);
            trail.pop();
            r?;
            for c in &mut out[before..] {
                c.why = format!("complexity score {score:.2} is {name}: {}", c.why);
            }
            return Ok(());
        }
    }
    // 1. model@provider: the provider is fixed; only aliases/overrides apply to the model part.
    if let Some((m, p)) = model.rsplit_once('@') {
        let Some(idx) = rt.provider_index(p) else {
            return Err(RelayError::invalid_field(
                "model",
                format!("unknown provider '{p}' in '{model}' (known: {})", rt.provider_names().join(", ")),
            ));
        };
        let provider = &rt.providers[idx];
        if !provider.usable() {
            let why = if provider.config.enabled { "is not available in this build" } else { "is disabled" };
            return Err(RelayError::invalid_field("model", format!("provider '{}' {why}", provider.name())));
        }
        if provider.config.exclude.iter().any(|g| g.matches(m)) {
            return Err(RelayError::model_not_found(format!(
                "model '{m}' is excluded by provider '{}' (models.exclude)",
                provider.name()
            )));
        }
        let mut model = m.to_string();
        if let Some(targets) = rt.alias(&model) {
            if let [only] = targets.as_slice() {
                model = only.rsplit_once('@').map_or(only.as_str(), |(x, _)| x).to_string();
            }
        }
        let model = apply_overrides(rt, &model);
        out.push(Candidate {
            provider: idx,
            why: format!("'{}' names provider '{}'", trail_or(trail, model.as_str()), provider.name()),
            model,
        });
        return Ok(());
    }
    // 2. aliases (each target may itself be an alias or carry @provider).
    if let Some(targets) = rt.alias(model) {
        if depth < MAX_ALIAS_DEPTH && !trail.iter().any(|t| same_model(t, model)) {
            trail.push(model.to_string());
            for t in targets.clone() {
                expand(rt, ctx, &t, depth + 1, trail, out)?;
            }
            trail.pop();
            return Ok(());
        }
    }
    let model = apply_overrides(rt, model);
    let origin = trail_or(trail, &model);
    // 3. provider_mapping: exact patterns first, then globs in file order.
    let mapping = &rt.config.routing.provider_mapping;
    let hit = mapping
        .iter()
        .find(|(g, p)| g.is_literal() && g.matches(&model) && rt.usable_index(p).is_some())
        .or_else(|| mapping.iter().find(|(g, p)| !g.is_literal() && g.matches(&model) && rt.usable_index(p).is_some()));
    if let Some((glob, p)) = hit {
        if let Some(idx) = rt.usable_index(p) {
            if !excluded(rt, idx, &model) {
                out.push(Candidate {
                    provider: idx,
                    model: model.clone(),
                    why: format!("'{origin}' matches provider_mapping '{}'", glob.as_str()),
                });
                return Ok(());
            }
        }
    }
    // 4. explicit include lists (every provider that lists the model, in file order: each is an explicit choice).
    let before = out.len();
    for (idx, p) in rt.providers.iter().enumerate() {
        if p.usable() && p.config.include.iter().any(|m| same_model(m, &model)) && !excluded(rt, idx, &model) {
            out.push(Candidate {
                provider: idx,
                model: model.clone(),
                why: format!("'{origin}' is in the models.include of '{}'", p.name()),
            });
        }
    }
    if out.len() > before {
        return Ok(());
    }
    // 5. the explicit default provider.
    if let Some(def) = &rt.config.routing.default_provider {
        if let Some(idx) = rt.usable_index(def) {
            if !excluded(rt, idx, &model) {
                out.push(Candidate {
                    provider: idx,
                    model: model.clone(),
                    why: format!("'{origin}' goes to default_provider '{def}'"),
                });
            }
        }
    }
    Ok(())
}

fn trail_or(trail: &[String], model: &str) -> String {
    trail.first().cloned().unwrap_or_else(|| model.to_string())
}

fn apply_overrides(rt: &Runtime, model: &str) -> String {
    let o = &rt.config.routing.model_overrides;
    o.iter()
        .find(|(g, _)| g.is_literal() && g.matches(model))
        .or_else(|| o.iter().find(|(g, _)| g.matches(model)))
        .map_or_else(|| model.to_string(), |(_, to)| to.clone())
}

fn excluded(rt: &Runtime, idx: usize, model: &str) -> bool {
    rt.providers[idx].config.exclude.iter().any(|g| g.matches(model))
}

/// Names shown in a 404's "available" list at most.
const MAX_LISTED_IN_ERROR: usize = 20;

fn not_found(rt: &Runtime, requested: &str) -> RelayError {
    let available: Vec<String> =
        listed_models(rt, &|_| None).into_iter().map(|m| m.id).take(MAX_LISTED_IN_ERROR).collect();
    let list = if available.is_empty() { "none are configured".to_string() } else { available.join(", ") };
    RelayError::model_not_found(format!(
        "model '{requested}' is not routed to any provider (no alias, mapping or include list matches it and no model_routing.default_provider is set); available: {list}"
    ))
}

/// One model name a client may ask for, as `/v1/models` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedModel {
    pub id: String,
    /// The provider that serves it (`monorelay` for aliases).
    pub owned_by: String,
}

/// Whether `name` routes to at least one candidate (no 404, no 400).
fn routes(rt: &Runtime, name: &str) -> bool {
    let mut out = Vec::new();
    let text = String::new;
    expand(rt, &Ctx { text: &text }, name, 0, &mut Vec::new(), &mut out).is_ok() && !out.is_empty()
}

/// Every name a client may ask for, each once, and only names that route (a listed name never
/// answers 404): aliases, then per usable provider its include list (plus the mock's models) and
/// its fetched upstream list (`fetched(provider)`, minus `models.exclude`), each as the bare name
/// and as `model@provider`.
pub fn listed_models(rt: &Runtime, fetched: &dyn Fn(&str) -> Option<Vec<String>>) -> Vec<ListedModel> {
    let mut out: Vec<ListedModel> = Vec::new();
    let mut push = |id: String, owner: &str| {
        if !out.iter().any(|m| m.id == id) && routes(rt, &id) {
            out.push(ListedModel { id, owned_by: owner.to_string() });
        }
    };
    for (alias, _) in &rt.config.routing.aliases {
        push(alias.clone(), "monorelay");
    }
    // Names the routing table spells out exactly (a glob family is listed through the fetched
    // model lists of the providers it maps to, below).
    let routing = &rt.config.routing;
    let overrides = routing.model_overrides.iter().map(|(g, _)| (g, "monorelay"));
    for (pattern, owner) in overrides.chain(routing.provider_mapping.iter().map(|(g, p)| (g, p.as_str()))) {
        if pattern.is_literal() {
            push(pattern.as_str().to_string(), owner);
        }
    }
    for p in rt.providers.iter().filter(|p| p.usable()) {
        let mut names: Vec<String> = p.config.include.clone();
        if names.is_empty() && p.config.kind == crate::config::ProviderKind::Mock {
            names = crate::providers::mock::MODELS.iter().map(|m| m.to_string()).collect();
        }
        for m in fetched(p.name()).unwrap_or_default() {
            if !names.contains(&m) && !p.config.exclude.iter().any(|g| g.matches(&m)) {
                names.push(m);
            }
        }
        for m in names {
            push(m.clone(), p.name());
            push(format!("{m}@{}", p.name()), p.name());
        }
    }
    out
}

/// Lookup helpers shared with `/v1/models` and the CLI.
impl Runtime {
    pub fn provider_index(&self, name: &str) -> Option<usize> {
        let n = normalize_name(name);
        self.providers.iter().position(|p| p.normalized_name == n)
    }
    fn usable_index(&self, name: &str) -> Option<usize> {
        self.provider_index(name).filter(|i| self.providers[*i].usable())
    }
    pub fn provider_names(&self) -> Vec<String> {
        self.providers.iter().map(|p| p.name().to_string()).collect()
    }
    fn alias(&self, model: &str) -> Option<&Vec<String>> {
        self.config.routing.aliases.iter().find(|(a, _)| same_model(a, model)).map(|(_, t)| t)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::config::{ConfigSource, load_str};
    use crate::runtime::Shared;

    const CONFIG: &str = r#"
providers:
  openrouter: {keys: [{key: a}], models: {include: ["gpt-4o", "claude-sonnet-4"], exclude: ["*-preview"]}}
  nvidia: {keys: [{key: a}], models: {include: ["meta/llama-3.1-8b"]}}
  Open_AI: {base_url: "https://api.openai.com/v1", keys: [{key: a}], models: {include: ["gpt-4o"]}}
  off: {enabled: false, base_url: "http://x/v1", keys: [{key: a}], models: {include: ["hidden"]}}
  local: {base_url: "http://127.0.0.1:1/v1", keys: [{key: a}]}
model_routing:
  aliases:
    fast: gpt-4o-mini
    smart: [claude-sonnet-4@openrouter, gpt-4o@open-ai]
    chained: fast
    o3: [o3@Open_AI, o3@openrouter]
  provider_mapping:
    "gpt-4o-mini": local
    "gpt-*": openrouter
    "meta/*": nvidia
  model_overrides:
    "llama-8b": meta/llama-3.1-8b
  complexity:
    enabled: true
    simple: gpt-4o-mini
    moderate: gpt-4o@openrouter
    complex: claude-sonnet-4@openrouter
  default_provider: local
"#;

    fn rt(extra: &str) -> Runtime {
        let config = load_str(&format!("{CONFIG}{extra}"), ConfigSource::Embedded, &|_| None).unwrap();
        Runtime::build(config, &Shared::default(), None).unwrap()
    }

    fn route(rt: &Runtime, model: &str, text: &str) -> Vec<String> {
        let text = text.to_string();
        match resolve_with(rt, model, &move || text.clone()) {
            Ok(c) => c.iter().map(|c| format!("{}@{}", c.model, rt.providers[c.provider].name())).collect(),
            Err(e) => vec![format!("{} {}", e.status.as_u16(), e.message)],
        }
    }

    #[test]
    fn resolution_rules_and_their_precedence() {
        let rt = rt("");
        let table: &[(&str, &str, &[&str])] = &[
            // model@provider fixes the provider; names ignore case, '-' and '_'.
            ("gpt-4o@OPEN-ai", "", &["gpt-4o@Open_AI"]),
            ("anything@local", "", &["anything@local"]),
            // An alias in front of @provider is resolved too.
            ("fast@openrouter", "", &["gpt-4o-mini@openrouter"]),
            // Aliases: chains, and fallback lists in order.
            ("chained", "", &["gpt-4o-mini@local"]),
            ("smart", "", &["claude-sonnet-4@openrouter", "gpt-4o@Open_AI"]),
            ("FAST", "", &["gpt-4o-mini@local"]),
            // The same model on several providers, as fallbacks (no cycle).
            ("o3", "", &["o3@Open_AI", "o3@openrouter"]),
            // provider_mapping: an exact pattern wins over a glob written before or after it.
            ("gpt-4o-mini", "", &["gpt-4o-mini@local"]),
            ("gpt-4.1", "", &["gpt-4.1@openrouter"]),
            // A mapping goes to exactly one provider even when others list the model.
            ("gpt-4o", "", &["gpt-4o@openrouter"]),
            ("meta/llama-3.1-70b", "", &["meta/llama-3.1-70b@nvidia"]),
            // model_overrides rewrite the name before the provider is chosen.
            ("llama-8b", "", &["meta/llama-3.1-8b@nvidia"]),
            // include lists, then the explicit default provider.
            ("claude-sonnet-4", "", &["claude-sonnet-4@openrouter"]),
            ("mystery-model", "", &["mystery-model@local"]),
            // Complexity routing answers `auto` by score.
            ("auto", "hello, what is this", &["gpt-4o-mini@local"]),
            ("auto", "please implement this function", &["gpt-4o@openrouter"]),
            ("auto", "analyze and compare the architecture trade-off", &["claude-sonnet-4@openrouter"]),
        ];
        for (model, text, want) in table {
            assert_eq!(route(&rt, model, text), *want, "{model} / {text}");
        }
    }

    #[test]
    fn unknown_and_disabled_providers_are_400() {
        let rt = rt("");
        assert_eq!(
            route(&rt, "m@nowhere", ""),
            ["400 'model': unknown provider 'nowhere' in 'm@nowhere' (known: openrouter, nvidia, Open_AI, off, local)"]
        );
        assert_eq!(route(&rt, "hidden@off", ""), ["400 'model': provider 'off' is disabled"]);
        // A disabled provider's include list routes nothing.
        assert_eq!(route(&rt, "hidden", ""), ["hidden@local"]);
    }

    #[test]
    fn exclude_is_honoured() {
        let rt = rt("");
        // gpt-* maps to openrouter, which excludes *-preview: falls to the default provider.
        assert_eq!(route(&rt, "gpt-5-preview", ""), ["gpt-5-preview@local"]);
        assert_eq!(
            route(&rt, "gpt-5-preview@openrouter", ""),
            ["404 model 'gpt-5-preview' is excluded by provider 'openrouter' (models.exclude)"],
            "an explicit @provider respects the provider's exclude list too"
        );
    }

    #[test]
    fn without_a_default_provider_unmatched_models_are_404_listing_what_exists() {
        let yaml = CONFIG.replace("  default_provider: local\n", "");
        let config = load_str(&yaml, ConfigSource::Embedded, &|_| None).unwrap();
        let rt = Runtime::build(config, &Shared::default(), None).unwrap();
        let got = route(&rt, "mystery-model", "");
        assert!(got[0].starts_with("404 model 'mystery-model' is not routed"), "{got:?}");
        // Only names that route, bare and with their provider.
        assert!(
            got[0].contains("available: fast, smart, chained, o3, llama-8b, gpt-4o-mini, gpt-4o, gpt-4o@openrouter, "),
            "{got:?}"
        );
    }

    #[test]
    fn the_cascade_appends_fallbacks_in_order() {
        let rt = rt("  cascade: {enabled: true, models: [gpt-4o@Open_AI, meta/x, never-used], max_retries: 2}\n");
        assert_eq!(
            route(&rt, "claude-sonnet-4", ""),
            ["claude-sonnet-4@openrouter", "gpt-4o@Open_AI", "meta/x@nvidia"]
        );
        let c = resolve(&rt, "claude-sonnet-4").unwrap();
        assert!(c[1].why.starts_with("cascade #1: "), "{}", c[1].why);
    }

    #[test]
    fn listed_models_are_exact_routing_names_and_fetched_families_never_excluded_ones() {
        let rt = rt("");
        let fetched = |p: &str| {
            (p == "openrouter")
                .then(|| vec!["gpt-4.1".to_string(), "gpt-4o-preview".to_string(), "mistral".to_string()])
        };
        let ids: Vec<String> = listed_models(&rt, &fetched).into_iter().map(|m| m.id).collect();
        for want in ["fast", "gpt-4o-mini", "llama-8b", "gpt-4.1", "gpt-4.1@openrouter", "mistral@openrouter"] {
            assert!(ids.iter().any(|i| i == want), "{want} missing from {ids:?}");
        }
        // Excluded by openrouter's `models.exclude`; glob patterns themselves are never names.
        for unwanted in ["gpt-4o-preview", "gpt-4o-preview@openrouter", "gpt-*", "meta/*"] {
            assert!(!ids.iter().any(|i| i == unwanted), "{unwanted} listed: {ids:?}");
        }
        // Every listed name routes.
        for id in &ids {
            assert!(resolve(&rt, id).is_ok(), "{id} is listed but does not route");
        }
    }
}
