-- tcplua.print.icmp6: the ICMPv6 printer (RFC 4443; Neighbor Discovery RFC 4861; MLD RFC 2710
-- and RFC 3810; Mobile IPv6 RFC 6275), printing what follows "IP6 src > dst: " the way
-- tcpdump 4.99 does. ND options and MLD bodies are in tcplua.print.icmp6_nd.
local tcplua = require("tcplua")
local icmp = require("tcplua.print.icmp")
local nd = require("tcplua.print.icmp6_nd")
local U = require("tcplua.print.util")

local out = tcplua.out
local port = tcplua.port
local opt = tcplua.opt
local HEX2 = icmp.HEX2
local hex_lines = icmp.hex_lines
local addr = nd.addr

local M = {}

local TYPENAME = {
    [1] = "destination unreachable", [2] = "packet too big",
    [3] = "time exceeded in-transit", [4] = "parameter problem",
    [128] = "echo request", [129] = "echo reply",
    [130] = "multicast listener query", [131] = "multicast listener report",
    [132] = "multicast listener done", [133] = "router solicitation",
    [134] = "router advertisement", [135] = "neighbor solicitation",
    [136] = "neighbor advertisement", [137] = "redirect", [138] = "router renumbering",
    [139] = "who-are-you request", [140] = "who-are-you reply",
    [141] = "inverse neighbor solicitation", [142] = "inverse neighbor advertisement",
    [143] = "multicast listener report v2", [144] = "ha discovery request",
    [145] = "ha discovery reply", [146] = "mobile router solicitation",
    [147] = "mobile router advertisement", [155] = "RPL", [200] = "mtrace response",
    [201] = "mtrace message",
}
-- "unknown icmp6 type (N)" for the rest, built once.
for t = 0, 255 do
    if not TYPENAME[t] then TYPENAME[t] = "unknown icmp6 type (" .. t .. ")" end
end

-- Types whose -v line carries the length right after the name.
local LEN_EARLY = { [133] = true, [134] = true, [135] = true, [136] = true, [137] = true,
    [145] = true, [147] = true }

local UNREACH = {
    [0] = "unreachable route", [1] = " unreachable prohibited", [2] = "beyond scope",
    [3] = "unreachable address", [4] = "unreachable port",
}

local PARAMPROB = {
    [0] = ", erroneous - octet ", [1] = ", next header - octet ", [2] = ", option - octet ",
    [3] = ", incomplete header chain - octet ",
}

-- One's-complement sum of n bytes at off, added to s (not folded).
local function sum16(pkt, off, n, s)
    local e = off + n - 1
    for i = off, e - 1, 2 do
        s = s + pkt:u16(i)
    end
    if n % 2 == 1 then s = s + (pkt:u8(e) << 8) end
    return s
end

