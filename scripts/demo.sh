#!/usr/bin/env bash
# The demo: the mock Telnyx API and the demo page (www/), until Ctrl-C.
#
#   bash scripts/demo.sh            then open http://127.0.0.1:8080
#
# Builds the package first when pkg/ is missing or older than the sources (scripts/ensure-tools.sh,
# then scripts/build-pkg.sh: a few minutes on a fresh machine; it says which). Environment:
#   MOCK_PORT      mock Telnyx API port (default 8787)
#   DEMO_PORT      demo page port (default 8080)
#   DEMO_BASE_URL  the page's default base URL (default http://127.0.0.1:$MOCK_PORT/v2);
#                  the page's "Connection settings" and its ?baseUrl= parameter override it
#   DEMO_NO_BUILD  1: fail instead of building when pkg/ is missing or stale (tests)
#   DEMO_REPORT_DELAY_MS  how long a created CSV report stays pending in the mock (default 3000)
# Both servers listen on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

MOCK_PORT="${MOCK_PORT:-8787}"
DEMO_PORT="${DEMO_PORT:-8080}"
DEMO_BASE_URL="${DEMO_BASE_URL:-http://127.0.0.1:$MOCK_PORT/v2}"

say() { printf '[demo] %s\n' "$*"; }

if ! command -v node >/dev/null 2>&1; then
  say "Node.js (>= 20) is needed: apt-get install nodejs, or see https://nodejs.org"
  exit 1
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  say "Node.js >= 20 is needed (found $(node --version))"
  exit 1
fi

# Build pkg/ when it is missing or was built from other sources (after a `git pull`, a branch
# switch or an edit), so the demo never serves an old package.
why=""
if [ ! -f pkg/index.js ] || [ ! -f pkg/telnyx_portouts_bg.wasm ] || [ ! -f pkg/package.json ]; then
  why="pkg/ is missing"
elif [ ! -f pkg/.source-hash ]; then
  why="pkg/ does not record the sources it was built from"
elif [ "$(cat pkg/.source-hash)" != "$(bash scripts/pkg-source-hash.sh)" ]; then
  why="the sources changed since pkg/ was built"
fi
if [ -n "$why" ]; then
  if [ "${DEMO_NO_BUILD:-}" = 1 ]; then
    say "$why and DEMO_NO_BUILD=1: build it with bash scripts/build-pkg.sh"
    exit 1
  fi
  say "$why: building the package (first run on a fresh machine: a few minutes)"
  bash scripts/ensure-tools.sh
  bash scripts/build-pkg.sh
else
  say "pkg/ is up to date with the sources"
fi

pids=()
stopping=0
stop() {
  stopping=1
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap 'stop; say "stopped"; exit 0' INT TERM
trap 'stop' EXIT

# Waits until URL answers (or the server process PID is gone).
wait_for() {
  node - "$1" "$2" <<'EOF'
const [url, pid] = process.argv.slice(2);
const deadline = Date.now() + 15000;
const alive = () => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
while (Date.now() < deadline && alive()) {
  try { if ((await fetch(url)).ok) process.exit(0); } catch {}
  await new Promise((r) => setTimeout(r, 100));
}
process.exit(1);
EOF
}

# A created CSV report stays pending for 3 s, so the page shows it being built.
node tests/mock/server.mjs --host 127.0.0.1 --port "$MOCK_PORT" --report-delay-ms "${DEMO_REPORT_DELAY_MS:-3000}" &
pids+=($!)
if ! wait_for "http://127.0.0.1:$MOCK_PORT/__health" "${pids[0]}"; then
  say "the mock server did not start on 127.0.0.1:$MOCK_PORT (port in use? try MOCK_PORT=...)"
  exit 1
fi

node www/serve.mjs --host 127.0.0.1 --port "$DEMO_PORT" --mock-url "$DEMO_BASE_URL" &
pids+=($!)
if ! wait_for "http://127.0.0.1:$DEMO_PORT/" "${pids[1]}"; then
  say "the demo server did not start on 127.0.0.1:$DEMO_PORT (port in use? try DEMO_PORT=...)"
  exit 1
fi

cat <<EOF

  Open the demo:   http://127.0.0.1:$DEMO_PORT/
  Mock Telnyx API: http://127.0.0.1:$MOCK_PORT/v2/portouts   (request log: http://127.0.0.1:$MOCK_PORT/__log)
  Page base URL:   $DEMO_BASE_URL
  With a fault:    http://127.0.0.1:$DEMO_PORT/?baseUrl=$(node -p "encodeURIComponent('http://127.0.0.1:$MOCK_PORT/__mock/tag=demo,status=503,times=3/v2')")

  Press Ctrl-C to stop both servers.

EOF

# Run until Ctrl-C, or until one server exits on its own.
set +e
wait -n "${pids[@]}"
status=$?
if [ "$stopping" = 0 ]; then
  say "a server exited (status $status); stopping"
  exit 1
fi
