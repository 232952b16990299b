-- explain.lua: prints each packet as tcpdump (default.lua) does, then, indented under it, what
-- it means in its connection, in plain words for students reading a first capture (docs/explain.md).
-- Usage: tcplua -s examples/explain.lua [-n] [-S] -r capture.pcap [filter expression]
-- --arg lang=ja: explanations in Japanese (default lang=en, English).
local tcplua = require "tcplua"
local printer = require "tcplua.print"
local i18n = require "lib.i18n"
local MSGS = require "lib.explain_msgs"

local M32 = 0xffffffff
local T = i18n.new(MSGS, "en")
local out = tcplua.out
local told_flags = {}    -- flag strings whose notation was explained already
local told_relative = tcplua.opt.S ~= 0 and tcplua.opt.S ~= false -- -S: absolute numbers

local FLAGNAMES = { S = "SYN", F = "FIN", R = "RST", P = "PUSH", U = "URG", E = "ECE",
                    W = "CWR", ["."] = "ACK" }

-- Length in sequence space, from the IP length (not the captured bytes).
local function seglen(pkt, t)
    local stop
    if pkt.ip and pkt.ip.tot_len then
        stop = pkt.ip.off + pkt.ip.tot_len
    elseif pkt.ip6 and pkt.ip6.plen then
        stop = pkt.ip6.off + 40 + pkt.ip6.plen
    end
    if not stop or not t.payload_off then return t.payload_len or 0 end
    return math.max(stop - t.payload_off, 0)
end

local function mss_of(t)
    for _, o in ipairs(t.options or {}) do
        if o.mss then return o.mss end
    end
end

local function wscale_of(t)
    for _, o in ipairs(t.options or {}) do
        if o.wscale then return o.wscale end
    end
end

