#!/usr/bin/env bash
# Start a throwaway local PostgreSQL server for Minzheng's tests and print its URL.
#
#   url="$(scripts/postgres-start.sh [DIR])"   # -> postgres://minzheng:minzheng@127.0.0.1:54329/minzheng
#   DATABASE_URL="$url" swift test
#   scripts/postgres-stop.sh [DIR]
#
# - DIR (or env MINZHENG_PG_DIR) holds the cluster; default: ${TMPDIR:-/tmp}/minzheng-pg
# - env PGPORT picks the port (default 54329); the server listens on 127.0.0.1 only.
# - Installs Debian's `postgresql` package with apt-get if it is missing (needs root).
# - Idempotent: if this cluster is already running, it is reused.
# - Role `minzheng` (password `minzheng`, CREATEDB) and database `minzheng` are ensured.
# - Only the URL goes to stdout; every log line goes to stderr.
# - The data is disposable: fsync is off. Never point this at data you care about.
set -euo pipefail

# Keep the real stdout on fd 3 for the URL; everything else goes to stderr.
exec 3>&1 1>&2

log() { echo "postgres-start: $*" >&2; }
die() { echo "postgres-start: error: $*" >&2; exit 1; }

PORT="${PGPORT:-54329}"
BASE="${1:-${MINZHENG_PG_DIR:-${TMPDIR:-/tmp}/minzheng-pg}}"
DB_USER=minzheng
DB_PASSWORD=minzheng
DB_NAME=minzheng

[[ "$PORT" =~ ^[0-9]+$ ]] || die "PGPORT must be a number, got '$PORT'"
mkdir -p "$BASE"
BASE="$(cd "$BASE" && pwd -P)"
DATA="$BASE/data"
RUN="$BASE/run"       # unix socket directory (local admin connections)
LOGFILE="$BASE/postgres.log"

find_bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" && -x "$d/psql" && -x "$d/pg_isready" ]]; then
    echo "$d"
  fi
}

