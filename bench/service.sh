# Sourced by the wrk scripts: starts the packaged service on loopback with a fresh data directory (it loads DfE's bundled
# files), waits until it answers (printing how long the first start took), and stops it and removes the directory when
# the script ends. Usage: start_service PORT; then $base, $work, $jar and $service (its process) are set, and
#   token_for --user NAME (--authority CODE | --region CODE) --roles ROLE   prints a token of the service's own issuer
#   rss                                                                     prints the service's resident memory
token_for() { (cd "$work" && WFX_DATA_DIR="$work/data" java -jar "$jar" token "$@" | tail -1); }
rss() { awk '/VmRSS/{printf "%.0f MiB", $2/1024}' "/proc/$service/status"; }
start_service() {
  local started
  started=$(date +%s%N)
  jar="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/platform/target/platform.jar"
  work="$(mktemp -d /tmp/wfx-bench.XXXXXX)"
  base="http://127.0.0.1:$1"
  # the load is one caller far beyond any real one: the API's rate limit (600 a minute) would answer most of it 429, so
  # it is lifted here (RateLimitsTest proves the limit; a benchmark measures the service behind it)
  (cd "$work" && WFX_DATA_DIR="$work/data" MICRONAUT_SERVER_PORT=$1 WFX_RATE_LIMIT_PER_MINUTE="${WFX_RATE_LIMIT_PER_MINUTE:-1000000000}" \
    exec java -jar "$jar" >"$work/service.log" 2>&1) &
  service=$!
  trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 1 900); do
    if curl -sf "$base/health/liveness" >/dev/null; then
      echo "first start, including the bundled DfE load: $(( ($(date +%s%N) - started) / 1000000 )) ms"
      return 0
    fi
    sleep 0.1
  done
  echo "the service did not start; its log: $work/service.log" >&2
  return 1
}
