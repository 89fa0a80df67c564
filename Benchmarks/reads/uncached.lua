-- wrk script: searches whose total no kept count can answer. Each request is a common word
-- (common.txt: words in 77% to 100% of the generated articles) OR a made-up word that matches
-- nothing, a new query every time, so FTS5 reads the common word's whole posting list to count.
-- MODE=two adds a second common word (AND).
local words = {}
for line in io.lines(os.getenv("WORDS") or "Benchmarks/reads/common.txt") do words[#words + 1] = line end
local two = os.getenv("MODE") == "two"
math.randomseed(os.time())
local n = 0

request = function()
  n = n + 1
  local q = words[math.random(#words)] .. "+OR+zq" .. math.random(1, 1000000000) .. "x" .. n
  if two then q = q .. "+" .. words[math.random(#words)] end
  return wrk.format("GET", "/v1/articles?q=" .. q)
end
