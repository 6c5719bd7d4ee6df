//! `Treatment`: the enum and its lookups, then its accessors in groups
//! (names, kind and class, clinical facts, codes, provenance, cards).

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::emit::{
    accessor, bold_name_then, code_slice, entity_enum, ident, opt_grade, opt_str,
    relation_accessor, reviewed_accessor, slice_of, sources_accessor, strs, text_accessor,
    texts_in_one_literal, v,
};
use crate::model::{ClosedSet, CodeSystem};
use crate::relations::{treatment_keys, CautionOrigin};
use crate::render::View;

/// `Treatment`: the enum and its lookups, then its accessors, one function per
/// group (names, kind and class, clinical facts, codes, provenance, cards).
pub(super) fn treatments(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let mut out = TokenStream::new();
    let ts = &c.treatments;
    let entries: Vec<(String, String, TokenStream)> = ts
        .iter()
        .map(|(id, l)| {
            let (name, summary) = (l.item.name.as_str(), l.item.summary.as_str());
            (id.clone(), name.to_string(), bold_name_then(name, summary))
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
pub(super) fn treatment_names(view: &View<'_>) -> TokenStream {
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
pub(super) fn treatment_kind_and_class(view: &View<'_>) -> TokenStream {
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
pub(super) fn treatment_facts(view: &View<'_>) -> TokenStream {
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
            let at = opt_str(r.at.as_ref());
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
            quote! { RegulatoryFact { region: Region::#region, status: RegulatoryStatus::#status, scope: #scope, authority: #authority, date: #date, population: #population, note: #note, source: Source::#source, at: #at, grade: #grade } }
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
pub(super) fn treatment_codes(view: &View<'_>) -> TokenStream {
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
        /// for t in Treatment::ALL {
        ///     for code in t.codes() {
        ///         assert_eq!(Treatment::from_code(code.system, code.code), Some(*t));
        ///     }
        /// }
        /// // An ATC code is written in capitals: this one is never found.
        /// assert_eq!(Treatment::from_code(CodeSystem::Atc, "n07xx05"), None);
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
pub(super) fn treatment_provenance(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let ts = &c.treatments;
    let tsrc = sources_accessor(
        "The sources its own file names for its statements; [`Treatment::all_sources`] lists every source its facts cite, these included.",
        ts,
    );
    let trev = reviewed_accessor(view.content, ts);
    let indication = accessor(
        "Qualifiers the sources put on its use for LEMS, if any.",
        "indication",
        quote!(Option<IndicationNote>),
        ts.iter().map(|(id, l)| {
            let body = match &l.item.indication {
                Some(i) => {
                    let after = slice_of("Category", i.after_other.iter().map(|x| x.0.clone()));
                    let note = opt_str(i.note.as_ref());
                    let works = opt_str(i.effectiveness.as_ref());
                    let less = opt_str(i.used_less_because.as_ref());
                    let source = v(&i.source.0);
                    quote!(Some(IndicationNote { after_other: #after, note: #note, effectiveness: #works, used_less_because: #less, source: Source::#source }))
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
    // Every source its card cites, from the renderer's own list, so the two agree.
    let all_sources = accessor(
        "Every source its facts cite, each once, in [`Source::ALL`] order: its own, its regulatory facts', codes', cautions', mechanisms', class's, indication's and not-applied decisions', and the condition's (except for care of an associated disease). These are the sources its card lists; [`Treatment::sources`] is only those of its own statements.",
        "all_sources",
        quote!(&'static [Source]),
        ts.keys().map(|id| {
            let cited = view.card_sources(id).into_iter().map(String::from);
            (id.as_str(), slice_of("Source", cited))
        }),
    );
    quote! { #tsrc #trev #indication #not_applied #origins #all_sources }
}

/// Its card as the guide shows it; `TreatmentCard` adds the disclaimer under
/// the title, as `View::card` does, instead of storing every card twice.
pub(super) fn treatment_cards(view: &View<'_>) -> TokenStream {
    texts_in_one_literal(
        "Its card as it stands in the guide, in Markdown: without the disclaimer, which the guide states once at the top and once at the end (rendered at build time). [`Treatment::card`] shows it with the disclaimer.",
        "guide_card_markdown",
        view.content
            .treatments
            .keys()
            .map(|id| view.guide_card(id).unwrap_or_default()),
    )
}
