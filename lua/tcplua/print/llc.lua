-- tcplua.print.llc: IEEE 802.2 LLC headers and the SNAP extension (RFC 1042) as tcpdump 4.99
-- prints them, for 802.3 frames (Ethernet with a length field, Linux cooked 802.2).
-- M.print returns the LLC (+SNAP) header length; negative when the payload was not decoded
-- and the caller should print it raw.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local link = require "tcplua.print.link"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local eflag = (opt.e or 0) ~= 0 and opt.e ~= false
local hex2, hex4 = U.hex2, U.hex4
local net, etnames = link.net, link.etnames

-- SAP names (IEEE 802.2 assigned SAPs, as tcpdump names them)
local sapnames = {
    [0x00] = "Null", [0xff] = "Global", [0x02] = "802.1B I", [0x03] = "802.1B G",
    [0x04] = "SNA", [0x06] = "IP", [0x0e] = "ProWay NM", [0x42] = "STP", [0x4e] = "RS511",
    [0x7e] = "ISO8208", [0x8e] = "ProWay", [0xaa] = "SNAP", [0xe0] = "IPX",
    [0xf0] = "NetBeui", [0xfe] = "OSI",
}
-- U-format commands (control byte without the P/F bit)
local ucmds = { [0x03] = "ui", [0xe3] = "test", [0xaf] = "xid", [0x63] = "ua", [0x43] = "disc",
    [0x0f] = "dm", [0x6f] = "sabme", [0x87] = "frmr" }
-- command/response bit of the SSAP with the poll/final bit of the control field
local pfnames = { [0] = "Command", [1] = "Response", [0x10] = "Poll", [0x11] = "Final",
    [0x100] = "Poll", [0x101] = "Final" }
local supnames = { [0] = "Receiver Ready", "Receiver not Ready", "Reject" }

-- OUIs and the protocol ids known under them
local ouinames = { [0x000000] = "Ethernet", [0x00000c] = "Cisco", [0x00005e] = "IANA",
    [0x000081] = "Nortel Networks SONMP", [0x0000f8] = "Cisco bridged",
    [0x0080c2] = "Ethernet bridged", [0x00a03e] = "ATM Forum",
    [0x00e02f] = "DOCSIS Spanning Tree", [0x080007] = "Appletalk", [0x009069] = "Juniper",
    [0x080009] = "Hewlett-Packard", [0x00120f] = "IEEE 802.3 Private", [0x0012bb] = "ANSI/TIA",
    [0x001b21] = "DCBX", [0x002320] = "Nicira Networks", [0x5c16c7] = "Big Switch Networks",
    [0xb0d2f5] = "Vello Systems", [0x00049f] = "Freescale", [0x001018] = "Broadcom" }
local pidnames = {
    [0x000000] = etnames,
    [0x00000c] = { [0x2000] = "CDP", [0x2003] = "VTP", [0x2004] = "DTP", [0x0111] = "UDLD",
        [0x010b] = "PVST", [0x010c] = "VLAN Bridge" },
    [0x0080c2] = { [0x0001] = "Ethernet + FCS", [0x0002] = "Ethernet w/o FCS",
        [0x0003] = "802.5 + FCS", [0x0004] = "FDDI + FCS", [0x0005] = "802.6 + FCS",
        [0x0007] = "802.5 w/o FCS", [0x0008] = "FDDI w/o FCS", [0x0009] = "802.6 w/o FCS",
        [0x000a] = "FDDI w/o FCS", [0x000b] = "BPDU", [0x000e] = "802.1 MRP" },
}

local function hex6(n)
    return hex2[n >> 16] .. hex2[(n >> 8) & 255] .. hex2[n & 255]
end

local function rawprint(pkt, off, caplen)
    if caplen > 0 then out(U.hexascii(pkt:sub(off, caplen))) end
end

local ipx, stp, cdp -- printer modules, loaded on first use

-- The network layer at off with ethertype et: IPv4/IPv6 are decoded again from off, other
-- types only when the engine decoded them there. False when nothing printed it.
local function payload(pkt, et, off, length)
    if et == 0x0800 or et == 0x86dd then
        if pkt.net_off ~= off then
            local p = pkt:inner(off)
            if not p then
                -- nothing of the IP header was captured: tcpdump's IPv4 printer gives up
                -- on its first byte, the IPv6 one only notes the short header
                if off < pkt.caplen then return false end
                if et == 0x0800 then
                    U.trunc("ip")
                else
                    out(" [|ip6]")
                end
                return true
            end
            pkt = p
        end
        return net(pkt, et, length)
    end
    if et == 0x8137 then
        out("(NOV-ETHII) ")
        ipx = ipx or require "tcplua.print.ipx"
        ipx.print(pkt, off, length)
        return true
    end
    if pkt.net_off == off and pkt.net_type == et then return net(pkt, et, length) end
    return false
