-- tcplua.print.radius: RADIUS (RFC 2865, accounting RFC 2866, dynamic authorization
-- RFC 5176) over UDP ports 1812/1813 and 1645/1646 as tcpdump 4.99.3 prints it: the code and
-- id, with -v the authenticator and every attribute, with -vv a hex dump of each value.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local H = require "tcplua.print.rawhex"
local T = require "tcplua.print.radius_tables"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local byte, sub, find, format = string.byte, string.sub, string.find, string.format
local hex2, host = U.hex2, U.host
local ip6text = require("tcplua.print.dns_tables").ip6text

local s, n = "", 0 -- the message to tcpdump's snapshot end; offsets are 0-based
local JMP = {}     -- error value: a read past the captured end (tcpdump's longjmp)

local function need(i, len)
    if i + len > n then error(JMP, 0) end
end
local function u8(i)
    need(i, 1)
    return byte(s, i + 1)
end
local function u16(i)
    need(i, 2)
    local a, b = byte(s, i + 1, i + 2)
    return a << 8 | b
end
local function u24(i)
    need(i, 3)
    local a, b, c = byte(s, i + 1, i + 3)
    return a << 16 | b << 8 | c
end
local function u32(i)
    need(i, 4)
    local a, b, c, d = byte(s, i + 1, i + 4)
    return a << 24 | b << 16 | c << 8 | d
end
local function trunc()
    out(" [|radius]")
end

-- tcpdump's printing of bytes as they are, control and 8-bit bytes escaped
local function printn(i, len)
    local t = sub(s, i + 1, i + len)
    if find(t, "[^\32-\126]") then t = U.printn(t) end
    out(t)
    if i + len > n then error(JMP, 0) end
end
-- printable ASCII as it is, anything else as '.'
local function dotted(i, len, stop_at_nul)
    local t = sub(s, i + 1, i + len)
    if stop_at_nul then
        local z = find(t, "\0", 1, true)
        if z then t = sub(t, 1, z - 1) end
    end
    out((t:gsub("[^\32-\126]", ".")))
end
-- len bytes as upper-case hex, each read on its own (a cut stops it midway)
local function hexup(i, len)
    for k = i, i + len - 1 do out(format("%02X", u8(k))) end
end

-- NTP timestamp (RFC 5905): seconds.nanoseconds and, when not zero, the UTC date
local function ntp_time(i)
    local sec, frac = u32(i), u32(i + 4)
    out(sec, ".", format("%09d", math.floor(frac / 4294967296.0 * 1000000000.0)))
    if sec ~= 0 then out(" (", os.date("!%Y-%m-%dT%H:%M:%SZ", sec - 2208988800), ")") end
end

local eap = require("tcplua.print.radius_eap")

-- value printers by kind: f(i, len, t); len > 0
local value = {}
value.s = function(i, len, t)
    if i + len > n then return trunc() end
    if t == 69 then -- Tunnel-Password (RFC 2868 3.5)
        if len < 3 then return trunc() end
        local tag = byte(s, i + 1)
        out(tag ~= 0 and tag <= 0x1f and "Tag[" .. tag .. "] " or "Tag[Unused] ",
            "Salt ", u16(i + 1), " ")
        i, len = i + 3, len - 3
    elseif t == 66 or t == 67 or t == 81 or t == 82 or t == 90 or t == 91 then
        local tag = byte(s, i + 1)
        if tag <= 0x1f then
            out(tag ~= 0 and "Tag[" .. tag .. "] " or "Tag[Unused] ")
            i, len = i + 1, len - 1
        end
    elseif t == 58 then -- Egress-VLAN-Name (RFC 4675)
        local tag = byte(s, i + 1)
        out(tag == 0x31 and "Tagged" or tag == 0x32 and "Untagged" or "Unknown tag",
            " (0x", hex2[tag], ") ")
        i, len = i + 1, len - 1
    elseif t == 79 then
        return eap(s, n, i, len, JMP)
    end
    dotted(i, len, true)
end

local function timeout(v)
    if v < 60 then
        out(format("%02d secs", v))
    elseif v < 3600 then
        out(format("%02d:%02d min", v // 60, v % 60))
    else
        out(format("%02d:%02d:%02d hours", v // 3600, v % 3600 // 60, v % 60))
    end
end
local timeouts = { [27] = true, [28] = true, [41] = true, [46] = true, [85] = true }

value.n = function(i, len, t)
    if len ~= 4 then return out("ERROR: length ", len, " != 4") end
    local names = T.values[t]
    if names then
        local v
        if t == 64 or t == 65 then -- tagged (RFC 2868)
            local tag = u8(i)
            out(tag == 0 and "Tag[Unused] " or "Tag[" .. tag .. "] ")
            v = u24(i + 1)
        else
            v = u32(i)
        end
        out(names[v] or "#" .. v)
    elseif timeouts[t] then
        timeout(u32(i))
    elseif t == 23 then
        local v = u32(i)
        out(v == 0xfffffffe and "NAS Select" or v)
    elseif t == 37 or t == 38 then
        local v = u32(i)
        out(v ~= 0 and v or t == 37 and "Unnumbered" or "NAS assigned")
    elseif t == 83 or t == 56 then
        local tag = u8(i)
        if t == 83 then
            out(tag ~= 0 and "Tag[" .. tag .. "] " or "Tag[Unused] ")
        else
            out(tag == 0x31 and "Tagged" or tag == 0x32 and "Untagged" or "Unknown tag",
                " (0x", hex2[tag], ") ")
        end
        out(u24(i + 1))
    else
        out(u32(i))
    end
end

value.a = function(i, len, t)
    if len ~= 4 then return out("ERROR: length ", len, " != 4") end
    local v = u32(i)
    if (t == 8 or t == 14) and v >= 0xfffffffe then
        out(v == 0xffffffff and "User Selected" or "NAS Select")
    else
        local a, b, c, d = byte(s, i + 1, i + 4)
        out(host(a .. "." .. b .. "." .. c .. "." .. d))
    end
end

value["6"] = function(i, len)
    if len ~= 16 then return out("ERROR: length ", len, " != 16") end
    need(i, 16)
    out(host(ip6text(sub(s, i + 1, i + 16))))
end

value.p = function(i, len) -- IPv6 prefix (RFC 3162 2.3)
    if len < 2 or len > 18 then return out("ERROR: length ", len, " not in range (2..18)") end
    if i + len > n then return trunc() end
    local plen = byte(s, i + 2)
    if plen > 128 then return out("ERROR: netmask ", plen, " not in range (0..128)") end
    local a = sub(s, i + 3, i + len)
    out(host(ip6text(a .. string.rep("\0", 16 - #a))), "/", plen)
    if plen > 8 * (len - 2) then out(" (inconsistent prefix length)") end
end

value.h = function(i, len) -- MIP6-Home-Link-Prefix (RFC 5447)
    if len ~= 17 then return out("ERROR: length ", len, " != 17") end
    if i + len > n then return trunc() end
    local plen = byte(s, i + 1)
    if plen > 128 then return out("ERROR: netmask ", plen, " not in range (0..128)") end
    out(host(ip6text(sub(s, i + 2, i + 17))), "/", plen)
end

value.o = function(i, len) -- Operator-Name (RFC 5580 4.1)
    if i + len > n then return trunc() end
    if len < 2 then return out("ERROR: length ", len, " < 2") end
    local ns = byte(s, i + 1)
    out("[", T.operator_ns[ns] or "unknown namespace " .. ns, "] ")
    printn(i + 1, len - 1)
end

value.l = function(i, len) -- Location-Information (RFC 5580 4.2)
    if i + len > n then return trunc() end
    if len < 21 then return out("ERROR: length ", len, " < 21") end
    local code, entity = byte(s, i + 3, i + 4)
    out("index ", u16(i), ", code ",
        code == 0 and "Civic" or code == 1 and "Geospatial" or "Unknown (" .. code .. ")",
        ", entity ",
        entity == 0 and "User" or entity == 1 and "RADIUS" or "Unknown (" .. entity .. ")",
        ", sighting time ")
    ntp_time(i + 4)
    out(", time to live ")
    ntp_time(i + 12)
    out(", method \"")
    printn(i + 20, len - 20)
    out("\"")
end

value.d = function(i, len) -- Location-Data (RFC 5580 4.3)
    if i + len > n then return trunc() end
    if len < 3 then return out("ERROR: length ", len, " < 3") end
    out("index ", u16(i), ", location")
    out((U.hexascii(sub(s, i + 3, i + len)):gsub("\n\t0x", "\n\t    0x")))
end

value.b = function(i, len) -- Basic-Location-Policy-Rules (RFC 5580 4.4)
    if i + len > n then return trunc() end
    if len < 10 then return out("ERROR: length ", len, " < 10") end
    local flags, names = u16(i), {}
    for bit = 0, 15 do
        if flags & (1 << bit) ~= 0 then
            names[#names + 1] = bit == 15 and "Retransmission Allowed" or "MBZ-" .. 15 - bit
        end
    end
    out("flags [", #names > 0 and table.concat(names, ", ") or "none",
        "], retention expires ")
    ntp_time(i + 2)
    if len > 10 then
        out(", note well \"")
        printn(i + 10, len - 10)
        out("\"")
    end
end

value.t = function(i, len)
    if len ~= 4 then return out("ERROR: length ", len, " != 4") end
    out(os.date("%a %b %e %H:%M:%S %Y", u32(i)))
end

value["8"] = function(i, len) -- MIP6-Feature-Vector (RFC 5447 4.2.5)
    if len ~= 8 then return out("ERROR: length ", len, " != 8") end
    out("[")
    local v = u32(i) << 32 | u32(i + 4)
    local sep = ""
    for _, b in ipairs(T.mip6_bits) do
        if v & b[1] ~= 0 then
            out(sep, b[2])
            sep = ", "
        end
    end
    out("]")
end

value.x = function(i, len, t)
    if t == 70 then -- ARAP-Password (RFC 2869 5.4)
        if len ~= 16 then return out("ERROR: length ", len, " != 16") end
        out("User_challenge (")
        hexup(i, 8)
        out(") User_resp(")
        hexup(i + 8, 8)
        out(")")
    elseif t == 71 then -- ARAP-Features
        if len ~= 14 then return out("ERROR: length ", len, " != 14") end
        out(u8(i) ~= 0 and "User can change password" or "User cannot change password")
        out(", Min password length: ", u8(i + 1), ", created at: ")
        hexup(i + 2, 4)
        out(", expires in: ")
        hexup(i + 6, 4)
        out(", Current Time: ")
        hexup(i + 10, 4)
    elseif t == 84 then -- ARAP-Challenge-Response
        if len < 8 then return out("ERROR: length ", len, " != 8") end
        hexup(i, 8)
    else -- Error-Cause (RFC 5176 3.5)
        if len ~= 4 then return out("Error: length ", len, " != 4") end
        local v = u32(i)
        out("Error cause ", v, ": ", T.error_causes[v] or "Error-Cause " .. v .. " not known")
    end
end

value.v = function(i, len) -- Vendor-Specific (RFC 2865 5.26)
    if len < 4 then return trunc() end
    local id = u32(i)
    out("Vendor: ", T.vendors[id] or "Unknown", " (", id, ")")
    i, len = i + 4, len - 4
    while len >= 2 do
        local vt, vl = u8(i), u8(i + 1)
        if vl < 2 then
            return out("\n\t    Vendor Attribute: ", vt, ", Length: ", vl, " (bogus, must be >= 2)")
        end
        if vl > len then
            return out("\n\t    Vendor Attribute: ", vt, ", Length: ", vl,
                " (bogus, goes past end of vendor-specific attribute)")
        end
        i, vl, len = i + 2, vl - 2, len - 2
        if i + vl > n then return trunc() end
        out("\n\t    Vendor Attribute: ", vt, ", Length: ", vl, ", Value: ")
        dotted(i, vl)
        i, len = i + vl, len - vl
    end
end

local function attributes(i, length)
    while length > 0 do
        if length < 2 or i + 2 > n then return trunc() end
        local t, len = byte(s, i + 1, i + 2)
        out("\n\t  ", t ~= 0 and T.attrs[t] or "Unknown", " Attribute (", t, "), length: ", len)
        if len < 2 then return out(" (bogus, must be >= 2)") end
        if len > length then return out(" (bogus, goes past end of packet)") end
        out(", Value: ")
        local kind = T.kinds[t]
        if kind and len > 2 then
            local f = value[kind]
            if f then f(i + 2, len - 2, t) end
        end
        if vflag > 1 then out(H.lines(s, i + 2, len - 2, "\n\t    ")) end
        length, i = length - len, i + len
    end
end

local function message(length)
    if n < 20 then return trunc() end
    local code, id = byte(s, 1, 2)
    local len = u16(2)
    if len < 20 then return trunc() end
    if len > length then len = length end
    local name = T.codes[code] or "Unknown Command"
    if vflag < 1 then
        out("RADIUS, ", name, " (", code, "), id: 0x", hex2[id], " length: ", len)
        return
    end
    out("RADIUS, length: ", len, "\n\t", name, " (", code, "), id: 0x", hex2[id],
        ", Authenticator: ", U.hexstr(sub(s, 5, 20)))
    if len > 20 then attributes(20, len - 20) end
end

-- UDP application interface (tcplua.print.udp): the message at off, length bytes long.
function M.print(pkt, ctx, off, length)
    s = H.bytes(pkt, ctx, off)
    n = #s
    local ok, err = pcall(message, length)
    s = ""
    if not ok then
        if err ~= JMP then error(err, 0) end
        U.trunc("radius")
    end
end

return M
