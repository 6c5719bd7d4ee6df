//! The content as downstream code sees it: lookups, links, and review snapshots.
//!
//! The snapshots are rendered from the public API, not from the YAML, so a
//! reviewer reads every content change as prose. Changing any word of
//! content fails these tests until the snapshot is accepted with
//! `lems-content review`. Every other test here checks a property that holds
//! for any valid content (the API against the YAML it was generated from), so
//! a valid edit never needs a change of Rust: facts of the real content are
//! asserted only through the snapshots.
#![cfg(not(lems_custom_content))]

use lems_treatments::{
    cautions_of, Category, Caution, Mechanism, Region, Source, Treatment, TreatmentKind, CONDITION,
    DISCLAIMER,
};

/// Every id, name, synonym and brand finds its treatment, ignoring case and
/// surrounding spaces; anything else is refused with a message that says what
/// lookups accept. Holds for any valid content.
#[test]
fn brand_names_and_names_parse_ignoring_case() {
    let c = content();
    for t in Treatment::ALL {
        let y = &c.treatments[t.id()].item;
        let keys = [y.id.0.as_str(), y.name.0.as_str()]
            .into_iter()
            .chain(y.synonyms.iter().map(|s| s.0.as_str()))
            .chain(y.brands.iter().map(|b| b.name.0.as_str()));
        for key in keys {
            assert_eq!(key.parse::<Treatment>(), Ok(*t), "{key:?}");
            assert_eq!(Treatment::try_from(key), Ok(*t), "{key:?}");
            assert_eq!(format!(" {key} ").parse::<Treatment>(), Ok(*t), "{key:?}");
            assert_eq!(key.to_lowercase().parse::<Treatment>(), Ok(*t), "{key:?}");
            if key.is_ascii() {
                let upper = key.to_ascii_uppercase();
                assert_eq!(upper.parse::<Treatment>(), Ok(*t), "{upper:?}");
            }
        }
    }
    // No content text holds a control character (E0206), so this is never a key.
    let unknown = "aspirin\u{7}";
    let err = unknown.parse::<Treatment>().unwrap_err();
    assert_eq!(err.kind(), "Treatment");
    assert_eq!(err.input(), unknown);
    assert!(err.to_string().contains("\"aspirin\\u{7}\""), "{err}");
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

/// A model value's content id (how the YAML writes it), for comparing the
/// build crate's model with this crate's enums.
macro_rules! yaml_id {
    ($v:expr) => {
        serde_json::to_value(&$v)
            .expect("serializable")
            .as_str()
            .expect("an id")
            .to_string()
    };
}

fn ids<T: AsRef<str>>(xs: &[T]) -> Vec<String> {
    xs.iter().map(|x| x.as_ref().to_string()).collect()
}

fn set<T: AsRef<str>>(xs: &[T]) -> std::collections::BTreeSet<String> {
    xs.iter().map(|x| x.as_ref().to_string()).collect()
}

#[test]
fn every_treatment_in_the_content_is_present() {
    let c = content();
    let keys: Vec<String> = c.treatments.keys().cloned().collect();
    assert_eq!(ids(Treatment::ALL), keys, "one variant per file, by id");
    assert_eq!(Treatment::COUNT, Treatment::ALL.len());
    assert_eq!(Category::ALL.len(), c.classes.len());
    assert_eq!(Caution::ALL.len(), c.cautions.len());
    assert_eq!(Mechanism::ALL.len(), c.mechanisms.len());
    assert_eq!(Source::ALL.len(), c.sources.len());
}

/// Class-wide cautions reach every member (sub-classes' members included),
/// and the reverse links agree with the relations the renderer uses.
#[test]
fn class_wide_cautions_apply_to_every_member() {
    let c = content();
    let rel = lems_treatments_build::relations::Relations::of(&c);
    for k in Category::ALL {
        let y = &c.classes[k.id()].item;
        assert_eq!(
            k.parent().map(|p| p.id()),
            y.parent.as_ref().map(|p| p.0.as_str())
        );
        let inherited = rel.class_cautions.get(k.id()).cloned().unwrap_or_default();
        assert_eq!(set(k.cautions()), inherited, "{k:?}");
        for own in &y.cautions {
            assert!(inherited.contains(&own.0), "{k:?} keeps its own {own:?}");
        }
        assert_eq!(set(k.treatments()), rel.class_members[k.id()], "{k:?}");
        for t in k.treatments() {
            for caution in k.cautions() {
                assert!(
                    t.cautions().contains(caution),
                    "{t:?} lacks {caution:?} of {k:?}"
                );
            }
        }
    }
    for t in Treatment::ALL {
        let expected: std::collections::BTreeSet<String> =
            rel.treatment_cautions[t.id()].keys().cloned().collect();
        assert_eq!(set(t.cautions()), expected, "{t:?}");
        let class = t.category();
        assert!(class.treatments().contains(t));
    }
    for caution in Caution::ALL {
        let y = &c.cautions[caution.id()].item;
        assert_eq!(caution.kind().as_ref(), yaml_id!(y.kind), "{caution:?}");
        assert_eq!(
            caution.region().map(|r| r.as_ref().to_string()),
            y.region.as_ref().map(|r| yaml_id!(r)),
            "{caution:?}"
        );
        assert_eq!(
            set(caution.categories()),
            rel.caution_categories[caution.id()]
        );
        assert_eq!(
            set(caution.treatments()),
            rel.caution_treatments[caution.id()]
        );
    }
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

/// Each treatment's facts as the YAML states them: kind, class, brands with
/// their regions, what it is used with, regulatory facts and approvals.
#[test]
fn facts_from_the_content_are_reachable() {
    let c = content();
    let rel = lems_treatments_build::relations::Relations::of(&c);
    for t in Treatment::ALL {
        let y = &c.treatments[t.id()].item;
        assert_eq!(t.kind().as_ref(), yaml_id!(y.kind), "{t:?}");
        assert_eq!(t.category().id(), y.category.0, "{t:?}");
        assert_eq!(t.brands().len(), y.brands.len(), "{t:?}");
        for (b, yb) in t.brands().iter().zip(&y.brands) {
            assert_eq!(b.name, yb.name.0);
            let regions: Vec<String> = yb.regions.iter().map(|r| yaml_id!(r)).collect();
            assert_eq!(ids(b.regions), regions, "{t:?}");
        }
        let used_with = rel.used_with.get(t.id()).cloned().unwrap_or_default();
        assert_eq!(set(t.used_with()), used_with, "{t:?}");
        assert_eq!(t.regulatory().len(), y.regulatory.len(), "{t:?}");
        for (r, yr) in t.regulatory().iter().zip(&y.regulatory) {
            assert_eq!(r.region.as_ref(), yaml_id!(yr.region));
            assert_eq!(r.status.as_ref(), yaml_id!(yr.status));
            assert_eq!(r.date, yr.date.as_ref().map(|d| d.0.as_str()));
        }
        for region in lems_treatments::Region::ALL {
            let approved = y
                .regulatory
                .iter()
                .any(|r| yaml_id!(r.region) == region.as_ref() && yaml_id!(r.status) == "approved");
            assert_eq!(t.is_approved_in(*region), approved, "{t:?} in {region:?}");
        }
    }
    let y = &c.condition.item;
    assert_eq!(CONDITION.curable, y.curable);
    assert_eq!(CONDITION.abbreviation, y.abbreviation.0);
    assert_eq!(CONDITION.associated_cancer.name, y.associated_cancer.name.0);
    assert_eq!(DISCLAIMER, c.disclaimer.item.text.0);
}

/// `cautions_of` lists every caution of any treatment in the list, each once,
/// in `Caution::ALL` order: for each treatment alone, each pair, and all.
#[test]
fn cautions_of_a_list_is_the_union_of_its_treatments_cautions() {
    let expected = |list: &[Treatment]| -> Vec<Caution> {
        Caution::ALL
            .iter()
            .copied()
            .filter(|c| list.iter().any(|t| t.cautions().contains(c)))
            .collect()
    };
    for a in Treatment::ALL {
        assert_eq!(cautions_of(&[*a]).collect::<Vec<_>>(), expected(&[*a]));
        for b in Treatment::ALL {
            let list = [*a, *b];
            assert_eq!(cautions_of(&list).collect::<Vec<_>>(), expected(&list));
            assert_eq!(
                a.shares_caution_with(*b),
                a.cautions().iter().any(|c| b.cautions().contains(c))
            );
        }
    }
    let all: Vec<Caution> = cautions_of(Treatment::ALL).collect();
    assert_eq!(all, expected(Treatment::ALL));
    assert_eq!(cautions_of(&[]).count(), 0);
}

/// Every code in the content is found by `from_code`, exactly as written,
/// and no treatment has a code the content does not state.
#[test]
fn every_code_in_the_content_is_found_by_from_code() {
    let c = content();
    let mut total = 0;
    for t in Treatment::ALL {
        let y = &c.treatments[t.id()].item;
        assert_eq!(t.codes().len(), y.codes.len(), "{t:?}");
        total += y.codes.len();
        for (code, yc) in t.codes().iter().zip(&y.codes) {
            assert_eq!(code.system.as_ref(), yaml_id!(yc.system), "{t:?}");
            assert_eq!(code.code, yc.code.0, "{t:?}");
            assert_eq!(
                lems_treatments::Treatment::from_code(code.system, code.code),
                Some(*t)
            );
            assert!(t.code(code.system).is_some());
            let lower = code.code.to_lowercase();
            if lower != code.code {
                assert_eq!(
                    Treatment::from_code(code.system, &lower),
                    None,
                    "codes match exactly: {lower}"
                );
            }
        }
        for system in lems_treatments::CodeSystem::ALL {
            assert_eq!(
                t.code(*system).map(|x| x.code),
                t.codes()
                    .iter()
                    .find(|x| x.system == *system)
                    .map(|x| x.code)
            );
        }
        assert_eq!(
            t.atc(),
            t.code(lems_treatments::CodeSystem::Atc).map(|x| x.code)
        );
    }
    let listed: usize = Treatment::ALL.iter().map(|t| t.codes().len()).sum();
    assert_eq!(listed, total, "no code beyond the content");
    let y = &c.condition.item;
    assert_eq!(CONDITION.codes.len(), y.codes.len());
    for (code, yc) in CONDITION.codes.iter().zip(&y.codes) {
        assert_eq!(code.code, yc.code.0);
        assert!(CONDITION.has_code(code.system, code.code));
    }
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
