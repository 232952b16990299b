-- tcplua.print.loopback: the Ethernet Configuration Testing Protocol (ethertype 0x9000, DEC/
-- Intel/Xerox "Ethernet Blue Book" loopback) as tcpdump 4.99 prints it: skip count, then the
-- message it points at (function: reply with receipt number, or forward data to an address).
-- Its 16-bit fields are little-endian.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out = tcplua.out

local function le16(pkt, off)
    local lo, hi = pkt:u8(off), pkt:u8(off + 1)
    if not hi then return nil end
    return lo | (hi << 8)
end

-- Are the n bytes from off captured? Else tcpdump gives up on the packet.
local function have(pkt, off, n)
    if off + n > pkt.caplen then
        U.trunc("loopback")
        return false
    end
    return true
end

local function invalid(pkt, off, len)
    out(" (invalid)")
    have(pkt, off, len)
end

-- The message at off, len bytes left on the wire.
local function message(pkt, off, len)
    if len < 2 then return invalid(pkt, off, len) end
    local fn = le16(pkt, off)
    if not fn then return U.trunc("loopback") end
    off, len = off + 2, len - 2
    if fn == 1 then
        out(", Reply")
        if len < 2 then return invalid(pkt, off, len) end
        local rn = le16(pkt, off)
        if not rn then return U.trunc("loopback") end
        out(", receipt number ", rn, ", data (", len - 2, " octets)")
        have(pkt, off + 2, len - 2)
    elseif fn == 2 then
        out(", Forward Data")
        if len < 6 then return invalid(pkt, off, len) end
        if not have(pkt, off, 6) then return end
        local b = { pkt:sub(off, 6):byte(1, 6) }
        local hex2 = U.hex2
        local a = hex2[b[1]] .. ":" .. hex2[b[2]] .. ":" .. hex2[b[3]] .. ":" .. hex2[b[4]] .. ":"
            .. hex2[b[5]] .. ":" .. hex2[b[6]]
        out(", forwarding address ", U.ether(a), ", data (", len - 6, " octets)")
        have(pkt, off + 6, len - 6)
    else
        out(",  invalid (", fn, ")")
        have(pkt, off, len)
    end
end

-- Network interface: the frame at pkt.net_off, length bytes on the wire.
function M.print(pkt, length)
    local off = pkt.net_off
    out("Loopback")
    if length < 2 then return invalid(pkt, off, length) end
    local skip = le16(pkt, off)
    if not skip then return U.trunc("loopback") end
    off, length = off + 2, length - 2
    out(", skipCount ", skip)
    if skip % 8 ~= 0 then out(" (bogus)") end
    if skip > length then return invalid(pkt, off, length) end
    if not have(pkt, off, skip) then return end
    message(pkt, off + skip, length - skip)
end

return M
