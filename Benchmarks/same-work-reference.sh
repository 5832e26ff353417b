#!/usr/bin/env bash
# The same-work floor of a bulk job: sqlite3 alone writing the rows the job wrote, finished
# (ids, ciphertexts, blind indexes as minzheng stored them), into the database as it was
# before the job, with every index and constraint the migrations create, in one transaction.
# Only the parse, validation, encryption, rules and audit of the job are left out: what the
# job costs above this figure is its own work, not SQLite's.
#
# usage: Benchmarks/same-work-reference.sh BEFORE.sqlite AFTER.sqlite SPEC...
#   BEFORE  the database before the job (migrated; copied, never changed)
#   AFTER   the same database after the job: the rows each table gained are the rows to write
#   SPEC    TABLE, or TABLE:COLUMN=EXPRESSION to compute a column in the timed statement from
#           the staged row `s` (e.g. the person lookup of a feed row:
#           "feed_rows:person_id=(SELECT p.id FROM persons p WHERE p.id_index = s.id_index)")
# Tables are written in the order given (foreign keys are on).
# → {"referenceSeconds": …, "rows": {"TABLE": N, …}}
set -euo pipefail
before="$1" after="$2"
shift 2
command -v sqlite3 >/dev/null || apt-get install -y -q sqlite3 >&2
work="$(mktemp -d "$(dirname "$after")/same-work.XXXXXX")"
trap 'rm -rf "$work"' EXIT
scratch="$work/scratch.sqlite" staged="$work/staged.sqlite"

# Untimed: a copy of BEFORE to write into, and the new rows of AFTER staged in a file of their
# own (rows appended by the job have rowids above BEFORE's largest).
sqlite3 "$before" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$before" "$scratch"
timed="" counts=""
for spec in "$@"; do
    table="${spec%%:*}"
    sqlite3 "$staged" >/dev/null <<SQL
ATTACH '$before' AS b; ATTACH '$after' AS a;
CREATE TABLE "$table" AS SELECT * FROM a."$table" WHERE rowid > (SELECT COALESCE(MAX(rowid), 0) FROM b."$table") ORDER BY rowid;
SQL
    column="" expression=""
    if [[ "$spec" == *:* ]]; then
        assignment="${spec#*:}" column="${assignment%%=*}" expression="${assignment#*=}"
    fi
    columns="" select=""
    while read -r name; do
        columns+="${columns:+,}\"$name\""
        if [[ "$name" == "$column" ]]; then select+="${select:+,}$expression"; else select+="${select:+,}s.\"$name\""; fi
    done < <(sqlite3 "$after" "SELECT name FROM pragma_table_info('$table')")
    timed+="INSERT INTO main.\"$table\" ($columns) SELECT $select FROM staged.\"$table\" s;"$'\n'
    counts+="\"$table\": $(sqlite3 "$staged" "SELECT COUNT(*) FROM \"$table\""), "
done
sync

# Timed: the job's connection settings (SQLiteBulkDatabase), one transaction, the WAL folded
# into the file at the end as the job's close does.
start=$(date +%s.%N)
sqlite3 "$scratch" >/dev/null <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-196608; PRAGMA foreign_keys=ON;
ATTACH '$staged' AS staged;
BEGIN IMMEDIATE;
$timed
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
end=$(date +%s.%N)
printf '{"referenceSeconds": %.2f, "rows": {%s}}\n' "$(echo "$end - $start" | bc)" "${counts%, }"
