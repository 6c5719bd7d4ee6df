//! The generator reads top to bottom: no room (top-level module) imports one
//! that imports it back, directly or through others, and inside a room no
//! file imports a sibling that imports it back (see ARCHITECTURE.md).

#[path = "support/module_graph.rs"]
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
fn the_graph_sees_a_circle_when_there_is_one() {
    let dir = std::env::temp_dir().join(format!("module-graph-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("room")).expect("mkdir");
    std::fs::write(dir.join("lib.rs"), "mod a; mod room;").expect("write");
    std::fs::write(dir.join("a.rs"), "use crate::room::x::Thing;").expect("write");
    std::fs::write(dir.join("room/mod.rs"), "mod x; mod y; use crate::a::B;").expect("write");
    std::fs::write(dir.join("room/x.rs"), "use super::y::Y; use super::Shared;").expect("write");
    std::fs::write(dir.join("room/y.rs"), "use crate::room::x::X;").expect("write");
    let circles = module_graph::circles(&module_graph::graph(&dir));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        circles,
        vec![
            vec!["a".to_string(), "room".into(), "a".into()],
            vec!["room::x".to_string(), "room::y".into(), "room::x".into()],
        ]
    );
}

#[path = "support/architecture_map.rs"]
mod architecture_map;

#[test]
fn the_map_matches_the_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let map = std::fs::read_to_string(root.join("../ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let table = architecture_map::rooms_table(&map, "## Code map: `lems-treatments-build/src/`");
    let rooms = module_graph::rooms(&module_graph::graph(&root.join("src")));
    assert_eq!(
        table, rooms,
        "ARCHITECTURE.md's rooms table (left) must list every room of lems-treatments-build/src and exactly the rooms each imports (right)"
    );
}
