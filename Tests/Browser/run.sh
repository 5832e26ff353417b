#!/usr/bin/env bash
# Minzheng's real-browser tests: headless Debian chromium driven by selenium (pytest).
#
#   bash Tests/Browser/run.sh [PYTEST ARGS...]      # e.g. -k logout, -x
#
# What it does:
#   1. scripts/browser-setup.sh (installs chromium, chromium-driver, and selenium + pytest
#      into .venv-browser/ when missing; nothing otherwise),
#   2. finds the server binary: $MINZHENG_BIN, else `swift build --show-bin-path`/minzheng
#      (it does not build: CI has built it in step 1),
#   3. makes a fresh temp data dir + SQLite database, creates the test users with
#      `minzheng user create` (before the server starts, so no admin is created), starts
#      `minzheng serve` on a free loopback port (200 demo households), waits for /healthz,
#      and replaces the user's one-time password through the API,
#   4. runs Tests/Browser/test_*.py, and always stops the server and deletes the temp dir.
# Exits with pytest's status (no test collected counts as a failure). On a failure,
# screenshots and page sources are in $MINZHENG_BROWSER_ARTIFACTS
# (default ${TMPDIR:-/tmp}/minzheng-browser-artifacts) and the server log's tail is printed.
# MINZHENG_BROWSER_KEEP=1 keeps the temp dir (database, server log) for a look afterwards.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$(pwd)"   # the server finds Resources/Views and Resources/Public from here
[[ -d /opt/swift/usr/bin ]] && case ":$PATH:" in *:/opt/swift/usr/bin:*) ;; *) PATH="$PATH:/opt/swift/usr/bin" ;; esac
export PATH
START=$SECONDS

