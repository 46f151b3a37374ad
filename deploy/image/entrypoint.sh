#!/bin/sh
# The image's entry point: the first argument picks the process; the rest is passed on.
#   api                 the GraphQL API + explorer on $PORT (server/dist/main.js)
#   worker [args]       the crawl worker (crawler/dist/main.js worker ...)
#   sync [args]         the silver -> gold sync (server/dist/sync/main.js: one run, --full, --check); `sync --watch`
#                       (the gold sidecar) first applies cypher/schema to its Neo4j ($NEO4J_URI)
#   migrate [args]      scripts/migrate.mjs (`--only sql` in the Kubernetes Job, `--only cypher` per gold instance)
#   crawl <args>        any crawler command (targets, run, url, reparse, sample ...)
#   help | --help       this text
set -eu
APP="${SONGNODES_APP_DIR:-/app}"

usage() {
  sed -n '2,10s/^# \{0,1\}//p' "$0"
}

cmd="${1:-api}"
[ "$#" -gt 0 ] && shift
case "$cmd" in
  api)
    case "${1:-}" in -h|--help) usage; exit 0 ;; esac
    exec node "$APP/server/dist/main.js" "$@" ;;
  worker)
    exec node "$APP/crawler/dist/main.js" worker "$@" ;;
  crawl)
    exec node "$APP/crawler/dist/main.js" "$@" ;;
  sync)
    if [ "${1:-}" = "--watch" ]; then
      # Each gold instance is its own Neo4j: its sidecar makes sure the schema is there before projecting into it.
      node "$APP/scripts/migrate.mjs" --only cypher
    fi
    exec node "$APP/server/dist/sync/main.js" "$@" ;;
  migrate)
    exec node "$APP/scripts/migrate.mjs" "$@" ;;
  help|-h|--help)
    usage ;;
  *)
    echo "songnodes: unknown command '$cmd'" >&2
    usage >&2
    exit 2 ;;
esac
