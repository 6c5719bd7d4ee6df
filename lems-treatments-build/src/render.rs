//! The one renderer of the content for readers, from the checked model: it
//! builds typed [`Document`]s (card, guide head, class section, tail) in
//! which content text is only ever a text node, and its string API is their
//! Markdown view. The code generator bakes its output into the compiled crate
//! (`Treatment::card()`, `guide()`), and the editors' tool (`show`, `export
//! --format markdown`) and the review snapshots call it directly, so what a
//! reviewer approves is byte for byte what an app shows, and the editors'
//! tool needs no compiled content to show it.

use crate::document::{
    callout_item, code, item, strong, t, Block, Callout, CalloutKind, Citation, Cited, Document,
    Inline, Item, ItemRole, LinkTarget, NoteKind,
};
use crate::load::Content;
use crate::model::Citation as SourceRef;
use crate::model::{
    CautionKind, ClosedSet, CodeEntry, Grade, Indication, TreatmentFile, TreatmentKind,
};
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
        Some(self.card_document(id)?.markdown())
    }

    /// One treatment as it stands in the guide: its card without the
    /// disclaimer, which the guide states once at the top and once at the end
    /// (`None` for an unknown id).
    pub fn guide_card(&self, id: &str) -> Option<String> {
        Some(self.guide_card_document(id)?.markdown())
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
                    f.push_str(&self.guide_card(id).unwrap_or_default());
                }
            }
        }
        f.push_str(&self.guide_tail());
        f
    }

    /// The guide's opening: the title, the disclaimer and the condition.
    pub fn guide_head(&self) -> String {
        self.guide_head_document().markdown()
    }

    /// The heading and description that open a class's part of the guide.
    pub fn guide_section(&self, category: &str) -> String {
        match self.guide_section_document(category) {
            Some(d) => format!("\n{}", d.markdown()),
            None => String::new(),
        }
    }

    /// The guide's closing list of every source, and the disclaimer again.
    pub fn guide_tail(&self) -> String {
        format!("\n{}", self.guide_tail_document().markdown())
    }

    /// The disclaimer as a note.
    pub fn disclaimer_note(&self) -> Block {
        Block::Note {
            kind: NoteKind::Disclaimer,
            content: vec![t(self.content.disclaimer.item.text.as_str())],
        }
    }

    /// The disclaimer as a page shows it at the top: a short lead, the
    /// full note one step away (the page states it in full at the end too).
    pub fn disclaimer_lead(&self) -> Block {
        Block::Lead {
            lead: vec![t(
                "General information, not medical advice: talk to a doctor before starting, stopping or changing a treatment.",
            )],
            more: vec![t("Read the full disclaimer")],
            full: Box::new(self.disclaimer_note()),
        }
    }

    /// The document of [`View::card`]: the guide card with the disclaimer
    /// note under its title.
    pub fn card_document(&self, id: &str) -> Option<Document> {
        let mut d = self.guide_card_document(id)?;
        d.blocks
            .insert(1.min(d.blocks.len()), self.disclaimer_note());
        Some(d)
    }

    /// The document of [`View::guide_head`].
    pub fn guide_head_document(&self) -> Document {
        let c = &self.content.condition.item;
        let para = |label: &str, text: &str| Block::Paragraph(vec![strong(label), t(" "), t(text)]);
        let cancer = &c.associated_cancer;
        let mut review = vec![t("("), self.cite(&c.sources, None)];
        let status = self.content.reviews.status(&self.content.condition.file);
        review.push(t(format!("; review: {}", status.summary())));
        review.push(t(")"));
        let mut blocks = vec![
            heading(
                1,
                vec![t(format!(
                    "Treating {} ({})",
                    c.name.as_str(),
                    c.abbreviation.as_str()
                ))],
            ),
            self.disclaimer_note(),
            heading(2, vec![t("The condition")]),
            Block::Paragraph(vec![t(c.summary.as_str())]),
            para("How muscles normally work.", c.normal_signal.as_str()),
            para("What goes wrong.", c.what_goes_wrong.as_str()),
            para("Treatment.", c.treatment_goal.as_str()),
            Block::Paragraph(vec![
                strong("Associated cancer."),
                t(format!(
                    " {} ({} of patients). {}",
                    cancer.name.as_str(),
                    cancer.share_of_patients.as_str(),
                    cancer.treatment_note.as_str()
                )),
            ]),
            Block::Paragraph(review),
        ];
        if !c.codes.is_empty() {
            blocks.push(Block::Paragraph(vec![strong("Codes.")]));
            blocks.push(Block::List(
                c.codes.iter().map(|x| self.code_item(x)).collect(),
            ));
        }
        self.glossed(Document::new(blocks))
    }

    /// The document of [`View::guide_section`] (`None` for an unknown class).
    pub fn guide_section_document(&self, category: &str) -> Option<Document> {
        let l = self.content.classes.get(category)?;
        let mut title = vec![t(l.item.name.as_str())];
        if let Some(p) = &l.item.parent {
            title.push(t(format!(" (part of {})", self.category_name(&p.0))));
        }
        Some(Document::new(vec![
            heading(1, title),
            Block::Paragraph(vec![
                t(l.item.description.as_str()),
                t(" ("),
                self.cite(&l.item.sources, None),
                t(")"),
            ]),
        ]))
    }

    /// The document of [`View::guide_tail`].
    pub fn guide_tail_document(&self) -> Document {
        let sources = self
            .content
            .sources
            .keys()
            .filter_map(|id| self.source_item(id))
            .collect();
        Document::new(vec![
            heading(1, vec![t("Sources")]),
            Block::List(sources),
            self.disclaimer_note(),
        ])
    }

    /// The document of [`View::guide_card`] (`None` for an unknown id): its
    /// sections in reading order, each built by one method below.
    pub fn guide_card_document(&self, id: &str) -> Option<Document> {
        let tr = &self.content.treatments.get(id)?.item;
        let mut b = Vec::new();
        self.card_head(&mut b, id, tr);
        self.card_mechanisms(&mut b, tr);
        self.card_usage(&mut b, id, tr);
        self.card_regulatory(&mut b, tr);
        self.card_cautions(&mut b, id, tr);
        self.card_cancer_note(&mut b, tr);
        self.card_codes_and_sources(&mut b, id, tr);
        Some(self.glossed(Document::new(b)))
    }

    /// `d` with each glossary term explained where it first appears in a
    /// paragraph or list item: ` (explanation)` is added after the term (or
    /// its plural) inside the same text node. Headings, labels (strong and
    /// emphasis), codes and the disclaimer are left as they are.
    fn glossed(&self, mut d: Document) -> Document {
        let Some(g) = &self.content.glossary else {
            return d;
        };
        let terms: Vec<String> = g
            .item
            .terms
            .iter()
            .map(|x| x.term.as_str().to_lowercase())
            .collect();
        let mut todo: Vec<(&str, &str)> = g
            .item
            .terms
            .iter()
            .map(|x| (x.term.as_str(), x.explanation.as_str()))
            .collect();
        let mut gloss = |content: &mut Vec<Inline>| {
            for inline in content.iter_mut() {
                if let Inline::Text(text) = inline {
                    todo.retain(|(term, explanation)| {
                        let lower = term.to_lowercase();
                        let longer: Vec<&str> = terms
                            .iter()
                            .filter(|x| x.len() > lower.len() && x.starts_with(&lower))
                            .map(String::as_str)
                            .collect();
                        !explain_first(text, term, explanation, &longer)
                    });
                }
            }
        };
        for block in &mut d.blocks {
            match block {
                Block::Paragraph(content) => gloss(content),
                Block::List(items) => items.iter_mut().for_each(|i| gloss(&mut i.content)),
                Block::Heading { .. } | Block::Note { .. } | Block::Lead { .. } => {}
            }
        }
        d
    }

    /// The citation `source: A, B` (with the grade when there is one).
    fn cite(&self, sources: &[SourceRef], grade: Option<Grade>) -> Inline {
        Inline::Citation(Citation {
            sources: sources
                .iter()
                .map(|s| Cited {
                    id: s.source().0.clone(),
                    title: self.source_title(&s.source().0).to_string(),
                    locator: s.at().map(|a| a.as_str().to_string()),
                })
                .collect(),
            grade: grade.map(|g| g.label().to_string()),
        })
    }

    /// Every source a card cites (its own, its regulatory facts', codes',
    /// cautions', mechanisms', class's, indication's and not-applied
    /// decisions', and the condition's when it points to the cancer), in id
    /// order, each once. The generator emits it as `Treatment::all_sources`.
    pub fn card_sources(&self, id: &str) -> Vec<&'a str> {
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

    fn source_item(&self, id: &str) -> Option<Item> {
        let s = self.content.sources.get(id).map(|l| &l.item)?;
        let mut f = format!("{} (", s.title.as_str());
        if let Some(p) = &s.publisher {
            f.push_str(&format!("{}, ", p.as_str()));
        }
        f.push_str(s.kind.label());
        if let Some(d) = &s.last_updated {
            f.push_str(&format!(", last updated {}", d.0));
        }
        if let Some(d) = &s.read {
            f.push_str(&format!(", read {}", d.0));
        }
        if let Some(n) = &s.note {
            f.push_str(&format!("; {}", n.as_str()));
        }
        f.push(')');
        let mut content = vec![t(f)];
        if let Some(a) = &s.address {
            content.push(t(": ".to_string()));
            content.push(Inline::Link {
                to: LinkTarget::Web(a.0.clone()),
                content: vec![t(a.0.clone())],
            });
        }
        Some(Item {
            role: ItemRole::Source { id: id.to_string() },
            content,
        })
    }

    fn code_item(&self, c: &CodeEntry) -> Item {
        let mut v = vec![t(format!("{}: ", c.system.label())), code(c.code.as_str())];
        if let Some(l) = &c.label {
            v.push(t(format!(" ({})", l.as_str())));
        }
        if let Some(n) = &c.note {
            v.push(t(format!(" [the code table's note: {}]", n.as_str())));
        }
        let declared = self
            .content
            .sources
            .get(&c.source.0)
            .is_some_and(|s| s.item.outline.contains(&c.code));
        let at = if declared {
            format!(", § {}", c.code.as_str())
        } else {
            String::new()
        };
        v.push(t(format!(
            ", from {}{at} ({})",
            self.source_title(&c.source.0),
            c.grade.label()
        )));
        item(v)
    }

    /// The title, summary and identity lines: id, kind, class, names,
    /// brands. The summary and each brand (with its regions) carry the
    /// treatment's own citation, as its usage lines do.
    fn card_head(&self, b: &mut Vec<Block>, id: &str, tr: &TreatmentFile) {
        b.push(heading(2, vec![t(tr.name.as_str())]));
        b.push(Block::Paragraph(vec![
            t(tr.summary.as_str()),
            t(" ("),
            self.cite(&tr.sources, None),
            t(")"),
        ]));
        let mut class = format!("Class: {}", self.category_name(&tr.category.0));
        for p in self
            .relations
            .class_ancestors
            .get(&tr.category.0)
            .into_iter()
            .flatten()
        {
            class.push_str(&format!(" (part of {})", self.category_name(p)));
        }
        let mut items = vec![
            item(vec![t("Id: "), code(id)]),
            item(vec![t(format!("Kind: {}", tr.kind.label()))]),
            item(vec![t(class)]),
        ];
        if !tr.synonyms.is_empty() {
            let names: Vec<&str> = tr.synonyms.iter().map(|s| s.as_str()).collect();
            items.push(item(vec![t(format!("Also called: {}", names.join(", ")))]));
        }
        for br in &tr.brands {
            let mut f = format!("Brand: {}", br.name.as_str());
            if !br.regions.is_empty() {
                let regions: Vec<&str> = br.regions.iter().map(|r| r.label()).collect();
                f.push_str(&format!(" ({})", regions.join(", ")));
            }
            items.push(item(vec![
                t(f),
                t(" ("),
                self.cite(&tr.sources, None),
                t(")"),
            ]));
        }
        b.push(Block::List(items));
    }

    /// How it works: each mechanism and what it acts on.
    fn card_mechanisms(&self, b: &mut Vec<Block>, tr: &TreatmentFile) {
        if tr.mechanisms.is_empty() {
            return;
        }
        b.push(heading(3, vec![t("How it works")]));
        let items = tr
            .mechanisms
            .iter()
            .filter_map(|m| self.content.mechanisms.get(&m.0).map(|l| &l.item))
            .map(|m| {
                item(vec![
                    strong(m.name.as_str()),
                    t(format!(
                        " (acts on {}): {} (",
                        m.target.label(),
                        m.explanation.as_str(),
                    )),
                    self.cite(&m.sources, None),
                    t(")"),
                ])
            })
            .collect();
        b.push(Block::List(items));
    }

    /// How it is used, when, and with what, each line with its source.
    fn card_usage(&self, b: &mut Vec<Block>, id: &str, tr: &TreatmentFile) {
        b.push(heading(3, vec![t("How it is used")]));
        let mut items: Vec<Item> = tr
            .usage
            .iter()
            .map(|u| {
                item(vec![
                    t(u.as_str()),
                    t(" ("),
                    self.cite(&tr.sources, None),
                    t(")"),
                ])
            })
            .collect();
        if let Some(i) = &tr.indication {
            items.extend(self.indication_items(i));
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
            items.push(item(vec![
                t(format!("Sometimes combined with: {}", used.join(", "))),
                t(" ("),
                self.cite(&tr.sources, None),
                t(")"),
            ]));
        }
        b.push(Block::List(items));
    }

    /// The indication's qualifiers, each under the label that says what it
    /// is: when it is used, how well it works, why it is used less often.
    fn indication_items(&self, i: &Indication) -> Vec<Item> {
        let cite = [
            t(" ("),
            self.cite(&[SourceRef::of(&i.source, i.at.as_ref())], None),
            t(")"),
        ];
        let mut items = Vec::new();
        if i.note.is_some() || !i.after_other.is_empty() {
            let mut v = vec![t("When it is used:")];
            if let Some(n) = &i.note {
                v.push(t(format!(" {}", n.as_str())));
            }
            if !i.after_other.is_empty() {
                let names: Vec<&str> = i
                    .after_other
                    .iter()
                    .map(|x| self.category_name(&x.0))
                    .collect();
                v.push(t(format!(
                    " (after other treatments: {}, for patients who do not respond to them)",
                    names.join(", ")
                )));
            }
            v.extend(cite.iter().cloned());
            items.push(item(v));
        }
        let labelled = [
            ("How well it works: ", &i.effectiveness),
            ("Why it is used less often: ", &i.used_less_because),
        ];
        for (label, text) in labelled {
            if let Some(x) = text {
                let mut v = vec![t(label), t(x.as_str())];
                v.extend(cite.iter().cloned());
                items.push(item(v));
            }
        }
        items
    }

    /// Regulatory status, with authority, date, note and source.
    fn card_regulatory(&self, b: &mut Vec<Block>, tr: &TreatmentFile) {
        if tr.regulatory.is_empty() {
            return;
        }
        b.push(heading(3, vec![t("Regulatory status")]));
        let mut items = Vec::new();
        for x in &tr.regulatory {
            let mut f = format!(
                "{}: {} for {}",
                x.region.label(),
                x.status.label(),
                x.scope.as_str()
            );
            if let Some(a) = &x.authority {
                f.push_str(&format!(" by the {}", a.as_str()));
            }
            if let Some(d) = &x.date {
                f.push_str(&format!(", {}", d.0));
            }
            if let Some(n) = &x.note {
                f.push_str(&format!(". {}", n.as_str()));
            }
            items.push(item(vec![
                t(f),
                t(" ("),
                self.cite(&[SourceRef::of(&x.source, x.at.as_ref())], x.grade),
                t(")"),
            ]));
        }
        b.push(Block::List(items));
    }

    /// Every caution that applies (with its origin and source), the ones
    /// recorded as not applied, or a line saying the sources name none: each
    /// a callout.
    fn card_cautions(&self, b: &mut Vec<Block>, id: &str, tr: &TreatmentFile) {
        b.push(heading(3, vec![t("Cautions")]));
        let mut items = Vec::new();
        let cautions = self.relations.treatment_cautions.get(id);
        if cautions.is_none_or(|c| c.is_empty()) {
            items.push(callout_item(Callout {
                kind: CalloutKind::NoneNamed,
                title: Vec::new(),
                for_the_patient: vec![t(format!(
                    "The sources used here name no cautions for {}. That does not mean it is free of risks: ask a doctor about them.",
                    tr.name.as_str()
                ))],
                explanation: Vec::new(),
                small_print: Vec::new(),
            }));
        }
        for (cid, origin) in cautions.into_iter().flatten() {
            let Some(c) = self.content.cautions.get(cid).map(|l| &l.item) else {
                continue;
            };
            let mut f = c.kind.label().to_string();
            if let Some(region) = c.region {
                f.push_str(&format!(", stated in {} labelling", region.label()));
            }
            match origin {
                CautionOrigin::Class(cat) => {
                    f.push_str(&format!("; applies to all {}", self.category_name(cat)));
                }
                CautionOrigin::Treatment => f.push_str("; stated for this treatment"),
            }
            f.push_str("; ");
            items.push(callout_item(Callout {
                kind: match c.kind {
                    CautionKind::Contraindication => CalloutKind::Contraindication,
                    CautionKind::Warning => CalloutKind::Warning,
                    CautionKind::UndesirableEffect => CalloutKind::UndesirableEffect,
                },
                title: vec![t(c.title.as_str())],
                for_the_patient: vec![t(c.for_the_patient.as_str())],
                explanation: vec![t(c.explanation.as_str())],
                small_print: vec![t(f), self.cite(&c.sources, c.grade)],
            }));
        }
        for n in &tr.cautions_not_applied {
            let name = self
                .content
                .cautions
                .get(&n.caution.0)
                .map_or(n.caution.0.as_str(), |l| l.item.title.as_str());
            items.push(callout_item(Callout {
                kind: CalloutKind::NotApplied,
                title: vec![t(name)],
                for_the_patient: Vec::new(),
                explanation: vec![t(n.reason.as_str())],
                small_print: vec![self.cite(&[SourceRef::of(&n.source, n.at.as_ref())], None)],
            }));
        }
        b.push(Block::List(items));
    }

    /// The note on the associated cancer, pointing to its care (not on that
    /// care's own card).
    fn card_cancer_note(&self, b: &mut Vec<Block>, tr: &TreatmentFile) {
        if tr.kind == TreatmentKind::AssociatedDiseaseCare {
            return;
        }
        let condition = &self.content.condition.item;
        let cancer = &condition.associated_cancer;
        let mut v: Vec<Inline> = vec![
            strong(format!("If you also have {}:", cancer.name.as_str())),
            t(format!(" {}", cancer.treatment_note.as_str())),
        ];
        for care in &self.relations.associated_disease_care {
            v.push(t(" See "));
            v.push(Inline::Link {
                to: LinkTarget::Treatment(care.clone()),
                content: vec![t(self.treatment_name(care))],
            });
            v.push(t("."));
        }
        v.extend([t(" ("), self.cite(&condition.sources, None), t(")")]);
        b.push(Block::Paragraph(v));
    }

    /// Codes, the sources the card cites, and what the review records say.
    fn card_codes_and_sources(&self, b: &mut Vec<Block>, id: &str, tr: &TreatmentFile) {
        if !tr.codes.is_empty() {
            b.push(heading(3, vec![t("Codes")]));
            b.push(Block::List(
                tr.codes.iter().map(|c| self.code_item(c)).collect(),
            ));
        }
        b.push(heading(3, vec![t("Sources")]));
        let sources = self
            .card_sources(id)
            .into_iter()
            .filter_map(|s| self.source_item(s))
            .collect();
        b.push(Block::List(sources));
        if let Some(l) = self.content.treatments.get(id) {
            let status = self.content.reviews.status(&l.file);
            b.push(Block::Paragraph(vec![t(format!(
                "Review: {}.",
                status.summary()
            ))]));
        }
    }
}

