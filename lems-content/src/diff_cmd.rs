//! `lems-content diff`: the semantic content diff between two git revisions or
//! content folders, its renderers (human, JSON, Markdown) and `--check-version`.
//!
//! The comparison and the policy table live in
//! [`lems_treatments_build::diff`]; this module finds and loads the two sides
//! and prints a [`DiffReport`], plain serializable data any renderer can use.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use clap::{Args, ValueEnum};
use lems_treatments_build::diff::{diff, ContentDiff, EntityDiff, FieldChange, Level, Op, PieceOp};
use lems_treatments_build::{load, Content, Paths, SchemaCheck};
use serde::Serialize;

/// The arguments of `lems-content diff`.
#[derive(Args, Debug, Clone)]
pub struct DiffArgs {
    /// BASE: a git revision or a folder holding data/. Default: the merge base with `main`.
    pub base: Option<String>,
    /// HEAD: a git revision or a folder holding data/. Default: the working tree.
    pub head: Option<String>,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// With `--format html`: the folder to write the site into. Default: target/site
    /// in the repository (or the current folder outside one). Refused with
    /// other formats, which print to standard output.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Fail (exit 1) when Cargo.toml's version bump since BASE is smaller than the change needs.
    #[arg(long)]
    pub check_version: bool,
}

/// How to print the diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// For people at a terminal.
    Human,
    /// One JSON document, for CI and bots.
    Json,
    /// Markdown, for a pull-request comment.
    Markdown,
    /// A static site (HEAD's guide with diff.html and the changed pages marked), written to --out.
    Html,
}

/// Everything `diff` reports: the two sides, the diff and the version check.
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    /// What BASE was (a revision or a folder).
    pub base: String,
    /// What HEAD was.
    pub head: String,
    /// The crate version at BASE (`[package] version` of Cargo.toml), when found.
    pub base_version: Option<String>,
    /// The crate version at HEAD, when found.
    pub head_version: Option<String>,
    /// The semantic diff.
    pub diff: ContentDiff,
    /// How semver levels map to a version while it is 0.x.
    pub zero_x_rule: &'static str,
    /// The `--check-version` verdict, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_check: Option<VersionCheck>,
}

/// What Cargo makes of 0.x versions, as this tool applies it.
pub const ZERO_X_RULE: &str = "while the version is 0.x, Cargo treats 0.x → 0.(x+1) as breaking: a major change needs the x bump (0.1.0 → 0.2.0), a minor or patch change a bump of the last number (0.1.0 → 0.1.1); at 0.0.z every bump is breaking";

/// The verdict of `--check-version`.
#[derive(Debug, Clone, Serialize)]
pub struct VersionCheck {
    /// Whether the bump is big enough.
    pub ok: bool,
    /// The release the content change needs (`None`: nothing changed).
    pub needed: Option<Level>,
    /// What the version bump is under Cargo's rules (`None`: no increase).
    pub bump: Option<Level>,
    /// The smallest version at HEAD that would pass.
    pub minimum: Option<String>,
    /// The verdict in words.
    pub message: String,
}

/// A `MAJOR.MINOR.PATCH` version (pre-release and build metadata ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    /// The first number.
    pub major: u64,
    /// The second number.
    pub minor: u64,
    /// The third number.
    pub patch: u64,
}

impl Version {
    /// Parses `1.2.3` (also `1.2.3-rc.1+build`, whose suffix is ignored).
    pub fn parse(s: &str) -> Option<Version> {
        let core = s.trim().split(['-', '+']).next()?;
        let mut it = core.split('.').map(|n| n.parse::<u64>().ok());
        let v = Version {
            major: it.next()??,
            minor: it.next()??,
            patch: it.next()??,
        };
        it.next().is_none().then_some(v)
    }

