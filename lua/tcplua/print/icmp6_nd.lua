-- tcplua.print.icmp6_nd: helpers of the ICMPv6 printer: IPv6 address text from packet bytes,
-- Neighbor Discovery options (RFC 4861, RDNSS/DNSSL RFC 8106, route info RFC 4191, Mobile
-- IPv6 RFC 6275) and MLD messages (RFC 2710 v1, RFC 3810 v2) as tcpdump 4.99 prints them.
local tcplua = require("tcplua")
local icmp = require("tcplua.print.icmp")

local out = tcplua.out
local host = tcplua.host
local opt = tcplua.opt
local HEX2 = icmp.HEX2
local hex_lines = icmp.hex_lines

local M = {}

-- Text of a 16-bit group without leading zeros (%x).
local HEXW = setmetatable({}, {
    __index = function(t, w)
        local s = string.format("%x", w)
        t[w] = s
        return s
    end,
})

-- RFC 5952 text of 16 address bytes (the longest run of two or more zero groups becomes
-- "::", the first one on ties; ::a.b.c.d and ::ffff:a.b.c.d keep the dotted quad).
local function ntop6(w)
    local best, blen, cur, clen = 0, 0, 0, 0
    for i = 1, 8 do
        if w[i] == 0 then
            if clen == 0 then cur = i end
            clen = clen + 1
            if clen > blen then best, blen = cur, clen end
        else
            clen = 0
        end
    end
    if blen < 2 then best = 0 end
    local parts = {}
    local i = 1
    while i <= 8 do
        if i == best then
            parts[#parts + 1] = (i == 1) and ":" or ""
            i = i + blen
            if i > 8 then parts[#parts + 1] = "" end
        else
            if i == 7 and best == 1 and (blen == 6 or (blen == 5 and w[6] == 0xffff)) then
                parts[#parts + 1] = (w[7] >> 8) .. "." .. (w[7] & 0xff) .. "." .. (w[8] >> 8)
                    .. "." .. (w[8] & 0xff)
                break
            end
            parts[#parts + 1] = HEXW[w[i]]
            i = i + 1
        end
    end
    return table.concat(parts, ":")
end

local cache, ncache = {}, 0
-- Name (or text under -n) of the IPv6 address at off; caller checked 16 bytes are there.
local function addr(pkt, off)
    local key = pkt:sub(off, 16)
    local s = cache[key]
    if not s then
        local w = {}
        for i = 1, 8 do
            w[i] = pkt:u16(off + 2 * i - 2)
        end
        s = host(ntop6(w))
        if ncache > 4096 then cache, ncache = {}, 0 end
        cache[key] = s
        ncache = ncache + 1
    end
    return s
end
M.addr = addr

local OPTNAME = {
    [1] = "source link-address", [2] = "destination link-address", [3] = "prefix info",
    [4] = "redirected header", [5] = "mtu", [7] = "advertisement interval",
    [8] = "homeagent information", [24] = "route info", [25] = "rdnss", [31] = "dnssl",
}

local RTPREF = { [0] = "medium", "high", "rsv", "low" }
M.RTPREF = RTPREF

local function lifetime(t)
    if t == 0xffffffff then return "infinity" end
    return t .. "s"
end

local function pi_flags(f)
    local s = ""
    if f & 0x80 ~= 0 then s = "onlink" end
    if f & 0x40 ~= 0 then s = (s == "" and "auto") or (s .. ", auto") end
    if f & 0x20 ~= 0 then s = (s == "" and "router") or (s .. ", router") end
    return s == "" and "none" or s
end

-- Domain names of a DNSSL option: labels each followed by "."; returns false if cut short.
local function dnssl(pkt, p, e, lim)
    while p < e do
        if p + 1 > lim then return false end
        local n = pkt:u8(p)
        if n == 0 then return true end
        out(" ")
        while n ~= 0 do
            if n >= 0xc0 or p + 1 + n + 1 > lim then return false end
            out(pkt:sub(p + 1, n), ".")
            p = p + 1 + n
            n = pkt:u8(p)
        end
        p = p + 1
    end
    return true
end

-- The body of one option (the part after "length L (N): "); false when cut short.
-- start: first byte of all options (tcpdump dumps from there for a redirected header).
local function opt_body(pkt, t, p, olen, start, lim)
    if t == 1 or t == 2 then
        local n = olen * 8 - 2
        local s = {}
        for i = 1, n do s[i] = HEX2[pkt:u8(p + 1 + i)] end
        out(table.concat(s, ":"))
    elseif t == 3 then
        if p + 32 > lim then return false end
        out(addr(pkt, p + 16), "/", pkt:u8(p + 2), olen ~= 4 and "badlen" or "", ", Flags [",
            pi_flags(pkt:u8(p + 3)), "], valid time ", lifetime(pkt:u32(p + 4)))
        out(", pref. time ", lifetime(pkt:u32(p + 8)))
    elseif t == 4 then
        local n = olen * 8
        if start + n > lim then n = lim - start end
        hex_lines(pkt, start, n, "\n\t    ")
    elseif t == 5 then
        out(" ", pkt:u32(p + 4), olen ~= 1 and "bad option length" or "")
    elseif t == 7 then
        out(" ", pkt:u32(p + 4), "ms")
    elseif t == 8 then
        out(" preference ", pkt:u16(p + 4), ", lifetime ", pkt:u16(p + 6))
    elseif t == 24 then
        local pfx
        if olen == 1 then
            pfx = host("::")
        elseif olen == 2 then
            pfx = host(ntop6({ pkt:u16(p + 8), pkt:u16(p + 10), pkt:u16(p + 12),
                pkt:u16(p + 14), 0, 0, 0, 0 }))
        elseif olen == 3 then
            pfx = addr(pkt, p + 8)
        else
            return false
        end
        out(" ", pfx, "/", pkt:u8(p + 2))
        out(", pref=", RTPREF[(pkt:u8(p + 3) >> 3) & 3])
        out(", lifetime=", lifetime(pkt:u32(p + 4)))
    elseif t == 25 then
        out(" lifetime ", pkt:u32(p + 4), "s,")
        for i = 0, (olen - 1) // 2 - 1 do
            out(" addr: ", addr(pkt, p + 8 + 16 * i))
        end
    elseif t == 31 then
        out(" lifetime ", pkt:u32(p + 4), "s, domain(s):")
        if not dnssl(pkt, p + 8, p + olen * 8, lim) then return false end
    else
        return nil -- unknown
    end
    return true
end

-- ND options from p for resid bytes. Returns false when the capture ran out.
function M.options(pkt, p, resid, lim)
    local v = opt.v
    local start = p
    while p < lim do
        if p + 2 > lim then return false end
        if resid <= 0 then return true end
        local t, olen = pkt:u8(p), pkt:u8(p + 1)
        if olen == 0 or p + olen * 8 > lim then return false end
        out("\n\t  ", OPTNAME[t] or "unknown", " option (", t, "), length ", olen * 8, " (", olen,
            "): ")
        local ok = opt_body(pkt, t, p, olen, start, lim)
        if ok == false then return false end
        if ok == nil and v <= 1 then
            hex_lines(pkt, p + 2, olen * 8 - 2, "\n\t  ")
            return true
        end
        if v > 1 then hex_lines(pkt, p + 2, olen * 8 - 2, "\n\t    ") end
        p = p + olen * 8
        resid = resid - olen * 8
    end
    return true
end

-- MLDv1 (also the 24-byte query): prints nothing when the message is short.
function M.mld1(pkt, b, lim)
    if b + 24 > lim then return end
    out("max resp delay: ", pkt:u16(b + 4), " ")
    out("addr: ", addr(pkt, b + 8))
end

local REPORT = { "is_in", "is_ex", "to_in", "to_ex", "allow", "block" }

-- MLDv2 report (RFC 3810 5.2); false when cut short.
function M.mld2_report(pkt, b, len, lim)
    if len < 8 then
        out(" [invalid len ", len, "]")
        return true
    end
    if b + 8 > lim then return false end
    local ngroups = pkt:u16(b + 6)
    out(", ", ngroups, " group record(s)")
    local v = opt.v
    if v == 0 then return true end
    local g = 8
    for _ = 1, ngroups do
        if len < g + 20 then
            out(" [invalid number of groups]")
            return true
        end
        if b + g + 20 > lim then return false end
        out(" [gaddr ", addr(pkt, b + g + 4))
        local rt = pkt:u8(b + g)
        out(" ", REPORT[rt] or (" [v2-report-#" .. rt .. "]"))
        local nsrcs = pkt:u16(b + g + 2)
        if len < g + 20 + nsrcs * 16 then
            out(" [invalid number of sources ", nsrcs, "]")
            return true
        end
        if v == 1 then
            out(", ", nsrcs, " source(s)")
        else
            out(" {")
            for j = 0, nsrcs - 1 do
                local a = b + g + 20 + j * 16
                if a + 16 > lim then return false end
                out(" ", addr(pkt, a))
            end
            out(" }")
        end
        g = g + 20 + nsrcs * 16
        out("]")
    end
    return true
end

-- MLDv2 query (RFC 3810 5.1), after " v2"; false when cut short.
function M.mld2_query(pkt, b, len, lim)
    if len < 28 then
        out(" [invalid len ", len, "]")
        return true
    end
    local v = opt.v
    if b + 6 > lim then return false end
    local mrc = pkt:u16(b + 4)
    local mrt = mrc
    if mrc >= 32768 then
        mrt = ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3)
    end
    if v > 0 then out(" [max resp delay=", mrt, "]") end
    if b + 24 > lim then return false end
    out(" [gaddr ", addr(pkt, b + 8))
    if v > 0 then
        if b + 26 > lim then return false end
        local f = pkt:u8(b + 24)
        if f & 0x08 ~= 0 then out(" sflag") end
        local qqi = pkt:u8(b + 25)
        if qqi & 0x80 ~= 0 then
            qqi = ((qqi & 0x0f) | 0x10) << (((qqi & 0x70) >> 4) + 3)
        end
        out(" robustness=", f & 0x07, " qqi=", qqi)
    end
    if b + 28 > lim then return false end
    local nsrcs = pkt:u16(b + 26)
    if nsrcs > 0 then
        if len < 28 + nsrcs * 16 then
            out(" [invalid number of sources]")
        elseif v > 1 then
            out(" {")
            for i = 0, nsrcs - 1 do
                local a = b + 28 + i * 16
                if a + 16 > lim then return false end
                out(" ", addr(pkt, a))
            end
            out(" }")
        else
            out(", ", nsrcs, " source(s)")
        end
    end
    out("]")
    return true
end

return M
