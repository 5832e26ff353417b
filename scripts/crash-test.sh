#!/usr/bin/env bash
# Crash tests: every bulk job and the server killed with SIGKILL at random points, then checked.
#
#   bash scripts/crash-test.sh [--seed N] [--size small|large] [--kills N] [--jobs import,seed,...] [--keep]
#
# For each bulk job — household import, seed, a department's feed file, the payroll roll,
# the recalculation with --apply — on a fresh SQLite database in a temp folder: one
# uninterrupted run (the reference), then runs killed at random moments while the job
# writes. After each kill the database must open (integrity_check, foreign_key_check,
# `minzheng audit verify`), hold nothing half-written (whole households, whole batches in
# file order, no roll line without its roll, every change with its audit event), and
# running the job again must end in the reference's state (row counts and a checksum of
# every table's business columns). The server: bursts of concurrent POST /api/v1/households,
# SIGKILL mid-burst, restart; every acknowledged household is there whole, no other half there.
# The helper is scripts/crash-test.py; it prints a JSON report (exit 0 all consistent,
# 1 at an inconsistency, named in the report, 2 when the test could not run).
#
# The binary: $MINZHENG_BIN, else `swift build --show-bin-path`/minzheng (it does not build:
# CI has built it). The seed is random unless given (--seed or CRASH_TEST_SEED) and printed
# first, so that a failure can be run again. --size large (or CRASH_TEST_SIZE=large) is the
# longer run (about ten times the rows, six kill points per job); small fits CI (~3 minutes, two kill points per job).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"   # the server finds Resources/Views from here
[[ -d /opt/swift/usr/bin ]] && case ":$PATH:" in *:/opt/swift/usr/bin:*) ;; *) PATH="$PATH:/opt/swift/usr/bin" ;; esac
export PATH

fail() { echo "crash-test: $*" >&2; exit 2; }

source "$ROOT/scripts/minzheng-bin.sh"
command -v python3 >/dev/null 2>&1 || fail "python3 is needed"

ARGS=(--bin "$BIN")
[[ -n "${CRASH_TEST_SEED:-}" ]] && ARGS+=(--seed "$CRASH_TEST_SEED")
[[ -n "${CRASH_TEST_SIZE:-}" ]] && ARGS+=(--size "$CRASH_TEST_SIZE")
exec python3 "$ROOT/scripts/crash-test.py" "${ARGS[@]}" "$@"
