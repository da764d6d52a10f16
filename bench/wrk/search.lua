-- GET /api/v1/complaints?text=...: free-text search, rare and common words.
package.path = os.getenv("REDRESS_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local searches = {
  "mould%20kitchen", "boiler", "graffiti%20stairwell", "leak%20bath", "pothole%20street",
  "noise", "streetlight%20car%20park", "heating%20hallway",
}
local next_index = 0

function request()
  next_index = next_index % #searches + 1
  return wrk.format("GET", "/api/v1/complaints?limit=20&text=" .. searches[next_index],
                    common.headers)
end
