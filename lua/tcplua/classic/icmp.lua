-- tcplua.classic.icmp: ICMP (RFC 792) and ICMPv6 (RFC 4443, 4861) as tcpdump 3.x printed
-- them: "src > dst: icmp: echo request", "icmp: host X unreachable", "icmp6: neighbor sol:
-- who has X"...; errors name the quoted datagram's destination (and port).
local tcplua = require "tcplua"
local U = require "tcplua.classic.util"

local M = {}
local out = tcplua.out
local host, tcpport, udpport = U.host, U.tcpport, U.udpport
local vflag = U.vflag

-- M.ipprint(pkt) prints a whole IPv4 datagram (set by tcplua.classic.ip: it requires us)
M.ipprint = nil

local simple = {
    [0] = "echo reply", [4] = "source quench", [8] = "echo request",
    [10] = "router solicitation", [13] = "time stamp request", [14] = "time stamp reply",
    [15] = "information request", [16] = "information reply", [17] = "address mask request",
}

-- unreachable codes other than 2, 3, 4: {prefix, suffix} around the quoted destination
local unreach = {
    [0] = { "net ", " unreachable" }, [1] = { "host ", " unreachable" },
    [5] = { "", " unreachable - source route failed" },
    [6] = { "net ", " unreachable - unknown" }, [7] = { "host ", " unreachable - unknown" },
    [8] = { "", " unreachable - source host isolated" },
    [9] = { "net ", " unreachable - admin prohibited" },
    [10] = { "host ", " unreachable - admin prohibited" },
    [11] = { "net ", " unreachable - tos prohibited" },
    [12] = { "host ", " unreachable - tos prohibited" },
    [13] = { "host ", " unreachable - admin prohibited filter" },
    [14] = { "host ", " unreachable - host precedence violation" },
    [15] = { "host ", " unreachable - precedence cutoff" },
}

local redirect = { [0] = "redirect ", "redirect ", "redirect-tos ", "redirect-tos " }
local redirect_to = { [0] = " to net ", " to host ", " to net ", " to host " }

-- The quoted datagram of an ICMP error, decoded, or nil when it was not captured.
local function quoted(pkt, icmp)
    local q = icmp.quote_off
    if not q then return nil end
    local inner = pkt:inner(q)
    return inner and inner.ip
end

-- "icmp: ..." text after "src > dst: " for the unreachable message with code c
local function print_unreach(pkt, icmp, qip, c)
    local dst = host(qip.dst)
    if c == 2 then
        out(dst, " protocol ", qip.proto, " unreachable")
    elseif c == 3 then
        local inner = pkt:inner(icmp.quote_off)
        local t = qip.proto == 6 and inner.tcp or qip.proto == 17 and inner.udp or nil
        local dport = t and t.dport
        if not dport then
            dport = pkt:u16(icmp.quote_off + qip.ihl * 4 + 2)
            if not dport then out("[|icmp]") return end
        end
        if qip.proto == 6 then
            out(dst, " tcp port ", tcpport(dport), " unreachable")
        elseif qip.proto == 17 then
            out(dst, " udp port ", udpport(dport), " unreachable")
        else
            out(dst, " port ", dport, " unreachable")
        end
    elseif c == 4 then
        local mtu = icmp.mtu
        if mtu and mtu ~= 0 then
            out(dst, " unreachable - need to frag (mtu ", mtu, ")")
        else
            out(dst, " unreachable - need to frag")
        end
    else
        local u = unreach[c]
        if u then
            out(u[1], dst, u[2])
        else
            out(dst, " unreachable - #", c)
        end
    end
end

-- Print the ICMP layer of pkt after "src > dst: " (the caller printed the addresses).
function M.print(pkt, icmp)
    local t, c = icmp.type, icmp.code
    if not c then
        out("[|icmp]")
        return
    end
    out("icmp: ")
    local s = simple[t]
    if s then
        out(s)
        return
    end
    if t == 3 or t == 5 or t == 11 or t == 12 then
        local qip = quoted(pkt, icmp)
        if t == 3 then
            if not qip or not qip.dst then out("[|icmp]") return end
            print_unreach(pkt, icmp, qip, c)
        elseif t == 5 then
            if not qip or not qip.dst or not icmp.gateway then out("[|icmp]") return end
            if redirect[c] then
                out(redirect[c], host(qip.dst), redirect_to[c], host(icmp.gateway))
            else
                out("redirect-#", c, " ", host(qip.dst), " to ", host(icmp.gateway))
            end
        elseif t == 11 then
            if c == 0 then
                out("time exceeded in-transit")
            elseif c == 1 then
                out("ip reassembly time exceeded")
            else
                out("time exceeded-#", c)
            end
        else
            if c ~= 0 then
                out("parameter problem - code ", c)
            else
                out("parameter problem - octet ", icmp.pointer or 0)
            end
        end
        -- 3.x printed the quoted datagram under -vv
        if vflag > 1 and qip and M.ipprint then
            out(" for ")
            M.ipprint(pkt:inner(icmp.quote_off))
        end
        return
    end
    if t == 9 then
        out("router advertisement")
    elseif t == 18 then
        local m = pkt:u32(icmp.off + 8)
        if not m then out("[|icmp]") return end
        out("address mask is 0x", string.format("%08x", m))
    else
        out("type-#", t)
    end
