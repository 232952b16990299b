-- tcplua.print.snmp: SNMP v1 (RFC 1157), v2c (RFC 1901, 3416) and v3 (RFC 3412, USM RFC 3414)
-- over UDP ports 161/162 as tcpdump 4.99.3 built without libsmi prints it: its own BER
-- (X.690) decoder, PDUs and varbinds on one line, OIDs named from a small built-in tree.
local tcplua = require "tcplua"
local U = require "tcplua.print.util"
local H = require "tcplua.print.rawhex"

local M = {}
local out = tcplua.out
local byte, sub, find, concat = string.byte, string.sub, string.find, table.concat
local hex2 = U.hex2
local tree = not U.nflag and require("tcplua.print.snmp_mib").children

local s, n = "", 0 -- the message to tcpdump's snapshot end; offsets are 0-based
local JMP = {}     -- error value: a read past the captured end (tcpdump's longjmp)

local function get(i)
    if i >= n then error(JMP, 0) end
    return byte(s, i + 1)
end
local function trunc()
    out(" [|snmp]")
end

-- element types
local ANY, NULL, OCTET, OID, INT, UNS, STR, SEQ, INETADDR, PDU, UNS64 =
    "any", "null", "octet", "oid", "int", "uns", "str", "seq", "inetaddr", "pdu", "uns64"
local EXC = "exception"

local universal = { [0] = "U-0", "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID",
    "ObjectDes", "U-8", "U-9", "U-10", "U-11", "U-12", "U-13", "U-14", "U-15", "Sequence",
    "Set" }
local application = { [0] = "IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5",
    "Counter64" }
local context = { [0] = "GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap",
    "GetBulk", "Inform", "V2Trap", "Report" }
local exceptions = { [0] = "noSuchObject", "noSuchInstance", "endOfMibView" }
local classes = { [0] = universal, application, context, { [0] = "P-0" } }
local nids = { [0] = 18, 7, 9, 1 }

local function int32(v)
    v = v & 0xffffffff
    return v >= 0x80000000 and v - 0x100000000 or v
end

-- Decode the element at p, len bytes left on the wire. Returns a table (type, id, asnlen,
-- data = offset of the contents, value, count = bytes used), or nil once tcpdump's note
-- for a bad element was printed.
local function parse(p, len)
    if len < 1 then return out("[nothing to parse]") end
    local b = get(p)
    local id, form, class = b & 0x1f, (b & 0x20) >> 5, (b & 0xc0) >> 6
    p, len = p + 1, len - 1
    local hdr = 1
    if id == 0x1f then -- the tag number follows, 7 bits a byte (kept to 8 bits)
        id = 0
        while get(p) & 0x80 ~= 0 do
            if len < 1 then return out("[Xtagfield?]") end
            id = (id << 7 | get(p) & 0x7f) & 0xff
            p, len, hdr = p + 1, len - 1, hdr + 1
        end
        if len < 1 then return out("[Xtagfield?]") end
        id = (id << 7 | get(p)) & 0xff
        p, len, hdr = p + 1, len - 1, hdr + 1
    end
    if len < 1 then return out("[no asnlen]") end
    local asnlen = get(p)
    p, len, hdr = p + 1, len - 1, hdr + 1
    if asnlen & 0x80 ~= 0 then
        local noct = asnlen & 0x7f
        asnlen = 0
        if len < noct then return out("[asnlen? ", len, "<", noct, "]") end
        if p + noct > n then return trunc() end
        for _ = 1, noct do
            asnlen = (asnlen << 8 | get(p)) & 0xffffffff
            p, len, hdr = p + 1, len - 1, hdr + 1
        end
    end
    if len < asnlen then return out("[len", len, "<asnlen", asnlen, "]") end
    if id >= nids[class] then
        return out("[id?", form == 0 and "P" or "C", "/x/", id, "]")
    end
    if p + asnlen > n then return trunc() end
    local e = { id = id, asnlen = asnlen, data = p, count = asnlen + hdr, type = OCTET }
    local names = classes[class]
    if form == 0 then
        if class == 0 then
            if id == 4 then
                e.type = STR
            elseif id == 2 then
                if asnlen == 0 then return out("[asnlen=0]") end
                local v = get(p) & 0x80 ~= 0 and -1 or 0
                for k = p, p + asnlen - 1 do v = (v << 8 | get(k)) & 0xffffffff end
                e.type, e.value = INT, int32(v)
            elseif id == 6 then
                e.type = OID
            elseif id == 5 then
                e.type = NULL
            else
                out("[P/U/", names[id], "]")
            end
        elseif class == 1 then
            if id == 0 then
                e.type = INETADDR
            elseif id >= 1 and id <= 3 then
                local v = 0
                for k = p, p + asnlen - 1 do v = (v << 8) + get(k) & 0xffffffff end
                e.type, e.value = UNS, v
            elseif id == 6 then
                local v = 0
                for k = p, p + asnlen - 1 do v = (v << 8) + get(k) end
                e.type, e.value = UNS64, v
            else
                out("[P/A/", names[id], "]")
            end
        elseif class == 2 then
            e.type = id <= 2 and EXC or ANY
        else
            out("[P/x/", names[id], "]")
        end
    elseif class == 0 then
        if id == 16 then e.type = SEQ else out("C/U/", names[id]) end
    elseif class == 2 then
        e.type = PDU
    else
        out("C/x/", names[id])
    end
    return e
end

-- the abbreviated prefixes tcpdump prints OIDs under
local abbrevs = {
    { "", "\43\6\1\2\1", "1.3.6.1.2.1" }, { "E:", "\43\6\1\4\1", "1.3.6.1.4.1" },
    { "X:", "\43\6\1\3", "1.3.6.1.3" }, { "S:", "\43\6\1\6\3", "1.3.6.1.6.3" } }

local function unsigned(v)
    return v & 0xffffffff
end

local function print_oid(e)
    local p, i = e.data, e.asnlen
    local first, o = -1, 0
    local node, path -- the tree level the next sub-id is looked up in
    if tree and i > 2 then
        for _, a in ipairs(abbrevs) do
            local l = #a[2]
            if i >= l and p + l <= n and sub(s, p + 1, p + l) == a[2] then
                path = a[3]
                node = tree[path]
                i, p = i - l, p + l
                out(a[1])
                first = 1
                break
            end
        end
    end
    local function obj(v, nodot)
        local name = node and v >= 0 and v <= 255 and node[v]
        if name then
            out(nodot and "" or ".", name)
            path = path == "" and tostring(v) or path .. "." .. v
            node = tree[path]
        else
            node = nil
            out(nodot and "" or ".", unsigned(v))
        end
    end
    while i ~= 0 do
        local b = get(p)
        o = int32((o << 7) + (b & 0x7f))
        if b & 0x80 == 0 then
            if first < 0 then -- the first byte holds two sub-ids (X.690 8.19.4)
                if tree then node, path = tree[""], "" end
                first = 0
                local q = o // 40
                if o < 0 and q * 40 ~= o then q = q + 1 end -- C division truncates
                if q > 2 then q = 2 end
                obj(q, first ~= 0)
                o = int32(o - q * 40)
            end
            obj(o, first ~= 0)
            first = first - 1
            if first < 0 then first = 0 end
            o = 0
        end
        p, i = p + 1, i - 1
    end
end

local function uns64(v)
    if v >= 0 then return tostring(v) end
    local q = (v >> 1) // 5
    return tostring(q) .. tostring(v - q * 10)
end

local function print_octets(e)
    if e.data + e.asnlen > n then return trunc() end
    local t = {}
    for k = 1, e.asnlen do t[k] = "_" .. hex2[byte(s, e.data + k)] end
    out(concat(t))
    return true
end

local function print_string(e)
    if e.data + e.asnlen > n then return trunc() end
    local t = sub(s, e.data + 1, e.data + e.asnlen)
    if find(t, "[^\32-\126]") then
        local h = {}
        for k = 1, #t do h[k] = hex2[byte(t, k)] end
        out(concat(h, "_"))
    else
        out("\"", t, "\"")
    end
    return true
end

-- tcpdump's asn1_print: false when it gave up (the note is printed)
local function print_elem(e)
    local t = e.type
    if t == OCTET then
        return print_octets(e)
    elseif t == OID then
        print_oid(e)
    elseif t == INT or t == UNS then
        out(e.value)
    elseif t == UNS64 then
        out(uns64(e.value))
    elseif t == STR then
        return print_string(e)
    elseif t == SEQ then
        out("Seq(", e.asnlen, ")")
    elseif t == INETADDR then
        if e.asnlen ~= 4 then out("[inetaddr len!=4]") end
        if e.data + e.asnlen > n then return trunc() end
        local a = {}
        for k = 1, e.asnlen do a[k] = byte(s, e.data + k) end
        out(concat(a, "."))
    elseif t == EXC then
        out("[", exceptions[e.id], "]")
    elseif t == PDU then
        out(context[e.id], "(", e.asnlen, ")")
    elseif t == ANY then
        out("[BE_ANY!?]")
    end
    return true
end

-- parse the element at p and check its type; nil (with tcpdump's note) when it is not
local function expect(p, len, typ, what)
    local e = parse(p, len)
    if not e then return nil end
    if e.type ~= typ then
        out("[", what, "]")
        print_elem(e)
        return nil
    end
    return e
end

-- the helpers tcplua.print.snmp_msg (PDUs and message headers) is built on
local msg = require("tcplua.print.snmp_msg").init({
    parse = parse, expect = expect, print_elem = print_elem, print_string = print_string,
    print_octets = print_octets,
    bytes = function(i, len) return sub(s, i + 1, i + len) end,
})

-- UDP application interface (tcplua.print.udp): the message at off, length bytes long.
function M.print(pkt, ctx, off, length)
    s = H.bytes(pkt, ctx, off)
    n = #s
    local ok, err = pcall(msg.message, 0, length)
    s = ""
    if not ok then
        if err ~= JMP then error(err, 0) end
        U.trunc("snmp")
    end
end

return M
