-- tcplua.print.pimv1: PIM version 1 messages carried in IGMP (type 0x14; draft-ietf-idmr-pim
-- v1) as tcpdump 4.99 prints them after "igmp pimv1": query, register, register-stop,
-- join/prune, RP-reachable, assert, graft. Called by tcplua.print.igmp.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0

local names = { [0] = "Query", "Register", "Register-Stop", "Join/Prune", "RP-reachable",
    "Assert", "Graft", "Graft-ACK" }
local modes = { [0] = " Dense-mode", " Sparse-mode", " Sparse-Dense-mode" }

-- Reads bounded by the captured message; past it they raise "trunc" (tcpdump's longjmp).
local P, lim
local function u8(off)
    if off + 1 > lim then error("trunc", 0) end
    return P:u8(off)
end
local function u16(off)
    if off + 2 > lim then error("trunc", 0) end
    return P:u16(off)
end
local function u32(off)
    if off + 4 > lim then error("trunc", 0) end
    return P:u32(off)
end
local function addr(off)
    local v = u32(off)
    return U.host((v >> 24) .. "." .. ((v >> 16) & 255) .. "." .. ((v >> 8) & 255) .. "." ..
        (v & 255))
end
local relts

-- " /mask" unless the mask at off is all ones
local function mask(off)
    if u32(off) ~= 0xffffffff then out("/", addr(off)) end
end

-- The one-line form for a single group with a single source; false when it does not apply.
local function jp_single(p)
    if p + 30 > lim or u8(p + 11) ~= 1 then return false end
    local njoin = u16(p + 20)
    if njoin + u16(p + 22) ~= 1 then return false end
    out(" RPF ", addr(p), " ")
    local hold = u16(p + 6)
    if hold ~= 180 then out("Hold ", relts(hold)) end
    local src, grp = addr(p + 26), addr(p + 12)
    out(njoin ~= 0 and "Join" or "Prune", " (", src, "/", u8(p + 25) & 0x3f, ", ", grp)
    mask(p + 16)
    local f1, f2 = u8(p + 24), u8(p + 25)
    out(") ", f1 & 1 ~= 0 and "Sparse" or "Dense", f2 & 0x80 ~= 0 and " WC" or "", " ",
        f2 & 0x40 ~= 0 and "RP" or "SPT")
    return true
end

-- Join/prune body; false for tcpdump's soft " [|pimv1]" (a length check).
local function join_prune(p, len)
    if jp_single(p) then return true end
    if len < 4 then return false end
    if vflag > 1 then out("\n") end
    out(" Upstream Nbr: ", addr(p))
    p, len = p + 4, len - 4
    if len < 4 then return false end
    if vflag > 1 then out("\n") end
    out(" Hold time: ")
    out(relts(u16(p + 2)))
    if vflag < 2 then return true end
    p, len = p + 4, len - 4
    if len < 4 then return false end
    local ngroups = u8(p + 3)
    p, len = p + 4, len - 4
    for _ = 1, ngroups do
        if len < 4 then return false end
        out("\n\tGroup: ", addr(p))
        p, len = p + 4, len - 4
        if len < 4 then return false end
        mask(p)
        p, len = p + 4, len - 4
        if len < 4 then return false end
        local nj, np = u16(p), u16(p + 2)
        out(" joined: ", nj, " pruned: ", np)
        p, len = p + 4, len - 4
        for i = 0, nj + np - 1 do
            if len < 6 then return false end
            local a, b = u8(p), u8(p + 1)
            out("\n\t", i < nj and "Join " or "Prune", " ", a & 1 ~= 0 and "Sparse " or "Dense ",
                b & 0x80 ~= 0 and "WC " or "", b & 0x40 ~= 0 and "RP " or "SPT ", addr(p + 2),
                "/", b & 0x3f)
            p, len = p + 6, len - 6
        end
    end
    return true
end

local function pimv1(b, len)
    local t = u8(b + 1)
    out(" ", names[t] or ("[type " .. t .. "]"))
    if t == 0 then
        if b + 9 <= lim then out(modes[u8(b + 8) >> 4] or (" mode-" .. (u8(b + 8) >> 4))) end
        if vflag > 0 then
            out(" (Hold-time ")
            out(relts(u16(b + 10)), ")")
        end
    elseif t == 1 then
        if b + 28 > lim then return false end
        local s, d = addr(b + 20), addr(b + 24)
        out(" for ", s, " > ", d)
    elseif t == 2 then
        local s, d = addr(b + 8), addr(b + 12)
        out(" for ", s, " > ", d)
    elseif t == 4 then
        if vflag > 0 then
            out(" group ", addr(b + 8))
            mask(b + 12)
            out(" RP ", addr(b + 16), " hold ")
            out(relts(u16(b + 22)))
        end
    elseif t == 5 then
        local s, d = addr(b + 16), addr(b + 8)
        out(" for ", s, " > ", d)
        mask(b + 12)
        local f, v = u8(b + 20), u32(b + 20)
        out(" ", f & 0x80 ~= 0 and "RP-tree" or "SPT", " pref ", v & 0x7fffffff, " metric ",
            u32(b + 24))
    elseif t == 3 or t == 6 or t == 7 then
        if vflag > 0 then
            if len < 8 then return false end
            -- a short list ends the list, not the message: the version check follows
            if not join_prune(b + 8, len - 8) then out(" [|pimv1]") end
        end
    end
    local v = u8(b + 4) >> 4
    if v ~= 1 then out(" [v", v, "]") end
    return true
end

-- The PIMv1 message in the IGMP message at b (len bytes, captured up to cap).
function M.print(pkt, b, len, cap)
    relts = relts or require("tcplua.print.igmp").relts
    P, lim = pkt, cap
    local ok, r = pcall(pimv1, b, len)
    P = nil
    if not ok then
        if r ~= "trunc" then error(r, 0) end
        U.trunc("pimv1")
    elseif not r then
        out(" [|pimv1]")
    end
end

return M
