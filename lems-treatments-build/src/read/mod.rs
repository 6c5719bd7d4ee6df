//! Reading one file, knowing nothing of the tree it sits in: its bytes
//! ([`fs`]: regular files only, within a byte budget), its YAML with the span
//! of every node ([`yaml`]), and its fit to a JSON Schema ([`schema`]).

pub mod fs;
pub mod schema;
pub mod yaml;
