//! The names the generator emits are the names the checker reserves: every
//! associated item in the `impl` of a content enum, in the generated code and
//! in the hand-written `src/`, must be in `names::ASSOCIATED_ITEMS`.

mod common;

use std::collections::BTreeSet;

use lems_treatments_build::names::ASSOCIATED_ITEMS;
use lems_treatments_build::{generate, Paths, SchemaCheck};

const CONTENT_ENUMS: [&str; 5] = ["Treatment", "Category", "Mechanism", "Caution", "Source"];

fn associated_items(code: &str, out: &mut BTreeSet<String>) {
    let file = syn::parse_file(code).expect("parses");
    for item in file.items {
        let syn::Item::Impl(imp) = item else { continue };
        if imp.trait_.is_some() {
            continue;
        }
        let syn::Type::Path(p) = &*imp.self_ty else {
            continue;
        };
        let Some(last) = p.path.segments.last() else {
            continue;
        };
        if !CONTENT_ENUMS.contains(&last.ident.to_string().as_str()) {
            continue;
        }
        for it in imp.items {
            match it {
                syn::ImplItem::Const(c) => {
                    out.insert(c.ident.to_string());
                }
                syn::ImplItem::Fn(f) => {
                    out.insert(f.sig.ident.to_string());
                }
                syn::ImplItem::Type(t) => {
                    out.insert(t.ident.to_string());
                }
                _ => {}
            }
        }
    }
}

#[test]
fn every_emitted_associated_item_is_reserved() {
    let code = generate(&Paths::under(&common::repo_root()), SchemaCheck::Skip).expect("valid");
    let mut emitted = BTreeSet::new();
    associated_items(&code, &mut emitted);
    assert!(
        emitted.contains("ALL") && emitted.contains("COUNT"),
        "{emitted:?}"
    );
    for entry in std::fs::read_dir(common::repo_root().join("src")).expect("src") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "rs") {
            associated_items(&std::fs::read_to_string(&path).expect("read"), &mut emitted);
        }
    }
    let reserved: BTreeSet<String> = ASSOCIATED_ITEMS.iter().map(|s| s.to_string()).collect();
    let missing: Vec<&String> = emitted.difference(&reserved).collect();
    assert!(
        missing.is_empty(),
        "add these to names::ASSOCIATED_ITEMS: {missing:?}"
    );
}

#[test]
fn an_id_named_like_an_emitted_item_is_refused_before_code_is_generated() {
    let case = common::repo_root().join("tests/corpus/empty_file");
    let root = common::materialise(&case, "reserved_count");
    std::fs::copy(
        common::fixture_root().join("data/treatments/pyridostigmine.yaml"),
        root.join("data/treatments/pyridostigmine.yaml"),
    )
    .expect("restore");
    for (id, rust) in [("c_o_u_n_t", "COUNT"), ("a_l_l", "ALL")] {
        std::fs::write(
            root.join(format!("data/sources/{id}.yaml")),
            format!("id: {id}\ntitle: \"Reserved {id}\"\nkind: reference\n"),
        )
        .expect("write");
        let err = generate(&Paths::under(&root), SchemaCheck::Validate).expect_err("refused");
        assert!(
            err.iter()
                .any(|d| d.code == lems_treatments_build::Code::BadIdentifier
                    && d.file == format!("data/sources/{id}.yaml")
                    && d.start.line == 1
                    && d.message.contains(&format!("`Source::{rust}`"))),
            "{err:?}"
        );
        std::fs::remove_file(root.join(format!("data/sources/{id}.yaml"))).expect("rm");
    }
}
