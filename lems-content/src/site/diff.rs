//! The site of a diff: HEAD's guide with `diff.html` (the release the change
//! needs, the clinical review list, every change), a "Changed in this
//! revision" box on each treatment page a change shows on, and a page for
//! each removed treatment with its card as BASE had it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use lems_treatments_build::diff::{runs, EntityDiff, EntityKind, FieldChange, Mark, Op, PieceOp};
use lems_treatments_build::escape::html;
use lems_treatments_build::relations::Relations;
use lems_treatments_build::Content;

use super::guide::{build, treatment_page};
use super::html::{disclaimer_box, page, text};
use super::Site;
use crate::diff::report::DiffReport;
use crate::text::capitalised;

/// A changed text word by word: `<del>`, `<ins>`, and `<mark>` on a changed
/// negation or certainty word or number with its unit; `keep` says which
/// runs are shown (all of them inline, or one side's for the side-by-side view).
fn words_html(c: &FieldChange, keep: fn(PieceOp) -> bool) -> String {
    runs(&c.words)
        .into_iter()
        .filter(|(op, _)| keep(*op))
        .map(|(op, pieces)| {
            let inner: String = pieces
                .iter()
                .map(|p| match p.mark {
                    Some(m) => {
                        format!("<mark class=\"{}\">{}</mark>", mark_class(m), text(&p.text))
                    }
                    None => text(&p.text),
                })
                .collect();
            match op {
                PieceOp::Equal => inner,
                PieceOp::Delete => format!("<del>{inner}</del>"),
                PieceOp::Insert => format!("<ins>{inner}</ins>"),
            }
        })
        .collect()
}

/// A changed text before and after, side by side (stacked on a phone).
fn side_by_side(c: &FieldChange) -> Option<String> {
    let (Some(b), Some(a)) = (&c.before, &c.after) else {
        return None;
    };
    let (before, after) = if c.words.is_empty() {
        (text(b), text(a))
    } else {
        (
            words_html(c, |op| op != PieceOp::Insert),
            words_html(c, |op| op != PieceOp::Delete),
        )
    };
    Some(format!(
        "<div class=\"sbs\"><div><p class=\"side\">Before (BASE)</p><p>{before}</p></div><div><p class=\"side\">After (HEAD)</p><p>{after}</p></div></div>"
    ))
}

fn mark_class(m: Mark) -> &'static str {
    match m {
        Mark::Certainty => "certainty",
        Mark::Quantity => "quantity",
    }
}

fn value_html(c: &FieldChange) -> String {
    match (c.op, &c.before, &c.after) {
        (Op::Added, _, Some(a)) => format!("added: <ins>{}</ins>", text(a)),
        (Op::Removed, Some(b), _) => format!("removed: <del>{}</del>", text(b)),
        _ if !c.words.is_empty() => format!("changed: {}", words_html(c, |_| true)),
        (_, Some(b), Some(a)) => {
            format!("changed: <del>{}</del> → <ins>{}</ins>", text(b), text(a))
        }
        _ => "changed".to_string(),
    }
}

fn change_item(c: &FieldChange) -> String {
    let mut s = format!(
        "<li><strong>{}</strong> {} <span class=\"rule\">— {}, rule <code>{}</code>{}",
        text(&c.field),
        value_html(c),
        c.level,
        html(c.rule.name()),
        if c.rule.changelog() {
            ", called out in <code>CHANGELOG.md</code>"
        } else {
            ""
        }
    );
    if let Some(n) = &c.note {
        let _ = write!(s, " ({})", text(n));
    }
    if let Some(r) = &c.reading {
        let _ = write!(s, " ({})", text(&r.words()));
    }
    s.push_str("</span>");
    if c.clinical {
        s.push_str(" <span class=\"clinical\">clinical review</span>");
    }
    if let Some(sbs) = side_by_side(c) {
        s.push_str(&sbs);
    }
    s.push_str("</li>\n");
    s
}

fn anchor(e: &EntityDiff) -> String {
    format!("{}-{}", e.kind.as_str(), e.id)
}

