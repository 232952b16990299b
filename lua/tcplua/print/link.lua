-- tcplua.print.link: link-layer headers as tcpdump 4.99 prints them: Ethernet II and
-- 802.1Q/802.1ad tags (IEEE 802.3, 802.1Q), Linux cooked v1/v2, BSD NULL/LOOP, raw IP (and
-- the PPP link types, printed by tcplua.print.ppp).
-- Each printer prints its header (with -e, or when it cannot decode further) and hands the
-- network layer to tcplua.print's ethertype table.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local eflag = (opt.e or 0) ~= 0 and opt.e ~= false
local qflag = (opt.q or 0) ~= 0 and opt.q ~= false
local hexopt = U.hexopt
local hex4, ethaddr = U.hex4, U.ether

local P -- tcplua.print, resolved on first use (it requires this module)

-- tcpdump's ethertype_values (the common ones)
local etnames = {
    [0x0800] = "IPv4", [0x0806] = "ARP", [0x86dd] = "IPv6", [0x8100] = "802.1Q",
    [0x88a8] = "802.1Q-QinQ", [0x9100] = "802.1Q-9100", [0x9200] = "802.1Q-9200",
    [0x8035] = "Reverse ARP", [0x8847] = "MPLS unicast", [0x8848] = "MPLS multicast",
    [0x8863] = "PPPoE D", [0x8864] = "PPPoE S", [0x888e] = "EAPOL", [0x88cc] = "LLDP",
    [0x8809] = "Slow Protocols", [0x0200] = "PUP", [0x6558] = "TEB", [0x809b] = "Appletalk",
    [0x80f3] = "Appletalk ARP", [0x8808] = "MPCP", [0x9000] = "Loopback", [0x880b] = "PPP",
    [0x8137] = "IPX", [0x6000] = "DEC", [0x6003] = "DN", [0x6004] = "LAT", [0x8902] = "CFM",
    [0x88e7] = "PBB", [0x8906] = "FCoE", [0x8914] = "FIP", [0x88f7] = "PTP",
    [0x0842] = "Wake-on-LAN",
}
M.etnames = etnames

local VLAN = { [0x8100] = true, [0x88a8] = true, [0x9100] = true, [0x9200] = true }

-- "ethertype IPv4 (0x0800)" pieces
local function ethertype(t)
    out("ethertype ", etnames[t] or "Unknown", " (0x", hex4(t), ")")
end

-- Hand the network layer at pkt.net_off to its printer; false if there is none.
local netmods = {
    -- Novell IPX in Ethernet II (tcpdump's own printer, not in tcplua.print's table)
    [0x8137] = { print = function(pkt, length)
        out("(NOV-ETHII) ")
        require("tcplua.print.ipx").print(pkt, pkt.net_off, length)
    end },
}
local function net(pkt, etype, length)
    local m = netmods[etype]
    if m == nil then
        P = P or require "tcplua.print"
        m = P.netmod(etype) or false
        netmods[etype] = m
    end
    if not m then return false end
    m.print(pkt, length)
    return true
end
M.net = net

local function rest(pkt, off)
    local n = pkt.caplen - off
    if n <= 0 then return "" end
    return pkt:sub(off, n)
end

local llc -- tcplua.print.llc, loaded with the first 802.3 frame

-- An 802.3 frame: the length field lfield at off-2, LLC at off. Prints "src > dst, 802.3,
-- length N: " first under -e when top (not inside VLAN tags). Returns the offset where
-- tcpdump's -x dump starts (after the LLC/SNAP header).
local function ether_llc(pkt, eth, off, lfield, top)
    local length = pkt.len - off
    local caplen = pkt.caplen - off
    if lfield < length then
        -- the rest is padding
        length = lfield
        if caplen > length then caplen = length end
    end
    local src, dst = ethaddr(eth.src), ethaddr(eth.dst)
    if eflag and top then out(src, " > ", dst, ", 802.3, length ", length, ": ") end
    llc = llc or require "tcplua.print.llc"
    local h = llc.print(pkt, off, length, caplen, src, dst)
    if h < 0 then
        if not hexopt and not qflag and caplen > 0 then
            out(U.hexascii(pkt:sub(off, caplen)))
        end
        h = -h
    end
    return off + h
