-- tcplua.print.slow: IEEE 802.3 "slow protocols" (ethertype 0x8809) as tcpdump 4.99 prints
-- them: LACP and marker PDUs (IEEE 802.3ad, now 802.1AX) with their TLVs at -v, and Ethernet
-- OAM PDUs (IEEE 802.3ah, decoded in tcplua.print.slow_oam).
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local hex2 = U.hex2

local tlvnames = {
    [0x100] = "Terminator", [0x101] = "Actor Information", [0x102] = "Partner Information",
    [0x103] = "Collector Information", [0x200] = "Terminator", [0x201] = "Marker Information",
}
local stateflags = { { 0x01, "Activity" }, { 0x02, "Timeout" }, { 0x04, "Aggregation" },
    { 0x08, "Synchronization" }, { 0x10, "Collecting" }, { 0x20, "Distributing" },
    { 0x40, "Default" }, { 0x80, "Expired" } }

local function flags(f)
    local t = {}
    for _, b in ipairs(stateflags) do
        if f & b[1] ~= 0 then t[#t + 1] = b[2] end
    end
    return #t == 0 and "none" or table.concat(t, ", ")
end

-- tcpdump's hex_print of n bytes at off (at most what was captured), lines after ident.
local function hexdump(pkt, off, n, lim, ident)
    if off + n > lim then n = lim - off end
    if n <= 0 then return end
    local s = pkt:sub(off, n)
    for i = 1, #s, 16 do
        out(ident, "0x", hex2[((i - 1) >> 8) & 255], hex2[(i - 1) & 255], ": ")
        local last = math.min(i + 15, #s)
        for j = i, last, 2 do
            if j < last then
                out(" ", hex2[s:byte(j)], hex2[s:byte(j + 1)])
            else
                out(" ", hex2[s:byte(j)])
            end
        end
    end
end

local function mac(pkt, off)
    local b = { pkt:sub(off, 6):byte(1, 6) }
    return U.ether(table.concat({ hex2[b[1]], hex2[b[2]], hex2[b[3]], hex2[b[4]], hex2[b[5]],
        hex2[b[6]] }, ":"))
end

-- The value of one TLV (p after its header, n bytes); false when it has a wrong length.
local function value(pkt, key, p, n, lim)
    if key == 0x101 or key == 0x102 then
        if n ~= 18 then
            out("\n\t    ERROR: illegal length - should be 20")
            return false
        end
        out("\n\t  System ", mac(pkt, p + 2), ", System Priority ", pkt:u16(p), ", Key ",
            pkt:u16(p + 8), ", Port ", pkt:u16(p + 12), ", Port Priority ", pkt:u16(p + 10),
            "\n\t  State Flags [", flags(pkt:u8(p + 14)), "]")
    elseif key == 0x103 then
        if n ~= 14 then
            out("\n\t    ERROR: illegal length - should be 16")
            return false
        end
        out("\n\t  Max Delay ", pkt:u16(p))
    elseif key == 0x201 then
        if n ~= 14 then
            out("\n\t    ERROR: illegal length - should be 16")
            return false
        end
        out("\n\t  Request System ", mac(pkt, p + 2), ", Request Port ", pkt:u16(p),
            ", Request Transaction ID 0x", hex2[pkt:u8(p + 8)], hex2[pkt:u8(p + 9)],
            hex2[pkt:u8(p + 10)], hex2[pkt:u8(p + 11)])
    elseif vflag <= 1 then
        hexdump(pkt, p, n, lim, "\n\t  ")
    end
    return true
end

-- LACP and marker TLVs from p (len bytes). Returns false when cut short by the capture.
local function tlvs(pkt, sub, p, len, lim)
    while len ~= 0 do
        if len < 2 then
            out("\n\t\t packet is too short")
            return true
        end
        if p + 2 > lim then return false end
        local t, tl = pkt:u8(p), pkt:u8(p + 1)
        local key = (sub << 8) + t
        out("\n\t", tlvnames[key] or "Unknown", " TLV (0x", hex2[t], "), length ", tl)
        if t == 0 then return true end
        if tl < 2 then
            out("\n\t    ERROR: illegal length - should be >= 2")
            return true
        end
        if len < tl then
            out("\n\t\t packet is too short")
            return true
        end
        if p + tl > lim then return false end
        value(pkt, key, p + 2, tl - 2, lim)
        if vflag > 1 then hexdump(pkt, p + 2, tl - 2, lim, "\n\t  ") end
        p, len = p + tl, len - tl
    end
    return true
end

local names = { "LACP", "MARKER", "OAM" }

-- Print the slow protocol PDU at pkt.net_off; length = bytes on the wire from there.
function M.print(pkt, length)
    local off = pkt.net_off
    length = length or (pkt.len - off)
    local lim = off + length
    if lim > pkt.caplen then lim = pkt.caplen end
    local short = vflag == 0 and " (packet is too short)" or "\n\t\t packet is too short"
    if length < 1 then return out(short) end
    if off + 1 > lim then return U.trunc("slow") end
    local sub = pkt:u8(off)
    if sub == 1 or sub == 2 then
        if length < 2 then return out(short) end
        if off + 2 > lim then return U.trunc("slow") end
        local ver = pkt:u8(off + 1)
        if ver ~= 1 then
            out(names[sub], " version ", ver, " packet not supported")
            return
        end
        out(names[sub], "v1, length ", length)
        if vflag == 0 then return end
        if not tlvs(pkt, sub, off + 2, length - 2, lim) then U.trunc("slow") end
    elseif sub == 3 then
        out("OAM, length ", length)
        if vflag == 0 then return end
        if not require("tcplua.print.slow_oam").print(pkt, off + 1, length - 1, lim, hexdump) then
            U.trunc("slow")
        end
    else
        out("unknown (", sub, "), length ", length)
        hexdump(pkt, off, length, lim, "\n\t")
    end
end

return M
