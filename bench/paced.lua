-- wrk -s bench/paced.lua …: each connection waits PACE_MS (default 100) after an answer before asking again, as a person
-- or a dashboard screen does (20 connections: about 190 requests a second offered, not as many as the service can
-- take); prints the latency percentiles as bench/percentiles.lua does.
local pace = tonumber(os.getenv("PACE_MS") or "100")
function delay()
  return pace
end
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "percentiles.lua")
