//! The in-process client the `lems-content lsp` tests share: a client on
//! `lsp_server`'s memory connection that talks to the server on a copy of the
//! tests' own content (`tests/fixture/data/`), one copy per test.
// Each test crate uses part of it.
#![allow(dead_code)]

#[path = "../../../lems-treatments-build/tests/common.rs"]
pub mod common;

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::{Diagnostic, Position, Url};
use serde_json::{json, Value};
/// The day the fixture's reviews are checked against.
pub const TODAY: &str = "2026-11-27";
/// How long any answer may take (a debug build on a shared machine).
pub const PATIENCE: Duration = Duration::from_secs(60);

pub struct Client {
    pub conn: Connection,
    pub server: Option<JoinHandle<Result<(), String>>>,
    pub root: PathBuf,
    pub next_id: i32,
    /// The latest diagnostics published per file.
    pub published: std::collections::BTreeMap<Url, Vec<Diagnostic>>,
    /// The buffer version each file's latest diagnostics were published for.
    pub versions: std::collections::BTreeMap<Url, Option<i32>>,
}

impl Client {
    /// A server on a fresh copy of the fixture at `<tmp>/lsp_<name>`, initialized.
    pub fn start(name: &str) -> Client {
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
            versions: Default::default(),
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

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join("data").join(rel)
    }

    pub fn url(&self, rel: &str) -> Url {
        Url::from_file_path(self.path(rel)).expect("file url")
    }

    pub fn text(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("fixture file")
    }

    pub fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.to_string(), params);
        self.conn.sender.send(n.into()).expect("send");
    }

    pub fn open(&self, rel: &str, text: &str) {
        self.open_url(&self.url(rel), text);
    }

    pub fn open_url(&self, url: &Url, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": url, "languageId": "yaml", "version": 1, "text": text}}),
        );
    }

    pub fn change(&self, rel: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": self.url(rel), "version": version},
                   "contentChanges": [{"text": text}]}),
        );
    }

    /// Sends a request and waits for its answer, keeping what is published meanwhile.
    pub fn request(&mut self, method: &str, params: Value) -> Response {
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

    pub fn keep(&mut self, n: Notification) {
        if n.method == "textDocument/publishDiagnostics" {
            let p: lsp_types::PublishDiagnosticsParams =
                serde_json::from_value(n.params).expect("publish params");
            self.versions.insert(p.uri.clone(), p.version);
            self.published.insert(p.uri, p.diagnostics);
        }
    }

    /// Waits until everything sent so far is handled (the server answers in
    /// order and publishes before reading on), then the diagnostics of `rel`.
    pub fn diagnostics(&mut self, rel: &str) -> Vec<Diagnostic> {
        self.settle();
        self.published
            .get(&self.url(rel))
            .cloned()
            .unwrap_or_default()
    }

    pub fn settle(&mut self) {
        let r = self.request("lems/unknown-request-to-settle", json!({}));
        assert_eq!(r.error.map(|e| e.code), Some(-32601), "MethodNotFound");
    }

    pub fn at(&self, rel: &str, line: u32, character: u32) -> Value {
        json!({"textDocument": {"uri": self.url(rel)}, "position": {"line": line, "character": character}})
    }

    pub fn stop(mut self) {
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
pub fn find(text: &str, needle: &str) -> Position {
    let at = text.find(needle).expect("needle in text");
    let line = text[..at].matches('\n').count() as u32;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    Position::new(line, text[start..at].encode_utf16().count() as u32)
}

pub fn codes(list: &[Diagnostic]) -> Vec<String> {
    list.iter()
        .filter_map(|d| match &d.code {
            Some(lsp_types::NumberOrString::String(s)) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

pub const TREATMENT: &str = "treatments/amifampridine.yaml";
pub const TYPO: &str = "potassium_channel_blockad\n";

pub fn with_typo(text: &str) -> String {
    text.replacen("potassium_channel_blockade\n", TYPO, 1)
}

/// The first three words of `text` (words of letters only, so that no
/// Markdown escaping comes between them).
pub fn first_words(text: &str) -> String {
    text.split_whitespace()
        .take_while(|w| w.chars().all(char::is_alphabetic))
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The fixture copy of `c`, loaded by the library (it checks clean).
pub fn checked_fixture(c: &Client) -> lems_treatments_build::Content {
    let mut paths = lems_treatments_build::Paths::under(&c.root);
    paths.schema = common::repo_root().join("schema");
    let report = lems_treatments_build::load(&paths, lems_treatments_build::SchemaCheck::Validate);
    report.content.expect("the fixture checks clean")
}

/// The hover's Markdown three units into the first `needle` of the open file `rel`.
pub fn hover_text(c: &mut Client, rel: &str, needle: &str) -> String {
    let p = find(&c.text(rel), needle);
    let r = c.request("textDocument/hover", c.at(rel, p.line, p.character + 3));
    let contents = &r.result.as_ref().expect("a hover")["contents"];
    assert_eq!(contents["kind"], "markdown", "{r:?}");
    contents["value"].as_str().unwrap_or("").to_string()
}
