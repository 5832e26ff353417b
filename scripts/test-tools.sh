#!/usr/bin/env bash
# Tools the test suite uses beside Swift, from Debian's packages, installed when missing:
# python3-openpyxl, the real reader the .xlsx tests open exported workbooks with, and wrk, the
# load generator of `minzheng bench reads` (ReadsBenchmarkTests runs it).
# usage: scripts/test-tools.sh        (idempotent; run by .ci/run; needs root to install)
set -euo pipefail
missing=()
/usr/bin/python3 -c "import openpyxl" 2>/dev/null || missing+=(python3-openpyxl)
command -v wrk >/dev/null || missing+=(wrk)
if [[ ${#missing[@]} == 0 ]]; then
  echo "test-tools: python3-openpyxl and wrk present" >&2
  exit 0
fi
echo "test-tools: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q "${missing[@]}" >&2 || { apt-get update -q >&2 && apt-get install -y -q "${missing[@]}" >&2; }
/usr/bin/python3 -c "import openpyxl" || { echo "test-tools: FAILED: openpyxl still missing" >&2; exit 1; }
command -v wrk >/dev/null || { echo "test-tools: FAILED: wrk still missing" >&2; exit 1; }
