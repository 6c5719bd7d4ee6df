//! Hostile but valid content, end to end: each case under
//! `tests/accepted/markup_*` (an overlay on `data/` that `check` accepts)
//! holds text full of Markdown and HTML in real fields. Every view is read
//! back with a real parser and must be exactly the renderer's document:
//! the Markdown (`View::card`, `show`, `View::guide`, `export --format
//! markdown`) with pulldown-cmark, plain CommonMark and with GFM's tables and
//! strikethrough; the site (`render --format html`) with html5gum, a WHATWG
//! tokenizer; every FHIR narrative (`export --format fhir`) with roxmltree.
//! "Exactly the document" means the same blocks, the same headings, no HTML,
//! link or code that the renderer did not make, and every text node read back
//! as the text written (a hard break or `<br>` as `\n`). Each hostile string
//! of a case must then stand in one text run of the views it is shown in.

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use lems_treatments_build::document::{Block, Document, Inline};
use lems_treatments_build::relations::Relations;
use lems_treatments_build::render::View;
use lems_treatments_build::{load, Content, Paths, SchemaCheck};
use pulldown_cmark::{Event, Options, Parser, Tag};

/// Shown on the card of `markup_probe` (and so in the guide and its page).
const CARD: u8 = 1;
/// Shown in the guide (and the site's index) only: the condition, class
/// descriptions.
const GUIDE: u8 = 2;
/// Shown in a FHIR narrative too.
const FHIR: u8 = 4;

/// The id of the hostile treatment every case adds.
const PROBE: &str = "markup_probe";

/// Each case and the hostile strings it holds, exactly as the YAML yields
/// them (a citation after a usage item is part of the string where its
/// survival is the point), with where each is shown.
const CASES: &[(&str, &[(&str, u8)])] = &[
    (
        "markup_comment_opener",
        &[
            ("This line comes before the comment opener.\n<!--\nThis line comes after it and must still be shown.", CARD | FHIR),
            ("A fixture caution <script>alert(1)</script>", CARD | FHIR),
            ("<script>alert(\"shown as text\")</script> and <img src=x onerror=alert(1)> stay text.\n-->", CARD | FHIR),
            ("This text ends with a backslash \\", CARD | FHIR),
        ],
    ),
    (
        "markup_forged_heading",
        &[
            ("A plain first paragraph of the item.\n\n## Cautions\n\nNone: the sources say it is safe (source: LEMS Treatment)", CARD),
            ("A plain first paragraph of the item.\n\n## Cautions\n\nNone: the sources say it is safe", FHIR),
            ("Setext heading underline next\n===\n---\n***", CARD | FHIR),
            ("The real fixture caution", CARD | FHIR),
            ("This is the one caution of the fixture treatment.\n## Not a heading either", CARD | FHIR),
        ],
    ),
    (
        "markup_link_definition",
        &[
            ("A fixture treatment: see [x] and [the leaflet](http://example.org \"t\").", CARD | FHIR),
            ("A usage line with a link definition under it.\n[x]: http://example.org (source: LEMS Treatment)", CARD),
            ("[x]: http://example.org (source: LEMS Treatment)", CARD),
            ("A usage line with a link definition under it.\n[x]: http://example.org", FHIR),
            ("Links stay text: <http://example.org>, www.example.org, [x][x], ![img](x.png).", CARD | FHIR),
        ],
    ),
    (
        "markup_emphasis",
        &[
            ("Stars: 2*5 mg or 3*4 mg; _under_ __double__ **strong** `tick` ``two``.", CARD | FHIR),
            ("2*5 mg or 3*4 mg (source: LEMS Treatment)", CARD),
            ("| a | b |", CARD | FHIR),
            ("| head | row |\n|------|-----|\n| x    | y   |", CARD | FHIR),
            ("Fixture *mechanism* ~~name~~", CARD),
            ("~~not struck through~~ and ~single~ and a | pipe |\n```\nnot a code fence\n```\n~~~", CARD),
            ("Fixture caution with *stars* and `ticks`", CARD | FHIR),
            ("*Not emphasis*, **not strong**, _not either_, `not code`.", CARD | FHIR),
            ("Ends with stars **", CARD | FHIR),
        ],
    ),
    (
        "markup_entities",
        &[
            (r"Entities: &amp; &#65; &#x41; &lt;b&gt; &copy &nbsp; and escapes: \* \\ \_ \[ \<", CARD | FHIR),
            (r"Backslash escapes \* \\ stay as written", CARD | FHIR),
            (r"A line ending in a backslash \ (source: Fixture source", CARD),
            ("Fixture class &amp; co", CARD),
            (r"A fixture class: &lt;b&gt; is not bold, &#65; is not A, \\ is two backslashes.", GUIDE),
            (r"Fixture source &amp; notes &#65; \", CARD | FHIR),
        ],
    ),
    (
        "markup_names",
        &[
            ("<b>Probe</b> & *star* \"double\" 'single'", CARD | FHIR),
            ("<i>Class</i> & **bold** \"q\" #1", CARD),
            ("Also called: *Probe* alias, Probe <u>two</u>", CARD),
            ("Brand: Probe&trade; `x`", CARD),
            ("Used when <em>other</em> options [failed](x) & ~~nothing~~ else.", CARD | FHIR),
        ],
    ),
    (
        "markup_block_starts",
        &[
            ("# Markup probe", CARD),
            ("1. not a numbered list\n2) nor this\n- not a bullet\n+ nor this\n> not a quote\n# not a heading\n    four spaces, not code", CARD | FHIR),
            ("- a usage line starting with a dash\n10. and a number", CARD | FHIR),
            ("1. Fixture mechanism \\", CARD),
            ("> not a quote\n    four spaces, not code\n<div>not a block</div>", CARD),
            ("- Fixture caution **", CARD | FHIR),
            ("- not an item\n# not a heading\na line ending in a backslash \\\nthe next line", CARD | FHIR),
            ("> not a quote \\", CARD | FHIR),
            ("> Fixture class", CARD),
            ("1. not a list\n---\n    four spaces, not code\n| not | a table |", GUIDE),
            ("# Fixture source | with ~~tildes~~ and `ticks`", CARD | FHIR),
            ("Fixture <b>condition</b> & *name*", GUIDE),
            ("# not a heading\n1. not a list\n    four spaces, not code\n<!--\na summary line ending in a backslash \\", GUIDE),
        ],
    ),
];

// ---------------------------------------------------------------- trees

/// What a reader sees, as a tree: an element (`p`, `h2`, `ul`, `li`,
/// `strong`, …) or a text run (adjacent texts joined, a line break as `\n`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    El(String, Vec<Node>),
    Text(String),
}

