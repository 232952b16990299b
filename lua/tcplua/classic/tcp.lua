-- tcplua.classic.tcp: a TCP segment (RFC 793) in tcpdump 3.x form:
--   "src.port > dst.port: FLAGS first:last(n) ack A win W urg U <options>"
-- with 3.x's rule for relative sequence numbers (see seq_relative) and option list.
local tcplua = require "tcplua"
local U = require "tcplua.classic.util"

local M = {}
local out = tcplua.out
local byte = string.byte
local sub32, add32 = U.sub32, U.add32
local tcpport = U.tcpport
local qflag, Sflag, vflag = U.qflag, U.Sflag, U.vflag

local FIN, SYN, RST, PSH, ACK, URG, ECE, CWR = 1, 2, 4, 8, 16, 32, 64, 128

-- flagtext[f]: 3.x's flag letters for the low 8 flag bits: S F R P, then W (CWR) E (ECE),
-- or "." when none of them is set (ACK and URG alone print ".")
local flagtext = {}
for f = 0, 255 do
    local s = ""
    if f & SYN ~= 0 then s = s .. "S" end
    if f & FIN ~= 0 then s = s .. "F" end
    if f & RST ~= 0 then s = s .. "R" end
    if f & PSH ~= 0 then s = s .. "P" end
    if f & CWR ~= 0 then s = s .. "W" end
    if f & ECE ~= 0 then s = s .. "E" end
    flagtext[f] = s == "" and "." or s
end
M.flagtext = flagtext

-- 3.x's tcp_seq_hash, as a Lua table: one entry per connection (both directions share it,
-- keyed in a fixed collating order), holding the two initial sequence numbers.
function M.seqtab()
    return {}
end

-- seq_relative(tab, src, sport, dst, dport, syn, seq, ack) -> seq, ack, sackbase
-- Called for segments with ACK set (3.x only tracks those). A segment with SYN (the
-- SYN/ACK), or the first one seen of a connection, records seq and ack - 1 as the two
-- sides' initial numbers and prints absolute numbers; later ones print seq and ack minus
-- them. sackbase is the number SACK blocks of this segment are made relative to.
local function seq_relative(tab, src, sport, dst, dport, syn, seq, ack)
    local rev = sport > dport or (sport == dport and src > dst)
    local key
    if rev then
        key = dst .. ">" .. src .. ":" .. ((dport << 16) | sport)
    else
        key = src .. ">" .. dst .. ":" .. ((sport << 16) | dport)
    end
    local th = tab[key]
    if not th or syn then
        th = th or {}
        tab[key] = th
        if rev then
            th.ack, th.seq = seq, sub32(ack, 1)
        else
            th.seq, th.ack = seq, sub32(ack, 1)
        end
    elseif rev then
        seq, ack = sub32(seq, th.ack), sub32(ack, th.seq)
    else
        seq, ack = sub32(seq, th.seq), sub32(ack, th.ack)
    end
    return seq, ack, rev and th.seq or th.ack
end
M.seq_relative = seq_relative

local bytes = require "tcplua.print.util"
local be16, be32 = bytes.be16, bytes.be32

local hex2 = {}
for b = 0, 255 do hex2[b] = string.format("%02x", b) end

-- option kind -> {name, data length}: the ones 3.x printed as "name value"
local fixed = {
    [2] = { "mss", 2 }, [3] = { "wscale", 1 }, [6] = { "echo", 4 }, [7] = { "echoreply", 4 },
    [11] = { "cc", 4 }, [12] = { "ccnew", 4 }, [13] = { "ccecho", 4 },
}

-- 3.x's LENCHECK: l bytes of option data at s[i] must be declared (hlen) and captured (n);
-- prints why not and returns true when they are not.
local function lencheck(l, hlen, i, n)
    if l > hlen then out("[bad opt]>") return true end
    if i + l - 1 > n then out("[|tcp]>") return true end
    return false
end

