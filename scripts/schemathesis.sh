#!/usr/bin/env bash
# Schemathesis against the API document (issue 20, item 5): every operation of
# /api/v1/openapi.json called with generated data, as a city administrator and as a partner
# department, failing on any 5xx and on any answer that breaks the document (its schema).
#
#   bash scripts/schemathesis.sh            # CI runs it after the tests (see .ci/run)
#
# What it does:
#   1. installs schemathesis from PyPI into the project-local venv .venv-schemathesis/ (pinned;
#      nothing when it is already there),
#   2. finds the server binary ($MINZHENG_BIN, else `swift build --show-bin-path`/minzheng; it
#      does not build),
#   3. makes a scratch data directory and SQLite database, creates a city administrator and a
#      medical-insurance department account with `minzheng user create`, starts `minzheng serve`
#      on a free loopback port with the demo seed, replaces both one-time passwords through the
#      API and takes their tokens (POST /api/v1/sessions),
#   4. runs schemathesis with the checks not_a_server_error and response_schema_conformance,
#      once per token, each bounded by examples per operation and by time.
# Exits non-zero on any failure; the server log's 5xx lines are printed. Always stops the
# server and deletes the scratch directory (MINZHENG_SCHEMATHESIS_KEEP=1 keeps it).
# Knobs: MINZHENG_SCHEMATHESIS_EXAMPLES (per operation, default 6), MINZHENG_SCHEMATHESIS_SECONDS
# (per token, default 120), MINZHENG_SCHEMATHESIS_SEED (default: random, printed).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"   # the server finds Resources/Views and Resources/Public from here
[[ -d /opt/swift/usr/bin ]] && case ":$PATH:" in *:/opt/swift/usr/bin:*) ;; *) PATH="$PATH:/opt/swift/usr/bin" ;; esac
export PATH
START=$SECONDS
VENV="${MINZHENG_SCHEMATHESIS_VENV:-$ROOT/.venv-schemathesis}"
WANT="schemathesis==4.32.5"
EXAMPLES="${MINZHENG_SCHEMATHESIS_EXAMPLES:-6}"
SECONDS_PER_TOKEN="${MINZHENG_SCHEMATHESIS_SECONDS:-120}"
SEED="${MINZHENG_SCHEMATHESIS_SEED:-$RANDOM$RANDOM}"

say() { echo "schemathesis: $*" >&2; }
fail() { echo "schemathesis: FAILED: $*" >&2; exit 1; }

