-- tcplua.print.icmp: the ICMPv4 printer (RFC 792; address mask RFC 950; router discovery
-- RFC 1256; multi-part extensions RFC 4884 with MPLS objects RFC 4950), printing what follows
-- "IP src > dst: " the way tcpdump 4.99 does, including the quoted packet of errors at -v.
local tcplua = require("tcplua")
local U = require("tcplua.print.util")

local out = tcplua.out
local host = tcplua.host
local port = tcplua.port
local opt = tcplua.opt

local M = {}

-- "%02x" for every byte value, built once so hot paths need no string.format.
local HEX2 = {}
for i = 0, 255 do
    HEX2[i] = string.format("%02x", i)
end
M.HEX2 = HEX2

-- Appends tcpdump's hex_print lines ("<ident>0x0010:  0102 0304 ...") for n bytes at off.
local function hex_lines(pkt, off, n, ident)
    local i = 0
    while i < n do
        if i % 16 == 0 then
            out(ident, "0x", HEX2[(i >> 8) & 0xff], HEX2[i & 0xff], ": ")
        end
        if i + 1 < n then
            out(" ", HEX2[pkt:u8(off + i)], HEX2[pkt:u8(off + i + 1)])
            i = i + 2
        else
            out(" ", HEX2[pkt:u8(off + i)])
            i = i + 1
        end
    end
end
M.hex_lines = hex_lines

-- Dotted IPv4 text of the 4 bytes at off (caller checked they were captured).
local function ip4(pkt, off)
    return host(pkt:u8(off) .. "." .. pkt:u8(off + 1) .. "." .. pkt:u8(off + 2) .. "."
        .. pkt:u8(off + 3))
end

local UNREACH = {
    [0] = "net %s unreachable",
    [1] = "host %s unreachable",
    [5] = "%s unreachable - source route failed",
    [6] = "net %s unreachable - unknown",
    [7] = "host %s unreachable - unknown",
    [8] = "%s unreachable - source host isolated",
    [9] = "net %s unreachable - admin prohibited",
    [10] = "host %s unreachable - admin prohibited",
    [11] = "net %s unreachable - tos prohibited",
    [12] = "host %s unreachable - tos prohibited",
    [13] = "host %s unreachable - admin prohibited filter",
    [14] = "host %s unreachable - host precedence violation",
    [15] = "host %s unreachable - precedence cutoff",
}
-- Split each format around "%s" so the address is spliced in by concatenation.
local UNREACH_PRE, UNREACH_POST = {}, {}
for code, fmt in pairs(UNREACH) do
    local a, b = fmt:match("^(.-)%%s(.*)$")
    UNREACH_PRE[code], UNREACH_POST[code] = a, b
end

local REDIRECT = {
    [0] = { "redirect ", " to net " },
    [1] = { "redirect ", " to host " },
    [2] = { "redirect-tos ", " to net " },
    [3] = { "redirect-tos ", " to host " },
}

local SIMPLE = {
    [4] = "source quench",
    [10] = "router solicitation",
    [15] = "information request",
    [16] = "information reply",
    [17] = "address mask request",
}

-- Error types carry the offending packet after the 8-byte header.
local ERRTYPE = { [3] = true, [4] = true, [5] = true, [11] = true, [12] = true }
-- Types that may carry RFC 4884 extensions tcpdump decodes.
local EXTTYPE = { [3] = true, [11] = true, [12] = true }

-- Zero-padded decimal text of n in w digits (w is 2 or 3).
local function pad(n, w)
    if n < 10 then
        return (w == 3 and "00" or "0") .. n
    elseif w == 3 and n < 100 then
        return "0" .. n
    end
    return tostring(n)
end

-- "hh:mm:ss.mmm" of milliseconds since midnight (hours may exceed 23).
local function tstamp(ms)
    local sec = ms // 1000
    local min = sec // 60
    local hrs = min // 60
    return pad(hrs, 2) .. ":" .. pad(min % 60, 2) .. ":" .. pad(sec % 60, 2) .. "."
        .. pad(ms % 1000, 3)
end

