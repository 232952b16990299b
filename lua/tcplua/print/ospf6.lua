-- tcplua.print.ospf6: OSPF version 3 (IP protocol 89 over IPv6; RFC 5340) as tcpdump 4.99
-- prints it: header, hello, DB description, LS request/update/ack with the LSA types it
-- decodes, and the LLS (RFC 5613) and authentication trailer (RFC 7166) after the packet.
local tcplua = require "tcplua"
local L = require "tcplua.print.ospf_lsa"

local M = {}
local out, opt, format = tcplua.out, tcplua.opt, string.format
local vflag = opt.v or 0
local u8, u16, u32, ip, need, bits = L.u8, L.u16, L.u32, L.ip, L.need, L.bits

-- Raised on a failed length check: tcpdump's " [|ospf3]" without its longjmp.
local SOFT = {}
M.SOFT = SOFT
local function soft() error(SOFT, 0) end

local pk
local addr6 = require("tcplua.print.icmp6_nd").addr
-- 16 bytes of a prefix (zero-filled past its length) read as a packet by addr6
local view = { s = "" }
function view.sub(v, o, n) return v.s:sub(o + 1, o + n) end
function view.u16(v, o) return (v.s:byte(o + 1) << 8) | v.s:byte(o + 2) end
local types = { "Hello", "Database Description", "LS-Request", "LS-Update", "LS-Ack" }
local options = { { 0x01, "V6" }, { 0x02, "External" }, { 0x04, "Deprecated" },
    { 0x08, "NSSA" }, { 0x10, "Router" }, { 0x20, "Demand Circuit" },
    { 0x100, "AFs Support" }, { 0x200, "LLS" }, { 0x400, "Authentication Trailer" } }
local rla_flags = { { 0x01, "ABR" }, { 0x02, "External" }, { 0x04, "Virtual-Link Endpoint" },
    { 0x08, "Deprecated" }, { 0x10, "NSSA Translator" } }
local asla_flags = { { 0x80000000, "External Type 2" }, { 0x02000000, "Forwarding" },
    { 0x01000000, "Tag" } }
local dd_flags = { { 0x04, "Init" }, { 0x02, "More" }, { 0x01, "Master" },
    { 0x10, "IPv6 MTU" } }
local pfx_opts = { { 0x01, "No Unicast" }, { 0x02, "Local address" }, { 0x04, "Deprecated" },
    { 0x08, "Propagate" }, { 0x10, "Down" }, { 0x20, "N-bit" } }
local lsa_names = { "Router", "Network", "Inter-Area Prefix", "Inter-Area Router", "External",
    "Deprecated", "NSSA", "Link", "Intra-Area Prefix", "Intra-Area TE", "Grace",
    "Router Information", "Inter-AS-TE", "Layer 1 VPN" }
local scopes = { [0] = "Link Local", [0x2000] = "Area Local", [0x4000] = "Domain Wide" }

local function ls_type(t, id)
    out("\n\t    ", lsa_names[t & 0x1fff] or "Unknown", " LSA (", t & 0x1fff, "), ",
        scopes[t & 0x6000] or "Unknown", " Scope", t & 0x8000 ~= 0 and ", transitive" or "",
        ", LSA-ID ", ip(id))
end

local function lshdr(h, dend)
    if h + 20 > dend then soft() end
    out("\n\t  Advertising Router ", ip(h + 8), format(", seq 0x%08x", u32(h + 12)), ", age ",
        u16(h), "s, length ", u16(h + 18) - 20)
    ls_type(u16(h + 2), h + 4)
end

-- An address prefix at p (n bytes left in the LSA): its size, or SOFT.
local function prefix(p, n)
    if n < 4 or p + 4 > L.lim() then soft() end
    local plen = pk:u8(p)
    local words = (plen + 31) // 32
    if words > 4 then
        out(" bogus prefixlen /", plen)
        soft()
    end
    if n - 4 < words * 4 then soft() end
    need(p + 4, words * 4)
    view.s = (pk:sub(p + 4, words * 4) or "") .. string.rep("\0", 16 - words * 4)
    out("\n\t\t", addr6(view, 0), "/", plen)
    if pk:u8(p + 1) ~= 0 then out(", Options [", bits(pfx_opts, pk:u8(p + 1), "none"), "]") end
    out(", metric ", pk:u16(p + 2))
    return 4 + words * 4
