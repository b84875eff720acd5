-- wrk script for the sign intake: POST /api/letters/<slug>/signatures with a distinct email per request.
--
--   wrk -t2 -c32 -d30s --latency -s bench/sign.lua http://127.0.0.1:PORT -- <run-tag> [slug]
--
-- Each request carries an address made of the run tag (pass a fresh one per wrk run), a random per-thread part,
-- the thread number and a per-thread counter, so no two requests ever share an email (a shared one would take
-- the duplicate path). Every answer that is not 202 Accepted is counted and reported by done(), by status code,
-- together with the first such body. The last line is a machine-readable summary for bench/run.sh.

local threads = {}

function setup(thread)
   thread:set("tid", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   local tag = args[1] or tostring(os.time())
   local slug = args[2] or "face-recognition-moratorium"
   math.randomseed(os.time() * 1000 + (tid or 0) * 7919 + math.floor(os.clock() * 1e6))
   prefix = string.format("bench-%s-%06x-t%d", tag, math.random(0, 0xffffff), tid or 0)
   path = "/api/letters/" .. slug .. "/signatures"
   headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
   n = 0
   non202 = 0
   statuses = {}
   sample = ""
end

function request()
   n = n + 1
   local body = string.format('{"name":"Bench Signer %d","email":"%s-%d@example.org","listing":"public"}',
      n, prefix, n)
   return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
   if status ~= 202 then
      non202 = non202 + 1
      local k = tostring(status)
      statuses[k] = (statuses[k] or 0) + 1
      if sample == "" and body then
         sample = k .. " " .. string.sub(body, 1, 300)
      end
   end
end

function done(summary, latency, requests)
   local bad, by, first = 0, {}, ""
   for _, t in ipairs(threads) do
      bad = bad + (t:get("non202") or 0)
      local st = t:get("statuses") or {}
      for k, v in pairs(st) do
         by[k] = (by[k] or 0) + v
      end
      local s = t:get("sample") or ""
      if first == "" then first = s end
   end
   local parts = {}
   for k, v in pairs(by) do table.insert(parts, k .. "=" .. v) end
   table.sort(parts)
   local e = summary.errors
   local socket = e.connect + e.read + e.write + e.timeout
   io.write(string.format("non-202 responses: %d of %d%s\n", bad, summary.requests,
      #parts > 0 and (" (" .. table.concat(parts, ", ") .. ")") or ""))
   if first ~= "" then io.write("first non-202 answer: " .. first .. "\n") end
   io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
      e.connect, e.read, e.write, e.timeout))
   io.write(string.format("BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f "
      .. "max_ms=%.3f bad=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, bad, socket))
end
