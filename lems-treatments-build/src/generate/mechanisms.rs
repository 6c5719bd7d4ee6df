//! `Mechanism`: the enum of how treatments work and its accessors.

use proc_macro2::TokenStream;
use quote::quote;

use super::emit::{
    accessor, ident, named_entity_enum, relation_accessor, reviewed_accessor, sources_accessor,
    text_accessor,
};
use crate::model::ClosedSet;
use crate::render::View;

/// `Mechanism`, with the treatments that work each way.
pub(super) fn mechanisms(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let mut out = named_entity_enum(
        "Mechanism",
        "How a treatment works.",
        &c.mechanisms,
        |x| &x.name,
        |x| &x.explanation,
    );
    let ms = &c.mechanisms;
    let target = accessor(
        "Which part of the disease story it acts on.",
        "target",
        quote!(Target),
        ms.iter().map(|(id, l)| {
            let k = ident(l.item.target.variant());
            (id.as_str(), quote!(Target::#k))
        }),
    );
    let mexpl = text_accessor("How it works, in plain words.", "explanation", ms, |x| {
        &x.explanation
    });
    let msrc = sources_accessor("The sources it comes from.", ms);
    let mrev = reviewed_accessor(view.content, ms);
    let mtreat = relation_accessor(
        "The treatments that work this way (computed at build time).",
        "treatments",
        "Treatment",
        &view.relations.mechanism_treatments,
    );
    out.extend(quote! { impl Mechanism { #target #mexpl #msrc #mtreat #mrev } });
    out
}
