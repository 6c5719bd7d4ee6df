//! `classes`: a class's parent and cautions resolve, its parent chain ends,
//! it does not repeat a caution it inherits, and it cites a source. Ancestors
//! and inherited cautions come from [`Relations`].

use super::class_cautions_once::repeated_cautions;
use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::Content;
use crate::model::FileKind;
use crate::relations::Relations;

/// Class references resolve, parent chains end, inherited cautions are not repeated, sources are cited.
pub(super) fn check(c: &Content, rel: &Relations, cx: &mut Cx) {
    for (id, l) in &c.classes {
        let class = &l.item;
        if let Some(parent) = &class.parent {
            cx.reference(&l.file, &l.doc, "/parent", FileKind::Class, &parent.0);
            // A parent chain must end; a cycle is reported on its own members.
            let own_ancestor = &parent.0 == id
                || rel
                    .class_ancestors
                    .get(&parent.0)
                    .is_some_and(|a| a.contains(id));
            if own_ancestor {
                let span = l.doc.locate("/parent");
                cx.push(
                    Diagnostic::new(
                        &l.file,
                        span.value.0,
                        Code::InvalidValue,
                        format!("the class `{id}` is its own ancestor (through `{id}`)"),
                    )
                    .at_pointer("/parent")
                    .with_help("a class's parent chain must end at a class with no parent"),
                );
            }
        }
        cx.references(
            &l.file,
            &l.doc,
            "cautions",
            FileKind::Caution,
            &class.cautions,
        );
        if let Some(parent) = &class.parent {
            repeated_cautions(
                cx,
                &l.doc,
                &l.file,
                &class.cautions,
                rel.class_cautions.get(&parent.0),
                &parent.0,
                "a class inherits its parents' cautions",
            );
        }
        cx.require_sources(
            &l.file,
            &l.doc,
            &format!("the class `{id}`"),
            &class.sources,
        );
    }
}
