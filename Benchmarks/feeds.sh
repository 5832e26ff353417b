#!/usr/bin/env bash
# The monitoring target on a release build: 1 000 000 feed rows against a registry of about
# 1 000 000 persons (400 000 households) with 100 000 enrollments, every rule evaluated.
# `minzheng bench feeds --files-only` writes the department files; each is then ingested by
# `minzheng feed import`, as an operator would, timed with its peak memory; the reference is
# sqlite3's blind-index join of the same rows; the same-work floor is sqlite3 writing the
# ingest's finished rows (feed rows with the person looked up by blind index, alerts, visit
# tasks) into a copy of the registry as it was, with every index (same-work-reference.sh).
# usage: Benchmarks/feeds.sh [HOUSEHOLDS] [ROWS]   → JSON lines, then a summary
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
export MINZHENG_DATA_DIR="$work/data" DATABASE_URL="sqlite:$work/feeds.sqlite"
"$bin" seed --households "$households" >&2
"$bin" bench feeds --files-only --rows "$rows" --folder "$work/files"
# The registry before the ingest, for the same-work floor.
cp "$work/feeds.sqlite" "$work/before.sqlite"
total=0 peak=0 alerts=0
while read -r kind path; do
    # Each file starts with the previous one's dirty pages written out: its figure is its own.
    sync
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" feed import --kind "$kind" "$path" >"$work/out.json" 2>"$work/err.txt" \
      || { cat "$work/err.txt" >&2; exit 1; }
    read -r wall peak_kb <"$work/time.txt"
    out="$(cat "$work/out.json")"
    echo "{\"kind\":\"$kind\",\"wallSeconds\":$wall,\"peakMB\":$((peak_kb / 1024)),\"summary\":$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d["errors"]=len(d["errors"]); print(json.dumps(d))' "$out")}"
    total=$(echo "$total + $wall" | bc)
    peak=$(( peak_kb / 1024 > peak ? peak_kb / 1024 : peak ))
    alerts=$(( alerts + $(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["alerts"])' "$out") ))
done <"$work/files/manifest.txt"
sync
reference="$(Benchmarks/feeds-reference.sh "$work/feeds.sqlite" "$work/files/reference.csv")"
echo "$reference"
same_work="$(Benchmarks/same-work-reference.sh "$work/before.sqlite" "$work/feeds.sqlite" \
  "feed_rows:person_id=(SELECT p.id FROM persons p WHERE p.id_index = s.id_index)" alerts visit_tasks)"
echo "$same_work"
python3 - "$total" "$peak" "$alerts" "$rows" "$reference" "$same_work" <<'PY'
import json, sys
seconds, peak, alerts, rows, ref = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), json.loads(sys.argv[5])
ratio = seconds / ref["referenceSeconds"] if ref["referenceSeconds"] else None
same = json.loads(sys.argv[6])
floor = seconds / same["referenceSeconds"] if same["referenceSeconds"] else None
print(json.dumps({"rows": rows, "seconds": round(seconds, 2), "rowsPerSecond": int(rows / seconds), "alerts": alerts, "peakMB": peak,
                  "referenceSeconds": ref["referenceSeconds"], "ingestToReference": round(ratio, 2) if ratio else None,
                  "sameWorkSeconds": same["referenceSeconds"], "sameWorkRows": same["rows"], "ingestToSameWork": round(floor, 2) if floor else None,
                  "targets": {"under30s": seconds < 30, "under400MB": peak < 400, "within3xReference": ratio is not None and ratio <= 3,
                              "within1_5xSameWork": floor is not None and floor <= 1.5}},
                 sort_keys=True))
PY
