//! `lems-content lsp` in process: a client on `lsp_server`'s memory
//! connection talks to the server on a copy of the tests' own content
//! (`tests/fixture/data/`), one copy per test.

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::{Diagnostic, Position, Url};
use serde_json::{json, Value};

/// The day the fixture's reviews are checked against.
const TODAY: &str = "2026-11-27";
/// How long any answer may take (a debug build on a shared machine).
const PATIENCE: Duration = Duration::from_secs(60);

struct Client {
    conn: Connection,
    server: Option<JoinHandle<Result<(), String>>>,
    root: PathBuf,
    next_id: i32,
    /// The latest diagnostics published per file.
    published: std::collections::BTreeMap<Url, Vec<Diagnostic>>,
}

impl Client {
    /// A server on a fresh copy of the fixture at `<tmp>/lsp_<name>`, initialized.
    fn start(name: &str) -> Client {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("lsp_{name}"));
        let _ = std::fs::remove_dir_all(&root);
        common::copy_dir(&common::fixture_root().join("data"), &root.join("data"));
        let root = std::fs::canonicalize(&root).expect("canonical root");
        let (server, conn) = Connection::memory();
        let r = root.clone();
        let handle = std::thread::spawn(move || lems_content::lsp::serve(&server, Some(&r), TODAY));
        let mut c = Client {
            conn,
            server: Some(handle),
            root,
            next_id: 0,
            published: Default::default(),
        };
        let init = c.request(
            "initialize",
            json!({"capabilities": {}, "rootUri": Url::from_file_path(&c.root).ok()}),
        );
        assert!(init.error.is_none(), "{init:?}");
        let caps = init.result.expect("capabilities");
        assert_eq!(caps["capabilities"]["textDocumentSync"], json!(1), "{caps}");
        c.notify("initialized", json!({}));
        c
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join("data").join(rel)
    }

    fn url(&self, rel: &str) -> Url {
        Url::from_file_path(self.path(rel)).expect("file url")
    }

    fn text(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("fixture file")
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.to_string(), params);
        self.conn.sender.send(n.into()).expect("send");
    }

    fn open(&self, rel: &str, text: &str) {
        self.open_url(&self.url(rel), text);
    }

    fn open_url(&self, url: &Url, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": url, "languageId": "yaml", "version": 1, "text": text}}),
        );
    }

    fn change(&self, rel: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": self.url(rel), "version": version},
                   "contentChanges": [{"text": text}]}),
        );
    }

    /// Sends a request and waits for its answer, keeping what is published meanwhile.
    fn request(&mut self, method: &str, params: Value) -> Response {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let req = Request::new(id.clone(), method.to_string(), params);
        self.conn.sender.send(req.into()).expect("send");
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.conn.receiver.recv_timeout(left) {
                Ok(Message::Response(r)) if r.id == id => return r,
                Ok(Message::Notification(n)) => self.keep(n),
                Ok(other) => panic!("unexpected message {other:?}"),
                Err(e) => panic!("no answer to {method}: {e}"),
            }
        }
    }

    fn keep(&mut self, n: Notification) {
        if n.method == "textDocument/publishDiagnostics" {
            let p: lsp_types::PublishDiagnosticsParams =
                serde_json::from_value(n.params).expect("publish params");
            self.published.insert(p.uri, p.diagnostics);
        }
    }

    /// Waits until everything sent so far is handled (the server answers in
    /// order and publishes before reading on), then the diagnostics of `rel`.
    fn diagnostics(&mut self, rel: &str) -> Vec<Diagnostic> {
        self.settle();
        self.published
            .get(&self.url(rel))
            .cloned()
            .unwrap_or_default()
    }

    fn settle(&mut self) {
        let r = self.request("lems/unknown-request-to-settle", json!({}));
        assert_eq!(r.error.map(|e| e.code), Some(-32601), "MethodNotFound");
    }

    fn at(&self, rel: &str, line: u32, character: u32) -> Value {
        json!({"textDocument": {"uri": self.url(rel)}, "position": {"line": line, "character": character}})
    }

    fn stop(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.error.is_none(), "{r:?}");
        self.notify("exit", Value::Null);
        let served = self
            .server
            .take()
            .expect("server")
            .join()
            .expect("no panic");
        assert_eq!(served, Ok(()));
    }
}

