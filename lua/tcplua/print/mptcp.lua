-- tcplua.print.mptcp: the Multipath TCP option (RFC 8684, RFC 6824 for version 0) inside a
-- TCP option list, as tcpdump 4.99 prints it: " <len> <subtype>" and the subtype's fields.
-- Only reached for option kind 30, so clarity wins over speed here.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out = tcplua.out
local byte, format = string.byte, string.format

local bytes = require "tcplua.print.util"
local be16, be32 = bytes.be16, bytes.be32

local function be64(s, i)
    return (be32(s, i) << 32) | be32(s, i + 4)
end

-- a 64-bit value as unsigned decimal (%PRIu64); Lua integers are signed
local function u64(v)
    if v >= 0 then return v end
    local q = (v >> 1) // 5
    return tostring(q) .. tostring(v - q * 10)
end

local function hexrun(s, i, n)
    local t = {}
    for k = 0, n - 1 do t[k + 1] = U.hex2[byte(s, i + k)] end
    return table.concat(t)
end

-- IPv6 address text of the 16 bytes at i, as inet_ntop writes it (RFC 5952 compression,
-- embedded IPv4 for ::a.b.c.d and ::ffff:a.b.c.d)
local function ip6text(s, i)
    local w = {}
    for k = 0, 7 do w[k] = be16(s, i + 2 * k) end
    local best, blen, cur, clen = -1, 0, -1, 0
    for k = 0, 7 do
        if w[k] == 0 then
            if cur < 0 then cur, clen = k, 1 else clen = clen + 1 end
            if clen > blen then best, blen = cur, clen end
        else
            cur = -1
        end
    end
    if blen < 2 then best = -1 end
    local t = {}
    local k = 0
    while k <= 7 do
        if k == best then
            if k == 0 then t[#t + 1] = ":" end
            t[#t + 1] = ":"
            k = k + blen
        else
            if k == 6 and best == 0 and (blen == 6 or (blen == 5 and w[5] == 0xffff)) then
                t[#t + 1] = byte(s, i + 12) .. "." .. byte(s, i + 13) .. "." .. byte(s, i + 14)
                    .. "." .. byte(s, i + 15)
                break
            end
            t[#t + 1] = format("%x", w[k])
            if k < 7 then t[#t + 1] = ":" end
            k = k + 1
        end
    end
    return table.concat(t)
end

local function capable(s, i, len, flags)
    local syn, ack = flags & 2 ~= 0, flags & 16 ~= 0
    if not (((len == 12 or len == 4) and syn) or ((len == 20 or len == 22) and ack and not syn)) then
        return false
    end
    local ver = byte(s, i + 2) & 15
    if ver > 1 then
        out(" Unknown Version (", ver, ")")
        return true
    end
    out(" v", ver)
    if byte(s, i + 3) & 0x80 ~= 0 then out(" csum") end
    if len == 12 or len >= 20 then
        out(" {0x", format("%x", be64(s, i + 4)))
        if len >= 20 then out(",0x", format("%x", be64(s, i + 12))) end
        out("}")
    end
    if len == 22 then out(" data_len ", be16(s, i + 20)) end
    return true
end

local function join(s, i, len, flags)
    local syn, ack = flags & 2 ~= 0, flags & 16 ~= 0
    if len == 12 and syn and not ack then
        if byte(s, i + 2) & 1 ~= 0 then out(" backup") end
        out(" id ", byte(s, i + 3), " token 0x", format("%x", be32(s, i + 4)),
            " nonce 0x", format("%x", be32(s, i + 8)))
    elseif len == 16 and syn and ack then
        if byte(s, i + 2) & 1 ~= 0 then out(" backup") end
        out(" id ", byte(s, i + 3), " hmac 0x", format("%x", be64(s, i + 4)),
            " nonce 0x", format("%x", be32(s, i + 12)))
    elseif len == 24 and ack and not syn then
        out(" hmac 0x", hexrun(s, i + 4, 20))
    else
        return false
    end
    return true
end

-- One DSS number (8 bytes when wide, else 4) at p of the n bytes left: printed, then the
-- new p and n; nil when the option is too short for it.
local function dss_number(s, p, n, wide)
    if wide then
        if n < 8 then return nil end
        out(u64(be64(s, p)))
        return p + 8, n - 8
    end
    if n < 4 then return nil end
    out(be32(s, p))
    return p + 4, n - 4
end

-- Data Sequence Signal: fields appear one by one, and a short option fails after what was
-- already printed
local function dss(s, i, len, flags)
    if len < 4 or flags & 2 ~= 0 then return false end
    local f = byte(s, i + 3)
    if f & 0x10 ~= 0 then out(" fin") end
    local p, n = i + 4, len - 4
    if f & 0x01 ~= 0 then
        out(" ack ")
        p, n = dss_number(s, p, n, f & 0x02 ~= 0)
        if not p then return false end
    end
    if f & 0x04 ~= 0 then
        out(" seq ")
        p, n = dss_number(s, p, n, f & 0x08 ~= 0)
        if not p then return false end
        if n < 4 then return false end
        out(" subseq ", be32(s, p))
        p, n = p + 4, n - 4
        if n < 2 then return false end
        out(" len ", be16(s, p))
        p, n = p + 2, n - 2
        if n >= 2 then
            out(" csum 0x", format("%x", be16(s, p)))
            n = n - 2
        end
    end
    return n == 0
end

local addr_kind = { [6] = "v0-ip6", [4] = "v0-ip4", [1] = "v1-echo", [0] = "v1" }
local add_lens = { [8] = 4, [10] = 4, [16] = 4, [18] = 4, [20] = 6, [22] = 6, [28] = 6, [30] = 6 }

local function add_addr(s, i, len)
    local fam = add_lens[len]
    if not fam then return false end
    out(" ", addr_kind[byte(s, i + 2) & 15] or "[bad version/echo]", " id ", byte(s, i + 3))
    local p = i + 4
    local alen
    if fam == 4 then
        out(" ", U.host(byte(s, p) .. "." .. byte(s, p + 1) .. "." .. byte(s, p + 2) .. "."
            .. byte(s, p + 3)))
        alen = 4
    else
        out(" ", U.host(ip6text(s, p)))
        alen = 16
    end
    p = p + alen
    -- with a port: 4 + addr + 2 (+ 8 of hmac); without: 4 + addr (+ 8)
    local with_port = (len - 4 - alen) % 8 == 2
    if with_port then
        out(":", be16(s, p))
        p = p + 2
    end
    if len - (p - i) == 8 then out(" hmac 0x", format("%x", be64(s, p))) end
    return true
end

local function rem_addr(s, i, len)
    if len < 4 then return false end
    out(" id")
    for k = i + 3, i + len - 1 do out(" ", byte(s, k)) end
    return true
end

local function prio(s, i, len)
    if len ~= 3 and len ~= 4 then return false end
    out(byte(s, i + 2) & 1 ~= 0 and " backup" or " non-backup")
    if len == 4 then out(" id ", byte(s, i + 3)) end
    return true
end

local function fail(s, i, len)
    if len ~= 12 then return false end
    out(" seq ", u64(be64(s, i + 4)))
    return true
end

local function fast_close(s, i, len)
    if len ~= 12 then return false end
    out(" key 0x", format("%x", be64(s, i + 4)))
    return true
end

local function unknown() return true end

-- subtype -> name, printer; 4.99 knows subtypes 0-7, the rest print "unknown"
local names = { [0] = "capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail",
    "fast-close" }
local printers = { [0] = capable, join, dss, add_addr, rem_addr, prio, fail, fast_close }

-- The MPTCP option whose kind byte is s[i], total length len (all of it captured), in a
-- segment with TCP flags `flags`. Returns false when tcpdump would print "[bad opt]".
function M.print(s, i, len, flags)
    if len < 3 then return false end
    local st = byte(s, i + 2) >> 4
    out(" ", len, " ", names[st] or "unknown")
    return (printers[st] or unknown)(s, i, len, flags)
end

return M
