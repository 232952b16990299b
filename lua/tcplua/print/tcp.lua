-- tcplua.print.tcp: TCP (RFC 9293) as tcpdump 4.99 prints it: flags, relative seq/ack,
-- window, options (RFC 7323 TS/wscale, 2018 SACK, 2385 md5, 5482 uto, 5925 tcp-ao,
-- 7413 tfo, 8684 mptcp, 6994 exp), -v checksums, RST data; applications by port (M.apps).
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = { own_addrs = true }
local out, opt = tcplua.out, tcplua.opt
local tcphdr, relseq, tcpopts, tcpline = tcplua.tcphdr, tcplua.relseq, tcplua.tcpopts,
    tcplua.tcpline
local cksum_of = tcplua.cksum
local vflag = opt.v or 0
local qflag = (opt.q or 0) ~= 0 and opt.q ~= false
local Sflag = (opt.S or 0) ~= 0 and opt.S ~= false
local Kflag = (opt.K or 0) ~= 0 and opt.K ~= false
local port, hex2, hex4 = U.tcpport, U.hex2, U.hex4
local mptcp = require("tcplua.print.mptcp").print
local byte, sub = string.byte, string.sub

local be16, be32 = U.be16, U.be32

local function hexrun(s, i, n)
    local t = {}
    for k = 0, n - 1 do t[k + 1] = hex2[byte(s, i + k)] end
    return table.concat(t)
end

-- (tcpdump 4.99 names kind 13 with an empty string and has no name for 21 and 27)
local optnames = { [0] = "eol", [1] = "nop", [2] = "mss", [3] = "wscale", [4] = "sackOK",
    [5] = "sack", [6] = "echo", [7] = "echoreply", [8] = "TS", [11] = "cc", [12] = "ccnew",
    [13] = "", [19] = "md5", [20] = "scps", [28] = "uto",
    [29] = "tcp-ao", [30] = "mptcp", [34] = "tfo", [254] = "exp" }

-- options whose data length is fixed (tcpdump reads that much whatever the length byte says)
local fixed = { [2] = 2, [3] = 1, [4] = 0, [6] = 4, [7] = 4, [8] = 8, [11] = 4, [12] = 4,
    [13] = 4, [19] = 16, [20] = 2, [28] = 2 }

-- options printed field by field (a cut one prints nothing of its data); the others'
-- data prints as hex, byte by byte
local decoded = { [2] = true, [3] = true, [6] = true, [7] = true, [8] = true, [11] = true,
    [12] = true, [13] = true, [19] = true, [20] = true, [28] = true, [30] = true, [34] = true,
    [254] = true }

local function fastopen(s, i, n)
    if n == 0 then
        out(" cookiereq")
    elseif n % 2 ~= 0 or n < 4 or n > 16 then
        out(" (invalid)")
    else
        out(" cookie ", hexrun(s, i, n))
    end
end

-- The segment whose options are being printed, for the MD5 signature check.
local seg_pkt, seg_ctx, seg_off, seg_hlen, seg_len
local secret = opt.M
if secret == "" or type(secret) ~= "string" then secret = nil end

-- RFC 2385 signature check of the 16-byte option value sig: true (valid), false (invalid),
-- or the text telling why it cannot be checked.
local function signature(sig)
    local pkt, off, len = seg_pkt, seg_off, seg_len
    if off + seg_hlen + len > pkt.caplen then return "snaplen too short, " end
    if not secret then return "shared secret not supplied with -M, " end
    local pseudo
    if seg_ctx.ipver == 4 then
        local ip = pkt.ip
        local io = ip.off
        pseudo = pkt:sub(io + 12, 8) .. "\0\6"
            .. string.pack(">I2", (ip.tot_len - ip.ihl * 4) & 0xffff)
    else
        local io = pkt.ip6.off
        pseudo = pkt:sub(io + 8, 32) .. string.pack(">I4", pkt.ip6.plen) .. "\0\0\0\6"
    end
    local msg = pseudo .. pkt:sub(off, 16) .. "\0\0" .. pkt:sub(off + 18, 2)
        .. (len > 0 and pkt:sub(off + seg_hlen, len) or "") .. secret
    return require("tcplua.print.md5").sum(msg) == sig
