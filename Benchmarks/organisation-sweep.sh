#!/usr/bin/env bash
# The dormant-organisation sweep target, on a release build: a fresh SQLite file (or
# DATABASE_URL's PostgreSQL) brought to ORGANISATIONS social organisations with YEARS years of
# annual reports each, then the sweep over the whole city timed three times.
# usage: Benchmarks/organisation-sweep.sh [ORGANISATIONS] [YEARS]   → one JSON line, then a summary
set -euo pipefail
cd "$(dirname "$0")/.."
organisations="${1:-100000}"
years="${2:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product minzheng >&2
bin="$(swift build -c release --show-bin-path)/minzheng"
export MINZHENG_DATA_DIR="$work/data" DATABASE_URL="${DATABASE_URL:-sqlite:$work/organisations.sqlite}"
bench="$("$bin" bench organisation-sweep --organisations "$organisations" --years "$years")"
echo "$bench"
python3 - "$bench" <<'PY'
import json, sys
b = json.loads(sys.argv[1])
print(json.dumps({"organisations": b["organisations"], "reports": b["reports"], "candidates": b["candidates"],
                  "medianSeconds": b["medianSeconds"], "targets": {"sweepUnder5s": b["medianSeconds"] < 5}},
                 sort_keys=True))
PY
