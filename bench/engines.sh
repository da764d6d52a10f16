#!/usr/bin/env bash
# The same load on SQLite and PostgreSQL, side by side: for each engine a fresh database (a file;
# a fresh schema of the PostgreSQL database named by URL), one `redress serve`, and wrk at 16
# connections for each scenario of bench/wrk (log complaints first, which also fills the
# database, then get, list and search them). Prints one line per engine and scenario: requests
# per second and latency percentiles. Not part of `make test`; the figures go in bench/RESULTS.md.
#
#   bench/engines.sh BUILD_DIR POSTGRES_URL [SECONDS]
#
# POSTGRES_URL names a database the caller may create schemas in, e.g. the test cluster's
# (scripts/pg-cluster url DIR PORT). Loopback only.
set -euo pipefail

build_dir=${1:?usage: bench/engines.sh BUILD_DIR POSTGRES_URL [SECONDS]}
postgres_url=${2:?usage: bench/engines.sh BUILD_DIR POSTGRES_URL [SECONDS]}
seconds=${3:-10}
connections=16
wrk_threads=2

here=$(cd "$(dirname "$0")" && pwd)
redress=$(cd "$build_dir" && pwd)/redress
work=$(mktemp -d)
server_pid=
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" || true
  fi
  server_pid=
}
trap 'stop_server; rm -rf "$work"' EXIT

# Runs the scenarios against `redress serve --db $1`; $2 names the engine, $3 is the command that
# prints the references of the complaints logged (one a line).
run_engine() {
  local db=$1 engine=$2 references_command=$3
  "$redress" init --db "$db" >/dev/null
  echo 'a-long-enough-password' |
    "$redress" user add --db "$db" --username bench --role admin --password-stdin >/dev/null
  local token
  token=$("$redress" token create --db "$db" --username bench)
  "$redress" serve --db "$db" --port 0 --files "$work/files-$engine" >"$work/$engine.log" &
  server_pid=$!
  local address=
  for _ in $(seq 100); do
    address=$(grep -o '"address":"[^"]*"' "$work/$engine.log" | head -1 | cut -d'"' -f4 || true)
    [[ -n "$address" ]] && break
    sleep 0.1
  done
  [[ -n "$address" ]] || { echo "the server did not start on $engine" >&2; exit 1; }
  for put in 'teams/housing {"name":"Housing"}' \
    'service-areas/housing {"name":"Housing","team":"housing"}' \
    'categories/repairs {"name":"Repairs","active":true}'; do
    curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "${put#* }" "$address/api/v1/${put%% *}" >/dev/null
  done
  export REDRESS_TOKEN=$token REDRESS_WRK_DIR="$here/wrk" REDRESS_REFERENCES="$work/references-$engine.txt"
  for scenario in log_complaint get_complaint list search; do
    if [[ $scenario == get_complaint ]]; then eval "$references_command" >"$REDRESS_REFERENCES"; fi
    wrk --latency -t "$wrk_threads" -c "$connections" -d "${seconds}s" \
      -s "$here/wrk/$scenario.lua" "$address" >"$work/$engine-$scenario.txt"
    awk -v engine="$engine" -v scenario="$scenario" '
      /Requests\/sec/ { rps = $2 }
      /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
      / requests in / { total = $1 }
      /Non-2xx/ { errors = $NF }
      END { printf "| %-10s | %-13s | %9s | %8s | %8s | %8s | %s |\n", engine, scenario, rps, total, p50, p99, errors ? errors : 0 }
    ' "$work/$engine-$scenario.txt"
  done
  stop_server
}

echo "machine: nproc=$(nproc), $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| engine     | scenario      |     req/s | requests |      p50 |      p99 | non-2xx |"
echo "|------------|---------------|-----------|----------|----------|----------|---------|"
sqlite_db="$work/bench.db"
run_engine "$sqlite_db" sqlite "sqlite3 '$sqlite_db' 'SELECT reference FROM complaints'"
schema="bench_$$_$(date +%s)"
psql -X -q "$postgres_url" -c "CREATE SCHEMA $schema"
separator='?'
[[ $postgres_url == *\?* ]] && separator='&'
pg_db="${postgres_url}${separator}options=-csearch_path%3D${schema}"
run_engine "$pg_db" postgresql "psql -X -q -t -A '$pg_db' -c 'SELECT reference FROM complaints'"
psql -X -q "$postgres_url" -c "SET client_min_messages = warning; DROP SCHEMA $schema CASCADE"
