-- tcplua.classic: one line per packet in tcpdump 3.x's "classic" format (the lab handout's
-- reference): timestamp, with -e the Ethernet header ("0:a0:24:12:34:56 0:e0:1e:65:43:21
-- ip 58: "), then ARP or IP (tcplua.classic.ip) and the hex dump options.
local tcplua = require "tcplua"
local U = require "tcplua.classic.util"
local ip = require "tcplua.classic.ip"

local M = {}
local out, ts, hexdump = tcplua.out, tcplua.ts, tcplua.hexdump
local opt = tcplua.opt
local host, etheraddr, etherproto = U.host, U.etheraddr, U.etherproto
local eflag, qflag = U.eflag, U.qflag
local flag = U.flag
local dumping = flag(opt.x) or flag(opt.X) or flag(opt.A)
local print4, print6 = ip.print4, ip.print6

local ZERO_MAC = "00:00:00:00:00:00"

-- ARP and RARP (RFC 826, 903), as 3.x's arp_print
local function arp_print(pkt)
    local a = pkt.arp
    if not a or not a.op then
        out("[|arp]")
        return
    end
    local op = a.op
    if a.ptype ~= 0x0800 or a.plen ~= 4 or a.hlen ~= 6 then
        out("arp-#", op, " for proto #", a.ptype, " (", a.plen, ") hardware #", a.htype,
            " (", a.hlen, ")")
        return
    end
    if not a.tpa then
        out("[|arp]")
        return
    end
    if op == 1 then
        out("arp who-has ", host(a.tpa))
        if a.tha ~= ZERO_MAC then out(" (", etheraddr(a.tha), ")") end
        out(" tell ", host(a.spa))
    elseif op == 2 then
        out("arp reply ", host(a.spa), " is-at ", etheraddr(a.sha))
    elseif op == 3 then
        out("rarp who-is ", etheraddr(a.tha), " tell ", etheraddr(a.sha))
    elseif op == 4 then
        out("rarp reply ", etheraddr(a.tha), " at ", host(a.tpa))
    else
        out("arp-#", op)
        return
    end
    if a.htype ~= 1 then out(" hardware #", a.htype) end
end
M.arp_print = arp_print

-- the network layer by ethertype; false when 3.x had no printer for it
local function network(pkt, etype)
    if etype == 0x0800 then
        print4(pkt)
    elseif etype == 0x86dd then
        print6(pkt)
    elseif etype == 0x0806 or etype == 0x8035 then
        arp_print(pkt)
    else
        return false
    end
    return true
end

-- 3.x's ether_print: "src dst type length: " (-q leaves out the type)
local function ether_header(eth, etype, length)
    out(etheraddr(eth.src), " ", etheraddr(eth.dst), " ")
    if not qflag then out(etherproto(etype), " ") end
    out(length, ": ")
end

local function ethernet(pkt)
    local eth = pkt.eth
    if not eth or not eth.type then
        out("[|ether]")
        return
    end
    local etype = pkt.net_type
    local vlan = pkt.vlan
    if vlan then etype = eth.type end
    if eflag then ether_header(eth, etype, pkt.len) end
    if vlan then
        -- 802.1Q: 3.x printed the tag, then the encapsulated type's printer
        local tags = vlan.tags
        if not tags or not tags[1] or not tags[1].id then
            out("[|vlan]")
            return
        end
        for k = 1, #tags do out("vlan ", tags[k].id, ", p ", tags[k].pcp, ", ") end
        etype = pkt.net_type
        if eflag and not qflag then out(etherproto(etype), ", ") end
    end
    if not network(pkt, etype) and not eflag then
        ether_header(eth, etype, pkt.len)
    end
end

-- Print one line for pkt.
function M.packet(pkt)
    out(ts(pkt))
    if pkt.linktype == 1 then
        ethernet(pkt)
    elseif not network(pkt, pkt.net_type) then
        out("[|", pkt.stop or "link", "]")
    end
    if dumping then out(hexdump(pkt)) end
    out("\n")
end

-- The text M.packet prints for pkt, as a string.
function M.format(pkt)
    local m = tcplua.mark()
    M.packet(pkt)
    return tcplua.take(m)
end

return M
