-- tcplua.print.syslog: BSD syslog (RFC 3164) over UDP port 514 as tcpdump 4.99.3 prints it:
-- the <PRI> part as facility and severity; with -v the message text, with -vv also a hex
-- dump of the whole datagram.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local H = require "tcplua.print.rawhex"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local byte, sub, find = string.byte, string.sub, string.find

local severities = { [0] = "emergency", "alert", "critical", "error", "warning", "notice",
    "info", "debug" }
local facilities = { [0] = "kernel", "user", "mail", "daemon", "auth", "syslog", "lpr",
    "news", "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "cron",
    "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7" }

local function name(t, v)
    return t[v] or "unknown (" .. v .. ")"
end

-- UDP application interface (tcplua.print.udp): the message at off, length bytes long.
function M.print(pkt, ctx, off, length)
    local s = H.bytes(pkt, ctx, off)
    local n = #s
    if n < 1 then return U.trunc("syslog") end
    if byte(s, 1) ~= 60 then return out(" (invalid)") end -- '<'
    local i, pri = 1, 0 -- i: 0-based offset of the next byte
    while true do
        if i >= n then return U.trunc("syslog") end
        local c = byte(s, i + 1)
        if i > 3 or c < 48 or c > 57 then break end
        pri = pri * 10 + c - 48
        i = i + 1
    end
    if byte(s, i + 1) ~= 62 then return out(" (invalid)") end -- '>'
    i = i + 1
    local fac, sev = (pri & 0x3f8) >> 3, pri & 7
    if vflag < 1 then
        out("SYSLOG ", name(facilities, fac), ".", name(severities, sev), ", length: ", length)
        return
    end
    out("SYSLOG, length: ", length, "\n\tFacility ", name(facilities, fac), " (", fac,
        "), Severity ", name(severities, sev), " (", sev, ")\n\tMsg: ")
    if i < length then
        local e = length
        if e > n then e = n end
        local t = sub(s, i + 1, e)
        if find(t, "[^\32-\126]") then t = U.printn(t) end
        out(t)
        if length > n then return U.trunc("syslog") end
    end
    if vflag > 1 then out(H.lines(s, 0, length, "\n\t")) end
end

return M
