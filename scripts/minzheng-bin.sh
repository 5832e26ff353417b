# Sourced by the scripts that run the built binary (Tests/Browser/run.sh, scripts/crash-test.sh):
# sets BIN to $MINZHENG_BIN, else `swift build --show-bin-path`/minzheng. It never builds (CI has
# built it in its first step). The caller defines fail().
if [[ -n "${MINZHENG_BIN:-}" ]]; then
  BIN="$MINZHENG_BIN"
else
  command -v swift >/dev/null 2>&1 || fail "no MINZHENG_BIN given and swift is not on PATH"
  BIN_DIR="$(swift build --show-bin-path 2>/dev/null)" || fail "swift build --show-bin-path failed"
  BIN="$BIN_DIR/minzheng"
fi
[[ -x "$BIN" ]] || fail "binary $BIN not found or not executable (build it with 'swift build', or set MINZHENG_BIN)"
