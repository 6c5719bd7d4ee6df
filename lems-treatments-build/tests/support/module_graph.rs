//! The module graph of a crate's `src/`, read from its source text, for the
//! architecture tests of both crates (`lems-treatments-build/tests/module_graph.rs`
//! and `lems-content/tests/module_graph.rs`).
//!
//! A module is a file: `src/load/mod.rs` is `load`, `src/rules/usage.rs` is
//! `rules::usage`. A dependency is a path written `crate::a::b` or
//! `super::b`, resolved to the longest module it names. Two graphs are
//! checked: the rooms (top-level modules), and, inside every folder, its
//! sibling files. A child may use its parent's shared items (`super::X`) and
//! a folder's `mod.rs` calls its children; neither is a circle.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (segments) to the module paths it uses.
pub type Graph = BTreeMap<Vec<String>, BTreeSet<Vec<String>>>;

fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file);
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts
        .last()
        .is_some_and(|l| l == "mod" || l == "lib" || l == "main")
    {
        parts.pop();
    }
    parts
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read src/")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().and_then(|e| e.to_str()) == Some("rs") {
            out.push(path);
        }
    }
}

fn word_at(text: &str) -> Vec<String> {
    let mut segs = Vec::new();
    let mut rest = text;
    loop {
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let seg = &rest[..end];
        if seg.is_empty() || !seg.starts_with(|c: char| c.is_ascii_lowercase()) {
            break;
        }
        segs.push(seg.to_string());
        match rest[end..].strip_prefix("::") {
            Some(r) => rest = r,
            None => break,
        }
    }
    segs
}

/// Reads every module of `src` and what it uses.
pub fn graph(src: &Path) -> Graph {
    let mut all = Vec::new();
    files(src, &mut all);
    let modules: BTreeSet<Vec<String>> = all.iter().map(|f| module_path(src, f)).collect();
    let resolve = |segs: Vec<String>| -> Option<Vec<String>> {
        (1..=segs.len())
            .rev()
            .map(|n| segs[..n].to_vec())
            .find(|p| modules.contains(p))
    };
    let mut g = Graph::new();
    for file in &all {
        let this = module_path(src, file);
        if this.is_empty() {
            continue; // lib.rs / main.rs: the crate's door, not a room
        }
        let is_mod_rs = file.file_name().is_some_and(|n| n == "mod.rs");
        let text = std::fs::read_to_string(file).expect("read");
        // Only the code before the unit tests: tests may reach anywhere.
        let text = text.split("#[cfg(test)]").next().unwrap_or("");
        let mut deps = BTreeSet::new();
        for (i, _) in text.match_indices("crate::") {
            if text[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
                continue;
            }
            if let Some(m) = resolve(word_at(&text[i + 7..])) {
                deps.insert(m);
            }
        }
        for (i, _) in text.match_indices("super::") {
            if text[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            // `super` of `a/b.rs` is `a`; of `a/b/mod.rs` it is `a` too.
            let mut base = this.clone();
            base.pop();
            let _ = is_mod_rs;
            base.extend(word_at(&text[i + 7..]));
            if let Some(m) = resolve(base) {
                deps.insert(m);
            }
        }
        deps.remove(&this);
        g.insert(this, deps);
    }
    g
}

fn cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            let mut c = path[i..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if !done.insert(n.to_string()) {
            return None;
        }
        path.push(n.to_string());
        for d in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(d, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    g.keys()
        .find_map(|n| visit(n, g, &mut Vec::new(), &mut done))
}

/// The rooms (top-level modules) and which rooms each uses.
pub fn rooms(g: &Graph) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, deps) in g {
        let room = out.entry(m[0].clone()).or_default();
        for d in deps {
            if d[0] != m[0] {
                room.insert(d[0].clone());
            }
        }
    }
    out
}

/// Every circle: between rooms, or between sibling files of one folder.
pub fn circles(g: &Graph) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    if let Some(c) = cycle(&rooms(g)) {
        found.push(c);
    }
    // Siblings: modules with the same parent, edges between them only.
    let parents: BTreeSet<Vec<String>> = g
        .keys()
        .filter(|m| m.len() > 1)
        .map(|m| m[..m.len() - 1].to_vec())
        .collect();
    for parent in parents {
        let mut sib: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (m, deps) in g {
            if m.len() != parent.len() + 1 || m[..parent.len()] != parent[..] {
                continue;
            }
            let e = sib.entry(m[parent.len()].clone()).or_default();
            for d in deps {
                if d.len() > parent.len()
                    && d[..parent.len()] == parent[..]
                    && d[parent.len()] != m[parent.len()]
                {
                    e.insert(d[parent.len()].clone());
                }
            }
        }
        if let Some(c) = cycle(&sib) {
            let prefix = parent.join("::");
            found.push(c.into_iter().map(|s| format!("{prefix}::{s}")).collect());
        }
    }
    found
}
