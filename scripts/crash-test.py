#!/usr/bin/env python3
"""Crash tests of Minzheng's bulk jobs and of the server (run through scripts/crash-test.sh).

Each bulk job (household import, seed, a department's feed file, the payroll roll, the
recalculation with --apply) runs once uninterrupted on a copy of its starting database (the
reference), then again on fresh copies, each killed with SIGKILL at a random moment while
it works. After each kill: the database opens (PRAGMA integrity_check, foreign_key_check,
`minzheng audit verify`), nothing is half-written (the job's own invariants: every
household whole, batches all or nothing and in file order, every roll line with its roll,
every change with its audit event), then the same command runs again to completion and
the final state (row counts and a checksum of every table's business columns, ids and
timestamps left out) must equal the reference's.

The server: `minzheng serve` on a free port, a burst of concurrent POST /api/v1/households,
SIGKILL mid-burst, restart; every household the client saw acknowledged (2xx) must be
there whole, every other one whole or absent, the audit chain intact.

Prints a JSON report; exit 0 when all is consistent, 1 at an inconsistency (the report
names the first), 2 when the test itself could not run.
"""
import argparse
import collections
import hashlib
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
# The platform's clock for every run (Beijing time): today is fixed, so that two runs decide alike.
NOW = "2026-11-16T10:00"
MONTH = "2026-11"
NEXT_MONTH = "2026-12"

SIZES = {
    # rows of the household import, households seeded, feed rows, households seeded for the
    # payroll's enrollments, enrollments, kill points per job, server bursts
    "small": dict(import_rows=30_000, seed=16_000, feed_rows=30_000, payroll_households=6_000,
                  enrollments=40_000, kills=2, server_rounds=3),
    "large": dict(import_rows=300_000, seed=60_000, feed_rows=300_000, payroll_households=40_000,
                  enrollments=400_000, kills=6, server_rounds=6),
}

IMPORT_BATCH = 10_000  # HouseholdImporter.batchSize
SEED_BATCH = 2_000  # DemoSeeder.batchHouseholds
FEED_BATCH = 10_000  # FeedFileImport.batchSize

UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
C = "10X98765432"


class Inconsistency(Exception):
    """What a check found wrong with the application (exit 1)."""


class SetupFailure(Exception):
    """The test could not run (exit 2)."""


def log(message):
    print("crash-test: " + message, file=sys.stderr, flush=True)


def id_number(first17):
    return first17 + C[sum(int(d) * x for d, x in zip(first17, W)) % 11]


# --- databases -------------------------------------------------------------------------------


