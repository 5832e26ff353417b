#!/usr/bin/env bash
# Installs what the browser tests (Tests/Browser/) need, and nothing when it is already there:
#   - Debian's chromium and chromium-driver (apt-get; `apt-get update` only if the install
#     fails with the lists as they are),
#   - selenium and pytest from PyPI into the project-local venv .venv-browser/.
# Idempotent; safe to run before every browser run. Exits non-zero with a message on failure.
# Prints nothing but progress on stderr; the venv's python is at .venv-browser/bin/python.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
VENV="${MINZHENG_BROWSER_VENV:-$ROOT/.venv-browser}"
# Pinned, so that every machine runs the same client (selenium 4.52.0 needs a certifi newer
# than the registry here serves, so 4.51.0).
PY_REQUIREMENTS=(selenium==4.51.0 pytest==9.2.0)

say() { echo "browser-setup: $*" >&2; }
fail() { echo "browser-setup: FAILED: $*" >&2; exit 1; }

# --- Debian packages -------------------------------------------------------------
have_browser() { command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; }

if ! have_browser; then
  SUDO=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || fail "chromium/chromium-driver missing and not root (no password-less sudo): install them with 'apt-get install chromium chromium-driver'"
    SUDO=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  APT=("${SUDO[@]}" apt-get -y -q -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  say "installing chromium and chromium-driver (apt-get)"
  if ! "${APT[@]}" install --no-install-recommends chromium chromium-driver </dev/null >&2; then
    say "install failed with the current package lists: running apt-get update and retrying"
    "${APT[@]}" update </dev/null >&2 || fail "apt-get update failed"
    "${APT[@]}" install --no-install-recommends chromium chromium-driver </dev/null >&2 \
      || fail "apt-get install chromium chromium-driver failed"
  fi
  have_browser || fail "chromium or chromedriver still not on PATH after apt-get install"
fi

# --- Python venv with selenium + pytest ----------------------------------------------
STAMP="$VENV/.minzheng-requirements"
WANT="${PY_REQUIREMENTS[*]}"
if [[ -x "$VENV/bin/python" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]] \
   && "$VENV/bin/python" -c 'import selenium, pytest' 2>/dev/null; then
  :   # already set up
else
  # Any python3 >= 3.9 with a working venv module; Debian's first, then whatever is on PATH.
  PY=""
  for candidate in /usr/bin/python3 "$(command -v python3 || true)"; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    if "$candidate" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 9) else 1)' 2>/dev/null; then
      PY="$candidate"; break
    fi
  done
  if [[ -z "$PY" ]]; then
    say "no python3 with venv/ensurepip: installing python3-venv (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -y -q -o DPkg::Lock::Timeout=300 install --no-install-recommends python3 python3-venv </dev/null >&2 \
      || { apt-get -y -q update </dev/null >&2 && apt-get -y -q -o DPkg::Lock::Timeout=300 install --no-install-recommends python3 python3-venv </dev/null >&2; } \
      || fail "could not install python3-venv"
    PY=/usr/bin/python3
  fi
  say "creating $VENV with $PY and installing ${WANT}"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV" >&2 || fail "python3 -m venv $VENV failed"
  "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q "${PY_REQUIREMENTS[@]}" >&2 \
    || { rm -rf "$VENV"; fail "pip install ${WANT} failed"; }
  "$VENV/bin/python" -c 'import selenium, pytest' || { rm -rf "$VENV"; fail "selenium/pytest not importable after install"; }
  echo "$WANT" > "$STAMP"
fi

say "ready: $(chromium --version 2>/dev/null | head -1), $(chromedriver --version 2>/dev/null | head -1 | cut -d' ' -f1-2), $("$VENV/bin/python" -c 'import selenium, pytest; print("selenium", selenium.__version__, "pytest", pytest.__version__)')"
