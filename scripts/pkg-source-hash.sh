#!/usr/bin/env bash
# Prints a hash of every file `scripts/build-pkg.sh` builds pkg/ from (names and contents). The
# build writes it to pkg/.source-hash; scripts/demo.sh rebuilds pkg/ when it differs, so a demo
# after `git pull`, a branch switch or an edit never serves an old package.
set -euo pipefail
cd "$(dirname "$0")/.."
find Cargo.toml Cargo.lock src schema js pkg-template scripts/build-pkg.sh -type f -print0 \
  | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64
