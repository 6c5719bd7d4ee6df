//! `sources-cited`: every mechanism, every caution, the condition and every
//! glossary term cite a source that exists.

use super::Cx;
use crate::load::Content;
use crate::model::FileKind;
use crate::relations::Relations;

/// Mechanisms, cautions, the condition and glossary terms cite a source.
pub(super) fn check(c: &Content, _: &Relations, cx: &mut Cx) {
    for (id, l) in &c.mechanisms {
        let what = format!("the mechanism `{id}`");
        cx.require_sources(&l.file, &l.doc, &what, &l.item.sources);
    }
    for (id, l) in &c.cautions {
        let what = format!("the caution `{id}`");
        cx.require_sources(&l.file, &l.doc, &what, &l.item.sources);
    }
    let l = &c.condition;
    cx.require_sources(&l.file, &l.doc, "the condition", &l.item.sources);
    if let Some(g) = &c.glossary {
        for (i, term) in g.item.terms.iter().enumerate() {
            let field = format!("terms/{i}/sources");
            cx.references(&g.file, &g.doc, &field, FileKind::Source, &term.sources);
        }
    }
}
