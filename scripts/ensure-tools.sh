#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already present, so it is
# cheap to run every time (a fresh Debian machine as root: ~10 minutes, mostly the three
# cargo installs: wasm-bindgen-cli, wasm-pack and geckodriver).
# Nothing here downloads from anywhere but the package registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[ensure-tools] %s\n' "$*"; }

# 1. The wasm target for the machine's Rust toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli at exactly the version Cargo.lock pins (the glue format must match).
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (had: ${have:-none})"
  # Not --locked: a locked transitive version is not served by this registry mirror.
  env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "$want" --force
fi

# 3. wasm-pack from crates.io (its npm package downloads a binary from GitHub and fails here).
if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack (crates.io; ~4 minutes)"
  env -u CARGO_TARGET_DIR cargo install wasm-pack --version 0.15.1
fi

# 4. geckodriver for the Firefox run of the wasm suite, in its own directory: the test runner
#    prefers a geckodriver it finds on PATH over chromedriver, so it must not be on PATH.
GECKO_ROOT="$HOME/.cache/telnyx-portouts/geckodriver"
if [ ! -x "$GECKO_ROOT/bin/geckodriver" ]; then
  say "installing geckodriver (crates.io; ~2.5 minutes)"
  env -u CARGO_TARGET_DIR cargo install geckodriver --version 0.37.1 --root "$GECKO_ROOT"
fi

# 5. Chromium, its driver and Firefox ESR from Debian (browser tests). Never Debian's binaryen
#    (wasm-opt 108 produces modules that fail to load); wasm-opt comes from npm below.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/firefox-esr ]; then
  say "installing chromium, chromium-driver and firefox-esr"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver firefox-esr >/dev/null
fi

# 6. npm dev tools (binaryen's wasm-opt, playwright-core, typescript, ...), from package-lock.json.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.lock-hash ] || [ "$(cat node_modules/.lock-hash)" != "$lock_hash" ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.lock-hash
fi
say "ok: $(rustc --version | cut -d' ' -f1-2), wasm-bindgen $want, $(wasm-pack --version), $(/usr/bin/chromium --version 2>/dev/null | head -1), $(/usr/bin/firefox-esr --version 2>/dev/null | head -1), node $(node --version)"
