-- tcplua.print.dhcp6: DHCPv6 (RFC 8415; options from RFC 3319, 3633, 3646, 3898, 4075,
-- 4242, 4280, 4649, 4704, 5007, 5908, 6334) as tcpdump 4.99.3 prints it on UDP 546/547:
-- the message type, and with -v the transaction id or relay addresses and the options.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local byte, sub, fmt, concat = string.byte, string.sub, string.format, table.concat
local vflag = opt.v or 0
local hex2 = U.hex2

local s, n = "", 0 -- the message bytes to tcpdump's snapshot end; offsets are 0-based
local JMP = {} -- error value: a read past the captured end (tcpdump's longjmp)
local buf, nb = {}, 0
local function put(...)
    for i = 1, select("#", ...) do
        nb = nb + 1
        buf[nb] = select(i, ...)
    end
end
local function u8(i)
    if i >= n then error(JMP, 0) end
    return byte(s, i + 1)
end
local function u16(i)
    if i + 2 > n then error(JMP, 0) end
    local a, b = byte(s, i + 1, i + 2)
    return a << 8 | b
end
local function u32(i)
    if i + 4 > n then error(JMP, 0) end
    local a, b, c, d = byte(s, i + 1, i + 4)
    return a << 24 | b << 16 | c << 8 | d
end
local function trunc() put(" [|dhcp6]") end

-- IPv6 address text of the 16 bytes at i, as inet_ntop writes it
local function addr6(i)
    if i + 16 > n then error(JMP, 0) end
    local w = {}
    for k = 0, 7 do w[k + 1] = u16(i + 2 * k) end
    local best, blen, cur, clen = 0, 0, 0, 0
    for k = 1, 8 do
        if w[k] == 0 then
            if clen == 0 then cur = k end
            clen = clen + 1
            if clen > blen then best, blen = cur, clen end
        else
            clen = 0
        end
    end
    if best == 1 and (blen == 6 or (blen == 5 and w[6] == 0xffff)) then
        local a, b, c, d = byte(s, i + 13, i + 16)
        return U.host((blen == 5 and "::ffff:" or "::") .. a .. "." .. b .. "." .. c .. "." .. d)
    end
    local h = {}
    for k = 1, 8 do h[k] = fmt("%x", w[k]) end
    if blen < 2 then return U.host(concat(h, ":")) end
    return U.host(concat(h, ":", 1, best - 1) .. "::" .. concat(h, ":", best + blen, 8))
end

local function hexrun(i, e)
    local t = {}
    for k = i, e - 1 do t[#t + 1] = hex2[u8(k)] end
    put(concat(t))
end

local msgtypes = { "solicit", "advertise", "request", "confirm", "renew", "rebind", "reply",
    "release", "decline", "reconfigure", "inf-req", "relay-fwd", "relay-reply", "leasequery",
    "leasequery-reply" }
local optnames = { "client-ID", "server-ID", "IA_NA", "IA_TA", "IA_ADDR", "option-request",
    "preference", "elapsed-time", "relay-message", nil, "authentication", "server-unicast",
    "status-code", "rapid-commit", "user-class", "vendor-class", "vendor-specific-info",
    "interface-ID", "reconfigure-message", "reconfigure-accept", "SIP-servers-domain",
    "SIP-servers-address", "DNS-server", "DNS-search-list", "IA_PD", "IA_PD-prefix",
    "NIS-server", "NIS+-server", "NIS-domain-name", "NIS+-domain-name", "SNTP-servers",
    "lifetime", "BCMCS-domain-name", "BCMCS-server", nil, "Geoconf-Civic", "Remote-ID",
    "Subscriber-ID", "Client-FQDN", "PANA-agent", "POSIX-timezone", "POSIX-tz-database",
    "Echo-request-option", "Lease-query", "LQ-client-data", "Clt-time", "LQ-relay-data",
    "LQ-client-link", [56] = "NTP-server", [64] = "AFTR-Name", [112] = "MUD-URL" }
local function optname(t) return optnames[t] or "opt_" .. t end
local stcodes = { [0] = "Success", "UnspecFail", "NoAddrsAvail", "NoBinding", "NotOnLink",
    "UseMulticast", "NoPrefixAvail", "UnknownQueryType", "MalformedQuery", "NotConfigured",
    "NotAllowed" }

-- the length of the label at i as tcpdump's labellen counts it, or nil (unusable)
local function labellen(i)
    if i >= n then return nil end
    local c = byte(s, i + 1)
    local kind = c & 0xc0
    if kind == 0x40 then
        if c & 0x3f ~= 1 then
            put("<ELT ", c & 0x3f, ">")
            return nil
        end
        if i + 1 >= n then return nil end
        local bits = byte(s, i + 2)
        if bits == 0 then bits = 256 end
        return (bits + 7) // 8 + 1
    elseif kind == 0x80 then
        put("<BAD LABEL TYPE>")
        return nil
    end
    return c
end

-- an RFC 2673 bit-string label whose length byte is at i; the offset after it
local function bitlabel(i)
    local bits = u8(i)
    if bits == 0 then bits = 256 end
    local lim = i + 1 + (bits + 3) // 4
    local p, b = i + 1, bits
    put("\\[x")
    while p < lim and b > 7 do
        put(hex2[u8(p)])
        p, b = p + 1, b - 8
    end
    if b > 4 then
        put(hex2[u8(p) & ((0xff << (8 - b)) & 0xff)])
    elseif b > 0 then
        put(fmt("%x", (u8(p) >> 4) & (0x0f << (4 - b)) & 0x0f))
    end
    put("/", bits, "]")
    return lim
end

-- a domain name as tcpdump's fqdn_print prints it; base is where compression pointers
-- count from (tcpdump passes the option's end). Returns the offset after it, or nil.
local function fqdn(i, base)
    local l = labellen(i)
    if not l then return nil end
    local maxoff = (i - base) & 0xffffffff
    local c = byte(s, i + 1)
    i = i + 1
    local compress, rp = false, nil
    if c & 0xc0 ~= 0xc0 then rp = i + l end
    if c == 0 then
        put(".")
        return rp
    end
    local chars = 0
    while c ~= 0 and i < n do
        if c & 0xc0 == 0xc0 then
            if not compress then
                rp = i + 1
                compress = true
            end
            if i >= n then return nil end
            local o = ((c << 8) | byte(s, i + 1)) & 0x3fff
            if o >= maxoff then
                put("<BAD PTR>")
                return nil
            end
            maxoff = o
            i = base + o
            if i >= n then return nil end
            c = byte(s, i + 1)
            l = labellen(i)
            if not l then return nil end
            i = i + 1
        else
            if c & 0xc0 == 0x40 then
                bitlabel(i)
            else
                local want = chars + l <= 255 and l or (chars < 255 and 255 - chars or 0)
                if want > 0 then
                    local e = i + want
                    if e > n then e = n end
                    if e > i then put(U.printn(sub(s, i + 1, e))) end
                    if i + want > n then return nil end
                end
                chars = chars + l
            end
            i = i + l
            if chars <= 255 then put(".") end
            chars = chars + 1
            if i >= n then return nil end
            c = byte(s, i + 1)
            l = labellen(i)
            if not l then return nil end
            i = i + 1
            if not compress then rp = rp + l + 1 end
        end
    end
    if chars > 255 then put("<DOMAIN NAME TOO LONG>") end
    return rp
end

local opts -- forward: the option list printer
local message -- forward: a message (relay messages nest)

-- DUID (RFC 8415 11) of a client-ID/server-ID option
local function duid(tp, len)
    if len < 2 then return put(" ?)") end
    local ty = u16(tp)
    if ty == 1 then
        if len < 8 then return put(" ?)") end
        put(" hwaddr/time type ", u16(tp + 2), " time ", u32(tp + 4), " ")
        hexrun(tp + 8, tp + len)
        put(")")
    elseif ty == 2 then
        if len < 10 then return put(" ?)") end
        put(" vid ")
        hexrun(tp + 2, tp + 10)
        put(")")
    elseif ty == 3 then
        if len < 4 then return put(" ?)") end
        put(" hwaddr type ", u16(tp + 2), " ")
        hexrun(tp + 4, tp + len)
        put(")")
    else
        put(" type ", ty, ")")
    end
end

local function auth(tp, len)
    if len < 11 then return put(" ?)") end
    local proto, alg, rdm = u8(tp), u8(tp + 1), u8(tp + 2)
    put(proto == 2 and " proto: delayed" or proto == 3 and " proto: reconfigure" or
        " proto: " .. proto)
    put(alg == 1 and ", alg: HMAC-MD5" or ", alg: " .. alg)
    put(rdm == 0 and ", RDM: mono" or ", RDM: " .. rdm)
    put(", RD:")
    tp = tp + 3
    for _ = 1, 4 do
        put(" ", U.hex4(u16(tp)))
        tp = tp + 2
    end
    local info = len - 11
    if proto == 2 then
        if info ~= 0 then
            if info < 20 then
                put(" ??")
            else
                if info > 20 then put(", realm: ") end
                hexrun(tp, tp + info - 20)
                tp = tp + info - 20
                put(", key ID: ", fmt("%08x", u32(tp)), ", HMAC-MD5:")
                for k = 1, 4 do put(" ", fmt("%08x", u32(tp + 4 * k))) end
            end
        end
    elseif proto == 3 then
        if info ~= 17 then
            put(" ??")
        else
            local ty = u8(tp)
            put(ty == 1 and " reconfig-key" or ty == 2 and " type: HMAC-MD5" or " type: ??")
            put(" value:")
            for k = 0, 3 do put(" ", fmt("%08x", u32(tp + 1 + 4 * k))) end
        end
    else
        put(" ??")
    end
    put(")")
end

-- Options whose body is a list of IPv6 addresses
local addrlists = { [22] = true, [23] = true, [31] = true, [27] = true, [28] = true,
    [34] = true, [40] = true, [48] = true }

-- The body of option t at tp, len bytes (the option is all captured); false if cut.
local function body(t, tp, len, optend)
    if t == 1 or t == 2 then
        duid(tp, len)
    elseif t == 5 then
        if len < 24 then return put(" ?)") end
        put(" ", addr6(tp), " pltime:", u32(tp + 16), " vltime:", u32(tp + 20))
        if len > 24 then opts(tp + 24, tp + len) end
        put(")")
    elseif t == 6 or t == 43 then
        if len % 2 ~= 0 then return put(" ?)") end
        for k = 0, len - 2, 2 do put(" ", optname(u16(tp + k))) end
        put(")")
    elseif t == 7 then
        if len ~= 1 then return put(" ?)") end
        put(" ", u8(tp), ")")
    elseif t == 8 then
        if len ~= 2 then return put(" ?)") end
        put(" ", u16(tp), ")")
    elseif t == 9 then
        put(" (")
        local saved = n -- the nested message's snapshot end is the option's end
        if optend < n then n = optend end
        message(tp, len)
        n = saved
        put(")")
    elseif t == 11 then
        auth(tp, len)
    elseif t == 14 or t == 20 then
        put(")")
    elseif t == 18 or t == 38 then
        put(" ")
        hexrun(tp, tp + (len < 10 and len or 10))
        put("...)")
    elseif t == 19 then
        if len ~= 1 then return put(" ?)") end
        local r = u8(tp)
        put(r == 5 and " for renew)" or r == 11 and " for inf-req)" or
            " for ???(" .. hex2[r] .. "))")
    elseif addrlists[t] then
        if len % 16 ~= 0 then return put(" ?)") end
        for k = 0, len - 16, 16 do put(" ", addr6(tp + k)) end
        put(")")
    elseif t == 21 or t == 24 then
        local p = tp
        while p < optend do
            put(" ")
            p = fqdn(p, optend)
            if not p then return false end
        end
        put(")")
    elseif t == 13 then
        if len < 2 then return put(" ?)") end
        local c = u16(tp)
        put(" ", c > 255 and "INVALID code" or stcodes[c] or "code" .. c, ")")
    elseif t == 3 or t == 25 then
        if len < 12 then return put(" ?)") end
        put(" IAID:", u32(tp), " T1:", u32(tp + 4), " T2:", u32(tp + 8))
        if len > 12 then opts(tp + 12, tp + len) end
        put(")")
    elseif t == 4 then
        if len < 4 then return put(" ?)") end
        put(" IAID:", u32(tp))
        if len > 4 then opts(tp + 4, tp + len) end
        put(")")
    elseif t == 26 then
        if len < 25 then return put(" ?)") end
        put(" ", addr6(tp + 9), "/", u8(tp + 8), " pltime:", u32(tp), " vltime:", u32(tp + 4))
        if len > 25 then opts(tp + 25, tp + len) end
        put(")")
    else
        return M.more(t, tp, len, optend)
    end
    return true
end

-- the rest of the options tcpdump decodes
function M.more(t, tp, len, optend)
    if t == 32 or t == 46 then
        if len ~= 4 then return put(" ?)") end
        put(" ", u32(tp), ")")
    elseif t == 37 then
        if len < 4 then return put(" ?)") end
        put(" ", u32(tp), " ")
        hexrun(tp + 4, tp + (len < 14 and len or 14))
        put("...)")
    elseif t == 44 then
        if len < 17 then return put(" ?)") end
        local q = u8(tp)
        put(q == 1 and " by-address" or q == 2 and " by-clientID" or " type_" .. q)
        put(" ", addr6(tp + 1))
        if len > 17 then opts(tp + 17, tp + len) end
        put(")")
    elseif t == 45 then
        if len > 0 then opts(tp, tp + len) end
        put(")")
    elseif t == 47 then
        if len < 16 then return put(" ?)") end
        put(" ", addr6(tp), " ")
        hexrun(tp + 16, tp + (len < 26 and len or 26))
        put("...)")
    elseif t == 56 then
        if len < 4 then return put(" ?)") end
        local p = tp
        while p < optend - 4 do
            local code, sl = u16(p), u16(p + 2)
            p = p + 4
            if p + sl > optend then return false end
            put(" subopt:", code)
            if code == 1 or code == 2 then
                if sl ~= 16 then put(" ?") else put(" ", addr6(p)) end
            elseif code == 3 then
                put(" ")
                if not fqdn(p, p + sl) then return false end
            else
                put(" ?")
            end
            p = p + sl
        end
        put(")")
    elseif t == 41 or t == 42 or t == 112 then
        if len < 5 then return put(" ?)") end
        put(" ")
        local z = s:find("\0", tp + 1, true)
        local e = tp + len
        if z and z - 1 < e then e = z - 1 end
        put(U.printn(sub(s, tp + 1, e)), ")")
    elseif t == 64 then
        if len < 3 then return put(" ?)") end
        local p, left = tp, len
        put(" ")
        while left > 0 and u8(p) ~= 0 do
            local l = u8(p)
            p = p + 1
            if l < left - 1 then
                local k = 0
                while k < l do
                    local c = u8(p + k)
                    if c == 0 then break end
                    put(U.printn(string.char(c)))
                    k = k + 1
                end
                p = p + l
                left = left - l - 1
                if u8(p) ~= 0 then put(".") end
            else
                put(" ?")
                break
            end
        end
        put(")")
    else
        put(")")
    end
    return true
end

-- the options from i to e (tcpdump's dhcp6opt_print)
opts = function(i, e)
    while i < e do
        if e < i + 4 or i + 4 > n then return trunc() end
        local len = u16(i + 2)
        if e < i + 4 + len then return trunc() end
        local t = u16(i)
        put(" (", optname(t))
        if i + 4 + len > n then return trunc() end
        if body(t, i + 4, len, i + 4 + len) == false then return trunc() end
        i = i + 4 + len
    end
end

-- a message of length bytes at i
message = function(i, length)
    put("dhcp6")
    local e = i + length
    if e > n then e = n end
    if i + 4 > n then return trunc() end
    local t = u8(i)
    local name = msgtypes[t] or "msgtype-" .. t
    if vflag == 0 then return put(" ", name) end
    put(" ", name, " (")
    if t ~= 12 and t ~= 13 then
        put("xid=", fmt("%x", u32(i) & 0xffffff))
        opts(i + 4, e)
    else
        put("linkaddr=", addr6(i + 2))
        put(" peeraddr=", addr6(i + 18))
        opts(i + 34, e)
    end
    put(")")
end

-- UDP (tcplua.print.udp's application interface): the message at off, length bytes long
function M.print(pkt, ctx, off, length)
    local lim = ctx.off + ctx.len -- tcpdump's snapshot end stops at the IP datagram's end
    local cap = pkt.caplen
    if cap < lim then lim = cap end
    s = pkt:sub(off, lim - off) or ""
    n = #s
    nb = 0
    local ok, err = pcall(message, 0, length)
    s = ""
    if nb > 0 then out(concat(buf, "", 1, nb)) end
    if not ok then
        if err ~= JMP then error(err, 0) end
        U.trunc("dhcp6")
    end
end

return M
