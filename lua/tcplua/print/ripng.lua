-- tcplua.print.ripng: RIPng (RFC 2080) over UDP port 521 as tcpdump 4.99.3 prints it:
-- requests (a whole-table request as "dump") and responses with their route table entries,
-- one per line with -vv.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local H = require "tcplua.print.rawhex"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local byte, sub = string.byte, string.sub
local host = U.host
local ip6text = require("tcplua.print.dns_tables").ip6text

local s, n = "", 0 -- the message to tcpdump's snapshot end; offsets are 0-based
local JMP = {}     -- error value: a read past the captured end (tcpdump's longjmp)

local function get(i)
    if i >= n then error(JMP, 0) end
    return byte(s, i + 1)
end

-- the route table entry at i (RFC 2080 2.1)
local function entry(i, with_metric)
    local plen = get(i + 18)
    out(host(ip6text(sub(s, i + 1, i + 16))), "/", plen)
    local tag = get(i + 16) << 8 | get(i + 17)
    if tag ~= 0 then out(" [", tag, "]") end
    local metric = get(i + 19)
    if metric ~= 0 and with_metric then out(" (", metric, ")") end
end

local function message(length)
    local vers = get(1)
    if vers ~= 1 then return out(" [vers ", vers, "] (invalid)") end
    local cmd = get(0)
    if cmd ~= 1 and cmd ~= 2 then return out(" ripng-", cmd, " ?? ", length, " (invalid)") end
    if length < 4 then return out(" (invalid)") end
    local left = length - 4
    local j = left // 20
    if cmd == 1 and j == 1 and get(23) == 16 and sub(s, 5, 20) == string.rep("\0", 16) then
        return out(" ripng-req dump")
    end
    out(cmd == 1 and " ripng-req " or " ripng-resp ", j)
    if j * 20 ~= left then out("[", length, "]") end
    out(":")
    local i = 4
    while left >= 20 do
        out(vflag > 1 and "\n\t" or " ")
        entry(i, cmd == 2)
        i, left = i + 20, left - 20
    end
    if left ~= 0 then out(" (invalid)") end
end

-- UDP application interface (tcplua.print.udp): the message at off, length bytes long.
function M.print(pkt, ctx, off, length)
    s = H.bytes(pkt, ctx, off)
    n = #s
    local ok, err = pcall(message, length)
    s = ""
    if not ok then
        if err ~= JMP then error(err, 0) end
        U.trunc("ripng")
    end
end

return M
