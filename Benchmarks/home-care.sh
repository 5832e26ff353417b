#!/usr/bin/env bash
# The home-care settlement target, on a release build: seed HOUSEHOLDS households into a fresh
# SQLite file, write ORDERS confirmed visits of last month over them, settle the month by
# provider (time), and report the bench command's wall time and peak memory.
# usage: Benchmarks/home-care.sh [HOUSEHOLDS] [ORDERS]   → JSON lines, then a summary
set -euo pipefail
cd "$(dirname "$0")/.."
households="${1:-100000}"
orders="${2:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product minzheng >&2
bin="$(swift build -c release --show-bin-path)/minzheng"
export MINZHENG_DATA_DIR="$work/data" DATABASE_URL="${DATABASE_URL:-sqlite:$work/home-care.sqlite}"
"$bin" seed --households "$households" >&2
/usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" bench home-care --orders "$orders" >"$work/bench.json" 2>"$work/bench.err" \
  || { cat "$work/bench.err" >&2; exit 1; }
read -r wall peak_kb <"$work/time.txt"
bench="$(cat "$work/bench.json")"
echo "$bench"
python3 - "$bench" "$wall" "$peak_kb" <<'PY'
import json, sys
bench, wall, peak = json.loads(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]) // 1024
print(json.dumps({"orders": bench["orders"], "settlementSeconds": bench["settlementSeconds"],
                  "statementSeconds": bench["statementSeconds"], "benchCommandSeconds": wall, "benchCommandPeakMB": peak,
                  "targets": {"settlementUnder30s": bench["settlementSeconds"] < 30, "peakUnder400MB": peak < 400}},
                 sort_keys=True))
PY
