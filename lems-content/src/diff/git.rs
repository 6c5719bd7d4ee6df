//! The git commands `diff` runs, always in the repository of the content
//! (`git -C <content root>`): the top level, a revision's commit, the listing
//! of a revision's files with their modes and sizes, and their blobs, read one
//! by one within a byte limit. Nothing is extracted by `tar`: the caller
//! checks the listing before a single blob is read.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

/// The most bytes one line of `git ls-tree` may hold (mode, type, id, size, path).
const MAX_LISTING_LINE: usize = 8 * 1024;

/// The most bytes `git log` may print for the commits of a range.
const MAX_LOG_BYTES: u64 = 256 * 1024;

/// One commit of a range, as `git log` gives it (content: escape it per target).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Commit {
    /// The commit id, shortened to 12 characters.
    pub id: String,
    /// Its author's name.
    pub author: String,
    /// The day it was written (`YYYY-MM-DD`, the author's date).
    pub date: String,
    /// The first line of its message.
    pub subject: String,
}

/// A git repository, named by a folder inside it.
#[derive(Debug, Clone)]
pub struct Repo {
    dir: PathBuf,
}

/// One file of a revision, as `git ls-tree -r -l -z` lists it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// `100644`, `100755`, `120000` (a symbolic link), `160000` (a submodule), …
    pub mode: String,
    /// The object's id.
    pub id: String,
    /// The blob's size in bytes (`None` for a submodule).
    pub size: Option<u64>,
    /// The path relative to the content root, as bytes (git paths need not be UTF-8).
    pub path: Vec<u8>,
}

impl Repo {
    /// The repository around the folder `dir`.
    pub fn at(dir: &Path) -> Repo {
        Repo {
            dir: dir.to_path_buf(),
        }
    }

    fn command(&self) -> Command {
        let mut c = Command::new("git");
        c.arg("-C").arg(&self.dir).stdin(Stdio::null());
        c
    }

    /// Runs `git -C dir args`: its trimmed standard output, or its trimmed error text.
    pub fn git(&self, args: &[&str]) -> Result<String, String> {
        let out = self
            .command()
            .args(args)
            .output()
            .map_err(|e| format!("could not run git: {e}"))?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
        }
    }

    /// The top level of the repository.
    pub fn toplevel(&self) -> Result<PathBuf, String> {
        self.git(&["rev-parse", "--show-toplevel"])
            .map(PathBuf::from)
            .map_err(|e| {
                format!(
                    "`{}` is not inside a git repository ({e}); pass two content folders instead",
                    self.dir.display()
                )
            })
    }

    /// The folder's path from the top level, `/`-terminated (empty at the top).
    pub fn prefix(&self) -> Result<String, String> {
        self.git(&["rev-parse", "--show-prefix"])
    }

    /// Lists the files at commit `sha` under `paths` (relative to the
    /// folder), at most `max` of them: more is an error, and git is stopped.
    pub fn list(&self, sha: &str, paths: &[&str], max: usize) -> Result<Vec<Entry>, String> {
        let mut child = self
            .command()
            .args(["ls-tree", "-r", "-l", "-z", sha, "--"])
            .args(paths)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("could not run git: {e}"))?;
        let Some(stdout) = child.stdout.take() else {
            return Err("git ls-tree gave no output".into());
        };
        let listed = read_listing(BufReader::new(stdout), max);
        if listed.is_err() {
            let _ = child.kill();
        }
        let out = child
            .wait_with_output()
            .map_err(|e| format!("git ls-tree failed: {e}"))?;
        let entries = listed?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Ok(entries)
    }

    /// A reader of blobs (`git cat-file --batch`), one request at a time.
    pub fn blobs(&self) -> Result<Blobs, String> {
        let mut child = self
            .command()
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not run git: {e}"))?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            return Err("git cat-file could not be talked to".into());
        };
        Ok(Blobs {
            child,
            input,
            output: BufReader::new(output),
        })
    }
}

impl Repo {
    /// The commits in `base..head` (newest first), at most `max` of them, read
    /// within `MAX_LOG_BYTES`; the flag says whether more were left off.
    pub fn commits(
        &self,
        base: &str,
        head: &str,
        max: usize,
    ) -> Result<(Vec<Commit>, bool), String> {
        let mut child = self
            .command()
            .args(["log", "-z", "--no-color", "--format=%H%x1f%an%x1f%as%x1f%s"])
            .arg(format!("--max-count={}", max + 1))
            .arg(format!("{base}..{head}"))
            .arg("--")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("could not run git: {e}"))?;
        let Some(stdout) = child.stdout.take() else {
            return Err("git log gave no output".into());
        };
        let mut bytes = Vec::new();
        let read = stdout.take(MAX_LOG_BYTES).read_to_end(&mut bytes);
        let full = bytes.len() as u64 == MAX_LOG_BYTES;
        if full {
            let _ = child.kill();
        }
        let out = child
            .wait_with_output()
            .map_err(|e| format!("git log failed: {e}"))?;
        read.map_err(|e| format!("could not read git's log: {e}"))?;
        if !full && !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Ok(parse_log(&bytes, max, full))
    }
}

