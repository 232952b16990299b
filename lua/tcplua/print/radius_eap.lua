-- EAP (RFC 3748) packets inside RADIUS EAP-Message attributes (RFC 3579), printed as
-- tcpdump 4.99.3's eap_print does: code, id, length, and the method type with its first
-- fields (identity, notification, NAK list, TLS/TTLS/FAST flags, SIM/AKA subtype).
local tcplua = require "tcplua"
local T = require "tcplua.print.radius_tables"
local U = require "tcplua.print.util"

local out = tcplua.out
local byte, sub, find = string.byte, string.sub, string.find
local hex2 = U.hex2

local tls_flags = { { 0x80, "L bit" }, { 0x40, "More fragments bit" }, { 0x20, "Start bit" } }
local function flags(v)
    local t = {}
    for _, f in ipairs(tls_flags) do
        if v & f[1] ~= 0 then t[#t + 1] = f[2] end
    end
    return #t > 0 and table.concat(t, ", ") or "none"
end

-- Print the EAP packet of len bytes at i of s (n bytes captured); reads past n raise jmp.
return function(s, n, i, len, jmp)
    local function u8(k)
        if k >= n then error(jmp, 0) end
        return byte(s, k + 1)
    end
    local code = u8(i)
    local elen = u8(i + 2) << 8 | u8(i + 3)
    if elen ~= len then return out("EAP fragment?") end
    out(T.eap_codes[code] or "unknown", " (", code, "), id ", u8(i + 1), ", len ", elen)
    if elen < 4 then return out(" (too short for EAP header)") end
    if code ~= 1 and code ~= 2 then return end
    if elen < 5 then return out(" (too short for EAP request/response)") end
    local typ = u8(i + 4)
    out("\n\t\t Type ", T.eap_types[typ] or "unknown", " (", typ, ")")
    local function text(label)
        out(label)
        local t = sub(s, i + 6, i + elen)
        local z = find(t, "\0", 1, true)
        if z then t = sub(t, 1, z - 1) end
        if find(t, "[^\32-\126]") then t = U.printn(t) end
        out(t)
    end
    if typ == 1 then
        if elen > 5 then text(", Identity: ") end
    elseif typ == 2 then
        if elen < 6 then
            return out(" (too short for EAP Notification request/response)")
        end
        text(", Notification: ")
    elseif typ == 3 then
        if elen < 6 then return out(" (too short for EAP Legacy NAK request/response)") end
        local sep = ""
        for k = i + 5, i + elen - 1 do
            local v = u8(k)
            out(sep, " ", T.eap_types[v] or "unknown", " (", v, ")")
            sep = ","
        end
    elseif typ == 13 or typ == 21 or typ == 43 then
        local what = typ == 43 and "FAST" or "TLS/TTLS"
        if elen < 6 then
            return out(" (too short for EAP ", what, " request/response)")
        end
        local f = u8(i + 5)
        if typ == 21 then out(" TTLSv", f & 7) elseif typ == 43 then out(" FASTv", f & 7) end
        out(" flags [", flags(f), "] 0x", hex2[f])
        if f & 0x80 ~= 0 then
            if elen < 10 then
                return out(" (too short for EAP ", what, " request/response with length)")
            end
            out(", len ", u8(i + 6) << 24 | u8(i + 7) << 16 | u8(i + 8) << 8 | u8(i + 9))
        end
    elseif typ == 18 or typ == 23 then
        if elen < 6 then return out(" (too short for EAP SIM/AKA request/response)") end
        local st = u8(i + 5)
        out(" subtype [", T.eap_aka[st] or "unknown", "] 0x", hex2[st])
    end
end
