//! Facts derived from the checked content: the links between entities that
//! no single file states (a treatment's cautions through its class, reverse
//! links, lookup keys, guide order). Computed once, here, and used by every
//! consumer: the cross-file rules, the code generator, the renderer and the
//! editors' tool, so they cannot disagree.

use std::collections::{BTreeMap, BTreeSet};

use crate::load::Content;
use crate::names::{fold, variant_name};

/// Where a caution that applies to a treatment is stated.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum CautionOrigin {
    /// In the treatment's own file.
    Treatment,
    /// On a class: the treatment's own class or one of its ancestors (the id).
    Class(String),
}

/// Every derived relation, keyed by content id, in id order.
#[derive(Debug, Clone, Default)]
pub struct Relations {
    /// Each treatment's cautions, its classes' included, with where each is stated
    /// (the treatment itself first, then the nearest class).
    pub treatment_cautions: BTreeMap<String, BTreeMap<String, CautionOrigin>>,
    /// Each caution's treatments, directly or through a class.
    pub caution_treatments: BTreeMap<String, BTreeSet<String>>,
    /// Each caution's classes (the classes whose file names it).
    pub caution_categories: BTreeMap<String, BTreeSet<String>>,
    /// Each mechanism's treatments.
    pub mechanism_treatments: BTreeMap<String, BTreeSet<String>>,
    /// Each class's members, its sub-classes' included.
    pub class_members: BTreeMap<String, BTreeSet<String>>,
    /// Each class's direct sub-classes.
    pub class_children: BTreeMap<String, BTreeSet<String>>,
    /// Each class's cautions, its ancestors' included.
    pub class_cautions: BTreeMap<String, BTreeSet<String>>,
    /// Each class's ancestors, nearest first.
    pub class_ancestors: BTreeMap<String, Vec<String>>,
    /// "Used with", stated in both directions.
    pub used_with: BTreeMap<String, BTreeSet<String>>,
    /// Classes in guide order (by `order`, then id).
    pub guide_order: Vec<String>,
    /// The treatments that are care of an associated disease (every card
    /// points to them), in id order.
    pub associated_disease_care: Vec<String>,
}

impl Relations {
    /// Derives every relation from loaded content, checked or not (the
    /// cross-file rules run on it). Bounded: class chains stop at a repeat,
    /// so even unchecked cycles terminate.
    pub fn of(c: &Content) -> Relations {
        let mut r = Relations::default();
        for id in c.classes.keys() {
            r.class_ancestors.insert(id.clone(), ancestors(c, id));
        }
        for (id, l) in &c.classes {
            let mut all = BTreeSet::new();
            for cat in std::iter::once(id).chain(r.class_ancestors[id].iter()) {
                if let Some(x) = c.classes.get(cat) {
                    all.extend(x.item.cautions.iter().map(|x| x.0.clone()));
                }
            }
            r.class_cautions.insert(id.clone(), all);
            r.class_children.entry(id.clone()).or_default();
            if let Some(p) = &l.item.parent {
                r.class_children
                    .entry(p.0.clone())
                    .or_default()
                    .insert(id.clone());
            }
            for caution in &l.item.cautions {
                r.caution_categories
                    .entry(caution.0.clone())
                    .or_default()
                    .insert(id.clone());
            }
            r.class_members.entry(id.clone()).or_default();
        }
        for id in c.cautions.keys() {
            r.caution_treatments.entry(id.clone()).or_default();
            r.caution_categories.entry(id.clone()).or_default();
        }
        for id in c.mechanisms.keys() {
            r.mechanism_treatments.entry(id.clone()).or_default();
        }
        for (id, l) in &c.treatments {
            let mut own: BTreeMap<String, CautionOrigin> = l
                .item
                .cautions
                .iter()
                .map(|x| (x.0.clone(), CautionOrigin::Treatment))
                .collect();
            let cat = &l.item.category.0;
            let chain = std::iter::once(cat.clone())
                .chain(r.class_ancestors.get(cat).cloned().unwrap_or_default());
            for class in chain {
                if let Some(x) = c.classes.get(&class) {
                    for caution in &x.item.cautions {
                        own.entry(caution.0.clone())
                            .or_insert_with(|| CautionOrigin::Class(class.clone()));
                    }
                }
                r.class_members.entry(class).or_default().insert(id.clone());
            }
            for caution in own.keys() {
                r.caution_treatments
                    .entry(caution.clone())
                    .or_default()
                    .insert(id.clone());
            }
            r.treatment_cautions.insert(id.clone(), own);
            for m in &l.item.mechanisms {
                r.mechanism_treatments
                    .entry(m.0.clone())
                    .or_default()
                    .insert(id.clone());
            }
            r.used_with.entry(id.clone()).or_default();
            for o in &l.item.used_with {
                r.used_with
                    .entry(id.clone())
                    .or_default()
                    .insert(o.0.clone());
                r.used_with
                    .entry(o.0.clone())
                    .or_default()
                    .insert(id.clone());
            }
        }
        r.used_with.retain(|k, _| c.treatments.contains_key(k));
        r.associated_disease_care = c
            .treatments
            .iter()
            .filter(|(_, l)| l.item.kind == crate::model::TreatmentKind::AssociatedDiseaseCare)
            .map(|(id, _)| id.clone())
            .collect();
        let mut order: Vec<(u32, &String)> =
            c.classes.iter().map(|(id, l)| (l.item.order, id)).collect();
        order.sort();
        r.guide_order = order.into_iter().map(|(_, id)| id.clone()).collect();
        r
    }
}

/// A class's ancestors, nearest first; stops at a repeat.
fn ancestors(c: &Content, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::from([id.to_string()]);
    let mut next = c.classes.get(id).and_then(|l| l.item.parent.clone());
    while let Some(p) = next {
        if !seen.insert(p.0.clone()) {
            break;
        }
        next = c.classes.get(&p.0).and_then(|l| l.item.parent.clone());
        out.push(p.0);
    }
    out
}

/// The lookup keys of one kind of entity: every case-folded id, name (and for
/// treatments, synonym and brand) mapped to the Rust variant name. An id
/// always wins over another entity's name.
pub fn lookup_keys<'a>(
    entries: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>,
) -> BTreeMap<String, String> {
    let entries: Vec<(&str, Vec<&str>)> = entries.into_iter().collect();
    let mut keys = BTreeMap::new();
    for (id, _) in &entries {
        keys.insert(fold(id), variant_name(id));
    }
    for (id, names) in &entries {
        for n in names {
            keys.entry(fold(n)).or_insert_with(|| variant_name(id));
        }
    }
    keys
}

/// The treatment that `query` names (id, name, synonym or brand, any case, surrounding
/// space ignored), as the compiled crate's `FromStr` finds it.
pub fn find_treatment<'a>(c: &'a Content, query: &str) -> Option<&'a str> {
    let keys = treatment_keys(c);
    let var = keys.get(&fold(query.trim()))?;
    c.treatments
        .keys()
        .find(|id| &variant_name(id) == var)
        .map(String::as_str)
}

/// The lookup keys of treatments (see [`lookup_keys`]).
pub fn treatment_keys(c: &Content) -> BTreeMap<String, String> {
    lookup_keys(c.treatments.iter().map(|(id, l)| {
        let mut names = vec![l.item.name.as_str()];
        names.extend(l.item.synonyms.iter().map(|s| s.as_str()));
        names.extend(l.item.brands.iter().map(|b| b.name.as_str()));
        (id.as_str(), names)
    }))
}
