-- wrk script for bench/log.sh: no request changes, only the RESULT line (for fixed URLs).
dofile((os.getenv("BENCH_DIR") or "bench") .. "/servertime.lua")
done = function(summary, latency, requests)
   io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f mean_us=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
   server_done()
end
