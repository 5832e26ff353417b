#!/usr/bin/env bash
# City-scale reads (issue 22), on a release build: seeds PERSONS persons (PERSONS × 2/5
# households, `minzheng seed`) into a fresh SQLite file and a fresh PostgreSQL database, and
# on each runs `minzheng bench reads`: CONNECTIONS clients (default 64) for READ_SECONDS (20) on
# /healthz and on each read a caseworker makes — household list page 1 and page 5 000 as the
# city sees them, a street officer's list, name contains, ID-number search, a person's
# record — printing for each req/s, p50 and p99 and the ratio to /healthz of the same run.
# The load comes from wrk (Debian's package, installed here when missing and we are root), a
# process of its own, as the issue's reference figures did; LOAD=client makes it in the server's
# process with the app's HTTP client instead.
# usage: Benchmarks/reads.sh [PERSONS]   (default 1000000; 5000000 when asked)
# env: MINZHENG_BIN (a release binary built already), DATABASES ("sqlite postgres"),
#      CONNECTIONS, READ_SECONDS, ONLY (comma-separated read names' beginnings, e.g. "households"),
#      NAME (the name-contains query; default the middle person's first two characters, which
#      differ between registries of different sizes), LOAD (wrk or client),
#      READS_DIR (where the seeded SQLite file is kept between runs:
#      an existing one of the same size is reused), SCALE_DATABASE_URL / PGPORT (as
#      Benchmarks/scale-postgres.sh), KEEP=1 keeps the PostgreSQL database (with READS_DIR, which
#      keeps the data key too).
set -euo pipefail
cd "$(dirname "$0")/.."
persons="${1:-1000000}"
households=$((persons * 2 / 5))
connections="${CONNECTIONS:-64}"
seconds="${READ_SECONDS:-20}"
databases="${DATABASES:-sqlite postgres}"
work="$(mktemp -d)"
load="${LOAD:-wrk}"
if [[ "$load" == wrk ]] && ! command -v wrk >/dev/null; then
    [[ "$(id -u)" == 0 ]] || { echo "wrk is not installed and we are not root: apt-get install wrk, or LOAD=client" >&2; exit 2; }
    apt-get install -y -q wrk >&2 </dev/null || { apt-get update -q >&2 </dev/null && apt-get install -y -q wrk >&2 </dev/null; }
fi
if [[ -n "${MINZHENG_BIN:-}" ]]; then bin="$MINZHENG_BIN"; else
    swift build -c release --product minzheng >&2
    bin="$(swift build -c release --show-bin-path)/minzheng"
fi
# The data key lives in the data folder: kept with the seeded file (READS_DIR), or a kept
# database (KEEP=1) could not be read on the next run.
export MINZHENG_DATA_DIR="${READS_DIR:-$work}/data"
pg_name="minzheng_reads_$persons"
cleanup() {
    rm -rf "$work"
    if [[ -n "${server:-}" && "${KEEP:-}" != 1 ]]; then
        psql -X -q "$server" -c "DROP DATABASE IF EXISTS $pg_name" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

seed() {
    local started
    started=$(date +%s.%N)
    "$bin" seed --households "$households" >"$work/seed.json"
    echo "{\"step\":\"seed\",\"database\":\"$1\",\"persons\":$persons,\"wallSeconds\":$(echo "$(date +%s.%N) - $started" | bc),\"output\":$(tail -1 "$work/seed.json")}"
}

for database in $databases; do
    case "$database" in
    sqlite)
        dir="${READS_DIR:-$work}"
        mkdir -p "$dir"
        file="$dir/reads-$persons.sqlite"
        export DATABASE_URL="sqlite:$file"
        if [[ ! -s "$file" ]]; then
            seed sqlite
            # After a bulk load the planner's statistics, as `PRAGMA optimize` would gather them.
            sqlite3 "$file" "ANALYZE" >/dev/null
        fi
        ;;
    postgres)
        server="${SCALE_DATABASE_URL:-$(scripts/postgres-start.sh "${SCALE_PG_DIR:-/tmp/minzheng-scale-pg}" 2>/dev/null)}"
        if [[ "${KEEP:-}" != 1 ]] || ! psql -X -At "$server" -c "SELECT 1 FROM pg_database WHERE datname = '$pg_name'" | grep -q 1; then
            psql -X -q "$server" -c "DROP DATABASE IF EXISTS $pg_name" -c "CREATE DATABASE $pg_name" >/dev/null
            export DATABASE_URL="${server%/*}/$pg_name"
            seed postgres
            psql -X -q "$DATABASE_URL" -c "VACUUM ANALYZE" >/dev/null
        fi
        export DATABASE_URL="${server%/*}/$pg_name"
        ;;
    *) echo "unknown database $database" >&2; exit 2 ;;
    esac
    "$bin" bench reads --connections "$connections" --seconds "$seconds" --load "$load" ${ONLY:+--only "$ONLY"} \
      ${NAME:+--name "$NAME"} >"$work/reads.json" 2>"$work/err.txt" \
      || { tail -20 "$work/err.txt" >&2; exit 1; }
    python3 - "$(tail -1 "$work/reads.json")" <<'PY'
import json, sys
summary = json.loads(sys.argv[1])
for read in summary["reads"]:
    print(json.dumps({"database": summary["database"], "load": summary["load"], "persons": summary["persons"],
                      "connections": summary["connections"], **read}, ensure_ascii=False))
PY
done
