-- tcplua.print.carp: CARP, OpenBSD's Common Address Redundancy Protocol (no RFC; it borrows
-- IP protocol 112 from VRRP, RFC 5798), as tcpdump 4.99 prints it with -T carp: version, type
-- and length, "[ttl=N!]" unless 255, the v2 advertisement fields, the checksum at -v.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out = tcplua.out
local vflag = tcplua.opt.v or 0

-- Does the one's-complement sum of the n bytes at off fail to fold to 0xffff?
local function bad_sum(pkt, off, n)
    local s = 0
    for i = off, off + n - 2, 2 do s = s + pkt:u16(i) end
    if n % 2 == 1 then s = s + (pkt:u8(off + n - 1) << 8) end
    while s > 0xffff do s = (s & 0xffff) + (s >> 16) end
    return s ~= 0xffff
end

-- Prints everything after "IP src > dst: "; false when a field was not captured.
local function carp(pkt, ctx)
    local b, len = ctx.off, ctx.len
    local v0 = pkt:u8(b)
    if not v0 then return false end
    local ver, typ = v0 >> 4, v0 & 0x0f
    out("CARPv", ver, typ == 1 and "-advertise " or "-unknown ", len, ": ")
    local ttl = ctx.ipver == 6 and pkt.ip6.hlim or pkt.ip.ttl
    if ttl ~= 255 then out("[ttl=", ttl, "!] ") end
    if ver ~= 2 or typ ~= 1 then return true end
    -- vhid, advskew, authlen, advbase: all read before any is printed
    local advbase = pkt:u8(b + 5)
    if not advbase then return false end
    out("vhid=", pkt:u8(b + 1), " advbase=", advbase, " advskew=", pkt:u8(b + 2),
        " authlen=", pkt:u8(b + 3), " ")
    if vflag > 0 and b + len <= pkt.caplen and bad_sum(pkt, b, len) then
        local sum = pkt:u16(b + 6)
        if not sum then return false end
        out(" (bad carp cksum ", U.hex(sum), "!)")
    end
    local hi, lo = pkt:u32(b + 8), pkt:u32(b + 12)
    if not lo then return false end
    out("counter=", string.format("%u", (hi << 32) | lo))
    return true
end

function M.print(pkt, ctx)
    if not carp(pkt, ctx) then U.trunc("carp") end
end

return M
