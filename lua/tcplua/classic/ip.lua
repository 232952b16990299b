-- tcplua.classic.ip: IPv4 (RFC 791) and IPv6 (RFC 8200) datagrams in tcpdump 3.x form: the
-- transport line, then 3.x's trailer " (frag id:len@off+)" or " (DF)", " [tos 0x10]",
-- " [ttl 1]", and with -v " (ttl 64, id 1)"; UDP and unknown protocols are printed here.
local tcplua = require "tcplua"
local U = require "tcplua.classic.util"
local tcp = require "tcplua.classic.tcp"
local icmp = require "tcplua.classic.icmp"

local M = {}
local out = tcplua.out
local host, udpport = U.host, U.udpport
local vflag = U.vflag
local fmt = string.format

-- "src.sport > dst.dport: udp N" (N = UDP length - 8, from the header)
local function udp_print(u, src, dst, length, addrs)
    if not u or not u.ulen then
        out(src, " > ", dst, ": [|udp]")
        return
    end
    if addrs then
        out(src, ".", udpport(u.sport), " > ", dst, ".", udpport(u.dport), ": ")
    else
        out(udpport(u.sport), " > ", udpport(u.dport), ": ")
    end
    if length < 8 or u.ulen < 8 then
        out("truncated-udp ", length)
        return
    end
    out("udp ", u.ulen - 8)
end
M.udp_print = udp_print

-- 3.x's ip_printroute: " RR{a b# c}" with "#" at the address the pointer designates
local function printroute(name, s, len)
    local ptr = (s:byte(3) or 0) - 1
    out(" ", name, "{")
    local sep = ""
    local k = 3
    while k < len and k + 4 <= #s do
        if ptr == k then sep = "#" end
        local a, b, c, d = s:byte(k + 1, k + 4)
        out(sep, host(a .. "." .. b .. "." .. c .. "." .. d))
        sep = " "
        k = k + 4
    end
    out(ptr == k and "#}" or "}")
end

local optname = { [130] = "SECURITY", [68] = "TS" }

-- 3.x's ip_optprint for the option bytes s
local function ipopts(s)
    local i, n = 1, #s
    while i <= n do
        local t = s:byte(i)
        local len = (t == 0 or t == 1) and 1 or s:byte(i + 1)
        if not len or len <= 0 then
            out("[|ip op len ", len or 0, "]")
            return
        end
        if i + len - 1 > n then
            out("[|ip]")
            return
        end
        if t == 0 then
            out(" EOL")
            if n - i > 0 then out("-", n - i) end
            return
        elseif t == 1 then
            out(" NOP")
        elseif optname[t] then
            out(" ", optname[t], "{", len, "}")
        elseif t == 7 then
            out(" RR{", len, "}=")
            printroute("RR", s:sub(i, i + len - 1), len)
        elseif t == 137 then
            printroute("SSRR", s:sub(i, i + len - 1), len)
        elseif t == 131 then
            printroute("LSRR", s:sub(i, i + len - 1), len)
        elseif t == 148 then
            out(" RA{", len, "}")
        else
            out(" IPOPT-", t, "{", len, "}")
        end
        i = i + len
    end
end

-- Print the IPv4 datagram of pkt (its network layer) from the source address on.
local function print4(pkt)
    local ip = pkt.ip
    if not ip or not ip.dst then
        out("[|ip]")
        return
    end
    local hlen = ip.ihl * 4
    local wire = pkt.len - ip.off
    if wire < ip.tot_len then out("truncated-ip - ", ip.tot_len - wire, " bytes missing!") end
    local len = ip.tot_len - hlen
    local foff, mf = ip.frag_off, ip.mf
    local src, dst = host(ip.src), host(ip.dst)
    if foff == 0 then
        local p = ip.proto
        if p == 6 then
            local t = pkt.tcp
            if t then
                tcp.print(pkt, t, ip.src, ip.dst, src, dst, len, true)
            else
                out(src, " > ", dst, ": [|tcp]")
            end
        elseif p == 17 then
            udp_print(pkt.udp, src, dst, len, true)
        elseif p == 1 then
            out(src, " > ", dst, ": ")
            local ic = pkt.icmp
            if ic then icmp.print(pkt, ic) else out("[|icmp]") end
        elseif p == 4 and ip.payload_off then
            if vflag > 0 then out(src, " > ", dst, ": ") end
            print4(pkt:inner(ip.payload_off))
            if vflag == 0 then
                out(" (encap)")
                return
            end
        else
            out(src, " > ", dst, ": ip-proto-", p, " ", len)
        end
    end
    local fragmented = mf or foff ~= 0
    if fragmented then
        if foff ~= 0 then out(src, " > ", dst, ":") end
        out(" (frag ", ip.id, ":", len, "@", foff * 8, mf and "+)" or ")")
    elseif ip.df then
        out(" (DF)")
    end
    local tos, ttl = ip.tos, ip.ttl
    if tos ~= 0 then out(" [tos 0x", fmt("%x", tos), "]") end
    if ttl <= 1 then out(" [ttl ", ttl, "]") end
    if vflag > 0 then
        local sep = ""
        out(" (")
        if ttl > 1 then
            out("ttl ", ttl)
            sep = ", "
        end
        if not fragmented then
            out(sep, "id ", ip.id)
            sep = ", "
        end
        if ip.cksum_ok == false then
            out(sep, "bad cksum ", fmt("%x", ip.cksum), "!")
            sep = ", "
        end
        if hlen > 20 then
            out(sep, "optlen=", hlen - 20)
            ipopts(pkt:sub(ip.off + 20, hlen - 20) or "")
        end
        out(")")
    end
