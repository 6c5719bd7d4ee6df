//! A semantic diff of two content trees, classified by the crate's semver
//! policy for content.
//!
//! [`diff`] compares two loaded [`Content`]s as typed models, field by field,
//! and classifies every change with one [`RuleId`] of the policy table
//! ([`RuleId::ALL`], rendered into README.md by [`rules_markdown`]). The result
//! is plain data ([`ContentDiff`], `serde::Serialize`) for any renderer.
//!
//! Clinical weight is flagged apart from semver: a caution newly applied to or
//! removed from a treatment (its *resolved* cautions, its class's included), a
//! changed regulatory fact (its population included), code or grade, a changed
//! caution grade, indication qualifier or decision not to apply a caution
//! (`cautions_not_applied`) is marked `clinical` whatever its level. A changed
//! `reviewed` date is a patch and not clinical: the review, not the content,
//! changed.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::load::{Content, Loaded};
use crate::model::*;
use crate::names::fold;

/// A semver release level, in increasing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A compatible fix: wording, citations.
    Patch,
    /// A compatible addition or a changed fact.
    Minor,
    /// A breaking change: something users relied on is gone.
    Major,
}

impl Level {
    /// `patch`, `minor` or `major`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Patch => "patch",
            Level::Minor => "minor",
            Level::Major => "major",
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of the content versioning policy. The table lives here, once:
/// README.md's "Versioning of content" table is [`rules_markdown`]'s output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    /// Wording, typos, citations.
    Text,
    /// A new enum variant.
    NewVariant,
    /// A new lookup key.
    NewLookupKey,
    /// A caution newly applied to or removed from a treatment; a changed class.
    CautionOrClass,
    /// A changed fact that is not wording.
    ChangedFact,
    /// A removed or renamed id.
    RemovedId,
    /// A removed name, brand or synonym.
    RemovedLookupKey,
    /// A removed standard code.
    RemovedCode,
}

impl RuleId {
    /// Every rule, in the order of the policy table.
    pub const ALL: [RuleId; 8] = [
        RuleId::Text,
        RuleId::NewVariant,
        RuleId::NewLookupKey,
        RuleId::CautionOrClass,
        RuleId::ChangedFact,
        RuleId::RemovedId,
        RuleId::RemovedLookupKey,
        RuleId::RemovedCode,
    ];

    /// The rule's short name, as printed and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            RuleId::Text => "text",
            RuleId::NewVariant => "new-variant",
            RuleId::NewLookupKey => "new-lookup-key",
            RuleId::CautionOrClass => "caution-or-class",
            RuleId::ChangedFact => "changed-fact",
            RuleId::RemovedId => "removed-id",
            RuleId::RemovedLookupKey => "removed-lookup-key",
            RuleId::RemovedCode => "removed-code",
        }
    }

    /// What changes fall under the rule (Markdown, as in README.md).
    pub fn change(self) -> &'static str {
        match self {
            RuleId::Text => "wording of a text, a fixed typo, a new or corrected source citation, a new review date",
            RuleId::NewVariant => {
                "a new treatment, mechanism, caution, class or source (a new enum variant)"
            }
            RuleId::NewLookupKey => {
                "a new brand name or synonym (a new lookup key), a new accessor"
            }
            RuleId::CautionOrClass => {
                "a caution newly applied to, or removed from, a treatment; a changed class"
            }
            RuleId::ChangedFact => {
                "a changed fact that is not wording (a kind, target, region, status, date, grade, population or class order); a mechanism, combined treatment, regulatory fact, standard code, indication qualifier or caution recorded as not applied added, or a mechanism, combined treatment, regulatory fact, indication qualifier or caution recorded as not applied removed"
            }
            RuleId::RemovedId => {
                "a removed or renamed **id** (a variant disappears, `from_str` of the old id fails)"
            }
            RuleId::RemovedLookupKey => "a removed name, brand or synonym that lookups accepted",
            RuleId::RemovedCode => {
                "a removed standard code that `from_code` or `has_code` accepted"
            }
        }
    }

    /// The release the rule asks for.
    pub fn level(self) -> Level {
        match self {
            RuleId::Text => Level::Patch,
            RuleId::NewVariant
            | RuleId::NewLookupKey
            | RuleId::CautionOrClass
            | RuleId::ChangedFact => Level::Minor,
            RuleId::RemovedId | RuleId::RemovedLookupKey | RuleId::RemovedCode => Level::Major,
        }
    }

    /// Whether the change must be called out in `CHANGELOG.md`.
    pub fn changelog(self) -> bool {
        self == RuleId::CautionOrClass
    }

    /// The table's "release" cell: `minor`, or `minor, called out in `CHANGELOG.md``.
    pub fn release(self) -> String {
        if self.changelog() {
            format!("{}, called out in `CHANGELOG.md`", self.level())
        } else {
            self.level().to_string()
        }
    }

    /// The change text without Markdown emphasis, for terminals.
    pub fn change_plain(self) -> String {
        self.change().replace("**", "")
    }
}

/// The policy table as Markdown, exactly as README.md carries it.
pub fn rules_markdown() -> String {
    let mut out = String::from("| change | release |\n|---|---|\n");
    for rule in RuleId::ALL {
        out.push_str(&format!("| {} | {} |\n", rule.change(), rule.release()));
    }
    out
}

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
    /// The policy rule that classifies it.
    pub rule: RuleId,
    /// The release it needs (the rule's level).
    pub level: Level,
    /// Whether a clinician must review it, whatever its level.
    pub clinical: bool,
}

/// Everything that changed about one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityDiff {
    /// What it is.
    pub kind: EntityKind,
    /// Its id (`lems` for the condition, `disclaimer` for the disclaimer).
    pub id: String,
    /// Added, removed or changed.
    pub op: Op,
    /// The changes, field by field.
    pub changes: Vec<FieldChange>,
}

