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
fn only_commands_and_out_write_files_or_end_the_process() {
    let g = module_graph::graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    for (room, deps) in module_graph::rooms(&g) {
        if room != "commands" {
            assert!(
                !deps.contains("commands"),
                "{room} uses commands: only main.rs may"
            );
        }
    }
}