/// The treatments (at HEAD) whose page shows something of entity `e`.
fn shown_on(c: &Content, rel: &Relations, e: &EntityDiff) -> BTreeSet<String> {
    let ids = |m: Option<&BTreeSet<String>>| m.into_iter().flatten().cloned().collect();
    match e.kind {
        EntityKind::Treatment => c
            .treatments
            .contains_key(&e.id)
            .then(|| e.id.clone())
            .into_iter()
            .collect(),
        EntityKind::Caution => ids(rel.caution_treatments.get(&e.id)),
        EntityKind::Mechanism => ids(rel.mechanism_treatments.get(&e.id)),
        EntityKind::Class => c
            .treatments
            .iter()
            .filter(|(_, t)| {
                let class = &t.item.category.0;
                class == &e.id
                    || rel
                        .class_ancestors
                        .get(class)
                        .is_some_and(|a| a.contains(&e.id))
            })
            .map(|(id, _)| id.clone())
            .collect(),
        EntityKind::Source => c
            .treatments
            .iter()
            .filter(|(_, t)| {
                let t = &t.item;
                t.sources.iter().any(|s| s.0 == e.id)
                    || t.regulatory.iter().any(|r| r.source.0 == e.id)
                    || t.codes.iter().any(|x| x.source.0 == e.id)
            })
            .map(|(id, _)| id.clone())
            .collect(),
        EntityKind::Condition | EntityKind::Disclaimer => BTreeSet::new(),
    }
}

fn treatment_link(c: &Content, id: &str, up: &str) -> String {
    let name = c.treatments.get(id).map_or(id, |t| t.item.name.as_str());
    format!(
        "<a href=\"{up}treatments/{}.html\">{}</a>",
        html(id),
        text(name)
    )
}

/// `diff.html`: the two sides, a one-line verdict, then the changes first
/// with the release verdict and the clinical review beside them (below them
/// on a phone), each change linked to the pages it shows on.
fn diff_page(head: &Content, rel: &Relations, r: &DiffReport) -> String {
    let mut b = String::new();
    b.push_str("<nav aria-label=\"Site\"><a href=\"index.html\">← The guide (HEAD)</a></nav>\n");
    b.push_str("<h1>Content diff</h1>\n");
    let _ = writeln!(
        b,
        "<p>From <strong>{}</strong> (BASE{}) to <strong>{}</strong> (HEAD{}).</p>",
        text(&r.base),
        r.base_version
            .as_deref()
            .map_or(String::new(), |v| format!(", version {}", text(v))),
        text(&r.head),
        r.head_version
            .as_deref()
            .map_or(String::new(), |v| format!(", version {}", text(v))),
    );
    let _ = writeln!(
        b,
        "<p class=\"verdict-line\">Release: <strong>{}</strong> · clinical review: <strong>{}</strong> · <a href=\"#release\">the verdict</a></p>",
        r.diff.level().map_or("none", |l| l.as_str()),
        html(r.diff.clinical_verdict.as_str())
    );
    b.push_str("<div class=\"diff-layout\">\n<div class=\"diff-changes\">\n");
    if r.diff.entities.is_empty() {
        b.push_str("<h2>Changes</h2>\n<p>No content changes.</p>\n");
    } else {
        b.push_str("<h2>Changes</h2>\n");
    }
    for e in &r.diff.entities {
        change_section(&mut b, head, rel, e);
    }
    stale_mentions(&mut b, r);
    commits(&mut b, r);
    reviews_at_base(&mut b, r);
    b.push_str(
        "</div>\n<aside class=\"diff-verdict\" id=\"release\" aria-label=\"Release verdict\">\n",
    );
    release_section(&mut b, r);
    clinical_review_list(&mut b, head, r);
    b.push_str("</aside>\n</div>\n");
    b.push_str(&disclaimer_box(head));
    page("Content diff", "", &b)
}

/// The release the change needs, why, and the version check.
fn release_section(b: &mut String, r: &DiffReport) {
    let d = &r.diff;
    b.push_str("<section class=\"release\">\n<h2>Release</h2>\n");
    match &d.decision {
        None => b.push_str("<p><strong>No content changes: no release needed.</strong></p>\n"),
        Some(dec) => {
            let _ = writeln!(
                b,
                "<p><strong>Release needed: {}</strong> (rule <code>{}</code>: {})</p>",
                dec.level,
                html(dec.rule.id.name()),
                text(&dec.rule.id.change_plain())
            );
            let _ = writeln!(b, "<p>Decided by: {}.</p>", text(&dec.because));
            if d.changelog_required {
                b.push_str(
                    "<p>Call the caution or class changes out in <code>CHANGELOG.md</code>.</p>\n",
                );
            }
            for_users(b, r);
        }
    }
    if let Some(v) = &r.version_check {
        let _ = writeln!(
            b,
            "<p><strong>Version check: {}</strong>: {}</p>",
            if v.ok { "ok" } else { "failed" },
            text(&v.message)
        );
    }
    b.push_str("</section>\n");
}