/// Line and UTF-16 column of the first `needle` in `text`.
fn find(text: &str, needle: &str) -> Position {
    let at = text.find(needle).expect("needle in text");
    let line = text[..at].matches('\n').count() as u32;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    Position::new(line, text[start..at].encode_utf16().count() as u32)
}

fn codes(list: &[Diagnostic]) -> Vec<String> {
    list.iter()
        .filter_map(|d| match &d.code {
            Some(lsp_types::NumberOrString::String(s)) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

const TREATMENT: &str = "treatments/amifampridine.yaml";
const TYPO: &str = "potassium_channel_blockad\n";

fn with_typo(text: &str) -> String {
    text.replacen("potassium_channel_blockade\n", TYPO, 1)
}

#[test]
fn diagnostics_follow_open_and_change_and_clear() {
    let mut c = Client::start("open_change");
    let clean = c.text(TREATMENT);
    c.open(TREATMENT, &clean);
    assert!(
        codes(&c.diagnostics(TREATMENT))
            .iter()
            .all(|x| x.starts_with('W')),
        "{:?}",
        c.diagnostics(TREATMENT)
    );
    let broken = with_typo(&clean);
    c.change(TREATMENT, 2, &broken);
    let list = c.diagnostics(TREATMENT);
    let d = list
        .iter()
        .find(|d| codes(std::slice::from_ref(d)) == ["E0202"])
        .unwrap_or_else(|| panic!("an unknown mechanism: {list:?}"));
    assert_eq!(d.range.start, find(&broken, "potassium_channel_blockad\n"));
    assert!(
        d.message
            .contains("help: did you mean `potassium_channel_blockade`?"),
        "{}",
        d.message
    );
    assert_eq!(d.severity, Some(lsp_types::DiagnosticSeverity::ERROR));
    c.change(TREATMENT, 3, &clean);
    assert!(!codes(&c.diagnostics(TREATMENT)).contains(&"E0202".to_string()));
    c.stop();
}

#[test]
fn a_new_file_not_saved_yet_is_checked_too() {
    let mut c = Client::start("unsaved");
    let rel = "treatments/not_saved_yet.yaml";
    let text = "id: not_saved_yet\nname: \"Not saved yet\"\nkind: therapy\n\
                category: supportive_therapies\n\
                summary: \"A treatment written in the editor for a test, not saved.\"\n\
                usage:\n  - \"Written for a test only.\"\n\
                mechanisms:\n  - potassium_channel_blockad\n\
                sources:\n  - lems_treatment_article\n";
    c.open(rel, text);
    let list = c.diagnostics(rel);
    let d = list
        .iter()
        .find(|d| codes(std::slice::from_ref(d)) == ["E0202"])
        .unwrap_or_else(|| panic!("an unknown mechanism in the unsaved file: {list:?}"));
    assert_eq!(d.range.start, find(text, "potassium_channel_blockad\n"));
    // Fixed in the buffer: its problems are gone, and nothing was written.
    c.change(rel, 2, &text.replace("blockad\n", "blockade\n"));
    assert!(
        codes(&c.diagnostics(rel))
            .iter()
            .all(|x| x.starts_with('W')),
        "{:?}",
        c.diagnostics(rel)
    );
    assert!(!c.path(rel).exists());
    // Over the file budget, like a file on disk that large.
    c.change(rel, 3, &"x".repeat(2 * 1024 * 1024));
    assert_eq!(codes(&c.diagnostics(rel)), ["E0001"]);
    // Closed: the file is not part of the project any more.
    c.change(rel, 4, text);
    assert!(!c.diagnostics(rel).is_empty());
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": c.url(rel)}}),
    );
    assert!(c.diagnostics(rel).is_empty());
    c.stop();
}

#[test]
fn warnings_are_information_and_files_not_open_are_published_too() {
    let mut c = Client::start("closed_files");
    // Nothing is open: the whole project is checked and published at start.
    c.settle();
    let infos: Vec<&Diagnostic> = c.published.values().flatten().collect();
    assert!(!infos.is_empty(), "the fixture has reading-level warnings");
    assert!(infos
        .iter()
        .all(|d| d.severity == Some(lsp_types::DiagnosticSeverity::INFORMATION)));
    // A problem on disk in a file nobody opened is published for that file.
    let rel = "treatments/guanidine.yaml";
    std::fs::write(c.path(rel), with_typo(&c.text(rel))).expect("write");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": c.url(rel), "type": 2}]}),
    );
    assert!(codes(&c.diagnostics(rel)).contains(&"E0202".to_string()));
    c.stop();
}

#[test]
fn a_broken_file_does_not_hide_the_problems_of_the_others() {
    let mut c = Client::start("broken");
    let other = "treatments/guanidine.yaml";
    c.open(TREATMENT, "id: amifampridine\nname: [\"unclosed\n");
    c.open(other, &with_typo(&c.text(other)));
    assert!(codes(&c.diagnostics(TREATMENT)).contains(&"E0002".to_string()));
    let list = c.diagnostics(other);
    assert!(codes(&list).contains(&"E0202".to_string()), "{list:?}");
    c.stop();
}

#[test]
fn positions_are_utf16_units() {
    let mut c = Client::start("utf16");
    // A character outside the BMP is two UTF-16 units, four bytes, one char.
    let text = c.text(TREATMENT).replacen(
        "mechanisms:\n  - potassium_channel_blockade\n",
        "mechanisms: [\"😀é\", potassium_channel_blockad]\n",
        1,
    );
    c.open(TREATMENT, &text);
    let list = c.diagnostics(TREATMENT);
    let want = find(&text, "potassium_channel_blockad]");
    assert!(
        list.iter().any(|d| d.range.start == want),
        "a diagnostic at {want:?}: {list:?}"
    );
    assert_eq!(
        want.character,
        "mechanisms: [\"😀é\", ".encode_utf16().count() as u32
    );
    // A byte order mark is refused where it is: the first UTF-16 unit.
    let text = format!("\u{feff}{}", c.text(TREATMENT));
    c.change(TREATMENT, 2, &text);
    let list = c.diagnostics(TREATMENT);
    let bom = lsp_types::Range::new(Position::new(0, 0), Position::new(0, 1));
    assert!(
        list.iter()
            .any(|d| d.range == bom && codes(std::slice::from_ref(d)) == ["E0005"]),
        "{list:?}"
    );
    c.stop();
}

#[test]
fn hostile_buffers_are_answered_within_bounds() {
    let mut c = Client::start("hostile");
    let started = Instant::now();
    let huge = format!(
        "id: amifampridine\nname: \"{}\"\n",
        "x".repeat(10 * 1024 * 1024)
    );
    c.open(TREATMENT, &huge);
    assert_eq!(codes(&c.diagnostics(TREATMENT)), ["E0001"]);
    let r = c.request("textDocument/hover", c.at(TREATMENT, 1, 3));
    assert_eq!(r.result, Some(Value::Null), "{r:?}");
    let deep = format!(
        "id: x\nname: {}{}\n",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    c.change(TREATMENT, 2, &deep);
    let list = c.diagnostics(TREATMENT);
    // Refused by the parser's recursion limit (E0002) or the nesting limit (E0004).
    assert!(
        codes(&list).iter().any(|x| x == "E0002" || x == "E0004"),
        "{list:?}"
    );
    let r = c.request("textDocument/completion", c.at(TREATMENT, 1, 100_000));
    assert!(r.error.is_none(), "{r:?}");
    assert!(started.elapsed() < PATIENCE, "{:?}", started.elapsed());
    c.stop();
}

#[test]
fn files_outside_the_tree_and_bad_requests_are_refused_quietly() {
    let mut c = Client::start("outside");
    let outside = Url::from_file_path(c.root.join("notes.yaml")).expect("url");
    c.open_url(&outside, "id: [unclosed\n");
    c.settle();
    assert!(!c.published.contains_key(&outside));
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": outside}, "position": {"line": 0, "character": 1}}),
    );
    assert_eq!(r.result, Some(Value::Null));
    let r = c.request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(r.error.map(|e| e.code), Some(-32602), "InvalidParams");
    let r = c.request("workspace/symbol", json!({"query": "x"}));
    assert_eq!(r.error.map(|e| e.code), Some(-32601), "MethodNotFound");
    c.stop();
}

fn items(r: &Response) -> Vec<(String, String)> {
    let list = r.result.as_ref().expect("a result");
    let list = list.get("items").unwrap_or(list);
    list.as_array()
        .expect("a list of items")
        .iter()
        .map(|i| {
            let label = i["label"].as_str().unwrap_or("").to_string();
            let detail = i["detail"].as_str().unwrap_or("").to_string();
            (label, detail)
        })
        .collect()
}

#[test]
fn completion_offers_ids_values_and_skeletons() {
    let mut c = Client::start("completion");
    let text = c.text(TREATMENT);
    c.open(TREATMENT, &text);
    let p = find(&text, "potassium_channel_blockade\n");
    let r = c.request(
        "textDocument/completion",
        c.at(TREATMENT, p.line, p.character),
    );
    let got = items(&r);
    let name = c
        .text("mechanisms/cholinesterase_inhibition.yaml")
        .lines()
        .find_map(|l| {
            l.strip_prefix("name: ")
                .map(|n| n.trim_matches('"').to_string())
        })
        .expect("a name");
    assert!(
        got.contains(&(
            "cholinesterase_inhibition".to_string(),
            format!("mechanism: {name}")
        )),
        "{got:?}"
    );
    assert!(
        got.iter().all(|(_, d)| d.starts_with("mechanism: ")),
        "{got:?}"
    );
    let p = find(&text, "kind: medicine");
    let r = c.request(
        "textDocument/completion",
        c.at(TREATMENT, p.line, p.character + 6),
    );
    let values: Vec<String> = items(&r).into_iter().map(|(l, _)| l).collect();
    assert!(values.contains(&"medicine".to_string()), "{values:?}");
    assert!(!values.contains(&"cholinesterase_inhibition".to_string()));
    let new = "treatments/new_one.yaml";
    std::fs::write(c.path(new), "").expect("write");
    c.open(new, "");
    let r = c.request("textDocument/completion", c.at(new, 0, 0));
    let snippet = &r.result.as_ref().expect("result")[0];
    assert_eq!(snippet["insertTextFormat"], json!(2), "{snippet}");
    assert!(snippet["insertText"]
        .as_str()
        .unwrap_or("")
        .contains("id: new_one\n"));
    c.stop();
}

#[test]
fn hover_shows_the_item_and_field_docs() {
    let mut c = Client::start("hover");
    let text = c.text(TREATMENT);
    c.open(TREATMENT, &text);
    let p = find(&text, "potassium_channel_blockade\n");
    let r = c.request(
        "textDocument/hover",
        c.at(TREATMENT, p.line, p.character + 3),
    );
    let value = r.result.as_ref().expect("result")["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let mechanism = c.text("mechanisms/potassium_channel_blockade.yaml");
    let source = mechanism
        .lines()
        .find_map(|l| {
            l.trim_start()
                .strip_prefix("- source: ")
                .or_else(|| l.strip_prefix("  - "))
        })
        .expect("the mechanism cites a source");
    assert!(
        value.contains("mechanism `potassium_channel_blockade`"),
        "{value}"
    );
    let title = checked_fixture(&c).sources[source.trim()]
        .item
        .title
        .as_str()
        .to_string();
    assert!(value.contains(&first_words(&title)), "its sources: {value}");
    let p = find(&text, "summary:");
    let r = c.request(
        "textDocument/hover",
        c.at(TREATMENT, p.line, p.character + 2),
    );
    let value = r.result.as_ref().expect("result")["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let doc = lems_treatments_build::FileKind::Treatment
        .schema()
        .to_value()["properties"]["summary"]["description"]
        .as_str()
        .expect("summary is documented")
        .to_string();
    assert!(value.starts_with("**summary**"), "{value}");
    assert!(value.contains(&first_words(&doc)), "{value} / {doc}");
    c.stop();
}

/// The first three words of `text` (words of letters only, so that no
/// Markdown escaping comes between them).
fn first_words(text: &str) -> String {
    text.split_whitespace()
        .take_while(|w| w.chars().all(char::is_alphabetic))
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The fixture copy of `c`, loaded by the library (it checks clean).
fn checked_fixture(c: &Client) -> lems_treatments_build::Content {
    let mut paths = lems_treatments_build::Paths::under(&c.root);
    paths.schema = common::repo_root().join("schema");
    let report = lems_treatments_build::load(&paths, lems_treatments_build::SchemaCheck::Validate);
    report.content.expect("the fixture checks clean")
}

/// The hover's Markdown three units into the first `needle` of the open file `rel`.
fn hover_text(c: &mut Client, rel: &str, needle: &str) -> String {
    let p = find(&c.text(rel), needle);
    let r = c.request("textDocument/hover", c.at(rel, p.line, p.character + 3));
    let contents = &r.result.as_ref().expect("a hover")["contents"];
    assert_eq!(contents["kind"], "markdown", "{r:?}");
    contents["value"].as_str().unwrap_or("").to_string()
}

#[test]
fn hover_shows_each_kind_of_item_as_a_reader_sees_it() {
    let mut c = Client::start("hover_kinds");
    let text = c.text(TREATMENT);
    c.open(TREATMENT, &text);
    let content = checked_fixture(&c);
    let title_of = |id: &str| content.sources[id].item.title.as_str().to_string();

    // A mechanism: its card item, name in bold, what it acts on, its explanation and sources.
    let m = &content.mechanisms["potassium_channel_blockade"].item;
    let value = hover_text(&mut c, TREATMENT, "potassium_channel_blockade\n");
    assert!(
        value.starts_with(&format!("- **{}** (acts on ", m.name.as_str())),
        "{value}"
    );
    assert!(
        value.contains(&first_words(m.explanation.as_str())),
        "{value}"
    );
    for s in &m.sources {
        assert!(
            value.contains(&first_words(&title_of(&s.source().0))),
            "{value}"
        );
    }
    assert!(!value.contains("explanation:"), "no YAML: {value}");

    // A caution: its callout (title, explanation, what it means for the patient, source).
    let id = "amifampridine_seizure_warning";
    let k = &content.cautions[id].item;
    let value = hover_text(&mut c, TREATMENT, &format!("{id}\n"));
    assert!(
        value.starts_with(&format!("- **{}** (", k.title.as_str())),
        "{value}"
    );
    assert!(
        value.contains("What this means for the patient: "),
        "{value}"
    );
    assert!(
        value.contains(&first_words(k.for_the_patient.as_str())),
        "{value}"
    );
    assert!(
        value.contains(&first_words(k.explanation.as_str())),
        "{value}"
    );
    assert!(
        value.contains(&format!(
            "source: {}",
            first_words(&title_of(&k.sources[0].source().0))
        )),
        "{value}"
    );
    assert!(value.contains(&format!("(caution `{id}`)")), "{value}");

    // A class: its section of the guide, the name as a heading, then its description.
    let class = &content.classes["potassium_channel_blockers"].item;
    let value = hover_text(&mut c, TREATMENT, "potassium_channel_blockers\n");
    assert!(
        value.starts_with(&format!("# {}", class.name.as_str())),
        "{value}"
    );
    assert!(
        value.contains(&first_words(class.description.as_str())),
        "{value}"
    );
    assert!(value.contains("source: "), "{value}");

    // A source: its entry of a card's list of sources (title, then kind in brackets).
    let value = hover_text(&mut c, TREATMENT, "lems_treatment_article\n");
    let entry = format!("- {} (", first_words(&title_of("lems_treatment_article")));
    assert!(value.starts_with(&entry), "{value}");
    assert!(
        value.contains("(source `lems_treatment_article`)"),
        "{value}"
    );
    c.stop();
}

#[test]
fn definition_and_references_find_the_files() {
    let mut c = Client::start("definition");
    let text = c.text(TREATMENT);
    c.open(TREATMENT, &text);
    let p = find(&text, "potassium_channel_blockade\n");
    let r = c.request(
        "textDocument/definition",
        c.at(TREATMENT, p.line, p.character),
    );
    let loc: lsp_types::Location =
        serde_json::from_value(r.result.expect("result")).expect("a location");
    assert_eq!(loc.uri, c.url("mechanisms/potassium_channel_blockade.yaml"));
    let r = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": c.url(TREATMENT)}, "position": p, "context": {"includeDeclaration": true}}),
    );
    let locs: Vec<lsp_types::Location> =
        serde_json::from_value(r.result.expect("result")).expect("locations");
    let mut files: Vec<String> = locs
        .iter()
        .map(|l| l.uri.path().rsplit('/').next().unwrap_or("").to_string())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "amifampridine.yaml",
            "guanidine.yaml",
            "potassium_channel_blockade.yaml"
        ]
    );
    let mine = locs
        .iter()
        .find(|l| l.uri == c.url(TREATMENT))
        .expect("here");
    assert_eq!(mine.range.start, p);
    assert_eq!(
        mine.range.end.character,
        p.character + "potassium_channel_blockade".len() as u32
    );
    c.stop();
}

/// Applies a workspace edit to the files on disk, as an editor would.
fn apply(edit: &lsp_types::WorkspaceEdit) {
    let Some(lsp_types::DocumentChanges::Operations(ops)) = &edit.document_changes else {
        panic!("operations expected: {edit:?}");
    };
    for op in ops {
        match op {
            lsp_types::DocumentChangeOperation::Edit(e) => {
                let path = e.text_document.uri.to_file_path().expect("path");
                let mut text = std::fs::read_to_string(&path).expect("read");
                let mut edits: Vec<&lsp_types::TextEdit> = e
                    .edits
                    .iter()
                    .map(|x| match x {
                        lsp_types::OneOf::Left(t) => t,
                        lsp_types::OneOf::Right(a) => &a.text_edit,
                    })
                    .collect();
                edits.sort_by_key(|t| {
                    std::cmp::Reverse((t.range.start.line, t.range.start.character))
                });
                for t in edits {
                    let a = offset(&text, t.range.start);
                    let b = offset(&text, t.range.end);
                    text.replace_range(a..b, &t.new_text);
                }
                std::fs::write(&path, text).expect("write");
            }
            lsp_types::DocumentChangeOperation::Op(lsp_types::ResourceOp::Rename(r)) => {
                std::fs::rename(
                    r.old_uri.to_file_path().expect("old"),
                    r.new_uri.to_file_path().expect("new"),
                )
                .expect("rename");
            }
            other => panic!("unexpected operation {other:?}"),
        }
    }
}

fn offset(text: &str, p: Position) -> usize {
    let start: usize = text
        .split('\n')
        .take(p.line as usize)
        .map(|l| l.len() + 1)
        .sum();
    let line = text[start..].split('\n').next().unwrap_or("");
    let mut units = 0;
    for (i, ch) in line.char_indices() {
        if units >= p.character as usize {
            return start + i;
        }
        units += ch.len_utf16();
    }
    start + line.len()
}

#[test]
fn rename_rewrites_three_files_and_renames_the_file() {
    let mut c = Client::start("rename");
    let text = c.text(TREATMENT);
    c.open(TREATMENT, &text);
    let p = find(&text, "potassium_channel_blockade\n");
    let at = c.at(TREATMENT, p.line, p.character);
    let r = c.request("textDocument/prepareRename", at.clone());
    let range: lsp_types::Range =
        serde_json::from_value(r.result.expect("result")).expect("a range");
    assert_eq!(range.start, p);
    for (bad, says) in [
        ("Bad Id", "the id `Bad Id`"),
        ("cholinesterase_inhibition", "already exists"),
    ] {
        let mut params = at.clone();
        params["newName"] = json!(bad);
        let r = c.request("textDocument/rename", params);
        let e = r.error.unwrap_or_else(|| panic!("{bad} refused"));
        assert!(e.message.contains(says), "{}", e.message);
    }
    let mut params = at;
    params["newName"] = json!("potassium_channel_blocking");
    let r = c.request("textDocument/rename", params);
    let edit: lsp_types::WorkspaceEdit =
        serde_json::from_value(r.result.expect("result")).expect("an edit");
    let Some(lsp_types::DocumentChanges::Operations(ops)) = &edit.document_changes else {
        panic!("operations: {edit:?}");
    };
    assert_eq!(
        ops.iter()
            .filter(|o| matches!(o, lsp_types::DocumentChangeOperation::Edit(_)))
            .count(),
        3
    );
    // The editor saves the buffer before applying: the server only proposes.
    assert!(c
        .path("mechanisms/potassium_channel_blockade.yaml")
        .is_file());
    apply(&edit);
    assert!(c
        .path("mechanisms/potassium_channel_blocking.yaml")
        .is_file());
    let mut paths = lems_treatments_build::Paths::under(&c.root);
    paths.schema = common::repo_root().join("schema");
    let report = lems_treatments_build::load(&paths, lems_treatments_build::SchemaCheck::Validate);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    c.stop();
}

#[test]
fn quick_fixes_apply_checks_suggestions() {
    let mut c = Client::start("actions");
    let broken = with_typo(&c.text(TREATMENT));
    c.open(TREATMENT, &broken);
    let list = c.diagnostics(TREATMENT);
    let d = list
        .iter()
        .find(|d| codes(std::slice::from_ref(d)) == ["E0202"])
        .expect("E0202")
        .clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": c.url(TREATMENT)}, "range": d.range, "context": {"diagnostics": [d]}}),
    );
    let actions: Vec<lsp_types::CodeAction> =
        serde_json::from_value(r.result.expect("result")).expect("actions");
    let fix = actions
        .iter()
        .find(|a| a.title == "Replace with `potassium_channel_blockade`")
        .expect("the fix");
    let edits = &fix
        .edit
        .as_ref()
        .expect("edit")
        .changes
        .as_ref()
        .expect("changes")[&c.url(TREATMENT)];
    let start = offset(&broken, edits[0].range.start);
    let end = offset(&broken, edits[0].range.end);
    assert_eq!(&broken[start..end], "potassium_channel_blockad");
    // An indentation help: a tab where spaces belong.
    let text = c.text(TREATMENT).replacen(
        "\n  - potassium_channel_blockade",
        "\n\t- potassium_channel_blockade",
        1,
    );
    c.change(TREATMENT, 2, &text);
    let list = c.diagnostics(TREATMENT);
    let d = list
        .iter()
        .find(|d| d.message.contains("column"))
        .unwrap_or_else(|| panic!("{list:?}"))
        .clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": c.url(TREATMENT)}, "range": d.range, "context": {"diagnostics": [d]}}),
    );
    let actions: Vec<lsp_types::CodeAction> =
        serde_json::from_value(r.result.expect("result")).expect("actions");
    let fix = actions
        .iter()
        .find(|a| a.title.starts_with("Indent to column"))
        .unwrap_or_else(|| panic!("{actions:?}"));
    let edits = &fix
        .edit
        .as_ref()
        .expect("edit")
        .changes
        .as_ref()
        .expect("changes")[&c.url(TREATMENT)];
    assert_eq!(
        &text[offset(&text, edits[0].range.start)..offset(&text, edits[0].range.end)],
        "\t"
    );
    assert!(edits[0].new_text.chars().all(|ch| ch == ' ') && !edits[0].new_text.is_empty());
    c.stop();
}

