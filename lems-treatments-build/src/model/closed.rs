//! The closed sets of values (the enums of the YAML: regions, statuses,
//! kinds, targets, code systems, grades), declared once each with the
//! [`ClosedSet`] metadata that serde, the schema and the generator share.

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Metadata the generator needs about a closed set of values (an enum in the
/// YAML). The same list drives serde, the schema and the generated Rust enum.
pub trait ClosedSet: Sized + Copy + 'static {
    /// The Rust name of the generated enum.
    const RUST_NAME: &'static str;
    /// The doc comment of the generated enum.
    const DOC: &'static str;
    /// Every value, in order.
    const ALL: &'static [Self];
    /// The value as written in YAML.
    fn yaml(self) -> &'static str;
    /// The Rust variant name.
    fn variant(self) -> &'static str;
    /// What the value means, for people.
    fn doc(self) -> &'static str;
    /// A short label a reader sees.
    fn label(self) -> &'static str;
}

macro_rules! closed_set {
    (
        $(#[doc = $doc:literal])*
        $name:ident {
            $( $(#[doc = $vdoc:literal])* $variant:ident = $yaml:literal, $label:literal; )+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(JsonSchema))]
        pub enum $name {
            $(
                $(#[doc = $vdoc])*
                #[serde(rename = $yaml)]
                $variant,
            )+
        }

        impl ClosedSet for $name {
            const RUST_NAME: &'static str = stringify!($name);
            const DOC: &'static str = concat!($($doc, "\n"),*);
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn yaml(self) -> &'static str {
                match self { $(Self::$variant => $yaml),+ }
            }
            fn variant(self) -> &'static str {
                match self { $(Self::$variant => stringify!($variant)),+ }
            }
            fn doc(self) -> &'static str {
                match self { $(Self::$variant => concat!($($vdoc, "\n"),*)),+ }
            }
            fn label(self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }
        }
    };
}

closed_set! {
    /// A region whose regulators or markets the content names.
    Region {
        /// The United States (regulator: the U.S. Food and Drug Administration, FDA).
        UnitedStates = "us", "United States";
        /// The European Union.
        EuropeanUnion = "eu", "European Union";
    }
}

closed_set! {
    /// The regulatory or market status of a treatment in a region.
    RegulatoryStatus {
        /// Approved by the region's regulator for the stated use.
        Approved = "approved", "approved";
        /// Available in the region (the source does not say more).
        Available = "available", "available";
    }
}

closed_set! {
    /// What kind of thing a treatment is.
    TreatmentKind {
        /// A medicine a patient takes or is given.
        Medicine = "medicine", "medicine";
        /// A procedure done to the patient, such as filtering the blood.
        Procedure = "procedure", "procedure";
        /// A therapy delivered by a therapist, such as physical therapy.
        Therapy = "therapy", "therapy";
        /// Care aimed at a disease associated with LEMS, such as a cancer.
        AssociatedDiseaseCare = "associated_disease_care", "care of an associated disease";
    }
}

closed_set! {
    /// What kind of caution a caution is.
    CautionKind {
        /// A risk to watch for while using the treatment.
        Warning = "warning", "warning";
        /// A reason not to use the treatment at all.
        Contraindication = "contraindication", "contraindication";
        /// An unwanted effect the treatment can have.
        UndesirableEffect = "undesirable_effect", "undesirable effect";
    }
}

closed_set! {
    /// Which part of the disease story a mechanism acts on.
    Target {
        /// The signal from nerve to muscle: more acetylcholine, or acetylcholine that lasts longer.
        NerveSignal = "nerve_signal", "the signal from nerve to muscle";
        /// The immune system's attack on the nerve endings.
        ImmuneAttack = "immune_attack", "the immune attack on the nerve endings";
        /// The patient's everyday function: strength, mobility, speech, daily tasks.
        DailyFunction = "daily_function", "everyday function";
    }
}

closed_set! {
    /// What kind of document a source is.
    SourceKind {
        /// An article written for patients and the public.
        Article = "article", "article";
        /// A reference list or database of checked facts.
        Reference = "reference", "reference";
    }
}

closed_set! {
    /// A standard terminology that codes a treatment or the condition.
    CodeSystem {
        /// WHO Anatomical Therapeutic Chemical classification.
        Atc = "atc", "WHO ATC";
        /// FDA Unique Ingredient Identifier.
        Unii = "unii", "FDA UNII";
        /// RxNorm (US National Library of Medicine), ingredient level.
        RxNorm = "rxnorm", "RxNorm";
        /// DrugBank accession number.
        DrugBank = "drugbank", "DrugBank";
        /// SNOMED CT concept id.
        SnomedCt = "snomed_ct", "SNOMED CT";
        /// Orphanet rare disease number (`ORPHA:`).
        Orphanet = "orphanet", "Orphanet";
        /// WHO ICD-11 (Mortality and Morbidity Statistics).
        Icd11 = "icd11", "ICD-11";
        /// WHO ICD-10.
        Icd10 = "icd10", "ICD-10 (WHO)";
        /// ICD-10-CM (United States).
        Icd10Cm = "icd10_cm", "ICD-10-CM (US)";
        /// Medical Subject Headings descriptor.
        Mesh = "mesh", "MeSH";
    }
}

closed_set! {
    /// How directly a fact was read from its issuer.
    Grade {
        /// Read from the issuing body's own list or document (or a faithful crawl of it).
        Primary = "primary", "primary";
        /// Read from a reputable copy or database that cites the issuer.
        Secondary = "secondary", "secondary";
    }
}
