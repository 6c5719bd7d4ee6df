//! Writes that never go astray, and revisions read like working trees, end
//! to end: `render`/`diff --out` never follow a link in the site folder and
//! remove only what their manifest lists; an interrupted write leaves the old
//! file; `new` and `schema` refuse links; `diff` reads revisions from
//! `--root`'s repository with a working tree's rules, before reading a blob.

#[path = "../../lems-treatments-build/tests/common.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AMI: &str = "data/treatments/amifampridine.yaml";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lems-content"))
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run lems-content")
}

fn tmp() -> &'static Path {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A fresh, empty folder `<tmp>/files/<name>`.
fn fresh(name: &str) -> PathBuf {
    let dir = tmp().join("files").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    dir
}

/// A fresh repository-shaped tree: the fixture's content (`tests/fixture/data`,
/// never the real content, so that a valid edit of `data/` breaks no test here)
/// with the repository's schema/, Cargo.toml and EDITING.md.
fn scratch(name: &str) -> PathBuf {
    let root = fresh(name);
    let repo = common::repo_root();
    common::copy_dir(&common::fixture_root().join("data"), &root.join("data"));
    common::copy_dir(&repo.join("schema"), &root.join("schema"));
    for f in ["Cargo.toml", "EDITING.md"] {
        std::fs::copy(repo.join(f), root.join(f)).expect("copy");
    }
    root
}

fn render(root: &Path, out: &Path) -> Output {
    run_in(tmp(), &["render", "--root", s(root), "--out", s(out)])
}

fn ok(o: Output) -> Output {
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    o
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).expect("read")
}

#[cfg(unix)]
#[test]
fn a_link_in_the_site_folder_is_refused_and_its_target_untouched() {
    use std::os::unix::fs::symlink;
    let root = common::repo_root();
    let dir = fresh("links");
    let out = dir.join("site");
    ok(render(&root, &out));
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "keep me").expect("w");

    // A page replaced by a link to a file outside.
    std::fs::remove_file(out.join("index.html")).expect("rm");
    symlink(&victim, out.join("index.html")).expect("ln");
    let o = render(&root, &out);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("index.html`: it is a symbolic link, not a regular file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(read(&victim), "keep me");
    std::fs::remove_file(out.join("index.html")).expect("rm");

    // The pages' folder replaced by a link to a folder outside, holding a
    // page of the same name and a file the tool never wrote.
    let elsewhere = dir.join("elsewhere");
    std::fs::rename(out.join("treatments"), &elsewhere).expect("mv");
    let page = std::fs::read_dir(&elsewhere)
        .expect("ls")
        .next()
        .expect("a page")
        .expect("entry")
        .path();
    std::fs::write(&page, "outside").expect("w");
    std::fs::write(elsewhere.join("mine.txt"), "mine").expect("w");
    symlink(&elsewhere, out.join("treatments")).expect("ln");
    let o = render(&root, &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("treatments`: it is a symbolic link, not a folder"),
        "{}",
        stderr(&o)
    );
    assert_eq!(read(&page), "outside");
    assert_eq!(read(&elsewhere.join("mine.txt")), "mine");
    // Refused before anything was written: index.html was not recreated.
    assert!(!out.join("index.html").exists());

    // The site folder itself a link: refused too (pass the real folder).
    let real = fresh("links-real");
    let link = dir.join("site-link");
    symlink(&real, &link).expect("ln");
    let o = render(&root, &link);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("it is a symbolic link, not a folder"));
    assert_eq!(std::fs::read_dir(&real).expect("ls").count(), 0);
}

