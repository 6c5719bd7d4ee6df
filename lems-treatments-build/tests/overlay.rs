//! `load_with_overlay`: an editor's buffers replace files' bytes for one load
//! (same walk, budgets and rules), on the tests' own content. Nothing is written.

mod common;

use lems_treatments_build::{load, load_with_overlay, Code, Overlay, SchemaCheck};

fn codes_of(report: &lems_treatments_build::Report, file: &str) -> Vec<Code> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.file == file)
        .map(|d| d.code)
        .collect()
}

#[test]
fn buffers_replace_files_for_one_load_only() {
    let paths = common::fixture_paths();
    let plain = load(&paths, SchemaCheck::Validate);
    assert!(plain.diagnostics.is_empty(), "{:#?}", plain.diagnostics);
    let empty = load_with_overlay(&paths, SchemaCheck::Validate, &Overlay::new());
    assert!(empty.diagnostics.is_empty());
    assert_eq!(empty.files, plain.files);

    let path = paths.data.join("treatments/amifampridine.yaml");
    let on_disk = std::fs::read_to_string(&path).expect("fixture file");
    let typo = on_disk.replacen(
        "potassium_channel_blockade\n",
        "potassium_channel_blockad\n",
        1,
    );
    assert_ne!(typo, on_disk);
    let mut overlay = Overlay::new();
    overlay.insert(path.clone(), typo.clone().into_bytes());
    // Buffers where the walk finds no file are not read.
    for elsewhere in ["treatments/deeper/not_saved_yet.yaml", "not_saved_yet.yaml"] {
        overlay.insert(paths.data.join(elsewhere), b"id: [".to_vec());
    }
    let report = load_with_overlay(&paths, SchemaCheck::Validate, &overlay);
    let file = "data/treatments/amifampridine.yaml";
    assert_eq!(codes_of(&report, file), [Code::UnknownReference]);
    assert_eq!(report.sources.get(file), Some(&typo));
    assert!(
        report.diagnostics.iter().all(|d| d.file == file),
        "{:#?}",
        report.diagnostics
    );
    assert_eq!(report.files, plain.files);
    assert_eq!(
        std::fs::read_to_string(&path).expect("fixture file"),
        on_disk
    );

    // A buffer of a new file, not saved yet, in a kind's folder is read as a file there.
    let new_file = paths.data.join("treatments/not_saved_yet.yaml");
    overlay.insert(new_file.clone(), b"id: [".to_vec());
    let report = load_with_overlay(&paths, SchemaCheck::Validate, &overlay);
    let shown = "data/treatments/not_saved_yet.yaml";
    assert!(
        report.files.iter().any(|f| f == shown),
        "{:?}",
        report.files
    );
    assert_eq!(report.files.len(), plain.files.len() + 1);
    assert!(
        !codes_of(&report, shown).is_empty(),
        "{:#?}",
        report.diagnostics
    );
    assert!(!new_file.exists());
    overlay.remove(&new_file);

    // A buffer that is not `.yaml` is refused as that file on disk would be (not read).
    let yml = paths.data.join("treatments/not_saved_yet.yml");
    overlay.insert(yml.clone(), b"id: [".to_vec());
    let report = load_with_overlay(&paths, SchemaCheck::Validate, &overlay);
    assert_eq!(
        codes_of(&report, "data/treatments/not_saved_yet.yml"),
        [Code::Layout]
    );
    assert!(!report
        .sources
        .contains_key("data/treatments/not_saved_yet.yml"));
    overlay.remove(&yml);

    // Over the file budget: refused like a file on disk that large (E0001).
    overlay.insert(path, vec![b'x'; 2 * 1024 * 1024]);
    let report = load_with_overlay(&paths, SchemaCheck::Validate, &overlay);
    assert_eq!(
        codes_of(&report, file),
        [Code::Unreadable],
        "{:#?}",
        report.diagnostics
    );
}

/// What a report says: its problems, warnings, files and texts, and whether
/// it loaded (their debug form, compared whole).
fn said(r: &lems_treatments_build::Report) -> String {
    format!(
        "{:#?}",
        (
            &r.diagnostics,
            &r.warnings,
            &r.files,
            &r.sources,
            r.content.is_some()
        )
    )
}

#[test]
fn a_cached_load_says_what_a_fresh_load_says() {
    let paths = common::fixture_paths();
    let path = paths.data.join("treatments/amifampridine.yaml");
    let on_disk = std::fs::read_to_string(&path).expect("fixture file");
    let typo = on_disk.replacen(
        "potassium_channel_blockade\n",
        "potassium_channel_blockad\n",
        1,
    );
    // A long sentence of long words: a reading-level warning where there was none.
    let hard = on_disk.replacen(
        "It makes the nerve signal last longer",
        "Notwithstanding considerable interindividual pharmacokinetic variability, characteristically immunological neuromuscular manifestations necessitate individualised administration",
        1,
    );
    assert_ne!(hard, on_disk);
    let class = paths
        .data
        .join("categories/potassium_channel_blockers.yaml");
    let mut cache = lems_treatments_build::Cache::default();
    let steps: [&[(&std::path::Path, &[u8])]; 7] = [
        &[],
        &[(&path, typo.as_bytes())],
        &[],
        &[(&path, b"id: [")],
        &[(&path, hard.as_bytes())],
        &[(&path, on_disk.as_bytes()), (&class, b"")],
        &[],
    ];
    for (i, step) in steps.iter().enumerate() {
        let overlay: Overlay = step
            .iter()
            .map(|(p, b)| (p.to_path_buf(), b.to_vec()))
            .collect();
        let fresh = load_with_overlay(&paths, SchemaCheck::Validate, &overlay);
        let hard_words = fresh
            .warnings
            .iter()
            .any(|w| w.code == Code::ReadingLevel && w.file.ends_with("/amifampridine.yaml"));
        assert_eq!(hard_words, i == 4, "step {i}: {:#?}", fresh.warnings);
        let cached =
            lems_treatments_build::load_cached(&paths, SchemaCheck::Validate, &overlay, &mut cache);
        assert_eq!(said(&cached), said(&fresh), "step {i}");
        // Run twice: the second load reads everything from the cache.
        let again =
            lems_treatments_build::load_cached(&paths, SchemaCheck::Validate, &overlay, &mut cache);
        assert_eq!(said(&again), said(&fresh), "step {i}, again");
    }
}
