-- tcplua.print.gre: GRE (RFC 2784, RFC 2890 key and sequence; RFC 1701 routing entries) and
-- the enhanced GRE of PPTP (RFC 2637, version 1) as tcpdump 4.99 prints them: "GREv0, key=0x1,
-- seq 2, length 48: " then the payload (IPv4, IPv6, MPLS, Ethernet, PPP) printed in full.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local link = require "tcplua.print.link"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local eflag = (opt.e or 0) ~= 0 and opt.e ~= false
local hex, hex4, etnames = U.hex, U.hex4, link.etnames

local CP, RP, KP, SP, AP = 0x8000, 0x4000, 0x2000, 0x1000, 0x0080
local flagnames = { { CP, "checksum present" }, { RP, "routing present" },
    { KP, "key present" }, { SP, "sequence# present" }, { 0x0800, "source routing present" },
    { AP, "ack present" } }

local function flags_text(f)
    local t = {}
    for i = 1, #flagnames do
        if f & flagnames[i][1] ~= 0 then t[#t + 1] = flagnames[i][2] end
    end
    return #t > 0 and table.concat(t, ", ") or "none"
end

local function trunc()
    out(" [|gre]")
end

-- One source route entry's addresses (IP: 4 bytes each, ASN: 2); false when cut short.
local function sre(pkt, af, sreoff, srelen, p, left, lim)
    local w = af == 0x0800 and 4 or 2
    if sreoff % w ~= 0 then
        out(", badoffset=", sreoff)
        return true
    end
    if srelen % w ~= 0 then
        out(", badlength=", srelen)
        return true
    end
    if sreoff >= srelen then
        out(", badoff/len=", sreoff, "/", srelen)
        return true
    end
    local at = 0
    while srelen > 0 do
        if p + w > lim or left < w then return false end
        out(" ", at == sreoff and "*" or "")
        if w == 4 then
            out(pkt:u8(p), ".", pkt:u8(p + 1), ".", pkt:u8(p + 2), ".", pkt:u8(p + 3))
        else
            out(hex(pkt:u16(p)))
        end
        p, left, srelen, at = p + w, left - w, srelen - w, at + w
    end
    return true
end

-- The routing entries of a v0 header from p; returns the offset after them, or nil (cut).
local function routing(pkt, p, len, lim)
    while true do
        if p + 4 > lim or len < 4 then return nil end
        local af, sreoff, srelen = pkt:u16(p), pkt:u8(p + 2), pkt:u8(p + 3)
        p, len = p + 4, len - 4
        if af == 0 and srelen == 0 then return p, len end
        local ok = true
        if af == 0x0800 or af == 0xfffe then
            out(", (rtaf=", af == 0x0800 and "ip" or "asn")
            ok = sre(pkt, af, sreoff, srelen, p, len, lim)
            out(")")
        else
            out(", (rtaf=0x", hex(af), ")")
        end
        if not ok or len < srelen then return nil end
        p, len = p + srelen, len - srelen
    end
end

local snap -- the end of the IP payload: inner packets are bounded by it, not by GRE lengths

local function proto_e(prot)
    if eflag then out(", proto ", etnames[prot] or "unknown", " (0x", hex4(prot), ")") end
end

local function demarc()
    out(vflag < 1 and ": " or "\n\t")
end

local function v0(pkt, p, length, lim)
    local flags = pkt:u16(p)
    if vflag > 0 then out(", Flags [", flags_text(flags), "]") end
    local len = length - 2
    p = p + 2
    if p + 2 > lim or len < 2 then return trunc() end
    local prot = pkt:u16(p)
    p, len = p + 2, len - 2
    if flags & (CP | RP) ~= 0 then
        if p + 2 > lim or len < 2 then return trunc() end
        if vflag > 0 then out(", sum 0x", hex(pkt:u16(p))) end
        p, len = p + 2, len - 2
        if p + 2 > lim or len < 2 then return trunc() end
        out(", off 0x", hex(pkt:u16(p)))
        p, len = p + 2, len - 2
    end
    if flags & KP ~= 0 then
        if p + 4 > lim or len < 4 then return trunc() end
        out(", key=0x", string.format("%x", pkt:u32(p)))
        p, len = p + 4, len - 4
    end
    if flags & SP ~= 0 then
        if p + 4 > lim or len < 4 then return trunc() end
        out(", seq ", pkt:u32(p))
        p, len = p + 4, len - 4
    end
    if flags & RP ~= 0 then
        p, len = routing(pkt, p, len, lim)
        if not p then return trunc() end
    end
    proto_e(prot)
    out(", length ", length)
    demarc()
    if prot == 0x8137 then
        require("tcplua.print.ipx").print(pkt, p, len)
    elseif prot == 0x8848 or prot == 0x880b or not link.payload(pkt, prot, p, len, snap) then
        out("gre-proto-0x", hex(prot))
    end
end

-- Version 1 (PPTP): the key holds the payload length and the call id; PPP inside.
local function v1(pkt, p, length, lim)
    local flags = pkt:u16(p)
    local len = length - 2
    p = p + 2
    if vflag > 0 then out(", Flags [", flags_text(flags), "]") end
    if p + 2 > lim or len < 2 then return trunc() end
    local prot = pkt:u16(p)
    p, len = p + 2, len - 2
    if flags & KP ~= 0 then
        if p + 4 > lim or len < 4 then return trunc() end
        out(", call ", pkt:u16(p + 2))
        p, len = p + 4, len - 4
    end
    if flags & SP ~= 0 then
        if p + 4 > lim or len < 4 then return trunc() end
        out(", seq ", pkt:u32(p))
        p, len = p + 4, len - 4
    end
    if flags & AP ~= 0 then
        if p + 4 > lim or len < 4 then return trunc() end
        out(", ack ", pkt:u32(p))
        p, len = p + 4, len - 4
    end
    if flags & SP == 0 then out(", no-payload") end
    proto_e(prot)
    out(", length ", length)
    if flags & SP == 0 then return end
    demarc()
    if prot ~= 0x880b or not link.payload(pkt, prot, p, len, snap) then
        out("gre-proto-0x", hex(prot))
    end
end

-- Transport interface (see tcplua.print): the GRE header at ctx.off, ctx.len bytes.
function M.print(pkt, ctx)
    local p, length = ctx.off, ctx.len
    -- bytes tcpdump may read: the capture, cut to the IP payload
    snap = p + length
    local lim = pkt.caplen
    if lim > snap then lim = snap end
    if p + 2 > lim then return trunc() end
    local ver = pkt:u16(p) & 7
    out("GREv", ver)
    if ver == 0 then
        v0(pkt, p, length, lim)
    elseif ver == 1 then
        v1(pkt, p, length, lim)
    else
        out(" ERROR: unknown-version")
    end
end

return M
