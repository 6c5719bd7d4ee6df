#!/usr/bin/env bash
# Checks the committed JSON Schemas with a validator nobody on this project wrote
# (check-jsonschema, from PyPI): every data file must pass, and every corpus case
# listed in tests/corpus/SCHEMA_CASES must fail.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${LEMS_VENV:-target/venv}"
if [ ! -x "$venv/bin/check-jsonschema" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "check-jsonschema==0.39.0"
fi
cj="$venv/bin/check-jsonschema"

schema_for() { # path under data/ -> schema file
  case "$1" in
    treatments/*) echo schema/treatment.schema.json ;;
    categories/*) echo schema/category.schema.json ;;
    mechanisms/*) echo schema/mechanism.schema.json ;;
    cautions/*) echo schema/caution.schema.json ;;
    sources/*) echo schema/source.schema.json ;;
    condition.yaml) echo schema/condition.schema.json ;;
    disclaimer.yaml) echo schema/disclaimer.schema.json ;;
    glossary.yaml) echo schema/glossary.schema.json ;;
    reviews.yaml) echo schema/reviews.schema.json ;;
    *) echo "" ;;
  esac
}

passed=0
for f in $(cd data && find . -name '*.yaml' | sed 's|^\./||' | sort); do
  s="$(schema_for "$f")"
  "$cj" --quiet --schemafile "$s" "data/$f" || { echo "FAIL: data/$f should pass $s"; exit 1; }
  passed=$((passed + 1))
done
echo "independent validator: all $passed data files pass"

rejected=0
while read -r case; do
  case "$case" in ''|'#'*) continue ;; esac
  f="$(cd "tests/corpus/$case" && find . -name '*.yaml' | sed 's|^\./||' | head -1)"
  s="$(schema_for "$f")"
  if "$cj" --quiet --schemafile "$s" "tests/corpus/$case/$f" > /dev/null 2>&1; then
    echo "FAIL: tests/corpus/$case/$f should be rejected by $s"; exit 1
  fi
  rejected=$((rejected + 1))
done < tests/corpus/SCHEMA_CASES
echo "independent validator: all $rejected schema-matter corpus cases rejected"
