//! The generated parts of `EDITING.md`: the field reference (from the
//! schemas' descriptions) and the error codes (from [`Code`]), so the guide
//! cannot drift from the code. `lems-content schema` rewrites them; a test
//! fails when the committed guide is stale.

use std::fmt::Write as _;

use serde_json::Value;

use crate::diagnostic::Code;
use crate::model::FileKind;

/// The marker lines around the generated field reference.
pub const FIELDS_MARKERS: (&str, &str) = (
    "<!-- generated:fields:start -->",
    "<!-- generated:fields:end -->",
);
/// The marker lines around the generated error-code table.
pub const CODES_MARKERS: (&str, &str) = (
    "<!-- generated:codes:start -->",
    "<!-- generated:codes:end -->",
);

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
        .and_then(|p| root.pointer(p))
    {
        Some(target) => target,
        None => node,
    }
}

fn type_of(root: &Value, node: &Value) -> String {
    let node = resolve(root, node);
    // `Option<T>` becomes `anyOf: [T, null]`: describe T.
    if let Some(alts) = node.get("anyOf").and_then(Value::as_array) {
        if let Some(inner) = alts
            .iter()
            .find(|a| a.get("type").and_then(Value::as_str) != Some("null"))
        {
            return type_of(root, inner);
        }
    }
    if let Some(alts) = node.get("oneOf").and_then(Value::as_array) {
        let values: Vec<String> = alts
            .iter()
            .filter_map(|a| a.get("const").and_then(Value::as_str))
            .map(|c| format!("`{c}`"))
            .collect();
        if !values.is_empty() {
            return format!("one of {}", values.join(", "));
        }
    }
    let t = match node.get("type") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .collect::<Vec<_>>()
            .join(" or "),
        _ => String::new(),
    };
    match t.as_str() {
        "array" => match node.get("items") {
            Some(items) => format!("list of {}", type_of(root, items)),
            None => "list".into(),
        },
        "object" => "mapping (see below)".into(),
        "string"
            if node.get("pattern").and_then(Value::as_str) == Some(crate::model::ID_PATTERN) =>
        {
            "id".into()
        }
        "string"
            if node.get("pattern").and_then(Value::as_str) == Some(crate::model::DATE_PATTERN) =>
        {
            "date `YYYY-MM-DD`".into()
        }
        "string"
            if node.get("pattern").and_then(Value::as_str)
                == Some(crate::model::WEB_ADDRESS_PATTERN) =>
        {
            "web address `https://…`".into()
        }
        "string" => "text".into(),
        "integer" => "whole number".into(),
        "boolean" => "`true` or `false`".into(),
        other => other.to_string(),
    }
}

fn table(out: &mut String, root: &Value, node: &Value) {
    let node = resolve(root, node);
    let required: Vec<&str> = node
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let _ = writeln!(out, "| field | required | type | meaning |");
    let _ = writeln!(out, "|---|---|---|---|");
    let mut nested: Vec<(String, &Value)> = Vec::new();
    if let Some(props) = node.get("properties").and_then(Value::as_object) {
        for (name, prop) in props {
            let desc = prop
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("")
                .replace('|', "\\|")
                .replace('\n', " ");
            let _ = writeln!(
                out,
                "| `{name}` | {} | {} | {desc} |",
                if required.contains(&name.as_str()) {
                    "yes"
                } else {
                    "no"
                },
                type_of(root, prop)
            );
            let inner = resolve(root, prop);
            let inner = inner.get("items").map_or(inner, |i| resolve(root, i));
            if inner.get("properties").is_some() {
                nested.push((name.clone(), inner));
            }
        }
    }
    for (name, inner) in nested {
        let _ = writeln!(out, "\nEach item of `{name}`:\n");
        table(out, root, inner);
    }
}

/// The field reference: one table per kind of file.
pub fn field_reference() -> String {
    let mut out = String::new();
    for kind in FileKind::ALL {
        let schema = kind.schema().to_value();
        let title = schema
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or(kind.noun());
        let place = if kind.is_singleton() {
            format!("data/{}", kind.location())
        } else {
            format!("data/{}/<id>.yaml", kind.location())
        };
        let _ = writeln!(out, "### {title}: `{place}`\n");
        if let Some(d) = schema.get("description").and_then(Value::as_str) {
            let _ = writeln!(out, "{d}\n");
        }
        let _ = writeln!(out, "Schema: `schema/{}`\n", kind.schema_file());
        table(&mut out, &schema, &schema);
        out.push('\n');
    }
    out
}

/// The error codes with what each means.
pub fn error_codes() -> String {
    let mut out = String::from("| code | meaning |\n|---|---|\n");
    for code in Code::ALL {
        let _ = writeln!(out, "| `{}` | {} |", code.as_str(), code.meaning());
    }
    out
}

/// Replaces the text between `markers` in `doc` with `body`. `None` when a marker is missing.
pub fn splice(doc: &str, markers: (&str, &str), body: &str) -> Option<String> {
    let start = doc.find(markers.0)? + markers.0.len();
    let end = doc[start..].find(markers.1)? + start;
    Some(format!("{}\n{}{}", &doc[..start], body, &doc[end..]))
}

/// `EDITING.md` with both generated sections brought up to date.
pub fn update_editing_guide(doc: &str) -> Option<String> {
    let doc = splice(doc, FIELDS_MARKERS, &field_reference())?;
    splice(&doc, CODES_MARKERS, &error_codes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_replaces_only_between_markers() {
        let doc = "a\n<!-- generated:codes:start -->\nold\n<!-- generated:codes:end -->\nb\n";
        let new = splice(doc, CODES_MARKERS, "new\n").unwrap_or_default();
        assert_eq!(
            new,
            "a\n<!-- generated:codes:start -->\nnew\n<!-- generated:codes:end -->\nb\n"
        );
        assert!(splice("no markers", CODES_MARKERS, "x").is_none());
    }

    #[test]
    fn every_field_of_a_treatment_is_documented() {
        let fields = field_reference();
        for f in [
            "`id`",
            "`brands`",
            "`regulatory`",
            "`used_with`",
            "`sources`",
            "`for_the_patient`",
            "`curable`",
        ] {
            assert!(fields.contains(f), "{f}");
        }
        assert!(!fields.contains("|  |"), "a field without a description");
    }
}
