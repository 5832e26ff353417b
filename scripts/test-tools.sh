#!/usr/bin/env bash
# Tools the test suite uses beside Swift, from Debian's packages, installed when missing:
# python3-openpyxl, the real reader the .xlsx tests open exported workbooks with.
# usage: scripts/test-tools.sh        (idempotent; run by .ci/run; needs root to install)
set -euo pipefail
if /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then
  echo "test-tools: python3-openpyxl present" >&2
  exit 0
fi
echo "test-tools: installing python3-openpyxl" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q python3-openpyxl >&2 || { apt-get update -q >&2 && apt-get install -y -q python3-openpyxl >&2; }
/usr/bin/python3 -c "import openpyxl" || { echo "test-tools: FAILED: openpyxl still missing" >&2; exit 1; }
