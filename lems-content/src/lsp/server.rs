//! The server's loop: initialize, then every message in order. Changes are
//! applied as they come; once no message is waiting, or before the next
//! request is answered, the diagnostics of the whole project are computed
//! once and published for every file whose diagnostics changed, and for
//! every open buffer whose version changed, with that version (so a burst of
//! keystrokes costs one check, a client can tell current diagnostics from
//! stale ones, and a request sees the diagnostics of every change sent
//! before it).

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use lems_treatments_build::load::MAX_TREE_FILES;
use lems_treatments_build::{Cache, Paths};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, GotoDefinition, HoverRequest, PrepareRenameRequest, References,
    Rename, Request as _,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, InitializeParams, OneOf,
    PublishDiagnosticsParams, RenameOptions, ServerCapabilities, TextDocumentPositionParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, Url,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::documents::{offset_of, url_of, Documents};
use super::{actions, completion, definition, diagnostics, hover, references, rename};

/// What the server offers: full text sync, completion (after `:`, ` `, `-`),
/// hover, definition, references, rename (with prepare) and quick fixes.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into(), "-".into()]),
            ..Default::default()
        }),
        hover_provider: Some(lsp_types::HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// Serves one client on `conn` until it exits: the content is found from
/// `root` (`--root`), else the client's workspace, else the current folder.
/// Reviews are checked against `today`. Errors are the connection's.
pub fn serve(conn: &Connection, root: Option<&Path>, today: &str) -> Result<(), String> {
    let caps = serde_json::to_value(capabilities()).map_err(|e| e.to_string())?;
    let params = conn.initialize(caps).map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let paths = find_content(root, &params).inspect_err(|message| {
        let _ = conn.sender.send(Message::Notification(Notification::new(
            "window/showMessage".to_string(),
            lsp_types::ShowMessageParams {
                typ: lsp_types::MessageType::ERROR,
                message: format!("lems-content lsp: {message}"),
            },
        )));
    })?;
    let mut server = Server {
        docs: Documents::new(paths),
        today: today.to_string(),
        published: BTreeMap::new(),
        versions: BTreeMap::new(),
        cache: Cache::default(),
    };
    server.publish(conn)?;
    while let Ok(first) = conn.receiver.recv() {
        let mut next = Some(first);
        let mut changed = false;
        while let Some(message) = next {
            match message {
                Message::Request(req) => {
                    if conn.handle_shutdown(&req).map_err(|e| e.to_string())? {
                        return Ok(());
                    }
                    // What was changed before a request is published before its answer.
                    if std::mem::take(&mut changed) {
                        server.publish(conn)?;
                    }
                    send(conn, server.answer(req))?;
                }
                Message::Notification(n) if n.method == "exit" => return Ok(()),
                Message::Notification(n) => changed |= server.notify(n),
                Message::Response(_) => {}
            }
            next = conn.receiver.try_recv().ok();
        }
        if changed {
            server.publish(conn)?;
        }
    }
    Ok(())
}

/// The content for `--root`, the client's first workspace folder or root, or the current folder.
fn find_content(root: Option<&Path>, params: &InitializeParams) -> Result<Paths, String> {
    if root.is_some() {
        return crate::root::find(root);
    }
    #[allow(deprecated)] // `root_uri` is what older clients send.
    let from_client = params
        .workspace_folders
        .iter()
        .flatten()
        .map(|f| &f.uri)
        .chain(params.root_uri.as_ref())
        .find_map(|u| u.to_file_path().ok());
    match from_client {
        Some(dir) => crate::root::find(Some(&dir)).or_else(|_| crate::root::find(None)),
        None => crate::root::find(None),
    }
}

fn send(conn: &Connection, message: impl Into<Message>) -> Result<(), String> {
    conn.sender.send(message.into()).map_err(|e| e.to_string())
}

struct Server {
    docs: Documents,
    today: String,
    /// What was last published, per file, and for an open buffer the
    /// version it was published for (to send only what changed).
    published: BTreeMap<PathBuf, (Vec<lsp_types::Diagnostic>, Option<i32>)>,
    /// The editor's version of each open buffer (its last open or change).
    versions: BTreeMap<PathBuf, i32>,
    /// What the last check read, reused for the files that did not change.
    cache: Cache,
}

impl Server {
    /// Applies a notification; whether a buffer changed.
    fn notify(&mut self, n: Notification) -> bool {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                else {
                    return false;
                };
                self.set(
                    &p.text_document.uri,
                    p.text_document.text.into_bytes(),
                    p.text_document.version,
                )
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                else {
                    return false;
                };
                let Some(path) = self.docs.content_path(&p.text_document.uri) else {
                    return false;
                };
                let mut text = self
                    .docs
                    .open
                    .get(&path)
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .unwrap_or_default();
                for change in p.content_changes {
                    match change.range {
                        None => text = change.text,
                        Some(r) => {
                            let (a, b) = (offset_of(&text, r.start), offset_of(&text, r.end));
                            text.replace_range(a.min(b)..b.max(a), &change.text);
                        }
                    }
                }
                self.set(
                    &p.text_document.uri,
                    text.into_bytes(),
                    p.text_document.version,
                )
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                else {
                    return false;
                };
                self.docs
                    .content_path(&p.text_document.uri)
                    .is_some_and(|path| {
                        self.versions.remove(&path);
                        self.docs.open.remove(&path).is_some()
                    })
            }
            // A save, or files changed on disk (a checkout, another program):
            // the files not open may have changed, so the project is checked again.
            DidSaveTextDocument::METHOD | DidChangeWatchedFiles::METHOD => true,
            // Configuration changes, …: nothing the check reads.
            _ => false,
        }
    }

    /// Keeps the buffer of a content file (others are ignored), a file not
    /// on disk yet included; no more buffers than the tree may hold files.
    fn set(&mut self, url: &Url, bytes: Vec<u8>, version: i32) -> bool {
        let Some(path) = self.docs.content_path(url) else {
            return false;
        };
        if !self.docs.open.contains_key(&path) && self.docs.open.len() >= MAX_TREE_FILES {
            return false;
        }
        self.versions.insert(path.clone(), version);
        self.docs.open.insert(path, bytes);
        true
    }

    /// Checks the project and publishes the diagnostics of every file whose
    /// diagnostics changed (an empty list for a file whose problems are gone),
    /// and of every open buffer whose version changed since its last publish
    /// (with that version, so a client knows which text they are of, even
    /// when a burst of changes ended where it began).
    fn publish(&mut self, conn: &Connection) -> Result<(), String> {
        let docs = &self.docs;
        let today = self.today.as_str();
        let cache = &mut self.cache;
        let (now, checked) =
            match catch_unwind(AssertUnwindSafe(|| diagnostics::all(docs, today, cache))) {
                Ok(r) => r,
                Err(_) => {
                    // What a failed check left in the cache is not trusted.
                    self.cache = Cache::default();
                    return Err("the check failed unexpectedly".to_string());
                }
            };
        self.docs.checked = checked;
        let mut now = now;
        // An open buffer without problems is published too (an empty list
        // for its version), so the editor knows its text was checked.
        for path in self.versions.keys() {
            now.entry(path.clone()).or_default();
        }
        let gone: Vec<PathBuf> = self
            .published
            .keys()
            .filter(|p| !now.contains_key(*p))
            .cloned()
            .collect();
        for path in gone {
            self.published.remove(&path);
            publish_one(conn, &path, Vec::new(), None)?;
        }
        for (path, list) in now {
            let version = self.versions.get(&path).copied();
            let fresh = (list, version);
            if self.published.get(&path) != Some(&fresh) {
                publish_one(conn, &path, fresh.0.clone(), version)?;
                self.published.insert(path, fresh);
            }
        }
        Ok(())
    }

    /// The answer to a request: its result, or an error; never a panic.
    fn answer(&self, req: Request) -> Response {
        let id = req.id.clone();
        let method = req.method.clone();
        match catch_unwind(AssertUnwindSafe(|| self.dispatch(req))) {
            Ok(r) => r,
            Err(_) => Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                format!("lems-content lsp could not answer `{method}`"),
            ),
        }
    }

    fn dispatch(&self, req: Request) -> Response {
        match req.method.as_str() {
            Completion::METHOD => reply(req, |p: lsp_types::CompletionParams| {
                Ok(self
                    .at(&p.text_document_position)
                    .map(|(path, text, at)| completion::complete(&self.docs, &path, &text, at)))
            }),
            HoverRequest::METHOD => reply(req, |p: lsp_types::HoverParams| {
                Ok(self
                    .at(&p.text_document_position_params)
                    .and_then(|(path, text, at)| hover::hover(&self.docs, &path, &text, at)))
            }),
            GotoDefinition::METHOD => reply(req, |p: lsp_types::GotoDefinitionParams| {
                Ok(self
                    .at(&p.text_document_position_params)
                    .and_then(|(path, text, at)| {
                        definition::definition(&self.docs, &path, &text, at)
                    }))
            }),
            References::METHOD => reply(req, |p: lsp_types::ReferenceParams| {
                Ok(self
                    .at(&p.text_document_position)
                    .map(|(path, text, at)| references::references(&self.docs, &path, &text, at)))
            }),
            PrepareRenameRequest::METHOD => reply(req, |p: TextDocumentPositionParams| {
                Ok(self
                    .at(&p)
                    .and_then(|(path, text, at)| rename::prepare(&self.docs, &path, &text, at)))
            }),
            Rename::METHOD => reply(req, |p: lsp_types::RenameParams| {
                let (path, text, at) = self
                    .at(&p.text_document_position)
                    .ok_or("this file is not a content file")?;
                rename::rename(&self.docs, &path, &text, at, &p.new_name).map(Some)
            }),
            CodeActionRequest::METHOD => reply(req, |p: lsp_types::CodeActionParams| {
                let url = &p.text_document.uri;
                let Some(path) = self.docs.content_path(url) else {
                    return Ok(None);
                };
                let text = self.docs.text(&path).unwrap_or_default();
                let list = actions::actions(&self.docs, url, &text, &p.context.diagnostics);
                Ok(Some(
                    list.into_iter()
                        .map(lsp_types::CodeActionOrCommand::CodeAction)
                        .collect::<Vec<_>>(),
                ))
            }),
            _ => Response::new_err(
                req.id,
                ErrorCode::MethodNotFound as i32,
                format!("lems-content lsp does not answer `{}`", req.method),
            ),
        }
    }

    /// The content file, its text and the byte offset of a position in it.
    fn at(&self, p: &TextDocumentPositionParams) -> Option<(PathBuf, String, usize)> {
        let path = self.docs.content_path(&p.text_document.uri)?;
        let text = self.docs.text(&path)?;
        let at = offset_of(&text, p.position);
        Some((path, text, at))
    }
}

/// Decodes the params, runs `f`, and answers with its result or error.
fn reply<P: DeserializeOwned, R: Serialize>(
    req: Request,
    f: impl FnOnce(P) -> Result<R, String>,
) -> Response {
    match serde_json::from_value::<P>(req.params) {
        Err(e) => Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string()),
        Ok(p) => match f(p) {
            Ok(r) => Response::new_ok(req.id, r),
            Err(m) => Response::new_err(req.id, ErrorCode::RequestFailed as i32, m),
        },
    }
}

fn publish_one(
    conn: &Connection,
    path: &Path,
    diagnostics: Vec<lsp_types::Diagnostic>,
    version: Option<i32>,
) -> Result<(), String> {
    let Some(uri) = url_of(path) else {
        return Ok(());
    };
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    send(
        conn,
        Notification::new(PublishDiagnostics::METHOD.to_string(), params),
    )
}
