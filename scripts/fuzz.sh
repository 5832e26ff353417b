#!/usr/bin/env bash
# Fuzzing with libFuzzer: builds the fuzz targets of Fuzz/ (a package of their own, MinzhengCore
# instrumented with -sanitize=fuzzer,address, release, in .build-fuzz) and runs each for
# SECONDS_PER_TARGET seconds on its seed corpus (Fuzz/Corpus/<target>, committed).
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]       default: 600 s, every target
#   targets: id-number region csv assessment feed-rows upload
#   FUZZ_SKIP_BUILD=1 uses the last build; FUZZ_JOBS=N runs N targets at once (default 1);
#   FUZZ_SCRATCH=DIR builds and keeps its corpus there instead of .build-fuzz.
#
# Inputs that reach new code are kept in .build-fuzz/corpus/<target> (read again by the next run,
# never committed). A crash or a violated property (the target prints "property violated") is
# saved as .build-fuzz/artifacts/<target>/crash-<sha1> and printed here in base64 with the command
# that replays it; the other targets still run, and the script exits 1. Per target it prints the
# inputs run, libFuzzer's coverage (cov: edges, ft: features) and the corpus size, and writes
# them to .build-fuzz/fuzz-report.json. Exit 2: it could not build.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ -d /opt/swift/usr/bin ]] && case ":$PATH:" in *:/opt/swift/usr/bin:*) ;; *) PATH="$PATH:/opt/swift/usr/bin" ;; esac

SECONDS_PER_TARGET="${1:-600}"
[[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2; exit 2; }
shift || true
ALL=(id-number region csv assessment feed-rows upload)
TARGETS=("$@")
[[ ${#TARGETS[@]} -eq 0 ]] && TARGETS=("${ALL[@]}")
for t in "${TARGETS[@]}"; do
  [[ " ${ALL[*]} " == *" $t "* ]] || { echo "unknown target '$t' (targets: ${ALL[*]})" >&2; exit 2; }
done

SCRATCH="${FUZZ_SCRATCH:-.build-fuzz}"   # another folder gives a build and corpus of its own
BUILD=(swift build --package-path Fuzz --scratch-path "$SCRATCH" -c release -Xswiftc -sanitize=fuzzer,address)
if [[ "${FUZZ_SKIP_BUILD:-0}" != 1 ]]; then
  echo "==> building the fuzz targets: ${BUILD[*]}"
  start=$SECONDS
  # ld.gold warns about every local symbol of the AddressSanitizer runtime: not worth a screenful.
  mkdir -p "$SCRATCH"
  "${BUILD[@]}" > "$SCRATCH/build.log" 2>&1
  rc=$?
  grep -v "Cannot export local symbol" "$SCRATCH/build.log" | grep -E "error|Compiling|Linking|Build" | tail -25
  (( rc == 0 )) || { echo "==> fuzz build failed (full log: $SCRATCH/build.log)"; exit 2; }
  echo "==> built in $((SECONDS - start)) s"
fi
BIN="$("${BUILD[@]}" --show-bin-path)"

# The Swift runtime's own backtracer trips AddressSanitizer when a target aborts; libFuzzer
# prints the stack itself.
export SWIFT_BACKTRACE=enable=no

run_target() {  # target -> .build-fuzz/logs/<target>.log
  local t="$1"
  local corpus="$SCRATCH/corpus/$t" artifacts="$SCRATCH/artifacts/$t" log="$SCRATCH/logs/$t.log"
  mkdir -p "$corpus" "$SCRATCH/logs"
  rm -rf "$artifacts"
  mkdir -p "$artifacts"
  # -timeout: an input that takes 10 s is a hang and fails like a crash; -rss_limit_mb likewise.
  "$BIN/fuzz-$t" "$corpus" "Fuzz/Corpus/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" > "$log" 2>&1 &
  local pid=$!
  wait "$pid"
  echo $? > "$log.rc"
  # The file a target hands to the CSV reader (FuzzSupport's scratchFile), left behind by a crash.
  rm -f "/dev/shm/minzheng-fuzz-$pid.input" "${TMPDIR:-/tmp}/minzheng-fuzz-$pid.input"
}

echo "==> fuzzing ${TARGETS[*]} for ${SECONDS_PER_TARGET} s each"
JOBS="${FUZZ_JOBS:-1}"
running=0
for t in "${TARGETS[@]}"; do
  run_target "$t" &
  running=$((running + 1))
  if (( running >= JOBS )); then wait -n; running=$((running - 1)); fi
done
wait

failed=0
report="["
for t in "${TARGETS[@]}"; do
  log="$SCRATCH/logs/$t.log"
  rc="$(cat "$log.rc" 2>/dev/null || echo 1)"
  runs="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}')"
  last="$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)"
  cov="$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$last")"
  ft="$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")"
  corp="$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$last")"
  crashes=("$SCRATCH/artifacts/$t"/*)
  [[ -e "${crashes[0]}" ]] || crashes=()
  if [[ "$rc" == 0 && ${#crashes[@]} -eq 0 ]]; then result=ok; else result=FAILED; failed=$((failed + 1)); fi
  printf '==> fuzz-%-10s %s: %s inputs in %s s, cov %s, ft %s, corpus %s\n' "$t" "$result" "${runs:-?}" \
    "$SECONDS_PER_TARGET" "${cov:-?}" "${ft:-?}" "${corp:-?}"
  report+="$([[ "$report" == "[" ]] || echo ,){\"target\":\"$t\",\"ok\":$([[ $result == ok ]] && echo true || echo false),\"inputs\":${runs:-null},\"seconds\":$SECONDS_PER_TARGET,\"cov\":${cov:-null},\"ft\":${ft:-null},\"corpus\":${corp:-null}}"
  if [[ "$result" != ok ]]; then
    echo "---- fuzz-$t (exit $rc), from $log:"
    grep -E "property violated|ERROR: |SUMMARY: |^    #[0-9]+ .* in .*(MinzhengCore|fuzz_)" "$log" | head -30
    for c in "${crashes[@]}"; do
      echo "---- input $c ($(wc -c < "$c") bytes), base64:"
      base64 -w0 "$c"; echo
      echo "---- replay: echo '<base64 above>' | base64 -d > input && SWIFT_BACKTRACE=enable=no $BIN/fuzz-$t input"
    done
  fi
done
echo "$report]" > "$SCRATCH/fuzz-report.json"
echo "==> report: $SCRATCH/fuzz-report.json"
if (( failed > 0 )); then
  echo "==> fuzzing FAILED: $failed of ${#TARGETS[@]} targets found a crash or a violated property"
  exit 1
fi
echo "==> fuzzing ok: ${#TARGETS[@]} targets, no crash"
