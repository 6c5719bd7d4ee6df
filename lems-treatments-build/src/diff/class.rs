//! The comparison of two versions of a treatment class (`data/categories/`).

use super::field::Fields;
use super::RuleId;
use crate::model::ClassFile;

/// Every change of a class.
pub(super) fn class(f: &mut Fields, b: &ClassFile, a: &ClassFile) {
    f.name("name", &b.name.0, &a.name.0);
    f.fact("parent", &b.parent, &a.parent, RuleId::CautionOrClass);
    f.fact("order", &b.order, &a.order, RuleId::ChangedFact);
    f.text("description", &b.description.0, &a.description.0);
    f.ids("cautions", &b.cautions, &a.cautions, RuleId::CautionOrClass);
    f.citations("sources", &b.sources, &a.sources);
}