/// Adds ` (explanation)` after the first whole-word `term` (or its plural,
/// any case) in `text` that does not start one of the `longer` terms;
/// whether it found one.
fn explain_first(text: &mut String, term: &str, explanation: &str, longer: &[&str]) -> bool {
    let lower = text.to_lowercase();
    let needle = term.to_lowercase();
    if lower.len() != text.len() || needle.is_empty() {
        return false;
    }
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    for (at, _) in lower.match_indices(&needle) {
        let mut end = at + needle.len();
        let rest = &lower[end..];
        if let Some(plural) = ["es", "s"].iter().find(|p| rest.starts_with(**p)) {
            if !word_char(rest[plural.len()..].chars().next()) {
                end += plural.len();
            }
        }
        if word_char(lower[..at].chars().next_back())
            || word_char(lower[end..].chars().next())
            || longer.iter().any(|l| lower[at..].starts_with(l))
        {
            continue;
        }
        if lower[end..].starts_with(" (") {
            continue;
        }
        text.insert_str(end, &format!(" ({explanation})"));
        return true;
    }
    false
}

fn heading(level: u8, content: Vec<Inline>) -> Block {
    Block::Heading { level, content }
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
    format!("{title}\n\n{}{rest}", disclaimer_markdown(disclaimer))
}

/// The disclaimer note's Markdown (`> …` and a newline), as cards and the
/// guide show it; the compiled crate stores it as `DISCLAIMER_MARKDOWN`.
pub fn disclaimer_markdown(disclaimer: &str) -> String {
    Document::new(vec![Block::Note {
        kind: NoteKind::Disclaimer,
        content: vec![t(disclaimer)],
    }])
    .markdown()
}
