#!/usr/bin/env bash
# `npm start`: the main job on a clean machine. Installs what is missing, starts the local stack, applies the
# database contracts, builds, and serves the API on PORT (default 4000) until interrupted.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

bash scripts/install-deps.sh
bash scripts/stack.sh up
node scripts/migrate.mjs
npx turbo run build --output-logs=errors-only

port="${PORT:-4000}"
printf '\n  SongNodes API:  http://localhost:%s/graphql   (health: http://localhost:%s/healthz)\n\n' "$port" "$port" >&2
exec node server/dist/index.js
