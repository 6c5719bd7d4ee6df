//! The one renderer of the content for readers (Markdown), from the checked
//! model. The code generator bakes its output into the compiled crate
//! (`Treatment::card()`, `guide()`), and the editors' tool (`show`, `export
//! --format markdown`) and the review snapshots call it directly, so what a
//! reviewer approves is byte for byte what an app shows, and the editors'
//! tool needs no compiled content to show it.

use std::fmt::Write as _;

use crate::load::Content;
use crate::model::{ClosedSet, CodeEntry, Grade, Id, TreatmentFile, TreatmentKind};
use crate::relations::{CautionOrigin, Relations};

/// The content and its derived relations: everything a rendering reads.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    /// The checked content.
    pub content: &'a Content,
    /// Its derived relations.
    pub relations: &'a Relations,
}

impl<'a> View<'a> {
    /// A view of checked content with its relations.
    pub fn new(content: &'a Content, relations: &'a Relations) -> View<'a> {
        View { content, relations }
    }

    fn source_title<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        name_of(&self.content.sources, id, |x| &x.title)
    }

    fn category_name<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        name_of(&self.content.classes, id, |x| &x.name)
    }

    fn treatment_name<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        name_of(&self.content.treatments, id, |x| &x.name)
    }

    /// One treatment as a reader sees it, the disclaimer under its title
    /// (`None` for an unknown id).
    pub fn card(&self, id: &str) -> Option<String> {
        Some(with_disclaimer(
            &self.guide_card(id)?,
            self.content.disclaimer.item.text.as_str(),
        ))
    }

    /// One treatment as it stands in the guide: its card without the
    /// disclaimer, which the guide states once at the top and once at the end
    /// (`None` for an unknown id).
    pub fn guide_card(&self, id: &str) -> Option<String> {
        let mut out = String::new();
        self.write_card(&mut out, id)?;
        Some(out)
    }

    /// The whole guide: [`View::guide_head`], then for each class in guide
    /// order its [`View::guide_section`] followed by a blank line and the
    /// [`View::guide_card`] of each of its treatments (in id order), then
    /// [`View::guide_tail`].
    /// The compiled crate composes its `guide()` from the same parts in the
    /// same way.
    pub fn guide(&self) -> String {
        let mut f = self.guide_head();
        for cat in &self.relations.guide_order {
            f.push_str(&self.guide_section(cat));
            for (id, t) in &self.content.treatments {
                if &t.item.category.0 == cat {
                    f.push('\n');
                    self.write_card(&mut f, id);
                }
            }
        }
        f.push_str(&self.guide_tail());
        f
    }

    /// The guide's opening: the title, the disclaimer and the condition.
    pub fn guide_head(&self) -> String {
        let mut f = String::new();
        let c = &self.content.condition.item;
        let _ = writeln!(
            f,
            "# Treating {} ({})",
            c.name.as_str(),
            c.abbreviation.as_str()
        );
        let _ = writeln!(f);
        let _ = writeln!(f, "> {}", self.content.disclaimer.item.text.as_str());
        let _ = writeln!(f);
        let _ = writeln!(f, "## The condition");
        let _ = writeln!(f);
        let _ = writeln!(f, "{}", c.summary.as_str());
        let _ = writeln!(f);
        let _ = writeln!(
            f,
            "**How muscles normally work.** {}",
            c.normal_signal.as_str()
        );
        let _ = writeln!(f);
        let _ = writeln!(f, "**What goes wrong.** {}", c.what_goes_wrong.as_str());
        let _ = writeln!(f);
        let _ = writeln!(f, "**Treatment.** {}", c.treatment_goal.as_str());
        let _ = writeln!(f);
        let cancer = &c.associated_cancer;
        let _ = writeln!(
            f,
            "**Associated cancer.** {} ({} of patients). {}",
            cancer.name.as_str(),
            cancer.share_of_patients.as_str(),
            cancer.treatment_note.as_str()
        );
        let _ = writeln!(f);
        let _ = write!(f, "(");
        self.cite(&mut f, &c.sources, None);
        if let Some(d) = &c.reviewed {
            let _ = write!(f, "; last reviewed against its sources: {}", d.0);
        }
        let _ = writeln!(f, ")");
        if !c.codes.is_empty() {
            let _ = writeln!(f);
            let _ = writeln!(f, "**Codes.**");
            let _ = writeln!(f);
            for code in &c.codes {
                self.code_line(&mut f, code);
            }
        }
        f
    }

    /// The heading and description that open a class's part of the guide.
    pub fn guide_section(&self, category: &str) -> String {
        let mut f = String::new();
        let Some(l) = self.content.classes.get(category) else {
            return f;
        };
        let _ = writeln!(f);
        let _ = write!(f, "# {}", l.item.name.as_str());
        if let Some(p) = &l.item.parent {
            let _ = write!(f, " (part of {})", self.category_name(&p.0));
        }
        let _ = writeln!(f);
        let _ = writeln!(f);
        let _ = write!(f, "{} (", l.item.description.as_str());
        self.cite(&mut f, &l.item.sources, None);
        let _ = writeln!(f, ")");
        f
    }

    /// The guide's closing list of every source, and the disclaimer again.
    pub fn guide_tail(&self) -> String {
        let mut f = String::new();
        let _ = writeln!(f);
        let _ = writeln!(f, "# Sources");
        let _ = writeln!(f);
        for id in self.content.sources.keys() {
            self.source_line(&mut f, id);
        }
        let _ = writeln!(f);
        let _ = writeln!(f, "> {}", self.content.disclaimer.item.text.as_str());
        f
    }

    /// `source: A, B` (with the grade when there is one).
    fn cite(&self, f: &mut String, sources: &[Id], grade: Option<Grade>) {
        let names: Vec<&str> = sources.iter().map(|s| self.source_title(&s.0)).collect();
        let _ = write!(f, "source: {}", names.join(", "));
        if let Some(g) = grade {
            let _ = write!(f, ", {}", g.label());
        }
    }

    /// Every source a card cites (its own, its regulatory facts', codes',
    /// cautions', mechanisms', class's, indication's and not-applied
    /// decisions', and the condition's when it points to the cancer), in id
    /// order, each once.
    fn card_sources(&self, id: &str) -> Vec<&'a str> {
        let c = self.content;
        let Some(t) = c.treatments.get(id).map(|l| &l.item) else {
            return Vec::new();
        };
        let mut cited: Vec<&str> = Vec::new();
        cited.extend(t.sources.iter().map(|s| s.0.as_str()));
        cited.extend(t.regulatory.iter().map(|r| r.source.0.as_str()));
        cited.extend(t.codes.iter().map(|x| x.source.0.as_str()));
        for caution in self
            .relations
            .treatment_cautions
            .get(id)
            .into_iter()
            .flatten()
        {
            if let Some(x) = c.cautions.get(caution.0) {
                cited.extend(x.item.sources.iter().map(|s| s.0.as_str()));
            }
        }
        for m in &t.mechanisms {
            if let Some(x) = c.mechanisms.get(&m.0) {
                cited.extend(x.item.sources.iter().map(|s| s.0.as_str()));
            }
        }
        if let Some(x) = c.classes.get(&t.category.0) {
            cited.extend(x.item.sources.iter().map(|s| s.0.as_str()));
        }
        if let Some(i) = &t.indication {
            cited.push(i.source.0.as_str());
        }
        cited.extend(t.cautions_not_applied.iter().map(|n| n.source.0.as_str()));
        if t.kind != TreatmentKind::AssociatedDiseaseCare {
            cited.extend(c.condition.item.sources.iter().map(|s| s.0.as_str()));
        }
        c.sources
            .keys()
            .map(String::as_str)
            .filter(|s| cited.contains(s))
            .collect()
    }

    fn source_line(&self, f: &mut String, id: &str) {
        let Some(s) = self.content.sources.get(id).map(|l| &l.item) else {
            return;
        };
        let _ = write!(f, "- {} (", s.title.as_str());
        if let Some(p) = &s.publisher {
            let _ = write!(f, "{}, ", p.as_str());
        }
        let _ = write!(f, "{}", s.kind.label());
        if let Some(d) = &s.last_updated {
            let _ = write!(f, ", last updated {}", d.0);
        }
        if let Some(n) = &s.note {
            let _ = write!(f, "; {}", n.as_str());
        }
        let _ = writeln!(f, ")");
    }

    fn code_line(&self, f: &mut String, c: &CodeEntry) {
        let _ = write!(f, "- {}: `{}`", c.system.label(), c.code.as_str());
        if let Some(l) = &c.label {
            let _ = write!(f, " ({})", l.as_str());
        }
        let _ = writeln!(
            f,
            ", from {} ({})",
            self.source_title(&c.source.0),
            c.grade.label()
        );
    }

    /// A card; in the guide the disclaimer stands once at the top instead.
    /// Its sections in reading order, each written by one method below.
    fn write_card(&self, f: &mut String, id: &str) -> Option<()> {
        let t = &self.content.treatments.get(id)?.item;
        self.card_head(f, id, t);
        self.card_mechanisms(f, t);
        self.card_usage(f, id, t);
        self.card_regulatory(f, t);
        self.card_cautions(f, id, t);
        self.card_cancer_note(f, t);
        self.card_codes_and_sources(f, id, t);
        Some(())
    }

    /// The title, summary and identity lines: id, kind, class, names, brands.
    fn card_head(&self, f: &mut String, id: &str, t: &TreatmentFile) {
        let _ = writeln!(f, "## {}", t.name.as_str());
        let _ = writeln!(f);
        let _ = writeln!(f, "{}", t.summary.as_str());
        let _ = writeln!(f);
        let _ = writeln!(f, "- Id: `{id}`");
        let _ = writeln!(f, "- Kind: {}", t.kind.label());
        let _ = write!(f, "- Class: {}", self.category_name(&t.category.0));
        for p in self
            .relations
            .class_ancestors
            .get(&t.category.0)
            .into_iter()
            .flatten()
        {
            let _ = write!(f, " (part of {})", self.category_name(p));
        }
        let _ = writeln!(f);
        if !t.synonyms.is_empty() {
            let names: Vec<&str> = t.synonyms.iter().map(|s| s.as_str()).collect();
            let _ = writeln!(f, "- Also called: {}", names.join(", "));
        }
        for b in &t.brands {
            let _ = write!(f, "- Brand: {}", b.name.as_str());
            if !b.regions.is_empty() {
                let regions: Vec<&str> = b.regions.iter().map(|r| r.label()).collect();
                let _ = write!(f, " ({})", regions.join(", "));
            }
            let _ = writeln!(f);
        }
    }

    /// How it works: each mechanism and what it acts on.
    fn card_mechanisms(&self, f: &mut String, t: &TreatmentFile) {
        if !t.mechanisms.is_empty() {
            let _ = writeln!(f);
            let _ = writeln!(f, "### How it works");
            let _ = writeln!(f);
            for m in &t.mechanisms {
                let Some(m) = self.content.mechanisms.get(&m.0).map(|l| &l.item) else {
                    continue;
                };
                let _ = writeln!(
                    f,
                    "- **{}** (acts on {}): {}",
                    m.name.as_str(),
                    m.target.label(),
                    m.explanation.as_str()
                );
            }
        }
    }

    /// How it is used, when, and with what, each line with its source.
    fn card_usage(&self, f: &mut String, id: &str, t: &TreatmentFile) {
        let _ = writeln!(f);
        let _ = writeln!(f, "### How it is used");
        let _ = writeln!(f);
        for u in &t.usage {
            let _ = write!(f, "- {} (", u.as_str());
            self.cite(f, &t.sources, None);
            let _ = writeln!(f, ")");
        }
        if let Some(i) = &t.indication {
            let _ = write!(f, "- When it is used: {}", i.note.as_str());
            if !i.after_other.is_empty() {
                let names: Vec<&str> = i
                    .after_other
                    .iter()
                    .map(|x| self.category_name(&x.0))
                    .collect();
                let _ = write!(
                    f,
                    " (after other treatments: {}, when they have not worked)",
                    names.join(", ")
                );
            }
            let _ = write!(f, " (");
            self.cite(f, std::slice::from_ref(&i.source), None);
            let _ = writeln!(f, ")");
        }
        let used: Vec<&str> = self
            .relations
            .used_with
            .get(id)
            .into_iter()
            .flatten()
            .map(|o| self.treatment_name(o))
            .collect();
        if !used.is_empty() {
            let _ = writeln!(f, "- Sometimes combined with: {}", used.join(", "));
        }
    }

    /// Regulatory status, with authority, date, note and source.
    fn card_regulatory(&self, f: &mut String, t: &TreatmentFile) {
        if !t.regulatory.is_empty() {
            let _ = writeln!(f);
            let _ = writeln!(f, "### Regulatory status");
            let _ = writeln!(f);
            for x in &t.regulatory {
                let _ = write!(
                    f,
                    "- {}: {} for {}",
                    x.region.label(),
                    x.status.label(),
                    x.scope.as_str()
                );
                if let Some(a) = &x.authority {
                    let _ = write!(f, " by the {}", a.as_str());
                }
                if let Some(d) = &x.date {
                    let _ = write!(f, ", {}", d.0);
                }
                if let Some(n) = &x.note {
                    let _ = write!(f, ". {}", n.as_str());
                }
                let _ = write!(f, " (source: {}", self.source_title(&x.source.0));
                if let Some(g) = x.grade {
                    let _ = write!(f, ", {}", g.label());
                }
                let _ = writeln!(f, ")");
            }
        }
    }

    /// Every caution that applies (with its origin and source), the ones recorded as not applied, or a line saying the sources name none.
    fn card_cautions(&self, f: &mut String, id: &str, t: &TreatmentFile) {
        let _ = writeln!(f);
        let _ = writeln!(f, "### Cautions");
        let _ = writeln!(f);
        let cautions = self.relations.treatment_cautions.get(id);
        if cautions.is_none_or(|c| c.is_empty()) {
            let _ = writeln!(
                f,
                "- The sources used here name no cautions for {}. That does not mean it is free of risks: ask a doctor about them.",
                t.name.as_str()
            );
        }
        for (cid, origin) in cautions.into_iter().flatten() {
            let Some(c) = self.content.cautions.get(cid).map(|l| &l.item) else {
                continue;
            };
            let _ = write!(f, "- **{}** ({}", c.title.as_str(), c.kind.label());
            if let Some(region) = c.region {
                let _ = write!(f, ", stated in {} labelling", region.label());
            }
            match origin {
                CautionOrigin::Class(cat) => {
                    let _ = write!(f, "; applies to all {}", self.category_name(cat));
                }
                CautionOrigin::Treatment => {
                    let _ = write!(f, "; stated for this treatment");
                }
            }
            let _ = write!(f, "; ");
            self.cite(f, &c.sources, c.grade);
            let _ = writeln!(
                f,
                "): {} What this means for the patient: {}",
                c.explanation.as_str(),
                c.for_the_patient.as_str()
            );
        }
        for n in &t.cautions_not_applied {
            let name = self
                .content
                .cautions
                .get(&n.caution.0)
                .map_or(n.caution.0.as_str(), |l| l.item.title.as_str());
            let _ = write!(f, "- Not applied: **{name}**. {} (", n.reason.as_str());
            self.cite(f, std::slice::from_ref(&n.source), None);
            let _ = writeln!(f, ")");
        }
    }

    /// The note on the associated cancer, pointing to its care (not on that care's own card).
    fn card_cancer_note(&self, f: &mut String, t: &TreatmentFile) {
        if t.kind != TreatmentKind::AssociatedDiseaseCare {
            let condition = &self.content.condition.item;
            let cancer = &condition.associated_cancer;
            let _ = writeln!(f);
            let _ = write!(
                f,
                "**If you also have {}:** {}",
                cancer.name.as_str(),
                cancer.treatment_note.as_str()
            );
            for care in &self.relations.associated_disease_care {
                let _ = write!(f, " See *{}*.", self.treatment_name(care));
            }
            let _ = write!(f, " (");
            self.cite(f, &condition.sources, None);
            let _ = writeln!(f, ")");
        }
    }

    /// Codes, the sources the card cites, and the review date.
    fn card_codes_and_sources(&self, f: &mut String, id: &str, t: &TreatmentFile) {
        if !t.codes.is_empty() {
            let _ = writeln!(f);
            let _ = writeln!(f, "### Codes");
            let _ = writeln!(f);
            for c in &t.codes {
                self.code_line(f, c);
            }
        }
        let _ = writeln!(f);
        let _ = writeln!(f, "### Sources");
        let _ = writeln!(f);
        for s in self.card_sources(id) {
            self.source_line(f, s);
        }
        if let Some(d) = &t.reviewed {
            let _ = writeln!(f);
            let _ = writeln!(f, "Last reviewed against its sources: {}.", d.0);
        }
    }
}

/// The name of the entity `id` in `items` (its id when unknown).
fn name_of<'b, T>(
    items: &'b std::collections::BTreeMap<String, crate::load::Loaded<T>>,
    id: &'b str,
    name: fn(&T) -> &crate::model::Text,
) -> &'b str {
    items.get(id).map_or(id, |l| name(&l.item).as_str())
}

/// A card with the disclaimer under its title: how every single card is shown
/// (the compiled `TreatmentCard` composes it the same way from the guide card,
/// so that each card's text is stored once).
pub fn with_disclaimer(guide_card: &str, disclaimer: &str) -> String {
    let (title, rest) = guide_card.split_once('\n').unwrap_or((guide_card, ""));
    format!("{title}\n\n> {disclaimer}\n{rest}")
}
