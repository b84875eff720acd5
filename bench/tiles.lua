-- wrk script for bench/log.sh: random FULL tiles of a tree of size LOG_SIZE (C2SP tlog-tiles): level-0 hash tiles,
-- level-1 hash tiles and entry bundles, one third each by default (level 1 only if the tree has a full level-1 tile).
local slug = os.getenv("SLUG") or "face-recognition-moratorium"
local size = tonumber(os.getenv("LOG_SIZE") or "0")
local full0 = math.floor(size / 256)      -- full level-0 tiles and full entry bundles
local full1 = math.floor(size / 65536)    -- full level-1 tiles
local seeded = false
-- TILE_KINDS: which kinds to request, among "0" (level-0 tiles), "1" (level-1 tiles), "entries" (bundles)
local kinds = {}
for k in string.gmatch(os.getenv("TILE_KINDS") or "0,1,entries", "[^,]+") do
   if k ~= "1" or full1 > 0 then table.insert(kinds, k) end
end

-- tlog-tiles: N in groups of 3 digits, all but the last prefixed with x: 1234067 -> x001/x234/067
local function encode(n)
   local parts = { string.format("%03d", n % 1000) }
   n = math.floor(n / 1000)
   while n > 0 do
      table.insert(parts, 1, string.format("x%03d", n % 1000))
      n = math.floor(n / 1000)
   end
   return table.concat(parts, "/")
end

request = function()
   if not seeded then math.randomseed(os.time() + math.floor(os.clock() * 1e6)); seeded = true end
   local kind = kinds[math.random(1, #kinds)]
   local path
   if kind == "1" then
      path = "1/" .. encode(math.random(0, full1 - 1))
   elseif kind == "entries" then
      path = "entries/" .. encode(math.random(0, full0 - 1))
   else
      path = "0/" .. encode(math.random(0, full0 - 1))
   end
   return wrk.format("GET", "/log/" .. slug .. "/tile/" .. path)
end

done = function(summary, latency, requests)
   io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f mean_us=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
