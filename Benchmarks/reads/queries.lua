-- wrk script: one search per request, words drawn at random from $WORDS (default words.txt).
-- MODE=one (q=WORD), two (q=WORD+WORD), relevance (q=WORD&sort=relevance), search (/v1/search?q=WORD),
-- search2 (/v1/search?q=WORD+WORD).
local words = {}
for line in io.lines(os.getenv("WORDS") or "Benchmarks/reads/words.txt") do words[#words + 1] = line end
local mode = os.getenv("MODE") or "one"
math.randomseed(os.time())

request = function()
  local q = words[math.random(#words)]
  if mode == "two" or mode == "search2" then q = q .. "+" .. words[math.random(#words)] end
  if mode == "relevance" then return wrk.format("GET", "/v1/articles?q=" .. q .. "&sort=relevance") end
  if mode == "search" or mode == "search2" then return wrk.format("GET", "/v1/search?q=" .. q) end
  return wrk.format("GET", "/v1/articles?q=" .. q)
end