/// A rule as reported: its name, its text and the release it asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// The rule.
    pub id: RuleId,
    /// What falls under it.
    pub change: &'static str,
    /// The release it asks for.
    pub release: String,
}

impl From<RuleId> for RuleInfo {
    fn from(id: RuleId) -> Self {
        RuleInfo {
            id,
            change: id.change(),
            release: id.release(),
        }
    }
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

/// The word diff of two texts.
pub fn word_diff(before: &str, after: &str) -> Vec<Piece> {
    let diff = similar::TextDiff::from_words(before, after);
    let mut out: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => PieceOp::Equal,
            similar::ChangeTag::Delete => PieceOp::Delete,
            similar::ChangeTag::Insert => PieceOp::Insert,
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(Piece {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    out
}

/// Compares BASE with HEAD.
pub fn diff(before: &Content, after: &Content) -> ContentDiff {
    let cx = Cx {
        before,
        after,
        kb: Keys::of(before),
        ka: Keys::of(after),
    };
    let mut entities = Vec::new();
    cx.entities(
        EntityKind::Treatment,
        &before.treatments,
        &after.treatments,
        &mut entities,
        Cx::treatment,
    );
    cx.entities(
        EntityKind::Class,
        &before.classes,
        &after.classes,
        &mut entities,
        Cx::category,
    );
    cx.entities(
        EntityKind::Mechanism,
        &before.mechanisms,
        &after.mechanisms,
        &mut entities,
        Cx::mechanism,
    );
    cx.entities(
        EntityKind::Caution,
        &before.cautions,
        &after.cautions,
        &mut entities,
        Cx::caution,
    );
    cx.entities(
        EntityKind::Source,
        &before.sources,
        &after.sources,
        &mut entities,
        Cx::source,
    );
    let condition = cx.condition();
    if !condition.is_empty() {
        entities.push(EntityDiff {
            kind: EntityKind::Condition,
            id: "lems".into(),
            op: Op::Changed,
            changes: condition,
        });
    }
    let mut disclaimer = Vec::new();
    text(
        &mut disclaimer,
        "text",
        &before.disclaimer.item.text.0,
        &after.disclaimer.item.text.0,
    );
    reviewed(
        &mut disclaimer,
        &before.disclaimer.item.reviewed,
        &after.disclaimer.item.reviewed,
    );
    if !disclaimer.is_empty() {
        entities.push(EntityDiff {
            kind: EntityKind::Disclaimer,
            id: "disclaimer".into(),
            op: Op::Changed,
            changes: disclaimer,
        });
    }
    summarise(entities)
}

fn summarise(entities: Vec<EntityDiff>) -> ContentDiff {
    let mut decision: Option<Decision> = None;
    let mut clinical_review = Vec::new();
    let mut changelog_required = false;
    for e in &entities {
        for c in &e.changes {
            if decision.as_ref().is_none_or(|d| c.level > d.level) {
                decision = Some(Decision {
                    level: c.level,
                    rule: c.rule.into(),
                    because: format!(
                        "{} {}: {} {}",
                        e.kind.as_str(),
                        e.id,
                        c.field,
                        c.op.as_str()
                    ),
                });
            }
            changelog_required |= c.rule.changelog();
            if c.clinical {
                clinical_review.push(ClinicalFlag {
                    kind: e.kind,
                    id: e.id.clone(),
                    field: c.field.clone(),
                    what: describe(c),
                });
            }
        }
    }
    ContentDiff {
        entities,
        decision,
        clinical_review,
        changelog_required,
    }
}

fn describe(c: &FieldChange) -> String {
    let mut s = match (c.op, &c.before, &c.after) {
        (Op::Added, _, Some(a)) => format!("{} added: {a}", c.field),
        (Op::Removed, Some(b), _) => format!("{} removed: {b}", c.field),
        (_, Some(b), Some(a)) => format!("{} changed: {b} → {a}", c.field),
        _ => format!("{} {}", c.field, c.op.as_str()),
    };
    if let Some(n) = &c.note {
        s.push_str(&format!(" ({n})"));
    }
    s
}

/// Lookup keys as the generated `FromStr` and `from_code` see them: folded key → id.
struct Keys {
    treatments: BTreeMap<String, String>,
    classes: BTreeMap<String, String>,
    mechanisms: BTreeMap<String, String>,
    cautions: BTreeMap<String, String>,
    sources: BTreeMap<String, String>,
    codes: BTreeMap<(CodeSystem, String), String>,
}

fn named<T>(
    m: &BTreeMap<String, Loaded<T>>,
    name: impl Fn(&T) -> &str,
) -> BTreeMap<String, String> {
    // The same order as the generator: the id always wins, then the name.
    let mut keys = BTreeMap::new();
    for (id, l) in m {
        keys.insert(fold(id), id.clone());
        keys.entry(fold(name(&l.item)))
            .or_insert_with(|| id.clone());
    }
    keys
}

impl Keys {
    fn of(c: &Content) -> Keys {
        let mut treatments = BTreeMap::new();
        let mut codes = BTreeMap::new();
        for (id, l) in &c.treatments {
            treatments.insert(fold(id), id.clone());
            let t = &l.item;
            let names = std::iter::once(&t.name)
                .chain(&t.synonyms)
                .chain(t.brands.iter().map(|b| &b.name));
            for n in names {
                treatments.entry(fold(&n.0)).or_insert_with(|| id.clone());
            }
            for code in &t.codes {
                codes
                    .entry((code.system, code.code.0.clone()))
                    .or_insert_with(|| id.clone());
            }
        }
        Keys {
            treatments,
            classes: named(&c.classes, |x| &x.name.0),
            mechanisms: named(&c.mechanisms, |x| &x.name.0),
            cautions: named(&c.cautions, |x| &x.title.0),
            sources: named(&c.sources, |x| &x.title.0),
            codes,
        }
    }

    fn of_kind(&self, kind: EntityKind) -> Option<&BTreeMap<String, String>> {
        match kind {
            EntityKind::Treatment => Some(&self.treatments),
            EntityKind::Class => Some(&self.classes),
            EntityKind::Mechanism => Some(&self.mechanisms),
            EntityKind::Caution => Some(&self.cautions),
            EntityKind::Source => Some(&self.sources),
            EntityKind::Condition | EntityKind::Disclaimer => None,
        }
    }
}

struct Cx<'a> {
    before: &'a Content,
    after: &'a Content,
    kb: Keys,
    ka: Keys,
}

fn change(
    field: &str,
    op: Op,
    before: Option<String>,
    after: Option<String>,
    rule: RuleId,
) -> FieldChange {
    FieldChange {
        field: field.to_string(),
        op,
        before,
        after,
        words: Vec::new(),
        note: None,
        rule,
        level: rule.level(),
        clinical: false,
    }
}

impl FieldChange {
    fn clinical(mut self, yes: bool) -> Self {
        self.clinical = yes;
        self
    }
    fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// A changed text: word diff, rule `text`.
fn text_change(field: &str, before: &str, after: &str) -> Option<FieldChange> {
    (before != after).then(|| FieldChange {
        words: word_diff(before, after),
        ..change(
            field,
            Op::Changed,
            Some(before.to_string()),
            Some(after.to_string()),
            RuleId::Text,
        )
    })
}

fn text(out: &mut Vec<FieldChange>, field: &str, before: &str, after: &str) {
    out.extend(text_change(field, before, after));
}

fn opt_text(
    out: &mut Vec<FieldChange>,
    field: &str,
    before: Option<&Text>,
    after: Option<&Text>,
    clinical: bool,
) {
    let c = match (before, after) {
        (Some(b), Some(a)) => text_change(field, &b.0, &a.0),
        (None, Some(a)) => Some(change(
            field,
            Op::Added,
            None,
            Some(a.0.clone()),
            RuleId::Text,
        )),
        (Some(b), None) => Some(change(
            field,
            Op::Removed,
            Some(b.0.clone()),
            None,
            RuleId::Text,
        )),
        (None, None) => None,
    };
    out.extend(c.map(|c| c.clinical(clinical)));
}

/// A changed value that is not wording.
fn fact<T: PartialEq>(
    out: &mut Vec<FieldChange>,
    field: &str,
    before: T,
    after: T,
    show: impl Fn(&T) -> String,
    rule: RuleId,
    clinical: bool,
) {
    if before != after {
        out.push(
            change(
                field,
                Op::Changed,
                Some(show(&before)),
                Some(show(&after)),
                rule,
            )
            .clinical(clinical),
        );
    }
}

fn opt_show<T: ClosedSet>(x: &Option<T>) -> String {
    x.map_or_else(|| "(none)".to_string(), |v| v.yaml().to_string())
}

/// Texts of a list (`usage`), aligned with a slice diff: replaced items are word-diffed.
fn text_list(out: &mut Vec<FieldChange>, field: &str, before: &[Text], after: &[Text]) {
    let b: Vec<&str> = before.iter().map(|t| t.as_str()).collect();
    let a: Vec<&str> = after.iter().map(|t| t.as_str()).collect();
    // Items `start..start + len` of `items`, each one added or removed (numbered from 1).
    let each = |out: &mut Vec<FieldChange>, items: &[&str], start: usize, len: usize, op: Op| {
        let slice = items.get(start..start + len).unwrap_or_default();
        for (k, item) in slice.iter().enumerate() {
            let name = format!("{field}[{}]", start + k + 1);
            let (before, after) = match op {
                Op::Removed => (Some(item.to_string()), None),
                _ => (None, Some(item.to_string())),
            };
            out.push(change(&name, op, before, after, RuleId::Text));
        }
    };
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &b, &a) {
        match op {
            similar::DiffOp::Equal { .. } => {}
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => each(out, &b, old_index, old_len, Op::Removed),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => each(out, &a, new_index, new_len, Op::Added),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let paired = old_len.min(new_len);
                let olds = b.get(old_index..old_index + paired).unwrap_or_default();
                let news = a.get(new_index..new_index + paired).unwrap_or_default();
                for (k, (o, n)) in olds.iter().zip(news).enumerate() {
                    text(out, &format!("{field}[{}]", new_index + k + 1), o, n);
                }
                each(out, &b, old_index + paired, old_len - paired, Op::Removed);
                each(out, &a, new_index + paired, new_len - paired, Op::Added);
            }
        }
    }
}

/// A list of ids: added and removed ids, each under `rule`.
fn id_set(out: &mut Vec<FieldChange>, field: &str, before: &[Id], after: &[Id], rule: RuleId) {
    let b: BTreeSet<&str> = before.iter().map(|i| i.0.as_str()).collect();
    let a: BTreeSet<&str> = after.iter().map(|i| i.0.as_str()).collect();
    for id in b.difference(&a) {
        out.push(change(field, Op::Removed, Some(id.to_string()), None, rule));
    }
    for id in a.difference(&b) {
        out.push(change(field, Op::Added, None, Some(id.to_string()), rule));
    }
}

fn regions(rs: &[Region]) -> String {
    if rs.is_empty() {
        "(none)".into()
    } else {
        rs.iter().map(|r| r.yaml()).collect::<Vec<_>>().join(", ")
    }
}

fn show_regulatory(r: &Regulatory) -> String {
    let mut s = format!("{} {}: {}", r.region.yaml(), r.status.yaml(), r.scope.0);
    if let Some(d) = &r.date {
        s.push_str(&format!(" ({})", d.0));
    }
    if r.population.is_some() {
        s.push_str(&format!(" for {}", show_population(&r.population)));
    }
    s.push_str(&format!(" [{}]", r.source.0));
    s
}

fn show_code(c: &CodeEntry) -> String {
    format!("{} {} ({})", c.system.yaml(), c.code.0, c.grade.yaml())
}

fn show_date(d: &Option<Date>) -> String {
    d.as_ref()
        .map_or_else(|| "(none)".to_string(), |x| x.0.clone())
}

/// The date of the last review against the sources: a patch, not clinical.
fn reviewed(out: &mut Vec<FieldChange>, before: &Option<Date>, after: &Option<Date>) {
    fact(
        out,
        "reviewed",
        before,
        after,
        |d| show_date(d),
        RuleId::Text,
        false,
    );
}

fn show_population(p: &Option<Population>) -> String {
    match p {
        None => "(none)".into(),
        Some(p) => match p.min_age_years {
            Some(age) => format!("{} (from age {age})", p.text.0),
            None => p.text.0.clone(),
        },
    }
}

fn show_indication(i: &Indication) -> String {
    let mut s = i.note.0.clone();
    if !i.after_other.is_empty() {
        let after: Vec<&str> = i.after_other.iter().map(|x| x.0.as_str()).collect();
        s.push_str(&format!(" (after {})", after.join(", ")));
    }
    s.push_str(&format!(" [{}]", i.source.0));
    s
}

/// A treatment's indication qualifiers: every change is clinical.
fn indication(out: &mut Vec<FieldChange>, before: Option<&Indication>, after: Option<&Indication>) {
    match (before, after) {
        (None, None) => {}
        (Some(b), None) => out.push(
            change(
                "indication",
                Op::Removed,
                Some(show_indication(b)),
                None,
                RuleId::ChangedFact,
            )
            .clinical(true),
        ),
        (None, Some(a)) => out.push(
            change(
                "indication",
                Op::Added,
                None,
                Some(show_indication(a)),
                RuleId::ChangedFact,
            )
            .clinical(true),
        ),
        (Some(b), Some(a)) => {
            out.extend(
                text_change("indication.note", &b.note.0, &a.note.0).map(|c| c.clinical(true)),
            );
            let mut ids = Vec::new();
            id_set(
                &mut ids,
                "indication.after_other",
                &b.after_other,
                &a.after_other,
                RuleId::ChangedFact,
            );
            out.extend(ids.into_iter().map(|c| c.clinical(true)));
            fact(
                out,
                "indication.source",
                &b.source.0,
                &a.source.0,
                |x| x.to_string(),
                RuleId::Text,
                true,
            );
        }
    }
}

/// Cautions recorded as not applied, matched by caution: every change is clinical.
fn not_applied(
    out: &mut Vec<FieldChange>,
    before: &[CautionNotApplied],
    after: &[CautionNotApplied],
) {
    let b: BTreeMap<&str, &CautionNotApplied> =
        before.iter().map(|n| (n.caution.0.as_str(), n)).collect();
    let a: BTreeMap<&str, &CautionNotApplied> =
        after.iter().map(|n| (n.caution.0.as_str(), n)).collect();
    for (caution, bn) in &b {
        let field = format!("cautions_not_applied[{caution}]");
        match a.get(caution) {
            None => out.push(
                change(
                    "cautions_not_applied",
                    Op::Removed,
                    Some(caution.to_string()),
                    None,
                    RuleId::ChangedFact,
                )
                .note(format!("was: {}", bn.reason.0))
                .clinical(true),
            ),
            Some(an) => {
                out.extend(
                    text_change(&format!("{field}.reason"), &bn.reason.0, &an.reason.0)
                        .map(|c| c.clinical(true)),
                );
                fact(
                    out,
                    &format!("{field}.source"),
                    &bn.source.0,
                    &an.source.0,
                    |x| x.to_string(),
                    RuleId::Text,
                    true,
                );
            }
        }
    }
    for (caution, an) in &a {
        if !b.contains_key(caution) {
            out.push(
                change(
                    "cautions_not_applied",
                    Op::Added,
                    None,
                    Some(caution.to_string()),
                    RuleId::ChangedFact,
                )
                .note(format!("because: {}", an.reason.0))
                .clinical(true),
            );
        }
    }
}

impl Cx<'_> {
    fn entities<T>(
        &self,
        kind: EntityKind,
        before: &BTreeMap<String, Loaded<T>>,
        after: &BTreeMap<String, Loaded<T>>,
        out: &mut Vec<EntityDiff>,
        compare: impl Fn(&Self, &str, &T, &T) -> Vec<FieldChange>,
    ) {
        let ids: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
        for id in ids {
            let e = match (before.get(id), after.get(id)) {
                (Some(_), None) => {
                    let mut c =
                        change("id", Op::Removed, Some(id.clone()), None, RuleId::RemovedId);
                    // The id's other keys (names, brands) go with it.
                    let lost = self.lost_keys(kind, id);
                    if !lost.is_empty() {
                        c = c.note(format!("lookups no longer accept: {}", lost.join(", ")));
                    }
                    EntityDiff {
                        kind,
                        id: id.clone(),
                        op: Op::Removed,
                        changes: vec![c],
                    }
                }
                (None, Some(_)) => EntityDiff {
                    kind,
                    id: id.clone(),
                    op: Op::Added,
                    changes: vec![change(
                        "id",
                        Op::Added,
                        None,
                        Some(id.clone()),
                        RuleId::NewVariant,
                    )],
                },
                (Some(b), Some(a)) => EntityDiff {
                    kind,
                    id: id.clone(),
                    op: Op::Changed,
                    changes: compare(self, id, &b.item, &a.item),
                },
                (None, None) => continue,
            };
            if !e.changes.is_empty() {
                out.push(e);
            }
        }
    }

