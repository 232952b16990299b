-- Prints one line per ended flow with the fields the flow tests check (flows_test.sh).
local tl = require "tcplua"

local function ms(x)
  if not x then return "-" end
  return math.floor(x * 1000 + 0.5)
end

function flow_end(f, why)
  tl.out("END ", f.client_port, " ", why, " ", f.conn_state, " ", f.history == "" and "-" or f.history,
    " op=", f.orig_pkts, " rp=", f.resp_pkts, " ob=", f.orig_payload, " rb=", f.resp_payload,
    " rt=", f.orig_retrans, "/", f.resp_retrans, " ooo=", f.orig_ooo, "/", f.resp_ooo,
    " dup=", f.orig_dupacks, "/", f.resp_dupacks, " zw=", f.orig_zero_win, "/", f.resp_zero_win,
    " gap=", f.orig_gaps, "/", f.resp_gaps, " syns=", f.syns, " rtt=", ms(f.rtt), "\n")
end
