//! The comparison of two versions of a treatment (`data/treatments/`): its
//! names, facts, regulatory facts, resolved cautions, codes and clinical
//! qualifiers, in the order a report lists them.

use std::collections::BTreeMap;

use super::codes::codes;
use super::field::Fields;
use super::keyed::{pair_by, pair_up, Pair};
use super::regulatory::regulatory;
use super::show::Show;
use super::RuleId;
use crate::model::{CautionNotApplied, Indication, TreatmentFile};
use crate::names::fold;
use crate::relations::CautionOrigin;

/// Every change of a treatment.
pub(super) fn treatment(f: &mut Fields, b: &TreatmentFile, a: &TreatmentFile) {
    names(f, b, a);
    f.fact("kind", &b.kind, &a.kind, RuleId::ChangedFact);
    f.fact("category", &b.category, &a.category, RuleId::CautionOrClass);
    f.ids(
        "mechanisms",
        &b.mechanisms,
        &a.mechanisms,
        RuleId::ChangedFact,
    );
    f.text("summary", &b.summary.0, &a.summary.0);
    f.clinical(|f| f.text_list("usage", &b.usage, &a.usage));
    f.clinical(|f| regulatory(f, &b.regulatory, &a.regulatory));
    f.clinical(|f| resolved_cautions(f, b, a));
    f.clinical(|f| codes(f, &b.codes, &a.codes));
    f.ids("used_with", &b.used_with, &a.used_with, RuleId::ChangedFact);
    f.clinical(|f| indication(f, b.indication.as_ref(), a.indication.as_ref()));
    f.clinical(|f| not_applied(f, &b.cautions_not_applied, &a.cautions_not_applied));
    f.citations("sources", &b.sources, &a.sources);
}

/// The name, synonyms and brands (lookup keys), then each kept brand's regions (clinical).
fn names(f: &mut Fields, b: &TreatmentFile, a: &TreatmentFile) {
    f.name("name", &b.name.0, &a.name.0);
    f.name_list(
        "synonyms",
        b.synonyms.iter().map(|s| s.as_str()),
        a.synonyms.iter().map(|s| s.as_str()),
    );
    f.name_list(
        "brands",
        b.brands.iter().map(|x| x.name.as_str()),
        a.brands.iter().map(|x| x.name.as_str()),
    );
    f.clinical(|f| {
        for pair in pair_by(&b.brands, &a.brands, |x| fold(&x.name.0)) {
            if let Pair::Both(bb, ab) = pair {
                let field = format!("brands[{}].regions", ab.name.0);
                f.fact(&field, &bb.regions, &ab.regions, RuleId::ChangedFact);
            }
        }
    });
}

/// Resolved cautions: the treatment's own and its class's (with ancestors), from
/// each side's [`crate::relations::Relations`].
fn resolved_cautions(f: &mut Fields, b: &TreatmentFile, a: &TreatmentFile) {
    let rb = f.cx.before.cautions_of(f.id);
    let ra = f.cx.after.cautions_of(f.id);
    // A class's caution is said to come through the treatment's own class.
    let origin = |t: &TreatmentFile, o: &CautionOrigin| match o {
        CautionOrigin::Treatment => "its own".to_string(),
        CautionOrigin::Class(_) => format!("through class {}", t.category.0),
    };
    let field = "cautions (resolved)";
    for pair in pair_up(rb, ra) {
        match pair {
            Pair::Removed((c, o)) => {
                let note = format!("was {}", origin(b, o));
                f.record(field, Some(c.clone()), None, RuleId::CautionOrClass)
                    .note = Some(note);
            }
            Pair::Added((c, o)) => {
                let note = format!("newly applied, {}", origin(a, o));
                f.record(field, None, Some(c.clone()), RuleId::CautionOrClass)
                    .note = Some(note);
            }
            Pair::Both(..) => {}
        }
    }
}

/// A treatment's indication qualifiers.
fn indication(f: &mut Fields, before: Option<&Indication>, after: Option<&Indication>) {
    match (before, after) {
        (None, None) => {}
        (Some(b), Some(a)) => {
            f.opt_text("indication.note", b.note.as_ref(), a.note.as_ref());
            let (be, ae) = (b.effectiveness.as_ref(), a.effectiveness.as_ref());
            f.opt_text("indication.effectiveness", be, ae);
            let (bl, al) = (b.used_less_because.as_ref(), a.used_less_because.as_ref());
            f.opt_text("indication.used_less_because", bl, al);
            let field = "indication.after_other";
            f.ids(field, &b.after_other, &a.after_other, RuleId::ChangedFact);
            f.fact("indication.source", &b.source, &a.source, RuleId::Text);
            f.place("indication.at", b.at.as_ref(), a.at.as_ref());
        }
        (b, a) => {
            let rule = RuleId::ChangedFact;
            f.record("indication", b.map(Show::show), a.map(Show::show), rule);
        }
    }
}

/// Cautions recorded as not applied, matched by caution.
fn not_applied(f: &mut Fields, before: &[CautionNotApplied], after: &[CautionNotApplied]) {
    // Matched by caution; the last of a caution's records counts (as a map keeps it).
    let b: BTreeMap<&str, &CautionNotApplied> =
        before.iter().map(|n| (n.caution.0.as_str(), n)).collect();
    let a: BTreeMap<&str, &CautionNotApplied> =
        after.iter().map(|n| (n.caution.0.as_str(), n)).collect();
    let field = "cautions_not_applied";
    for pair in pair_up(b, a) {
        match pair {
            Pair::Removed(bn) => {
                let c = f.record(field, Some(bn.caution.0.clone()), None, RuleId::ChangedFact);
                c.note = Some(format!("was: {}", bn.reason.0));
            }
            Pair::Both(bn, an) => {
                let at = format!("{field}[{}]", bn.caution.0);
                f.text(&format!("{at}.reason"), &bn.reason.0, &an.reason.0);
                f.fact(
                    &format!("{at}.source"),
                    &bn.source,
                    &an.source,
                    RuleId::Text,
                );
                f.place(&format!("{at}.at"), bn.at.as_ref(), an.at.as_ref());
            }
            Pair::Added(an) => {
                let c = f.record(field, None, Some(an.caution.0.clone()), RuleId::ChangedFact);
                c.note = Some(format!("because: {}", an.reason.0));
            }
        }
    }
}
