-- tcplua.print.ntp: NTP (RFC 5905; v2 RFC 1119, v3 RFC 1305; mode 6 control messages,
-- draft-ietf-ntp-mode-6-cmds) as tcpdump 4.99.3 prints it on UDP port 123: version, mode
-- and length, and with -v the header fields, timestamps and control message fields.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local byte, sub, fmt, concat = string.byte, string.sub, string.format, table.concat
local floor = math.floor
local vflag = opt.v or 0

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
local function u8(i)
    if i >= n then error(JMP, 0) end
    return byte(s, i + 1)
end
local function s8(i)
    local v = u8(i)
    return v >= 128 and v - 256 or v
end
local function u16(i)
    if i + 2 > n then error(JMP, 0) end
    local a, b = byte(s, i + 1, i + 2)
    return a << 8 | b
end
local function u32(i)
    if i + 4 > n then error(JMP, 0) end
    local a, b, c, d = byte(s, i + 1, i + 4)
    return a << 24 | b << 16 | c << 8 | d
end
local function check(i, len)
    if i + len > n then error(TRUNC, 0) end
end

local modes = { [0] = "unspecified", "symmetric active", "symmetric passive", "Client",
    "Server", "Broadcast", "Control Message", "Reserved" }
local leaps = { [0] = "", [0x40] = "+1s", [0x80] = "-1s", [0xc0] = "clock unsynchronized" }

-- a 32-bit binary fraction in billionths, as tcpdump computes it in double precision
local function nanos(f)
    return floor(f / 4294967296.0 * 1000000000.0)
end

-- a 64-bit NTP timestamp at i: seconds.fraction and the UTC date (era 0)
local function timestamp(i)
    local sec, f = u32(i), u32(i + 4)
    put(sec, ".", fmt("%09d", nanos(f)))
    if sec ~= 0 then
        put(" (", os.date("!%Y-%m-%dT%H:%M:%SZ", sec - 2208988800), ")")
    end
end

-- the difference between the timestamps at o (older) and i, signed
local function delta(o, i)
    local u, uf, ou, ouf = u32(i), u32(i + 4), u32(o), u32(o + 4)
    if ou == 0 and ouf == 0 then return timestamp(i) end
    local neg, d, f
    if u > ou then
        neg, d, f = false, u - ou, (uf - ouf) & 0xffffffff
        if ouf > uf then d = d - 1 end
    elseif u < ou then
        neg, d, f = true, ou - u, (ouf - uf) & 0xffffffff
        if uf > ouf then d = d - 1 end
    else
        d = 0
        if uf > ouf then
            neg, f = false, uf - ouf
        else
            neg, f = true, ouf - uf
        end
    end
    put(neg and "-" or "+", d, ".", fmt("%09d", nanos(f)))
end

-- a 16.16 fixed-point number at i (root delay and dispersion)
local function sfix(i)
    local a, f = u16(i), u16(i + 2)
    put(a, ".", fmt("%06d", floor(f / 65536.0 * 1000000.0)))
end

local function refid(stratum)
    check(12, 4)
    put(", Reference-ID: ")
    if stratum == 0 then
        put("(unspec)")
    elseif stratum == 1 then
        put(U.printn(sub(s, 13, 16)))
    elseif stratum == 62 or stratum == 63 then
        local a, b, c, d = byte(s, 13, 16)
        put(U.host(a .. "." .. b .. "." .. c .. "." .. d),
            stratum == 62 and " INFO_QUERY" or " INFO_REPLY")
        return true
    else
        put("0x", fmt("%08x", u32(12)))
    end
end

local function digest(len)
    local t = {}
    for k = 0, len - 4, 4 do t[#t + 1] = fmt("%08x", u32(52 + k)) end
    put("\n\tAuthentication: ", concat(t))
end

local function timemsg(length)
    if length < 48 then
        put(" (invalid)")
        return check(0, length)
    end
    local stratum = u8(1)
    put(", Stratum ", stratum, " (", stratum == 0 and "unspecified" or stratum == 1 and
        "primary reference" or (stratum <= 15 and "secondary reference" or "reserved"), ")")
    local poll = s8(2)
    put(", poll ", poll)
    if poll > -32 and poll < 32 then
        if poll >= 0 then put(" (", 1 << poll, "s)") else put(" (1/", 1 << -poll, "s)") end
    end
    put(", precision ", s8(3))
    check(4, 4)
    put("\n\tRoot Delay: ")
    sfix(4)
    check(8, 4)
    put(", Root dispersion: ")
    sfix(8)
    if refid(stratum) then return end
    local names = { "Reference Timestamp:  ", "Originator Timestamp: ",
        "Receive Timestamp:    ", "Transmit Timestamp:   " }
    for k = 1, 4 do
        check(8 + 8 * k, 8)
        put("\n\t  ", names[k])
        timestamp(8 + 8 * k)
    end
    put("\n\t    Originator - Receive Timestamp:  ")
    delta(24, 32)
    put("\n\t    Originator - Transmit Timestamp: ")
    delta(24, 40)
    if length == 52 then
        put("\n\tKey id: ", u32(48))
    elseif length == 68 or length == 72 then
        put("\n\tKey id: ", u32(48))
        check(52, length - 52)
        digest(length - 52)
    elseif length > 48 then
        put("\n\t(", length - 48, " more bytes after the header)")
    end
end

local function control(length)
    if length < 12 then
        put(" (invalid)")
        return check(0, length)
    end
    local c = u8(1)
    put(", ", c & 0x80 ~= 0 and "Response" or "Request", ", ", c & 0x40 ~= 0 and "Error" or "OK",
        ", ", c & 0x20 ~= 0 and "More" or "Last", ", OpCode=", c & 0x1f, "\n")
    put("\tSequence=", u16(2))
    local st = u16(4)
    put(", Status=", st == 0 and "0" or fmt("%#x", st))
    put(", Assoc.=", u16(6))
    put(", Offset=", u16(8))
    local count = u16(10)
    put(", Count=", count)
    if 12 + count > length then
        put(" (invalid)")
        return check(0, length)
    end
    if count ~= 0 then
        check(12, count)
        put("\n\tTO-BE-DONE: data not interpreted")
    end
end

local function ntp(length)
    local st = u8(0)
    put("NTPv", (st & 0x38) >> 3)
    local mode = st & 7
    put(", ", modes[mode], ", length ", length)
    if vflag == 0 then return end
    put("\n\tLeap indicator: ", leaps[st & 0xc0], " (", st & 0xc0, ")")
    if mode <= 5 then
        timemsg(length)
    elseif mode == 6 then
        control(length)
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
    local ok, err = pcall(ntp, length)
    s = ""
    if nb > 0 then out(concat(buf, "", 1, nb)) end
    if not ok then
        if err == TRUNC then
            out(" [|ntp]")
        elseif err == JMP then
            U.trunc("ntp")
        else
            error(err, 0)
        end
    end
end

return M
