-- tcplua.print.dns_tables: the names tcpdump 4.99.3 gives DNS types, classes and response
-- codes, its IPv6 address and TTL texts, and its printer of EDNS0 options (RFC 6891 6.1.2;
-- ECS RFC 7871, COOKIE RFC 7873, keepalive RFC 7828, padding RFC 7830, DAU/DHU/N3U RFC 6975,
-- CHAIN RFC 7901).
local U = require "tcplua.print.util"

local M = {}
local byte = string.byte
local hex2 = U.hex2

M.types = {
    "A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL", "WKS", "PTR", "HINFO",
    "MINFO", "MX", "TXT", "RP", "AFSDB", "X25", "ISDN", "RT", "NSAP", "NSAP_PTR", "SIG",
    "KEY", "PX", "GPOS", "AAAA", "LOC", "NXT", "EID", "NIMLOC", "SRV", "ATMA", "NAPTR", "KX",
    "CERT", "A6", "DNAME", "SINK", "OPT", "APL", "DS", "SSHFP", "IPSECKEY", "RRSIG", "NSEC",
    "DNSKEY",
    [99] = "SPF", [100] = "UINFO", [101] = "UID", [102] = "GID", [103] = "UNSPEC",
    [104] = "UNSPECA", [249] = "TKEY", [250] = "TSIG", [251] = "IXFR", [252] = "AXFR",
    [253] = "MAILB", [254] = "MAILA", [255] = "ANY", [256] = "URI",
}

M.classes = { [1] = "IN", [3] = "CHAOS", [4] = "HS", [255] = "ANY" }

local rcodes = { [0] = "", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused",
    " YXDomain", " YXRRSet", " NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12",
    " Resp13", " Resp14", " NoChange", " BadVers", "Resp17", " Resp18", " Resp19", " Resp20",
    "Resp21", " Resp22", " BadCookie" }
function M.rcode(r)
    return rcodes[r] or " Resp" .. (r & 0xfff)
end

