#!/usr/bin/env bash
# A real editor as the client of `lems-content lsp`: Debian's Neovim, headless,
# opens a treatment with an unknown mechanism (a copy of the tests' own content,
# tests/fixture/data, with one id misspelt), asserts the diagnostic it received,
# then completes the id (scripts/nvim-lsp-check.lua). Needs `nvim` (0.7 or later:
# `apt-get install -y neovim`); builds lems-content if needed. About 5 s once built.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
command -v nvim >/dev/null || { echo "nvim-lsp-check: nvim not found (apt-get install -y neovim)" >&2; exit 2; }
cargo build -q -p lems-content
bin="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/lems-content"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp -r tests/fixture/data "$scratch/"
file="$scratch/data/treatments/amifampridine.yaml"
grep -q '^  - potassium_channel_blockade$' "$file"
sed -i 's/^  - potassium_channel_blockade$/  - potassium_channel_blockad/' "$file"
root="$(realpath "$scratch")"
LEMS_CONTENT_BIN="$bin" LEMS_ROOT="$root" LEMS_CONTENT_TODAY=2026-11-27 \
  timeout 60 nvim --headless --clean -n -c "luafile $repo/scripts/nvim-lsp-check.lua"