    /// Keys that found `id` in BASE and no longer find it in HEAD.
    fn lost_keys(&self, kind: EntityKind, id: &str) -> Vec<String> {
        let (Some(b), Some(a)) = (self.kb.of_kind(kind), self.ka.of_kind(kind)) else {
            return Vec::new();
        };
        b.iter()
            .filter(|(k, v)| {
                v.as_str() == id && a.get(*k).is_none_or(|x| x != id) && **k != fold(id)
            })
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// The rule for a lookup key `key` of entity `id`, when it was removed (`removed`) or added.
    fn key_rule(&self, kind: EntityKind, id: &str, key: &str, removed: bool) -> RuleId {
        let (Some(b), Some(a)) = (self.kb.of_kind(kind), self.ka.of_kind(kind)) else {
            return RuleId::Text;
        };
        let k = fold(key);
        let finds = |m: &BTreeMap<String, String>| m.get(&k).is_some_and(|x| x == id);
        if removed && finds(b) && !finds(a) {
            RuleId::RemovedLookupKey
        } else if !removed && finds(a) && !finds(b) {
            RuleId::NewLookupKey
        } else {
            RuleId::Text
        }
    }

    /// A changed name or title, which lookups accept: classified by what lookups lose or gain.
    fn name(
        &self,
        out: &mut Vec<FieldChange>,
        kind: EntityKind,
        id: &str,
        field: &str,
        b: &str,
        a: &str,
    ) {
        if let Some(mut c) = text_change(field, b, a) {
            let lost = self.key_rule(kind, id, b, true);
            let gained = self.key_rule(kind, id, a, false);
            c.rule = if lost == RuleId::RemovedLookupKey {
                lost
            } else {
                gained
            };
            c.level = c.rule.level();
            if lost == RuleId::RemovedLookupKey {
                c = c.note(format!("lookups no longer accept \"{b}\""));
            }
            out.push(c);
        }
    }

    /// Names in a list (synonyms), matched ignoring case.
    fn name_list<'x>(
        &self,
        out: &mut Vec<FieldChange>,
        id: &str,
        field: &str,
        before: impl Iterator<Item = &'x str>,
        after: impl Iterator<Item = &'x str>,
    ) {
        let b: BTreeMap<String, &str> = before.map(|s| (fold(s), s)).collect();
        let a: BTreeMap<String, &str> = after.map(|s| (fold(s), s)).collect();
        for (k, old) in &b {
            match a.get(k) {
                Some(new) => text(out, field, old, new),
                None => {
                    let rule = self.key_rule(EntityKind::Treatment, id, old, true);
                    let mut c = change(field, Op::Removed, Some(old.to_string()), None, rule);
                    if rule == RuleId::RemovedLookupKey {
                        c = c.note(format!("lookups no longer accept \"{old}\""));
                    }
                    out.push(c);
                }
            }
        }
        for (k, new) in &a {
            if !b.contains_key(k) {
                let rule = self.key_rule(EntityKind::Treatment, id, new, false);
                out.push(change(field, Op::Added, None, Some(new.to_string()), rule));
            }
        }
    }

