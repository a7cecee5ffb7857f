-- wrk -s bench/upload-returns.lua URL -- TOKENS_FILE MONTHS FIRST_YEAR
-- Each current authority (a line "code<TAB>token" of TOKENS_FILE, written by bench/BenchTokens.java) submits its
-- monthly return (POST /api/v1/returns, 15 figures with leavers by reason, about 700 bytes) for MONTHS months from
-- January of FIRST_YEAR: month by month, every authority in turn, the threads sharing the authorities between them so
-- no two send the same council's return at once. A return already stored is corrected (the body gives a reason).
-- Prints how many were stored (201) and refused. (bench/PreloadReturns.java sends the same figures a fixed number of
-- times, to fill a service before a run.)
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
  for _, t in ipairs(threads) do t:set("threads_n", #threads) end
end

function init(args)
  authorities, tokens = {}, {}
  for line in io.lines(args[1]) do
    local code, token = line:match("^(%S+)\t(%S+)$")
    if code then
      table.insert(authorities, code)
      table.insert(tokens, token)
    end
  end
  months = tonumber(args[2])
  first_year = tonumber(args[3])
  stored, refused, sent = 0, 0, 0
  cursor = id -- this thread's authorities are id, id + threads, id + 2 × threads, …
end

local function figure(measure, value, reason)
  if reason then
    return string.format('{"measure":"%s","breakdown":{"leaving_reason":"%s"},"value":%s}', measure, reason, value)
  end
  return string.format('{"measure":"%s","value":%s}', measure, value)
end

function request()
  local per_month = #authorities
  local slot = cursor % (per_month * months)
  local a = slot % per_month + 1
  local m = math.floor(slot / per_month)
  cursor = cursor + threads_n
  local period = string.format("%04d-%02d", first_year + math.floor(m / 12), m % 12 + 1)
  local inpost = 200 + (a * 37) % 256 + m % 7
  local body = '{"periodType":"MONTH","period":"' .. period .. '","reason":"benchmark run","values":[' .. table.concat({
    figure("inpost_fte", inpost), figure("inpost_headcount", math.ceil(inpost * 1.07)),
    figure("starters_fte", 4), figure("starters_headcount", 4), figure("leavers_fte", 3), figure("leavers_headcount", 3),
    figure("leavers_fte", 2, "RESIGNATION"), figure("leavers_fte", 1, "RETIREMENT"),
    figure("agency_fte", math.floor(inpost * 0.2)), figure("agency_headcount", math.floor(inpost * 0.2) + 1),
    figure("agency_cover_fte", math.floor(inpost * 0.15)), figure("vacancy_fte", math.floor(inpost * 0.18)),
    figure("case_holders_fte", math.floor(inpost * 0.8)), figure("cases", math.floor(inpost * 0.8) * 16),
    figure("working_days_lost_fte", math.floor(inpost * 0.7))}, ",") .. ']}'
  sent = sent + 1
  return wrk.format("POST", "/api/v1/returns", {
    ["Authorization"] = "Bearer " .. tokens[a], ["Content-Type"] = "application/json", ["Accept"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 201 then stored = stored + 1 else
    refused = refused + 1
    if refused <= 3 then io.stderr:write("refused (" .. status .. "): " .. body:sub(1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local s, r = 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("stored")
    r = r + thread:get("refused")
  end
  io.write(string.format("uploads: %d stored, %d refused; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n", s, r,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
