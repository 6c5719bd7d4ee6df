//! A treatment's whole record as one value ([`Treatment::record`]), and
//! where each caution of a list of treatments comes from
//! ([`cautions_of_with_origin`]).
//!
//! The record is built from the `const` tables every accessor reads: it holds
//! references to them and allocates nothing. Its fields are typed (enums,
//! records); under the `serde` feature it serializes *resolved*, so an app can
//! serve it as JSON without a lookup of its own: every enum it names is
//! written with its id and name (cautions with their text, kind and origin,
//! sources with their title and publisher).

use crate::{
    AppliedCaution, Brand, Category, Caution, CautionNotApplied, Code, IndicationNote, Mechanism,
    RegulatoryFact, Source, Treatment, TreatmentKind,
};

/// Everything a treatment's card shows, as one value: see [`Treatment::record`].
///
/// New fields may be added (for example a review record), so it cannot be
/// built outside this crate; read it, or serialize it (`serde` feature).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TreatmentRecord {
    /// The treatment (serialized as its id, under the key `id`).
    #[cfg_attr(feature = "serde", serde(rename = "id"))]
    pub treatment: Treatment,
    /// The name a reader sees.
    pub name: &'static str,
    /// Other names the sources use for it.
    pub synonyms: &'static [&'static str],
    /// The brands it is sold under, with the regions the sources name.
    pub brands: &'static [Brand],
    /// What kind of treatment it is.
    pub kind: TreatmentKind,
    /// Its class (the most specific one); serialized with its id, name and parent.
    #[cfg_attr(feature = "serde", serde(serialize_with = "ser::category"))]
    pub category: Category,
    /// How it works; each serialized with its id, name, target, explanation and sources.
    #[cfg_attr(feature = "serde", serde(serialize_with = "ser::mechanisms"))]
    pub mechanisms: &'static [Mechanism],
    /// What it does, in plain words.
    pub summary: &'static str,
    /// How and when it is used, one statement per item.
    pub usage: &'static [&'static str],
    /// Qualifiers the sources put on its use for LEMS, if any.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub indication: Option<IndicationNote>,
    /// The treatments it is sometimes combined with; serialized with their ids and names.
    #[cfg_attr(feature = "serde", serde(serialize_with = "ser::treatments"))]
    pub used_with: &'static [Treatment],
    /// Regulatory facts the sources state, with the populations they concern.
    pub regulatory: &'static [RegulatoryFact],
    /// Its standard codes, each with its source and grade.
    pub codes: &'static [Code],
    /// Every caution that applies, with its origin (the treatment itself or a
    /// class); serialized resolved, each with its id, name, kind, texts,
    /// `origin` (`"own"` or the class id, as in the JSON export) and sources.
    #[cfg_attr(feature = "serde", serde(serialize_with = "ser::cautions"))]
    pub cautions: &'static [AppliedCaution],
    /// Cautions the editors decided not to apply to it, each with the reason.
    pub cautions_not_applied: &'static [CautionNotApplied],
    /// Every source its facts cite, as [`Treatment::all_sources`]; serialized
    /// with each one's id, title, publisher, kind, date and note.
    #[cfg_attr(feature = "serde", serde(serialize_with = "ser::sources"))]
    pub sources: &'static [Source],
    /// The day its file was last checked against its sources (`YYYY-MM-DD`),
    /// when a recorded review covers the file as it is now.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub reviewed: Option<&'static str>,
    /// What the review records say of its file, in plain words, as
    /// [`Treatment::review_status`]: checked against its sources, approved
    /// by a clinician, changed since its last review, or never reviewed.
    pub review: &'static str,
}

impl Treatment {
    /// Its whole record: everything its card shows, as one value built from
    /// `const` data (nothing is allocated). With the `serde` feature it
    /// serializes with every caution, class, mechanism and source resolved.
    ///
    /// ```
    /// use lems_treatments::Treatment;
    /// for t in Treatment::ALL {
    ///     let r = t.record();
    ///     assert_eq!(r.name, t.name());
    ///     assert_eq!(r.sources, t.all_sources());
    ///     // Each caution says where it comes from: the treatment or a class.
    ///     for c in r.cautions {
    ///         if let Some(class) = c.through {
    ///             assert!(class.cautions().contains(&c.caution));
    ///         }
    ///     }
    /// }
    /// ```
    pub const fn record(self) -> TreatmentRecord {
        TreatmentRecord {
            treatment: self,
            name: self.name(),
            synonyms: self.synonyms(),
            brands: self.brands(),
            kind: self.kind(),
            category: self.category(),
            mechanisms: self.mechanisms(),
            summary: self.summary(),
            usage: self.usage(),
            indication: self.indication(),
            used_with: self.used_with(),
            regulatory: self.regulatory(),
            codes: self.codes(),
            cautions: self.applied_cautions(),
            cautions_not_applied: self.cautions_not_applied(),
            sources: self.all_sources(),
            reviewed: self.reviewed(),
            review: self.review_status(),
        }
    }
}

