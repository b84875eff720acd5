-- wrk script for bench/run.sh: searches a letter's signatories by name, as a journalist checking names would.
-- Every other query is a name nobody has (a random string: the search must conclude "no one" without reading the
-- whole list); the others are a family name of the seeded signatories (many matches: the first page).
--
--   wrk -t2 -c16 -d20s --latency -s bench/search.lua http://127.0.0.1:PORT -- <slug>
dofile((os.getenv("BENCH_DIR") or "bench") .. "/get.lua")

local slug = "face-recognition-moratorium"
local families = { "smith", "garcia", "okafor", "tanaka", "novak", "haddad", "singh", "costa", "popescu", "ortiz" }
local counter = 0

function init(args)
   slug = args[1] or slug
   math.randomseed(os.time() + math.floor(os.clock() * 1e6) + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
end

local function nobody()
   local s = {}
   for i = 1, 8 do s[i] = string.char(math.random(97, 122)) end
   return table.concat(s) .. "q"
end

request = function()
   counter = counter + 1
   local q = (counter % 2 == 0) and nobody() or families[math.random(#families)]
   return wrk.format("GET", "/api/letters/" .. slug .. "/signatories?q=" .. q .. "&limit=50")
end
