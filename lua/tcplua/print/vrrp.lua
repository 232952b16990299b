-- tcplua.print.vrrp: VRRP (IP protocol 112) as tcpdump 4.99 prints it: version 2 (RFC 3768)
-- with its authentication types and checksum, version 3 (RFC 5798) over IPv4 and IPv6 with
-- the pseudo-header checksum; addresses and the simple-text password at -v. (CARP, which
-- shares the protocol number, is printed by tcpdump only with -T carp.)
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local auths = { [0] = "none", "simple", "ah" }

-- One's-complement sum of n bytes at off, added to s.
local function sum16(pkt, off, n, s)
    for i = off, off + n - 2, 2 do s = s + pkt:u16(i) end
    if n % 2 == 1 then s = s + (pkt:u8(off + n - 1) << 8) end
    return s
end

local function fold(s)
    while s > 0xffff do s = (s & 0xffff) + (s >> 16) end
    return s
end

-- Is the checksum of the len bytes at b wrong? Version 3 adds the IP pseudo-header.
local function bad_cksum(pkt, b, len, ver, ctx)
    local s = sum16(pkt, b, len, 0)
    if ver == 3 then
        if ctx.ipver == 6 then
            local h = pkt.ip6.off
            s = sum16(pkt, h + 8, 32, s) + len + 112
        else
            local h = pkt.ip.off
            s = sum16(pkt, h + 12, 8, s) + len + 112
        end
    end
    return fold(s) ~= 0xffff
end

local function addr4(pkt, p)
    return U.host(pkt:u8(p) .. "." .. pkt:u8(p + 1) .. "." .. pkt:u8(p + 2) .. "." .. pkt:u8(p + 3))
end

-- The -v part: checksum, addresses, password. Returns false when cut short.
local function details(pkt, b, len, lim, ver, auth, ctx)
    local naddrs = pkt:u8(b + 3)
    if b + len <= lim and bad_cksum(pkt, b, len, ver, ctx) then
        if b + 8 > lim then return false end
        out(", (bad vrrp cksum ", U.hex(pkt:u16(b + 6)), ")")
    end
    out(", addrs")
    if naddrs > 1 then out("(", naddrs, ")") end
    out(":")
    local sep, p = " ", b + 8
    local v6 = ctx.ipver == 6
    local alen = v6 and 16 or 4
    for _ = 1, naddrs do
        if p + alen > lim then return false end
        out(sep, v6 and require("tcplua.print.icmp6_nd").addr(pkt, p) or addr4(pkt, p))
        sep = ","
        p = p + alen
    end
    if ver == 2 and auth == 1 then
        out(" auth \"")
        for i = 0, 7 do
            if p + i >= lim then return false end
            local c = pkt:u8(p + i)
            if c == 0 then break end
            out(U.printn(string.char(c)))
        end
        out("\"")
    end
    return true
end

-- Prints everything after "IP src > dst: "; ctx.off is where VRRP starts, ctx.len its
-- length per the IP header.
local function vrrp(pkt, ctx)
    local b, len = ctx.off, ctx.len
    local lim = b + len
    if lim > pkt.caplen then lim = pkt.caplen end
    out("VRRP")
    if b + 1 > lim then return false end
    local v0 = pkt:u8(b)
    local ver, typ = v0 >> 4, v0 & 0x0f
    out("v", ver, ", ", typ == 1 and "Advertisement" or ("unknown type (" .. typ .. ")"))
    local ttl = ctx.ipver == 6 and pkt.ip6.hlim or pkt.ip.ttl
    if ttl ~= 255 then out(", (ttl ", ttl, ")") end
    if ver < 2 or ver > 3 or typ ~= 1 then return true end
    if b + 3 > lim then return false end
    out(", vrid ", pkt:u8(b + 1), ", prio ", pkt:u8(b + 2))
    local auth
    if ver == 2 then
        if b + 5 > lim then return false end
        auth = pkt:u8(b + 4)
        out(", authtype ", auths[auth] or ("#" .. auth))
        if b + 6 > lim then return false end
        out(", intvl ", pkt:u8(b + 5), "s, length ", len)
    else
        if b + 6 > lim then return false end
        out(", intvl ", pkt:u16(b + 4) & 0x0fff, "cs, length ", len)
    end
    if vflag == 0 then return true end
    return details(pkt, b, len, lim, ver, auth, ctx)
end

function M.print(pkt, ctx)
    if not vrrp(pkt, ctx) then U.trunc("vrrp") end
end

-- -T carp: tcpdump prints protocol 112 as CARP instead (tcplua.print.carp)
if opt.T == "carp" then M.print = require("tcplua.print.carp").print end

return M
