//! The lists of fields the text checks know without a schema agree with the
//! committed schemas: every list marked `uniqueItems` is checked for repeats,
//! and every `uint32` field for its range, with or without the schema pass.

mod common;

use std::collections::BTreeSet;

use lems_treatments_build::text::checks::LISTS_OF_DISTINCT_ITEMS;
use lems_treatments_build::text::numbers::WHOLE_NUMBER_FIELDS;
use serde_json::Value;

/// Walks a schema, collecting the instance pointers (`*` for items) of the
/// properties that `pick` selects, following local `$ref`s.
fn walk(
    root: &Value,
    node: &Value,
    at: &str,
    pick: &dyn Fn(&Value) -> bool,
    out: &mut BTreeSet<String>,
    depth: usize,
) {
    if depth > 12 {
        return;
    }
    let node = match node.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix('#')
            .and_then(|p| root.pointer(p))
            .unwrap_or(node),
        None => node,
    };
    if pick(node) {
        out.insert(at.to_string());
    }
    for key in ["anyOf", "oneOf"] {
        for alt in node
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            walk(root, alt, at, pick, out, depth + 1);
        }
    }
    if let Some(items) = node.get("items") {
        walk(root, items, &format!("{at}/*"), pick, out, depth + 1);
    }
    for (k, v) in node
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        walk(root, v, &format!("{at}/{k}"), pick, out, depth + 1);
    }
}

fn content_schemas() -> Vec<Value> {
    let dir = common::repo_root().join("schema");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("schema/") {
        let p = e.expect("entry").path();
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if name.ends_with(".schema.json") && name != "export.schema.json" {
            out.push(
                serde_json::from_str(&std::fs::read_to_string(&p).expect("read")).expect("json"),
            );
        }
    }
    out
}

#[test]
fn every_unique_items_list_is_checked_for_repeats() {
    let mut found = BTreeSet::new();
    for s in content_schemas() {
        walk(
            &s,
            &s,
            "",
            &|n| n.get("uniqueItems") == Some(&Value::Bool(true)),
            &mut found,
            0,
        );
    }
    let known: BTreeSet<String> = LISTS_OF_DISTINCT_ITEMS
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(found, known);
}

#[test]
fn every_whole_number_field_is_checked_for_its_range() {
    let mut found = BTreeSet::new();
    for s in content_schemas() {
        walk(
            &s,
            &s,
            "",
            &|n| n.get("format").and_then(Value::as_str) == Some("uint32"),
            &mut found,
            0,
        );
    }
    let names: BTreeSet<String> = found
        .iter()
        .filter_map(|p| p.rsplit('/').next())
        .map(str::to_string)
        .collect();
    let known: BTreeSet<String> = WHOLE_NUMBER_FIELDS.iter().map(|s| s.to_string()).collect();
    assert_eq!(names, known, "{found:?}");
}