end
M.print4 = print4
icmp.ipprint = print4

local print6

-- 3.x's line for the extension header e of an IPv6 datagram; true when the rest of the
-- datagram cannot be decoded (a fragment other than the first)
local function ext6(e, ip6)
    local t = e.type
    if t == 0 then
        out("HBH ")
    elseif t == 60 then
        out("DSTOPT ")
    elseif t == 43 then
        out("srcrt (len=", (e.len or 8) // 8 - 1, ", type=", e.rtype or 0, ", segleft=",
            e.segleft or 0, ") ")
    elseif t == 44 then
        local off = (e.frag_off or 0) * 8
        local flen = ip6.plen + 40 - (e.off - ip6.off) - 8
        if vflag > 0 then
            out("frag (0x", fmt("%08x", e.frag_id or 0), ":", off, "|", flen, ")")
        else
            out("frag (", off, "|", flen, ")")
        end
        if off ~= 0 then return true end
        out(" ")
    elseif t == 51 then
        out("AH ")
    end
    return false
end

-- Print the IPv6 datagram of pkt from the source address on.
print6 = function(pkt)
    local ip6 = pkt.ip6
    if not ip6 or not ip6.dst then
        out("[|ip6]")
        return
    end
    local plen = ip6.plen
    local src, dst = host(ip6.src), host(ip6.dst)
    local nxt = ip6.nxt
    if nxt ~= 6 and nxt ~= 17 then out(src, " > ", dst, ": ") end
    local ext = ip6.ext
    local stop = false
    for k = 1, ext and #ext or 0 do
        if ext6(ext[k], ip6) then
            stop = true
            break
        end
    end
    if not stop then
        local p = ip6.next_proto
        local addrs = not ext or #ext == 0
        local endoff = ip6.off + 40 + plen
        if p == 6 then
            local t = pkt.tcp
            if t then
                tcp.print(pkt, t, ip6.src, ip6.dst, src, dst, endoff - t.off, addrs)
            else
                out(addrs and src .. " > " .. dst .. ": " or "", "[|tcp]")
            end
        elseif p == 17 then
            local u = pkt.udp
            udp_print(u, src, dst, u and endoff - u.off or 0, addrs)
        elseif p == 58 then
            local ic = pkt.icmp6
            if ic then icmp.print6(pkt, ic) else out("[|icmp6]") end
        elseif p == 59 then
            out("no next header")
        elseif p == 4 and ip6.payload_off then
            print4(pkt:inner(ip6.payload_off))
        elseif p == 41 and ip6.payload_off then
            print6(pkt:inner(ip6.payload_off))
        else
            out("ip-proto-", p, " ", plen)
        end
    end
    local tclass, flow, hlim = ip6.tclass, ip6.flow, ip6.hlim
    if tclass ~= 0 then out(" [class 0x", fmt("%x", tclass), "]") end
    if flow ~= 0 then out(" [flowlabel 0x", fmt("%x", flow), "]") end
    if hlim <= 1 then out(" [hlim ", hlim, "]") end
    if vflag > 0 then
        out(" (len ", plen)
        if hlim > 1 then out(", hlim ", hlim) end
        out(")")
    end
end
M.print6 = print6

return M
