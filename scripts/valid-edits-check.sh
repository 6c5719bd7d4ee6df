#!/usr/bin/env bash
# Proves that valid content edits never break a test that snapshot review
# cannot fix. Each round applies edits to this checkout the way an editor
# following EDITING.md would (text edits of the YAML, `lems-content new`),
# runs `lems-content check` (it must end `: ok`), then `lems-content review
# --accept-all`, then the whole workspace's tests (`cargo test --workspace`)
# with no `.rs` file changed. Afterwards the checkout is put back exactly as it
# was (`git diff --exit-code`).
#
# Rounds (default: all, one after the other):
#   scratch   a brand added to pyridostigmine and its review recorded today
#             (`lems-content record`, as EDITING.md says: nobody types a date)
#   combined  every kind of edit at once: add and remove a brand, a synonym,
#             a mechanism, a caution (with its file), a source; reword a
#             summary; add a treatment; remove one (with the references to
#             it, as EDITING.md says); then record a review of every changed
#             file today
#
# It runs in place (not in a copy) because cargo keys a workspace's build by
# paths relative to it: a copy sharing this target folder would reuse stale
# test binaries. It refuses to run on a checkout with uncommitted changes.
#
#   scripts/valid-edits-check.sh [scratch|combined]...
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
if [ -n "$(git status --porcelain)" ]; then
  echo "error: commit or stash your changes first; this check edits and then restores data/" >&2
  exit 2
fi
restore() {
  cd "$repo"
  git checkout -q -- .
  git clean -qfd -- data tests lems-content lems-treatments-build src
}
trap restore EXIT
log="$repo/target/valid-edits-check.log"
mkdir -p "$repo/target"
lc() { cargo run -q -p lems-content -- "$@"; }
t=data/treatments

# Replaces the first match of a Perl regex (multi-line: ^ is a line start) in a
# file, which must match, by literal text.
edit() {
  local file="$1" from="$2" to="$3"
  FROM="$from" TO="$to" perl -0pi -e 'BEGIN { $n = 0 } $n += s/$ENV{FROM}/$ENV{TO}/m; END { exit($n ? 0 : 1) }' "$file" \
    || { echo "error: $file does not match $from" >&2; exit 1; }
}

