-- GET /api/v1/complaints with filters: a rotation of the dashboard's typical lists.
package.path = os.getenv("REDRESS_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local lists = {
  "/api/v1/complaints?status=in_progress&service_area=housing&limit=50",
  "/api/v1/complaints?status=awaiting_acknowledgement&limit=50&sort=due_on",
  "/api/v1/complaints?service_area=environment&received_from=2022-01-01&received_to=2022-03-31&limit=50",
  "/api/v1/complaints?stage=2&limit=50",
  "/api/v1/complaints?regime=housing&received_from=2022-06-01&limit=50&sort=received_on",
}
local next_index = 0

function request()
  next_index = next_index % #lists + 1
  return wrk.format("GET", lists[next_index], common.headers)
end
