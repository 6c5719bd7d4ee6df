//! The shared emitters every kind of content uses: identifiers, doc
//! attributes, the per-variant accessors (tables, one flat array, one string
//! literal), the lookup table and the common surface of an entity enum.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::FLAT_ABOVE;
use crate::load::{Content, Loaded};
use crate::model::{
    CautionFile, Citation, ClassFile, ClosedSet, CodeEntry, Date, Grade, MechanismFile, Text,
    TreatmentFile,
};
use crate::names::{lookup_hash, variant_name};
use crate::relations::lookup_keys;

pub(super) fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// A piece of doc text: the generator's own Markdown (a `&'static str`, so
/// it can only be written in this crate), or content, which is shown
/// exactly as written (see [`crate::escape::rustdoc`]).
#[derive(Clone, Copy)]
pub(super) enum Doc<'a> {
    /// Markdown written here: formatting around content, accessor docs.
    Ours(&'static str),
    /// Content text: never code, a link, HTML or any other markup.
    Content(&'a str),
}

/// The one emitter of doc attributes: the parts joined, one `#[doc]` per
/// line, each with a leading space so it renders as `/// text`. The text stays
/// a string literal, so nothing in it can end a comment or start code;
/// content goes through [`crate::escape::rustdoc`], so rustdoc shows it
/// verbatim: no doctest, link or HTML, and no character a comment may not
/// hold (controls, bidi controls, which rustc rejects in comments). The data
/// itself is never changed: only its rendering in docs.
pub(super) fn doc(parts: &[Doc<'_>]) -> TokenStream {
    let markdown: String = parts
        .iter()
        .map(|part| match part {
            Doc::Ours(text) => std::borrow::Cow::Borrowed(*text),
            Doc::Content(text) => std::borrow::Cow::Owned(crate::escape::rustdoc(text)),
        })
        .collect();
    let lines = markdown
        .trim()
        .lines()
        .map(|l| format!(" {}", l.trim_end()));
    quote! { #(#[doc = #lines])* }
}

/// Doc attributes for the generator's own Markdown (no content): [`doc`].
pub(super) fn doc_attrs(ours: &'static str) -> TokenStream {
    doc(&[Doc::Ours(ours)])
}

pub(super) fn v(id: &str) -> Ident {
    ident(&variant_name(id))
}

/// The lookup table of one enum (see `Lookup` in `src/lib.rs`): the folded
/// keys, sorted, as one string; per key where it ends and the position in
/// `ALL` (declaration order, `order`) of the variant it names; and an
/// open-addressing hash table of key numbers, at most half full. Positions
/// instead of paths to variants, and byte strings instead of arrays, keep
/// rustc's cost linear in the number of keys.
pub(super) fn lookup_table(keys: &BTreeMap<String, String>, order: &[String]) -> TokenStream {
    let position: BTreeMap<&str, u32> = order.iter().map(String::as_str).zip(0..).collect();
    let mut all = String::new();
    let mut entries = Vec::new();
    let size = (2 * keys.len()).next_power_of_two();
    let mut slots = vec![0u32; size];
    for (number, (key, variant)) in (1u32..).zip(keys) {
        all.push_str(key);
        // Neither fallback can happen (the tree's byte budget keeps every
        // offset far below `u32::MAX`, and every key names a variant of
        // `order`), and both fail closed: the key finds nothing.
        entries.push(u32::try_from(all.len()).unwrap_or(u32::MAX));
        entries.push(position.get(variant.as_str()).copied().unwrap_or(u32::MAX));
        let mask = size - 1;
        let mut slot = usize::try_from(lookup_hash(key) & mask as u64).unwrap_or_default();
        while slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        slots[slot] = number;
    }
    let entries = packed_u32(&entries);
    let slots = packed_u32(&slots);
    quote! { Lookup { all: Self::ALL, keys: #all, entries: #entries, slots: #slots } }
}

/// A byte-string literal of little-endian `u32`s (read by `u32_at` in
/// `src/lib.rs`).
fn packed_u32(values: &[u32]) -> proc_macro2::Literal {
    let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
    proc_macro2::Literal::byte_string(&bytes)
}

pub(super) fn opt_str(s: Option<&Text>) -> TokenStream {
    match s {
        Some(t) => {
            let t = t.as_str();
            quote! { Some(#t) }
        }
        None => quote! { None },
    }
}

/// A `const fn` that reads one value per variant from a `const` table,
/// indexed by the variant's position. Variants are declared in id order, so
/// the arms are sorted by id; a table whose length is not `Self::COUNT`
/// (a missing or extra arm) is a compile error, never a wrong answer. A table
/// keeps rustc's time and memory linear in the content, where a `match` with
/// one arm per variant in every accessor does not.
pub(super) fn accessor<'a>(
    doc: &'static str,
    name: &str,
    ret: TokenStream,
    arms: impl Iterator<Item = (&'a str, TokenStream)>,
) -> TokenStream {
    let name = ident(name);
    let mut arms: Vec<(&str, TokenStream)> = arms.collect();
    arms.sort_by(|a, b| a.0.cmp(b.0));
    let doc_doc = doc_attrs(doc);
    if arms.is_empty() {
        return quote! {
            #doc_doc
            pub const fn #name(self) -> #ret { match self {} }
        };
    }
    // Many texts: one string literal (see `one_literal_text`).
    if arms.len() > FLAT_ABOVE && ret.to_string() == "& 'static str" {
        let texts: Option<Vec<String>> = arms
            .iter()
            .map(|(_, body)| {
                syn::parse2::<syn::LitStr>(body.clone())
                    .ok()
                    .map(|l| l.value())
            })
            .collect();
        if let Some(texts) = texts {
            let text = one_literal_text(texts, quote!(self));
            return quote! {
                #doc_doc
                #[inline] pub const fn #name(self) -> #ret { #text }
            };
        }
    }
    // Few variants: a table of slices, one load per call. Many: one flat
    // array, which keeps rustc linear (see `flat_slice_accessor`).
    let flat = (arms.len() > FLAT_ABOVE)
        .then(|| flat_slice_accessor(&ret, &arms))
        .flatten();
    if let Some(tokens) = flat {
        return quote! {
            #doc_doc
            #[inline] pub const fn #name(self) -> #ret { #tokens }
        };
    }
    let values = arms.iter().map(|(_, body)| body);
    let n = proc_macro2::Literal::usize_unsuffixed(arms.len());
    quote! {
        #doc_doc
        #[inline] pub const fn #name(self) -> #ret {
            #[allow(clippy::redundant_static_lifetimes)]
            const TABLE: [#ret; #n] = [#(#values),*];
            const { assert!(TABLE.len() == Self::COUNT) };
            TABLE[self as usize]
        }
    }
}

/// For an accessor returning `&'static [T]` whose every value is a `&[…]`
/// literal: all elements in one `const` array and a table of where each
/// variant's run ends. One array instead of one promoted slice per variant
/// keeps rustc linear and lean with thousands of treatments. `None` when the
/// accessor is not of that shape.
fn flat_slice_accessor(ret: &TokenStream, arms: &[(&str, TokenStream)]) -> Option<TokenStream> {
    use proc_macro2::{Delimiter, TokenTree};
    fn bracketed(tokens: &TokenStream) -> Option<TokenStream> {
        let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
        match trees.as_slice() {
            [TokenTree::Punct(amp), rest @ ..] if amp.as_char() == '&' => match rest.last() {
                Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Bracket => {
                    Some(g.stream())
                }
                _ => None,
            },
            _ => None,
        }
    }
    let element = bracketed(ret)?;
    let mut items: Vec<TokenStream> = Vec::new();
    let mut ends = Vec::new();
    for (_, body) in arms {
        let mut current = TokenStream::new();
        for tree in bracketed(body)? {
            match &tree {
                TokenTree::Punct(p) if p.as_char() == ',' => {
                    items.push(std::mem::take(&mut current));
                }
                _ => current.extend([tree]),
            }
        }
        if !current.is_empty() {
            items.push(current);
        }
        ends.push(proc_macro2::Literal::usize_unsuffixed(items.len()));
    }
    let m = proc_macro2::Literal::usize_unsuffixed(items.len());
    let n = proc_macro2::Literal::usize_unsuffixed(ends.len());
    Some(quote! {
        #[allow(clippy::redundant_static_lifetimes)]
        const ITEMS: [#element; #m] = [#(#items),*];
        const ENDS: [usize; #n] = [#(#ends),*];
        const { assert!(ENDS.len() == Self::COUNT) };
        let i = self as usize;
        let start = if i == 0 { 0 } else { ENDS[i - 1] };
        let all: &'static [#element] = &ITEMS;
        let (_, rest) = all.split_at(start);
        rest.split_at(ENDS[i] - start).0
    })
}

/// An accessor for one long text per variant (in variant order), stored as
/// one string literal and a table of where each text ends. rustc pays for
/// each string literal far more than for its bytes (5,000 cards as 5,000
/// literals cost 12 s and 1.2 GB; as one, 3 s and 0.5 GB), so long texts go
/// in one.
pub(super) fn texts_in_one_literal(
    doc: &'static str,
    name: &str,
    texts: impl Iterator<Item = String>,
) -> TokenStream {
    let name = ident(name);
    let doc_doc = doc_attrs(doc);
    let texts: Vec<String> = texts.collect();
    if texts.is_empty() {
        return quote! {
            #doc_doc
            pub const fn #name(self) -> &'static str { match self {} }
        };
    }
    let text = one_literal_text(texts, quote!(self));
    quote! {
        #doc_doc
        #[inline] pub const fn #name(self) -> &'static str { #text }
    }
}

/// A block that evaluates to the text of variant `this` (an expression of
/// the enum's type), from one string literal holding every text in variant
/// order and a table of where each ends.
fn one_literal_text(texts: impl IntoIterator<Item = String>, this: TokenStream) -> TokenStream {
    let mut all = String::new();
    let mut ends = Vec::new();
    for t in texts {
        all.push_str(&t);
        ends.push(proc_macro2::Literal::usize_unsuffixed(all.len()));
    }
    let n = proc_macro2::Literal::usize_unsuffixed(ends.len());
    quote! {{
        const TEXTS: &str = #all;
        const ENDS: [usize; #n] = [#(#ends),*];
        const { assert!(ENDS.len() == Self::COUNT) };
        let i = #this as usize;
        let start = if i == 0 { 0 } else { ENDS[i - 1] };
        let (_, rest) = TEXTS.as_bytes().split_at(start);
        let (text, _) = rest.split_at(ENDS[i] - start);
        // Every end is a char boundary (the texts were joined whole).
        // (`unwrap_or_default` is not `const`.)
        #[allow(clippy::manual_unwrap_or_default, clippy::manual_unwrap_or)]
        let text = match core::str::from_utf8(text) {
            Ok(text) => text,
            Err(_) => "",
        };
        text
    }}
}

/// An accessor returning one text field of every entity.
pub(super) fn text_accessor<T>(
    doc: &'static str,
    name: &str,
    items: &BTreeMap<String, Loaded<T>>,
    field: fn(&T) -> &Text,
) -> TokenStream {
    accessor(
        doc,
        name,
        quote!(&'static str),
        items.iter().map(|(id, l)| {
            let t = field(&l.item).as_str();
            (id.as_str(), quote!(#t))
        }),
    )
}

/// The `sources()` accessor of an entity kind.
pub(super) fn sources_accessor<T: HasSources>(
    doc: &'static str,
    items: &BTreeMap<String, Loaded<T>>,
) -> TokenStream {
    accessor(
        doc,
        "sources",
        quote!(&'static [Source]),
        items.iter().map(|(id, l)| {
            (
                id.as_str(),
                slice_of("Source", l.item.sources().iter().map(|s| s.0.clone())),
            )
        }),
    )
}

/// Entities that cite sources.
pub(super) trait HasSources {
    fn sources(&self) -> &[Citation];
}

macro_rules! has_sources {
    ($($t:ty),*) => { $(impl HasSources for $t { fn sources(&self) -> &[Citation] { &self.sources } })* };
}
has_sources!(TreatmentFile, ClassFile, MechanismFile, CautionFile);

pub(super) fn opt_date(d: Option<&Date>) -> TokenStream {
    match d {
        Some(d) => {
            let d = d.0.as_str();
            quote!(Some(#d))
        }
        None => quote!(None),
    }
}

pub(super) fn opt_grade(g: Option<Grade>) -> TokenStream {
    match g {
        Some(g) => {
            let g = ident(g.variant());
            quote!(Some(Grade::#g))
        }
        None => quote!(None),
    }
}

/// The `reviewed()` and `review_status()` accessors of an entity kind,
/// derived from the review records (`data/reviews.yaml`).
pub(super) fn reviewed_accessor<T>(
    c: &Content,
    items: &BTreeMap<String, Loaded<T>>,
) -> TokenStream {
    let reviewed = accessor(
        "The day its file was last checked against its sources (`YYYY-MM-DD`), when a recorded review covers the file as it is now.",
        "reviewed",
        quote!(Option<&'static str>),
        items
            .iter()
            .map(|(id, l)| (id.as_str(), opt_date(c.reviews.status(&l.file).checked_on()))),
    );
    let status = accessor(
        "What the review records say of its file, in plain words: `checked against its sources on D; not approved by a clinician`, `…; approved by R on D`, `changed since its last review (…)` or `never reviewed`.",
        "review_status",
        quote!(&'static str),
        items.iter().map(|(id, l)| {
            let s = c.reviews.status(&l.file).summary();
            (id.as_str(), quote!(#s))
        }),
    );
    quote! { #reviewed #status }
}

pub(super) fn slice_of(kind: &str, ids: impl IntoIterator<Item = String>) -> TokenStream {
    let kind = ident(kind);
    let items = ids.into_iter().map(|id| {
        let var = v(&id);
        quote! { #kind::#var }
    });
    quote! { &[#(#items),*] }
}

/// An accessor returning, per entity, the ids a relation gives it as a
/// slice of `kind` (the relations are computed at build time).
pub(super) fn relation_accessor(
    doc: &'static str,
    name: &str,
    kind: &str,
    relation: &BTreeMap<String, BTreeSet<String>>,
) -> TokenStream {
    let element = ident(kind);
    accessor(
        doc,
        name,
        quote!(&'static [#element]),
        relation
            .iter()
            .map(|(id, ids)| (id.as_str(), slice_of(kind, ids.iter().cloned()))),
    )
}

/// The enum of a kind whose entities are looked up by id and one name, each
/// variant documented by its name in bold and a line of explanation.
pub(super) fn named_entity_enum<T>(
    rust: &str,
    doc: &'static str,
    items: &BTreeMap<String, Loaded<T>>,
    name: fn(&T) -> &Text,
    blurb: fn(&T) -> &Text,
) -> TokenStream {
    let entries: Vec<(String, String, TokenStream)> = items
        .iter()
        .map(|(id, l)| {
            let n = name(&l.item).as_str();
            (
                id.clone(),
                n.to_string(),
                bold_name_then(n, blurb(&l.item).as_str()),
            )
        })
        .collect();
    let keys = lookup_keys(
        items
            .iter()
            .map(|(id, l)| (id.as_str(), vec![name(&l.item).as_str()])),
    );
    entity_enum(rust, doc, &entries, &keys)
}

/// The doc of a variant: its name in bold, then a line of explanation, both
/// content.
pub(super) fn bold_name_then(name: &str, blurb: &str) -> TokenStream {
    use Doc::{Content, Ours};
    doc(&[Ours("**"), Content(name), Ours("**: "), Content(blurb)])
}

pub(super) fn code_slice(codes: &[CodeEntry]) -> TokenStream {
    let items = codes.iter().map(|c| {
        let system = ident(c.system.variant());
        let grade = ident(c.grade.variant());
        let code = c.code.as_str();
        let label = opt_str(c.label.as_ref());
        let note = opt_str(c.note.as_ref());
        let source = v(&c.source.0);
        quote! { Code { system: CodeSystem::#system, code: #code, label: #label, note: #note, source: Source::#source, grade: Grade::#grade } }
    });
    quote! { &[#(#items),*] }
}

pub(super) fn strs<'a>(items: impl IntoIterator<Item = &'a str>) -> TokenStream {
    let items: Vec<&str> = items.into_iter().collect();
    quote! { &[#(#items),*] }
}

/// An enum of content entities with the common surface: per entry its id,
/// its name and the doc attributes of its variant.
pub(super) fn entity_enum(
    rust: &str,
    doc: &'static str,
    entries: &[(String, String, TokenStream)],
    lookup: &BTreeMap<String, String>,
) -> TokenStream {
    let name = ident(rust);
    let variants = entries.iter().map(|(id, _, d)| {
        let var = v(id);
        quote! { #d #var }
    });
    let all = entries.iter().map(|(id, _, _)| v(id));
    let ids = accessor(
        "The content id, as in the YAML (`snake_case`).",
        "id",
        quote!(&'static str),
        entries.iter().map(|(id, _, _)| (id.as_str(), quote!(#id))),
    );
    let names = accessor(
        "The name a reader sees.",
        "name",
        quote!(&'static str),
        entries.iter().map(|(id, n, _)| (id.as_str(), quote!(#n))),
    );
    let order: Vec<String> = entries.iter().map(|(id, _, _)| variant_name(id)).collect();
    let table = lookup_table(lookup, &order);
    let count = entries.len();
    // `Debug` by hand: a derived one is a match with an arm per variant, which
    // costs rustc hundreds of MB with thousands of treatments.
    let derive =
        quote! { #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)] #[non_exhaustive] };
    let variant_names = one_literal_text(
        entries.iter().map(|(id, _, _)| variant_name(id)),
        quote!(*self),
    );
    let debug = quote! {
        impl core::fmt::Debug for #name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(#variant_names)
            }
        }
    };
    let doc_doc = doc_attrs(doc);
    quote! {
        #doc_doc
        #derive
        pub enum #name { #(#variants,)* }

        #debug

        impl #name {
            /// Every value, in id order.
            pub const ALL: &'static [Self] = &[#(Self::#all),*];
            /// How many values there are.
            pub const COUNT: usize = #count;
            #ids
            #names
            /// Lookup keys (case-folded), filed by hash.
            const LOOKUP: Lookup<Self> = #table;
        }
    }
}
