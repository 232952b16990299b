-- tcplua.print.esp: IPsec Encapsulating Security Payload (IP protocol 50; RFC 4303) as
-- tcpdump 4.99 prints it: "ESP(spi=0x...,seq=0x...), length N". The payload is encrypted and
-- tcplua has no key option (tcpdump's -E), so nothing after the header is ever decoded.
local tcplua = require "tcplua"

local M = {}
local out, format = tcplua.out, string.format

-- Prints everything after "IP src > dst: "; ctx.off is where ESP starts, ctx.len its
-- length per the IP header (which also bounds what tcpdump reads).
function M.print(pkt, ctx)
    local b, len = ctx.off, ctx.len
    local lim = b + len
    if lim > pkt.caplen then lim = pkt.caplen end
    -- tcpdump wants more than the 8 header bytes before it prints anything
    if b + 8 >= lim then
        out(" [|esp]")
        return
    end
    out(format("ESP(spi=0x%08x,seq=0x%x), length %d", pkt:u32(b), pkt:u32(b + 4), len))
end

return M
