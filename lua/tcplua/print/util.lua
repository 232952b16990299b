-- Shared helpers for the tcpdump-compatible printers: cached host and port names, hex
-- formatting without string.format, tcpdump's "default print" hex dump, protocol names
-- (/etc/protocols, as getprotobynumber(3) gives them) and tcpdump's IP protocol table.
local tcplua = require "tcplua"

local M = {}
local opt = tcplua.opt
local byte, char, concat = string.byte, string.char, table.concat

-- Big-endian 16- and 32-bit numbers at index i of string s (s must hold the bytes).
function M.be16(s, i)
    local a, b = string.byte(s, i, i + 1)
    return (a << 8) | b
end

function M.be32(s, i)
    local a, b, c, d = string.byte(s, i, i + 3)
    return (a << 24) | (b << 16) | (c << 8) | d
end

-- hex2[b] = two lowercase hex digits of byte b
local hex2 = {}
for i = 0, 255 do hex2[i] = string.format("%02x", i) end
M.hex2 = hex2

-- Texts made once per value: checksums, ids and TOS bytes recur on every -v line.
local function memo(f)
    return setmetatable({}, { __index = function(t, k)
        local v = f(k)
        t[k] = v
        return v
    end })
end
local hex4s = memo(function(n) return hex2[(n >> 8) & 255] .. hex2[n & 255] end)
local hexs = memo(function(n) return string.format("%x", n) end)

