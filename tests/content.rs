//! The content as downstream code sees it: lookups, links, and review snapshots.
//!
//! The snapshots are rendered from the public API, not from the YAML, so a
//! reviewer reads every content change as prose. Changing any word of
//! content fails these tests until the snapshot is accepted with
//! `cargo insta review`.
#![cfg(not(lems_custom_content))]

use lems_treatments::{
    cautions_of, Category, Caution, Mechanism, Region, Source, Treatment, TreatmentKind, CONDITION,
    DISCLAIMER,
};

#[test]
fn brand_names_and_names_parse_ignoring_case() {
    assert_eq!(
        "Firdapse".parse::<Treatment>(),
        Ok(Treatment::Amifampridine)
    );
    assert_eq!(
        "mestinon".parse::<Treatment>(),
        Ok(Treatment::Pyridostigmine)
    );
    assert_eq!(
        "MESTINON".parse::<Treatment>(),
        Ok(Treatment::Pyridostigmine)
    );
    assert_eq!(
        "ivig".parse::<Treatment>(),
        Ok(Treatment::IntravenousImmunoglobulin)
    );
    assert_eq!(" Rituximab ".parse::<Treatment>(), Ok(Treatment::Rituximab));
    assert_eq!(
        Treatment::try_from("small_cell_lung_cancer_treatment"),
        Ok(Treatment::SmallCellLungCancerTreatment)
    );
    let err = "aspirin".parse::<Treatment>().unwrap_err();
    assert_eq!(err.kind(), "Treatment");
    assert_eq!(err.input(), "aspirin");
    assert!(err.to_string().contains("\"aspirin\""), "{err}");
    assert!(
        err.to_string().contains("brand"),
        "says what is accepted: {err}"
    );
    let long = "x".repeat(100) + "\u{1b}[2J";
    let err = long.parse::<lems_treatments::Mechanism>().unwrap_err();
    assert_eq!(err.input().len(), 48);
    assert!(err.to_string().contains("(shortened)"));
    let err = "é\u{1b}".parse::<Category>().unwrap_err();
    assert!(err.to_string().contains("\\u{1b}"), "escaped: {err}");
    assert!("".parse::<Treatment>().is_err());
}

#[test]
fn every_value_round_trips_through_its_id_and_name() {
    fn check<
        T: Copy + PartialEq + core::fmt::Debug + core::str::FromStr + AsRef<str> + core::fmt::Display,
    >(
        all: &[T],
    ) {
        for v in all {
            assert_eq!(v.as_ref().parse::<T>().ok(), Some(*v), "id of {v:?}");
            assert_eq!(v.to_string().parse::<T>().ok(), Some(*v), "name of {v:?}");
        }
    }
    check(Treatment::ALL);
    check(Mechanism::ALL);
    check(Caution::ALL);
    check(Category::ALL);
    check(Source::ALL);
    check(Region::ALL);
    check(TreatmentKind::ALL);
}

