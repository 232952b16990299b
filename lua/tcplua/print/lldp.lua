-- tcplua.print.lldp: LLDP (ethertype 0x88cc, IEEE 802.1AB) as tcpdump 4.99 prints it: the
-- system name on the short line; at -v every TLV (chassis/port ID subtypes, TTL, system
-- description and capabilities, management address, organizationally specific TLVs).
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local hex2 = U.hex2

local tlvnames = { [0] = "End", "Chassis ID", "Port ID", "Time to Live", "Port Description",
    "System Name", "System Description", "System Capabilities", "Management Address",
    [127] = "Organization specific" }
local chassis_sub = { "Chassis component", "Interface alias", "Port component", "MAC address",
    "Network address", "Interface name", "Local" }
local port_sub = { "Interface alias", "Port component", "MAC address", "Network Address",
    "Interface Name", "Agent circuit ID", "Local" }
local caps = { { 0x01, "Other" }, { 0x02, "Repeater" }, { 0x04, "Bridge" }, { 0x08, "WLAN AP" },
    { 0x10, "Router" }, { 0x20, "Telephone" }, { 0x40, "Docsis" }, { 0x80, "Station Only" } }
local afnames = { "IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163", "E.164", "F.69",
    "X.121", "Novell IPX", "Appletalk", "Decnet IV", "Banyan Vines",
    "E.164 with NSAP subaddress", [0] = "Reserved", [25] = "VPLS", [196] = "Layer-2 VPN" }
local intf_sub = { [2] = "Interface Index", [3] = "System Port Number" }
local ouinames = { [0x0080c2] = "Ethernet bridged", [0x00120f] = "IEEE 802.3 Private",
    [0x00005e] = "IANA", [0x0012bb] = "ANSI/TIA", [0x001b21] = "DCBX", [0x000000] = "Ethernet",
    [0x00000c] = "Cisco", [0x000081] = "Nortel Networks SONMP", [0x0000f8] = "Cisco bridged",
    [0x00a03e] = "ATM Forum", [0x00e02f] = "DOCSIS Spanning Tree", [0x080007] = "Appletalk",
    [0x009069] = "Juniper", [0x080009] = "Hewlett-Packard", [0x002320] = "Nicira Networks",
    [0x5c16c7] = "Big Switch Networks", [0xb0d2f5] = "Vello Systems", [0x00049f] = "Freescale",
    [0x001018] = "Broadcom" }

-- Helpers shared with the organization-specific TLV printers (lldp_org.lua).
local H = {}
M.H = H

