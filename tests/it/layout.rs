//! The library's module graph has no cycles: no module imports one that imports it back, at the
//! top level (`relay`, `store`, `config`…) and among the files of each folder module. Read from
//! the source text, so a new cycle fails here, naming the modules on it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The file's text without its unit tests (`#[cfg(test)]` items may use anything).
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut skip_next_item = false;
    let mut depth: i64 = 0;
    let mut skipping = false;
    for line in text.lines() {
        let t = line.trim();
        if skipping {
            depth += t.matches('{').count() as i64 - t.matches('}').count() as i64;
            if depth <= 0 {
                skipping = false;
            }
            continue;
        }
        if t.starts_with("#[cfg(test)]") {
            skip_next_item = true;
            continue;
        }
        if skip_next_item {
            if t.starts_with("#[") {
                continue;
            }
            skip_next_item = false;
            depth = t.matches('{').count() as i64 - t.matches('}').count() as i64;
            skipping = depth > 0;
            continue;
        }
        // Comments and doc comments may name any module.
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Every `prefix<ident>` in `text`.
fn refs(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        let after = &rest[i + prefix.len()..];
        let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            found.insert(name);
        }
        rest = after;
    }
    // `use crate::{a, b::c}` groups.
    let mut rest = text;
    let group = format!("{prefix}{{");
    while let Some(i) = rest.find(&group) {
        let after = &rest[i + group.len()..];
        let mut depth = 0;
        let mut item_start = true;
        let mut name = String::new();
        for c in after.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    if !name.is_empty() {
                        found.insert(std::mem::take(&mut name));
                    }
                    item_start = true;
                }
                c if item_start && (c.is_ascii_alphanumeric() || c == '_') => name.push(c),
                _ if item_start && !name.is_empty() => {
                    found.insert(std::mem::take(&mut name));
                    item_start = false;
                }
                _ => {}
            }
        }
        if !name.is_empty() {
            found.insert(name);
        }
        rest = after;
    }
    found
}

/// Strongly connected components with more than one member (cycles), each sorted.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let nodes: Vec<&String> = graph.keys().collect();
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(n) = stack.pop() {
            for m in graph.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    stack.push(m.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> = nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut out: Vec<Vec<String>> = Vec::new();
    for n in &nodes {
        let comp: Vec<String> = nodes
            .iter()
            .filter(|m| *m != n && reaches[*n].contains(**m) && reaches[*m].contains(*n))
            .map(|m| (*m).clone())
            .chain(std::iter::once((*n).clone()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if comp.len() > 1 && !out.contains(&comp) {
            out.push(comp);
        }
    }
    out
}

fn describe(graph: &BTreeMap<String, BTreeSet<String>>, comp: &[String]) -> String {
    comp.iter()
        .map(|a| {
            let on: Vec<&String> = graph[a].iter().filter(|b| comp.contains(b)).collect();
            format!("{a} -> {on:?}")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn the_library_module_graph_has_no_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // Folder module -> its files' graph.
    let mut inner: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
        if parts == ["lib"] {
            continue;
        }
        let module = parts[0].clone();
        let text = without_tests(&std::fs::read_to_string(f).unwrap());
        let deps = refs(&text, "crate::");
        top.entry(module.clone()).or_default().extend(deps.iter().filter(|d| **d != module).cloned());
        if parts.len() == 2 && parts[1] != "mod" {
            let own = format!("crate::{module}::");
            let mut sub: BTreeSet<String> = refs(&text, &own);
            sub.extend(refs(&text, "super::"));
            let me = parts[1].clone();
            let graph = inner.entry(module.clone()).or_default();
            graph.entry(me.clone()).or_default().extend(sub.into_iter().filter(|d| *d != me));
        }
    }
    top.retain(|_, _| true);
    let known: BTreeSet<String> = top.keys().cloned().collect();
    for deps in top.values_mut() {
        deps.retain(|d| known.contains(d));
    }
    let mut problems: Vec<String> =
        cycles(&top).iter().map(|c| format!("top-level cycle: {}", describe(&top, c))).collect();
    for (module, mut graph) in inner {
        let files: BTreeSet<String> = graph.keys().cloned().collect();
        for deps in graph.values_mut() {
            deps.retain(|d| files.contains(d));
        }
        for c in cycles(&graph) {
            problems.push(format!("cycle inside {module}/: {}", describe(&graph, &c)));
        }
    }
    assert!(problems.is_empty(), "module import cycles:\n{}", problems.join("\n"));
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.insert("a".into(), ["b".to_string()].into());
    g.insert("b".into(), ["c".to_string()].into());
    g.insert("c".into(), ["a".to_string()].into());
    g.insert("d".into(), ["a".to_string()].into());
    assert_eq!(cycles(&g), vec![vec!["a".to_string(), "b".into(), "c".into()]]);
    assert_eq!(
        refs("use crate::{config::{self, X}, keys, relay::Inbound};", "crate::"),
        ["config", "keys", "relay"].iter().map(|s| s.to_string()).collect()
    );
}
