-- wrk script: GET /api/search?q=... rotating through bench/queries.txt (both
-- the accented and the unaccented form of each line), one query per request.
-- Usage: wrk -t2 -c8 -d10s -s search.lua http://127.0.0.1:PORT -- QUERIES_FILE
-- done() prints one `wrk ...` line with requests/s, p50/p99 and error counts.

local queries = {}
local counter = 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

local function load(path)
  local list = {}
  for line in io.lines(path) do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local a, b = line:match("^([^\t]*)\t(.*)$")
      if a then
        table.insert(list, a)
        table.insert(list, b)
      else
        table.insert(list, line)
      end
    end
  end
  return list
end

local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  queries = load(args[1] or "bench/queries.txt")
  -- Threads start at different points of the list.
  counter = ((id or 0) * 17) % #queries
end

function request()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/api/search?q=" .. urlencode(q))
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "wrk requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d errors_status=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, e.status))
end
