//! Programmatic edits of config.yml that keep the user's comments, order and formatting: the
//! YAML *text* is edited in place (a provider's `keys:` block is found by indentation) instead of
//! re-serialising the file. Used by `monorelay keys add|remove|enable|disable|import` (and later
//! the admin panel). Block-style key lists and one-line flow items (`- {key: …, label: …}`) are
//! understood; anything else is refused with a message rather than guessed at.

mod path;
mod provider;
pub use path::set_path;
pub use provider::{add_provider, has_provider, remove_provider, set_provider_field};

use super::normalize_name;
use crate::secret::Secret;
use std::path::Path;

/// A key list item as written: its line span and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyItem {
    /// Line indexes `[start, end)` of the item.
    pub start: usize,
    pub end: usize,
    /// The label as the loaded config names the key (`key-N` when none is written).
    pub label: String,
    /// The `key:` value as written (may be a `${ENV}` reference). Never printed.
    pub key: Secret<String>,
    /// `- {…}` on one line.
    pub flow: bool,
}

struct KeysBlock {
    /// Line of `keys:` (or of the provider when there is none yet).
    keys_line: Option<usize>,
    provider_line: usize,
    /// Indent of the provider's own keys (`enabled:`, `keys:`…).
    child_indent: usize,
    /// Indent of the `-` of the items.
    item_indent: usize,
    /// Where a new item goes.
    insert_at: usize,
    items: Vec<KeyItem>,
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// A plain or quoted scalar with any trailing comment removed.
fn scalar(raw: &str) -> String {
    let t = raw.trim();
    if let Some(rest) = t.strip_prefix('"') {
        return rest.split('"').next().unwrap_or("").to_string();
    }
    if let Some(rest) = t.strip_prefix('\'') {
        return rest.split('\'').next().unwrap_or("").to_string();
    }
    t.split(" #").next().unwrap_or("").trim().to_string()
}

/// `name: value` on a line (after an optional `- `).
fn mapping_key(line: &str) -> Option<(String, &str)> {
    let t = line.trim_start().strip_prefix("- ").unwrap_or(line.trim_start());
    let (k, v) = t.split_once(':')?;
    if k.contains(' ') && !(k.starts_with('"') || k.starts_with('\'')) {
        return None;
    }
    Some((scalar(k), v))
}

/// Fields of a one-line flow mapping `{a: 1, b: "x"}` (no nested braces or commas in values).
fn flow_fields(text: &str) -> Vec<(String, String)> {
    let inner = text.trim().trim_start_matches('{').trim_end_matches('}');
    inner
        .split(',')
        .filter_map(|part| {
            let (k, v) = part.split_once(':')?;
            Some((scalar(k), scalar(v)))
        })
        .collect()
}

/// A provider's block under `providers:`: its line, the end of its block, the indent of its
/// own keys, and the line after its last non-blank line (where a new line of it goes).
pub(super) struct ProviderBlock {
    pub line: usize,
    pub end: usize,
    pub child_indent: usize,
    pub insert_at: usize,
}

fn provider_block(lines: &[&str], provider: &str) -> Result<ProviderBlock, String> {
    let top = lines
        .iter()
        .position(|l| indent(l) == 0 && mapping_key(l).is_some_and(|(k, _)| k == "providers"))
        .ok_or("the config has no 'providers:' section")?;
    let mut provider_line = None;
    let mut child = None;
    for (i, l) in lines.iter().enumerate().skip(top + 1) {
        if is_blank_or_comment(l) {
            continue;
        }
        let ind = indent(l);
        if ind == 0 {
            break;
        }
        let pi = *child.get_or_insert(ind);
        if ind == pi && mapping_key(l).is_some_and(|(k, _)| normalize_name(&k) == normalize_name(provider)) {
            provider_line = Some(i);
            break;
        }
    }
    let provider_line = provider_line.ok_or_else(|| format!("the config has no provider '{provider}'"))?;
    Ok(block_at(lines, provider_line))
}

/// The block of the mapping key on line `at`: until a non-comment line at or above its indent.
fn block_at(lines: &[&str], at: usize) -> ProviderBlock {
    let provider_line = at;
    let pind = indent(lines[provider_line]);
    // The provider's block: until a non-comment line at or above its indent.
    let mut end = lines.len();
    let mut child_indent = None;
    for (i, l) in lines.iter().enumerate().skip(provider_line + 1) {
        if is_blank_or_comment(l) {
            continue;
        }
        let ind = indent(l);
        if ind <= pind {
            end = i;
            break;
        }
        child_indent.get_or_insert(ind);
    }
    // Insert after the provider block's last non-blank line.
    let mut last = provider_line;
    for (i, l) in lines.iter().enumerate().take(end).skip(provider_line + 1) {
        if !l.trim().is_empty() {
            last = i;
        }
    }
    ProviderBlock { line: provider_line, end, child_indent: child_indent.unwrap_or(pind + 2), insert_at: last + 1 }
}

fn find(lines: &[&str], provider: &str) -> Result<KeysBlock, String> {
    let ProviderBlock { line: provider_line, end, child_indent, insert_at } = provider_block(lines, provider)?;
    let keys_line = (provider_line + 1..end).find(|&i| {
        let l = lines[i];
        !is_blank_or_comment(l) && indent(l) == child_indent && mapping_key(l).is_some_and(|(k, _)| k == "keys")
    });
    let last = insert_at - 1;
    let Some(kl) = keys_line else {
        return Ok(KeysBlock {
            keys_line: None,
            provider_line,
            child_indent,
            item_indent: child_indent + 2,
            insert_at: last + 1,
            items: vec![],
        });
    };
    let (_, after) = mapping_key(lines[kl]).ok_or("unreadable 'keys:' line")?;
    let after = after.split(" #").next().unwrap_or("").trim();
    if !after.is_empty() && after != "[]" {
        return Err(format!(
            "providers.{provider}.keys is written inline ('{after}'); write it as a block list to edit it from the command line"
        ));
    }
    let mut items: Vec<KeyItem> = Vec::new();
    let mut item_indent = None;
    let mut i = kl + 1;
    let mut block_end = kl + 1;
    while i < lines.len() {
        let l = lines[i];
        if l.trim().is_empty() {
            i += 1;
            continue;
        }
        let ind = indent(l);
        let is_item = l.trim_start().starts_with("- ") || l.trim() == "-";
        if ind < child_indent || (ind == child_indent && !is_item && !l.trim_start().starts_with('#')) {
            break;
        }
        if l.trim_start().starts_with('#') && ind <= child_indent {
            break;
        }
        if is_item && item_indent.is_none_or(|ii| ind == ii) {
            item_indent = Some(ind);
            if let Some(last) = items.last_mut() {
                last.end = trim_end(lines, last.start, i);
            }
            items.push(KeyItem { start: i, end: i + 1, label: String::new(), key: Secret::default(), flow: false });
        }
        if let Some(item) = items.last_mut() {
            item.end = i + 1;
            let body = l.trim_start().strip_prefix("- ").unwrap_or(l.trim_start());
            if body.starts_with('{') && i == item.start {
                item.flow = true;
                for (k, v) in flow_fields(body) {
                    match k.as_str() {
                        "label" => item.label = v,
                        "key" => item.key = Secret::new(v),
                        _ => {}
                    }
                }
            } else if let Some((k, v)) = mapping_key(l) {
                let own_level = if i == item.start { true } else { ind == item_indent.unwrap_or(0) + 2 };
                if own_level {
                    match k.as_str() {
                        "label" => item.label = scalar(v),
                        "key" => item.key = Secret::new(scalar(v)),
                        _ => {}
                    }
                }
            }
        }
        block_end = i + 1;
        i += 1;
    }
    if let Some(last) = items.last_mut() {
        last.end = trim_end(lines, last.start, block_end.max(last.end));
    }
    let n = items.len();
    for (idx, it) in items.iter_mut().enumerate() {
        // The same rule as validation: no label (or 'default' among several) → key-N.
        let l = it.label.trim();
        if l.is_empty() || (l == "default" && n > 1) {
            it.label = format!("key-{}", idx + 1);
        } else {
            it.label = l.to_string();
        }
    }
    let insert_at = items.last().map_or(kl + 1, |it| it.end);
    Ok(KeysBlock {
        keys_line: Some(kl),
        provider_line,
        child_indent,
        item_indent: item_indent.unwrap_or(child_indent + 2),
        insert_at,
        items,
    })
}

/// The end of an item without its trailing blank lines.
fn trim_end(lines: &[&str], start: usize, mut end: usize) -> usize {
    while end > start + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    end
}

fn split(text: &str) -> (Vec<&str>, &'static str) {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    (text.lines().collect(), nl)
}

fn join(lines: &[String], nl: &str, had_trailing: bool) -> String {
    let mut s = lines.join(nl);
    if had_trailing {
        s.push_str(nl);
    }
    s
}

/// The keys of one provider as written.
pub fn list_keys(text: &str, provider: &str) -> Result<Vec<KeyItem>, String> {
    let (lines, _) = split(text);
    Ok(find(&lines, provider)?.items)
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Set `enabled:` of one key.
pub fn set_key_enabled(text: &str, provider: &str, label: &str, enabled: bool) -> Result<String, String> {
    set_key_field(text, provider, label, "enabled", if enabled { "true" } else { "false" })
}

/// Set a scalar field (`enabled`, `weight`…) of one key, adding it when absent.
pub fn set_key_field(text: &str, provider: &str, label: &str, field: &str, value: &str) -> Result<String, String> {
    let (lines, nl) = split(text);
    let block = find(&lines, provider)?;
    let item = block
        .items
        .iter()
        .find(|it| it.label == label)
        .ok_or_else(|| format!("provider '{provider}' has no key labelled '{label}'"))?;
    let mut out: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    if item.flow {
        let line = &out[item.start];
        let open = line.find('{').ok_or("unreadable key item")?;
        let close = line.rfind('}').ok_or("unreadable key item")?;
        let mut parts: Vec<String> = Vec::new();
        let mut found = false;
        for part in line[open + 1..close].split(',') {
            let Some((k, _)) = part.split_once(':') else { continue };
            if scalar(k) == field {
                found = true;
                parts.push(format!("{}: {value}", k.trim()));
            } else {
                parts.push(part.trim().to_string());
            }
        }
        if !found {
            parts.push(format!("{field}: {value}"));
        }
        out[item.start] = format!("{}{{{}}}{}", &line[..open], parts.join(", "), &line[close + 1..]);
    } else {
        let field_indent = block.item_indent + 2;
        let mut done = false;
        for (i, l) in out.iter_mut().enumerate().take(item.end).skip(item.start) {
            let own = i == item.start || indent(l) == field_indent;
            if own && !l.trim_start().starts_with('#') && mapping_key(l).is_some_and(|(k, _)| k == field) {
                let (_, v) = mapping_key(l).ok_or("unreadable line")?;
                // Keep a trailing comment on the changed line.
                let comment = v.find(" #").map(|c| v[c..].to_string()).unwrap_or_default();
                let prefix_len = l.len() - v.len();
                *l = format!("{} {value}{comment}", &l[..prefix_len]);
                done = true;
                break;
            }
        }
        if !done {
            // After the last line of the item that belongs to it directly (not a comment).
            let at = (item.start + 1..item.end)
                .rev()
                .find(|i| !is_blank_or_comment(&out[*i]))
                .map(|i| i + 1)
                .unwrap_or(item.start + 1);
            out.insert(at, format!("{}{field}: {value}", " ".repeat(field_indent)));
        }
    }
    Ok(join(&out, nl, text.ends_with('\n')))
}

/// Append a key to a provider's `keys:` (creating the list when needed).
pub fn add_key(text: &str, provider: &str, key: &str, label: &str, weight: Option<f64>) -> Result<String, String> {
    let (lines, nl) = split(text);
    let block = find(&lines, provider)?;
    if block.items.iter().any(|it| it.label == label) {
        return Err(format!("provider '{provider}' already has a key labelled '{label}'"));
    }
    let mut out: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    let mut new = Vec::new();
    let mut at = block.insert_at;
    if block.keys_line.is_none() {
        new.push(format!("{}keys:", " ".repeat(block.child_indent)));
        at = block.insert_at.max(block.provider_line + 1);
    } else if let Some(kl) = block.keys_line {
        // `keys: []` becomes a block list.
        if out[kl].contains("[]") {
            out[kl] = out[kl].replacen("[]", "", 1).trim_end().to_string();
        }
    }
    let pad = " ".repeat(block.item_indent);
    new.push(format!("{pad}- key: {}", quote(key)));
    new.push(format!("{pad}  label: {}", quote(label)));
    if let Some(w) = weight {
        new.push(format!("{pad}  weight: {w}"));
    }
    for (i, l) in new.into_iter().enumerate() {
        out.insert(at + i, l);
    }
    Ok(join(&out, nl, text.ends_with('\n') || !text.is_empty()))
}

/// Remove a key (its lines, including comments indented inside it).
pub fn remove_key(text: &str, provider: &str, label: &str) -> Result<String, String> {
    let (lines, nl) = split(text);
    let block = find(&lines, provider)?;
    let item = block
        .items
        .iter()
        .find(|it| it.label == label)
        .ok_or_else(|| format!("provider '{provider}' has no key labelled '{label}'"))?;
    let mut out: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    out.drain(item.start..item.end);
    if block.items.len() == 1 {
        if let Some(kl) = block.keys_line {
            out[kl] = format!("{} []", out[kl].trim_end());
        }
    }
    Ok(join(&out, nl, text.ends_with('\n')))
}

/// Set the scalar `section.key` (a top-level mapping's direct child) to `value`, double-quoted,
/// keeping the rest of the line (its comment) and of the file. The key is added under the
/// section when missing, and the section at the end when it is missing too.
pub fn set_scalar(text: &str, section: &str, key: &str, value: &str) -> Result<String, String> {
    let (lines, nl) = split(text);
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
    let Some(top) = lines.iter().position(|l| indent(l) == 0 && mapping_key(l).is_some_and(|(k, _)| k == section))
    else {
        if out.last().is_some_and(|l| !l.trim().is_empty()) {
            out.push(String::new());
        }
        out.push(format!("{section}:"));
        out.push(format!("  {key}: {}", quote(value)));
        return Ok(join(&out, nl, true));
    };
    let (_, after) = mapping_key(lines[top]).ok_or("unreadable section line")?;
    let after = after.split(" #").next().unwrap_or("").trim();
    if !after.is_empty() {
        return Err(format!("'{section}' is written inline ('{after}'); write it as a block to edit it"));
    }
    let mut child = None;
    for (i, l) in lines.iter().enumerate().skip(top + 1) {
        if is_blank_or_comment(l) {
            continue;
        }
        let ind = indent(l);
        if ind == 0 {
            break;
        }
        let ci = *child.get_or_insert(ind);
        if ind == ci && mapping_key(l).is_some_and(|(k, _)| k == key) {
            let colon = l.find(':').ok_or("unreadable line")?;
            let rest = &l[colon + 1..];
            let comment = rest.find(" #").map(|c| &rest[c..]).unwrap_or("");
            let inline_value = rest.trim_start().starts_with(['"', '\'']);
            // A quoted value may contain ' #'; then there is no comment to keep.
            let comment = if inline_value && rest.matches(['"', '\'']).count() < 2 { "" } else { comment };
            out[i] = format!(
                "{}: {}{}",
                &l[..colon],
                quote(value),
                if comment.is_empty() { String::new() } else { format!(" {}", comment.trim_start()) }
            );
            return Ok(join(&out, nl, text.ends_with('\n')));
        }
    }
    let ci = child.unwrap_or(2);
    out.insert(top + 1, format!("{}{key}: {}", " ".repeat(ci), quote(value)));
    Ok(join(&out, nl, text.ends_with('\n')))
}

/// Write `text` to `path` atomically (temp file in the same dir, then rename), keeping its mode.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "config.yml".into());
    let tmp = dir.join(format!(".{name}.monorelay-tmp"));
    std::fs::write(&tmp, text)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn set_scalar_keeps_comments_and_adds_what_is_missing() {
        let t = "server:\n  port: 1\n\nsync:\n  enabled: false\n  gist_id: \"\"   # written by setup\n";
        let out = set_scalar(t, "sync", "gist_id", "abc123").unwrap();
        assert_eq!(out, "server:\n  port: 1\n\nsync:\n  enabled: false\n  gist_id: \"abc123\" # written by setup\n");
        let out = set_scalar("sync:\n  enabled: true\n", "sync", "gist_id", "x").unwrap();
        assert_eq!(out, "sync:\n  gist_id: \"x\"\n  enabled: true\n");
        let out = set_scalar("server:\n  port: 1\n", "sync", "gist_id", "x").unwrap();
        assert_eq!(out, "server:\n  port: 1\n\nsync:\n  gist_id: \"x\"\n");
    }
    use crate::config::{ConfigSource, load_str};

    const ORIGINAL: &str = include_str!("../../tests/fixtures/original-config.yml.example");

    fn load(text: &str) -> crate::config::Config {
        load_str(text, ConfigSource::Embedded, &|_| None).unwrap()
    }

    fn key<'a>(c: &'a crate::config::Config, p: &str, label: &str) -> Option<&'a crate::config::KeyConfig> {
        c.providers.iter().find(|x| x.name == p)?.keys.iter().find(|k| k.label == label)
    }

    /// Every line of `a` that is not in `b`'s changed region is still there, in order.
    fn kept(before: &str, after: &str) {
        let comments: Vec<&str> = before.lines().filter(|l| l.trim_start().starts_with('#')).collect();
        let after_comments: Vec<&str> = after.lines().filter(|l| l.trim_start().starts_with('#')).collect();
        assert_eq!(comments, after_comments, "comments survive in order");
    }

    #[test]
    fn lists_keys_of_the_original_example() {
        let items = list_keys(ORIGINAL, "openrouter").unwrap();
        let labels: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, vec!["main", "backup"]);
        assert_eq!(items[1].key.expose(), "sk-or-v1-your-backup-key");
        assert!(list_keys(ORIGINAL, "nope").unwrap_err().contains("no provider 'nope'"));
    }

    #[test]
    fn disable_enable_keeps_comments_and_order() {
        let off = set_key_enabled(ORIGINAL, "openrouter", "backup", false).unwrap();
        kept(ORIGINAL, &off);
        let c = load(&off);
        assert!(!key(&c, "openrouter", "backup").unwrap().enabled);
        assert!(key(&c, "openrouter", "main").unwrap().enabled);
        let diff: Vec<&str> = off.lines().filter(|l| !ORIGINAL.lines().any(|o| o == *l)).collect();
        assert_eq!(diff, vec!["        enabled: false"]);
        let on = set_key_enabled(&off, "openrouter", "backup", true).unwrap();
        assert!(key(&load(&on), "openrouter", "backup").unwrap().enabled);
        let again = set_key_enabled(&on, "openrouter", "backup", false).unwrap();
        assert_eq!(again, off, "an existing field is changed in place");
    }

    #[test]
    fn add_and_remove_keep_the_rest() {
        let added = add_key(ORIGINAL, "nvidia", "nvapi-new", "second", Some(2.0)).unwrap();
        kept(ORIGINAL, &added);
        let c = load(&added);
        let k = key(&c, "nvidia", "second").unwrap();
        assert_eq!((k.secret.expose().as_str(), k.weight), ("nvapi-new", 2.0));
        assert!(add_key(&added, "nvidia", "x", "second", None).unwrap_err().contains("already has"));
        let removed = remove_key(&added, "nvidia", "second").unwrap();
        assert_eq!(removed, ORIGINAL);
        let no_backup = remove_key(ORIGINAL, "openrouter", "backup").unwrap();
        let c = load(&no_backup);
        assert!(key(&c, "openrouter", "backup").is_none());
        assert!(key(&c, "openrouter", "main").is_some());
        assert!(no_backup.contains("    headers:\n      HTTP-Referer"));
        let none = remove_key(&remove_key(ORIGINAL, "nvidia", "main").unwrap(), "nvidia", "x");
        assert!(none.unwrap_err().contains("no key labelled"));
        let emptied = remove_key(ORIGINAL, "nvidia", "main").unwrap();
        let readded = add_key(&emptied, "nvidia", "k", "main", None).unwrap();
        assert!(key(&load(&readded), "nvidia", "main").is_some());
    }

    #[test]
    fn flow_items_and_missing_keys_lists() {
        let text = "providers:\n  up:\n    base_url: \"http://x/v1\"\n    keys:\n      - {key: \"sk-1\", label: \"k1\"}\n      - {key: \"sk-2\", label: \"k2\"}\nmodel_routing:\n  default_provider: up\n";
        let off = set_key_enabled(text, "up", "k2", false).unwrap();
        assert!(off.contains("- {key: \"sk-2\", label: \"k2\", enabled: false}"), "{off}");
        let on = set_key_enabled(&off, "up", "k2", true).unwrap();
        assert!(on.contains("- {key: \"sk-2\", label: \"k2\", enabled: true}"), "{on}");
        let bare = "providers:\n  up:\n    base_url: \"http://x/v1\"\n\nother: 1\n";
        let added = add_key(bare, "up", "sk-9", "k9", None).unwrap();
        assert_eq!(
            added,
            "providers:\n  up:\n    base_url: \"http://x/v1\"\n    keys:\n      - key: \"sk-9\"\n        label: \"k9\"\n\nother: 1\n"
        );
        let inline = "providers:\n  up:\n    keys: [{key: a}]\n";
        assert!(add_key(inline, "up", "b", "b", None).unwrap_err().contains("inline"));
    }
}
