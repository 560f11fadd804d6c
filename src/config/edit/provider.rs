//! In-place edits of one provider's block under `providers:` — add a whole provider, remove
//! one, set or remove one of its fields (`enabled`, `base_url`, `models`, …) — keeping every
//! other line, comment and the order as written. New values are written as JSON, which is
//! YAML flow syntax, so any value round-trips without a YAML emitter.

use super::{ProviderBlock, indent, is_blank_or_comment, join, mapping_key, provider_block, split};

/// Whether the config text has a provider by this name (names compared normalized).
pub fn has_provider(text: &str, name: &str) -> bool {
    let (lines, _) = split(text);
    provider_block(&lines, name).is_ok()
}

fn flow(v: &serde_json::Value) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// Append provider `name` with `fields` (each written `field: <JSON>`) at the end of
/// `providers:` (the section is added when missing).
pub fn add_provider(
    text: &str,
    name: &str,
    fields: &serde_json::Map<String, serde_json::Value>,
) -> Result<String, String> {
    if has_provider(text, name) {
        return Err(format!("the config has a provider '{name}' already"));
    }
    let (lines, nl) = split(text);
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
    let top = lines.iter().position(|l| indent(l) == 0 && mapping_key(l).is_some_and(|(k, _)| k == "providers"));
    let (at, pind) = match top {
        None => {
            if out.last().is_some_and(|l| !l.trim().is_empty()) {
                out.push(String::new());
            }
            out.push("providers:".into());
            (out.len(), 2)
        }
        Some(top) => {
            let (_, after) = mapping_key(lines[top]).ok_or("unreadable 'providers:' line")?;
            let after = after.split(" #").next().unwrap_or("").trim();
            if !after.is_empty() && after != "{}" {
                return Err(format!("'providers' is written inline ('{after}'); write it as a block to edit it"));
            }
            if after == "{}" {
                out[top] = "providers:".into();
            }
            let mut child = None;
            let mut last = top;
            for (i, l) in lines.iter().enumerate().skip(top + 1) {
                if is_blank_or_comment(l) {
                    continue;
                }
                if indent(l) == 0 {
                    break;
                }
                child.get_or_insert(indent(l));
                last = i;
            }
            (last + 1, child.unwrap_or(2))
        }
    };
    let pad = " ".repeat(pind);
    let plain = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    let key = if plain { name.to_string() } else { flow(&serde_json::Value::String(name.to_string())) };
    let mut block = vec![format!("{pad}{key}:")];
    for (k, v) in fields {
        match v.as_array().filter(|a| k == "keys" && !a.is_empty()) {
            // A block list, so that the key operations can edit it later.
            Some(items) => {
                block.push(format!("{pad}  {k}:"));
                block.extend(items.iter().map(|i| format!("{pad}    - {}", flow(i))));
            }
            None => block.push(format!("{pad}  {k}: {}", flow(v))),
        }
    }
    if fields.is_empty() {
        block[0].push_str(" {}");
    }
    out.splice(at..at, block);
    Ok(join(&out, nl, true))
}

/// Remove provider `name`'s whole block (comments inside it go with it).
pub fn remove_provider(text: &str, name: &str) -> Result<String, String> {
    let (lines, nl) = split(text);
    let b = provider_block(&lines, name)?;
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
    out.drain(b.line..b.insert_at);
    Ok(join(&out, nl, text.ends_with('\n')))
}

/// Set `field` of provider `name` to `value` (`None`: remove the field), in place: an existing
/// field keeps its line (and trailing comment) when it was a one-line value; a block value is
/// replaced whole. A missing field is added at the end of the provider's block.
pub fn set_provider_field(
    text: &str,
    name: &str,
    field: &str,
    value: Option<&serde_json::Value>,
) -> Result<String, String> {
    let (lines, nl) = split(text);
    let b = provider_block(&lines, name)?;
    set_in_block(&lines, nl, text.ends_with('\n'), &b, &format!("provider '{name}'"), field, value)
}

