-- tcplua.print.link: link-layer headers as tcpdump 4.99 prints them: Ethernet II and
-- 802.1Q/802.1ad tags (IEEE 802.3, 802.1Q), Linux cooked v1/v2, BSD NULL/LOOP, raw IP (and
-- the PPP link types, printed by tcplua.print.ppp).
-- Each printer prints its header (with -e, or when it cannot decode further) and hands the
-- network layer to tcplua.print's ethertype table.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt, ethtype_of = tcplua.out, tcplua.opt, tcplua.ethtype
local eflag = (opt.e or 0) ~= 0 and opt.e ~= false
local qflag = (opt.q or 0) ~= 0 and opt.q ~= false
local vflag = opt.v or 0
local hexopt = U.hexopt
local hex4, ethaddr = U.hex4, U.ether

local P -- tcplua.print, resolved on first use (it requires this module)

-- tcpdump's ethertype_values: every type tcpdump 4.99.3 names (probed over 0x0000-0xffff;
-- those below 0x0600 show in Cisco HDLC, GRE and SNAP headers, not in Linux cooked ones)
local etnames = {
    [0x00fe] = "GRE-OSI", [0x0200] = "PUP", [0x0500] = "Sprite", [0x0600] = "NS",
    [0x0707] = "GeoNet (old)", [0x0800] = "IPv4", [0x0806] = "ARP",
    [0x1000] = "Trail", [0x1111] = "CALM FAST", [0x6001] = "MOP DL", [0x6002] = "MOP RC",
    [0x6003] = "DN", [0x6004] = "LAT", [0x6007] = "SCA", [0x6558] = "TEB",
    [0x8035] = "Reverse ARP", [0x8038] = "Lanbridge", [0x803c] = "DEC DNS",
    [0x803e] = "DEC DTS", [0x805b] = "VEXP", [0x805c] = "VPROD", [0x809b] = "Appletalk",
    [0x80f3] = "Appletalk ARP", [0x8100] = "802.1Q", [0x8137] = "IPX", [0x86dd] = "IPv6",
    [0x8808] = "MPCP", [0x8809] = "Slow Protocols", [0x880b] = "PPP",
    [0x8847] = "MPLS unicast", [0x8848] = "MPLS multicast", [0x8863] = "PPPoE D",
    [0x8864] = "PPPoE S", [0x886f] = "MS NLB heartbeat", [0x8870] = "Jumbo",
    [0x888e] = "EAPOL", [0x8899] = "Realtek protocols", [0x88a2] = "AoE",
    [0x88a8] = "802.1Q-QinQ", [0x88ca] = "TIPC", [0x88cc] = "LLDP",
    [0x88e5] = "802.1AE MACsec", [0x88f7] = "PTP", [0x8902] = "CFM", [0x893a] = "IEEE1905.1",
    [0x8947] = "GeoNet", [0x894f] = "NSH", [0x9000] = "Loopback", [0x9100] = "802.1Q-9100",
    [0x9200] = "802.1Q-9200", [0xabcd] = "CFM (old)",
    [0xd28b] = "Arista Vendor Specific Protocol", [0xfefe] = "OSI",
}
M.etnames = etnames

local VLAN = { [0x8100] = true, [0x88a8] = true, [0x9100] = true, [0x9200] = true }

-- "ethertype IPv4 (0x0800)" pieces
local function ethertype(t)
    out("ethertype ", etnames[t] or "Unknown", " (0x", hex4(t), ")")
end