end

local function prefixes(p, n, count)
    while count > 0 do
        local adv = prefix(p, n)
        p, n, count = p + adv, n - adv, count - 1
    end
end

local function router_lsa(b, n)
    if n < 4 then soft() end
    n = n - 4
    out("\n\t      Options [", bits(options, u32(b), "none"), "]")
    out(", RLA-Flags [", bits(rla_flags, u8(b), "none"), "]")
    local p = b + 4
    local kinds = { "Neighbor Router-ID", "Neighbor Network-ID", nil,
        "Virtual Link: Neighbor Router-ID" }
    while n ~= 0 do
        if n < 16 then soft() end
        n = n - 16
        if p + 16 > L.lim() then soft() end
        local t = pk:u8(p)
        if not kinds[t] then
            out(format("\n\t      Unknown Router Links Type 0x%02x", t))
            return
        end
        out("\n\t      ", kinds[t], " ", ip(p + 12), "\n\t      Neighbor Interface-ID ",
            ip(p + 8), ", Interface ", ip(p + 4))
        out(", metric ", u16(p + 2))
        p = p + 16
    end
end

local function external_lsa(b, n)
    if n < 4 then soft() end
    n = n - 4
    local f = u32(b)
    out("\n\t     Flags [", bits(asla_flags, f, "none"), "]")
    out(" metric ", f & 0xffffff)
    local p = b + 4
    local adv = prefix(p, n)
    local pfx = p
    p, n = p + adv, n - adv
    if f & 0x02000000 ~= 0 then
        if n < 16 then soft() end
        n = n - 16
        need(p, 16)
        out(" forward ", addr6(pk, p))
        p = p + 16
    end
    if f & 0x01000000 ~= 0 then
        if n < 4 then soft() end
        n = n - 4
        out(" tag ", ip(p))
        p = p + 4
    end
    if u8(pfx + 2) ~= 0 then
        if n < 4 then soft() end
        out(" RefLSID: ", ip(p))
    end
end

local function lsa(h, dend)
    lshdr(h, dend)
    local len = u16(h + 18)
    if len < 20 or h + len > dend then soft() end
    local b, n = h + 20, len - 20
    local t = u16(h + 2)
    if t == 0x2001 then
        router_lsa(b, n)
    elseif t == 0x2002 then
        if n < 4 then soft() end
        out("\n\t      Options [", bits(options, u32(b), "none"), "]")
        out("\n\t      Connected Routers:")
        for p = b + 4, b + n - 1, 4 do
            if p + 4 > b + n then soft() end
            out("\n\t\t", ip(p))
        end
    elseif t == 0x2003 then
        if n < 4 then soft() end
        out(", metric ", u32(b) & 0xffffff)
        local p, m = b + 4, n - 4
        while m ~= 0 do
            local adv = prefix(p, m)
            p, m = p + adv, m - adv
        end
    elseif t == 0x4005 then
        external_lsa(b, n)
    elseif t == 0x0008 then
        if n < 4 then soft() end
        if b + 4 > L.lim() then soft() end
        out("\n\t      Options [", bits(options, u32(b), "none"), "]")
        if n - 4 < 20 then soft() end
        local cnt = u32(b + 20)
        need(b + 4, 16)
        out("\n\t      Priority ", u8(b), ", Link-local address ", addr6(pk, b + 4),
            ", Prefixes ", cnt, ":")
        prefixes(b + 24, n - 24, cnt)
    elseif t == 0x2009 then
        if n < 4 then soft() end
        if b + 12 > L.lim() then soft() end
        ls_type(u16(b + 2), b + 4)
        if n - 4 < 2 then soft() end
        local cnt = u16(b)
        out("\n\t      Prefixes ", cnt, ":")
        prefixes(b + 12, n - 6, cnt)
    elseif t == 0x000b then
        if not L.grace(b, n) then soft() end
    elseif t == 0x000a then
        if not L.te(b, n) then soft() end
    elseif not L.unknown(b, n, "\n\t      ") then
        soft()
    end
