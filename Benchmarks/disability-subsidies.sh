#!/usr/bin/env bash
# The two-subsidy identification target (issue 16: 1 M persons and 60 000 certificates, under
# 10 s and 400 MB), on a release build: seed PERSONS persons (the demo's synthetic households)
# into a fresh SQLite file with `minzheng seed`, then, in a command of its own so that its peak
# memory is the identification's and not the seed's, add the certificates and dibao households
# and time the month's run, the same run again and the next month's re-check.
# usage: Benchmarks/disability-subsidies.sh [PERSONS] [CERTIFICATES]   → one JSON line
set -euo pipefail
cd "$(dirname "$0")/.."
persons="${1:-1000000}"
certificates="${2:-60000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product minzheng >&2
bin="$(swift build -c release --show-bin-path)/minzheng"
export MINZHENG_DATA_DIR="$work/data" DATABASE_URL="sqlite:$work/disability.sqlite"
"$bin" seed --households "$((persons * 2 / 5))" --seed 7 >"$work/seed.json" 2>"$work/seed.err" \
  || { cat "$work/seed.err" >&2; exit 1; }
# --persons 0: the registry as seeded, nothing added inside the measured command.
/usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" bench disability-subsidies --persons 0 \
  --certificates "$certificates" >"$work/bench.json" 2>"$work/bench.err" || { cat "$work/bench.err" >&2; exit 1; }
read -r wall peak_kb <"$work/time.txt"
python3 -c '
import json, sys
b = json.load(open(sys.argv[1]))
b["benchCommandSeconds"] = float(sys.argv[2])
b["benchCommandPeakMB"] = int(sys.argv[3]) // 1024
b["under400MB"] = b["benchCommandPeakMB"] < 400
print(json.dumps(b, sort_keys=True))' "$work/bench.json" "$wall" "$peak_kb"
