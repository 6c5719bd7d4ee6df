//! `lems-content lsp` in process: a client on `lsp_server`'s memory
//! connection talks to the server on a copy of the tests' own content
//! (`tests/fixture/data/`), one copy per test.

mod lsp_client;

use std::path::Path;
use std::time::Instant;

use lsp_client::*;
use lsp_server::Response;
use lsp_types::{Diagnostic, Position, Url};
use serde_json::{json, Value};

#[test]
fn diagnostics_follow_open_and_change_and_clear() {
    let mut c = Client::start("open_change");
    let clean = c.text(TREATMENT);
    c.open(TREATMENT, &clean);
    assert!(
        codes(&c.diagnostics(TREATMENT))
            .iter()
            .all(|x| x.starts_with('W')),
        "{:?}",
        c.diagnostics(TREATMENT)
    );
    let broken = with_typo(&clean);
    c.change(TREATMENT, 2, &broken);
    let list = c.diagnostics(TREATMENT);
    let d = list
        .iter()
        .find(|d| codes(std::slice::from_ref(d)) == ["E0202"])
        .unwrap_or_else(|| panic!("an unknown mechanism: {list:?}"));
    assert_eq!(d.range.start, find(&broken, "potassium_channel_blockad\n"));
    assert!(
        d.message
            .contains("help: did you mean `potassium_channel_blockade`?"),
        "{}",
        d.message
    );
    assert_eq!(d.severity, Some(lsp_types::DiagnosticSeverity::ERROR));
    c.change(TREATMENT, 3, &clean);
    assert!(!codes(&c.diagnostics(TREATMENT)).contains(&"E0202".to_string()));
    c.stop();
}

#[test]
fn diagnostics_say_which_version_of_a_buffer_they_are_of() {
    let mut c = Client::start("versions");
    let clean = c.text(TREATMENT);
    c.open(TREATMENT, &clean);
    let url = c.url(TREATMENT);
    c.settle();
    assert_eq!(
        c.versions.get(&url),
        Some(&Some(1)),
        "{url} in {:?}",
        c.versions
    );
    let first = c.diagnostics(TREATMENT);
    // A burst that ends where it began is checked once, and still published
    // for the buffer's last version: the client knows they are current.
    c.change(TREATMENT, 2, &with_typo(&clean));
    c.change(TREATMENT, 3, &clean);
    assert_eq!(c.diagnostics(TREATMENT), first);
    assert_eq!(c.versions.get(&url), Some(&Some(3)));
    // A file that is not open has no version.
    let other = c.url("treatments/pyridostigmine.yaml");
    assert_eq!(c.versions.get(&other), Some(&None));
    c.stop();
}

#[test]
fn warnings_are_information_and_files_not_open_are_published_too() {
    let mut c = Client::start("closed_files");
    // Nothing is open: the whole project is checked and published at start.
    c.settle();
    let infos: Vec<&Diagnostic> = c.published.values().flatten().collect();
    assert!(!infos.is_empty(), "the fixture has reading-level warnings");
    assert!(infos
        .iter()
        .all(|d| d.severity == Some(lsp_types::DiagnosticSeverity::INFORMATION)));
    // A problem on disk in a file nobody opened is published for that file.
    let rel = "treatments/guanidine.yaml";
    std::fs::write(c.path(rel), with_typo(&c.text(rel))).expect("write");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": c.url(rel), "type": 2}]}),
    );
    assert!(codes(&c.diagnostics(rel)).contains(&"E0202".to_string()));
    c.stop();
}

#[test]
fn a_broken_file_does_not_hide_the_problems_of_the_others() {
    let mut c = Client::start("broken");
    let other = "treatments/guanidine.yaml";
    c.open(TREATMENT, "id: amifampridine\nname: [\"unclosed\n");
    c.open(other, &with_typo(&c.text(other)));
    assert!(codes(&c.diagnostics(TREATMENT)).contains(&"E0002".to_string()));
    let list = c.diagnostics(other);
    assert!(codes(&list).contains(&"E0202".to_string()), "{list:?}");
    c.stop();
}

