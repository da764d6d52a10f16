-- POST /api/v1/complaints: each request a new complaint from a new complainant.
package.path = os.getenv("REDRESS_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local thread_count = 0
function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end

local sequence = 0
local headers = { ["Authorization"] = common.headers["Authorization"],
                  ["Content-Type"] = "application/json" }

function request()
  sequence = sequence + 1
  local id = thread_id .. "-" .. sequence .. "-" .. os.time()
  local body = '{"regime":"housing","received_on":"2022-06-27","channel":"email",' ..
      '"service_area":"housing","category":"repairs",' ..
      '"summary":"Load test boiler broken again","description":"Logged by wrk ' .. id .. '",' ..
      '"complainant":{"name":"Load Resident ' .. id .. '","email":"load' .. id .. '@example.org"}}'
  return wrk.format("POST", "/api/v1/complaints", headers, body)
end
