//! The comparison of two versions of a caution (`data/cautions/`): all of it
//! is clinical (title, kind, texts, region, grade) but its review date and
//! sources.

use super::field::Fields;
use super::RuleId;
use crate::model::CautionFile;

/// Every change of a caution.
pub(super) fn caution(f: &mut Fields, b: &CautionFile, a: &CautionFile) {
    f.clinical(|f| {
        f.name("title", &b.title.0, &a.title.0);
        f.fact("kind", &b.kind, &a.kind, RuleId::ChangedFact);
        f.text("explanation", &b.explanation.0, &a.explanation.0);
        let (bp, ap) = (&b.for_the_patient.0, &a.for_the_patient.0);
        f.text("for_the_patient", bp, ap);
        f.fact("region", &b.region, &a.region, RuleId::ChangedFact);
        f.fact("grade", &b.grade, &a.grade, RuleId::ChangedFact);
    });
    f.citations("sources", &b.sources, &a.sources);
}
