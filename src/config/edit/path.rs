//! `set_path`: set (or remove) the value at a dotted path such as `logging.store_bodies` or
//! `model_routing.default_provider` in config.yml's text, in place — the mappings on the way are
//! found by indentation (and written as blocks when missing), the value is written as JSON (YAML
//! flow syntax), and every other line and comment stays as written. The last step is the
//! provider edits' `set_in_block`, so both write fields the same way.

use super::provider::set_in_block;
use super::{ProviderBlock, block_at, indent, is_blank_or_comment, join, mapping_key, split};

/// Set `path` (keys from the top, at least one) to `value`; `None` removes the key. A missing
/// mapping on the way is added (at the end of its parent, or of the file); one written inline
/// (`logging: {store_bodies: true}`) is refused with a message, `{}` is opened into a block.
pub fn set_path(text: &str, path: &[&str], value: Option<&serde_json::Value>) -> Result<String, String> {
    let Some((field, parents)) = path.split_last() else { return Err("an empty path".into()) };
    if path.iter().any(|p| p.is_empty()) {
        return Err(format!("'{}' has an empty key", path.join(".")));
    }
    let (lines, nl) = split(text);
    let trailing = text.ends_with('\n') || text.is_empty();
    // The parent block so far (`None`: the top level).
    let mut parent: Option<ProviderBlock> = None;
    for (depth, key) in parents.iter().enumerate() {
        let (from, to, ci) = match &parent {
            None => (0, lines.len(), 0),
            Some(b) => (b.line + 1, b.insert_at, b.child_indent),
        };
        let found = (from..to).find(|&i| {
            indent(lines[i]) == ci
                && !is_blank_or_comment(lines[i])
                && mapping_key(lines[i]).is_some_and(|(k, _)| k == *key)
        });
        match found {
            Some(i) => parent = Some(block_at(&lines, i)),
            None => {
                if value.is_none() {
                    return Ok(text.to_string());
                }
                // Write the rest of the path as blocks where the parent ends.
                let mut out: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
                let (at, ci) = match &parent {
                    None => {
                        while out.last().is_some_and(|l| l.trim().is_empty()) {
                            out.pop();
                        }
                        (out.len(), 0)
                    }
                    Some(b) => (b.insert_at, b.child_indent),
                };
                if let Some(b) = &parent {
                    let (_, after) = mapping_key(lines[b.line]).ok_or("unreadable line")?;
                    let after = after.split(" #").next().unwrap_or("").trim();
                    if after == "{}" {
                        let l = lines[b.line];
                        out[b.line] = l[..l.find(':').unwrap_or(l.len()) + 1].to_string();
                    } else if !after.is_empty() {
                        return Err(format!(
                            "'{}' is written inline; write it as a block to edit it",
                            parents[..depth].join(".")
                        ));
                    }
                }
                let mut new = Vec::new();
                for (n, k) in parents[depth..].iter().enumerate() {
                    new.push(format!("{}{k}:", " ".repeat(ci + 2 * n)));
                }
                let flow =
                    serde_json::to_string(value.unwrap_or(&serde_json::Value::Null)).unwrap_or_else(|_| "null".into());
                new.push(format!("{}{field}: {flow}", " ".repeat(ci + 2 * (parents.len() - depth))));
                out.splice(at..at, new);
                return Ok(join(&out, nl, trailing));
            }
        }
    }
    match &parent {
        Some(b) => set_in_block(&lines, nl, trailing, b, &format!("'{}'", parents.join(".")), field, value),
        None => {
            // A top-level key: a pseudo block around the whole file.
            let mut with_root = vec!["_root:"];
            with_root.extend(lines.iter().copied());
            let mut last = 0;
            for (i, l) in with_root.iter().enumerate().skip(1) {
                if !l.trim().is_empty() {
                    last = i;
                }
            }
            let b = ProviderBlock { line: 0, end: with_root.len(), child_indent: 0, insert_at: last + 1 };
            let t = set_in_block(&with_root, nl, trailing, &b, "the config", field, value)?;
            Ok(t.strip_prefix("_root:").and_then(|t| t.strip_prefix(nl)).unwrap_or(&t).to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TEXT: &str = "# top\nserver:\n  port: 8787\n  public_host: \"\"   # the URL\n                    # more about it\nlogging:\n  enabled: true  # on\nrouting: {}\n";

    #[test]
    fn values_are_set_in_place_keeping_comments() {
        let t = set_path(TEXT, &["server", "public_host"], Some(&json!("relay.example.com"))).expect("set");
        assert!(
            t.contains(
                "  public_host: \"relay.example.com\"   # the URL\n                    # more about it\nlogging:"
            ),
            "{t}"
        );
        let t = set_path(&t, &["logging", "enabled"], Some(&json!(false))).expect("set");
        assert!(t.contains("  enabled: false  # on\n"), "{t}");
        let t = set_path(&t, &["logging", "max_age_days"], Some(&json!(7))).expect("set");
        assert!(t.contains("  enabled: false  # on\n  max_age_days: 7\nrouting"), "{t}");
        assert!(t.starts_with("# top\n"));
    }

    #[test]
    fn missing_mappings_are_added_and_inline_ones_opened_or_refused() {
        let t = set_path(TEXT, &["translation", "default_max_tokens"], Some(&json!(2048))).expect("set");
        assert!(t.ends_with("routing: {}\ntranslation:\n  default_max_tokens: 2048\n"), "{t}");
        let t = set_path(TEXT, &["routing", "mode"], Some(&json!("x"))).expect("set");
        assert!(t.ends_with("routing:\n  mode: \"x\"\n"), "{t}");
        let t = set_path(TEXT, &["server", "limits", "a"], Some(&json!(1))).expect("set");
        assert!(t.contains("                    # more about it\n  limits:\n    a: 1\nlogging:"), "{t}");
        let inline = "logging: {enabled: true}\n";
        assert!(set_path(inline, &["logging", "max_age_days"], Some(&json!(1))).is_err());
        let t = set_path(TEXT, &["logging", "enabled"], None).expect("removed");
        assert!(t.contains("logging:\nrouting"), "{t}");
        assert_eq!(set_path(TEXT, &["nothing", "here"], None).expect("no-op"), TEXT);
        let t = set_path("a: 1\n", &["a"], Some(&json!(2))).expect("set");
        assert_eq!(t, "a: 2\n");
    }
}