#[test]
fn every_position_of_an_odd_buffer_answers() {
    let mut c = Client::start("every_position");
    // A byte order mark, CRLF, characters outside the BMP, a direction
    // override, a tab, an empty list item and a key without a value.
    let text = "\u{feff}id: amifampridine\r\nname: \"é😀\"\r\nmechanisms: [😀, potassium_channel_blockade]\r\n  - \u{202e}x\r\ncategory:\ncautions:\n  - \n\t- x\n:\n-";
    c.open(TREATMENT, text);
    for (l, line) in text.split('\n').enumerate() {
        for ch in 0..line.encode_utf16().count() as u32 + 3 {
            let at = c.at(TREATMENT, l as u32, ch);
            let mut renamed = at.clone();
            renamed["newName"] = json!("a_new_id");
            let mut refs = at.clone();
            refs["context"] = json!({"includeDeclaration": true});
            for (method, params) in [
                ("textDocument/hover", at.clone()),
                ("textDocument/completion", at.clone()),
                ("textDocument/definition", at.clone()),
                ("textDocument/prepareRename", at.clone()),
                ("textDocument/references", refs),
                ("textDocument/rename", renamed),
            ] {
                let r = c.request(method, params);
                let code = r.error.as_ref().map(|e| e.code);
                // An answer, or a refusal (rename with no id here); never a failure.
                assert!(
                    code.is_none() || code == Some(-32803),
                    "{method} at {l}:{ch}: {r:?}"
                );
            }
        }
    }
    c.stop();
}

