-- grade-exercise.lua: grades students' captures of the lab exercise (docs/grade-exercise.md):
-- four pass/fail criteria per capture (connection, handshake, data, teardown), with reasons.
-- Usage: tcplua -s examples/grade-exercise.lua [-n] [--hosts FILE] -r a.pcap [-r b.pcap ...]
-- --arg port=N (web port, 80), client=HOST (the student's machine), format=text|json|tap,
-- lang=en|ja. Exit status: 0 all passed, 1 some criterion failed, 2 some input unreadable.
local tcplua = require "tcplua"
local printer = require "tcplua.print"
local i18n = require "lib.i18n"
local json = require "lib.json"
local MSGS = require "lib.grade_msgs"

local M32 = 0xffffffff
local MAXPTS = 4
local KEYS = { "connection", "handshake", "data", "teardown" }

local cfg = { port = 80, format = "text" }
local T = i18n.new(MSGS, "en")
local out = tcplua.out
local cur -- the capture being read: { name, conns, order, npkts, warning }
local tally = { captures = 0, passed = 0, failed = 0, unreadable = 0 }
local tapn = 0 -- TAP test points written so far

-- ------------------------------------------------------------------ per-packet tracking

-- host.port the way tcpdump names an endpoint (names unless -n).
local function endpoint(addr, port)
    return tcplua.host(addr) .. "." .. tcplua.port(port, "tcp")
end

-- Whether addr is the student's machine given with --arg client= (address or host name;
-- a short name matches the first label of a full one).
local function client_matches(addr)
    local want = cfg.client
    if not want then return true end
    want = want:lower()
    if addr:lower() == want then return true end
    local h = tcplua.host(addr):lower()
    return h == want or h:sub(1, #want + 1) == want .. "."
end

-- The segment's length in sequence space, from the IP length (not the captured bytes,
-- which a short snaplen cuts and Ethernet padding lengthens).
local function seglen(pkt, t)
    local ip = pkt.ip
    local stop
    if ip and ip.tot_len and ip.off then
        stop = ip.off + ip.tot_len
    elseif pkt.ip6 and pkt.ip6.plen then
        stop = pkt.ip6.off + 40 + pkt.ip6.plen
    end
    if not stop or not t.payload_off then return t.payload_len or 0 end
    local n = stop - t.payload_off
    return n > 0 and n or 0
end

local function new_side()
    -- data_end: relative sequence number after the last data byte (1 = no data yet);
    -- max_ack: highest ack received for the other side, relative to its ISN.
    return { data_end = 1, max_ack = 0 }
end

