//! The diff report for people at a terminal: every content text is escaped
//! for the terminal, changed words are marked `[-old-]{+new+}`, and a changed
//! negation or certainty word or number with its unit is put in `«…»`.

use lems_treatments_build::diff::{runs, ContentDiff, EntityDiff, FieldChange, Op, PieceOp};
use lems_treatments_build::escape::terminal;

use super::report::DiffReport;

fn rule_tag(c: &FieldChange) -> String {
    let mut s = format!("{}, {}", c.level, c.rule.name());
    if c.rule.changelog() {
        s.push_str(", CHANGELOG.md");
    }
    s
}

/// What `«…»` means, printed once when a diff has a marked word.
pub const MARK_LEGEND: &str =
    "«…» marks a changed negation or certainty word (not, may, can, should, safe…) or a number with its unit";

fn words_plain(c: &FieldChange) -> String {
    runs(&c.words)
        .into_iter()
        .map(|(op, pieces)| {
            let inner: String = pieces
                .iter()
                .map(|p| match p.mark {
                    Some(_) => format!("«{}»", terminal(&p.text)),
                    None => terminal(&p.text).into_owned(),
                })
                .collect();
            match op {
                PieceOp::Equal => inner,
                PieceOp::Delete => format!("[-{inner}-]"),
                PieceOp::Insert => format!("{{+{inner}+}}"),
            }
        })
        .collect()
}

/// Whether any changed text of the diff has a marked word.
pub fn has_marks(d: &ContentDiff) -> bool {
    d.entities
        .iter()
        .flat_map(|e| &e.changes)
        .flat_map(|c| &c.words)
        .any(|p| p.mark.is_some())
}

fn value_plain(c: &FieldChange) -> String {
    match (c.op, &c.before, &c.after) {
        (Op::Added, _, Some(a)) => format!("added \"{}\"", terminal(a)),
        (Op::Removed, Some(b), _) => format!("removed \"{}\"", terminal(b)),
        (_, Some(b), Some(a)) if c.words.is_empty() => {
            format!("changed \"{}\" → \"{}\"", terminal(b), terminal(a))
        }
        _ => "changed".to_string(),
    }
}

fn entity_title(e: &EntityDiff) -> String {
    format!("{}: {}", terminal(&e.label()), e.op.as_str())
}

/// The report for people at a terminal.
pub fn text(r: &DiffReport) -> String {
    let mut out = format!(
        "content diff: {} → {}\n",
        terminal(&r.base),
        terminal(&r.head)
    );
    commits(&mut out, r);
    reviews_at_base(&mut out, r);
    let d = &r.diff;
    for e in &d.entities {
        out.push_str(&format!("\n{}\n", entity_title(e)));
        for c in &e.changes {
            out.push_str(&format!(
                "  {}: {} [{}]",
                terminal(&c.field),
                value_plain(c),
                rule_tag(c)
            ));
            if let Some(n) = &c.note {
                out.push_str(&format!(" — {}", terminal(n)));
            }
            if let Some(r) = &c.reading {
                out.push_str(&format!(" — {}", r.words()));
            }
            if c.clinical {
                out.push_str(" (clinical review)");
            }
            out.push('\n');
            if !c.words.is_empty() {
                out.push_str(&format!("    {}\n", words_plain(c)));
            }
        }
    }
    if has_marks(d) {
        out.push_str(&format!("\n{MARK_LEGEND}\n"));
    }
    let verdict = d.clinical_verdict.sentence(d.clinical_review.len());
    out.push_str(&format!("\nclinical review: {verdict}\n"));
    for f in &d.clinical_review {
        out.push_str(&format!(
            "  - {}: {}\n",
            terminal(&f.label()),
            terminal(&f.what)
        ));
    }
    stale_mentions(&mut out, r);
    out.push('\n');
    match &d.decision {
        None => out.push_str("no content changes: no release needed\n"),
        Some(dec) => {
            out.push_str(&format!(
                "release needed: {} (rule {}: {})\n",
                dec.level,
                dec.rule.id.name(),
                dec.rule.id.change_plain()
            ));
            out.push_str(&format!("  decided by: {}\n", terminal(&dec.because)));
            if d.changelog_required {
                out.push_str("  call the caution or class changes out in CHANGELOG.md\n");
            }
            if let Some(u) = &r.for_users {
                out.push_str(&format!(
                    "  {}\n  what users of the crate must do:\n",
                    u.publish
                ));
                for a in &u.actions {
                    out.push_str(&format!("  - {a}\n"));
                }
            }
        }
    }
    if let Some(v) = &r.version_check {
        out.push_str(&format!(
            "version check: {}: {}\n",
            if v.ok { "ok" } else { "FAILED" },
            terminal(&v.message)
        ));
    }
    out
}

/// The commits from BASE to HEAD, when both are revisions.
fn commits(out: &mut String, r: &DiffReport) {
    let Some(c) = &r.commits else { return };
    out.push_str(&format!(
        "\ncommits ({}{}):\n",
        c.list.len(),
        if c.more { ", more not listed" } else { "" }
    ));
    if c.list.is_empty() {
        out.push_str("  none: HEAD's commit is BASE's\n");
    }
    for x in &c.list {
        out.push_str(&format!(
            "  {} {} {}: {}\n",
            terminal(&x.id),
            terminal(&x.date),
            terminal(&x.author),
            terminal(&x.subject)
        ));
    }
}

/// The review records each changed file had at BASE, when both are revisions.
fn reviews_at_base(out: &mut String, r: &DiffReport) {
    let Some(files) = &r.reviews_at_base else {
        return;
    };
    out.push_str(
        "
reviews the changed files had at BASE:
",
    );
    if files.is_empty() {
        out.push_str(
            "  no content file changed
",
        );
    }
    for f in files {
        out.push_str(&format!(
            "  {} ({}): {}
",
            terminal(&f.file),
            f.op,
            terminal(&f.words())
        ));
    }
}

/// The texts at HEAD that still mention a removed name, the name in `«…»`.
fn stale_mentions(out: &mut String, r: &DiffReport) {
    if r.stale_mentions.is_empty() {
        return;
    }
    out.push_str("\nstill mentioned after its removal (check each text):\n");
    for m in &r.stale_mentions {
        let (a, w, b) = m.parts();
        out.push_str(&format!(
            "  {}:{}: \"{}\": {}«{}»{}\n",
            terminal(&m.file),
            m.line,
            terminal(&m.removed),
            terminal(a),
            terminal(w),
            terminal(b)
        ));
    }
}
