-- a deliberately slow packet hook (the live load test): the kernel must drop, and say so
local x = 0
function packet(p)
  for i = 1, 100000 do x = x + i end
end
function finish(stats)
  io.stderr:write("finish: received ", stats.received or -1, " dropped ", stats.dropped, "\n")
end
