#!/usr/bin/env bash
# Two builds of redress side by side on the list and search scenarios of bench/wrk: each round
# starts one server of build A on DB_A and measures list then search with wrk, then the same for
# build B on DB_B, so that both see the same machine noise. DB_A and DB_B are --db values (two
# copies of one database: a newer build may migrate its copy, which an older one would refuse).
# Prints one line per build, round and scenario: label, scenario, req/s, p50, p99, non-2xx.
#
#   bench/list_search_ab.sh BUILD_A DB_A BUILD_B DB_B [ROUNDS] [SECONDS]
#
# BUILD_* are build directories (their redress binary is used). Not part of `make test`.
set -euo pipefail

usage='usage: bench/list_search_ab.sh BUILD_A DB_A BUILD_B DB_B [ROUNDS] [SECONDS]'
build_a=${1:?$usage}
db_a=${2:?$usage}
build_b=${3:?$usage}
db_b=${4:?$usage}
rounds=${5:-2}
seconds=${6:-5}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/redress-ab-XXXXXX")
trap 'rm -rf "$work"' EXIT
export REDRESS_WRK_DIR=$here/wrk

# measure LABEL REDRESS DB: one server, wrk for list then search.
measure() {
  local label=$1 redress=$2 db=$3 pid address=
  REDRESS_TOKEN=$("$redress" token create --db "$db" --username amira.khan)
  export REDRESS_TOKEN
  "$redress" serve --db "$db" --port 0 --files "$work/files" >"$work/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do
    address=$(grep -o '"address":"[^"]*"' "$work/$label.log" | head -1 | cut -d'"' -f4 || true)
    [[ -n "$address" ]] && break
    sleep 0.1
  done
  [[ -n "$address" ]] || { echo "the server $label did not start" >&2; cat "$work/$label.log" >&2; exit 1; }
  for scenario in list search; do
    wrk --latency -t 2 -c 16 -d "${seconds}s" -s "$here/wrk/$scenario.lua" "$address" |
      awk -v label="$label" -v scenario="$scenario" '
        /Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /Non-2xx/ { errors = $NF }
        END { printf "%-4s %-7s %10s req/s  p50 %9s  p99 %9s  non-2xx %s\n", label, scenario, rps, p50, p99, errors + 0 }'
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

echo "machine: nproc=$(nproc), $(free -g | awk '/^Mem:/ { print $2 " GB" }'); $(uptime | sed 's/.*load/load/'); $(date -u +%FT%H:%MZ)"
for round in $(seq "$rounds"); do
  measure A "$build_a/redress" "$db_a"
  measure B "$build_b/redress" "$db_b"
done
