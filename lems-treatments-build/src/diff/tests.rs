//! The diff's unit tests, on the repository's own content.

use super::*;
use crate::load::Content;
use crate::model::*;

#[test]
fn word_diff_keeps_spacing_and_marks_changed_words() {
    let d = word_diff("it helps a little", "it helps quite a lot");
    let joined_before: String = d
        .iter()
        .filter(|p| p.op != PieceOp::Insert)
        .map(|p| p.text.as_str())
        .collect();
    let joined_after: String = d
        .iter()
        .filter(|p| p.op != PieceOp::Delete)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(joined_before, "it helps a little");
    assert_eq!(joined_after, "it helps quite a lot");
    assert!(d
        .iter()
        .any(|p| p.op == PieceOp::Delete && p.text.contains("little")));
}

/// The tests' own content (`tests/fixture/data/`, a frozen copy of the
/// content): these cases edit particular entities, so they own them, and a
/// valid edit of the real `data/` never breaks them.
fn real() -> Content {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    load_at(&repo.join("tests/fixture"))
}

fn rules_of(d: &ContentDiff) -> Vec<(String, RuleId, bool)> {
    d.entities
        .iter()
        .flat_map(|e| {
            e.changes
                .iter()
                .map(|c| (c.field.clone(), c.rule, c.clinical))
        })
        .collect()
}

#[test]
fn identical_content_has_no_changes() {
    let c = real();
    let d = diff(&c, &c);
    assert!(d.entities.is_empty());
    assert_eq!(d.level(), None);
}

#[test]
fn safety_qualifiers_are_clinical() {
    let before = real();
    let mut after = before.clone();
    let ivig = &mut after
        .treatments
        .get_mut("intravenous_immunoglobulin")
        .expect("ivig")
        .item;
    let n = ivig
        .cautions_not_applied
        .first_mut()
        .expect("a decision not to apply a caution");
    n.reason = Text(format!("{} Reworded.", n.reason.0));
    let ami = &mut after
        .treatments
        .get_mut("amifampridine")
        .expect("amifampridine")
        .item;
    let p = ami
        .regulatory
        .iter_mut()
        .find_map(|r| r.population.as_mut())
        .expect("a population");
    p.min_age_years = Some(p.min_age_years.unwrap_or(0) + 1);
    let rit = &mut after
        .treatments
        .get_mut("rituximab")
        .expect("rituximab")
        .item;
    rit.indication = None;
    let caution = after
        .cautions
        .values_mut()
        .find(|c| c.item.grade.is_some())
        .expect("a graded caution");
    caution.item.grade = None;
    let d = diff(&before, &after);
    let rules = rules_of(&d);
    assert!(
        rules
            .iter()
            .any(|(f, r, c)| f.starts_with("cautions_not_applied[")
                && f.ends_with(".reason")
                && *r == RuleId::Text
                && *c),
        "{rules:?}"
    );
    assert!(
        rules
            .iter()
            .any(|(f, r, c)| f.ends_with(".population.min_age_years")
                && *r == RuleId::ChangedFact
                && *c),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("indication".into(), RuleId::ChangedFact, true)),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("grade".into(), RuleId::ChangedFact, true)),
        "{rules:?}"
    );
}

#[test]
fn usage_codes_and_regulatory_facts_are_compared_field_by_field() {
    let before = real();
    let mut after = before.clone();
    let t = &mut after
        .treatments
        .get_mut("amifampridine")
        .expect("amifampridine")
        .item;
    t.usage.insert(0, Text("A new first statement.".into()));
    t.codes.retain(|c| c.system != CodeSystem::Unii);
    t.regulatory[1].date = Some(PartialDate("2018-11".into()));
    let d = diff(&before, &after);
    let rules = rules_of(&d);
    assert!(
        rules.contains(&("usage[1]".into(), RuleId::Text, true)),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("codes".into(), RuleId::RemovedCode, true)),
        "{rules:?}"
    );
    assert!(
        rules
            .iter()
            .any(|(f, r, c)| f.ends_with(".date") && *r == RuleId::ChangedFact && *c),
        "{rules:?}"
    );
    // Only the inserted statement: the others are not reported as changed.
    assert_eq!(
        rules
            .iter()
            .filter(|(f, ..)| f.starts_with("usage"))
            .count(),
        1
    );
    let dec = d.decision.expect("a decision");
    assert_eq!(
        (dec.level, dec.rule.id),
        (Level::Major, RuleId::RemovedCode)
    );
}

