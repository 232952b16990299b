-- tcplua.print.vxlan: VXLAN (RFC 7348, UDP port 4789) as tcpdump 4.99 prints it: "VXLAN, flags
-- [I] (0x08), vni 42", a new line, then the inner Ethernet frame printed in full (its
-- header only with -e, as for any Ethernet frame).
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local link = require "tcplua.print.link"

local M = {}
local out = tcplua.out
local hex2 = U.hex2

-- UDP application interface: the VXLAN header at off, length bytes of UDP payload.
function M.print(pkt, _, off, length)
    out("VXLAN")
    if length < 8 then
        out(" (invalid)")
        return
    end
    local flags = pkt:u8(off)
    if not flags then return U.trunc("vxlan") end
    out(", flags [", flags & 0x08 ~= 0 and "I" or "invalid", "] (0x", hex2[flags], "), ")
    local hi, lo = pkt:u16(off + 4), pkt:u8(off + 6)
    if not lo then return U.trunc("vxlan") end
    out("vni ", (hi << 8) | lo, "\n")
    -- the frame starting past the capture: tcpdump gives up in its VXLAN printer
    if pkt.caplen < off + 8 then return U.trunc("vxlan") end
    link.payload(pkt, 0x6558, off + 8, length - 8)
end

return M
