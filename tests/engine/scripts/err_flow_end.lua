-- flow_end fails
local n = 0
function packet(p) n = n + 1 end
function flow_end(flow, reason)
  error("flow end " .. reason)
end
function finish() io.write("packets ", n, "\n") end
