#!/usr/bin/env bash
# Disposal of N complaints (issue 20): the load benchmark's database (redress_generate_db: the demo
# council plus N complaints), every generated complaint then marked closed on its received day by
# SQL (the benchmark measures disposal, not closing), every regime kept one year; then, timed with
# GNU time (wall clock and peak memory): the dry run (`redress retention dry-run`), its approval by
# an administrator through the API (four eyes: the command line's system actor made it), and the
# run (`redress retention run`). After it: the generated complainants' names are searched for in
# the database file and its WAL, the reports of the year before and after are compared, and
# `audit verify` must pass. A reference run in the same script: the same database copied before
# the run, on which `redress report annual` is timed too, so the run's time can be read against a
# familiar operation on the same machine at the same moment. Not part of `make test`; the figures
# go in bench/RESULTS.md.
#
#   bench/disposal.sh BUILD_DIR [N]
#
# N defaults to 100,000. The work directory is under REDRESS_BENCH_DIR (default /var/tmp) and is
# removed at the end. Needs BUILD_DIR/bench/redress_generate_db, sqlite3, curl, /usr/bin/time.
set -euo pipefail

usage='usage: bench/disposal.sh BUILD_DIR [N]'
build_dir=${1:?$usage}
complaints=${2:-100000}
build=$(cd "$build_dir" && pwd)
redress=$build/redress
work=$(mktemp -d "${REDRESS_BENCH_DIR:-/var/tmp}/redress-disposal-XXXXXX")
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid"; wait "$server_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
db=$work/council.db
year=2021  # the generated complaints are received from July 2021 to June 2022

timed() {  # timed LABEL COMMAND...: prints "LABEL  seconds  peak-MiB"
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
    cat "$work/err" >&2
    return 1
  }
  read -r seconds kib <"$work/time"
  printf '%-34s %9.1f s %9.0f MiB\n' "$label" "$seconds" "$((kib / 1024))"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%dT%H:%MZ)"
timed "generate $complaints complaints" "$build/bench/redress_generate_db" --db "$db" --complaints "$complaints"
# Closed on the day they were received: every one ended in 2021/22, so kept one year they may go.
sqlite3 "$db" "UPDATE complaints SET status = 'closed', closed_on = received_on, due_on = NULL
               WHERE status IN ('awaiting_acknowledgement', 'in_progress', 'responded');"
for regime in housing corporate children adults; do
  "$redress" retention set --db "$db" --regime "$regime" --years 1 >/dev/null
done
name=$(sqlite3 "$db" "SELECT complainant_name FROM complaints ORDER BY id DESC LIMIT 1")
email=$(sqlite3 "$db" "SELECT complainant_email FROM complaints ORDER BY id DESC LIMIT 1")
grep -qaF "$email" "$db" "$db-wal" 2>/dev/null || echo "note: $email not found in the file before"

"$redress" report annual --db "$db" --year "$year" --out "$work/before-$year.json"
cp "$db" "$work/reference.db"
timed "reference: annual report $year" "$redress" report annual --db "$work/reference.db" --year "$year" --out "$work/reference.json"

timed "dry run" "$redress" retention dry-run --db "$db"
run=$(sqlite3 "$db" "SELECT max(id) FROM disposal_runs")
to_dispose=$(sqlite3 "$db" "SELECT to_dispose FROM disposal_runs WHERE id = $run")
echo "dry run $run: $to_dispose to dispose of"

# The approval by an administrator through the API.
printf 'a-long-enough-password\n' | "$redress" user add --db "$db" --username bench.admin --role admin --password-stdin >/dev/null
token=$("$redress" token create --db "$db" --username bench.admin)
"$redress" serve --db "$db" --port 0 --files "$work/files" --disposal-poll-seconds 86400 >"$work/serve.log" &
server_pid=$!
for _ in $(seq 1 300); do
  address=$(grep -o '"address":"[^"]*"' "$work/serve.log" | head -1 | cut -d'"' -f4 || true)
  [[ -n "$address" ]] && break
  sleep 0.1
done
curl -sf -X POST -H "authorization: Bearer $token" "$address/api/v1/disposal-runs/$run/approve" >/dev/null
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=

timed "run (dispose of $to_dispose)" "$redress" retention run --db "$db"
disposed=$(sqlite3 "$db" "SELECT disposed FROM disposal_runs WHERE id = $run")
echo "disposed of: $disposed"

"$redress" report annual --db "$db" --year "$year" --out "$work/after-$year.json"
if cmp -s "$work/before-$year.json" "$work/after-$year.json"; then echo "report $year: identical"; else echo "report $year: DIFFERENT"; exit 1; fi
if grep -qaF "$email" "$db" "$db-wal" 2>/dev/null; then echo "trace of $email: FOUND"; exit 1; else echo "trace of $email: none"; fi
if grep -qaF "$name" "$db" "$db-wal" 2>/dev/null; then echo "trace of $name: FOUND"; exit 1; else echo "trace of $name: none"; fi
timed "audit verify" "$redress" audit verify --db "$db"
tail -1 "$work/out"
