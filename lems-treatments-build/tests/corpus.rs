//! The broken-content corpus (`tests/corpus/` at the repository root): every
//! case must fail with located, one-line build errors, and nothing may panic.

mod common;

use lems_treatments_build::{run, SchemaCheck};

fn build_lines(root: &std::path::Path, check: SchemaCheck) -> Vec<String> {
    let out = root.join("out");
    std::fs::create_dir_all(&out).expect("out dir");
    let lines = std::panic::catch_unwind(|| run(root, &out, check))
        .unwrap_or_else(|_| panic!("build script panicked for {}", root.display()));
    lines
        .into_iter()
        .filter(|l| !l.starts_with("cargo::rerun-if-changed="))
        .collect()
}

#[test]
fn every_case_fails_with_located_one_line_errors_and_no_panic() {
    let cases = common::corpus_cases();
    assert!(
        cases.len() >= 30,
        "the corpus holds at least 30 cases, found {}",
        cases.len()
    );
    for case in cases {
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("case")
            .to_string();
        let root = common::materialise(&case, &name);
        let lines = build_lines(&root, SchemaCheck::Validate);
        assert!(lines.len() >= 2, "{name}: expected errors, got {lines:?}");
        let (last, errors) = lines.split_last().expect("non-empty");
        assert!(
            last.contains("lems-content -- check"),
            "{name}: ends with the hint"
        );
        for line in errors {
            let rest = line
                .strip_prefix("cargo::error=")
                .unwrap_or_else(|| panic!("{name}: {line}"));
            assert!(!rest.contains('\n'));
            // data/…:LINE:COL: message
            let mut parts = rest.splitn(4, ':');
            let file = parts.next().unwrap_or("");
            let line_no: usize = parts
                .next()
                .and_then(|p| p.parse().ok())
                .unwrap_or_else(|| panic!("{name}: no line in {rest}"));
            let col: usize = parts
                .next()
                .and_then(|p| p.parse().ok())
                .unwrap_or_else(|| panic!("{name}: no column in {rest}"));
            assert!(
                file.starts_with("data/") || file.starts_with("schema/"),
                "{name}: {file}"
            );
            assert!(line_no >= 1 && col >= 1);
        }
        insta::assert_snapshot!(format!("build__{name}"), errors.join("\n"));
        // Without the schema pass the content must still be refused.
        let lines = build_lines(&root, SchemaCheck::Skip);
        assert!(
            lines.iter().any(|l| l.starts_with("cargo::error=")),
            "{name}: accepted without the schema pass"
        );
    }
}

#[test]
fn a_very_large_file_is_refused_before_parsing() {
    let case = common::repo_root().join("tests/corpus/empty_file");
    let root = common::materialise(&case, "very_large_file");
    let big = format!(
        "id: pyridostigmine\nname: \"{}\"\n",
        "a".repeat(2 * 1024 * 1024)
    );
    std::fs::write(root.join("data/treatments/pyridostigmine.yaml"), big).expect("write");
    let lines = build_lines(&root, SchemaCheck::Validate);
    assert!(
        lines[0].contains("data/treatments/pyridostigmine.yaml:1:1: the file is 2097180 bytes"),
        "{lines:?}"
    );
}

#[test]
fn the_real_content_is_clean() {
    let report = lems_treatments_build::load(
        &lems_treatments_build::Paths::under(&common::repo_root()),
        SchemaCheck::Validate,
    );
    assert_eq!(
        report.diagnostics,
        vec![],
        "the committed content must be clean"
    );
    let content = report.content.expect("content");
    assert!(!content.treatments.is_empty());
}

#[test]
fn generated_code_is_identical_with_and_without_the_schema_pass() {
    let paths = lems_treatments_build::Paths::under(&common::repo_root());
    let a = lems_treatments_build::generate(&paths, SchemaCheck::Validate).expect("valid");
    let b = lems_treatments_build::generate(&paths, SchemaCheck::Skip).expect("valid");
    assert_eq!(a, b);
    // Deterministic: the same bytes twice.
    assert_eq!(
        a,
        lems_treatments_build::generate(&paths, SchemaCheck::Validate).expect("valid")
    );
}

