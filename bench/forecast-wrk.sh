#!/usr/bin/env bash
# Forecasts against /health/liveness in one run, with wrk on loopback (Debian package wrk).
# Usage: bench/forecast-wrk.sh [seconds per endpoint, default 10]. Needs platform/target/platform.jar (./mvnw -B package -DskipTests).
# Starts the packaged service on 127.0.0.1:18094 with a fresh data directory (it loads DfE's bundled files), stops it at the end.
set -euo pipefail
seconds="${1:-10}"
source "$(dirname "$0")/service.sh"
start_service 18094
token="$(cd "$work" && WFX_DATA_DIR="$work/data" java -jar "$jar" token --user se-planner --region E12000008 --roles PLANNER | tail -1)"
region="$base/api/v1/forecasts?area=E12000008&measure=inpost_fte&horizon=3"
plan="$base/api/v1/forecasts/plan?area=E12000008&horizon=3"
# the first answer after start-up loads the data and fits every series: time it once, then warm up
curl -s -o /dev/null -w "first region forecast (data load, fitting and backtest): %{time_total}s\n" -H "Authorization: Bearer $token" "$region"
curl -s -o /dev/null -w "first region plan (five more series fitted): %{time_total}s\n" -H "Authorization: Bearer $token" "$plan"
for url in "$region" "$plan"; do
  wrk -t2 -c4 -d2s -H "Authorization: Bearer $token" "$url" >/dev/null
done
echo "== /health/liveness"; wrk -t2 -c4 -d"${seconds}s" --latency "$base/health/liveness" | grep -E "Requests/sec|50%|90%|99%"
echo "== region forecast (inpost_fte, South East, with backtest)"; wrk -t2 -c4 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$region" | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
echo "== region plan (supply against demand)"; wrk -t2 -c4 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$plan" | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
echo "== /health/liveness again"; wrk -t2 -c4 -d"${seconds}s" --latency "$base/health/liveness" | grep -E "Requests/sec|50%|90%|99%"
