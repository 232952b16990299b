-- tcplua.print.ip6: IPv6 (RFC 8200) as tcpdump 4.99 prints it: "IP6 src > dst: ", the -v
-- header "(flowlabel 0x12345, hlim 64, next-header TCP (6) payload length: 40) ", and the
-- extension headers HBH/DSTOPT (with -v their options), RT6 (RFC 8754 SRH too) and frag.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local IP = require "tcplua.print.ip"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local eflag = (opt.e or 0) ~= 0 and opt.e ~= false
local host, ipproto, hex2, hex4 = U.host, U.ipproto, U.hex2, U.hex4
local byte = string.byte
local demux = IP.demux

local be16, be32 = U.be16, U.be32

-- RFC 5952 text of the 16 bytes of s at i
local function addr6(s, i)
    local w = {}
    for k = 0, 7 do w[k + 1] = be16(s, i + 2 * k) end
    -- longest run of zero words (length >= 2) becomes "::"
    local bs, bl, cs, cl = 0, 0, 0, 0
    for k = 1, 8 do
        if w[k] == 0 then
            if cl == 0 then cs = k end
            cl = cl + 1
            if cl > bl then bs, bl = cs, cl end
        else
            cl = 0
        end
    end
    local hx = {}
    for k = 1, 8 do hx[k] = string.format("%x", w[k]) end
    local text
    if bl >= 2 then
        text = table.concat(hx, ":", 1, bs - 1) .. "::" .. table.concat(hx, ":", bs + bl, 8)
    else
        text = table.concat(hx, ":")
    end
    -- IPv4-mapped/compatible forms are what inet_ntop prints
    if bl >= 5 and bs == 1 and (w[6] == 0xffff or (bl == 6 and w[7] ~= 0)) then
        local a, b, c, d = byte(s, i + 12, i + 15)
        return (w[6] == 0xffff and "::ffff:" or "::") .. a .. "." .. b .. "." .. c .. "." .. d
    end
    return host(text)
end

-- HBH / DSTOPT options (RFC 8200 4.2) of the n bytes at s[i..]. tcpdump walks the options
-- of every HBH header (a valid RFC 2675 Jumbo Payload option there changes the length) but
-- those of a DSTOPT header only with -v; it names each only with -v, yet reports a cut or
-- malformed option always. plen: the IPv6 payload length for a HBH header, nil for DSTOPT.
-- Returns ok (false when the header is to be given up as cut) and the jumbo length found.
local function optlist(s, i, n, plen)
    local k, found, jumbo = 0, false, nil
    while k < n do
        local t = byte(s, i + k)
        local ol = 1
        if t ~= 0 then
            if k + 1 >= n then return false end
            ol = byte(s, i + k + 1) + 2
        end
        if k + ol > n then return false end
        local l, left = ol - 2, n - k
        if t == 0 then
            if vflag > 0 then out("(pad1)") end
        elseif t == 1 then
            if vflag > 0 then out("(padn)") end
        elseif t == 5 then
            if left < 4 then
                out("(rtalert: trunc)")
                return false, jumbo
            elseif l ~= 2 then
                out("(rtalert: invalid len ", l, ")")
                return false, jumbo
            end
            if vflag > 0 then out("(rtalert: 0x", hex4(be16(s, i + k + 2)), ") ") end
        elseif t == 0xc2 then
            if left < 6 then
                out("(jumbo: trunc)")
                return false, jumbo
            elseif l ~= 4 then
                out("(jumbo: invalid len ", l, ")")
                return false, jumbo
            end
            local jl = be32(s, i + k + 2)
            local why
            if found then
                why = " - already seen"
            elseif not plen then
                why = " - not a hop-by-hop option"
            elseif plen ~= 0 then
                why = " - payload len != 0"
            elseif jl < 65536 then
                why = " - < 65536"
            else
                why, jumbo = "", jl
            end
            found = true
            if vflag > 0 then out("(jumbo: ", jl, why, ") ") end
        elseif t == 0xc9 then
            if left < 18 then
                out("(homeaddr: trunc)")
                return false, jumbo
            elseif l < 16 then
                out("(homeaddr: invalid len ", l, ")")
                return false, jumbo
            end
            if vflag > 0 then out("(homeaddr: ", addr6(s, i + k + 2), ")") end
        elseif vflag > 0 then
            out("(opt_type 0x", hex2[t], ": len=", l, ")")
        end
        k = k + ol
    end
    if vflag > 0 then out(" ") end
    return true, jumbo