end

-- "ethertype 802.1Q (0x8100), length 62: " after the MAC addresses under -e
local function top_type(t, len)
    if qflag then
        out(etnames[t] or "Unknown Ethertype (0x" .. hex4(t) .. ")")
    else
        ethertype(t)
    end
    out(", length ", len, ": ")
end

-- the type after a VLAN tag under -e: "ethertype IPv4 (0x0800), " or "802.3"
local function inner_type(t)
    if t <= 1500 then
        out("802.3")
    elseif qflag then
        out(etnames[t] or "Unknown Ethertype (0x" .. hex4(t) .. ")", ", ")
    else
        ethertype(t)
        out(", ")
    end
end

-- Ethernet (DLT_EN10MB). Returns the -x dump start when it is not pkt.net_off.
local function ether(pkt, len)
    local eth = pkt.eth
    if not eth or eth.status ~= "ok" then
        out(" [|ether]")
        return
    end
    local t = eth.type
    if t <= 1500 then return ether_llc(pkt, eth, 14, t, true) end
    local src, dst
    if eflag then src, dst = ethaddr(eth.src), ethaddr(eth.dst) end
    local hdr = 14
    if VLAN[t] then
        local vl = pkt.vlan
        if not vl or vl.status ~= "ok" then
            -- tcpdump takes the cut tag as link header: nothing is left for -x
            if eflag then
                out(src, " > ", dst, ", ")
                -- the complete tags, each with the type after it when another tag follows
                local tags = vl and vl.tags
                local n = vl and tags and (vl.have or 0) // 4 or 0
                if tags and n > #tags then n = #tags end
                if n > 0 then
                    top_type(t, len)
                    for i = 1, n do
                        local tag = tags[i]
                        out("vlan ", tag.id, ", p ", tag.pcp)
                        if tag.dei ~= 0 then out(", DEI") end
                        out(", ")
                        if i < n then inner_type(tag.type) end
                    end
                end
            end
            out(" [|vlan]")
            return pkt.caplen
        end
    end
    if eflag then
        out(src, " > ", dst, ", ")
        top_type(t, len)
    end
    if VLAN[t] then
        local vl = pkt.vlan
        local tags = vl and vl.tags
        if tags then
            for i = 1, #tags do
                local tag = tags[i]
                hdr = hdr + 4
                t = tag.type
                if eflag then
                    out("vlan ", tag.id, ", p ", tag.pcp)
                    if tag.dei ~= 0 then out(", DEI") end
                    out(", ")
                    inner_type(t)
                end
            end
            if t <= 1500 then return ether_llc(pkt, eth, hdr, t, false) end
        end
    end
    if net(pkt, t, len - hdr) then return end
    if not eflag then
        src, dst = ethaddr(eth.src), ethaddr(eth.dst)
        out(src, " > ", dst, ", ")
        if qflag then
            out("Unknown Ethertype (0x", hex4(t), ")")
        else
            ethertype(t)
        end
        out(", length ", len, ": ")
    end
    if not hexopt and not qflag then out(U.hexascii(rest(pkt, hdr))) end
end

-- Linux cooked capture v1 / v2 (DLT_LINUX_SLL, DLT_LINUX_SLL2)
local sll1_types = { [0] = " In", "  B", "  M", "  P", "Out" }
local sll2_types = { [0] = "In ", "B  ", "M  ", "P  ", "Out" }

-- Interface names by index, as if_indextoname(3) gives them on this host: the names in
-- /proc/net/dev and each one's /sys/class/net/NAME/ifindex. Read once, on first use.
local ifnames
local function ifname(idx)
    if not ifnames then
        ifnames = {}
        local f = io.open("/proc/net/dev")
        if f then
            for line in f:lines() do
                local name = line:match("^%s*([^%s:]+):")
                if name then
                    local g = io.open("/sys/class/net/" .. name .. "/ifindex")
                    if g then
                        local n = tonumber(g:read("l") or "")
                        g:close()
                        if n then ifnames[n] = name end
                    end
                end
            end
            f:close()
        end
    end
    return ifnames[idx] or "?"
