//! Makes the crate's Rust from the content in `data/`.
//!
//! The generated code ships in the package (`src/generated.rs`, whose first
//! line records the hash of the content it was made from), so a downstream
//! build compiles no generator: this script only checks that `data/` still
//! hashes to that value and uses the shipped code. With the `regenerate`
//! feature (on in this repository's tests, examples and benches, and for any
//! downstream build that edits or replaces the content) the code is generated
//! from the YAML by `lems-treatments-build`, and in this repository
//! `src/generated.rs` is refreshed to match, as cargo refreshes `Cargo.lock`.

#[path = "build/content_hash.rs"]
mod content_hash;

use std::path::{Path, PathBuf};

/// The environment variable that names another content root (for tests).
const CONTENT_DIR_ENV: &str = "LEMS_TREATMENTS_CONTENT_DIR";
const SHIPPED: &str = "src/generated.rs";
const OUT_FILE: &str = "lems_content.rs";

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    println!("cargo::rerun-if-changed={SHIPPED}");
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-env-changed={CONTENT_DIR_ENV}");
    println!("cargo::rustc-check-cfg=cfg(lems_custom_content)");
    let custom = std::env::var_os(CONTENT_DIR_ENV).filter(|v| !v.is_empty());
    for line in run(&manifest, &out_dir, custom.is_some()) {
        println!("{line}");
    }
}

#[cfg(feature = "regenerate")]
fn run(manifest: &Path, out_dir: &Path, custom: bool) -> Vec<String> {
    let mut lines = Vec::new();
    if !lems_treatments_build::build_script() || custom {
        return lines;
    }
    // This crate's own content: keep the shipped copy equal to what was generated.
    let generated = std::fs::read_to_string(out_dir.join(OUT_FILE));
    let hash = content_hash::content_hash(&manifest.join("data"));
    match (generated, hash) {
        (Ok(code), Ok(hash)) => {
            let shipped = format!("{}{code}", content_hash::header(hash));
            let path = manifest.join(SHIPPED);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(shipped.as_str()) {
                if let Err(e) = std::fs::write(&path, shipped) {
                    lines.push(format!("cargo::warning=could not refresh {SHIPPED}: {e}"));
                }
            }
        }
        (Err(e), _) => lines.push(format!(
            "cargo::warning=could not read the generated code: {e}"
        )),
        (_, Err(e)) => lines.push(format!("cargo::warning=could not hash data/: {e}")),
    }
    lines
}

#[cfg(not(feature = "regenerate"))]
fn run(manifest: &Path, out_dir: &Path, custom: bool) -> Vec<String> {
    const HOW: &str = "build with the `regenerate` feature to generate the code from the YAML (in this repository `cargo test` and `cargo run --example guide` do)";
    if custom {
        return vec![format!(
            "cargo::error={CONTENT_DIR_ENV} is set, but building other content needs the generator: {HOW}"
        )];
    }
    let shipped = match std::fs::read_to_string(manifest.join(SHIPPED)) {
        Ok(s) => s,
        Err(e) => return vec![format!("cargo::error=could not read {SHIPPED}: {e}; {HOW}")],
    };
    let recorded = shipped.lines().next().unwrap_or_default();
    let hash = match content_hash::content_hash(&manifest.join("data")) {
        Ok(h) => h,
        Err(e) => {
            return vec![format!(
                "cargo::error=data/ cannot be checked against the shipped code ({e}); {HOW}"
            )]
        }
    };
    let expected = content_hash::header(hash);
    if recorded != expected.trim_end() {
        return vec![format!(
            "cargo::error=the content in data/ has changed since {SHIPPED} was generated from it ({} recorded, {hash:016x} now); {HOW}",
            recorded.trim_start_matches("// content-hash: ")
        )];
    }
    match std::fs::write(out_dir.join(OUT_FILE), &shipped) {
        Ok(()) => Vec::new(),
        Err(e) => vec![format!(
            "cargo::error=could not write the generated code: {e}"
        )],
    }
}