    /// What the step from `self` to `head` is under Cargo's rules (`None`: no increase).
    pub fn bump_to(self, head: Version) -> Option<Level> {
        if head <= self {
            None
        } else if head.major != self.major {
            Some(Level::Major)
        } else if self.major == 0 {
            // 0.x: x is the breaking number; 0.0.z: every bump breaks.
            if head.minor != self.minor || self.minor == 0 {
                Some(Level::Major)
            } else {
                Some(Level::Minor)
            }
        } else if head.minor != self.minor {
            Some(Level::Minor)
        } else {
            Some(Level::Patch)
        }
    }

    /// The smallest version after `self` that a change of `level` needs.
    pub fn minimum_for(self, level: Level) -> Version {
        let Version {
            major,
            minor,
            patch,
        } = self;
        let v = |major, minor, patch| Version {
            major,
            minor,
            patch,
        };
        match (major, minor, level) {
            (0, 0, _) => v(0, 0, patch + 1),
            (0, _, Level::Major) => v(0, minor + 1, 0),
            (0, _, _) => v(0, minor, patch + 1),
            (_, _, Level::Major) => v(major + 1, 0, 0),
            (_, _, Level::Minor) => v(major, minor + 1, 0),
            (_, _, Level::Patch) => v(major, minor, patch + 1),
        }
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// `[package] version` of a Cargo.toml's text.
pub fn package_version(manifest: &str) -> Option<String> {
    let mut in_package = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package {
            if let Some((k, v)) = line.split_once('=') {
                if k.trim() == "version" {
                    return Some(v.trim().trim_matches('"').to_string());
                }
            }
        }
    }
    None
}

/// The `--check-version` verdict for a content diff and the two versions.
pub fn check_version(diff: &ContentDiff, base: &str, head: &str) -> Result<VersionCheck, String> {
    let b = Version::parse(base)
        .ok_or_else(|| format!("the version at BASE, `{base}`, is not MAJOR.MINOR.PATCH"))?;
    let h = Version::parse(head)
        .ok_or_else(|| format!("the version at HEAD, `{head}`, is not MAJOR.MINOR.PATCH"))?;
    let needed = diff.level();
    let bump = b.bump_to(h);
    let (ok, minimum, message) = match (&diff.decision, needed) {
        (Some(d), Some(level)) => {
            let min = b.minimum_for(level);
            let ok = bump.is_some_and(|x| x >= level);
            let rule = format!("rule {}: {}", d.rule.id.name(), d.rule.id.change_plain());
            let message = if ok {
                format!("version {b} → {h} is enough for a {level} change ({rule})")
            } else {
                format!(
                    "the content change needs a {level} release ({rule}; {}), but Cargo.toml's version went {b} → {h}{}; use at least {min} ({ZERO_X_RULE})",
                    d.because,
                    bump.map_or_else(|| ", no increase".to_string(), |x| format!(", a {x} bump under Cargo's rules")),
                )
            };
            (ok, Some(min.to_string()), message)
        }
        _ => (
            true,
            None,
            format!("no content change: version {b} → {h} needs no bump"),
        ),
    };
    Ok(VersionCheck {
        ok,
        needed,
        bump,
        minimum,
        message,
    })
}

/// One loaded side: its label, version and content (kept alive with its temporary folder).
struct Side {
    label: String,
    version: Option<String>,
    content: Content,
    _tmp: Option<tempfile::TempDir>,
}

/// An error that ends the command with exit code 2.
struct Fatal(String);

fn git(args: &[&str]) -> Result<String, String> {
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

fn toplevel() -> Result<PathBuf, Fatal> {
    git(&["rev-parse", "--show-toplevel"])
        .map(PathBuf::from)
        .map_err(|e| {
            Fatal(format!(
                "not inside a git repository ({e}); pass two content folders instead"
            ))
        })
}

fn load_side(which: &str, arg: Option<&str>) -> Result<Side, Fatal> {
    match arg {
        Some(a) if Path::new(a).join("data").is_dir() => load_folder(which, a, Path::new(a), None),
        Some(rev) => load_rev(which, rev, rev),
        None if which == "BASE" => {
            toplevel()?;
            let base = git(&["merge-base", "main", "HEAD"]).map_err(|e| {
                Fatal(format!(
                    "could not find the merge base with `main` ({e}); pass BASE explicitly"
                ))
            })?;
            load_rev(
                which,
                &base,
                &format!("merge base with main ({})", short(&base)),
            )
        }
        None => {
            let root = toplevel()?;
            load_folder(which, "working tree", &root, None)
        }
    }
}

fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

fn load_rev(which: &str, rev: &str, label: &str) -> Result<Side, Fatal> {
    toplevel()?;
    let sha = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ])
    .ok()
    .filter(|s| !s.is_empty())
    .ok_or_else(|| {
        Fatal(format!(
            "{which} `{rev}` is neither a content folder (holding data/) nor a git revision"
        ))
    })?;
    let tmp = tempfile::Builder::new()
        .prefix("lems-content-diff-")
        .tempdir()
        .map_err(|e| Fatal(format!("could not create a temporary folder: {e}")))?;
    // `schema` may be missing at old revisions: then extract `data` alone.
    extract(&sha, &["data", "schema"], tmp.path())
        .or_else(|_| extract(&sha, &["data"], tmp.path()))
        .map_err(|e| Fatal(format!("could not extract data/ at {which} `{rev}`: {e}")))?;
    let manifest = git(&["show", &format!("{sha}:Cargo.toml")]).ok();
    let label = if label == rev {
        format!("{rev} ({})", short(&sha))
    } else {
        label.to_string()
    };
    let mut side = load_folder(which, &label, tmp.path(), manifest)?;
    side._tmp = Some(tmp);
    Ok(side)
}