end

-- What tcpdump subtracts from SACK edges: its table's ack base for this direction, which
-- is ack - 1 when this packet opened (or a SYN restarted) the connection's entry, where the
-- printed numbers are absolute. tcp.rnew (from the C table, if it offers it) says so
-- exactly; else an entry is taken as new when both printed numbers are absolute.
local function sack_base(rnew, ack, rack)
    if not ack or Sflag then return 0 end
    if rnew then return (ack - 1) & 0xffffffff end
    return (ack - rack) & 0xffffffff
end

-- The option list s (the header bytes after the fixed 20) of n bytes. Returns false after
-- "[bad opt]" (the caller then stops the line).
local trunc_name = "tcp"
local function options(s, n, flags, rnew, ack, rack)
    trunc_name = "tcp"
    out(", options [")
    local i = 1
    local first = true
    while n > 0 do
        if not first then out(",") end
        local kind = byte(s, i)
        if not kind then return "trunc" end
        i = i + 1
        local len = 1
        if kind > 1 then
            len = byte(s, i)
            if not len then return "trunc" end
            i = i + 1
            if len < 2 or len > n then
                out("[bad opt]")
                if not first then out("]") end
                return false
            end
            n = n - 1
        end
        n = n - 1
        local wasfirst = first
        first = false
        local name = optnames[kind]
        out(name or "unknown-" .. kind)
        local dl = fixed[kind] or (kind > 1 and len - 2 or 0)
        local bad = false
        if (kind == 5 and dl % 8 ~= 0) or (kind == 29 and dl < 2) then
            out(kind == 5 and " invalid sack" or " invalid")
        elseif dl > n then
            bad = true
        elseif kind == 5 then
            -- tcpdump checks each block as it reads it: the count and the complete
            -- blocks print before a cut one
            local sackbase = sack_base(rnew, ack, rack)
            out(" ", dl // 8, " ")
            for k = 0, dl - 1, 8 do
                if i + k + 7 > #s then
                    bad = "trunc"
                    break
                end
                out("{", (be32(s, i + k) - sackbase) & 0xffffffff, ":",
                    (be32(s, i + k + 4) - sackbase) & 0xffffffff, "}")
            end
        elseif kind == 29 then
            -- keyid, rnextkeyid and each mac byte are checked as they are read
            local have = #s - i + 1
            if have < 1 then
                bad = "trunc"
            else
                out(" keyid ", byte(s, i))
                if have < 2 then
                    bad = "trunc"
                else
                    out(" rnextkeyid ", byte(s, i + 1))
                    if dl > 2 then
                        out(" mac 0x")
                        if have < dl then
                            out(hexrun(s, i + 2, have - 2))
                            bad = "trunc"
                        else
                            out(hexrun(s, i + 2, dl - 2))
                        end
                    end
                end
            end
        elseif i + dl - 1 > #s then
            if decoded[kind] then
                bad = "trunc"
            else
                -- an undecoded option's bytes print one by one until the cut
                out(" 0x", hexrun(s, i, #s - i + 1))
                bad = "trunc"
            end
        elseif kind == 2 then
            out(" ", be16(s, i))
        elseif kind == 3 then
            out(" ", byte(s, i))
        elseif kind == 8 then
            out(" val ", be32(s, i), " ecr ", be32(s, i + 4))
        elseif kind == 6 or kind == 7 or kind == 11 or kind == 12 or kind == 13 then
            out(" ", be32(s, i))
        elseif kind == 19 then
            out(" ")
            local v = signature(sub(s, i, i + 15))
            if v == true then
                out("valid")
            elseif v == false then
                out(" (invalid)")
            else
                out(v, "can't check - ", hexrun(s, i, 16))
            end
        elseif kind == 20 then
            out(" cap ", hex2[byte(s, i)], " id ", byte(s, i + 1))
        elseif kind == 28 then
            local v = be16(s, i)
            out(" 0x", string.format("%x", v))
            if v & 1 ~= 0 then v = (v >> 1) * 60 else v = v >> 1 end
            out(" ", v)
        elseif kind == 30 then
            -- tcpdump's MPTCP printer names its protocol; a later longjmp keeps that name
            trunc_name = "mptcp"
            if not mptcp(s, i - 2, len, flags) then bad = true end
        elseif kind == 34 then
            out(" ")
            fastopen(s, i, dl)
        elseif kind == 254 then
            if dl < 2 then
                bad = true
            else
                local magic = be16(s, i)
                out("-")
                if magic == 0xf989 then
                    out("tfo")
                    fastopen(s, i + 2, dl - 2)
                else
                    out(hex4(magic))
                end
            end
        elseif dl > 0 then
            out(" 0x", hexrun(s, i, dl))
        end
        if bad == "trunc" then return wasfirst and "data" or "data>" end
        if bad then
            out("[bad opt]")
            if not wasfirst then out("]") end
            return false
        end
        i = i + dl
        n = n - dl
        local used = dl + (kind > 1 and 2 or 1)
        if used ~= len then out("[len ", len, "]") end
        if kind == 0 then break end
    end
    out("]")
    return true
end

-- port -> application printer(p, len, pkt, off): p holds the captured part (up to len
-- bytes) of the payload at offset off of pkt. Modules load on first use.
local function lazy(mod, fn, sep)
    local f
    return function(p, len, pkt, off)
        if not f then f = require(mod)[fn] end
        if sep then out(": ") end
        return f(p, len, pkt, off)
    end
end
local T = "tcplua.print.txtproto"
local http = lazy(T, "http", true)
local rtsp = lazy(T, "rtsp", true)
local apps = {
    [23] = lazy("tcplua.print.telnet", "print"),
    [25] = lazy(T, "smtp", true),
    [43] = lazy(T, "whois", true),
    [22] = lazy(T, "ssh"),
    [10288] = lazy(T, "beep"),
    [21] = lazy(T, "ftp", true),
    [80] = http, [8080] = http,
    [554] = rtsp, [8554] = rtsp,
    [53] = function(p, len) require("tcplua.print.dns").tcp(p, len) end,
}
M.apps = apps
-- When both ports have a printer, tcpdump's tcp_print tries them in this order (lower
-- first); ports not listed come last.
M.rank = { [23] = 1, [25] = 2, [43] = 3, [179] = 4, [1723] = 5, [6379] = 6, [22] = 7,
    [10288] = 8, [6633] = 9, [6653] = 9, [21] = 10, [80] = 11, [8080] = 11, [554] = 12,
    [8554] = 12, [53] = 13, [639] = 14, [323] = 15, [646] = 16, [2049] = 17 }

-- -T TYPE: tcpdump looks at no port; -T domain reads every payload as DNS over TCP
local ptype = opt.T

local function app(pkt, sport, dport, off, length, rst)
    local f, g = apps[sport], apps[dport]
    if ptype then f, g = ptype == "domain" and apps[53] or nil, nil end
    if not f then
        if not g and not rst then return end -- most segments: no need to copy the payload
        f = g
    elseif g and g ~= f and (M.rank[dport] or 99) < (M.rank[sport] or 99) then
        f = g
    end
    local p = pkt:sub(off, length) or ""
    if rst then
        -- "!": the data was cut by the capture
        out(#p < length and " [!RST" or " [RST")
        local n = length
        if n > 30 then
            n = 30
            out("+")
        end
        out(" ", U.printn(sub(p, 1, n)), "]")
        return
    end
    f(p, length, pkt, off)
end

-- The payload of a segment to its application printer, if any (tcplua.print's fast path).
M.app = app

-- Under -n without -v or -q, an everyday segment prints in one C call (tcplua.tcpline),
-- which declines anything else (cut or bad headers, odd options) for the code below.
-- (M.oneline = false turns it off: tests compare the two.)
M.oneline = U.nflag and vflag == 0 and not qflag

-- Print a TCP segment after "IP "/"IP6 " (ctx as described in tcplua.print).
function M.print(pkt, ctx)
    local off = ctx.off
    local length = ctx.len
    if M.oneline then
        local n, sp, dp, poff
        if ctx.direct then
            n, sp, dp, poff = tcpline(pkt, off, length, ctx.src, ctx.dst)
        else
            n, sp, dp, poff = tcpline(pkt, off, length)
        end
        if n then
            if n > 0 then app(pkt, sp, dp, poff, n, false) end
            return
        end
    end
    -- the whole fixed header in one call; only a cut header needs byte reads
    local sport, dport, hlen, flags, flagstr, tseq, tack, win, urp, cksum = tcphdr(pkt)
    if not sport or length < 20 then
        -- tcpdump's bounds end where the IP length says: the ports and then the whole
        -- fixed header must lie within both the capture and that length
        sport, dport = pkt:u16(off), pkt:u16(off + 2)
        if not dport or length < 4 then
            out(ctx.src, " > ", ctx.dst, ": [|tcp]")
            return
        end
        hlen = nil
    end
    if ctx.direct then
        out(ctx.src, ".", port(sport), " > ", ctx.dst, ".", port(dport), ": ")
    else
        out(port(sport), " > ", port(dport), ": ")
    end
    if not hlen then
        out(" [|tcp]")
        return
    end
    if hlen < 20 then
        out(" tcp ", (length - hlen) & 0xffffffff, " [bad hdr length ", hlen, " - too short, < 20]")
        return
    end
    if qflag then
        out("tcp ", (length - hlen) & 0xffffffff)
        if hlen > length then out(" [bad hdr length ", hlen, " - too long, > ", length, "]") end
        return
    end
    out("Flags [", flagstr, "]")
    -- tcpdump consults its connection table (ACK set, no -S) before the length checks
    local seq, ack, rack, rnew
    if flags & 16 == 0 then
        seq = tseq
    else
        ack = tack
        if Sflag then
            seq, rack = tseq, ack
        else
            seq, rack, rnew = relseq(pkt)
        end
    end
    if hlen > length then
        out(" [bad hdr length ", hlen, " - too long, > ", length, "]")
        return
    end
    if vflag > 0 and not Kflag and not ctx.frag then
        local ok, good = cksum_of(pkt, "tcp")
        local ql = M.qlimit
        if ql and off + length > ql then ok = nil end
        if ok ~= nil and ctx.ipver == 6 and (length == 0 or off + length > pkt.caplen) then
            ok = nil -- (a jumbogram's segment is longer than the capture)
        end
        if ok ~= nil then
            out(", cksum 0x", hex4(cksum))
            if ok then
                out(" (correct)")
            else
                out(" (incorrect -> 0x", hex4(good), ")")
            end
        end
    end
    length = length - hlen
    if vflag > 1 or length > 0 or flags & 7 ~= 0 then
        out(", seq ", seq)
        if length > 0 then out(":", (seq + length) & 0xffffffff) end
    end
    if ack then out(", ack ", rack) end
    out(", win ", win)
    if flags & 32 ~= 0 then out(", urg ", urp) end
    if hlen > 20 and not tcpopts(pkt, off + 20, hlen - 20, sack_base(rnew, ack, rack)) then
        -- the everyday options are formatted in C (tcplua.tcpopts); the rest here
        -- (a last option's length byte is read from the payload when there is one)
        local s = pkt:sub(off + 20, hlen - 20 + (length > 0 and 1 or 0)) or ""
        seg_pkt, seg_ctx, seg_off, seg_hlen, seg_len = pkt, ctx, off, hlen, length
        local r = options(s, hlen - 20, flags, rnew, ack, rack)
        seg_pkt, seg_ctx = nil, nil
        if r == "trunc" then
            -- the option's kind or length byte was not captured (tcpdump's longjmp)
            U.trunc(trunc_name)
            return
        elseif r == "data" or r == "data>" then
            -- its data was not captured
            out(" [|", trunc_name, "]")
            if r == "data>" then out(">") end
            return
        elseif not r then
            return
        end
    end
    out(", length ", length)
    if length > 0 then
        -- options that end early (eol) leave the rest of a cut header unread: tcpdump
        -- checks the whole header is there before the payload and gives up if not
        if hlen > 20 and pkt.caplen - off < hlen then
            out(" [remaining caplen(", pkt.caplen - off, ") < header length(", hlen, ")]")
            U.trunc("tcp")
            return
        end
        app(pkt, sport, dport, off + hlen, length, flags & 4 ~= 0 and vflag > 0)
    end
end

return M
