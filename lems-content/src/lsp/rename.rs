//! Rename an id across every file: one workspace edit that rewrites every
//! place the id is written and renames the file it names. Refused, with a
//! message, when the new id is not a valid id or is already taken.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lems_treatments_build::escape::terminal;
use lems_treatments_build::names::id_refusal;
use lsp_types::{
    DocumentChangeOperation, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier,
    Range, RenameFile, ResourceOp, TextDocumentEdit, TextEdit, WorkspaceEdit,
};

use super::documents::{range_of, reference_at, url_of, Documents};
use super::references::places;

/// The range of the id that would be renamed at byte `at`, if any.
pub fn prepare(docs: &Documents, path: &Path, text: &str, at: usize) -> Option<Range> {
    let r = reference_at(docs, path, text, at)?;
    docs.path_of(r.kind, &r.id)
        .is_file()
        .then(|| range_of(text, r.start, r.end))
}

/// The workspace edit renaming the id at byte `at` to `new`, or why not.
pub fn rename(
    docs: &Documents,
    path: &Path,
    text: &str,
    at: usize,
    new: &str,
) -> Result<WorkspaceEdit, String> {
    let r = reference_at(docs, path, text, at)
        .ok_or_else(|| "there is no id here to rename".to_string())?;
    let old = docs.path_of(r.kind, &r.id);
    if !old.is_file() {
        return Err(format!(
            "there is no {} `{}` to rename (no file {})",
            r.kind.noun(),
            r.id,
            terminal(&old.display().to_string())
        ));
    }
    if let Some(refusal) = id_refusal(new) {
        return Err(format!(
            "the id `{}` {}; {}",
            terminal(new),
            refusal.why,
            refusal.help
        ));
    }
    let target = docs.path_of(r.kind, new);
    if new == r.id || target.exists() {
        return Err(format!(
            "the {} `{new}` already exists: pick another id",
            r.kind.noun()
        ));
    }
    let mut by_file: BTreeMap<PathBuf, Vec<TextEdit>> = BTreeMap::new();
    for (file, range) in places(docs, r.kind, &r.id) {
        by_file.entry(file).or_default().push(TextEdit {
            range,
            new_text: new.to_string(),
        });
    }
    let mut ops = Vec::new();
    for (file, edits) in by_file {
        let uri = url_of(&file).ok_or("a file of the content has no file URL")?;
        ops.push(DocumentChangeOperation::Edit(TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
            edits: edits.into_iter().map(OneOf::Left).collect(),
        }));
    }
    ops.push(DocumentChangeOperation::Op(ResourceOp::Rename(
        RenameFile {
            old_uri: url_of(&old).ok_or("the file has no file URL")?,
            new_uri: url_of(&target).ok_or("the new file has no file URL")?,
            options: None,
            annotation_id: None,
        },
    )));
    Ok(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(ops)),
        ..Default::default()
    })
}
