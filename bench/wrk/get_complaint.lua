-- GET /api/v1/complaints/{reference}, spread over the references in REDRESS_REFERENCES.
package.path = os.getenv("REDRESS_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local references = common.references()
local next_index = 1

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
  next_index = math.random(#references)
end

function request()
  next_index = next_index % #references + 1
  return wrk.format("GET", "/api/v1/complaints/" .. references[next_index], common.headers)
end
