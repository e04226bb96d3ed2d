#!/usr/bin/env bash
# Builds this outside workspace (docs/bazel.md) and runs its binary against
# cxscored built from the same workspace (@cxscore//server:cxscored).
# `make bazel-test BAZEL_EXAMPLE=1` runs it after the rest; it compiles
# cxscore again in an output base of its own ($BUILD_DIR/bazel-example).
#
#   bazel-compat/example/check.sh [OUTPUT_BASE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
output_base=${1:-$root/build/bazel-example}
jobs=${JOBS:-2}
work=$(mktemp -d)
server_pid=
bazel=(bazel "--output_base=$output_base")
cleanup() {
  [[ -n $server_pid ]] && kill -KILL "$server_pid" 2>/dev/null || true
  rm -rf "$work"
  (cd "$here" && "${bazel[@]}" shutdown)
}
trap cleanup EXIT
cd "$here"

"${bazel[@]}" build --jobs="$jobs" --local_cpu_resources="$jobs" \
  --symlink_prefix=/ //:import_and_score @cxscore//server:cxscored
bin=$("${bazel[@]}" info bazel-bin)

"$bin/external/cxscore/server/cxscored" --listen 127.0.0.1:0 \
  --data-dir "$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
addr=
for _ in $(seq 300); do
  addr=$(sed -n 's/.*listening on \([^ ]*:[0-9]*\).*/\1/p' "$work/server.log")
  [[ -n $addr ]] && break
  sleep 0.1
done
[[ -n $addr ]] || { cat "$work/server.log"; echo "example: no server" >&2; exit 1; }

cat >"$work/responses.csv" <<'CSV'
response_id,submitted_at,nps
r1,2025-02-10T13:00:00Z,10
r2,2025-02-10T14:00:00Z,6
CSV
out=$("$bin/import_and_score" "$addr" "$work/responses.csv")
echo "$out"
[[ $out == *"accepted 2, duplicates 0, stale 0, rejected 0"* ]] || { echo "example: import failed" >&2; exit 1; }
[[ $out == *"promoters: 1"* && $out == *"detractors: 1"* ]] || { echo "example: unexpected scores" >&2; exit 1; }
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=
echo "example: PASSED (outside workspace using @cxscore//client and @cxscore//proto)"