#[test]
fn positions_are_utf16_units() {
    let mut c = Client::start("utf16");
    // A character outside the BMP is two UTF-16 units, four bytes, one char.
    let text = c.text(TREATMENT).replacen(
        "mechanisms:\n  - potassium_channel_blockade\n",
        "mechanisms: [\"😀é\", potassium_channel_blockad]\n",
        1,
    );
    c.open(TREATMENT, &text);
    let list = c.diagnostics(TREATMENT);
    let want = find(&text, "potassium_channel_blockad]");
    assert!(
        list.iter().any(|d| d.range.start == want),
        "a diagnostic at {want:?}: {list:?}"
    );
    assert_eq!(
        want.character,
        "mechanisms: [\"😀é\", ".encode_utf16().count() as u32
    );
    // A byte order mark is refused where it is: the first UTF-16 unit.
    let text = format!("\u{feff}{}", c.text(TREATMENT));
    c.change(TREATMENT, 2, &text);
    let list = c.diagnostics(TREATMENT);
    let bom = lsp_types::Range::new(Position::new(0, 0), Position::new(0, 1));
    assert!(
        list.iter()
            .any(|d| d.range == bom && codes(std::slice::from_ref(d)) == ["E0005"]),
        "{list:?}"
    );
    c.stop();
}

#[test]
fn hostile_buffers_are_answered_within_bounds() {
    let mut c = Client::start("hostile");
    let started = Instant::now();
    let huge = format!(
        "id: amifampridine\nname: \"{}\"\n",
        "x".repeat(10 * 1024 * 1024)
    );
    c.open(TREATMENT, &huge);
    assert_eq!(codes(&c.diagnostics(TREATMENT)), ["E0001"]);
    let r = c.request("textDocument/hover", c.at(TREATMENT, 1, 3));
    assert_eq!(r.result, Some(Value::Null), "{r:?}");
    let deep = format!(
        "id: x\nname: {}{}\n",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    c.change(TREATMENT, 2, &deep);
    let list = c.diagnostics(TREATMENT);
    // Refused by the parser's recursion limit (E0002) or the nesting limit (E0004).
    assert!(
        codes(&list).iter().any(|x| x == "E0002" || x == "E0004"),
        "{list:?}"
    );
    let r = c.request("textDocument/completion", c.at(TREATMENT, 1, 100_000));
    assert!(r.error.is_none(), "{r:?}");
    assert!(started.elapsed() < PATIENCE, "{:?}", started.elapsed());
    c.stop();
}

#[test]
fn files_outside_the_tree_and_bad_requests_are_refused_quietly() {
    let mut c = Client::start("outside");
    let outside = Url::from_file_path(c.root.join("notes.yaml")).expect("url");
    c.open_url(&outside, "id: [unclosed\n");
    c.settle();
    assert!(!c.published.contains_key(&outside));
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": outside}, "position": {"line": 0, "character": 1}}),
    );
    assert_eq!(r.result, Some(Value::Null));
    let r = c.request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(r.error.map(|e| e.code), Some(-32602), "InvalidParams");
    let r = c.request("workspace/symbol", json!({"query": "x"}));
    assert_eq!(r.error.map(|e| e.code), Some(-32601), "MethodNotFound");
    c.stop();
}

fn items(r: &Response) -> Vec<(String, String)> {
    let list = r.result.as_ref().expect("a result");
    let list = list.get("items").unwrap_or(list);
    list.as_array()
        .expect("a list of items")
        .iter()
        .map(|i| {
            let label = i["label"].as_str().unwrap_or("").to_string();
            let detail = i["detail"].as_str().unwrap_or("").to_string();
            (label, detail)
        })
        .collect()
}

#[test]
fn completion_offers_ids_values_and_skeletons() {
    let mut c = Client::start("completion");
    let text = c.text(TREATMENT);
    c.open(TREATMENT, &text);
    let p = find(&text, "potassium_channel_blockade\n");
    let r = c.request(
        "textDocument/completion",
        c.at(TREATMENT, p.line, p.character),
    );
    let got = items(&r);
    let name = c
        .text("mechanisms/cholinesterase_inhibition.yaml")
        .lines()
        .find_map(|l| {
            l.strip_prefix("name: ")
                .map(|n| n.trim_matches('"').to_string())
        })
        .expect("a name");
    assert!(
        got.contains(&(
            "cholinesterase_inhibition".to_string(),
            format!("mechanism: {name}")
        )),
        "{got:?}"
    );
    assert!(
        got.iter().all(|(_, d)| d.starts_with("mechanism: ")),
        "{got:?}"
    );
    let p = find(&text, "kind: medicine");
    let r = c.request(
        "textDocument/completion",
        c.at(TREATMENT, p.line, p.character + 6),
    );
    let values: Vec<String> = items(&r).into_iter().map(|(l, _)| l).collect();
    assert!(values.contains(&"medicine".to_string()), "{values:?}");
    assert!(!values.contains(&"cholinesterase_inhibition".to_string()));
    let new = "treatments/new_one.yaml";
    std::fs::write(c.path(new), "").expect("write");
    c.open(new, "");
    let r = c.request("textDocument/completion", c.at(new, 0, 0));
    let snippet = &r.result.as_ref().expect("result")[0];
    assert_eq!(snippet["insertTextFormat"], json!(2), "{snippet}");
    assert!(snippet["insertText"]
        .as_str()
        .unwrap_or("")
        .contains("id: new_one\n"));
    c.stop();
}