#[derive(Default)]
struct Tree {
    stack: Vec<(String, Vec<Node>)>,
    done: Vec<Node>,
}

impl Tree {
    fn children(&mut self) -> &mut Vec<Node> {
        match self.stack.last_mut() {
            Some((_, kids)) => kids,
            None => &mut self.done,
        }
    }
    fn open(&mut self, name: impl Into<String>) {
        self.stack.push((name.into(), Vec::new()));
    }
    fn close(&mut self) {
        if let Some((name, kids)) = self.stack.pop() {
            self.children().push(Node::El(name, kids));
        }
    }
    fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let kids = self.children();
        if let Some(Node::Text(t)) = kids.last_mut() {
            t.push_str(s);
        } else {
            kids.push(Node::Text(s.to_string()));
        }
    }
    /// Something that must not be there, kept so the comparison fails.
    fn foreign(&mut self, what: String) {
        self.children()
            .push(Node::El(format!("⟨{what}⟩"), Vec::new()));
    }
    fn finish(mut self) -> Vec<Node> {
        while !self.stack.is_empty() {
            self.close();
        }
        self.done
    }
}

/// The tree the renderer meant: a document's blocks, headings moved by `shift`.
fn document_tree(blocks: &[Block], shift: i8, t: &mut Tree) {
    for b in blocks {
        match b {
            Block::Lead { full, .. } => document_tree(std::slice::from_ref(full), shift, t),
            Block::Heading { level, content } => {
                let n = (i16::from(*level) + i16::from(shift)).clamp(1, 6);
                t.open(format!("h{n}"));
                inline_tree(content, t);
                t.close();
            }
            Block::Paragraph(content) => {
                t.open("p");
                inline_tree(content, t);
                t.close();
            }
            Block::List(items) if items.is_empty() => {}
            Block::List(items) => {
                t.open("ul");
                for i in items {
                    t.open("li");
                    inline_tree(&i.content, t);
                    t.close();
                }
                t.close();
            }
            Block::Note { content, .. } => {
                t.open("blockquote");
                t.open("p");
                inline_tree(content, t);
                t.close();
                t.close();
            }
        }
    }
}