-- The sentence on the flag notation, the first time a flag string appears.
local function flags_sentence(fs)
    if told_flags[fs] then return nil end
    told_flags[fs] = true
    if fs == "." then return T("flag_ack") end
    local names = {}
    for ch in fs:gmatch(".") do names[#names + 1] = FLAGNAMES[ch] or ch end
    if #names == 1 then return T("flag_one", fs, names[1]) end
    return T("flag_many", fs, table.concat(names, T("flag_join")))
end

-- Per-flow state (flow.state): base[i] = ISN of side i (1 client, 2 server), data_end[i] =
-- relative number after its last data byte, max_ack[i] = highest ack side i sent,
-- fin_rel[i] = its FIN's relative number, fin_acked[i], stage, win_told[i].
local function state_of(flow)
    local st = flow.state
    if not st.base then
        st.base, st.data_end, st.max_ack, st.fin_rel = {}, { 1, 1 }, { 0, 0 }, {}
        st.fin_acked, st.win_told = {}, {}
    end
    return st
end

-- What the ACK field of this segment acknowledges; appends sentences to `say`.
local function explain_ack(say, st, from, t, who, peer)
    local p = 3 - from
    if not st.base[p] then return end
    local rack = (t.ack - st.base[p]) & M32
    if rack >= 0x80000000 then return end
    local printed = t.rack or t.ack
    local prev = st.max_ack[from]
    if rack > prev then st.max_ack[from] = rack end
    if st.stage == "synack" and from == 1 and rack == 1 then
        st.stage = "open"
        say[#say + 1] = T("hs_ack", who, printed)
        if not told_relative then
            told_relative = true
            say[#say + 1] = T("relative")
        end
        return
    end
    local fin = st.fin_rel[p]
    local known_end = fin or st.data_end[p]
    local total = (fin and rack > fin) and fin - 1 or rack - 1
    local before = math.max(math.min(prev, known_end) - 1, 0)
    local newly = total - before
    if newly > 0 then
        local all_end = (fin or st.data_end[p]) - 1
        if total >= all_end and before == 0 then
            say[#say + 1] = T("ack_all", who, total, printed)
        elseif total >= all_end then
            say[#say + 1] = T("ack_rest", who, newly, peer, printed)
        else
            say[#say + 1] = T("ack_more", who, newly, printed - 1, printed, all_end - total)
        end
    end
    if fin and rack > fin and not st.fin_acked[p] then
        st.fin_acked[p] = true
        say[#say + 1] = T("ack_fin", who, peer, printed, (printed - 1) & M32)
        if st.fin_acked[from] then say[#say + 1] = T("closed") end
    elseif newly <= 0 and t.flagstr == "." and rack == prev then
        say[#say + 1] = T("ack_none", who, printed)
    end
end

-- The sentences for one TCP segment.
local function explain_tcp(pkt, t, flow)
    local say = {}
    local st = state_of(flow)
    local from = flow.from_client and 1 or 2
    local who = T(from == 1 and "client" or "server")
    local peer = T(from == 1 and "server" or "client")
    if t.syn and not t.ackf then
        if st.base[from] == t.seq then
            say[#say + 1] = T("syn_again", who)
        else
            st.base[from], st.stage = t.seq, "syn"
            local mss = mss_of(t)
            say[#say + 1] = mss and T("syn", who, t.seq, mss) or T("syn_nomss", who, t.seq)
        end
    elseif t.syn then
        local mss = mss_of(t)
        st.base[from], st.stage = t.seq, "synack"
        if not st.base[3 - from] then st.base[3 - from] = (t.ack - 1) & M32 end
        st.max_ack[from] = 1
        say[#say + 1] = mss and T("synack", who, t.ack, t.seq, mss)
            or T("synack_nomss", who, t.ack, t.seq)
    end
    if t.syn and wscale_of(t) then
        say[#say + 1] = T("wscale", wscale_of(t), 1 << wscale_of(t))
    end
    if not st.base[from] then
        st.base[from] = (t.seq - 1) & M32
        if not st.told_mid then
            st.told_mid = true
            say[#say + 1] = T("midstream")
        end
    end
    if t.rst then
        if st.stage == "syn" and from == 2 then
            say[#say + 1] = T("refused", who, tcplua.port(t.sport, "tcp"))
        else
            say[#say + 1] = T("rst", who)
        end
    elseif t.ackf and not t.syn then
        explain_ack(say, st, from, t, who, peer)
    end
    local len = seglen(pkt, t)
    local start = ((t.seq - st.base[from]) & M32) + (t.syn and 1 or 0)
    if len > 0 then
        say[#say + 1] = t.psh and T("data_psh", who, len) or T("data", who, len)
        local first = t.rseq or t.seq
        local last = (first + len) & M32
        say[#say + 1] = T("range", first, last, first, (last - 1) & M32)
        if start + len <= st.data_end[from] then say[#say + 1] = T("retrans") end
        if start + len > st.data_end[from] then st.data_end[from] = start + len end
    end
    if t.fin then
        if not st.fin_rel[from] then st.fin_rel[from] = start + len end
        say[#say + 1] = T("fin", who, ((t.rseq or t.seq) + len) & M32)
    end
    if t.win == 0 and not t.rst then
        say[#say + 1] = T("win0", who, peer)
    elseif t.win and not st.win_told[from] and not t.rst then
        st.win_told[from] = true
        local w = t.win
        say[#say + 1] = T("win", w, who, w)
    end
    -- a capture that starts mid-connection: tcpdump's numbers turn relative at the second
    -- packet (the first was printed absolute), with no handshake to explain it
    if not told_relative and t.rseq and t.rseq ~= t.seq and not t.rnew then
        told_relative = true
        say[#say + 1] = T("relative_mid")
    end
    say[#say + 1] = flags_sentence(t.flagstr)
    return say
end

-- The sentences for a packet that is not TCP.
local function explain_other(pkt)
    local u, a, ic = pkt.udp, pkt.arp, pkt.icmp
    if u and u.sport then
        local s = { T("udp", u.sport, u.dport, pkt.payload_len or 0) }
        if u.sport == 53 or u.dport == 53 then s[2] = T("dns") end
        return s
    elseif a and a.op then
        if a.op == 1 then return { T("arp_req", a.tpa or "?") } end
        if a.op == 2 then return { T("arp_rep", a.spa or "?", a.sha or "?") } end
    elseif ic and ic.type == 8 then
        return { T("icmp_req") }
    elseif ic and ic.type == 0 then
        return { T("icmp_rep") }
    end
    return { T("other") }
end

function init(args) -- luacheck: ignore 111
    T = i18n.new(MSGS, i18n.lang(args.argv, MSGS))
end

function packet(pkt, flow) -- luacheck: ignore 111
    printer.packet(pkt)
    local t = pkt.tcp
    local say
    if t and t.flagstr and t.seq and flow then
        say = explain_tcp(pkt, t, flow)
    else
        say = explain_other(pkt)
    end
    for _, s in ipairs(say) do out("    ", s, "\n") end
end
