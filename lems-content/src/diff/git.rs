//! The git commands `diff` runs: the repository's top level, a revision's
//! commit, a file at a revision, and a revision's folders extracted.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Runs `git args`: its trimmed standard output, or its trimmed error text.
pub fn git(args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not run git: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

/// The top level of the git repository around the current folder.
pub fn toplevel() -> Result<PathBuf, String> {
    git(&["rev-parse", "--show-toplevel"])
        .map(PathBuf::from)
        .map_err(|e| format!("not inside a git repository ({e}); pass two content folders instead"))
}

/// A commit id shortened to 12 characters, as people quote them.
pub fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

/// `git archive <sha> <paths> | tar -x -C <dir>`.
pub fn extract(sha: &str, paths: &[&str], dir: &Path) -> Result<(), String> {
    let mut archive = Command::new("git")
        .arg("archive")
        .arg(sha)
        .args(paths)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not run git: {e}"))?;
    let Some(stdout) = archive.stdout.take() else {
        return Err("git archive gave no output".into());
    };
    let tar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(dir)
        .stdin(stdout)
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("could not run tar: {e}"))?;
    let git_out = archive
        .wait_with_output()
        .map_err(|e| format!("git archive failed: {e}"))?;
    if !git_out.status.success() {
        return Err(String::from_utf8_lossy(&git_out.stderr).trim().to_string());
    }
    if !tar.status.success() {
        return Err(String::from_utf8_lossy(&tar.stderr).trim().to_string());
    }
    Ok(())
}
