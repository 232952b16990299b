-- tcplua.print.rip: RIP v1 (RFC 1058) and v2 (RFC 2453, authentication RFC 4822) over UDP
-- port 520 as tcpdump 4.99.3 prints it: version and command, with -v every entry (routes,
-- authentication entries), with -vv a hex dump of the message.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local H = require "tcplua.print.rawhex"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local byte, sub, find, rep = string.byte, string.sub, string.find, string.rep
local host = U.host

local commands = { "Request", "Response", "Trace on", "Trace off", "Poll", "Poll Entry" }
-- tcpdump's names for BSD address families
local families = { [2] = "IPv4", [6] = "NS", [7] = "ISO", [16] = "Appletalk", [23] = "IPX",
    [24] = "IPv6", [28] = "IPv6", [30] = "IPv6" }

local s, n = "", 0 -- the message to tcpdump's snapshot end; offsets are 0-based
local JMP = {}     -- error value: a read past the captured end (tcpdump's longjmp)

local function u16(i)
    local a, b = byte(s, i + 1, i + 2)
    return a << 8 | b
end
local function u32(i)
    local a, b, c, d = byte(s, i + 1, i + 4)
    return a << 24 | b << 16 | c << 8 | d
end
local function ip(i)
    local a, b, c, d = byte(s, i + 1, i + 4)
    return host(a .. "." .. b .. "." .. c .. "." .. d)
end
local function hex(i, len, ident)
    out(H.lines(s, i, len, ident))
end

-- prefix length of a contiguous netmask, else -1
local function plen(mask)
    if mask == 0 then return 0 end
    local inv = ~mask & 0xffffffff
    if inv & (inv + 1) ~= 0 then return -1 end
    local l = 32
    while inv ~= 0 do
        l, inv = l - 1, inv >> 1
    end
    return l
end

-- up to len bytes of text at i, stopping at a NUL; reading past the capture is a longjmp
local function zstring(i, len)
    local e = find(s, "\0", i + 1, true)
    local stop = e and e - 1 or n
    if stop > i + len then stop = i + len end
    local t = sub(s, i + 1, stop)
    if find(t, "[^\32-\126]") then t = U.printn(t) end
    out(t)
    if stop < i + len and not e then error(JMP, 0) end
end

-- an RFC 1058 entry at p; returns its size, 0 when cut short
local function entry_v1(p, remaining)
    if remaining < 20 or p + 20 > n then return 0 end
    local family = u16(p)
    if family ~= 2 and family ~= 0 then
        out("\n\t AFI ", families[family] or "Unknown (" .. family .. ")", ", ")
        hex(p + 4, 16, "\n\t  ")
    elseif u16(p + 2) ~= 0 or u32(p + 8) ~= 0 or u32(p + 12) ~= 0 then
        hex(p, 20, "\n\t  ") -- must-be-zero fields that are not
    else
        out(family == 0 and "\n\t  AFI 0, " or "\n\t  ", ip(p + 4), ", metric: ", u32(p + 16))
    end
    return 20
end

local function auth_v2(p, remaining)
    local atype = u16(p + 2)
    p, remaining = p + 4, remaining - 4
    if atype == 2 then
        out("\n\t  Simple Text Authentication data: ")
        zstring(p, 16)
    elseif atype == 3 then
        if p + 16 > n or remaining < 16 then return 0 end
        out("\n\t  Auth header: Packet Len ", u16(p), ", Key-ID ", byte(s, p + 3),
            ", Auth Data Len ", byte(s, p + 4), ", SeqNo ", u32(p + 4), ", MBZ ", u32(p + 8),
            ", MBZ ", u32(p + 12))
    else
        -- the trailer, or an unknown type, runs to the end of the message
        if atype == 1 then
            out("\n\t  Auth trailer:")
        else
            out("\n\t  Unknown (", atype, ") Authentication data:")
        end
        hex(p, remaining, "\n\t  ")
        return 4 + remaining
    end
    return 20
end

-- an RFC 2453 entry at p; returns its size, 0 when cut short
local function entry_v2(p, remaining)
    if remaining < 4 or p + 4 > n then return 0 end
    local family = u16(p)
    if family == 0xffff then return auth_v2(p, remaining) end
    if family ~= 2 and family ~= 0 then
        out("\n\t  AFI ", families[family] or "Unknown (" .. family .. ")")
        hex(p + 4, 16, "\n\t  ")
        return 20
    end
    if p + 20 > n or remaining < 20 then return 0 end
    local a = ip(p + 4)
    local l = tostring(plen(u32(p + 8)))
    out("\n\t  AFI ", family == 2 and "IPv4" or "0", ", ", rep(" ", 15 - #a), a, "/", l,
        #l < 2 and " " or "", ", tag 0x", U.hex4(u16(p + 2)), ", metric: ", u32(p + 16),
        ", next-hop: ", u32(p + 12) ~= 0 and ip(p + 12) or "self")
    return 20
end

local function entries(entry, len)
    local p = 4
    while len ~= 0 do
        local size = entry(p, len)
        if size == 0 then
            out(" [|rip]")
            return
        end
        if len < size then
            out(" [remaining entries length ", len, " < ", size, "] (invalid)")
            return
        end
        p, len = p + size, len - size
    end
end

local function message(length)
    local len = n < length and n or length
    if len < 4 then return out(" [|rip]") end
    local cmd, vers = byte(s, 1, 2)
    out(vflag >= 1 and "\n\tRIPv" or "RIPv", vers)
    if vers == 0 then return hex(0, length, "\n\t") end
    out(", ", commands[cmd] or "unknown command (" .. cmd .. ")", ", length: ", length)
    if vflag < 1 then return end
    if cmd == 1 or cmd == 2 then
        if vers == 1 then
            out(", routes: ", length // 20)
            entries(entry_v1, len - 4)
        elseif vers == 2 then
            out(", routes: ", length // 20, " or less")
            entries(entry_v2, len - 4)
        else
            out(", unknown version")
        end
    elseif cmd < 4 or cmd > 6 then
        if vflag <= 1 then hex(0, length, "\n\t") end
    end
    if vflag > 1 then hex(0, length, "\n\t") end
end

-- UDP application interface (tcplua.print.udp): the message at off, length bytes long.
function M.print(pkt, ctx, off, length)
    s = H.bytes(pkt, ctx, off)
    n = #s
    local ok, err = pcall(message, length)
    s = ""
    if not ok then
        if err ~= JMP then error(err, 0) end
        U.trunc("rip")
    end
end

return M
