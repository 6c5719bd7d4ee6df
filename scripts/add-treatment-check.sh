#!/usr/bin/env bash
# Proves that adding content never breaks a test that snapshot review cannot
# fix. An editor's steps are replayed in this checkout — `lems-content new
# treatment`, fill in the TODOs, `lems-content check`, `lems-content review
# --accept-all` — and then the whole workspace's tests must pass. Afterwards
# the checkout is put back exactly as it was.
#
# It runs in place (not in a copy) because cargo keys a workspace's build by
# paths relative to it: a copy sharing this target folder would reuse stale
# test binaries. It refuses to run on a checkout with uncommitted changes.
#
#   scripts/add-treatment-check.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
if [ -n "$(git status --porcelain)" ]; then
  echo "error: commit or stash your changes first; this check adds and then removes files" >&2
  exit 2
fi
restore() {
  git checkout -q -- .
  git clean -qfd -- data tests lems-content lems-treatments-build src
}
trap restore EXIT
log="$repo/target/add-treatment-check.log"
mkdir -p "$repo/target"
cd "$repo/data/treatments"   # editors run it from wherever they are
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
lc review --accept-all > "$log" 2>&1 || { tail -60 "$log"; exit 1; }
grep -E "changed snapshot|accepted" "$log"
cd "$repo"
grep -q "Example added therapy" tests/snapshots/content__treatment__example_added_therapy.snap
cargo test -q --workspace > "$log" 2>&1 || { grep -E "FAILED|panicked" -A12 "$log" | head -80; exit 1; }
echo "a treatment was added, its snapshots accepted, and every test passes"
