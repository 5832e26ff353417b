#!/usr/bin/env bash
# The reference for the roll-generation target: sqlite3's own run of one hand-written
# INSERT … SELECT with the same join and filters as `PayrollStore.generate`, into a scratch
# table of the same shape, on the same database file.
# usage: Benchmarks/payroll-reference.sh DB.sqlite YYYY-MM   → {"referenceSeconds": …, "lines": …}
set -euo pipefail
db="$1" month="$2"
command -v sqlite3 >/dev/null || apt-get install -y -q sqlite3 >&2
sqlite3 "$db" "DROP TABLE IF EXISTS ref_payroll_lines; CREATE TABLE ref_payroll_lines (id INTEGER PRIMARY KEY AUTOINCREMENT, roll_id TEXT NOT NULL, enrollment_id TEXT NOT NULL, item_code TEXT NOT NULL, household_id TEXT NOT NULL, payee_id TEXT, region TEXT NOT NULL, amount_fen BIGINT NOT NULL, status TEXT NOT NULL, reason TEXT, carried_from BIGINT); CREATE INDEX ref_payroll_lines_roll ON ref_payroll_lines(roll_id, status);" >/dev/null
start=$(date +%s.%N)
sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
INSERT INTO ref_payroll_lines (roll_id, enrollment_id, item_code, household_id, payee_id, region, amount_fen, status)
SELECT 'reference', e.id, e.item_code, e.household_id, COALESCE(e.person_id, m.person_id), e.region, a.monthly_fen, 'pending'
FROM enrollments e
JOIN enrollment_amounts a ON a.enrollment_id = e.id AND a.from_month <= '$month' AND (a.to_month IS NULL OR a.to_month >= '$month')
LEFT JOIN memberships m ON m.household_id = e.household_id AND m.relation = 'head' AND m.left_at IS NULL
LEFT JOIN persons p ON p.id = e.person_id
WHERE e.region >= '3204' AND e.region < '3205'
  AND e.start_month <= '$month' AND (e.end_month IS NULL OR e.end_month >= '$month')
  AND NOT (e.status IN ('suspended', 'ended') AND e.status_from <= '$month')
  AND (p.deceased_on IS NULL OR p.deceased_on >= '$month-01');
COMMIT;
SQL
end=$(date +%s.%N)
lines=$(sqlite3 "$db" "SELECT COUNT(*) FROM ref_payroll_lines")
sqlite3 "$db" "DROP TABLE ref_payroll_lines" >/dev/null
printf '{"referenceSeconds": %.2f, "lines": %s}\n' "$(echo "$end - $start" | bc)" "$lines"
