//! `Category`: the enum of treatment classes (the public name keeps the
//! YAML's word), their tree, cautions, members and guide sections.

use proc_macro2::TokenStream;
use quote::quote;

use super::emit::{
    accessor, named_entity_enum, relation_accessor, reviewed_accessor, slice_of, sources_accessor,
    text_accessor, v,
};
use crate::render::View;

/// `Category`: the classes, their tree, cautions and members.
pub(super) fn classes(view: &View<'_>) -> TokenStream {
    let mut out = named_entity_enum(
        "Category",
        "A class of treatments.",
        &view.content.classes,
        |x| &x.name,
        |x| &x.description,
    );
    out.extend(category_tree(view));
    out.extend(category_contents(view));
    out
}

/// Where a class sits: its parent, children, place in the guide.
pub(super) fn category_tree(view: &View<'_>) -> TokenStream {
    let cats = &view.content.classes;
    let guide = slice_of("Category", view.relations.guide_order.iter().cloned());
    let parent = accessor(
        "The broader class it belongs to, if any.",
        "parent",
        quote!(Option<Category>),
        cats.iter().map(|(id, l)| {
            let p = match &l.item.parent {
                Some(p) => {
                    let var = v(&p.0);
                    quote!(Some(Category::#var))
                }
                None => quote!(None),
            };
            (id.as_str(), p)
        }),
    );
    let children = relation_accessor(
        "The classes directly under it.",
        "children",
        "Category",
        &view.relations.class_children,
    );
    let order = accessor(
        "Where it appears in guides: lower first.",
        "order",
        quote!(u32),
        cats.iter().map(|(id, l)| {
            let o = l.item.order;
            (id.as_str(), quote!(#o))
        }),
    );
    quote! {
        impl Category {
            /// Every class in guide order (by `order`, then id).
            pub const IN_GUIDE_ORDER: &'static [Category] = #guide;
            #parent #children #order
        }
    }
}

/// What a class says and holds: description, cautions, members, sources,
/// its guide section.
pub(super) fn category_contents(view: &View<'_>) -> TokenStream {
    let cats = &view.content.classes;
    let desc = text_accessor(
        "What its treatments have in common.",
        "description",
        cats,
        |x| &x.description,
    );
    let cat_cautions = relation_accessor(
        "The cautions it carries for every member, its parents' included.",
        "cautions",
        "Caution",
        &view.relations.class_cautions,
    );
    let members = relation_accessor(
        "The treatments in it or in any class under it (computed at build time).",
        "treatments",
        "Treatment",
        &view.relations.class_members,
    );
    let csrc = sources_accessor("The sources it comes from.", cats);
    let section = accessor(
        "The heading and description that open its part of the guide, in Markdown.",
        "guide_section",
        quote!(&'static str),
        cats.keys().map(|id| {
            let text = view.guide_section(id);
            (id.as_str(), quote!(#text))
        }),
    );
    let catrev = reviewed_accessor(view.content, cats);
    quote! {
        impl Category {
            #desc #cat_cautions #members #csrc #section #catrev
        }
    }
}
