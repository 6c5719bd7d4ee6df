//! The comparison of the two one-file entities: the condition
//! (`data/condition.yaml`) and the disclaimer (`data/disclaimer.yaml`).

use super::codes::codes;
use super::field::Fields;
use super::RuleId;
use crate::model::{ConditionFile, DisclaimerFile};

/// Every change of the condition.
pub(super) fn condition(f: &mut Fields, b: &ConditionFile, a: &ConditionFile) {
    f.text("name", &b.name.0, &a.name.0);
    f.text("abbreviation", &b.abbreviation.0, &a.abbreviation.0);
    f.text("summary", &b.summary.0, &a.summary.0);
    f.text("normal_signal", &b.normal_signal.0, &a.normal_signal.0);
    f.text(
        "what_goes_wrong",
        &b.what_goes_wrong.0,
        &a.what_goes_wrong.0,
    );
    f.clinical(|f| f.fact("curable", &b.curable, &a.curable, RuleId::ChangedFact));
    f.text("treatment_goal", &b.treatment_goal.0, &a.treatment_goal.0);
    let (bc, ac) = (&b.associated_cancer, &a.associated_cancer);
    f.text("associated_cancer.name", &bc.name.0, &ac.name.0);
    let (bs, as_) = (&bc.share_of_patients.0, &ac.share_of_patients.0);
    f.text("associated_cancer.share_of_patients", bs, as_);
    let (bn, an) = (&bc.treatment_note.0, &ac.treatment_note.0);
    f.text("associated_cancer.treatment_note", bn, an);
    f.clinical(|f| codes(f, &b.codes, &a.codes));
    f.citations("sources", &b.sources, &a.sources);
}

/// Every change of the disclaimer: its text is clinical.
pub(super) fn disclaimer(f: &mut Fields, b: &DisclaimerFile, a: &DisclaimerFile) {
    f.clinical(|f| f.text("text", &b.text.0, &a.text.0));
}