#[test]
fn a_moved_locator_is_a_citation_change_a_patch_not_clinical() {
    let before = real();
    let mut after = before.clone();
    let t = &mut after
        .treatments
        .get_mut("amifampridine")
        .expect("amifampridine")
        .item;
    let article = t.sources[0].source().clone();
    t.sources[0] = Citation::of(&article, Some(&Text("Other therapies".into())));
    t.regulatory[1].at = Some(Text("US approval for LEMS in adults".into()));
    let s = &mut after
        .sources
        .get_mut(article.0.as_str())
        .expect("the article")
        .item;
    s.outline.push(Text("A new heading".into()));
    let d = diff(&before, &after);
    let rules = rules_of(&d);
    let cited = format!("{} § Other therapies", article.0);
    let moved = d
        .entities
        .iter()
        .flat_map(|e| &e.changes)
        .find(|c| c.field == "sources" && c.after.as_deref() == Some(cited.as_str()));
    assert!(moved.is_some(), "{rules:?}");
    // The fact's place changed inside a clinical fact, yet it is a citation.
    assert!(
        rules.iter().any(|(f, r, c)| f.starts_with("regulatory[")
            && f.ends_with(".at")
            && *r == RuleId::Text
            && !*c),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("outline".into(), RuleId::Text, false)),
        "{rules:?}"
    );
    assert!(
        rules.iter().all(|(_, r, c)| *r == RuleId::Text && !*c),
        "{rules:?}"
    );
    assert_eq!(d.level(), Some(Level::Patch));
    assert!(d.clinical_review.is_empty());
}

#[test]
fn a_removed_treatment_is_a_removed_id_and_a_case_change_is_wording() {
    let before = real();
    let mut after = before.clone();
    after.treatments.remove("guanidine");
    after
        .treatments
        .get_mut("pyridostigmine")
        .expect("pyridostigmine")
        .item
        .name = Text("PYRIDOSTIGMINE".into());
    let d = diff(&before, &after);
    let rules = rules_of(&d);
    assert!(
        rules.contains(&("id".into(), RuleId::RemovedId, false)),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("name".into(), RuleId::Text, false)),
        "{rules:?}"
    );
    assert_eq!(d.level(), Some(Level::Major));
}

#[test]
fn the_table_has_every_level_and_one_changelog_rule() {
    let md = rules_markdown();
    assert_eq!(md.lines().count(), RuleId::ALL.len() + 2);
    assert!(md.contains("| minor, called out in `CHANGELOG.md` |"));
    assert_eq!(RuleId::ALL.iter().filter(|r| r.changelog()).count(), 1);
    for l in [Level::Patch, Level::Minor, Level::Major] {
        assert!(RuleId::ALL.iter().any(|r| r.level() == l));
    }
}

#[test]
fn each_row_names_its_rule_as_json_does() {
    for rule in RuleId::ALL {
        let json = serde_json::to_string(&rule).expect("a rule serialises");
        assert_eq!(json, format!("\"{}\"", rule.name()));
    }
}

