-- json.lua: NDJSON output, one JSON object per packet with every decoded field, or with
-- `--arg flows=1` one object per finished flow (a Zeek conn.log-like record). Schema and
-- the encoding rules (integer timestamps, hex bytes, empty arrays) are in docs/json.md.
local tcplua = require "tcplua"
local cjson = require "cjson"

local out, opt = tcplua.out, tcplua.opt
-- Debian's lua-cjson 2.1.0 has no empty-array marker (an empty table encodes as {}), so an
-- empty array is a sentinel string, turned into [] after encoding. No decoded string can be
-- it: control characters never occur in names, addresses or hex.
local empty_array = cjson.empty_array
local encode = cjson.encode
if not empty_array then
    local SENTINEL, QUOTED = "\1[]", '"\\u0001%[%]"'
    empty_array = SENTINEL
    local raw = cjson.encode
    encode = function(v)
        return (raw(v):gsub(QUOTED, "[]"))
    end
end

-- Byte -> two hex digits, for data/payload strings.
local HEX = {}
for i = 0, 255 do
    HEX[string.char(i)] = string.format("%02x", i)
end
local function hex(s)
    return (s:gsub(".", HEX))
end

-- Keys whose value is always a JSON array, even when empty.
local ARRAY_KEYS = { options = true, ext = true, blocks = true, tags = true }
-- Keys whose string value is raw bytes (written as hex).
local BYTE_KEYS = { data = true, payload = true }

local PROTO_NAMES = { [1] = "icmp", [6] = "tcp", [17] = "udp", [58] = "icmp6" }

-- opt.print and opt.w may be integers, booleans or strings: "given" means set and not 0/"".
local function given(v)
    return v ~= nil and v ~= false and v ~= 0 and v ~= ""
end

-- A copy of a decoded table made safe for cjson: byte strings as hex, sequences as arrays
-- (empty_array when empty and the key is a known array).
local function clean(t, key)
    local n = #t
    if n > 0 or (ARRAY_KEYS[key] and next(t) == nil) then
        if n == 0 then
            return empty_array
        end
        local a = {}
        for i = 1, n do
            local v = t[i]
            a[i] = type(v) == "table" and clean(v) or v
        end
        return a
    end
    local r = {}
    for k, v in pairs(t) do
        local tv = type(v)
        if tv == "table" then
            r[k] = clean(v, k)
        elseif tv == "string" and BYTE_KEYS[k] then
            r[k] = hex(v)
        else
            r[k] = v
        end
    end
    return r
end

-- The layers of a packet value (top-level fields that pkt:copy() leaves out are read from
-- the packet itself); bytes = false drops data/payload.
local function packet_table(pkt, bytes)
    local t = clean(pkt:copy())
    t.net_type, t.net_off = pkt.net_type, pkt.net_off
    t.payload_off, t.payload_len = pkt.payload_off, pkt.payload_len
    t.stop, t.stop_status = pkt.stop, pkt.stop_status
    if bytes then
        local p = pkt.payload
        t.payload = p and hex(p) or nil
    else
        t.data, t.payload = nil, nil
    end
    return t
end

-- Timestamp text "sec.frac" with prec digits (exact, unlike a JSON float).
local function ts_text(sec, frac, prec)
    return string.format("%d.%0" .. prec .. "d", sec, frac)
end

-- Packet-mode settings, from --arg in init.
local bytes, quotes = true, true

-- The packet an ICMP/ICMPv6 error quotes, as a nested packet object (or nil).
local function quote(pkt, t)
    local off
    if t.icmp then
        off = t.icmp.quote_off
    elseif t.icmp6 and t.icmp6.type < 128 and t.icmp6.body_off then
        off = t.icmp6.body_off
    end
    if not off or off >= pkt.caplen then
        return nil
    end
    local ok, inner = pcall(pkt.inner, pkt, off)
    if not ok or not inner then
        return nil
    end
    return packet_table(inner, bytes)
end

-- One object per packet.
local function packet_json(pkt)
    local t = packet_table(pkt, bytes)
    t.ts = ts_text(t.sec, t.frac, t.prec)
    if quotes then
        local q = quote(pkt, t)
        if q then
            q.data, q.sec, q.frac, q.prec, q.num, q.linktype = nil, nil, nil, nil, nil, nil
            q.caplen, q.len = nil, nil
            t[t.icmp and "icmp" or "icmp6"].quote = q
        end
    end
    out(encode(t), "\n")
end

-- Timestamp precision per flow id, from the packet that opened it (flows do not say).
local prec = {}

-- One object per finished flow.
local function flow_json(flow, reason)
    local id = flow.id
    local p = prec[id] or 6
    prec[id] = nil
    local unit = math.tointeger(10 ^ p)
    local fs, ff, ls, lf = flow.first_sec, flow.first_frac, flow.last_sec, flow.last_frac
    local d = (ls - fs) * unit + (lf - ff)
    local r = {
        uid = id,
        ts = ts_text(fs, ff, p),
        ts_sec = fs, ts_frac = ff, prec = p,
        last_sec = ls, last_frac = lf,
        duration = ts_text(d // unit, d % unit, p),
        duration_sec = d // unit, duration_frac = d % unit,
        ["id.orig_h"] = flow.client, ["id.orig_p"] = flow.client_port,
        ["id.resp_h"] = flow.server, ["id.resp_p"] = flow.server_port,
        proto = PROTO_NAMES[flow.proto] or tostring(flow.proto),
        proto_num = flow.proto, family = flow.family,
        orig_bytes = flow.orig_payload, orig_pkts = flow.orig_pkts,
        orig_ip_bytes = flow.orig_bytes,
        resp_bytes = flow.resp_payload, resp_pkts = flow.resp_pkts,
        resp_ip_bytes = flow.resp_bytes,
        end_reason = reason,
        conn_state = flow.conn_state, history = flow.history,
    }
    if flow.proto == 6 then
        r.orig_state, r.resp_state = flow.orig_state, flow.resp_state
        r.orig_isn, r.resp_isn, r.syns, r.ended = flow.orig_isn, flow.resp_isn, flow.syns,
            flow.ended
        local rtt = flow.rtt
        if rtt then
            local f = math.floor(rtt * unit + 0.5)
            r.rtt = ts_text(f // unit, f % unit, p)
            r.rtt_sec, r.rtt_frac = f // unit, f % unit
        end
        for _, side in ipairs({ "orig_", "resp_" }) do
            for _, c in ipairs({ "retrans", "ooo", "dupacks", "zero_win", "gaps", "badsum" }) do
                r[side .. c] = flow[side .. c]
            end
        end
    end
    out(encode(r), "\n")
end

-- The hooks exist only when printing (with -w and no --print this script is silent). They
-- are fetched before init() sees --arg, so all are defined and dispatch on the mode.
local flows = false
if not given(opt.w) or given(opt.print) then
    function init(args)
        local a = args.argv or {}
        flows = a.flows ~= nil and a.flows ~= "0"
        bytes, quotes = a.bytes ~= "0", a.quotes ~= "0"
    end

    function packet(pkt)
        if not flows then
            packet_json(pkt)
        end
    end

    function flow_start(flow, pkt)
        if flows then
            prec[flow.id] = pkt.prec
        end
    end

    function flow_end(flow, reason)
        if flows then
            flow_json(flow, reason)
        end
    end
end
