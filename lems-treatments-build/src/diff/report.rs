//! What a diff reports, as plain data for any renderer (`serde::Serialize`):
//! the entities that changed, their field changes and the release decision.

use serde::Serialize;

use super::{Level, Mark, RuleId, RuleInfo};

/// The kind of a compared entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A treatment (`data/treatments/`).
    Treatment,
    /// A class (`data/categories/`).
    Class,
    /// A mechanism (`data/mechanisms/`).
    Mechanism,
    /// A caution (`data/cautions/`).
    Caution,
    /// A source (`data/sources/`).
    Source,
    /// The condition (`data/condition.yaml`).
    Condition,
    /// The disclaimer (`data/disclaimer.yaml`).
    Disclaimer,
}

impl EntityKind {
    /// The word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Treatment => "treatment",
            EntityKind::Class => "class",
            EntityKind::Mechanism => "mechanism",
            EntityKind::Caution => "caution",
            EntityKind::Source => "source",
            EntityKind::Condition => "condition",
            EntityKind::Disclaimer => "disclaimer",
        }
    }
}

/// What happened to an entity or a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// Only in HEAD.
    Added,
    /// Only in BASE.
    Removed,
    /// In both, different.
    Changed,
}

impl Op {
    /// `added`, `removed` or `changed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Added => "added",
            Op::Removed => "removed",
            Op::Changed => "changed",
        }
    }
}

/// One piece of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PieceOp {
    /// In both texts.
    Equal,
    /// Only in BASE.
    Delete,
    /// Only in HEAD.
    Insert,
}

/// A run of words (with their spacing) that a text diff keeps, deletes or inserts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// What happened to it.
    pub op: PieceOp,
    /// The words, as written.
    pub text: String,
    /// Set on a deleted or inserted negation or certainty word, or number
    /// with its unit, which every format highlights.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark: Option<Mark>,
}

/// One change of one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field, for example `summary`, `usage[2]`, `brands` or `cautions (resolved)`.
    pub field: String,
    /// Added, removed or changed.
    pub op: Op,
    /// The value in BASE, when there is one.
    pub before: Option<String>,
    /// The value in HEAD, when there is one.
    pub after: Option<String>,
    /// For a changed text: the word diff.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Piece>,
    /// More about the change, for example where a caution comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For a text `check` measures: its reading level before and after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<Reading>,
    /// The policy rule that classifies it.
    pub rule: RuleId,
    /// The release it needs (the rule's level).
    pub level: Level,
    /// Whether a clinician must review it, whatever its level.
    pub clinical: bool,
}

/// The reading level (Flesch–Kincaid US grade) of a changed text that
/// `check` measures, on each side where it is, and the target for its readers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Reading {
    /// Its grade in BASE, when BASE has it.
    pub before: Option<f64>,
    /// Its grade in HEAD, when HEAD has it.
    pub after: Option<f64>,
    /// The highest grade its readers' target allows.
    pub target: f64,
}

// Grades are finite (rounded measures, never NaN), so equality is total.
impl Eq for Reading {}

impl Reading {
    /// `reading grade 9.1 → 6.2, target 8` (`none` for a missing side).
    pub fn words(&self) -> String {
        let side = |g: Option<f64>| g.map_or_else(|| "none".to_string(), |g| format!("{g:.1}"));
        format!(
            "reading grade {} → {}, target {}",
            side(self.before),
            side(self.after),
            self.target
        )
    }
}

/// Everything that changed about one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityDiff {
    /// What it is.
    pub kind: EntityKind,
    /// Its id (`lems` for the condition, `disclaimer` for the disclaimer).
    pub id: String,
    /// Its name or title as HEAD has it (BASE for a removed entity); `None`
    /// for the disclaimer, which has none.
    pub title: Option<String>,
    /// Added, removed or changed.
    pub op: Op,
    /// The changes, field by field.
    pub changes: Vec<FieldChange>,
}

/// The release the whole change needs and the change that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The release level.
    pub level: Level,
    /// The rule that decided it.
    pub rule: RuleInfo,
    /// The first change at that level, for example `treatment amifampridine: brands removed`.
    pub because: String,
}

/// A change a clinician must review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClinicalFlag {
    /// The entity's kind.
    pub kind: EntityKind,
    /// The entity's id.
    pub id: String,
    /// The entity's name or title, as [`EntityDiff::title`].
    pub title: Option<String>,
    /// The field.
    pub field: String,
    /// What happened, in words.
    pub what: String,
}

/// The semantic diff of two content trees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentDiff {
    /// Every entity that was added, removed or changed, by kind and id.
    pub entities: Vec<EntityDiff>,
    /// The release the whole change needs; `None` when nothing changed.
    pub decision: Option<Decision>,
    /// Whether any change needs clinical review: stated even when none does,
    /// so "none" never looks like "not checked".
    pub clinical_verdict: ClinicalVerdict,
    /// The changes that need clinical review.
    pub clinical_review: Vec<ClinicalFlag>,
    /// Whether some change must be called out in `CHANGELOG.md`.
    pub changelog_required: bool,
}

impl ContentDiff {
    /// The release level the change needs, if anything changed.
    pub fn level(&self) -> Option<Level> {
        self.decision.as_ref().map(|d| d.level)
    }
}

/// The clinical-review verdict of a whole diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClinicalVerdict {
    /// No change needs a clinician's review.
    None,
    /// Some change needs a clinician's review, whatever its release level.
    Required,
}

impl ClinicalVerdict {
    /// `none` or `required`.
    pub fn as_str(self) -> &'static str {
        match self {
            ClinicalVerdict::None => "none",
            ClinicalVerdict::Required => "required",
        }
    }

    /// The verdict in words, every format's sentence.
    pub fn sentence(self, flags: usize) -> String {
        match self {
            ClinicalVerdict::None => {
                "none: every change was checked and none needs a clinician's review".to_string()
            }
            ClinicalVerdict::Required => format!(
                "required: {flags} change{} need{} a clinician's review, whatever the release level",
                if flags == 1 { "" } else { "s" },
                if flags == 1 { "s" } else { "" },
            ),
        }
    }
}

/// How an entity is named for people: `treatment “Amifampridine” (amifampridine)`,
/// or `disclaimer`.
fn label(kind: EntityKind, id: &str, title: Option<&str>) -> String {
    match title {
        Some(t) => format!("{} “{t}” ({id})", kind.as_str()),
        // The disclaimer: its kind is its name, and its id says the same.
        None => kind.as_str().to_string(),
    }
}

impl EntityDiff {
    /// Its kind, title and id, for people (unescaped: escape it per target).
    pub fn label(&self) -> String {
        label(self.kind, &self.id, self.title.as_deref())
    }
}

impl ClinicalFlag {
    /// Its entity's kind, title and id, for people (unescaped: escape it per target).
    pub fn label(&self) -> String {
        label(self.kind, &self.id, self.title.as_deref())
    }
}
