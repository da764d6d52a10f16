-- Shared by the load scripts: the bearer token from REDRESS_TOKEN, and a per-thread id so that
-- generated data differs between wrk threads.
local common = {}

common.token = os.getenv("REDRESS_TOKEN") or error("REDRESS_TOKEN is not set")
common.headers = { ["Authorization"] = "Bearer " .. common.token }

-- Reads one reference per line from the file named by REDRESS_REFERENCES.
function common.references()
  local path = os.getenv("REDRESS_REFERENCES") or error("REDRESS_REFERENCES is not set")
  local references = {}
  for line in io.lines(path) do references[#references + 1] = line end
  if #references == 0 then error("no references in " .. path) end
  return references
end

return common
