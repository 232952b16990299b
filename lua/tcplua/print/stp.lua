-- tcplua.print.stp: spanning tree BPDUs (LLC SAP 0x42, Cisco PVST over SNAP) as tcpdump 4.99
-- prints them: IEEE 802.1D config and TCN, 802.1w RSTP, 802.1Q (802.1s) MSTP with its MSTI
-- records and 802.1aq SPB, with the -v detail lines.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local vflag = opt.v or 0
local hex2, hex4 = U.hex2, U.hex4
local fmt = string.format

local versions = { [0] = "802.1d", [2] = "802.1w", [3] = "802.1s", [4] = "802.1aq" }
local types = { [0x00] = "Config", [0x80] = "Topology Change", [0x02] = "Rapid STP" }
local flagbits = { { 0x01, "Topology change" }, { 0x02, "Proposal" }, { 0x10, "Learn" },
    { 0x20, "Forward" }, { 0x40, "Agreement" }, { 0x80, "Topology change ACK" } }
local roles = { [0] = "Unknown", "Alternate", "Root", "Designated" }

local function flags(f)
    local t = {}
    for i = 1, #flagbits do
        local b = flagbits[i]
        if f & b[1] ~= 0 then t[#t + 1] = b[2] end
    end
    if #t == 0 then return "none" end
    return table.concat(t, ", ")
end

-- Reads bounded by the BPDU (lim); a read past it raises "trunc" (tcpdump's longjmp).
local P, lim
local function need(off, n)
    if off + n > lim then error("trunc", 0) end
end
local function u8(off)
    need(off, 1)
    return P:u8(off)
end
local function u16(off)
    need(off, 2)
    return P:u16(off)
end
local function u32(off)
    need(off, 4)
    return P:u32(off)
end

-- "8000.00:11:22:33:44:55"
local function bridge_id(off)
    need(off, 8)
    local b = { P:sub(off, 8):byte(1, 8) }
    return hex2[b[1]] .. hex2[b[2]] .. "." .. hex2[b[3]] .. ":" .. hex2[b[4]] .. ":" ..
        hex2[b[5]] .. ":" .. hex2[b[6]] .. ":" .. hex2[b[7]] .. ":" .. hex2[b[8]]
end

local function secs(off)
    return fmt("%.2fs", u16(off) / 256)
end

local function timers(off)
    out("\n\tmessage-age ", secs(off + 27), ", max-age ", secs(off + 29), ", hello-time ",
        secs(off + 31), ", forwarding-delay ", secs(off + 33))
end

-- Prints a name of at most n bytes, ending at its first NUL, the way tcpdump escapes text
-- (byte by byte: a cut name is printed up to the cut).
local function name(off, n)
    for i = 0, n - 1 do
        local c = u8(off + i)
        if c == 0 then break end
        out(U.printn(string.char(c)))
    end
end

local function digest(off, n)
    need(off, n)
    return U.hexstr(P:sub(off, n))
end

local function config(off, length, ver)
    local f = u8(off + 4)
    out(", Flags [", flags(f), "]")
    out(", bridge-id ", bridge_id(off + 17), ".", hex4(u16(off + 25)), ", length ", length)
    if vflag == 0 then return end
    timers(off)
    out("\n\troot-id ", bridge_id(off + 5), ", root-pathcost ", u32(off + 13))
    if ver == 2 then out(", port-role ", roles[(f >> 2) & 3]) end
end

local function mstp(off, length)
    local f = u8(off + 4)
    out(", CIST Flags [", flags(f), "], length ", length)
    if vflag == 0 then return end
    out("\n\tport-role ", roles[(f >> 2) & 3], ", CIST root-id ", bridge_id(off + 5),
        ", CIST ext-pathcost ", u32(off + 13))
    out("\n\tCIST regional-root-id ", bridge_id(off + 17), ", ")
    out("CIST port-id ", hex4(u16(off + 25)), ",")
    timers(off)
    local v3len = u16(off + 36)
    out("\n\tv3len ", v3len, ", ")
    out("MCID Name ")
    name(off + 39, 32)
    out(", rev ", u16(off + 71), ",\n\t\tdigest ", digest(off + 73, 16), ", ")
    out("CIST int-root-pathcost ", u32(off + 89), ",")
    out("\n\tCIST bridge-id ", bridge_id(off + 93), ", ")
    out("CIST remaining-hops ", u8(off + 101))
    if v3len > 64 then
        local len, p = v3len - 64, off + 102
        while len >= 16 do
            local mf = u8(p)
            out("\n\tMSTI ", u16(p + 1) & 0x0fff, ", Flags [", flags(mf), "], port-role ",
                roles[(mf >> 2) & 3])
            out("\n\t\tMSTI regional-root-id ", bridge_id(p + 1), ", pathcost ", u32(p + 9))
            out("\n\t\tMSTI bridge-prio ", u8(p + 13) >> 4, ", port-prio ", u8(p + 14) >> 4,
                ", hops ", u8(p + 15))
            len, p = len - 16, p + 16
        end
    end
end

local function spb(off)
    if vflag == 0 then return end
    out("\n\tv4len ", u16(off), ", ")
    out("AUXMCID Name ")
    name(off + 3, 32)
    out(", Rev ", u16(off + 35), ",\n\t\tdigest ", digest(off + 37, 16))
    local a, fm, cv = u8(off + 53), u8(off + 55), u8(off + 56)
    local edge = u16(off + 57)
    out("\n\tAgreement num ", a >> 6, ", Discarded Agreement num ", (a >> 4) & 3,
        ", Agreement valid-flag ", (a >> 3) & 1, ",\n\tRestricted role-flag: ", (a >> 2) & 1,
        ", Format id ", fm >> 4, " cap ", fm, ", Convention id ", cv >> 4, " cap ", cv,
        ",\n\tEdge count ", edge, ", Agreement digest ", digest(off + 67, 20))
end

-- The BPDU at off, length bytes long; returns false when it is malformed.
local function bpdu(off, length)
    if length < 4 then return false end
    if u16(off) ~= 0 then
        out("unknown STP version, length ", length)
        return true
    end
    local ver = u8(off + 2)
    out("STP ", versions[ver] or ("Unknown STP protocol (0x" .. hex2[ver] .. ")"))
    if not versions[ver] then return true end
    local typ = u8(off + 3)
    out(", ", types[typ] or ("Unknown BPDU Type (0x" .. hex2[typ] .. ")"))
    if typ == 0 then
        if length < 35 then return false end
        config(off, length, ver)
    elseif typ == 2 then
        if ver == 2 then
            if length < 36 then return false end
            config(off, length, ver)
        elseif ver == 3 or ver == 4 then
            if length < 102 or u8(off + 35) ~= 0 then return false end
            local mlen = u16(off + 36) + 2
            if length < 36 + mlen then return false end
            mstp(off, length)
            if ver == 4 then
                local slen = u16(off + 36 + mlen) + 2
                if length < 36 + mlen + slen or slen < 87 then return false end
                spb(off + 36 + mlen)
            end
        end
    end
    return true
end

-- Print the BPDU at off (length bytes on the wire).
function M.print(pkt, off, length)
    P, lim = pkt, off + length
    if lim > pkt.caplen then lim = pkt.caplen end
    local ok, r = pcall(bpdu, off, length)
    P = nil
    if not ok then
        if r ~= "trunc" then error(r, 0) end
        U.trunc("stp")
    elseif not r then
        out(" (invalid)")
    end
end

return M