#[test]
fn schema_cases_are_reported_as_schema_problems() {
    use lems_treatments_build::Code;
    let list = std::fs::read_to_string(common::repo_root().join("tests/corpus/SCHEMA_CASES"))
        .expect("SCHEMA_CASES");
    let names: Vec<&str> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert!(names.len() >= 10);
    for name in names {
        let case = common::repo_root().join("tests/corpus").join(name);
        assert!(case.is_dir(), "{name} is listed but not in the corpus");
        let root = common::materialise(&case, &format!("schema_{name}"));
        let report = lems_treatments_build::load(
            &lems_treatments_build::Paths::under(&root),
            SchemaCheck::Validate,
        );
        assert!(
            report.diagnostics.iter().any(|d| matches!(
                d.code,
                Code::UnknownField
                    | Code::MissingField
                    | Code::WrongType
                    | Code::InvalidValue
                    | Code::UnusableText
            )),
            "{name}: {:?}",
            report.diagnostics
        );
    }
}

#[test]
fn without_the_schema_pass_model_errors_are_located_at_the_value() {
    for (case, file, line, col) in [
        (
            "id_with_a_space",
            "data/treatments/speech_therapy.yaml",
            2,
            5,
        ),
        (
            "impossible_partial_date",
            "data/treatments/amifampridine.yaml",
            26,
            11,
        ),
    ] {
        let root = common::materialise(
            &common::repo_root().join("tests/corpus").join(case),
            &format!("skip_{case}"),
        );
        let report = lems_treatments_build::load(
            &lems_treatments_build::Paths::under(&root),
            SchemaCheck::Skip,
        );
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.file == file)
            .unwrap_or_else(|| panic!("{case}: {:?}", report.diagnostics));
        assert_eq!((d.start.line, d.start.column), (line, col), "{case}: {d:?}");
        assert!(
            !d.message.starts_with("the file does not fit"),
            "{case}: {d:?}"
        );
    }
}

#[test]
fn the_whole_tree_is_bounded_in_files() {
    let case = common::repo_root().join("tests/corpus/empty_file");
    let root = common::materialise(&case, "too_many_files");
    let dir = root.join("data/sources");
    for i in 0..lems_treatments_build::load::MAX_TREE_FILES {
        std::fs::write(dir.join(format!("s{i}.yaml")), "x: 1\n").expect("write");
    }
    let report = lems_treatments_build::load(
        &lems_treatments_build::Paths::under(&root),
        SchemaCheck::Skip,
    );
    let over: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == lems_treatments_build::Code::TooLarge)
        .collect();
    assert_eq!(over.len(), 1, "reported once");
    assert!(
        over[0].message.contains(&format!(
            "more than {} files",
            lems_treatments_build::load::MAX_TREE_FILES
        )) && over[0].file.starts_with("data/"),
        "{:?}",
        over[0]
    );
}

/// The list of cross-file rules, the error-code table in EDITING.md and the
/// corpus line up: every rule's codes are documented, and some corpus case
/// breaks every rule.
#[test]
fn rules_line_up_with_the_docs_and_the_corpus() {
    use lems_treatments_build::rules::RULES;
    let editing =
        std::fs::read_to_string(common::repo_root().join("EDITING.md")).expect("EDITING.md");
    for rule in RULES {
        assert!(!rule.codes.is_empty(), "{}", rule.name);
        for code in rule.codes {
            assert!(
                editing.contains(&format!("| `{}` |", code.as_str())),
                "{}: {} is not in EDITING.md's error-code table",
                rule.name,
                code.as_str()
            );
        }
    }
    let mut broken = std::collections::BTreeSet::new();
    for case in common::corpus_cases() {
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("case")
            .to_string();
        let root = common::materialise(&case, &format!("rules_{name}"));
        // With the schema pass, and without it (where the rules are the last line).
        for check in [SchemaCheck::Validate, SchemaCheck::Skip] {
            let report =
                lems_treatments_build::load(&lems_treatments_build::Paths::under(&root), check);
            broken.extend(report.rules_broken);
        }
    }
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.name)
        .filter(|n| !broken.contains(n))
        .collect();
    assert!(
        missing.is_empty(),
        "no corpus case breaks these rules: {missing:?}"
    );
}
