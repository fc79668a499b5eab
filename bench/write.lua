-- The measurement submission (a write) for bench/run: POST /api/v1/indicators/{id}/measurements with a
-- bearer token, a different (indicator, period) for every request so that each one is valid (a second
-- value waiting for the same indicator and period would rightly answer 409).
-- Arguments after "--": TOKEN OFFSET THREADS then indicators as ID:FREQUENCY (annual, semiannual, quarterly, monthly).
-- OFFSET lets a second run start where the first stopped. Each wrk thread takes every Nth combination.
local token, offset
local indicators = {}
local thread_index, thread_count = 0, 1
local counter = 0
local threads = {}
local periods = { annual = 1, semiannual = 2, quarterly = 4, monthly = 12 }

function setup(thread)
  thread:set("thread_index", #threads)
  threads[#threads + 1] = thread
end


function init(args)
  token = args[1]
  offset = tonumber(args[2])
  thread_count = tonumber(args[3])
  for i = 4, #args do
    local id, freq = args[i]:match("^(%d+):(%a+)$")
    indicators[#indicators + 1] = { id = id, freq = freq, per = periods[freq] }
  end
  thread_index = tonumber(wrk.thread:get("thread_index")) or 0
end

local function period(ind, n)
  -- Years 1990-2089 leave 2090-2100 free for the visibility check in bench/run.
  local per = ind.per
  local year = 1990 + math.floor(n / per) % 100
  local part = n % per
  if ind.freq == "annual" then return tostring(year) end
  if ind.freq == "semiannual" then return string.format("%d-S%d", year, part + 1) end
  if ind.freq == "quarterly" then return string.format("%d-Q%d", year, part + 1) end
  return string.format("%d-%02d", year, part + 1)
end

function request()
  local c = offset + counter * thread_count + thread_index
  counter = counter + 1
  local ind = indicators[(c % #indicators) + 1]
  local n = math.floor(c / #indicators)
  local body = string.format('{"period":"%s","value":%d.%d,"note":"bench"}', period(ind, n), c % 1000, c % 7)
  return wrk.format("POST", "/api/v1/indicators/" .. ind.id .. "/measurements",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write, e.timeout))
end
