#!/usr/bin/python3
# json.lua tests: `json_test.py TCPLUA CAPDIR CASE` runs json.lua on a capture of
# make_json_caps.py, parses every output line with Python's json and checks fields against
# values worked out from how the capture was built (not copied from the script's output).
import json
import os
import subprocess
import sys
import tempfile

TL, CAP, CASE = sys.argv[1], sys.argv[2], sys.argv[3]
EMPTY = object()


def run(*args, cap="packets.pcap"):
    r = subprocess.run([TL, "-s", "json.lua", *args, "-r", os.path.join(CAP, cap)],
                       capture_output=True, text=True, env=dict(os.environ, TZ="UTC"))
    if r.returncode != 0:
        fail(f"exit status {r.returncode}: {r.stderr.strip()}")
    return r.stdout


def parse(text):
    objs = []
    for i, line in enumerate(text.splitlines(), 1):
        try:
            objs.append(json.loads(line))
        except ValueError as e:
            fail(f"line {i} is not JSON ({e}): {line[:120]}")
    return objs


def fail(msg):
    print(f"FAIL [{CASE}]: {msg}")
    sys.exit(1)


def check(obj, path, want):
    """path 'tcp.options.0.mss' (list indexes as numbers); want EMPTY for a missing key."""
    cur = obj
    parts = [path] if path in obj else path.split(".")   # Zeek keys such as "id.orig_h"
    for part in parts:
        if isinstance(cur, list):
            part = int(part)
            cur = cur[part] if part < len(cur) else EMPTY
        elif isinstance(cur, dict):
            cur = cur.get(part, EMPTY)
        else:
            cur = EMPTY
        if cur is EMPTY:
            break
    if cur != want or type(cur) is not type(want):
        fail(f"{path} = {cur!r}, expected {want!r}")


def by(objs, key, val):
    for o in objs:
        if o.get(key) == val:
            return o
    fail(f"no object with {key} = {val!r}")


def case_ndjson():
    objs = parse(run())
    if len(objs) != 7:
        fail(f"{len(objs)} objects, the capture has 7 packets")
    for i, o in enumerate(objs, 1):
        check(o, "num", i)


def case_timestamps():
    p = parse(run())
    check(p[0], "sec", 1700000000); check(p[0], "frac", 1); check(p[0], "prec", 6)
    check(p[0], "ts", "1700000000.000001")
    check(p[4], "ts", "1700000002.999999")
    n = parse(run("--time-stamp-precision=nano", cap="nsec.pcap"))[0]
    check(n, "frac", 123456789); check(n, "prec", 9); check(n, "ts", "1700000000.123456789")


def case_tcp_syn():
    p = parse(run())[0]
    check(p, "eth.src", "02:00:00:00:00:01"); check(p, "eth.type", 0x0800)
    check(p, "ip.src", "10.0.0.1"); check(p, "ip.dst", "10.0.0.2"); check(p, "ip.proto", 6)
    check(p, "ip.tot_len", 20 + 40); check(p, "ip.id", 7); check(p, "ip.ttl", 64)
    check(p, "tcp.seq", 4294967000)  # above 2^31: must survive as an exact integer
    check(p, "tcp.sport", 40001); check(p, "tcp.dport", 80); check(p, "tcp.syn", True)
    check(p, "tcp.ackf", False); check(p, "tcp.flagstr", "S"); check(p, "tcp.doff", 10)
    check(p, "tcp.win", 8192)
    check(p, "tcp.options.0.name", "mss"); check(p, "tcp.options.0.mss", 1460)
    check(p, "tcp.options.1.kind", 4)
    check(p, "tcp.options.2.val", 100); check(p, "tcp.options.2.ecr", 0)
    check(p, "tcp.options.3.kind", 1)
    check(p, "tcp.options.4.wscale", 7)
    check(p, "caplen", 14 + 60); check(p, "len", 14 + 60)


def case_sack():
    p = parse(run())[1]
    check(p, "tcp.ack", 4294967001)
    check(p, "tcp.options.2.kind", 5)
    check(p, "tcp.options.2.blocks", [{"left": 1000, "right": 2000}, {"left": 3000, "right": 4000}])


def case_bytes_hex():
    p = parse(run())[2]
    check(p, "payload", b"GET / HTTP/1.0\r\n\r\n".hex())
    check(p, "payload_len", 18); check(p, "tcp.payload_len", 18)
    check(p, "tcp.psh", True)
    d = p.get("data", "")
    if len(d) != 2 * 72 or not d.startswith("020000000002020000000001" + "0800"):
        fail(f"data is not the frame's hex: {d[:40]}")
    if not d.endswith(b"\r\n\r\n".hex()):
        fail("data does not end with the payload")
    q = parse(run("--arg", "bytes=0"))[2]
    check(q, "data", EMPTY); check(q, "payload", EMPTY); check(q, "payload_len", 18)


