//! Lookups against the obvious alternatives, in one run:
//! - this crate (compiled constants, one hash, no allocation);
//! - a `HashMap` built at start-up from the same keys (lowercased input);
//! - parsing the YAML at start-up with the same loader, then a `BTreeMap`.
//!
//! ```text
//! cargo bench -p lems-treatments --bench lookup
//! scripts/scale.sh 20000 && LEMS_TREATMENTS_CONTENT_DIR=$PWD/target/scale/20000 \
//!     cargo bench -p lems-treatments --bench lookup      # the same with 20,000 treatments
//! ```
//! Compare the medians: `crate_*` against `hashmap_*` and `yaml_*`; the
//! `startup_*` benches are what the alternatives pay before their first lookup.
use std::collections::{BTreeMap, HashMap};
use std::hint::black_box;
use std::path::Path;
use std::sync::OnceLock;

use lems_treatments::{Caution, Treatment};

fn main() {
    divan::main();
}

/// Iterations per sample for the lookups, fixed: divan sizes samples from the
/// first run, which at 20,000 treatments is slow (the tables are paged in), and
/// would time 100 iterations at a time, mostly the timer.
const LOOKUP_ITERS: u32 = 5000;

fn hashmap_build() -> HashMap<String, Treatment> {
    let mut map = HashMap::new();
    for t in Treatment::ALL {
        map.insert(t.id().to_lowercase(), *t);
        map.insert(t.name().to_lowercase(), *t);
        for s in t.synonyms().iter().chain(t.brand_names()) {
            map.insert(s.to_lowercase(), *t);
        }
    }
    map
}

fn hashmap() -> &'static HashMap<String, Treatment> {
    static MAP: OnceLock<HashMap<String, Treatment>> = OnceLock::new();
    MAP.get_or_init(hashmap_build)
}

struct Parsed {
    by_key: BTreeMap<String, String>,
    cautions: BTreeMap<String, Vec<String>>,
}

fn yaml_build() -> Parsed {
    // The content the crate was built from (another tree through
    // LEMS_TREATMENTS_CONTENT_DIR, as `scripts/scale.sh` makes).
    let root =
        Path::new(option_env!("LEMS_TREATMENTS_CONTENT_DIR").unwrap_or(env!("CARGO_MANIFEST_DIR")));
    let report = lems_treatments_build::load(
        &lems_treatments_build::Paths::under(root),
        lems_treatments_build::SchemaCheck::Skip,
    );
    let content = report.content.expect("clean content");
    let relations = lems_treatments_build::relations::Relations::of(&content);
    let mut by_key = BTreeMap::new();
    let mut cautions = BTreeMap::new();
    for (id, l) in &content.treatments {
        by_key.insert(id.to_lowercase(), id.clone());
        by_key.insert(l.item.name.0.to_lowercase(), id.clone());
        for b in &l.item.brands {
            by_key.insert(b.name.0.to_lowercase(), id.clone());
        }
        let mut all: Vec<String> = l.item.cautions.iter().map(|c| c.0.clone()).collect();
        all.extend(
            relations
                .class_cautions
                .get(&l.item.category.0)
                .into_iter()
                .flatten()
                .cloned(),
        );
        cautions.insert(id.clone(), all);
    }
    Parsed { by_key, cautions }
}

fn yaml() -> &'static Parsed {
    static P: OnceLock<Parsed> = OnceLock::new();
    P.get_or_init(yaml_build)
}

// ---- by id

#[divan::bench(sample_size = LOOKUP_ITERS)]
fn crate_by_id() -> Option<Treatment> {
    black_box("rituximab").parse().ok()
}

#[divan::bench(sample_size = LOOKUP_ITERS)]
fn hashmap_by_id() -> Option<Treatment> {
    hashmap()
        .get(&black_box("rituximab").to_lowercase())
        .copied()
}

#[divan::bench(sample_size = LOOKUP_ITERS)]
fn yaml_by_id() -> Option<String> {
    yaml()
        .by_key
        .get(&black_box("rituximab").to_lowercase())
        .cloned()
}

// ---- by brand, mixed case

#[divan::bench(sample_size = LOOKUP_ITERS)]
fn crate_by_brand_mixed_case() -> Option<Treatment> {
    black_box("fIrDaPsE").parse().ok()
}

#[divan::bench(sample_size = LOOKUP_ITERS)]
fn hashmap_by_brand_mixed_case() -> Option<Treatment> {
    hashmap()
        .get(&black_box("fIrDaPsE").to_lowercase())
        .copied()
}

#[divan::bench(sample_size = LOOKUP_ITERS)]
fn yaml_by_brand_mixed_case() -> Option<String> {
    yaml()
        .by_key
        .get(&black_box("fIrDaPsE").to_lowercase())
        .cloned()
}

// ---- cautions of a treatment

#[divan::bench(sample_size = LOOKUP_ITERS)]
fn crate_cautions() -> &'static [Caution] {
    // The treatment is read through a hidden reference, as an app holds one.
    // `black_box` of the value itself costs ~3.5 ns here once the enum is two
    // bytes wide (more than 255 treatments), whatever the accessor does: a
    // standalone bench of the same accessor took 4.5 ns with a `u16` or `u32`
    // index through `black_box` and 0.95 ns with a `usize` or a reference.
    black_box(&Treatment::Rituximab).cautions()
}

#[divan::bench(sample_size = LOOKUP_ITERS)]
fn yaml_cautions() -> usize {
    yaml()
        .cautions
        .get(black_box("rituximab"))
        .map_or(0, Vec::len)
}

// ---- what the alternatives pay at start-up (the crate pays nothing)

#[divan::bench(sample_count = 20)]
fn startup_hashmap() -> HashMap<String, Treatment> {
    hashmap_build()
}

#[divan::bench(sample_count = 10)]
fn startup_yaml() -> Parsed {
    yaml_build()
}
