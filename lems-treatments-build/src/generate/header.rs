//! The head of the generated file: the content fingerprint and the closed
//! sets of the model (regions, kinds, code systems, grades), each an enum.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::emit::{doc_attrs, ident, lookup_table};
use super::fingerprint;
use crate::model::{
    CautionKind, ClosedSet, CodeSystem, Grade, Region, RegulatoryStatus, SourceKind, Target,
    TreatmentKind,
};
use crate::names::fold;
use crate::render::View;

/// The fingerprint and the closed sets (regions, kinds, code systems, grades).
pub(super) fn header(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let mut out = TokenStream::new();
    let fp = fingerprint(c);
    out.extend(quote! {
        /// A fingerprint of all content (64-bit FNV-1a over the content in id
        /// order): it changes whenever any word of content changes, so an app
        /// can tell which content it shipped with.
        pub const CONTENT_FINGERPRINT: u64 = #fp;
    });
    out.extend(closed_set::<Region>());
    out.extend(closed_set::<RegulatoryStatus>());
    out.extend(closed_set::<TreatmentKind>());
    out.extend(closed_set::<CautionKind>());
    out.extend(closed_set::<Target>());
    out.extend(closed_set::<SourceKind>());
    out.extend(closed_set::<CodeSystem>());
    out.extend(closed_set::<Grade>());
    let uris = CodeSystem::ALL.iter().map(|cs| {
        let var = ident(cs.variant());
        let uri = match cs.fhir_uri() {
            Some(u) => quote!(Some(#u)),
            None => quote!(None),
        };
        quote! { Self::#var => #uri }
    });
    out.extend(quote! {
        impl CodeSystem {
            /// The FHIR `Coding.system` URI, where one is established; `None` for DrugBank and MeSH.
            pub const fn fhir_system(self) -> Option<&'static str> { match self { #(#uris,)* } }
        }
    });
    out
}

/// Emits a generated enum for a closed set from the model.
pub(super) fn closed_set<T: ClosedSet>() -> TokenStream {
    let name = ident(T::RUST_NAME);
    let doc = T::DOC.trim();
    let variants = T::ALL.iter().map(|x| {
        let d = x.doc().trim();
        let var = ident(x.variant());
        let d_doc = doc_attrs(d);
        quote! { #d_doc #var }
    });
    let all = T::ALL.iter().map(|x| ident(x.variant()));
    let ids = T::ALL.iter().map(|x| {
        let var = ident(x.variant());
        let id = x.yaml();
        quote! { Self::#var => #id }
    });
    let labels = T::ALL.iter().map(|x| {
        let var = ident(x.variant());
        let l = x.label();
        quote! { Self::#var => #l }
    });
    let mut keys: BTreeMap<String, String> = BTreeMap::new();
    for x in T::ALL {
        keys.insert(fold(x.yaml()), x.variant().to_string());
        keys.entry(fold(x.label()))
            .or_insert_with(|| x.variant().to_string());
    }
    let order: Vec<String> = T::ALL.iter().map(|x| x.variant().to_string()).collect();
    let table = lookup_table(&keys, &order);
    let doc_doc = doc_attrs(doc);
    quote! {
        #doc_doc
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        #[non_exhaustive]
        pub enum #name { #(#variants,)* }

        impl #name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[#(Self::#all),*];
            /// The value as written in the content's YAML.
            pub const fn id(self) -> &'static str { match self { #(#ids,)* } }
            /// A short label for readers.
            pub const fn name(self) -> &'static str { match self { #(#labels,)* } }
            /// Lookup keys (case-folded), filed by hash.
            const LOOKUP: Lookup<Self> = #table;
        }
    }
}
