-- tcplua.print.slow_oam: Ethernet OAM PDUs (IEEE 802.3ah, clause 57; slow protocol
-- subtype 3) at -v as tcpdump 4.99 prints them: information TLVs, link event notifications,
-- loopback control. Called by tcplua.print.slow after its "OAM, length N" line.
local tcplua = require "tcplua"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local fmt = string.format

local flagbits = { { 0x01, "Link Fault" }, { 0x02, "Dying Gasp" }, { 0x04, "Critical Event" },
    { 0x08, "Local Evaluating" }, { 0x10, "Local Stable" }, { 0x20, "Remote Evaluating" },
    { 0x40, "Remote Stable" } }
local cfgbits = { { 0x01, "Active" }, { 0x02, "Unidirectional" }, { 0x04, "Remote-Loopback" },
    { 0x08, "Link-Events" }, { 0x10, "Variable-Retrieval" } }
local codes = { [0] = "Information", "Event Notification", "Variable Request",
    "Variable Response", "Loopback Control", [0xfe] = "Vendor Private" }
local infotypes = { [0] = "End of TLV marker", "Local", "Remote",
    [0xfe] = "Organization specific" }
local eventtypes = { [0] = "End of TLV marker", "Errored Symbol Period Event",
    "Errored Frame Event", "Errored Frame Period Event", "Errored Frame Seconds Summary Event",
    [0xfe] = "Organization specific" }
local parser = { [0] = "forwarding", "looping back", "discarding", "reserved" }
local ouinames = { [0x00120f] = "IEEE 802.3 Private", [0x0080c2] = "Ethernet bridged",
    [0x00000c] = "Cisco", [0x000000] = "Ethernet", [0x00005e] = "IANA" }

local function bits(list, v)
    local t = {}
    for _, b in ipairs(list) do
        if v & b[1] ~= 0 then t[#t + 1] = b[2] end
    end
    return #t == 0 and "none" or table.concat(t, ", ")
end

-- unsigned text of a 64-bit value
local function u64(v)
    if v >= 0 then return tostring(v) end
    local q = (v >> 1) // 5
    return tostring(q) .. tostring(v - q * 10)
end

local function be64(pkt, p)
    return (pkt:u32(p) << 32) | pkt:u32(p + 4)
end

local T = {} -- the capture bound and the hex dump helper, set by M.print

local function info_tlv(pkt, p)
    if pkt:u8(p + 1) ~= 16 then
        out("\n\t    ERROR: illegal length - should be 16")
        return true
    end
    local st, cfg = pkt:u8(p + 5), pkt:u8(p + 6)
    local oui = (pkt:u8(p + 9) << 16) | pkt:u16(p + 10)
    out("\n\t    OAM-Version ", pkt:u8(p + 2), ", Revision ", pkt:u16(p + 3),
        "\n\t    State-Parser-Action ", parser[st & 3], ", State-MUX-Action ",
        (st & 4) ~= 0 and "discarding" or "forwarding",
        "\n\t    OAM-Config Flags [", bits(cfgbits, cfg), "], OAM-PDU-Config max-PDU size ",
        pkt:u16(p + 7) & 0x7ff, "\n\t    OUI ", ouinames[oui] or "Unknown", " (0x",
        fmt("%06x", oui), "), Vendor-Private 0x", fmt("%08x", pkt:u32(p + 12)))
    return false
end

local function event_tlv(pkt, p)
    if pkt:u8(p + 1) ~= 40 then
        out("\n\t    ERROR: illegal length - should be 40")
        return true
    end
    out("\n\t    Timestamp ", pkt:u16(p + 2) * 100, " ms, Errored Window ", u64(be64(pkt, p + 4)),
        "\n\t    Errored Threshold ", u64(be64(pkt, p + 12)), "\n\t    Errors ",
        u64(be64(pkt, p + 20)), "\n\t    Error Running Total ", u64(be64(pkt, p + 28)),
        "\n\t    Event Running Total ", pkt:u32(p + 36))
    return false
end

-- Information or event TLVs from p (tlen bytes). Returns false when cut by the capture.
local function tlvs(pkt, p, tlen, names, what, decode, known)
    while tlen ~= 0 do
        if tlen < 2 then
            out("\n\t\t packet is too short")
            return true
        end
        if p + 2 > T.lim then return false end
        local t, l = pkt:u8(p), pkt:u8(p + 1)
        out("\n\t  ", names[t] or "Reserved", " ", what, " (", t, "), length ", l)
        if t == 0 then return true end
        if l < 2 then
            out("\n\t    ERROR: illegal length - should be >= 2")
            return true
        end
        if tlen < l then
            out("\n\t\t packet is too short")
            return true
        end
        if p + l > T.lim then return false end
        local hex = true
        if known[t] then hex = decode(pkt, p) end
        if vflag > 1 or hex then T.hex(pkt, p, l, T.lim, "\n\t  ") end
        p, tlen = p + l, tlen - l
    end
    return true
end

local info_known = { [1] = true, [2] = true }
local event_known = { [1] = true, [2] = true, [3] = true, [4] = true }

-- The OAM PDU after its subtype byte: p, tlen bytes; lim the capture bound, hex the hex
-- dump printer. Returns false when cut short by the capture.
function M.print(pkt, p, tlen, lim, hex)
    T.lim, T.hex = lim, hex
    if tlen < 3 then
        out("\n\t\t packet is too short")
        return true
    end
    if p + 3 > lim then return false end
    local code = pkt:u8(p + 2)
    out("\n\tCode ", codes[code] or ("Unknown (" .. code .. ")"), " OAM PDU, Flags [",
        bits(flagbits, pkt:u16(p)), "]")
    p, tlen = p + 3, tlen - 3
    if code == 0 then
        return tlvs(pkt, p, tlen, infotypes, "Information Type", info_tlv, info_known)
    elseif code == 1 then
        if tlen < 2 then
            out("\n\t\t packet is too short")
            return true
        end
        if p + 2 > lim then return false end
        out("\n\t  Sequence Number ", pkt:u16(p))
        return tlvs(pkt, p + 2, tlen - 2, eventtypes, "Link Event Type", event_tlv, event_known)
    elseif code == 4 then
        if tlen < 1 then
            out("\n\t\t packet is too short")
            return true
        end
        if p + 1 > lim then return false end
        local c = pkt:u8(p)
        out("\n\t  Command ", c == 1 and "Enable OAM Remote Loopback" or c == 2 and
            "Disable OAM Remote Loopback" or "Unknown", " (", c, ")")
    elseif vflag <= 1 then
        hex(pkt, p, tlen, lim, "\n\t  ")
    end
    return true
end

return M
