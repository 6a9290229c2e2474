-- wrk script of scripts/loadtest.sh: a rotating mix of key pages and searches, with a tally of
-- status codes and page cache answers, and a summary that counts every kind of error.
--
--   wrk -t2 -c64 -d60s --timeout 10s -H "X-Forwarded-Proto: https" -s scripts/loadtest.lua \
--       http://127.0.0.1:PORT -- PAGES_FILE SEARCH_FILE
--
-- PAGES_FILE: "name<TAB>path" per line (scripts/benchmark_paginas.py urls); SEARCH_FILE: one
-- search path per line. Pages and searches alternate one to one, each list in turn. The -H
-- headers go with every request.

local function lines(file)
  local found = {}
  local handle = assert(io.open(file, "r"))
  for line in handle:lines() do
    if line:match("%S") then
      found[#found + 1] = line
    end
  end
  handle:close()
  return found
end

-- Per thread (each wrk thread has its own Lua state; done() collects them through setup()).
local requests = {}
local position = 0
codes = {}
cache = {} -- X-Paginacache value ("hit", "miss", "nood") or "none" -> count

function init(args)
  local pages, searches = {}, {}
  for _, line in ipairs(lines(args[1])) do
    pages[#pages + 1] = line:match("\t(.+)$") or line
  end
  for _, path in ipairs(lines(args[2])) do
    searches[#searches + 1] = path
  end
  for i = 1, math.max(#pages, #searches) do
    requests[#requests + 1] = wrk.format("GET", pages[(i - 1) % #pages + 1])
    requests[#requests + 1] = wrk.format("GET", searches[(i - 1) % #searches + 1])
  end
  mix = string.format("%d key pages and %d searches, alternating", #pages, #searches)
  -- The threads start at different places in the rotation.
  position = (id or 0) * 7
end

function request()
  position = position % #requests + 1
  return requests[position]
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
  local answer = headers["X-Paginacache"] or "none"
  cache[answer] = (cache[answer] or 0) + 1
end

-- Main Lua state: the threads, to read their tallies at the end.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

local function ms(microseconds)
  return string.format("%.1f ms", microseconds / 1000)
end

function done(summary, latency, _)
  local seconds = summary.duration / 1e6
  local total_codes, total_cache, bad_status = {}, { hit = 0, miss = 0, none = 0 }, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("codes")) do
      total_codes[status] = (total_codes[status] or 0) + count
    end
    for answer, count in pairs(thread:get("cache")) do
      total_cache[answer] = (total_cache[answer] or 0) + count
    end
  end
  local listed = {}
  for status, count in pairs(total_codes) do
    listed[#listed + 1] = string.format("%d: %d", status, count)
    if status < 200 or status > 399 then
      bad_status = bad_status + count
    end
  end
  table.sort(listed)
  local e = summary.errors
  -- wrk counts status > 399 itself; the tally also catches 1xx or anything else odd.
  local status_errors = math.max(e.status, bad_status)
  local errors = e.connect + e.read + e.write + e.timeout + status_errors
  io.write("LOADTEST_SUMMARY\n")
  io.write(string.format("  mix            %s\n", threads[1]:get("mix")))
  io.write(string.format("  requests       %d in %.1f s\n", summary.requests, seconds))
  io.write(string.format("  throughput     %.1f requests/s\n", summary.requests / seconds))
  io.write(string.format("  latency        p50 %s, p90 %s, p99 %s, max %s\n",
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
    ms(latency.max)))
  io.write(string.format("  status codes   %s\n", table.concat(listed, ", ")))
  local answers = {}
  for answer, count in pairs(total_cache) do
    if answer ~= "hit" and answer ~= "miss" and answer ~= "none" then
      answers[#answers + 1] = string.format(", %s %d", answer, count)
    end
  end
  io.write(string.format("  page cache     hit %d, miss %d%s, not cached %d\n",
    total_cache.hit, total_cache.miss, table.concat(answers), total_cache.none))
  io.write(string.format(
    "  errors         %d (connect %d, read %d, write %d, timeout %d, status %d)\n",
    errors, e.connect, e.read, e.write, e.timeout, status_errors))
  io.write(string.format("LOADTEST_ERRORS %d\n", errors))
end
