//! `lems-content render --format html` and `diff --format html` end to end:
//! the site is deterministic, every page carries the disclaimer, every
//! internal link resolves, content cannot inject HTML, and the diff page marks
//! what changed. (CI also loads every page in headless Chromium:
//! scripts/check_site.mjs.)

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn lems_content(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(args)
        .current_dir(env!("CARGO_TARGET_TMPDIR"))
        .output()
        .expect("run lems-content")
}

fn ok(o: Output) -> Output {
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// Writes the plain guide of the content at `root` into `out`.
fn render_into(root: &Path, out: &Path) {
    ok(lems_content(&[
        "render",
        "--root",
        s(root),
        "--out",
        s(out),
    ]));
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A fresh, empty folder `<tmp>/site/<name>`.
fn fresh(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("site")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// A fresh copy of the tests' own content (`tests/fixture/data/`, with the
/// repository's schema/) at `<tmp>/site/<name>`: the tests that edit it as
/// text own what they edit, so an edit of the real `data/` never breaks them.
fn scratch(name: &str) -> PathBuf {
    let root = fresh(name);
    let repo = common::repo_root();
    common::copy_dir(&common::fixture_root().join("data"), &root.join("data"));
    common::copy_dir(&repo.join("schema"), &root.join("schema"));
    root
}

/// Replaces `from` by `to` in `root/file`, which must contain it.
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// Every file under `dir`, by path relative to it (`/`-separated).
fn files(dir: &Path) -> BTreeMap<String, String> {
    fn walk(dir: &Path, base: &Path, out: &mut BTreeMap<String, String>) {
        for e in std::fs::read_dir(dir).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(&p, base, out);
            } else {
                let rel = p.strip_prefix(base).expect("under base");
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(rel, std::fs::read_to_string(&p).expect("utf-8 file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The text a reader sees: tags removed, entities decoded, spaces collapsed.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The disclaimer of the content at `root`, spaces collapsed.
fn disclaimer(root: &Path) -> String {
    let report = lems_treatments_build::load(
        &lems_treatments_build::Paths::under(root),
        lems_treatments_build::SchemaCheck::Skip,
    );
    let c = report.content.expect("content loads");
    c.disclaimer
        .item
        .text
        .as_str()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every `href="…"` and `src="…"` value of a page.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            let end = rest.find('"').expect("closed attribute");
            out.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    out
}

/// Checks that every internal link of every page resolves to a written file
/// (and a `#fragment` to an element of it), and that no link leaves the site.
/// Returns the number of links checked.
fn assert_links_resolve(site: &BTreeMap<String, String>) -> usize {
    let mut n = 0;
    for (page, html) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        for href in links(html) {
            n += 1;
            assert!(
                !href.contains(':'),
                "{page}: a link that leaves the site: {href}"
            );
            let (file, fragment) = href.split_once('#').unwrap_or((&href, ""));
            let mut parts: Vec<&str> = page.split('/').collect();
            parts.pop();
            if file.is_empty() {
                parts.push(page.rsplit('/').next().unwrap_or(page));
            }
            for part in file.split('/').filter(|p| !p.is_empty()) {
                match part {
                    ".." => {
                        assert!(parts.pop().is_some(), "{page}: {href} leaves the site")
                    }
                    "." => {}
                    _ => parts.push(part),
                }
            }
            let target = parts.join("/");
            let Some(body) = site.get(&target) else {
                panic!("{page}: broken link {href} (no {target})");
            };
            if !fragment.is_empty() {
                assert!(
                    body.contains(&format!("id=\"{fragment}\"")),
                    "{page}: broken fragment {href}"
                );
            }
        }
    }
    n
}

#[test]
fn the_site_is_deterministic_complete_and_linked() {
    let repo = common::repo_root();
    let (a, b) = (fresh("a"), fresh("b"));
    // `--format` in any case.
    ok(lems_content(&[
        "render",
        "--root",
        s(&repo),
        "--format",
        "HTML",
        "--out",
        s(&a),
    ]));
    ok(lems_content(&[
        "export",
        "--root",
        s(&repo),
        "--format",
        "html",
        "--out",
        s(&b),
    ]));
    let (site, again) = (files(&a), files(&b));
    assert_eq!(
        site, again,
        "two runs (render, export) wrote different sites"
    );

    let treatments: Vec<String> = std::fs::read_dir(repo.join("data/treatments"))
        .expect("treatments")
        .map(|e| {
            let name = e.expect("entry").file_name();
            name.to_string_lossy().trim_end_matches(".yaml").to_string()
        })
        .collect();
    assert!(site.contains_key("index.html") && site.contains_key("style.css"));
    for id in &treatments {
        let page = format!("treatments/{id}.html");
        assert!(site.contains_key(&page), "no page for {id}");
        assert!(
            site["index.html"].contains(&format!("href=\"{page}\"")),
            "the index does not link to {id}"
        );
    }
    // The pages, the style sheet, the favicon and the manifest listing exactly them.
    assert!(site.contains_key("favicon.svg"));
    assert_eq!(site.len(), treatments.len() + 4, "{:?}", site.keys());
    let listed: Vec<&str> = site[".lems-content-manifest"]
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect();
    let written: Vec<&str> = site
        .keys()
        .map(String::as_str)
        .filter(|k| *k != ".lems-content-manifest")
        .collect();
    assert_eq!(listed, written);

    let disclaimer = disclaimer(&repo);
    for (page, html) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        assert!(
            visible_text(html).contains(&disclaimer),
            "{page} lacks the disclaimer"
        );
        assert!(!html.contains("<script"), "{page} has a script");
        assert!(html.contains("name=\"viewport\""), "{page}: no viewport");
    }
    let n = assert_links_resolve(&site);
    assert!(n > treatments.len() * 2, "only {n} links");
}

#[test]
fn raw_html_and_links_in_content_are_escaped() {
    let root = scratch("hostile");
    let pyr = "data/treatments/pyridostigmine.yaml";
    edit(
        &root,
        pyr,
        "A cholinesterase inhibitor.",
        "A <script>alert(1)</script> inhibitor <img src=x onerror=alert(2)> [see](javascript:alert(3)) <https://example.org/x>.",
    );
    edit(
        &root,
        pyr,
        "\"It is the cholinesterase inhibitor used most often.\"",
        "\"<div onclick=\\\"alert(4)\\\">used most often</div>\"",
    );
    let out = fresh("hostile-site");
    ok(lems_content(&[
        "render",
        "--root",
        s(&root),
        "--out",
        s(&out),
    ]));
    let site = files(&out);
    let page = &site["treatments/pyridostigmine.html"];
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(
        page.contains("&lt;img src=x onerror=alert(2)&gt;"),
        "{page}"
    );
    assert!(page.contains("&lt;div onclick="), "{page}");
    for (name, html) in &site {
        for bad in [
            "<script",
            "<img",
            "<div onclick",
            "href=\"javascript:",
            "href=\"http",
        ] {
            assert!(!html.contains(bad), "{name} contains {bad:?}");
        }
    }
    // Content is text: a link in it is shown exactly as written, never followed.
    assert!(
        visible_text(page).contains("[see](javascript:alert(3)) <https://example.org/x>."),
        "a link is shown as the text it is"
    );
    assert_links_resolve(&site);
}

#[test]
fn the_diff_page_marks_a_changed_word_and_the_changed_page() {
    let base = scratch("base");
    let head = scratch("head");
    let pyr = "data/treatments/pyridostigmine.yaml";
    edit(
        &head,
        pyr,
        "nerve to muscle is stronger",
        "nerve to muscle is clearer",
    );
    edit(&head, pyr, "brands:\n  - name: \"Mestinon\"\n", "");
    let out = fresh("diff-site");
    let o = ok(lems_content(&[
        "diff",
        s(&base),
        s(&head),
        "--format",
        "Html",
        "--out",
        s(&out),
    ]));
    assert!(String::from_utf8_lossy(&o.stdout).contains("diff.html"));
    let site = files(&out);
    let diff = &site["diff.html"];
    assert!(
        diff.contains("<del>stronger</del><ins>clearer</ins>"),
        "{diff}"
    );
    assert!(diff.contains("removed: <del>Mestinon</del>"), "{diff}");
    assert!(diff.contains("Release needed: major"), "{diff}");
    assert!(diff.contains("id=\"treatment-pyridostigmine\""));
    assert!(diff.contains("href=\"treatments/pyridostigmine.html\""));
    let changed = &site["treatments/pyridostigmine.html"];
    assert!(changed.contains("Changed in this revision"), "{changed}");
    assert!(changed.contains("<del>stronger</del><ins>clearer</ins>"));
    assert!(changed.contains("href=\"../diff.html#treatment-pyridostigmine\""));
    assert!(!site["treatments/amifampridine.html"].contains("Changed in this revision"));
    assert!(site["index.html"].contains("href=\"diff.html\""));
    let disclaimer = disclaimer(&head);
    for (page, html) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        assert!(
            visible_text(html).contains(&disclaimer),
            "{page} lacks the disclaimer"
        );
    }
    assert_links_resolve(&site);

    // Rendering the plain guide into the same folder leaves no stale diff page.
    render_into(&head, &out);
    let site = files(&out);
    assert!(!site.contains_key("diff.html"));
    assert!(!site["treatments/pyridostigmine.html"].contains("Changed in this revision"));
    assert_links_resolve(&site);
}

#[test]
fn a_removed_treatment_keeps_its_base_card_on_a_page_of_its_own() {
    let base = scratch("removed-base");
    let head = scratch("removed-head");
    // Mycophenolate: no other file refers to it, so HEAD stays valid without it.
    std::fs::remove_file(head.join("data/treatments/mycophenolate.yaml")).expect("remove");
    let out = fresh("removed-site");
    ok(lems_content(&[
        "diff",
        s(&base),
        s(&head),
        "--format",
        "html",
        "--out",
        s(&out),
    ]));
    let site = files(&out);
    assert!(!site.contains_key("treatments/mycophenolate.html"));
    let page = &site["removed/mycophenolate.html"];
    assert!(page.contains("Removed in this revision"), "{page}");
    let card_title = std::fs::read_to_string(base.join("data/treatments/mycophenolate.yaml"))
        .expect("read")
        .lines()
        .find_map(|l| l.strip_prefix("name: "))
        .map(|n| n.trim_matches('"').to_string())
        .expect("a name");
    assert!(visible_text(page).contains(&card_title), "{page}");
    assert!(visible_text(page).contains(&disclaimer(&base)));
    let diff = &site["diff.html"];
    assert!(
        diff.contains("href=\"removed/mycophenolate.html\""),
        "{diff}"
    );
    assert!(page.contains("href=\"../diff.html#treatment-mycophenolate\""));
    assert_links_resolve(&site);

    // The plain guide written into the same folder leaves no stale page.
    render_into(&head, &out);
    assert!(!files(&out).contains_key("removed/mycophenolate.html"));
}
