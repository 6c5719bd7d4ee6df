//! `lems-content record`: a reviewer records their review of content files
//! in `data/reviews.yaml` (who, role, today, kind, each file's hash now).
//! The records are made by `lems_treatments_build::load::records`; this
//! command picks the files, finds the reviewer's name, writes the file
//! through `out` and checks that it reads back.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use lems_treatments_build::escape::terminal;
use lems_treatments_build::load::records::{new_records, records_yaml, unrecorded, Reviewer};
use lems_treatments_build::load::review::kind_words;
use lems_treatments_build::model::ReviewKind;
use lems_treatments_build::{load, Content, FileKind, Paths, SchemaCheck};

use super::check::today;
use super::fail;
use crate::cli::{RecordArgs, RecordKind};
use crate::diagnostics::human;
use crate::diff::git::Repo;
use crate::out;

/// Records the review `args` describe in the content at `paths`.
pub fn run(paths: &Paths, args: &RecordArgs) -> ExitCode {
    let mut report = load(paths, SchemaCheck::Validate);
    if !report.diagnostics.is_empty() || report.content.is_none() {
        // The errors themselves, as `check` prints them (its warnings are
        // not why the review cannot be recorded, so they are left out).
        report.warnings.clear();
        eprint!("{}", human(paths, &report, std::io::stderr().is_terminal()));
        eprintln!("error: the content has the problems above; fix them, then record your review");
        return ExitCode::from(1);
    }
    let Some(content) = report.content else {
        return ExitCode::from(1);
    };
    let kind = match args.kind {
        RecordKind::Sources => ReviewKind::CheckedAgainstSources,
        RecordKind::Clinician => ReviewKind::ClinicianApproved,
    };
    let name = match reviewer_name(paths, args.name.as_deref()) {
        Ok(n) => n,
        Err(e) => return fail(&e),
    };
    let role = match (&args.role, kind) {
        (Some(r), _) => r.clone(),
        (None, ReviewKind::CheckedAgainstSources) => "editor".to_string(),
        (None, ReviewKind::ClinicianApproved) => {
            return fail("`--kind clinician` needs your role: add `--role ROLE`, for example `--role neurologist`")
        }
    };
    let wanted = match chosen_files(paths, &content, &args.targets) {
        Ok(w) => w,
        Err(e) => return fail(&e),
    };
    let open = unrecorded(&content.reviews, kind);
    let files: Vec<String> = wanted.into_iter().filter(|f| open.contains(f)).collect();
    if files.is_empty() {
        return fail(&format!(
            "nothing to record: every file you chose already has a record ({}) of its content as it is now",
            kind_words(kind)
        ));
    }
    let date = today();
    let who = Reviewer {
        name: &name,
        role: &role,
        kind,
        date: &date,
    };
    let made = match new_records(&content.reviews, &files, &who) {
        Ok(m) => m,
        Err(e) => return fail(&e),
    };
    let mut all = content.reviews.records.clone();
    all.extend(made.iter().cloned());
    if let Err(e) = write_checked(paths, &records_yaml(&all)) {
        return fail(&e);
    }
    println!(
        "recorded {} review{} in {}/{}: {} ({}, {}, {})",
        made.len(),
        if made.len() == 1 { "" } else { "s" },
        paths.display,
        FileKind::Reviews.location(),
        kind_words(kind),
        terminal(made[0].name.0.as_str()),
        terminal(made[0].role.0.as_str()),
        date
    );
    for r in &made {
        println!("  {}", terminal(&r.file.0));
    }
    ExitCode::SUCCESS
}

/// The reviewer's name: `--name`, else git's `user.name` in the content's repository.
fn reviewer_name(paths: &Paths, given: Option<&str>) -> Result<String, String> {
    if let Some(n) = given {
        return Ok(n.to_string());
    }
    match Repo::at(&paths.data).git(&["config", "user.name"]) {
        Ok(n) if !n.trim().is_empty() => Ok(n),
        _ => Err("who reviewed? Pass `--name \"Your Name\"`, or set git's `user.name` (`git config user.name \"Your Name\"`)".to_string()),
    }
}

