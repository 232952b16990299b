-- tcplua.print.lldp_tia: LLDP-MED (ANSI/TIA-1057) and DCBX 1.01 (Intel/Cisco DCB exchange)
-- organization-specific LLDP TLVs as tcpdump 4.99 prints them at -v. Each printer returns
-- true when tcpdump adds a hex dump of the TLV.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local H = require("tcplua.print.lldp").H

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local fmt = string.format
local bits, zp, hex2, hex4 = H.bits, H.zp, U.hex2, U.hex4

local subnames = { "LLDP-MED Capabilities", "Network policy", "Location identification",
    "Extended power-via-MDI", "Inventory - hardware revision", "Inventory - firmware revision",
    "Inventory - software revision", "Inventory - serial number",
    "Inventory - manufacturer name", "Inventory - model name", "Inventory - asset ID" }
local inventory = { [5] = "Hardware revision", [6] = "Firmware revision",
    [7] = "Software revision", [8] = "Serial number", [9] = "Manufacturer name",
    [10] = "Model name", [11] = "Asset ID" }
local medcaps = { { 0x01, "LLDP-MED capabilities" }, { 0x02, "network policy" },
    { 0x04, "location identification" }, { 0x08, "extended power via MDI-PSE" },
    { 0x10, "extended power via MDI-PD" }, { 0x20, "Inventory" } }
local devtypes = { "endpoint class 1", "endpoint class 2", "endpoint class 3",
    "network connectivity" }
local apptypes = { "voice", "voice signaling", "guest voice", "guest voice signaling",
    "softphone voice", "video conferencing", "streaming video", "video signaling" }
local policy_bits = { { 0x80, "Unknown" }, { 0x40, "Tagged" }, { 0x20, "reserved" } }
local locformats = { "coordinate-based LCI", "civic address LCI", "ECS ELIN" }
local alttypes = { "meters", "floors" }
local datums = { "World Geodesic System 1984", "North American Datum 1983 (NAVD88)",
    "North American Datum 1983 (MLLW)" }
local catypes = { "national subdivisions (state,canton,region,province,prefecture)",
    "county, parish, gun, district", "city, township, shi",
    "city division, borough, city district, ward chou", "neighborhood, block", "street" }
local lciwhat = { [0] = "location of DHCP server",
    "location of the network element believed to be closest to the client",
    "location of the client" }
local psources = { "PSE - primary power source", "local - backup power source",
    "PSE+local - reserved" }
local prios = { "critical", "high", "low" }

-- 34-bit latitude/longitude at off (2 bits of the first byte, then 4 bytes)
local function latlon(pkt, off)
    return ((pkt:u8(off) & 3) << 32) | pkt:u32(off + 1)
end

local function location(pkt, p, len)
    if len < 5 then return false end
    local f = pkt:u8(p + 4)
    out("\n\t    Location data format ", locformats[f] or "unknown", " (0x", hex2[f], ")")
    if f == 1 then
        if len < 21 then return false end
        out("\n\t    Latitude resolution ", pkt:u8(p + 5) >> 2, ", latitude value ",
            latlon(pkt, p + 5))
        out("\n\t    Longitude resolution ", pkt:u8(p + 10) >> 2, ", longitude value ",
            latlon(pkt, p + 10))
        local at = pkt:u8(p + 15) >> 4
        out("\n\t    Altitude type ", alttypes[at] or "unknown", " (", at, ")")
        out("\n\t    Altitude resolution ", (pkt:u16(p + 15) >> 6) & 0x3f, ", altitude value 0x",
            fmt("%x", pkt:u32(p + 16) & 0x3fffffff))
        local d = pkt:u8(p + 20)
        out("\n\t    Datum ", datums[d] or "unknown", " (0x", hex2[d], ")")
    elseif f == 2 then
        if len < 6 then return false end
        local n = pkt:u8(p + 5)
        if n < 3 or len < 7 + n then return false end
        local w = pkt:u8(p + 6)
        out("\n\t    LCI length ", n, ", LCI what ", lciwhat[w] or "unknown", " (0x", hex2[w],
            "), Country-code ", zp(pkt, p + 7, 2))
        n = n - 3
        local q = p + 9
        while n > 0 do
            if n < 2 then return false end
            local ct, cl = pkt:u8(q), pkt:u8(q + 1)
            q, n = q + 2, n - 2
            out("\n\t      CA type '", catypes[ct] or "unknown", "' (", ct, "), length ", cl, ": ")
            if ct == 0 or cl == 0 or n < cl then return false end
            out(zp(pkt, q, cl))
            q, n = q + cl, n - cl
        end
    elseif f == 3 then
        out("\n\t    ECS ELIN id ", zp(pkt, p + 5, len - 5))
    else
        out("\n\t    Location ID ")
        H.hex(pkt, p + 5, len - 5, "\n\t      ")
    end
    return false
end

