-- tcplua.print.cdp: Cisco Discovery Protocol (LLC/SNAP, OUI 0x00000c, PID 0x2000) as
-- tcpdump 4.99 prints it: version, TTL and Device-ID on the short line, the other TLVs as
-- hex; at -v every TLV decoded (addresses, capabilities, version string, prefixes...).
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local hex2, hex4 = U.hex2, U.hex4
local fmt = string.format

local capbits = { { 0x01, "Router" }, { 0x02, "Transparent Bridge" },
    { 0x04, "Source Route Bridge" }, { 0x08, "L2 Switch" }, { 0x10, "L3 capable" },
    { 0x20, "IGMP snooping" }, { 0x40, "L1 capable" } }

-- Reads bounded by the captured part of the PDU; past it they raise "trunc", where
-- tcpdump gives up on the packet.
local P, lim
local function need(off, n)
    if off + n > lim then error("trunc", 0) end
end
local function u8(off)
    need(off, 1)
    return P:u8(off)
end
local function u16(off)
    need(off, 2)
    return P:u16(off)
end
local function u32(off)
    need(off, 4)
    return P:u32(off)
end

-- Prints n bytes at p escaped as tcpdump prints text, byte by byte (a cut ends it there).
local function chars(p, n)
    for i = 0, n - 1 do out(U.printn(string.char(u8(p + i)))) end
end

local function quoted(p, n)
    out("'")
    chars(p, n)
    out("'")
end

local function hexdump(p, n)
    need(p, n)
    require("tcplua.print.lldp").H.hex(P, p, n, "\n\t  ")
end

local function addresses(p, l)
    if l < 4 then
        out(" (not enough space for num)")
        return need(p, l)
    end
    local num = u32(p)
    p, l = p + 4, l - 4
    while num ~= 0 do
        if l < 2 then
            out(" (not enough space for PT+PL)")
            return need(p, l)
        end
        local pt, pl = u8(p), u8(p + 1)
        p, l = p + 2, l - 2
        if l < pl + 2 then
            out(" (not enough space for P+AL)")
            return need(p, l)
        end
        local al = u16(p + pl)
        if pt == 1 and pl == 1 and u8(p) == 0xcc and al == 4 then
            p, l = p + 3, l - 3
            if l < al then
                out(" (not enough space for A)")
                return need(p, l)
            end
            need(p, 4)
            out("IPv4 (", num, ") ", U.host(P:u8(p) .. "." .. P:u8(p + 1) .. "." .. P:u8(p + 2) ..
                "." .. P:u8(p + 3)))
            p, l = p + 4, l - 4
        elseif pt == 2 and pl == 8 and P:sub(p, 8) == "\xaa\xaa\x03\x00\x00\x00\x86\xdd" and
            al == 16 then
            p, l = p + 10, l - 10
            if l < al then
                out(" (not enough space for A)")
                return need(p, l)
            end
            need(p, 16)
            out("IPv6 (", num, ") ", require("tcplua.print.icmp6_nd").addr(P, p))
            p, l = p + 16, l - 16
        else
            out("pt=0x", hex2[pt], ", pl=", pl, ", pb=")
            for _ = 1, pl do
                out(" ", hex2[u8(p)])
                p, l = p + 1, l - 1
            end
            out(", al=", al, ", a=")
            p, l = p + 2, l - 2
            if l < al then
                out(" (not enough space for A)")
                return need(p, l)
            end
            for _ = 1, al do
                out(" ", hex2[u8(p)])
                p, l = p + 1, l - 1
            end
        end
        num = num - 1
        if num ~= 0 then out(" ") end
    end
    if l ~= 0 then out(" (", l, " bytes of stray data)") end
end