class Instance:
    """A data folder (SQLite file and key file) and the environment that points the binary at it."""

    def __init__(self, binary, path):
        self.binary = binary
        self.path = path
        self.data = os.path.join(path, "data")
        self.db = os.path.join(self.data, "minzheng.sqlite")
        os.makedirs(self.data, exist_ok=True)

    def env(self, **extra):
        env = dict(os.environ)
        env.pop("MINZHENG_DATA_KEY", None)
        env.update(MINZHENG_DATA_DIR=self.data, DATABASE_URL="sqlite:" + self.db, MINZHENG_NOW=NOW,
                   MINZHENG_DEMO_HOUSEHOLDS="0", MINZHENG_PASSWORD_COST="4", LOG_LEVEL="warning")
        env.update(extra)
        return env

    def copy(self, path):
        """A copy of the folder (no process may be writing it)."""
        shutil.copytree(self.data, os.path.join(path, "data"))
        return Instance(self.binary, path)

    def run(self, args, timeout=900, check=True):
        started = time.monotonic()
        p = subprocess.run([self.binary] + args, env=self.env(), cwd=ROOT, capture_output=True, text=True,
                           timeout=timeout, stdin=subprocess.DEVNULL)
        seconds = time.monotonic() - started
        if check and p.returncode != 0:
            raise SetupFailure("minzheng %s failed (exit %d): %s" % (" ".join(args), p.returncode,
                                                                   (p.stderr or p.stdout).strip()[-2000:]))
        return p, seconds

    def run_job(self, args, kill_after=None, timeout=900):
        """Runs a command; kills it with SIGKILL after `kill_after` seconds if it still runs
        (`"output"`: as soon as it prints its summary, the job done and the process not yet
        ended). Answers the exit code, whether it was killed, the time, standard output and
        the progress lines of standard error with the time each came."""
        started = time.monotonic()
        p = subprocess.Popen([self.binary] + args, env=self.env(), cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        lines, out = [], []
        readers = [threading.Thread(target=lambda: [lines.append((time.monotonic() - started, l.rstrip()))
                                                     for l in p.stderr], daemon=True),
                   threading.Thread(target=lambda: [out.append(l) for l in p.stdout], daemon=True)]
        for r in readers:
            r.start()
        killed = False
        on_output = kill_after == "output"
        deadline = started + (kill_after if kill_after is not None and not on_output else timeout)
        while p.poll() is None:
            now = time.monotonic()
            if on_output and out:
                p.send_signal(signal.SIGKILL)
                killed = True
                break
            if now >= deadline:
                if kill_after is None or on_output:
                    p.kill()
                    raise SetupFailure("minzheng %s ran out of time (%ds)" % (" ".join(args), timeout))
                p.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(max(0.0, min(0.002, deadline - now)))
        rc = p.wait()
        seconds = time.monotonic() - started
        for r in readers:
            r.join(5)
        return dict(rc=rc, killed=killed, seconds=seconds, stdout="".join(out), lines=list(lines))

    def connect(self):
        con = sqlite3.connect(self.db, timeout=30)
        con.execute("PRAGMA busy_timeout = 30000")
        return con


def opens(instance):
    """The database opens and is whole: SQLite's own checks, then the application's audit walk."""
    con = instance.connect()
    try:
        integrity = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            raise Inconsistency("PRAGMA integrity_check: %s" % "; ".join(integrity[:5]))
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            raise Inconsistency("PRAGMA foreign_key_check: %d rows, first %r" % (len(fk), fk[0]))
    finally:
        con.close()
    p, _ = instance.run(["audit", "verify"], check=False)
    try:
        verdict = json.loads(p.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise Inconsistency("minzheng audit verify (exit %d) printed no verdict: %s" % (
            p.returncode, (p.stderr or p.stdout).strip()[-1000:]))
    if p.returncode != 0 or verdict.get("intact") is not True:
        raise Inconsistency("minzheng audit verify: %s" % json.dumps(verdict, ensure_ascii=False))
    return dict(integrity="ok", foreignKeys="ok", audit=verdict)


def audit_after(con, action):
    """The `after` records of every audit event of `action`, in order."""
    return [json.loads(r[0]) if r[0] else {} for r in
            con.execute("SELECT after_json FROM audit_events WHERE action = ? ORDER BY sequence", (action,))]


def scalar(con, sql, *args):
    return con.execute(sql, args).fetchone()[0]


# --- the final state, without ids and timestamps -----------------------------------------------

EXCLUDED_TABLES = {"audit_events", "_fluent_migrations", "sqlite_sequence"}


def business_keys(con):
    """Every record id that another row refers to, mapped to what identifies the record in
    business terms (the same in two databases that hold the same facts)."""
    keys = {}

    def put(table, sql):
        if not con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone():
            return
        for rid, key in con.execute(sql):
            keys[str(rid).lower()] = key

    put("persons", "SELECT id, 'P:' || id_index FROM persons")
    members = collections.defaultdict(list)
    for hid, idx in con.execute(
            "SELECT m.household_id, p.id_index FROM memberships m JOIN persons p ON p.id = m.person_id"):
        members[str(hid).lower()].append(idx)
    for hid, ref, region, address in con.execute("SELECT id, import_ref, region, address FROM households"):
        h = str(hid).lower()
        keys[h] = "H:" + (ref if ref else (min(members[h]) if members[h] else "%s|%s" % (region, address)))

    def mapped(value):
        return UUID_RE.sub(lambda m: keys.get(m.group(0).lower(), "?"), value) if isinstance(value, str) else value

    for eid, item, hid, pid in con.execute("SELECT id, item_code, household_id, person_id FROM enrollments"):
        keys[str(eid).lower()] = "E:%s|%s|%s" % (item, mapped(str(hid)), mapped(str(pid)) if pid else "-")
    put("payroll_rolls", "SELECT id, 'R:' || month || '|' || region FROM payroll_rolls")
    put("feed_rows", "SELECT id, 'F:' || kind || '|' || source_record_id FROM feed_rows")
    if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'alerts'").fetchone():
        for aid, dedupe, status in con.execute("SELECT id, dedupe_key, status FROM alerts"):
            keys[str(aid).lower()] = "A:%s|%s" % (mapped(dedupe), status)
    return keys, mapped


def table_rows(con):
    """Each table's rows as sorted lists of business values."""
    keys, mapped = business_keys(con)
    tables = {}
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        if name in EXCLUDED_TABLES or name.startswith("sqlite_"):
            continue
        columns = [r[1] for r in con.execute('PRAGMA table_info("%s")' % name)]
        shape = []
        for c in columns:
            if c == "id":
                continue
            if c.endswith("_at") or c.endswith("_at_ms") or c.endswith("_cipher") or c == "carried_from":
                shape.append((c, "set"))  # stamped with the moment, or sealed with a random nonce
            else:
                shape.append((c, "value"))
        if not shape:
            continue
        select = ", ".join('"%s"' % c for c, _ in shape)
        rows = []
        for r in con.execute('SELECT %s FROM "%s"' % (select, name)):
            rows.append(json.dumps([("set" if v is not None else None) if kind == "set" else mapped(v)
                                    for (c, kind), v in zip(shape, r)], ensure_ascii=False))
        rows.sort()
        tables[name] = ([c for c, _ in shape], rows)
    return tables


def fingerprint(instance):
    con = instance.connect()
    try:
        tables = table_rows(con)
    finally:
        con.close()
    return {name: dict(rows=len(rows), sha256=hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16])
            for name, (_, rows) in tables.items()}, tables


def compare(reference, tables, label):
    """Raises at the first table whose rows differ from the reference's."""
    ref_print, ref_tables = reference
    for name in sorted(set(ref_tables) | set(tables)):
        a = ref_tables.get(name, ([], []))
        b = tables.get(name, ([], []))
        if a[1] == b[1]:
            continue
        ca, cb = collections.Counter(a[1]), collections.Counter(b[1])
        missing = list((ca - cb).elements())[:3]
        extra = list((cb - ca).elements())[:3]
        raise Inconsistency(
            "%s: table %s differs from the uninterrupted run (%d rows there, %d here; columns %s; "
            "only there: %s; only here: %s)" % (label, name, len(a[1]), len(b[1]), a[0] or b[0], missing, extra))


# --- invariants ----------------------------------------------------------------------------------


def registry_invariants(con):
    """Every person in exactly one household by an open membership, which persons.household_id
    names; every household with members and exactly one head."""
    checks = {
        "persons without an open membership": """SELECT COUNT(*) FROM persons p WHERE NOT EXISTS
            (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.left_at IS NULL)""",
        "persons with several open memberships": """SELECT COUNT(*) FROM (SELECT person_id FROM memberships
            WHERE left_at IS NULL GROUP BY person_id HAVING COUNT(*) > 1)""",
        "persons whose household_id is not their membership's": """SELECT COUNT(*) FROM persons p
            JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL WHERE p.household_id IS NOT m.household_id""",
        "households without members": """SELECT COUNT(*) FROM households h WHERE NOT EXISTS
            (SELECT 1 FROM memberships m WHERE m.household_id = h.id AND m.left_at IS NULL)""",
        "households without exactly one head": """SELECT COUNT(*) FROM households h WHERE (SELECT COUNT(*)
            FROM memberships m WHERE m.household_id = h.id AND m.left_at IS NULL AND m.relation = 'head') <> 1""",
    }
    for what, sql in checks.items():
        n = scalar(con, sql)
        if n:
            raise Inconsistency("%s: %d" % (what, n))
    return dict(households=scalar(con, "SELECT COUNT(*) FROM households"),
                persons=scalar(con, "SELECT COUNT(*) FROM persons"))


def ids_of(con, table):
    return {str(r[0]).lower() for r in con.execute("SELECT id FROM %s" % table)}


# --- the jobs ----------------------------------------------------------------------------------


class Job:
    """A bulk job: its starting database, its command, what must hold after a kill."""
    name = ""
    # The progress (percent) from which the job writes, and the part of its time to kill in
    # when it prints no progress.
    writes_from = 0
    no_progress_window = (0.3, 0.97)
    # Whether the last kill point comes right after the summary is printed (a job committed in
    # one go at its end, which a timed kill hardly ever catches done).
    kill_at_output = False

    def command(self):
        raise NotImplementedError

    def rerun_command(self):
        return self.command()

    def invariants(self, con, complete):
        """Checks what the job wrote; `complete` when the job ran to its end. Answers a summary."""
        raise NotImplementedError


class ImportJob(Job):
    name = "import"
    writes_from = 50  # the first pass (0-50 %) only reads the file

    def __init__(self, csv_path):
        self.csv_path = csv_path
        import csv
        self.rows = collections.OrderedDict()  # household ref -> rows, in the order households complete
        with open(csv_path, encoding="utf-8") as f:
            reader = csv.reader(f)
            next(reader)
            for r in reader:
                self.rows[r[0]] = self.rows.get(r[0], 0) + 1
        # The batches' ends (HouseholdImporter, WholeHouseholdBatches): after the household that
        # brings the batch to IMPORT_BATCH rows; a kill leaves a whole number of batches.
        self.boundaries = {0}
        done, batch = 0, 0
        for n in self.rows.values():
            done += 1
            batch += n
            if batch >= IMPORT_BATCH:
                self.boundaries.add(done)
                batch = 0
        self.boundaries.add(len(self.rows))

    def command(self):
        return ["import", "households", self.csv_path]

    def invariants(self, con, complete):
        summary = registry_invariants(con)
        refs = list(self.rows)
        stored = {r[0]: r[1] for r in con.execute(
            """SELECT h.import_ref, (SELECT COUNT(*) FROM memberships m WHERE m.household_id = h.id AND m.left_at IS NULL)
               FROM households h""")}
        if None in stored:
            raise Inconsistency("a household without import reference")
        n = len(stored)
        if set(stored) != set(refs[:n]):
            raise Inconsistency("the %d households stored are not the file's first %d" % (n, n))
        if n not in self.boundaries:
            raise Inconsistency("%d households stored: not at the end of a batch (batches end after %s)" % (
                n, sorted(self.boundaries)[:8]))
        for ref, members in stored.items():
            if members != self.rows[ref]:
                raise Inconsistency("household %s has %d of its %d members" % (ref, members, self.rows[ref]))
        created_h, created_p = set(), set()
        for after in audit_after(con, "registry.import"):
            created_h |= {h["id"].lower() for h in after.get("householdsCreated", [])}
            for persons in after.get("personsCreated", {}).values():
                created_p |= {p.lower() for p in persons}
        if created_h != ids_of(con, "households"):
            raise Inconsistency("the import's audit events list %d households, %d are stored" % (
                len(created_h), n))
        if created_p != ids_of(con, "persons"):
            raise Inconsistency("the import's audit events list %d persons, %d are stored" % (
                len(created_p), summary["persons"]))
        if complete and n != len(refs):
            raise Inconsistency("the import completed with %d of the file's %d households" % (n, len(refs)))
        summary["batchesDone"] = sorted(self.boundaries).index(n)
        return summary


class SeedJob(Job):
    name = "seed"

    def __init__(self, households):
        self.households = households

    def command(self):
        return ["seed", "--households", str(self.households), "--seed", "7"]

    def invariants(self, con, complete):
        summary = registry_invariants(con)
        n = summary["households"]
        if n % SEED_BATCH and n != self.households:
            raise Inconsistency("%d households seeded: not a whole number of batches of %d" % (n, SEED_BATCH))
        if n > self.households:
            raise Inconsistency("%d households seeded, %d asked for" % (n, self.households))
        if scalar(con, "SELECT COUNT(*) FROM households WHERE import_ref IS NOT NULL"):
            raise Inconsistency("a seeded household with an import reference")
        events = audit_after(con, "registry.seed")
        listed = set()
        for e in events:
            listed |= {h.lower() for h in e["households"]}
        if listed != ids_of(con, "households"):
            raise Inconsistency("the seed's audit events list %d households, %d are stored" % (len(listed), n))
        persons = sum(e["persons"] for e in events)
        if persons != summary["persons"]:
            raise Inconsistency("the seed's audit events count %d persons, %d are stored" % (
                persons, summary["persons"]))
        means = scalar(con, "SELECT COUNT(*) FROM household_means")
        if sum(e["householdsWithMeans"] for e in events) != means:
            raise Inconsistency("the seed's audit events count %d declared means, %d are stored" % (
                sum(e["householdsWithMeans"] for e in events), means))
        if complete and n != self.households:
            raise Inconsistency("the seed completed with %d of %d households" % (n, self.households))
        summary["householdsWithMeans"] = means
        summary["batchesDone"] = n // SEED_BATCH
        return summary


class FeedJob(Job):
    name = "feed"

    def __init__(self, csv_path, source_ids):
        self.csv_path = csv_path
        self.source_ids = source_ids

    def command(self):
        return ["feed", "import", "--kind", "medicalExpense", self.csv_path]

    def invariants(self, con, complete):
        summary = registry_invariants(con)
        stored = {r[0] for r in con.execute("SELECT source_record_id FROM feed_rows WHERE kind = 'medicalExpense'")}
        n = len(stored)
        if n % FEED_BATCH and n != len(self.source_ids):
            raise Inconsistency("%d feed rows stored: not a whole number of batches of %d" % (n, FEED_BATCH))
        if stored != set(self.source_ids[:n]):
            raise Inconsistency("the %d feed rows stored are not the file's first %d" % (n, n))
        events = audit_after(con, "feed.ingest")
        accepted = sum(int(e["accepted"]) for e in events)
        if accepted != n:
            raise Inconsistency("the feed's audit events accept %d rows, %d are stored" % (accepted, n))
        alerts = scalar(con, "SELECT COUNT(*) FROM alerts")
        raised = sum(int(e["alerts"]) for e in events)
        if raised != alerts:
            raise Inconsistency("the feed's audit events raise %d alerts, %d are stored" % (raised, alerts))
        orphans = scalar(con, """SELECT COUNT(*) FROM alerts a WHERE (SELECT COUNT(*) FROM visit_tasks t
                                 WHERE t.alert_id = a.id) <> 1""")
        if orphans:
            raise Inconsistency("%d alerts without exactly one visit task" % orphans)
        tasks = scalar(con, """SELECT COUNT(*) FROM visit_tasks t WHERE t.alert_id IS NOT NULL
                               AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.id = t.alert_id)""")
        if tasks:
            raise Inconsistency("%d visit tasks of no alert" % tasks)
        if complete and n != len(self.source_ids):
            raise Inconsistency("the feed completed with %d of %d rows" % (n, len(self.source_ids)))
        return dict(feedRows=n, alerts=alerts, batchesDone=n // FEED_BATCH)


class PayrollJob(Job):
    name = "payroll"
    # One transaction, committed just before the end: kill around it, before and after.
    no_progress_window = (0.3, 0.99)
    kill_at_output = True

    def command(self):
        return ["payroll", "generate", NEXT_MONTH]

    def rerun_command(self):
        # A roll the killed run had committed is a draft: the rerun replaces it.
        return ["payroll", "generate", NEXT_MONTH, "--replace"]

    def invariants(self, con, complete):
        rolls = con.execute("SELECT id, line_count, total_fen FROM payroll_rolls WHERE month = ?",
                            (NEXT_MONTH,)).fetchall()
        if len(rolls) > 1:
            raise Inconsistency("%d rolls for %s" % (len(rolls), NEXT_MONTH))
        for rid, count, total in con.execute("SELECT id, line_count, total_fen FROM payroll_rolls"):
            n, s = con.execute("SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM payroll_lines WHERE roll_id = ?",
                               (rid,)).fetchone()
            if (n, s) != (count, total):
                raise Inconsistency("roll %s says %d lines, %d fen; it has %d lines, %d fen" % (
                    rid, count, total, n, s))
        loose = scalar(con, """SELECT COUNT(*) FROM payroll_lines l WHERE NOT EXISTS
                               (SELECT 1 FROM payroll_rolls r WHERE r.id = l.roll_id)""")
        if loose:
            raise Inconsistency("%d roll lines without their roll" % loose)
        # One event per roll generated (a replaced draft's too): none without a roll, and the
        # last one tells the roll there is.
        audited = [e for e in audit_after(con, "payroll.generate") if e.get("month") == NEXT_MONTH]
        if bool(audited) != bool(rolls):
            raise Inconsistency("%d audit events of %s's roll, %d rolls" % (len(audited), NEXT_MONTH, len(rolls)))
        if rolls and int(audited[-1]["lines"]) != rolls[0][1]:
            raise Inconsistency("the roll's audit event says %s lines, the roll %d" % (audited[-1]["lines"],
                                                                                     rolls[0][1]))
        if complete and not rolls:
            raise Inconsistency("the roll was generated, and is not there")
        return dict(roll="written" if rolls else "none", lines=rolls[0][1] if rolls else 0)


class RecalculationJob(Job):
    name = "recalculate"

    def command(self):
        return ["payroll", "recalculate", "--from", NEXT_MONTH, "--apply"]

    def invariants(self, con, complete):
        checks = {
            "enrollments without exactly one open amount": """SELECT COUNT(*) FROM enrollments e WHERE
                (SELECT COUNT(*) FROM enrollment_amounts a WHERE a.enrollment_id = e.id AND a.to_month IS NULL) <> 1""",
            "enrollments whose amount is not the open one": """SELECT COUNT(*) FROM enrollments e JOIN
                enrollment_amounts a ON a.enrollment_id = e.id AND a.to_month IS NULL WHERE a.monthly_fen <> e.monthly_fen""",
            "amounts that end before they start": """SELECT COUNT(*) FROM enrollment_amounts
                WHERE to_month IS NOT NULL AND to_month < from_month""",
        }
        for what, sql in checks.items():
            n = scalar(con, sql)
            if n:
                raise Inconsistency("%s: %d" % (what, n))
        reason = "调标 " + NEXT_MONTH
        changed = {str(r[0]).lower() for r in con.execute(
            """SELECT enrollment_id FROM enrollment_amounts WHERE from_month = ? AND reason = ?
               UNION SELECT id FROM enrollments WHERE status_from = ? AND status IN ('ended', 'gradualExit')""",
            (NEXT_MONTH, reason, NEXT_MONTH))}
        listed = set()
        for e in audit_after(con, "payroll.recalculate"):
            if e.get("from") == NEXT_MONTH and e.get("enrollments"):
                listed |= {x.lower() for x in e["enrollments"].split(",")}
        if changed != listed:
            raise Inconsistency("%d enrollments changed from %s, %d listed by the audit events (%d unlisted)" % (
                len(changed), NEXT_MONTH, len(listed), len(changed - listed)))
        return dict(enrollmentsChanged=len(changed))


# --- running a job with kill points -----------------------------------------------------------------


def kill_window(job, reference):
    """While the job writes: from its first progress line at or past `job.writes_from` percent
    to just before its end; jobs without progress lines from `job.no_progress_window` of the time."""
    total = reference["seconds"]
    first = next((t for t, line in reference["lines"] if percent(line) is not None
                  and percent(line) >= job.writes_from), None)
    if first is None or first > total * 0.8:
        return total * job.no_progress_window[0], total * job.no_progress_window[1]
    return first, total * 0.97


def percent(line):
    m = re.search(r" (\d+)% ", line)
    return int(m.group(1)) if m else None


def progress_at(result):
    last = [line for _, line in result["lines"] if "%" in line]
    return last[-1].split("█")[0].strip() + " " + last[-1].split(" ")[-3] if last else None


def crash_job(job, base, work, rng, kills):
    """The job's reference run, then `kills` killed runs, each checked and rerun."""
    log("%s: uninterrupted run (reference)" % job.name)
    reference_db = base.copy(os.path.join(work, job.name + "-reference"))
    reference = reference_db.run_job(job.command())
    if reference["rc"] != 0:
        raise SetupFailure("%s: the uninterrupted run failed (exit %d): %s" % (
            job.name, reference["rc"], "\n".join(l for _, l in reference["lines"][-20:])))
    checks = opens(reference_db)
    con = reference_db.connect()
    try:
        summary = job.invariants(con, complete=True)
    finally:
        con.close()
    ref_print = fingerprint(reference_db)
    low, high = kill_window(job, reference)
    report = dict(job=job.name, command="minzheng " + " ".join(job.command()),
                  referenceSeconds=round(reference["seconds"], 2), reference=summary,
                  auditEvents=checks["audit"]["events"], killWindowSeconds=[round(low, 2), round(high, 2)],
                  tables={k: v for k, v in ref_print[0].items() if v["rows"]}, killPoints=[])
    timed = kills - 1 if job.kill_at_output and kills > 1 else kills
    for k in range(kills):
        if k < timed:
            # One kill point in each of `timed` equal parts of the window: early, middle and late.
            part = (high - low) / timed
            delay = round(rng.uniform(low + k * part, low + (k + 1) * part), 3)
            log("%s: kill point %d of %d, SIGKILL after %.3fs" % (job.name, k + 1, kills, delay))
        else:
            delay = "output"
            log("%s: kill point %d of %d, SIGKILL at its summary (done, not yet ended)" % (job.name, k + 1, kills))
        db = base.copy(os.path.join(work, "%s-kill%d" % (job.name, k + 1)))
        run = db.run_job(job.command(), kill_after=delay)
        if delay == "output":
            delay = round(run["seconds"], 3)
            point = dict(afterSeconds=delay, at="its summary printed", killed=run["killed"])
        else:
            point = dict(afterSeconds=delay, killed=run["killed"], progress=progress_at(run))
        report["killPoints"].append(point)
        if not run["killed"]:
            point["note"] = "ended before the kill (exit %d)" % run["rc"]
            if run["rc"] != 0:
                raise Inconsistency("%s: the run to be killed failed on its own (exit %d): %s" % (
                    job.name, run["rc"], "\n".join(l for _, l in run["lines"][-10:])))
        point["afterKill"] = opens(db)
        con = db.connect()
        try:
            point["afterKill"]["state"] = job.invariants(con, complete=not run["killed"])
        finally:
            con.close()
        rerun = db.run_job(job.rerun_command())
        if rerun["rc"] != 0:
            raise Inconsistency("%s: after the kill at %.3fs, running `minzheng %s` again failed (exit %d): %s" % (
                job.name, delay, " ".join(job.rerun_command()), rerun["rc"],
                "\n".join(l for _, l in rerun["lines"][-10:]).strip()[-1500:]))
        point["rerunSeconds"] = round(rerun["seconds"], 2)
        after = opens(db)
        con = db.connect()
        try:
            job.invariants(con, complete=True)
        finally:
            con.close()
        point["auditEventsAfterRerun"] = after["audit"]["events"]
        compare(ref_print, fingerprint(db)[1], "%s after the kill at %.3fs and a rerun" % (job.name, delay))
        point["sameAsUninterrupted"] = True
        shutil.rmtree(db.path, ignore_errors=True)
    return report, reference_db


# --- the server ----------------------------------------------------------------------------------


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self, instance, port):
        self.instance, self.port = instance, port
        self.base = "http://127.0.0.1:%d" % port
        self.process = None
        self.log = open(os.path.join(instance.path, "server.log"), "a")

    def start(self):
        env = self.instance.env(HOST="127.0.0.1", PORT=str(self.port))
        self.process = subprocess.Popen([self.instance.binary, "serve"], env=env, cwd=ROOT, stdout=self.log,
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SetupFailure("the server exited during start-up (exit %d), see %s/server.log" % (
                    self.process.returncode, self.instance.path))
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise SetupFailure("the server did not answer /healthz within 120s")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def request(self, method, path, body=None, token=None, timeout=30):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")


class Burst:
    """Threads creating households through the API until the server stops answering."""

    def __init__(self, server, token, first, threads):
        self.server, self.token, self.threads = server, token, threads
        self.next = first
        self.lock = threading.Lock()
        self.sent = {}  # n -> dict(members, status, id)
        self.acked = 0
        self.stop = threading.Event()

    def household(self, n):
        # ID numbers from the running number: street 320402001's code, a birth date, a sequence.
        members = 1 + n % 3
        people = []
        for i in range(members):
            k = n * 3 + i
            first17 = "320402%04d%02d%02d%03d" % (1950 + k // 336000 % 50, k // 28000 % 12 + 1, k // 1000 % 28 + 1,
                                                 k % 1000)
            people.append(dict(relation=["head", "spouse", "child"][i], name="压测%d号%d" % (n, i),
                               idNumber=id_number(first17), hukou="urban"))
        return dict(region="320402001%03d" % (1 + n % 20), address="崩溃测试路%d号" % n, members=people)

    def worker(self):
        while not self.stop.is_set():
            with self.lock:
                n = self.next
                self.next += 1
            body = self.household(n)
            entry = dict(members=len(body["members"]), status=None, id=None)
            self.sent[n] = entry
            try:
                status, answer = self.server.request("POST", "/api/v1/households", body, self.token, timeout=20)
            except (OSError, ValueError, http.client.HTTPException):
                return  # refused, reset or cut: the server is gone; this one is unknown
            entry["status"] = status
            if 200 <= status < 300:
                entry["id"] = str(answer["id"]).lower()
                with self.lock:
                    self.acked += 1
            elif status >= 500 or status in (401, 403):
                entry["answer"] = answer

    def run(self, kill_after, server):
        workers = [threading.Thread(target=self.worker, daemon=True) for _ in range(self.threads)]
        started = time.monotonic()
        for w in workers:
            w.start()
        # Kill mid-burst: after the delay, once some writes have been acknowledged.
        while time.monotonic() - started < kill_after or self.acked < 5:
            if time.monotonic() - started > 60:
                break
            time.sleep(0.005)
        server.kill()
        killed_at = time.monotonic() - started
        self.stop.set()
        for w in workers:
            w.join(30)
        return killed_at


def server_invariants(instance, sent):
    con = instance.connect()
    try:
        summary = registry_invariants(con)
        stored = {}
        for hid, address, members in con.execute(
                """SELECT h.id, h.address, (SELECT COUNT(*) FROM memberships m WHERE m.household_id = h.id
                   AND m.left_at IS NULL) FROM households h"""):
            stored.setdefault(address, []).append((str(hid).lower(), members))
        audited = {str(r[0]).lower() for r in con.execute(
            "SELECT entity_id FROM audit_events WHERE entity = 'household' AND entity_id IS NOT NULL")}
    finally:
        con.close()
    counts = collections.Counter()
    for n, entry in sent.items():
        address = "崩溃测试路%d号" % n
        found = stored.pop(address, [])
        acked = entry["status"] is not None and 200 <= entry["status"] < 300
        if len(found) > 1:
            raise Inconsistency("request %d: %d households stored" % (n, len(found)))
        if acked and not found:
            raise Inconsistency("request %d was acknowledged (%d, household %s) and is not stored" % (
                n, entry["status"], entry["id"]))
        if acked and found[0][0] != entry["id"]:
            raise Inconsistency("request %d: acknowledged as %s, stored as %s" % (n, entry["id"], found[0][0]))
        if entry["status"] is not None and not acked and found:
            raise Inconsistency("request %d was refused (%d) and is stored" % (n, entry["status"]))
        if entry["status"] is not None and entry["status"] >= 500:
            raise Inconsistency("request %d answered %d before the kill: %s" % (n, entry["status"],
                                                                                entry.get("answer")))
        if found:
            hid, members = found[0]
            if members != entry["members"]:
                raise Inconsistency("request %d: household %s has %d of its %d members" % (
                    n, hid, members, entry["members"]))
            if hid not in audited:
                raise Inconsistency("request %d: household %s has no audit event" % (n, hid))
        counts["acknowledged" if acked else "unanswered, stored" if found else
               "unanswered, absent" if entry["status"] is None else "refused"] += 1
    if stored:
        raise Inconsistency("%d households stored that no request sent" % len(stored))
    summary.update(counts)
    return summary


def crash_server(work, binary, rng, rounds):
    instance = Instance(binary, os.path.join(work, "server"))
    user, first, password = "ct-street", "Crash-first-%d" % rng.randrange(10 ** 9), "Crash-pass-%d" % rng.randrange(
        10 ** 9)
    instance.run(["user", "create", "--username", user, "--password", first, "--role", "streetOfficer",
                  "--region", "320402001", "--name", "崩溃测试街道员"])
    server = Server(instance, free_port())
    report = dict(job="server", requests="POST /api/v1/households, 8 clients", killPoints=[])
    try:
        server.start()
        status, answer = server.request("POST", "/api/v1/sessions", dict(username=user, password=first))
        if not 200 <= status < 300:
            raise SetupFailure("sign-in answered %d: %s" % (status, answer))
        status, answer = server.request("POST", "/api/v1/account/password",
                                        dict(currentPassword=first, newPassword=password), answer["token"])
        if not 200 <= status < 300:
            raise SetupFailure("the password change answered %d: %s" % (status, answer))
        token = answer["token"]
        sent = {}
        for k in range(rounds):
            delay = round(rng.uniform(0.3, 3.0), 3)
            log("server: burst %d of %d, SIGKILL after %.3fs" % (k + 1, rounds, delay))
            burst = Burst(server, token, first=len(sent), threads=8)
            killed_at = burst.run(delay, server)
            sent.update(burst.sent)
            statuses = collections.Counter(
                "unanswered" if e["status"] is None else str(e["status"]) for e in burst.sent.values())
            point = dict(afterSeconds=round(killed_at, 3), requests=len(burst.sent), answers=dict(statuses))
            report["killPoints"].append(point)
            point["afterKill"] = opens(instance)
            server.start()
            point["afterKill"]["state"] = server_invariants(instance, sent)
            # The acknowledged ones through the API as well.
            acked = [e["id"] for e in burst.sent.values() if e["id"]]
            for hid in rng.sample(acked, min(10, len(acked))):
                status, _ = server.request("GET", "/api/v1/households/" + hid, token=token)
                if status != 200:
                    raise Inconsistency("acknowledged household %s answers %d after the restart" % (hid, status))
        server.stop()
        final = opens(instance)
        report["final"] = dict(audit=final["audit"], state=server_invariants(instance, sent))
    finally:
        server.stop()
    return report


# --- main ----------------------------------------------------------------------------------------------


def make_feed(path, id_numbers, rows, rng):
    """medicalExpense rows about imported persons (and a few unknown ones), unique source ids."""
    import csv
    sources = []
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["sourceRecordId", "idNumber", "admissionDate", "dischargeDate", "totalFen", "outOfPocketFen",
                    "seriousIllness"])
        for i in range(rows):
            source = "mx-%06d" % i
            idn = id_numbers[(i * 7919) % len(id_numbers)] if i % 50 else id_number("32040219991231%03d" % (i % 1000))
            w.writerow([source, idn, "2026-09-01", "2026-09-10", 200_000 + i % 50 * 40_000,
                        100_000 + i % 50 * 20_000, "true" if i % 5 == 0 else "false"])
            sources.append(source)
    return sources


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--kills", type=int, default=None, help="kill points per job")
    parser.add_argument("--jobs", default="import,seed,feed,payroll,recalculate,server")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument("--report", help="also write the JSON report to this file")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 10 ** 6)
    size = dict(SIZES[args.size])
    kills = args.kills if args.kills is not None else size["kills"]
    jobs = [j.strip() for j in args.jobs.split(",") if j.strip()]
    started = time.monotonic()
    log("seed %d (rerun with --seed %d), size %s, %d kill points per job" % (seed, seed, args.size, kills))
    work = tempfile.mkdtemp(prefix="minzheng-crash.")
    report = dict(seed=seed, size=args.size, binary=args.bin, now=NOW, jobs=[], consistent=None,
                  firstInconsistency=None)
    rc = 0

    def rng_for(name):
        return random.Random("%d/%s" % (seed, name))

    try:
        empty = Instance(args.bin, os.path.join(work, "empty"))
        empty.run(["audit", "verify"])  # migrates the fresh database
        bases = {}

        def imported():
            if "imported" not in bases:
                csv_path = os.path.join(work, "households.csv")
                subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/make-households-csv.py"),
                                str(size["import_rows"]), csv_path, "--seed", str(seed)], check=True)
                bases["csv"] = csv_path
                bases["imported"] = None
            return bases["csv"]

        def payroll_base():
            if "payroll" not in bases:
                log("payroll: seeding %d households and %d enrollments (bench payroll)" % (
                    size["payroll_households"], size["enrollments"]))
                base = empty.copy(os.path.join(work, "payroll-base"))
                base.run(["seed", "--households", str(size["payroll_households"]), "--seed", "3"])
                base.run(["bench", "payroll", "--enrollments", str(size["enrollments"])])
                bases["payroll"] = base
            return bases["payroll"]

        for name in jobs:
            rng = rng_for(name)
            job_started = time.monotonic()
            try:
                if name == "import":
                    job_report, ref = crash_job(ImportJob(imported()), empty, work, rng, kills)
                    bases["imported"] = ref
                elif name == "seed":
                    job_report, _ = crash_job(SeedJob(size["seed"]), empty, work, rng, kills)
                elif name == "feed":
                    csv_path = imported()
                    base = bases.get("imported")
                    if base is None:
                        base = empty.copy(os.path.join(work, "feed-base"))
                        base.run(["import", "households", csv_path])
                    with open(csv_path, encoding="utf-8") as f:
                        ids = [line.split(",")[3] for line in f.read().splitlines()[1:]]
                    feed_path = os.path.join(work, "medical.csv")
                    sources = make_feed(feed_path, ids, size["feed_rows"], rng)
                    job_report, _ = crash_job(FeedJob(feed_path, sources), base, work, rng, kills)
                elif name == "payroll":
                    job_report, _ = crash_job(PayrollJob(), payroll_base(), work, rng, kills)
                elif name == "recalculate":
                    job_report, _ = crash_job(RecalculationJob(), payroll_base(), work, rng, kills)
                elif name == "server":
                    job_report = crash_server(work, args.bin, rng, size["server_rounds"])
                else:
                    raise SetupFailure("unknown job %s" % name)
                job_report["consistent"] = True
                job_report["seconds"] = round(time.monotonic() - job_started, 1)
                report["jobs"].append(job_report)
            except Inconsistency as e:
                log("INCONSISTENT: %s: %s" % (name, e))
                report["jobs"].append(dict(job=name, consistent=False, inconsistency=str(e)))
                if report["firstInconsistency"] is None:
                    report["firstInconsistency"] = "%s: %s" % (name, e)
                rc = 1
        report["consistent"] = rc == 0
    except SetupFailure as e:
        log("could not run: %s" % e)
        report["error"] = str(e)
        rc = 2
    finally:
        report["killPoints"] = sum(len(j.get("killPoints", [])) for j in report["jobs"])
        report["seconds"] = round(time.monotonic() - started, 1)
        if args.keep or rc == 1:
            report["kept"] = work
            log("kept %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    print(text)
    return rc


if __name__ == "__main__":
    sys.exit(main())
