-- Shared by the UDP application printers of group 3 (syslog, RIP, RADIUS, SNMP): tcpdump's
-- print_unknown_data, hex lines "<ident>0x0010:  0102 0304 ..." without ASCII, over a
-- string of captured bytes.
local U = require "tcplua.print.util"

local M = {}
local hex2, byte, concat = U.hex2, string.byte, table.concat

-- The text for the bytes i+1 .. i+n of s (n cut to what s holds), each line after ident.
function M.lines(s, i, n, ident)
    if i + n > #s then n = #s - i end
    local t, k = {}, 0
    local j = 0
    while j < n do
        if j % 16 == 0 then
            k = k + 1
            t[k] = ident .. "0x" .. hex2[(j >> 8) & 255] .. hex2[j & 255] .. ": "
        end
        k = k + 1
        if j + 1 < n then
            local a, b = byte(s, i + j + 1, i + j + 2)
            t[k] = " " .. hex2[a] .. hex2[b]
            j = j + 2
        else
            t[k] = " " .. hex2[byte(s, i + j + 1)]
            j = j + 1
        end
    end
    return concat(t)
end

-- The captured bytes from off to the end of the IP datagram the UDP context ctx describes
-- (tcpdump's snapshot end), as a string.
function M.bytes(pkt, ctx, off)
    local lim = ctx.off + ctx.len
    local cap = pkt.caplen
    if cap < lim then lim = cap end
    if lim <= off then return "" end
    return pkt:sub(off, lim - off) or ""
end

return M
