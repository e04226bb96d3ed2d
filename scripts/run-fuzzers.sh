#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of tests/fuzz with clang
# (-DCXSCORE_FUZZ=ON, in $FUZZ_BUILD_DIR) and runs each for $FUZZ_SECONDS
# seconds on a copy of its seed corpus (tests/fuzz/corpus/<target>). Fails
# when any target finds a crash, a leak, undefined behaviour or a timeout;
# the input that did it is kept in $FUZZ_BUILD_DIR/fuzz-work/<target>/.
# Prints one summary line per target. docs/reliability.md, "Fuzzing".
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
jobs=${JOBS:-$(nproc)}

# libFuzzer and the sanitizer runtimes of Debian's clang 14.
scripts/install-deps.sh --with clang libclang-rt-14-dev

start=$SECONDS
cmake -S . -B "$build_dir" -G Ninja -DCXSCORE_FUZZ=ON \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  ${CMAKE_FLAGS:-} >/dev/null
cmake --build "$build_dir" -j "$jobs" --target fuzzers
echo "fuzz: built the targets in $((SECONDS - start)) s"

targets=(
  csv_reader_fuzzer
  cell_values_fuzzer
  record_parser_fuzzer
  request_fuzzer
  cell_fuzzer
  record_codec_fuzzer
)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
summary=()
for target in "${targets[@]}"; do
  work="$build_dir/fuzz-work/$target"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp tests/fuzz/corpus/"$target"/* "$work/corpus/"
  seeds=$(find "$work/corpus" -type f | wc -l)
  status=0
  "$build_dir/fuzz/$target" -max_total_time="$seconds" -print_final_stats=1 \
    -timeout=25 -rss_limit_mb=2048 -max_len=4096 \
    -artifact_prefix="$work/artifacts/" "$work/corpus" \
    >"$work/log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
  took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$work/log")
  entries=$(find "$work/corpus" -type f | wc -l)
  if ((status == 0)); then
    line=$(printf 'fuzz: %-22s ok      %10s execs in %3s s, corpus %d -> %d' \
      "$target" "${execs:-?}" "${took:-?}" "$seeds" "$entries")
  else
    line=$(printf 'fuzz: %-22s FAILED  %10s execs (exit %d), input in %s' \
      "$target" "${execs:-?}" "$status" "$work/artifacts/")
    failed+=("$target")
    echo "--- $target: last lines of $work/log"
    grep -v '^#[0-9]' "$work/log" | tail -n 40
  fi
  echo "$line"
  summary+=("$line")
done

echo "fuzz: summary (FUZZ_SECONDS=$seconds)"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
  echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}" \
    "(make each crash a regression test, docs/reliability.md)"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, no crash in $((SECONDS - start)) s"