-- Printers of the network layer at pkt.net_off by ethertype (cached from tcplua.print's
-- table); a printer returning false printed nothing.
local netmods = {
    -- Novell IPX in Ethernet II (tcpdump's own printer, not in tcplua.print's table)
    [0x8137] = { print = function(pkt, length)
        out("(NOV-ETHII) ")
        require("tcplua.print.ipx").print(pkt, pkt.net_off, length)
    end },
}
-- AppleTalk DDP (tcpdump's atalk_print): only a header too short for DDP is printed as
-- tcpdump does; false (nothing printed) otherwise, so the caller dumps the bytes.
function M.atalk(length)
    if length >= 13 then return false end
    if not eflag then out("AT ") end
    out(" [|ddp ", length, "]")
    return true
end
netmods[0x809b] = { print = function(_, length)
    if length >= 13 then return false end
    if vflag > 0 then out("et1 ") end
    return M.atalk(length)
end }
-- OSI in Ethernet II: one byte before the NLPID
netmods[0xfefe] = { print = function(pkt, length)
    if length == 0 or pkt.caplen <= pkt.net_off then
        out(" [|isoclns]")
        return
    end
    require("tcplua.print.llc").isoclns(pkt, pkt.net_off + 1, length - 1)
end }

-- Hand the network layer at pkt.net_off to its printer; false if there is none.
local function net(pkt, etype, length)
    local m = netmods[etype]
    if m == nil then
        P = P or require "tcplua.print"
        m = P.netmod(etype) or false
        netmods[etype] = m
    end
    if not m then return false end
    return m.print(pkt, length) ~= false
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
-- lfield is 0x8870 for Alteon jumbo frames: a type field with LLC after it, no length.
local function ether_llc(pkt, eth, off, lfield, top)
    local length = pkt.len - off
    local caplen = pkt.caplen - off
    local jumbo = lfield == 0x8870
    if lfield < length and not jumbo then
        -- the rest is padding
        length = lfield
        if caplen > length then caplen = length end
    end
    local src, dst = ethaddr(eth.src), ethaddr(eth.dst)
    if eflag and top then
        if jumbo then
            out(src, " > ", dst, ", ")
        else
            out(src, " > ", dst, ", 802.3, length ", length, ": ")
        end
    end
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
    elseif t == 0x8870 then
        return -- jumbo: LLC follows, tcpdump names no type
    elseif qflag then
        out(etnames[t] or "Unknown Ethertype (0x" .. hex4(t) .. ")", ", ")
    else
        ethertype(t)
        out(", ")
    end
end

-- Ethernet (DLT_EN10MB). Returns the -x dump start when it is not pkt.net_off.
local function ether(pkt, len)
    -- the type (and under -e the addresses) in one call: this runs for every frame
    local t, src, dst = ethtype_of(pkt, eflag)
    if not t then
        out(" [|ether]")
        return
    end
    if t <= 1500 or t == 0x8870 then return ether_llc(pkt, pkt.eth, 14, t, true) end
    if eflag then src, dst = ethaddr(src), ethaddr(dst) end
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
            if t <= 1500 or t == 0x8870 then return ether_llc(pkt, pkt.eth, hdr, t, false) end
        end
    end
    if net(pkt, t, len - hdr) then return end
    if not eflag then
        local eth = pkt.eth
        src, dst = ethaddr(eth.src), ethaddr(eth.dst)
        out(src, " > ", dst, ", ")
        if qflag then
            out(etnames[t] or "Unknown Ethertype (0x" .. hex4(t) .. ")")
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
        elseif t <= 1500 then
            out("ethertype Unknown (0x", hex4(t), ")")
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
    local hlen = hdr
    while t == 0x8100 do
        -- tcpdump steps over 802.1Q tags here (only these) and prints the type after each
        if caplen < 4 or length < 4 then
            out(" [|vlan]")
            return pkt.caplen
        end
        if eflag then
            local tci = pkt:u16(hdr)
            out("vlan ", tci & 0xfff, ", p ", tci >> 13, tci & 0x1000 ~= 0 and ", DEI, " or ", ")
        end
        t = pkt:u16(hdr + 2)
        if t <= 1500 then t = 4 end
        if not qflag then out("ethertype ", etnames[t] or "Unknown", ", ") end
        hdr, length, caplen = hdr + 4, length - 4, caplen - 4
    end
    if t > 1500 then
        if pkt.net_off == hdr and net(pkt, t, length) then return hdr end
        if not eflag then sll_header(length + hlen, s, v2) end
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
    return hdr
end

-- BSD loopback (DLT_NULL, DLT_LOOP): 4-byte address family
local afnames = { [2] = "IPv4", [6] = "NS", [7] = "ISO", [16] = "Appletalk", [23] = "IPX",
    [24] = "IPv6", [28] = "IPv6", [30] = "IPv6" }
local afnet = { [2] = 0x0800, [24] = 0x86dd, [28] = 0x86dd, [30] = 0x86dd }

local function null_header(fam, len)
    local name = afnames[fam]
    if qflag then
        out(name or "Unknown AF " .. fam, ", length ", len, ": ")
    else
        out("AF ", name or "Unknown", " (", fam, "), length ", len, ": ")
    end
end

local function null(pkt, len)
    local n = pkt.null
    if not n or n.status ~= "ok" then
        U.trunc("null")
        return
    end
    local fam = n.family
    local redo = false
    if pkt.linktype == 108 and fam & 0xffff == 0 then
        -- tcpdump reads the family little-endian on both link types and swaps it only when
        -- the upper half is set; the engine read DLT_LOOP big-endian and decoded nothing
        fam = (fam >> 24) | ((fam >> 8) & 0xff00)
        redo = true
    end
    if eflag then null_header(fam, len) end
    local et = afnet[fam]
    if et then
        if redo then
            M.payload(pkt, et, 4, len - 4)
        else
            net(pkt, et, len - 4)
        end
        return
    elseif fam == 7 then
        llc = llc or require "tcplua.print.llc"
        llc.isoclns(pkt, 4, len - 4)
        return
    elseif fam == 23 then
        require("tcplua.print.ipx").print(pkt, 4)
        return
    elseif fam == 16 and M.atalk(len - 4) then
        return
    end
    if not eflag then null_header(fam, len) end
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

-- Cisco SLARP (keepalives and address requests on Cisco HDLC links); a short one is cut
-- (tcpdump stops there, the -x dump still starts after the HDLC header)
local slarp_min, slarp_max = 14, 18
local function slarp(pkt, off, length)
    out("SLARP (length: ", length, "), ")
    if length < slarp_min or pkt.caplen < off + slarp_min then
        return out(" [|chdlc_slarp]")
    end
    local code = pkt:u32(off)
    local llcmod = llc or require "tcplua.print.llc"
    llc = llcmod
    local base = off + 4 -- the -vv dump: after the code (tcpdump moves it past an uptime)
    if code == 0 then
        out("request")
    elseif code == 1 then
        local function ip(o)
            return U.host(pkt:u8(o) .. "." .. pkt:u8(o + 1) .. "." .. pkt:u8(o + 2) .. "." ..
                pkt:u8(o + 3))
        end
        out("reply ", ip(off + 4), "/", ip(off + 8))
    elseif code == 2 then
        local hex8 = function(v) return hex4(v >> 16) .. hex4(v & 0xffff) end
        out("keepalive: mineseen=0x", hex8(pkt:u32(off + 4)), ", yourseen=0x",
            hex8(pkt:u32(off + 8)), ", reliability=0x", hex4(pkt:u16(off + 12)))
        if length >= slarp_max then
            local ms = pkt:u32(off + slarp_min)
            if not ms then return U.trunc("chdlc_slarp") end
            base = off + slarp_min + 4
            local sec = ms // 1000
            local min = sec // 60
            local hrs = min // 60
            local days = hrs // 24
            out(", link uptime=", days, "d", hrs - days * 24, "h", min - hrs * 60, "m",
                sec - min * 60, "s")
        end
    else
        out(string.format("0x%02x", code), " unknown")
        if vflag <= 1 then llcmod.unknown_data(pkt, off + 4, length - 4) end
    end
    if length > slarp_max and vflag > 0 then
        out(", (trailing junk: ", length - slarp_max, " bytes)")
    end
    if vflag > 1 then llcmod.unknown_data(pkt, base, length - 4) end
end

-- Cisco HDLC on DLT_PPP_SERIAL: address 0x0f (unicast) or 0x8f (broadcast), control 0, then
-- an ethertype. Returns where the -x dump starts.
local function chdlc(pkt, len)
    local cap = pkt.caplen
    if len < 4 then
        out(" [|chdlc]")
        return cap
    end
    if cap < 4 then
        U.trunc("chdlc")
        return 0
    end
    local proto = pkt:u16(2)
    if eflag then
        out(pkt:u8(0) == 0x0f and "unicast" or "bcast", ", ethertype ", etnames[proto] or "Unknown",
            " (0x", hex4(proto), "), length ", len, ": ")
    end
    local length = len - 4
    if proto == 0x0800 or proto == 0x86dd or proto == 0x8847 or proto == 0x8848 then
        M.payload(pkt, proto, 4, length)
    elseif proto == 0x8035 then
        slarp(pkt, 4, length)
    elseif proto == 0xfefe then
        -- a pad byte may come before the NLPID: skipped when CLNP, ES-IS or IS-IS follows
        if length < 2 then
            out(" [|chdlc]")
            return cap
        end
        local b = pkt:u8(5)
        if not b then
            U.trunc("chdlc")
            return 0
        end
        llc = llc or require "tcplua.print.llc"
        if b >= 0x81 and b <= 0x83 then
            llc.isoclns(pkt, 5, length - 1)
        else
            llc.isoclns(pkt, 4, length)
        end
    elseif not eflag then
        out("unknown CHDLC protocol (0x", hex4(proto), ")")
    end
    return 4
end

-- DLT_PPP_SERIAL: HDLC-like framing, address 0xff, or Cisco HDLC
local function ppp_serial(pkt, len)
    local cap = pkt.caplen
    local a = pkt:u8(0)
    if cap >= 2 and (a == 0x0f or a == 0x8f) then return chdlc(pkt, len) end
    if cap < 4 then
        out(" [|ppp_hdlc]")
        return cap
    end
    local hex2 = U.hex2
    local c = pkt:u8(1)
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
-- caller has read it already, and linktype pkt.linktype.
function M.print(pkt, len, linktype)
    local f = bylink[linktype or pkt.linktype]
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
