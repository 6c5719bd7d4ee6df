//! The comparison of two versions of a mechanism (`data/mechanisms/`).

use super::field::Fields;
use super::RuleId;
use crate::model::MechanismFile;

/// Every change of a mechanism.
pub(super) fn mechanism(f: &mut Fields, b: &MechanismFile, a: &MechanismFile) {
    f.name("name", &b.name.0, &a.name.0);
    f.fact("target", &b.target, &a.target, RuleId::ChangedFact);
    f.text("explanation", &b.explanation.0, &a.explanation.0);
    f.citations("sources", &b.sources, &a.sources);
}
