#!/usr/bin/env bash
# Every kind of read a person or an integration makes, against /health/liveness in the same run, with wrk on loopback
# (Debian package wrk): /health/liveness, /health, GET /api/v1/me, the South East's 2023 dashboard (API), Kent's
# statistical neighbours, the South East's forecast. Three rounds; each figure is also printed as a ratio to the same
# round's /health/liveness.
# Usage: bench/endpoints-wrk.sh [seconds per endpoint and round, default 10]. Needs platform/target/platform.jar.
# Starts the packaged service on 127.0.0.1:18096 with a fresh data directory (it loads DfE's bundled files, timed as the
# first start), and stops it at the end. Bounded: 3 rounds × 6 endpoints × the seconds given, plus a 2-second warm-up each.
set -euo pipefail
seconds="${1:-10}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/service.sh"
start_service 18096
kent="$(token_for --user kent-lead --authority E10000016 --roles AUTHORITY_SUBMITTER,AUTHORITY_VIEWER)"
group="$(token_for --user se-group --region E12000008 --roles REGIONAL_VIEWER)"
planner="$(token_for --user se-planner --region E12000008 --roles PLANNER)"
lua="$here/percentiles.lua"
names=(liveness health me dashboard neighbours forecast)
urls=("$base/health/liveness" "$base/health" "$base/api/v1/me"
      "$base/api/v1/benchmarks?group=region:E12000008&period=2023"
      "$base/api/v1/benchmarks?group=neighbours:E10000016&period=2023"
      "$base/api/v1/forecasts?area=E12000008&measure=inpost_fte&horizon=3")
tokens=("" "" "$kent" "$group" "$kent" "$planner")
auth() { [ -n "$1" ] && printf 'Authorization: Bearer %s' "$1" || printf 'X-Bench: none'; }
for i in "${!urls[@]}"; do   # first answers (loading data, computing, fitting), then a warm-up
  curl -s -o /dev/null -w "first ${names[$i]}: %{http_code} in %{time_total}s\n" -H "$(auth "${tokens[$i]}")" "${urls[$i]}"
  wrk -t2 -c8 -d2s -H "$(auth "${tokens[$i]}")" "${urls[$i]}" >/dev/null
done
for round in 1 2 3; do
  liveness=""
  for i in "${!urls[@]}"; do
    out="$(wrk -t2 -c8 -d"${seconds}s" -s "$lua" -H "$(auth "${tokens[$i]}")" "${urls[$i]}")"
    rate="$(awk '/Requests\/sec/{print $2}' <<<"$out")"
    [ -z "$liveness" ] && liveness="$rate"
    errors="$(grep -E 'Non-2xx' <<<"$out" || true)"
    printf 'round %d %-11s %9.0f req/s  %5.0f%% of liveness  %s %s\n' "$round" "${names[$i]}" "$rate" \
      "$(awk -v a="$rate" -v b="$liveness" 'BEGIN{print 100*a/b}')" "$(grep -E '^p50' <<<"$out")" "$errors"
  done
done
echo "service RSS at the end: $(rss)"
