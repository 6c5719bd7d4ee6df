//! Finding the content, like cargo and git find their project: from the
//! current folder (or the one given) upwards, to the first folder that holds
//! `data/`. Every subcommand uses this, so each gives the same answers from
//! `data/treatments/` as from the repository root.

use std::path::{Path, PathBuf};

use lems_treatments_build::Paths;

/// The schemas of the repository this tool was built in: used for a content
/// tree that has no `schema/` folder of its own (a scratch copy, a test tree).
const BUILT_IN_SCHEMA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema");

/// The content layout for `start` (default: the current folder). Without
/// `start`, the first of the current folder and its ancestors that holds a
/// `data/` folder. With it, `start` itself when it holds `data/`, or the root
/// whose `data/` holds `start`; failing that, `start` itself when it is a
/// content folder (holds `treatments/` or `condition.yaml`).
pub fn find(start: Option<&Path>) -> Result<Paths, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("the current folder cannot be read: {e}"))?;
    let explicit = start.is_some();
    let start = match start {
        // `..` and links are resolved first, so that `data/../schema` is the
        // folder `schema` beside `data/`, as the file system has it.
        Some(p) => std::fs::canonicalize(cwd.join(p))
            .map_err(|e| format!("`{}` cannot be read: {e}", p.display()))?,
        None => cwd,
    };
    let meta = std::fs::metadata(&start)
        .map_err(|e| format!("`{}` cannot be read: {e}", start.display()))?;
    if !meta.is_dir() {
        return Err(format!(
            "`{}` is not a folder; give the content root (the folder holding data/) or a folder inside it",
            start.display()
        ));
    }
    for dir in start.ancestors() {
        // From the current folder, any folder above counts (as with cargo);
        // a folder named on the command line must be the root or lie in its data/.
        let reaches = !explicit || dir == start || start.starts_with(dir.join("data"));
        if reaches && dir.join("data").is_dir() {
            let mut paths = Paths::under(dir);
            paths.schema = schema_for(dir);
            return Ok(paths);
        }
    }
    if start.join("treatments").is_dir() || start.join("condition.yaml").is_file() {
        let parent = start
            .parent()
            .map_or_else(|| start.clone(), Path::to_path_buf);
        return Ok(Paths {
            data: start.clone(),
            schema: schema_for(&parent),
            display: start
                .file_name()
                .map_or_else(|| "data".to_string(), |n| n.to_string_lossy().into_owned()),
        });
    }
    Err(not_found(&start, explicit))
}

/// Why no content was found from `start`, saying what was searched: with
/// `--root`, the folder itself and the `data/` folders it lies in, and the
/// folder above it that does hold `data/`, if any.
fn not_found(start: &Path, explicit: bool) -> String {
    let above = start.ancestors().skip(1).find(|d| d.join("data").is_dir());
    match (explicit, above) {
        (true, Some(root)) => format!(
            "`{}` is not a content root: it holds no `data/` folder and lies in no `data/` folder; the folder `{}` above it holds `data/`: pass --root {}",
            start.display(),
            root.display(),
            root.display()
        ),
        _ => format!(
            "no content found: neither `{}` nor any folder above it holds a `data/` folder; run this inside the repository or pass --root PATH",
            start.display()
        ),
    }
}

/// `root/schema` when it exists, else the repository's own schemas.
fn schema_for(root: &Path) -> PathBuf {
    let own = root.join("schema");
    if own.is_dir() || !Path::new(BUILT_IN_SCHEMA).is_dir() {
        own
    } else {
        PathBuf::from(BUILT_IN_SCHEMA)
    }
}

/// The `[package] version` of the `Cargo.toml` beside the content's `data/`,
/// which versions the content (see the README's semver policy).
pub fn package_version(paths: &Paths) -> Option<String> {
    let manifest = paths.data.parent()?.join("Cargo.toml");
    let text = std::fs::read_to_string(manifest).ok()?;
    let mut in_package = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package {
            if let Some(v) = line.strip_prefix("version") {
                let v = v.trim_start().strip_prefix('=')?.trim();
                return Some(v.trim_matches('"').to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_root_from_inside_the_content() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        for start in ["", "data", "data/treatments"] {
            let p = find(Some(&repo.join(start))).expect(start);
            assert!(p.data.ends_with("data"), "{start}: {}", p.data.display());
            assert_eq!(
                std::fs::canonicalize(&p.data).ok(),
                std::fs::canonicalize(repo.join("data")).ok(),
                "{start}"
            );
            assert_eq!(p.display, "data");
        }
    }

    #[test]
    fn reads_the_package_version() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let p = find(Some(&repo)).expect("repo");
        let v = package_version(&p).expect("version");
        assert_eq!(v.split('.').count(), 3, "{v}");
    }

    #[test]
    fn refuses_a_file_and_a_folder_without_content() {
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        assert!(find(Some(&file)).is_err_and(|e| e.contains("not a folder")));
        let empty = std::env::temp_dir().join(format!("lems-root-test-{}", std::process::id()));
        std::fs::create_dir_all(&empty).expect("tmp");
        assert!(find(Some(&empty)).is_err_and(|e| e.contains("no content found")));
        // A folder beside the content is not taken for it, even inside the repository.
        let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let repo =
            std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("..")).expect("repo");
        let says_where = format!("the folder `{}` above it holds `data/`", repo.display());
        assert!(find(Some(&beside)).is_err_and(|e| e.contains(&says_where)));
        // `data/../schema` is the folder beside `data/`: named as such, with the root to pass.
        let dotted = repo.join("data/../schema");
        let e = find(Some(&dotted)).expect_err("schema/ is not a content root");
        assert!(
            e.contains(&format!(
                "`{}` is not a content root",
                repo.join("schema").display()
            )) && e.contains(&says_where),
            "{e}"
        );
        // `data/../data/treatments` lies in data/: found.
        let p = find(Some(&repo.join("data/../data/treatments"))).expect("inside data/");
        assert_eq!(std::fs::canonicalize(p.data).ok(), Some(repo.join("data")));
        let _ = std::fs::remove_dir(&empty);
    }
}
