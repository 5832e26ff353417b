#!/usr/bin/env bash
# The senior allowance target, on a release build: seed PERSONS persons (the demo's synthetic
# households) into a fresh SQLite file and time the month's allowance run (first run, second
# run, next month after deaths); peak memory of the whole command.
# usage: Benchmarks/elderly-allowances.sh [PERSONS]   → one JSON line
set -euo pipefail
cd "$(dirname "$0")/.."
persons="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product minzheng >&2
bin="$(swift build -c release --show-bin-path)/minzheng"
export MINZHENG_DATA_DIR="$work/data" DATABASE_URL="sqlite:$work/allowance.sqlite"
/usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" bench elderly-allowances --persons "$persons" >"$work/bench.json" \
  2>"$work/bench.err" || { cat "$work/bench.err" >&2; exit 1; }
read -r wall peak_kb <"$work/time.txt"
python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); b["commandPeakMB"]=int(sys.argv[2])//1024; print(json.dumps(b, sort_keys=True))' \
  "$work/bench.json" "$peak_kb"