end

local ifcol = {} -- interface name padded to 5 columns ("%-5s "), by index
local function ifpad(idx)
    local s = ifcol[idx]
    if not s then
        s = ifname(idx)
        if #s < 5 then s = s .. string.rep(" ", 5 - #s) end
        s = s .. " "
        ifcol[idx] = s
    end
    return s
end

-- The cooked header under -e (or before a raw dump): [ifindex N ]type [addr ]proto, length
local function sll_header(len, s, v2)
    if v2 then
        out("ifindex ", s.ifindex, " ")
    else
        out(sll1_types[s.pkttype] or "  ?", " ")
    end
    if s.halen == 6 then out(ethaddr(s.addr), " ") end
    if not qflag then
        local t = s.protocol
        if t == 1 then
            out("802.3")
        elseif t == 4 then
            out("802.2")
        else
            ethertype(t)
        end
        out(", length ", len, ": ")
    end
end

-- Returns the -x dump start when it is not pkt.net_off.
local function sll(pkt, len)
    local s = pkt.sll
    local v2 = pkt.linktype == 276
    if not s or s.status ~= "ok" then
        U.trunc(v2 and "sll2" or "sll")
        return
    end
    local hdr = v2 and 20 or 16
    local t = s.protocol
    if v2 then out(ifpad(s.ifindex), sll2_types[s.pkttype] or "?  ", " ") end
    if eflag then sll_header(len, s, v2) end
    local length, caplen = len - hdr, pkt.caplen - hdr
    if t > 1500 then
        if net(pkt, t, length) then return end
        if not eflag then sll_header(len, s, v2) end
    elseif t == 1 then
        -- Novell raw 802.3: IPX without an LLC header
        local ipx = require "tcplua.print.ipx"
        ipx.print(pkt, hdr, length)
        return
    elseif t == 4 then
        llc = llc or require "tcplua.print.llc"
        local h = llc.print(pkt, hdr, length, caplen)
        if h >= 0 then return hdr + h end
    end
    if not hexopt and not qflag then out(U.hexascii(rest(pkt, hdr))) end
end

-- BSD loopback (DLT_NULL, DLT_LOOP): 4-byte address family
local afnames = { [2] = "IPv4", [7] = "ISO", [16] = "Appletalk", [23] = "IPX",
    [24] = "IPv6", [28] = "IPv6", [30] = "IPv6" }

local function null(pkt, len)
    local n = pkt.null
    if not n or n.status ~= "ok" then
        U.trunc("null")
        return
    end
    local fam = n.family
    local name = afnames[fam]
    if eflag then
        if qflag then
            out(name or "Unknown AF " .. fam, ", length ", len, ": ")
        else
            out("AF ", name or "Unknown", " (", fam, "), length ", len, ": ")
        end
    end
    local et = name == "IPv4" and 0x0800 or name == "IPv6" and 0x86dd or nil
    if et and net(pkt, et, len - 4) then return end
    if not eflag then
        if qflag then
            out(name or "Unknown AF " .. fam, ", length ", len, ": ")
        else
            out("AF ", name or "Unknown", " (", fam, "), length ", len, ": ")
        end
    end
    if not hexopt and not qflag then out(U.hexascii(rest(pkt, 4))) end
end

-- Raw IP (DLT_RAW and friends): the version nibble says IPv4 or IPv6
local function raw(pkt, len)
    if eflag then out("ip: ") end
    local b = pkt:u8(0)
    if not b then
        out("[|ip]")
        return
    end
    local v = b >> 4
    if v == 4 then
        net(pkt, 0x0800, len)
    elseif v == 6 then
        net(pkt, 0x86dd, len)
    else
        out("unknown ip ", v)
    end
