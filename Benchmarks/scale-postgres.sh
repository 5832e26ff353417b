#!/usr/bin/env bash
# Scale on PostgreSQL, on a release build: seeds PERSONS persons (PERSONS × 2/5 households,
# `minzheng seed`) into a fresh PostgreSQL database and measures what grows with the registry:
#   the person lookup by ID number (`bench lookup`, over HTTP),
#   the household list, first and last page (`bench household-list`, over HTTP),
#   the month's payment roll for PERSONS/10 enrollments and the standard-change
#   recalculation (`bench payroll`),
#   the feed ingest of FEED_ROWS rows (default 100 000) with every rule (`bench feeds`).
# The figures of an earlier run (its last line, e.g. at 1 M) given as BASELINE are printed
# beside this run's with their ratio, so that growth is visible.
# usage: Benchmarks/scale-postgres.sh [PERSONS] [BASELINE.json]   → JSON lines, then a summary
# env: SCALE_DATABASE_URL (a server to use; default: scripts/postgres-start.sh in SCALE_PG_DIR,
#      default /tmp/minzheng-scale-pg, on PGPORT), FEED_ROWS, KEEP=1 keeps the database.
set -euo pipefail
cd "$(dirname "$0")/.."
persons="${1:-10000000}"
baseline="${2:-}"
households=$((persons * 2 / 5))
enrollments=$((persons / 10))
feed_rows="${FEED_ROWS:-100000}"
work="$(mktemp -d)"
# MINZHENG_BIN: a release binary built already (with its .resources folders beside it).
if [[ -n "${MINZHENG_BIN:-}" ]]; then bin="$MINZHENG_BIN"; else
    swift build -c release --product minzheng >&2
    bin="$(swift build -c release --show-bin-path)/minzheng"
fi

server="${SCALE_DATABASE_URL:-$(scripts/postgres-start.sh "${SCALE_PG_DIR:-/tmp/minzheng-scale-pg}" 2>/dev/null)}"
name="minzheng_scale_$persons"
psql -X -q "$server" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
export DATABASE_URL="${server%/*}/$name" MINZHENG_DATA_DIR="$work/data"
cleanup() {
    rm -rf "$work"
    [[ "${KEEP:-}" == 1 ]] || psql -X -q "$server" -c "DROP DATABASE IF EXISTS $name" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Runs a command under /usr/bin/time: its stdout (one JSON line) in $out, wall time and peak
# resident memory (MB) in $wall and $peak.
measure() {
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >"$work/out.json" 2>"$work/err.txt" \
      || { tail -20 "$work/err.txt" >&2; exit 1; }
    read -r wall peak_kb <"$work/time.txt"
    peak=$((peak_kb / 1024)) out="$(tail -1 "$work/out.json")"
}

measure "$bin" seed --households "$households"
echo "{\"step\":\"seed\",\"wallSeconds\":$wall,\"peakMB\":$peak,\"output\":$out}"
seed="$out" seed_wall=$wall
# After a bulk load the planner needs statistics, as autovacuum would gather them shortly.
started=$(date +%s.%N)
psql -X -q "$DATABASE_URL" -c "VACUUM ANALYZE" >/dev/null
analyze=$(echo "$(date +%s.%N) - $started" | bc)
echo "{\"step\":\"vacuum analyze\",\"wallSeconds\":$analyze}"
measure "$bin" bench lookup --samples 1000
lookup="$out"
echo "$lookup"
measure "$bin" bench household-list --samples 30
list="$out"
echo "$list"
measure "$bin" bench payroll --enrollments "$enrollments"
payroll="$out" payroll_peak=$peak
echo "{\"step\":\"payroll\",\"peakMB\":$peak,\"output\":$out}"
# The payroll's enrollments are the ones the feed rules read: the feed benchmark adds none.
measure "$bin" bench feeds --rows "$feed_rows" --enrollments 0 --folder "$work/feeds"
feeds="$out" feeds_peak=$peak
echo "{\"step\":\"feeds\",\"peakMB\":$peak,\"output\":$out}"
size="$(psql -X -At "$DATABASE_URL" -c "SELECT pg_database_size(current_database()) / 1048576")"

python3 - "$seed" "$seed_wall" "$lookup" "$list" "$payroll" "$payroll_peak" "$feeds" "$feeds_peak" "$size" "$baseline" <<'PY'
import json, sys
seed, lookup, listing, payroll, feeds = (json.loads(sys.argv[i]) for i in (1, 3, 4, 5, 7))
figures = {
    "persons": seed["persons"], "households": seed["households"], "seedSeconds": float(sys.argv[2]),
    "databaseMB": int(sys.argv[9]),
    "lookupMedianMs": lookup["medianMilliseconds"], "lookupP95Ms": lookup["p95Milliseconds"],
    "listFirstPageMedianMs": listing["firstPageMedianMilliseconds"], "listDeepPage": listing["deepPage"],
    "listDeepPageMedianMs": listing["deepPageMedianMilliseconds"],
    "payrollEnrollments": payroll["enrollments"], "payrollRollLines": payroll["rollLines"],
    "payrollGenerateSeconds": payroll["generateSeconds"], "payrollPeakMB": int(sys.argv[6]),
    "recalculateSeconds": payroll["recalculateSeconds"], "recalculateAssessed": payroll["recalculateAssessed"],
    "feedRows": feeds["rows"], "feedSeconds": feeds["seconds"], "feedRowsPerSecond": feeds["rowsPerSecond"],
    "feedAlerts": feeds["alerts"], "feedPeakMB": int(sys.argv[8]),
}
summary = {"benchmark": "scale-postgres", **figures}
if sys.argv[10]:
    base = json.loads(open(sys.argv[10]).read().strip().splitlines()[-1])
    summary["baseline"] = {k: base.get(k) for k in figures}
    summary["growth"] = {k: round(v / base[k], 2) for k, v in figures.items()
                         if isinstance(v, (int, float)) and isinstance(base.get(k), (int, float)) and base[k]}
print(json.dumps(summary, sort_keys=True))
PY
