//! `Source`: the enum of every cited document and its accessors.

use proc_macro2::TokenStream;
use quote::quote;

use super::emit::{
    accessor, doc, entity_enum, ident, opt_str,
    Doc::{Content, Ours},
};
use crate::model::ClosedSet;
use crate::relations::lookup_keys;
use crate::render::View;

/// `Source`: every cited document.
pub(super) fn sources(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let mut out = TokenStream::new();
    let entries: Vec<(String, String, TokenStream)> = c
        .sources
        .iter()
        .map(|(id, l)| {
            let title = l.item.title.as_str();
            let line = match &l.item.publisher {
                Some(p) => doc(&[Content(title), Ours(", "), Content(p.as_str()), Ours(".")]),
                None => doc(&[Content(title), Ours(".")]),
            };
            (id.clone(), title.to_string(), line)
        })
        .collect();
    let keys = lookup_keys(
        c.sources
            .iter()
            .map(|(id, l)| (id.as_str(), vec![l.item.title.as_str()])),
    );
    out.extend(entity_enum(
        "Source",
        "A source that the content cites.",
        &entries,
        &keys,
    ));
    let src = &c.sources;
    let publisher = accessor(
        "Who published it, when the source names a publisher.",
        "publisher",
        quote!(Option<&'static str>),
        src.iter()
            .map(|(id, l)| (id.as_str(), opt_str(l.item.publisher.as_ref()))),
    );
    let note = accessor(
        "How it was read, when that matters.",
        "note",
        quote!(Option<&'static str>),
        src.iter()
            .map(|(id, l)| (id.as_str(), opt_str(l.item.note.as_ref()))),
    );
    let kind = accessor(
        "What kind of document it is.",
        "kind",
        quote!(SourceKind),
        src.iter().map(|(id, l)| {
            let k = ident(l.item.kind.variant());
            (id.as_str(), quote!(SourceKind::#k))
        }),
    );
    let updated = accessor(
        "When it was last updated (`YYYY-MM-DD`), if it says.",
        "last_updated",
        quote!(Option<&'static str>),
        src.iter().map(|(id, l)| {
            let d = match &l.item.last_updated {
                Some(d) => {
                    let d = d.0.as_str();
                    quote!(Some(#d))
                }
                None => quote!(None),
            };
            (id.as_str(), d)
        }),
    );
    let read = accessor(
        "When it was read (`YYYY-MM-DD`), where the reference table gives the date.",
        "read",
        quote!(Option<&'static str>),
        src.iter().map(|(id, l)| {
            let d = match &l.item.read {
                Some(d) => {
                    let d = d.0.as_str();
                    quote!(Some(#d))
                }
                None => quote!(None),
            };
            (id.as_str(), d)
        }),
    );
    out.extend(quote! { impl Source { #publisher #kind #updated #read #note } });
    out
}
