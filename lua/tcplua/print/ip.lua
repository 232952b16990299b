-- tcplua.print.ip: IPv4 (RFC 791) as tcpdump 4.99 prints it: "IP src > dst: ", the -v
-- header "(tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP (6), length 60)",
-- options (RFC 791 RR/LSRR/SSRR/TS, RFC 2113 RA), fragments and header errors.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local iphdr, cksum, ipverbose = tcplua.iphdr, tcplua.cksum, tcplua.ipverbose
local vflag = opt.v or 0
local eflag = (opt.e or 0) ~= 0 and opt.e ~= false
local nflag = (opt.n or 0) ~= 0 and opt.n ~= false
local qq = (opt.q or 0) > 1
local Kflag = (opt.K or 0) ~= 0 and opt.K ~= false
local host, ipproto, protoname, hex = U.host, U.ipproto, U.protoname, U.hex
local byte = string.byte

local P -- tcplua.print (dispatch tables), resolved on first use

local optnames = { [0] = "EOL", [1] = "NOP", [68] = "timestamp", [130] = "security",
    [7] = "RR", [137] = "SSRR", [131] = "LSRR", [148] = "RA", [82] = "traceroute" }

local function addr(s, i)
    local a, b, c, d = byte(s, i, i + 3)
    return host(a .. "." .. b .. "." .. c .. "." .. d)
end

local function be32(s, i)
    local a, b, c, d = byte(s, i, i + 3)
    return ((a << 24) | (b << 16) | (c << 8) | d)
end

-- RR/LSRR/SSRR: s is the option (1-based string), len its length
local function route(s, len)
    if len < 3 then
        out(" [bad length ", len, "]")
        return
    end
    if (len + 1) & 3 ~= 0 then out(" [bad length ", len, "]") end
    local ptr = byte(s, 3) - 1
    if ptr < 3 or (ptr + 1) & 3 ~= 0 or ptr > len + 1 then
        out(" [bad ptr ", byte(s, 3), "]")
    end
    local i = 3
    while i < len do
        -- tcpdump reads each address whole, past the option's end when its length is bad:
        -- s holds 3 bytes more when they were captured
        if #s < i + 4 then return false end
        out(" ", addr(s, i + 1))
        if ptr > i then out(",") end
        i = i + 4
    end
end

local tstypes = { [0] = "TSONLY", [1] = "TS+ADDR", [3] = "PRESPEC" }

local function timestamp(s, len)
    if len < 4 then
        out("[bad length ", len, "]")
        return
    end
    out(" TS{")
    local fl = byte(s, 4)
    local hoplen = (fl & 15) ~= 0 and 8 or 4
    if (len - 4) & (hoplen - 1) ~= 0 then out("[bad length ", len, "]") end
    local ptr = byte(s, 3) - 1
    local i = 0
    if ptr < 4 or (ptr - 4) & (hoplen - 1) ~= 0 or ptr > len + 1 then
        out("[bad ptr ", byte(s, 3), "]")
    end
    local tn = tstypes[fl & 15]
    if tn then
        out(tn)
        i = 4
        while i < len do
            out(ptr == i and " ^ " or " ", be32(s, i + hoplen - 3), "@")
            if hoplen == 8 then out(addr(s, i + 1)) end
            i = i + hoplen
        end
    else
        out("[bad ts type ", fl & 15, "]")
    end
    if ptr == i then out(" ^ ") end
    if fl >> 4 ~= 0 then
        out(" [", fl >> 4, " hops not recorded]} ")
    else
        out("}")
    end
end

-- Print the option list; returns false if an option ran past the captured bytes, "jmp"
-- when its code or length byte was not captured (tcpdump gives up on the packet there).
-- more: 1 when the datagram goes on after the header (a last option's length byte is then
-- read from the payload, as tcpdump does), else 0.
local function options(pkt, off, n, more)
    local s = pkt:sub(off, n + more) or ""
    local i = 1
    while n > 0 do
        if i > 1 then out(",") end
        local code = byte(s, i)
        if not code then return "jmp" end
        out(optnames[code] or "unknown " .. code)
        local len = 1
        if code > 1 then
            len = byte(s, i + 1)
            if not len then return "jmp" end
            if len < 2 or len > n then
                out(" [bad length ", len, "]")
                return true
            end
        end
        if #s < i + len - 1 then return false end
        if code == 0 then return true end
        local o = s:sub(i, i + len - 1)
        if code == 68 then
            timestamp(o, len)
        elseif code == 7 or code == 131 or code == 137 then
            if route(pkt:sub(off + i - 1, len + 3) or o, len) == false then return false end
        elseif code == 148 then
            if len < 4 then
                out(" [bad length ", len, "]")
            else
                local v = (byte(o, 3) << 8) | byte(o, 4)
                if v ~= 0 then out(" value ", v) end
            end
        end
        i = i + len
        n = n - len
    end
    return true
end

local function ipproto_name(p)
    if not nflag then
        local n = protoname(p)
        if n then return n end
    end
    return "ip-proto-" .. p
end
M.ipproto_name = ipproto_name

