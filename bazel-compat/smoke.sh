#!/usr/bin/env bash
# Smoke test across the two builds: the Bazel-built cxscored serves, the
# CMake-built cxscore CLI imports a few records into it and reads the scores
# back over gRPC. Run by `make bazel-test`.
#
#   bazel-compat/smoke.sh SERVER_BINARY CLI_BINARY
set -euo pipefail

server_bin=$1
cli_bin=$2
work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "smoke: FAILED: $*" >&2; [[ -f $work/server.log ]] && sed 's/^/  cxscored: /' "$work/server.log" >&2; exit 1; }

# Port 0: the server picks a free port and prints "listening on HOST:PORT".
"$server_bin" --listen 127.0.0.1:0 --data-dir "$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
addr=
for _ in $(seq 300); do
  addr=$(sed -n 's/.*listening on \([^ ]*:[0-9]*\).*/\1/p' "$work/server.log")
  [[ -n $addr ]] && break
  kill -0 "$server_pid" 2>/dev/null || fail "cxscored exited before listening"
  sleep 0.1
done
[[ -n $addr ]] || fail "cxscored did not report its address within 30 s"
echo "smoke: $server_bin listening on $addr"

cat >"$work/interactions.csv" <<'EOF'
interaction_id,agent_id,team_id,channel,customer_id,opened_at,first_response_at,closed_at,reopens,transfers,first_contact_resolution
i1,alice,t1,email,c1,2025-02-10T09:00:00Z,2025-02-10T09:30:00Z,2025-02-10T12:00:00Z,0,0,true
i2,bob,t1,chat,c2,2025-02-11T10:00:00Z,2025-02-11T10:05:00Z,,0,1,
EOF
# NPS over 5 answers: promoters 9, 10, 10; passive 8; detractor 3 -> +40.
cat >"$work/responses.csv" <<'EOF'
response_id,interaction_id,agent_id,team_id,channel,customer_id,submitted_at,nps,csat,ces,ves_ability,ves_confidence,comment
r1,i1,alice,t1,email,c1,2025-02-10T13:00:00Z,9,5,,,,
r2,i1,alice,t1,email,c1,2025-02-10T14:00:00Z,10,4,,,,"quick, thanks"
r3,i2,bob,t1,chat,c2,2025-02-11T11:00:00Z,10,,,,,
r4,,bob,t1,chat,c3,2025-02-12T11:00:00Z,8,,,,,
r5,,alice,t1,email,c4,2025-02-12T12:00:00Z,3,2,,,,
EOF

cli() { "$cli_bin" --server "$addr" "$@"; }
out=$(cli import interactions "$work/interactions.csv") || fail "import interactions: $out"
echo "smoke: import interactions: $out"
[[ $out == *"accepted 2, duplicates 0, stale 0, rejected 0"* ]] || fail "import interactions said: $out"
out=$(cli import responses "$work/responses.csv") || fail "import responses: $out"
echo "smoke: import responses: $out"
[[ $out == *"accepted 5, duplicates 0, stale 0, rejected 0"* ]] || fail "import responses said: $out"

cli scores --format json >"$work/scores.json" || fail "scores failed"
/usr/bin/python3 - "$work/scores.json" <<'EOF' || fail "unexpected scores: $(cat "$work/scores.json")"
import json, sys
groups = json.load(open(sys.argv[1]))["groups"]
assert len(groups) == 1, groups
nps = groups[0]["nps"]
assert (nps["n"], nps["promoters"], nps["passives"], nps["detractors"]) == (5, 3, 1, 1), nps
assert abs(nps["value"] - 40.0) < 1e-9, nps
assert groups[0]["service"]["interactions"] == 2, groups[0]["service"]
print(f"smoke: scores: n={nps['n']} nps={nps['value']} "
      f"interactions={groups[0]['service']['interactions']}")
EOF
cli scores --by channel | sed 's/^/smoke: | /'

kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=
[[ $status -eq 0 ]] || fail "cxscored exited with status $status on SIGTERM"
echo "smoke: PASSED (Bazel-built cxscored, CMake-built cxscore CLI)"
