#!/usr/bin/python3
# Writes the json.lua test captures with fixed timestamps: packets.pcap (one packet per layer
# feature), nsec.pcap (nanosecond timestamps), flows.pcap (TCP complete/refused, one UDP pair).
# Usage: /usr/bin/python3 make_json_caps.py OUTDIR
import os
import struct
import sys

import logging
logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
from scapy.layers.l2 import Ether, Dot1Q
from scapy.layers.inet import IP, TCP, UDP, ICMP
from scapy.layers.inet6 import IPv6

C, S = "10.0.0.1", "10.0.0.2"
MC, MS = "02:00:00:00:00:01", "02:00:00:00:00:02"
T0 = 1700000000


def write(path, recs, nsec=False):
    """recs: (sec, frac, data[, caplen]) with frac in usec (or nsec when nsec)."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b23c4d if nsec else 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for r in recs:
            sec, frac, d = r[:3]
            cap = r[3] if len(r) > 3 else len(d)
            f.write(struct.pack("<IIII", sec, frac, cap, len(d)) + d[:cap])


def tcp(frm_client, flags, seq, ack=0, payload=b"", opts=None, port=40001):
    src, dst, ms, md = (C, S, MC, MS) if frm_client else (S, C, MS, MC)
    sp, dp = (port, 80) if frm_client else (80, port)
    p = Ether(src=ms, dst=md) / IP(src=src, dst=dst, id=7) / \
        TCP(sport=sp, dport=dp, flags=flags, seq=seq, ack=ack, window=8192, options=opts or [])
    return bytes(p / payload) if payload else bytes(p)


def packets():
    syn = tcp(1, "S", 4294967000, opts=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (100, 0)),
                                        ("NOP", None), ("WScale", 7)])
    sack = tcp(0, "A", 5001, 4294967001, opts=[("NOP", None), ("NOP", None),
                                               ("SAck", (1000, 2000, 3000, 4000))])
    get = tcp(1, "PA", 4294967001, 5001, b"GET / HTTP/1.0\r\n\r\n")
    v6 = bytes(Ether(src=MC, dst=MS) / IPv6(src="2001:db8::1", dst="2001:db8:0:0:0:0:0:2",
                                             hlim=64) / UDP(sport=5353, dport=53) / b"\x00\x01\xff")
    vlan = bytes(Ether(src=MC, dst=MS) / Dot1Q(vlan=100, prio=5) / IP(src=C, dst=S) /
                 UDP(sport=1234, dport=5678) / b"hi")
    quoted = IP(src=C, dst=S, id=99) / UDP(sport=47001, dport=47002) / b"abcd"
    unreach = bytes(Ether(src=MS, dst=MC) / IP(src=S, dst=C) / ICMP(type=3, code=3) / bytes(quoted))
    trunc = tcp(1, "PA", 1, 1, b"zzzz")
    return [(T0, 1, syn), (T0, 2, sack), (T0, 3, get), (T0 + 1, 0, v6), (T0 + 2, 999999, vlan),
            (T0 + 3, 500000, unreach), (T0 + 4, 0, trunc, 14 + 20 + 10)]


def flows():
    r = []

    def at(ms, data):
        r.append((T0 + ms // 1000, (ms % 1000) * 1000, data))
    # 40001: ISNs 1000/5000, 100 bytes up, 200 down, 4-way FIN close
    for ms, args, kw in [
            (0, (1, "S", 1000), {}), (10, (0, "SA", 5000, 1001), {}),
            (30, (1, "A", 1001, 5001), {}), (40, (1, "PA", 1001, 5001, b"q" * 100), {}),
            (50, (0, "A", 5001, 1101), {}), (60, (0, "PA", 5001, 1101, b"r" * 200), {}),
            (70, (1, "A", 1101, 5201), {}), (80, (1, "FA", 1101, 5201), {}),
            (90, (0, "A", 5201, 1102), {}), (100, (0, "FA", 5201, 1102), {}),
            (110, (1, "A", 1102, 5202), {})]:
        at(ms, tcp(*args, **kw))
    # 40004: refused
    at(2000, tcp(1, "S", 4000, port=40004))
    at(2005, tcp(0, "RA", 0, 4001, port=40004))
    # UDP request/response
    at(3000, bytes(Ether(src=MC, dst=MS) / IP(src=C, dst=S) / UDP(sport=33333, dport=53) / (b"a" * 30)))
    at(3250, bytes(Ether(src=MS, dst=MC) / IP(src=S, dst=C) / UDP(sport=53, dport=33333) / (b"b" * 70)))
    return r


out = sys.argv[1]
os.makedirs(out, exist_ok=True)
write(os.path.join(out, "packets.pcap"), packets())
write(os.path.join(out, "nsec.pcap"), [(T0, 123456789, tcp(1, "S", 1))], nsec=True)
write(os.path.join(out, "flows.pcap"), flows())
