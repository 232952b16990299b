-- filter returns a number: 0 would keep every packet in Lua, so the run stops
local n = 0
function filter(p)
  n = n + 1
  if n < 3 then return true end
  return 0
end
function packet(p) print(p.num) end