    fn resolved_cautions(c: &Content, t: &TreatmentFile) -> BTreeMap<String, String> {
        let mut out: BTreeMap<String, String> = crate::relations::Relations::of(c)
            .class_cautions
            .remove(&t.category.0)
            .unwrap_or_default()
            .into_iter()
            .map(|x| (x, format!("through class {}", t.category.0)))
            .collect();
        for own in &t.cautions {
            out.insert(own.0.clone(), "its own".into());
        }
        out
    }

    fn treatment(&self, id: &str, b: &TreatmentFile, a: &TreatmentFile) -> Vec<FieldChange> {
        let mut out = Vec::new();
        let k = EntityKind::Treatment;
        self.name(&mut out, k, id, "name", &b.name.0, &a.name.0);
        self.name_list(
            &mut out,
            id,
            "synonyms",
            b.synonyms.iter().map(|s| s.as_str()),
            a.synonyms.iter().map(|s| s.as_str()),
        );
        self.name_list(
            &mut out,
            id,
            "brands",
            b.brands.iter().map(|x| x.name.as_str()),
            a.brands.iter().map(|x| x.name.as_str()),
        );
        for bb in &b.brands {
            if let Some(ab) = a
                .brands
                .iter()
                .find(|x| fold(&x.name.0) == fold(&bb.name.0))
            {
                fact(
                    &mut out,
                    &format!("brands[{}].regions", ab.name.0),
                    &bb.regions[..],
                    &ab.regions[..],
                    |r| regions(r),
                    RuleId::ChangedFact,
                    true,
                );
            }
        }
        fact(
            &mut out,
            "kind",
            b.kind,
            a.kind,
            |x| x.yaml().into(),
            RuleId::ChangedFact,
            false,
        );
        fact(
            &mut out,
            "category",
            &b.category.0,
            &a.category.0,
            |x| x.to_string(),
            RuleId::CautionOrClass,
            false,
        );
        id_set(
            &mut out,
            "mechanisms",
            &b.mechanisms,
            &a.mechanisms,
            RuleId::ChangedFact,
        );
        text(&mut out, "summary", &b.summary.0, &a.summary.0);
        text_list(&mut out, "usage", &b.usage, &a.usage);
        regulatory(&mut out, &b.regulatory, &a.regulatory);
        // Resolved cautions: the treatment's own and its class's (with ancestors).
        let rb = Self::resolved_cautions(self.before, b);
        let ra = Self::resolved_cautions(self.after, a);
        for (c, origin) in &rb {
            if !ra.contains_key(c) {
                out.push(
                    change(
                        "cautions (resolved)",
                        Op::Removed,
                        Some(c.clone()),
                        None,
                        RuleId::CautionOrClass,
                    )
                    .note(format!("was {origin}"))
                    .clinical(true),
                );
            }
        }
        for (c, origin) in &ra {
            if !rb.contains_key(c) {
                out.push(
                    change(
                        "cautions (resolved)",
                        Op::Added,
                        None,
                        Some(c.clone()),
                        RuleId::CautionOrClass,
                    )
                    .note(format!("newly applied, {origin}"))
                    .clinical(true),
                );
            }
        }
        self.codes(&mut out, id, &b.codes, &a.codes, true);
        id_set(
            &mut out,
            "used_with",
            &b.used_with,
            &a.used_with,
            RuleId::ChangedFact,
        );
        indication(&mut out, b.indication.as_ref(), a.indication.as_ref());
        not_applied(&mut out, &b.cautions_not_applied, &a.cautions_not_applied);
        reviewed(&mut out, &b.reviewed, &a.reviewed);
        id_set(&mut out, "sources", &b.sources, &a.sources, RuleId::Text);
        out
    }

