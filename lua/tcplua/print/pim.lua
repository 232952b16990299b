-- tcplua.print.pim: PIM version 2 (IP protocol 103; RFC 7761 sparse mode, RFC 3973 dense
-- mode, RFC 5059 bootstrap, RFC 5015 bidir DF election) as tcpdump 4.99 prints it: one line
-- without -v, else the checksum and each message type decoded. (PIMv1 rides in IGMP.)
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local rawhex = require "tcplua.print.rawhex"

local M = {}
local out, opt, format = tcplua.out, tcplua.opt, string.format
local vflag = opt.v or 0

local types = { [0] = "Hello", "Register", "Register Stop", "Join / Prune", "Bootstrap",
    "Assert", "Graft", "Graft Acknowledgement", "Candidate RP Advertisement", "Prune Refresh",
    "DF Election", "ECMP Redirect" }
local hello_opts = { [1] = "Hold Time", [2] = "LAN Prune Delay", [18] = "DR Priority (Old)",
    [19] = "DR Priority", [20] = "Generation ID", [21] = "State Refresh Capability",
    [22] = "Bi-Directional Capability", [24] = "Address List",
    [65001] = "Address List (Old)" }
local df_subtypes = { "Offer", "Winner", "Backoff", "Pass" }

-- Errors raised inside the printer: CUT is a read past the captured bytes (tcpdump's
-- longjmp), SOFT a length check that failed (tcpdump's local "goto trunc").
local CUT, SOFT = {}, {}

local pk, lim -- the packet and the end of what may be read (captured and in the datagram)
local alen    -- the address length of the RFC 2117 encoding, 0 for encoded addresses
local relts, addr6

local function u8(p)
    if p + 1 > lim then error(CUT, 0) end
    return pk:u8(p)
end
local function u16(p)
    if p + 2 > lim then error(CUT, 0) end
    return pk:u16(p)
end
local function u32(p)
    if p + 4 > lim then error(CUT, 0) end
    return pk:u32(p)
end

local function ip4text(p)
    return U.host(pk:u8(p) .. "." .. pk:u8(p + 1) .. "." .. pk:u8(p + 2) .. "." .. pk:u8(p + 3))
end

-- The address at p of kind "u" (unicast), "g" (group) or "s" (source); len is what the
-- message has left from p. Returns its size; SOFT when it does not fit or is unknown.
local function addr(p, len, kind)
    local n, hdr = alen, 0
    if n == 0 then
        if len < 2 then error(SOFT, 0) end
        local fam = u8(p)
        n = fam == 1 and 4 or fam == 2 and 16 or nil
        if not n or u8(p + 1) ~= 0 then error(SOFT, 0) end
        hdr = 2
    elseif n ~= 4 and n ~= 16 then
        error(SOFT, 0)
    end
    p, len = p + hdr, len - hdr
    local text = n == 4 and ip4text or function(q) return addr6(pk, q) end
    if kind == "u" then
        if len < n or p + n > lim then error(SOFT, 0) end
        out(text(p))
        return hdr + n
    end
    if len < n + 2 or p + n + 2 > lim then error(SOFT, 0) end
    out(text(p + 2))
    local mask, fl = pk:u8(p + 1), pk:u8(p)
    if mask ~= n * 8 then out("/", mask) end
    if fl ~= 0 then
        if kind == "g" then
            out(format("(0x%02x)", fl))
        else
            out("(", fl & 4 ~= 0 and "S" or "", fl & 2 ~= 0 and "W" or "",
                fl & 1 ~= 0 and "R" or "")
            if fl & 0xf8 ~= 0 then out(format("+0x%02x", fl & 0xf8)) end
            out(")")
        end
    end
    return hdr + n + 2
end

-- The checksum over n bytes from b: true, false, or nil when they were not all captured.
local function cksum_ok(b, n, ctx)
    if b + n > lim then return nil end
    local s = 0
    for i = b, b + n - 2, 2 do s = s + pk:u16(i) end
    if n % 2 == 1 then s = s + (pk:u8(b + n - 1) << 8) end
    if ctx.ipver == 6 then
        local h = pk.ip6.off
        for i = h + 8, h + 38, 2 do s = s + pk:u16(i) end
        s = s + (n >> 16) + (n & 0xffff) + 103
    end
    while s > 0xffff do s = (s & 0xffff) + (s >> 16) end
    return s == 0xffff
end

local function bad_optlen(olen, want)
    out("[option length ", olen, " != ", want, "] (invalid)")
    return false
end

-- One hello option's value (olen bytes at p, captured); false stops the message.
local function hello_value(t, p, olen, len)
    if t == 1 then
        if olen ~= 2 then return bad_optlen(olen, 2) end
        out(relts(pk:u16(p)))
    elseif t == 2 then
        if olen ~= 4 then return bad_optlen(olen, 4) end
        local d = pk:u16(p)
        out("\n\t    T-bit=", d >> 15, ", LAN delay ", d & 0x7fff, "ms, Override interval ",
            pk:u16(p + 2), "ms")
    elseif t == 18 or t == 19 then
        if olen == 0 then
            out("Bi-Directional Capability (Old)")
        elseif olen == 4 then
            out(pk:u32(p))
        else
            return bad_optlen(olen, 4)
        end
    elseif t == 20 then
        if olen ~= 4 then return bad_optlen(olen, 4) end
        out(format("0x%08x", pk:u32(p)))
    elseif t == 21 then
        if olen ~= 4 then return bad_optlen(olen, 4) end
        out("v", pk:u8(p))
        if pk:u8(p + 1) ~= 0 then out(", interval ", relts(pk:u8(p + 1))) end
        if pk:u16(p + 2) ~= 0 then out(format(" ?0x%04x?", pk:u16(p + 2))) end
    elseif t == 24 or t == 65001 then
        if vflag > 1 then
            local q = p
            while q < p + olen do
                out("\n\t    ")
                local adv = addr(q, len - (q - p), "u")
                q = q + adv
            end
        end
    elseif t ~= 22 and vflag <= 1 then
        out(rawhex.lines(pk:sub(p, olen) or "", 0, olen, "\n\t    "))
    end
    return true
end

local function hello(p, len)
    while len > 0 do
        if len < 4 then error(SOFT, 0) end
        local t, olen = u16(p), u16(p + 2)
        out("\n\t  ", hello_opts[t] or "Unknown", " Option (", t, "), length ", olen,
            ", Value: ")
        p, len = p + 4, len - 4
        if len < olen or p + olen > lim then error(SOFT, 0) end
        if not hello_value(t, p, olen, len) then return end
        if vflag > 1 then out(rawhex.lines(pk:sub(p, olen) or "", 0, olen, "\n\t    ")) end
        p, len = p + olen, len - olen
    end
end

local function register(pkt, p, len)
    if len < 4 or p + 4 > lim then error(SOFT, 0) end
    local f = pk:u32(p)
    out(", Flags [ ", f == 0x80000000 and "Border" or f == 0x40000000 and "Null" or "none",
        " ]\n\t")
    p, len = p + 4, len - 4
    if len == 0 then error(SOFT, 0) end
    local ver = u8(p) >> 4
    if ver == 0 then
        u32(p + 12)
        u32(p + 16)
        out("IP-Null-header ", ip4text(p + 12), " > ", ip4text(p + 16))
    elseif ver == 4 or ver == 6 then
        local inner = pkt:inner(p, nil, ver == 6 and 229 or nil)
        if ver == 4 then
            require("tcplua.print.ip").print(inner, len)
        else
            require("tcplua.print.ip6").print(inner, len)
        end
    else
        out("IP ver ", ver)
    end
end

local function join_prune(p, len, typ)
    if typ ~= 7 then
        out(", upstream-neighbor: ")
        local adv = addr(p, len, "u")
        p, len = p + adv, len - adv
    end
    if len < 4 or p + 4 > lim then error(SOFT, 0) end
    local ngroup, hold = pk:u8(p + 1), pk:u16(p + 2)
    out("\n\t  ", ngroup, " group(s)")
    if typ ~= 7 then out(", holdtime: ", hold == 0xffff and "infinite" or relts(hold)) end
    p, len = p + 4, len - 4
    for i = 1, ngroup do
        out("\n\t    group #", i, ": ")
        local adv = addr(p, len, "g")
        p, len = p + adv, len - adv
        if len < 4 or p + 4 > lim then error(SOFT, 0) end
        local nj, np = pk:u16(p), pk:u16(p + 2)
        out(", joined sources: ", nj, ", pruned sources: ", np)
        p, len = p + 4, len - 4
        for j = 1, nj + np do
            out(j <= nj and "\n\t      joined source #" or "\n\t      pruned source #",
                j <= nj and j or j - nj, ": ")
            adv = addr(p, len, "s")
            p, len = p + adv, len - adv
        end
    end
end

local function bootstrap(p, len)
    if len < 2 then error(SOFT, 0) end
    out(format(" tag=%x", u16(p)))
    p, len = p + 2, len - 2
    if len < 1 then error(SOFT, 0) end
    out(" hashmlen=", u8(p))
    if len < 2 or p + 3 > lim then error(SOFT, 0) end
    out(" BSRprio=", pk:u8(p + 1), " BSR=")
    p, len = p + 2, len - 2
    local adv = addr(p, len, "u")
    p, len = p + adv, len - adv
    local i = 0
    while len > 0 do
        out(" (group", i, ": ")
        adv = addr(p, len, "g")
        p, len = p + adv, len - adv
        if len < 1 then error(SOFT, 0) end
        out(" RPcnt=", u8(p))
        if len < 2 then error(SOFT, 0) end
        local frp = u8(p + 1)
        out(" FRPcnt=", frp)
        if len < 4 then error(SOFT, 0) end
        p, len = p + 4, len - 4
        local j = 0
        while j < frp and len > 0 do
            out(" RP", j, "=")
            adv = addr(p, len, "u")
            p, len = p + adv, len - adv
            if len < 2 then error(SOFT, 0) end
            out(",holdtime=")
            out(relts(u16(p)))
            if len < 3 then error(SOFT, 0) end
            out(",prio=", u8(p + 2))
            if len < 4 then error(SOFT, 0) end
            p, len = p + 4, len - 4
            j = j + 1
        end
        out(")")
        i = i + 1
    end
end

local function candidate_rp(p, len)
    if len < 1 then error(SOFT, 0) end
    local cnt = u8(p)
    out(" prefix-cnt=", cnt)
    if len < 2 then error(SOFT, 0) end
    out(" prio=", u8(p + 1))
    if len < 4 then error(SOFT, 0) end
    out(" holdtime=")
    out(relts(u16(p + 2)), " RP=")
    p, len = p + 4, len - 4
    local adv = addr(p, len, "u")
    p, len = p + adv, len - adv
    local i = 0
    while i < cnt and len > 0 do
        out(" Group", i, "=")
        adv = addr(p, len, "g")
        p, len = p + adv, len - adv
        i = i + 1
    end
end

-- len runs below zero where tcpdump's unsigned length wraps around
local function wrap(n) return n < 0 and n + 0x100000000 or n end

local function df_election(p, len, sub)
    out("\n\t  ", df_subtypes[sub] or "Unknown", ", rpa=")
    local adv = addr(p, len, "u")
    p, len = p + adv, len - adv
    out(" sender pref=", u32(p))
    out(" sender metric=", u32(p + 4))
    p, len = p + 8, wrap(len - 8)
    if sub == 3 or sub == 4 then
        local what = sub == 3 and "offer" or "new winner"
        out("\n\t  ", what, " addr=")
        adv = addr(p, len, "u")
        p = p + adv
        out(" ", what, " pref=", u32(p))
        out(" ", what, " metric=", u32(p + 4))
        if sub == 3 then out(" interval ", u16(p + 8), "ms") end
    end
end

-- The body after the 4-byte header at b (len bytes in the message).
local function body(pkt, typ, b, len, sub)
    local p = b + 4
    len = len - 4
    if typ == 0 then
        hello(p, len)
    elseif typ == 1 then
        register(pkt, p, len)
    elseif typ == 2 or typ == 5 or typ == 9 then
        local seq = typ == 2 and { " group=", "g", " source=", "u" }
            or typ == 5 and { " group=", "g", " src=", "u" }
            or { " src=", "u", " grp=", "g", " forwarder=", "u" }
        for k = 1, #seq, 2 do
            out(seq[k])
            local adv = addr(p, len, seq[k + 1])
            p, len = p + adv, len - adv
        end
        if typ == 5 then
            if len < 8 or p + 8 > lim then error(SOFT, 0) end
            if pk:u8(p) & 0x80 ~= 0 then out(" RPT") end
            out(" pref=", pk:u32(p) & 0x7fffffff, " metric=", pk:u32(p + 4))
        elseif typ == 9 then
            if len < 2 then error(SOFT, 0) end
            out(" TUNR ")
            out(relts(u16(p)))
        end
    elseif typ == 3 or typ == 6 or typ == 7 then
        join_prune(p, len, typ)
    elseif typ == 4 then
        bootstrap(p, len)
    elseif typ == 8 then
        candidate_rp(p, len)
    elseif typ == 10 then
        df_election(p, len, sub)
    else
        out(" [type ", typ, "]")
    end
end

-- The -v part of a version 2 message at b.
local function pimv2(pkt, ctx, b, len, typ)
    if len < 2 then
        out("[length ", len, " < 2] (invalid)")
        return
    end
    local rsv = u8(b + 1)
    alen = rsv & 0x0f
    if alen ~= 0 then out(", RFC2117-encoding") end
    if len < 4 then
        out("[length ", len, " < 4] (invalid)")
        return
    end
    local ck = u16(b + 2)
    out(format(", cksum 0x%04x ", ck))
    if ck == 0 then
        out("(unverified)")
    else
        local ok = cksum_ok(b, typ == 1 and 8 or len, ctx)
        if ok == false and typ == 1 then ok = cksum_ok(b, len, ctx) end
        out(ok == nil and "(unverified)" or ok and "(correct)" or "(incorrect)")
    end
    body(pkt, typ, b, len, rsv >> 4)
end

-- Prints everything after "IP src > dst: "; ctx.off is where PIM starts, ctx.len its length
-- per the IP header (which also bounds what tcpdump reads).
function M.print(pkt, ctx)
    local b, len = ctx.off, ctx.len
    relts = relts or require("tcplua.print.igmp").relts
    addr6 = addr6 or require("tcplua.print.icmp6_nd").addr
    local l = b + len
    if l > pkt.caplen then l = pkt.caplen end
    if b >= l then
        U.trunc("pim")
        return
    end
    local tv = pkt:u8(b)
    local ver, typ = tv >> 4, tv & 0x0f
    if ver ~= 2 then
        out("PIMv", ver, ", length ", len)
        return
    end
    if vflag == 0 then
        out("PIMv2, ", types[typ] or "Unknown Type", ", length ", len)
        return
    end
    out("PIMv2, length ", len, "\n\t", types[typ] or "Unknown Type")
    local spk, slim, salen = pk, lim, alen -- a Register may carry PIM in its packet
    pk, lim = pkt, l
    local ok, err = pcall(pimv2, pkt, ctx, b, len, typ)
    pk, lim, alen = spk, slim, salen
    if not ok then
        if err == CUT then
            U.trunc("pimv2")
        elseif err == SOFT then
            out(" [|pimv2]")
        else
            error(err, 0)
        end
    end
end

return M