end

-- One routing header at s[i..] (have bytes captured); returns its length or nil (stop).
-- Each field is printed as soon as it is read, so a cut header shows what was captured
-- before " [|rt6]" (tcpdump gives up on the packet there: the dump starts at byte 0).
local function routing(s, i, have)
    if have < 4 then
        out("RT6")
        if have >= 2 then
            out(" (len=", byte(s, i + 1))
            if have >= 3 then
                local rtype = byte(s, i + 2)
                out(", type=", rtype)
                if rtype == 0 then out(" [Deprecated]") end
            end
        end
        U.trunc("rt6")
        return nil
    end
    local len, rtype, segleft = byte(s, i + 1), byte(s, i + 2), byte(s, i + 3)
    out("RT6 (len=", len, ", type=", rtype)
    if rtype == 0 then out(" [Deprecated]") end
    out(", segleft=", segleft)
    local n
    if rtype == 0 or rtype == 2 then
        if have < 8 then
            U.trunc("rt6")
            return nil
        end
        local rsv = be32(s, i + 4)
        if rsv ~= 0 or vflag > 0 then out(", rsv=0x", string.format("%x", rsv)) end
    elseif rtype == 4 then
        -- RFC 8754 SRH; the flags print when set or with -v
        if have < 5 then
            U.trunc("rt6")
            return nil
        end
        out(", last-entry=", byte(s, i + 4))
        local fl = byte(s, i + 5)
        if fl and (fl ~= 0 or vflag > 0) then out(", flags=0x", string.format("%x", fl)) end
        if have < 8 then
            U.trunc("rt6")
            return nil
        end
        out(", tag=", string.format("%x", be16(s, i + 6)))
    else
        out(" (unknown type) (invalid)")
        return nil
    end
    -- the addresses fill the header (two 8-byte units each), whatever last-entry says
    if len & 1 ~= 0 then
        out(" (invalid length ", len, ") (invalid)")
        return nil
    end
    n = len >> 1
    for k = 0, n - 1 do
        if have < 8 + 16 * (k + 1) then
            U.trunc("rt6")
            return nil
        end
        out(", [", k, "]", addr6(s, i + 8 + 16 * k))
    end
    out(") ")
    return (len + 1) * 8
end

local depth = 0

