-- allocates without end
local t = {}
function packet(p)
  for i = 1, 1e9 do t[#t + 1] = ("x"):rep(100) .. i end
end
