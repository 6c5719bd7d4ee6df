//! `sources-cited`: every mechanism, every caution and the condition cite a
//! source that exists.

use super::Cx;
use crate::load::Content;
use crate::relations::Relations;

/// Mechanisms, cautions and the condition cite a source.
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
}