    /// Codes, matched by system and code. `of_treatment`: `from_code` keys; else the condition's.
    fn codes(
        &self,
        out: &mut Vec<FieldChange>,
        id: &str,
        before: &[CodeEntry],
        after: &[CodeEntry],
        of_treatment: bool,
    ) {
        let key = |c: &CodeEntry| (c.system, c.code.0.clone());
        for bc in before {
            match after.iter().find(|ac| key(ac) == key(bc)) {
                Some(ac) => {
                    let field = format!("codes[{} {}]", bc.system.yaml(), bc.code.0);
                    opt_text(
                        out,
                        &format!("{field}.label"),
                        bc.label.as_ref(),
                        ac.label.as_ref(),
                        true,
                    );
                    fact(
                        out,
                        &format!("{field}.grade"),
                        bc.grade,
                        ac.grade,
                        |g| g.yaml().into(),
                        RuleId::ChangedFact,
                        true,
                    );
                    fact(
                        out,
                        &format!("{field}.source"),
                        &bc.source.0,
                        &ac.source.0,
                        |s| s.to_string(),
                        RuleId::Text,
                        true,
                    );
                }
                None => {
                    // `from_code` (or `has_code`) of the old code no longer finds it here.
                    let mut c = change(
                        "codes",
                        Op::Removed,
                        Some(show_code(bc)),
                        None,
                        RuleId::RemovedCode,
                    )
                    .clinical(true);
                    if let Some(other) = self
                        .ka
                        .codes
                        .get(&key(bc))
                        .filter(|x| of_treatment && x.as_str() != id)
                    {
                        c = c.note(format!("now found on treatment {other}"));
                    }
                    out.push(c);
                }
            }
        }
        for ac in after {
            if !before.iter().any(|bc| key(bc) == key(ac)) {
                out.push(
                    change(
                        "codes",
                        Op::Added,
                        None,
                        Some(show_code(ac)),
                        RuleId::ChangedFact,
                    )
                    .clinical(true),
                );
            }
        }
    }