#[test]
fn every_treatment_in_the_article_is_present() {
    let ids: Vec<&str> = Treatment::ALL.iter().map(|t| t.id()).collect();
    for id in [
        "pyridostigmine",
        "amifampridine",
        "guanidine",
        "prednisone",
        "azathioprine",
        "mycophenolate",
        "intravenous_immunoglobulin",
        "plasmapheresis",
        "rituximab",
        "occupational_therapy",
        "physical_therapy",
        "speech_therapy",
        "small_cell_lung_cancer_treatment",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    assert_eq!(Treatment::COUNT, Treatment::ALL.len());
    assert_eq!(Treatment::COUNT, content().treatments.len());
}

#[test]
fn class_wide_cautions_apply_to_every_member() {
    let members = Category::ImmuneSuppressants.treatments();
    for t in [
        Treatment::Prednisone,
        Treatment::Azathioprine,
        Treatment::Mycophenolate,
        Treatment::Rituximab,
    ] {
        assert!(
            members.contains(&t),
            "{t:?} should be an immune suppressant"
        );
        assert!(
            t.cautions().contains(&Caution::ImmuneSuppressionRisks),
            "{t:?}"
        );
    }
    assert!(!Treatment::Pyridostigmine
        .cautions()
        .contains(&Caution::ImmuneSuppressionRisks));
    assert_eq!(
        Caution::ImmuneSuppressionRisks.categories(),
        &[Category::ImmuneSuppressants]
    );
}

#[test]
fn reverse_links_agree_with_forward_links() {
    for t in Treatment::ALL {
        for m in t.mechanisms() {
            assert!(m.treatments().contains(t), "{m:?} -> {t:?}");
        }
        for c in t.cautions() {
            assert!(c.treatments().contains(t), "{c:?} -> {t:?}");
        }
        assert!(t.category().treatments().contains(t));
        for o in t.used_with() {
            assert!(o.used_with().contains(t), "used_with is symmetric");
        }
        assert!(!t.sources().is_empty(), "{t:?} cites a source");
    }
    for m in Mechanism::ALL {
        for t in m.treatments() {
            assert!(t.mechanisms().contains(m));
        }
    }
    for c in Caution::ALL {
        for t in c.treatments() {
            assert!(t.cautions().contains(c));
        }
    }
}

#[test]
fn facts_from_the_article_are_reachable() {
    assert_eq!(Treatment::Pyridostigmine.brand_names(), &["Mestinon"]);
    assert!(Treatment::Amifampridine.is_approved_in(Region::UnitedStates));
    // The EU marketing authorisation comes from the EMA summary (reference table).
    assert!(Treatment::Amifampridine.is_approved_in(Region::EuropeanUnion));
    assert!(Treatment::Amifampridine.brands()[0]
        .regions
        .contains(&Region::EuropeanUnion));
    assert_eq!(
        Treatment::Guanidine.used_with(),
        &[Treatment::Pyridostigmine]
    );
    assert!(Treatment::Guanidine
        .cautions()
        .contains(&Caution::GuanidineKidneyAndBoneMarrowToxicity));
    assert_eq!(Treatment::Plasmapheresis.kind(), TreatmentKind::Procedure);
    assert_eq!(
        Treatment::Rituximab.category().parent(),
        Some(Category::ImmuneSuppressants)
    );
    const { assert!(!CONDITION.curable) };
    assert_eq!(CONDITION.abbreviation, "LEMS");
    assert!(CONDITION
        .associated_cancer
        .name
        .contains("small-cell lung cancer"));
    assert!(DISCLAIMER.contains("not medical advice"));
    let list = [
        Treatment::Prednisone,
        Treatment::Rituximab,
        Treatment::Guanidine,
    ];
    let cautions: Vec<Caution> = cautions_of(&list).collect();
    assert_eq!(
        cautions,
        vec![
            Caution::GuanidineKidneyAndBoneMarrowToxicity,
            Caution::ImmuneSuppressionRisks
        ]
    );
}

#[test]
fn every_code_in_the_reference_table_is_found_by_from_code() {
    use lems_treatments::CodeSystem::*;
    let table = [
        (Atc, "N07XX05", Treatment::Amifampridine),
        (Atc, "N07AA02", Treatment::Pyridostigmine),
        (Atc, "H02AB07", Treatment::Prednisone),
        (Atc, "L04AX01", Treatment::Azathioprine),
        (Atc, "L04AA06", Treatment::Mycophenolate),
        (Atc, "L01FA01", Treatment::Rituximab),
        (Atc, "J06BA02", Treatment::IntravenousImmunoglobulin),
        (Unii, "RU4S6E2G0J", Treatment::Amifampridine),
        (RxNorm, "8640", Treatment::Prednisone),
        (RxNorm, "1256", Treatment::Azathioprine),
        (DrugBank, "DB00545", Treatment::Pyridostigmine),
        (DrugBank, "DB00635", Treatment::Prednisone),
        (DrugBank, "DB00993", Treatment::Azathioprine),
        (DrugBank, "DB00073", Treatment::Rituximab),
        (SnomedCt, "91251008", Treatment::PhysicalTherapy),
        (SnomedCt, "84478008", Treatment::OccupationalTherapy),
        (SnomedCt, "5154007", Treatment::SpeechTherapy),
    ];
    for (system, code, treatment) in table {
        assert_eq!(
            Treatment::from_code(system, code),
            Some(treatment),
            "{system:?} {code}"
        );
        assert!(treatment
            .codes()
            .iter()
            .any(|c| c.system == system && c.code == code));
    }
    let total: usize = Treatment::ALL.iter().map(|t| t.codes().len()).sum();
    assert_eq!(total, table.len(), "no code beyond the table");
    // Codes the table lists as not found stay absent.
    assert_eq!(Treatment::Guanidine.atc(), None);
    assert_eq!(Treatment::Pyridostigmine.code(RxNorm), None);
    assert_eq!(Treatment::Mycophenolate.code(RxNorm), None);
    assert_eq!(Treatment::IntravenousImmunoglobulin.code(RxNorm), None);
    assert_eq!(Treatment::Plasmapheresis.codes(), &[]);
    assert_eq!(
        Treatment::from_code(Atc, "n07xx05"),
        None,
        "codes match exactly"
    );
    for (system, code) in [
        (Orphanet, "ORPHA:43393"),
        (Icd11, "8C62"),
        (Icd10, "G73.1"),
        (Icd10Cm, "G70.80"),
        (Icd10Cm, "G70.81"),
        (Mesh, "D015624"),
    ] {
        assert!(CONDITION.has_code(system, code), "{system:?} {code}");
    }
    assert_eq!(CONDITION.codes.len(), 6);
}

#[test]
fn amifampridine_regulatory_facts_and_us_cautions() {
    let t = Treatment::Amifampridine;
    assert!(t
        .regulatory()
        .iter()
        .any(|r| r.date == Some("2018-11-28") && r.region == Region::UnitedStates));
    assert!(t
        .regulatory()
        .iter()
        .any(|r| r.date == Some("2009-12") && r.region == Region::EuropeanUnion));
    let kinds: Vec<_> = t
        .cautions()
        .iter()
        .filter(|c| c.region() == Some(Region::UnitedStates))
        .map(|c| c.kind())
        .collect();
    assert_eq!(kinds.len(), 4);
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == lems_treatments::CautionKind::Contraindication)
            .count(),
        2
    );
}