say() { echo "browser-tests: $*" >&2; }
fail() { echo "browser-tests: FAILED: $*" >&2; exit 1; }

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
    if grep -q -E 'Fatal error|Program crashed' "$WORK/server.log"; then
      say "the server crashed:"
      grep -E 'Fatal error|Program crashed' "$WORK/server.log" >&2
      grep -m 6 -E '^ *[0-9]+ .* in minzheng at /' "$WORK/server.log" >&2   # the first frames of the crash
    else
      say "last lines of the server log ($WORK/server.log):"
      tail -n 40 "$WORK/server.log" >&2
    fi
  fi
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    if [[ "${MINZHENG_BROWSER_KEEP:-0}" == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
  fi
  if [[ $rc -eq 0 ]]; then say "passed in $((SECONDS - START))s"; else say "FAILED (exit $rc) after $((SECONDS - START))s"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. browser, driver, selenium ------------------------------------------------------
bash "$ROOT/scripts/browser-setup.sh" || fail "scripts/browser-setup.sh failed"
PY="${MINZHENG_BROWSER_VENV:-$ROOT/.venv-browser}/bin/python"

# --- 2. the server binary ------------------------------------------------------------------
source "$ROOT/scripts/minzheng-bin.sh"
say "server binary: $BIN"

# --- 3. fresh data, users, server ------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/minzheng-browser.XXXXXX")"
PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
unset MINZHENG_DATA_KEY   # a fresh key file in the fresh data dir
export MINZHENG_DATA_DIR="$WORK/data"
export DATABASE_URL="sqlite:$WORK/data/minzheng.sqlite"
export MINZHENG_DEMO_HOUSEHOLDS="${MINZHENG_BROWSER_HOUSEHOLDS:-200}"
export HOST=127.0.0.1
export PORT

# What the tests read (Tests/Browser/conftest.py).
export MINZHENG_BASE_URL="http://127.0.0.1:$PORT"
export MINZHENG_TEST_DB="$WORK/data/minzheng.sqlite"
export MINZHENG_TEST_STREET=320402001
export MINZHENG_TEST_USER=bt-street
export MINZHENG_TEST_NAME="浏览器测试街道员"
export MINZHENG_TEST_PASSWORD="Bt-street-$RANDOM$RANDOM"
# A medical-insurance department account: its feed raises the alerts the grid worker's test visits.
export MINZHENG_TEST_DEPT_USER=bt-medical
export MINZHENG_TEST_DEPT_PASSWORD="Bt-medical-$RANDOM$RANDOM"
# A community child director (儿童主任) of the same street: the child visit's test signs in as them.
export MINZHENG_TEST_DIRECTOR_USER=bt-director
export MINZHENG_TEST_DIRECTOR_PASSWORD="Bt-director-$RANDOM$RANDOM"
# A district's registry clerk: registers the organisation whose secretary files its annual report.
export MINZHENG_TEST_REGISTRY_USER=bt-registry
export MINZHENG_TEST_REGISTRY_PASSWORD="Bt-registry-$RANDOM$RANDOM"
export MINZHENG_BROWSER_ARTIFACTS="${MINZHENG_BROWSER_ARTIFACTS:-${TMPDIR:-/tmp}/minzheng-browser-artifacts}"
rm -rf "$MINZHENG_BROWSER_ARTIFACTS"

# `user create` makes an account that must change its password first: the tests' password
# replaces this one-time one through the API once the server is up.
FIRST_PASSWORD="Bt-first-$RANDOM$RANDOM"
"$BIN" user create --username "$MINZHENG_TEST_USER" --password "$FIRST_PASSWORD" --role streetOfficer \
  --region "$MINZHENG_TEST_STREET" --name "$MINZHENG_TEST_NAME" >"$WORK/user-create.log" 2>&1 \
  || { cat "$WORK/user-create.log" >&2; fail "minzheng user create failed"; }
"$BIN" user create --username "$MINZHENG_TEST_DEPT_USER" --password "$FIRST_PASSWORD" --role department --department medicalInsurance \
  --region 3204 --name "浏览器测试医保" >>"$WORK/user-create.log" 2>&1 \
  || { cat "$WORK/user-create.log" >&2; fail "minzheng user create (department) failed"; }
"$BIN" user create --username "$MINZHENG_TEST_DIRECTOR_USER" --password "$FIRST_PASSWORD" --role communityWorker \
  --region "$MINZHENG_TEST_STREET" --name "浏览器测试儿童主任" >>"$WORK/user-create.log" 2>&1 \
  || { cat "$WORK/user-create.log" >&2; fail "minzheng user create (child director) failed"; }
"$BIN" user create --username "$MINZHENG_TEST_REGISTRY_USER" --password "$FIRST_PASSWORD" --role districtOfficer \
  --region 320402 --name "浏览器测试登记员" >>"$WORK/user-create.log" 2>&1 \
  || { cat "$WORK/user-create.log" >&2; fail "minzheng user create (registry clerk) failed"; }

say "starting the server on $MINZHENG_BASE_URL (data in $WORK)"
"$BIN" serve >"$WORK/server.log" 2>&1 </dev/null &
SERVER_PID=$!

"$PY" "$ROOT/scripts/wait-healthz.py" "$MINZHENG_BASE_URL/healthz" "$SERVER_PID" 60 || fail "the server did not answer /healthz"
say "server up after $((SECONDS - START))s"

"$PY" - "$MINZHENG_BASE_URL" "$FIRST_PASSWORD" "$MINZHENG_TEST_USER" "$MINZHENG_TEST_PASSWORD" \
  "$MINZHENG_TEST_DEPT_USER" "$MINZHENG_TEST_DEPT_PASSWORD" \
"$MINZHENG_TEST_DIRECTOR_USER" "$MINZHENG_TEST_DIRECTOR_PASSWORD" \
  "$MINZHENG_TEST_REGISTRY_USER" "$MINZHENG_TEST_REGISTRY_PASSWORD" <<'EOF' || fail "the test users' first password change failed"
import json, sys, urllib.request
base, first = sys.argv[1:3]
accounts = list(zip(sys.argv[3::2], sys.argv[4::2]))
def post(path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=10) as r:
        return json.load(r)
for user, password in accounts:
    token = post("/api/v1/sessions", {"username": user, "password": first})["token"]
    post("/api/v1/account/password", {"currentPassword": first, "newPassword": password}, token)
EOF

# --- 4. the tests ------------------------------------------------------------------------------
export SE_OFFLINE=true   # selenium must use Debian's chromedriver, never fetch one
export PYTHONDONTWRITEBYTECODE=1
set +e
"$PY" -m pytest "$ROOT/Tests/Browser" -p no:cacheprovider -q -rfE "$@"
rc=$?
set -e
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  say "the server died during the tests (see its log below)"
  [[ $rc -eq 0 ]] && rc=1
fi
case $rc in
  0) ;;
  5) say "pytest collected no test"; exit 1 ;;
  *) [[ -d "$MINZHENG_BROWSER_ARTIFACTS" ]] && say "screenshots and page sources of the failures: $MINZHENG_BROWSER_ARTIFACTS" ;;
esac
exit $rc
