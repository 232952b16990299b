-- tcplua.print.ospf: OSPF version 2 (IP protocol 89; RFC 2328) as tcpdump 4.99 prints it:
-- the header and authentication (none, simple, MD5 with its trailer), hello, database
-- description, LS request/update/ack, and link-local signaling (RFC 5613).
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local L = require "tcplua.print.ospf_lsa"

local M = {}
local out, opt, format = tcplua.out, tcplua.opt, string.format
local vflag = opt.v or 0
local u8, u16, u32, ip, need, bits = L.u8, L.u16, L.u32, L.ip, L.need, L.bits

local pk -- the packet being printed

local types = { "Hello", "Database Description", "LS-Request", "LS-Update", "LS-Ack" }
local auths = { [0] = "none", "simple", "MD5" }
local dd_flags = { { 0x04, "Init" }, { 0x02, "More" }, { 0x01, "Master" },
    { 0x08, "OOBResync" } }
local eo_flags = { { 1, "LSDB resync" }, { 2, "Restart" } }

local function hello(b, dend)
    out("\n\tOptions [", bits(L.options, u8(b + 30), "none"), "]")
    out("\n\t  Hello Timer ", u16(b + 28), "s, Dead Timer ", u32(b + 32), "s, Mask ",
        ip(b + 24), ", Priority ", u8(b + 31))
    if u32(b + 36) ~= 0 then out("\n\t  Designated Router ", ip(b + 36)) end
    if u32(b + 40) ~= 0 then out(", Backup Designated Router ", ip(b + 40)) end
    if b + 44 < dend then out("\n\t  Neighbor List:") end
    for p = b + 44, dend - 1, 4 do out("\n\t    ", ip(p)) end
end

local function dbdesc(b, dend)
    out("\n\tOptions [", bits(L.options, u8(b + 26), "none"), "]")
    out(", DD Flags [", bits(dd_flags, u8(b + 27), "none"), "]")
    if u16(b + 24) ~= 0 then out(", MTU: ", u16(b + 24)) end
    out(format(", Sequence: 0x%08x", u32(b + 28)))
    local p = b + 32
    while p < dend and L.header(p) do p = p + 20 end
end

local function lsrequest(b, dend)
    for p = b + 24, dend - 1, 12 do
        need(p, 12)
        local t = pk:u32(p)
        out("\n\t  Advertising Router: ", ip(p + 8), ", ", L.lsa_names[t] or "unknown",
            " LSA (", t, ")")
        if t >= 9 and t <= 11 then
            local ot = u8(p + 4)
            out(", Opaque-Type: ", L.opaque_names[ot] or "unknown", " LSA (", ot,
                "), Opaque-ID: ", u32(p + 4) & 0xffffff)
        else
            out(", LSA-ID: ", ip(p + 4))
        end
    end
end

local function lsupdate(b)
    local n = u32(b + 24)
    out(", ", n, " LSA", n == 1 and "" or "s")
    local p = b + 28
    for i = 1, n do
        out("\n\t  LSA #", i)
        p = L.lsa(p)
        if not p then error(L.CUT, 0) end
    end
end

-- Link-local signaling after the OSPF packet (RFC 5613), when the L option is set.
local function lls(b, length, olen)
    local t = u8(b + 1)
    if t == 1 then
        if u8(b + 30) & 0x10 == 0 then return end
    elseif t == 2 then
        if u8(b + 26) & 0x10 == 0 then return end
    else
        return
    end
    local p, l2 = b + olen, olen
    if u16(b + 14) == 2 then
        p = p + u8(b + 19)
        l2 = l2 + u8(b + 19)
    end
    if l2 >= length then
        out("\n\t[LLS truncated]")
        return
    end
    out(format("\n\t  LLS: checksum: 0x%04x", u16(p)))
    out(", length: ", u16(p + 2))
    p = p + 4
    local dend = b + length
    while p < dend do
        local lt = u16(p)
        out("\n\t    ", lt == 1 and "Extended Options" or lt == 2 and "MD5 Authentication"
            or "Unknown TLV", " (", lt, ")")
        local ll = u16(p + 2)
        out(", length: ", ll)
        p = p + 4
        if lt == 1 then
            if ll ~= 4 then
                out(" [should be 4]")
                ll = 4
            end
            local f = u32(p)
            out(format("\n\t      Options: 0x%08x [%s]", f, bits(eo_flags, f, "?")))
        elseif lt == 2 then
            if ll ~= 20 then
                out(" [should be 20]")
                ll = 20
            end
            out(format("\n\t      Sequence number: 0x%08x", u32(p)))
        end
        p = p + ll
    end
end

local function ospf2(b, length)
    local auth = u16(b + 14)
    if auth == 2 then
        length = length - 16
        L.setup(pk, L.lim() - 16)
    end
    local t = u8(b + 1)
    local name = types[t] or ("unknown LS-type " .. t)
    out("OSPFv", u8(b), ", ", name, ", length ", length)
    if not types[t] or vflag == 0 then return end
    local olen = u16(b + 2)
    if length ~= olen then out(" [len ", olen, "]") end
    local dend = b + (length > olen and olen or length)
    out("\n\tRouter-ID ", ip(b + 4))
    if u32(b + 8) ~= 0 then
        out(", Area ", ip(b + 8))
    else
        out(", Backbone Area")
    end
    need(b + 16, 8)
    out(", Authentication Type: ", auths[auth] or "unknown", " (", auth, ")")
    if auth == 1 then
        out("\n\tSimple text password: ")
        local s = pk:sub(b + 16, 8)
        local z = s:find("\0", 1, true)
        out(U.printn(z and s:sub(1, z - 1) or s))
    elseif auth == 2 then
        out("\n\tKey-ID: ", u8(b + 18), ", Auth-Length: ", u8(b + 19),
            format(", Crypto Sequence Number: 0x%08x", u32(b + 20)))
    elseif auth ~= 0 then
        return
    end
    local ver = u8(b)
    if ver ~= 2 then
        out(" ospf [version ", ver, "]")
        return
    end
    if t == 1 then
        hello(b, dend)
    elseif t == 2 then
        dbdesc(b, dend)
    elseif t == 3 then
        lsrequest(b, dend)
    elseif t == 4 then
        lsupdate(b)
    else
        -- tcpdump 4.99 reads acknowledged headers until one is bogus or cut short
        local p = b + 24
        while L.header(p) do p = p + 20 end
    end
    if length > olen then lls(b, length, olen) end
end

-- OSPFv3 (RFC 5340) over IPv6: tcplua.print.ospf6
local O6
local function ospf3(b, length)
    O6 = O6 or require "tcplua.print.ospf6"
    O6.print(pk, b, length)
end

-- Prints everything after "IP src > dst: "; ctx.off is where OSPF starts, ctx.len its length
-- per the IP header (which also bounds what tcpdump reads).
function M.print(pkt, ctx)
    local b, len = ctx.off, ctx.len
    local lim = b + len
    if lim > pkt.caplen then lim = pkt.caplen end
    pk = pkt
    L.setup(pkt, lim)
    local ok, err = pcall(ctx.ipver == 6 and ospf3 or ospf2, b, len)
    pk = nil
    L.setup(nil, 0)
    if not ok then
        if O6 and err == O6.SOFT then
            out(" [|ospf3]")
        elseif err == L.CUT then
            U.trunc(ctx.ipver == 6 and "ospf3" or "ospf2")
        else
            error(err, 0)
        end
    end
end

return M
