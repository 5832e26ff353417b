#!/usr/bin/env bash
# Stop the test PostgreSQL server started by scripts/postgres-start.sh.
#
#   scripts/postgres-stop.sh [--purge] [DIR]
#
# DIR (or env MINZHENG_PG_DIR) is the same folder given to postgres-start.sh;
# default: ${TMPDIR:-/tmp}/minzheng-pg. --purge also deletes that folder (all data).
# Stopping a server that is not running is not an error.
set -euo pipefail

log() { echo "postgres-stop: $*" >&2; }

PURGE=0
if [[ "${1:-}" == "--purge" ]]; then PURGE=1; shift; fi
BASE="${1:-${MINZHENG_PG_DIR:-${TMPDIR:-/tmp}/minzheng-pg}}"
DATA="$BASE/data"

if [[ ! -d "$BASE" ]]; then
  log "nothing to stop: $BASE does not exist"
  exit 0
fi

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -f "$DATA/PG_VERSION" ]]; then
  v="$(cat "$DATA/PG_VERSION")"
  [[ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]] && BIN="/usr/lib/postgresql/$v/bin"
fi

if [[ "$(id -u)" == 0 ]] && id postgres >/dev/null 2>&1; then
  if command -v runuser >/dev/null 2>&1; then
    as_pg() { runuser -u postgres -- "$@"; }
  else
    as_pg() { local q; printf -v q '%q ' "$@"; su -s /bin/sh postgres -c "$q"; }
  fi
else
  as_pg() { "$@"; }
fi

# A live (not zombie) process named postgres with that PID?
postgres_alive() {
  local pid="$1" state
  [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/stat" ]] || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == postgres ]] || return 1
  state="$(sed 's/^.*) //' "/proc/$pid/stat" | cut -d' ' -f1)"
  [[ "$state" != Z && "$state" != X ]]
}

if [[ -f "$DATA/postmaster.pid" ]] && ! postgres_alive "$(sed -n 1p "$DATA/postmaster.pid")"; then
  log "removing stale $DATA/postmaster.pid (its server is gone)"
  rm -f "$DATA/postmaster.pid"
fi

if [[ -n "$BIN" && -f "$DATA/postmaster.pid" ]]; then
  log "stopping the server in $DATA"
  if ! as_pg "$BIN/pg_ctl" stop -D "$DATA" -m fast -w -t 60 >/dev/null; then
    log "fast shutdown timed out; using immediate shutdown"
    as_pg "$BIN/pg_ctl" stop -D "$DATA" -m immediate -w -t 30 >/dev/null
  fi
  log "stopped"
else
  log "no server running in $DATA"
fi

if [[ "$PURGE" == 1 ]]; then
  log "removing $BASE"
  rm -rf "$BASE"
fi
