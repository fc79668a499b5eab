-- The services write for bench/run: the office of the Stazione Unica Appaltante records a procedure
-- (POST /api/v1/procurements: validation of CIG and phases, the Comuni checked against the territory, two inserts).
-- Arguments after "--": TOKEN SERVICE_SLUG THREADS then ISTAT codes of the Comuni to serve (cycled).
local token, service
local comuni = {}
local thread_index, thread_count = 0, 1
local counter = 0
local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  token = args[1]
  service = args[2]
  thread_count = tonumber(args[3])
  for i = 4, #args do comuni[#comuni + 1] = args[i] end
  thread_index = tonumber(wrk.thread:get("thread_index")) or 0
end

function request()
  local c = counter * thread_count + thread_index
  counter = counter + 1
  local istat = comuni[(c % #comuni) + 1]
  local body = string.format('{"service":"%s","object":"Procedura di prova del benchmark %d","municipalities":["%s"],"cigs":["B1234567AB"],'
    .. '"amount":%d,"procedureType":"procedura-aperta","awardCriterion":"minor-prezzo","requestedOn":"2026-01-15","decisionOn":"2026-02-01"}',
    service, c, istat, 50000 + c % 1000)
  return wrk.format("POST", "/api/v1/procurements",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write, e.timeout))
end
