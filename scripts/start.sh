#!/usr/bin/env bash
# `npm start`: the main job on a clean machine. Installs what is missing, starts the local stack, applies the
# database contracts, builds, fills an empty database with the bundled real data through `crawl import` (the
# 257-mix MixesDB CSV sample and the 878 Essential Mix pages of data/mixesdb-wikitext; a second start imports
# nothing, a killed first import completes), syncs silver to the graph, then serves the API and the explorer on one
# port (default 4000), with a sync worker following new crawls and a crawl worker crawling requested tracks, until
# interrupted. A local run is single-user (SONGNODES_AUTH_MODE=local): the admin token is made once into
# .stack/admin-token (mode 600) and handed to the explorer in the link printed below (#token=…, a fragment the
# browser keeps to itself).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

bash scripts/install-deps.sh
bash scripts/stack.sh up
node scripts/migrate.mjs
npx turbo run build --output-logs=errors-only

# The mix-less tracklist.csv is left out: it is one of the Cocorico mixes again, without a page to say so.
node crawler/dist/main.js import --if-empty crawler/src/sources/mixesdb/fixtures/*_tracklists.csv data/mixesdb-wikitext
node server/dist/sync/main.js

# The admin token of this machine, made once (README, "The API": authorisation), unless one is given.
export SONGNODES_AUTH_MODE="${SONGNODES_AUTH_MODE:-local}"
if [[ -z "${SONGNODES_ADMIN_TOKEN:-}" ]]; then
  token_file="${SONGNODES_STACK_DIR:-$ROOT/.stack}/admin-token"
  mkdir -p "$(dirname "$token_file")"
  if [[ ! -s "$token_file" ]]; then
    (umask 077 && node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64url'))" > "$token_file")
  fi
  chmod 600 "$token_file"
  SONGNODES_ADMIN_TOKEN="$(cat "$token_file")"
  export SONGNODES_ADMIN_TOKEN
fi

node server/dist/sync/main.js --watch &
watcher=$!
# A crawl worker: wakes on requestTrack / approveTrackRequest / requestCrawl (NOTIFY crawl_requested) and every 10 min.
node crawler/dist/main.js worker &
crawler=$!
trap 'kill $watcher $crawler 2>/dev/null || true' EXIT

port="${PORT:-4000}"
printf '\n  SongNodes explorer:  http://localhost:%s/\n  GraphQL API:         http://localhost:%s/graphql\n' "$port" "$port" >&2
if [[ "$SONGNODES_AUTH_MODE" == local ]]; then
  printf '  Signed in (admin):   http://localhost:%s/#token=%s\n' "$port" "$SONGNODES_ADMIN_TOKEN" >&2
fi
printf '\n' >&2
node server/dist/main.js
