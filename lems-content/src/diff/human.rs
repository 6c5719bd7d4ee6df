//! The diff report for people at a terminal: every content text is escaped
//! for the terminal, changed words are marked `[-old-]{+new+}`.

use lems_treatments_build::diff::{EntityDiff, FieldChange, Op, PieceOp};
use lems_treatments_build::escape::terminal;

use super::report::{zero_x, DiffReport, ZERO_X_RULE};

fn rule_tag(c: &FieldChange) -> String {
    let mut s = format!("{}, {}", c.level, c.rule.name());
    if c.rule.changelog() {
        s.push_str(", CHANGELOG.md");
    }
    s
}

fn words_plain(c: &FieldChange) -> String {
    c.words
        .iter()
        .map(|p| match p.op {
            PieceOp::Equal => terminal(&p.text).into_owned(),
            PieceOp::Delete => format!("[-{}-]", terminal(&p.text)),
            PieceOp::Insert => format!("{{+{}+}}", terminal(&p.text)),
        })
        .collect()
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
    format!("{} {} ({})", e.kind.as_str(), e.id, e.op.as_str())
}

/// The report for people at a terminal.
pub fn text(r: &DiffReport) -> String {
    let mut out = format!(
        "content diff: {} → {}\n",
        terminal(&r.base),
        terminal(&r.head)
    );
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
            if c.clinical {
                out.push_str(" (clinical review)");
            }
            out.push('\n');
            if !c.words.is_empty() {
                out.push_str(&format!("    {}\n", words_plain(c)));
            }
        }
    }
    if !d.clinical_review.is_empty() {
        out.push_str(&format!(
            "\nclinical review ({}):\n",
            d.clinical_review.len()
        ));
        for f in &d.clinical_review {
            out.push_str(&format!(
                "  - {} {}: {}\n",
                f.kind.as_str(),
                f.id,
                terminal(&f.what)
            ));
        }
    }
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
            if zero_x(r) {
                out.push_str(&format!("  semver: {ZERO_X_RULE}\n"));
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