/// One caution that applies to one of a list of treatments, with where it
/// comes from: see [`cautions_of_with_origin`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CautionOrigin {
    /// The caution.
    pub caution: Caution,
    /// The treatment it applies to.
    pub treatment: Treatment,
    /// `None` when the treatment lists it itself; otherwise the class that lists it.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub through: Option<Category>,
}

/// Every caution that applies to any of `treatments`, once for each
/// treatment it applies to, with the class it comes through (if any): in
/// [`Caution::ALL`] order, then in the order of `treatments` (a treatment
/// given twice counts once). The same cautions as [`cautions_of`](crate::cautions_of),
/// which gives each caution once. Allocates nothing.
///
/// ```
/// use lems_treatments::{cautions_of, cautions_of_with_origin, Treatment};
/// let list = Treatment::ALL;
/// for o in cautions_of_with_origin(list) {
///     assert!(o.treatment.cautions().contains(&o.caution));
///     match o.through {
///         Some(class) => assert!(class.cautions().contains(&o.caution)),
///         None => println!("{} lists {} itself", o.treatment, o.caution),
///     }
/// }
/// let mut once: Vec<_> = cautions_of_with_origin(list).map(|o| o.caution).collect();
/// once.dedup();
/// assert!(once.iter().copied().eq(cautions_of(list)));
/// ```
pub fn cautions_of_with_origin(
    treatments: &[Treatment],
) -> impl Iterator<Item = CautionOrigin> + '_ {
    Caution::ALL.iter().flat_map(move |c| {
        treatments
            .iter()
            .enumerate()
            .filter(move |(i, t)| !treatments[..*i].contains(t))
            .filter_map(move |(_, t)| {
                let applied = t.applied_cautions().iter().find(|a| a.caution == *c)?;
                Some(CautionOrigin {
                    caution: applied.caution,
                    treatment: *t,
                    through: applied.through,
                })
            })
    })
}

/// The resolved forms the record serializes as: borrowed views of the const
/// data, written field by field (nothing is collected first).
#[cfg(feature = "serde")]
mod ser {
    use super::{AppliedCaution, Category, Caution, Mechanism, Source, Treatment};
    use crate::{CautionKind, Grade, Region, SourceKind, Target};
    use serde::{Serialize, Serializer};

    #[derive(Serialize)]
    struct Named {
        id: &'static str,
        name: &'static str,
    }

    fn named_category(c: Category) -> Named {
        Named {
            id: c.id(),
            name: c.name(),
        }
    }

    #[derive(Serialize)]
    struct ClassOut {
        id: &'static str,
        name: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        parent: Option<Named>,
    }

    pub(super) fn category<S: Serializer>(c: &Category, s: S) -> Result<S::Ok, S::Error> {
        ClassOut {
            id: c.id(),
            name: c.name(),
            parent: c.parent().map(named_category),
        }
        .serialize(s)
    }

    #[derive(Serialize)]
    struct MechanismOut {
        id: &'static str,
        name: &'static str,
        target: Target,
        explanation: &'static str,
        sources: &'static [Source],
    }

    pub(super) fn mechanisms<S: Serializer>(
        ms: &&'static [Mechanism],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(ms.iter().map(|m| MechanismOut {
            id: m.id(),
            name: m.name(),
            target: m.target(),
            explanation: m.explanation(),
            sources: m.sources(),
        }))
    }

    pub(super) fn treatments<S: Serializer>(
        ts: &&'static [Treatment],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(ts.iter().map(|t| Named {
            id: t.id(),
            name: t.name(),
        }))
    }

    #[derive(Serialize)]
    struct CautionOut {
        id: &'static str,
        /// The caution's title, under the content model's field name.
        title: &'static str,
        kind: CautionKind,
        /// `"own"` or the id of the class that lists it.
        origin: &'static str,
        /// The name of that class, when it comes through one.
        #[serde(skip_serializing_if = "Option::is_none")]
        origin_name: Option<&'static str>,
        explanation: &'static str,
        for_the_patient: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        region: Option<Region>,
        #[serde(skip_serializing_if = "Option::is_none")]
        grade: Option<Grade>,
        sources: &'static [Source],
    }

    pub(super) fn cautions<S: Serializer>(
        cs: &&'static [AppliedCaution],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(cs.iter().map(|a| {
            let c: Caution = a.caution;
            CautionOut {
                id: c.id(),
                title: c.name(),
                kind: c.kind(),
                origin: a.through.map_or("own", Category::id),
                origin_name: a.through.map(Category::name),
                explanation: c.explanation(),
                for_the_patient: c.for_the_patient(),
                region: c.region(),
                grade: c.grade(),
                sources: c.sources(),
            }
        }))
    }

    #[derive(Serialize)]
    struct SourceOut {
        id: &'static str,
        title: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        publisher: Option<&'static str>,
        kind: SourceKind,
        #[serde(skip_serializing_if = "Option::is_none")]
        last_updated: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        read: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        address: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<&'static str>,
    }

    pub(super) fn sources<S: Serializer>(ss: &&'static [Source], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(ss.iter().map(|x| SourceOut {
            id: x.id(),
            title: x.name(),
            publisher: x.publisher(),
            kind: x.kind(),
            last_updated: x.last_updated(),
            read: x.read(),
            address: x.address(),
            note: x.note(),
        }))
    }
}
