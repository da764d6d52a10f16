#!/usr/bin/env bash
# The annual report benchmark: times `redress report annual` over a copy of the load benchmark's
# database (bench/generate_db.cpp, 1,000,000 complaints) as JSON and PDF, with peak memory from
# /usr/bin/time -v. Targets (issue 5): JSON under 1 s, PDF under 3 s, memory under 500 MB.
#
#   bench/report_bench.sh [SOURCE_DB] [WORK_DIR] [YEAR]
#
# The source database is never written: its WAL is checkpointed, then it is copied, and the copy
# is opened once first so that the report's migration (0006: the covering index) is applied
# before anything is timed. Each format is run RUNS times; every run is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

source_db=${1:-/tmp/benchdb/1m.db}
work=${2:-/tmp/report-bench}
year=${3:-2021}  # the generated complaints are received from July 2021 to June 2022
runs=${RUNS:-3}
bin=build/redress

mkdir -p "$work"
db="$work/report-bench.db"
if [[ ! -f "$db" ]]; then
  sqlite3 "$source_db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  cp "$source_db" "$db"
  /usr/bin/time -f 'migration (covering index): %e s, %M KB' "$bin" summary --db "$db" >/dev/null
fi
sqlite3 "$db" 'SELECT count(*) || " complaints" FROM complaints'
for format in json pdf; do
  for ((run = 1; run <= runs; ++run)); do
    /usr/bin/time -f "$format run $run: %e s elapsed, %U s user, %M KB peak RSS" \
      "$bin" report annual --db "$db" --year "$year" --format "$format" --out "$work/report.$format"
  done
done
ls -l "$work/report.json" "$work/report.pdf"
