-- wrk script for plain GETs (the count JSON and the letter page): it only adds a report.
--
--   wrk -t2 -c64 -d20s --latency -s bench/get.lua http://127.0.0.1:PORT/api/letters/<slug>/count
--
-- No response() hook on purpose: wrk then does not hand every body to Lua, which keeps its own CPU use low
-- (it shares the machine with the app). Answers outside 2xx/3xx are counted by wrk itself (summary.errors.status).
-- The last line is a machine-readable summary for bench/run.sh.

function done(summary, latency, requests)
   local e = summary.errors
   local socket = e.connect + e.read + e.write + e.timeout
   io.write(string.format("non-2xx/3xx responses: %d of %d\n", e.status, summary.requests))
   io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
      e.connect, e.read, e.write, e.timeout))
   io.write(string.format("BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f "
      .. "max_ms=%.3f bad=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, e.status, socket))
end