-- IPv6 text of the 16 bytes of a string (tcpdump's addrtostr6)
local function ip6text(a)
    local w = {}
    for k = 0, 7 do
        local x, y = byte(a, 2 * k + 1, 2 * k + 2)
        w[k + 1] = x << 8 | y
    end
    local bs, bl, cs, cl = 0, 0, 0, 0
    for k = 1, 8 do
        if w[k] == 0 then
            if cl == 0 then cs = k end
            cl = cl + 1
            if cl > bl then bs, bl = cs, cl end
        else
            cl = 0
        end
    end
    if bl < 2 then bs = 0 end
    local t = {}
    local k = 1
    while k <= 8 do
        if k == bs then
            t[#t + 1] = k == 1 and ":" or ""
            k = k + bl
            if k > 8 then t[#t + 1] = "" end
        elseif k == 7 and bs == 1 and (bl == 6 or (bl == 5 and w[6] == 0xffff)) then
            local p, q, r, v = byte(a, 13, 16)
            t[#t + 1] = p .. "." .. q .. "." .. r .. "." .. v
            break
        else
            t[#t + 1] = U.hex(w[k])
            k = k + 1
        end
    end
    return table.concat(t, ":")
end
M.ip6text = ip6text

-- tcpdump's unsigned_relts_print: 90061 -> "1d1h1m1s"
local units = { { 31536000, "y" }, { 604800, "w" }, { 86400, "d" }, { 3600, "h" },
    { 60, "m" }, { 1, "s" } }
local function relts(v)
    if v == 0 then return "0s" end
    local t = {}
    for k = 1, 6 do
        local u = units[k]
        if v >= u[1] then
            t[#t + 1] = v // u[1] .. u[2]
            v = v % u[1]
        end
    end
    return table.concat(t)
end
M.relts = relts

-- per record type: a printer (filled in by tcplua.print.dns)
M.rdata = {}

local optnames = { [1] = "LLQ", [2] = "UL", [3] = "NSID", [5] = "DAU", [6] = "DHU",
    [7] = "N3U", [8] = "ECS", [9] = "EXPIRE", [10] = "COOKIE", [11] = "KEEPALIVE",
    [12] = "PADDING", [13] = "CHAIN", [14] = "KEY-TAG", [16] = "CLIENT-TAG",
    [17] = "SERVER-TAG" }
local dau = { [0] = "DELETE", "RSAMD5", "DH", "DS", nil, "RSASHA1", "DSA-NSEC3-SHA1",
    "RSASHA1-NSEC3-SHA1", "RSASHA256", nil, "RSASHA512", nil, "ECC-GOST", "ECDSAP256SHA256",
    "ECDSAP384SHA384", "ED25519", "ED448", [252] = "INDIRECT", [253] = "PRIVATEDNS",
    [254] = "PRIVATEOID" }
local dhu = { "SHA-1", "SHA-256", "GOST_R_34.11-94", "SHA-384" }
local n3u = { "SHA-1" }
local algs = { [5] = dau, [6] = dhu, [7] = n3u }

-- Returns eopt(i): prints the option at offset i of the message, returns the offset after
-- it or nil. env() gives the message string and its captured length; fqdn and put are
-- tcplua.print.dns's name printer and output function.
function M.eopt(env, fqdn, put)
    local s, n
    local function u16(i)
        local a, b = byte(s, i + 1, i + 2)
        return a << 8 | b
    end
    local function ecs(i, len)
        if len < 4 then return put(" (invalid)") end
        local family, src, scope = u16(i), byte(s, i + 3), byte(s, i + 4)
        local bits = family == 1 and 32 or family == 2 and 128
        if not bits or len - 4 > bits // 8 or src > bits or scope > bits
            or (src + 7) // 8 ~= len - 4 then
            return put(" (invalid)")
        end
        local a = s:sub(i + 5, i + len) .. string.rep("\0", bits // 8 - (len - 4))
        if family == 1 then
            local p, q, r, t = byte(a, 1, 4)
            put(p, ".", q, ".", r, ".", t)
            put("/", src, "/", scope)
        else
            put(ip6text(a), "/", src, "/", scope)
        end
    end
    local function hex(i, len)
        for k = i + 1, i + len do put(hex2[byte(s, k)]) end
    end
    local body = {
        [8] = ecs,
        [10] = function(i, len)
            if len < 8 or (len > 8 and len < 16) or len > 40 then return put(" (invalid)") end
            hex(i, 8)
            if len > 8 then
                put(" ")
                hex(i + 8, len - 8)
            end
        end,
        [11] = function(i, len)
            if len ~= 2 then return put(" (invalid)") end
            put(string.format("%0.1f sec", u16(i) / 10.0))
        end,
        [9] = function(i, len)
            if len ~= 4 then return put(" (invalid)") end
            put(u16(i) << 16 | u16(i + 2), " sec")
        end,
        [12] = function(_, len) put("(", len, ")") end,
        [14] = function(i, len)
            if len % 2 ~= 0 then return put(" (invalid)") end
            for k = 0, len - 2, 2 do
                if k > 0 then put(" ") end
                put(u16(i + k))
            end
        end,
        [13] = function(i, len) fqdn(i, i + len) end,
    }
    local function alg(t)
        return function(i, len)
            for k = 0, len - 1 do
                if k > 0 then put(" ") end
                local a = byte(s, i + k + 1)
                put(t[a] or "Alg_" .. a)
            end
        end
    end
    for code, t in pairs(algs) do body[code] = alg(t) end

    return function(i)
        s, n = env()
        if i + 2 > n then return nil end
        local code = u16(i)
        put(optnames[code] or "Opt" .. code)
        if i + 4 > n then return nil end
        local len = u16(i + 2)
        i = i + 4
        if i + len > n then return nil end
        if len > 0 then
            put(" ")
            local f = body[code]
            if f then f(i, len) else hex(i, len) end
        end
        return i + len
    end
end

return M
