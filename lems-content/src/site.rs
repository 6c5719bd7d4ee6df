//! `lems-content render --format html` (and `export --format html`, `diff
//! --format html`): the guide as a small, self-contained static site.
//!
//! There is one renderer: every piece of content on a page is the Markdown
//! that [`View`] produces (the guide's head, each class's section, each card,
//! the tail), converted to HTML by `pulldown-cmark`. This module only adds the
//! frame around it: the page skeleton, the navigation, the links to each
//! treatment's page and, for a diff, the marked changes.
//!
//! Content is untrusted: raw HTML in it is written as escaped text, links and
//! images in it are reduced to their text (no `javascript:` URL, no remote
//! image), and every string this module writes itself is HTML-escaped. The
//! pages use no JavaScript. The output is deterministic: the same content gives
//! the same bytes.
//!
//! Layout: `index.html` (the disclaimer, the condition, each class with links
//! to its treatments' pages, the sources), `treatments/<id>.html` (the
//! disclaimer, the card, a link back), one shared `style.css`; a diff adds
//! `diff.html` and marks each changed treatment's page.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use lems_treatments_build::diff::{EntityDiff, EntityKind, FieldChange, Op, PieceOp};
use lems_treatments_build::relations::Relations;
use lems_treatments_build::render::View;
use lems_treatments_build::Content;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diff_cmd::{visible, DiffReport, ZERO_X_RULE};

/// A site: each file's path relative to the site folder (`/`-separated), and
/// its text. Ordered, so writing and comparing it is deterministic.
pub type Site = BTreeMap<String, String>;

