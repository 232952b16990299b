-- handshake-check.lua: for every TCP connection, checks the three-way handshake (SYN, SYN/ACK
-- acking ISN+1, ACK acking the server's ISN+1, SYN retries, RTT) and tells how it ended (FIN
-- teardown, half-close, RST, still open), citing the tcpdump lines that prove each finding.
-- Usage: tcplua -s examples/handshake-check.lua [-n] -r capture.pcap [filter]; no --arg options.
-- Exit status: 0 when every connection's handshake was complete and correct, 1 otherwise.
local tcplua = require "tcplua"
local format = require("tcplua.print").format

local out = tcplua.out
local M32 = 0x100000000

local conns = {} -- flow id -> connection record, until reported at file_end
local total, bad = 0, 0

-- a >= b in sequence space (RFC 9293 3.4).
local function seq_ge(a, b)
    return (a - b) % M32 < 0x80000000
end

-- A packet's tcpdump line, without the newline (hexdump lines, if any, kept).
local function line(pkt)
    return (format(pkt):gsub("\n$", ""))
end

-- Time of a packet in units of 10^-prec seconds, and the difference of two as milliseconds text.
local function stamp(pkt)
    return { pkt.sec, pkt.frac, pkt.prec }
end
local function ms(a, b)
    local p = math.max(a[3], b[3])
    local fa = a[2] * math.tointeger(10 ^ (p - a[3]))
    local fb = b[2] * math.tointeger(10 ^ (p - b[3]))
    local d = (b[1] - a[1]) * math.tointeger(10 ^ p) + fb - fa
    local unit = math.tointeger(10 ^ (p - 3))
    return string.format("%d.%0" .. (p - 3) .. "d ms", d // unit, d % unit)
end

-- A finding: text and the lines proving it.
local function note(list, text, ...)
    list[#list + 1] = { text = text, lines = { ... } }
end

local function endpoint(addr, port)
    return (addr:find(":", 1, true) and ("[" .. addr .. "]") or addr) .. "." .. port
end

function flow_start(flow, pkt)
    if not pkt.tcp then
        return
    end
    conns[flow.id] = {
        id = flow.id,
        client = endpoint(flow.client, flow.client_port),
        server = endpoint(flow.server, flow.server_port),
        hs = {},      -- handshake findings
        fin = {},     -- teardown findings
        syns = {},    -- client SYN lines
        syn_seq = nil, synack_seq = nil, synack_line = nil,
        ok = false, verdict = nil,
        fin_seq = {}, fin_acked = {}, -- per side ("client"/"server")
        rst = nil,
    }
end

-- The handshake part of a client or server packet.
local function handshake(c, pkt, tcp, from_client)
    if from_client and tcp.syn and not tcp.ackf then
        local l = line(pkt)
        if not c.syn_seq then
            c.syn_seq, c.syn_t = tcp.seq, stamp(pkt)
            note(c.hs, string.format("SYN from the client, ISN %d", tcp.seq), l)
        elseif tcp.seq == c.syn_seq then
            note(c.hs, string.format("SYN retransmitted (retry %d), %s after the first SYN",
                #c.syns, ms(c.syn_t, stamp(pkt))), l)
        else
            note(c.hs, string.format("SYN with a new ISN %d (was %d)", tcp.seq, c.syn_seq), l)
            c.syn_seq = tcp.seq
        end
        c.syns[#c.syns + 1] = l
        c.last_syn_t = stamp(pkt)
        return
    end
    if not from_client and tcp.syn and tcp.ackf then
        local l = line(pkt)
        local want = c.syn_seq and (c.syn_seq + 1) % M32
        if c.synack_seq then
            note(c.hs, "SYN/ACK retransmitted by the server", l)
            return
        end
        c.synack_seq, c.synack_t = tcp.seq, stamp(pkt)
        if not want then
            note(c.hs, "SYN/ACK from the server, but the client's SYN was not captured", l)
            c.verdict = c.verdict or "no SYN captured"
        elseif tcp.ack == want then
            note(c.hs, string.format("SYN/ACK from the server acks the client's ISN+1 = %d; "
                .. "server ISN %d (%s after the SYN)", want, tcp.seq,
                ms(c.last_syn_t, c.synack_t)), l)
        else
            note(c.hs, string.format("WRONG: SYN/ACK acks %d, expected the client's ISN+1 = %d",
                tcp.ack, want), l)
            c.verdict = c.verdict or "SYN/ACK acks the wrong number"
        end
        return
    end
    if from_client and c.synack_seq and not c.ack_done and not tcp.syn then
        local l = line(pkt)
        c.ack_done = true
        local want = (c.synack_seq + 1) % M32
        if tcp.rst then
            note(c.hs, "the client answered the SYN/ACK with RST", l)
            c.verdict = c.verdict or "client reset the handshake"
        elseif not tcp.ackf then
            note(c.hs, "WRONG: the client's third segment has no ACK bit", l)
            c.verdict = c.verdict or "third segment without ACK"
        elseif tcp.ack ~= want then
            note(c.hs, string.format("WRONG: the client's ACK acks %d, expected the server's "
                .. "ISN+1 = %d", tcp.ack, want), l)
            c.verdict = c.verdict or "third ACK acks the wrong number"
        else
            local t = stamp(pkt)
            note(c.hs, string.format("ACK from the client acks the server's ISN+1 = %d "
                .. "(%s after the SYN/ACK)", want, ms(c.synack_t, t)), l)
            if c.syn_seq and not c.verdict then
                c.ok = true
                c.rtt = string.format("RTT %s (last SYN to ACK)", ms(c.last_syn_t, t))
            end
        end
    end
end

-- The teardown part: FINs, their ACKs, RSTs.
local function teardown(c, pkt, tcp, from_client)
    local me, peer = from_client and "client" or "server", from_client and "server" or "client"
    -- an ACK of the peer's FIN (may ride on this side's own FIN)
    local pf = c.fin_seq[peer]
    if pf and not c.fin_acked[peer] and tcp.ackf and not tcp.rst and seq_ge(tcp.ack, pf + 1) then
        c.fin_acked[peer] = true
        note(c.fin, string.format("the %s acks the %s's FIN (ack %d = FIN seq + 1)", me, peer,
            (pf + 1) % M32), line(pkt))
    end
    if tcp.fin and not c.fin_seq[me] then
        local fseq = (tcp.seq + (tcp.payload_len or 0) + (tcp.syn and 1 or 0)) % M32
        c.fin_seq[me] = fseq
        note(c.fin, string.format("FIN from the %s (its FIN is sequence number %d)", me, fseq),
            line(pkt))
    end
    if tcp.rst and not c.rst then
        c.rst = me
        local l = line(pkt)
        if not from_client and not c.synack_seq and c.syn_seq then
            note(c.fin, "RST from the server in answer to the SYN: connection refused", l)
            c.refused = true
        else
            note(c.fin, string.format("RST from the %s", me), l)
        end
    end
end

function packet(pkt, flow)
    local tcp = pkt.tcp
    local c = tcp and flow and conns[flow.id]
    if not c then
        return
    end
    local from_client = flow.from_client
    handshake(c, pkt, tcp, from_client)
    teardown(c, pkt, tcp, from_client)
end

-- How the connection ended, from its FIN/RST record and the flow's end reason.
local function ending(c, reason)
    local fc, fs = c.fin_seq.client, c.fin_seq.server
    local ac, as = c.fin_acked.client, c.fin_acked.server
    if c.refused then
        return "refused: the server reset the connection attempt"
    elseif c.rst then
        local after = (fc or fs) and " after a FIN" or ""
        return string.format("reset by the %s%s", c.rst, after)
    elseif fc and fs then
        if ac and as then
            return "closed: FIN teardown, both FINs sent and acknowledged"
        end
        return "FINs from both sides, but the "
            .. (not ac and "client's" or "server's") .. " FIN was never acknowledged"
    elseif fc or fs then
        local who, other = fc and "client" or "server", fc and "server" or "client"
        local acked = (fc and ac or fs and as) and "acknowledged" or "NOT acknowledged"
        return string.format("half-closed: the %s sent FIN (%s), the %s never did; "
            .. "still half-open at the end (%s)", who, acked, other, reason)
    elseif reason == "idle" then
        return "no FIN or RST: ended by the idle timeout"
    elseif reason == "evicted" then
        return "no FIN or RST: evicted from the flow table (--max-flows)"
    end
    return "still open at the end of the capture (no FIN, no RST)"
end

local function print_findings(list)
    for _, f in ipairs(list) do
        out("    - ", f.text, "\n")
        for _, l in ipairs(f.lines) do
            out("        ", (l:gsub("\n", "\n        ")), "\n")
        end
    end
end

function flow_end(flow, reason)
    local c = conns[flow.id]
    if not c then
        return
    end
    c.reason = reason
    c.flow_rtt, c.history, c.conn_state = flow.rtt, flow.history, flow.conn_state
    c.done = true
end

local function report(c)
    total = total + 1
    local verdict
    if c.ok then
        verdict = "complete and correct, " .. c.rtt
    else
        bad = bad + 1
        if not c.syn_seq then
            verdict = "INCOMPLETE: no SYN captured (picked up mid-stream)"
        elseif c.verdict then
            verdict = "INCORRECT: " .. c.verdict
        elseif c.refused then
            verdict = "INCOMPLETE: refused"
        elseif not c.synack_seq then
            verdict = "INCOMPLETE: SYN never answered"
        else
            verdict = "INCOMPLETE: no ACK of the SYN/ACK"
        end
        if #c.syns > 1 then
            verdict = verdict .. string.format(" (%d SYNs sent)", #c.syns)
        end
    end
    out(string.format("connection %d: %s > %s  [%s %s]\n", c.id, c.client, c.server,
        c.conn_state or "?", c.history or ""))
    out("  handshake: ", verdict, "\n")
    print_findings(c.hs)
    out("  end: ", ending(c, c.reason or "eof"), "\n")
    print_findings(c.fin)
    out("\n")
end

-- Report the ended connections (all when `all`: -c may stop before flows end), in the
-- order they started.
local function flush(all)
    local ids = {}
    for id, c in pairs(conns) do
        if c.done or all then
            ids[#ids + 1] = id
        end
    end
    table.sort(ids)
    for _, id in ipairs(ids) do
        report(conns[id])
        conns[id] = nil
    end
end

function file_end()
    flush()
end

function finish()
    flush(true)
    out(string.format("%d TCP connection%s, %d with a complete and correct handshake\n", total,
        total == 1 and "" or "s", total - bad))
    return bad == 0 and 0 or 1
end