#[test]
fn definition_and_references_find_the_files() {
    let mut c = Client::start("definition");
    let text = c.text(TREATMENT);
    c.open(TREATMENT, &text);
    let p = find(&text, "potassium_channel_blockade\n");
    let r = c.request(
        "textDocument/definition",
        c.at(TREATMENT, p.line, p.character),
    );
    let loc: lsp_types::Location =
        serde_json::from_value(r.result.expect("result")).expect("a location");
    assert_eq!(loc.uri, c.url("mechanisms/potassium_channel_blockade.yaml"));
    let r = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": c.url(TREATMENT)}, "position": p, "context": {"includeDeclaration": true}}),
    );
    let locs: Vec<lsp_types::Location> =
        serde_json::from_value(r.result.expect("result")).expect("locations");
    let mut files: Vec<String> = locs
        .iter()
        .map(|l| l.uri.path().rsplit('/').next().unwrap_or("").to_string())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "amifampridine.yaml",
            "guanidine.yaml",
            "potassium_channel_blockade.yaml"
        ]
    );
    let mine = locs
        .iter()
        .find(|l| l.uri == c.url(TREATMENT))
        .expect("here");
    assert_eq!(mine.range.start, p);
    assert_eq!(
        mine.range.end.character,
        p.character + "potassium_channel_blockade".len() as u32
    );
    c.stop();
}

/// Applies a workspace edit to the files on disk, as an editor would.
fn apply(edit: &lsp_types::WorkspaceEdit) {
    let Some(lsp_types::DocumentChanges::Operations(ops)) = &edit.document_changes else {
        panic!("operations expected: {edit:?}");
    };
    for op in ops {
        match op {
            lsp_types::DocumentChangeOperation::Edit(e) => {
                let path = e.text_document.uri.to_file_path().expect("path");
                let mut text = std::fs::read_to_string(&path).expect("read");
                let mut edits: Vec<&lsp_types::TextEdit> = e
                    .edits
                    .iter()
                    .map(|x| match x {
                        lsp_types::OneOf::Left(t) => t,
                        lsp_types::OneOf::Right(a) => &a.text_edit,
                    })
                    .collect();
                edits.sort_by_key(|t| {
                    std::cmp::Reverse((t.range.start.line, t.range.start.character))
                });
                for t in edits {
                    let a = offset(&text, t.range.start);
                    let b = offset(&text, t.range.end);
                    text.replace_range(a..b, &t.new_text);
                }
                std::fs::write(&path, text).expect("write");
            }
            lsp_types::DocumentChangeOperation::Op(lsp_types::ResourceOp::Rename(r)) => {
                std::fs::rename(
                    r.old_uri.to_file_path().expect("old"),
                    r.new_uri.to_file_path().expect("new"),
                )
                .expect("rename");
            }
            other => panic!("unexpected operation {other:?}"),
        }
    }
}

fn offset(text: &str, p: Position) -> usize {
    let start: usize = text
        .split('\n')
        .take(p.line as usize)
        .map(|l| l.len() + 1)
        .sum();
    let line = text[start..].split('\n').next().unwrap_or("");
    let mut units = 0;
    for (i, ch) in line.char_indices() {
        if units >= p.character as usize {
            return start + i;
        }
        units += ch.len_utf16();
    }
    start + line.len()
}

