-- wrk script: GET a request target drawn at random from the file $PATHS, one per line
-- (written by make-paths.py).
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
math.randomseed(os.time())

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
