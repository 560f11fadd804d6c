//! What a request cost: the `pricing` table (model glob → USD per 1M tokens), falling back to the
//! provider's `cost_per_m_input` / `cost_per_m_output`. Computed in the store's writer, never on the
//! request path.
//!
//! Which entry applies does not depend on file order when it can be helped: an exact model name
//! beats any glob, and among globs the one with the most literal characters wins (so
//! `claude-3-5-haiku*` beats `claude-*`); only equally specific globs fall back to file order.

use crate::config::{Config, Price, normalize_name};
use crate::record::Tokens;
use std::collections::HashMap;

/// Prices from one config.
#[derive(Debug, Clone, Default)]
pub struct PriceTable {
    entries: Vec<Price>,
    /// Normalised provider name → (input, output) USD per 1M tokens.
    providers: HashMap<String, (f64, f64)>,
}

impl PriceTable {
    pub fn from_config(config: &Config) -> PriceTable {
        PriceTable {
            entries: config.pricing.clone(),
            providers: config
                .providers
                .iter()
                .filter(|p| p.cost_per_m_input > 0.0 || p.cost_per_m_output > 0.0)
                .map(|p| (normalize_name(&p.name), (p.cost_per_m_input, p.cost_per_m_output)))
                .collect(),
        }
    }

    fn lookup(&self, model: &str) -> Option<&Price> {
        let specificity = |p: &Price| {
            let literal = p.model.is_literal();
            let chars = p.model.as_str().chars().filter(|c| !matches!(c, '*' | '?' | '[' | ']')).count();
            (literal, chars)
        };
        let mut best: Option<&Price> = None;
        for p in self.entries.iter().filter(|p| p.model.matches(model)) {
            if best.is_none_or(|b| specificity(p) > specificity(b)) {
                best = Some(p);
            }
        }
        best
    }

    /// USD for `tokens`, or `None` when no price is known for this model and provider.
    /// `tokens.input` includes cached tokens; those are billed at the cache prices instead.
    pub fn cost(&self, provider: Option<&str>, model: Option<&str>, requested: &str, tokens: &Tokens) -> Option<f64> {
        let uncached = tokens.input.saturating_sub(tokens.cache_read).saturating_sub(tokens.cache_write) as f64;
        let m = 1_000_000.0;
        // A model may be priced by its upstream name (`claude-sonnet-4`) or, when that is an
        // odd vendor spelling, by the name the client asked for.
        let price = model.and_then(|m| self.lookup(m)).or_else(|| self.lookup(requested));
        if let Some(p) = price {
            return Some(
                (uncached * p.input
                    + tokens.output as f64 * p.output
                    + tokens.cache_read as f64 * p.cache_read
                    + tokens.cache_write as f64 * p.cache_write)
                    / m,
            );
        }
        let (input, output) = *self.providers.get(&normalize_name(provider?))?;
        Some((tokens.input as f64 * input + tokens.output as f64 * output) / m)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::config::{ConfigSource, load_str};

    fn table(yaml: &str) -> PriceTable {
        PriceTable::from_config(&load_str(yaml, ConfigSource::Embedded, &|_| None).unwrap())
    }

    #[test]
    fn most_specific_entry_wins_and_provider_costs_are_the_fallback() {
        let t = table(
            "providers:\n  p:\n    base_url: http://x/v1\n    keys: [{key: k}]\n    cost_per_m_input: 1\n    cost_per_m_output: 2\n\
             pricing:\n  'claude-*': {input: 3, output: 15}\n  'claude-3-5-haiku*': {input: 0.8, output: 4, cache_read: 0.08}\n  gpt-4o: {input: 2.5, output: 10}\n",
        );
        let tok = Tokens { input: 1_000_000, output: 1_000_000, cache_read: 0, cache_write: 0 };
        assert_eq!(t.cost(Some("p"), Some("claude-3-5-haiku-latest"), "x", &tok), Some(4.8));
        assert_eq!(t.cost(Some("p"), Some("claude-opus-4"), "x", &tok), Some(18.0));
        assert_eq!(t.cost(Some("p"), Some("GPT-4o"), "x", &tok), Some(12.5));
        assert_eq!(t.cost(Some("p"), Some("vendor/odd"), "gpt-4o", &tok), Some(12.5), "the requested name prices it");
        assert_eq!(t.cost(Some("p"), Some("llama"), "llama", &tok), Some(3.0), "provider fallback");
        assert_eq!(t.cost(Some("other"), Some("llama"), "llama", &tok), None);
        let cached = Tokens { input: 1_000_000, output: 0, cache_read: 500_000, cache_write: 0 };
        let c = t.cost(None, Some("claude-3-5-haiku"), "x", &cached).unwrap();
        assert!((c - (0.4 + 0.04)).abs() < 1e-9, "{c}");
    }

    #[test]
    fn list_form_and_bad_prices() {
        let t = table("pricing:\n  - {model: 'm*', input: 1, output: 1}\n");
        assert!(t.cost(None, Some("m1"), "", &Tokens { input: 1_000_000, ..Tokens::default() }).is_some());
        let e = load_str("pricing:\n  m: {input: -1}\n", ConfigSource::Embedded, &|_| None).unwrap_err();
        assert_eq!(e.problems, ["pricing.m.input: must be between 0 and 1000000 USD per 1M tokens, got '-1'"], "{e}");
        let e = load_str("pricing:\n  m: {inptu: 1}\n", ConfigSource::Embedded, &|_| None).unwrap_err();
        assert!(e.to_string().contains("inptu"), "{e}");
    }
}
