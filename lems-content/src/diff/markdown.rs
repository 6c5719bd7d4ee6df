//! The diff report as Markdown, for a pull-request comment: every content
//! text is escaped for Markdown, deleted words are ~~struck~~ and inserted
//! ones **bold**; a changed negation or certainty word or number with its
//! unit is also in `<mark>` (highlighted where inline HTML is shown, and
//! still readable as text where it is not).

use lems_treatments_build::diff::{runs, FieldChange, Op, PieceOp};
use lems_treatments_build::escape::{markdown, markdown_in, MarkdownAt};

use super::report::DiffReport;
use crate::text::capitalised;

use super::human::has_marks;

/// Where an entity's name stands: in an ATX heading.
const HEADING: MarkdownAt<'static> = MarkdownAt {
    heading: true,
    ..MarkdownAt::INLINE
};

/// What `<mark>` means, said once when a diff has a marked word.
const MARK_LEGEND: &str = "Highlighted (<mark>…</mark>): a changed negation or certainty word (not, may, can, should, safe…) or a number with its unit.";

fn words_markdown(c: &FieldChange) -> String {
    runs(&c.words)
        .into_iter()
        .map(|(op, pieces)| {
            let t: String = pieces
                .iter()
                .map(|p| match p.mark {
                    Some(_) => format!("<mark>{}</mark>", markdown(&p.text)),
                    None => markdown(&p.text),
                })
                .collect();
            let (lead, core, trail) = split_space(&t);
            match op {
                PieceOp::Equal => t.clone(),
                _ if core.is_empty() => t.clone(),
                PieceOp::Delete => format!("{lead}~~{core}~~{trail}"),
                PieceOp::Insert => format!("{lead}**{core}**{trail}"),
            }
        })
        .collect()
}

/// Emphasis markers must touch the words: keep surrounding spaces outside.
fn split_space(s: &str) -> (&str, &str, &str) {
    let core = s.trim();
    let lead = &s[..s.len() - s.trim_start().len()];
    let trail = &s[s.trim_end().len()..];
    (lead, core, trail)
}

fn value_markdown(c: &FieldChange) -> String {
    match (c.op, &c.before, &c.after) {
        (Op::Added, _, Some(a)) => format!("added: {}", markdown(a)),
        (Op::Removed, Some(b), _) => format!("removed: {}", markdown(b)),
        _ if !c.words.is_empty() => format!("changed: {}", words_markdown(c)),
        (_, Some(b), Some(a)) => format!("changed: {} → {}", markdown(b), markdown(a)),
        _ => "changed".to_string(),
    }
}

/// The report as a pull-request comment.
pub fn text(r: &DiffReport) -> String {
    let d = &r.diff;
    let mut out = format!(
        "## Content diff\n\n{} → {}\n\n",
        markdown(&r.base),
        markdown(&r.head)
    );
    match &d.decision {
        None => out.push_str("**No content changes: no release needed.**\n"),
        Some(dec) => {
            out.push_str(&format!(
                "**Release needed: {}** (rule `{}`: {})\n\n",
                dec.level,
                dec.rule.id.name(),
                dec.rule.id.change()
            ));
            out.push_str(&format!("Decided by: {}.\n\n", markdown(&dec.because)));
            if d.changelog_required {
                out.push_str("Call the caution or class changes out in `CHANGELOG.md`.\n\n");
            }
            if let Some(u) = &r.for_users {
                out.push_str(&format!(
                    "{}\n\nWhat users of the crate must do:\n\n",
                    markdown(&u.publish)
                ));
                for a in &u.actions {
                    out.push_str(&format!("- {}\n", markdown(a)));
                }
            }
        }
    }
    if let Some(v) = &r.version_check {
        out.push_str(&format!(
            "\n**Version check: {}**: {}\n",
            if v.ok { "ok" } else { "failed" },
            markdown(&v.message)
        ));
    }
    commits(&mut out, r);
    reviews_at_base(&mut out, r);
    stale_mentions(&mut out, r);
    let verdict = d.clinical_verdict;
    out.push_str(&format!(
        "\n### Clinical review: {}\n\n{}.\n",
        verdict.as_str(),
        markdown(&capitalised(&verdict.sentence(d.clinical_review.len())))
    ));
    if !d.clinical_review.is_empty() {
        out.push('\n');
    }
    for f in &d.clinical_review {
        out.push_str(&format!(
            "- [ ] {}: {}\n",
            markdown(&f.label()),
            markdown(&f.what)
        ));
    }
    if has_marks(d) {
        out.push_str(&format!("\n{MARK_LEGEND}\n"));
    }
    for e in &d.entities {
        out.push_str(&format!(
            "\n### {}, {}\n\n",
            markdown_in(&capitalised(&e.label()), HEADING),
            e.op.as_str()
        ));
        for c in &e.changes {
            out.push_str(&format!(
                "- **{}** {} — {}, `{}`{}",
                markdown(&c.field),
                value_markdown(c),
                c.level,
                c.rule.name(),
                if c.rule.changelog() {
                    ", called out in `CHANGELOG.md`"
                } else {
                    ""
                }
            ));
            if let Some(n) = &c.note {
                out.push_str(&format!(" ({})", markdown(n)));
            }
            if let Some(r) = &c.reading {
                out.push_str(&format!(" ({})", markdown(&r.words())));
            }
            if c.clinical {
                out.push_str(" — **clinical review**");
            }
            out.push('\n');
        }
    }
    out
}

/// The commits from BASE to HEAD, when both are revisions.
fn commits(out: &mut String, r: &DiffReport) {
    let Some(c) = &r.commits else { return };
    out.push_str(&format!(
        "\n### Commits ({}{})\n\n",
        c.list.len(),
        if c.more { ", more not listed" } else { "" }
    ));
    if c.list.is_empty() {
        out.push_str("None: HEAD's commit is BASE's.\n");
    }
    for x in &c.list {
        out.push_str(&format!(
            "- `{}` {}, {}: {}\n",
            markdown(&x.id),
            markdown(&x.date),
            markdown(&x.author),
            markdown(&x.subject)
        ));
    }
}

/// The review records each changed file had at BASE, when both are revisions.
fn reviews_at_base(out: &mut String, r: &DiffReport) {
    let Some(files) = &r.reviews_at_base else {
        return;
    };
    out.push_str("\n### Reviews the changed files had at BASE\n\n");
    if files.is_empty() {
        out.push_str("No content file changed.\n");
    }
    for f in files {
        out.push_str(&format!(
            "- `{}` ({}): {}\n",
            markdown(&f.file),
            f.op,
            markdown(&f.words())
        ));
    }
}

/// The texts at HEAD that still mention a removed name, the name in `<mark>`.
fn stale_mentions(out: &mut String, r: &DiffReport) {
    if r.stale_mentions.is_empty() {
        return;
    }
    out.push_str("\n### Still mentioned after its removal\n\n");
    for m in &r.stale_mentions {
        let (a, w, b) = m.parts();
        out.push_str(&format!(
            "- [ ] {}:{} (“{}”): {}<mark>{}</mark>{}\n",
            markdown(&m.file),
            m.line,
            markdown(&m.removed),
            markdown(a),
            markdown(w),
            markdown(b)
        ));
    }
}
