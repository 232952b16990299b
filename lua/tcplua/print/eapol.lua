-- tcplua.print.eapol: IEEE 802.1X EAPOL frames (ethertype 0x888e) and the EAP packets they
-- carry (RFC 3748; TLS RFC 5216, TTLS RFC 5281, FAST RFC 4851, SIM/AKA RFC 4186/4187) as
-- tcpdump 4.99 prints them: the EAPOL header, at -v the EAP code, id and type.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local hex2 = U.hex2

local frametypes = { [0] = "EAP packet", "EAPOL start", "EAPOL logoff", "EAPOL key",
    "Encapsulated ASF alert" }
local codes = { "Request", "Response", "Success", "Failure" }
local eaptypes = { [0] = "No proposed", "Identity", "Notification", "Nak", "MD5-challenge",
    "OTP", "GTC", [13] = "TLS", [18] = "SIM", [21] = "TTLS", [23] = "AKA", [43] = "FAST",
    [254] = "Expanded types", [255] = "Experimental" }
local akasub = { "Challenge", "Auth reject", [4] = "Sync failure", [5] = "Identity",
    [10] = "Start", [11] = "Challenge", [12] = "Notification", [13] = "Reauth",
    [14] = "Client error" }

local function tlsflags(f)
    local t = {}
    if f & 0x80 ~= 0 then t[#t + 1] = "L bit" end
    if f & 0x40 ~= 0 then t[#t + 1] = "More fragments bit" end
    if f & 0x20 ~= 0 then t[#t + 1] = "Start bit" end
    return #t == 0 and "none" or table.concat(t, ", ")
end

-- Text of n bytes at p up to the first NUL, escaped as tcpdump prints it.
local function text(pkt, p, n)
    local s = pkt:sub(p, n)
    local z = s:find("\0", 1, true)
    if z then s = s:sub(1, z - 1) end
    return U.printn(s)
end

-- TLS, TTLS and FAST: version, flags and the optional message length.
local function tls(pkt, p, len, sub, what)
    if len < 6 then
        out(" (too short for EAP ", what, " request/response)")
        return
    end
    local f = pkt:u8(p + 5)
    if sub == 21 then out(" TTLSv", f & 7) elseif sub == 43 then out(" FASTv", f & 7) end
    out(" flags [", tlsflags(f), "] 0x", hex2[f])
    if f & 0x80 ~= 0 then
        if len < 10 then
            out(" (too short for EAP ", what, " request/response with length)")
            return
        end
        out(", len ", pkt:u32(p + 6))
    end
end

-- The type-specific part of a request or response (p at the EAP header, len its length).
local function reqresp(pkt, p, len)
    local sub = pkt:u8(p + 4)
    out("\n\t\t Type ", eaptypes[sub] or "unknown", " (", sub, ")")
    if sub == 1 then
        if len > 5 then out(", Identity: ", text(pkt, p + 5, len - 5)) end
    elseif sub == 2 then
        if len < 6 then
            out(" (too short for EAP Notification request/response)")
            return
        end
        out(", Notification: ", text(pkt, p + 5, len - 5))
    elseif sub == 3 then
        if len < 6 then
            out(" (too short for EAP Legacy NAK request/response)")
            return
        end
        local sep = ""
        for i = 5, len - 1 do
            local t = pkt:u8(p + i)
            out(sep, " ", eaptypes[t] or "unknown", " (", t, ")")
            sep = ","
        end
    elseif sub == 13 or sub == 21 then
        tls(pkt, p, len, sub, "TLS/TTLS")
    elseif sub == 43 then
        tls(pkt, p, len, sub, "FAST")
    elseif sub == 18 or sub == 23 then
        if len < 6 then
            out(" (too short for EAP SIM/AKA request/response)")
            return
        end
        local s = pkt:u8(p + 5)
        out(" subtype [", akasub[s] or "unknown", "] 0x", hex2[s])
    end
end

-- The EAP packet at p, length bytes per the EAPOL header. Returns false when cut short so
-- that tcpdump gives up on the packet (its hex dump then covers the whole frame), "soft"
-- when it notices the cut with a bounds check.
local function eap(pkt, p, length, lim)
    if p + 4 > lim then return false end
    local code, len = pkt:u8(p), pkt:u16(p + 2)
    if len ~= length then
        out("EAP fragment?")
        return true
    end
    out(codes[code] or "unknown", " (", code, "), id ", pkt:u8(p + 1), ", len ", len)
    if len < 4 then
        out(" (too short for EAP header)")
        return true
    end
    if p + len > lim then return "soft" end
    if code == 1 or code == 2 then
        if len < 5 then
            out(" (too short for EAP request/response)")
            return true
        end
        reqresp(pkt, p, len)
    end
    return true
end

-- Print the EAPOL frame at pkt.net_off; length = bytes on the wire from there.
function M.print(pkt, length)
    local off = pkt.net_off
    length = length or (pkt.len - off)
    local lim = off + length
    if lim > pkt.caplen then lim = pkt.caplen end
    if off + 4 > lim then
        out(" [|eap]")
        return
    end
    local t, elen = pkt:u8(off + 1), pkt:u16(off + 2)
    out(frametypes[t] or "unknown", " (", t, ") v", pkt:u8(off), ", len ", elen)
    if vflag < 1 or t ~= 0 then return end
    if elen == 0 then
        out(" [|eap]")
        return
    end
    out(", ")
    local r = eap(pkt, off + 4, elen, lim)
    if r == "soft" then
        out(" [|eap]")
    elseif not r then
        U.trunc("eap")
    end
end

return M
