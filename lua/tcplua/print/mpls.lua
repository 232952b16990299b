-- tcplua.print.mpls: MPLS label stacks (RFC 3032; ethertypes 0x8847/0x8848, MPLS in UDP
-- RFC 7510 on port 6635, and inside GRE and PPP) as tcpdump 4.99 prints them: "MPLS (label
-- 100, tc 0, [S], ttl 64)" per entry, then the payload, guessed from the bottom label or the
-- first payload byte (IPv4, IPv6), printed in full.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local qflag = (opt.q or 0) ~= 0 and opt.q ~= false
local hexopt = U.hexopt
local link -- tcplua.print.link, loaded on first use (it loads this module lazily)

local reserved = { [0] = "IPv4 explicit NULL", "router alert", "IPv6 explicit NULL",
    "implicit NULL" }

-- The label stack at off, length bytes on the wire, and what follows it.
-- limit: end of the bytes that may be read (default: the packet; the capture bounds it too).
function M.print_at(pkt, off, length, limit)
    out("MPLS")
    limit = limit or pkt.len
    local lim = limit < pkt.caplen and limit or pkt.caplen
    local depth = 0
    local entry
    repeat
        if length < 4 then
            out(" (invalid)")
            -- tcpdump then checks that the rest was captured
            if lim < off + length then U.trunc("mpls") end
            return
        end
        entry = off + 4 <= lim and pkt:u32(off)
        if not entry then return U.trunc("mpls") end
        local label = entry >> 12
        out((depth > 0 and vflag > 0) and "\n\t" or " ", "(label ", label)
        depth = depth + 1
        if vflag > 0 and label < 16 then out(" (", reserved[label] or "rsvd", ")") end
        out(", tc ", (entry >> 9) & 7)
        if entry & 0x100 ~= 0 then out(", [S]") end
        out(", ttl ", entry & 255, ")")
        off, length = off + 4, length - 4
    until entry & 0x100 ~= 0
    local label = entry >> 12
    local et
    if label == 0 or label == 3 then
        et = 0x0800
    elseif label == 2 then
        et = 0x86dd
    else
        if length < 1 then return end
        local b = off < lim and pkt:u8(off)
        if not b then return U.trunc("mpls") end
        if b >= 0x45 and b <= 0x4f then
            et = 0x0800
        elseif b >= 0x60 and b <= 0x6f then
            et = 0x86dd
        end
    end
    if not et then
        if not hexopt and not qflag then
            local n = lim - off
            if n > length then n = length end
            if n > 0 then out(U.hexascii(pkt:sub(off, n))) end
            if n < length then out(" [|mpls]") end
        end
        return
    end
    out(vflag > 0 and "\n\t" or " ")
    link = link or require "tcplua.print.link"
    link.payload(pkt, et, off, length, limit)
end

-- Network interface (ethertypes 0x8847, 0x8848): print(pkt, length), the stack at
-- pkt.net_off; UDP application interface (port 6635, RFC 7510): print(pkt, ctx, off, length).
function M.print(pkt, a, off, length)
    if type(a) == "table" then
        M.print_at(pkt, off, length)
    else
        M.print_at(pkt, pkt.net_off, a)
    end
end

return M
