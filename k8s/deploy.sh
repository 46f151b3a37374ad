#!/usr/bin/env bash
# Rolls SongNodes out in the order it needs:
#   1. the database stage: every object labelled songnodes.io/stage=database (namespace, network policies, secrets,
#      PostgreSQL), then wait for PostgreSQL;
#   2. the migrate Job (overlays/<overlay>/migrate), waited for;
#   3. everything else, then wait for the rollouts.
#   k8s/deploy.sh local|production
# With Argo CD: an Application for overlays/<overlay> plus overlays/<overlay>/migrate as a PreSync hook (the Job
# carries the hook annotations). With Flux: a Kustomization for migrate/ that the main one dependsOn.
set -euo pipefail
overlay="${1:?usage: k8s/deploy.sh local|production}"
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/overlays/$overlay"
[[ -d "$dir" ]] || { echo "deploy: no overlay '$overlay'" >&2; exit 2; }
for example in "$dir"/secrets/*.env.example; do
  [[ -f "${example%.example}" ]] || { echo "deploy: fill in ${example%.example} first (see $(basename "$example"))" >&2; exit 1; }
done
ns=songnodes
say() { printf '[deploy] %s\n' "$*" >&2; }

say "1/3 database stage"
kubectl kustomize "$dir" | kubectl apply --selector songnodes.io/stage=database -f -
if [[ "$overlay" == local ]]; then
  kubectl -n "$ns" rollout status statefulset/postgres --timeout=5m
else
  kubectl -n "$ns" wait --for=condition=Ready cluster/songnodes-pg --timeout=20m
fi

say "2/3 migrate (sql/migrations)"
kubectl -n "$ns" delete job migrate --ignore-not-found --wait
kubectl apply -k "$dir/migrate"
kubectl -n "$ns" wait --for=condition=complete job/migrate --timeout=30m

say "3/3 the apps"
kubectl apply -k "$dir"
kubectl -n "$ns" rollout status statefulset/gold --timeout=30m
kubectl -n "$ns" rollout status deployment/api --timeout=10m
kubectl -n "$ns" rollout status deployment/crawl-worker --timeout=10m
say "done: kubectl -n $ns port-forward svc/api 4000:80, then http://localhost:4000/"
