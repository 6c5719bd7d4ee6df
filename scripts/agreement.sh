#!/usr/bin/env bash
# The agreement test (issue 17): `lems-content check`, the build (the generator,
# `--features regenerate`), `cargo test --doc` and `cargo doc -D warnings` agree.
#
# - Every case under tests/accepted/<case>/ (an overlay on the tests' own content,
#   tests/fixture/data, as the Rust tests apply it, so that no valid edit of data/
#   breaks this check; the format of tests/corpus/: files to put over it, and an
#   optional REMOVE list) is
#   accepted by check, builds, passes the crate's doctests and documents with
#   `-D warnings`; its doctests are exactly the crate's own (none comes from
#   content), and no code from content ran (the cases' fences would exit(1),
#   panic or write /tmp/lems-accepted-doctest-ran).
# - Conversely every case under tests/corpus/ is refused by check; that the build
#   refuses each too is lems-treatments-build/tests/corpus.rs (`cargo test`).
#
# Reuses the repository's target dir. Usage: scripts/agreement.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
marker=/tmp/lems-accepted-doctest-ran
unset LEMS_TREATMENTS_CONTENT_DIR

cargo build -q -p lems-content
check="$repo/target/debug/lems-content"
# The doctest names without their line numbers (generated docs move with content).
doctests() { cargo test -q -p lems-treatments --features regenerate --doc -- --list 2>/dev/null | sed 's/ (line [0-9]*)//'; }
doctests > "$scratch/doctests.data"
grep -q ': test$' "$scratch/doctests.data"

materialise() { # case dir -> scratch root holding data/ and schema/
  local root="$scratch/$(basename "$1")"
  rm -rf "$root" && mkdir -p "$root"
  cp -r tests/fixture/data "$root/data"
  cp -r schema "$root/"
  (cd "$1" && find . -type f ! -name REMOVE -print0) | while IFS= read -r -d '' f; do
    mkdir -p "$root/data/$(dirname "$f")" && cp "$1/$f" "$root/data/$f"
  done
  if [ -f "$1/REMOVE" ]; then
    grep -v '^#' "$1/REMOVE" | while IFS= read -r f; do [ -n "$f" ] && rm "$root/data/$f"; done
  fi
  echo "$root"
}

accepted=0
for case in tests/accepted/*/; do
  case="${case%/}" name="$(basename "$case")" start=$SECONDS
  root="$(materialise "$case")"
  "$check" check --root "$root" > "$scratch/check.log" 2>&1 || {
    echo "$name: check refuses an accepted case"; cat "$scratch/check.log"; exit 1; }
  rm -f "$marker"
  export LEMS_TREATMENTS_CONTENT_DIR="$root"
  cargo test -q -p lems-treatments --features regenerate --doc > "$scratch/doctest.log" 2>&1 || {
    echo "$name: cargo test --doc fails"; cat "$scratch/doctest.log"; exit 1; }
  doctests > "$scratch/doctests.case"
  diff -u "$scratch/doctests.data" "$scratch/doctests.case" || {
    echo "$name: content changed the doctests"; exit 1; }
  RUSTDOCFLAGS="-D warnings" cargo doc -q -p lems-treatments --no-deps --features regenerate || {
    echo "$name: cargo doc -D warnings fails"; exit 1; }
  unset LEMS_TREATMENTS_CONTENT_DIR
  [ ! -e "$marker" ] || { echo "$name: code from content ran"; exit 1; }
  echo "accepted: $name (check, build, doctests, docs agree; $(grep -o '[0-9]* passed' "$scratch/doctest.log" | tail -1) doctests; $((SECONDS - start)) s)"
  accepted=$((accepted + 1))
done
[ "$accepted" -ge 4 ] || { echo "expected at least 4 accepted cases, found $accepted"; exit 1; }

refused=0
for case in tests/corpus/*/; do
  case="${case%/}"
  root="$(materialise "$case")"
  if "$check" check --root "$root" > /dev/null 2>&1; then
    echo "$(basename "$case"): check accepts a corpus case (move it to tests/accepted/ or fix check)"; exit 1
  fi
  rm -rf "$root"
  refused=$((refused + 1))
done
echo "agreement: $accepted accepted cases agree; check refuses all $refused corpus cases (the build refuses them: tests/corpus.rs)"