# --- 1. make sure the server is installed -------------------------------------
BIN="$(find_bindir)"
if [[ -z "$BIN" ]]; then
  [[ "$(id -u)" == 0 ]] || die "PostgreSQL server is not installed and we are not root: run 'apt-get install postgresql' as root"
  log "PostgreSQL server not found; installing Debian's 'postgresql' package"
  t0=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  apt_opts=(-y -q -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  apt-get "${apt_opts[@]}" update </dev/null
  apt-get "${apt_opts[@]}" install --no-install-recommends postgresql </dev/null
  log "installed in $((SECONDS - t0))s"
  BIN="$(find_bindir)"
  [[ -n "$BIN" ]] || die "installed 'postgresql' but found no server binaries under /usr/lib/postgresql/*/bin"
fi
VERSION="$(basename "$(dirname "$BIN")")"
log "using PostgreSQL $VERSION from $BIN"

# --- 2. run as the postgres OS user when we are root --------------------------
if [[ "$(id -u)" == 0 ]]; then
  id postgres >/dev/null 2>&1 || die "OS user 'postgres' does not exist (it comes with the postgresql-common package)"
  if command -v runuser >/dev/null 2>&1; then
    as_pg() { runuser -u postgres -- "$@"; }
  else
    as_pg() { local q; printf -v q '%q ' "$@"; su -s /bin/sh postgres -c "$q"; }
  fi
  chown postgres:postgres "$BASE"
  chmod 700 "$BASE"
  as_pg test -w "$BASE" -a -x "$BASE" \
    || die "user 'postgres' cannot reach $BASE (is a parent folder private to root?); pass another folder, e.g. /tmp/minzheng-pg"
else
  as_pg() { "$@"; }   # non-root: the cluster belongs to the current user
fi
SUPERUSER="$(as_pg id -un)"

# psql as the cluster's superuser over the private unix socket
admin_psql() {
  as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$RUN" -p "$PORT" -U "$SUPERUSER" -d postgres "$@" </dev/null
}

port_in_use() { (exec 4<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A live (not zombie) process named postgres with that PID?
postgres_alive() {
  local pid="$1" state
  [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/stat" ]] || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == postgres ]] || return 1
  state="$(sed 's/^.*) //' "/proc/$pid/stat" | cut -d' ' -f1)"
  [[ "$state" != Z && "$state" != X ]]
}

running_port() {  # port of this data directory's live server, or nothing; clears a stale pid file
  [[ -f "$DATA/postmaster.pid" ]] || return 0
  if postgres_alive "$(sed -n 1p "$DATA/postmaster.pid")"; then
    sed -n 4p "$DATA/postmaster.pid"
  else
    log "removing stale $DATA/postmaster.pid (its server is gone)"
    rm -f "$DATA/postmaster.pid"
  fi
}

# --- 3. reuse a running cluster, or initialise and start one -------------------
current="$(running_port || true)"
if [[ -n "$current" && "$current" != "$PORT" ]]; then
  log "cluster in $DATA runs on port $current, not $PORT; restarting it on $PORT"
  as_pg "$BIN/pg_ctl" stop -D "$DATA" -m fast -w -t 60 >/dev/null
  current=""
fi

if [[ -n "$current" ]]; then
  log "reusing the cluster already running in $DATA on 127.0.0.1:$PORT"
else
  if port_in_use "$PORT"; then
    die "port $PORT on 127.0.0.1 is taken by another process; choose another with PGPORT=..."
  fi

  # A data directory from another major version, or a half-made one, is thrown away.
  if [[ -e "$DATA" ]] && { [[ ! -f "$DATA/PG_VERSION" ]] || [[ "$(cat "$DATA/PG_VERSION")" != "$VERSION" ]]; }; then
    log "discarding unusable data directory $DATA"
    rm -rf "$DATA"
  fi

  as_pg mkdir -p "$RUN"
  as_pg chmod 700 "$RUN"
  # Socket lock files left by a server that was killed (its PID may linger as a zombie).
  for lock in "$RUN"/.s.PGSQL.*.lock; do
    [[ -f "$lock" ]] || continue
    if ! postgres_alive "$(sed -n 1p "$lock")"; then rm -f "$lock"; fi
  done

  if [[ ! -f "$DATA/PG_VERSION" ]]; then
    log "initialising a new cluster in $DATA"
    # local (unix socket, private folder): trust; TCP on loopback: password (SCRAM).
    as_pg "$BIN/initdb" -D "$DATA" -U "$SUPERUSER" -E UTF8 --no-locale --no-sync \
      --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    cat <<'EOF' | as_pg tee -a "$DATA/postgresql.conf" >/dev/null

# --- added by scripts/postgres-start.sh: disposable test server ---
listen_addresses = '127.0.0.1'
max_connections = 400
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  fi

  log "starting on 127.0.0.1:$PORT (log: $LOGFILE)"
  # 3>&- : the server must not inherit the caller's stdout, or "$(postgres-start.sh)" would never return.
  if ! as_pg "$BIN/pg_ctl" start -D "$DATA" -l "$LOGFILE" -w -t 120 \
        -o "-c listen_addresses=127.0.0.1 -c max_connections=400 -p $PORT -k $RUN" </dev/null >/dev/null 3>&-; then
    tail -n 15 "$LOGFILE" >&2 || true
    die "the server did not start"
  fi
fi

# --- 4. wait until it accepts TCP connections ----------------------------------
for _ in $(seq 1 60); do
  if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2; then break; fi
  sleep 1
done
"$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 5 || { tail -n 30 "$LOGFILE" >&2 || true; die "server on 127.0.0.1:$PORT is not ready"; }

# --- 5. role and database -------------------------------------------------------
admin_psql -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  END IF;
END \$\$;"
if [[ "$(admin_psql -At -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]]; then
  admin_psql -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
fi

URL="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
PGPASSWORD="$DB_PASSWORD" "$BIN/psql" -X -q -At -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_NAME" \
  -c 'SELECT 1' </dev/null >/dev/null || die "cannot log in as $DB_USER over TCP"
log "ready: $URL"
echo "$URL" >&3
