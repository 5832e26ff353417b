#!/usr/bin/env bash
# The payroll targets, on a release build: seed HOUSEHOLDS households into a fresh SQLite
# file, create ENROLLMENTS enrollments, generate the month's roll (time, peak memory of the
# whole command), report a 10 % standard rise, and run sqlite3's hand-written INSERT … SELECT
# reference on the same file.
# usage: Benchmarks/payroll.sh [HOUSEHOLDS] [ENROLLMENTS]   → JSON lines, then a summary
set -euo pipefail
cd "$(dirname "$0")/.."
households="${1:-400000}"
enrollments="${2:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product minzheng >&2
bin="$(swift build -c release --show-bin-path)/minzheng"
export MINZHENG_DATA_DIR="$work/data" DATABASE_URL="sqlite:$work/payroll.sqlite"
"$bin" seed --households "$households" >&2
/usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" bench payroll --enrollments "$enrollments" >"$work/bench.json" 2>"$work/bench.err" \
  || { cat "$work/bench.err" >&2; exit 1; }
read -r wall peak_kb <"$work/time.txt"
bench="$(cat "$work/bench.json")"
echo "$bench"
month="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["month"])' "$bench")"
# The roll on its own, as an operator runs it: time and peak memory of the command.
/usr/bin/time -f '%e %M' -o "$work/generate-time.txt" "$bin" payroll generate "$month" --replace >"$work/generate.json" 2>/dev/null
read -r generate_wall generate_kb <"$work/generate-time.txt"
echo "{\"step\":\"payroll generate --replace\",\"wallSeconds\":$generate_wall,\"peakMB\":$((generate_kb / 1024)),\"output\":$(cat "$work/generate.json")}"
reference="$(Benchmarks/payroll-reference.sh "$work/payroll.sqlite" "$month")"
echo "$reference"
python3 - "$bench" "$reference" "$peak_kb" "$generate_kb" "$generate_wall" <<'PY'
import json, sys
bench, ref, peak = json.loads(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3]) // 1024
generate_peak, generate_wall = int(sys.argv[4]) // 1024, float(sys.argv[5])
ratio = bench["generateSeconds"] / ref["referenceSeconds"] if ref["referenceSeconds"] else None
print(json.dumps({"enrollments": bench["enrollments"], "generateSeconds": bench["generateSeconds"], "rollLines": bench["rollLines"],
                  "referenceSeconds": ref["referenceSeconds"], "generateToReference": round(ratio, 2) if ratio else None,
                  "benchCommandPeakMB": peak, "generateCommandSeconds": generate_wall, "generateCommandPeakMB": generate_peak,
                  "recalculateSeconds": bench["recalculateSeconds"], "recalculateAssessed": bench["recalculateAssessed"],
                  "targets": {"generateUnder10s": bench["generateSeconds"] < 10, "generatePeakUnder300MB": generate_peak < 300,
                              "generateWithin3xReference": ratio is not None and ratio <= 3,
                              "recalculateUnder30s": bench["recalculateSeconds"] < 30}}, sort_keys=True))
PY
