//! Shared helpers: build a content tree from the tests' own content
//! (`tests/fixture/data/`, a frozen copy of the content) plus a broken overlay.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root (this crate lives one level below it).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// The corpus cases, sorted: each is a folder of files overlaid on the
/// fixture's `data/` (`tests/fixture/data/`, so that an edit of the real
/// content never changes what a case reports),
/// plus an optional `REMOVE` file listing paths to delete.
pub fn corpus_cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(repo_root().join("tests/corpus"))
        .expect("tests/corpus exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

/// Makes `<tmp>/<name>/{data,schema}`: the fixture's content with the case applied.
pub fn materialise(case: &Path, name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("corpus")
        .join(name);
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&fixture_root().join("data"), &root.join("data"));
    copy_dir(&repo_root().join("schema"), &root.join("schema"));
    for entry in std::fs::read_dir(case).expect("case dir") {
        let entry = entry.expect("entry");
        let name = entry.file_name();
        if name == "REMOVE" {
            let list = std::fs::read_to_string(entry.path()).expect("REMOVE");
            for line in list
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            {
                std::fs::remove_file(root.join("data").join(line.trim()))
                    .expect("remove listed file");
            }
        } else if entry.path().is_dir() {
            copy_dir(&entry.path(), &root.join("data").join(&name));
        } else {
            std::fs::copy(entry.path(), root.join("data").join(&name)).expect("copy");
        }
    }
    root
}

/// The tests' own content tree (`tests/fixture/`, holding `data/`): a frozen
/// copy of the content for tests that need particular facts, so that a valid
/// edit of the real `data/` never breaks them. Its schemas are the
/// repository's (`schema/`).
pub fn fixture_root() -> PathBuf {
    repo_root().join("tests/fixture")
}

/// The fixture's paths: its `data/` with the repository's `schema/`.
pub fn fixture_paths() -> lems_treatments_build::Paths {
    let mut paths = lems_treatments_build::Paths::under(&fixture_root());
    paths.schema = repo_root().join("schema");
    paths
}