#[test]
fn rename_rewrites_three_files_and_renames_the_file() {
    let mut c = Client::start("rename");
    let text = c.text(TREATMENT);
    c.open(TREATMENT, &text);
    let p = find(&text, "potassium_channel_blockade\n");
    let at = c.at(TREATMENT, p.line, p.character);
    let r = c.request("textDocument/prepareRename", at.clone());
    let range: lsp_types::Range =
        serde_json::from_value(r.result.expect("result")).expect("a range");
    assert_eq!(range.start, p);
    for (bad, says) in [
        ("Bad Id", "the id `Bad Id`"),
        ("cholinesterase_inhibition", "already exists"),
    ] {
        let mut params = at.clone();
        params["newName"] = json!(bad);
        let r = c.request("textDocument/rename", params);
        let e = r.error.unwrap_or_else(|| panic!("{bad} refused"));
        assert!(e.message.contains(says), "{}", e.message);
    }
    let mut params = at;
    params["newName"] = json!("potassium_channel_blocking");
    let r = c.request("textDocument/rename", params);
    let edit: lsp_types::WorkspaceEdit =
        serde_json::from_value(r.result.expect("result")).expect("an edit");
    let Some(lsp_types::DocumentChanges::Operations(ops)) = &edit.document_changes else {
        panic!("operations: {edit:?}");
    };
    assert_eq!(
        ops.iter()
            .filter(|o| matches!(o, lsp_types::DocumentChangeOperation::Edit(_)))
            .count(),
        3
    );
    // The editor saves the buffer before applying: the server only proposes.
    assert!(c
        .path("mechanisms/potassium_channel_blockade.yaml")
        .is_file());
    apply(&edit);
    assert!(c
        .path("mechanisms/potassium_channel_blocking.yaml")
        .is_file());
    let mut paths = lems_treatments_build::Paths::under(&c.root);
    paths.schema = common::repo_root().join("schema");
    let report = lems_treatments_build::load(&paths, lems_treatments_build::SchemaCheck::Validate);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    c.stop();
}

#[test]
fn quick_fixes_apply_checks_suggestions() {
    let mut c = Client::start("actions");
    let broken = with_typo(&c.text(TREATMENT));
    c.open(TREATMENT, &broken);
    let list = c.diagnostics(TREATMENT);
    let d = list
        .iter()
        .find(|d| codes(std::slice::from_ref(d)) == ["E0202"])
        .expect("E0202")
        .clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": c.url(TREATMENT)}, "range": d.range, "context": {"diagnostics": [d]}}),
    );
    let actions: Vec<lsp_types::CodeAction> =
        serde_json::from_value(r.result.expect("result")).expect("actions");
    let fix = actions
        .iter()
        .find(|a| a.title == "Replace with `potassium_channel_blockade`")
        .expect("the fix");
    let edits = &fix
        .edit
        .as_ref()
        .expect("edit")
        .changes
        .as_ref()
        .expect("changes")[&c.url(TREATMENT)];
    let start = offset(&broken, edits[0].range.start);
    let end = offset(&broken, edits[0].range.end);
    assert_eq!(&broken[start..end], "potassium_channel_blockad");
    // An indentation help: a tab where spaces belong.
    let text = c.text(TREATMENT).replacen(
        "\n  - potassium_channel_blockade",
        "\n\t- potassium_channel_blockade",
        1,
    );
    c.change(TREATMENT, 2, &text);
    let list = c.diagnostics(TREATMENT);
    let d = list
        .iter()
        .find(|d| d.message.contains("column"))
        .unwrap_or_else(|| panic!("{list:?}"))
        .clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": c.url(TREATMENT)}, "range": d.range, "context": {"diagnostics": [d]}}),
    );
    let actions: Vec<lsp_types::CodeAction> =
        serde_json::from_value(r.result.expect("result")).expect("actions");
    let fix = actions
        .iter()
        .find(|a| a.title.starts_with("Indent to column"))
        .unwrap_or_else(|| panic!("{actions:?}"));
    let edits = &fix
        .edit
        .as_ref()
        .expect("edit")
        .changes
        .as_ref()
        .expect("changes")[&c.url(TREATMENT)];
    assert_eq!(
        &text[offset(&text, edits[0].range.start)..offset(&text, edits[0].range.end)],
        "\t"
    );
    assert!(edits[0].new_text.chars().all(|ch| ch == ' ') && !edits[0].new_text.is_empty());
    c.stop();
}

