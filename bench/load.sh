#!/usr/bin/env bash
# The load benchmark: `redress serve` on a copy of the generated database, driven by wrk at 32
# connections for each scenario (log a complaint, get a complaint, list with filters, free-text
# search). Prints wrk's throughput and latency percentiles per scenario. Not part of `make test`.
#
#   bench/load.sh BUILD_DIR DATABASE [SECONDS]
#
# DATABASE is made by `BUILD_DIR/bench/redress_generate_db --db DATABASE`; it is copied first, so
# the writes of one run do not change the next run's data. The copy lives beside DATABASE (the
# same disk: commits are fsync'd). Loopback only.
set -euo pipefail

build_dir=${1:?usage: bench/load.sh BUILD_DIR DATABASE [SECONDS]}
source_db=${2:?usage: bench/load.sh BUILD_DIR DATABASE [SECONDS]}
seconds=${3:-10}
connections=32
wrk_threads=2
io_threads=${REDRESS_IO_THREADS:-2}
reference_sample=100000

here=$(cd "$(dirname "$0")" && pwd)
redress="$build_dir/redress"
work=$(mktemp -d "$(dirname "$source_db")/redress-load-XXXXXX")
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

db="$work/load.db"
# The source's WAL is checkpointed into it first, so that a plain copy is the whole database.
sqlite3 "$source_db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$source_db" "$db"
token=$("$redress" token create --db "$db" --username amira.khan)
sqlite3 "$db" "SELECT reference FROM complaints WHERE restricted = 0 ORDER BY random() LIMIT $reference_sample" \
  >"$work/references.txt"

"$redress" serve --db "$db" --port 0 --threads "$io_threads" >"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do
  address=$(grep -o '"address":"[^"]*"' "$work/server.log" | head -1 | cut -d'"' -f4 || true)
  [[ -n "$address" ]] && break
  sleep 0.1
done
[[ -n "$address" ]] || { echo "the server did not start" >&2; exit 1; }

echo "machine: nproc=$(nproc), $(lscpu | sed -n 's/^Model name: *//p'), $(date -u +%Y-%m-%d)"
echo "database: $(sqlite3 "$db" 'SELECT count(*) FROM complaints') complaints; server io threads: $io_threads"
export REDRESS_TOKEN=$token REDRESS_REFERENCES="$work/references.txt" REDRESS_WRK_DIR="$here/wrk"
for scenario in log_complaint get_complaint list search; do
  echo
  echo "== $scenario: $connections connections, ${seconds}s"
  wrk --latency -t "$wrk_threads" -c "$connections" -d "${seconds}s" \
    -s "$here/wrk/$scenario.lua" "$address"
done