local function tia(pkt, p, len)
    if len < 4 then return false end
    local sub = pkt:u8(p + 3)
    out("\n\t  ", subnames[sub] or "unknown", " Subtype (", sub, ")")
    if sub == 1 then
        if len < 7 then return false end
        local c, d = pkt:u16(p + 4), pkt:u8(p + 6)
        out("\n\t    Media capabilities [", bits(medcaps, c, "none"), "] (0x", hex4(c), ")")
        out("\n\t    Device type [", devtypes[d] or "unknown", "] (0x", hex2[d], ")")
    elseif sub == 2 then
        if len < 8 then return false end
        local a, f = pkt:u8(p + 4), pkt:u8(p + 5)
        out("\n\t    Application type [", apptypes[a] or "none", "] (0x", hex2[a], ")")
        out(", Flags [", bits(policy_bits, f, "none"), "]")
        out("\n\t    Vlan id ", (pkt:u16(p + 5) & 0x1ffe) >> 1)
        local w = pkt:u16(p + 6)
        out(", L2 priority ", (w & 0x01ff) >> 6, ", DSCP value ", w & 0x3f)
    elseif sub == 3 then
        return location(pkt, p, len)
    elseif sub == 4 then
        if len < 7 then return false end
        local b = pkt:u8(p + 4)
        out("\n\t    Power type [", (b & 3) ~= 0 and "PD device" or "PSE device", "]")
        out(", Power source [", psources[(b & 0x30) >> 4] or "none", "]")
        out("\n\t    Power priority [", prios[b & 0x0f] or "none", "] (0x", hex2[b & 0x0f], ")")
        local v = pkt:u16(p + 5)
        if v < 1024 then
            out(", Power ", fmt("%.1f", v / 10), " Watts")
        else
            out(", Power ", v, " (Reserved)")
        end
    elseif inventory[sub] then
        out("\n\t  ", inventory[sub], " ", zp(pkt, p + 4, len - 4))
    else
        return true
    end
    return false
end

local function info_block(pkt, q)
    local v = pkt:u8(q + 2)
    out("\n\t      Oper_Version: ", pkt:u8(q), "\n\t      Max_Version: ", pkt:u8(q + 1),
        "\n\t      Info block(0x", fmt("%02X", v), "): ", "Enable bit: ", (v >> 7) & 1,
        ", Willing bit: ", (v >> 6) & 1, ", Error Bit: ", (v >> 5) & 1,
        "\n\t      SubType: ", pkt:u8(q + 3))
end

-- One DCBX sub-TLV (type t, length n at q); false to stop (tcpdump's "goto trunc").
local function dcbx_tlv(pkt, t, q, n)
    if t == 1 then
        if n < 10 then return false end
        out("\n\t    Control - Protocol Control (type 0x1, length ", n, ")",
            "\n\t      Oper_Version: ", pkt:u8(q), "\n\t      Max_Version: ", pkt:u8(q + 1),
            "\n\t      Sequence Number: ", pkt:u32(q + 2),
            "\n\t      Acknowledgement Number: ", pkt:u32(q + 6))
    elseif t == 2 then
        if n < 17 then return false end
        out("\n\t    Feature - Priority Group (type 0x2, length ", n, ")")
        info_block(pkt, q)
        out("\n\t      Priority Allocation")
        local pg = pkt:u32(q + 4)
        for i = 0, 7 do out("\n\t          PgId_", i, ": ", (pg >> (28 - 4 * i)) & 0xf) end
        out("\n\t      Priority Group Allocation")
        for i = 0, 7 do out("\n\t          Pg percentage[", i, "]: ", pkt:u8(q + 8 + i)) end
        out("\n\t      NumTCsSupported: ", pkt:u8(q + 16))
    elseif t == 3 then
        if n < 6 then return false end
        out("\n\t    Feature - Priority Flow Control", " (type 0x3, length ", n, ")")
        info_block(pkt, q)
        local v = pkt:u8(q + 4)
        out("\n\t      PFC Config (0x", fmt("%02X", v), ")")
        for i = 0, 7 do
            out("\n\t          Priority Bit ", i, ": ",
                (v & (1 << i)) ~= 0 and "Enabled" or "Disabled")
        end
        out("\n\t      NumTCPFCSupported: ", pkt:u8(q + 5))
    elseif t == 4 then
        if n < 4 then return false end
        out("\n\t    Feature - Application (type 0x4, length ", n, ")")
        info_block(pkt, q)
        local r, m = n - 4, q + 4
        while r >= 6 do
            local u = (pkt:u8(m + 2) << 16) | pkt:u16(m + 3)
            out("\n\t      Application Value", "\n\t          Application Protocol ID: 0x",
                hex4(pkt:u16(m)), "\n\t          SF (0x", fmt("%x", u >> 22),
                ") Application Protocol ID is ", (u >> 22) ~= 0 and "Socket Number" or
                "L2 EtherType", "\n\t          OUI: 0x", fmt("%06x", u & 0x3fffff),
                "\n\t          User Priority Map: 0x", hex2[pkt:u8(m + 5)])
            r, m = r - 6, m + 6
        end
    else
        return true, true
    end
    return true, false
end

local function dcbx(pkt, p, len)
    if len < 4 then return false end
    local sub = pkt:u8(p + 3)
    out("\n\t  ", sub == 1 and "DCB Capability Exchange Protocol Rev 1" or sub == 2 and
        "DCB Capability Exchange Protocol Rev 1.01" or "unknown", " Subtype (", sub, ")")
    if sub == 1 then return true end
    local q, r = p + 4, len - 4
    local hexdump = false
    while r >= 2 do
        hexdump = false
        local h = pkt:u16(q)
        local t, n = h >> 9, h & 0x1ff
        q, r = q + 2, r - 2
        if t == 0 or n == 0 then break end
        if r < n then break end
        local ok
        ok, hexdump = dcbx_tlv(pkt, t, q, n)
        if not ok then break end
        if vflag > 1 or (vflag > 0 and hexdump) then H.hex(pkt, q, n, "\n\t    ") end
        q, r = q + n, r - n
    end
    return hexdump
end

function M.print(pkt, oui, p, len)
    if oui == 0x0012bb then return tia(pkt, p, len) end
    return dcbx(pkt, p, len)
end

return M
