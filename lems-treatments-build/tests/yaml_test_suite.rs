//! The official YAML test suite (a peer's suite, read in place from
//! `../shared/peer-suites/yaml-test-suite/`): the loader never panics or hangs,
//! rejects every invalid case with a located error, and for every case it
//! accepts gives exactly the value in `in.json`. Cases it refuses on purpose
//! (several documents, tags, non-text keys, empty documents, …) get a located
//! error, never different data.

mod common;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use lems_treatments_build::read::yaml::load_bytes;
use lems_treatments_build::{Code, Diagnostic};
use serde_json::Value;

fn suite_dir() -> PathBuf {
    common::repo_root().join("../shared/peer-suites/yaml-test-suite")
}

/// Every folder holding an `in.yaml`, sorted.
fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else if p.file_name().is_some_and(|n| n == "in.yaml") {
                out.push(d.clone());
            }
        }
    }
    out.sort();
    out
}

/// Numbers compare by value (`1` equals `1.0`); everything else structurally.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

type Outcome = (Option<Value>, Vec<Diagnostic>);

/// Loads with a time limit, in a thread, so that a hang or a panic is caught.
fn load_guarded(bytes: Vec<u8>) -> Result<Outcome, &'static str> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let result = std::panic::catch_unwind(|| {
            let (doc, diags) = load_bytes("in.yaml", &bytes);
            (doc.map(|d| d.value), diags)
        });
        let _ = tx.send(result);
    });
    match rx.recv_timeout(Duration::from_secs(10)) {
        Ok(Ok(outcome)) => Ok(outcome),
        Ok(Err(_)) => Err("panicked"),
        Err(_) => Err("hung (more than 10 s)"),
    }
}

#[test]
fn the_loader_against_the_official_yaml_test_suite() {
    let dir = suite_dir();
    if !dir.is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must provide {}",
            dir.display()
        );
        eprintln!("skipped: {} is not here", dir.display());
        return;
    }
    let cases = cases(&dir);
    assert!(
        cases.len() >= 300,
        "expected the whole suite, found {} cases",
        cases.len()
    );
    let (
        mut equal,
        mut refused_on_purpose,
        mut refused_by_parser,
        mut rejected_invalid,
        mut no_json_ok,
    ) = (0, 0, 0, 0, 0);
    let mut wrong: Vec<String> = Vec::new();
    for case in &cases {
        let name = case
            .strip_prefix(&dir)
            .unwrap_or(case)
            .display()
            .to_string();
        let bytes = std::fs::read(case.join("in.yaml")).expect("in.yaml");
        let outcome = match load_guarded(bytes) {
            Ok(o) => o,
            Err(why) => {
                wrong.push(format!("{name}: {why}"));
                continue;
            }
        };
        let located = |diags: &[Diagnostic]| {
            !diags.is_empty()
                && diags
                    .iter()
                    .all(|d| d.start.line >= 1 && d.start.column >= 1)
        };
        if case.join("error").exists() {
            match outcome {
                (None, diags) if located(&diags) => rejected_invalid += 1,
                (Some(v), _) => wrong.push(format!("{name}: invalid YAML accepted as {v}")),
                (None, _) => wrong.push(format!("{name}: rejected without a located error")),
            }
            continue;
        }
        let Ok(json) = std::fs::read_to_string(case.join("in.json")) else {
            // Valid YAML with no JSON form: only "no panic, no hang" applies.
            no_json_ok += 1;
            continue;
        };
        let expected: Vec<Value> = serde_json::Deserializer::from_str(&json)
            .into_iter::<Value>()
            .filter_map(Result::ok)
            .collect();
        match outcome {
            (Some(v), diags) if diags.is_empty() => {
                if expected.len() == 1 && same(&v, &expected[0]) {
                    equal += 1;
                } else {
                    wrong.push(format!("{name}: loaded {v}, expected {expected:?}"));
                }
            }
            (_, diags) if located(&diags) => {
                if diags.iter().any(|d| d.code == Code::YamlSyntax) {
                    refused_by_parser += 1;
                } else {
                    refused_on_purpose += 1;
                }
            }
            (_, diags) => wrong.push(format!(
                "{name}: refused without a located error: {diags:?}"
            )),
        }
    }
    eprintln!(
        "yaml-test-suite: {} cases; accepted and equal to in.json: {equal}; refused on purpose with a located error: {refused_on_purpose}; \
         valid but refused by the parser with a located error: {refused_by_parser}; invalid and rejected with a located error: {rejected_invalid}; \
         valid without in.json (no panic, no hang): {no_json_ok}; wrong: {}",
        cases.len(),
        wrong.len()
    );
    assert!(wrong.is_empty(), "wrong results:\n{}", wrong.join("\n"));
}
