-- tcplua.print.txtproto: the line-oriented text protocols as tcpdump 4.99 prints them:
-- "PROTO: first line", or under -v "PROTO, length: N" and every text line. HTTP (RFC 9112),
-- RTSP (RFC 2326), SIP (RFC 3261), FTP (RFC 959), SMTP (RFC 5321) and WHOIS (RFC 3912).
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out = tcplua.out
local vflag = tcplua.opt.v or 0
local byte, sub, find, upper = string.byte, string.sub, string.find, string.upper
local nottext = tcplua.nottext -- find(p, "[^\t\32-\126]", i), in C
local outsub = tcplua.outsub -- out(prefix, sub(p, i, j)) without the substring

-- One line from index i of p (the captured part of a message of len bytes). Prints
-- prefix and the line and returns the index after its end (LF or CR LF); returns nil when
-- the line holds a byte that is not printable text or a tab (nothing printed), when it
-- has no end within len (printed, marked cut), or when the capture ends inside it.
local function line(p, i, len, prefix, proto)
    local cap = #p
    local lim = len < cap and len or cap
    local j = nottext(p, i)
    if not j or j > lim then
        if len > cap then
            U.trunc(proto)
        else
            outsub(prefix, p, i, len)
            out(" [|", proto, "]")
        end
        return nil
    end
    local c = byte(p, j)
    if c == 10 then
        outsub(prefix, p, i, j - 1)
        return j + 1
    elseif c == 13 then
        if j >= len then return nil end -- the CR is the last byte
        if j + 1 > cap then
            U.trunc(proto)
            return nil
        end
        if byte(p, j + 1) == 10 then
            outsub(prefix, p, i, j - 1)
            return j + 2
        end
    end
    return nil
end
M.line = line

-- The token at i (printable ASCII up to a blank, tab or line end; at most 127 bytes) and
-- the index after the blanks that follow it (a tab stops that skip: it is not printable);
-- nil when there is none, or when a byte is not printable or was not captured.
local function token(p, i, len)
    local cap = #p
    local j = i
    while j <= len do
        if j > cap then return nil end
        local c = byte(p, j)
        if c == 32 or c == 9 or c == 13 or c == 10 then break end
        if c < 33 or c > 126 or j - i >= 127 then return nil end
        j = j + 1
    end
    if j == i then return nil end
    local t = sub(p, i, j - 1)
    while j <= len and j <= cap and byte(p, j) == 32 do j = j + 1 end
    return t, j
end

-- Is p a request (its first token one of cmds, in any case) or a response (its second
-- token three digits)?
local function is_message(p, len, cmds)
    local t, j = token(p, 1, len)
    if not t then return false end
    if cmds[upper(t)] then return true end
    local t2 = token(p, j, len)
    return t2 ~= nil and find(t2, "^%d%d%d$") ~= nil
end

-- Print a message of len bytes whose captured part is the string p, as protocol `name`
-- (lower case; printed in capitals). With cmds, only requests and responses print lines.
function M.print(p, len, name, cmds)
    out(upper(name))
    if cmds and not is_message(p, len, cmds) then return end
    if vflag > 0 then
        out(", length: ", len)
        local i = 1
        while i and i <= len do i = line(p, i, len, "\n\t", name) end
    else
        line(p, 1, len, ": ", name)
    end
end

local function set(s)
    local t = {}
    for w in s:gmatch("%S+") do t[w] = true end
    return t
end

M.http_cmds = set("OPTIONS GET HEAD POST PUT DELETE TRACE CONNECT PROPFIND PROPPATCH MKCOL "
    .. "COPY MOVE LOCK UNLOCK")
M.rtsp_cmds = set("DESCRIBE ANNOUNCE GET_PARAMETER OPTIONS PAUSE PLAY RECORD REDIRECT SETUP "
    .. "SET_PARAMETER TEARDOWN")
M.sip_cmds = set("ACK BYE CANCEL DO INFO INVITE MESSAGE NOTIFY OPTIONS PRACK QAUTH REFER "
    .. "REGISTER SPRACK SUBSCRIBE UPDATE PUBLISH")

-- TCP application printers (see tcplua.print.tcp): p, len as above (bytes past the IP
-- datagram are never read: tcpdump limits its reads to it); they print after ": ".
function M.http(p, len) M.print(p, len, "http", M.http_cmds) end
function M.rtsp(p, len) M.print(p, len, "rtsp", M.rtsp_cmds) end
function M.ftp(p, len) M.print(p, len, "ftp") end
function M.smtp(p, len) M.print(p, len, "smtp") end
function M.whois(p, len) M.print(p, len, "whois") end

-- BEEP (RFC 3080) on port 10288: tcpdump names the frame by its first four bytes (its
-- "MSG" and "END" tests take the string's terminating NUL for the fourth byte).
local beep_kinds = { ["MSG\0"] = "MSG", ["RPY "] = "RPY", ["ERR "] = "ERR", ["ANS "] = "ANS",
    ["NUL "] = "NUL", ["SEQ "] = "SEQ", ["END\0"] = "END" }
function M.beep(p)
    local k = #p >= 4 and beep_kinds[sub(p, 1, 4)]
    out(" BEEP ", k or "(payload or undecoded)")
end

-- The SSH version line (RFC 4253 4.2): ": SSH: SSH-2.0-..." when the segment starts with a
-- whole printable line; nothing otherwise. The first four bytes are read even past a
-- shorter segment (tcpdump does), so that one ends in " [|ssh]".
function M.ssh(p, len)
    for k = 1, 4 do
        local c = byte(p, k)
        if not c then return U.trunc("ssh") end
        if c ~= byte("SSH-", k) then return end
    end
    local cap = #p
    local j = find(p, "[^\32-\126]", 5)
    if not j then
        if len > cap then U.trunc("ssh") end
        return
    end
    local c = byte(p, j)
    if c == 13 then
        if j >= len then return end
        if j + 1 > cap then return U.trunc("ssh") end
        if byte(p, j + 1) ~= 10 then return end
    elseif c ~= 10 then
        return
    end
    out(": SSH: ", sub(p, 1, j - 1))
end

return M
