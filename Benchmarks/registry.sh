#!/usr/bin/env bash
# The registry targets of the foundation issue, measured on a release build:
#   seed 400 000 households into a fresh SQLite file (time, peak memory),
#   person lookup by ID number through the API on that registry (median),
#   import a 1 000 000-row CSV into a fresh SQLite file (time, peak memory),
#   sqlite3's own .import of the same CSV (the 3× reference),
#   sqlite3 writing the import's finished rows (households, persons, memberships) into an
#   empty migrated file with every index (the same-work floor, Benchmarks/same-work-reference.sh).
# usage: Benchmarks/registry.sh [HOUSEHOLDS] [ROWS]   → one JSON object per step, then a summary
set -euo pipefail
cd "$(dirname "$0")/.."
households="${1:-400000}"
rows="${2:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# MINZHENG_BIN: a release binary built already (with its .resources folders beside it).
if [[ -n "${MINZHENG_BIN:-}" ]]; then bin="$MINZHENG_BIN"; else
    swift build -c release --product minzheng >&2
    bin="$(swift build -c release --show-bin-path)/minzheng"
fi
export MINZHENG_DATA_DIR="$work/data"

# Runs a command under /usr/bin/time; prints the command's own stdout, keeps wall time and
# peak resident memory (MB) in $wall and $peak.
measure() {
    local out="$work/time.txt"
    # The previous step's dirty pages are written out first, so that each figure is the
    # step's own (the seed leaves about 1 GB for the kernel to flush).
    sync
    /usr/bin/time -f '%e %M' -o "$out" "$@" 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; return 1; }
    read -r wall peak_kb <"$out"
    peak=$((peak_kb / 1024))
}

# 1. Seed.
export DATABASE_URL="sqlite:$work/seed.sqlite"
measure "$bin" seed --households "$households" >"$work/seed.json"
seed_wall=$wall seed_peak=$peak
echo "{\"step\":\"seed\",\"households\":$households,\"wallSeconds\":$seed_wall,\"peakMB\":$seed_peak,\"output\":$(cat "$work/seed.json")}"

# 2. Lookup on the seeded registry.
lookup="$("$bin" bench lookup --samples 2000)"
echo "{\"step\":\"lookup\",\"output\":$lookup}"

# 3. Import, and 4. the sqlite3 reference, of the same file.
python3 Benchmarks/make-households-csv.py "$rows" "$work/households.csv" >&2
# The empty migrated file the same-work floor starts from (any command migrates).
DATABASE_URL="sqlite:$work/empty.sqlite" "$bin" audit verify >/dev/null
cp "$work/empty.sqlite" "$work/import.sqlite"
export DATABASE_URL="sqlite:$work/import.sqlite"
measure "$bin" import households "$work/households.csv" >"$work/import.json"
import_wall=$wall import_peak=$peak
summary="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["errors"]=len(d["errors"]); print(json.dumps(d))' "$work/import.json")"
echo "{\"step\":\"import\",\"rows\":$rows,\"wallSeconds\":$import_wall,\"peakMB\":$import_peak,\"summary\":$summary}"
sync
reference="$(Benchmarks/sqlite-import-reference.sh "$work/households.csv")"
echo "{\"step\":\"reference\",\"output\":$reference}"
same_work="$(Benchmarks/same-work-reference.sh "$work/empty.sqlite" "$work/import.sqlite" households persons memberships)"
echo "{\"step\":\"same-work reference\",\"output\":$same_work}"

python3 - "$seed_wall" "$seed_peak" "$import_wall" "$import_peak" "$lookup" "$reference" "$same_work" <<'PY'
import json, sys
seed_wall, seed_peak, import_wall, import_peak = float(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
lookup, reference = json.loads(sys.argv[5]), json.loads(sys.argv[6])
ratio = import_wall / reference["referenceSeconds"] if reference["referenceSeconds"] else None
same_work = json.loads(sys.argv[7])
floor = import_wall / same_work["referenceSeconds"] if same_work["referenceSeconds"] else None
print(json.dumps({
    "seedSeconds": seed_wall, "seedPeakMB": seed_peak,
    "lookupMedianMs": lookup["medianMilliseconds"], "lookupPersons": lookup["persons"],
    "importSeconds": import_wall, "importPeakMB": import_peak,
    "referenceSeconds": reference["referenceSeconds"], "importToReference": round(ratio, 2) if ratio else None,
    "sameWorkSeconds": same_work["referenceSeconds"], "importToSameWork": round(floor, 2) if floor else None,
    "targets": {"seedUnder60s": seed_wall < 60, "seedUnder500MB": seed_peak < 500,
                "importUnder90s": import_wall < 90, "importUnder500MB": import_peak < 500,
                "importWithin3xReference": ratio is not None and ratio <= 3,
                "importWithin1_5xSameWork": floor is not None and floor <= 1.5,
                "lookupUnder5ms": lookup["medianMilliseconds"] < 5},
}, sort_keys=True))
PY
