#!/usr/bin/env bash
# Returns arriving while dashboards are read, with wrk on loopback (Debian package wrk), in one run:
#   0. the first start (with DfE's bundled files loaded) timed, and memory (RSS) once the national data is in use;
#   1. with YEARS > 0, every one of the 153 current authorities submits YEARS × 12 monthly returns from January 2015
#      (10 years: 18,360 returns, 275,400 figures), then memory again once a dashboard has read them all;
#   2. /health/liveness alone;
#   3. 20 clients reading the South East's 2023 dashboard (API) alone, then the same while the authorities upload
#      monthly returns (8 connections: 2025 months, then 2026's): first paced (each client asks again 100 ms after an
#      answer, bench/paced.lua), then flat out (each asks again as soon as it has an answer);
#   4. the uploads alone (corrections of 2025's).
# Prints each phase with its percentiles, and the dashboard's p95 during the uploads against its p95 without them.
# Usage: bench/mixed-wrk.sh [seconds per phase, default 15] [YEARS, default 0]. Needs platform/target/platform.jar.
# Starts the packaged service on 127.0.0.1:18097 with a fresh data directory and stops it at the end; every wrk run is
# bounded by -d; the preload (bench/PreloadReturns.java) by its count.
set -euo pipefail
seconds="${1:-15}"
years="${2:-0}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/service.sh"
start_service 18097
java -cp "$jar" "$here/BenchTokens.java" "$work/data" "$work/tokens.tsv"
group="$(token_for --user se-group --region E12000008 --roles REGIONAL_VIEWER)"
dashboard="$base/api/v1/benchmarks?group=region:E12000008&period=2023"
monthly="$base/api/v1/benchmarks?group=region:E12000008&period=2024-12"
lua="$here/percentiles.lua"
curl -s -o /dev/null -w "first dashboard: %{time_total}s\n" -H "Authorization: Bearer $group" "$dashboard"
echo "RSS with the national data in use: $(rss)"
if [ "$years" -gt 0 ]; then
  total=$((153 * 12 * years))
  echo "== preload: $total monthly returns (153 authorities × $((12 * years)) months from 2015-01)"
  java "$here/PreloadReturns.java" "$base" "$work/tokens.tsv" $((12 * years)) 2015 4
  sleep 5 # let autovacuum analyze the grown tables, as it would have long since in service
  curl -s -o /dev/null -w "first dashboard after the preload (every return read): %{time_total}s\n" -H "Authorization: Bearer $group" "$dashboard"
  curl -s -o /dev/null -w "first monthly dashboard (2024-12): %{time_total}s\n" -H "Authorization: Bearer $group" "$monthly"
  echo "RSS with $total returns loaded: $(rss)"
fi
wrk -t2 -c20 -d3s -H "Authorization: Bearer $group" "$dashboard" >/dev/null
p95() { sed -n 's/.*p95 \([0-9.]*\) ms.*/\1/p' <<<"$1"; }
echo "== /health/liveness (8 connections)"
wrk -t2 -c8 -d"${seconds}s" -s "$lua" "$base/health/liveness" | grep -E "Requests/sec|^p50"
for mode in paced flat-out; do
  if [ "$mode" = paced ]; then script="$here/paced.lua"; what="20 clients, each asking again 100 ms after an answer"
  else script="$lua"; what="20 clients asking as fast as answers come"; fi
  echo "== dashboard alone ($what)"
  alone="$(wrk -t1 -c20 -d"${seconds}s" -s "$script" -H "Authorization: Bearer $group" "$dashboard")"
  grep -E "Requests/sec|^p50|Non-2xx" <<<"$alone"
  echo "== dashboard ($what) while the 153 authorities upload monthly returns (8 connections)"
  first=$([ "$mode" = paced ] && echo 2025 || echo 2026)
  wrk -t1 -c8 -d"${seconds}s" -s "$here/upload-returns.lua" "$base" -- "$work/tokens.tsv" 10 "$first" >"$work/uploads.out" 2>"$work/uploads.err" &
  uploads=$!
  during="$(wrk -t1 -c20 -d"${seconds}s" -s "$script" -H "Authorization: Bearer $group" "$dashboard")"
  wait $uploads
  grep -E "Requests/sec|^p50|Non-2xx" <<<"$during"
  echo "-- the uploads meanwhile:"; grep -E "Requests/sec|^uploads" "$work/uploads.out"; head -3 "$work/uploads.err"
  echo "dashboard p95 during uploads / alone ($mode): $(awk -v a="$(p95 "$during")" -v b="$(p95 "$alone")" 'BEGIN{printf "%.2f", a/b}')"
done
echo "== uploads alone (8 connections; corrections of 2025)"
wrk -t2 -c8 -d"${seconds}s" -s "$here/upload-returns.lua" "$base" -- "$work/tokens.tsv" 12 2025 | grep -E "Requests/sec|^uploads"
echo "RSS at the end: $(rss)"
