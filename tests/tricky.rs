//! Content full of code-like text compiles and reads back unchanged.
//!
//! Runs only when the crate is built from `tests/tricky/` instead of `data/`:
//!
//! ```text
//! LEMS_TREATMENTS_CONTENT_DIR=$PWD/tests/tricky cargo test -p lems-treatments --test tricky
//! ```
#![cfg(lems_custom_content)]

use lems_treatments::{Category, Caution, Mechanism, Source, Treatment, CONDITION, DISCLAIMER};
use lems_treatments_build::model::{Id, TreatmentFile};
use lems_treatments_build::render::View;
use lems_treatments_build::{load, Content, Paths, SchemaCheck};

/// The content the crate was built from, loaded again from its YAML (once:
/// `scripts/scale.sh` runs this test on large trees).
fn content() -> Content {
    let root = std::path::PathBuf::from(env!("LEMS_TREATMENTS_CONTENT_DIR"));
    let mut paths = Paths::under(&root);
    paths.schema = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    let report = load(&paths, SchemaCheck::Validate);
    assert_eq!(report.diagnostics, vec![]);
    report.content.expect("clean")
}

#[test]
fn every_text_reads_back_exactly_as_written_in_yaml() {
    let c = content();
    assert_eq!(Treatment::COUNT, c.treatments.len());
    let relations = lems_treatments_build::relations::Relations::of(&c);
    let view = View::new(&c, &relations);
    for t in Treatment::ALL {
        let y = &c.treatments[t.id()].item;
        treatment_texts(*t, y);
        treatment_lists_card_and_debug(*t, y, &view);
        treatment_lookups(*t);
    }
    mechanisms_cautions_classes_and_sources(&c);
    condition_and_disclaimer(&c);
    if c.treatments.contains_key("odd_treatment") {
        the_tricky_tree_itself();
    }
}

/// Its name, summary, usage, synonyms, brands and regulatory texts.
fn treatment_texts(t: Treatment, y: &TreatmentFile) {
    assert_eq!(t.name(), y.name.0);
    assert_eq!(t.summary(), y.summary.0);
    assert_eq!(
        t.usage().to_vec(),
        y.usage.iter().map(|u| u.0.as_str()).collect::<Vec<_>>()
    );
    assert_eq!(
        t.synonyms().to_vec(),
        y.synonyms.iter().map(|u| u.0.as_str()).collect::<Vec<_>>()
    );
    assert_eq!(
        t.brand_names().to_vec(),
        y.brands
            .iter()
            .map(|b| b.name.0.as_str())
            .collect::<Vec<_>>()
    );
    for (r, yr) in t.regulatory().iter().zip(&y.regulatory) {
        assert_eq!(r.scope, yr.scope.0);
        assert_eq!(r.authority, yr.authority.as_ref().map(|a| a.0.as_str()));
    }
}

/// Lists, the card and the Debug name, from their tables.
fn treatment_lists_card_and_debug(t: Treatment, y: &TreatmentFile, view: &View<'_>) {
    let ids = |xs: &[Id]| xs.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
    assert_eq!(
        t.sources()
            .iter()
            .map(|s| s.id().to_string())
            .collect::<Vec<_>>(),
        y.sources
            .iter()
            .map(|c| c.source().0.clone())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        t.mechanisms()
            .iter()
            .map(|m| m.id().to_string())
            .collect::<Vec<_>>(),
        ids(&y.mechanisms)
    );
    assert_eq!(Some(t.card().to_string()), view.card(t.id()));
    assert_eq!(
        format!("{t:?}"),
        lems_treatments_build::names::variant_name(t.id())
    );
}

/// Every id, name, synonym and brand still finds its treatment, in any case
/// (ASCII keys in upper case too: upper-casing some non-ASCII letters, like
/// ß to SS, does not fold back).
fn treatment_lookups(t: Treatment) {
    for key in [t.id(), t.name()]
        .into_iter()
        .chain(t.synonyms().iter().copied())
        .chain(t.brand_names().iter().copied())
    {
        assert_eq!(key.parse::<Treatment>(), Ok(t), "{key:?}");
        if key.is_ascii() {
            let upper = key.to_ascii_uppercase();
            assert_eq!(upper.parse::<Treatment>(), Ok(t), "{upper:?}");
        }
    }
}

/// The other entities' names and texts, and their lookups by id and name.
fn mechanisms_cautions_classes_and_sources(c: &Content) {
    for m in Mechanism::ALL {
        let y = &c.mechanisms[m.id()].item;
        assert_eq!(Mechanism::lookup(m.id()), Some(*m));
        assert_eq!(Mechanism::lookup(m.name()), Some(*m));
        assert_eq!(
            (m.name(), m.explanation()),
            (y.name.0.as_str(), y.explanation.0.as_str())
        );
    }
    for k in Caution::ALL {
        let y = &c.cautions[k.id()].item;
        assert_eq!(Caution::lookup(k.id()), Some(*k));
        assert_eq!(k.name(), y.title.0);
        assert_eq!(k.explanation(), y.explanation.0);
        assert_eq!(k.for_the_patient(), y.for_the_patient.0);
    }
    for k in Category::ALL {
        let y = &c.classes[k.id()].item;
        assert_eq!(Category::lookup(k.id()), Some(*k));
        assert_eq!(
            (k.name(), k.description()),
            (y.name.0.as_str(), y.description.0.as_str())
        );
    }
    for s in Source::ALL {
        let y = &c.sources[s.id()].item;
        assert_eq!(s.name(), y.title.0);
        assert_eq!(s.publisher(), y.publisher.as_ref().map(|p| p.0.as_str()));
    }
}

/// `CONDITION`'s texts and `DISCLAIMER`.
fn condition_and_disclaimer(c: &Content) {
    let y = &c.condition.item;
    assert_eq!(CONDITION.name, y.name.0);
    assert_eq!(CONDITION.abbreviation, y.abbreviation.0);
    assert_eq!(CONDITION.summary, y.summary.0);
    assert_eq!(CONDITION.normal_signal, y.normal_signal.0);
    assert_eq!(CONDITION.what_goes_wrong, y.what_goes_wrong.0);
    assert_eq!(CONDITION.treatment_goal, y.treatment_goal.0);
    assert_eq!(CONDITION.associated_cancer.name, y.associated_cancer.name.0);
    assert_eq!(
        CONDITION.associated_cancer.treatment_note,
        y.associated_cancer.treatment_note.0
    );
    assert_eq!(DISCLAIMER, c.disclaimer.item.text.0);
}

/// tests/tricky/ itself (not the large trees of scripts/scale.sh): non-ASCII
/// input takes the folding path (capital sharp s folds to ß), and the text
/// really is unusual.
fn the_tricky_tree_itself() {
    assert_eq!("äöü STRAẞE".parse::<Treatment>(), Ok(Treatment::ALL[0]));
    assert_eq!(Treatment::ALL[0].id(), "odd_treatment");
    assert!(Mechanism::ALL[0]
        .explanation()
        .contains("*/ } ]; #![no_std] \"#; r##\"x\"##"));
}
