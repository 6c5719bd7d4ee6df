//! The comparison of two versions of a source (`data/sources/`): all wording
//! and citation (its date read, its web address, the places it declares).

use super::field::Fields;
use super::RuleId;
use crate::model::SourceFile;

/// Every change of a source.
pub(super) fn source(f: &mut Fields, b: &SourceFile, a: &SourceFile) {
    f.name("title", &b.title.0, &a.title.0);
    f.opt_text("publisher", b.publisher.as_ref(), a.publisher.as_ref());
    f.fact("kind", &b.kind, &a.kind, RuleId::Text);
    let (bu, au) = (&b.last_updated, &a.last_updated);
    f.fact("last_updated", bu, au, RuleId::Text);
    f.opt_text("note", b.note.as_ref(), a.note.as_ref());
    f.fact("read", &b.read, &a.read, RuleId::Text);
    f.fact("address", &b.address, &a.address, RuleId::Text);
    f.places("outline", &b.outline, &a.outline);
}
