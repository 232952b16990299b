-- tcplua.print.tftp: TFTP (RFC 1350; options RFC 2347) as tcpdump 4.99.3 prints it on UDP
-- port 69: "TFTP, length N", the opcode, and the file name, mode and options of requests,
-- the block number of DATA/ACK, or the code and message of an ERROR.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out = tcplua.out
local byte, sub, concat = string.byte, string.sub, table.concat

local s, n = "", 0 -- the message bytes to tcpdump's snapshot end; offsets are 0-based
local JMP = {} -- error value: a read past the captured end (tcpdump's longjmp)
local TRUNC = {} -- error value: a length check failed (tcpdump's "goto trunc")
local buf, nb = {}, 0
local function put(...)
    for i = 1, select("#", ...) do
        nb = nb + 1
        buf[nb] = select(i, ...)
    end
end
local function u16(i)
    if i + 2 > n then error(JMP, 0) end
    local a, b = byte(s, i + 1, i + 2)
    return a << 8 | b
end

local ops = { "RRQ", "WRQ", "DATA", "ACK", "ERROR", "OACK" }
local errs = { [0] = "EUNDEF", "ENOTFOUND", "EACCESS", "ENOSPACE", "EBADOP", "EBADID",
    "EEXISTS", "ENOUSER" }

-- print the NUL-terminated string at i (at most max bytes); the bytes it took with its NUL,
-- or 0 when it has no NUL within max bytes or the captured data
local function ztn(i, max)
    local e = i + max
    if e > n then e = n end
    local z = s:find("\0", i + 1, true)
    local stop = (z and z <= e) and z - 1 or e
    if stop > i then
        local t = sub(s, i + 1, stop)
        if t:find("[^\32-\126]") then t = U.printn(t) end
        put(t)
    end
    if z and z <= e then return z - i end
    return 0
end

-- the option strings of a request or OACK
local function options(i, length)
    while length ~= 0 do
        if i >= n then error(JMP, 0) end
        if byte(s, i + 1) ~= 0 then put(" ") end
        local k = ztn(i, length)
        if k == 0 then error(TRUNC, 0) end
        i, length = i + k, length - k
    end
end

local function tftp(length)
    put("TFTP, length ", length)
    if length < 2 then error(TRUNC, 0) end
    local op = u16(0)
    local name = ops[op]
    if not name then return put(", tftp-#", op) end
    put(", ", name)
    local i = 2
    length = length - 2
    if op == 1 or op == 2 then
        if length == 0 then error(TRUNC, 0) end
        put(" \"")
        local k = ztn(i, length)
        put("\"")
        if k == 0 then error(TRUNC, 0) end
        i, length = i + k, length - k
        if length == 0 then error(TRUNC, 0) end
        put(" ")
        k = ztn(i, length)
        if k == 0 then error(TRUNC, 0) end
        options(i + k, length - k)
    elseif op == 6 then
        options(i, length)
    elseif op == 3 or op == 4 then
        if length < 2 then error(TRUNC, 0) end
        put(" block ", u16(i))
    else
        if length < 2 then error(TRUNC, 0) end
        local c = u16(i)
        put(" ", errs[c] or "tftp-err-#" .. c .. " \"")
        i, length = i + 2, length - 2
        if length == 0 then error(TRUNC, 0) end
        put(" \"")
        local k = ztn(i, length)
        put("\"")
        if k == 0 then error(TRUNC, 0) end
    end
end

-- UDP (tcplua.print.udp's application interface): the message at off, length bytes long
function M.print(pkt, ctx, off, length)
    local lim = ctx.off + ctx.len -- tcpdump's snapshot end stops at the IP datagram's end
    local cap = pkt.caplen
    if cap < lim then lim = cap end
    s = pkt:sub(off, lim - off) or ""
    n = #s
    nb = 0
    local ok, err = pcall(tftp, length)
    s = ""
    if nb > 0 then out(concat(buf, "", 1, nb)) end
    if not ok then
        if err == TRUNC then
            out(" [|tftp]")
        elseif err == JMP then
            U.trunc("tftp")
        else
            error(err, 0)
        end
    end
end

return M
