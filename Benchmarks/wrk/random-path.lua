-- Sends GET requests whose targets are drawn at random, per request, from a file of request
-- targets (one a line, e.g. /v1/articles/42), named as the first argument after the URL:
--   wrk -s Benchmarks/wrk/random-path.lua http://127.0.0.1:8080 /path/to/targets.txt
-- Headers given with -H are sent with every request. Each thread draws its own sequence
-- from a fixed seed, so runs repeat the same requests.

local targets = {}

function setup(thread)
   thread:set("seed", 1000 + (thread_count or 0))
   thread_count = (thread_count or 0) + 1
end

function init(args)
   local name = args[1]
   if name == nil then
      error("random-path.lua: name a file of request targets after the URL")
   end
   local file = assert(io.open(name, "r"))
   for line in file:lines() do
      if #line > 0 then
         targets[#targets + 1] = line
      end
   end
   file:close()
   if #targets == 0 then
      error("random-path.lua: " .. name .. " holds no request targets")
   end
   math.randomseed(seed or 1000)
end

function request()
   return wrk.format("GET", targets[math.random(#targets)])
end
