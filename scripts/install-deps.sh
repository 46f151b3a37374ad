#!/usr/bin/env bash
# Installs what the project needs on a clean machine, and does nothing when it is already there.
#   scripts/install-deps.sh [--browser]
#   --browser   also Debian's Chromium (the crawler's 1001tracklists source and the browser tests drive it)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '[install] %s\n' "$*" >&2; }

apt_install() {
  if [[ $EUID -ne 0 ]]; then say "need root to apt-get install $*; install it yourself"; exit 1; fi
  say "installing Debian packages: $*"
  if [[ ! -f /tmp/.songnodes-apt-updated ]]; then apt-get update -qq >&2 && touch /tmp/.songnodes-apt-updated; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# Node packages, when the lockfile changed since the last install. `npm install` (which follows the lockfile)
# rather than `npm ci`: the registry mirror here lacks other platforms' optional binaries (@turbo/darwin-64...),
# so the lockfile cannot list them and `npm ci` would refuse it as out of sync.
stamp="$ROOT/node_modules/.songnodes-lock.sha256"
want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  say "npm install (package-lock.json changed or node_modules missing)"
  (cd "$ROOT" && npm install --no-audit --no-fund >&2)
  echo "$want" >"$stamp"
fi

command -v java >/dev/null || apt_install openjdk-17-jre-headless
command -v mvn >/dev/null || apt_install maven

if [[ "${1:-}" == --browser && ! -x /usr/bin/chromium ]]; then
  apt_install chromium fonts-dejavu-core
fi