/// The site's one style sheet: readable on a phone (no horizontal scroll at
/// 320 px and up), a measure of about 70 characters on a desktop.
pub const STYLE: &str = r#"*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font: 1.0625rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1b1b1b;
  background: #fff;
}
main { max-width: 46rem; margin: 0 auto; padding: 0.75rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.75rem 0 1rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 0.5rem; padding-top: 0.5rem; border-top: 1px solid #ddd; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.4rem; }
p, li, h1, h2, h3, td { overflow-wrap: break-word; }
ul { padding-left: 1.25rem; }
li { margin: 0.25rem 0; }
a { color: #0b5cad; }
a:visited { color: #5a3a9a; }
code {
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 0.9em;
  background: #f1f1f1;
  padding: 0.05em 0.3em;
  border-radius: 3px;
  overflow-wrap: anywhere;
}
blockquote, .disclaimer {
  margin: 1rem 0;
  padding: 0.75rem 1rem;
  background: #fff6d6;
  border-left: 0.35rem solid #c99300;
  border-radius: 4px;
}
blockquote p, .disclaimer p { margin: 0; }
nav { font-size: 0.95rem; margin: 0.5rem 0; }
nav a { display: inline-block; padding: 0.4rem 0; }
ul.treatments { list-style: none; padding: 0; }
ul.treatments li { margin: 0; }
ul.treatments li + li { border-top: 1px solid #eee; }
ul.treatments a { display: block; padding: 0.6rem 0.25rem; font-weight: 600; }
.changed {
  margin: 1rem 0;
  padding: 0.75rem 1rem;
  background: #fff1e6;
  border: 2px solid #b35900;
  border-radius: 4px;
}
.changed h2 { margin: 0 0 0.5rem; padding: 0; border: 0; font-size: 1.15rem; }
.release { padding: 0.75rem 1rem; background: #eef4fb; border-left: 0.35rem solid #0b5cad; border-radius: 4px; }
.release p { margin: 0.3rem 0; }
del { background: #ffe1e1; color: #8a0000; text-decoration: line-through; }
ins { background: #dcf5dc; color: #004d00; text-decoration: underline; }
del + ins { margin-left: 0.2em; }
.clinical { font-weight: 700; color: #8a0000; }
.rule { color: #555; font-size: 0.95em; }
footer { max-width: 46rem; margin: 0 auto; padding: 1rem; color: #555; font-size: 0.9rem; border-top: 1px solid #ddd; }
"#;

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escaped, with hidden control and direction-changing characters made visible.
fn text(s: &str) -> String {
    escape(&visible(s))
}

fn shifted(level: HeadingLevel, by: i8) -> HeadingLevel {
    let n = (level as usize)
        .saturating_add_signed(isize::from(by))
        .clamp(1, 6);
    HeadingLevel::try_from(n).unwrap_or(level)
}

/// The renderer's Markdown as HTML, headings moved by `shift` levels.
///
/// Raw HTML in the Markdown (which can only come from content) becomes
/// escaped text; links and images become their text.
pub fn markdown_to_html(markdown: &str, shift: i8) -> String {
    let events = Parser::new_ext(markdown, Options::empty()).filter_map(|e| match e {
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Link { .. } | Tag::Image { .. })
        | Event::End(TagEnd::Link | TagEnd::Image) => None,
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: shifted(level, shift),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => {
            Some(Event::End(TagEnd::Heading(shifted(level, shift))))
        }
        other => Some(other),
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// One page: the skeleton around `body`. `up` is the way to the site's root
/// (`""` or `"../"`).
fn page(title: &str, up: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"{up}style.css\">\n</head>\n\
         <body>\n<main>\n{body}</main>\n<footer>Generated by <code>lems-content</code> from the content in <code>data/</code>. Information, not medical advice.</footer>\n</body>\n</html>\n",
        text(title)
    )
}

/// The disclaimer as a marked box (for pages whose Markdown does not carry it).
fn disclaimer_box(c: &Content) -> String {
    format!(
        "<aside class=\"disclaimer\" role=\"note\"><p>{}</p></aside>\n",
        text(c.disclaimer.item.text.as_str())
    )
}

fn guide_title(c: &Content) -> String {
    let cond = &c.condition.item;
    format!(
        "Treating {} ({})",
        cond.name.as_str(),
        cond.abbreviation.as_str()
    )
}

/// The ids that are safe as file names (the checker only lets such ids in;
/// this guards the file system all the same).
fn safe_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The treatments in guide order (class by class, then by id), safe ids only.
fn treatments_in_order<'c>(c: &'c Content, rel: &Relations) -> Vec<(&'c str, &'c str)> {
    let mut out = Vec::new();
    for cat in &rel.guide_order {
        for (id, t) in &c.treatments {
            if &t.item.category.0 == cat && safe_id(id) {
                out.push((id.as_str(), t.item.name.as_str()));
            }
        }
    }
    out
}

fn index_page(c: &Content, rel: &Relations, note: &str) -> String {
    let view = View::new(c, rel);
    let mut body = String::new();
    body.push_str(
        "<nav><a href=\"#treatments\">The treatments, class by class</a> · <a href=\"#sources\">Sources</a></nav>\n",
    );
    body.push_str(note);
    body.push_str(&markdown_to_html(&view.guide_head(), 0));
    body.push_str("<section id=\"treatments\">\n");
    for cat in &rel.guide_order {
        body.push_str(&markdown_to_html(&view.guide_section(cat), 1));
        let members: Vec<(&String, &str)> = c
            .treatments
            .iter()
            .filter(|(id, t)| &t.item.category.0 == cat && safe_id(id))
            .map(|(id, t)| (id, t.item.name.as_str()))
            .collect();
        if members.is_empty() {
            continue;
        }
        body.push_str("<ul class=\"treatments\">\n");
        for (id, name) in members {
            let _ = writeln!(
                body,
                "<li><a href=\"treatments/{}.html\">{}</a></li>",
                escape(id),
                text(name)
            );
        }
        body.push_str("</ul>\n");
    }
    body.push_str("</section>\n<section id=\"sources\">\n");
    body.push_str(&markdown_to_html(&view.guide_tail(), 1));
    body.push_str("</section>\n");
    page(&guide_title(c), "", &body)
}

fn treatment_page(c: &Content, rel: &Relations, id: &str, changed: &str) -> Option<String> {
    let view = View::new(c, rel);
    let card = view.card(id)?;
    let name = c.treatments.get(id)?.item.name.as_str();
    let mut body = String::new();
    body.push_str("<nav><a href=\"../index.html\">← All treatments</a></nav>\n");
    // The disclaimer comes first, then a diff's "Changed" box, then the card.
    // When the card carries the disclaimer itself (under its title), the box
    // follows it; otherwise the page adds the disclaimer above the card.
    let has_disclaimer = card.contains(c.disclaimer.item.text.as_str());
    let card = markdown_to_html(&card, -1);
    let after_disclaimer = card
        .find("</blockquote>\n")
        .map(|at| at + "</blockquote>\n".len())
        .filter(|_| has_disclaimer);
    match after_disclaimer {
        Some(at) => {
            body.push_str(&card[..at]);
            body.push_str(changed);
            body.push_str(&card[at..]);
        }
        None => {
            body.push_str(&disclaimer_box(c));
            body.push_str(changed);
            body.push_str(&card);
        }
    }
    body.push_str("<nav><a href=\"../index.html\">← All treatments</a></nav>\n");
    Some(page(&format!("{name} – {}", guide_title(c)), "../", &body))
}

fn build(c: &Content, index_note: &str, changed: &BTreeMap<String, String>) -> Site {
    let rel = Relations::of(c);
    let mut site = Site::new();
    site.insert("style.css".into(), STYLE.into());
    site.insert("index.html".into(), index_page(c, &rel, index_note));
    for (id, _) in treatments_in_order(c, &rel) {
        let marked = changed.get(id).map_or("", String::as_str);
        if let Some(p) = treatment_page(c, &rel, id, marked) {
            site.insert(format!("treatments/{id}.html"), p);
        }
    }
    site
}

/// The guide as a site: `index.html`, `style.css` and one page per treatment.
pub fn site(c: &Content) -> Site {
    build(c, "", &BTreeMap::new())
}

fn words_html(c: &FieldChange) -> String {
    c.words
        .iter()
        .map(|p| match p.op {
            PieceOp::Equal => text(&p.text),
            PieceOp::Delete => format!("<del>{}</del>", text(&p.text)),
            PieceOp::Insert => format!("<ins>{}</ins>", text(&p.text)),
        })
        .collect()
}

fn value_html(c: &FieldChange) -> String {
    match (c.op, &c.before, &c.after) {
        (Op::Added, _, Some(a)) => format!("added: <ins>{}</ins>", text(a)),
        (Op::Removed, Some(b), _) => format!("removed: <del>{}</del>", text(b)),
        _ if !c.words.is_empty() => format!("changed: {}", words_html(c)),
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
        escape(c.rule.name()),
        if c.rule.changelog() {
            ", called out in <code>CHANGELOG.md</code>"
        } else {
            ""
        }
    );
    if let Some(n) = &c.note {
        let _ = write!(s, " ({})", text(n));
    }
    s.push_str("</span>");
    if c.clinical {
        s.push_str(" <span class=\"clinical\">clinical review</span>");
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
                let cat = &t.item.category.0;
                cat == &e.id
                    || rel
                        .class_ancestors
                        .get(cat)
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

fn entity_name(c: &Content, e: &EntityDiff) -> Option<String> {
    let name = match e.kind {
        EntityKind::Treatment => c.treatments.get(&e.id)?.item.name.as_str(),
        EntityKind::Caution => c.cautions.get(&e.id)?.item.title.as_str(),
        EntityKind::Mechanism => c.mechanisms.get(&e.id)?.item.name.as_str(),
        EntityKind::Class => c.classes.get(&e.id)?.item.name.as_str(),
        EntityKind::Source => c.sources.get(&e.id)?.item.title.as_str(),
        EntityKind::Condition | EntityKind::Disclaimer => return None,
    };
    Some(name.to_string())
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn treatment_link(c: &Content, id: &str, up: &str) -> String {
    let name = c.treatments.get(id).map_or(id, |t| t.item.name.as_str());
    format!(
        "<a href=\"{up}treatments/{}.html\">{}</a>",
        escape(id),
        text(name)
    )
}

fn diff_page(head: &Content, rel: &Relations, r: &DiffReport) -> String {
    let d = &r.diff;
    let mut b = String::new();
    b.push_str("<nav><a href=\"index.html\">← The guide (HEAD)</a></nav>\n");
    b.push_str(&disclaimer_box(head));
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
    b.push_str("<section class=\"release\">\n");
    match &d.decision {
        None => b.push_str("<p><strong>No content changes: no release needed.</strong></p>\n"),
        Some(dec) => {
            let _ = writeln!(
                b,
                "<p><strong>Release needed: {}</strong> (rule <code>{}</code>: {})</p>",
                dec.level,
                escape(dec.rule.id.name()),
                text(&dec.rule.id.change_plain())
            );
            let _ = writeln!(b, "<p>Decided by: {}.</p>", text(&dec.because));
            if d.changelog_required {
                b.push_str(
                    "<p>Call the caution or class changes out in <code>CHANGELOG.md</code>.</p>\n",
                );
            }
            if crate::diff_cmd::zero_x(r) {
                let _ = writeln!(b, "<p>Semver: {}.</p>", text(ZERO_X_RULE));
            }
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
    if !d.clinical_review.is_empty() {
        let _ = writeln!(
            b,
            "<h2>Clinical review ({})</h2>\n<ul>",
            d.clinical_review.len()
        );
        for f in &d.clinical_review {
            let who = if f.kind == EntityKind::Treatment && head.treatments.contains_key(&f.id) {
                treatment_link(head, &f.id, "")
            } else {
                format!("<code>{}</code>", text(&f.id))
            };
            let _ = writeln!(
                b,
                "<li><span class=\"clinical\">check</span> {} {}: {}</li>",
                escape(f.kind.as_str()),
                who,
                text(&f.what)
            );
        }
        b.push_str("</ul>\n");
    }
    if !d.entities.is_empty() {
        b.push_str("<h2>Changes</h2>\n");
    }
    for e in &d.entities {
        let name = entity_name(head, e).map_or(String::new(), |n| format!(" “{}”", text(&n)));
        let _ = writeln!(
            b,
            "<section id=\"{}\">\n<h3>{} <code>{}</code>{} ({})</h3>",
            escape(&anchor(e)),
            capitalised(e.kind.as_str()),
            text(&e.id),
            name,
            e.op.as_str()
        );
        let pages = shown_on(head, rel, e);
        if e.kind == EntityKind::Treatment && e.op == Op::Removed {
            let _ = writeln!(
                b,
                "<p>Its card as BASE had it: <a href=\"removed/{}.html\">{}</a></p>",
                escape(&e.id),
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
    page("Content diff", "", &b)
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
            let name = entity_name(head, e).unwrap_or_else(|| e.id.clone());
            let _ = writeln!(
                s,
                "<p>Its {} “{}” was {}: <a href=\"../diff.html#{}\">see the change</a>.</p>",
                escape(e.kind.as_str()),
                text(&name),
                e.op.as_str(),
                escape(&anchor(e))
            );
        }
        let _ = writeln!(
            s,
            "<p><a href=\"../diff.html#treatment-{}\">The whole diff</a></p>\n</section>",
            escape(id)
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
            escape(id)
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

/// Refuses `--out` with a format that prints to standard output (exit 2):
/// the user expects a file there, and ignoring the option would lose it.
pub fn refuse_out_for_printed_format(
    format: &impl clap::ValueEnum,
    out: &Path,
) -> std::process::ExitCode {
    let format = format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string());
    eprintln!(
        "error: --out is for --format html (a site of several files); the {format} output goes to standard output: redirect it instead, for example `> '{}'`",
        visible(&out.display().to_string()).replace('\'', "'\\''")
    );
    std::process::ExitCode::from(2)
}

/// Writes `site` into `dir` (created when missing). Pages a previous run left
/// that this site does not have (`treatments/*.html`, `removed/*.html`,
/// `diff.html`) are removed, so no stale page stays reachable; nothing else
/// is touched.
pub fn write(dir: &Path, site: &Site) -> Result<(), String> {
    for folder in ["treatments", "removed"] {
        let pages = dir.join(folder);
        let listed = match std::fs::read_dir(&pages) {
            Ok(listed) => listed,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(format!("could not read {}: {e}", pages.display())),
        };
        for entry in listed.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.ends_with(".html") && !site.contains_key(&format!("{folder}/{name}")) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    if !site.contains_key("diff.html") {
        let _ = std::fs::remove_file(dir.join("diff.html"));
    }
    for (rel, body) in site {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("could not create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, body)
            .map_err(|e| format!("could not write {}: {e}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_move_and_stay_within_h1_to_h6() {
        assert_eq!(markdown_to_html("## A\n", -1), "<h1>A</h1>\n");
        assert_eq!(markdown_to_html("# A\n", -1), "<h1>A</h1>\n");
        assert_eq!(markdown_to_html("###### A\n", 1), "<h6>A</h6>\n");
        assert_eq!(markdown_to_html("# A\n", 1), "<h2>A</h2>\n");
    }

    #[test]
    fn raw_html_links_and_images_become_text() {
        let html = markdown_to_html(
            "a <b onclick=x>b</b> [c](javascript:alert(1)) ![d](http://x/y.png) <http://e.org>\n\n<div>\nf\n</div>\n",
            0,
        );
        assert!(!html.contains("<b "), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(!html.contains("href") && !html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;b onclick=x&gt;b&lt;/b&gt; c d http://e.org"),
            "{html}"
        );
        assert!(html.contains("<p>&lt;div&gt;"), "{html}");
    }

    #[test]
    fn escape_covers_text_and_attributes() {
        assert_eq!(
            escape("<a href=\"x\">'&'"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;"
        );
    }
}