end

-- SNAP header at off (after the LLC header); true when the payload was printed.
local function snap(pkt, off, length, caplen, src, dst)
    if caplen < 5 or length < 5 then
        out(" [|snap]")
        return true
    end
    local oui = (pkt:u8(off) << 16) | pkt:u16(off + 1)
    local et = pkt:u16(off + 3)
    local pids = pidnames[oui]
    if eflag then
        out("oui ", ouinames[oui] or "Unknown", " (0x", hex6(oui), "), ",
            oui == 0 and "ethertype " or "pid ", pids and pids[et] or "Unknown", " (0x", hex4(et),
            "), length ", length - 5, ": ")
    end
    off, length = off + 5, length - 5
    if oui == 0 or oui == 0x0000f8 or (oui == 0x080007 and et == 0x809b) then
        if payload(pkt, et, off, length) then return true end
    elseif oui == 0x00000c and (et == 0x010b or et == 0x010c) then
        stp = stp or require "tcplua.print.stp"
        stp.print(pkt, off, length)
        return true
    elseif oui == 0x00000c and et == 0x2000 then
        cdp = cdp or require "tcplua.print.cdp"
        cdp.print(pkt, off, length)
        return true
    end
    if not eflag then
        if src then out(src, " > ", dst, " ") end
        if oui == 0 then
            out("SNAP, ethertype ", etnames[et] or "Unknown", " (0x", hex4(et), "), length ", length,
                ": ")
        else
            out("SNAP, oui ", ouinames[oui] or "Unknown", " (0x", hex6(oui), "), pid ",
                pids and pids[et] or "Unknown", " (0x", hex4(et), "), length ", length, ": ")
        end
    end
    return false
end

-- OSI network layer protocol ids (ISO/IEC TR 9577), tcpdump's names
local nlpids = { [0x00] = "NULL", [0x08] = "Q.933", [0x09] = "LMI", [0x80] = "SNAP",
    [0x81] = "CLNP", [0x82] = "ES-IS", [0x83] = "IS-IS", [0x84] = "CONS", [0x85] = "IDRP",
    [0x8a] = "X25 ES-IS", [0x8e] = "IPv6", [0xb1] = "FRF.15", [0xc1] = "ISIS_SPB",
    [0xcc] = "IPv4", [0xcf] = "PPP" }
-- the protocols after an NLPID that tcplua does not decode: tcpdump's first word for each
local osi_undecoded = { [0x08] = "Q.933, ", [0x81] = "CLNP", [0x82] = "ES-IS ",
    [0x83] = "IS-IS" }