fn inline_tree(content: &[Inline], t: &mut Tree) {
    for i in &lems_treatments_build::document::unlinked(content) {
        match i {
            Inline::Citation(_) | Inline::Link { .. } => {}
            Inline::Text(s) => t.text(s),
            Inline::Code(s) => {
                t.open("code");
                t.text(s);
                t.close();
            }
            Inline::Strong(x) | Inline::Emphasis(x) => {
                t.open(if matches!(i, Inline::Strong(_)) {
                    "strong"
                } else {
                    "em"
                });
                inline_tree(x, t);
                t.close();
            }
        }
    }
}

fn documents_tree(docs: &[(&Document, i8)]) -> Vec<Node> {
    let mut t = Tree::default();
    for (d, shift) in docs {
        document_tree(&d.blocks, *shift, &mut t);
    }
    t.finish()
}

/// Markdown as pulldown-cmark reads it.
fn markdown_tree(md: &str, options: Options) -> Vec<Node> {
    let mut t = Tree::default();
    for e in Parser::new_ext(md, options) {
        match e {
            Event::Start(tag) => t.open(match tag {
                Tag::Paragraph => "p".to_string(),
                Tag::Heading { level, .. } => format!("h{}", level as usize),
                Tag::List(None) => "ul".to_string(),
                Tag::Item => "li".to_string(),
                Tag::BlockQuote(None) => "blockquote".to_string(),
                Tag::Strong => "strong".to_string(),
                Tag::Emphasis => "em".to_string(),
                other => format!("⟨{other:?}⟩"),
            }),
            Event::End(_) => t.close(),
            Event::Text(s) => t.text(&s),
            Event::Code(s) => {
                t.open("code");
                t.text(&s);
                t.close();
            }
            Event::HardBreak => t.text("\n"),
            other => t.foreign(format!("{other:?}")),
        }
    }
    t.finish()
}

/// A page as a browser's tokenizer reads it: the tree of `<main>` without
/// its `<nav>`s, `<section>` transparent, each `<ul class="treatments">`
/// (the index's links) set apart as the texts of its links; and `<title>`.
struct Page {
    main: Vec<Node>,
    title: String,
    links: Vec<String>,
}

fn html_page(page: &str) -> Page {
    use html5gum::{Token, Tokenizer};
    let mut t = Tree::default();
    let (mut in_main, mut in_title) = (false, false);
    let mut title = String::new();
    let mut skipping: Option<(Vec<u8>, usize)> = None;
    let mut links: Vec<String> = Vec::new();
    let mut in_link = false;
    for token in Tokenizer::new(page).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.0.clone();
                if let Some((n, depth)) = &mut skipping {
                    *depth += usize::from(*n == name);
                    if name == b"a" && *n == b"ul" {
                        in_link = true;
                        links.push(String::new());
                    }
                    continue;
                }
                let class = tag
                    .attributes
                    .get(b"class".as_slice())
                    .map(|v| v.value.0.clone());
                match &name[..] {
                    b"main" => in_main = true,
                    b"title" => in_title = true,
                    _ if !in_main => {}
                    b"nav" => skipping = Some((name, 1)),
                    b"ul" if class.as_deref() == Some(b"treatments") => skipping = Some((name, 1)),
                    b"section" => {}
                    b"br" => t.text("\n"),
                    _ => t.open(String::from_utf8_lossy(&name)),
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.0.clone();
                if let Some((n, depth)) = &mut skipping {
                    *depth -= usize::from(*n == name);
                    in_link &= name != b"a";
                    if *depth == 0 {
                        skipping = None;
                    }
                    continue;
                }
                match &name[..] {
                    b"main" => in_main = false,
                    b"title" => in_title = false,
                    _ if !in_main => {}
                    b"section" => {}
                    _ => t.close(),
                }
            }
            Token::String(s) => {
                let s = String::from_utf8_lossy(&s);
                if in_title {
                    title.push_str(&s);
                } else if in_link {
                    if let Some(l) = links.last_mut() {
                        l.push_str(&s);
                    }
                } else if skipping.is_some() {
                } else if in_main && s != "\n" {
                    // A bare "\n" between tags is the view's separator: a
                    // newline in content is always written `<br />`.
                    t.text(&s);
                }
            }
            Token::Error(_) | Token::Doctype(_) => {}
            other if in_main => t.foreign(format!("{other:?}")),
            _ => {}
        }
    }
    Page {
        main: t.finish(),
        title,
        links,
    }
}