end

local function body(b, t, dend)
    if t == 1 then
        out("\n\tOptions [", bits(options, u32(b + 20), "none"), "]")
        out("\n\t  Hello Timer ", u16(b + 24), "s, Dead Timer ", u16(b + 26),
            "s, Interface-ID ", ip(b + 16), ", Priority ", u8(b + 20))
        if u32(b + 28) ~= 0 then out("\n\t  Designated Router ", ip(b + 28)) end
        if u32(b + 32) ~= 0 then out(", Backup Designated Router ", ip(b + 32)) end
        if vflag > 1 then
            out("\n\t  Neighbor List:")
            for p = b + 36, dend - 1, 4 do out("\n\t    ", ip(p)) end
        end
    elseif t == 2 then
        out("\n\tOptions [", bits(options, u32(b + 16), "none"), "]")
        out(", DD Flags [", bits(dd_flags, u8(b + 23), "none"), "]")
        out(", MTU ", u16(b + 20), format(", DD-Sequence 0x%08x", u32(b + 24)))
        if vflag > 1 then
            for p = b + 28, dend - 1, 20 do lshdr(p, dend) end
        end
    elseif vflag > 1 and t == 3 then
        for p = b + 16, dend - 1, 12 do
            if p + 12 > L.lim() then soft() end
            out("\n\t  Advertising Router ", ip(p + 8))
            ls_type(pk:u16(p + 2), p + 4)
        end
    elseif vflag > 1 and t == 4 then
        local n = u32(b + 16)
        local p = b + 20
        while p < dend and n > 0 do
            n = n - 1
            lsa(p, dend)
            p = p + u16(p + 18)
        end
    elseif vflag > 1 and t == 5 then
        for p = b + 16, dend - 1, 20 do lshdr(p, dend) end
    end
end

-- The LLS block and the authentication trailer after the packet (len bytes at p).
local function trailer(b, t, p, len)
    local lls = 0
    if (t == 1 and u32(b + 20) & 0x200 ~= 0) or (t == 2 and u32(b + 16) & 0x200 ~= 0) then
        if len ~= 0 then
            if len < 4 then soft() end
            out(format("\n\tLLS Checksum 0x%04x", u16(p)))
            lls = u16(p + 2)
            out(", Data Length ", lls)
            if lls < 4 or lls > len then soft() end
            if p + lls > L.lim() then soft() end
        end
    end
    p, len = p + lls, len - lls
    if len == 0 then return end
    if len < 16 then soft() end
    local at = u16(p)
    out("\n\tAuthentication Type ", at == 1 and "HMAC" or format("unknown (0x%04x)", at))
    local alen = u16(p + 2)
    out(", Length ", alen)
    if alen < 16 or alen > len then soft() end
    out(", SAID ", u16(p + 6))
    out(format(", CSN 0x%08x", u32(p + 8)))
    out(format(":%08x", u32(p + 12)))
    if p + alen > L.lim() then soft() end
    if vflag > 1 then L.unknown(p + 16, alen - 16, "\n\tAuthentication Data ") end
end

-- Prints an OSPFv3 packet of length bytes at b (the reader set up by the caller).
function M.print(pkt, b, length)
    pk = pkt
    local t = u8(b + 1)
    out("OSPFv", u8(b), ", ", types[t] or ("unknown packet type (" .. t .. ")"), ", length ",
        length)
    if not types[t] or vflag == 0 then return end
    local dlen = u16(b + 2)
    if dlen > length then
        out(" [len ", dlen, "]")
        return
    end
    local dend = b + dlen
    out("\n\tRouter-ID ", ip(b + 4))
    if u32(b + 8) ~= 0 then
        out(", Area ", ip(b + 8))
    else
        out(", Backbone Area")
    end
    if u8(b + 14) ~= 0 then out(", Instance ", u8(b + 14)) end
    if u8(b) ~= 3 then return end
    body(b, t, dend)
    trailer(b, t, dend, length - dlen)
end

return M