/// Parses `git log -z --format=%H%x1f%an%x1f%as%x1f%s`; a record cut off by
/// the byte limit is dropped and counted as left off.
fn parse_log(bytes: &[u8], max: usize, cut: bool) -> (Vec<Commit>, bool) {
    let mut records: Vec<&[u8]> = bytes.split(|&b| b == 0).collect();
    if cut || records.last().is_some_and(|r| r.is_empty()) {
        records.pop();
    }
    let mut commits: Vec<Commit> = records
        .iter()
        .filter_map(|r| {
            let text = String::from_utf8_lossy(r);
            let mut f = text.trim_start_matches('\n').splitn(4, '\u{1f}');
            let (id, author, date, subject) = (f.next()?, f.next()?, f.next()?, f.next()?);
            Some(Commit {
                id: short(id).to_string(),
                author: author.to_string(),
                date: date.to_string(),
                subject: subject.to_string(),
            })
        })
        .collect();
    let more = cut || commits.len() > max;
    commits.truncate(max);
    (commits, more)
}

/// Parses `git ls-tree -r -l -z` output: `<mode> <type> <id> <size>\t<path>\0`.
fn read_listing(mut r: impl BufRead, max: usize) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = (&mut r)
            .take(MAX_LISTING_LINE as u64)
            .read_until(0, &mut line)
            .map_err(|e| format!("could not read git's listing: {e}"))?;
        if n == 0 {
            return Ok(entries);
        }
        if line.last() != Some(&0) {
            return Err("git's listing has a path longer than any content file's".into());
        }
        line.pop();
        if entries.len() == max {
            return Err(format!("the revision holds more than {max} files"));
        }
        entries.push(parse_entry(&line)?);
    }
}

fn parse_entry(line: &[u8]) -> Result<Entry, String> {
    let bad = || {
        format!(
            "git's listing has a line it should not: {:?}",
            String::from_utf8_lossy(line)
        )
    };
    let tab = line.iter().position(|&b| b == b'\t').ok_or_else(bad)?;
    let head = std::str::from_utf8(&line[..tab]).map_err(|_| bad())?;
    let fields: Vec<&str> = head.split_whitespace().collect();
    let [mode, _kind, id, size] = fields[..] else {
        return Err(bad());
    };
    Ok(Entry {
        mode: mode.to_string(),
        id: id.to_string(),
        size: size.parse().ok(),
        path: line[tab + 1..].to_vec(),
    })
}

/// A running `git cat-file --batch`.
pub struct Blobs {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

impl Blobs {
    /// The bytes of blob `id`, which must be `size` bytes long (as listed);
    /// nothing more than `size` bytes is ever read.
    pub fn read(&mut self, id: &str, size: u64) -> Result<Vec<u8>, String> {
        let io = |e: std::io::Error| format!("could not read blob {id} from git: {e}");
        writeln!(self.input, "{id}").map_err(io)?;
        self.input.flush().map_err(io)?;
        let mut header = Vec::new();
        (&mut self.output)
            .take(200)
            .read_until(b'\n', &mut header)
            .map_err(io)?;
        let header = String::from_utf8_lossy(&header);
        let fields: Vec<&str> = header.split_whitespace().collect();
        if fields.get(1) != Some(&"blob") || fields.get(2) != Some(&size.to_string().as_str()) {
            return Err(format!(
                "git gave `{}` for blob {id} of {size} bytes",
                header.trim()
            ));
        }
        let mut bytes = Vec::new();
        (&mut self.output)
            .take(size)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        let mut newline = [0u8; 1];
        self.output.read_exact(&mut newline).map_err(io)?;
        if bytes.len() as u64 != size {
            return Err(format!("git gave a short blob {id}"));
        }
        Ok(bytes)
    }
}

impl Drop for Blobs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A commit id shortened to 12 characters, as people quote them.
pub fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_listing_and_stops_at_its_limit() {
        let text = b"100644 blob aaaa     12\tdata/a.yaml\x00120000 blob bbbb 5\tdata/b\x00160000 commit cccc       -\tdata/c\0";
        let e = read_listing(&text[..], 10).expect("listing");
        assert_eq!(e.len(), 3);
        assert_eq!((e[0].mode.as_str(), e[0].size), ("100644", Some(12)));
        assert_eq!(e[0].path, b"data/a.yaml");
        assert_eq!((e[2].mode.as_str(), e[2].size), ("160000", None));
        assert!(read_listing(&text[..], 2).is_err_and(|m| m.contains("more than 2 files")));
        assert!(read_listing(&b"100644 blob aaaa 1 data/x\0"[..], 10).is_err());
    }

    #[test]
    fn reads_a_log_and_says_when_commits_were_left_off() {
        let log = "aaaaaaaaaaaaaaaa\u{1f}Ann\u{1f}2026-12-01\u{1f}a <b> subject\0\nbbbbbbbbbbbbbbbb\u{1f}Bo\u{1f}2026-11-30\u{1f}two\0";
        let (c, more) = parse_log(log.as_bytes(), 5, false);
        assert_eq!(c.len(), 2);
        assert!(!more);
        assert_eq!(
            (c[0].id.as_str(), c[0].author.as_str()),
            ("aaaaaaaaaaaa", "Ann")
        );
        assert_eq!(
            (c[1].date.as_str(), c[1].subject.as_str()),
            ("2026-11-30", "two")
        );
        let (c, more) = parse_log(log.as_bytes(), 1, false);
        assert_eq!((c.len(), more), (1, true));
        let (c, more) = parse_log(&log.as_bytes()[..60], 5, true);
        assert_eq!((c.len(), more), (1, true));
    }
}