/// One narrative `div` as an XML parser reads it (its children).
fn xml_tree(div: &str) -> Vec<Node> {
    let doc = roxmltree::Document::parse(div).unwrap_or_else(|e| panic!("not XML: {e}\n{div}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "div", "{div}");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/1999/xhtml")
    );
    fn walk(n: roxmltree::Node<'_, '_>, t: &mut Tree) {
        for c in n.children() {
            if c.is_text() {
                t.text(c.text().unwrap_or_default());
            } else if c.has_tag_name("br") {
                t.text("\n");
            } else if c.is_element() {
                t.open(c.tag_name().name());
                walk(c, t);
                t.close();
            }
        }
    }
    let mut t = Tree::default();
    walk(root, &mut t);
    t.finish()
}

/// Every text run of a tree.
fn runs(nodes: &[Node]) -> Vec<String> {
    let mut out = Vec::new();
    for n in nodes {
        match n {
            Node::Text(s) => out.push(s.clone()),
            Node::El(_, kids) => out.extend(runs(kids)),
        }
    }
    out
}

/// Every element name of a tree.
fn elements(nodes: &[Node], out: &mut Vec<String>) {
    for n in nodes {
        if let Node::El(name, kids) = n {
            out.push(name.clone());
            elements(kids, out);
        }
    }
}

/// The site's own elements: a page's `<main>` holds only these, so no
/// content text became an element (each hostile string is a text run too:
/// `assert_in_runs`). The site's structure beside the document (contents,
/// callouts, the disclaimer's lead) is checked in a browser by
/// `scripts/check_site.mjs`, and its texts by `views_agree.rs`.
fn only_site_elements(view: &str, nodes: &[Node]) {
    const SITE: &[&str] = &[
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "code",
        "a",
        "div",
        "details",
        "summary",
        "nav",
        "section",
        "aside",
        "figure",
        "figcaption",
        "svg",
        "g",
        "rect",
        "text",
        "line",
        "title",
        "desc",
        "path",
        "circle",
        "span",
        "small",
        "br",
        "dl",
        "dt",
        "dd",
        "header",
        "footer",
        "article",
        "tspan",
        "polygon",
    ];
    let mut names = Vec::new();
    elements(nodes, &mut names);
    for n in names {
        assert!(
            SITE.contains(&n.as_str()),
            "{view}: an element <{n}> that the site does not write"
        );
    }
}

/// The headings (any level) whose whole text is `text`.
fn headings(nodes: &[Node], text: &str) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::El(name, kids) if name.starts_with('h') && name.len() == 2 => {
                usize::from(kids == &[Node::Text(text.to_string())])
            }
            Node::El(_, kids) => headings(kids, text),
            Node::Text(_) => 0,
        })
        .sum()
}

/// The text of the first `h1`.
fn first_h1(nodes: &[Node]) -> String {
    nodes
        .iter()
        .find_map(|n| match n {
            Node::El(name, kids) if name == "h1" => Some(runs(kids).concat()),
            _ => None,
        })
        .unwrap_or_default()
}

fn assert_in_runs(view: &str, nodes: &[Node], s: &str) {
    let runs = runs(nodes);
    assert!(
        runs.iter().any(|r| r.contains(s)),
        "{view}: {s:?} is not one text run as written; the runs are {runs:#?}"
    );
}

// ---------------------------------------------------------------- running