/// The clinical-review verdict, "none" included, and what a clinician must
/// check, each treatment linked to its page.
fn clinical_review_list(b: &mut String, head: &Content, r: &DiffReport) {
    let d = &r.diff;
    let verdict = d.clinical_verdict;
    let _ = writeln!(
        b,
        "<section class=\"clinical-review\">\n<h2>Clinical review: {}</h2>\n<p>{}.</p>",
        html(verdict.as_str()),
        text(&capitalised(&verdict.sentence(d.clinical_review.len())))
    );
    if !d.clinical_review.is_empty() {
        b.push_str("<ul>\n");
    }
    for f in &d.clinical_review {
        let title = f
            .title
            .as_ref()
            .map_or(String::new(), |t| format!("“{}” ", text(t)));
        let who = if f.kind == EntityKind::Treatment && head.treatments.contains_key(&f.id) {
            format!(
                "{} (<code>{}</code>)",
                treatment_link(head, &f.id, ""),
                text(&f.id)
            )
        } else {
            format!("{title}(<code>{}</code>)", text(&f.id))
        };
        let _ = writeln!(
            b,
            "<li><span class=\"clinical\">check</span> {} {}: {}</li>",
            html(f.kind.as_str()),
            who,
            text(&f.what)
        );
    }
    if !d.clinical_review.is_empty() {
        b.push_str("</ul>\n");
    }
    if crate::diff::human::has_marks(d) {
        b.push_str("<p><mark>Highlighted</mark>: a changed negation or certainty word (not, may, can, should, safe…) or a number with its unit.</p>\n");
    }
    b.push_str("</section>\n");
}

/// One changed entity: its heading, the pages it shows on, its changes.
fn change_section(b: &mut String, head: &Content, rel: &Relations, e: &EntityDiff) {
    let name = e
        .title
        .as_ref()
        .map_or(String::new(), |n| format!(" “{}”", text(n)));
    let _ = writeln!(
        b,
        "<section id=\"{}\">\n<h3>{}{} (<code>{}</code>), {}</h3>",
        html(&anchor(e)),
        capitalised(e.kind.as_str()),
        name,
        text(&e.id),
        e.op.as_str()
    );
    let pages = shown_on(head, rel, e);
    if e.kind == EntityKind::Treatment && e.op == Op::Removed {
        let _ = writeln!(
            b,
            "<p>Its card as BASE had it: <a href=\"removed/{}.html\">{}</a></p>",
            html(&e.id),
            text(&e.id)
        );
    } else if !pages.is_empty() {
        let links: Vec<String> = pages.iter().map(|t| treatment_link(head, t, "")).collect();
        let _ = writeln!(b, "<p>Shown on: {}</p>", links.join(", "));
    } else if matches!(e.kind, EntityKind::Condition | EntityKind::Disclaimer) {
        b.push_str("<p>Shown on: <a href=\"index.html\">the guide</a></p>\n");
    }
    if !e.changes.is_empty() {
        b.push_str("<ul>\n");
        for c in &e.changes {
            b.push_str(&change_item(c));
        }
        b.push_str("</ul>\n");
    }
    b.push_str("</section>\n");
}

/// The "Changed in this revision" box of each treatment page a diff touches.
fn changed_boxes(head: &Content, rel: &Relations, r: &DiffReport) -> BTreeMap<String, String> {
    let mut own: BTreeMap<String, &EntityDiff> = BTreeMap::new();
    let mut through: BTreeMap<String, Vec<&EntityDiff>> = BTreeMap::new();
    for e in &r.diff.entities {
        if e.kind == EntityKind::Treatment {
            own.insert(e.id.clone(), e);
        } else {
            for t in shown_on(head, rel, e) {
                through.entry(t).or_default().push(e);
            }
        }
    }
    let ids: BTreeSet<&String> = own.keys().chain(through.keys()).collect();
    let mut out = BTreeMap::new();
    for id in ids {
        let mut s = String::from(
            "<section class=\"changed\" aria-label=\"Changed in this revision\">\n<h2>Changed in this revision</h2>\n",
        );
        if let Some(e) = own.get(id) {
            if e.op == Op::Added {
                s.push_str("<p>This treatment is new.</p>\n");
            }
            if !e.changes.is_empty() && e.op != Op::Added {
                s.push_str("<ul>\n");
                for c in &e.changes {
                    s.push_str(&change_item(c));
                }
                s.push_str("</ul>\n");
            }
        }
        for e in through.get(id).into_iter().flatten() {
            let name = e.title.clone().unwrap_or_else(|| e.id.clone());
            let _ = writeln!(
                s,
                "<p>Its {} “{}” (<code>{}</code>) was {}: <a href=\"../diff.html#{}\">see the change</a>.</p>",
                html(e.kind.as_str()),
                text(&name),
                text(&e.id),
                e.op.as_str(),
                html(&anchor(e))
            );
        }
        let _ = writeln!(
            s,
            "<p><a href=\"../diff.html#treatment-{}\">The whole diff</a></p>\n</section>",
            html(id)
        );
        out.insert(id.clone(), s);
    }
    out
}

