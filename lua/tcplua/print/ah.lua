-- tcplua.print.ah: IPsec Authentication Header (IP protocol 51; RFC 4302) as tcpdump 4.99
-- prints it: "AH(length=N(M-bytes),spi=0x...,seq=0x...,icv=0x...): " (the length at -v
-- only), after which the protected header is printed as if AH were an extension header.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt, format = tcplua.out, tcplua.opt, string.format
local vflag = opt.v or 0

local IP -- tcplua.print.ip, for its demux (loaded on first use: it loads the IP printers)

-- Prints the header; returns its length in bytes, or nil when it was cut short.
local function header(pkt, b, lim)
    out("AH")
    if b + 2 > lim then return nil end
    local plen = pkt:u8(b + 1)
    local hlen = (plen + 2) * 4
    out("(")
    if vflag > 0 then out("length=", plen, "(", hlen, "-bytes),") end
    if b + 4 > lim then return nil end
    local rsv = pkt:u16(b + 2)
    if rsv ~= 0 then out(format("reserved=0x%x[MustBeZero],", rsv)) end
    if b + 8 > lim then return nil end
    out(format("spi=0x%08x,", pkt:u32(b + 4)))
    if b + 12 > lim then return nil end
    out(format("seq=0x%x,icv=0x", pkt:u32(b + 8)))
    for p = b + 12, b + hlen - 1 do
        if p >= lim then return nil end
        out(format("%02x", pkt:u8(p)))
    end
    out("): ")
    return hlen
end

-- Prints everything after "IP src > dst: "; ctx.off is where AH starts, ctx.len its length
-- per the IP header (which also bounds what tcpdump reads).
function M.print(pkt, ctx)
    local b, len = ctx.off, ctx.len
    local lim = b + len
    if lim > pkt.caplen then lim = pkt.caplen end
    if b >= lim then
        -- not even the next-header byte: tcpdump stops before naming AH
        out(" [|ah]")
        return
    end
    local hlen = header(pkt, b, lim)
    if not hlen then
        U.trunc("ah")
        return
    end
    IP = IP or require "tcplua.print.ip"
    -- a context of its own: the one given may be reused by a deeper IP header
    local nctx = { len = len - hlen, ipver = ctx.ipver, src = ctx.src, dst = ctx.dst,
        frag = ctx.frag, depth = ctx.depth, off = b + hlen, direct = false }
    IP.demux(pkt, nctx, pkt:u8(b), ctx.src, ctx.dst, true)
end

return M