#[test]
fn every_position_of_an_odd_buffer_answers() {
    let mut c = Client::start("every_position");
    // A byte order mark, CRLF, characters outside the BMP, a direction
    // override, a tab, an empty list item and a key without a value.
    let text = "\u{feff}id: amifampridine\r\nname: \"é😀\"\r\nmechanisms: [😀, potassium_channel_blockade]\r\n  - \u{202e}x\r\ncategory:\ncautions:\n  - \n\t- x\n:\n-";
    c.open(TREATMENT, text);
    for (l, line) in text.split('\n').enumerate() {
        for ch in 0..line.encode_utf16().count() as u32 + 3 {
            let at = c.at(TREATMENT, l as u32, ch);
            let mut renamed = at.clone();
            renamed["newName"] = json!("a_new_id");
            let mut refs = at.clone();
            refs["context"] = json!({"includeDeclaration": true});
            for (method, params) in [
                ("textDocument/hover", at.clone()),
                ("textDocument/completion", at.clone()),
                ("textDocument/definition", at.clone()),
                ("textDocument/prepareRename", at.clone()),
                ("textDocument/references", refs),
                ("textDocument/rename", renamed),
            ] {
                let r = c.request(method, params);
                let code = r.error.as_ref().map(|e| e.code);
                // An answer, or a refusal (rename with no id here); never a failure.
                assert!(
                    code.is_none() || code == Some(-32803),
                    "{method} at {l}:{ch}: {r:?}"
                );
            }
        }
    }
    c.stop();
}

#[test]
fn related_locations_and_the_missing_source_fix() {
    let mut c = Client::start("related");
    let clean = c.text(TREATMENT);
    // A second `name:`: the message names where the first one is.
    let twice = format!("{clean}name: \"Again\"\n");
    c.open(TREATMENT, &twice);
    let list = c.diagnostics(TREATMENT);
    let d = list
        .iter()
        .find(|d| codes(std::slice::from_ref(d)) == ["E0003"])
        .unwrap_or_else(|| panic!("{list:?}"));
    let related = d.related_information.as_ref().expect("related locations");
    let first = find(&twice, "name:");
    assert_eq!(related[0].location.uri, c.url(TREATMENT));
    assert_eq!(related[0].location.range.start, first, "{related:?}");
    // No source: a fix cites one of data/sources/.
    let cut = clean.find("\nsources:\n").expect("a sources list") + 1;
    let none = format!("{}sources: []\n", &clean[..cut]);
    c.change(TREATMENT, 2, &none);
    let list = c.diagnostics(TREATMENT);
    let d = list
        .iter()
        .find(|d| {
            d.message.contains("`sources`")
                && d.severity == Some(lsp_types::DiagnosticSeverity::ERROR)
        })
        .unwrap_or_else(|| panic!("{list:?}"))
        .clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": c.url(TREATMENT)}, "range": d.range, "context": {"diagnostics": [d]}}),
    );
    let actions: Vec<lsp_types::CodeAction> =
        serde_json::from_value(r.result.expect("result")).expect("actions");
    let fix = actions
        .iter()
        .find(|a| a.title == "Cite the source `lems_treatment_article`")
        .unwrap_or_else(|| panic!("{actions:?}"));
    let e = &fix
        .edit
        .as_ref()
        .expect("edit")
        .changes
        .as_ref()
        .expect("changes")[&c.url(TREATMENT)][0];
    let mut fixed = none.clone();
    fixed.replace_range(
        offset(&none, e.range.start)..offset(&none, e.range.end),
        &e.new_text,
    );
    assert!(
        fixed.ends_with("\nsources:\n  - lems_treatment_article\n"),
        "{fixed}"
    );
    c.change(TREATMENT, 3, &fixed);
    let list = c.diagnostics(TREATMENT);
    assert!(
        !list.iter().any(|d| d.message.contains("`sources`")),
        "{list:?}"
    );
    c.stop();
}

/// One framed JSON-RPC message, as an editor writes it on the server's stdin.
fn framed(v: &Value) -> String {
    let body = v.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

#[test]
fn the_command_serves_stdio_and_exits_cleanly() {
    use std::io::Write;
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lsp_stdio");
    let _ = std::fs::remove_dir_all(&root);
    common::copy_dir(&common::fixture_root().join("data"), &root.join("data"));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_lems-content"))
        .args(["lsp", "--root"])
        .arg(&root)
        .env("LEMS_CONTENT_TODAY", TODAY)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start lems-content lsp");
    let input = [
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/formatting", "params": {}}),
        json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}),
        json!({"jsonrpc": "2.0", "method": "exit"}),
    ];
    let text: String = input.iter().map(framed).collect();
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("the server ends");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(r#""hoverProvider":true"#), "{stdout}");
    assert!(
        stdout.contains(r#""id":2"#) && stdout.contains("-32601"),
        "{stdout}"
    );
    assert!(stdout.contains(r#""id":3,"result":null"#), "{stdout}");
}
