#!/usr/bin/env bash
# `npm test`: the whole suite on a clean machine. Installs what is missing, starts the test stack
# (PostgreSQL + two Neo4j of its own on 7689 and 7690), migrates fresh per-workspace test databases and runs every
# workspace's tests through Turborepo (codegen -> build -> typecheck -> test).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

bash scripts/install-deps.sh --browser

if [[ -z "${DATABASE_URL:-}" || -z "${NEO4J_URI:-}" ]]; then
  SONGNODES_STACK=test bash scripts/stack.sh up
fi
# The second gold instance the sync's replica tests need (server/test/support/sync-replicas.ts).
if [[ -z "${NEO4J_URI_2:-}" ]]; then
  (unset NEO4J_URI; SONGNODES_STACK=test2 bash scripts/stack.sh up)
fi
# The test stack's URLs (contracts/src/local-stack.json, the one home of the defaults) unless already set.
eval "$(node --input-type=module -e "
  import { useTestStackDefaults } from './scripts/local-stack.mjs';
  const env = { ...process.env }; useTestStackDefaults(env);
  for (const k of ['DATABASE_URL', 'NEO4J_URI', 'NEO4J_URI_2', 'NEO4J_PASSWORD']) console.log('export ' + k + '=' + JSON.stringify(env[k]));
")"
export LOG_LEVEL="${LOG_LEVEL:-silent}"

mkdir -p test-artifacts
rm -f test-artifacts/*.json
status=0
# Lint and format (biome.json): seconds, before anything slow.
npx biome ci . || status=1
node --test scripts/*.test.mjs bench/next-track/*.test.mjs bench/scale/*.test.mjs || status=1
npx turbo run test --concurrency=1 --continue --output-logs=full "$@" || status=1
node scripts/summarize-tests.mjs test-artifacts || status=1
exit $status