end

-- DLT_PPP: tcpdump takes 4 bytes as the link header, whatever the frame holds.
local function ppp(pkt, len)
    local cap = pkt.caplen
    if cap < 4 then
        out(" [|ppp]")
        return cap
    end
    require("tcplua.print.ppp").print_at(pkt, 0, len)
    return 4
end

-- DLT_PPP_SERIAL: HDLC-like framing, address 0xff (Cisco HDLC, 0x0f/0x8f, is not decoded)
local function ppp_serial(pkt, len)
    local cap = pkt.caplen
    if cap < 4 then
        out(" [|ppp_hdlc]")
        return cap
    end
    local hex2 = U.hex2
    local a, c = pkt:u8(0), pkt:u8(1)
    if eflag then out(hex2[a], " ", hex2[c], " ", len, " ") end
    if a ~= 0xff then
        out("unknown addr ", hex2[pkt:u8(2)], "; ctrl ", hex2[pkt:u8(3)])
        return 2
    end
    local ppp_mod = require "tcplua.print.ppp"
    local proto = pkt:u16(2)
    out(ppp_mod.ptypes[proto] or ("unknown PPP protocol (0x" .. hex4(proto) .. ")"), ": ")
    ppp_mod.handle(pkt, proto, 4, len - 4, nil, "ppp_hdlc")
    return 4
end

local bylink = {
    [1] = ether, [113] = sll, [276] = sll, [0] = null, [108] = null, [9] = ppp, [50] = ppp_serial,
    [12] = raw, [14] = raw, [101] = raw,
    [228] = function(pkt, len) net(pkt, 0x0800, len) end,
    [229] = function(pkt, len) net(pkt, 0x86dd, len) end,
}

-- Tunnel payloads (GRE, MPLS, PPP, VXLAN, Geneve): the protocol with ethertype et at offset
-- off of pkt, length bytes on the wire, printed as tcpdump's printer for it would. IPv4/IPv6
-- and Ethernet frames (0x6558) are decoded again from off (pkt:inner); MPLS and PPP printers
-- take the offset and lim, the end of the bytes they may read (default: off + length; the
-- capture bounds it too), which also bounds the inner packet's length.
-- Returns false (having printed nothing) for other types.
local tunnel_mods = { [0x8847] = "tcplua.print.mpls", [0x8848] = "tcplua.print.mpls",
    [0x880b] = "tcplua.print.ppp" }
function M.payload(pkt, et, off, length, lim)
    if et == 0x0800 or et == 0x86dd then
        -- IPv6 is decoded as IPv6 whatever the version nibble (tcpdump's "version error")
        local p = pkt:inner(off, (lim or off + length) - off, et == 0x86dd and 229 or 12)
        if not p then
            -- nothing captured: tcpdump's IPv4 printer gives up on the first byte, the IPv6
            -- one notes the short header
            if et == 0x0800 then
                U.trunc("ip")
            else
                out(" [|ip6]")
            end
            return true
        end
        return net(p, et, length)
    elseif et == 0x6558 then
        local p = pkt:inner(off, (lim or off + length) - off, 1)
        if not p then
            out(" [|ether]")
        else
            ether(p, length)
        end
        return true
    end
    local name = tunnel_mods[et]
    if not name then return false end
    P = P or require "tcplua.print"
    local m = P.resolve(name)
    if not m then return false end
    m.print_at(pkt, off, length, lim)
    return true
end

-- Print the link layer of pkt and everything above it. Returns where tcpdump's -x dump
-- starts when that is not pkt.net_off (LLC/SNAP headers), else nil. len: pkt.len, when the
-- caller has read it already.
function M.print(pkt, len)
    local f = bylink[pkt.linktype]
    if f then
        return f(pkt, len or pkt.len)
    else
        -- what tcpdump prints for a link type it has no printer for; the -x dump starts at 0
        out("UNSUPPORTED")
        tcplua.hexdump(pkt, 0, "X")
        return 0
    end
end

return M
