#!/usr/bin/env bash
# The service-map search target, on a release build: a fresh SQLite file with the demo's
# households, FACILITIES facilities over the city with their streets' offices, then SAMPLES
# public map searches timed in the service and as pages over HTTP.
# usage: Benchmarks/service-map.sh [FACILITIES] [SAMPLES]   → one JSON line, then a summary
set -euo pipefail
cd "$(dirname "$0")/.."
facilities="${1:-5000}"
samples="${2:-500}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product minzheng >&2
bin="$(swift build -c release --show-bin-path)/minzheng"
export MINZHENG_DATA_DIR="$work/data" DATABASE_URL="${DATABASE_URL:-sqlite:$work/service-map.sqlite}"
"$bin" seed --households 1000 >&2
bench="$("$bin" bench service-map --facilities "$facilities" --samples "$samples")"
echo "$bench"
python3 - "$bench" <<'PY'
import json, sys
b = json.loads(sys.argv[1])
print(json.dumps({"facilities": b["facilities"], "searchMedianMilliseconds": b["searchMedianMilliseconds"],
                  "pageMedianMilliseconds": b["pageMedianMilliseconds"],
                  "targets": {"searchUnder20ms": b["searchMedianMilliseconds"] < 20}}, sort_keys=True))
PY