-- Router advertisement lifetime: s, m:ss or h:mm:ss.
local function lifetime(t)
    if t < 60 then
        return tostring(t)
    elseif t < 3600 then
        return string.format("%d:%02d", t // 60, t % 60)
    end
    return string.format("%d:%02d:%02d", t // 3600, (t % 3600) // 60, t % 60)
end

-- Text for a destination unreachable; nil when a needed byte was not captured.
-- b: first byte of the ICMP header, lim: end of what may be read.
local function unreach(pkt, code, b, lim)
    local q = b + 8
    if code == 2 then
        if q + 20 > lim then return nil end
        return ip4(pkt, q + 16) .. " protocol " .. pkt:u8(q + 9) .. " unreachable"
    elseif code == 3 then
        if q + 10 > lim then return nil, true end
        if q + 20 > lim then return nil end
        local hl = (pkt:u8(q) & 0x0f) * 4
        if q + hl + 4 > lim then return nil end
        local dport = pkt:u16(q + hl + 2)
        local proto = pkt:u8(q + 9)
        if proto == 6 then
            return ip4(pkt, q + 16) .. " tcp port " .. port(dport, "tcp") .. " unreachable"
        elseif proto == 17 then
            return ip4(pkt, q + 16) .. " udp port " .. port(dport, "udp") .. " unreachable"
        end
        return ip4(pkt, q + 16) .. " protocol " .. proto .. " port " .. dport .. " unreachable"
    elseif code == 4 then
        if q + 20 > lim then return nil end
        local mtu = pkt:u16(b + 6)
        if mtu ~= 0 then
            return ip4(pkt, q + 16) .. " unreachable - need to frag (mtu " .. mtu .. ")"
        end
        return ip4(pkt, q + 16) .. " unreachable - need to frag"
    end
    if q + 20 > lim then return nil end
    local pre = UNREACH_PRE[code]
    if pre then
        return pre .. ip4(pkt, q + 16) .. UNREACH_POST[code]
    end
    return ip4(pkt, q + 16) .. " unreachable - #" .. code
end

local function router_advert(pkt, b, lim)
    if b + 8 > lim then return nil, true end
    local num, size = pkt:u8(b + 4), pkt:u8(b + 5)
    local s = "router advertisement lifetime " .. lifetime(pkt:u16(b + 6)) .. " " .. num .. ":"
    if size ~= 2 then
        return s .. " [size " .. size .. "]"
    end
    local p = b + 8
    for _ = 1, num do
        if p + 8 > lim then return nil, true end
        s = s .. " {" .. ip4(pkt, p) .. " " .. pkt:u32(p + 4) .. "}"
        p = p + 8
    end
    return s
end

-- The text after "ICMP ", or nil when the packet is cut short; then a second value true
-- when tcpdump notices it with a bounds check (its hex dump starts after the link
-- header as usual) rather than by giving up on the whole packet (U.trunc).
local function describe(pkt, t, code, b, lim)
    if t == 8 or t == 0 then
        if b + 8 > lim then return nil end
        return (t == 8 and "echo request, id " or "echo reply, id ") .. pkt:u16(b + 4)
            .. ", seq " .. pkt:u16(b + 6)
    elseif t == 3 then
        return unreach(pkt, code, b, lim)
    elseif t == 5 then
        if b + 28 > lim then return nil end
        local r = REDIRECT[code]
        if r then
            return r[1] .. ip4(pkt, b + 24) .. r[2] .. ip4(pkt, b + 4)
        end
        return "redirect-#" .. code .. " " .. ip4(pkt, b + 24) .. " to " .. ip4(pkt, b + 4)
    elseif t == 9 then
        return router_advert(pkt, b, lim)
    elseif t == 11 then
        if b + 28 > lim then return nil, true end
        if code == 0 then
            return "time exceeded in-transit"
        elseif code == 1 then
            return "ip reassembly time exceeded"
        end
        return "time exceeded-#" .. code
    elseif t == 12 then
        if code ~= 0 then
            return "parameter problem - code " .. code
        end
        if b + 5 > lim then return nil end
        return "parameter problem - octet " .. pkt:u8(b + 4)
    elseif t == 13 then
        if b + 8 > lim then return nil end
        return "time stamp query id " .. pkt:u16(b + 4) .. " seq " .. pkt:u16(b + 6)
    elseif t == 14 then
        if b + 20 > lim then return nil, true end
        return "time stamp reply id " .. pkt:u16(b + 4) .. " seq " .. pkt:u16(b + 6)
            .. ": org " .. tstamp(pkt:u32(b + 8)) .. ", recv " .. tstamp(pkt:u32(b + 12))
            .. ", xmit " .. tstamp(pkt:u32(b + 16))
    elseif t == 18 then
        if b + 12 > lim then return nil end
        return string.format("address mask is 0x%08x", pkt:u32(b + 8))
    end
    return SIMPLE[t] or ("type-#" .. t)
end

-- One's-complement sum of n bytes at off (n may be odd).
local function sum16(pkt, off, n)
    local s = 0
    local e = off + n - 1
    for i = off, e - 1, 2 do
        s = s + pkt:u16(i)
    end
    if n % 2 == 1 then
        s = s + (pkt:u8(e) << 8)
    end
    while s > 0xffff do
        s = (s & 0xffff) + (s >> 16)
    end
    return s
end

local EXT_OBJ = {
    [1] = "MPLS Stack Entry",
    [2] = "Interface Identification",
    [3] = "Interface Identification",
}

-- RFC 4884 extension structure, 128 bytes after the ICMP header's end. Returns false when
-- the capture ran out (the caller then prints the truncation mark).
local function extensions(pkt, b, plen, lim)
    if b + 141 > lim then return false end
    local x = b + 136
    local hlen = plen - 136
    local whole = x + hlen <= lim
    if pkt:u8(b + 5) == 0 and whole and sum16(pkt, x, hlen) ~= 0xffff then
        return true -- no length and no valid checksum: not an extension after all
    end
    local ver = pkt:u8(x) >> 4
    out("\n\tICMP Multi-Part extension v", ver)
    if ver ~= 2 then
        out(" packet not supported")
        return true
    end
    if whole then
        out(", checksum 0x", HEX2[pkt:u8(x + 2)], HEX2[pkt:u8(x + 3)],
            sum16(pkt, x, hlen) ~= 0xffff and " (incorrect)" or " (correct)", ", length ", hlen)
    end
    hlen = hlen - 4
    local p = x + 4
    while hlen > 4 do
        if p + 4 > lim then return false end
        local olen, class, ctype = pkt:u16(p), pkt:u8(p + 2), pkt:u8(p + 3)
        p = p + 4
        out("\n\t  ", EXT_OBJ[class] or "unknown", " Object (", class, "), Class-Type: ", ctype,
            ", length ", olen)
        hlen = hlen - 4
        if class == 0 or olen < 4 then return true end
        olen = olen - 4
        if class == 1 and ctype == 1 then
            if p + 4 > lim then return false end
            local e = pkt:u32(p)
            out("\n\t    label ", e >> 12, ", tc ", (e >> 9) & 7)
            if e & 0x100 ~= 0 then out(", [S]") end
            out(", ttl ", e & 0xff)
        else
            if p + olen > lim then return false end
            hex_lines(pkt, p, olen, "\n\t    ")
        end
        if hlen < olen then break end
        hlen = hlen - olen
        p = p + olen
    end
    return true
end

-- Prints everything after "IP src > dst: "; ctx.len is the ICMP length per the IP header,
-- ctx.off where the ICMP header starts, ctx.frag whether the datagram is a fragment.
function M.print(pkt, ctx)
    local b = ctx.off or pkt.icmp.off
    local plen = ctx.len
    local lim = b + plen
    if lim > pkt.caplen then lim = pkt.caplen end
    if b + 2 > lim then
        U.trunc("icmp")
        return
    end
    local t, code = pkt:u8(b), pkt:u8(b + 1)
    local s, soft = describe(pkt, t, code, b, lim)
    if not s then
        if soft then out(" [|icmp]") else U.trunc("icmp") end
        return
    end
    out("ICMP ", s, ", length ", plen)
    local v = opt.v
    if v == 0 then return end
    if b + plen <= lim and not ctx.frag then
        local sum = sum16(pkt, b, plen)
        if sum ~= 0xffff then
            local ck = pkt:u16(b + 2)
            -- the value that would have made the sum come out right (RFC 1624 update)
            local good = ck + (0xffff - sum)
            good = (good & 0xffff) + (good >> 16)
            good = (good & 0xffff) + (good >> 16)
            good = good & 0xffff
            out(string.format(" (wrong icmp cksum %x (->%x)!)", ck, good))
        end
    end
    if ERRTYPE[t] then
        out("\n\t")
        if b + 12 > lim then
            U.trunc("icmp")
            return
        end
        local ip_len = pkt:u16(b + 10)
        -- the quote ends with the outer datagram (an Ethernet trailer is not part of it):
        -- pkt:inner takes the bound; tcp/udp also get it to decide on checksums
        local ql = lim - (b + 8)
        if ip_len < 20 then
            -- tcpdump bounds the quote by its IP length before reading it: too short for
            -- the length field itself, it gives up on the packet
            if ip_len < 4 then
                U.trunc("icmp")
                return
            end
            if ip_len < ql then ql = ip_len end
        end
        local tcpm, udpm = require("tcplua.print.tcp"), require("tcplua.print.udp")
        tcpm.qlimit, udpm.qlimit = ql, ql
        require("tcplua.print.ip").print(pkt:inner(b + 8, ql), ip_len)
        tcpm.qlimit, udpm.qlimit = nil, nil
        -- a quoted printer that ran out of captured bytes ends the whole packet, as in tcpdump
        if U.truncated then return end
    end
    if plen > 136 and EXTTYPE[t] then
        if not extensions(pkt, b, plen, lim) then
            out(" [|icmp]")
        end
    end
end

return M