def case_empty_arrays():
    text = run()
    p = parse(text)
    check(p[2], "tcp.options", [])     # no options: [] not {} or absent
    check(p[3], "ip6.ext", [])         # no extension headers


def case_ipv6_udp():
    p = parse(run())[3]
    check(p, "net_type", 0x86dd)
    check(p, "ip6.src", "2001:db8::1"); check(p, "ip6.dst", "2001:db8::2")
    check(p, "ip6.hlim", 64); check(p, "ip6.plen", 11); check(p, "ip6.nxt", 17)
    check(p, "udp.sport", 5353); check(p, "udp.dport", 53); check(p, "udp.ulen", 11)
    check(p, "payload", "0001ff"); check(p, "ip", EMPTY); check(p, "tcp", EMPTY)


def case_vlan():
    p = parse(run())[4]
    check(p, "vlan.count", 1); check(p, "vlan.tags.0.id", 100); check(p, "vlan.tags.0.pcp", 5)
    check(p, "vlan.tags.0.type", 0x0800); check(p, "udp.dport", 5678); check(p, "payload", "6869")


def case_icmp_quote():
    p = parse(run())[5]
    check(p, "icmp.type", 3); check(p, "icmp.code", 3)
    check(p, "icmp.quote.ip.src", "10.0.0.1"); check(p, "icmp.quote.ip.id", 99)
    check(p, "icmp.quote.udp.sport", 47001); check(p, "icmp.quote.udp.dport", 47002)
    check(p, "icmp.quote.payload", "61626364")
    q = parse(run("--arg", "quotes=0"))[5]
    check(q, "icmp.quote", EMPTY)


def case_truncated():
    p = parse(run())[6]   # cut 10 bytes into the TCP header
    check(p, "caplen", 44); check(p, "len", 58)
    check(p, "stop", "tcp"); check(p, "stop_status", "truncated"); check(p, "tcp.status", "truncated")
    check(p, "tcp.sport", 40001); check(p, "tcp.ack", EMPTY)   # ack bytes not captured


def case_flows_tcp():
    f = parse(run("--arg", "flows=1", cap="flows.pcap"))
    if len(f) != 3:
        fail(f"{len(f)} flows, expected 3")
    a = by(f, "id.orig_p", 40001)
    for k, v in [("id.orig_h", "10.0.0.1"), ("id.resp_h", "10.0.0.2"), ("id.resp_p", 80),
                 ("proto", "tcp"), ("ts", "1700000000.000000"), ("ts_sec", 1700000000),
                 ("duration", "0.110000"), ("duration_frac", 110000),
                 ("orig_pkts", 6), ("resp_pkts", 5), ("orig_bytes", 100), ("resp_bytes", 200),
                 ("orig_ip_bytes", 6 * 40 + 100), ("resp_ip_bytes", 5 * 40 + 200),
                 ("conn_state", "SF"), ("history", "ShADadFf"), ("rtt", "0.030000"),
                 ("rtt_frac", 30000), ("orig_isn", 1000), ("resp_isn", 5000), ("syns", 1),
                 ("orig_retrans", 0), ("resp_retrans", 0), ("end_reason", "fin")]:
        check(a, k, v)


def case_flows_rej_udp():
    f = parse(run("--arg", "flows=1", cap="flows.pcap"))
    r = by(f, "id.orig_p", 40004)
    check(r, "conn_state", "REJ"); check(r, "history", "Sr"); check(r, "orig_pkts", 1)
    check(r, "resp_pkts", 1); check(r, "duration", "0.005000"); check(r, "rtt", EMPTY)
    u = by(f, "id.orig_p", 33333)
    check(u, "proto", "udp"); check(u, "id.resp_p", 53); check(u, "orig_bytes", 30)
    check(u, "resp_bytes", 70); check(u, "orig_ip_bytes", 20 + 8 + 30)
    check(u, "duration", "0.250000"); check(u, "conn_state", "SF")


def case_write():
    with tempfile.TemporaryDirectory() as d:
        w = os.path.join(d, "w.pcap")
        if run("-w", w) != "":
            fail("printed with -w and no --print")
        if run("-w", w, "--arg", "flows=1", cap="flows.pcap") != "":
            fail("flows printed with -w and no --print")
        if len(parse(run("-w", w, "--print"))) != 7:
            fail("-w --print did not print 7 objects")


cases = {k[5:]: v for k, v in globals().items() if k.startswith("case_")}
if CASE not in cases:
    fail("unknown case")
cases[CASE]()
