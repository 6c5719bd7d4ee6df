//! `Caution`: the enum of cautions and its accessors, with the treatments
//! each applies to.

use proc_macro2::TokenStream;
use quote::quote;

use super::emit::{
    accessor, ident, named_entity_enum, opt_grade, relation_accessor, reviewed_accessor,
    sources_accessor, text_accessor,
};
use crate::model::ClosedSet;
use crate::render::View;

/// `Caution`, with the treatments each applies to (own or through the class).
pub(super) fn cautions(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let mut out = named_entity_enum(
        "Caution",
        "A caution that applies to one or more treatments.",
        &c.cautions,
        |x| &x.title,
        |x| &x.explanation,
    );
    let cs = &c.cautions;
    let ckind = accessor(
        "What kind of caution it is.",
        "kind",
        quote!(CautionKind),
        cs.iter().map(|(id, l)| {
            let k = ident(l.item.kind.variant());
            (id.as_str(), quote!(CautionKind::#k))
        }),
    );
    let expl = text_accessor(
        "What the risk is and why, in plain words.",
        "explanation",
        cs,
        |x| &x.explanation,
    );
    let patient = text_accessor(
        "What follows for the patient, such as monitoring.",
        "for_the_patient",
        cs,
        |x| &x.for_the_patient,
    );
    let csrc = sources_accessor("The sources it comes from.", cs);
    let ctreat = relation_accessor(
        "Every treatment it applies to, directly or through the treatment's class (computed at build time).",
        "treatments",
        "Treatment",
        &view.relations.caution_treatments,
    );
    let ccats = relation_accessor(
        "The classes that carry it for all their members.",
        "categories",
        "Category",
        &view.relations.caution_categories,
    );
    let cregion = accessor(
        "The region whose regulator states it, if it is regional.",
        "region",
        quote!(Option<Region>),
        cs.iter().map(|(id, l)| {
            let r = match l.item.region {
                Some(r) => {
                    let var = ident(r.variant());
                    quote!(Some(Region::#var))
                }
                None => quote!(None),
            };
            (id.as_str(), r)
        }),
    );
    let cgrade = accessor(
        "`Primary` or `Secondary`, when it comes from the graded reference table.",
        "grade",
        quote!(Option<Grade>),
        cs.iter()
            .map(|(id, l)| (id.as_str(), opt_grade(l.item.grade))),
    );
    let crev = reviewed_accessor(view.content, cs);
    out.extend(quote! { impl Caution { #ckind #expl #patient #cregion #cgrade #csrc #ctreat #ccats #crev } });
    out
}