fn cli(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(args)
        .current_dir(env!("CARGO_TARGET_TMPDIR"))
        .output()
        .expect("run lems-content");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("utf-8 output")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn accepted(name: &str) -> PathBuf {
    common::repo_root().join("tests/accepted").join(name)
}

/// The case's tree, checked by `lems-content check` and loaded.
fn materialised(name: &str) -> (PathBuf, Content) {
    let root = common::materialise(&accepted(name), name);
    cli(&["check", "--root", s(&root)]);
    let report = load(&Paths::under(&root), SchemaCheck::Validate);
    let content = report.content.expect("the case is accepted content");
    (root, content)
}

fn strings(name: &str, shown: u8) -> Vec<&'static str> {
    let (_, all) = CASES.iter().find(|(n, _)| *n == name).expect("case listed");
    all.iter()
        .filter(|(_, w)| w & shown != 0)
        .map(|(s, _)| *s)
        .collect()
}

/// The guide's documents in the order `View::guide` writes them, with the
/// heading shift the site's index gives each.
fn guide_documents(view: &View<'_>) -> (Document, Vec<(Document, Document)>, Document) {
    let mut sections = Vec::new();
    for class in &view.relations.guide_order {
        let Some(section) = view.guide_section_document(class) else {
            continue;
        };
        let mut cards = Document::default();
        for (id, t) in &view.content.treatments {
            if &t.item.category.0 == class {
                let card = view.guide_card_document(id).expect("card");
                cards.blocks.extend(card.blocks);
            }
        }
        sections.push((section, cards));
    }
    (
        view.guide_head_document(),
        sections,
        view.guide_tail_document(),
    )
}

/// The card (`View::card`, `show`) and the guide (`View::guide`, `export
/// --format markdown`) read back as their documents, under both parsers.
fn check_markdown(name: &str, root: &Path, view: &View<'_>) -> String {
    let card = view.card(PROBE).expect("the probe's card");
    assert_eq!(
        cli(&["show", PROBE, "--root", s(root)])
            .split_once("\n### Reading level")
            .map(|(card, _)| card.to_string()),
        Some(card.clone()),
        "show is the card"
    );
    let doc = view.card_document(PROBE).expect("card document");
    let want = documents_tree(&[(&doc, 0)]);
    let gfm = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for options in [Options::empty(), gfm] {
        let got = markdown_tree(&card, options);
        assert_eq!(got, want, "{name}: the card's Markdown\n{card}");
        assert_eq!(
            headings(&got, "Cautions"),
            1,
            "{name}: one Cautions heading"
        );
        for s in strings(name, CARD) {
            assert_in_runs(&format!("{name} card"), &got, s);
        }
    }
    let guide = view.guide();
    assert_eq!(
        cli(&["export", "--format", "markdown", "--root", s(root)]),
        guide,
        "export --format markdown is the guide"
    );
    let (head, sections, tail) = guide_documents(view);
    let mut docs = vec![(&head, 0)];
    for (section, cards) in &sections {
        docs.push((section, 0));
        docs.push((cards, 0));
    }
    docs.push((&tail, 0));
    let want = documents_tree(&docs);
    for options in [Options::empty(), gfm] {
        let got = markdown_tree(&guide, options);
        assert_eq!(got, want, "{name}: the guide's Markdown");
        assert_eq!(
            headings(&got, "Cautions"),
            view.content.treatments.len(),
            "{name}: one Cautions heading per card"
        );
        for s in strings(name, CARD | GUIDE) {
            assert_in_runs(&format!("{name} guide"), &got, s);
        }
    }
    card
}

