//! `lems-content` reads top to bottom: no room (top-level module) imports one
//! that imports it back, directly or through others, and inside a room no
//! file imports a sibling that imports it back (the same test the build
//! crate has, on this crate's `src/`).

#[path = "../../lems-treatments-build/tests/support/module_graph.rs"]
mod module_graph;

use std::path::Path;

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let g = module_graph::graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let rooms = module_graph::rooms(&g);
    assert!(rooms.len() > 5, "{rooms:?}");
    assert!(g.keys().any(|m| m.len() > 1), "folders are read too: {g:?}");
    let circles = module_graph::circles(&g);
    assert!(circles.is_empty(), "modules import each other: {circles:?}");
}

#[test]
fn no_room_uses_the_commands() {
    let g = module_graph::graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    for (room, deps) in module_graph::rooms(&g) {
        assert!(
            !deps.contains("commands"),
            "{room} uses commands: only main.rs may"
        );
    }
}

/// The Rust source files under `dir`, with their path.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src/").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The renderers return text: only `commands/` prints and decides exit
/// codes, only `out.rs` writes files (and `main.rs` hands over to `commands`).
#[test]
fn only_commands_print_and_exit_and_only_out_writes() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let prints = [
        "println!",
        "print!(",
        "eprintln!",
        "eprint!(",
        "ExitCode",
        "process::exit",
    ];
    let writes = [
        "fs::write",
        "create_dir",
        "remove_file",
        "remove_dir",
        "fs::rename",
        "OpenOptions",
    ];
    let mut found = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src/").to_path_buf();
        let text = std::fs::read_to_string(&file).expect("read");
        // Unit tests may write their scratch files.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let in_commands = rel.starts_with("commands") || rel == Path::new("main.rs");
        let in_out = rel == Path::new("out.rs");
        for p in prints.iter().filter(|_| !in_commands) {
            if code.contains(p) {
                found.push(format!("{}: {p}", rel.display()));
            }
        }
        for w in writes.iter().filter(|_| !in_out) {
            if code.contains(w) {
                found.push(format!("{}: {w}", rel.display()));
            }
        }
    }
    assert!(found.is_empty(), "outside their room: {found:?}");
}

#[path = "../../lems-treatments-build/tests/support/architecture_map.rs"]
mod architecture_map;

#[test]
fn the_map_matches_the_code() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let map = std::fs::read_to_string(root.join("../ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let table = architecture_map::rooms_table(&map, "## Code map: `lems-content/src/`");
    let rooms = module_graph::rooms(&module_graph::graph(&root.join("src")));
    assert_eq!(
        table, rooms,
        "ARCHITECTURE.md's rooms table (left) must list every room of lems-content/src and exactly the rooms each imports (right)"
    );
}
