#!/usr/bin/env bash
# SQLite and PostgreSQL on one large database (issue 13): N complaints generated on SQLite
# (redress_generate_db: the demo council plus N complaints logged through the use case), copied
# into a fresh schema of POSTGRES_URL with `redress migrate` (timed), the annual report on both
# engines (timed; the two JSON documents must be identical), then wrk at 16 connections for each
# scenario of bench/wrk (get, list, search, then log, so that the reads see the same data) on
# SQLite, on PostgreSQL with one instance, and on PostgreSQL with two instances behind nginx
# (round robin, as tests/postgres/nginx_outbox.test.mjs runs it). Prints one table. Not part of
# `make test`; the figures go in bench/RESULTS.md.
#
#   bench/million.sh BUILD_DIR POSTGRES_URL [N] [SECONDS]
#
# N defaults to 1,000,000 and SECONDS (per scenario) to 10. POSTGRES_URL names a database the
# caller may create schemas in (scripts/pg-cluster url DIR PORT). The work directory is under
# REDRESS_BENCH_DIR (default /var/tmp: a disk, since commits are fsync'd) and is removed at the
# end; so is the schema. Needs BUILD_DIR/bench/redress_generate_db, wrk, psql, sqlite3, nginx.
set -euo pipefail

usage='usage: bench/million.sh BUILD_DIR POSTGRES_URL [N] [SECONDS]'
build_dir=${1:?$usage}
postgres_url=${2:?$usage}
complaints=${3:-1000000}
seconds=${4:-10}
connections=16
wrk_threads=2
year=2021  # the generated complaints are received from July 2021 to June 2022
reference_sample=100000
nginx=${NGINX:-/usr/sbin/nginx}

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$build_dir" && pwd)
redress=$build/redress
work=$(mktemp -d "${REDRESS_BENCH_DIR:-/var/tmp}/redress-million-XXXXXX")
schema="bench_million_$$_$(date +%s)"
# serve and serve_nginx run in $(...) subshells, so their processes' ids go in a file.
stop_all() {
  [[ -f "$work/pids" ]] || return 0
  while read -r pid; do
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; fi
  done <"$work/pids"
  sleep 1
  rm -f "$work/pids"
}
cleanup() {
  stop_all
  psql -X -q "$postgres_url" -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $schema CASCADE" \
    >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Seconds since the epoch with a fraction, for timing steps.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# Starts `redress serve --db $1` on a free port; prints its address.
serve() {
  local db=$1 name=$2
  "$redress" serve --db "$db" --port 0 --files "$work/files" >"$work/$name.log" 2>&1 &
  echo $! >>"$work/pids"
  local address=
  for _ in $(seq 300); do
    address=$(grep -o '"address":"[^"]*"' "$work/$name.log" | head -1 | cut -d'"' -f4 || true)
    [[ -n "$address" ]] && break
    sleep 0.1
  done
  [[ -n "$address" ]] || { echo "the server $name did not start" >&2; cat "$work/$name.log" >&2; exit 1; }
  echo "$address"
}

# nginx in the foreground under $work/nginx, round robin between the addresses given, keeping
# connections to them open; prints its address.
serve_nginx() {
  local dir=$work/nginx port
  mkdir -p "$dir/logs" "$dir/temp"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  {
    [[ $(id -u) == 0 ]] && echo 'user root;'
    echo "worker_processes 1; daemon off; pid $dir/nginx.pid; error_log $dir/logs/error.log warn;"
    echo 'events { worker_connections 1024; }'
    echo "http { access_log off; client_body_temp_path $dir/temp/body; proxy_temp_path $dir/temp/proxy;"
    echo "  fastcgi_temp_path $dir/temp/fastcgi; uwsgi_temp_path $dir/temp/uwsgi; scgi_temp_path $dir/temp/scgi;"
    echo '  upstream redress {'
    for address in "$@"; do echo "    server ${address#http://};"; done
    echo '    keepalive 32;'
    echo '  }'
    echo "  server { listen 127.0.0.1:$port; location / { proxy_pass http://redress;"
    echo '    proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host; } }'
    echo '}'
  } >"$dir/nginx.conf"
  # Its output goes to a file: an inherited stdout would keep $(serve_nginx) waiting for ever.
  "$nginx" -p "$dir" -c "$dir/nginx.conf" >"$dir/logs/stdout.log" 2>&1 &
  echo $! >>"$work/pids"
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  echo "http://127.0.0.1:$port"
}

# wrk for each scenario against $2; one table row each, labelled $1.
run_scenarios() {
  local setup=$1 address=$2
  for scenario in get_complaint list search log_complaint; do
    wrk --latency -t "$wrk_threads" -c "$connections" -d "${seconds}s" \
      -s "$here/wrk/$scenario.lua" "$address" >"$work/$setup-$scenario.txt"
    awk -v setup="$setup" -v scenario="$scenario" '
      /Requests\/sec/ { rps = $2 }
      /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
      / requests in / { total = $1 }
      /Non-2xx/ { errors = $NF }
      /Socket errors/ { timeouts = $NF }
      END { printf "| %-18s | %-13s | %9s | %8s | %8s | %8s | %s |\n", setup, scenario, rps, total, p50, p99, (errors ? errors : 0) "/" (timeouts ? timeouts : 0) }
    ' "$work/$setup-$scenario.txt" >>"$work/table.txt"
  done
}

report() {
  local db=$1 out=$2 started
  started=$(now)
  "$redress" report annual --db "$db" --year "$year" --as-at 2022-06-30 --format json --out "$out"
  elapsed "$started" "$(now)"
}

echo "machine: nproc=$(nproc), $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ { print $2 " GB" }');" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"

sqlite_db=$work/million.db
started=$(now)
"$build/bench/redress_generate_db" --db "$sqlite_db" --complaints "$complaints" >"$work/generate.log"
echo "generate: $(sqlite3 "$sqlite_db" 'SELECT count(*) FROM complaints') complaints on SQLite in $(elapsed "$started" "$(now)") s" \
  "($(du -h "$sqlite_db" | cut -f1))"
sqlite3 "$sqlite_db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null

psql -X -q "$postgres_url" -c "CREATE SCHEMA $schema"
separator='?'
[[ $postgres_url == *\?* ]] && separator='&'
pg_db="${postgres_url}${separator}options=-csearch_path%3D${schema}"
started=$(now)
"$redress" migrate --from "$sqlite_db" --to "$pg_db" >"$work/migrate.txt"
echo "migrate to PostgreSQL: $(tail -1 "$work/migrate.txt") (wall $(elapsed "$started" "$(now)") s);" \
  "schema $(psql -X -q -t -A "$pg_db" -c "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c WHERE c.relnamespace = '$schema'::regnamespace AND c.relkind = 'r'")"
psql -X -q "$pg_db" -c 'ANALYZE' >/dev/null

# The first open of each may do one-off work (SQLite's statistics): not part of the report's time.
"$redress" summary --db "$sqlite_db" >/dev/null
"$redress" summary --db "$pg_db" >/dev/null
sqlite_seconds=$(report "$sqlite_db" "$work/report-sqlite.json")
pg_seconds=$(report "$pg_db" "$work/report-postgres.json")
if cmp -s "$work/report-sqlite.json" "$work/report-postgres.json"; then same=identical; else same=DIFFERENT; fi
echo "annual report $year, JSON: SQLite $sqlite_seconds s, PostgreSQL $pg_seconds s; the two documents are $same"

token_sqlite=$("$redress" token create --db "$sqlite_db" --username amira.khan)
token_pg=$("$redress" token create --db "$pg_db" --username amira.khan)
sqlite3 "$sqlite_db" "SELECT reference FROM complaints WHERE restricted = 0 ORDER BY random() LIMIT $reference_sample" \
  >"$work/references.txt"
export REDRESS_WRK_DIR="$here/wrk" REDRESS_REFERENCES="$work/references.txt"
{
  echo "| setup              | scenario      |     req/s | requests |      p50 |      p99 | non-2xx/timeouts |"
  echo "|--------------------|---------------|-----------|----------|----------|----------|---------|"
} >"$work/table.txt"

export REDRESS_TOKEN=$token_sqlite
run_scenarios sqlite "$(serve "$sqlite_db" sqlite)"
stop_all
export REDRESS_TOKEN=$token_pg
run_scenarios "postgresql x1" "$(serve "$pg_db" pg1)"
stop_all
first=$(serve "$pg_db" pg-a)
second=$(serve "$pg_db" pg-b)
run_scenarios "postgresql x2 nginx" "$(serve_nginx "$first" "$second")"
stop_all
echo "wrk: $connections connections, $wrk_threads threads, ${seconds} s per scenario; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$work/table.txt"
