#!/usr/bin/env bash
# The regional dashboard page against /health/liveness in one run, with wrk on loopback (Debian package wrk).
# Usage: bench/dashboard-page-wrk.sh [seconds per endpoint, default 15]. Needs platform/target/platform.jar.
# Starts the packaged service on 127.0.0.1:18095 with a fresh data directory, signs in as the demonstration user
# se-group through the sign-in form, measures, and stops the service.
set -euo pipefail
seconds="${1:-15}"
source "$(dirname "$0")/service.sh"
start_service 18095
jar_cookies="$work/cookies"
curl -s -c "$jar_cookies" -b "$jar_cookies" "$base/sign-in" -H 'Accept: text/html' >/dev/null
curl -s -c "$jar_cookies" -b "$jar_cookies" "$base/sign-in" -H 'Accept: text/html' \
     --data "csrf=$(awk '/wfx-csrf/{print $7}' "$jar_cookies")&user=se-group" -o /dev/null
session="$(awk '/wfx-session/{print $7}' "$jar_cookies")"
csrf="$(awk '/wfx-csrf/{print $7}' "$jar_cookies")"
cookie="Cookie: wfx-session=$session; wfx-csrf=$csrf"
curl -s -o /dev/null -w "first dashboard page (data load and benchmark): %{time_total}s, %{size_download} bytes\n" -H "$cookie" -H 'Accept: text/html' "$base/dashboard"
wrk -t2 -c4 -d3s -H "$cookie" -H 'Accept: text/html' "$base/dashboard" >/dev/null
lua="$(cd "$(dirname "$0")" && pwd)/percentiles.lua"
for round in 1 2 3; do
  echo "== round $round: /health/liveness"; wrk -t2 -c4 -d"${seconds}s" -s "$lua" "$base/health/liveness" | grep -E "Requests/sec|^p50"
  echo "== round $round: dashboard page (se-group)"; wrk -t2 -c4 -d"${seconds}s" -s "$lua" -H "$cookie" -H 'Accept: text/html' "$base/dashboard" | grep -E "Requests/sec|^p50|Non-2xx"
done
