#!/usr/bin/env bash
# Runs each fuzz target of BUILD_DIR (default build-fuzz) for FUZZ_SECONDS (default 60), one after
# another, each in one process (one core; libFuzzer's -jobs would write its output to ./fuzz-N.log
# instead): new inputs that reach new code go into fuzz/corpus/<target>/ (and an entry may be
# replaced by a smaller one that reaches the same code: merge with -merge=1 before committing a
# corpus, as bench/RESULTS.md says), crashes into fuzz/crashes/ (not committed), each run's output
# into BUILD_DIR/fuzz/<target>.log.
# Usage: fuzz/run.sh [TARGET...] (all targets when none is named).
# Exits non-zero when any target found a crash; the others still run.
set -uo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
targets=("$@")
if ((${#targets[@]} == 0)); then
  for binary in "$build_dir"/fuzz/*_fuzzer; do targets+=("$(basename "$binary" _fuzzer)"); done
fi

mkdir -p fuzz/crashes
failed=()
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  echo "fuzz: $target for ${seconds}s"
  # -dict: the JSON and date tokens help the fuzzer past the parsers' first checks.
  "$build_dir/fuzz/${target}_fuzzer" -max_total_time="$seconds" \
    -dict=fuzz/redress.dict -artifact_prefix="fuzz/crashes/$target-" -print_final_stats=1 \
    "fuzz/corpus/$target" 2>&1 | tee "$build_dir/fuzz/$target.log" | grep -E '^(#[0-9]+[[:space:]]+DONE|stat::|==[0-9]+==ERROR|SUMMARY|fuzz invariant)' ||
    true
  ((${PIPESTATUS[0]} == 0)) || failed+=("$target")
done

if ((${#failed[@]} > 0)); then
  echo "fuzz: crashes in ${failed[*]}: see fuzz/crashes/"
  exit 1
fi
echo "fuzz: every target ran ${seconds}s clean"
