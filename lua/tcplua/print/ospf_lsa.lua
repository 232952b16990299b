-- tcplua.print.ospf_lsa: OSPFv2 link state advertisements (RFC 2328 appendix A.4; opaque
-- LSAs RFC 5250, graceful restart RFC 3623, TE RFC 3630, router information RFC 7770) as
-- tcpdump 4.99 prints them, and the bounded reader the OSPF printer shares.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local rawhex = require "tcplua.print.rawhex"

local M = {}
local out, opt, format = tcplua.out, tcplua.opt, string.format
local vflag = opt.v or 0

-- Raised on a read past the captured bytes (tcpdump's longjmp).
local CUT = {}
M.CUT = CUT

local pk, lim
-- Sets the packet and the end of what may be read.
function M.setup(pkt, l) pk, lim = pkt, l end
function M.lim() return lim end

local function u8(p)
    if p + 1 > lim then error(CUT, 0) end
    return pk:u8(p)
end
local function u16(p)
    if p + 2 > lim then error(CUT, 0) end
    return pk:u16(p)
end
local function u32(p)
    if p + 4 > lim then error(CUT, 0) end
    return pk:u32(p)
end
local function ip(p)
    if p + 4 > lim then error(CUT, 0) end
    return U.host(pk:u8(p) .. "." .. pk:u8(p + 1) .. "." .. pk:u8(p + 2) .. "." .. pk:u8(p + 3))
end
local function need(p, n) if p + n > lim then error(CUT, 0) end end
M.u8, M.u16, M.u32, M.ip, M.need = u8, u16, u32, ip, need

-- tcpdump's bittok2str: names of the set bits, ", " between, none when no name matches.
local function bits(tab, v, none)
    local t = {}
    for _, e in ipairs(tab) do
        if v & e[1] ~= 0 then t[#t + 1] = e[2] end
    end
    return #t > 0 and table.concat(t, ", ") or none
end
M.bits = bits

M.options = { { 0x01, "MultiTopology" }, { 0x02, "External" }, { 0x04, "Multicast" },
    { 0x08, "NSSA" }, { 0x10, "LLS" }, { 0x20, "Demand Circuit" }, { 0x40, "Opaque" },
    { 0x80, "Up/Down" } }
local rla_flags = { { 0x01, "ABR" }, { 0x02, "ASBR" }, { 0x04, "Virtual" },
    { 0x08, "Wildcard" }, { 0x10, "Nt" }, { 0x80, "Host" } }
local ri_caps = { { 1, "Reserved" }, { 2, "Reserved" }, { 4, "Reserved" }, { 8, "Reserved" },
    { 16, "graceful restart capable" }, { 32, "graceful restart helper" },
    { 64, "Stub router support" }, { 128, "Traffic engineering" }, { 256, "p2p over LAN" },
    { 512, "path computation server" } }

M.lsa_names = { "Router", "Network", "Summary", "ASBR Summary", "External",
    "Multicast Group", "NSSA", nil, "Link Local Opaque", "Area Local Opaque",
    "Domain Wide Opaque" }
M.opaque_names = { [1] = "Traffic Engineering", [3] = "Graceful restart",
    [4] = "Router Information" }
local topologies = { [0] = "default", "multicast", "management" }
local grace_tlvs = { "Grace Period", "Graceful restart Reason", "IPv4 interface address" }
local grace_reasons = { [0] = "Unknown", "Software Restart", "Software Reload/Upgrade",
    "Control Processor Switch" }
local te_tlvs = { "Router Address", "Link" }

-- tcpdump's print_unknown_data: hex lines of what was captured of n bytes at p.
local function unknown(p, n, ident)
    if p > lim then
        out(ident, "Dissector error: print_unknown_data called with pointer past end of packet")
        return false
    end
    if n > lim - p then n = lim - p end
    out(rawhex.lines(pk:sub(p, n) or "", 0, n, ident))
    return true
end
M.unknown = unknown

-- The LSA header at h: prints it; returns the LSA length, or nil when bogus.
function M.header(h)
    local len = u16(h + 18)
    if len < 20 then
        out("\n\t    Bogus length ", len, " < header (20)")
        return nil
    end
    out("\n\t  Advertising Router ", ip(h + 8), format(", seq 0x%08x", u32(h + 12)),
        ", age ", u16(h), "s, length ", len - 20)
    local t = u8(h + 3)
    if t >= 9 and t <= 11 then
        local ot = u8(h + 4)
        out("\n\t    ", M.lsa_names[t], " LSA (", t, "), Opaque-Type ",
            M.opaque_names[ot] or "unknown", " LSA (", ot, "), Opaque-ID ",
            u32(h + 4) & 0xffffff)
    else
        out("\n\t    ", M.lsa_names[t] or "unknown", " LSA (", t, "), LSA-ID: ", ip(h + 4))
    end
    out("\n\t    Options: [", bits(M.options, u8(h + 2), "none"), "]")
    return len
end

local function router(b, e)
    out("\n\t    Router LSA Options: [", bits(rla_flags, u8(b), "none"), "]")
    local n = u16(b + 2)
    local p = b + 4
    need(p, 12)
    local kinds = { "Neighbor Router-ID: %s, Interface Address: %s",
        "Neighbor Network-ID: %s, Interface Address: %s", "Stub Network: %s, Mask: %s",
        "Virtual Link: Neighbor Router-ID: %s, Interface Address: %s" }
    for _ = 1, n do
        need(p, 12)
        local t = pk:u8(p + 8)
        if not kinds[t] then
            out("\n\t      Unknown Router Link Type (", t, ")")
            return e
        end
        out("\n\t      ", format(kinds[t], ip(p), ip(p + 4)))
        local ntos = u8(p + 9)
        for k = 0, ntos do
            local q = p + 8 + 4 * k
            local topo = k > 0 and u8(q) or 0
            out("\n\t\ttopology ", topologies[topo] or "Unknown", " (", topo, "), metric ",
                u16(q + 2))
        end
        p = p + 12 + 4 * ntos
    end
    return true
end

-- Summary (with_mask) and ASBR summary metrics from b + 4 to e.
local function summary(b, e, with_mask)
    if with_mask then
        need(b, 4)
        out("\n\t    Mask ", ip(b))
    end
    need(b + 4, 4)
    for p = b + 4, e - 1, 4 do
        local v = u32(p)
        local topo = (v >> 24) & 0x7f
        out("\n\t\ttopology ", topologies[topo] or "Unknown", " (", topo, ") metric ",
            v & 0xffffff)
    end
end

local function external(b, e)
    need(b, 4)
    out("\n\t    Mask ", ip(b))
    need(b + 4, 4)
    for p = b + 4, e - 1, 12 do
        local v = u32(p)
        local topo = (v >> 24) & 0x7f
        out("\n\t\ttopology ", topologies[topo] or "Unknown", " (", topo, "), type ",
            v & 0x80000000 ~= 0 and 2 or 1, ", metric")
        if v & 0xffffff == 0xffffff then
            out(" infinite")
        else
            out(" ", v & 0xffffff)
        end
        if u32(p + 4) ~= 0 then out(", forward ", ip(p + 4)) end
        if u32(p + 8) ~= 0 then out(", tag ", ip(p + 8)) end
    end
end

-- The TLVs of a grace LSA: false to stop (tcpdump returns early).
local function grace(p, n)
    while n > 0 do
        if p + 4 > lim then return false end
        if n < 4 then
            out("\n\t    Remaining LS length ", n, " < 4")
            return false
        end
        local t, l = pk:u16(p), pk:u16(p + 2)
        p, n = p + 4, n - 4
        out("\n\t    ", grace_tlvs[t] or "unknown", " TLV (", t, "), length ", l, ", value: ")
        if l > n then
            out("\n\t    Bogus length ", l, " > ", n)
            return false
        end
        if t == 0 or l == 0 then return false end
        if p + l > lim then return false end
        if t == 1 or t == 3 then
            if l ~= 4 then
                out("\n\t    Bogus length ", l, " != 4")
                return false
            end
            out(t == 1 and (pk:u32(p) .. "s") or ip(p))
        elseif t == 2 then
            if l ~= 1 then
                out("\n\t    Bogus length ", l, " != 1")
                return false
            end
            out(grace_reasons[pk:u8(p)] or "Unknown", " (", pk:u8(p), ")")
        elseif vflag <= 1 then
            if not unknown(p, l, "\n\t      ") then return false end
        end
        l = l + (-l % 4)
        n, p = n - l, p + l
    end
    return true
end

local function router_info(p, n)
    while n ~= 0 do
        need(p, 4)
        if n < 4 then
            out("\n\t    Remaining LS length ", n, " < 4")
            return false
        end
        local t, l = pk:u16(p), pk:u16(p + 2)
        p, n = p + 4, n - 4
        out("\n\t    ", t == 1 and "Router Capabilities" or "unknown", " TLV (", t,
            "), length: ", l, ", value: ")
        if l > n then
            out("\n\t    Bogus length ", l, " > remaining LS length ", n)
            return false
        end
        need(p, l)
        if t == 1 then
            if l ~= 4 then
                out("\n\t    Bogus length ", l, " != 4")
                return false
            end
            out("Capabilities: ", bits(ri_caps, pk:u32(p), "Unknown"))
        elseif vflag <= 1 then
            if not unknown(p, l, "\n\t      ") then return false end
        end
        l = l + (-l % 4)
        p, n = p + l, n - l
    end
    return true
end

-- A TE bandwidth: the IEEE float (bytes per second) at p in Mbps, computed in single
-- precision as tcpdump does.
local function f32(x) return (string.unpack(">f", string.pack(">f", x))) end
local function mbps(p)
    local f = string.unpack(">f", pk:sub(p, 4))
    return format("%.3f Mbps", f32(f32(f * 8) / 1000000))
end

local te_subtlvs = { "Link Type", "Link ID", "Local Interface IP address",
    "Remote Interface IP address", "Traffic Engineering Metric", "Maximum Bandwidth",
    "Maximum Reservable Bandwidth", "Unreserved Bandwidth", "Administrative Group",
    [11] = "Link Local/Remote Identifier", [14] = "Link Protection Type",
    [15] = "Interface Switching Capability", [16] = "Shared Risk Link Group",
    [17] = "Bandwidth Constraints" }
local link_prot = { { 0x01, "Extra Traffic" }, { 0x02, "Unprotected" }, { 0x04, "Shared" },
    { 0x08, "Dedicated 1:1" }, { 0x10, "Dedicated 1+1" }, { 0x20, "Enhanced" },
    { 0x40, "Reserved" }, { 0x80, "Reserved" } }
local switch_caps = { "Packet-Switch Capable-1", "Packet-Switch Capable-2",
    "Packet-Switch Capable-3", "Packet-Switch Capable-4", [51] = "Layer-2 Switch Capable",
    [100] = "Time-Division-Multiplex", [150] = "Lambda-Switch Capable",
    [200] = "Fiber-Switch Capable" }
local encodings = { "Packet", "Ethernet V2/DIX", "ANSI/ETSI PDH", "Reserved",
    "SDH ITU-T G.707/SONET ANSI T1.105", "Reserved", "Digital Wrapper", "Lambda (photonic)",
    "Fiber", "Reserved", "FiberChannel" }
local bc_models = { [0] = "Russian dolls", "Maximum allocation" }

local function invalid(what)
    out(what, " (invalid)")
    return false
end

-- The value of a link sub-TLV (t, l bytes at p, captured): false to stop; or the
-- position it left p at (only the SRLG list moves it, as in tcpdump).
local function te_subtlv(t, p, l)
    if t == 9 then
        if l ~= 4 then return invalid(" != 4") end
        out(format(", 0x%08x", pk:u32(p)))
    elseif t == 2 or t == 11 then
        if l ~= 4 and l ~= 8 then return invalid(" != 4 && != 8") end
        out(", ", ip(p), format(" (0x%08x)", pk:u32(p)))
        if l == 8 then out(", ", ip(p + 4), format(" (0x%08x)", pk:u32(p + 4))) end
    elseif t == 3 or t == 4 then
        if l ~= 4 then return invalid(" != 4") end
        out(", ", ip(p))
    elseif t == 6 or t == 7 then
        if l ~= 4 then return invalid(" != 4") end
        out(", ", mbps(p))
    elseif t == 8 then
        if l ~= 32 then return invalid(" != 32") end
        for c = 0, 7 do out("\n\t\tTE-Class ", c, ": ", mbps(p + 4 * c)) end
    elseif t == 17 then
        if l < 4 then return invalid(" < 4") end
        out("\n\t\tBandwidth Constraints Model ID: ", bc_models[pk:u8(p)] or "unknown", " (",
            pk:u8(p), ")")
        if l % 4 ~= 0 then return invalid("\n\t\tlength " .. l .. " != N x 4") end
        if l > 36 then return invalid("\n\t\tlength " .. l .. " > 36") end
        for c = 0, (l - 4) // 4 - 1 do
            out("\n\t\t  Bandwidth constraint CT", c, ": ", mbps(p + 4 + 4 * c))
        end
    elseif t == 5 then
        if l ~= 4 then return invalid(" != 4") end
        out(", Metric ", pk:u32(p))
    elseif t == 14 then
        if l ~= 4 then return invalid(" != 4") end
        out(", ", bits(link_prot, pk:u8(p), "none"))
    elseif t == 15 then
        if l < 36 then return invalid(" < 36") end
        out("\n\t\tInterface Switching Capability: ", switch_caps[pk:u8(p)] or "Unknown",
            "\n\t\tLSP Encoding: ", encodings[pk:u8(p + 1)] or "Unknown",
            "\n\t\tMax LSP Bandwidth:")
        for k = 0, 7 do out("\n\t\t  priority level ", k, ": ", mbps(p + 4 + 4 * k)) end
    elseif t == 1 then
        if l ~= 1 then return invalid(" != 1") end
        local v = pk:u8(p)
        out(", ", v == 1 and "Point-to-point" or v == 2 and "Multi-Access" or "unknown", " (",
            v, ")")
    elseif t == 16 then
        if l % 4 ~= 0 then return invalid(" != N x 4") end
        if l > 0 then out("\n\t\t  Shared risk group: ") end
        for k = 1, l // 4 do
            out(pk:u32(p), k < l // 4 and ", " or "")
            p = p + 4
        end
    elseif vflag <= 1 then
        if not unknown(p, l, "\n\t\t") then return false end
    end
    return p
end

-- The sub-TLVs of a link TLV (l bytes at p): false to stop, else the new position.
local function te_link(p, l)
    while l ~= 0 do
        if l < 4 then
            out("\n\t    Remaining TLV length ", l, " < 4")
            return false
        end
        local st, sl = u16(p), u16(p + 2)
        p, l = p + 4, l - 4
        if st == 0 or sl == 0 then return invalid("") end
        out("\n\t      ", te_subtlvs[st] or "unknown", " subTLV (", st, "), length: ", sl)
        if l < sl then
            out("\n\t    Remaining TLV length ", l + 4, " < ", sl + 4)
            return false
        end
        if p + sl > lim then return false end
        p = te_subtlv(st, p, sl)
        if not p then return false end
        sl = sl + (-sl % 4)
        if l < sl then
            out("\n\t    Remaining TLV length ", l + 4, " < ", sl + 4)
            return false
        end
        l, p = l - sl, p + sl
    end
    return p
end

-- A TE LSA's TLVs (n bytes at p); false when tcpdump stops early.
local function te(p, n)
    while n ~= 0 do
        if p + 4 > lim then return false end
        if n < 4 then
            out("\n\t    Remaining LS length ", n, " < 4")
            return false
        end
        local t, l = pk:u16(p), pk:u16(p + 2)
        p, n = p + 4, n - 4
        out("\n\t    ", te_tlvs[t] or "unknown", " TLV (", t, "), length: ", l)
        if l > n then
            out("\n\t    Bogus length ", l, " > ", n)
            return false
        end
        if t == 0 or l == 0 then return false end
        if t == 2 then
            -- tcpdump walks the link TLV with its own length, which ends at 0: the LS
            -- length is not reduced by it
            p = te_link(p, l)
            if not p then return false end
            l = 0
        elseif t == 1 then
            if l < 4 then
                out("\n\t    TLV length ", l, " < 4")
                return false
            end
            out(", ", ip(p))
        elseif vflag <= 1 then
            if not unknown(p, l, "\n\t      ") then return false end
        end
        l = l + (-l % 4)
        if l > n then
            out("\n\t    Bogus padded length ", l, " > ", n)
            return false
        end
        n, p = n - l, p + l
    end
    return true
end
M.te, M.grace = te, grace

-- One LSA at h: prints it; returns where the next one starts, or nil (tcpdump gives up
-- on the packet: a bogus length or a cut).
function M.lsa(h)
    local len = M.header(h)
    if not len then return nil end
    local e, b, n = h + len, h + 20, len - 20
    local t = u8(h + 3)
    if t == 1 then
        if router(b, e) == e then return e end
    elseif t == 2 then
        out("\n\t    Mask ", ip(b), "\n\t    Connected Routers:")
        for p = b + 4, e - 1, 4 do out("\n\t      ", ip(p)) end
    elseif t == 3 or t == 4 then
        summary(b, e, t == 3)
    elseif t == 5 or t == 7 then
        external(b, e)
    elseif t == 6 then
        for p = b, e - 1, 8 do
            local vt = u32(p)
            if vt == 1 then
                out("\n\t    Router Router-ID ", ip(p + 4))
            elseif vt == 2 then
                out("\n\t    Network Designated Router ", ip(p + 4))
            else
                out("\n\t    unknown VertexType (", vt, ")")
            end
        end
    elseif t >= 9 and t <= 11 then
        local ot = u8(h + 4)
        local ok
        if ot == 4 then
            ok = router_info(b, n)
        elseif ot == 3 then
            ok = grace(b, n)
        elseif ot == 1 then
            ok = te(b, n)
        else
            ok = vflag > 1 or unknown(b, n, "\n\t    ")
        end
        if not ok then return e end
    end
    if vflag > 1 then unknown(b, n, "\n\t    ") end
    return e
end

return M
