#!/usr/bin/env bash
# Regression test (issue 17): a build never depends on another checkout of the project, whether
# that checkout still exists, was deleted, or was moved in at the same path.
#
#   bash tests/checkouts/run.sh      (after scripts/ensure-tools.sh; part of scripts/test-all.sh)
#
# 1. Two clones of this checkout's HEAD: W (made first, so its files are the older) and A (made
#    second); each marks its build with a string of its own in the core ("[REDACTED]" becomes
#    "[REDACTED:W]" / "[REDACTED:A]").
# 2. A builds the package, then A is deleted (the user's report: before the fix, the next build in
#    any checkout sharing A's target directory failed with "failed to read `<A>/package.json`").
# 3. W is moved to A's old path and builds there: its package must carry W's mark, not A's (the
#    worst case: same path, so the same target directory, and W's files are older than A's
#    artifacts, which cargo alone takes as fresh), and import. Then W is deleted too.
# 4. The checkout under test builds the package: it must succeed, carry neither mark, and import;
#    the target directory of the deleted clones must be gone (pruned).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd -P)
work=$(mktemp -d "${TMPDIR:-/tmp}/telnyx-portouts-checkouts.XXXXXX")
cleanup() {
  rm -rf "$work"
  bash scripts/cargo-target-dir.sh >/dev/null # prunes the target directories of the clones
}
trap cleanup EXIT
say() { printf '[checkouts] %s\n' "$*"; }
fail() { printf '[checkouts] FAIL: %s\n' "$*" >&2; exit 1; }
wasm_of() { echo "$1/pkg/telnyx_portouts_bg.wasm"; }
has_mark() { grep -q --binary-files=text -F "[REDACTED:$2]" "$(wasm_of "$1")"; }
target_of() { (cd "$1" && bash scripts/cargo-target-dir.sh 2>/dev/null); }

# A clone of HEAD with its own mark, ready to build (npm's wasm-opt linked from this checkout).
clone() {
  git clone -q --no-hardlinks "$ROOT" "$1"
  sed -i "s/push_str(\"\\[REDACTED\\]\")/push_str(\"[REDACTED:$2]\")/" "$1/src/client/error.rs"
  grep -qF "[REDACTED:$2]" "$1/src/client/error.rs" || fail "could not mark clone $2 (src/client/error.rs changed?)"
  mkdir -p "$1/node_modules/.bin"
  ln -s "$(readlink -f node_modules/.bin/wasm-opt)" "$1/node_modules/.bin/wasm-opt"
}

# Imports the package built in $1 by name, as users do, and calls it.
import_ok() {
  (cd "$1" && node --input-type=module -e "
    const m = await import('telnyx-portouts');
    const q = m.buildPortoutsQuery({ filter: { status_in: ['pending', 'ported'] } });
    if (q !== 'filter%5Bstatus_in%5D=pending%2Cported') throw new Error('unexpected query: ' + q);
  ") || fail "the package built in $1 does not import and work"
}

say "clone W (older files), then clone A"
clone "$work/waiting" W
sleep 1
clone "$work/a" A
a_target=$(target_of "$work/a")

say "build in A, then delete A"
(cd "$work/a" && env -u CARGO_TARGET_DIR bash scripts/build-pkg.sh >/dev/null)
has_mark "$work/a" A || fail "A's package lacks A's mark"
rm -rf "$work/a"

say "move W to A's old path and build there, then delete W"
mv "$work/waiting" "$work/a"
[ "$(target_of "$work/a")" = "$a_target" ] || fail "the same path should map to the same target directory"
(cd "$work/a" && env -u CARGO_TARGET_DIR bash scripts/build-pkg.sh >/dev/null) || fail "the build of W at A's old path failed"
has_mark "$work/a" W || fail "W's package lacks W's mark"
! has_mark "$work/a" A || fail "W's package carries A's code (a stale artifact was reused)"
import_ok "$work/a"
rm -rf "$work/a"

say "build in the checkout under test ($ROOT)"
bash scripts/build-pkg.sh >/dev/null || fail "the build failed after other checkouts were deleted"
! has_mark "$ROOT" A || fail "this checkout's package carries A's code"
! has_mark "$ROOT" W || fail "this checkout's package carries W's code"
import_ok "$ROOT"
[ ! -e "$a_target" ] || fail "the deleted clones' target directory $a_target was not pruned"
say "ok: no build depended on another checkout"