#[test]
fn only_files_in_the_manifest_are_replaced_or_removed() {
    let base = scratch("manifest-base");
    let head = scratch("manifest-head");
    // Mycophenolate: no other file refers to it, so HEAD stays valid without it
    // (as in site.rs).
    let myco = "data/treatments/mycophenolate.yaml";
    let text = read(&head.join(myco));
    std::fs::remove_file(head.join(myco)).expect("rm");
    let out = fresh("manifest-site");
    // A diff site: it has diff.html and removed/mycophenolate.html.
    let o = run_in(
        tmp(),
        &[
            "diff",
            s(&base),
            s(&head),
            "--format",
            "html",
            "--out",
            s(&out),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.join("diff.html").is_file());
    assert!(out.join("removed/mycophenolate.html").is_file());
    let manifest = read(&out.join(".lems-content-manifest"));
    assert!(
        manifest.lines().any(|l| l == "removed/mycophenolate.html"),
        "{manifest}"
    );
    // Files the tool never wrote, beside its pages and among them.
    std::fs::write(out.join("notes.html"), "mine").expect("w");
    std::fs::write(out.join("removed/keep.html"), "mine too").expect("w");
    std::fs::write(head.join(myco), text).expect("w");

    // The plain guide into the same folder: the stale diff pages go, the rest stays.
    ok(render(&head, &out));
    assert!(!out.join("diff.html").exists());
    assert!(!out.join("removed/mycophenolate.html").exists());
    assert!(out.join("treatments/mycophenolate.html").is_file());
    assert_eq!(read(&out.join("notes.html")), "mine");
    assert_eq!(read(&out.join("removed/keep.html")), "mine too");
    let manifest = read(&out.join(".lems-content-manifest"));
    assert!(!manifest.contains("diff.html") && !manifest.contains("notes.html"));
    assert!(manifest.lines().any(|l| l == "index.html"));
}

#[test]
fn a_first_run_into_a_folder_never_overwrites_a_file_it_did_not_write() {
    let out = fresh("not-empty");
    std::fs::write(out.join("index.html"), "someone's page").expect("w");
    std::fs::write(out.join("other.txt"), "other").expect("w");
    let o = render(&common::repo_root(), &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the file is there, and lems-content did not write it"),
        "{}",
        stderr(&o)
    );
    assert_eq!(read(&out.join("index.html")), "someone's page");
    assert!(
        !out.join("style.css").exists(),
        "nothing written before the refusal"
    );
    // Without the colliding file, the site is written and the other file kept.
    std::fs::remove_file(out.join("index.html")).expect("rm");
    ok(render(&common::repo_root(), &out));
    assert_eq!(read(&out.join("other.txt")), "other");
    assert!(read(&out.join("index.html")).starts_with("<!DOCTYPE html>"));
}

/// Runs `lems-content args` in `dir` with a file size limit of 4 KiB: the
/// first larger write kills it (SIGXFSZ), as a full disk or a crash would
/// interrupt it.
#[cfg(unix)]
fn interrupted(dir: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 8; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_lems-content"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run sh")
}

#[cfg(unix)]
#[test]
fn an_interrupted_write_leaves_the_old_file_whole() {
    let root = scratch("interrupted");
    let stale = root.join("schema/treatment.schema.json");
    std::fs::write(&stale, "{\"old\": true}\n").expect("w");
    let o = interrupted(&root, &["schema"]);
    assert_ne!(o.status.code(), Some(0), "the limit must interrupt it");
    // The old schema, whole: not empty, not a part of the new one.
    assert_eq!(read(&stale), "{\"old\": true}\n");
    // Every other file is whole too (it was unchanged or replaced at once).
    let fresh_text = lems_treatments_build::FileKind::Treatment.schema_text();
    assert!(
        fresh_text.len() > 8 * 512,
        "the new schema exceeds the limit"
    );
    assert!(read(&root.join("EDITING.md")).len() > 1000);
    // Without the limit the same command finishes.
    ok(run_in(&root, &["schema"]));
    assert_eq!(read(&stale), fresh_text);
    let leftovers: Vec<_> = std::fs::read_dir(root.join("schema"))
        .expect("ls")
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().ends_with(".schema.json"))
        .map(|e| e.file_name())
        .collect();
    // The killed run may leave its temporary file (it is hidden), never a partial schema.
    assert!(
        leftovers
            .iter()
            .all(|n| n.to_string_lossy().starts_with(".lems-content-")),
        "{leftovers:?}"
    );
}

