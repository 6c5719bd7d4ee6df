//! How long `lems-content check` takes: over the real content, over a
//! generated tree with 100 times as many treatments, and over one file with
//! 1,000 and 10,000 problems (human output must stay linear in the number of
//! problems: it was quadratic, each diagnostic re-walking and re-rendering
//! the whole file).
//!
//! ```text
//! cargo bench -p lems-content --bench check
//! ```
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lems_treatments_build::Paths;

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// A copy of a treatment file with a new id and every name, synonym and brand
/// made unique (lookups must stay unambiguous), without codes or "used with".
fn renamed(text: &str, id: &str, n: usize) -> String {
    let mut out = String::new();
    let mut in_synonyms = false;
    let mut skipping = false;
    for line in text.lines() {
        if !line.starts_with(' ') && !line.starts_with('-') {
            in_synonyms = line.starts_with("synonyms:");
            // Codes name one treatment, and "used with" must be stated on both
            // sides: the copies carry neither.
            skipping = line.starts_with("codes:") || line.starts_with("used_with:");
        }
        if skipping {
            continue;
        }
        let line = if line.starts_with("id: ") {
            format!("id: {id}_copy_{n}")
        } else if let Some(rest) = line.split_once("name: \"") {
            format!("{}name: \"{n} {}", rest.0, rest.1)
        } else if in_synonyms && line.trim_start().starts_with("- \"") {
            line.replacen("- \"", &format!("- \"{n} "), 1)
        } else {
            line.to_string()
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn big_tree(repo: &Path, times: usize) -> std::io::Result<PathBuf> {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bench_x{times}"));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&repo.join("data"), &root.join("data"))?;
    let dir = root.join("data/treatments");
    let mut originals: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    originals.sort();
    for path in originals {
        let text = std::fs::read_to_string(&path)?;
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("x")
            .to_string();
        for n in 1..times {
            std::fs::write(
                dir.join(format!("{id}_copy_{n}.yaml")),
                renamed(&text, &id, n),
            )?;
        }
    }
    Ok(root)
}

fn measure(label: &str, paths: &Paths, runs: usize) {
    let (report, _) = lems_content::commands::check::check_human(paths);
    assert!(
        report.diagnostics.is_empty(),
        "{label}: {:?}",
        report.diagnostics.first()
    );
    let files = report.files.len();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let out = lems_content::commands::check::check_human(paths);
            std::hint::black_box(out);
            start.elapsed()
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "{label}: {files} files, median {:.1} ms, min {:.1} ms, max {:.1} ms over {runs} runs",
        median.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );
}

/// The real content with `problems` unknown fields added to one treatment.
fn many_problems_tree(repo: &Path, problems: usize) -> std::io::Result<PathBuf> {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bench_problems_{problems}"));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&repo.join("data"), &root.join("data"))?;
    let file = root.join("data/treatments/pyridostigmine.yaml");
    let mut text = std::fs::read_to_string(&file)?;
    for i in 0..problems {
        text.push_str(&format!("bad_key_{i}: x\n"));
    }
    std::fs::write(&file, text)?;
    Ok(root)
}

fn measure_problems(repo: &Path, problems: usize, runs: usize) -> std::io::Result<()> {
    let root = many_problems_tree(repo, problems)?;
    let mut paths = Paths::under(&root);
    paths.schema = repo.join("schema");
    let (report, text) = lems_content::commands::check::check_human(&paths);
    assert!(!report.diagnostics.is_empty());
    let time = |f: &dyn Fn()| {
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect();
        times.sort();
        times[times.len() / 2]
    };
    let human = time(&|| {
        std::hint::black_box(lems_content::commands::check::check_human(&paths));
    });
    let json = time(&|| {
        let report =
            lems_treatments_build::load(&paths, lems_treatments_build::SchemaCheck::Validate);
        std::hint::black_box(lems_content::diagnostics::json(&report));
    });
    let render_only = time(&|| {
        std::hint::black_box(lems_content::diagnostics::human(&paths, &report, false));
    });
    println!(
        "check, one file with {problems} problems: human {:.1} ms (rendering alone {:.2} ms, {} bytes of output), json {:.1} ms, median of {runs}",
        human.as_secs_f64() * 1e3,
        render_only.as_secs_f64() * 1e3,
        text.len(),
        json.as_secs_f64() * 1e3,
    );
    Ok(())
}

fn main() -> std::io::Result<()> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    measure("check, real content", &Paths::under(&repo), 30);
    let big = big_tree(&repo, 100)?;
    let mut paths = Paths::under(&big);
    paths.schema = repo.join("schema");
    measure("check, 100x treatments", &paths, 5);
    measure_problems(&repo, 1_000, 5)?;
    measure_problems(&repo, 10_000, 5)?;
    Ok(())
}
