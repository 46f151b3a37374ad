#!/usr/bin/env bash
# The local stack: a project-local PostgreSQL cluster and a Neo4j Community server, both on loopback.
#
#   scripts/stack.sh up | down | status
#
# Data lives under .stack/ (git-ignored) and survives down/up. Running servers are reused.
# SONGNODES_STACK=test selects the test instance (test2 a second test Neo4j, for the gold-replica tests) (its own Neo4j on its own port; the PostgreSQL cluster is shared,
# tests use their own databases). If DATABASE_URL or NEO4J_URI is set, that server is used and nothing is started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INSTANCE="${SONGNODES_STACK:-dev}"
STACK_DIR="${SONGNODES_STACK_DIR:-$ROOT/.stack}"

# Defaults: contracts/src/local-stack.json, their one home (the apps and scripts read the same file).
stack_default() { node -p "require('$ROOT/contracts/src/local-stack.json').$1"; }
PG_PORT="${SONGNODES_PG_PORT:-$(stack_default postgres.port)}"
PG_USER="$(stack_default postgres.user)"
PG_PASSWORD="$(stack_default postgres.password)"
PG_DATABASE="${SONGNODES_PG_DATABASE:-$(stack_default postgres.database)}"

NEO4J_VERSION=5.26.30
NEO4J_CACHE="${SONGNODES_NEO4J_CACHE:-$STACK_DIR/cache/neo4j-$NEO4J_VERSION}"
NEO4J_HOME="$STACK_DIR/neo4j-$INSTANCE"
NEO4J_PASSWORD="${NEO4J_PASSWORD:-$(stack_default neo4j.password)}"
if [[ "$INSTANCE" == test || "$INSTANCE" == test2 ]]; then
  # test2: the second gold instance the sync's replica tests project into (README, "Read scale-out").
  NEO4J_BOLT_PORT="${SONGNODES_NEO4J_PORT:-$(stack_default "neo4j.boltPort.$INSTANCE")}"
  NEO4J_HEAP="${NEO4J_HEAP:-1g}"
  NEO4J_PAGECACHE="${NEO4J_PAGECACHE:-512m}"
else
  NEO4J_BOLT_PORT="${SONGNODES_NEO4J_PORT:-$(stack_default neo4j.boltPort.dev)}"
  NEO4J_HEAP="${NEO4J_HEAP:-2g}"
  NEO4J_PAGECACHE="${NEO4J_PAGECACHE:-2g}"
fi

say() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] error: %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------- PostgreSQL

pg_bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    say "PostgreSQL server binaries not found: installing Debian's postgresql package with apt-get"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 \
      || die "could not install PostgreSQL with apt-get; install it, or set DATABASE_URL to a running server"
    dir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  echo "$dir"
}

# PostgreSQL refuses to run as root: as root, run its tools as the 'postgres' system user.
as_pg_owner() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_data_dir() {
  local dir="$STACK_DIR/postgres"
  if [[ $EUID -eq 0 ]] && ! runuser -u postgres -- test -x "$(dirname "$STACK_DIR")" 2>/dev/null; then
    # The checkout sits where the postgres user cannot reach (e.g. under /root): keep the cluster elsewhere.
    dir="/var/lib/songnodes/$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)/postgres"
  fi
  echo "$dir"
}

