#!/usr/bin/env bash
# Proves that adding content never breaks a test that snapshot review cannot
# fix: in a scratch copy of the repository (git archive of HEAD), an editor's
# steps are replayed — `lems-content new treatment`, fill in the TODOs,
# `lems-content check`, `lems-content review --accept-all` — and then the
# whole workspace's tests must pass.
#
#   scripts/add-treatment-check.sh        # reuses ./target for dependencies
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
git -C "$repo" archive HEAD | tar -x -C "$scratch"
# A repository of its own, as an editor's clone is (`diff` and its tests use git).
git -C "$scratch" init -q -b main && git -C "$scratch" add -A \
  && git -C "$scratch" -c user.name=ci -c user.email=ci@localhost commit -qm base
# The repository's target folder: dependencies are reused, only the
# workspace's own crates (at another path) are compiled again.
export CARGO_TARGET_DIR="$repo/target"
cd "$scratch/data/treatments"   # editors run it from wherever they are
lc() { cargo run -q -p lems-content -- "$@"; }
lc new treatment example_added_therapy
f=example_added_therapy.yaml
sed -i \
  -e 's/^name: .*/name: "Example added therapy"/' \
  -e 's/^kind: TODO/kind: therapy/' \
  -e 's/^category: TODO/category: supportive_therapies/' \
  -e 's/^summary: .*/summary: "A made-up therapy that only tests adding content."/' \
  -e 's/^  - "TODO: how and when it is used"/  - "Used only by this check."/' \
  -e 's/^  - TODO$/  - lems_treatment_article/' \
  -e 's/^# reviewed: "YYYY-MM-DD"/reviewed: "2026-11-27"/' \
  "$f"
lc check
lc review --accept-all
cd "$scratch"
cargo test -q --workspace > "$scratch.log" 2>&1 || { grep -E "FAILED|panicked" -A12 "$scratch.log" | head -80; exit 1; }
grep -q "Example added therapy" tests/snapshots/content__treatment__example_added_therapy.snap
rm -f "$scratch.log"
echo "a treatment was added, its snapshots accepted, and every test passes"
