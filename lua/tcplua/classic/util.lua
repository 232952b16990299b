-- tcplua.classic.util: helpers shared by the tcpdump 3.x ("classic") printers: option flags,
-- cached host and port names, 3.x's Ethernet address form (no leading zeros: 0:a0:24:...),
-- 3.x's ethertype names, and 32-bit sequence arithmetic.
local tcplua = require "tcplua"

local M = {}
local opt = tcplua.opt

-- an option is on when it is a nonzero count or true
local function flag(v)
    return v ~= nil and v ~= 0 and v ~= false and v ~= ""
end
M.flag = flag
M.nflag = flag(opt.n)
M.eflag = flag(opt.e)
M.qflag = flag(opt.q)
M.Sflag = flag(opt.S)
M.vflag = (type(opt.v) == "number" and opt.v) or (flag(opt.v) and 1 or 0)

-- Names, cached per run. Under -n tcplua.host and tcplua.port return the numbers.
local thost, tport = tcplua.host, tcplua.port
local hosts, tcpports, udpports = {}, {}, {}

function M.host(a)
    local h = hosts[a]
    if not h then
        h = thost(a)
        hosts[a] = h
    end
    return h
end

function M.tcpport(p)
    local s = tcpports[p]
    if not s then
        s = tport(p, "tcp")
        tcpports[p] = s
    end
    return s
end

function M.udpport(p)
    local s = udpports[p]
    if not s then
        s = tport(p, "udp")
        udpports[p] = s
    end
    return s
end

-- 3.x's etheraddr_string: each byte in hex without a leading zero ("00:a0:0c" -> "0:a0:c")
local macs, nmacs = {}, 0
function M.etheraddr(a)
    local s = macs[a]
    if not s then
        s = a:gsub("%f[%w]0(%x)", "%1")
        if nmacs >= 4096 then macs, nmacs = {}, 0 end
        macs[a], nmacs = s, nmacs + 1
    end
    return s
end

-- 3.x's eproto_db (addrtoname.c): names -e printed for ethertypes unless -n
M.etherproto_names = {
    [0x0200] = "pup", [0x0500] = "sprite", [0x0600] = "xns", [0x0800] = "ip",
    [0x0806] = "arp", [0x8035] = "rarp", [0x6001] = "mopdl", [0x6002] = "moprc",
    [0x6003] = "decnet", [0x6004] = "lat", [0x6007] = "sca", [0x8038] = "lanbridge",
    [0x803c] = "decdns", [0x803e] = "decdts", [0x805b] = "vexp", [0x805c] = "vprod",
    [0x809b] = "atalk", [0x80f3] = "atalkarp", [0x86dd] = "ip6", [0x9000] = "loopback",
}

-- 3.x's etherproto_string: the name, or four hex digits (always digits under -n)
local eptext = {}
function M.etherproto(t)
    local s = eptext[t]
    if not s then
        s = (not M.nflag and M.etherproto_names[t]) or string.format("%04x", t)
        eptext[t] = s
    end
    return s
end

-- a - b modulo 2^32 (sequence-number arithmetic, as 3.x's u_int32 subtraction)
function M.sub32(a, b)
    return (a - b) & 0xffffffff
end

-- a + b modulo 2^32
function M.add32(a, b)
    return (a + b) & 0xffffffff
end

return M
