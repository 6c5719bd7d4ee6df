//! Readable renderings of the content (Markdown), built from the public API.
//! The review snapshots, the `guide` example and `lems-content show` all use
//! these, so what a reviewer approves is what a reader sees.

use core::fmt::{self, Display, Formatter};

use crate::{Category, Source, Treatment, CONDITION, DISCLAIMER};

/// One treatment as a reader sees it: see [`Treatment::card`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct TreatmentCard(pub Treatment);

/// The whole guide: the disclaimer, the condition, every class with its
/// treatments, and the sources. See [`guide`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Guide;

/// The whole content as a readable Markdown guide.
///
/// ```
/// let text = lems_treatments::guide().to_string();
/// assert!(text.contains("Amifampridine"));
/// ```
pub const fn guide() -> Guide {
    Guide
}

impl Treatment {
    /// This treatment as a reader sees it, in Markdown.
    ///
    /// ```
    /// use lems_treatments::Treatment;
    /// let card = Treatment::Pyridostigmine.card().to_string();
    /// assert!(card.starts_with("## Pyridostigmine"));
    /// ```
    pub const fn card(self) -> TreatmentCard {
        TreatmentCard(self)
    }
}

fn list<T: Display>(f: &mut Formatter<'_>, items: &[T]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

fn source_line(f: &mut Formatter<'_>, s: Source) -> fmt::Result {
    write!(f, "- {} (", s.name())?;
    if let Some(p) = s.publisher() {
        write!(f, "{p}, ")?;
    }
    write!(f, "{}", s.kind())?;
    if let Some(d) = s.last_updated() {
        write!(f, ", last updated {d}")?;
    }
    if let Some(n) = s.note() {
        write!(f, "; {n}")?;
    }
    writeln!(f, ")")
}

fn code_line(f: &mut Formatter<'_>, c: &crate::Code) -> fmt::Result {
    write!(f, "- {}: `{}`", c.system, c.code)?;
    if let Some(l) = c.label {
        write!(f, " ({l})")?;
    }
    writeln!(f, ", from {} ({})", c.source, c.grade)
}

impl Display for TreatmentCard {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let t = self.0;
        writeln!(f, "## {}", t.name())?;
        writeln!(f)?;
        writeln!(f, "{}", t.summary())?;
        writeln!(f)?;
        writeln!(f, "- Id: `{}`", t.id())?;
        writeln!(f, "- Kind: {}", t.kind())?;
        write!(f, "- Class: {}", t.category())?;
        let mut parent = t.category().parent();
        while let Some(p) = parent {
            write!(f, " (part of {p})")?;
            parent = p.parent();
        }
        writeln!(f)?;
        if !t.synonyms().is_empty() {
            write!(f, "- Also called: ")?;
            list(f, t.synonyms())?;
            writeln!(f)?;
        }
        for b in t.brands() {
            write!(f, "- Brand: {}", b.name)?;
            if !b.regions.is_empty() {
                f.write_str(" (")?;
                list(f, b.regions)?;
                f.write_str(")")?;
            }
            writeln!(f)?;
        }
        if !t.mechanisms().is_empty() {
            writeln!(f)?;
            writeln!(f, "### How it works")?;
            writeln!(f)?;
            for m in t.mechanisms() {
                writeln!(
                    f,
                    "- **{}** (acts on {}): {}",
                    m.name(),
                    m.target(),
                    m.explanation()
                )?;
            }
        }
        writeln!(f)?;
        writeln!(f, "### How it is used")?;
        writeln!(f)?;
        for u in t.usage() {
            writeln!(f, "- {u}")?;
        }
        if !t.used_with().is_empty() {
            write!(f, "- Sometimes combined with: ")?;
            list(f, t.used_with())?;
            writeln!(f)?;
        }
        if !t.regulatory().is_empty() {
            writeln!(f)?;
            writeln!(f, "### Regulatory status")?;
            writeln!(f)?;
            for r in t.regulatory() {
                write!(f, "- {}: {} for {}", r.region, r.status, r.scope)?;
                if let Some(a) = r.authority {
                    write!(f, " by the {a}")?;
                }
                if let Some(d) = r.date {
                    write!(f, ", {d}")?;
                }
                if let Some(n) = r.note {
                    write!(f, ". {n}")?;
                }
                write!(f, " (source: {}", r.source)?;
                if let Some(g) = r.grade {
                    write!(f, ", {g}")?;
                }
                writeln!(f, ")")?;
            }
        }
        if !t.cautions().is_empty() {
            writeln!(f)?;
            writeln!(f, "### Cautions")?;
            writeln!(f)?;
            for c in t.cautions() {
                write!(f, "- **{}** ({}", c.name(), c.kind())?;
                if let Some(r) = c.region() {
                    write!(f, ", {r}")?;
                }
                if !c.categories().is_empty() {
                    f.write_str("; applies to all ")?;
                    list(f, c.categories())?;
                }
                writeln!(
                    f,
                    "): {} What this means for the patient: {}",
                    c.explanation(),
                    c.for_the_patient()
                )?;
            }
        }
        if !t.codes().is_empty() {
            writeln!(f)?;
            writeln!(f, "### Codes")?;
            writeln!(f)?;
            for c in t.codes() {
                code_line(f, c)?;
            }
        }
        writeln!(f)?;
        writeln!(f, "### Sources")?;
        writeln!(f)?;
        for s in t.sources() {
            source_line(f, *s)?;
        }
        Ok(())
    }
}

impl Display for Guide {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let c = CONDITION;
        writeln!(f, "# Treating {} ({})", c.name, c.abbreviation)?;
        writeln!(f)?;
        writeln!(f, "> {DISCLAIMER}")?;
        writeln!(f)?;
        writeln!(f, "## The condition")?;
        writeln!(f)?;
        writeln!(f, "{}", c.summary)?;
        writeln!(f)?;
        writeln!(f, "**How muscles normally work.** {}", c.normal_signal)?;
        writeln!(f)?;
        writeln!(f, "**What goes wrong.** {}", c.what_goes_wrong)?;
        writeln!(f)?;
        writeln!(f, "**Treatment.** {}", c.treatment_goal)?;
        writeln!(f)?;
        writeln!(
            f,
            "**Associated cancer.** {} ({} of patients). {}",
            c.associated_cancer.name,
            c.associated_cancer.share_of_patients,
            c.associated_cancer.treatment_note
        )?;
        if !c.codes.is_empty() {
            writeln!(f)?;
            writeln!(f, "**Codes.**")?;
            writeln!(f)?;
            for code in c.codes {
                code_line(f, code)?;
            }
        }
        for cat in Category::IN_GUIDE_ORDER {
            writeln!(f)?;
            write!(f, "# {}", cat.name())?;
            if let Some(p) = cat.parent() {
                write!(f, " (part of {p})")?;
            }
            writeln!(f)?;
            writeln!(f)?;
            writeln!(f, "{}", cat.description())?;
            for t in Treatment::ALL.iter().filter(|t| t.category() == *cat) {
                writeln!(f)?;
                write!(f, "{}", t.card())?;
            }
        }
        writeln!(f)?;
        writeln!(f, "# Sources")?;
        writeln!(f)?;
        for s in Source::ALL {
            source_line(f, *s)?;
        }
        Ok(())
    }
}