    fn category(&self, id: &str, b: &ClassFile, a: &ClassFile) -> Vec<FieldChange> {
        let mut out = Vec::new();
        self.name(
            &mut out,
            EntityKind::Class,
            id,
            "name",
            &b.name.0,
            &a.name.0,
        );
        fact(
            &mut out,
            "parent",
            &b.parent,
            &a.parent,
            |p| {
                p.as_ref()
                    .map_or_else(|| "(none)".to_string(), |x| x.0.clone())
            },
            RuleId::CautionOrClass,
            false,
        );
        fact(
            &mut out,
            "order",
            b.order,
            a.order,
            |o| o.to_string(),
            RuleId::ChangedFact,
            false,
        );
        text(&mut out, "description", &b.description.0, &a.description.0);
        id_set(
            &mut out,
            "cautions",
            &b.cautions,
            &a.cautions,
            RuleId::CautionOrClass,
        );
        reviewed(&mut out, &b.reviewed, &a.reviewed);
        id_set(&mut out, "sources", &b.sources, &a.sources, RuleId::Text);
        out
    }

    fn mechanism(&self, id: &str, b: &MechanismFile, a: &MechanismFile) -> Vec<FieldChange> {
        let mut out = Vec::new();
        self.name(
            &mut out,
            EntityKind::Mechanism,
            id,
            "name",
            &b.name.0,
            &a.name.0,
        );
        fact(
            &mut out,
            "target",
            b.target,
            a.target,
            |x| x.yaml().into(),
            RuleId::ChangedFact,
            false,
        );
        text(&mut out, "explanation", &b.explanation.0, &a.explanation.0);
        reviewed(&mut out, &b.reviewed, &a.reviewed);
        id_set(&mut out, "sources", &b.sources, &a.sources, RuleId::Text);
        out
    }

    fn caution(&self, id: &str, b: &CautionFile, a: &CautionFile) -> Vec<FieldChange> {
        let mut out = Vec::new();
        self.name(
            &mut out,
            EntityKind::Caution,
            id,
            "title",
            &b.title.0,
            &a.title.0,
        );
        fact(
            &mut out,
            "kind",
            b.kind,
            a.kind,
            |x| x.yaml().into(),
            RuleId::ChangedFact,
            true,
        );
        text(&mut out, "explanation", &b.explanation.0, &a.explanation.0);
        text(
            &mut out,
            "for_the_patient",
            &b.for_the_patient.0,
            &a.for_the_patient.0,
        );
        fact(
            &mut out,
            "region",
            b.region,
            a.region,
            opt_show,
            RuleId::ChangedFact,
            true,
        );
        fact(
            &mut out,
            "grade",
            b.grade,
            a.grade,
            opt_show,
            RuleId::ChangedFact,
            true,
        );
        reviewed(&mut out, &b.reviewed, &a.reviewed);
        id_set(&mut out, "sources", &b.sources, &a.sources, RuleId::Text);
        out
    }