-- Hand the transport header to its printer. Shared with ip6.lua, which has printed
-- "src > dst: " already (addrs_done) unless the first header was TCP/UDP.
local protomods = {}
-- protocols tcpdump decodes under one IP version only (ICMP, IGMP; ICMPv6, Ethernet)
local needs_ver = { [1] = 4, [2] = 4, [58] = 6, [143] = 6 }
function M.demux(pkt, ctx, proto, src, dst, addrs_done)
    local m = protomods[proto]
    if m == nil then
        P = P or require "tcplua.print"
        m = P.protomod(proto) or false
        protomods[proto] = m
    end
    if m and m.own_addrs then
        m.print(pkt, ctx)
        return
    end
    if not addrs_done then out(src, " > ", dst, ": ") end
    local need = needs_ver[proto]
    if need and need ~= ctx.ipver then
        -- tcpdump's demultiplexer refuses these under the other IP version
        out("[", ipproto[proto] or "unknown", " requires IPv", need, "] (invalid)")
        return
    end
    if proto == 59 then
        out("no next header")
    elseif m then
        if m.print_inner then
            m.print_inner(pkt, ctx)
        else
            m.print(pkt, ctx)
        end
    elseif proto == 143 then -- (IPv6 only) an Ethernet frame, RFC 8986 End.DX2
        require("tcplua.print.link").payload(pkt, 0x6558, ctx.off, ctx.len)
    else
        out(" ", ipproto_name(proto), " ", ctx.len)
    end
end

local depth = 0

-- A packet without a complete IPv4 header: what tcpdump says instead.
local function print_short(pkt)
    local ip = pkt.ip
    local off = ip and ip.off or pkt.net_off or 0
    local b0 = pkt:u8(off)
    if not b0 then
        U.trunc("ip")
        return
    end
    if b0 >> 4 ~= 4 then
        if b0 >> 4 == 6 then
            out("IP6, wrong link-layer encapsulation (invalid)")
        else
            out("IP", b0 >> 4, " (invalid)")
        end
        return
    end
    if not eflag then out("IP ") end
    out(" [|ip]")
end

M.cverbose = true

-- Print an IPv4 packet from "IP " on; length = bytes on the wire from the IP header.
function M.print(pkt, length)
    -- the whole fixed header in one call (tcplua.iphdr): this runs for every IPv4 packet
    local off, hlen, len, proto, fragoff, mf, df, rf, tos, ttl, id, src, dst, caplen =
        iphdr(pkt)
    if not off then return print_short(pkt) end
    if not eflag then out("IP ") end
    length = length or (pkt.len - off)
    if length < 20 then -- only inside tunnels, whose lengths may say less than the capture
        out("truncated-ip ", length)
        return
    end
    if hlen < 20 then
        out("bad-hlen ", hlen)
        return
    end
    if length < len then out("truncated-ip - ", len - length, " bytes missing! ") end
    if len < hlen then
        out("bad-len ", len)
        return
    end
    if not nflag then src, dst = host(src), host(dst) end
    -- (a plain 20-byte header carrying ICMP, TCP or UDP prints in one C call, unless a test
    -- turned M.cverbose off to compare the two)
    if vflag > 0 and (hlen ~= 20 or not M.cverbose or not ipverbose(pkt)) then
        out("(tos 0x", hex(tos))
        local ecn = tos & 3
        if ecn == 1 then
            out(",ECT(1)")
        elseif ecn == 2 then
            out(",ECT(0)")
        elseif ecn == 3 then
            out(",CE")
        end
        if ttl >= 1 then out(", ttl ", ttl) end
        out(", id ", id, ", offset ", fragoff * 8, ", flags [")
        if mf or df or rf then
            local sep = ""
            if mf then
                out("+")
                sep = ", "
            end
            if df then
                out(sep, "DF")
                sep = ", "
            end
            if rf then out(sep, "rsvd") end
        else
            out("none")
        end
        out("], proto ", ipproto[proto] or "unknown", " (", proto, "), length ", len)
        local truncated = false
        if hlen > 20 then
            out(", options (")
            local r = options(pkt, off + 20, hlen - 20, len > hlen and length > hlen and 1 or 0)
            if r == "jmp" then
                U.trunc("ip")
                return
            elseif not r then
                out(" [truncated-option]")
                truncated = true
            end
            out(")")
        end
        if not Kflag then
            local ok, good = cksum(pkt, "ip")
            if ok == false then out(", bad cksum ", hex(pkt.ip.cksum), " (->", hex(good), ")!") end
        end
        out(")\n    ")
        if truncated then
            out(src, " > ", dst, ":  [|ip]")
            return
        end
    end
    if fragoff == 0 then
        if caplen - off < hlen then
            if proto ~= 6 and proto ~= 17 then out(src, " > ", dst, ": ") end
            out(" [remaining caplen(", caplen - off, ") < header length(", hlen, ")]")
            U.trunc("ip")
            return
        end
        depth = depth + 1
        local ctx = U.ctx(depth)
        ctx.len, ctx.ipver, ctx.src, ctx.dst = len - hlen, 4, src, dst
        ctx.frag, ctx.depth, ctx.off, ctx.direct = mf, depth, off + hlen, true
        M.demux(pkt, ctx, proto, src, dst)
        depth = depth - 1
    else
        if qq then return end
        out(src, " > ", dst, ": ", ipproto_name(proto))
    end
end

-- IP-in-IP (protocol 4): the inner packet printed in full after "src > dst: ".
function M.print_inner(pkt, ctx)
    local inner = pkt:inner(ctx.off)
    if inner then
        M.print(inner, ctx.len)
    else
        U.trunc("ip")
    end
end

return M
