# Sourced by the wrk scripts: starts the packaged service on loopback with a fresh data directory (it loads DfE's bundled
# files), waits until it answers, and stops it and removes the directory when the script ends.
# Usage: start_service PORT; then $base, $work and $jar are set.
start_service() {
  jar="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/platform/target/platform.jar"
  work="$(mktemp -d /tmp/wfx-bench.XXXXXX)"
  base="http://127.0.0.1:$1"
  (cd "$work" && WFX_DATA_DIR="$work/data" MICRONAUT_SERVER_PORT=$1 exec java -jar "$jar" >"$work/service.log" 2>&1) &
  service=$!
  trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 1 90); do curl -sf "$base/health/liveness" >/dev/null && return 0; sleep 1; done
  echo "the service did not start; its log: $work/service.log" >&2
  return 1
}
