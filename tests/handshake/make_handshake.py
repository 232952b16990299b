#!/usr/bin/python3
# Writes the handshake-check test captures: one TCP connection per scenario (client port
# 40001..40009 to 10.0.0.2:80), fixed microsecond timestamps, no randomness.
# Usage: /usr/bin/python3 make_handshake.py OUTDIR  -> OUTDIR/all.pcap, OUTDIR/good.pcap
import os
import struct
import sys

import logging
logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
from scapy.layers.l2 import Ether
from scapy.layers.inet import IP, TCP

C, S = "10.0.0.1", "10.0.0.2"
BASE = 1700000000


class Conn:
    """Packets of one connection: add(ms, from_client, flags, seq, ack, payload_len)."""

    def __init__(self, port, start):
        self.port, self.start, self.pkts = port, start, []

    def add(self, ms, frm_client, flags, seq, ack=0, n=0):
        src, dst = (C, S) if frm_client else (S, C)
        sp, dp = (self.port, 80) if frm_client else (80, self.port)
        p = Ether(src="02:00:00:00:00:01" if frm_client else "02:00:00:00:00:02",
                  dst="02:00:00:00:00:02" if frm_client else "02:00:00:00:00:01") / \
            IP(src=src, dst=dst, id=len(self.pkts) + 1) / \
            TCP(sport=sp, dport=dp, flags=flags, seq=seq, ack=ack, window=8192)
        if n:
            p = p / (b"x" * n)
        self.pkts.append((self.start * 1000000 + ms * 1000, bytes(p)))
        return self

    def hs(self, cisn, sisn, t=0):
        """A correct handshake: SYN at t, SYN/ACK at t+10 ms, ACK at t+30 ms."""
        return self.add(t, 1, "S", cisn).add(t + 10, 0, "SA", sisn, cisn + 1) \
            .add(t + 30, 1, "A", cisn + 1, sisn + 1)


def complete():       # 40001: handshake, data both ways, 4-way FIN teardown
    c = Conn(40001, BASE).hs(1000, 5000)
    c.add(40, 1, "PA", 1001, 5001, 100).add(50, 0, "A", 5001, 1101)
    c.add(60, 0, "PA", 5001, 1101, 200).add(70, 1, "A", 1101, 5201)
    c.add(80, 1, "FA", 1101, 5201).add(90, 0, "A", 5201, 1102)
    c.add(100, 0, "FA", 5201, 1102).add(110, 1, "A", 1102, 5202)
    return c


def syn_retry():      # 40002: SYN at 0, 1000, 3000 ms; answered; 3-segment FIN close
    c = Conn(40002, BASE + 10)
    c.add(0, 1, "S", 2000).add(1000, 1, "S", 2000).add(3000, 1, "S", 2000)
    c.add(3020, 0, "SA", 7000, 2001).add(3045, 1, "A", 2001, 7001)
    c.add(3100, 1, "FA", 2001, 7001).add(3110, 0, "FA", 7001, 2002).add(3120, 1, "A", 2002, 7002)
    return c


def bad_synack():     # 40003: SYN/ACK acks 3005 instead of 3001; client resets (seq = that ack)
    c = Conn(40003, BASE + 20)
    return c.add(0, 1, "S", 3000).add(10, 0, "SA", 8000, 3005).add(20, 1, "R", 3005)


def refused():        # 40004: RST/ACK in answer to the SYN
    return Conn(40004, BASE + 30).add(0, 1, "S", 4000).add(5, 0, "RA", 0, 4001)


def rst_client():     # 40005: established, 50 bytes, client resets
    c = Conn(40005, BASE + 40).hs(5000, 9000)
    return c.add(40, 1, "PA", 5001, 9001, 50).add(50, 0, "A", 9001, 5051).add(60, 1, "R", 5051)


def rst_server():     # 40006: established, 50 bytes, server resets
    c = Conn(40006, BASE + 50).hs(15000, 19000)
    return c.add(40, 1, "PA", 15001, 19001, 50).add(50, 0, "RA", 19001, 15051)


def half_close():     # 40007: client FIN acked, server keeps sending, never FINs
    c = Conn(40007, BASE + 60).hs(6000, 10000)
    c.add(40, 1, "FA", 6001, 10001).add(50, 0, "A", 10001, 6002)
    return c.add(60, 0, "PA", 10001, 6002, 300).add(70, 1, "A", 6002, 10301)


def still_open():     # 40008: established, one request, no FIN/RST before the capture ends
    c = Conn(40008, BASE + 70).hs(7000, 11000)
    return c.add(40, 1, "PA", 7001, 11001, 20).add(50, 0, "A", 11001, 7021)


def bad_ack():        # 40009: third segment acks 21005 instead of 21001
    c = Conn(40009, BASE + 80)
    return c.add(0, 1, "S", 17000).add(10, 0, "SA", 21000, 17001).add(30, 1, "A", 17001, 21005)


def write(path, conns):
    recs = sorted((t, d) for c in conns for t, d in c.pkts)
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for t, d in recs:
            f.write(struct.pack("<IIII", t // 1000000, t % 1000000, len(d), len(d)) + d)


out = sys.argv[1]
os.makedirs(out, exist_ok=True)
write(os.path.join(out, "all.pcap"), [complete(), syn_retry(), bad_synack(), refused(),
                                      rst_client(), rst_server(), half_close(), still_open(),
                                      bad_ack()])
write(os.path.join(out, "good.pcap"), [complete(), syn_retry()])