-- A connection to the web port, opened at its first packet.
local function new_conn(pkt, flow, t)
    local ipl = pkt.ip or pkt.ip6
    local src, dst = ipl.src, ipl.dst
    local from_client
    if t.dport == cfg.port and t.sport ~= cfg.port then
        from_client = true
    elseif t.sport == cfg.port and t.dport ~= cfg.port then
        from_client = false
    else
        from_client = flow.from_client
    end
    local c = { npkts = 0, side = { new_side(), new_side() } }
    if from_client then
        c.caddr, c.cport, c.saddr, c.sport = src, t.sport, dst, t.dport
    else
        c.caddr, c.cport, c.saddr, c.sport = dst, t.dport, src, t.sport
    end
    c.client_ok = client_matches(c.caddr)
    c.cname, c.sname = endpoint(c.caddr, c.cport), endpoint(c.saddr, c.sport)
    cur.conns[flow.id] = c
    cur.order[#cur.order + 1] = c
    return c
end

-- The handshake packets: the client's SYN, the server's SYN/ACK, the client's first ACK.
local function track_handshake(c, from, t, ev)
    local me = c.side[from]
    if t.syn and not t.ackf and from == 1 and not c.syn then
        c.syn, c.syn_seq, me.base, c.nsyn = ev, t.seq, t.seq, 1
    elseif t.syn and not t.ackf and from == 1 and t.seq == c.syn_seq and not c.synack then
        c.nsyn, c.syn_retry = c.nsyn + 1, ev -- a retransmitted SYN
    elseif t.syn and t.ackf and from == 2 and not c.synack then
        c.synack, c.synack_seq, c.synack_ack, me.base = ev, t.seq, t.ack, t.seq
    elseif from == 1 and c.synack and not c.hs_ack and t.ackf and not t.syn then
        c.hs_ack, c.hs_ack_val = ev, t.ack
    end
end

-- Sequence-space bookkeeping: data, PUSH, FIN, RST, and what each ACK covers.
local function track(c, pkt, t)
    local ipl = pkt.ip or pkt.ip6
    local from = (ipl.src == c.caddr and t.sport == c.cport) and 1 or 2
    local me, peer = c.side[from], c.side[3 - from]
    local ev = { num = pkt.num, line = (printer.format(pkt):gsub("\n$", "")) }
    if not c.first then c.first = ev end
    if from == 2 then c.answered = true end
    track_handshake(c, from, t, ev)
    if not me.base then me.base = (t.seq - 1) & M32 end -- picked up mid-stream
    local len = seglen(pkt, t)
    local start = ((t.seq - me.base) & M32) + (t.syn and 1 or 0)
    if len > 0 then
        if start + len > me.data_end then me.data_end = start + len end
        if t.psh and not me.psh then me.psh = ev end
    end
    if t.fin and not me.fin then me.fin, me.fin_rel = ev, start + len end
    if t.rst and not me.rst then me.rst = ev end
    if t.ackf and peer.base then
        local rack = (t.ack - peer.base) & M32
        if rack < 0x80000000 then -- an ack behind the ISN is noise, not progress
            if rack > me.max_ack then me.max_ack, me.max_ack_ev = rack, ev end
            if peer.data_end > 1 and rack >= peer.data_end and peer.cover_at ~= peer.data_end then
                peer.cover, peer.cover_at = ev, peer.data_end
            end
            if peer.fin_rel and not peer.fin_ack and rack >= peer.fin_rel + 1 then
                peer.fin_ack = ev
            end
        end
    end
end

-- ------------------------------------------------------------------ grading

-- The evidence lines of the given events (nil ones skipped), in capture order.
local function evidence(...)
    local evs, seen = {}, {}
    for i = 1, select("#", ...) do
        local e = select(i, ...)
        if e and not seen[e] then evs[#evs + 1], seen[e] = e, true end
    end
    table.sort(evs, function(a, b) return a.num < b.num end)
    local lines = setmetatable({}, json.array_mt)
    for i, e in ipairs(evs) do lines[i] = e.line end
    return lines
end

local function crit(n, pass, reason, lines)
    return { id = n, key = KEYS[n], name = T("name" .. n, cfg.port), pass = pass,
             reason = reason, evidence = lines or setmetatable({}, json.array_mt) }
end

local function grade_handshake(c)
    local sv = c.side[2]
    local lines = evidence(c.syn, c.syn_retry, c.synack, c.hs_ack,
                           not c.synack and sv.rst or nil)
    if not c.syn then return crit(2, false, T("c2_nosyn"), evidence(c.first)) end
    if not c.synack then
        if sv.rst then return crit(2, false, T("c2_refused"), lines) end
        if c.nsyn > 1 then return crit(2, false, T("c2_nosynack_retry", c.nsyn), lines) end
        return crit(2, false, T("c2_nosynack"), lines)
    end
    local want = (c.syn_seq + 1) & M32
    if c.synack_ack ~= want then
        return crit(2, false, T("c2_badsynack", c.synack_ack, want), lines)
    end
    if not c.hs_ack then return crit(2, false, T("c2_noack"), lines) end
    want = (c.synack_seq + 1) & M32
    if c.hs_ack_val ~= want then return crit(2, false, T("c2_badack", c.hs_ack_val, want), lines) end
    return crit(2, true, T("c2_pass"), lines)
end

local WHO = { { "Client", "client" }, { "Server", "server" } }

local function grade_data(c)
    local s = c.side
    local lines = evidence(s[1].psh, s[2].cover or s[2].max_ack_ev, s[2].psh,
                           s[1].cover or s[1].max_ack_ev)
    for i = 1, 2 do
        if s[i].data_end <= 1 then return crit(3, false, T("c3_nodata", T(WHO[i][1])), lines) end
    end
    for i = 1, 2 do
        if not s[i].psh then return crit(3, false, T("c3_nopsh", T(WHO[i][1])), lines) end
    end
    for i = 1, 2 do
        local sent, acks = s[i].data_end - 1, s[3 - i].max_ack
        local acked = math.max(math.min(acks, s[i].data_end) - 1, 0)
        if acked < sent then
            return crit(3, false, T("c3_unacked", T(WHO[i][1]), sent, T(WHO[3 - i][2]), acked),
                        lines)
        end
    end
    return crit(3, true, T("c3_pass", s[1].data_end - 1, s[2].data_end - 1), lines)
end

local function grade_teardown(c)
    local s = c.side
    local lines = evidence(s[1].fin, s[2].fin_ack, s[2].fin, s[1].fin_ack, s[1].rst, s[2].rst)
    if s[1].fin_ack and s[2].fin_ack then
        return crit(4, true, (s[1].rst or s[2].rst) and T("c4_pass_rst") or T("c4_pass"), lines)
    end
    if s[1].rst or s[2].rst then
        local who = (s[1].rst and (not s[2].rst or s[1].rst.num < s[2].rst.num)) and 1 or 2
        return crit(4, false, T("c4_rst", T(WHO[who][1])), lines)
    end
    if not s[1].fin and not s[2].fin then return crit(4, false, T("c4_nofin_both"), lines) end
    for i = 1, 2 do
        if not s[i].fin then return crit(4, false, T("c4_nofin", T(WHO[i][1])), lines) end
    end
    for i = 1, 2 do
        if not s[i].fin_ack then
            return crit(4, false, T("c4_finunacked", T(WHO[i][1]), T(WHO[3 - i][2])), lines)
        end
    end
    return crit(4, true, T("c4_pass"), lines) -- not reached: both FINs acked is handled above
end

local function grade_conn(c)
    local cs = { crit(1, true, T(c.answered and "c1_pass" or "c1_noanswer", c.cname, c.sname),
                      evidence(c.first)),
                 grade_handshake(c), grade_data(c), grade_teardown(c) }
    local score = 0
    for _, r in ipairs(cs) do if r.pass then score = score + 1 end end
    return cs, score
end

-- The report of the capture in `cur`: the best of its connections to the web port.
local function grade_capture(f)
    local rep = { file = f.name, max = MAXPTS, score = 0 }
    local cands, others = {}, {}
    for _, c in ipairs(f.order) do
        if c.client_ok then
            cands[#cands + 1] = c
        elseif not others[c.cname] then
            others[#others + 1], others[c.cname] = tcplua.host(c.caddr), true
        end
    end
    local best, bestcs, bestscore, besti = nil, nil, -1, 0
    for i, c in ipairs(cands) do
        local cs, score = grade_conn(c)
        if score > bestscore then best, bestcs, bestscore, besti = c, cs, score, i end
    end
    if best then
        rep.criteria, rep.score = bestcs, bestscore
        rep.connection = { index = besti, of = #cands, client = best.cname, server = best.sname,
                           packets = best.npkts, conn_state = best.conn_state or "-",
                           history = best.history or "-" }
    else
        local why = T("c1_none", cfg.port)
        if f.npkts == 0 then
            why = T("c1_empty")
        elseif cfg.client and #others > 0 then
            local names = {}
            for i = 1, math.min(#others, 3) do names[i] = others[i] end
            why = T("c1_noclient", cfg.client, cfg.port, table.concat(names, ", "))
        end
        rep.criteria = { crit(1, false, why) }
        for n = 2, 4 do rep.criteria[n] = crit(n, false, T("nograde")) end
    end
    if f.warning then rep.warning = T("warn_cut", f.warning, f.npkts) end
    return rep
end

-- ------------------------------------------------------------------ output

local function emit_text(rep)
    out(T("head", rep.file, rep.score, rep.max), "\n")
    if rep.warning then out(rep.warning, "\n") end
    local k = rep.connection
    if k then
        out(T("graded", k.index, k.of, cfg.port, k.client, k.server, k.packets, k.conn_state,
              k.history), "\n")
    end
    for _, r in ipairs(rep.criteria) do
        out(r.pass and T("pass") or T("fail"), " ", r.id, ". ", r.name, ": ", r.reason, "\n")
        for _, l in ipairs(r.evidence) do out("    ", l, "\n") end
    end
end

local function yaml_block(fields)
    out("  ---\n")
    for _, kv in ipairs(fields) do
        local k, v = kv[1], kv[2]
        if type(v) == "table" then
            out("  ", k, ":\n")
            for _, l in ipairs(v) do out("    - ", json.string(l), "\n") end
        else
            out("  ", k, ": ", json.string(v), "\n")
        end
    end
    out("  ...\n")
end

-- A TAP description: '#' would start a directive, a newline would end the line.
local function tap_desc(s)
    return (s:gsub("[#\\]", "\\%0"):gsub("[\r\n]", " "))
end

local function emit_tap(rep)
    if rep.warning then out("# ", rep.warning, "\n") end
    local k = rep.connection
    if k then
        out("# ", T("graded", k.index, k.of, cfg.port, k.client, k.server, k.packets,
                    k.conn_state, k.history), "\n")
    end
    for _, r in ipairs(rep.criteria) do
        tapn = tapn + 1
        out(r.pass and "ok " or "not ok ", tapn, " - ", tap_desc(rep.file), ": ", r.id, ". ",
            r.name, "\n")
        yaml_block({ { "reason", r.reason }, { "evidence", r.evidence } })
    end
end

local ORDER = { "file", "score", "max", "error", "warning", "connection", "criteria", "id",
                "key", "name", "pass", "reason", "evidence", "summary" }

local function emit(rep)
    if cfg.format == "json" then
        out(json.encode(rep, ORDER), "\n")
    elseif cfg.format == "tap" then
        emit_tap(rep)
    else
        emit_text(rep)
    end
end

local function emit_unreadable(name, msg)
    if cfg.format == "json" then
        out(json.encode({ file = name, score = 0, max = MAXPTS, error = msg,
                          criteria = setmetatable({}, json.array_mt) }, ORDER), "\n")
    elseif cfg.format == "tap" then
        tapn = tapn + 1
        out("not ok ", tapn, " - ", T("unreadable_short", tap_desc(name)), "\n")
        yaml_block({ { "reason", msg } })
    else
        out(T("unreadable", name, msg), "\n")
    end
end

-- ------------------------------------------------------------------ hooks

function init(args) -- luacheck: ignore 111
    local argv = args.argv or {}
    cfg.port = math.tointeger(tonumber(argv.port)) or 80
    cfg.client = argv.client
    cfg.format = argv.format or "text"
    if cfg.format ~= "text" and cfg.format ~= "json" and cfg.format ~= "tap" then
        error("--arg format=" .. cfg.format .. ": use text, json or tap", 0)
    end
    T = i18n.new(MSGS, i18n.lang(argv, MSGS))
    if cfg.format == "tap" then out("TAP version 13\n") end
end

function file_start(name) -- luacheck: ignore 111
    cur = { name = name, conns = {}, order = {}, npkts = 0 }
end

function packet(pkt, flow) -- luacheck: ignore 111
    if not cur then return end
    cur.npkts = cur.npkts + 1
    local t = pkt.tcp
    if not t or not t.sport or (t.sport ~= cfg.port and t.dport ~= cfg.port) then return end
    local c = cur.conns[flow.id] or new_conn(pkt, flow, t)
    c.npkts = c.npkts + 1
    if c.client_ok then track(c, pkt, t) end
end

function flow_end(flow) -- luacheck: ignore 111
    local c = cur and cur.conns[flow.id]
    if c then c.conn_state, c.history = flow.conn_state, flow.history end
end

-- Called after the packets of a capture cut off mid-record (then flow_end, file_end
-- follow), or alone for an input that is no capture at all.
function file_error(name, msg) -- luacheck: ignore 111
    if cur and cur.name == name then
        cur.warning = msg
        return
    end
    tally.captures, tally.unreadable = tally.captures + 1, tally.unreadable + 1
    emit_unreadable(name, msg)
end

function file_end() -- luacheck: ignore 111
    local rep = grade_capture(cur)
    cur = nil
    tally.captures = tally.captures + 1
    if rep.score == rep.max then
        tally.passed = tally.passed + 1
    else
        tally.failed = tally.failed + 1
    end
    emit(rep)
end

function finish() -- luacheck: ignore 111
    local line = T("summary", tally.captures, tally.passed, tally.failed, tally.unreadable)
    local status = tally.unreadable > 0 and 2 or tally.failed > 0 and 1 or 0
    if cfg.format == "json" then
        out(json.encode({ summary = { captures = tally.captures, passed = tally.passed,
                                      failed = tally.failed, unreadable = tally.unreadable,
                                      exit = status } },
                        { "captures", "passed", "failed", "unreadable", "exit" }), "\n")
    elseif cfg.format == "tap" then
        out("1..", tapn, "\n# ", line, "\n")
    else
        out(line, "\n")
    end
    return status
end