    fn source(&self, id: &str, b: &SourceFile, a: &SourceFile) -> Vec<FieldChange> {
        let mut out = Vec::new();
        self.name(
            &mut out,
            EntityKind::Source,
            id,
            "title",
            &b.title.0,
            &a.title.0,
        );
        opt_text(
            &mut out,
            "publisher",
            b.publisher.as_ref(),
            a.publisher.as_ref(),
            false,
        );
        fact(
            &mut out,
            "kind",
            b.kind,
            a.kind,
            |x| x.yaml().into(),
            RuleId::Text,
            false,
        );
        fact(
            &mut out,
            "last_updated",
            &b.last_updated,
            &a.last_updated,
            |d| {
                d.as_ref()
                    .map_or_else(|| "(none)".to_string(), |x| x.0.clone())
            },
            RuleId::Text,
            false,
        );
        opt_text(&mut out, "note", b.note.as_ref(), a.note.as_ref(), false);
        out
    }

    fn condition(&self) -> Vec<FieldChange> {
        let (b, a) = (&self.before.condition.item, &self.after.condition.item);
        let mut out = Vec::new();
        text(&mut out, "name", &b.name.0, &a.name.0);
        text(
            &mut out,
            "abbreviation",
            &b.abbreviation.0,
            &a.abbreviation.0,
        );
        text(&mut out, "summary", &b.summary.0, &a.summary.0);
        text(
            &mut out,
            "normal_signal",
            &b.normal_signal.0,
            &a.normal_signal.0,
        );
        text(
            &mut out,
            "what_goes_wrong",
            &b.what_goes_wrong.0,
            &a.what_goes_wrong.0,
        );
        fact(
            &mut out,
            "curable",
            b.curable,
            a.curable,
            |x| x.to_string(),
            RuleId::ChangedFact,
            true,
        );
        text(
            &mut out,
            "treatment_goal",
            &b.treatment_goal.0,
            &a.treatment_goal.0,
        );
        let (bc, ac) = (&b.associated_cancer, &a.associated_cancer);
        text(&mut out, "associated_cancer.name", &bc.name.0, &ac.name.0);
        text(
            &mut out,
            "associated_cancer.share_of_patients",
            &bc.share_of_patients.0,
            &ac.share_of_patients.0,
        );
        text(
            &mut out,
            "associated_cancer.treatment_note",
            &bc.treatment_note.0,
            &ac.treatment_note.0,
        );
        self.codes(&mut out, "lems", &b.codes, &a.codes, false);
        reviewed(&mut out, &b.reviewed, &a.reviewed);
        id_set(&mut out, "sources", &b.sources, &a.sources, RuleId::Text);
        out
    }
}

