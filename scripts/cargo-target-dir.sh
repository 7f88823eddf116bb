#!/usr/bin/env bash
# Prints the cargo target directory of this checkout, ready for a build, and removes the ones
# of checkouts that no longer exist. Every build script uses it (`export CARGO_TARGET_DIR=$(bash
# scripts/cargo-target-dir.sh)`; bench/size.mjs runs it too), so there is one rule:
#
# - Each checkout has its own directory, `~/.cache/telnyx-portouts/targets/<hash of its path>`:
#   outside the clone, so a re-clone at the same path (CI) finds its dependencies built, and never
#   shared with another checkout. Why: cargo names and fingerprints this workspace's crates by their
#   path *relative to the workspace*, so two checkouts sharing a target directory share artifacts,
#   and cargo reuses the other checkout's compiled crate whenever this checkout's files are older
#   than it (its code, not ours). And wasm-bindgen's macro writes the absolute path of the crate's
#   `package.json` into the compiled crate, which the wasm-bindgen CLI reads at `wasm-pack build`:
#   after the other checkout is deleted, the build fails ("failed to read `…/package.json`").
# - The directory records which checkout built it (`.checkout`: path, device and inode). When that
#   is not this checkout (a checkout moved or re-created at this path), this workspace's own crates
#   are cleaned from it first, so they are rebuilt from these files; the dependencies stay built.
# - A CARGO_TARGET_DIR inherited from the environment is not used (it may be shared with another
#   checkout, or an older copy of this project that does not check). The base directory follows
#   XDG_CACHE_HOME. Messages go to stderr.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/telnyx-portouts/targets"
say() { printf '[cargo-target-dir] %s\n' "$*" >&2; }

# A checkout's identity, two lines: its path, then device:inode (which tells a checkout re-created
# or moved in at the same path apart).
identity() { printf '%s\n%s' "$1" "$(stat -c '%d:%i' "$1" 2>/dev/null || echo gone)"; }

dir="$cache/$(printf '%s' "$root" | sha256sum | cut -c1-16)"
if [ -n "${CARGO_TARGET_DIR:-}" ] && [ "$CARGO_TARGET_DIR" != "$dir" ]; then
  say "not using CARGO_TARGET_DIR=$CARGO_TARGET_DIR: this checkout builds in $dir"
fi
mkdir -p "$dir"
me=$(identity "$root")
stamp="$dir/.checkout"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" != "$me" ]; then
  say "$dir was last built by another checkout ($(head -1 "$stamp")): cleaning this workspace's crates from it"
  # `cargo clean -p` cleans one target and one profile per call: the host and wasm32, dev and release.
  for target in "" "--target=wasm32-unknown-unknown"; do
    for profile in dev release; do
      # shellcheck disable=SC2086 # an empty $target is no argument
      (cd "$root" && CARGO_TARGET_DIR="$dir" cargo clean -q $target --profile "$profile" \
        -p telnyx-portouts -p telnyx-portouts-schema) >&2
    done
  done
fi
printf '%s' "$me" > "$stamp"

# Prune the directories of checkouts that are gone (deleted, or moved: a new path has a new key).
if [ -d "$cache" ]; then
  for other in "$cache"/*/; do
    other=${other%/}
    [ "$other" = "$dir" ] && continue
    [ -f "$other/.checkout" ] || continue
    path=$(head -1 "$other/.checkout")
    if [ ! -e "$path/Cargo.toml" ]; then
      say "removing $other (its checkout $path is gone)"
      rm -rf "$other"
    fi
  done
fi
printf '%s\n' "$dir"
