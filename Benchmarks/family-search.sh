#!/usr/bin/env bash
# The family-search targets, on a release build: a fresh SQLite file (or DATABASE_URL's
# PostgreSQL) with REPORTS generated family reports and NOTICES notices (a labelled set: 40 % of
# the notices are a reported person), the top 10 timed for SAMPLES new notices one by one, the
# recall and precision on the labels, then the nightly rematch of all NOTICES.
# usage: Benchmarks/family-search.sh [REPORTS] [NOTICES] [SAMPLES]   → one JSON line, then a summary
set -euo pipefail
cd "$(dirname "$0")/.."
reports="${1:-1000000}"
notices="${2:-10000}"
samples="${3:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "${MINZHENG_BIN:-}" ]; then
  swift build -c release --product minzheng >&2
  MINZHENG_BIN="$(swift build -c release --show-bin-path)/minzheng"
fi
export MINZHENG_DATA_DIR="$work/data" DATABASE_URL="${DATABASE_URL:-sqlite:$work/family-search.sqlite}"
bench="$("$MINZHENG_BIN" bench family-search --reports "$reports" --notices "$notices" --samples "$samples")"
echo "$bench"
python3 - "$bench" <<'PY'
import json, sys
b = json.loads(sys.argv[1])
print(json.dumps({"reports": b["reports"], "notices": b["notices"],
                  "top10MedianMilliseconds": b["top10MedianMilliseconds"], "top10P95Milliseconds": b["top10P95Milliseconds"],
                  "top10NamedP95Milliseconds": b["top10NamedP95Milliseconds"],
                  "top10NamelessP95Milliseconds": b["top10NamelessP95Milliseconds"], "namelessShare": b["namelessShare"],
                  "namelessReadP95Milliseconds": b["namelessReadP95Milliseconds"],
                  "namedReadP95Milliseconds": b["namedReadP95Milliseconds"],
                  "top10SecondPassP95Milliseconds": b["top10SecondPassP95Milliseconds"],
                  "rematchSeconds": b["rematchSeconds"], "recallAt10": b["recallAt10"],
                  "warmSeconds": b["warmSeconds"], "residentMegabytes": b["residentMegabytes"],
                  "precisionAtThreshold": b["precisionAtThreshold"],
                  "targets": {"top10P95Under100ms": b["top10P95Milliseconds"] < 100,
                              "rematchUnder5min": b["rematchSeconds"] < 300}}, sort_keys=True))
PY