-- The option list: s holds the captured option bytes, hlen the option bytes the header
-- declares. Prints " <opt,opt,...>" the way 3.x's loop does, with "[bad opt]" for a length
-- that does not fit, "[|tcp]" when the capture ends first, "[len N]" when an option's
-- length byte disagrees with its kind. Returns nothing; the line goes on after it.
local function options(s, hlen, sackbase)
    local n = #s
    local i = 1
    out(" ")
    local ch = "<"
    while hlen > 0 do
        out(ch)
        if i > n then out("[|tcp]>") return end
        local kind = byte(s, i)
        i = i + 1
        local len = 1
        if kind > 1 then
            if i > n then out("[|tcp]>") return end
            len = byte(s, i)
            i = i + 1
            if len < 2 or len > hlen then out("[bad opt]>") return end
            hlen = hlen - 1
        end
        hlen = hlen - 1
        local datalen = 0
        local f = fixed[kind]
        if f then
            datalen = f[2]
            out(f[1])
            if lencheck(datalen, hlen, i, n) then return end
            out(" ", datalen == 1 and byte(s, i) or datalen == 2 and be16(s, i) or be32(s, i))
        elseif kind == 0 then
            out("eol")
        elseif kind == 1 then
            out("nop")
        elseif kind == 4 then
            out("sackOK")
        elseif kind == 5 then
            datalen = len - 2
            if datalen % 8 ~= 0 then
                out("malformed sack")
            else
                out("sack ", datalen // 8, " ")
                for k = 0, datalen - 8, 8 do
                    if lencheck(k + 8, hlen, i, n) then return end
                    out("{", sub32(be32(s, i + k), sackbase), ":",
                        sub32(be32(s, i + k + 4), sackbase), "}")
                end
            end
        elseif kind == 8 then
            datalen = 8
            out("timestamp")
            if lencheck(4, hlen, i, n) then return end
            out(" ", be32(s, i))
            if lencheck(8, hlen, i, n) then return end
            out(" ", be32(s, i + 4))
        else
            datalen = len - 2
            out("opt-", kind, ":")
            for k = 0, datalen - 1 do
                if lencheck(k + 1, hlen, i, n) then return end
                out(hex2[byte(s, i + k)])
            end
        end
        i = i + datalen
        hlen = hlen - datalen
        datalen = datalen + (kind > 1 and 2 or 1)
        if datalen ~= len then out("[len ", len, "]") end
        ch = ","
        if kind == 0 then break end
    end
    out(">")
end

local seqtab = M.seqtab()

-- Print the TCP layer tcp of pkt. rsrc, rdst: the IP addresses (they key the sequence
-- table); src, dst: the same as printed (names unless -n); length: the
-- transport length the IP header declares; addrs: false when 3.x printed ports only (IPv6
-- with extension headers before TCP).
function M.print(pkt, tcp, rsrc, rdst, src, dst, length, addrs)
    local sport, dport = tcp.sport, tcp.dport
    if not dport then
        out(src, " > ", dst, ": [|tcp]")
        return
    end
    if addrs then
        out(src, ".", tcpport(sport), " > ", dst, ".", tcpport(dport), ": ")
    else
        out(tcpport(sport), " > ", tcpport(dport), ": ")
    end
    local doff = tcp.doff
    if not doff then
        out("[|tcp]")
        return
    end
    local hlen = doff * 4
    if hlen < 20 then
        out(" tcp ", length - hlen, " [bad hdr length]")
        return
    end
    local urp = tcp.urp
    if urp == nil then
        out("[|tcp]")
        return
    end
    if qflag then
        out("tcp ", length - hlen)
        return
    end
    local flags = tcp.flags & 0xff
    local seq, ack = tcp.seq, tcp.ack
    out(flagtext[flags])
    local sackbase = 0
    if not Sflag and flags & ACK ~= 0 then
        seq, ack, sackbase = seq_relative(seqtab, rsrc, sport, rdst, dport, flags & SYN ~= 0, seq, ack)
    end
    if hlen > length then
        out(" [bad hdr length]")
        return
    end
    local dlen = length - hlen
    if vflag > 1 or dlen > 0 or flags & (SYN | FIN | RST) ~= 0 then
        out(" ", seq, ":", add32(seq, dlen), "(", dlen, ")")
    end
    if flags & ACK ~= 0 then out(" ack ", ack) end
    out(" win ", tcp.win)
    if flags & URG ~= 0 then out(" urg ", urp) end
    if hlen > 20 then
        options(pkt:sub(tcp.off + 20, hlen - 20) or "", hlen - 20, sackbase)
    end
end

return M
