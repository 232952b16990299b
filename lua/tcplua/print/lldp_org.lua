-- tcplua.print.lldp_org: LLDP organizationally specific TLVs as tcpdump 4.99 prints them:
-- IEEE 802.1 (802.1AB annex E, 802.1Qaz/Qbg), IEEE 802.3 (clause 79), IANA (RFC 8520 MUD
-- URL), ANSI/TIA-1057 LLDP-MED and DCBX 1.01. Each printer returns true for "hex dump it".
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local H = require("tcplua.print.lldp").H

local M = {}
local out = tcplua.out
local fmt = string.format
local bits, zp = H.bits, H.zp

local sub8021 = { "Port VLAN Id", "Port and Protocol VLAN ID", "VLAN name", "Protocol Identity",
    [7] = "Link aggregation", [8] = "Congestion Notification", [9] = "ETS Configuration", [10] = "ETS Recommendation",
    [11] = "Priority Flow Control Configuration", [12] = "Application Priority", [13] = "EVB",
    [14] = "CDCP" }
local ppvid_flags = { { 0x02, "supported" }, { 0x04, "enabled" } }
local evb_modes = { [0] = "Not Supported", "EVB Bridge", "EVB Station",
    "Reserved for future Standardization" }

-- "%-Nd" columns for the 8 values
local function cols(vals, w)
    local t = {}
    for i = 1, 8 do t[i] = fmt("%-" .. w .. "d", vals[i]) end
    return table.concat(t, " ")
end