pg_up() {
  if [[ -n "${DATABASE_URL:-}" ]]; then say "PostgreSQL: using DATABASE_URL, starting nothing"; return; fi
  local bin data
  bin="$(pg_bin_dir)"
  data="$(pg_data_dir)"
  mkdir -p "$data"
  [[ $EUID -eq 0 ]] && chown postgres:postgres "$data" && chmod 700 "$data"

  if [[ ! -f "$data/PG_VERSION" ]]; then
    say "PostgreSQL: creating a cluster in $data"
    local pwfile
    pwfile="$(mktemp)"; printf '%s\n' "$PG_PASSWORD" >"$pwfile"; chmod 644 "$pwfile"
    as_pg_owner "$bin/initdb" -D "$data" -U "$PG_USER" --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
    cat >>"$data/postgresql.conf" <<EOF
# songnodes local stack
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$data'
shared_buffers = 512MB
work_mem = 32MB
maintenance_work_mem = 256MB
max_connections = 200
synchronous_commit = off
EOF
  fi

  if as_pg_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    say "PostgreSQL: reusing the running cluster on 127.0.0.1:$PG_PORT"
  elif port_open "$PG_PORT"; then
    say "PostgreSQL: port $PG_PORT is taken by another server; reusing it"
  else
    say "PostgreSQL: starting on 127.0.0.1:$PG_PORT"
    as_pg_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null \
      || { tail -n 30 "$data/server.log" >&2; die "PostgreSQL did not start"; }
  fi

  local tries=0
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do
    ((tries++ < 60)) || die "PostgreSQL is not answering on 127.0.0.1:$PG_PORT"
    sleep 1
  done
  if ! PGPASSWORD="$PG_PASSWORD" psql -qAt -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres \
    -c "select 1 from pg_database where datname = '$PG_DATABASE'" | grep -q 1; then
    PGPASSWORD="$PG_PASSWORD" psql -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres \
      -c "create database \"$PG_DATABASE\"" >/dev/null
    say "PostgreSQL: created database $PG_DATABASE"
  fi
}

pg_down() {
  [[ -n "${DATABASE_URL:-}" ]] && return
  local data bin
  data="$(pg_data_dir)"
  [[ -f "$data/PG_VERSION" ]] || return 0
  bin="$(pg_bin_dir)"
  if as_pg_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_pg_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null && say "PostgreSQL: stopped (data kept in $data)"
  fi
}

pg_status() {
  if [[ -n "${DATABASE_URL:-}" ]]; then echo "postgres: external (DATABASE_URL)"; return; fi
  if port_open "$PG_PORT"; then echo "postgres: up on 127.0.0.1:$PG_PORT (data $(pg_data_dir))"
  else echo "postgres: down"; fi
}

# ---------------------------------------------------------------- Neo4j

java_bin() {
  local candidate version
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    version="$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
    if [[ "${version%%.*}" -ge 17 ]]; then echo "$candidate"; return; fi
  done
  die "Neo4j $NEO4J_VERSION needs Java 17 or newer; none found (set JAVA_HOME)"
}

neo4j_fetch() {
  [[ -f "$NEO4J_CACHE/lib/.complete" ]] && return
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch Neo4j from Maven Central"
  say "Neo4j: fetching $NEO4J_VERSION jars from Maven Central (once)"
  mkdir -p "$NEO4J_CACHE/lib"
  mvn -B -q -f "$ROOT/scripts/neo4j/pom.xml" -Dneo4j.version="$NEO4J_VERSION" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$NEO4J_CACHE/lib" >/dev/null || die "mvn could not fetch Neo4j $NEO4J_VERSION"
  touch "$NEO4J_CACHE/lib/.complete"
}

neo4j_write_conf() {
  mkdir -p "$NEO4J_HOME"/{conf,data,logs,run,import,plugins}
  cat >"$NEO4J_HOME/conf/neo4j.conf" <<EOF
# Written by scripts/stack.sh on every start; edit the script, not this file.
server.default_listen_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:$NEO4J_BOLT_PORT
server.bolt.advertised_address=127.0.0.1:$NEO4J_BOLT_PORT
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
server.memory.heap.initial_size=$NEO4J_HEAP
server.memory.heap.max_size=$NEO4J_HEAP
server.memory.pagecache.size=$NEO4J_PAGECACHE
db.tx_log.rotation.retention_policy=1 files
server.directories.data=$NEO4J_HOME/data
server.directories.logs=$NEO4J_HOME/logs
server.directories.run=$NEO4J_HOME/run
server.directories.import=$NEO4J_HOME/import
server.directories.plugins=$NEO4J_HOME/plugins
EOF
}

