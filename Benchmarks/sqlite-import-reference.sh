#!/usr/bin/env bash
# The reference for the import target: sqlite3's own `.import` of the same CSV into a
# table with the same indexes as `persons` (unique ID number, region+name, name).
# usage: Benchmarks/sqlite-import-reference.sh FILE.csv   → prints {"referenceSeconds": …}
set -euo pipefail
csv="$1"
command -v sqlite3 >/dev/null || apt-get install -y -q sqlite3 >&2
db="$(mktemp -d)/reference.sqlite"
start=$(date +%s.%N)
sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE persons_ref(householdRef TEXT, relation TEXT, name TEXT, idNumber TEXT, region TEXT, address TEXT, phone TEXT, hukou TEXT);
CREATE UNIQUE INDEX persons_ref_id ON persons_ref(idNumber);
CREATE INDEX persons_ref_region_name ON persons_ref(region, name);
CREATE INDEX persons_ref_name ON persons_ref(name);
.mode csv
.import --skip 1 $csv persons_ref
SQL
end=$(date +%s.%N)
rows=$(sqlite3 "$db" "SELECT COUNT(*) FROM persons_ref")
rm -rf "$(dirname "$db")"
printf '{"referenceSeconds": %.2f, "rows": %s}\n' "$(echo "$end - $start" | bc)" "$rows"