-- "[icmp6 sum ok] " or "[bad icmp6 cksum ...] " over the pseudo-header (RFC 8200 8.1).
local function cksum(pkt, b, len)
    local ip6 = pkt.ip6
    local dst = ip6.off + 24
    -- a routing header makes its final hop the pseudo-header destination
    local ext = ip6.ext
    for i = 1, ext and #ext or 0 do
        local e = ext[i]
        if e.type == 43 then
            local n = (e.len // 8 - 1) // 2
            if e.rtype == 4 then
                dst = e.off + 8
            elseif (e.rtype == 0 or e.rtype == 2) and n > 0 then
                dst = e.off + 8 + 16 * (n - 1)
            end
        end
    end
    local s = sum16(pkt, ip6.off + 8, 16, len + 58)
    s = sum16(pkt, dst, 16, s)
    s = sum16(pkt, b, len, s)
    while s > 0xffff do s = (s & 0xffff) + (s >> 16) end
    if s == 0xffff then
        out("[icmp6 sum ok] ")
        return
    end
    local ck = pkt:u16(b + 2)
    local good = ck + (0xffff - s)
    good = (good & 0xffff) + (good >> 16)
    good = (good & 0xffff) + (good >> 16)
    out("[bad icmp6 cksum 0x", HEX2[ck >> 8], HEX2[ck & 0xff], " -> 0x", HEX2[(good >> 8) & 0xff],
        HEX2[good & 0xff], "!] ")
end

-- The transport header inside the quoted packet at q (walking extension headers), as
-- (offset, protocol); nil when it cannot be found in the captured bytes.
local function upper_layer(pkt, q, lim)
    if q + 7 > lim then return nil end
    local nh = pkt:u8(q + 6)
    local p, hlen = q, 40
    while p < lim do
        p = p + hlen
        if nh == 6 or nh == 17 then
            if p + 4 > lim then return nil end
            return p, nh
        elseif nh == 0 or nh == 60 or nh == 43 then
            if p + 2 > lim then return nil end
            nh, hlen = pkt:u8(p), (pkt:u8(p + 1) + 1) * 8
        elseif nh == 44 then
            if p + 4 > lim then return nil end
            if pkt:u16(p + 2) & 0xfff8 ~= 0 then return nil end
            nh, hlen = pkt:u8(p), 8
        elseif nh == 51 then
            if p + 2 > lim then return nil end
            nh, hlen = pkt:u8(p), (pkt:u8(p + 1) + 2) * 4
        else
            return nil
        end
    end
    return nil
end

-- Destination unreachable after the type name. Returns false when cut short, "done" when
-- the packet was dumped in hex and nothing more follows.
local function unreach(pkt, code, b, len, lim)
    local name = UNREACH[code]
    out(", ", name or ("unknown unreach code (" .. code .. ")"))
    local q = b + 8
    if code == 0 or code == 1 or code == 3 then
        if q + 40 > lim then return "jmp" end
        out(" ", addr(pkt, q + 24))
    elseif code == 2 then
        if q + 40 > lim then return "jmp" end
        out(" ", addr(pkt, q + 24), ", source address ", addr(pkt, q + 8))
    elseif code == 4 then
        local u, proto = upper_layer(pkt, q, lim)
        if not u then return false end
        local dport = pkt:u16(u + 2)
        if q + 40 > lim then return "jmp" end
        if proto == 6 then
            out(", ", addr(pkt, q + 24), " tcp port ", port(dport, "tcp"))
        else
            out(", ", addr(pkt, q + 24), " udp port ", port(dport, "udp"))
        end
    elseif opt.v <= 1 then
        local n = len
        if b + n > lim then n = lim - b end
        hex_lines(pkt, b, n, "\n\t")
        return "done"
    end
    return true
end

local RA_FLAGS = { { 0x80, "managed" }, { 0x40, "other stateful" }, { 0x20, "home agent" },
    { 0x01, "ipv6 only" } }

local function ra_flags(f)
    local s
    for i = 1, #RA_FLAGS do
        local e = RA_FLAGS[i]
        if f & e[1] ~= 0 then s = s and (s .. ", " .. e[2]) or e[2] end
    end
    return s or "none"
end

local function na_flags(f)
    local s
    if f & 0x80000000 ~= 0 then s = "router" end
    if f & 0x40000000 ~= 0 then s = s and (s .. ", solicited") or "solicited" end
    if f & 0x20000000 ~= 0 then s = s and (s .. ", override") or "override" end
    return s or "none"
end

-- The -v Router Advertisement line and its options; false when cut short.
local function router_advert(pkt, b, len, lim)
    if b + 16 > lim then return "jmp" end
    local f = pkt:u8(b + 5)
    out("\n\thop limit ", pkt:u8(b + 4), ", Flags [", ra_flags(f), "], pref ",
        nd.RTPREF[(f >> 3) & 3], ", router lifetime ", pkt:u16(b + 6), "s, reachable time ",
        pkt:u32(b + 8), "ms, retrans timer ", pkt:u32(b + 12), "ms")
    return nd.options(pkt, b + 16, len - 16, lim)
end

-- The per-type part after "ICMP6, <name>"; false when cut short, "done" when nothing
-- (not even the length) follows.
local function body(pkt, t, code, b, len, lim, v)
    if t == 128 or t == 129 then
        if b + 8 > lim then return "jmp" end
        out(", id ", pkt:u16(b + 4), ", seq ", pkt:u16(b + 6))
    elseif t == 1 then
        return unreach(pkt, code, b, len, lim)
    elseif t == 2 then
        if b + 8 > lim then return "jmp" end
        out(", mtu ", pkt:u32(b + 4))
    elseif t == 3 then
        if code == 0 then
            if b + 48 > lim then return "jmp" end
            out(" for ", addr(pkt, b + 32))
        elseif code == 1 then
            out(" (reassembly)")
        else
            out(", unknown code (", code, ")")
        end
    elseif t == 4 then
        if b + 48 > lim then return false end
        local s = PARAMPROB[code]
        if s then
            out(s, pkt:u32(b + 4))
        else
            out(", code-#", code)
        end
    elseif t == 130 then
        if len == 24 then
            nd.mld1(pkt, b, lim)
        elseif len >= 28 then
            out(" v2")
            return nd.mld2_query(pkt, b, len, lim)
        else
            out(" unknown-version (len ", len, ") ")
        end
    elseif t == 131 or t == 132 then
        nd.mld1(pkt, b, lim)
    elseif t == 133 then
        if v > 0 then return nd.options(pkt, b + 8, len - 8, lim) end
    elseif t == 134 then
        if v > 0 then return router_advert(pkt, b, len, lim) end
    elseif t == 135 then
        if b + 24 > lim then return "jmp" end
        out(", who has ", addr(pkt, b + 8))
        if v > 0 then return nd.options(pkt, b + 24, len - 24, lim) end
    elseif t == 136 then
        if b + 24 > lim then return "jmp" end
        out(", tgt is ", addr(pkt, b + 8))
        if v > 0 then
            out(", Flags [", na_flags(pkt:u32(b + 4)), "]")
            return nd.options(pkt, b + 24, len - 24, lim)
        end
    elseif t == 137 then
        if b + 40 > lim then return "jmp" end
        out(", ", addr(pkt, b + 24))
        out(" to ", addr(pkt, b + 8))
        if v > 0 then return nd.options(pkt, b + 40, len - 40, lim) end
    elseif t == 143 then
        -- every field of an MLDv2 report is read with tcpdump's longjmp accessors
        return nd.mld2_report(pkt, b, len, lim) or "jmp"
    elseif t == 144 or t == 146 then
        if b + 6 > lim then return false end
        out(", id 0x", HEX2[pkt:u8(b + 4)], HEX2[pkt:u8(b + 5)])
    elseif t == 145 then
        if v > 0 then
            if b + 6 > lim then return false end
            out(", id 0x", HEX2[pkt:u8(b + 4)], HEX2[pkt:u8(b + 5)])
            local p = b + 8
            while p < b + len do
                if p + 16 > lim then return false end
                out(", ", addr(pkt, p))
                p = p + 16
            end
        end
    elseif t == 147 then
        if v > 0 then
            if b + 8 > lim then return false end
            out(", id 0x", HEX2[pkt:u8(b + 4)], HEX2[pkt:u8(b + 5)])
            local f = pkt:u8(b + 6)
            if f & 0xc0 ~= 0 then out(" ") end
            if f & 0x80 ~= 0 then out("M") end
            if f & 0x40 ~= 0 then out("O") end
            return nd.options(pkt, b + 8, len - 8, lim)
        end
    elseif t ~= 141 and t ~= 142 then
        out(", length ", len)
        if v <= 1 then
            local n = len
            if b + n > lim then n = lim - b end
            hex_lines(pkt, b, n, "\n\t")
        end
        return "done"
    end
    return true
end

-- Prints everything after "IP6 src > dst: "; ctx.len is the ICMPv6 length, ctx.off where
-- it starts, ctx.frag whether the datagram is a fragment.
function M.print(pkt, ctx)
    local b = ctx.off or pkt.icmp6.off
    local len = ctx.len
    if len == 0 then -- (an IPv6 payload length of 0 without a Jumbo Payload option)
        out("ICMP6, length 0 (invalid)")
        return
    end
    local lim = b + len
    if lim > pkt.caplen then lim = pkt.caplen end
    local v = opt.v
    -- Cut before the type and code are read, tcpdump gives up on the whole packet (the
    -- -x dump starts at byte 0); a cut body is marked and the packet printed as usual.
    if v > 0 and not ctx.frag and b + len <= lim and ctx.ipver == 6 then
        if b + 4 > lim then
            U.trunc("icmp6")
            return
        end
        cksum(pkt, b, len)
    end
    if b + 1 > lim then
        U.trunc("icmp6")
        return
    end
    local t = pkt:u8(b)
    out("ICMP6, ", TYPENAME[t])
    if v > 0 and LEN_EARLY[t] then out(", length ", len) end
    if b + 2 > lim then
        U.trunc("icmp6")
        return
    end
    local code = pkt:u8(b + 1)
    local r = body(pkt, t, code, b, len, lim, v)
    if r == false then
        out(" [|icmp6]")
    elseif r == "jmp" then
        U.trunc("icmp6")
    elseif r ~= "done" and v == 0 then
        out(", length ", len)
    end
end

return M