#[test]
fn related_locations_and_the_missing_source_fix() {
    let mut c = Client::start("related");
    let clean = c.text(TREATMENT);
    // A second `name:`: the message names where the first one is.
    let twice = format!("{clean}name: \"Again\"\n");
    c.open(TREATMENT, &twice);
    let list = c.diagnostics(TREATMENT);
    let d = list
        .iter()
        .find(|d| codes(std::slice::from_ref(d)) == ["E0003"])
        .unwrap_or_else(|| panic!("{list:?}"));
    let related = d.related_information.as_ref().expect("related locations");
    let first = find(&twice, "name:");
    assert_eq!(related[0].location.uri, c.url(TREATMENT));
    assert_eq!(related[0].location.range.start, first, "{related:?}");
    // No source: a fix cites one of data/sources/.
    let cut = clean.find("\nsources:\n").expect("a sources list") + 1;
    let none = format!("{}sources: []\n", &clean[..cut]);
    c.change(TREATMENT, 2, &none);
    let list = c.diagnostics(TREATMENT);
    let d = list
        .iter()
        .find(|d| {
            d.message.contains("`sources`")
                && d.severity == Some(lsp_types::DiagnosticSeverity::ERROR)
        })
        .unwrap_or_else(|| panic!("{list:?}"))
        .clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": c.url(TREATMENT)}, "range": d.range, "context": {"diagnostics": [d]}}),
    );
    let actions: Vec<lsp_types::CodeAction> =
        serde_json::from_value(r.result.expect("result")).expect("actions");
    let fix = actions
        .iter()
        .find(|a| a.title == "Cite the source `lems_treatment_article`")
        .unwrap_or_else(|| panic!("{actions:?}"));
    let e = &fix
        .edit
        .as_ref()
        .expect("edit")
        .changes
        .as_ref()
        .expect("changes")[&c.url(TREATMENT)][0];
    let mut fixed = none.clone();
    fixed.replace_range(
        offset(&none, e.range.start)..offset(&none, e.range.end),
        &e.new_text,
    );
    assert!(
        fixed.ends_with("\nsources:\n  - lems_treatment_article\n"),
        "{fixed}"
    );
    c.change(TREATMENT, 3, &fixed);
    let list = c.diagnostics(TREATMENT);
    assert!(
        !list.iter().any(|d| d.message.contains("`sources`")),
        "{list:?}"
    );
    c.stop();
}

