//! `treatment-names-unambiguous`: the ids, names, synonyms and brands of
//! treatments point at one treatment only, and none looks like another's
//! (Unicode TR39 confusables).

use std::collections::{BTreeMap, BTreeSet};

use super::Cx;
use crate::diagnostic::{Code, Diagnostic};
use crate::escape::terminal;
use crate::load::Content;
use crate::names::fold;
use crate::relations::Relations;
use crate::text::hygiene::skeleton_key;

/// Names, synonyms and brands point at one treatment only and look like no other (TR39).
pub(super) fn check(c: &Content, _: &Relations, cx: &mut Cx) {
    // Names, synonyms and brands must point at one treatment only.
    let mut lookup: BTreeMap<String, (String, String)> = BTreeMap::new();
    // Names, synonyms and brands by TR39 skeleton: none may look like another.
    let mut looks: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (id, l) in &c.treatments {
        let t = &l.item;
        let mut names: Vec<(String, String)> = vec![
            ("/id".to_string(), id.clone()),
            ("/name".into(), t.name.0.clone()),
        ];
        names.extend(
            t.synonyms
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("/synonyms/{i}"), s.0.clone())),
        );
        names.extend(
            t.brands
                .iter()
                .enumerate()
                .map(|(i, b)| (format!("/brands/{i}/name"), b.name.0.clone())),
        );
        let mut own: BTreeSet<String> = BTreeSet::new();
        for (pointer, name) in names {
            let key = fold(&name);
            if !own.insert(key.clone()) {
                continue;
            }
            let skeleton = skeleton_key(&name);
            match looks.get(&skeleton) {
                Some((other_id, other_name)) if fold(other_name) != key => {
                    let span = l.doc.locate(&pointer);
                    cx.push(
                        Diagnostic::new(&l.file, span.value.0, Code::Confusable, format!("`{}` looks like `{}` of the treatment `{other_id}` (Unicode TR39 confusables), so readers could take one for the other", terminal(&name), terminal(other_name)))
                            .until(span.value.1)
                            .at_pointer(pointer.clone())
                            .with_help("use a name that differs in letters a reader can see; check for letters from another script"),
                    );
                }
                Some(_) => {}
                None => {
                    looks.insert(skeleton, (id.clone(), name.clone()));
                }
            }
            if let Some((other, _)) = lookup.get(&key) {
                let span = l.doc.locate(&pointer);
                cx.push(
                    Diagnostic::new(&l.file, span.value.0, Code::DuplicateId, format!("`{name}` also names the treatment `{other}`, so a lookup by it would be ambiguous"))
                        .at_pointer(pointer)
                        .with_help("each name, synonym and brand must belong to one treatment"),
                );
            } else {
                lookup.insert(key, (id.clone(), pointer));
            }
        }
    }
}
