#!/usr/bin/env bash
# Runs every test of the project, from a fresh clone: installs what is missing, checks
# formatting and lints, runs the host unit tests, starts the mock Telnyx server, runs the wasm
# suite with `wasm-pack test` in Node, headless Chromium and headless Firefox, builds the npm
# package with `wasm-pack build` and tests it as users import it (Node, a browser page,
# TypeScript), then the mock's own tests and the browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
bash scripts/ensure-tools.sh

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# This checkout's own cargo target directory, outside the clone so a re-clone at the same path
# (CI) is warm, never shared with another checkout (scripts/cargo-target-dir.sh says why).
CARGO_TARGET_DIR=$(bash scripts/cargo-target-dir.sh)
export CARGO_TARGET_DIR
GECKODRIVER_BIN="$HOME/.cache/telnyx-portouts/geckodriver/bin/geckodriver"
export MOCK_PORT="${MOCK_PORT:-38787}"
export MOCK_URL="http://127.0.0.1:$MOCK_PORT"

step() { printf '\n=== %s\n' "$*"; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

step "docs: every repository path named in a README, a doc or a comment exists"
node scripts/check-doc-paths.mjs

step "format and lints (host and wasm32)"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# The server build (telnyx-portouts/gateway): the same crate with the gateway's exports.
cargo clippy --target wasm32-unknown-unknown --features gateway -- -D warnings

step "host unit tests (pure-Rust core and the validator crate)"
cargo test --workspace
# The fuzz crate's support code and its tests, and every target type-checked (the targets
# themselves run by hand: docs/fuzzing.md); it builds in fuzz/target, its own workspace.
(cd fuzz && env -u CARGO_TARGET_DIR cargo test --lib && env -u CARGO_TARGET_DIR cargo check --bins)

step "mock Telnyx server on $MOCK_URL"
# Its log stays in this checkout (test-output/), and the suite must reach this very server: if the
# port is taken (another checkout's test run, say), the mock exits and the run stops here.
mkdir -p test-output
node tests/mock/server.mjs --port "$MOCK_PORT" > test-output/mock.log 2>&1 &
mock_pid=$!
pids+=("$mock_pid")
for _ in $(seq 150); do
  grep -q '^mock listening' test-output/mock.log && break
  kill -0 "$mock_pid" 2>/dev/null || break
  sleep 0.1
done
if ! grep -q '^mock listening' test-output/mock.log; then
  cat test-output/mock.log >&2
  echo "the mock server did not start on port $MOCK_PORT (in use by another run? set MOCK_PORT)" >&2
  exit 1
fi

# wasm-pack test reads MOCK_URL at compile time (the suite's option_env!), exported above.
step "wasm suite in Node (wasm-pack test --node)"
wasm-pack test --node -- --test node
step "wasm suite in headless Chromium (wasm-pack test --headless --chrome)"
wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver -- --test browser
step "wasm suite in headless Firefox (wasm-pack test --headless --firefox)"
wasm-pack test --headless --firefox --geckodriver "$GECKODRIVER_BIN" -- --test browser

step "build the npm package (pkg/)"
bash scripts/build-pkg.sh
# A deterministic size ratchet over the full package: fails if what an app using every
# operation downloads (wasm + its minified JS) grows past the budget: the measured figure with
# live events (issue 19: 113.5 KB gzip, of which watchPortoutEvents' JS 0.7 KB and the live
# event check about 0.6 KB) plus 0.5 KB; see BENCHMARKS.md.
SIZE_BUDGET_ENFORCE=1 SIZE_BUDGET_GZIP="${SIZE_BUDGET_GZIP:-$((114 * 1024))}" node scripts/size-report.mjs

step "checkouts: a build never depends on another checkout (tests/checkouts/run.sh)"
bash tests/checkouts/run.sh

step "package, mock and end-to-end tests (node --test)"
tsc -p tests/types
suites=(tests/mock/ tests/package/ tests/conformance/)
[ "${SKIP_E2E:-}" = 1 ] || for d in tests/e2e tests/vite-app; do [ -d "$d" ] && suites+=("$d"); done
node --test --test-concurrency=1 "${suites[@]}"

step "the gateway under Deno (deno test; Deno installs from npm: package.json)"
NO_COLOR=1 deno test --allow-read --allow-net --allow-env --no-prompt tests/deno/

step "the gateway in workerd, Cloudflare's Workers runtime (from npm: package.json)"
node tests/workerd/run.mjs

echo
echo "all tests passed"
