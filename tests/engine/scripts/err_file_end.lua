-- file_end fails after the last packet
local n = 0
function packet(p) n = n + 1 end
function file_end(name)
  error("ended after " .. n)
end
