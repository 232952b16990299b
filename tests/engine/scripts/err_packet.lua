-- prints two packets, fails on the third
local tl = require "tcplua"
function packet(p)
  if p.num == 3 then
    local n = p.num
    error("boom at packet " .. n)
  end
  tl.out(p.num, "\n")
end
