//! The code generator: checked content in, formatted Rust out.
//!
//! Every string reaches the output through `proc_macro2::Literal` (via
//! `quote`), which escapes it, so no content text can change the code's shape.
//! Output is ordered by id through `BTreeMap`s, so it is byte-for-byte
//! deterministic.

mod format;

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::load::{Content, Loaded};
use crate::model::*;
use crate::names::{fold, lookup_hash, variant_name};
use crate::relations::{lookup_keys, treatment_keys, CautionOrigin, Relations};
use crate::render::View;

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// Doc attributes for any text: one `#[doc]` per line, each with a leading
/// space so it renders as `/// text`. The text stays a string literal, so
/// nothing in it can end a comment or start code; line breaks of every kind
/// split lines, and characters a comment may not hold (controls, bidi
/// controls, which rustc rejects in comments) become spaces. The data itself
/// is never changed: only its rendering in docs.
fn doc_attrs(text: &str) -> TokenStream {
    let clean: String = text
        .chars()
        .map(|c| match c {
            '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => '\n',
            c if c.is_control() && c != '\n' => ' ',
            c if crate::chars::invisible_char_name(c).is_some() => ' ',
            c => c,
        })
        .collect();
    let lines = clean.trim().lines().map(|l| format!(" {}", l.trim_end()));
    quote! { #(#[doc = #lines])* }
}

fn v(id: &str) -> Ident {
    ident(&variant_name(id))
}

/// Emits a generated enum for a closed set from the model.
fn closed_set<T: ClosedSet>() -> TokenStream {
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

/// The lookup table of one enum (see `Lookup` in `src/lib.rs`): the folded
/// keys, sorted, as one string; per key where it ends and the position in
/// `ALL` (declaration order, `order`) of the variant it names; and an
/// open-addressing hash table of key numbers, at most half full. Positions
/// instead of paths to variants, and byte strings instead of arrays, keep
/// rustc's cost linear in the number of keys.
fn lookup_table(keys: &BTreeMap<String, String>, order: &[String]) -> TokenStream {
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

fn opt_str(s: Option<&Text>) -> TokenStream {
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
fn accessor<'a>(
    doc: &str,
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

/// Above this many variants, list accessors read one flat array (cheap for
/// rustc at any size) instead of a table of slices (fastest to call).
pub const FLAT_ABOVE: usize = 64;

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
fn texts_in_one_literal(doc: &str, name: &str, texts: impl Iterator<Item = String>) -> TokenStream {
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
fn text_accessor<T>(
    doc: &str,
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
fn sources_accessor<T: HasSources>(doc: &str, items: &BTreeMap<String, Loaded<T>>) -> TokenStream {
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
trait HasSources {
    fn sources(&self) -> &[Id];
}

macro_rules! has_sources {
    ($($t:ty),*) => { $(impl HasSources for $t { fn sources(&self) -> &[Id] { &self.sources } })* };
}
has_sources!(TreatmentFile, ClassFile, MechanismFile, CautionFile);

/// Entities that record when they were last reviewed against their sources.
trait HasReviewed {
    fn reviewed(&self) -> Option<&Date>;
}

macro_rules! has_reviewed {
    ($($t:ty),*) => { $(impl HasReviewed for $t { fn reviewed(&self) -> Option<&Date> { self.reviewed.as_ref() } })* };
}
has_reviewed!(TreatmentFile, ClassFile, MechanismFile, CautionFile);

fn opt_date(d: Option<&Date>) -> TokenStream {
    match d {
        Some(d) => {
            let d = d.0.as_str();
            quote!(Some(#d))
        }
        None => quote!(None),
    }
}

fn opt_grade(g: Option<Grade>) -> TokenStream {
    match g {
        Some(g) => {
            let g = ident(g.variant());
            quote!(Some(Grade::#g))
        }
        None => quote!(None),
    }
}

/// The `reviewed()` accessor of an entity kind.
fn reviewed_accessor<T: HasReviewed>(items: &BTreeMap<String, Loaded<T>>) -> TokenStream {
    accessor(
        "When its file was last reviewed against its sources (`YYYY-MM-DD`), if recorded.",
        "reviewed",
        quote!(Option<&'static str>),
        items
            .iter()
            .map(|(id, l)| (id.as_str(), opt_date(l.item.reviewed()))),
    )
}

fn slice_of(kind: &str, ids: impl IntoIterator<Item = String>) -> TokenStream {
    let kind = ident(kind);
    let items = ids.into_iter().map(|id| {
        let var = v(&id);
        quote! { #kind::#var }
    });
    quote! { &[#(#items),*] }
}

/// An accessor returning, per entity, the ids a relation gives it as a
/// slice of `kind` (the relations are computed at build time).
fn relation_accessor(
    doc: &str,
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
fn named_entity_enum<T>(
    rust: &str,
    doc: &str,
    items: &BTreeMap<String, Loaded<T>>,
    name: fn(&T) -> &Text,
    blurb: fn(&T) -> &Text,
) -> TokenStream {
    let entries: Vec<(String, String, String)> = items
        .iter()
        .map(|(id, l)| {
            let n = name(&l.item).as_str();
            let line = format!("**{n}**: {}", blurb(&l.item).as_str());
            (id.clone(), n.to_string(), line)
        })
        .collect();
    let keys = lookup_keys(
        items
            .iter()
            .map(|(id, l)| (id.as_str(), vec![name(&l.item).as_str()])),
    );
    entity_enum(rust, doc, &entries, &keys)
}

fn code_slice(codes: &[CodeEntry]) -> TokenStream {
    let items = codes.iter().map(|c| {
        let system = ident(c.system.variant());
        let grade = ident(c.grade.variant());
        let code = c.code.as_str();
        let label = opt_str(c.label.as_ref());
        let source = v(&c.source.0);
        quote! { Code { system: CodeSystem::#system, code: #code, label: #label, source: Source::#source, grade: Grade::#grade } }
    });
    quote! { &[#(#items),*] }
}

fn strs<'a>(items: impl IntoIterator<Item = &'a str>) -> TokenStream {
    let items: Vec<&str> = items.into_iter().collect();
    quote! { &[#(#items),*] }
}

/// An enum of content entities with the common surface.
fn entity_enum(
    rust: &str,
    doc: &str,
    entries: &[(String, String, String)],
    lookup: &BTreeMap<String, String>,
) -> TokenStream {
    let name = ident(rust);
    let variants = entries.iter().map(|(id, _, d)| {
        let var = v(id);
        let d_doc = doc_attrs(d);
        quote! { #d_doc #var }
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

/// Generates the Rust source for the content, formatted and marked `@generated`.
pub fn generate(c: &Content) -> String {
    let body = format::format_file(tokens(c));
    format!(
        "// @generated by lems-treatments-build from the YAML files in data/. DO NOT EDIT.\n\
         // Edit the content in data/ instead; `cargo build` regenerates this file.\n\n{body}"
    )
}

/// A stable 64-bit FNV-1a fingerprint of all content, in id order.
pub fn fingerprint(c: &Content) -> u64 {
    fn feed<T: serde::Serialize>(hash: &mut u64, item: &T) {
        for b in serde_json::to_vec(item).unwrap_or_default() {
            *hash ^= u64::from(b);
            *hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    c.treatments.values().for_each(|l| feed(&mut h, &l.item));
    c.classes.values().for_each(|l| feed(&mut h, &l.item));
    c.mechanisms.values().for_each(|l| feed(&mut h, &l.item));
    c.cautions.values().for_each(|l| feed(&mut h, &l.item));
    c.sources.values().for_each(|l| feed(&mut h, &l.item));
    feed(&mut h, &c.condition.item);
    feed(&mut h, &c.disclaimer.item);
    h
}

/// The whole generated file, one part per kind of content, in the order the
/// parts depend on each other's names.
fn tokens(c: &Content) -> TokenStream {
    let relations = Relations::of(c);
    let view = View::new(c, &relations);
    let mut out = TokenStream::new();
    for part in [
        header, sources, cautions, mechanisms, classes, treatments, condition,
    ] {
        out.extend(part(&view));
    }
    out
}

/// The fingerprint and the closed sets (regions, kinds, code systems, grades).
fn header(view: &View<'_>) -> TokenStream {
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

/// `Source`: every cited document.
fn sources(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let mut out = TokenStream::new();
    let entries: Vec<(String, String, String)> = c
        .sources
        .iter()
        .map(|(id, l)| {
            (
                id.clone(),
                l.item.title.0.clone(),
                match &l.item.publisher {
                    Some(p) => format!("{}, {}.", l.item.title.0, p.0),
                    None => format!("{}.", l.item.title.0),
                },
            )
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
    out.extend(quote! { impl Source { #publisher #kind #updated #note } });
    out
}

/// `Caution`, with the treatments each applies to (own or through the class).
fn cautions(view: &View<'_>) -> TokenStream {
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
    let crev = reviewed_accessor(cs);
    out.extend(quote! { impl Caution { #ckind #expl #patient #cregion #cgrade #csrc #ctreat #ccats #crev } });
    out
}

/// `Mechanism`, with the treatments that work each way.
fn mechanisms(view: &View<'_>) -> TokenStream {
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
    let mrev = reviewed_accessor(ms);
    let mtreat = relation_accessor(
        "The treatments that work this way (computed at build time).",
        "treatments",
        "Treatment",
        &view.relations.mechanism_treatments,
    );
    out.extend(quote! { impl Mechanism { #target #mexpl #msrc #mtreat #mrev } });
    out
}

/// `Category`: the classes, their tree, cautions and members.
fn classes(view: &View<'_>) -> TokenStream {
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
fn category_tree(view: &View<'_>) -> TokenStream {
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
fn category_contents(view: &View<'_>) -> TokenStream {
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
    let catrev = reviewed_accessor(cats);
    quote! {
        impl Category {
            #desc #cat_cautions #members #csrc #section #catrev
        }
    }
}

/// `Treatment`: the enum and its lookups, then its accessors, one function per
/// group (names, kind and class, clinical facts, codes, provenance, cards).
fn treatments(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let mut out = TokenStream::new();
    let ts = &c.treatments;
    let entries: Vec<(String, String, String)> = ts
        .iter()
        .map(|(id, l)| {
            (
                id.clone(),
                l.item.name.0.clone(),
                format!("**{}**: {}", l.item.name.0, l.item.summary.0),
            )
        })
        .collect();
    let keys = treatment_keys(c);
    out.extend(entity_enum(
        "Treatment",
        "A treatment of LEMS described by the content.",
        &entries,
        &keys,
    ));
    let parts = [
        treatment_names(view),
        treatment_kind_and_class(view),
        treatment_facts(view),
        treatment_codes(view),
        treatment_provenance(view),
        treatment_cards(view),
    ];
    out.extend(quote! { impl Treatment { #(#parts)* } });
    out
}

/// Its synonyms and brands.
fn treatment_names(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let ts = &c.treatments;
    let syn_ = accessor(
        "Other names the sources use for it.",
        "synonyms",
        quote!(&'static [&'static str]),
        ts.iter().map(|(id, l)| {
            (
                id.as_str(),
                strs(l.item.synonyms.iter().map(|s| s.as_str())),
            )
        }),
    );
    let brand_names = accessor(
        "The brand names it is sold under.",
        "brand_names",
        quote!(&'static [&'static str]),
        ts.iter().map(|(id, l)| {
            (
                id.as_str(),
                strs(l.item.brands.iter().map(|b| b.name.as_str())),
            )
        }),
    );
    let brands = accessor(
        "The brands it is sold under, with the regions the sources name.",
        "brands",
        quote!(&'static [Brand]),
        ts.iter().map(|(id, l)| {
            let items = l.item.brands.iter().map(|b| {
                let n = b.name.as_str();
                let regions = b.regions.iter().map(|r| ident(r.variant()));
                quote! { Brand { name: #n, regions: &[#(Region::#regions),*] } }
            });
            (id.as_str(), quote! { &[#(#items),*] })
        }),
    );
    quote! { #syn_ #brand_names #brands }
}

/// Its kind, class, mechanisms, summary and usage.
fn treatment_kind_and_class(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let ts = &c.treatments;
    let tkind = accessor(
        "What kind of treatment it is.",
        "kind",
        quote!(TreatmentKind),
        ts.iter().map(|(id, l)| {
            let k = ident(l.item.kind.variant());
            (id.as_str(), quote!(TreatmentKind::#k))
        }),
    );
    let category = accessor(
        "Its class (the most specific one).",
        "category",
        quote!(Category),
        ts.iter().map(|(id, l)| {
            let var = v(&l.item.category.0);
            (id.as_str(), quote!(Category::#var))
        }),
    );
    let mechs = accessor(
        "How it works.",
        "mechanisms",
        quote!(&'static [Mechanism]),
        ts.iter().map(|(id, l)| {
            (
                id.as_str(),
                slice_of("Mechanism", l.item.mechanisms.iter().map(|m| m.0.clone())),
            )
        }),
    );
    let summary = text_accessor("What it does, in plain words.", "summary", ts, |x| {
        &x.summary
    });
    let usage = accessor(
        "How and when it is used, one statement per item.",
        "usage",
        quote!(&'static [&'static str]),
        ts.iter()
            .map(|(id, l)| (id.as_str(), strs(l.item.usage.iter().map(|s| s.as_str())))),
    );
    quote! { #tkind #category #mechs #summary #usage }
}

/// Its regulatory facts, cautions and combinations.
fn treatment_facts(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let ts = &c.treatments;
    let regulatory = accessor("Regulatory facts the sources state.", "regulatory", quote!(&'static [RegulatoryFact]), ts.iter().map(|(id, l)| {
        let items = l.item.regulatory.iter().map(|r| {
            let region = ident(r.region.variant());
            let status = ident(r.status.variant());
            let scope = r.scope.as_str();
            let authority = opt_str(r.authority.as_ref());
            let source = v(&r.source.0);
            let date = match &r.date {
                Some(d) => {
                    let d = d.0.as_str();
                    quote!(Some(#d))
                }
                None => quote!(None),
            };
            let note = opt_str(r.note.as_ref());
            let grade = opt_grade(r.grade);
            let population = match &r.population {
                Some(p) => {
                    let text = p.text.as_str();
                    let age = match p.min_age_years {
                        Some(a) => quote!(Some(#a)),
                        None => quote!(None),
                    };
                    quote!(Some(Population { text: #text, min_age_years: #age }))
                }
                None => quote!(None),
            };
            quote! { RegulatoryFact { region: Region::#region, status: RegulatoryStatus::#status, scope: #scope, authority: #authority, date: #date, population: #population, note: #note, source: Source::#source, grade: #grade } }
        });
        (id.as_str(), quote! { &[#(#items),*] })
    }));
    let cautions = accessor(
        "Every caution that applies, its class's included, sorted and without repeats.",
        "cautions",
        quote!(&'static [Caution]),
        view.relations
            .treatment_cautions
            .iter()
            .map(|(id, cs)| (id.as_str(), slice_of("Caution", cs.keys().cloned()))),
    );
    let used_with = relation_accessor(
        "The treatments it is sometimes combined with (both directions).",
        "used_with",
        "Treatment",
        &view.relations.used_with,
    );
    quote! { #regulatory #cautions #used_with }
}

/// Its codes and the reverse lookup `from_code`.
fn treatment_codes(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let ts = &c.treatments;
    let codes = accessor(
        "Its standard codes, each with its source and grade.",
        "codes",
        quote!(&'static [Code]),
        ts.iter()
            .map(|(id, l)| (id.as_str(), code_slice(&l.item.codes))),
    );
    let mut by_code: BTreeMap<(usize, String), String> = BTreeMap::new();
    for (id, l) in ts {
        for code in &l.item.codes {
            let pos = CodeSystem::ALL
                .iter()
                .position(|s| *s == code.system)
                .unwrap_or(0);
            by_code
                .entry((pos, code.code.0.clone()))
                .or_insert_with(|| id.clone());
        }
    }
    let from_code_arms = by_code.iter().map(|((pos, code), id)| {
        let system = ident(CodeSystem::ALL.get(*pos).map_or("Atc", |s| s.variant()));
        let var = v(id);
        let bytes = proc_macro2::Literal::byte_string(code.as_bytes());
        quote! { (CodeSystem::#system, #bytes) => Some(Treatment::#var) }
    });
    let from_code = quote! {
        /// The treatment that `code` identifies in `system`, if the content has it.
        /// Codes are matched exactly, as the terminology writes them.
        ///
        /// ```
        /// use lems_treatments::{CodeSystem, Treatment};
        /// assert_eq!(Treatment::from_code(CodeSystem::Atc, "N07XX05"), Some(Treatment::Amifampridine));
        /// assert_eq!(Treatment::from_code(CodeSystem::Atc, "X00XX00"), None);
        /// ```
        pub const fn from_code(system: CodeSystem, code: &str) -> Option<Treatment> {
            match (system, code.as_bytes()) {
                #(#from_code_arms,)*
                _ => None,
            }
        }
    };
    quote! { #codes #from_code }
}

/// Its sources, review date, indication qualifiers, cautions not applied and where each caution comes from.
fn treatment_provenance(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let ts = &c.treatments;
    let tsrc = sources_accessor("The sources its statements come from.", ts);
    let trev = reviewed_accessor(ts);
    let indication = accessor(
        "Qualifiers the sources put on its use for LEMS, if any.",
        "indication",
        quote!(Option<IndicationNote>),
        ts.iter().map(|(id, l)| {
            let body = match &l.item.indication {
                Some(i) => {
                    let after = slice_of("Category", i.after_other.iter().map(|x| x.0.clone()));
                    let note = i.note.as_str();
                    let source = v(&i.source.0);
                    quote!(Some(IndicationNote { after_other: #after, note: #note, source: Source::#source }))
                }
                None => quote!(None),
            };
            (id.as_str(), body)
        }),
    );
    let not_applied = accessor(
        "Cautions the editors decided not to apply to it, each with the reason.",
        "cautions_not_applied",
        quote!(&'static [CautionNotApplied]),
        ts.iter().map(|(id, l)| {
            let items = l.item.cautions_not_applied.iter().map(|n| {
                let caution = v(&n.caution.0);
                let reason = n.reason.as_str();
                let source = v(&n.source.0);
                quote!(CautionNotApplied { caution: Caution::#caution, reason: #reason, source: Source::#source })
            });
            (id.as_str(), quote!(&[#(#items),*]))
        }),
    );
    // Where each applied caution comes from: the treatment itself, or the
    // nearest class in its chain that lists it (derived once, in relations).
    let origins = accessor(
        "Every caution that applies, as in [`Treatment::cautions`], each with where it comes from: the treatment itself (`through: None`) or the class that lists it.",
        "applied_cautions",
        quote!(&'static [AppliedCaution]),
        ts.keys().map(|id| {
            let all = view.relations.treatment_cautions.get(id);
            let items = all.into_iter().flatten().map(|(caution, origin)| {
                let cv = v(caution);
                let through = match origin {
                    CautionOrigin::Class(cat) => {
                        let cat = v(cat);
                        quote!(Some(Category::#cat))
                    }
                    CautionOrigin::Treatment => quote!(None),
                };
                quote!(AppliedCaution { caution: Caution::#cv, through: #through })
            });
            (id.as_str(), quote!(&[#(#items),*]))
        }),
    );
    quote! { #tsrc #trev #indication #not_applied #origins }
}

/// Its card as the guide shows it; `TreatmentCard` adds the disclaimer under
/// the title, as `View::card` does, instead of storing every card twice.
fn treatment_cards(view: &View<'_>) -> TokenStream {
    texts_in_one_literal(
        "Its card as it stands in the guide, in Markdown: without the disclaimer, which the guide states once at the top and once at the end (rendered at build time). [`Treatment::card`] shows it with the disclaimer.",
        "guide_card_markdown",
        view.content
            .treatments
            .keys()
            .map(|id| view.guide_card(id).unwrap_or_default()),
    )
}

/// `CONDITION` and `DISCLAIMER`.
fn condition(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let mut out = TokenStream::new();
    let k = &c.condition.item;
    let (name, abbr, summary, normal, wrong, curable, goal) = (
        k.name.as_str(),
        k.abbreviation.as_str(),
        k.summary.as_str(),
        k.normal_signal.as_str(),
        k.what_goes_wrong.as_str(),
        k.curable,
        k.treatment_goal.as_str(),
    );
    let (cname, share, note) = (
        k.associated_cancer.name.as_str(),
        k.associated_cancer.share_of_patients.as_str(),
        k.associated_cancer.treatment_note.as_str(),
    );
    let csources = slice_of("Source", k.sources.iter().map(|s| s.0.clone()));
    let ccodes = code_slice(&k.codes);
    let cond_doc_doc = doc_attrs(&format!("{name} ({abbr}): {summary}"));
    let disclaimer = c.disclaimer.item.text.as_str();
    let (head, tail) = (view.guide_head(), view.guide_tail());
    let disclaimer_reviewed = opt_date(c.disclaimer.item.reviewed.as_ref());
    let cond_reviewed = opt_date(k.reviewed.as_ref());
    let disclaimer_doc = doc_attrs(disclaimer);
    out.extend(quote! {
        #cond_doc_doc
        pub const CONDITION: Condition = Condition {
            name: #name,
            abbreviation: #abbr,
            summary: #summary,
            normal_signal: #normal,
            what_goes_wrong: #wrong,
            curable: #curable,
            treatment_goal: #goal,
            associated_cancer: AssociatedCancer { name: #cname, share_of_patients: #share, treatment_note: #note },
            codes: #ccodes,
            sources: #csources,
            reviewed: #cond_reviewed,
        };

        /// When the disclaimer was last reviewed (`YYYY-MM-DD`), if recorded.
        pub const DISCLAIMER_REVIEWED: Option<&str> = #disclaimer_reviewed;

        #disclaimer_doc
        pub const DISCLAIMER: &str = #disclaimer;

        /// The guide's opening (title, disclaimer, condition), in Markdown.
        const GUIDE_HEAD: &str = #head;
        /// The guide's closing list of sources, in Markdown.
        const GUIDE_TAIL: &str = #tail;
    });
    out
}
