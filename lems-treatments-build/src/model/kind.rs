//! [`FileKind`]: the kinds of content file, with where each lives, its
//! schema file and the words messages use for it.

#[cfg(feature = "schema")]
use schemars::Schema;

#[cfg(feature = "schema")]
use super::{
    CautionFile, ClassFile, ConditionFile, DisclaimerFile, GlossaryFile, MechanismFile,
    ReviewsFile, SourceFile, TreatmentFile,
};

/// The kinds of content file, each with its own folder (or file) and schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    /// `data/treatments/*.yaml`
    Treatment,
    /// `data/categories/*.yaml`: classes of treatment (the folder keeps its
    /// first name, `categories`, as the YAML field `category` and the Rust
    /// enum `Category` do; see ARCHITECTURE.md's glossary).
    Class,
    /// `data/mechanisms/*.yaml`
    Mechanism,
    /// `data/cautions/*.yaml`
    Caution,
    /// `data/sources/*.yaml`
    Source,
    /// `data/condition.yaml`
    Condition,
    /// `data/disclaimer.yaml`
    Disclaimer,
    /// `data/glossary.yaml` (optional)
    Glossary,
    /// `data/reviews.yaml`: the review records, written by `lems-content record`
    /// (optional: a tree without it has no review recorded).
    Reviews,
}

impl FileKind {
    /// Every kind, in the order files are reported.
    pub const ALL: [FileKind; 9] = [
        FileKind::Treatment,
        FileKind::Class,
        FileKind::Mechanism,
        FileKind::Caution,
        FileKind::Source,
        FileKind::Condition,
        FileKind::Disclaimer,
        FileKind::Glossary,
        FileKind::Reviews,
    ];

    /// The folder under `data/` (for one-per-entity kinds) or the file name (for singletons).
    pub fn location(self) -> &'static str {
        match self {
            FileKind::Treatment => "treatments",
            FileKind::Class => "categories",
            FileKind::Mechanism => "mechanisms",
            FileKind::Caution => "cautions",
            FileKind::Source => "sources",
            FileKind::Condition => "condition.yaml",
            FileKind::Disclaimer => "disclaimer.yaml",
            FileKind::Glossary => "glossary.yaml",
            FileKind::Reviews => "reviews.yaml",
        }
    }

    /// Whether this kind is a single file rather than a folder of files.
    pub fn is_singleton(self) -> bool {
        matches!(
            self,
            FileKind::Condition | FileKind::Disclaimer | FileKind::Glossary | FileKind::Reviews
        )
    }

    /// The schema file name under `schema/`.
    pub fn schema_file(self) -> &'static str {
        match self {
            FileKind::Treatment => "treatment.schema.json",
            FileKind::Class => "category.schema.json",
            FileKind::Mechanism => "mechanism.schema.json",
            FileKind::Caution => "caution.schema.json",
            FileKind::Source => "source.schema.json",
            FileKind::Condition => "condition.schema.json",
            FileKind::Disclaimer => "disclaimer.schema.json",
            FileKind::Glossary => "glossary.schema.json",
            FileKind::Reviews => "reviews.schema.json",
        }
    }

    /// A word for one entity of this kind, used in messages.
    pub fn noun(self) -> &'static str {
        match self {
            FileKind::Treatment => "treatment",
            FileKind::Class => "class",
            FileKind::Mechanism => "mechanism",
            FileKind::Caution => "caution",
            FileKind::Source => "source",
            FileKind::Condition => "condition",
            FileKind::Disclaimer => "disclaimer",
            FileKind::Glossary => "glossary",
            FileKind::Reviews => "review records file",
        }
    }

    /// The word for more than one entity of this kind, used in messages.
    pub fn plural(self) -> &'static str {
        match self {
            FileKind::Treatment => "treatments",
            FileKind::Class => "classes",
            FileKind::Mechanism => "mechanisms",
            FileKind::Caution => "cautions",
            FileKind::Source => "sources",
            FileKind::Condition => "conditions",
            FileKind::Disclaimer => "disclaimers",
            FileKind::Glossary => "glossaries",
            FileKind::Reviews => "review records files",
        }
    }

    /// The JSON Schema of this kind, generated from the model types.
    #[cfg(feature = "schema")]
    pub fn schema(self) -> Schema {
        match self {
            FileKind::Treatment => schemars::schema_for!(TreatmentFile),
            FileKind::Class => schemars::schema_for!(ClassFile),
            FileKind::Mechanism => schemars::schema_for!(MechanismFile),
            FileKind::Caution => schemars::schema_for!(CautionFile),
            FileKind::Source => schemars::schema_for!(SourceFile),
            FileKind::Condition => schemars::schema_for!(ConditionFile),
            FileKind::Disclaimer => schemars::schema_for!(DisclaimerFile),
            FileKind::Glossary => schemars::schema_for!(GlossaryFile),
            FileKind::Reviews => schemars::schema_for!(ReviewsFile),
        }
    }

    /// The schema as the committed file's text: pretty JSON with a final newline.
    #[cfg(feature = "schema")]
    pub fn schema_text(self) -> String {
        let mut text = serde_json::to_string_pretty(&self.schema().to_value())
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        text.push('\n');
        text
    }
}
