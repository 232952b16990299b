-- tcplua.print.bootp: BOOTP (RFC 951) and DHCP (RFC 2131, options RFC 2132 and later) as
-- tcpdump 4.99.3 prints them on UDP ports 67/68: one line, and with -v the fixed fields and
-- the RFC 1048 vendor options (or CMU vendor area), one per line.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"

local M = {}
local out, opt = tcplua.out, tcplua.opt
local byte, sub, fmt, concat = string.byte, string.sub, string.format, table.concat
local vflag = opt.v or 0
local hex2 = U.hex2

-- the message bytes (to tcpdump's snapshot end) and their number; offsets are 0-based
local s, n = "", 0
local JMP = {} -- error value: a read past the captured end (tcpdump's longjmp)
local TRUNC = {} -- error value: a length check failed (tcpdump's "goto trunc")
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
local function need(i, len)
    if i + len > n then error(JMP, 0) end
end
local function check(i, len)
    if i + len > n then error(TRUNC, 0) end
end
local function ipaddr(i)
    need(i, 4)
    local a, b, c, d = byte(s, i + 1, i + 4)
    return U.host(a .. "." .. b .. "." .. c .. "." .. d)
end
local function etheraddr(i)
    need(i, 6)
    local t = {}
    for k = 1, 6 do t[k] = hex2[byte(s, i + k)] end
    return U.ether(concat(t, ":"))
end
-- cnt bytes at i as tcpdump's nd_printn prints them (the caller checked they are there)
local function chars(i, cnt)
    local t = sub(s, i + 1, i + cnt)
    if t:find("[^\32-\126]") then t = U.printn(t) end
    put(t)
end

-- tag -> format letter and name (tcpdump's tag2str)
local tags = {}
do
    local list = {
        [0] = " PAD", "iSubnet-Mask", "LTime-Zone", "iDefault-Gateway", "iTime-Server",
        "iIEN-Name-Server", "iDomain-Name-Server", "iLOG", "iCS", "iLPR-Server", "iIM", "iRL",
        "aHostname", "sBS", "aDP", "aDomain-Name", "iSS", "aRP", "aEP", "BIPF", "BSRT", "pPF",
        "sRSZ", "bTTL", "lMTU-Timeout", "sMTU-Table", "sMTU", "BLSN", "iBR", "BMD", "BMS",
        "BRouter-Discovery", "iRSA", "pStatic-Route", "BUT", "lAT", "BIE", "bTT", "lKI", "BKG",
        "aYD", "iYS", "iNTP", "bVendor-Option", "iNetbios-Name-Server", "iWDD",
        "$Netbios-Node", "aNetbios-Scope", "iXFS", "iXDM", "iRequested-IP", "lLease-Time",
        "$OO", " DHCP-Message", "iServer-ID", "bParameter-Request", "aMSG", "sMSZ", "lRN",
        "lRB", "aVendor-Class", "$Client-ID",
        [64] = "sN+D", [65] = "iN+S", [66] = "aTFTP", [67] = "aBF", [68] = "iMH",
        [69] = "iSMTP", [70] = "iPOP3", [71] = "iNNTP", [72] = "iWWW", [73] = "iFG",
        [74] = "iIRC", [75] = "iSTS", [76] = "iSTDA", [77] = "$User-Class", [78] = "bSLP-DA",
        [79] = "bSLP-SCOPE", [80] = "aSLP-NA", [81] = "$FQDN", [82] = "$Agent-Information",
        [83] = "bARMT", [88] = "aTZSTR", [89] = "bFQDNS", [90] = "bAUTH",
        [91] = "LLast-Transaction-Time", [92] = "iAssociated-IP", [93] = "sARCH",
        [94] = "bNDI", [95] = "aLDAP", [97] = "bGUID", [98] = "aUAP", [100] = "aPOSIX-TZ",
        [101] = "aTZ-Name", [112] = "iNI", [113] = "aNITAG", [114] = "aURL",
        [116] = "BNOAUTO", [117] = "sNSSEARCH", [118] = "iSUBNET",
        [121] = "$Classless-Static-Route", [150] = "iTFTP-Server-Address",
        [161] = "aMUD-URL", [249] = "$Classless-Static-Route-Microsoft", [255] = " END",
    }
    for k, v in pairs(list) do tags[k] = { sub(v, 1, 1), sub(v, 2) } end
end
local unknown = { "?", "Unknown" }

local dhcpmsg = { "Discover", "Offer", "Request", "Decline", "ACK", "NACK", "Release",
    "Inform", [10] = "LeaseQuery", [11] = "LeaseUnassigned", [12] = "LeaseUnknown",
    [13] = "LeaseActive" }
local overload = { "file", "sname", "file+sname" }
local nbnode = { [1] = "b-node", [2] = "p-node", [4] = "m-node", [8] = "h-node" }
local hwtypes = { [1] = "ether", [6] = "ieee802", [7] = "arcnet", [15] = "frelay",
    [23] = "strip", [24] = "ieee1394" }
local agentsub = { [1] = "Circuit-ID", [2] = "Remote-ID", [6] = "Subscriber-ID" }

-- tcpdump's hex_print: 16 bytes a line after ident and the offset, in 2-byte groups
local function hexlines(i, cnt, ident)
    local k = 0
    while k + 1 < cnt do
        if k % 16 == 0 then put(ident, fmt("0x%04x: ", k)) end
        put(" ", hex2[byte(s, i + k + 1)], hex2[byte(s, i + k + 2)])
        k = k + 2
    end
    if cnt % 2 == 1 then
        if k % 16 == 0 then put(ident, fmt("0x%04x: ", k)) end
        put(" ", hex2[byte(s, i + k + 1)])
    end
end

-- The relay agent sub-options (RFC 3046); returns the offset and length left.
local function agent(i, len)
    while len >= 2 do
        local so, sl = u8(i), u8(i + 1)
        i, len = i + 2, len - 2
        local name = agentsub[so] or "Unknown"
        if sl > len then
            put("\n\t      ", name, " SubOption ", so, ", length ", sl,
                ": length goes past end of option")
            return i + len, 0
        end
        put("\n\t      ", name, " SubOption ", so, ", length ", sl, ": ")
        if agentsub[so] then
            chars(i, sl)
        else
            hexlines(i, sl, "\n\t\t")
        end
        i, len = i + sl, len - sl
    end
    return i, len
end

-- Classless static routes (RFC 3442)
local function routes(i, len)
    if len < 5 then
        put("[ERROR: length < 5 bytes]")
        return i + len, 0
    end
    local first = true
    while len > 0 do
        if not first then put(",") end
        local w = u8(i)
        i, len = i + 1, len - 1
        if w > 32 then
            put("[ERROR: Mask width (", w, ") > 32]")
            return i + len, 0
        end
        local sig = (w + 7) // 8
        if len < sig + 4 then
            put("[ERROR: Remaining length (", len, ") < ", sig + 4, " bytes]")
            return i + len, 0
        end
        put("(")
        if w == 0 then
            put("default")
        else
            for k = 0, 3 do
                if k > 0 then put(".") end
                put(k < sig and u8(i + k) or 0)
            end
            put("/", w)
            i = i + sig
        end
        put(":", ipaddr(i), ")")
        i, len = i + 4, len - sig - 4
        first = false
    end
    return i, len
end

-- User class (RFC 3004)
local function userclass(i, len)
    if len < 2 then
        put("[ERROR: length < 2 bytes]")
        return i + len, 0
    end
    local k = 1
    while len > 0 do
        local sl = u8(i)
        i, len = i + 1, len - 1
        put("\n\t      instance#", k, ": ")
        if sl == 0 then
            put("[ERROR: suboption length must be non-zero]")
            return i + len, 0
        end
        if len < sl then
            put("[ERROR: invalid option]")
            return i + len, 0
        end
        put("\"")
        chars(i, sl)
        put("\", length ", sl)
        k = k + 1
        i, len = i + sl, len - sl
    end
    return i, len
end

-- Client FQDN (RFC 4702)
local function fqdn(i, len)
    if len < 3 then
        put("[ERROR: length < 3 bytes]")
        return i + len, 0
    end
    local f = u8(i)
    if f & 0xf0 ~= 0 then put("[ERROR: MBZ nibble 0x", U.hex((f & 0xf0) >> 4), " != 0] ") end
    if f & 0x0f ~= 0 then
        put("[", (f & 1 ~= 0) and "S" or "", (f & 2 ~= 0) and "O" or "",
            (f & 4 ~= 0) and "E" or "", (f & 8 ~= 0) and "N" or "", "] ")
    end
    local r1, r2 = u8(i + 1), u8(i + 2)
    if r1 ~= 0 or r2 ~= 0 then put(r1, "/", r2, " ") end
    put("\"")
    chars(i + 3, len - 3)
    put("\"")
    return i + len, 0
end

-- The options tcpdump decodes with code ('$' in its table); returns offset, length left.
local function special(tag, i, len)
    if tag == 46 or tag == 52 then
        if len < 1 then
            put("[ERROR: length < 1 bytes]")
            return i, len
        end
        local v = u8(i)
        put((tag == 46 and nbnode or overload)[v] or "#" .. v)
        return i + 1, len - 1
    elseif tag == 81 then
        return fqdn(i, len)
    elseif tag == 61 then
        if len < 1 then
            put("[ERROR: length < 1 bytes]")
            return i, len
        end
        local ty = u8(i)
        i, len = i + 1, len - 1
        if ty == 0 then
            put("\"")
            chars(i, len)
            put("\"")
        else
            put(hwtypes[ty] or "hardware-type " .. ty .. ",", " ")
            for k = 0, len - 1 do
                if k > 0 then put(":") end
                put(hex2[u8(i + k)])
            end
        end
        return i + len, 0
    elseif tag == 82 then
        return agent(i, len)
    elseif tag == 121 or tag == 249 then
        return routes(i, len)
    elseif tag == 77 then
        return userclass(i, len)
    end
    put("[unknown special tag ", tag, ", size ", len, "]")
    return i + len, 0
end

-- The option data in one of the plain formats; returns offset and length left.
local function plain(c, i, len)
    local first = true
    if c == "a" then
        put("\"")
        chars(i, len)
        put("\"")
        return i + len, 0
    elseif c == "i" or c == "l" or c == "L" then
        while len >= 4 do
            if not first then put(",") end
            if c == "i" then
                put(ipaddr(i))
            else
                local v = u32(i)
                if c == "L" and v >= 0x80000000 then v = v - 0x100000000 end
                put(v)
            end
            i, len, first = i + 4, len - 4, false
        end
    elseif c == "p" then
        while len >= 8 do
            if not first then put(",") end
            put("(", ipaddr(i), ":", ipaddr(i + 4), ")")
            i, len, first = i + 8, len - 8, false
        end
    elseif c == "s" then
        while len >= 2 do
            if not first then put(",") end
            put(u16(i))
            i, len, first = i + 2, len - 2, false
        end
    elseif c == "B" then
        while len > 0 do
            if not first then put(",") end
            local v = u8(i)
            put(v == 0 and "N" or v == 1 and "Y" or v .. "?")
            i, len, first = i + 1, len - 1, false
        end
    else
        while len > 0 do
            if not first then put(c == "x" and ":" or ".") end
            put(u8(i))
            i, len, first = i + 1, len - 1, false
        end
    end
    return i, len
end

-- the list of option codes of the Parameter Request List, four to a line
local function prl(i, len)
    for k = 0, len - 1 do
        local t = u8(i + k)
        put(k % 4 == 0 and "\n\t      " or ", ", (tags[t] or unknown)[2], " (", t, ")")
    end
end

-- RFC 1048 vendor extensions (DHCP options) from offset i to the end of the data
local function rfc1048(i)
    put("\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x", fmt("%08x", u32(i)))
    i = i + 4
    while i < n do
        local tag = byte(s, i + 1)
        i = i + 1
        if vflag < 3 and tag == 0 then goto continue end
        if vflag < 3 and tag == 255 then return end
        do
            local t = tags[tag] or unknown
            local c, len = t[1], 0
            if tag ~= 0 and tag ~= 255 then
                len = u8(i)
                i = i + 1
            end
            put("\n\t    ", t[2], " (", tag, "), length ", len, len > 0 and ": " or "")
            if tag == 0 then
                local cnt = 1
                while i < n and byte(s, i + 1) == 0 do
                    i, cnt = i + 1, cnt + 1
                end
                if cnt > 1 then put(", occurs ", cnt) end
            end
            check(i, len)
            if tag == 53 and len == 1 then
                local m = u8(i)
                put(dhcpmsg[m] or "Unknown (" .. m .. ")")
                i = i + 1
                goto continue
            end
            if tag == 55 then
                prl(i, len)
                i = i + len
                goto continue
            end
            if c == "?" then
                c = (len & 1 ~= 0) and "b" or (len & 2 ~= 0) and "s" or "l"
            end
            if c == "$" then
                i, len = special(tag, i, len)
            else
                i, len = plain(c, i, len)
            end
            if len > 0 then
                put("\n\t  trailing data length ", len)
                i = i + len
            end
        end
        ::continue::
    end
end

-- CMU vendor area: the addresses that are set
local function cmu(i)
    put(" vend-cmu")
    check(i + 4, 4)
    local f = u8(i + 4)
    if f & ~1 ~= 0 then put(" F:0x", U.hex(f)) end
    local function addr(o, name)
        check(i + o, 4)
        if u32(i + o) ~= 0 then put(" ", name, ":", ipaddr(i + o)) end
    end
    addr(12, "DG")
    addr(8, f & 1 ~= 0 and "SM" or "SM*")
    addr(16, "NS1")
    addr(20, "NS2")
    addr(24, "IEN1")
    addr(28, "IEN2")
    addr(32, "TS1")
    addr(36, "TS2")
end

-- a NUL-terminated string of at most max bytes at i; false when it has no end in the data
local function ztstr(i, max)
    local e = i + max
    if e > n then e = n end
    local z = s:find("\0", i + 1, true)
    if z and z <= e then
        chars(i, z - 1 - i)
        return true
    end
    chars(i, e - i)
    return false
end

local function bootp(length)
    local op = u8(0)
    put("BOOTP/DHCP, ", op == 1 and "Request" or op == 2 and "Reply" or "unknown (0x" .. hex2[op] .. ")")
    local htype, hlen = u8(1), u8(2)
    if htype == 1 and hlen == 6 and op == 1 then put(" from ", etheraddr(28)) end
    put(", length ", length)
    if vflag == 0 then return end
    check(8, 2)
    if htype ~= 1 then put(", htype ", htype) end
    if htype ~= 1 or hlen ~= 6 then put(", hlen ", hlen) end
    local hops, xid, secs = u8(3), u32(4), u16(8)
    if hops ~= 0 then put(", hops ", hops) end
    if xid ~= 0 then put(", xid 0x", fmt("%x", xid)) end
    if secs ~= 0 then put(", secs ", secs) end
    local flags = u16(10)
    put(", Flags [", flags & 0x8000 ~= 0 and "Broadcast" or "none", "]")
    if vflag > 1 then put(" (0x", U.hex4(flags), ")") end
    if u32(12) ~= 0 then put("\n\t  Client-IP ", ipaddr(12)) end
    if u32(16) ~= 0 then put("\n\t  Your-IP ", ipaddr(16)) end
    if u32(20) ~= 0 then put("\n\t  Server-IP ", ipaddr(20)) end
    if u32(24) ~= 0 then put("\n\t  Gateway-IP ", ipaddr(24)) end
    if htype == 1 and hlen == 6 then put("\n\t  Client-Ethernet-Address ", etheraddr(28)) end
    for _, f in ipairs({ { 44, 64, "sname" }, { 108, 128, "file" } }) do
        if u8(f[1]) ~= 0 then
            put("\n\t  ", f[3], " \"")
            if not ztstr(f[1], f[2]) then
                put("\"")
                error(TRUNC, 0)
            end
            put("\"")
        end
    end
    check(236, 4)
    local magic = u32(236)
    if magic == 0x63825363 then
        rfc1048(236)
    elseif magic == 0x434d5500 then
        cmu(236)
    elseif magic ~= 0 then
        put("\n\t  Vendor-#0x", fmt("%x", magic))
    end
end

-- UDP (tcplua.print.udp's application interface): the message at off, length bytes long
function M.print(pkt, ctx, off, length)
    local lim = ctx.off + ctx.len -- tcpdump's snapshot end stops at the IP datagram's end
    local cap = pkt.caplen
    if cap < lim then lim = cap end
    s = pkt:sub(off, lim - off) or ""
    n = #s
    nb = 0
    local ok, err = pcall(bootp, length)
    s = ""
    if nb > 0 then out(concat(buf, "", 1, nb)) end
    if not ok then
        if err == TRUNC then
            out(" [|bootp]")
        elseif err == JMP then
            U.trunc("bootp")
        else
            error(err, 0)
        end
    end
end

return M
