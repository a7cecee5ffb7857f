#!/usr/bin/env bash
# How long the platform's tests take (build included, `-pl platform -am test`, offline, on a clean copy of the committed
# tree) with two test JVMs (each starts its own embedded database) and with one, the build's setting. Prints the seconds
# and the tests counted. docs/performance.md ("How long the tests take") has this machine's answer.
#   bench/suite-time.sh            # about 20 minutes on 2 cores; run it on a quiet machine
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
git ls-files -z | xargs -0 -I{} cp --parents {} "$work"/
echo "A clean copy of $(git rev-parse --short HEAD) in $work"
for forks in 2 1; do
  started=$(date +%s)
  (cd "$work" && ./mvnw -B -ntp -o -pl platform -am clean test -DforkCount="$forks" > "$work/forks-$forks.log" 2>&1)
  took=$(( $(date +%s) - started ))
  counted=$(grep -E "Tests run: [0-9]+, Failures: 0, Errors: 0, Skipped: [0-9]+$" "$work/forks-$forks.log" | tail -1 | sed 's/.*Tests run/Tests run/')
  echo "forks=$forks: ${took} s; platform: $counted"
done
