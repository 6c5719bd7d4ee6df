//! The committed schemas must be exactly what the model types generate.

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
