#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset `fuzz`: clang, ASan + UBSan) and runs each one
# for a bounded time, starting from its committed seed corpus.
#
#   tests/fuzz/run_all.sh [SECONDS_PER_TARGET]      (default 60)
#
# Exits non-zero when a target crashes, leaks, hits UB or times out; the reproducer is
# kept in $OWNVOICE_FUZZ_OUT (default build/fuzz/findings/). New inputs found during the run go
# to a scratch copy of the corpus, never into the committed seeds.
# Environment: OWNVOICE_FUZZ_BUILD_DIR overrides the preset's build directory.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${OWNVOICE_FUZZ_BUILD_DIR:-$root/build/fuzz}"
out="${OWNVOICE_FUZZ_OUT:-$build/findings}"
targets=(fuzz_frame_decoder fuzz_request_parser fuzz_policy_parser fuzz_check_engine fuzz_json_text)

cd "$root"
cmake --preset fuzz -B "$build" >/dev/null
cmake --build "$build" -j2 --target "${targets[@]}"

mkdir -p "$out"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
failed=()
for target in "${targets[@]}"; do
  seeds="$root/tests/fuzz/corpus/$target"
  scratch="$(mktemp -d)"
  cp -r "$seeds/." "$scratch/"
  echo "== $target: ${seconds}s from $(ls "$seeds" | wc -l) seeds"
  if ! "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$out/$target-" "$scratch" \
        >"$out/$target.log" 2>&1; then
    echo "!! $target failed; see $out/$target.log"
    tail -n 40 "$out/$target.log"
    failed+=("$target")
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$out/$target.log" | tail -n 2 || true
  fi
  rm -rf "$scratch"
done

if ((${#failed[@]})); then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all ${#targets[@]} fuzz targets ran ${seconds}s each without a finding"
