//! `references-resolve`: every reference of a treatment names an existing
//! entity, and every treatment cites a source.

use super::Cx;
use crate::load::Content;
use crate::model::FileKind;
use crate::relations::Relations;

/// Every reference names an existing entity, and every statement cites a source.
pub(super) fn check(c: &Content, _: &Relations, cx: &mut Cx) {
    for (id, l) in &c.treatments {
        let t = &l.item;
        let (file, doc) = (l.file.as_str(), &l.doc);
        cx.references(file, doc, "mechanisms", FileKind::Mechanism, &t.mechanisms);
        cx.references(file, doc, "cautions", FileKind::Caution, &t.cautions);
        cx.references(file, doc, "used_with", FileKind::Treatment, &t.used_with);
        cx.reference(file, doc, "/category", FileKind::Class, &t.category.0);
        cx.require_sources(file, doc, &format!("the treatment `{id}`"), &t.sources);
        for (i, r) in t.regulatory.iter().enumerate() {
            let pointer = format!("/regulatory/{i}/source");
            cx.reference(file, doc, &pointer, FileKind::Source, &r.source.0);
        }
        if let Some(ind) = &t.indication {
            let after = &ind.after_other;
            cx.references(file, doc, "indication/after_other", FileKind::Class, after);
            cx.reference(
                file,
                doc,
                "/indication/source",
                FileKind::Source,
                &ind.source.0,
            );
        }
    }
}