#[cfg(unix)]
#[test]
fn schema_and_new_refuse_links() {
    use std::os::unix::fs::symlink;
    let root = scratch("schema-link");
    let victim = root.join("victim.txt");
    std::fs::write(&victim, "keep me").expect("w");
    let file = root.join("schema/treatment.schema.json");
    std::fs::remove_file(&file).expect("rm");
    symlink(&victim, &file).expect("ln");
    let o = run_in(&root, &["schema"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("it is a symbolic link, not a regular file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(read(&victim), "keep me");

    // `new` into a kind's folder that is a link to a folder outside.
    let root = scratch("new-link");
    let outside = fresh("new-link-outside");
    std::fs::remove_dir_all(root.join("data/sources")).expect("rm");
    symlink(&outside, root.join("data/sources")).expect("ln");
    let o = run_in(&root, &["new", "source", "fresh_source"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("it is a symbolic link, not a folder"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_dir(&outside).expect("ls").count(), 0);
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(["-c", "user.name=test", "-c", "user.email=test@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

/// A git repository holding a copy of the content, committed on `main`.
fn repo(name: &str) -> PathBuf {
    let root = scratch(name);
    git(&root, &["init", "-q", "-b", "main"]);
    git(&root, &["add", "."]);
    git(&root, &["commit", "-q", "-m", "base"]);
    root
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = read(&path);
    assert!(text.contains(from), "{file} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn diff_reads_the_revisions_of_the_root_it_is_given() {
    let theirs = repo("root-theirs");
    edit(&theirs, AMI, "kind: medicine", "kind: medecine");
    git(&theirs, &["commit", "-q", "-am", "broken"]);
    let ours = repo("root-ours");
    // From inside `ours`, HEAD~1..HEAD of `theirs`: its broken commit.
    let o = run_in(&ours, &["diff", "--root", s(&theirs), "HEAD~1", "HEAD"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("error[E0104]: `medecine` is not an allowed value for `kind`")
            && err.contains("--> HEAD:data/treatments/amifampridine.yaml:"),
        "{err}"
    );
    assert!(
        err.contains("error: the content at HEAD (HEAD (")
            && err.contains("is broken: 1 error in 1 file, listed above"),
        "{err}"
    );
    // `ours` has one commit: HEAD~1 does not exist there, and nothing was compared.
    let o = run_in(&theirs, &["diff", "--root", s(&ours), "HEAD~1", "HEAD"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("BASE `HEAD~1` is neither"),
        "{}",
        stderr(&o)
    );
    // A --root that holds no content is an error, not the current folder's repository.
    let o = run_in(
        &ours,
        &["diff", "--root", s(&fresh("root-none")), "HEAD", "HEAD"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is not a content root: it holds no `data/` folder"),
        "{}",
        stderr(&o)
    );
}

#[cfg(unix)]
#[test]
fn a_linked_data_folder_in_a_revision_is_refused_located() {
    let root = repo("rev-link");
    std::fs::rename(root.join("data"), root.join("real-data")).expect("mv");
    std::os::unix::fs::symlink("real-data", root.join("data")).expect("ln");
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-q", "-m", "data is a link"]);
    let o = run_in(&root, &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("error[E0006]: this is a symbolic link in the revision, not a regular file")
            && err.contains("HEAD:data:1:1"),
        "{err}"
    );
}

#[test]
fn a_large_blob_is_refused_from_its_listed_size_before_anything_is_written() {
    let root = repo("rev-large");
    std::fs::write(
        root.join("data/treatments/zeros.yaml"),
        vec![b'0'; 2 * 1024 * 1024],
    )
    .expect("w");
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-q", "-m", "a 2 MiB file"]);
    // BASE is the revision with the large file, and the temporary folder
    // does not exist: had anything been written (or a temporary folder made)
    // before the sizes were checked, the error would be that it cannot be.
    let no_tmp = fresh("rev-large-tmp").join("missing");
    let o = bin()
        .args(["diff", "HEAD", "HEAD~1"])
        .current_dir(&root)
        .env("TMPDIR", &no_tmp)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("error[E0007]: the file is 2097152 bytes, more than the 1048576 bytes a content file may hold")
            && err.contains("HEAD:data/treatments/zeros.yaml:1:1")
            && err.contains("it was not read (nothing of this revision was)")
            && err.contains("the content at BASE (HEAD ("),
        "{err}"
    );
    assert!(!err.contains("temporary folder"), "{err}");
    assert!(!no_tmp.exists());
    // The control: BASE without the large file is read into a temporary
    // folder, and so fails here for want of one.
    let o = bin()
        .args(["diff", "HEAD~1", "HEAD"])
        .current_dir(&root)
        .env("TMPDIR", &no_tmp)
        .output()
        .expect("run");
    assert!(
        stderr(&o).contains("could not create a temporary folder"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_broken_folder_side_is_located_in_its_folder() {
    let base = scratch("folder-base");
    let head = scratch("folder-broken");
    edit(&head, AMI, "kind: medicine", "kind: medecine");
    let o = run_in(tmp(), &["diff", s(&base), s(&head)]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "--> {}/data/treatments/amifampridine.yaml:",
            s(&head)
        )),
        "{err}"
    );
}
