-- tcplua.print.geneve: Geneve (RFC 8926, UDP port 6081) as tcpdump 4.99 prints it: "Geneve,
-- Flags [O], vni 0x2a, options [...]" (the option list with -v, their data with -vv), then
-- the payload by its protocol type (Ethernet, IPv4, IPv6, MPLS, PPP, PPPoE, IPX) printed in
-- full.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local link = require "tcplua.print.link"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local eflag = (opt.e or 0) ~= 0 and opt.e ~= false
local hex, hex4, etnames = U.hex, U.hex4, link.etnames

local flagnames = { "O", "C", "R1", "R2", "R3", "R4", "R5", "R6" } -- from the high bit down
local classes = { [0x0100] = "Linux", [0x0101] = "Open vSwitch",
    [0x0102] = "Open Virtual Networking (OVN)", [0x0103] = "In-band Network Telemetry (INT)",
    [0x0104] = "VMware" }

local function classname(c)
    return classes[c] or (c <= 0xff and "Standard") or (c >= 0xfff0 and "Experimental") or "Unknown"
end

-- The option list (-v), n bytes at p; false when a read went past the capture.
local function options(pkt, p, n)
    local sep = ""
    while n > 0 do
        local cls, typ, l = pkt:u16(p), pkt:u8(p + 2), pkt:u8(p + 3)
        if not l then return false end
        local olen = 4 + (l & 0x1f) * 4
        out(sep, "class ", classname(cls), " (0x", hex(cls), ") type 0x", hex(typ),
            typ & 0x80 ~= 0 and "(C)" or "", " len ", olen)
        sep = ", "
        if olen > n then
            out(" [bad length]")
            return true
        end
        if vflag > 1 and olen > 4 then
            out(" data")
            for i = 4, olen - 1, 4 do
                local w = pkt:u32(p + i)
                if not w then return false end
                out(" ", string.format("%08x", w))
            end
        elseif pkt.caplen < p + olen then
            return false
        end
        p, n = p + olen, n - olen
    end
    return true
end

local function flags_text(f)
    local t = {}
    for i = 1, 8 do
        if f & (0x100 >> i) ~= 0 then t[#t + 1] = flagnames[i] end
    end
    return #t > 0 and table.concat(t) or "none"
end

-- UDP application interface: the Geneve header at off, length bytes of UDP payload.
function M.print(pkt, _, off, length)
    out("Geneve")
    if length < 8 then
        out(" [length ", length, " < 8] (invalid)")
        return
    end
    if pkt.caplen < off + 8 then return out(" [|geneve]") end
    local vo = pkt:u8(off)
    if vo >> 6 ~= 0 then
        out(" ERROR: unknown-version ", vo >> 6)
        return
    end
    local flags, prot, vhi, vlo, rsv = pkt:u8(off + 1), pkt:u16(off + 2), pkt:u16(off + 4),
        pkt:u8(off + 6), pkt:u8(off + 7)
    out(", Flags [", flags_text(flags), "], vni 0x", string.format("%x", (vhi << 8) | vlo))
    if rsv ~= 0 then out(", rsvd 0x", hex(rsv)) end
    if eflag then out(", proto ", etnames[prot] or "unknown", " (0x", hex4(prot), ")") end
    local olen = (vo & 0x3f) * 4
    local p, len = off + 8, length - 8
    if len < olen then
        out(" truncated-geneve - ", olen - len, " bytes missing")
        return
    end
    if olen > 0 then
        if pkt.caplen < p + olen then return out(" [|geneve]") end
        out(", options [")
        if vflag > 0 then
            if not options(pkt, p, olen) then return U.trunc("geneve") end
        else
            out(olen, " bytes")
        end
        out("]")
    end
    p, len = p + olen, len - olen
    out(vflag < 1 and ": " or "\n\t")
    if prot == 0x880b then
        -- as after an Ethernet header: ": " before a frame that is not empty
        if len > 0 then
            out(": ")
            require("tcplua.print.ppp").print_at(pkt, p, len, p + len)
        end
    elseif prot == 0x8863 or prot == 0x8864 then
        require("tcplua.print.pppoe").print_at(pkt, p, len)
    elseif prot == 0x8137 then
        out("(NOV-ETHII) ")
        require("tcplua.print.ipx").print(pkt, p, len)
    elseif not link.payload(pkt, prot, p, len) then
        out("geneve-proto-0x", hex(prot))
    end
end

return M
