-- tcplua.print.dns: DNS (RFC 1035; EDNS0 RFC 6891; mDNS RFC 6762) as tcpdump 4.99.3 prints
-- it over UDP (ports 53 and 5353) and TCP (port 53, RFC 1035 4.2.2 length prefix).
-- The message is read from one string: s holds the bytes from the DNS header to tcpdump's
-- snapshot end (the captured data, cut at the end of the IP datagram).
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local T = require "tcplua.print.dns_tables"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local byte, sub, find, concat, unpack = string.byte, string.sub, string.find, table.concat, table.unpack
local hex2, printn = U.hex2, U.printn
local unpack16 = string.unpack
local vflag = opt.v or 0
local typename, classname = T.types, T.classes

-- the message bytes and their captured length; offsets below are 0-based into s
local s, n = "", 0
local JMP = {} -- error value: a read past the captured end (tcpdump's longjmp)

local function jmp() error(JMP, 0) end

-- The line is built in buf and handed to tcplua.out once: a C call per piece costs more.
local buf, nb = {}, 0
local function put(a, b, c, d, e, f, g, h, i, j)
    local k = nb + 1
    buf[k] = a
    if b ~= nil then
        k = k + 1
        buf[k] = b
        if c ~= nil then
            buf[k + 1], buf[k + 2] = c, d
            k = k + 1
            if d ~= nil then
                k = k + 1
                if e ~= nil then
                    buf[k + 1], buf[k + 2], buf[k + 3] = e, f, g
                    k = k + 1
                    if f ~= nil then
                        k = k + 1
                        if g ~= nil then
                            k = k + 1
                            if h ~= nil then
                                buf[k + 1], buf[k + 2], buf[k + 3] = h, i, j
                                k = k + 1
                                if i ~= nil then
                                    k = k + 1
                                    if j ~= nil then k = k + 1 end
                                end
                            end
                        end
                    end
                end
            end
        end
    end
    nb = k
end
local function u8(i)
    if i >= n then jmp() end
    return byte(s, i + 1)
end
local function u16(i)
    if i + 2 > n then jmp() end
    local a, b = byte(s, i + 1, i + 2)
    return a << 8 | b
end
local function u32(i)
    if i + 4 > n then jmp() end
    local a, b, c, d = byte(s, i + 1, i + 4)
    return a << 24 | b << 16 | c << 8 | d
end

-- print cnt bytes from i as tcpdump's nd_printn does; true when the data ended first
local function chars(i, cnt)
    local e = i + cnt
    local cut = false
    if e > n then
        e, cut = n, true
    end
    if e > i then
        local t = sub(s, i + 1, e)
        if find(t, "[^\32-\126]") then t = printn(t) end
        put(t)
    end
    return cut
end

local function typestr(t) return typename[t] or "Type" .. t end
local function classstr(c) return classname[c] or "(Class " .. c .. ")" end

-- offset after the name at i, or nil (ns_nskip)
local function nskip(i)
    if i >= n then return nil end
    local c = byte(s, i + 1)
    i = i + 1
    while c ~= 0 do
        local t = c & 0xc0
        if t == 0xc0 then
            return i + 1
        elseif t == 0x40 then
            if c & 0x3f ~= 1 or i >= n then return nil end
            local bits = byte(s, i + 1)
            if bits == 0 then bits = 256 end
            i = i + 1 + (bits + 7) // 8
        elseif t == 0x80 then
            return nil
        else
            i = i + c
        end
        if i >= n then return nil end
        c = byte(s, i + 1)
        i = i + 1
    end
    return i
end

-- a bit-string label (RFC 2673); i is at its length byte
local function blabel(i)
    if i >= n then return nil end
    local bits = byte(s, i + 1)
    if bits == 0 then bits = 256 end
    local lim = i + 1 + (bits + 3) // 4
    put("\\[x")
    local p, b = i + 1, bits
    while p < lim and b > 7 do
        put(hex2[u8(p)])
        b, p = b - 8, p + 1
    end
    if b > 4 then
        put(hex2[u8(p) & (0xff << (8 - b)) & 0xff])
    elseif b > 0 then
        put(hex2[(u8(p) >> 4) & (0x0f << (4 - b)) & 0x0f]:sub(2))
    end
    put("/", bits, "]")
    return lim
end

-- length of the label at i (-1 when unusable, with tcpdump's note)
local function labellen(i)
    if i >= n then return -1 end
    local c = byte(s, i + 1)
    local t = c & 0xc0
    if t == 0x40 then
        if c & 0x3f ~= 1 then
            put("<ELT ", c & 0x3f, ">")
            return -1
        end
        if i + 1 >= n then return -1 end
        local bits = byte(s, i + 2)
        if bits == 0 then bits = 256 end
        return (bits + 7) // 8 + 1
    elseif t == 0x80 then
        put("<BAD LABEL TYPE>")
        return -1
    end
    return c
end

-- Print the name at i; pointers are offsets from base. Returns the offset after the name
-- where it is stored at i, or nil (tcpdump's fqdn_print).
local function fqdn(i, base)
    local l = labellen(i)
    if l < 0 then return nil end
    local maxoff = (i - base) & 0xffffffff
    local c = byte(s, i + 1)
    i = i + 1
    local rp, compress
    if c & 0xc0 ~= 0xc0 then rp = i + l end
    if c == 0 then
        put(".")
        return rp
    end
    local nchars = 0
    while c ~= 0 and i < n do
        local t = c & 0xc0
        if t == 0xc0 then
            if not compress then
                rp, compress = i + 1, true
            end
            if i >= n then return nil end
            local off = (c << 8 | byte(s, i + 1)) & 0x3fff
            if off >= maxoff then
                put("<BAD PTR>")
                return nil
            end
            maxoff = off
            i = base + off
            if i >= n then return nil end
            c = byte(s, i + 1)
            l = labellen(i)
            if l < 0 then return nil end
            i = i + 1
        elseif t == 0 and nchars + l <= 255 and i + l <= n then
            -- the everyday label: printed whole, with its dot
            local e = i + l
            local lab = sub(s, i + 1, e)
            if find(lab, "[^ -~]") then lab = printn(lab) end
            put(lab, ".")
            nchars = nchars + l + 1
            if e >= n then return nil end
            c = byte(s, e + 1)
            i = e + 1
            if c < 0x40 then
                l = c
            else
                l = labellen(e)
                if l < 0 then return nil end
            end
            if not compress then rp = rp + l + 1 end
        else
            if t == 0x40 then
                if blabel(i) == nil then return nil end
            elseif nchars + l <= 255 then
                if chars(i, l) then return nil end
            elseif nchars < 255 then
                if chars(i, 255 - nchars) then return nil end
            end
            if t ~= 0x40 then nchars = nchars + l end
            i = i + l
            if nchars <= 255 then put(".") end
            nchars = nchars + 1
            if i >= n then return nil end
            c = byte(s, i + 1)
            l = labellen(i)
            if l < 0 then return nil end
            i = i + 1
            if not compress then rp = rp + l + 1 end
        end
    end
    if nchars > 255 then put("<DOMAIN NAME TOO LONG>") end
    return rp
end
M.fqdn = fqdn

local ip6text = T.ip6text

local eopt = T.eopt(function() return s, n end, fqdn, put)

-- a question at i (ns_qprint)
local function question(i, mdns)
    local e = nskip(i)
    if not e or e + 4 > n then return nil end
    put(" ", typestr(u16(e)))
    local c = u16(e + 2)
    local class = mdns and c & 0x7fff or c
    if class ~= 1 then put(" ", classstr(class)) end
    if mdns then put(c & 0x8000 ~= 0 and " (QU)" or " (QM)") end
    put("? ")
    local r = fqdn(i, 0)
    return r and r + 4
end

local rdata = T.rdata -- per-type printers, set up below
local function record(i, mdns)
    if vflag > 0 then
        put(" ")
        i = fqdn(i, 0)
        if not i then return nil end
    else
        i = nskip(i)
    end
    if not i or i + 10 > n then return n end
    local typ, c = u16(i), u16(i + 2)
    local class = mdns and c & 0x7fff or c
    if class ~= 1 and typ ~= 41 then put(" ", classstr(class)) end
    if mdns and c & 0x8000 ~= 0 then put(" (Cache flush)") end
    local flags = 0
    if typ == 41 then
        flags = u16(i + 6)
    elseif vflag > 2 then
        put(" [", T.relts(u32(i + 4)), "]")
    end
    local len = u16(i + 8)
    i = i + 10
    local rp = i + len
    put(" ", typestr(typ))
    if rp > n then return nil end
    local f = rdata[typ]
    if f then
        if typ == 41 then
            put(" UDPsize=", class)
            if flags & 0x8000 ~= 0 then put(" DO") end
            if i < rp then
                put(" [")
                while i < rp do
                    i = eopt(i)
                    if not i then return nil end
                    if i < rp then put(",") end
                end
                put("]")
            end
        elseif not f(i, len, rp) then
            return nil
        end
    end
    return rp
end

-- record data printers: f(i, len, rp) -> false when tcpdump gives up (NULL)
local function rname(i)
    put(" ")
    return fqdn(i, 0) ~= nil
end
rdata[1] = function(i)
    if i + 4 > n then return false end
    local a, b, c, d = byte(s, i + 1, i + 4)
    put(" ", a, ".", b, ".", c, ".", d)
    return true
end
rdata[2], rdata[5], rdata[12], rdata[39] = rname, rname, rname, rname
rdata[6] = function(i)
    if vflag == 0 then return true end
    put(" ")
    i = fqdn(i, 0)
    if not i then return false end
    put(" ")
    i = fqdn(i, 0)
    if not i or i + 20 > n then return false end
    put(" ", u32(i), " ", u32(i + 4), " ", u32(i + 8), " ", u32(i + 12), " ", u32(i + 16))
    return true
end
rdata[15] = function(i)
    put(" ")
    if i + 2 > n or not fqdn(i + 2, 0) then return false end
    put(" ", u16(i))
    return true
end
rdata[16] = function(i, _, rp)
    while i < rp do
        put(" \"")
        if i >= n then return false end
        local l = byte(s, i + 1)
        if chars(i + 1, l) then return false end
        i = i + 1 + l
        put("\"")
    end
    return true
end
rdata[33] = function(i)
    put(" ")
    if i + 6 > n or not fqdn(i + 6, 0) then return false end
    put(":", u16(i + 4), " ", u16(i), " ", u16(i + 2))
    return true
end
rdata[28] = function(i)
    if i + 16 > n then return false end
    put(" ", ip6text(sub(s, i + 1, i + 16)))
    return true
end
rdata[38] = function(i) -- A6 (RFC 2874)
    if i >= n then return false end
    local pbit = byte(s, i + 1)
    local pbyte = (pbit & ~7) // 8
    if pbit > 128 then
        put(" ", pbit, "(bad plen)")
        return true
    elseif pbit < 128 then
        if i + 1 + 16 - pbyte > n then jmp() end
        put(" ", pbit, " ", ip6text(string.rep("\0", pbyte) .. sub(s, i + 2, i + 17 - pbyte)))
    end
    if pbit > 0 then
        put(" ")
        if not fqdn(i + 1 + 16 - pbyte, 0) then return false end
    end
    return true
end
rdata[256] = function(i, len) -- URI (RFC 7553)
    if i + len > n then return false end
    put(" ", u16(i), " ", u16(i + 2), " ")
    return not chars(i + 4, (len - 4) & 0xffffffff)
end
rdata[104] = function(i, len) -- UNSPECA: one string, right after the type
    if i + len > n then return false end
    return not chars(i, len)
end
rdata[41] = true -- OPT: printed in record()
rdata[250] = function(i) -- TSIG (RFC 8945)
    if vflag == 0 then return true end
    put(" ")
    i = fqdn(i, 0)
    if not i then return false end
    i = i + 6
    if i + 2 > n then return false end
    put(" fudge=", u16(i))
    i = i + 2
    if i + 2 > n then return false end
    put(" maclen=", u16(i))
    i = i + 2 + u16(i)
    if i + 2 > n then return false end
    put(" origid=", u16(i))
    i = i + 2
    if i + 2 > n then return false end
    put(" error=", u16(i))
    i = i + 2
    if i + 2 > n then return false end
    put(" otherlen=", u16(i))
    return true
end

-- The response code with the EDNS0 extended bits: the OPT record's TTL high byte (RFC 6891
-- 6.1.3), found by skipping the sections the way tcpdump does.
local function ext_rcode(flags, qd, an, ns, ar)
    local rcode = flags & 15
    if ar == 0 then return rcode end
    local i = 12
    for _ = 1, qd do
        i = nskip(i)
        if not i then return rcode end
        i = i + 4
        if i >= n then return rcode end
    end
    for _ = 1, an + ns do
        i = nskip(i)
        if not i then return rcode end
        i = i + 8
        if i + 2 > n then return rcode end
        i = i + 2 + u16(i)
        if i >= n then return rcode end
    end
    for _ = 1, ar do
        i = nskip(i)
        if not i or i + 2 > n then return rcode end
        local typ = u16(i)
        i = i + 4
        if i + 1 > n then return rcode end
        if typ == 41 then return rcode | byte(s, i + 1) << 4 end
        i = i + 4
        if i + 2 > n then return rcode end
        i = i + 2 + u16(i)
        if i >= n then return rcode end
    end
    return rcode
end

-- cnt records from i, separated by ","; label before the first. false: truncated
local function section(i, cnt, mdns, label, check)
    if cnt > 0 and (not check or i < n) then
        if label then put(label) end
        i = record(i, mdns)
        if not i then return false end
        cnt = cnt - 1
        while i < n and cnt > 0 do
            put(",")
            i = record(i, mdns)
            if not i then return false end
            cnt = cnt - 1
        end
    end
    if cnt > 0 then return false end
    return i
end

local ops = { [0] = "", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
    " op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit",
    " zoneRef" }

local function response(id, flags, qd, an, ns, ar, mdns)
    put(id, ops[flags >> 11 & 15], T.rcode(ext_rcode(flags, qd, an, ns, ar)),
        flags & 0x400 ~= 0 and "*" or "", flags & 0x80 ~= 0 and "" or "-",
        flags & 0x200 ~= 0 and "|" or "", flags & 0x20 ~= 0 and "$" or "")
    if qd ~= 1 then put(" [", qd, "q]") end
    local i = 12
    for k = 1, qd do
        if k ~= 1 then put(",") end
        if vflag > 1 then
            put(" q:")
            i = question(i, mdns)
            if not i then return false end
        else
            i = nskip(i)
            if not i then return false end
            i = i + 4
        end
    end
    put(" ", an, "/", ns, "/", ar)
    i = section(i, an, mdns)
    if not i then return false end
    if vflag > 1 then
        i = section(i, ns, mdns, " ns:", true)
        if not i then return false end
        i = section(i, ar, mdns, " ar:", true)
        if not i then return false end
    end
    return true
end

local function query(id, flags, qd, an, ns, ar, mdns)
    local op = flags >> 11 & 15
    put(id, ops[op], flags & 0x100 ~= 0 and "+" or "", flags & 0x10 ~= 0 and "%" or "")
    if flags & 0x6cf ~= 0 then put(" [b2&3=0x", U.hex(flags), "]") end
    if op == 1 then
        if qd ~= 0 then put(" [", qd, "q]") end
        if an ~= 1 then put(" [", an, "a]") end
    else
        if an ~= 0 then put(" [", an, "a]") end
        if qd ~= 1 then put(" [", qd, "q]") end
    end
    if ns ~= 0 then put(" [", ns, "n]") end
    if ar ~= 0 then put(" [", ar, "au]") end
    local i = 12
    if qd > 0 then
        i = question(i, mdns)
        if not i then return false end
        qd = qd - 1
        while i < n and qd > 0 do
            i = question(i, mdns)
            if not i then return false end
            qd = qd - 1
        end
    end
    if qd > 0 then return false end
    if vflag > 1 then
        i = section(i, an, mdns)
        if not i then return false end
        i = section(i, ns, mdns, " ns:", true)
        if not i then return false end
        i = section(i, ar, mdns, " ar:", true)
        if not i then return false end
    end
    return true
end

local function message(length, mdns)
    if length < 12 then
        put("domain [length ", length, " < 12] (invalid)")
        return
    end
    if n < 12 then return put(" [|domain]") end
    local id, flags, qd, an, ns, ar = unpack16(">I2I2I2I2I2I2", s)
    local ok
    if flags & 0x8000 ~= 0 then
        ok = response(id, flags, qd, an, ns, ar, mdns)
    else
        ok = query(id, flags, qd, an, ns, ar, mdns)
    end
    if ok then
        put(" (", length, ")")
    else
        put(" [|domain]")
    end
end

local function run(f, ...)
    nb = 0
    local ok, err = pcall(f, ...)
    s = ""
    if nb > 0 then
        if nb < 200 then out(unpack(buf, 1, nb)) else out(concat(buf, "", 1, nb)) end
    end
    if not ok then
        if err ~= JMP then error(err, 0) end
        U.trunc("domain")
    end
end

-- UDP (tcplua.print.udp's application interface): the message at off, length bytes long
function M.print(pkt, ctx, off, length)
    local sport, dport = pkt:u16(off - 8), pkt:u16(off - 6)
    local mdns = sport ~= 53 and dport ~= 53
    local lim = ctx.off + ctx.len -- tcpdump's snapshot end stops at the IP datagram's end
    local cap = pkt.caplen
    if cap < lim then lim = cap end
    s = pkt:sub(off, lim - off) or ""
    n = #s
    run(message, length, mdns)
end

local function tcpmsg(p, length)
    if length < 2 then
        put(" [DNS over TCP: length ", length, " < 2] (invalid)")
        return
    end
    s, n = p, #p
    length = length - 2
    local pfx = u16(0)
    if pfx ~= length then
        put(" [prefix length(", pfx, ") != length(", length, ")] (invalid)")
        return
    end
    put(" ")
    s = sub(p, 3)
    n = #s
    message(length, false)
end

-- TCP (tcplua.print.tcp's application interface): p the captured payload, length bytes long
function M.tcp(p, length)
    run(tcpmsg, p, length)
end

return M
