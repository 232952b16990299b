-- tcplua.print.ppp: PPP (RFC 1661, HDLC-like framing RFC 1662) as tcpdump 4.99 prints it:
-- the protocol field, then IPv4/IPv6/MPLS printed in full, or the control protocols LCP,
-- IPCP, IP6CP, CCP, BACP (RFC 1661, 1332, 5072, 1962, 2125) and PAP/CHAP (RFC 1334, 1994).
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local eflag = (opt.e or 0) ~= 0 and opt.e ~= false
local hex2, hex4 = U.hex2, U.hex4
local link -- tcplua.print.link, loaded on first use

-- tcpdump's ppptype2str
local ptypes = {
    [0x0021] = "IP", [0x0023] = "OSI", [0x0025] = "NS", [0x0027] = "DECNET",
    [0x0029] = "APPLE", [0x002b] = "IPX", [0x002d] = "VJC IP", [0x002f] = "VJNC IP",
    [0x0031] = "BRPDU", [0x0033] = "STII", [0x0035] = "VINES", [0x0281] = "MPLS",
    [0x0283] = "MPLS", [0x00fd] = "Compressed", [0x003d] = "MLPPP", [0x0057] = "IP6",
    [0x0201] = "HELLO", [0x0231] = "LUXCOM", [0x0233] = "SNS", [0x8021] = "IPCP",
    [0x8023] = "OSICP", [0x8025] = "NSCP", [0x8027] = "DECNETCP", [0x8029] = "APPLECP",
    [0x802b] = "IPXCP", [0x8033] = "STIICP", [0x8035] = "VINESCP", [0x8057] = "IP6CP",
    [0x8281] = "MPLSCP", [0xc021] = "LCP", [0xc023] = "PAP", [0xc025] = "LQM",
    [0xc223] = "CHAP", [0xc227] = "EAP", [0xc027] = "SPAP", [0xc123] = "Old-SPAP",
    [0xc02b] = "BACP", [0xc02d] = "BAP", [0xc03d] = "MLPPP-CP", [0x80fd] = "CCP",
}
M.ptypes = ptypes

-- A read past the captured bytes: tcpdump gives up on the packet (" [|ppp]", whole dump).
local CUT = {}

-- Reads that give up on the packet when the bytes were not captured (lim: end of the bytes
-- tcpdump may read, at most the capture; plim: the same before that bound, which inner
-- packets take as their length bound).
local lim, plim
local function u8(pkt, off)
    local v = off < lim and pkt:u8(off)
    if not v then error(CUT, 0) end
    return v
end
local function u16(pkt, off)
    local v = off + 2 <= lim and pkt:u16(off)
    if not v then error(CUT, 0) end
    return v
end
local function u32(pkt, off)
    local v = off + 4 <= lim and pkt:u32(off)
    if not v then error(CUT, 0) end
    return v
end
local function u24(pkt, off)
    return (u8(pkt, off) << 16) | u16(pkt, off + 1)
end
local function has(off, n)
    return off + n <= lim
end
local function hex8(v)
    return hex4(v >> 16) .. hex4(v & 0xffff)
end
local function ipaddr(pkt, off)
    local a = u32(pkt, off)
    return U.host((a >> 24) .. "." .. ((a >> 16) & 255) .. "." .. ((a >> 8) & 255) .. "." .. (a & 255))
end

