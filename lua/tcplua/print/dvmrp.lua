-- tcplua.print.dvmrp: DVMRP messages (IGMP type 0x13; RFC 1075, draft-ietf-idmr-dvmrp-v3)
-- as tcpdump 4.99 prints them after "igmp dvmrp": probes, route reports, neighbor lists,
-- prunes and grafts. Called by tcplua.print.igmp.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0

local names = { "Probe", "Report", "Ask-neighbors(old)", "Neighbors(old)", "Ask-neighbors2",
    "Neighbors2", "Prune", "Graft", "Graft-ACK" }

-- Reads bounded by the captured message; past it they raise "trunc" (tcpdump's longjmp).
local P, lim
local function u8(off)
    if off + 1 > lim then error("trunc", 0) end
    return P:u8(off)
end
local function u32(off)
    if off + 4 > lim then error("trunc", 0) end
    return P:u32(off)
end
local function dotted(v)
    return (v >> 24) .. "." .. ((v >> 16) & 255) .. "." .. ((v >> 8) & 255) .. "." .. (v & 255)
end
local function addr(off)
    return U.host(dotted(u32(off)))
end

local function invalid()
    out(" (invalid)")
end

local function probe(p, len)
    if len < 4 then
        out(" [full length ", len, " < 4]")
        return invalid()
    end
    out(vflag > 1 and "\n\t" or " ")
    out("genid ", u32(p))
    if vflag < 2 then return end
    p, len = p + 4, len - 4
    while len ~= 0 do
        if len < 4 then
            out("[remaining length ", len, " < 4]")
            return invalid()
        end
        out("\n\tneighbor ", addr(p))
        p, len = p + 4, len - 4
    end
end

local function report(p, len)
    while len ~= 0 do
        if len < 3 then
            out(" [length ", len, " < 3]")
            return invalid()
        end
        local a, b, c = u8(p), u8(p + 1), u8(p + 2)
        local width = c ~= 0 and 4 or b ~= 0 and 3 or a ~= 0 and 2 or 1
        out("\n\tMask ", dotted(0xff000000 | (a << 16) | (b << 8) | c))
        p, len = p + 3, len - 3
        repeat
            if len < width + 1 then
                out("\n\t  [Truncated Report]")
                return invalid()
            end
            local origin = 0
            for _ = 1, width do
                origin = (origin << 8) | u8(p)
                p = p + 1
            end
            origin = origin << (8 * (4 - width))
            local metric = u8(p)
            p = p + 1
            out("\n\t  ", dotted(origin), " metric ", metric & 0x7f)
            len = len - width - 1
        until metric & 0x80 ~= 0
    end
end

local function neighbors(p, len)
    while len ~= 0 do
        if len < 7 then
            out(" [length ", len, " < 7]")
            return invalid()
        end
        local laddr, metric, thresh, n = p, u8(p + 4), u8(p + 5), u8(p + 6)
        p, len = p + 7, len - 7
        for _ = 1, n do
            if len < 4 then
                out(" [length ", len, " < 4]")
                return invalid()
            end
            out(" [", addr(laddr), " ->")
            out(" ", addr(p), ", (", metric, "/", thresh, ")]")
            p, len = p + 4, len - 4
        end
    end
end

local nflags = { { 0x01, "/tunnel" }, { 0x02, "/srcrt" }, { 0x40, "/querier" },
    { 0x20, "/disabled" }, { 0x10, "/down" } }

local function neighbors2(p, len, major, minor)
    out(" (v ", major, ".", minor, "):")
    while len ~= 0 do
        if len < 8 then
            out(" [length ", len, " < 8]")
            return invalid()
        end
        local laddr, metric, thresh, fl, n = p, u8(p + 4), u8(p + 5), u8(p + 6), u8(p + 7)
        p, len = p + 8, len - 8
        while n > 0 and len ~= 0 do
            n = n - 1
            if len < 4 then
                out(" [length ", len, " < 4]")
                return invalid()
            end
            out(" [", addr(laddr), " -> ")
            out(addr(p), " (", metric, "/", thresh)
            for _, f in ipairs(nflags) do
                if fl & f[1] ~= 0 then out(f[2]) end
            end
            out(")]")
            p, len = p + 4, len - 4
        end
        if n ~= 0 then
            out(" [invalid ncount]")
            return invalid()
        end
    end
end

local function srcgrp(p)
    local src, grp = addr(p), addr(p + 4)
    out(" src ", src, " grp ", grp)
end

local function dvmrp(b, len)
    local t = u8(b + 1)
    local p = b + 8
    len = len - 8
    out(" ", names[t] or ("[type " .. t .. "]"))
    if t == 1 then
        if vflag > 0 then probe(p, len) end
    elseif t == 2 then
        if vflag > 1 then report(p, len) end
    elseif t == 4 then
        neighbors(p, len)
    elseif t == 6 then
        local major, minor = u8(b + 7), u8(b + 6)
        neighbors2(p, len, major, minor)
    elseif t == 7 then
        srcgrp(p)
        out(" timer ")
        out(require("tcplua.print.igmp").relts(u32(p + 8)))
    elseif t == 8 or t == 9 then
        srcgrp(p)
    end
end

-- The DVMRP message in the IGMP message at b (len bytes, captured up to cap).
function M.print(pkt, b, len, cap)
    P, lim = pkt, cap
    local ok, err = pcall(dvmrp, b, len)
    P = nil
    if not ok then
        if err ~= "trunc" then error(err, 0) end
        U.trunc("dvmrp")
    end
end

return M
