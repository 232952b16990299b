-- tcplua.print: tcpdump 4.99-compatible one-line printer. Prints timestamp, "-#" number,
-- link layer, then dispatches on the ethertype and the IP protocol to one module per
-- protocol (tcplua.print.<proto>), so adding a protocol is adding a file to the tables below.
--
-- Transport interface: mod.print(pkt, ctx) prints everything after "IP src > dst: ", with
--   ctx = {len = transport length per the IP header, ipver = 4|6, src, dst = address names,
--   frag = true if a fragment, depth}; a module with mod.own_addrs = true (tcp, udp) is
--   called before the addresses and prints "src.port > dst.port: " itself.
-- Network interface: mod.print(pkt, length) prints from "IP " on (length = bytes on the
--   wire from the network header), no timestamp, no newline (ICMP errors use it on quotes).
local tcplua = require "tcplua"

local M = {}
local out, put_ts, hexdump, frame = tcplua.out, tcplua.put_ts, tcplua.hexdump, tcplua.frame
local fastline = tcplua.fastline
local opt = tcplua.opt

-- ethertype -> network printer module
M.ethertypes = {
    [0x0800] = "tcplua.print.ip",
    [0x86dd] = "tcplua.print.ip6",
    [0x0806] = "tcplua.print.arp",
    [0x8035] = "tcplua.print.arp",
    [0x8847] = "tcplua.print.mpls", [0x8848] = "tcplua.print.mpls",
    [0x8863] = "tcplua.print.pppoe", [0x8864] = "tcplua.print.pppoe",
    [0x880b] = "tcplua.print.ppp",
    [0x88cc] = "tcplua.print.lldp",
    [0x8809] = "tcplua.print.slow",
    [0x888e] = "tcplua.print.eapol",
    [0x9000] = "tcplua.print.loopback",
}

-- IP protocol number -> transport printer module (for IPv4 and IPv6)
M.ipprotos = {
    [6] = "tcplua.print.tcp",
    [17] = "tcplua.print.udp",
    [1] = "tcplua.print.icmp",
    [58] = "tcplua.print.icmp6",
    [4] = "tcplua.print.ip",
    [41] = "tcplua.print.ip6",
    [47] = "tcplua.print.gre",
    [2] = "tcplua.print.igmp",
    [112] = "tcplua.print.vrrp",
    [50] = "tcplua.print.esp",
    [51] = "tcplua.print.ah",
    [103] = "tcplua.print.pim",
    [89] = "tcplua.print.ospf",
}
-- Modules not written yet (or not installed) read as "no printer".

-- Resolved modules; false when a module is missing (so it is looked up once).
local loaded = {}
-- The module called name, or false when there is none (an error inside it is raised).
local function resolve(name)
    local m = loaded[name]
    if m == nil then
        local ok, mod = pcall(require, name)
        if ok and type(mod) == "table" then
            m = mod
        else
            if not ok and not tostring(mod):find("module '" .. name .. "' not found", 1, true) then
                error(mod, 0)
            end
            m = false
        end
        loaded[name] = m
    end
    return m
end

M.resolve = resolve

-- The network printer for an ethertype, or nil.
function M.netmod(etype)
    local name = M.ethertypes[etype]
    return name and resolve(name) or nil
end

-- The transport printer for an IP protocol number, or nil.
function M.protomod(proto)
    local name = M.ipprotos[proto]
    return name and resolve(name) or nil
end

local link = require "tcplua.print.link"
local linkprint = link.print

local hash = (opt.hash or 0) ~= 0 and opt.hash ~= false
local U = require "tcplua.print.util"
local hexon = U.anydump
local pads = { "    ", "   ", "  ", " ", "" }

-- tcpdump's line for a record whose lengths make no sense (no timestamp, no dump)
local function invalid(cap, len)
    out("[Invalid header:")
    if cap == 0 then out(" caplen==0") end
    if len == 0 then
        out(cap == 0 and ", len==0" or " len==0")
    elseif len < cap then
        out(" len(", len, ") < caplen(", cap, ")")
    end
    out("]\n")
end

-- The fast path: under -n without -vv or -q, an everyday TCP segment over IPv4/IPv6
-- over Ethernet prints in one C call (tcplua.fastline; it declines anything else, which
-- the printers below handle). Only while the tables above still send IPv4, IPv6 and TCP
-- to the modules it stands in for. (M.fast = false turns it off: tests compare the two.)
local function flag(x) return x ~= nil and x ~= 0 and x ~= false end
M.fast = U.nflag and (opt.v or 0) <= 1 and not flag(opt.q)
local IP, IP6, TCP = "tcplua.print.ip", "tcplua.print.ip6", "tcplua.print.tcp"
local ethertypes, ipprotos = M.ethertypes, M.ipprotos
local tcpapp -- tcplua.print.tcp's application dispatch, loaded with the first segment

-- Print one full line for pkt.
function M.packet(pkt)
    if hash then
        local n = pkt.num
        local s = tostring(n)
        out(pads[#s] or "", s, "  ")
    end
    local cap, len, linktype = frame(pkt) -- len and linktype go on to the link printer
    if len < cap or cap == 0 then return invalid(cap, len) end
    put_ts(pkt)
    U.truncated = false
    local hdr -- the link header's length when it is not pkt.net_off
    local n, sp, dp, poff, rst
    if M.fast and linktype == 1 and ethertypes[0x0800] == IP and ethertypes[0x86dd] == IP6
        and ipprotos[6] == TCP then
        n, sp, dp, poff, rst = fastline(pkt)
    end
    if n then
        if n > 0 then
            tcpapp = tcpapp or resolve(TCP).app
            tcpapp(pkt, sp, dp, poff, n, rst)
        end
    else
        hdr = linkprint(pkt, len, linktype)
    end
    if hexon then
        if U.truncated then
            -- tcpdump dumps the whole packet when a printer gave up on truncation
            hexdump(pkt, 0)
        else
            hexdump(pkt, hdr)
        end
    end
    out("\n")
end

-- The text M.packet would print, as a string.
function M.format(pkt)
    local m = tcplua.mark()
    M.packet(pkt)
    return tcplua.take(m)
end

return M