-- tcpdump's print_unknown_data: hex lines "<ident>0x0000:  0102 ..." of the captured part.
local function unknown(pkt, off, n, ident)
    if off > lim then
        out(ident, "Dissector error: print_unknown_data called with pointer past end of packet")
        return
    end
    if n > lim - off then n = lim - off end
    local s = pkt:sub(off, n)
    local t, k = {}, 0
    for j = 0, #s - 1, 2 do
        if j % 16 == 0 then
            k = k + 1
            t[k] = ident .. "0x" .. hex4(j) .. ": "
        end
        k = k + 1
        t[k] = " " .. hex2[s:byte(j + 1)] .. (j + 1 < #s and hex2[s:byte(j + 2)] or "")
    end
    out(table.concat(t))
end

-- characters as tcpdump's fn_print_char shows them
local function chars(pkt, off, n)
    local avail = lim - off
    if n > avail then
        if avail > 0 then out(U.printn(pkt:sub(off, avail))) end
        error(CUT, 0)
    end
    if n > 0 then out(U.printn(pkt:sub(off, n))) end
end

local function ouiname(v)
    local names = { [0x000000] = "Ethernet", [0x00000c] = "Cisco", [0x00005e] = "IANA",
        [0x0080c2] = "Ethernet bridged", [0x00a03e] = "ATM Forum", [0x009069] = "Juniper" }
    return names[v] or "Unknown"
end

-- LCP configuration options (RFC 1661 section 6 and later RFCs)
local lcpnames = { [0] = "Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num",
    "deprecated(6)", "PFC", "ACFC", "FCS-Alt", "SDP", "Num-Mode", "deprecated(12)", "Call-Back",
    "deprecated(14)", "deprecated(15)", "deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc",
    "Proprietary", "DCE-Id", "MP+", "Link-Disc", "LCP-Auth-Opt", "COBS", "Prefix-elision",
    "Multilink-header-Form", "I18N", "SDL-over-SONET/SDH", "PPP-Muxing" }
local authalgs = { [5] = "MD5", [128] = "MS-CHAPv1", [129] = "MS-CHAPv2" }
local callbacks = { [0] = "UserAuth", "DialString", "LocalID", "E.164", "X.500", [6] = "CBCP" }

local function bogus(what)
    out(" (length bogus, should be ", what, ")")
end

-- An LCP option's value; returns what the option printer returns (its length or 0).
local function lcp_value(pkt, p, o, len)
    if o == 0 then
        if len < 6 then return bogus(">= 6") or len end
        local v = u24(pkt, p + 2)
        out(": Vendor: ", ouiname(v), " (", v, ")")
    elseif o == 1 or o == 17 then
        if len ~= 4 then return bogus("= 4") or (o == 1 and len or 0) end
        out(": ", u16(pkt, p + 2))
    elseif o == 2 then
        if len ~= 6 then return bogus("= 6") or len end
        out(": 0x", hex8(u32(pkt, p + 2)))
    elseif o == 3 then
        if len < 4 then return bogus(">= 4") or len end
        local ap = u16(pkt, p + 2)
        out(": ", ptypes[ap] or "Unknown Auth Proto (0x04x)")
        if ap == 0xc223 then
            local a = u8(pkt, p + 4)
            out(", ", authalgs[a] or ("Unknown Auth Alg " .. a))
        elseif ap ~= 0xc023 and ap ~= 0xc227 and ap ~= 0xc027 and ap ~= 0xc123 then
            unknown(pkt, p, len, "\n\t")
        end
    elseif o == 4 then
        if len < 4 then return bogus(">= 4") or 0 end
        out(u16(pkt, p + 2) == 0xc025 and ": LQR" or ": unknown")
    elseif o == 5 then
        if len ~= 6 then return bogus("= 6") or 0 end
        out(": 0x", hex8(u32(pkt, p + 2)))
    elseif o == 23 then
        if len ~= 4 then return bogus("= 4") or 0 end
        out(": 0x", hex4(u16(pkt, p + 2)))
    elseif o == 13 then
        if len < 3 then return bogus(">= 3") or 0 end
        out(": ")
        local c = u8(pkt, p + 2)
        out(": Callback Operation ", callbacks[c] or "Unknown", " (", c, ")")
    elseif o == 19 then
        if len < 3 then return bogus(">= 3") or 0 end
        local c = u8(pkt, p + 2)
        if c == 2 then
            if len ~= 7 then return bogus("= 7") or 0 end
            out(": IPv4 ", ipaddr(pkt, p + 3))
        elseif c == 3 then
            if len ~= 9 then return bogus("= 9") or 0 end
            u8(pkt, p + 8)
            local b = { pkt:sub(p + 3, 6):byte(1, 6) }
            for i = 1, 6 do b[i] = hex2[b[i]] end
            out(": MAC ", U.ether(table.concat(b, ":")))
        else
            out(({ [0] = ": Null", ": Local", [4] = ": Magic-Num-Block", [5] = ": PSNDN" })[c]
                or (": Unknown class " .. c))
        end
    elseif o ~= 7 and o ~= 8 then
        if vflag < 2 then unknown(pkt, p + 2, len - 2, "\n\t    ") end
    end
end

local function lcp_opt(pkt, p, length)
    if length < 2 then return 0 end
    if not has(p, 2) then return out("[|lcp]") or 0 end
    local o, len = u8(pkt, p), u8(pkt, p + 1)
    if length < len then return 0 end
    local name = lcpnames[o]
    if not name then
        out("\n\tunknown LCP option 0x", hex2[o])
        return len >= 2 and len or 0
    end
    out("\n\t  ", name, " Option (0x", hex2[o], "), length ", len)
    if len < 2 then return bogus(">= 2") or 0 end
    local r = lcp_value(pkt, p, o, len)
    if r then return r end
    if vflag > 1 then unknown(pkt, p + 2, len - 2, "\n\t    ") end
    return len
end

local ipcpnames = { "IP-Addrs", "IP-Comp", "IP-Addr", "Home-Addr", [129] = "Pri-DNS",
    [130] = "Pri-NBNS", [131] = "Sec-DNS", [132] = "Sec-NBNS" }

-- IPCP IP-Compression-Protocol (RFC 1332, RFC 3544). Returns 0 when the option printer
-- stops, else nil and where tcpdump's -vv dump of the option starts (past the suboptions).
local function ipcomp(pkt, p, len)
    if len < 4 then return bogus(">= 4") or 0 end
    local cp = u16(pkt, p + 2)
    out(": ", cp == 0x2d and "VJ-Comp" or cp == 0x61 and "IP Header Compression" or "Unknown",
        " (0x", cp < 256 and hex2[cp] or U.hex(cp), "):")
    if cp ~= 0x61 then return nil, p end
    if len < 14 then return out(" (length bogus, should be >= 14)") or 0 end
    if not has(p + 2, 14) then return out("[|ipcp]") or 0 end
    out("\n\t    TCP Space ", u16(pkt, p + 4), ", non-TCP Space ", u16(pkt, p + 6), ", maxPeriod ",
        u16(pkt, p + 8), ", maxTime ", u16(pkt, p + 10), ", maxHdr ", u16(pkt, p + 12))
    if len <= 14 then return nil, p end
    local total, q = len - 14, p + 14
    out("\n\t      Suboptions, length ", total)
    while total >= 2 do
        if not has(q, 2) then return out("[|ipcp]") or 0 end
        local so, sl = u8(pkt, q), u8(pkt, q + 1)
        if so == 0 or sl == 0 then break end
        out("\n\t\t", so == 1 and "RTP-Compression" or so == 2 and "Enhanced RTP-Compression"
            or "Unknown", " Suboption #", so, ", length ", sl)
        if total < sl then
            out(" [remaining suboptions length ", total, " < ", sl, "] (invalid)")
            break
        end
        total, q = total - sl, q + sl
    end
    return nil, q
end

-- Option values: each returns what the option printer returns when it stops early, else
-- nil (and where the -vv dump starts, when not at the option); unknown options are dumped.
local function ipcp_value(pkt, p, o, len)
    if o == 1 then
        if len ~= 10 then return bogus("= 10") or len end
        out(": src ", ipaddr(pkt, p + 2), ", dst ", ipaddr(pkt, p + 6))
    elseif o == 2 then
        return ipcomp(pkt, p, len)
    elseif o == 3 or o == 4 or (o >= 129 and o <= 132) then
        if len ~= 6 then return bogus("= 6") or 0 end
        out(": ", ipaddr(pkt, p + 2))
    elseif vflag < 2 then
        unknown(pkt, p + 2, len - 2, "\n\t    ")
    end
end

local function ip6cp_value(pkt, p, o, len)
    if o == 1 then
        if len ~= 10 then return bogus("= 10") or len end
        if not has(p + 2, 8) then return out("[|ip6cp]") or 0 end
        out(": ", hex4(u16(pkt, p + 2)), ":", hex4(u16(pkt, p + 4)), ":", hex4(u16(pkt, p + 6)),
            ":", hex4(u16(pkt, p + 8)))
    elseif vflag < 2 then
        unknown(pkt, p + 2, len - 2, "\n\t    ")
    end
end

local function ccp_value(pkt, p, o, len)
    if o == 21 then
        if len < 3 then return bogus(">= 3") or len end
        local b = u8(pkt, p + 2)
        out(": Version: ", b >> 5, ", Dictionary Bits: ", b & 0x1f)
    elseif o == 24 then
        if len < 4 then return bogus(">= 4") or len end
        local b = u8(pkt, p + 2)
        out(": Features: ", (b & 0xc0) >> 6, ", PxP: ", b & 0x20 ~= 0 and "Enabled" or "Disabled",
            ", History: ", b & 0x1f, ", #CTX-ID: ", u8(pkt, p + 3))
    elseif o == 26 then
        if len < 4 then return bogus(">= 4") or len end
        local b, c = u8(pkt, p + 2), u8(pkt, p + 3)
        out(": Window: ", (b & 0xf0) >> 4, "K, Method: ", b & 15 == 8 and "zlib" or "unknown",
            " (0x", string.format("%x", b & 15), "), MBZ: ", (c & 0xfc) >> 2, ", CHK: ", c & 3)
    elseif vflag < 2 then
        unknown(pkt, p + 2, len - 2, "\n\t    ")
    end
end

local function bacp_value(pkt, p, o, len)
    if o == 1 then
        if len ~= 6 then return bogus("= 6") or len end
        out(": Magic-Num 0x", hex8(u32(pkt, p + 2)))
    elseif vflag < 2 then
        unknown(pkt, p + 2, len - 2, "\n\t    ")
    end
end

local ccpnames = { [0] = "OUI", "Pred-1", "Pred-2", "Puddle", [16] = "HP-PPC", [17] = "Stac-LZS",
    [18] = "MPPC", [19] = "Gand-FZA", [20] = "V.42bis", [21] = "BSD-Comp", [23] = "LZS-DCP",
    [24] = "MVRCA", [25] = "DEC", [26] = "Deflate", [255] = "Reserved" }
-- per protocol: option names, the name of others, the name in "[|...]", the value printer
local cpspecs = { [0x8021] = { ipcpnames, "unknown", "ipcp", ipcp_value },
    [0x8057] = { { "Interface-ID" }, "unknown", "ip6cp", ip6cp_value },
    [0x80fd] = { ccpnames, "Unknown", "ccp", ccp_value },
    [0xc02b] = { { "Favored-Peer" }, "Unknown", "bacp", bacp_value } }

-- One IPCP/IP6CP/CCP/BACP option at p (length: the whole packet's); returns its length, or 0
-- when the option list stops.
local function cp_opt(spec, pkt, p, length)
    if length < 2 then return 0 end
    if not has(p, 2) then return out("[|", spec[3], "]") or 0 end
    local o, len = u8(pkt, p), u8(pkt, p + 1)
    if length < len then return 0 end
    out("\n\t  ", spec[1][o] or spec[2], " Option (0x", hex2[o], "), length ", len)
    if len < 2 then return bogus(">= 2") or 0 end
    local r, dump = spec[4](pkt, p, o, len)
    if r then return r end
    if vflag > 1 then unknown(pkt, (dump or p) + 2, len - 2, "\n\t    ") end
    return len
end


local cpcodes = { [0] = "Vendor-Extension", "Conf-Request", "Conf-Ack", "Conf-Nack",
    "Conf-Reject", "Term-Request", "Term-Ack", "Code-Reject", "Prot-Reject", "Echo-Request",
    "Echo-Reply", "Disc-Req", "Ident", "Time-Rem", "Reset-Req", "Reset-Ack" }

-- The body of a control packet (vflag > 0) after its 4-byte header at p; code, len, length
-- as read. Returns false when tcpdump stops with "[|<proto>]".
local function ctrl_body(pkt, proto, code, p, len, length)
    local t = p + 4
    if code == 0 then
        if length < 11 then return true end
        out("\n\t  Magic-Num 0x", hex8(u32(pkt, t)))
        local v = u24(pkt, t + 4)
        out(" Vendor: ", ouiname(v), " (", v, ")")
    elseif code >= 1 and code <= 4 then
        local spec = proto == 0xc021 or cpspecs[proto]
        local tlen = len - 4
        while spec do
            local adv = spec == true and lcp_opt(pkt, t, len) or cp_opt(spec, pkt, t, len)
            if adv == 0 then break end
            if tlen < adv then
                out(" [remaining options length ", tlen, " < ", adv, "] (invalid)")
                break
            end
            tlen, t = tlen - adv, t + adv
            if tlen == 0 then break end
        end
    elseif code == 8 then
        if length < 6 then return true end
        local rp = u16(pkt, t)
        out("\n\t  Rejected ", ptypes[rp] or "unknown", " Protocol (0x", hex4(rp), ")")
        if len > 6 then
            out("\n\t  Rejected Packet")
            unknown(pkt, t + 2, len - 2, "\n\t    ")
        end
    elseif code >= 9 and code <= 11 then
        if length < 8 then return true end
        out("\n\t  Magic-Num 0x", hex8(u32(pkt, t)))
        if len > 8 then
            out("\n\t  -----trailing data-----")
            if not has(t + 4, len - 8) then return false end
            unknown(pkt, t + 4, len - 8, "\n\t  ")
        end
    elseif code == 12 then
        if length < 8 then return true end
        out("\n\t  Magic-Num 0x", hex8(u32(pkt, t)))
        if len > 8 then
            out("\n\t  Message\n\t    ")
            local n, avail = len - 4, lim - (t + 4)
            if n > avail then
                if avail > 0 then out(U.printn(pkt:sub(t + 4, avail))) end
                return false
            end
            out(U.printn(pkt:sub(t + 4, n)))
        end
    elseif code == 13 then
        if length < 12 then return true end
        out("\n\t  Magic-Num 0x", hex8(u32(pkt, t)))
        out(", Seconds-Remaining ", u32(pkt, t + 4), "s")
    elseif code ~= 5 and code ~= 6 and code ~= 7 then
        if vflag <= 1 then unknown(pkt, p - 2, length + 2, "\n\t  ") end
    end
    return true
end

-- LCP, IPCP and the other control protocols (RFC 1661 section 5)
local function ctrl(pkt, proto, p, length)
    local name = ptypes[proto] or ("unknown ctrl-proto (0x" .. hex4(proto) .. ")")
    out(name, ", ")
    if length < 4 or not has(p, 2) then
        out("[|", name, "]")
        return
    end
    local code = u8(pkt, p)
    out(cpcodes[code] or "Unknown Opcode", " (0x", hex2[code], "), id ", u8(pkt, p + 1),
        ", length ", length + 2)
    if vflag == 0 then return end
    local len = u16(pkt, p + 2)
    if len < 4 then
        out("\n\tencoded length ", len, " (< 4))")
        return
    end
    if len > length then
        out("\n\tencoded length ", len, " (> packet length ", length, "))")
        return
    end
    out("\n\tencoded length ", len, " (=Option(s) length ", len - 4, ")")
    if len == 4 then return end
    if vflag > 1 then unknown(pkt, p - 2, 6, "\n\t") end
    if not ctrl_body(pkt, proto, code, p, len, len) then out("[|", name, "]") end
end

local chapcodes = { "Challenge", "Response", "Success", "Fail" }

-- CHAP (RFC 1994)
local function chap(pkt, p, length)
    if length < 1 then
        out("[|chap]")
        return
    elseif length < 4 then
        out("[|chap 0x", hex2[u8(pkt, p)], "]")
        return
    end
    local code = u8(pkt, p)
    out("CHAP, ", chapcodes[code] or "unknown", " (0x", hex2[code], ")")
    out(", id ", u8(pkt, p + 1))
    local len = u16(pkt, p + 2)
    if code == 1 or code == 2 then
        if length - 4 < 1 then return end
        local vs = u8(pkt, p + 4)
        if length - 5 < vs then return end
        out(", Value ")
        for i = 0, vs - 1 do out(hex2[u8(pkt, p + 5 + i)]) end
        local q = p + 5 + vs
        out(", Name ")
        local n = len - (q - p)
        chars(pkt, q, n < 0 and n + 0x100000000 or n)
    elseif code == 3 or code == 4 then
        out(", Msg ")
        local n = len - 4
        chars(pkt, p + 4, n < 0 and n + 0x100000000 or n)
    end
end

local papcodes = { "Auth-Req", "Auth-ACK", "Auth-NACK" }

-- PAP (RFC 1334)
local function pap(pkt, p, length)
    if length < 1 then
        out("[|pap]")
        return
    elseif length < 4 then
        out("[|pap 0x", hex2[u8(pkt, p)], "]")
        return
    end
    local code = u8(pkt, p)
    out("PAP, ", papcodes[code] or "unknown", " (0x", hex2[code], ")")
    out(", id ", u8(pkt, p + 1))
    local len = u16(pkt, p + 2)
    if len > length then
        out(", length ", len, " > packet size")
        return
    end
    length = len
    if length < 4 then
        out(", length ", length, " < PAP header length")
        return
    end
    local q = p + 4
    if code == 1 then
        if len < 6 then return out("[|pap]") end
        if length - 4 < 1 then return end
        local n = u8(pkt, q)
        if length - 5 < n then return end
        out(", Peer ")
        chars(pkt, q + 1, n)
        q = q + 1 + n
        if length - (q - p) < 1 then return end
        n = u8(pkt, q)
        if length - (q - p) - 1 < n then return end
        out(", Name ")
        chars(pkt, q + 1, n)
    elseif code == 2 or code == 3 then
        if len < 5 then return out("[|pap]") end
        local n = u8(pkt, q)
        if length - 5 < n then return end
        out(", Msg ")
        chars(pkt, q + 1, n)
    end
end

-- Multilink PPP fragment header (RFC 1990), 12-bit sequence numbers
local function mlppp(pkt, p, length)
    if not eflag then out("MLPPP, ") end
    if length < 2 or not has(p, 2) then
        out("[|mlppp]")
        return
    end
    local v = u16(pkt, p)
    local b = v >> 8
    local fl = {}
    if b & 0x80 ~= 0 then fl[#fl + 1] = "begin" end
    if b & 0x40 ~= 0 then fl[#fl + 1] = "end" end
    out("seq 0x", string.format("%03x", v & 0xfff), ", Flags [",
        #fl > 0 and table.concat(fl, ", ") or "none", "], length ", length)
end

local ctrlprotos = { [0xc021] = true, [0x8021] = true, [0x8023] = true, [0x8281] = true,
    [0x8057] = true, [0x80fd] = true, [0xc02b] = true }
local nets = { [0x0800] = 0x0800, [0x002f] = 0x0800, [0x0021] = 0x0800, [0x86dd] = 0x86dd,
    [0x0057] = 0x86dd, [0x0281] = 0x8847, [0x0283] = 0x8847 }

local hdlc

-- What follows the protocol field (tcpdump's handle_ppp)
local function handle(pkt, proto, p, length)
    if proto & 0xff00 == 0x7e00 then return hdlc(pkt, p - 1, length) end
    if ctrlprotos[proto] then return ctrl(pkt, proto, p, length) end
    local et = nets[proto]
    if et then
        link = link or require "tcplua.print.link"
        link.payload(pkt, et, p, length, plim)
    elseif proto == 0x003d then
        mlppp(pkt, p, length)
    elseif proto == 0xc223 then
        chap(pkt, p, length)
    elseif proto == 0xc023 then
        pap(pkt, p, length)
    elseif proto == 0xc02d then
        return
    elseif proto == 0x8137 or proto == 0x002b then
        require("tcplua.print.ipx").print(pkt, p, length)
    elseif proto == 0x0023 then
        require("tcplua.print.llc").isoclns(pkt, p, length)
    elseif proto == 0x00fd then
        out("compressed PPP data")
    else
        out(ptypes[proto] or ("unknown PPP protocol (0x" .. hex4(proto) .. ")"), " ")
        unknown(pkt, p, length, "\n\t")
    end
end

-- A frame in HDLC-like framing (RFC 1662) from p, where a protocol field of 0x7eXX put the
-- flag: tcpdump guesses what follows from the captured bytes. (It first undoes the 0x7d
-- escapes; tcplua reads the bytes as they are, so escaped frames may print otherwise.)
hdlc = function(pkt, p, length)
    local n = lim - p
    if n <= 0 or length == 0 then return end
    local b = u8(pkt, p)
    if b == 0x21 or b == 0x57 then
        link = link or require "tcplua.print.link"
        return link.payload(pkt, b == 0x21 and 0x0800 or 0x86dd, p + 1, n - 1, lim)
    end
    if n < 2 then return out(" [|ppp]") end
    local proto = u16(pkt, p)
    if proto == 0xff03 then
        if n < 4 then return out(" [|ppp]") end
        p, n = p + 2, n - 2
        proto = u16(pkt, p)
    end
    if proto & 0xff00 == 0x7e00 then
        out("(protocol 0x", hex4(proto), " invalid)")
    else
        handle(pkt, proto, p + 2, n - 2)
    end
end

local function frame(pkt, p, length)
    local olen = length
    if length < 2 then return out(" [|ppp]") end
    local h = u16(pkt, p)
    if h == 0x0003 or h == 0x0103 or h == 0xff03 then
        if eflag and h ~= 0xff03 then out(h == 0x0003 and "In  " or "Out ") end
        p, length = p + 2, length - 2
    end
    if length < 2 then return out(" [|ppp]") end
    local proto = u8(pkt, p)
    if proto % 2 == 1 then
        p, length = p + 1, length - 1
    else
        proto = u16(pkt, p)
        p, length = p + 2, length - 2
    end
    if eflag then
        local name = ptypes[proto]
        out(name or "unknown", " (0x", hex4(proto), "), length ", olen)
        if not name then return end
        out(": ")
    end
    handle(pkt, proto, p, length)
end

-- Run f(pkt, ...) with reads limited to limit; a read past it ends in " [|<name>]".
local function guarded(f, name, limit, pkt, ...)
    local saved, psaved = lim, plim
    plim = limit
    lim = limit < pkt.caplen and limit or pkt.caplen
    local ok, err = pcall(f, pkt, ...)
    lim, plim = saved, psaved
    if not ok then
        if err ~= CUT then error(err, 0) end
        U.trunc(name)
    end
end

-- A PPP frame (address and control fields optional) at off, length bytes on the wire;
-- limit: end of the bytes that may be read (default: the packet; the capture bounds it too).
function M.print_at(pkt, off, length, limit)
    guarded(frame, "ppp", limit or pkt.len, pkt, off, length)
end

-- What follows the protocol field (for PPP link types that print their own header); name:
-- the protocol in " [|name]" when the capture ends early.
function M.handle(pkt, proto, off, length, limit, name)
    guarded(handle, name or "ppp", limit or pkt.len, pkt, proto, off, length)
end

-- Network interface (ethertype 0x880b): tcpdump puts ": " before a frame that is not empty.
function M.print(pkt, length)
    if length == 0 then return end
    out(": ")
    M.print_at(pkt, pkt.net_off, length)
end

return M
