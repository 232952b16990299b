-- tcplua.print.dns_tables: the names tcpdump 4.99.3 gives DNS types, classes and response
-- codes, and its printer of EDNS0 options (RFC 6891 6.1.2; ECS RFC 7871, COOKIE RFC 7873,
-- keepalive RFC 7828, padding RFC 7830, DAU/DHU/N3U RFC 6975, CHAIN RFC 7901).
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out = tcplua.out
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
-- it or nil. env() gives the message string and its captured length; fqdn and ip6text are
-- tcplua.print.dns's name and IPv6 address printers.
function M.eopt(env, fqdn, ip6text)
    local s, n
    local function u16(i)
        local a, b = byte(s, i + 1, i + 2)
        return a << 8 | b
    end
    local function ecs(i, len)
        if len < 4 then return out(" (invalid)") end
        local family, src, scope = u16(i), byte(s, i + 3), byte(s, i + 4)
        local bits = family == 1 and 32 or family == 2 and 128
        if not bits or len - 4 > bits // 8 or src > bits or scope > bits
            or (src + 7) // 8 ~= len - 4 then
            return out(" (invalid)")
        end
        local a = s:sub(i + 5, i + len) .. string.rep("\0", bits // 8 - (len - 4))
        if family == 1 then
            local p, q, r, t = byte(a, 1, 4)
            out(p, ".", q, ".", r, ".", t, "/", src, "/", scope)
        else
            out(ip6text(a), "/", src, "/", scope)
        end
    end
    local function hex(i, len)
        for k = i + 1, i + len do out(hex2[byte(s, k)]) end
    end
    local body = {
        [8] = ecs,
        [10] = function(i, len)
            if len < 8 or (len > 8 and len < 16) or len > 40 then return out(" (invalid)") end
            hex(i, 8)
            if len > 8 then
                out(" ")
                hex(i + 8, len - 8)
            end
        end,
        [11] = function(i, len)
            if len ~= 2 then return out(" (invalid)") end
            out(string.format("%0.1f sec", u16(i) / 10.0))
        end,
        [9] = function(i, len)
            if len ~= 4 then return out(" (invalid)") end
            out(u16(i) << 16 | u16(i + 2), " sec")
        end,
        [12] = function(_, len) out("(", len, ")") end,
        [14] = function(i, len)
            if len % 2 ~= 0 then return out(" (invalid)") end
            for k = 0, len - 2, 2 do
                if k > 0 then out(" ") end
                out(u16(i + k))
            end
        end,
        [13] = function(i, len) fqdn(i, i + len) end,
    }
    local function alg(t)
        return function(i, len)
            for k = 0, len - 1 do
                if k > 0 then out(" ") end
                local a = byte(s, i + k + 1)
                out(t[a] or "Alg_" .. a)
            end
        end
    end
    for code, t in pairs(algs) do body[code] = alg(t) end

    return function(i)
        s, n = env()
        if i + 2 > n then return nil end
        local code = u16(i)
        out(optnames[code] or "Opt" .. code)
        if i + 4 > n then return nil end
        local len = u16(i + 2)
        i = i + 4
        if i + len > n then return nil end
        if len > 0 then
            out(" ")
            local f = body[code]
            if f then f(i, len) else hex(i, len) end
        end
        return i + len
    end
end

return M