local function bitrow(v)
    local t = {}
    for i = 0, 7 do t[#t + 1] = fmt("%-2d ", (v >> i) & 1) end
    return table.concat(t)
end

local function ets_tables(pkt, p)
    local a = {}
    for i = 0, 3 do
        local b = pkt:u8(p + 5 + i)
        a[#a + 1], a[#a + 2] = b >> 4, b & 0x0f
    end
    out("\n\t    Priority Assignment Table", "\n\t     Priority : 0   1   2   3   4   5   6   7",
        "\n\t     Value    : ", cols(a, 3))
    local bw, tsa = {}, {}
    for i = 0, 7 do
        bw[i + 1] = pkt:u8(p + 9 + i)
        tsa[i + 1] = pkt:u8(p + 17 + i)
    end
    out("\n\t    TC Bandwidth Table", "\n\t     TC%   : 0   1   2   3   4   5   6   7",
        "\n\t     Value : ", cols(bw, 3))
    out("\n\t    TSA Assignment Table", "\n\t     Traffic Class: 0   1   2   3   4   5   6   7",
        "\n\t     Value        : ", cols(tsa, 3))
end

local aggr = { { 0x01, "supported" }, { 0x02, "enabled" } }

-- Link aggregation: 802.3 subtype 3, and 802.1 subtype 7 since 802.1AX took it over.
local function linkaggr(pkt, p, len)
    if len < 9 then return false end
    out("\n\t    aggregation status [", bits(aggr, pkt:u8(p + 4), "none"),
        "], aggregation port ID ", pkt:u32(p + 5))
    return false
end

-- The DCB (802.1Qaz/Qau) and EVB/CDCP (802.1Qbg) subtypes 8 to 14.
local function dcb8021(pkt, p, len, sub)
    if sub == 8 then
        if len < 6 then return false end
        out("\n\t    Pre-Priority CNPV Indicator", "\n\t     Priority : 0  1  2  3  4  5  6  7",
            "\n\t     Value    : ", bitrow(pkt:u8(p + 4)))
        out("\n\t    Pre-Priority Ready Indicator", "\n\t     Priority : 0  1  2  3  4  5  6  7",
            "\n\t     Value    : ", bitrow(pkt:u8(p + 5)))
    elseif sub == 9 then
        if len < 25 then return false end
        local v = pkt:u8(p + 4)
        out("\n\t    Willing:", v >> 7, ", CBS:", (v >> 6) & 0x02, ", RES:", (v >> 3) & 0x07,
            ", Max TCs:", v & 0x07)
        ets_tables(pkt, p)
    elseif sub == 10 then
        if len < 25 then return false end
        out("\n\t    RES: ", pkt:u8(p + 4))
        ets_tables(pkt, p)
    elseif sub == 11 then
        if len < 6 then return false end
        local v = pkt:u8(p + 4)
        out("\n\t    Willing: ", v >> 7, ", MBC: ", (v >> 6) & 1, ", RES: ", (v >> 4) & 3,
            ", PFC cap:", v & 0x0f, " ", "\n\t    PFC Enable",
            "\n\t     Priority : 0  1  2  3  4  5  6  7", "\n\t     Value    : ",
            bitrow(pkt:u8(p + 5)))
    elseif sub == 12 then
        if len < 5 then return false end
        out("\n\t    RES: ", pkt:u8(p + 4))
        if len <= 5 then return false end
        local n = len - 5
        if n % 3 ~= 0 then return false end
        out("\n\t    Application Priority Table")
        for i = 0, n - 1, 3 do
            local v = pkt:u8(p + 5 + i)
            out("\n\t      Priority: ", v >> 5, ", RES: ", (v >> 3) & 3, ", Sel: ", v & 7,
                ", Protocol ID: ", pkt:u16(p + 6 + i))
        end
    elseif sub == 13 then
        if len < 9 then return false end
        local a, b, c, d, e = pkt:u8(p + 4), pkt:u8(p + 5), pkt:u8(p + 6), pkt:u8(p + 7),
            pkt:u8(p + 8)
        out("\n\t    EVB Bridge Status", "\n\t      RES: ", a >> 3, ", BGID: ", (a >> 2) & 1,
            ", RRCAP: ", (a >> 1) & 1, ", RRCTR: ", a & 1)
        out("\n\t    EVB Station Status", "\n\t      RES: ", b >> 4, ", SGID: ", (b >> 3) & 1,
            ", RRREQ: ", (b >> 2) & 1, ",RRSTAT: ", b & 3)
        out("\n\t    R: ", c >> 5, ", RTE: ", c & 0x1f, ", ", "EVB Mode: ",
            evb_modes[d >> 6], " [", d >> 6, "]")
        out("\n\t    ROL: ", (d >> 5) & 1, ", RWD: ", d & 0x1f, ", ", "RES: ", e >> 6,
            ", ROL: ", (e >> 5) & 1, ", RKA: ", e & 0x1f)
    elseif sub == 14 then
        if len < 8 then return false end
        local v = pkt:u8(p + 4)
        out("\n\t    Role: ", v >> 7, ", RES: ", (v >> 4) & 7, ", Scomp: ", (v >> 3) & 1, " ",
            "ChnCap: ", pkt:u16(p + 6) & 0x0fff)
        local n = len - 8
        if n % 3 ~= 0 then return false end
        for i = 0, n - 1, 3 do
            local x = (pkt:u8(p + 8 + i) << 16) | pkt:u16(p + 9 + i)
            out("\n\t    SCID: ", x >> 12, ", SVID: ", x & 0xfff)
        end
    else
        return true
    end
    return false
end

local function ieee8021(pkt, p, len)
    if len < 4 then return false end
    local sub = pkt:u8(p + 3)
    out("\n\t  ", sub8021[sub] or "unknown", " Subtype (", sub, ")")
    if sub >= 8 then return dcb8021(pkt, p, len, sub) end
    if sub == 1 then
        if len < 6 then return false end
        out("\n\t    port vlan id (PVID): ", pkt:u16(p + 4))
    elseif sub == 2 then
        if len < 7 then return false end
        local f = pkt:u8(p + 4)
        out("\n\t    port and protocol vlan id (PPVID): ", pkt:u16(p + 5), ", flags [",
            bits(ppvid_flags, f, "none"), "] (0x", U.hex2[f], ")")
    elseif sub == 3 then
        if len < 6 then return false end
        out("\n\t    vlan id (VID): ", pkt:u16(p + 4))
        if len < 7 then return false end
        local n = pkt:u8(p + 6)
        if len < 7 + n then return false end
        out("\n\t    vlan name: ", zp(pkt, p + 7, n))
    elseif sub == 4 then
        if len < 5 then return false end
        local n = pkt:u8(p + 4)
        if len < 5 + n then return false end
        out("\n\t    protocol identity: ", zp(pkt, p + 5, n))
    elseif sub == 7 then
        return linkaggr(pkt, p, len)
    else
        return true
    end
    return false
end

local sub8023 = { "MAC/PHY configuration/status", "Power via MDI", "Link aggregation",
    "Max frame size" }
local autoneg = { { 0x01, "supported" }, { 0x02, "enabled" } }
local pmd = { { 0x4000, "10BASE-T hdx" }, { 0x2000, "10BASE-T fdx" }, { 0x1000, "100BASE-T4" },
    { 0x0800, "100BASE-TX hdx" }, { 0x0400, "100BASE-TX fdx" }, { 0x0200, "100BASE-T2 hdx" },
    { 0x0100, "100BASE-T2 fdx" }, { 0x0080, "Pause for fdx links" },
    { 0x0040, "Asym PAUSE for fdx" }, { 0x0020, "Sym PAUSE for fdx" },
    { 0x0010, "Asym and Sym PAUSE for fdx" }, { 0x0008, "1000BASE-{X LX SX CX} hdx" },
    { 0x0004, "1000BASE-{X LX SX CX} fdx" }, { 0x0002, "1000BASE-T hdx" },
    { 0x0001, "1000BASE-T fdx" } }
local mau = { [0] = "Unknown", "AUI", "10BASE_5", "FOIRL", "10BASE2", "10BASET duplex mode unknown",
    "10BASEFP", "10BASEFB", "10BASEFL duplex mode unknown", "10BROAD36", "10BASET hdx",
    "10BASET fdx", "10BASEFL hdx", "10BASEFL fdx", "100BASET4", "100BASETX hdx",
    "100BASETX fdx", "100BASEFX hdx", "100BASEFX fdx", "100BASET2 hdx", "100BASET2 fdx",
    "1000BASEX hdx", "1000BASEX fdx", "1000BASELX hdx", "1000BASELX fdx", "1000BASESX hdx",
    "1000BASESX fdx", "1000BASECX hdx", "1000BASECX fdx", "1000BASET hdx", "1000BASET fdx",
    "10GBASEX", "10GBASELX4", "10GBASER", "10GBASEER", "10GBASELR", "10GBASESR", "10GBASEW",
    "10GBASEEW", "10GBASELW", "10GBASESW" }
local mdi = { { 0x01, "PSE" }, { 0x02, "supported" }, { 0x04, "enabled" },
    { 0x08, "can be controlled" } }
local pairs_names = { "signal", "spare" }
local classes = { "class0", "class1", "class2", "class3", "class4" }

local function ieee8023(pkt, p, len)
    if len < 4 then return false end
    local sub = pkt:u8(p + 3)
    out("\n\t  ", sub8023[sub] or "unknown", " Subtype (", sub, ")")
    if sub == 1 then
        if len < 9 then return false end
        local a, c, m = pkt:u8(p + 4), pkt:u16(p + 5), pkt:u16(p + 7)
        out("\n\t    autonegotiation [", bits(autoneg, a, "none"), "] (0x", U.hex2[a], ")")
        out("\n\t    PMD autoneg capability [", bits(pmd, c, "unknown"), "] (0x", U.hex4(c), ")")
        out("\n\t    MAU type ", mau[m] or "unknown", " (0x", U.hex4(m), ")")
    elseif sub == 2 then
        if len < 7 then return false end
        out("\n\t    MDI power support [", bits(mdi, pkt:u8(p + 4), "none"), "], power pair ",
            pairs_names[pkt:u8(p + 5)] or "unknown", ", power class ",
            classes[pkt:u8(p + 6)] or "unknown")
    elseif sub == 3 then
        return linkaggr(pkt, p, len)
    elseif sub == 4 then
        if len < 6 then return false end
        out("\n\t    MTU size ", pkt:u16(p + 4))
    else
        return true
    end
    return false
end

local function iana(pkt, p, len)
    if len < 8 then return false end
    local sub = pkt:u8(p + 3)
    out("\n\t  ", sub == 1 and "MUD-URL" or "unknown", " Subtype (", sub, ")")
    if sub ~= 1 then return true end
    out("\n\t  MUD-URL=", U.printn(pkt:sub(p + 4, len - 4)))
    return false
end

local tia -- tcplua.print.lldp_tia, for LLDP-MED and DCBX

-- The value after ": OUI ..." of an organization-specific TLV (p at the OUI, len bytes);
-- returns true when tcpdump adds a hex dump.
function M.print(pkt, oui, p, len)
    if oui == 0x0080c2 then
        return ieee8021(pkt, p, len)
    elseif oui == 0x00120f then
        return ieee8023(pkt, p, len)
    elseif oui == 0x00005e then
        return iana(pkt, p, len)
    elseif oui == 0x0012bb or oui == 0x001b21 then
        tia = tia or require "tcplua.print.lldp_tia"
        return tia.print(pkt, oui, p, len)
    end
    return true
end

return M
