#!/usr/bin/env bash
# Runs the built image the way the cluster does, against real databases:
#   deploy/image/smoke.sh IMAGE     (needs DATABASE_URL and NEO4J_URI; NEO4J_PASSWORD, SMOKE_PORT optional)
# help, the non-root user, migrate, crawler commands (the bundled real sample through the replay server), one sync
# run and `sync --check`; the API: /healthz, /readyz, /metrics, a GraphQL query, the explorer, and its stop on
# SIGTERM; the gold sidecar's `sync --watch` (schema first, then watching, then SIGTERM). Host networking, so the
# container reaches the databases on loopback; the API listens on SMOKE_PORT (default 18050).
set -euo pipefail
image="${1:?usage: smoke.sh IMAGE}"
port="${SMOKE_PORT:-18050}"
say() { printf '[smoke] %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
# shellcheck source=deploy/image/runtime-args.sh
source "$(dirname "${BASH_SOURCE[0]}")/runtime-args.sh"
env_args=(-e "DATABASE_URL=$DATABASE_URL" -e "NEO4J_URI=$NEO4J_URI" -e "NEO4J_PASSWORD=${NEO4J_PASSWORD:-songnodes-dev}" -e LOG_LEVEL=warn)
run() { podman run "${RUNTIME_ARGS[@]}" --rm --network host "${env_args[@]}" "$image" "$@"; }

run help | grep -q '^  api ' || fail "help does not list the commands"
say "help: ok"
[[ "$(podman run "${RUNTIME_ARGS[@]}" --rm --entrypoint id "$image" -u)" == 10001 ]] || fail "the image does not run as uid 10001"
say "user: 10001 (non-root)"
run migrate >&2 || fail "migrate"
say "migrate: ok"
run crawl targets list >/dev/null || fail "crawl targets list"
say "crawl targets list: ok"
run crawl sample --if-empty >&2 || fail "crawl sample (the bundled real MixesDB sample through the replay server)"
say "crawl sample: ok"
run sync >&2 || fail "sync (one run)"
run sync --check >/dev/null || fail "sync --check: gold differs from silver"
say "sync, sync --check: ok"

name="songnodes-smoke-$$"
podman run "${RUNTIME_ARGS[@]}" -d --name "$name" --network host "${env_args[@]}" -e "PORT=$port" "$image" api >/dev/null
trap 'podman rm -f "$name" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  [[ "$(podman inspect -f '{{.State.Running}}' "$name")" == true ]] || { podman logs "$name" >&2; fail "api exited"; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/healthz" | grep -q '"ok":true' || fail "/healthz"
curl -fsS "http://127.0.0.1:$port/readyz" | grep -q '"ok":true' || fail "/readyz (databases not reachable from the API)"
curl -fsS "http://127.0.0.1:$port/metrics" | grep -q '^songnodes_pg_pool_connections' || fail "/metrics"
curl -fsS -H 'content-type: application/json' -d '{"query":"{ stats { tracks } }"}' "http://127.0.0.1:$port/graphql" \
  | grep -q '"tracks"' || fail "POST /graphql { stats { tracks } }"
curl -fsS "http://127.0.0.1:$port/" | grep -qi '<div id="root"' || fail "the explorer at /"
say "api: /healthz /readyz /metrics /graphql / all answer on :$port"
podman stop -t 20 "$name" >/dev/null
code="$(podman inspect -f '{{.State.ExitCode}}' "$name")"
case "$code" in
  0) say "api: stopped on SIGTERM with exit code 0" ;;
  # Apollo Server's own SIGTERM handler (stopOnTerminationSignals, on by default) stops Apollo and then kills the
  # process with the signal again, before the app's close() has finished: stopped, but not cleanly.
  143) say "WARNING: api stopped on SIGTERM but exited 143 (killed by the signal, not a clean exit)" ;;
  *) podman logs "$name" >&2; fail "api exit code $code after SIGTERM (137: did not stop within 20 s)" ;;
esac

# The gold sidecar: `sync --watch` applies the Neo4j schema, then follows silver until SIGTERM.
podman run "${RUNTIME_ARGS[@]}" -d --name "$name-sync" --network host "${env_args[@]}" -e LOG_LEVEL=info "$image" sync --watch >/dev/null
trap 'podman rm -f "$name" "$name-sync" >/dev/null 2>&1 || true' EXIT
sleep 8
[[ "$(podman inspect -f '{{.State.Running}}' "$name-sync")" == true ]] || { podman logs "$name-sync" >&2; fail "sync --watch exited"; }
# (the logs read whole first: `podman logs | grep -q` fails under pipefail when grep stops reading at the first line)
sync_logs="$(podman logs "$name-sync" 2>&1)"
grep -q '\[migrate\] neo4j: ' <<<"$sync_logs" || { printf '%s\n' "$sync_logs" >&2; fail "sync --watch did not apply cypher/schema first"; }
podman stop -t 30 "$name-sync" >/dev/null
code="$(podman inspect -f '{{.State.ExitCode}}' "$name-sync")"
[[ "$code" == 0 ]] || { podman logs "$name-sync" >&2; fail "sync --watch exit code $code after SIGTERM"; }
say "sync --watch: schema applied, watching, stopped on SIGTERM with exit code 0"
say "all passed"
