-- tcplua.print.sip: SIP (RFC 3261) over UDP as tcpdump 4.99 prints it: "SIP: <request or
-- status line>", all the text lines under -v, just "SIP" for anything else. (tcpdump does
-- not print SIP over TCP.) The text printing is shared: tcplua.print.txtproto.
local T = require "tcplua.print.txtproto"

local M = {}

-- UDP application interface (tcplua.print.udp).
function M.print(pkt, _, off, length)
    T.print(pkt:sub(off, length) or "", length, "sip", T.sip_cmds)
end

return M
