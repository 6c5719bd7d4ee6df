#!/usr/bin/env bash
# What a downstream user pays to build lems-treatments, side by side with
# chrono-tz (case-insensitive feature: it too generates code at build time),
# measured in the same run: a clean debug build of a hello-world binary that
# depends on each, crates compiled and wall time. Then the incremental cost of
# editing one YAML file in this repository.
#
#   scripts/build-cost.sh            # needs crates.io for chrono-tz
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${BUILD_COST_DIR:-$repo/target/build-cost}"
rm -rf "$work" && mkdir -p "$work"

make_hello() { # name, dependency line, main body
  mkdir -p "$work/$1/src"
  cat > "$work/$1/Cargo.toml" <<TOML
[package]
name = "$1"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$2

[workspace]
TOML
  printf 'fn main() {\n    %s\n}\n' "$3" > "$work/$1/src/main.rs"
}

make_hello hello-lems "lems-treatments = { path = \"$repo\" }" \
  'println!("{}", "firdapse".parse::<lems_treatments::Treatment>().map(|t| t.name()).unwrap_or("?"));'
make_hello hello-chrono-tz 'chrono-tz = { version = "0.10", features = ["case-insensitive"] }' \
  'println!("{}", chrono_tz::Tz::from_str_insensitive("europe/paris").map(|t| t.name()).unwrap_or("?"));'

measure() { # name
  (cd "$work/$1" && cargo fetch -q && cargo generate-lockfile -q --offline 2>/dev/null || true)
  local start end crates
  start=$(date +%s%N)
  (cd "$work/$1" && CARGO_TARGET_DIR="$work/$1/target" cargo build --offline 2> "$work/$1.log" || { cat "$work/$1.log"; exit 1; })
  end=$(date +%s%N)
  crates=$(grep -c '^ *Compiling ' "$work/$1.log" || true)
  printf '%-18s %3d crates compiled   %6d ms\n' "$1" "$crates" "$(( (end - start) / 1000000 ))"
}

echo "clean debug build of a hello-world binary ($(nproc) cores, $(rustc --version)):"
measure hello-chrono-tz
measure hello-lems
if grep -q 'Compiling jsonschema' "$work/hello-lems.log"; then
  echo "note: the schema validator was compiled for the downstream build"
else
  echo "the schema validator (jsonschema) was not compiled for the downstream build"
fi

echo
echo "incremental: edit one YAML file in this repository, then build with the generator (as cargo test does):"
f="$repo/data/treatments/pyridostigmine.yaml"
cp "$f" "$work/pyridostigmine.yaml.orig"
trap 'cp "$work/pyridostigmine.yaml.orig" "$f"; (cd "$repo" && cargo build -q --features regenerate)' EXIT
(cd "$repo" && cargo build -q --features regenerate)
for i in 1 2 3; do
  # A real edit (one word changes), so the code is regenerated and recompiled.
  if [ $((i % 2)) = 1 ]; then sed -i 's/used most often/used most widely/' "$f"; else cp "$work/pyridostigmine.yaml.orig" "$f"; fi
  start=$(date +%s%N)
  (cd "$repo" && cargo build -q --features regenerate)
  end=$(date +%s%N)
  printf '  run %d: %d ms (build script regenerates, crate recompiles)\n' "$i" "$(( (end - start) / 1000000 ))"
done
