-- tcplua.print.telnet: telnet commands at the start of a segment (RFC 854 IAC sequences,
-- RFC 855 option negotiation and subnegotiation, RFC 2941 authentication, RFC 2946
-- encryption) as tcpdump 4.99 prints them: " [telnet WILL ECHO, DO NAWS, ...]".
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local hex2 = U.hex2
local byte = string.byte
local xvflag = ((opt.X or 0) ~= 0) and (opt.v or 0) > 2

local IAC, SB, SE = 255, 250, 240
-- commands 236 (EOF) to 255 (IAC)
local cmdnames = {}
for k, name in ipairs({ "EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP",
    "AO", "AYT", "EC", "EL", "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC" }) do
    cmdnames[235 + k] = name
end
local optnames = { [0] = "BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME", "STATUS",
    "TIMING MARK", "RCTE", "NAOL", "NAOP", "NAOCRD", "NAOHTS", "NAOHTD", "NAOFFD", "NAOVTS",
    "NAOVTD", "NAOLFD", "EXTEND ASCII", "LOGOUT", "BYTE MACRO", "DATA ENTRY TERMINAL",
    "SUPDUP", "SUPDUP OUTPUT", "SEND LOCATION", "TERMINAL TYPE", "END OF RECORD",
    "TACACS UID", "OUTPUT MARKING", "TTYLOC", "3270 REGIME", "X.3 PAD", "NAWS", "TSPEED",
    "LFLOW", "LINEMODE", "XDISPLOC", "OLD-ENVIRON", "AUTHENTICATION", "ENCRYPT",
    "NEW-ENVIRON" }
-- names of the first (and for 37, 38 the second) subnegotiation byte
local subcmds = { [0] = "IS", "SEND", "INFO" }
local authcmds = { [0] = "IS", "SEND", "REPLY", "NAME" }
local authtypes = { [0] = "NULL", "KERBEROS_V4", "KERBEROS_V5", "SPX", "MINK", "SRP", "RSA",
    "SSL", [10] = "LOKI", [11] = "SSA", [12] = "KEA_SJ", [13] = "KEA_SJ_INTEG", [14] = "DSS",
    [15] = "NTLM" }
local enccmds = { [0] = "IS", "SUPPORT", "REPLY", "START", "END", "REQUEST-START",
    "REQUEST-END", "END_KEYID", "DEC_KEYID" }
local enctypes = { [0] = "NULL", "DES_CFB64", "DES_OFB64", "DES3_CFB64", "DES3_OFB64",
    [6] = "CAST5_40_CFB64", [7] = "CAST5_40_OFB64", [8] = "CAST128_CFB64",
    [9] = "CAST128_OFB64" }

-- C's "%#x"
local function hexnum(x)
    if x == 0 then return "0" end
    return "0x" .. U.hex(x)
end

-- Thrown when a byte was not captured (tcpdump's longjmp).
local CUT = {}
local function byte_at(p, k)
    local v = byte(p, k)
    if not v then error(CUT, 0) end
    return v
end

-- One command at index o of p (the captured part of the segment: tcpdump never reads past
-- the IP datagram) with len bytes left in the segment. Returns its length in bytes (a
-- subnegotiation counts its IAC SE even past the segment), or nil when it is not a whole
-- command; with emit, prints it. Raises CUT when a byte was not captured.
local function command(p0, o, len, emit)
    local function get(k) return byte_at(p0, k) end
    local put = emit and out or function() end
    if len < 2 or get(o) ~= IAC then return nil end
    local c = get(o + 1)
    if c == IAC then
        put("IAC IAC")
        return 2
    end
    if c < 236 then return nil end
    if c < SB then
        put(cmdnames[c])
        return 2
    end
    if len < 3 then return nil end
    local x = get(o + 2)
    put(cmdnames[c], " ", optnames[x] or hexnum(x))
    if c ~= SB then return 3 end
    -- find IAC SE within the segment (else stop on its last byte, which must be IAC)
    local s, left = o + 3, len - 3
    local p = s
    while left > p + 1 - s do
        if get(p) == IAC and get(p + 1) == SE then break end
        p = p + 1
    end
    if get(p) ~= IAC then return nil end
    local function fetch()
        if left < 1 then return nil end
        left = left - 1
        s = s + 1
        return get(s - 1)
    end
    local names1, names2 = subcmds, nil
    if x == 37 then
        names1, names2 = authcmds, authtypes
    elseif x == 38 then
        names1, names2 = enccmds, enctypes
    end
    for _, names in ipairs({ names1, names2 }) do
        if p <= s then break end
        local v = fetch()
        if not v then return nil end
        put(" ", names[v] or hexnum(v))
    end
    while p > s do
        local v = fetch()
        if not v then return nil end
        put(" ", hexnum(v))
    end
    put(" SE")
    return s + 2 - o
end

-- tcpdump's hex_print_with_offset: "\n0xOOOO: " every 8 pairs, then " xxxx" per pair.
local function hexrun(p, o, n, base)
    local k = 0
    while k + 1 < n do
        if k % 16 == 0 then out("\n0x", U.hex4(base + k), ": ") end
        out(" ", hex2[byte_at(p, o + k)]) -- (tcpdump prints it before reading the next)
        out(hex2[byte_at(p, o + k + 1)])
        k = k + 2
    end
    if n % 2 == 1 then
        if k % 16 == 0 then out("\n0x", U.hex4(base + k), ": ") end
        out(" ", hex2[byte_at(p, o + k)])
    end
end

local function walk(p, len)
    local o = 1
    local first = true
    while len > 0 do
        if byte_at(p, o) ~= IAC then break end
        local l = command(p, o, len, false)
        if not l then break end
        if xvflag then
            if first then out("\nTelnet:") end
            hexrun(p, o, l, o - 1)
            if l > 8 then
                out("\n\t\t\t\t")
            else
                out(string.rep(" ", (8 - l) * 3), "\t")
            end
        else
            out(first and " [telnet " or ", ")
        end
        command(p, o, len, true)
        first = false
        o = o + l
        len = len - l
        if len < 0 then len = len + 0x100000000 end -- tcpdump's unsigned count wraps
    end
    if not first then out(xvflag and "\n" or "]") end
end

-- TCP application interface (tcplua.print.tcp): p holds the captured part of the len
-- bytes of payload.
function M.print(p, len)
    local ok, err = pcall(walk, p, len)
    if not ok then
        if err ~= CUT then error(err, 0) end
        U.trunc("telnet")
    end
end

return M