-- four hex digits of a 16-bit value (tcpdump's %04x)
function M.hex4(n)
    if n >= 0 and n < 65536 then return hex4s[n] end
    return hex2[(n >> 8) & 255] .. hex2[n & 255]
end

-- hex without leading zeros (tcpdump's %x)
function M.hex(n)
    if n >= 0 and n < 65536 then return hexs[n] end
    return string.format("%x", n)
end

-- the bytes of s as hex digits, no separators
function M.hexstr(s)
    local t = {}
    for i = 1, #s do t[i] = hex2[byte(s, i)] end
    return concat(t)
end

-- Names. Under -n, addresses and ports print as they are: no lookups, no cache.
local host_cache, tport, uport = {}, {}, {}
M.nflag = opt.n and opt.n ~= 0 and opt.n ~= false
if M.nflag then
    M.host = function(a) return a end
    M.tcpport = function(p) return p end
    M.udpport = function(p) return p end
else
    local thost, tpname = tcplua.host, tcplua.port
    M.host = function(a)
        local h = host_cache[a]
        if not h then
            h = thost(a)
            host_cache[a] = h
        end
        return h
    end
    M.tcpport = function(p)
        local s = tport[p]
        if not s then
            s = tpname(p, "tcp")
            tport[p] = s
        end
        return s
    end
    M.udpport = function(p)
        local s = uport[p]
        if not s then
            s = tpname(p, "udp")
            uport[p] = s
        end
        return s
    end
end

-- tcpdump's ipproto_values: the name shown in "proto TCP (6)" and "next-header UDP (17)"
M.ipproto = {
    [0] = "Options", [1] = "ICMP", [2] = "IGMP", [4] = "IPIP", [6] = "TCP", [8] = "EGP",
    [9] = "IGRP", [17] = "UDP", [33] = "DCCP", [41] = "IPv6", [43] = "Routing",
    [44] = "Fragment", [46] = "RSVP", [47] = "GRE", [50] = "ESP", [51] = "AH",
    [55] = "Mobile IP", [58] = "ICMPv6", [62] = "Mobile IP (old)", [88] = "EIGRP",
    [89] = "OSPF", [103] = "PIM", [108] = "Compressed IP", [112] = "VRRP", [113] = "PGM",
    [132] = "SCTP", [135] = "Mobility", [143] = "Ethernet",
}

-- tcpdump's own protocol keyword table (IANA keywords), used without -n
local netdb_names = [[
hopopt icmp igmp ggp ipencap st tcp cbt egp igp bbn-rcc-mon nvp-ii pup argus emcon xnet chaos
udp mux dcn-meas hmp prm xns-idp trunk-1 trunk-2 leaf-1 leaf-2 rdp irtp iso-tp4 netblt mfe-nsp
merit-inp dccp 3pc idpr xtp ddp idpr-cmtp tp++ il ipv6 sdrp ipv6-route ipv6-frag idrp rsvp gre
dsr bna esp ah i-nlsp swipe narp mobile tlsp skip ipv6-icmp ipv6-nonxt ipv6-opts - cftp -
sat-expak kryptolan rvd ippc - sat-mon visa ipcv cpnx rspf wsn pvp br-sat-mon sun-nd wb-mon
wb-expak iso-ip vmtp secure-vmtp vines ttp nsfnet-igp dgp tcf eigrp ospf sprite-rpc larp mtp
ax.25 ipip micp scc-sp etherip encap - gmtp ifmp pnni pim aris scps qnx a/n ipcomp snp
compaq-peer ipx-in-ip vrrp pgm - l2tp ddx iatp stp srp uti smp sm ptp isis fire crtp crudp
sscopmce iplt sps pipe sctp fc rsvp-e2e-ignore mobility-header udplite mpls-in-ip manet hip
shim6 wesp rohc]]
local netdb = {}
do
    local k = 0
    for w in netdb_names:gmatch("%S+") do
        if w ~= "-" then netdb[k] = w end
        k = k + 1
    end
    netdb[253], netdb[254], netdb[255] = "exptest-253", "exptest-254", "reserved"
end
function M.protoname(p)
    return netdb[p]
end

-- Ethernet addresses as tcpdump prints them without -n: "Broadcast", or the address and
-- the name of its OUI from tcpdump's small table.
local ouis = { [0x000000] = "Ethernet", [0x00000c] = "Cisco", [0x00005e] = "IANA",
    [0x000081] = "Nortel Networks SONMP", [0x0000f8] = "Cisco bridged",
    [0x0080c2] = "Ethernet bridged", [0x00a03e] = "ATM Forum",
    [0x00e02f] = "DOCSIS Spanning Tree", [0x080007] = "Appletalk", [0x009069] = "Juniper",
    [0x080009] = "Hewlett-Packard", [0x00120f] = "IEEE 802.3 Private", [0x0012bb] = "ANSI/TIA",
    [0x001b21] = "DCBX", [0x002320] = "Nicira Networks", [0x5c16c7] = "Big Switch Networks",
    [0xb0d2f5] = "Vello Systems", [0x00049f] = "Freescale", [0x001018] = "Broadcom" }
local ether_cache = {}
function M.ether(a)
    if M.nflag then return a end
    local r = ether_cache[a]
    if not r then
        if a == "ff:ff:ff:ff:ff:ff" then
            r = "Broadcast"
        elseif #a == 17 then
            local o = tonumber(a:sub(1, 2) .. a:sub(4, 5) .. a:sub(7, 8), 16)
            r = a .. " (oui " .. (ouis[o] or "Unknown") .. ")"
        else
            r = a
        end
        ether_cache[a] = r
    end
    return r
end

-- tcpdump's default print of undecoded bytes (hex and ASCII, 16 bytes a line, each line
-- after "\n\t"). Returns the text.
function M.hexascii(s)
    local t, n = {}, 0
    local len = #s
    local i = 1
    while i <= len do
        n = n + 1
        local a = {}
        local off = i - 1
        local line = { "\n\t0x", hex2[(off >> 8) & 255], hex2[off & 255], ": " }
        local last = i + 15
        if last > len then last = len end
        local w = 0
        local j = i
        while j <= last do
            if j + 1 <= last then
                line[#line + 1] = " " .. hex2[byte(s, j)] .. hex2[byte(s, j + 1)]
                w = w + 5
            else
                line[#line + 1] = " " .. hex2[byte(s, j)]
                w = w + 3
            end
            j = j + 2
        end
        for k = i, last do
            local c = byte(s, k)
            a[#a + 1] = (c > 32 and c < 127) and char(c) or "."
        end
        line[#line + 1] = string.rep(" ", 40 - w + 2)
        line[#line + 1] = concat(a)
        t[n] = concat(line)
        i = last + 1
    end
    return concat(t)
end

-- Is -x or -X given? Then tcpdump suppresses its default hex print (-A does not).
M.hexopt = ((opt.x or 0) ~= 0) or ((opt.X or 0) ~= 0)
M.anydump = M.hexopt or ((opt.A or 0) ~= 0)

-- A printer that stops on truncation the way tcpdump's longjmp does: prints " [|proto]"
-- and makes -x/-X dump the whole packet instead of the part after the link header.
M.truncated = false
function M.trunc(proto)
    tcplua.out(" [|", proto, "]")
    M.truncated = true
end

-- tcpdump's printing of bytes that may not be ASCII ("M-" high bit, "^" control).
function M.printn(s)
    local t = {}
    for i = 1, #s do
        local c = byte(s, i)
        local p = ""
        if c >= 128 then
            c = c & 127
            p = "M-"
        end
        if c < 32 or c == 127 then
            t[i] = p .. "^" .. char(c ~ 64)
        else
            t[i] = p .. char(c)
        end
    end
    return concat(t)
end

-- Reused transport contexts, one per nesting depth (ICMP errors quote IP headers).
local ctxs = {}
function M.ctx(depth)
    local c = ctxs[depth]
    if not c then
        c = {}
        ctxs[depth] = c
    end
    return c
end

return M
