#!/usr/bin/env bash
# The reference for the feed-ingestion target: sqlite3 loads the same rows (with their
# blind index, which `minzheng bench feeds` writes to reference.csv) and joins them to the
# registry on the blind index, on the same database file.
# usage: Benchmarks/feeds-reference.sh DB.sqlite reference.csv   → {"referenceSeconds": …, "matched": …}
set -euo pipefail
db="$1" csv="$2"
command -v sqlite3 >/dev/null || apt-get install -y -q sqlite3 >&2
sqlite3 "$db" "DROP TABLE IF EXISTS ref_feed; DROP TABLE IF EXISTS ref_matched; CREATE TABLE ref_feed(kind TEXT, sourceRecordId TEXT, idIndex TEXT);" >/dev/null
start=$(date +%s.%N)
sqlite3 "$db" >/dev/null <<SQL
.mode csv
.import --skip 1 $csv ref_feed
CREATE TABLE ref_matched AS SELECT r.kind, r.sourceRecordId, p.id AS person_id FROM ref_feed r LEFT JOIN persons p ON p.id_index = r.idIndex;
SQL
end=$(date +%s.%N)
matched=$(sqlite3 "$db" "SELECT COUNT(person_id) FROM ref_matched")
sqlite3 "$db" "DROP TABLE ref_feed; DROP TABLE ref_matched;" >/dev/null
printf '{"referenceSeconds": %.2f, "matched": %s}\n' "$(echo "$end - $start" | bc)" "$matched"
