-- wrk script for the sign intake: POST /api/letters/<slug>/signatures with a distinct email per request.
--
--   wrk -t2 -c32 -d30s --latency -s bench/sign.lua http://127.0.0.1:PORT -- <run-tag> [slug [block [per-client [domains]]]]
--
-- Each request carries an address made of the run tag (pass a fresh one per wrk run), a random per-thread part,
-- the thread number and a per-thread counter, so no two requests ever share an email (a shared one would take
-- the duplicate path).
--
-- For the app with rate limits on, the load must look like many clients behind a trusted proxy:
--   block       first octet of the client addresses sent as X-Forwarded-For (1-223; pass a fresh one per wrk run
--               against the same database); 0 or absent: no X-Forwarded-For (every request is the peer 127.0.0.1)
--   per-client  sign-ups per client address (default 1: a distinct address per request); above the app's
--               per-network allowance (60 per 10 minutes) some are refused with 429
--   domains     one: every address @example.org (default; the per-domain limit refuses all but 300 per 10 minutes)
--               each: every address in its own domain (every limit is consulted: network, mailbox and domain)
--               webmail: every address @gmail.com (a shared provider: no per-domain limit)
--
-- Every answer that is not 202 Accepted is counted and reported by done(), by status code, together with the first
-- such body. The last line is a machine-readable summary for bench/run.sh (ok = 202 answers, refused = 429 answers).

local threads = {}

function setup(thread)
   thread:set("tid", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   local tag = args[1] or tostring(os.time())
   local slug = args[2] or "face-recognition-moratorium"
   block = tonumber(args[3] or "0") or 0
   per_client = math.max(1, tonumber(args[4] or "1") or 1)
   domains = args[5] or "one"
   if domains ~= "one" and domains ~= "each" and domains ~= "webmail" then
      error("sign.lua: domains must be one, each or webmail, not " .. domains)
   end
   if block < 0 or block > 223 then
      error("sign.lua: block must be 0 (no X-Forwarded-For) or a first octet 1-223")
   end
   math.randomseed(os.time() * 1000 + (tid or 0) * 7919 + math.floor(os.clock() * 1e6))
   prefix = string.format("bench-%s-%06x-t%d", tag, math.random(0, 0xffffff), tid or 0)
   path = "/api/letters/" .. slug .. "/signatures"
   headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
   n = 0
   ok = 0
   non202 = 0
   statuses = {}
   sample = ""
end

-- The client address of the n-th request of this thread: block.x.y.z, 2^20 clients per thread.
local function client(i)
   local v = (((tid or 1) - 1) * 1048576 + math.floor((i - 1) / per_client)) % 16777216
   return string.format("%d.%d.%d.%d", block, math.floor(v / 65536), math.floor(v / 256) % 256, v % 256)
end

function request()
   n = n + 1
   local domain = "example.org"
   if domains == "each" then
      domain = string.format("s%d.%s.example.org", n, prefix)
   elseif domains == "webmail" then
      domain = "gmail.com"
   end
   if block > 0 then
      headers["X-Forwarded-For"] = client(n)
   end
   local body = string.format('{"name":"Bench Signer %d","email":"%s-%d@%s","listing":"public"}',
      n, prefix, n, domain)
   return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
   if status == 202 then
      ok = ok + 1
   else
      non202 = non202 + 1
      local k = tostring(status)
      statuses[k] = (statuses[k] or 0) + 1
      if sample == "" and body then
         sample = k .. " " .. string.sub(body, 1, 300)
      end
   end
end

function done(summary, latency, requests)
   local bad, accepted, by, first = 0, 0, {}, ""
   for _, t in ipairs(threads) do
      bad = bad + (t:get("non202") or 0)
      accepted = accepted + (t:get("ok") or 0)
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
   local refused = by["429"] or 0
   local e = summary.errors
   local socket = e.connect + e.read + e.write + e.timeout
   io.write(string.format("non-202 responses: %d of %d%s\n", bad, summary.requests,
      #parts > 0 and (" (" .. table.concat(parts, ", ") .. ")") or ""))
   if first ~= "" then io.write("first non-202 answer: " .. first .. "\n") end
   io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
      e.connect, e.read, e.write, e.timeout))
   io.write(string.format("BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f "
      .. "max_ms=%.3f bad=%d socket_errors=%d ok=%d refused=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, bad, socket, accepted, refused))
end