/// `render --format html`: the index is the guide's head, class sections
/// and tail, with a link to each treatment named as written; every treatment
/// page is its card; `<title>` shows what `<h1>` shows.
fn check_site(name: &str, root: &Path, view: &View<'_>) {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("markup-site")
        .join(name);
    let _ = std::fs::remove_dir_all(&out);
    cli(&[
        "render",
        "--format",
        "html",
        "--root",
        s(root),
        "--out",
        s(&out),
    ]);
    let read = |p: &str| std::fs::read_to_string(out.join(p)).expect("page written");
    let index = html_page(&read("index.html"));
    let (head, sections, tail) = guide_documents(view);
    let mut docs = vec![(&head, 0)];
    docs.extend(sections.iter().map(|(section, _)| (section, 1)));
    docs.push((&tail, 1));
    let _ = &docs;
    only_site_elements(&format!("{name}: index.html"), &index.main);
    assert_eq!(
        index.title,
        first_h1(&index.main),
        "{name}: index <title> is its <h1>"
    );
    for s in strings(name, GUIDE) {
        assert_in_runs(&format!("{name} index.html"), &index.main, s);
    }
    let mut names: Vec<&str> = view
        .content
        .treatments
        .values()
        .map(|t| t.item.name.as_str())
        .collect();
    let mut links: Vec<&str> = index.links.iter().map(String::as_str).collect();
    names.sort_unstable();
    links.sort_unstable();
    assert_eq!(
        links, names,
        "{name}: the index links each treatment by its name as written"
    );
    for id in view.content.treatments.keys() {
        let page = html_page(&read(&format!("treatments/{id}.html")));
        let doc = view.card_document(id).expect("card document");
        let _ = &doc;
        only_site_elements(&format!("{name}: treatments/{id}.html"), &page.main);
        let h1 = first_h1(&page.main);
        assert_eq!(
            page.title,
            format!("{h1} – {}", index.title),
            "{name}: {id}'s <title>"
        );
        assert_eq!(
            headings(&page.main, "Cautions"),
            1,
            "{name}: {id}'s Cautions heading"
        );
        if id == PROBE {
            for s in strings(name, CARD) {
                // On a page a citation's source is a link: its own run.
                let s = s.split(" (source: ").next().unwrap_or(s);
                assert_in_runs(&format!("{name} {id}.html"), &page.main, s);
            }
        }
    }
}

/// `export --format fhir`: every narrative parses as XHTML, holds only the
/// view's own elements, and the hostile strings stand in its text runs.
fn check_fhir(name: &str, root: &Path) {
    let bundle: serde_json::Value =
        serde_json::from_str(&cli(&["export", "--format", "fhir", "--root", s(root)]))
            .expect("the bundle is JSON");
    fn divs<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(d)) = m.get("div") {
                    out.push(d);
                }
                m.values().for_each(|x| divs(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| divs(x, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    divs(&bundle, &mut all);
    let mut trees = Vec::new();
    for d in all {
        let tree = xml_tree(d);
        let mut names = Vec::new();
        elements(&tree, &mut names);
        // The card's narrative is the card document: headings, lists,
        // callouts (`<small>` print), codes and emphasis, all FHIR-allowed.
        const ALLOWED: &[&str] = &["p", "strong", "em", "code", "small", "h2", "h3", "ul", "li"];
        assert!(
            names.iter().all(|n| ALLOWED.contains(&n.as_str())),
            "{name}: a narrative holds {names:?}: {d}"
        );
        trees.extend(tree);
    }
    for s in strings(name, FHIR) {
        assert_in_runs(&format!("{name} FHIR narratives"), &trees, s);
    }
}

fn check_case(name: &str) {
    let (root, content) = materialised(name);
    let rel = Relations::of(&content);
    let view = View::new(&content, &rel);
    let card = check_markdown(name, &root, &view);
    check_site(name, &root, &view);
    check_fhir(name, &root);
    insta::assert_snapshot!(format!("card_{name}"), card);
}

#[test]
fn every_markup_case_is_listed() {
    let mut found: Vec<String> = std::fs::read_dir(common::repo_root().join("tests/accepted"))
        .expect("tests/accepted")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("markup_"))
        .collect();
    found.sort();
    let mut listed: Vec<String> = CASES.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(
        found, listed,
        "every tests/accepted/markup_* case is in CASES"
    );
}

#[test]
fn comment_opener() {
    check_case("markup_comment_opener");
}

#[test]
fn forged_heading() {
    check_case("markup_forged_heading");
}

#[test]
fn link_definition() {
    check_case("markup_link_definition");
}

#[test]
fn emphasis() {
    check_case("markup_emphasis");
}

#[test]
fn entities() {
    check_case("markup_entities");
}

#[test]
fn names() {
    check_case("markup_names");
}

#[test]
fn block_starts() {
    check_case("markup_block_starts");
}