end

-- ICMPv6 -----------------------------------------------------------------------------

-- the address at offset off of the captured data, in RFC 5952 text (nil if not captured)
local function addr6(pkt, off)
    local s = pkt:sub(off, 16)
    if not s or #s < 16 then return nil end
    local w = {}
    for k = 1, 16, 2 do w[#w + 1] = string.format("%x", (s:byte(k) << 8) | s:byte(k + 1)) end
    -- longest run of two or more zero groups becomes "::"
    local best, bestlen, i = nil, 1, 1
    while i <= 8 do
        if w[i] == "0" then
            local j = i
            while j <= 8 and w[j] == "0" do j = j + 1 end
            if j - i > bestlen then best, bestlen = i, j - i end
            i = j
        else
            i = i + 1
        end
    end
    if not best then return table.concat(w, ":") end
    local head = table.concat(w, ":", 1, best - 1)
    local tail = table.concat(w, ":", best + bestlen, 8)
    return head .. "::" .. tail
end
M.addr6 = addr6

local unreach6 = { [0] = " unreachable route", [1] = " unreachable prohibited",
    [3] = " unreachable address" }

-- Print the ICMPv6 layer of pkt after "src > dst: ".
function M.print6(pkt, icmp6)
    local t, c = icmp6.type, icmp6.code
    if not c then
        out("[|icmp6]")
        return
    end
    local body = icmp6.off + 8
    out("icmp6: ")
    if t == 128 then
        out("echo request")
    elseif t == 129 then
        out("echo reply")
    elseif t == 1 then
        local inner = pkt:inner(body)
        local q = inner and inner.ip6
        if not q or not q.dst then out("[|icmp6]") return end
        local dst = host(q.dst)
        if unreach6[c] then
            out(dst, unreach6[c])
        elseif c == 2 then
            out(dst, " beyond scope of source address ", host(q.src))
        elseif c == 4 then
            local tr = inner.tcp or inner.udp
            local dport = tr and tr.dport
            if not dport then out("[|icmp6]") return end
            if q.next_proto == 6 then
                out(dst, " tcp port ", tcpport(dport), " unreachable")
            elseif q.next_proto == 17 then
                out(dst, " udp port ", udpport(dport), " unreachable")
            else
                out(dst, " protocol ", q.next_proto, " port ", dport, " unreachable")
            end
        else
            out(dst, " unreachable code-#", c)
        end
    elseif t == 2 then
        out("too big ", icmp6.word)
    elseif t == 3 then
        if c == 0 then
            local inner = pkt:inner(body)
            local q = inner and inner.ip6
            if not q or not q.dst then out("[|icmp6]") return end
            out("time exceeded in-transit for ", host(q.dst))
        elseif c == 1 then
            out("ip6 reassembly time exceeded")
        else
            out("time exceeded code-#", c)
        end
    elseif t == 4 then
        local what = ({ [0] = "errorneous - octet ", "next header - octet ", "option - octet " })[c]
        out("parameter problem ")
        if what then out(what, icmp6.word) else out("code-#", c) end
    elseif t == 133 then
        out("router solicitation")
    elseif t == 134 then
        out("router advertisement")
    elseif t == 135 or t == 136 or t == 137 then
        local tgt = addr6(pkt, body)
        if not tgt then out("[|icmp6]") return end
        if t == 135 then
            out("neighbor sol: who has ", host(tgt))
        elseif t == 136 then
            out("neighbor adv: tgt is ", host(tgt))
        else
            local dst = addr6(pkt, body + 16)
            if not dst then out("[|icmp6]") return end
            out("redirect ", host(dst), " to ", host(tgt))
        end
    elseif t == 130 then
        out("multicast listener query")
    elseif t == 131 then
        out("multicast listener report")
    elseif t == 132 then
        out("multicast listener done")
    else
        out("type-#", t)
    end
end

return M