#[test]
fn hover_on_a_treatment_shows_its_card() {
    let mut c = Client::start("hover_card");
    let rel = "treatments/pyridostigmine.yaml";
    let text = c.text(rel);
    c.open(rel, &text);
    let p = find(&text, "  - guanidine\n");
    let r = c.request("textDocument/hover", c.at(rel, p.line, p.character + 5));
    let value = r.result.as_ref().expect("result")["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let mut paths = lems_treatments_build::Paths::under(&c.root);
    paths.schema = common::repo_root().join("schema");
    let report = lems_treatments_build::load(&paths, lems_treatments_build::SchemaCheck::Validate);
    let content = report.content.expect("the fixture checks clean");
    let relations = lems_treatments_build::relations::Relations::of(&content);
    let card = lems_treatments_build::render::View::new(&content, &relations)
        .card("guanidine")
        .expect("a card");
    assert!(
        !value.is_empty() && card.starts_with(&value),
        "{value}\n---\n{card}"
    );
    c.stop();
}

/// One framed JSON-RPC message, as an editor writes it on the server's stdin.
fn framed(v: &Value) -> String {
    let body = v.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

#[test]
fn the_command_serves_stdio_and_exits_cleanly() {
    use std::io::Write;
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lsp_stdio");
    let _ = std::fs::remove_dir_all(&root);
    common::copy_dir(&common::fixture_root().join("data"), &root.join("data"));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(["lsp", "--root"])
        .arg(&root)
        .env("LEMS_CONTENT_TODAY", TODAY)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start lems-content lsp");
    let input = [
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/formatting", "params": {}}),
        json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}),
        json!({"jsonrpc": "2.0", "method": "exit"}),
    ];
    let text: String = input.iter().map(framed).collect();
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("the server ends");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(r#""hoverProvider":true"#), "{stdout}");
    assert!(
        stdout.contains(r#""id":2"#) && stdout.contains("-32601"),
        "{stdout}"
    );
    assert!(stdout.contains(r#""id":3,"result":null"#), "{stdout}");
}