/// The HEAD guide as a site with `diff.html` added and each changed
/// treatment's page marked.
pub fn diff_site(base: &Content, head: &Content, r: &DiffReport) -> Site {
    let rel = Relations::of(head);
    let changed = changed_boxes(head, &rel, r);
    let note = if r.diff.entities.is_empty() {
        String::new()
    } else {
        "<p class=\"changed\"><a href=\"diff.html\">What changed in this revision</a></p>\n"
            .to_string()
    };
    let mut site = build(head, &note, &changed);
    site.insert("diff.html".into(), diff_page(head, &rel, r));
    // A removed treatment keeps a page: its card as BASE had it, so the
    // reviewer reads what is taken away, not only its id.
    let base_rel = Relations::of(base);
    for id in removed_treatments(base, r) {
        let note = format!(
            "<section class=\"changed\" aria-label=\"Removed in this revision\">\n<h2>Removed in this revision</h2>\n<p>HEAD no longer has this treatment; this is its card as BASE had it.</p>\n<p><a href=\"../diff.html#treatment-{}\">The whole diff</a></p>\n</section>\n",
            html(id)
        );
        if let Some(p) = treatment_page(base, &base_rel, id, &note) {
            site.insert(format!("removed/{id}.html"), p);
        }
    }
    site
}

/// The treatments BASE has and HEAD does not.
fn removed_treatments<'c>(base: &'c Content, r: &DiffReport) -> Vec<&'c str> {
    r.diff
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Treatment && e.op == Op::Removed)
        .filter_map(|e| {
            base.treatments
                .get_key_value(&e.id)
                .map(|(id, _)| id.as_str())
        })
        .collect()
}

/// The release in plain words: the version to publish and what users of the
/// crate must do.
fn for_users(b: &mut String, r: &DiffReport) {
    let Some(u) = &r.for_users else { return };
    let _ = writeln!(b, "<p>{}</p>", code_spans(&u.publish));
    b.push_str("<p>What users of the crate must do:</p>\n<ul>\n");
    for a in &u.actions {
        let _ = writeln!(b, "<li>{}</li>", code_spans(a));
    }
    b.push_str("</ul>\n");
}

/// A sentence of this tool's with `code` in backticks, as HTML.
fn code_spans(s: &str) -> String {
    s.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{}</code>", text(part))
            } else {
                text(part)
            }
        })
        .collect()
}

/// The texts at HEAD that still mention a removed or renamed name, brand or
/// synonym: file and line, the text, the name marked.
fn stale_mentions(b: &mut String, r: &DiffReport) {
    if r.stale_mentions.is_empty() {
        return;
    }
    b.push_str("<section class=\"mentions\">\n<h2>Still mentioned after its removal</h2>\n<p>These texts at HEAD still name something lookups no longer accept: check that each still holds.</p>\n<ul>\n");
    for m in &r.stale_mentions {
        let (x, w, y) = m.parts();
        let _ = writeln!(
            b,
            "<li><code>{}:{}</code> (“{}”): {}<mark>{}</mark>{}</li>",
            text(&m.file),
            m.line,
            text(&m.removed),
            text(x),
            text(w),
            text(y)
        );
    }
    b.push_str("</ul>\n</section>\n");
}

/// The commits from BASE to HEAD, when both are revisions.
fn commits(b: &mut String, r: &DiffReport) {
    let Some(c) = &r.commits else { return };
    let _ = writeln!(
        b,
        "<section class=\"commits\">\n<h2>Commits ({}{})</h2>",
        c.list.len(),
        if c.more { ", more not listed" } else { "" }
    );
    if c.list.is_empty() {
        b.push_str("<p>None: HEAD's commit is BASE's.</p>\n");
    } else {
        b.push_str("<ul>\n");
        for x in &c.list {
            let _ = writeln!(
                b,
                "<li><code>{}</code> {}, {}: {}</li>",
                text(&x.id),
                text(&x.date),
                text(&x.author),
                text(&x.subject)
            );
        }
        b.push_str("</ul>\n");
    }
    b.push_str("</section>\n");
}

/// The review records each changed file had at BASE, when both are revisions.
fn reviews_at_base(b: &mut String, r: &DiffReport) {
    let Some(files) = &r.reviews_at_base else {
        return;
    };
    b.push_str(
        "<section class=\"reviews-at-base\">\n<h2>Reviews the changed files had at BASE</h2>\n",
    );
    if files.is_empty() {
        b.push_str("<p>No content file changed.</p>\n");
    } else {
        b.push_str("<ul>\n");
        for f in files {
            let _ = writeln!(
                b,
                "<li><code>{}</code> ({}): {}</li>",
                text(&f.file),
                f.op,
                text(&f.words())
            );
        }
        b.push_str("</ul>\n");
    }
    b.push_str("</section>\n");
}
