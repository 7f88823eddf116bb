#!/usr/bin/env bash
# The demo: the mock Telnyx API, the package's gateway in front of it, and the demo page (www/),
# until Ctrl-C. The page talks to the gateway same-origin (/api/telnyx) with no key; the key is
# only in the page server's environment. The mock signs a webhook for each change it makes
# (a key pair made at start) and delivers it to the gateway, which passes it on to every open
# page (live updates).
#
#   bash scripts/demo.sh            then open http://127.0.0.1:8080
#
# With TELNYX_API_KEY set (and TELNYX_PUBLIC_KEY for webhooks), the gateway is put in front of
# the real API (https://api.telnyx.com/v2) instead, and no mock is started.
#
# Builds the package first when pkg/ is missing or older than the sources (scripts/ensure-tools.sh,
# then scripts/build-pkg.sh: a few minutes on a fresh machine; it says which). Environment:
#   MOCK_PORT      mock Telnyx API port (default 8787)
#   DEMO_PORT      demo page port (default 8080)
#   DEMO_BASE_URL  the page's default base URL (default /api/telnyx, the gateway);
#                  the page's "Connection settings" and its ?baseUrl= parameter override it
#   DEMO_NO_BUILD  1: fail instead of building when pkg/ is missing or stale (tests)
#   DEMO_REPORT_DELAY_MS  how long a created CSV report stays pending in the mock (default 3000)
# Both servers listen on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

MOCK_PORT="${MOCK_PORT:-8787}"
DEMO_PORT="${DEMO_PORT:-8080}"
DEMO_BASE_URL="${DEMO_BASE_URL:-/api/telnyx}"

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
trap 'stop; rm -rf "${run_dir:-}"' EXIT

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

run_dir=$(mktemp -d)
if [ -n "${TELNYX_API_KEY:-}" ]; then
  upstream="${TELNYX_UPSTREAM:-https://api.telnyx.com/v2}"
  say "TELNYX_API_KEY is set: the gateway forwards to the real API ($upstream); no mock"
  [ -n "${TELNYX_PUBLIC_KEY:-}" ] || say "TELNYX_PUBLIC_KEY is not set: no webhook receiver, so no live updates"
  gateway_key="$TELNYX_API_KEY"
  public_key="${TELNYX_PUBLIC_KEY:-}"
  mock_line=""
else
  upstream="http://127.0.0.1:$MOCK_PORT/v2"
  # The mock requires this key, which only the gateway has: a request that bypassed the
  # gateway would be refused.
  gateway_key="demo-$(node -p 'require("node:crypto").randomBytes(12).toString("hex")')"
  # A created CSV report stays pending for 3 s, so the page shows it being built.
  node tests/mock/server.mjs --host 127.0.0.1 --port "$MOCK_PORT" --api-key "$gateway_key" \
    --report-delay-ms "${DEMO_REPORT_DELAY_MS:-3000}" \
    --webhook-url "http://127.0.0.1:$DEMO_PORT/api/telnyx/webhooks" > "$run_dir/mock.log" 2>&1 &
  pids+=($!)
  if ! wait_for "http://127.0.0.1:$MOCK_PORT/__health" "${pids[0]}"; then
    cat "$run_dir/mock.log" >&2
    say "the mock server did not start on 127.0.0.1:$MOCK_PORT (port in use? try MOCK_PORT=...)"
    exit 1
  fi
  public_key=$(sed -n 's/^mock webhook public key //p' "$run_dir/mock.log")
  mock_line="  Mock Telnyx API: $upstream/portouts   (request log: http://127.0.0.1:$MOCK_PORT/__log; it requires the gateway's key)"
fi

TELNYX_API_KEY="$gateway_key" TELNYX_PUBLIC_KEY="$public_key" \
  node www/serve.mjs --host 127.0.0.1 --port "$DEMO_PORT" --mock-url "$DEMO_BASE_URL" --gateway-upstream "$upstream" &
pids+=($!)
if ! wait_for "http://127.0.0.1:$DEMO_PORT/" "${pids[-1]}"; then
  say "the demo server did not start on 127.0.0.1:$DEMO_PORT (port in use? try DEMO_PORT=...)"
  exit 1
fi

cat <<EOF

  Open the demo:   http://127.0.0.1:$DEMO_PORT/   (open it in two tabs: a change in one shows in the other)
  Page base URL:   $DEMO_BASE_URL   (the gateway: same origin, no key in the page)
  Gateway:         http://127.0.0.1:$DEMO_PORT/api/telnyx -> $upstream
$mock_line

  Press Ctrl-C to stop.

EOF

# Run until Ctrl-C, or until one server exits on its own.
set +e
wait -n "${pids[@]}"
status=$?
if [ "$stopping" = 0 ]; then
  say "a server exited (status $status); stopping"
  exit 1
fi