add_brand() { edit $t/pyridostigmine.yaml '^(?=kind: )' $'  - name: "Example Brand"\n'; }
# A review recorded today (`record` takes the date from the clock); --name
# because CI's git may have no user.name.
record_pyridostigmine() { lc record --kind sources --name "valid-edits check" $t/pyridostigmine.yaml; }
record_all() { lc record --kind sources --name "valid-edits check"; }
remove_brand() { edit $t/amifampridine.yaml '^brands:\n  - name: "Firdapse"\n    regions:\n      - us\n      - eu\n' ''; }
add_synonym() { edit $t/rituximab.yaml '^(?=kind: )' $'synonyms:\n  - "Example synonym"\n'; }
remove_synonym() { edit $t/intravenous_immunoglobulin.yaml '^synonyms:\n  - "IVIG"\n' ''; }
reword_summary() { edit $t/pyridostigmine.yaml 'nerve to muscle is stronger' 'nerve to muscle is clearer'; }
# A new mechanism replaces muscle_strengthening, whose file goes (EDITING.md:
# a removed mechanism leaves no treatment naming it).
add_and_remove_mechanism() {
  cat > data/mechanisms/example_added_mechanism.yaml <<YAML
# yaml-language-server: \$schema=../../schema/mechanism.schema.json
id: example_added_mechanism
name: "Example added mechanism"
target: daily_function
explanation: "A made-up mechanism that only tests adding content."
sources:
  - example_added_source
YAML
  edit $t/physical_therapy.yaml '^  - muscle_strengthening$' '  - example_added_mechanism'
  edit $t/speech_therapy.yaml '^  - muscle_strengthening$' '  - example_added_mechanism'
  rm data/mechanisms/muscle_strengthening.yaml
}
# A new caution (with its file) replaces amifampridine_seizure_warning, whose file goes.
add_and_remove_caution() {
  cat > data/cautions/example_added_caution.yaml <<YAML
# yaml-language-server: \$schema=../../schema/caution.schema.json
id: example_added_caution
title: "Example added caution"
kind: warning
explanation: "A made-up caution that only tests adding content."
for_the_patient: "Nothing follows: this check removes it again."
sources:
  - example_added_source
YAML
  edit $t/amifampridine.yaml '^  - amifampridine_seizure_warning$' '  - example_added_caution'
  rm data/cautions/amifampridine_seizure_warning.yaml
}
# A new source (with the outline its citation names); a removed one's citation
# moves to it (a regulatory fact's `source:` and `at:`).
add_and_remove_source() {
  cat > data/sources/example_added_source.yaml <<YAML
# yaml-language-server: \$schema=../../schema/source.schema.json
id: example_added_source
title: "Example added source"
kind: article
outline:
  - "Example section"
YAML
  edit $t/amifampridine.yaml '^    source: fda_news_release_2018_11_28\n    at: "[^"\n]*"$' $'    source: example_added_source\n    at: "Example section"'
  rm data/sources/fda_news_release_2018_11_28.yaml
}
# Guanidine goes: pyridostigmine no longer lists it under used_with, and its
# own caution, which nothing else uses, goes with it (EDITING.md, "Remove a treatment").
remove_treatment() {
  rm $t/guanidine.yaml data/cautions/guanidine_kidney_and_bone_marrow_toxicity.yaml
  edit $t/pyridostigmine.yaml '^used_with:\n  - guanidine\n' ''
}
add_treatment() {
  (cd $t && lc new treatment example_added_therapy)   # editors run it from wherever they are
  sed -i \
    -e 's/^name: .*/name: "Example added therapy"/' \
    -e 's/^kind: TODO/kind: therapy/' \
    -e 's/^category: TODO/category: supportive_therapies/' \
    -e 's/^summary: .*/summary: "A made-up therapy that only tests adding content."/' \
    -e 's/^  - "TODO: how and when it is used"/  - "Used only by this check."/' \
    -e 's/^  - TODO$/  - lems_treatment_article/' \
    $t/example_added_therapy.yaml
}

# check (clean), review --accept-all, then every test; no .rs file changed.
round() {
  local name="$1" start=$SECONDS
  echo "== round $name"
  lc check > "$log" 2>&1 || { cat "$log"; exit 1; }
  tail -1 "$log" | grep -q ': ok' || { cat "$log"; exit 1; }
  lc review --accept-all > "$log" 2>&1 || { tail -60 "$log"; exit 1; }
  grep -E "changed snapshot|accepted" "$log" || true
  cargo test -q --workspace > "$log" 2>&1 || { grep -E "FAILED|panicked" -A12 "$log" | head -80; exit 1; }
  if git diff --name-only | grep -v '^src/generated\.rs$' | grep -q '\.rs$'; then
    echo "error: a .rs file changed:"; git diff --name-only | grep '\.rs$'; exit 1
  fi
  echo "round $name: check ok, snapshots accepted, every test passes ($((SECONDS - start)) s)"
  restore
}

rounds=("$@")
[ ${#rounds[@]} -gt 0 ] || rounds=(scratch combined)
for r in "${rounds[@]}"; do
  case "$r" in
    scratch) add_brand; record_pyridostigmine ;;
    combined)
      add_brand; remove_brand; add_synonym; remove_synonym; reword_summary
      add_and_remove_source; add_and_remove_mechanism; add_and_remove_caution
      remove_treatment; add_treatment; record_all ;;
    *) echo "error: unknown round $r (scratch, combined)" >&2; exit 2 ;;
  esac
  round "$r"
done
git diff --exit-code --stat
echo "valid edits of every kind: checked, reviewed and tested; the checkout is restored"
