//! What one load keeps for the next ([`Cache`]): for a loader run again and
//! again on nearly the same tree (`lems-content lsp`, after every change of
//! a buffer), each file's reading (YAML, schema pass, text checks, model
//! type) and each file's reading-level warnings, keyed by a hash of what
//! they were computed from. A hit gives exactly what a fresh reading gives;
//! the walk, the budgets and the rules run as they do without a cache.

use std::any::Any;
use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

/// The readings of the last load, by file. Entries of files the last load
/// did not read are dropped, so the cache never holds more than one tree.
#[derive(Default)]
pub struct Cache {
    /// A file's reading (a `FileRead<T>` of its kind), by path, with its key.
    files: HashMap<PathBuf, (u64, Box<dyn Any + Send>)>,
    /// A file's reading-level warnings, by display name, with their key.
    reading: HashMap<String, (u64, Vec<Diagnostic>)>,
    /// The paths and display names used by the load under way.
    used_files: BTreeSet<PathBuf>,
    used_reading: BTreeSet<String>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("files", &self.files.len())
            .field("reading", &self.reading.len())
            .finish()
    }
}

/// The key of `parts`: a 64-bit hash of each, in order.
pub(crate) fn key(parts: &[&[u8]]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for p in parts {
        p.hash(&mut h);
    }
    h.finish()
}

impl Cache {
    /// The reading of `path` kept under `key`, when it is of type `R`.
    pub(crate) fn file<R: Clone + 'static>(&mut self, path: &Path, key: u64) -> Option<R> {
        self.used_files.insert(path.to_path_buf());
        let (k, read) = self.files.get(path)?;
        if *k != key {
            return None;
        }
        read.downcast_ref::<R>().cloned()
    }

    /// Keeps the reading of `path` under `key`.
    pub(crate) fn keep_file<R: Clone + Send + 'static>(&mut self, path: &Path, key: u64, read: &R) {
        self.used_files.insert(path.to_path_buf());
        self.files
            .insert(path.to_path_buf(), (key, Box::new(read.clone())));
    }

    /// The reading-level warnings of `file` kept under `key`.
    pub(crate) fn reading(&mut self, file: &str, key: u64) -> Option<Vec<Diagnostic>> {
        self.used_reading.insert(file.to_string());
        let (k, warnings) = self.reading.get(file)?;
        (*k == key).then(|| warnings.clone())
    }

    /// Keeps the reading-level warnings of `file` under `key`.
    pub(crate) fn keep_reading(&mut self, file: &str, key: u64, warnings: &[Diagnostic]) {
        self.used_reading.insert(file.to_string());
        self.reading
            .insert(file.to_string(), (key, warnings.to_vec()));
    }

    /// Ends a walk: the readings of files it did not read are dropped.
    pub(crate) fn end_files(&mut self) {
        let files = std::mem::take(&mut self.used_files);
        self.files.retain(|p, _| files.contains(p));
    }

    /// Ends a measure of reading levels: the warnings of files it did not measure are dropped.
    pub(crate) fn end_reading(&mut self) {
        let reading = std::mem::take(&mut self.used_reading);
        self.reading.retain(|f, _| reading.contains(f));
    }
}
