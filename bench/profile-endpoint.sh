#!/usr/bin/env bash
# Where one API read spends its time: starts the packaged service on 127.0.0.1:18098 under JDK Flight Recorder, loads
# GET /api/v1/me as a Kent submitter with wrk for the seconds given (after a 5-second warm-up), and prints the share of
# execution samples whose stack passes through each of the platform's classes (and the rate limit's SHA-256 and cache).
# Usage: bench/profile-endpoint.sh [seconds, default 20]. Needs platform/target/platform.jar, wrk and the JDK's jcmd/jfr.
# Bounded: the warm-up and the seconds given; loopback only; the service is stopped at the end.
set -euo pipefail
seconds="${1:-20}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/service.sh"
start_service 18098
kent="$(token_for --user kent-lead --authority E10000016 --roles AUTHORITY_SUBMITTER)"
wrk -t2 -c8 -d5s -H "Authorization: Bearer $kent" "$base/api/v1/me" >/dev/null
jcmd "$service" JFR.start name=profile settings=profile filename="$work/me.jfr" >/dev/null
wrk -t2 -c8 -d"${seconds}s" -H "Authorization: Bearer $kent" "$base/api/v1/me" | grep 'Requests/sec'
jcmd "$service" JFR.stop name=profile >/dev/null
jfr print --events jdk.ExecutionSample "$work/me.jfr" | awk '
  /jdk.ExecutionSample/ { if (n) flush(); n = 1; delete seen; next }
  /line:/ { split($1, f, "("); m = f[1]; if (m ~ /exchange\.workforce|MessageDigest\.digest|benmanes/ && !(m in seen)) { seen[m] = 1 } }
  function flush() { total++; for (m in seen) count[m]++ }
  END { if (n) flush(); printf "%d samples\n", total; for (m in count) printf "%5.1f%%  %s\n", 100 * count[m] / total, m }' \
  | sort -k1 -rn | head -25
