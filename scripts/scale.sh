#!/usr/bin/env bash
# Content that scales: builds the crate from the tests' own content
# (tests/fixture/data, a frozen copy of the content, so that no valid edit of
# data/ can break this CI step) plus N generated minimal treatments and reports wall time, rustc's peak memory and the size of
# the generated code.
#
#   scripts/scale.sh 1000 5000 20000
#
# Each tree is made under target/scale/N/data (a copy of the fixture plus
# N files data/treatments/scale_treatment_NNNNN.yaml) and compiled through
# LEMS_TREATMENTS_CONTENT_DIR with the `regenerate` feature, the same path any
# custom content takes. Needs /usr/bin/time (GNU time) for peak memory.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
[ "$#" -gt 0 ] || set -- 1000
# The figures are for the crate itself (its build script and library), so its
# dependencies, the generator among them, are built first and not counted.
start=$(date +%s%N)
cargo build -q -p lems-treatments --features regenerate
printf 'dependencies and the crate with its own content: %d ms (not counted)\n' \
  "$(( ($(date +%s%N) - start) / 1000000 ))"
for n in "$@"; do
  tree="$repo/target/scale/$n"
  rm -rf "$tree" && mkdir -p "$tree"
  cp -r "$repo/tests/fixture/data" "$tree/data"
  python3 - "$tree/data/treatments" "$n" <<'PY'
import sys, os
d, n = sys.argv[1], int(sys.argv[2])
# The generated files have no review records (data/reviews.yaml): the build
# does not look at reviews, only `lems-content check` warns (W0301).
for i in range(1, n + 1):
    tid = f"scale_treatment_{i:05d}"
    with open(os.path.join(d, tid + ".yaml"), "w") as f:
        f.write(f"""id: {tid}
name: "Scale treatment {i:05d}"
synonyms: ["ST{i:05d}"]
kind: therapy
category: supportive_therapies
summary: "A generated treatment for measuring build cost, number {i}."
usage:
  - "Generated for a build-cost measurement only."
sources:
  - lems_treatment_article
""")
PY
  # Only this crate (its build script and library) is rebuilt.
  cargo clean -q -p lems-treatments
  start=$(date +%s%N)
  LEMS_TREATMENTS_CONTENT_DIR="$tree" /usr/bin/time -f "%M" -o "$tree/rss" \
    cargo build -q -p lems-treatments --features regenerate 2> "$tree/build.log" \
    || { cat "$tree/build.log"; exit 1; }
  end=$(date +%s%N)
  gen=$(ls -t "$repo"/target/debug/build/lems-treatments-*/out/lems_content.rs | head -n1)
  # GNU time's peak RSS of cargo covers its largest child: rustc.
  printf '%6d treatments: %6d ms, peak RSS %5d MB, generated code %6d KB\n' \
    "$n" "$(( (end - start) / 1000000 ))" "$(( $(cat "$tree/rss") / 1024 ))" \
    "$(( $(stat -c %s "$gen" 2>/dev/null || echo 0) / 1024 ))"
  if [ "${SCALE_VERIFY:-1}" = 1 ] && [ "$n" = "$1" ]; then
    # Every accessor of every treatment reads back what its YAML says (the
    # large-content code paths, checked on the first size).
    LEMS_TREATMENTS_CONTENT_DIR="$tree" cargo test -q -p lems-treatments --test tricky > "$tree/verify.log" 2>&1 \
      || { cat "$tree/verify.log"; exit 1; }
    echo "$n treatments: every text, list and lookup reads back as written (tests/tricky.rs)"
  fi
done
