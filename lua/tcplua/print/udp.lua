-- tcplua.print.udp: UDP (RFC 768) as tcpdump 4.99 prints it: "src.port > dst.port: ",
-- checksum notes with -vv (IPv4) or -v (IPv6), "UDP, length N" or "UDP, bad length A > B".
-- Applications: by port, modules listed in M.apps; under -T, one printer for every datagram.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = { own_addrs = true }
local P -- tcplua.print, loaded on first use (it loads this module)
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local qflag = (opt.q or 0) ~= 0 and opt.q ~= false
local Kflag = (opt.K or 0) ~= 0 and opt.K ~= false
local port, hex4 = U.udpport, U.hex4

-- port -> application printer module; its print(pkt, ctx, off, length) prints what
-- tcpdump prints after the addresses (and checksum note) instead of "UDP, length N", or
-- returns false having printed nothing, to fall back to "UDP, length N".
-- A module that is not there yet (or not installed) reads as no printer.
M.apps = {
    [53] = "tcplua.print.dns", [5353] = "tcplua.print.dns",
    [69] = "tcplua.print.tftp",
    [67] = "tcplua.print.bootp", [68] = "tcplua.print.bootp",
    [520] = "tcplua.print.rip",
    [161] = "tcplua.print.snmp", [162] = "tcplua.print.snmp",
    [123] = "tcplua.print.ntp",
    [521] = "tcplua.print.ripng",
    [546] = "tcplua.print.dhcp6", [547] = "tcplua.print.dhcp6",
    [1645] = "tcplua.print.radius", [1646] = "tcplua.print.radius",
    [1812] = "tcplua.print.radius", [1813] = "tcplua.print.radius",
    [5060] = "tcplua.print.sip",
    [514] = "tcplua.print.syslog",
    [4789] = "tcplua.print.vxlan",
    [6081] = "tcplua.print.geneve",
    [6635] = "tcplua.print.mpls",
}
-- When both ports have a printer, tcpdump's udp_print tries them in a fixed order: the
-- lower rank wins. Ports not listed rank last (by port number).
M.rank = {
    [53] = 1, [5353] = 2, [69] = 4, [67] = 5, [68] = 5, [520] = 6, [161] = 10, [162] = 10,
    [123] = 11, [521] = 20, [546] = 21, [547] = 21, [1645] = 30, [1646] = 30, [1812] = 30,
    [1813] = 30, [5060] = 35, [514] = 40, [4789] = 41, [6081] = 42, [6635] = 43,
}
local resolved = {}
local function appmod(p)
    local name = M.apps[p]
    if not name then return nil end
    local m = resolved[name]
    if m == nil then
        P = P or require "tcplua.print"
        m = P.resolve(name)
        resolved[name] = m
    end
    return m or nil
end

-- The application printer for a datagram between sport and dport, or nil.
local function app(sport, dport)
    local a, b = appmod(sport), appmod(dport)
    if a and b and a ~= b then
        local ra, rb = M.rank[sport] or 1000 + sport, M.rank[dport] or 1000 + dport
        if rb < ra then return b end
    end
    return a or b
end
M.app = app

local function addrs(ctx, sport, dport)
    if ctx.direct then
        out(ctx.src, ".", port(sport), " > ", ctx.dst, ".", port(dport), ": ")
    else
        out(port(sport), " > ", port(dport), ": ")
    end
end

-- -T TYPE: tcpdump hands every datagram whose header is whole to that type's printer,
-- whatever the ports and -q, with no checksum note; a type with no UDP printer (carp)
-- prints nothing at all, not even the ports. ptype is nil without -T (the usual path).
local ptypes = { domain = "tcplua.print.dns", radius = "tcplua.print.radius",
    snmp = "tcplua.print.snmp", tftp = "tcplua.print.tftp", vxlan = "tcplua.print.vxlan" }
local ptype = opt.T and (ptypes[opt.T] or false)
-- tcplua.print.dns reads a datagram with neither port 53 as mDNS; -T domain never means
-- mDNS, so the DNS printer sees the datagram through a view whose source port reads 53.
local view, vpkt, vsport = {}, nil, nil
function view.u16(_, o) if o == vsport then return 53 end return vpkt:u16(o) end
function view.sub(_, o, n) return vpkt:sub(o, n) end
local function typed(pkt, ctx, sport, dport, off, length)
    if not ptype then return end
    if type(ptype) == "string" then
        local name = ptype
        P = P or require "tcplua.print"
        ptype = P.resolve(name) or false
        if not ptype then return end
        if name == "tcplua.print.dns" then
            local dns = ptype
            ptype = { print = function(p, c, o, l)
                vpkt, vsport, view.caplen = p, o - 8, p.caplen
                dns.print(view, c, o, l)
                vpkt = nil
            end }
        end
    end
    addrs(ctx, sport, dport)
    ptype.print(pkt, ctx, off, length)
end

-- Print a UDP datagram after "IP "/"IP6 " (ctx as described in tcplua.print).
function M.print(pkt, ctx)
    local off, length = ctx.off, ctx.len
    local sport, dport = pkt:u16(off), pkt:u16(off + 2)
    if not dport or length < 4 then -- (the ports must lie within the IP length too)
        if ctx.direct then out(ctx.src, " > ", ctx.dst, ": ") end
        out(" [|udp]")
        return
    end
    if length < 8 then
        addrs(ctx, sport, dport)
        out("truncated-udp ", length)
        return
    end
    local ulen = pkt:u16(off + 4)
    if not ulen then
        addrs(ctx, sport, dport)
        out(" [|udp]")
        return
    end
    if ulen == 0 and length > 65535 then ulen = length end
    if ulen < 8 then
        addrs(ctx, sport, dport)
        out("truncated-udplength ", ulen)
        return
    end
    ulen = ulen - 8
    length = length - 8
    if ulen < length then length = ulen end
    if pkt.caplen < off + 8 then
        addrs(ctx, sport, dport)
        out(" [|udp]")
        return
    end
    if ptype ~= nil then return typed(pkt, ctx, sport, dport, off + 8, length) end
    addrs(ctx, sport, dport)
    local frag = ctx.frag
    if vflag > 0 and not Kflag and not frag then
        local v6 = ctx.ipver == 6
        if v6 or vflag > 1 then
            local udp = pkt.udp
            local sum = pkt:u16(off + 6)
            if not v6 and sum == 0 then
                out("[no cksum] ")
            elseif udp then
                local ok = udp.cksum_ok
                -- an ICMP quote ends before any Ethernet trailer (tcplua.print.icmp)
                local ql = M.qlimit
                if ql and off + 8 + length > ql then ok = nil end
                if ok == true then
                    out("[udp sum ok] ")
                elseif ok == false then
                    out("[bad udp cksum 0x", hex4(sum), " -> 0x", hex4(udp.cksum_good), "!] ")
                end
            end
        end
    end
    if not qflag then
        local m = app(sport, dport)
        if m and m.print(pkt, ctx, off + 8, length) ~= false then return end
    end
    if ulen > length and not frag then
        out("UDP, bad length ", ulen, " > ", length)
    else
        out("UDP, length ", ulen)
    end
end

return M
