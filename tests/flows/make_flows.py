#!/usr/bin/python3
# Builds one small capture per flow scenario for the flow-table tests (flows_test.sh).
# Client 10.1.0.1, server 10.1.0.2; times advance 10 ms a packet unless a step says more.
import sys
from scapy.all import Ether, IP, TCP, UDP, ICMP, Raw, wrpcap

C, S = "10.1.0.1", "10.1.0.2"
CISN, SISN = 1000, 5000


class Conv:
    """Packets of one scenario, with a clock."""

    def __init__(self, cport=40000, sport=80):
        self.pkts, self.t, self.cport, self.sport = [], 1000000000.0, cport, sport

    def add(self, pkt, dt=0.010):
        self.t += dt
        frame = Ether() / pkt
        frame.time = self.t
        self.pkts.append(frame)

    def c(self, flags, seq, ack=0, data=b"", win=8192, dt=0.010, cport=None):
        p = IP(src=C, dst=S) / TCP(sport=cport or self.cport, dport=self.sport, flags=flags,
                                   seq=seq, ack=ack, window=win)
        self.add(p / Raw(data) if data else p, dt)

    def s(self, flags, seq, ack=0, data=b"", win=8192, dt=0.010):
        p = IP(src=S, dst=C) / TCP(sport=self.sport, dport=self.cport, flags=flags,
                                   seq=seq, ack=ack, window=win)
        self.add(p / Raw(data) if data else p, dt)

    def handshake(self):
        self.c("S", CISN)
        self.s("SA", SISN, CISN + 1)
        self.c("A", CISN + 1, SISN + 1)


def scenarios():
    out = {}
    x = Conv(); x.handshake()                       # sf: a complete connection
    x.c("PA", CISN + 1, SISN + 1, b"x" * 10); x.s("A", SISN + 1, CISN + 11)
    x.s("PA", SISN + 1, CISN + 11, b"y" * 20); x.c("A", CISN + 11, SISN + 21)
    x.c("FA", CISN + 11, SISN + 21); x.s("A", SISN + 21, CISN + 12)
    x.s("FA", SISN + 21, CISN + 12); x.c("A", CISN + 12, SISN + 22)
    out["sf"] = x
    x = Conv(); x.c("S", CISN); out["s0"] = x
    x = Conv(); x.c("S", CISN); x.s("RA", 0, CISN + 1); out["rej"] = x
    x = Conv(); x.handshake(); out["s1"] = x
    x = Conv(); x.handshake(); x.c("FA", CISN + 1, SISN + 1); out["s2"] = x
    x = Conv(); x.handshake(); x.s("FA", SISN + 1, CISN + 1); out["s3"] = x
    x = Conv(); x.handshake(); x.c("PA", CISN + 1, SISN + 1, b"x" * 5)
    x.c("R", CISN + 6); out["rsto"] = x
    x = Conv(); x.handshake(); x.s("R", SISN + 1); out["rstr"] = x
    x = Conv(); x.c("S", CISN); x.c("R", CISN + 1); out["rstos0"] = x
    x = Conv(); x.s("SA", SISN, CISN + 1); x.s("R", SISN + 1); out["rstrh"] = x
    x = Conv(); x.c("S", CISN); x.c("F", CISN + 1); out["sh"] = x
    x = Conv(); x.s("SA", SISN, CISN + 1); x.s("FA", SISN + 1, CISN + 1); out["shr"] = x
    x = Conv(); x.c("PA", CISN + 1, SISN + 1, b"x" * 10); x.s("A", SISN + 1, CISN + 11)
    out["oth"] = x
    x = Conv(); x.handshake()                       # retrans: the same 10 bytes twice
    x.c("PA", CISN + 1, SISN + 1, b"x" * 10); x.c("PA", CISN + 1, SISN + 1, b"x" * 10)
    out["retrans"] = x
    x = Conv(); x.handshake()                       # ooo: bytes 11-20 before 1-10
    x.c("PA", CISN + 11, SISN + 1, b"x" * 10); x.c("PA", CISN + 1, SISN + 1, b"x" * 10)
    out["ooo"] = x
    x = Conv(); x.handshake()                       # dupack: server loses 11-20, client acks 11 thrice
    x.s("PA", SISN + 1, CISN + 1, b"y" * 10); x.c("A", CISN + 1, SISN + 11)
    x.s("PA", SISN + 21, CISN + 1, b"y" * 10); x.c("A", CISN + 1, SISN + 11)
    x.s("PA", SISN + 31, CISN + 1, b"y" * 10); x.c("A", CISN + 1, SISN + 11)
    out["dupack"] = x
    x = Conv(); x.handshake(); x.s("A", SISN + 1, CISN + 1, win=0); out["zerowin"] = x
    x = Conv()                                      # synflood: five SYNs, five ports
    for i in range(5):
        x.c("S", CISN + i, cport=41000 + i)
    out["synflood"] = x
    x = Conv(); x.c("S", CISN); x.c("S", CISN, dt=1.0)   # SYN retried after 1 s
    x.s("SA", SISN, CISN + 1); x.c("A", CISN + 1, SISN + 1); out["synretry"] = x
    x = Conv(); x.handshake()                       # half-close: client FIN, server keeps sending
    x.c("FA", CISN + 1, SISN + 1); x.s("A", SISN + 1, CISN + 2)
    x.s("PA", SISN + 1, CISN + 2, b"y" * 10); x.c("A", CISN + 2, SISN + 11)
    x.s("FA", SISN + 11, CISN + 2); x.c("A", CISN + 2, SISN + 12)
    out["halfclose"] = x
    x = Conv(sport=5353)                            # udp both ways, then one-way
    x.add(IP(src=C, dst=S) / UDP(sport=40000, dport=9999) / Raw(b"q" * 4))
    x.add(IP(src=S, dst=C) / UDP(sport=9999, dport=40000) / Raw(b"r" * 8))
    x.add(IP(src=C, dst=S) / UDP(sport=40001, dport=9999) / Raw(b"q" * 4))
    out["udp"] = x
    x = Conv()
    x.add(IP(src=C, dst=S) / ICMP(type=8, id=7, seq=1) / Raw(b"p" * 8))
    x.add(IP(src=S, dst=C) / ICMP(type=0, id=7, seq=1) / Raw(b"p" * 8))
    out["icmp"] = x
    x = Conv()                                      # three flows, the first idles out
    x.c("S", CISN, cport=42000)
    x.c("S", CISN, cport=42001, dt=400.0)
    x.c("S", CISN, cport=42002)
    out["idle"] = x
    return out


if __name__ == "__main__":
    outdir = sys.argv[1]
    for name, conv in scenarios().items():
        wrpcap(f"{outdir}/{name}.pcap", conv.pkts)