fn content() -> lems_treatments_build::Content {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let report = lems_treatments_build::load(
        &lems_treatments_build::Paths::under(root),
        lems_treatments_build::SchemaCheck::Validate,
    );
    report.content.expect("the committed content is clean")
}

/// Every treatment's card, each its own snapshot. A failing card does not stop
/// the others: every changed card is written for review in the same run.
#[test]
fn snapshot_each_treatment_as_a_reader_sees_it() {
    let failed: Vec<&str> = Treatment::ALL
        .iter()
        .filter(|t| {
            std::panic::catch_unwind(|| {
                insta::assert_snapshot!(format!("treatment__{}", t.id()), t.card().to_string());
            })
            .is_err()
        })
        .map(|t| t.id())
        .collect();
    assert!(failed.is_empty(), "changed cards: {failed:?}");
}

/// The compiled cards and guide are the renderer's output, byte for byte:
/// one renderer for the crate, `lems-content` and the snapshots.
#[test]
fn compiled_texts_are_the_renderers_output() {
    let c = content();
    let rel = lems_treatments_build::relations::Relations::of(&c);
    let view = lems_treatments_build::render::View::new(&c, &rel);
    for t in Treatment::ALL {
        assert_eq!(Some(t.card().to_string()), view.card(t.id()), "{t:?}");
    }
    assert_eq!(lems_treatments::guide().to_string(), view.guide());
}

#[test]
fn snapshot_the_whole_guide() {
    // The guide's own text (head, each class's section, tail) with each card
    // named rather than repeated: a card's words are reviewed once, in its own
    // snapshot, so one changed word shows once. The compiled guide is the
    // renderer's composition of these parts (`compiled_texts_are_the_renderers_output`).
    let c = content();
    let rel = lems_treatments_build::relations::Relations::of(&c);
    let view = lems_treatments_build::render::View::new(&c, &rel);
    let mut outline = view.guide_head();
    for cat in &rel.guide_order {
        outline.push_str(&view.guide_section(cat));
        for (id, t) in &c.treatments {
            if &t.item.category.0 == cat {
                outline.push_str(&format!(
                    "\n[the card of `{id}`: see content__treatment__{id}.snap]\n"
                ));
            }
        }
    }
    outline.push_str(&view.guide_tail());
    insta::assert_snapshot!("guide", outline);
}

/// The code a downstream build compiles (the shipped `src/generated.rs`) is
/// byte for byte what the generator makes from the shipped YAML, headed by
/// the hash of that YAML, which `build.rs` checks before using it.
#[test]
fn the_shipped_generated_code_is_the_generators_output_for_data() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let shipped = std::fs::read_to_string(root.join("src/generated.rs")).expect("shipped code");
    let fresh = lems_treatments_build::generate(
        &lems_treatments_build::Paths::under(root),
        lems_treatments_build::SchemaCheck::Validate,
    )
    .expect("clean content");
    let hash = content_hash::content_hash(&root.join("data")).expect("hashable content");
    assert_eq!(
        shipped,
        format!("{}{fresh}", content_hash::header(hash)),
        "src/generated.rs is stale: `cargo test` regenerates it"
    );
    // And it is the code this build compiled.
    assert_eq!(
        include_str!(concat!(env!("OUT_DIR"), "/lems_content.rs")),
        fresh
    );
}

#[path = "../build/content_hash.rs"]
#[allow(dead_code)]
mod content_hash;

/// The hash sees every change: an edit, a new file, a removed one; and it
/// refuses what is not a plain tree of regular files.
#[test]
fn the_content_hash_changes_with_any_file_and_refuses_odd_files() {
    let root = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("content_hash");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("treatments")).expect("dir");
    std::fs::write(root.join("condition.yaml"), "a: 1\n").expect("write");
    let h0 = content_hash::content_hash(&root).expect("hash");
    std::fs::write(root.join("notes.txt"), "not content").expect("write");
    assert_eq!(
        content_hash::content_hash(&root),
        Ok(h0),
        "only .yaml files count"
    );
    assert_eq!(content_hash::content_hash(&root), Ok(h0), "deterministic");
    std::fs::write(root.join("condition.yaml"), "a: 2\n").expect("write");
    let h1 = content_hash::content_hash(&root).expect("hash");
    assert_ne!(h0, h1);
    std::fs::write(root.join("treatments/x.yaml"), "").expect("write");
    let h2 = content_hash::content_hash(&root).expect("hash");
    assert_ne!(h1, h2, "an empty new file counts");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/etc/hostname", root.join("treatments/y.yaml")).expect("ln");
        let err = content_hash::content_hash(&root).expect_err("symlink refused");
        assert!(err.contains("not a regular file"), "{err}");
    }
}