WORK=""
SERVER_PID=""
cleanup() {
  local rc=$?
  set +e
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  if [[ $rc -ne 0 && -n "$WORK" && -f "$WORK/server.log" ]]; then
    say "the server's errors (from $WORK/server.log):"
    grep -E 'Fatal error|Program crashed|\[ ERROR \]|error' "$WORK/server.log" | tail -n 40 >&2
  fi
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    if [[ "${MINZHENG_SCHEMATHESIS_KEEP:-0}" == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
  fi
  if [[ $rc -eq 0 ]]; then say "passed in $((SECONDS - START))s"; else say "FAILED (exit $rc) after $((SECONDS - START))s"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. schemathesis ------------------------------------------------------------------------
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "${WANT#schemathesis==}"; then
  PY=""
  for candidate in /usr/bin/python3 python3; do
    if command -v "$candidate" >/dev/null 2>&1 \
      && "$candidate" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 9) else 1)' 2>/dev/null; then
      PY="$candidate"; break
    fi
  done
  [[ -n "$PY" ]] || fail "no python3 >= 3.9 with venv/ensurepip (Debian: apt-get install python3-venv)"
  say "installing $WANT into $VENV (pip, from PyPI)"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV" >&2 || fail "python3 -m venv $VENV failed"
  "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q "$WANT" >&2 \
    || { rm -rf "$VENV"; fail "pip install $WANT failed"; }
fi
PY="$VENV/bin/python"

# --- 2. the server binary ---------------------------------------------------------------------
source "$ROOT/scripts/minzheng-bin.sh"
say "server binary: $BIN"

# --- 3. scratch data, accounts, server ----------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/minzheng-schemathesis.XXXXXX")"
PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
unset MINZHENG_DATA_KEY   # a fresh key file in the fresh data dir
export MINZHENG_DATA_DIR="$WORK/data"
export DATABASE_URL="sqlite:$WORK/data/minzheng.sqlite"
export MINZHENG_DEMO_HOUSEHOLDS="${MINZHENG_SCHEMATHESIS_HOUSEHOLDS:-200}"
export HOST=127.0.0.1
export PORT
BASE="http://127.0.0.1:$PORT"

FIRST="St-first-$RANDOM$RANDOM"
ADMIN_PASSWORD="St-admin-$RANDOM$RANDOM"
DEPT_PASSWORD="St-dept-$RANDOM$RANDOM"
"$BIN" user create --username st-admin --password "$FIRST" --role cityAdmin --region 3204 --name "接口测试管理员" \
  >"$WORK/user-create.log" 2>&1 || { cat "$WORK/user-create.log" >&2; fail "minzheng user create (cityAdmin) failed"; }
"$BIN" user create --username st-medical --password "$FIRST" --role department --department medicalInsurance \
  --region 3204 --name "接口测试医保" >>"$WORK/user-create.log" 2>&1 \
  || { cat "$WORK/user-create.log" >&2; fail "minzheng user create (department) failed"; }

say "starting the server on $BASE (data in $WORK)"
"$BIN" serve >"$WORK/server.log" 2>&1 </dev/null &
SERVER_PID=$!

"$PY" "$ROOT/scripts/wait-healthz.py" "$BASE/healthz" "$SERVER_PID" 120 || fail "the server did not answer /healthz"
say "server up after $((SECONDS - START))s"

# The one-time passwords replaced; each account's token is the answer of the change.
TOKENS="$(
"$PY" - "$BASE" "$FIRST" st-admin "$ADMIN_PASSWORD" st-medical "$DEPT_PASSWORD" <<'PYEOF'
import json, sys, urllib.request
base, first = sys.argv[1:3]
def post(path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=30) as r:
        return json.load(r)
for user, password in zip(sys.argv[3::2], sys.argv[4::2]):
    token = post("/api/v1/sessions", {"username": user, "password": first})["token"]
    print(post("/api/v1/account/password", {"currentPassword": first, "newPassword": password}, token)["token"])
PYEOF
)" || fail "signing in the test accounts failed"
ADMIN_TOKEN="$(sed -n 1p <<<"$TOKENS")"
DEPT_TOKEN="$(sed -n 2p <<<"$TOKENS")"
[[ -n "$ADMIN_TOKEN" && -n "$DEPT_TOKEN" ]] || fail "no tokens"

# --- 4. schemathesis, once per token ---------------------------------------------------------------
# Not called: the password change (it would end the token the run uses) and the sign-in (its
# throttle would lock the client address out of the rest of the run).
run_as() {
  local who="$1" token="$2"
  say "as $who: up to $EXAMPLES examples per operation, at most ${SECONDS_PER_TOKEN}s (seed $SEED)"
  "$VENV/bin/schemathesis" run "$BASE/api/v1/openapi.json" \
    --url "$BASE" \
    --checks not_a_server_error,response_schema_conformance \
    --header "Authorization: Bearer $token" \
    --max-examples "$EXAMPLES" --max-time "$SECONDS_PER_TOKEN" --seed "$SEED" \
    --phases examples,coverage,fuzzing --workers 1 --request-timeout 30 --no-shrink \
    --exclude-path /api/v1/account/password --exclude-path /api/v1/sessions \
    --suppress-health-check all --warnings off \
    --report junit --report-dir "$WORK/report-$who"
}
rc=0
run_as admin "$ADMIN_TOKEN" || rc=1
run_as department "$DEPT_TOKEN" || rc=1
kill -0 "$SERVER_PID" 2>/dev/null || fail "the server died during the run"
[[ $rc -eq 0 ]] || fail "schemathesis found 5xx answers or answers that break the document (seed $SEED)"
