-- GET requests for bench/run: cycles through the paths given after "--" (one or more), so a page that
-- shows one record (an action, a Comune) is read for several records, and ends with one machine-readable
-- line that bench/run parses instead of wrk's rounded, unit-suffixed text.
local paths = {}
local counter = 0

function init(args)
  for i = 1, #args do paths[#paths + 1] = args[i] end
  if #paths == 0 then paths[1] = wrk.path end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  -- requests, duration (µs), p50 (µs), p99 (µs), max (µs), non-2xx/3xx, socket errors, timeouts
  io.write(string.format("BENCH %d %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write, e.timeout))
end