-- tcpdump's bittok2str: the names of the bits set in v, or dflt when none is known.
function H.bits(list, v, dflt)
    local t = {}
    for i = 1, #list do
        if v & list[i][1] ~= 0 then t[#t + 1] = list[i][2] end
    end
    if #t == 0 then return dflt end
    return table.concat(t, ", ")
end

-- Text of n bytes at off up to the first NUL, escaped as tcpdump prints it.
function H.zp(pkt, off, n)
    if n <= 0 then return "" end
    local s = pkt:sub(off, n)
    local z = s:find("\0", 1, true)
    if z then s = s:sub(1, z - 1) end
    return U.printn(s)
end

-- tcpdump's hex_print: 16 bytes a line, each line after ident.
function H.hex(pkt, off, n, ident)
    local s = pkt:sub(off, n)
    local t = {}
    for i = 1, #s, 16 do
        local line = { ident, "0x", hex2[((i - 1) >> 8) & 255], hex2[(i - 1) & 255], ": " }
        local last = math.min(i + 15, #s)
        for j = i, last, 2 do
            if j < last then
                line[#line + 1] = " " .. hex2[s:byte(j)] .. hex2[s:byte(j + 1)]
            else
                line[#line + 1] = " " .. hex2[s:byte(j)]
            end
        end
        t[#t + 1] = table.concat(line)
    end
    out(table.concat(t))
end

function H.mac(pkt, off)
    local b = { pkt:sub(off, 6):byte(1, 6) }
    return U.ether(table.concat({ hex2[b[1]], hex2[b[2]], hex2[b[3]], hex2[b[4]], hex2[b[5]],
        hex2[b[6]] }, ":"))
end

-- "AFI IPv4 (1): 192.0.2.1" for the address family byte and address at off, n bytes in
-- all; nil when too short for its family.
local function netaddr(pkt, off, n)
    if n < 1 then return nil end
    n = n - 1
    local af = pkt:u8(off)
    local a
    if af == 1 then
        if n < 4 then return nil end
        a = U.host(pkt:u8(off + 1) .. "." .. pkt:u8(off + 2) .. "." .. pkt:u8(off + 3) .. "." ..
            pkt:u8(off + 4))
    elseif af == 2 then
        if n < 16 then return nil end
        a = require("tcplua.print.icmp6_nd").addr(pkt, off + 1)
    elseif af == 6 then
        if n < 6 then return nil end
        a = H.mac(pkt, off + 1)
    end
    local s = "AFI " .. (afnames[af] or "Unknown") .. " (" .. af .. ")"
    if not a then return s .. ", no AF printer !" end
    return s .. ": " .. a
end

-- Chassis ID and Port ID: subtype byte and value. Returns ok, hexdump.
local function id_tlv(pkt, p, len, names, macsub, netsub, textsubs)
    if len < 2 then return false end
    local sub = pkt:u8(p)
    out("\n\t  Subtype ", names[sub] or "Unknown", " (", sub, "): ")
    if sub == macsub then
        if len < 7 then return false end
        out(H.mac(pkt, p + 1))
    elseif textsubs[sub] then
        out(H.zp(pkt, p + 1, len - 1))
    elseif sub == netsub then
        local a = netaddr(pkt, p + 1, len - 1)
        if not a then return false end
        out(a)
    else
        return true, true
    end
    return true
end
local chassis_text = { [1] = true, [2] = true, [3] = true, [6] = true, [7] = true }
local port_text = { [1] = true, [2] = true, [5] = true, [6] = true, [7] = true }

local function mgmt_addr(pkt, p, len)
    if len < 1 then return false end
    local alen = pkt:u8(p)
    p, len = p + 1, len - 1
    if len < alen then return false end
    local a = netaddr(pkt, p, alen)
    if not a then return false end
    out("\n\t  Management Address length ", alen, ", ", a)
    p, len = p + alen, len - alen
    if len < 5 then return false end
    local sub = pkt:u8(p)
    out("\n\t  ", intf_sub[sub] or "Unknown", " Interface Numbering (", sub, "): ",
        pkt:u32(p + 1))
    p, len = p + 5, len - 5
    if len > 0 then
        local olen = pkt:u8(p)
        if len < 1 + olen then return false end
        if olen > 0 then out("\n\t  OID length ", olen, H.zp(pkt, p + 1, olen)) end
    end
    return true
end

local org -- tcplua.print.lldp_org, loaded with the first organization-specific TLV

-- One TLV's value at -v. Returns ok (false: tcpdump's " [|lldp]"), hexdump.
local function value(pkt, t, p, len)
    if t == 1 then
        return id_tlv(pkt, p, len, chassis_sub, 4, 5, chassis_text)
    elseif t == 2 then
        return id_tlv(pkt, p, len, port_sub, 3, 4, port_text)
    elseif t == 3 then
        if len < 2 then return false end
        out(": TTL ", pkt:u16(p), "s")
    elseif t == 4 or t == 5 then
        out(": ", H.zp(pkt, p, len))
    elseif t == 6 then
        out("\n\t  ", H.zp(pkt, p, len))
    elseif t == 7 then
        if len < 4 then return false end
        local c, e = pkt:u16(p), pkt:u16(p + 2)
        out("\n\t  System  Capabilities [", H.bits(caps, c, "none"), "] (0x", U.hex4(c), ")")
        out("\n\t  Enabled Capabilities [", H.bits(caps, e, "none"), "] (0x", U.hex4(e), ")")
    elseif t == 8 then
        return mgmt_addr(pkt, p, len)
    elseif t == 127 then
        if len < 3 then return false end
        local oui = (pkt:u8(p) << 16) | pkt:u16(p + 1)
        out(": OUI ", ouinames[oui] or "Unknown", " (0x", hex2[oui >> 16],
            hex2[(oui >> 8) & 255], hex2[oui & 255], ")")
        org = org or require "tcplua.print.lldp_org"
        return true, org.print(pkt, oui, p, len)
    else
        return true, true
    end
    return true
end

-- The TLVs from off to off + len; lim is the end of the captured bytes.
local function tlvs(pkt, off, len, lim)
    local p = off
    while len >= 2 do
        if p + 2 > lim then return false end
        local h = pkt:u16(p)
        local t, tl = h >> 9, h & 0x1ff
        p, len = p + 2, len - 2
        if vflag > 0 then
            out("\n\t", tlvnames[t] or "Unknown", " TLV (", t, "), length ", tl)
        end
        if t == 0 or tl == 0 then break end
        if p + tl > lim or len < tl then return false end
        local hexdump = false
        if vflag > 0 then
            local ok
            ok, hexdump = value(pkt, t, p, tl)
            if not ok then return false end
        elseif t == 5 then
            out(": ", H.zp(pkt, p, tl))
        end
        if vflag > 1 or (vflag > 0 and hexdump) then H.hex(pkt, p, tl, "\n\t  ") end
        p, len = p + tl, len - tl
    end
    return true
end

-- Print the LLDP PDU at pkt.net_off; length = bytes on the wire from there.
function M.print(pkt, length)
    local off = pkt.net_off
    length = length or (pkt.len - off)
    out("LLDP, length ", length)
    local lim = off + length
    if lim > pkt.caplen then lim = pkt.caplen end
    if not tlvs(pkt, off, length, lim) then out(" [|lldp]") end
end

return M
