//! The content versioning policy as data: one row per rule, with its name,
//! release level, changelog and clinical-review flags and the sentence that
//! explains it. Everything the diff says about a rule is read from [`RULES`].

use serde::Serialize;

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

/// One row of the content versioning policy. The table lives in this module,
/// once: README.md's "Versioning of content" table is `rules_markdown`'s output.
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

/// Whether a field is a clinical fact or text (a caution's title, texts and
/// grade, an indication, a usage line, a regulatory fact and its population,
/// a code, the disclaimer...) or plain content. Each
/// comparison says which of its fields are clinical; the rule's
/// [`Review`] decides what that means for the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Weight {
    /// Wording, names, links and facts a clinician need not see changed.
    Plain,
    /// A fact a clinician must review when it changes.
    Clinical,
}

/// When a change under a rule needs a clinician's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Review {
    /// Never: new entities and removed ids are not clinical (what they
    /// change on a treatment is, through its resolved cautions).
    Never,
    /// When the changed field is clinical ([`Weight::Clinical`]).
    OfClinicalFields,
    /// When the changed field is clinical, or when the change deletes or
    /// inserts a negation or certainty word or a number with its unit
    /// (`super::Mark`) in any text: "may harm" → "can harm" is clinical
    /// wherever it is written.
    OfClinicalFieldsOrMarks,
    /// Always, whatever the field.
    Always,
}

/// One rule of the policy: everything the diff and the docs say about it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rule {
    /// The rule.
    pub id: RuleId,
    /// Its short name, as printed and in JSON.
    pub name: &'static str,
    /// The release it asks for.
    pub level: Level,
    /// Whether a change under it must be called out in `CHANGELOG.md`.
    pub changelog: bool,
    /// Whether a change under it needs clinical review.
    pub review: Review,
    /// What changes fall under it (Markdown, as in README.md).
    pub change: &'static str,
    /// What users of the crate must do about such a change, in plain words.
    pub users: &'static str,
}

/// The policy, one row per [`RuleId`] in its declaration order (checked
/// when the crate compiles).
pub(super) const RULES: [Rule; 8] = [
    Rule {
        id: RuleId::Text,
        name: "text",
        level: Level::Patch,
        changelog: false,
        review: Review::OfClinicalFieldsOrMarks,
        change: "wording of a text, a fixed typo, a new or corrected source citation",
        users: "nothing: only wording or citations changed, and code that reads the texts keeps working",
    },
    Rule {
        id: RuleId::NewVariant,
        name: "new-variant",
        level: Level::Minor,
        changelog: false,
        review: Review::Never,
        change: "a new treatment, mechanism, caution, class or source (a new enum variant)",
        users: "nothing: the enums already require a catch-all arm (`_ =>`) in a `match`, so code keeps compiling; add the new item where you list items by hand if you want it shown",
    },
    Rule {
        id: RuleId::NewLookupKey,
        name: "new-lookup-key",
        level: Level::Minor,
        changelog: false,
        review: Review::OfClinicalFields,
        change: "a new brand name or synonym (a new lookup key), a new accessor",
        users: "nothing: lookups by name now also accept a new brand name or synonym",
    },
    Rule {
        id: RuleId::CautionOrClass,
        name: "caution-or-class",
        level: Level::Minor,
        changelog: true,
        review: Review::OfClinicalFields,
        change: "a caution newly applied to, or removed from, a treatment; a changed class",
        users: "nothing in your code, but re-check what you show for the treatments concerned: a caution now applies or no longer applies, or a class changed (CHANGELOG.md says which)",
    },
    Rule {
        id: RuleId::ChangedFact,
        name: "changed-fact",
        level: Level::Minor,
        changelog: false,
        review: Review::OfClinicalFields,
        change: "a changed fact that is not wording (a kind, target, region, status, date, grade, population or class order); a mechanism, combined treatment, regulatory fact, standard code, indication qualifier or caution recorded as not applied added, or a mechanism, combined treatment, regulatory fact, indication qualifier or caution recorded as not applied removed",
        users: "nothing in your code, but values your code reads have changed (a kind, a date, a status, a grade, …); re-check anything that depends on them",
    },
    Rule {
        id: RuleId::RemovedId,
        name: "removed-id",
        level: Level::Major,
        changelog: false,
        review: Review::Never,
        change: "a removed or renamed **id** (a variant disappears, `from_str` of the old id fails)",
        users: "update your code that names the removed item (for example `Treatment::…` in a `match` or an expression) and any stored id you parse back: the item is gone, so that code no longer compiles and the old id no longer parses",
    },
    Rule {
        id: RuleId::RemovedLookupKey,
        name: "removed-lookup-key",
        level: Level::Major,
        changelog: false,
        review: Review::OfClinicalFields,
        change: "a removed name, brand or synonym that lookups accepted",
        users: "update code or stored data that looks a treatment up by the removed name, brand or synonym: that lookup now finds nothing",
    },
    Rule {
        id: RuleId::RemovedCode,
        name: "removed-code",
        level: Level::Major,
        changelog: false,
        review: Review::Always,
        change: "a removed standard code that `from_code` or `has_code` accepted",
        users: "update code or stored records that look a treatment up by the removed standard code: `from_code` no longer finds it and `has_code` answers false",
    },
];

// Row `i` of the table is the rule whose discriminant is `i`: `RuleId::row` relies on it.
const _: () = {
    let mut i = 0;
    while i < RULES.len() {
        assert!(RULES[i].id as usize == i);
        i += 1;
    }
};

impl RuleId {
    /// Every rule, in the order of the policy table.
    pub const ALL: [RuleId; 8] = {
        let mut all = [RuleId::Text; 8];
        let mut i = 0;
        while i < RULES.len() {
            all[i] = RULES[i].id;
            i += 1;
        }
        all
    };

    /// The rule's row of the table.
    pub(super) fn row(self) -> &'static Rule {
        &RULES[self as usize]
    }

    /// The rule's short name, as printed and in JSON.
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// What changes fall under the rule (Markdown, as in README.md).
    pub fn change(self) -> &'static str {
        self.row().change
    }

    /// The release the rule asks for.
    pub fn level(self) -> Level {
        self.row().level
    }

    /// Whether the change must be called out in `CHANGELOG.md`.
    pub fn changelog(self) -> bool {
        self.row().changelog
    }

    /// Whether a change of a field of `weight` under this rule needs clinical
    /// review; `marked`: the change deletes or inserts a marked word.
    pub(super) fn clinical(self, weight: Weight, marked: bool) -> bool {
        match self.row().review {
            Review::Never => false,
            Review::OfClinicalFields => weight == Weight::Clinical,
            Review::OfClinicalFieldsOrMarks => weight == Weight::Clinical || marked,
            Review::Always => true,
        }
    }

    /// The table's "release" cell: `minor`, or `minor, called out in `CHANGELOG.md``.
    pub fn release(self) -> String {
        if self.changelog() {
            format!("{}, called out in `CHANGELOG.md`", self.level())
        } else {
            self.level().to_string()
        }
    }

    /// What users of the crate must do about a change under the rule, in
    /// plain words (code in backticks).
    pub fn users(self) -> &'static str {
        self.row().users
    }

    /// The change text without Markdown emphasis, for terminals.
    pub fn change_plain(self) -> String {
        self.change().replace("**", "")
    }
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