#[test]
fn certainty_words_and_caution_texts_are_clinical_and_plain_rewording_is_not() {
    let before = real();
    let mut after = before.clone();
    let g = &mut after
        .treatments
        .get_mut("guanidine")
        .expect("guanidine")
        .item;
    g.summary = Text(g.summary.0.replace("may harm", "can harm"));
    let c = &mut after
        .cautions
        .get_mut("amifampridine_seizure_history_contraindication")
        .expect("a contraindication")
        .item;
    c.for_the_patient = Text(
        c.for_the_patient
            .0
            .replace("should not be used", "can safely be used"),
    );
    let a = &mut after
        .treatments
        .get_mut("amifampridine")
        .expect("amifampridine")
        .item;
    a.summary = Text(format!("{} Reworded.", a.summary.0));
    let d = diff(&before, &after);
    let flagged: Vec<(&str, &str)> = d
        .clinical_review
        .iter()
        .map(|f| (f.id.as_str(), f.field.as_str()))
        .collect();
    assert!(flagged.contains(&("guanidine", "summary")), "{flagged:?}");
    assert!(
        flagged.contains(&(
            "amifampridine_seizure_history_contraindication",
            "for_the_patient"
        )),
        "{flagged:?}"
    );
    assert!(
        !flagged.contains(&("amifampridine", "summary")),
        "{flagged:?}"
    );
    assert_eq!(d.clinical_verdict, ClinicalVerdict::Required);
    let g = d
        .entities
        .iter()
        .find(|e| e.id == "guanidine")
        .expect("guanidine");
    assert_eq!(g.title.as_deref(), Some("Guanidine"));
    let marked: Vec<(PieceOp, &str, Option<Mark>)> = g.changes[0]
        .words
        .iter()
        .filter(|p| p.mark.is_some())
        .map(|p| (p.op, p.text.as_str(), p.mark))
        .collect();
    assert_eq!(
        marked,
        [
            (PieceOp::Delete, "may", Some(Mark::Certainty)),
            (PieceOp::Insert, "can", Some(Mark::Certainty))
        ]
    );
    assert_eq!(
        diff(&before, &before).clinical_verdict,
        ClinicalVerdict::None
    );
}

/// A copy of the tests' own tree at a fresh temporary folder.
fn fixture_copy(name: &str) -> std::path::PathBuf {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).expect("mkdir");
        for e in std::fs::read_dir(from).expect("read_dir").flatten() {
            let (src, dst) = (e.path(), to.join(e.file_name()));
            if src.is_dir() {
                copy(&src, &dst);
            } else {
                std::fs::copy(&src, &dst).expect("copy");
            }
        }
    }
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = std::env::temp_dir().join(format!("lems-diff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    copy(&repo.join("tests/fixture/data"), &root.join("data"));
    root
}

/// The content of the tree at `root` (with the repository's schema/).
fn load_at(root: &std::path::Path) -> Content {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut paths = crate::load::Paths::under(root);
    paths.schema = repo.join("schema");
    let report = crate::load(&paths, crate::load::SchemaCheck::Skip);
    report.content.expect("the content loads")
}

#[test]
fn a_reworded_text_shows_its_reading_level_before_and_after() {
    let root = fixture_copy("reading");
    let before = load_at(&root);
    let file = root.join("data/treatments/pyridostigmine.yaml");
    let yaml = std::fs::read_to_string(&file).expect("read");
    let (head, rest) = yaml.split_once("\nsummary:").expect("a summary");
    let (_, tail) = rest
        .split_once("\nusage:")
        .expect("usage after the summary");
    let hard = "Pharmacological inhibition of acetylcholinesterase consequently \
                prolongs neuromuscular transmission, considerably ameliorating \
                characteristic proximal musculature fatigability.";
    std::fs::write(&file, format!("{head}\nsummary: \"{hard}\"\nusage:{tail}")).expect("write");
    let after = load_at(&root);
    let d = diff(&before, &after);
    let c = d
        .entities
        .iter()
        .flat_map(|e| &e.changes)
        .find(|c| c.field == "summary")
        .expect("the summary changed");
    let r = c.reading.expect("a measured text has its reading level");
    let (b, a) = (r.before.expect("before"), r.after.expect("after"));
    assert!(a > r.target && a > b, "{r:?}");
    assert_eq!(r.target, 8.0);
    assert!(r.words().starts_with("reading grade "), "{}", r.words());
    // A text check does not measure (a name) has none.
    assert!(d
        .entities
        .iter()
        .flat_map(|e| &e.changes)
        .filter(|c| c.field == "name")
        .all(|c| c.reading.is_none()));
    let _ = std::fs::remove_dir_all(&root);
}
