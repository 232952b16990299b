-- tcplua.print.arp: ARP (RFC 826), RARP (RFC 903) and InARP (RFC 2390) as tcpdump 4.99
-- prints them: "ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28", the -v form with
-- hardware/protocol types, non-Ethernet/non-IPv4 forms, and truncation "[|ARP]".
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local eflag = (opt.e or 0) ~= 0 and opt.e ~= false
local host, hex2, hex4 = U.host, U.hex2, U.hex4
local byte = string.byte

local hrdnames = { [1] = "Ethernet", [6] = "TokenRing", [7] = "ArcNet", [15] = "FrameRelay",
    [16] = "ATM", [19] = "ATM", [24] = "IEEE1394", [32] = "InfiniBand", [0x0321] = "Strip" }
local opnames = { "Request", "Reply", "Reverse Request", "Reverse Reply", [8] = "Inverse Request",
    [9] = "Inverse Reply", [10] = "NACK Reply" }
local ptnames = { [0x0800] = "IPv4", [0x86dd] = "IPv6", [0x0806] = "ARP", [0x1000] = "Trail" }

-- A Frame Relay address (Q.922, ITU-T Q.922 section 3.3.2; 2 to 4 bytes, the EA bit ends it)
-- of at most n bytes at s[i..], as tcpdump's q922_string shows it
local function q922(s, i, n)
    local a = byte(s, i)
    if a & 1 == 1 then return "<Invalid DLCI>" end
    if n < 2 then return "<Truncated>" end
    local b = byte(s, i + 1)
    local dlci = ((a & 0xfc) << 2) | ((b & 0xf0) >> 4)
    if b & 1 == 1 then return "DLCI " .. dlci end
    if n < 3 then return "<Truncated>" end
    local c = byte(s, i + 2)
    if c & 1 == 0 then
        -- a 4-byte address: one more byte of DLCI before the last one
        if n < 4 then return "<Truncated>" end
        dlci = (dlci << 7) | (c >> 1)
        c = byte(s, i + 3)
        if c & 1 == 0 then return "<Invalid DLCI>" end
    end
    return "DLCI " .. ((dlci << 6) | (c >> 2))
end

-- hardware address of n bytes at s[i..], colon hex (Q.922 for Frame Relay, fr)
local function linkaddr(s, i, n, fr)
    if n == 0 then return "<empty>" end
    if fr then return q922(s, i, n) end
    local t = {}
    for k = 0, n - 1 do t[k + 1] = hex2[byte(s, i + k)] end
    local a = table.concat(t, ":")
    if n == 6 then return U.ether(a) end
    return a
end

local function isnonzero(s, i, n)
    for k = i, i + n - 1 do
        if byte(s, k) ~= 0 then return true end
    end
    return false
end

-- Print an ARP/RARP packet (from "ARP, " on); length = bytes on the wire.
function M.print(pkt, length)
    local off = pkt.net_off
    length = length or (pkt.len - off)
    local caplen = pkt.caplen - off
    local s = pkt:sub(off, caplen) or ""
    local hrd, pro, hln, pln, op
    if #s >= 8 then
        hrd = (byte(s, 1) << 8) | byte(s, 2)
        pro = (byte(s, 3) << 8) | byte(s, 4)
        hln, pln = byte(s, 5), byte(s, 6)
        op = (byte(s, 7) << 8) | byte(s, 8)
    end
    if not op or #s < 8 + 2 * hln + 2 * pln then
        U.trunc("arp")
        return
    end
    if not eflag then out("ARP, ") end
    local ipv4 = (pro == 0x0800 or pro == 0x1000)
    if not ipv4 or pln ~= 4 or hln == 0 or vflag > 0 then
        out(hrdnames[hrd] or "Unknown Hardware (" .. hrd .. ")", " (len ", hln, "), ",
            ptnames[pro] or "Unknown Protocol (0x" .. hex4(pro) .. ")", " (len ", pln, ")")
        if vflag == 0 then
            out(", length ", length)
            return
        end
    end
    local fr = hrd == 15
    local sha, spa = 9, 9 + hln
    local tha, tpa = spa + pln, spa + pln + hln
    local function paddr(i)
        if not ipv4 then
            out("<wrong proto type>")
        elseif pln ~= 4 then
            out("<wrong len>")
        else
            local a, b, c, d = byte(s, i, i + 3)
            out(host(a .. "." .. b .. "." .. c .. "." .. d))
        end
    end
    out(vflag > 0 and ", " or "", opnames[op] or "Unknown (" .. op .. ")", " ")
    if op == 1 then
        out("who-has ")
        paddr(tpa)
        if isnonzero(s, tha, hln) then out(" (", linkaddr(s, tha, hln, fr), ")") end
        out(" tell ")
        paddr(spa)
    elseif op == 2 then
        paddr(spa)
        out(" is-at ", linkaddr(s, sha, hln, fr))
    elseif op == 3 or op == 8 then
        out("who-is ", linkaddr(s, tha, hln, fr), " tell ", linkaddr(s, sha, hln, fr))
    elseif op == 4 then
        out(linkaddr(s, tha, hln, fr), " at ")
        paddr(tpa)
    elseif op == 9 then
        out(linkaddr(s, sha, hln, fr), " at ")
        paddr(spa)
    else
        out(U.hexascii(s))
        return
    end
    out(", length ", length)
end

return M