/// Regulatory facts, matched by region, status and source (and order among equals).
fn regulatory(out: &mut Vec<FieldChange>, before: &[Regulatory], after: &[Regulatory]) {
    fn keyed(
        rs: &[Regulatory],
    ) -> BTreeMap<(Region, RegulatoryStatus, String, usize), &Regulatory> {
        let mut seen: BTreeMap<(Region, RegulatoryStatus, String), usize> = BTreeMap::new();
        rs.iter()
            .map(|r| {
                let n = seen
                    .entry((r.region, r.status, r.source.0.clone()))
                    .or_default();
                *n += 1;
                ((r.region, r.status, r.source.0.clone(), *n), r)
            })
            .collect()
    }
    let (b, a) = (keyed(before), keyed(after));
    for (k, br) in &b {
        let field = format!("regulatory[{} {} {}]", k.0.yaml(), k.1.yaml(), k.2);
        match a.get(k) {
            None => out.push(
                change(
                    "regulatory",
                    Op::Removed,
                    Some(show_regulatory(br)),
                    None,
                    RuleId::ChangedFact,
                )
                .clinical(true),
            ),
            Some(ar) => {
                out.extend(
                    text_change(&format!("{field}.scope"), &br.scope.0, &ar.scope.0)
                        .map(|c| c.clinical(true)),
                );
                opt_text(
                    out,
                    &format!("{field}.authority"),
                    br.authority.as_ref(),
                    ar.authority.as_ref(),
                    true,
                );
                fact(
                    out,
                    &format!("{field}.date"),
                    &br.date,
                    &ar.date,
                    |d| {
                        d.as_ref()
                            .map_or_else(|| "(none)".to_string(), |x| x.0.clone())
                    },
                    RuleId::ChangedFact,
                    true,
                );
                opt_text(
                    out,
                    &format!("{field}.note"),
                    br.note.as_ref(),
                    ar.note.as_ref(),
                    true,
                );
                fact(
                    out,
                    &format!("{field}.grade"),
                    br.grade,
                    ar.grade,
                    opt_show,
                    RuleId::ChangedFact,
                    true,
                );
                let population = format!("{field}.population");
                match (&br.population, &ar.population) {
                    (Some(bp), Some(ap)) => {
                        out.extend(
                            text_change(&population, &bp.text.0, &ap.text.0)
                                .map(|c| c.clinical(true)),
                        );
                        fact(
                            out,
                            &format!("{population}.min_age_years"),
                            bp.min_age_years,
                            ap.min_age_years,
                            |x| x.map_or_else(|| "(none)".to_string(), |a| a.to_string()),
                            RuleId::ChangedFact,
                            true,
                        );
                    }
                    (bp, ap) => fact(
                        out,
                        &population,
                        bp,
                        ap,
                        |p| show_population(p),
                        RuleId::ChangedFact,
                        true,
                    ),
                }
            }
        }
    }
    for (k, ar) in &a {
        if !b.contains_key(k) {
            out.push(
                change(
                    "regulatory",
                    Op::Added,
                    None,
                    Some(show_regulatory(ar)),
                    RuleId::ChangedFact,
                )
                .clinical(true),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_keeps_spacing_and_marks_changed_words() {
        let d = word_diff("it helps a little", "it helps quite a lot");
        let joined_before: String = d
            .iter()
            .filter(|p| p.op != PieceOp::Insert)
            .map(|p| p.text.as_str())
            .collect();
        let joined_after: String = d
            .iter()
            .filter(|p| p.op != PieceOp::Delete)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(joined_before, "it helps a little");
        assert_eq!(joined_after, "it helps quite a lot");
        assert!(d
            .iter()
            .any(|p| p.op == PieceOp::Delete && p.text.contains("little")));
    }

    fn real() -> Content {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let report = crate::load(
            &crate::load::Paths::under(&root),
            crate::load::SchemaCheck::Skip,
        );
        report.content.expect("the repository's content loads")
    }

    fn rules_of(d: &ContentDiff) -> Vec<(String, RuleId, bool)> {
        d.entities
            .iter()
            .flat_map(|e| {
                e.changes
                    .iter()
                    .map(|c| (c.field.clone(), c.rule, c.clinical))
            })
            .collect()
    }

    #[test]
    fn identical_content_has_no_changes() {
        let c = real();
        let d = diff(&c, &c);
        assert!(d.entities.is_empty());
        assert_eq!(d.level(), None);
    }

    #[test]
    fn review_dates_are_a_patch_and_safety_qualifiers_are_clinical() {
        let before = real();
        let mut after = before.clone();
        let ivig = &mut after
            .treatments
            .get_mut("intravenous_immunoglobulin")
            .expect("ivig")
            .item;
        ivig.reviewed = Some(Date("2027-01-01".into()));
        let n = ivig
            .cautions_not_applied
            .first_mut()
            .expect("a decision not to apply a caution");
        n.reason = Text(format!("{} Reworded.", n.reason.0));
        let ami = &mut after
            .treatments
            .get_mut("amifampridine")
            .expect("amifampridine")
            .item;
        let p = ami
            .regulatory
            .iter_mut()
            .find_map(|r| r.population.as_mut())
            .expect("a population");
        p.min_age_years = Some(p.min_age_years.unwrap_or(0) + 1);
        let rit = &mut after
            .treatments
            .get_mut("rituximab")
            .expect("rituximab")
            .item;
        rit.indication = None;
        let caution = after
            .cautions
            .values_mut()
            .find(|c| c.item.grade.is_some())
            .expect("a graded caution");
        caution.item.grade = None;
        let d = diff(&before, &after);
        let rules = rules_of(&d);
        assert!(
            rules.contains(&("reviewed".into(), RuleId::Text, false)),
            "{rules:?}"
        );
        assert!(
            rules
                .iter()
                .any(|(f, r, c)| f.starts_with("cautions_not_applied[")
                    && f.ends_with(".reason")
                    && *r == RuleId::Text
                    && *c),
            "{rules:?}"
        );
        assert!(
            rules
                .iter()
                .any(|(f, r, c)| f.ends_with(".population.min_age_years")
                    && *r == RuleId::ChangedFact
                    && *c),
            "{rules:?}"
        );
        assert!(
            rules.contains(&("indication".into(), RuleId::ChangedFact, true)),
            "{rules:?}"
        );
        assert!(
            rules.contains(&("grade".into(), RuleId::ChangedFact, true)),
            "{rules:?}"
        );
        // Only the review date alone is a patch.
        let mut only_review = before.clone();
        for l in only_review.treatments.values_mut() {
            l.item.reviewed = Some(Date("2027-01-01".into()));
        }
        only_review.disclaimer.item.reviewed = Some(Date("2027-01-01".into()));
        let d = diff(&before, &only_review);
        assert_eq!(d.level(), Some(Level::Patch));
        assert!(d.clinical_review.is_empty());
    }

    #[test]
    fn usage_codes_and_regulatory_facts_are_compared_field_by_field() {
        let before = real();
        let mut after = before.clone();
        let t = &mut after
            .treatments
            .get_mut("amifampridine")
            .expect("amifampridine")
            .item;
        t.usage.insert(0, Text("A new first statement.".into()));
        t.codes.retain(|c| c.system != CodeSystem::Unii);
        t.regulatory[1].date = Some(PartialDate("2018-11".into()));
        let d = diff(&before, &after);
        let rules = rules_of(&d);
        assert!(
            rules.contains(&("usage[1]".into(), RuleId::Text, false)),
            "{rules:?}"
        );
        assert!(
            rules.contains(&("codes".into(), RuleId::RemovedCode, true)),
            "{rules:?}"
        );
        assert!(
            rules
                .iter()
                .any(|(f, r, c)| f.ends_with(".date") && *r == RuleId::ChangedFact && *c),
            "{rules:?}"
        );
        // Only the inserted statement: the others are not reported as changed.
        assert_eq!(
            rules
                .iter()
                .filter(|(f, ..)| f.starts_with("usage"))
                .count(),
            1
        );
        let dec = d.decision.expect("a decision");
        assert_eq!(
            (dec.level, dec.rule.id),
            (Level::Major, RuleId::RemovedCode)
        );
    }

    #[test]
    fn a_removed_treatment_is_a_removed_id_and_a_case_change_is_wording() {
        let before = real();
        let mut after = before.clone();
        after.treatments.remove("guanidine");
        after
            .treatments
            .get_mut("pyridostigmine")
            .expect("pyridostigmine")
            .item
            .name = Text("PYRIDOSTIGMINE".into());
        let d = diff(&before, &after);
        let rules = rules_of(&d);
        assert!(
            rules.contains(&("id".into(), RuleId::RemovedId, false)),
            "{rules:?}"
        );
        assert!(
            rules.contains(&("name".into(), RuleId::Text, false)),
            "{rules:?}"
        );
        assert_eq!(d.level(), Some(Level::Major));
    }

    #[test]
    fn the_table_has_every_level_and_one_changelog_rule() {
        let md = rules_markdown();
        assert_eq!(md.lines().count(), RuleId::ALL.len() + 2);
        assert!(md.contains("| minor, called out in `CHANGELOG.md` |"));
        assert_eq!(RuleId::ALL.iter().filter(|r| r.changelog()).count(), 1);
        for l in [Level::Patch, Level::Minor, Level::Major] {
            assert!(RuleId::ALL.iter().any(|r| r.level() == l));
        }
    }
}
