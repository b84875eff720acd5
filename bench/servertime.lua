-- Shared by the wrk scripts of bench/log.sh: collects each answer's Server-Timing (app;dur=<ms>) in 10 µs buckets
-- per thread and prints, after wrk's own RESULT line, "SERVER requests=… mean_us=… p50_us=… p99_us=… max_us=…".
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

server_buckets = {}
server_n = 0
server_sum = 0

function response(status, headers, body)
   local timing = headers["Server-Timing"] or headers["server-timing"]
   local ms = timing and tonumber(string.match(timing, "dur=([0-9.]+)"))
   if ms then
      local b = math.floor(ms * 100) -- 10 µs buckets
      server_buckets[b] = (server_buckets[b] or 0) + 1
      server_n = server_n + 1
      server_sum = server_sum + ms
   end
end

function server_done()
   local all, n, sum = {}, 0, 0
   for _, t in ipairs(threads) do
      for b, c in pairs(t:get("server_buckets") or {}) do
         all[b] = (all[b] or 0) + c
      end
      n = n + (t:get("server_n") or 0)
      sum = sum + (t:get("server_sum") or 0)
   end
   local keys = {}
   for b in pairs(all) do table.insert(keys, b) end
   table.sort(keys)
   local function at(p) -- nearest rank, upper edge of the bucket
      local rank, seen = math.ceil(n * p), 0
      for _, b in ipairs(keys) do
         seen = seen + all[b]
         if seen >= rank then return (b + 1) * 10 end
      end
      return 0
   end
   io.write(string.format("SERVER requests=%d mean_us=%.1f p50_us=%d p99_us=%d max_us=%d\n", n,
      n > 0 and sum * 1000 / n or 0, at(0.50), at(0.99), n > 0 and (keys[#keys] + 1) * 10 or 0))
end