/// Set (or with `None` remove) `field` among the children of the block `b` of `lines`; `what`
/// names the block in errors. Shared by the provider edits and `set_path`.
pub(super) fn set_in_block(
    lines: &[&str],
    nl: &str,
    trailing: bool,
    b: &ProviderBlock,
    what: &str,
    field: &str,
    value: Option<&serde_json::Value>,
) -> Result<String, String> {
    let (_, after) = mapping_key(lines[b.line]).ok_or("unreadable line")?;
    let after = after.split(" #").next().unwrap_or("").trim();
    if !after.is_empty() && after != "{}" {
        return Err(format!("{what} is written inline; write it as a block to edit it"));
    }
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
    if after == "{}" {
        let l = &lines[b.line];
        out[b.line] = l[..l.find(':').unwrap_or(l.len()) + 1].to_string();
    }
    let ci = b.child_indent;
    let at = (b.line + 1..b.insert_at).find(|&i| {
        indent(lines[i]) == ci
            && !is_blank_or_comment(lines[i])
            && mapping_key(lines[i]).is_some_and(|(k, _)| k == field)
    });
    match (at, value) {
        (None, None) => {}
        (None, Some(v)) => out.insert(b.insert_at, format!("{}{field}: {}", " ".repeat(ci), flow(v))),
        (Some(i), v) => {
            // The field's own lines: until the next line at or above its indent.
            let mut end = i + 1;
            while end < b.insert_at && (is_blank_or_comment(lines[end]) || indent(lines[end]) > ci) {
                end += 1;
            }
            while end > i + 1 && lines[end - 1].trim().is_empty() {
                end -= 1;
            }
            let line = lines[i];
            let colon = line.find(':').ok_or("unreadable line")?;
            let rest = &line[colon + 1..];
            // The comment with the spaces before it, as written.
            let comment = rest.find(" #").map(|c| &rest[rest[..c].trim_end().len()..]).unwrap_or("");
            let inline = !rest.split(" #").next().unwrap_or("").trim().is_empty();
            // A one-line value owns its line only: comment lines under it stay.
            let end = if inline { i + 1 } else { end };
            match v {
                None => {
                    out.drain(i..end);
                }
                Some(v) => {
                    let new = format!("{}{field}: {}{}", " ".repeat(ci), flow(v), if inline { comment } else { "" });
                    out.splice(i..end, [new]);
                }
            }
        }
    }
    Ok(join(&out, nl, trailing))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TEXT: &str = "# top\nproviders:\n  a:\n    enabled: true  # on\n    models:\n      include: [x]\n    keys:\n      - key: k1\n\n  b:\n    base_url: http://b\nrouting: {}\n";

    #[test]
    fn fields_are_set_in_place_and_blocks_replaced() {
        let t = set_provider_field(TEXT, "a", "enabled", Some(&json!(false))).expect("edited");
        assert!(t.contains("    enabled: false  # on\n"), "{t}");
        let t = set_provider_field(&t, "a", "models", Some(&json!({"include": ["y"], "exclude": []}))).expect("edited");
        assert!(t.contains("    models: {\"exclude\":[],\"include\":[\"y\"]}\n    keys:\n"), "{t}");
        let t = set_provider_field(&t, "b", "timeout", Some(&json!(30))).expect("edited");
        assert!(t.contains("    base_url: http://b\n    timeout: 30\nrouting"), "{t}");
        let t = set_provider_field(&t, "b", "base_url", None).expect("edited");
        assert!(!t.contains("http://b"), "{t}");
        assert!(t.starts_with("# top\n"));
    }

    #[test]
    fn a_provider_added_before_the_next_section_is_found() {
        // `keys` written inline (as an added provider has them) does not hide the provider.
        let text = "# c\nproviders:\n  up:\n    keys: [{\"key\": \"s\"}]\nmodel_routing:\n  default_provider: up\n";
        let mut f = serde_json::Map::new();
        f.insert("base_url".into(), json!("http://c"));
        let t = add_provider(text, "second", &f).expect("added");
        assert!(has_provider(&t, "second"), "{t}");
        let mut f = serde_json::Map::new();
        f.insert("keys".into(), json!([{"key": "sk-2", "label": "two"}]));
        let t = add_provider(&t, "third", &f).expect("added");
        assert!(t.ends_with("  third:\n    keys:\n      - {\"key\":\"sk-2\",\"label\":\"two\"}\nmodel_routing:\n  default_provider: up\n"), "{t}");
        let keys = super::super::list_keys(&t, "third").expect("listed");
        assert_eq!((keys[0].label.as_str(), keys[0].key.expose().as_str()), ("two", "sk-2"));
        assert!(add_provider(&t, "second", &f).is_err());
    }

    #[test]
    fn providers_are_added_and_removed_whole() {
        let mut f = serde_json::Map::new();
        f.insert("base_url".into(), json!("http://c"));
        let t = add_provider(TEXT, "c", &f).expect("edited");
        assert!(t.contains("    base_url: http://b\n  c:\n    base_url: \"http://c\"\nrouting"), "{t}");
        assert!(add_provider(&t, "c", &f).is_err());
        let t = remove_provider(&t, "a").expect("edited");
        assert_eq!(
            t,
            "# top\nproviders:\n\n  b:\n    base_url: http://b\n  c:\n    base_url: \"http://c\"\nrouting: {}\n"
        );
        assert!(remove_provider(&t, "zz").is_err());
    }
}