local function prefixes(p, l)
    if l % 5 ~= 0 then
        out(" [length ", l, " is not a multiple of 5]")
        return need(p, l)
    end
    out(" IPv4 Prefixes (", l // 5, "):")
    while l > 0 do
        out(" ", u8(p), ".", u8(p + 1), ".", u8(p + 2), ".", u8(p + 3), "/", u8(p + 4))
        p, l = p + 5, l - 5
    end
end

local function version(p, l)
    out("\n\t  ")
    for i = 0, l - 1 do
        local c = u8(p + i)
        if c == 10 then out("\n\t  ") else out(U.printn(string.char(c))) end
    end
end

local function capability(p)
    local v = u32(p)
    local t = {}
    for _, b in ipairs(capbits) do
        if v & b[1] ~= 0 then t[#t + 1] = b[2] end
    end
    out("(0x", fmt("%08x", v), "): ", #t == 0 and "none" or table.concat(t, ", "))
end

local function power(p, l)
    local v = 0
    if l == 1 then v = u8(p) elseif l == 2 then v = u16(p) elseif l == 3 then
        v = (u8(p) << 16) | u16(p + 1)
    end
    out(fmt("%1.2fW", v / 1000.0))
end

local function ata186(p, l)
    if l == 2 then
        out("unknown 0x", hex4(u16(p)))
    else
        out("app ", u8(p), ", vlan ", u16(p + 1))
    end
end

local function phys_loc(p, l)
    out("0x", hex2[u8(p)])
    if l > 1 then
        out("/")
        chars(p + 1, l - 1)
    end
end

-- name, printer, min and max value length (-1: none), per TLV type
local tlvs = {
    { "Device-ID", quoted, -1, -1 }, { "Address", addresses, -1, -1 },
    { "Port-ID", quoted, -1, -1 }, { "Capability", capability, 4, 4 },
    { "Version String", version, -1, -1 }, { "Platform", quoted, -1, -1 },
    { "Prefixes", prefixes, -1, -1 }, { "Protocol-Hello option", nil, -1, -1 },
    { "VTP Management Domain", quoted, -1, -1 },
    { "Native VLAN ID", function(p) out(u16(p)) end, 2, 2 },
    { "Duplex", function(p) out(u8(p) ~= 0 and "full" or "half") end, 1, 1 },
    [0x0e] = { "ATA-186 VoIP VLAN assignment", ata186, 3, 3 },
    [0x0f] = { "ATA-186 VoIP VLAN request", ata186, 2, 3 },
    [0x10] = { "power consumption", power, 1, 3 },
    [0x11] = { "MTU", function(p) out(u32(p), " bytes") end, 4, 4 },
    [0x12] = { "AVVID trust bitmap", function(p) out("0x", hex2[u8(p)]) end, 1, 1 },
    [0x13] = { "AVVID untrusted ports CoS", function(p) out("0x", hex2[u8(p)]) end, 1, 1 },
    [0x14] = { "System Name", quoted, -1, -1 },
    [0x15] = { "System Object ID (not decoded)", nil, -1, -1 },
    [0x16] = { "Management Addresses", addresses, 4, -1 },
    [0x17] = { "Physical Location", phys_loc, 1, -1 },
}

local gap = { "unknown field type", nil, -1, -1 }

local function plural(n)
    return n == 1 and "" or "s"
end

-- The TLVs; returns false when the PDU is invalid (the caller adds " (invalid)"), with
-- where the rest begins and its length.
local function body(p, length)
    while length > 0 do
        if length < 4 then
            out(" (remaining packet length ", length, " < 4)")
            return false, p, length
        end
        local t, l = u16(p), u16(p + 2)
        -- types up to 0x17 without an entry act as known ones without a printer
        local info = tlvs[t] or (t <= 0x17 and gap) or nil
        local name = info and info[1] or "unknown field type"
        local tx = t < 256 and hex2[t] or U.hex(t)
        if l < 4 then
            if vflag > 0 then
                out("\n\t", name, " (0x", tx, "), TLV length: ", l, " byte",
                    plural(l), " (too short)")
            else
                out(", ", name, " TLV length ", l, " too short")
            end
            return false, p, length
        end
        if l > length then
            out(" (TLV length ", l, " > ", length, ")")
            return false, p, length
        end
        p, length, l = p + 4, length - 4, l - 4
        if vflag == 0 and t == 1 then
            out(", Device-ID ")
        elseif vflag > 0 then
            out("\n\t", name, " (0x", tx, "), value length: ", l, " byte", plural(l),
                ": ")
        end
        local covered = false
        if info then
            if (info[3] > 0 and l < info[3]) or (info[4] > 0 and l > info[4]) then
                out(" (malformed TLV)")
            elseif vflag > 0 or t == 1 then
                if info[2] then info[2](p, l) else need(p, l) end
                covered = true
            end
        end
        if not covered then hexdump(p, l) end
        p, length = p + l, length - l
    end
    return true
end

local function cdp(off, length)
    if length < 4 then
        out(" (packet length ", length, " < 4)")
        out(" (invalid)")
        return need(off, length)
    end
    out("CDPv", u8(off), ", ttl: ", u8(off + 1), "s")
    local ck = u16(off + 2)
    if vflag > 0 then out(", checksum: 0x", hex4(ck), " (unverified), length ", length) end
    local ok, p, rest = body(off + 4, length - 4)
    if not ok then
        out(" (invalid)")
        return need(p, rest)
    end
    if vflag < 1 then out(", length ", length) end
end

-- Print the CDP PDU at off, length bytes on the wire.
function M.print(pkt, off, length)
    P, lim = pkt, off + length
    if lim > pkt.caplen then lim = pkt.caplen end
    local ok, err = pcall(cdp, off, length)
    P = nil
    if not ok then
        if err ~= "trunc" then error(err, 0) end
        U.trunc("cdp")
    end
end

return M
