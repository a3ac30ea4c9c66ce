-- wrk script: cycle through N per-device profile names spa<12 hex digits>.xml (N from the environment).
local n = tonumber(os.getenv("N") or "100")
local i = 0
request = function()
  i = (i % n) + 1
  return wrk.format("GET", string.format("/spa%012x.xml", i))
end