neo4j_pid() {
  local pid
  pid="$(cat "$NEO4J_HOME/run/neo4j.pid" 2>/dev/null || true)"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

neo4j_log_tail() {
  for f in neo4j.log console.log debug.log; do
    [[ -s "$NEO4J_HOME/logs/$f" ]] && { echo "--- $NEO4J_HOME/logs/$f (tail)"; tail -n 25 "$NEO4J_HOME/logs/$f"; }
  done >&2
}

neo4j_up() {
  if [[ -n "${NEO4J_URI:-}" ]]; then say "Neo4j: using NEO4J_URI, starting nothing"; return; fi
  if [[ -n "$(neo4j_pid)" ]]; then say "Neo4j ($INSTANCE): reusing the running server on bolt://127.0.0.1:$NEO4J_BOLT_PORT"; return; fi
  if port_open "$NEO4J_BOLT_PORT"; then say "Neo4j: port $NEO4J_BOLT_PORT is taken by another server; reusing it"; return; fi

  neo4j_fetch
  local java
  java="$(java_bin)"
  neo4j_write_conf
  local cp="$NEO4J_CACHE/lib/*"
  if [[ ! -f "$NEO4J_HOME/data/dbms/auth.ini" && ! -d "$NEO4J_HOME/data/databases" ]]; then
    NEO4J_HOME="$NEO4J_HOME" NEO4J_CONF="$NEO4J_HOME/conf" "$java" -cp "$cp" org.neo4j.cli.AdminTool \
      dbms set-initial-password "$NEO4J_PASSWORD" >/dev/null || die "could not set Neo4j's initial password"
  fi

  say "Neo4j ($INSTANCE): starting $NEO4J_VERSION on bolt://127.0.0.1:$NEO4J_BOLT_PORT (heap $NEO4J_HEAP, page cache $NEO4J_PAGECACHE)"
  : >"$NEO4J_HOME/logs/neo4j.log"
  # JVM flags from the official distribution's neo4j.conf (server.jvm.additional).
  nohup "$java" -Xms"$NEO4J_HEAP" -Xmx"$NEO4J_HEAP" -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow \
    -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields -XX:+DisableExplicitGC \
    -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
    --enable-native-access=ALL-UNNAMED \
    -cp "$cp" org.neo4j.server.CommunityEntryPoint --home-dir="$NEO4J_HOME" --config-dir="$NEO4J_HOME/conf" \
    >"$NEO4J_HOME/logs/console.log" 2>&1 </dev/null &
  echo $! >"$NEO4J_HOME/run/neo4j.pid"

  local waited=0
  until port_open "$NEO4J_BOLT_PORT" && grep -q 'Started\.' "$NEO4J_HOME/logs/neo4j.log" 2>/dev/null; do
    if [[ -z "$(neo4j_pid)" ]]; then neo4j_log_tail; die "Neo4j exited during start-up"; fi
    ((waited++ < 180)) || { neo4j_log_tail; die "Neo4j did not answer on Bolt within 180 s"; }
    sleep 1
  done
  say "Neo4j ($INSTANCE): up after ${waited}s"
}

neo4j_down() {
  [[ -n "${NEO4J_URI:-}" ]] && return
  local pid waited=0
  pid="$(neo4j_pid || true)"
  [[ -n "$pid" ]] || return 0
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    ((waited++ < 60)) || { kill -9 "$pid"; break; }
    sleep 1
  done
  rm -f "$NEO4J_HOME/run/neo4j.pid"
  say "Neo4j ($INSTANCE): stopped (data kept in $NEO4J_HOME/data)"
}

neo4j_status() {
  if [[ -n "${NEO4J_URI:-}" ]]; then echo "neo4j: external (NEO4J_URI)"; return; fi
  local pid
  pid="$(neo4j_pid || true)"
  if [[ -n "$pid" ]]; then echo "neo4j ($INSTANCE): up on bolt://127.0.0.1:$NEO4J_BOLT_PORT (pid $pid)"
  elif port_open "$NEO4J_BOLT_PORT"; then echo "neo4j ($INSTANCE): port $NEO4J_BOLT_PORT answers (not started by this checkout)"
  else echo "neo4j ($INSTANCE): down"; fi
}

case "${1:-}" in
  up) pg_up; neo4j_up ;;
  down) neo4j_down; pg_down ;;
  status) pg_status; neo4j_status ;;
  *) echo "usage: $0 up|down|status   (SONGNODES_STACK=test for the test instance)" >&2; exit 2 ;;
esac