/// `git archive <sha> <paths> | tar -x -C <dir>`.
fn extract(sha: &str, paths: &[&str], dir: &Path) -> Result<(), String> {
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

fn load_folder(
    which: &str,
    label: &str,
    root: &Path,
    manifest: Option<String>,
) -> Result<Side, Fatal> {
    let paths = Paths::under(root);
    // Content without schemas of its own is still read into the model and cross-checked.
    let check = if paths.schema.is_dir() {
        SchemaCheck::Validate
    } else {
        SchemaCheck::Skip
    };
    let report = load(&paths, check);
    let n = report.diagnostics.len();
    let Some(content) = report.content.filter(|_| n == 0) else {
        return Err(Fatal(format!(
            "the content at {which} ({label}) is broken: {n} problem{}; run `lems-content check` on it",
            if n == 1 { "" } else { "s" }
        )));
    };
    let manifest = manifest.or_else(|| std::fs::read_to_string(root.join("Cargo.toml")).ok());
    Ok(Side {
        label: label.to_string(),
        version: manifest.as_deref().and_then(package_version),
        content,
        _tmp: None,
    })
}

/// The checked content of both sides.
struct Contents {
    base: Content,
    head: Content,
}

/// Builds the report for two sides given as on the command line, with both contents.
fn report(args: &DiffArgs) -> Result<(DiffReport, Contents), Fatal> {
    let base = load_side("BASE", args.base.as_deref())?;
    let head = load_side("HEAD", args.head.as_deref())?;
    let d = diff(&base.content, &head.content);
    let version_check = if args.check_version {
        let (Some(b), Some(h)) = (&base.version, &head.version) else {
            return Err(Fatal(
                "--check-version needs `[package] version` in Cargo.toml at BASE and at HEAD"
                    .into(),
            ));
        };
        Some(check_version(&d, b, h).map_err(Fatal)?)
    } else {
        None
    };
    let r = DiffReport {
        base: base.label,
        head: head.label,
        base_version: base.version,
        head_version: head.version,
        diff: d,
        zero_x_rule: ZERO_X_RULE,
        version_check,
    };
    let contents = Contents {
        base: base.content,
        head: head.content,
    };
    Ok((r, contents))
}

/// Where `--format html` writes when `--out` is not given: `target/site` in
/// the repository, or in the current folder outside one.
fn default_out() -> PathBuf {
    toplevel()
        .map(|t| t.join("target"))
        .unwrap_or_else(|_| PathBuf::from("target"))
        .join("site")
}

/// Runs `lems-content diff`: 0 when done, 1 when `--check-version` fails, 2 on errors.
pub fn run(args: &DiffArgs) -> ExitCode {
    if let (Some(out), false) = (&args.out, args.format == DiffFormat::Html) {
        return crate::site::refuse_out_for_printed_format(&args.format, out);
    }
    let (r, contents) = match report(args) {
        Ok(r) => r,
        Err(Fatal(message)) => {
            eprintln!("error: {}", visible(&message));
            return ExitCode::from(2);
        }
    };
    let text = match args.format {
        DiffFormat::Human => human(&r),
        DiffFormat::Json => json(&r),
        DiffFormat::Markdown => markdown(&r),
        DiffFormat::Html => {
            let out = args.out.clone().unwrap_or_else(default_out);
            let site = crate::site::diff_site(&contents.base, &contents.head, &r);
            if let Err(e) = crate::site::write(&out, &site) {
                eprintln!("error: {}", visible(&e));
                return ExitCode::from(2);
            }
            format!(
                "wrote {} files to {}; open {}\n",
                site.len(),
                visible(&out.display().to_string()),
                visible(&out.join("diff.html").display().to_string())
            )
        }
    };
    print!("{text}");
    match &r.version_check {
        Some(v) if !v.ok => {
            eprintln!("error: {}", visible(&v.message));
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// Makes control, C1 and bidi characters visible (`\n`, `\u{1b}`, `\u{202e}`).
pub fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let hidden = c < '\u{20}'
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        if !hidden {
            out.push(c);
        } else if matches!(c, '\n' | '\t' | '\r') {
            out.extend(c.escape_debug());
        } else {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        }
    }
    out
}

/// The report as one JSON document.
pub fn json(r: &DiffReport) -> String {
    let mut s = serde_json::to_string_pretty(r)
        .unwrap_or_else(|e| format!("{{\"error\": \"could not serialise: {e}\"}}"));
    s.push('\n');
    s
}

fn rule_tag(c: &FieldChange) -> String {
    let mut s = format!("{}, {}", c.level, c.rule.name());
    if c.rule.changelog() {
        s.push_str(", CHANGELOG.md");
    }
    s
}

fn words_plain(c: &FieldChange) -> String {
    c.words
        .iter()
        .map(|p| match p.op {
            PieceOp::Equal => visible(&p.text),
            PieceOp::Delete => format!("[-{}-]", visible(&p.text)),
            PieceOp::Insert => format!("{{+{}+}}", visible(&p.text)),
        })
        .collect()
}

fn value_plain(c: &FieldChange) -> String {
    match (c.op, &c.before, &c.after) {
        (Op::Added, _, Some(a)) => format!("added \"{}\"", visible(a)),
        (Op::Removed, Some(b), _) => format!("removed \"{}\"", visible(b)),
        (_, Some(b), Some(a)) if c.words.is_empty() => {
            format!("changed \"{}\" → \"{}\"", visible(b), visible(a))
        }
        _ => "changed".to_string(),
    }
}

fn entity_title(e: &EntityDiff) -> String {
    format!("{} {} ({})", e.kind.as_str(), e.id, e.op.as_str())
}

/// Whether Cargo's 0.x rule applies: the version at BASE is 0.x (or unknown).
pub(crate) fn zero_x(r: &DiffReport) -> bool {
    r.base_version
        .as_deref()
        .and_then(Version::parse)
        .is_none_or(|v| v.major == 0)
}

/// The report for people at a terminal.
pub fn human(r: &DiffReport) -> String {
    let mut out = format!(
        "content diff: {} → {}\n",
        visible(&r.base),
        visible(&r.head)
    );
    let d = &r.diff;
    for e in &d.entities {
        out.push_str(&format!("\n{}\n", entity_title(e)));
        for c in &e.changes {
            out.push_str(&format!(
                "  {}: {} [{}]",
                visible(&c.field),
                value_plain(c),
                rule_tag(c)
            ));
            if let Some(n) = &c.note {
                out.push_str(&format!(" — {}", visible(n)));
            }
            if c.clinical {
                out.push_str(" (clinical review)");
            }
            out.push('\n');
            if !c.words.is_empty() {
                out.push_str(&format!("    {}\n", words_plain(c)));
            }
        }
    }
    if !d.clinical_review.is_empty() {
        out.push_str(&format!(
            "\nclinical review ({}):\n",
            d.clinical_review.len()
        ));
        for f in &d.clinical_review {
            out.push_str(&format!(
                "  - {} {}: {}\n",
                f.kind.as_str(),
                f.id,
                visible(&f.what)
            ));
        }
    }
    out.push('\n');
    match &d.decision {
        None => out.push_str("no content changes: no release needed\n"),
        Some(dec) => {
            out.push_str(&format!(
                "release needed: {} (rule {}: {})\n",
                dec.level,
                dec.rule.id.name(),
                dec.rule.id.change_plain()
            ));
            out.push_str(&format!("  decided by: {}\n", visible(&dec.because)));
            if d.changelog_required {
                out.push_str("  call the caution or class changes out in CHANGELOG.md\n");
            }
            if zero_x(r) {
                out.push_str(&format!("  semver: {ZERO_X_RULE}\n"));
            }
        }
    }
    if let Some(v) = &r.version_check {
        out.push_str(&format!(
            "version check: {}: {}\n",
            if v.ok { "ok" } else { "FAILED" },
            visible(&v.message)
        ));
    }
    out
}

/// Escapes Markdown punctuation (and makes hidden characters visible).
pub fn md(s: &str) -> String {
    let mut out = String::new();
    for c in visible(s).chars() {
        if "\\`*_[]<>|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn words_md(c: &FieldChange) -> String {
    c.words
        .iter()
        .map(|p| {
            let t = md(&p.text);
            let (lead, core, trail) = split_space(&t);
            match p.op {
                PieceOp::Equal => t.clone(),
                _ if core.is_empty() => t.clone(),
                PieceOp::Delete => format!("{lead}~~{core}~~{trail}"),
                PieceOp::Insert => format!("{lead}**{core}**{trail}"),
            }
        })
        .collect()
}

/// Emphasis markers must touch the words: keep surrounding spaces outside.
fn split_space(s: &str) -> (&str, &str, &str) {
    let core = s.trim();
    let lead = &s[..s.len() - s.trim_start().len()];
    let trail = &s[s.trim_end().len()..];
    (lead, core, trail)
}

fn value_md(c: &FieldChange) -> String {
    match (c.op, &c.before, &c.after) {
        (Op::Added, _, Some(a)) => format!("added: {}", md(a)),
        (Op::Removed, Some(b), _) => format!("removed: {}", md(b)),
        _ if !c.words.is_empty() => format!("changed: {}", words_md(c)),
        (_, Some(b), Some(a)) => format!("changed: {} → {}", md(b), md(a)),
        _ => "changed".to_string(),
    }
}

/// The report as a pull-request comment.
pub fn markdown(r: &DiffReport) -> String {
    let d = &r.diff;
    let mut out = format!("## Content diff\n\n{} → {}\n\n", md(&r.base), md(&r.head));
    match &d.decision {
        None => out.push_str("**No content changes: no release needed.**\n"),
        Some(dec) => {
            out.push_str(&format!(
                "**Release needed: {}** (rule `{}`: {})\n\n",
                dec.level,
                dec.rule.id.name(),
                dec.rule.id.change()
            ));
            out.push_str(&format!("Decided by: {}.\n\n", md(&dec.because)));
            if d.changelog_required {
                out.push_str("Call the caution or class changes out in `CHANGELOG.md`.\n\n");
            }
            if zero_x(r) {
                out.push_str(&format!("Semver: {}.\n", md(ZERO_X_RULE)));
            }
        }
    }
    if let Some(v) = &r.version_check {
        out.push_str(&format!(
            "\n**Version check: {}**: {}\n",
            if v.ok { "ok" } else { "failed" },
            md(&v.message)
        ));
    }
    if !d.clinical_review.is_empty() {
        out.push_str(&format!(
            "\n### Clinical review ({})\n\n",
            d.clinical_review.len()
        ));
        for f in &d.clinical_review {
            out.push_str(&format!(
                "- [ ] {} `{}`: {}\n",
                f.kind.as_str(),
                f.id,
                md(&f.what)
            ));
        }
    }
    for e in &d.entities {
        out.push_str(&format!(
            "\n### {} `{}` ({})\n\n",
            capitalise(e.kind.as_str()),
            e.id,
            e.op.as_str()
        ));
        for c in &e.changes {
            out.push_str(&format!(
                "- **{}** {} — {}, `{}`{}",
                md(&c.field),
                value_md(c),
                c.level,
                c.rule.name(),
                if c.rule.changelog() {
                    ", called out in `CHANGELOG.md`"
                } else {
                    ""
                }
            ));
            if let Some(n) = &c.note {
                out.push_str(&format!(" ({})", md(n)));
            }
            if c.clinical {
                out.push_str(" — **clinical review**");
            }
            out.push('\n');
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_and_bump_under_cargo_rules() {
        let v = |s| Version::parse(s).unwrap();
        assert_eq!(Version::parse("1.2"), None);
        assert_eq!(Version::parse("1.2.3.4"), None);
        assert_eq!(v("1.2.3-rc.1+b"), v("1.2.3"));
        assert_eq!(v("0.1.0").bump_to(v("0.2.0")), Some(Level::Major));
        assert_eq!(v("0.1.0").bump_to(v("0.1.1")), Some(Level::Minor));
        assert_eq!(v("0.0.1").bump_to(v("0.0.2")), Some(Level::Major));
        assert_eq!(v("1.0.0").bump_to(v("1.0.1")), Some(Level::Patch));
        assert_eq!(v("1.0.0").bump_to(v("1.1.0")), Some(Level::Minor));
        assert_eq!(v("1.4.2").bump_to(v("2.0.0")), Some(Level::Major));
        assert_eq!(v("0.1.0").bump_to(v("0.1.0")), None);
        assert_eq!(v("0.2.0").bump_to(v("0.1.9")), None);
        assert_eq!(v("0.1.3").minimum_for(Level::Major), v("0.2.0"));
        assert_eq!(v("0.1.3").minimum_for(Level::Patch), v("0.1.4"));
        assert_eq!(v("1.1.3").minimum_for(Level::Minor), v("1.2.0"));
    }

    #[test]
    fn package_version_reads_only_the_package_table() {
        let m = "[workspace]\nversion = \"9.9.9\"\n[package]\nname = \"x\"\nversion = \"0.1.0\"\n";
        assert_eq!(package_version(m).as_deref(), Some("0.1.0"));
        assert_eq!(package_version("[dependencies]\nversion = \"1\""), None);
    }

    #[test]
    fn hidden_characters_are_made_visible() {
        assert_eq!(visible("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(
            visible("x\u{202e}y\u{2066}\u{85}\n"),
            "x\\u{202e}y\\u{2066}\\u{85}\\n"
        );
        assert_eq!(visible("é ok"), "é ok");
    }
}
