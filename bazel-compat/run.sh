#!/usr/bin/env bash
# `make bazel-test`: checks that the CMake and Bazel builds compile the same
# sources, builds and tests every target with Bazel (offline, against Debian's
# packages), and runs the Bazel-built cxscored against the CMake-built CLI.
# Expects `make build` to have run (the Makefile sees to it). With
# BAZEL_EXAMPLE=1, also builds and runs bazel-compat/example.
#
# Bazel's output base is $BUILD_DIR/bazel-base, and its server is shut down
# at the end, whatever happened.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
jobs=${JOBS:-2}

scripts/install-deps.sh --with bazel-bootstrap bazel-rules-java

mkdir -p "$build_dir"
bazel=(bazel "--output_base=$(cd "$build_dir" && pwd)/bazel-base")
trap '"${bazel[@]}" shutdown' EXIT
flags=(--jobs="$jobs" --local_cpu_resources="$jobs")

# First, so that a source file CMake has and Bazel lacks is named as such
# rather than showing up as a link error.
bazel-compat/drift_check.py --cmake-build-dir "$build_dir" \
  --bazel "$(printf '%q ' "${bazel[@]}")"

# Builds every target of //... (binaries and libraries too), runs the tests.
start=$SECONDS
set +e
"${bazel[@]}" test "${flags[@]}" //... 2>&1 | tee "$build_dir/bazel-test.log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Ec '^//.* PASSED in ' "$build_dir/bazel-test.log" || true)
failed=$(grep -Ec '^//.* (FAILED|TIMEOUT|FLAKY|NO STATUS)' "$build_dir/bazel-test.log" || true)
echo "bazel-test: bazel test //... took $((SECONDS - start)) s"
((status == 0)) || { echo "bazel-test: $passed passed, $failed failed"; exit "$status"; }

bazel-compat/smoke.sh "$("${bazel[@]}" info bazel-bin)/server/cxscored" \
  "$build_dir/bin/cxscore"

if [[ ${BAZEL_EXAMPLE:-0} == 1 ]]; then
  bazel-compat/example/check.sh "$(cd "$build_dir" && pwd)/bazel-example"
fi

echo "bazel-test: $passed passed, $failed failed"
