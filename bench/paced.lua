-- wrk -s bench/paced.lua …: each connection waits PACE_MS (default 100) after an answer before asking again, as a person
-- or a dashboard screen does (20 connections: about 190 requests a second offered, not as many as the service can
-- take); prints the latency percentiles as bench/percentiles.lua does.
local pace = tonumber(os.getenv("PACE_MS") or "100")
function delay()
  return pace
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d requests, %d errors\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
