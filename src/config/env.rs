//! `${ENV_VAR}` and `${ENV_VAR:-default}` references in config string values, resolved on the
//! parsed YAML tree so that a reference can never inject YAML structure.

use super::yaml::Value;

/// Replace every reference in every string of `v`; problems are pushed with their key path.
pub fn expand(
    v: &mut Value,
    path: &mut Vec<String>,
    lookup: &dyn Fn(&str) -> Option<String>,
    errors: &mut Vec<String>,
) {
    match v {
        Value::String(s) if s.contains("${") => match expand_str(s, lookup) {
            Ok(out) => {
                let whole_ref = s.trim().starts_with("${") && s.trim().ends_with('}') && s.matches("${").count() == 1;
                *v = if whole_ref { super::yaml::parse_scalar(&out) } else { Value::String(out) };
            }
            Err(e) => errors.push(format!("{}: {e}", render_path(path))),
        },
        Value::Sequence(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                path.push(format!("[{i}]"));
                expand(item, path, lookup, errors);
                path.pop();
            }
        }
        Value::Mapping(m) => {
            for (k, item) in m.iter_mut() {
                path.push(match k {
                    Value::String(s) => s.clone(),
                    other => super::yaml::describe(other),
                });
                expand(item, path, lookup, errors);
                path.pop();
            }
        }
        _ => {}
    }
}

/// `a.b[2].c` from path segments (index segments already carry their brackets).
pub fn render_path(path: &[String]) -> String {
    let mut out = String::new();
    for seg in path {
        if !seg.starts_with('[') && !out.is_empty() {
            out.push('.');
        }
        out.push_str(seg);
    }
    if out.is_empty() { "(top level)".into() } else { out }
}

fn expand_str(s: &str, lookup: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        // The value itself is not quoted: it may be a credential with a stray `${`.
        let end = after.find('}').ok_or_else(|| "unterminated '${' (no closing '}')".to_string())?;
        let inner = &after[..end];
        let (name, default) = match inner.split_once(":-") {
            Some((n, d)) => (n, Some(d)),
            None => (inner, None),
        };
        let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            return Err(format!("invalid environment reference '${{{inner}}}'"));
        }
        match (lookup(name), default) {
            (Some(v), _) => out.push_str(&v),
            (None, Some(d)) => out.push_str(d),
            (None, None) => return Err(format!("environment variable '{name}' is not set")),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn env(name: &str) -> Option<String> {
        match name {
            "KEY" => Some("sk-1".into()),
            "PORT" => Some("9000".into()),
            _ => None,
        }
    }

    #[test]
    fn expands_refs_defaults_and_types() {
        let mut v =
            super::super::yaml::parse("a: ${KEY}\nb: 'x-${KEY}-y'\nc: ${PORT}\nd: ${NOPE:-fallback}\n").unwrap();
        let mut errors = vec![];
        expand(&mut v, &mut vec![], &env, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(v["a"], Value::String("sk-1".into()));
        assert_eq!(v["b"], Value::String("x-sk-1-y".into()));
        assert_eq!(v["c"].as_u64(), Some(9000));
        assert_eq!(v["d"], Value::String("fallback".into()));
    }

    #[test]
    fn missing_var_names_the_path() {
        let mut v = super::super::yaml::parse("providers:\n  x:\n    keys:\n      - key: ${MISSING}\n").unwrap();
        let mut errors = vec![];
        expand(&mut v, &mut vec![], &env, &mut errors);
        assert_eq!(errors, vec!["providers.x.keys[0].key: environment variable 'MISSING' is not set"]);
    }
}