-- tcpdump's print_unknown_data: "\n\t0x0000:  0102 ..." lines of the captured part (up to
-- lim, default the capture)
local function unknown_data(pkt, off, n, lim)
    local avail = (lim or pkt.caplen) - off
    if n > avail then n = avail end
    if n <= 0 then return end
    local s = pkt:sub(off, n)
    local t, k = {}, 0
    for j = 0, #s - 1, 2 do
        if j % 16 == 0 then
            k = k + 1
            t[k] = "\n\t0x" .. hex4(j) .. ": "
        end
        k = k + 1
        t[k] = " " .. hex2[s:byte(j + 1)] .. (j + 1 < #s and hex2[s:byte(j + 2)] or "")
    end
    out(table.concat(t))
end

M.unknown_data = unknown_data

-- An OSI packet at off (length bytes on the wire) as tcpdump's isoclns_print starts it: the
-- NLPID, then IPv4, IPv6 or PPP after it; CLNP, ES-IS, IS-IS and Q.933 are not decoded
-- (only their first word is printed). lim: the end of the bytes it may read (default: the
-- capture).
function M.isoclns(pkt, off, length, lim)
    lim = lim or pkt.caplen
    local id = off < lim and pkt:u8(off)
    if not id then return U.trunc("isoclns") end
    if eflag then out("OSI NLPID ", nlpids[id] or "Unknown", " (0x", hex2[id], "): ") end
    if id == 0xcc or id == 0x8e then
        link.payload(pkt, id == 0xcc and 0x0800 or 0x86dd, off + 1, length - 1)
    elseif id == 0xcf then
        require("tcplua.print.ppp").print_at(pkt, off + 1, length - 1)
    elseif id == 0 then
        out(eflag and "" or ", ", "length: ", length)
    elseif osi_undecoded[id] then
        if not eflag then out(osi_undecoded[id]) end
    else
        if not eflag then out("OSI NLPID 0x", hex2[id], " unknown") end
        out(eflag and "" or ", ", "length: ", length)
        if length > 1 then unknown_data(pkt, off, length, lim) end
    end
end

local function sapname(sap, what)
    return sapnames[sap] or ("Unknown " .. what .. " 0x" .. hex2[sap])
end

-- The "SSAP > DSAP" words tcpdump prints for frames it does not decode further.
local function saps(dsap, ssap, src, dst)
    if ssap == dsap then
        if src then out(src, " > ", dst, " ") end
        out(sapname(dsap, "DSAP"), " ")
    elseif src then
        out(src, " ", sapname(ssap, "SSAP"), " > ", dst, " ", sapname(dsap, "DSAP"), " ")
    else
        out(sapname(ssap, "SSAP"), " > ", sapname(dsap, "DSAP"), " ")
    end
end

-- Print the LLC frame at off: length bytes on the wire, caplen captured; src, dst are the
-- printed MAC addresses or nil. Returns the header length, negated if the payload is unknown.
function M.print(pkt, off, length, caplen, src, dst)
    if caplen < 3 or length < 3 then
        out(" [|llc]")
        rawprint(pkt, off, caplen)
        return caplen < 3 and caplen or length
    end
    local dsapf, ssapf, ctl = pkt:u8(off), pkt:u8(off + 1), pkt:u8(off + 2)
    local is_u, hl = (ctl & 3) == 3, 3
    if not is_u then
        if caplen < 4 or length < 4 then
            out(" [|llc]")
            rawprint(pkt, off, caplen)
            return caplen < 4 and caplen or length
        end
        ctl = ctl | (pkt:u8(off + 3) << 8)
        hl = 4
    end
    if dsapf == 0xff and ssapf == 0xff then
        -- Novell "raw" 802.3: an IPX header (checksum 0xffff) right after the MAC header
        if eflag then out("IPX 802.3: ") end
        ipx = ipx or require "tcplua.print.ipx"
        ipx.print(pkt, off, length)
        return 0
    end
    local dsap, ssap = dsapf & 0xfe, ssapf & 0xfe
    if eflag then
        out("LLC, dsap ", sapnames[dsap] or "Unknown", " (0x", hex2[dsap], ") ",
            (dsapf & 1) == 1 and "Group" or "Individual", ", ssap ", sapnames[ssap] or "Unknown",
            " (0x", hex2[ssap], ") ", (ssapf & 1) == 1 and "Response" or "Command", ", ctrl 0x",
            is_u and hex2[ctl] or hex4(ctl), ": ")
    end
    local p, len, cap = off + hl, length - hl, caplen - hl
    if dsap == ssap and ctl == 3 then
        if dsap == 0xaa then
            return snap(pkt, p, len, cap, src, dst) and hl + 5 or -(hl + 5)
        elseif dsap == 0x42 then
            stp = stp or require "tcplua.print.stp"
            stp.print(pkt, p, len)
            return hl
        elseif dsap == 0x06 then
            -- RFC 948 IP over 802.3
            if payload(pkt, 0x0800, p, len) then return hl end
        elseif dsap == 0xfe then
            M.isoclns(pkt, p, len, p + cap)
            return hl
        elseif dsap == 0xe0 then
            if eflag then out("IPX 802.2: ") end
            ipx = ipx or require "tcplua.print.ipx"
            ipx.print(pkt, p, len)
            return hl
        end
    end
    if not eflag then saps(dsap, ssap, src, dst) end
    if is_u then
        local cmd = ctl & 0xef
        out("Unnumbered, ", ucmds[cmd] or hex2[cmd], ", Flags [",
            pfnames[(ssapf & 1) | (ctl & 0x10)], "], length ", length)
        if cmd == 0xaf and len > 0 then
            -- XID: the format identifier 0x81 is followed by the class and window bytes
            if cap < 1 then
                out(" [|llc]")
                return hl
            end
            if pkt:u8(p) == 0x81 then
                if cap < 3 or len < 3 then
                    out(" [|llc]")
                    rawprint(pkt, p, cap)
                else
                    out(": ", hex2[pkt:u8(p + 1)], " ", hex2[pkt:u8(p + 2)])
                end
                return hl
            end
        elseif cmd == 0xaf then
            return hl
        end
    elseif (ctl & 3) == 1 then
        out("Supervisory, ", supnames[(ctl >> 2) & 3] or "?", ", rcv seq ", (ctl >> 9) & 0x7f,
            ", Flags [", pfnames[(ssapf & 1) | (ctl & 0x100)], "], length ", length)
        return hl
    else
        out("Information, send seq ", (ctl >> 1) & 0x7f, ", rcv seq ", (ctl >> 9) & 0x7f,
            ", Flags [", pfnames[(ssapf & 1) | (ctl & 0x100)], "], length ", length)
    end
    return -hl
end

return M
