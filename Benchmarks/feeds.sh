#!/usr/bin/env bash
# The monitoring target on a release build: 1 000 000 feed rows against a registry of about
# 1 000 000 persons (400 000 households) with 100 000 enrollments, every rule evaluated;
# time, peak memory, and sqlite3's blind-index join of the same rows as the reference.
# usage: Benchmarks/feeds.sh [HOUSEHOLDS] [ROWS]   → JSON lines, then a summary
set -euo pipefail
cd "$(dirname "$0")/.."
households="${1:-400000}"
rows="${2:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product minzheng >&2
bin="$(swift build -c release --show-bin-path)/minzheng"
export MINZHENG_DATA_DIR="$work/data" DATABASE_URL="sqlite:$work/feeds.sqlite"
"$bin" seed --households "$households" >&2
/usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" bench feeds --rows "$rows" --folder "$work/files" >"$work/bench.json" 2>"$work/bench.err" \
  || { cat "$work/bench.err" >&2; exit 1; }
read -r wall peak_kb <"$work/time.txt"
bench="$(cat "$work/bench.json")"
echo "$bench"
reference="$(Benchmarks/feeds-reference.sh "$work/feeds.sqlite" "$work/files/reference.csv")"
echo "$reference"
python3 - "$bench" "$reference" "$peak_kb" <<'PY'
import json, sys
bench, ref, peak = json.loads(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3]) // 1024
ratio = bench["seconds"] / ref["referenceSeconds"] if ref["referenceSeconds"] else None
print(json.dumps({"rows": bench["rows"], "seconds": bench["seconds"], "alerts": bench["alerts"], "commandPeakMB": peak,
                  "referenceSeconds": ref["referenceSeconds"], "ingestToReference": round(ratio, 2) if ratio else None,
                  "targets": {"under30s": bench["seconds"] < 30, "under400MB": peak < 400, "within3xReference": ratio is not None and ratio <= 3}},
                 sort_keys=True))
PY