-- Print an IPv6 packet from "IP6 " on; length = bytes on the wire from the IPv6 header.
function M.print(pkt, length)
    local ip6 = pkt.ip6
    local off = ip6 and ip6.off or pkt.net_off or 0
    local caplen = pkt.caplen
    if caplen - off < 40 or not ip6 then
        out(" [|ip6]")
        return
    end
    if not eflag then out("IP6 ") end
    length = length or (pkt.len - off)
    if length < 40 then
        out("truncated-ip6 ", length)
        return
    end
    local ver = pkt:u8(off) >> 4
    if ver ~= 6 then
        out("version error: ", ver, " != 6")
        return
    end
    local plen = ip6.plen
    local len = plen + 40
    if plen ~= 0 and length < len then out("truncated-ip6 - ", len - length, " bytes missing!") end
    if plen == 0 then len = length + 40 end -- (until a Jumbo Payload option says more)
    local nh = ip6.nxt
    if vflag > 0 then
        out("(")
        local tc = ip6.tclass
        if tc ~= 0 then out("class 0x", hex2[tc], ", ") end
        local fl = ip6.flow & 0xfffff
        if fl ~= 0 then out("flowlabel 0x", string.format("%05x", fl), ", ") end
        out("hlim ", ip6.hlim, ", next-header ", ipproto[nh] or "unknown", " (", nh,
            ") payload length: ", plen, ") ")
    end
    local src, dst = host(ip6.src), host(ip6.dst)
    local first = nh
    if nh ~= 6 and nh ~= 17 and nh ~= 33 and nh ~= 132 then out(src, " > ", dst, ": ") end
    local pos = off + 40
    len = len - 40
    local frag, jumbo = false, nil
    -- extension headers: read the rest of the captured header area once. tcpdump walks
    -- them up to the end of the IPv6 payload or of the capture, whichever comes first.
    local s, sbase
    local prev, snapend = off, nil
    while nh == 0 or nh == 60 or nh == 43 or nh == 44 do
        if not snapend then
            snapend = off + (len + 40 < length and len + 40 or length)
            if snapend > caplen then snapend = caplen end
        end
        if prev >= snapend then return end
        if nh == 0 and pos ~= off + 40 then
            -- RFC 8200: only right after the IPv6 header (checked before any read)
            out(first == 0 and "[The Hop-by-Hop Options header was already found]"
                or "[The Hop-by-Hop Options header don't follow the IPv6 header]", " (invalid)")
            return
        end
        if pos >= snapend then
            if nh == 43 then
                out(" [|ip6]")
            else
                U.trunc(nh == 0 and "hbhopt" or nh == 60 and "dstopt" or "frag6")
            end
            return
        end
        if not s then
            sbase = pos
            s = pkt:sub(pos, snapend - pos) or ""
        end
        local i = pos - sbase + 1
        local have = #s - i + 1
        local adv
        if nh == 0 or nh == 60 then
            local hbh = nh == 0
            local hl = byte(s, i + 1)
            local name = hbh and "hbhopt" or "dstopt"
            if not hl then
                U.trunc(name)
                return
            end
            adv = (hl + 1) * 8
            local ok = have >= adv
            if ok then
                out(hbh and "HBH " or "DSTOPT ")
                if hbh then
                    ok, jumbo = optlist(s, i + 2, adv - 2, plen)
                elseif vflag > 0 then
                    ok = optlist(s, i + 2, adv - 2, nil)
                end
            end
            if not ok then out(" [|", name, "]") end
            -- a zero payload length needs a valid Jumbo Payload option in this header
            if hbh and plen == 0 and not jumbo then
                out("[No valid Jumbo Payload Hop-by-Hop option found] (invalid)")
                return
            end
            if not ok then return end
        elseif nh == 43 then
            adv = routing(s, i, have)
            if not adv then return end
        else
            if have < (vflag > 0 and 8 or 4) then
                U.trunc("frag6")
                return
            end
            local fo = be16(s, i + 2) & 0xfff8
            local flen = plen - (pos - off - 40) - 8
            if vflag > 0 then
                out("frag (0x", hex4(be32(s, i + 4) >> 16), hex4(be32(s, i + 4) & 0xffff), ":",
                    fo, "|", flen, ")")
            else
                out("frag (", fo, "|", flen, ")")
            end
            if fo ~= 0 then return end
            out(" ")
            -- nothing after the fragment header: tcpdump stops without a mark
            if have <= 8 then return end
            adv = 8
            frag = true
        end
        if len < adv then
            out(" [|ip6]")
            return
        end
        nh = byte(s, i)
        prev = pos
        pos = pos + adv
        len = len - adv
    end
    if plen == 0 then
        -- RFC 2675 jumbogram, or a header that says its payload is empty
        local hdrs = pos - off
        if jumbo then
            len = jumbo + 40
            if len < hdrs then
                out(" [|ip6]")
                return
            end
            if length < len then out("truncated-ip6 - ", len - length, " bytes missing!") end
            len = len - hdrs
        elseif hdrs > 40 then
            out(" [|ip6]")
            return
        else
            -- nothing after the header: tcpdump's bounds end there, for every printer
            len = 0
            local bounded = pkt:inner(off, 40, 229)
            if bounded then pkt, pos = bounded, 40 end
        end
    end
    if nh == 59 then
        out("no next header")
        return
    end
    depth = depth + 1
    local ctx = U.ctx(depth)
    ctx.len, ctx.ipver, ctx.src, ctx.dst = len, 6, src, dst
    ctx.frag, ctx.depth, ctx.off, ctx.direct = frag, depth, pos, first == nh
    demux(pkt, ctx, nh, src, dst, true)
    depth = depth - 1
end

-- IPv6-in-IP (protocol 41): the inner packet printed in full after "src > dst: ", decoded
-- as IPv6 whatever its version nibble says (DLT_IPV6), as tcpdump does.
function M.print_inner(pkt, ctx)
    local inner = pkt:inner(ctx.off, nil, 229)
    if inner then
        M.print(inner, ctx.len)
    else
        out(" [|ip6]")
    end
end

return M
