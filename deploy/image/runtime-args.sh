# shellcheck shell=bash
# Sourced by scripts/build-image.sh and deploy/image/smoke.sh: the flags podman/buildah need to run a container on
# this kind of machine, in the array RUNTIME_ARGS.
# - Limits: rootful podman raises RLIMIT_NOFILE/NPROC to 1M/4M by default, which needs CAP_SYS_RESOURCE; a VM or
#   container without it fails with "setrlimit ... Operation not permitted". Ask for the host's own hard limits.
# - Runtime: crun refuses a hybrid cgroup v1/v2 host ("cgroups in hybrid mode not supported"); runc runs there.
#   (nproc: the host's hard limit itself was refused on the machine this was written on, 32768 was not.)
_nofile="$(ulimit -Hn)"; [[ "$_nofile" == unlimited || "$_nofile" -gt 65536 ]] && _nofile=65536
RUNTIME_ARGS=(--ulimit "nofile=$_nofile:$_nofile" --ulimit "nproc=32768:32768")
if [[ -d /sys/fs/cgroup/unified && -n "$(ls /sys/fs/cgroup/unified 2>/dev/null)" ]] && command -v runc >/dev/null; then
  RUNTIME_ARGS+=(--runtime runc)
fi
