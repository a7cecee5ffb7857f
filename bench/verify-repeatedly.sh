#!/usr/bin/env bash
# Runs the whole build's tests N times in a row on a clean copy of the committed tree, to show the suite does not fail
# now and then (issue 28 asks for twenty in a row). Each run's log is kept; it stops at the first failure and names it.
#   bench/verify-repeatedly.sh 20            # about 11 minutes a run on 2 cores
set -euo pipefail
runs="${1:-20}"
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
git ls-files -z | xargs -0 -I{} cp --parents {} "$work"/
echo "A clean copy of $(git rev-parse --short HEAD) in $work; logs in $work/logs"
mkdir -p "$work/logs"
for i in $(seq 1 "$runs"); do
  started=$(date +%s)
  if (cd "$work" && ./mvnw -B -ntp verify > "logs/run-$i.log" 2>&1); then
    echo "run $i of $runs: passed in $(( $(date +%s) - started )) s"
  else
    echo "run $i of $runs: FAILED after $(( $(date +%s) - started )) s; see $work/logs/run-$i.log:"
    grep -E "<<< (FAIL|ERR)" "$work/logs/run-$i.log" | head -10 || true
    exit 1
  fi
done
echo "$runs runs in a row passed"
