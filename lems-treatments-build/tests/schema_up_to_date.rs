//! The committed schemas must be exactly what the model types generate.
#![cfg(feature = "schema")]

mod common;

use lems_treatments_build::FileKind;

#[test]
fn committed_schemas_match_the_model_types() {
    let mut stale = Vec::new();
    for kind in FileKind::ALL {
        let path = common::repo_root().join("schema").join(kind.schema_file());
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != kind.schema_text() {
            stale.push(kind.schema_file());
        }
    }
    assert!(
        stale.is_empty(),
        "schema/ is out of date with the model types ({}).\nRegenerate it with:\n\n    cargo run -p lems-content -- schema\n",
        stale.join(", ")
    );
}

#[test]
fn the_editing_guide_is_current() {
    let path = common::repo_root().join("EDITING.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let fresh = lems_treatments_build::docs::update_editing_guide(&committed);
    assert!(
        fresh.is_some(),
        "EDITING.md lost its generated-section markers"
    );
    assert!(
        fresh.as_deref() == Some(committed.as_str()),
        "EDITING.md's field reference or error codes are out of date.\nRegenerate them with:\n\n    cargo run -p lems-content -- schema\n"
    );
}
