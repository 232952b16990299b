-- tcplua.print.ipx: Novell IPX headers (30 bytes: checksum, length, transport control, type,
-- destination and source network.node.socket) as tcpdump 4.99 prints them, with the RIP
-- request/response summary and the socket-name forms of the other well-known sockets.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local eflag = (opt.e or 0) ~= 0 and opt.e ~= false
local hex2, hex4 = U.hex2, U.hex4

-- "%08x.<MAC>": network number and node address at off
local function addr(pkt, off)
    local b = { pkt:sub(off, 10):byte(1, 10) }
    return table.concat({ hex2[b[1]], hex2[b[2]], hex2[b[3]], hex2[b[4]], ".", hex2[b[5]], ":",
        hex2[b[6]], ":", hex2[b[7]], ":", hex2[b[8]], ":", hex2[b[9]], ":", hex2[b[10]] })
end

local function hex(n)
    return string.format("%x", n)
end

-- RIP on socket 0x0453: request (one entry) or response (up to 50 entries of 8 bytes)
local function rip(pkt, off, length)
    local cmd = pkt:u16(off)
    if not cmd then return U.trunc("ipx") end
    off, length = off + 2, length - 2
    if cmd ~= 1 and cmd ~= 2 then
        out("ipx-rip-?", hex(cmd))
        return
    end
    out(cmd == 1 and "ipx-rip-req" or "ipx-rip-resp")
    local n = cmd == 1 and 1 or 50
    local i = 0
    while i < n and length ~= 0 do
        local netnum, hops, ticks = pkt:u32(off), pkt:u16(off + 4), pkt:u16(off + 6)
        if not ticks then return U.trunc("ipx") end
        out(" ", hex2[netnum >> 24], hex2[(netnum >> 16) & 255], hex2[(netnum >> 8) & 255],
            hex2[netnum & 255], "/", hops, ".", ticks)
        off, length, i = off + 8, length - 8, i + 1
        if length < 0 then length = length + (1 << 32) end
    end
end

local sockets = { [0x0451] = "ipx-ncp ", [0x0455] = "ipx-netbios ", [0x0456] = "ipx-diags ",
    [0x0553] = "ipx-nwlink-dgm " }

-- Print the IPX packet at off (length bytes on the wire, unused: the header's length rules).
function M.print(pkt, off)
    if not eflag then out("IPX ") end
    local sskt, dskt = pkt:u16(off + 28), pkt:u16(off + 16)
    if not sskt then return U.trunc("ipx") end
    out(addr(pkt, off + 18), ".", hex4(sskt), " > ", addr(pkt, off + 6), ".", hex4(dskt), ": ")
    local length = pkt:u16(off + 2)
    if length < 30 then
        out("[length ", length, " < 30] (invalid)")
        return
    end
    length = length - 30
    local name = sockets[dskt]
    if name then
        out(name, length)
    elseif dskt == 0x0453 then
        rip(pkt, off + 30, length)
    else
        out("ipx-#", hex(dskt), " ", length)
    end
end

return M
