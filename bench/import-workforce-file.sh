#!/usr/bin/env bash
# Times validating and storing DfE's whole workforce file (1,137 rows, 25,014 figures) with the import command,
# which reports its own time per file (reading, checking and storing; JVM and database start-up excluded):
# each run imports into a new empty embedded database, then imports the same file again (all figures compared,
# none changed). Loopback only; bounded by the number of runs.
#   bench/import-workforce-file.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=$PWD/platform/target/platform.jar
file=$PWD/adapters/src/main/resources/dfe/csww_indicators_2017_to_2023.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  echo "run $i, empty database: $(cd "$work" && java -jar "$jar" import dfe "$file" 2>/dev/null | tail -1)"
  echo "run $i, same file again: $(cd "$work" && java -jar "$jar" import dfe "$file" 2>/dev/null | tail -1)"
done
