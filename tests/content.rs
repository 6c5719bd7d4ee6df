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
    assert_eq!(err.to_string(), "no Treatment has this id or name");
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
    assert_eq!(Treatment::COUNT, 13);
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
    assert!(!Treatment::Amifampridine.is_approved_in(Region::EuropeanUnion));
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
fn snapshot_each_treatment_as_a_reader_sees_it() {
    for t in Treatment::ALL {
        insta::assert_snapshot!(format!("treatment__{}", t.id()), t.card().to_string());
    }
}

#[test]
fn snapshot_the_whole_guide() {
    insta::assert_snapshot!("guide", lems_treatments::guide().to_string());
}

#[test]
fn snapshot_the_generated_code() {
    let code = include_str!(concat!(env!("OUT_DIR"), "/lems_content.rs"));
    assert!(code.starts_with("// @generated"));
    insta::assert_snapshot!("generated_code", code);
}
