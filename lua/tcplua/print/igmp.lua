-- tcplua.print.igmp: IGMP (IP protocol 2) as tcpdump 4.99 prints it: v1 (RFC 1112), v2
-- (RFC 2236) and v3 (RFC 3376) queries, reports and leaves, v3 group records, mtrace/mresp
-- (draft-ietf-idmr-traceroute-ipm), DVMRP and PIMv1 (own modules), the checksum at -v.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local qflag = (opt.q or 0) ~= 0 and opt.q ~= false
local host = U.host

local rectypes = { "is_in", "is_ex", "to_in", "to_ex", "allow", "block" }

-- Dotted address of the 4 bytes at off, or nil when they were not all captured.
local function addr(pkt, off, lim)
    if off + 4 > lim then return nil end
    return host(pkt:u8(off) .. "." .. pkt:u8(off + 1) .. "." .. pkt:u8(off + 2) .. "."
        .. pkt:u8(off + 3))
end

-- tcpdump's relative time: "1h2m3s" style, "0s" for zero.
local function relts(secs)
    if secs == 0 then return "0s" end
    local units = { { 31536000, "y" }, { 604800, "w" }, { 86400, "d" }, { 3600, "h" },
        { 60, "m" }, { 1, "s" } }
    local t = {}
    for _, u in ipairs(units) do
        if secs >= u[1] then
            t[#t + 1] = (secs // u[1]) .. u[2]
            secs = secs % u[1]
        end
    end
    return table.concat(t)
end
M.relts = relts

-- One's-complement sum of n bytes at off.
local function sum16(pkt, off, n)
    local s = 0
    for i = off, off + n - 2, 2 do s = s + pkt:u16(i) end
    if n % 2 == 1 then s = s + (pkt:u8(off + n - 1) << 8) end
    while s > 0xffff do s = (s & 0xffff) + (s >> 16) end
    return s
end

-- v3 query (12 bytes or more). Returns false when cut short.
local function v3query(pkt, b, len, lim)
    out(" v3")
    if len < 12 or len & 3 ~= 0 then
        out(" [invalid len ", len, "]")
        return true
    end
    if b + 2 > lim then return false end
    local mrc = pkt:u8(b + 1)
    if mrc ~= 100 then
        local mrt = mrc
        if mrc >= 128 then mrt = ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3) end
        out(" [max resp time ")
        if mrt < 600 then
            out(string.format("%.1fs", mrt * 0.1))
        else
            out(relts(mrt // 10))
        end
        out("]")
    end
    if b + 8 > lim then return false end
    if pkt:u32(b + 4) == 0 then return true end
    out(" [gaddr ", addr(pkt, b + 4, lim))
    if b + 12 > lim then return false end
    local nsrcs = pkt:u16(b + 10)
    if nsrcs > 0 then
        if len < 12 + nsrcs * 4 then
            out(" [invalid number of sources]")
        elseif vflag > 1 then
            out(" {")
            for i = 0, nsrcs - 1 do
                local a = addr(pkt, b + 12 + i * 4, lim)
                if not a then return false end
                out(" ", a)
            end
            out(" }")
        else
            out(", ", nsrcs, " source(s)")
        end
    end
    out("]")
    return true
end

-- v3 report with its group records (at -v). Returns false when cut short.
local function v3report(pkt, b, len, lim)
    if len < 16 or len & 3 ~= 0 then
        out(" [invalid len ", len, "]")
        return true
    end
    if b + 8 > lim then return false end
    local ngroups = pkt:u16(b + 6)
    out(", ", ngroups, " group record(s)")
    if vflag == 0 then return true end
    local g = 8
    for _ = 1, ngroups do
        if len < g + 8 then
            out(" [invalid number of groups]")
            return true
        end
        local ga = addr(pkt, b + g + 4, lim)
        if not ga then return false end
        local rt = pkt:u8(b + g)
        out(" [gaddr ", ga, " ", rectypes[rt] or (" [v3-report-#" .. rt .. "]"))
        local nsrcs = pkt:u16(b + g + 2)
        if len < g + 8 + nsrcs * 4 then
            out(" [invalid number of sources ", nsrcs, "]")
            return true
        end
        if vflag == 1 then
            out(", ", nsrcs, " source(s)")
        else
            out(" {")
            for j = 0, nsrcs - 1 do
                local a = addr(pkt, b + g + 8 + j * 4, lim)
                if not a then return false end
                out(" ", a)
            end
            out(" }")
        end
        g = g + 8 + nsrcs * 4
        out("]")
    end
    return true
end

-- mtrace (0x1f) and mresp (0x1e): query id, source, destination, response address.
local function mtrace(pkt, b, len, lim, what)
    if len < 24 then
        out(" [invalid len ", len, "]")
        return true
    end
    if b + 24 > lim then return false end
    local raddr = pkt:u32(b + 16)
    out(what, " ", pkt:u32(b + 20) & 0xffffff, ": ", addr(pkt, b + 8, lim), " to ",
        addr(pkt, b + 12, lim), " reply-to ", addr(pkt, b + 16, lim))
    if raddr >> 28 == 0xe then out(" with-ttl ", pkt:u8(b + 20)) end
    return true
end

-- The message itself; false when cut short.
local function message(pkt, b, len, lim)
    local t = pkt:u8(b)
    if t == 0x11 then
        out("igmp query")
        if len >= 12 then return v3query(pkt, b, len, lim) end
        if b + 2 > lim then return false end
        local mrt = pkt:u8(b + 1)
        if mrt ~= 0 then
            out(" v2")
            if mrt ~= 100 then out(" [max resp time ", mrt, "]") end
        else
            out(" v1")
        end
        if b + 8 > lim then return false end
        if pkt:u32(b + 4) ~= 0 then out(" [gaddr ", addr(pkt, b + 4, lim), "]") end
        if len ~= 8 then out(" [len ", len, "]") end
    elseif t == 0x12 or t == 0x16 or t == 0x17 then
        local a = addr(pkt, b + 4, lim)
        if not a then return false end
        out(t == 0x12 and "igmp v1 report " or t == 0x16 and "igmp v2 report " or "igmp leave ",
            a)
        if t == 0x12 and len ~= 8 then out(" [len ", len, "]") end
    elseif t == 0x22 then
        out("igmp v3 report")
        return v3report(pkt, b, len, lim)
    elseif t == 0x13 then
        out("igmp dvmrp")
        if len < 8 then
            out(" [len ", len, "]")
        else
            require("tcplua.print.dvmrp").print(pkt, b, len, lim)
            if U.truncated then return "done" end
        end
    elseif t == 0x14 then
        out("igmp pimv1")
        require("tcplua.print.pimv1").print(pkt, b, len, lim)
        if U.truncated then return "done" end
    elseif t == 0x1e then
        return mtrace(pkt, b, len, lim, "mresp")
    elseif t == 0x1f then
        return mtrace(pkt, b, len, lim, "mtrace")
    else
        out("igmp-", t)
    end
    return true
end

-- Prints everything after "IP src > dst: "; ctx.off is where IGMP starts, ctx.len its
-- length per the IP header.
function M.print(pkt, ctx)
    if qflag then
        out("igmp")
        return
    end
    local b, len = ctx.off, ctx.len
    local lim = b + len
    if lim > pkt.caplen then lim = pkt.caplen end
    local r = b < lim and message(pkt, b, len, lim)
    if not r then
        U.trunc("igmp")
        return
    elseif r == "done" then
        return
    end
    if vflag > 0 and len >= 4 and b + len <= lim and sum16(pkt, b, len) ~= 0xffff then
        out(" bad igmp cksum ", U.hex(pkt:u16(b + 2)), "!")
    end
end

return M
