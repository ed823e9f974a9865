-- wrk script: each request carries the bearer token of the next of several users (TOKENS env var, space-separated),
-- and headers given with -H (e.g. a sign-in cookie) are kept; the summary line reports p50/p95/p99 in milliseconds, which wrk's --latency table does not give for p95.
local tokens = {}
for t in string.gmatch(os.getenv("TOKENS") or "", "%S+") do tokens[#tokens + 1] = t end
local i = 0
request = function()
  i = i + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  if #tokens > 0 then headers["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1] end
  return wrk.format("GET", nil, headers)
end
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("SUMMARY %.1f %.2f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
