-- wrk script for bench/log.sh: inclusion proofs of random entries in the tree of size LOG_SIZE.
dofile((os.getenv("BENCH_DIR") or "bench") .. "/servertime.lua")
local slug = os.getenv("SLUG") or "face-recognition-moratorium"
local size = tonumber(os.getenv("LOG_SIZE") or "0")
local seeded = false

request = function()
   if not seeded then math.randomseed(os.time() + math.floor(os.clock() * 1e6)); seeded = true end
   local index = math.random(0, size - 1)
   return wrk.format("GET", "/log/" .. slug .. "/proof/inclusion?index=" .. index .. "&size=" .. size)
end

done = function(summary, latency, requests)
   io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f mean_us=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
   server_done()
end
