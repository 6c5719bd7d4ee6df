//! Generates the crate's Rust from the YAML in `data/`; all the work is in
//! `lems-treatments-build`.
fn main() {
    lems_treatments_build::build_script();
}