/// The files (relative to `data/`) the reviewer named: none given, every
/// reviewable file; one git revision, those changed since it; else the files.
fn chosen_files(paths: &Paths, c: &Content, targets: &[String]) -> Result<Vec<String>, String> {
    let reviewable = |f: &String| c.reviews.current.contains_key(f);
    match targets {
        [] => Ok(c.reviews.current.keys().cloned().collect()),
        [rev] if file_of(paths, rev).is_none() => {
            Ok(changed_since(paths, rev)?.into_iter().filter(reviewable).collect())
        }
        files => files
            .iter()
            .map(|f| {
                let rel = file_of(paths, f).ok_or_else(|| {
                    format!("`{}` is neither a file nor, alone, a git revision", terminal(f))
                })??;
                if reviewable(&rel) {
                    Ok(rel)
                } else {
                    Err(format!("`{}` is not a content file a review covers (a treatment, class, mechanism, caution, the condition, the disclaimer or the glossary)", terminal(&rel)))
                }
            })
            .collect(),
    }
}

/// `arg` as a file relative to `data/` (`treatments/x.yaml`): a path from
/// the current folder, or from `data/`. `None` when no such file exists; an
/// error when it exists outside `data/`.
fn file_of(paths: &Paths, arg: &str) -> Option<Result<String, String>> {
    let found = [Path::new(arg).to_path_buf(), paths.data.join(arg)]
        .into_iter()
        .find(|p| p.is_file())?;
    let (Ok(file), Ok(data)) = (found.canonicalize(), paths.data.canonicalize()) else {
        return Some(Err(format!("could not read `{}`", terminal(arg))));
    };
    Some(match file.strip_prefix(&data) {
        Ok(rel) => Ok(rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")),
        Err(_) => Err(format!(
            "`{}` is not inside {}",
            terminal(arg),
            paths.display
        )),
    })
}

/// The files under `data/` (relative to it) that differ from git revision
/// `rev`, with the new files git does not track yet.
fn changed_since(paths: &Paths, rev: &str) -> Result<Vec<String>, String> {
    if rev.starts_with('-') {
        return Err(format!("`{}` is not a git revision", terminal(rev)));
    }
    let repo = Repo::at(&paths.data);
    let commit = format!("{rev}^{{commit}}");
    repo.git(&["rev-parse", "--verify", "--quiet", &commit])
        .map_err(|_| format!("`{}` is neither a file nor a git revision", terminal(rev)))?;
    let changed = repo.git(&["diff", "--name-only", "--relative", "-z", rev, "--", "."])?;
    let new = repo.git(&[
        "ls-files",
        "--others",
        "--exclude-standard",
        "-z",
        "--",
        ".",
    ])?;
    let mut files: Vec<String> = changed
        .split('\0')
        .chain(new.split('\0'))
        .filter(|f| !f.is_empty())
        .map(str::to_string)
        .collect();
    files.sort();
    files.dedup();
    Ok(files)
}

/// Writes the records file, then reads the tree again: when the records
/// file has any problem (a name `check` refuses, say), the old file is put
/// back and the problem is the error.
fn write_checked(paths: &Paths, text: &str) -> Result<(), String> {
    let path = paths.data.join(FileKind::Reviews.location());
    let before = std::fs::read_to_string(&path).ok();
    out::file(&path, text)?;
    let report = load(paths, SchemaCheck::Validate);
    let shown = format!("{}/{}", paths.display, FileKind::Reviews.location());
    let Some(problem) = report.diagnostics.iter().find(|d| d.file == shown) else {
        return Ok(());
    };
    let restored = match &before {
        Some(old) => out::file(&path, old),
        None => out::remove(&path),
    };
    let mut e = format!("the record was not kept: {}", terminal(&problem.message));
    if let Err(r) = restored {
        e.push_str(&format!(
            " (and the old {shown} could not be put back: {r})"
        ));
    }
    Err(e)
}
