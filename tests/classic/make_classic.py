#!/usr/bin/python3
# make_classic.py OUT.pcap: the capture the classic.lua format tests read (tests/classic/
# classic_test.sh). One packet per tcpdump 3.x rule; expected_*.txt hold the lines 3.x's
# rules give for them, in this order. Timestamps: 2000-01-01 00:00:00 UTC + n seconds.
import calendar
import sys

from scapy.all import ARP, ICMP, IP, TCP, UDP, Ether, Raw, wrpcap
from scapy.layers.inet6 import ICMPv6EchoRequest, ICMPv6ND_NS, IPv6

A, B, C, D = "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"
MA, MB = "00:a0:24:12:34:56", "00:e0:1e:05:43:21"
V6A, V6B = "2001:db8::1", "2001:db8::2"


def eth(p, src=MA, dst=MB):
    return Ether(src=src, dst=dst) / p


def packets():
    ts_opts = [("MSS", 1460), ("NOP", None), ("WScale", 0), ("SAckOK", b""),
               ("Timestamp", (1, 0))]
    yield eth(IP(src=A, dst=B, tos=0x10, id=1, ttl=64) /
              TCP(sport=1025, dport=80, flags="S", seq=1000, window=65535, options=ts_opts))
    yield eth(IP(src=B, dst=A, flags="DF", id=2) /
              TCP(sport=80, dport=1025, flags="SA", seq=5000, ack=1001, window=8192), MB, MA)
    yield eth(IP(src=A, dst=B, id=3) /
              TCP(sport=1025, dport=80, flags="PAU", seq=1001, ack=5001, window=65535, urgptr=5) /
              Raw(b"0123456789"))
    yield eth(IP(src=B, dst=A, id=4) /
              TCP(sport=80, dport=1025, flags="A", seq=5001, ack=1011, window=8192,
                  options=[("NOP", None), ("NOP", None), ("SAck", (1021, 1031))]), MB, MA)
    yield eth(IP(src=A, dst=B, id=5) /
              TCP(sport=1025, dport=80, flags="R", seq=1011, window=0))
    yield eth(IP(src=A, dst=B, id=6) / TCP(sport=1026, dport=80, flags="SEC", seq=7, window=512))
    # a connection seen from its middle: the first segment prints absolute numbers
    yield eth(IP(src=C, dst=D, id=7) /
              TCP(sport=2000, dport=3000, flags="PA", seq=100000, ack=200000, window=100) /
              Raw(b"hello"))
    yield eth(IP(src=C, dst=D, id=8) /
              TCP(sport=2000, dport=3000, flags="PA", seq=100005, ack=200000, window=100) /
              Raw(b"abc"))
    # option lists: a length that cannot be, an unknown kind
    yield eth(IP(src=A, dst=B, id=9) /
              TCP(sport=1027, dport=80, flags="S", seq=1, window=10, dataofs=6) /
              Raw(b"\x02\x01\x00\x00"))
    yield eth(IP(src=A, dst=B, id=10) /
              TCP(sport=1028, dport=80, flags="S", seq=1, window=10, dataofs=6) /
              Raw(b"\x63\x04\xab\xcd"))
    yield eth(IP(src=A, dst=B, id=11) / UDP(sport=1234, dport=4321) / Raw(b"x" * 12))
    yield eth(IP(src=A, dst=B, id=12, ttl=1) / UDP(sport=1234, dport=4321))
    yield eth(IP(src=A, dst=B, id=13) / ICMP(type=8, id=1, seq=1) / Raw(b"ping"))
    yield eth(IP(src=B, dst=A, id=14) / ICMP(type=0, id=1, seq=1) / Raw(b"ping"), MB, MA)
    yield eth(IP(src=B, dst=A, id=15) / ICMP(type=3, code=3) /
              IP(src=A, dst=B, id=11) / UDP(sport=1234, dport=4321, len=20), MB, MA)
    yield eth(IP(src="10.0.0.254", dst=A, id=16) / ICMP(type=3, code=1) /
              IP(src=A, dst="10.0.0.9", proto=6) / Raw(TCP(sport=1029, dport=80).build()[:8]),
              MB, MA)
    yield eth(IP(src="10.0.0.254", dst=A, id=17) / ICMP(type=3, code=4, nexthopmtu=1400) /
              IP(src=A, dst="10.0.0.9") / Raw(b"\0" * 8), MB, MA)
    yield eth(IP(src="10.0.0.254", dst=A, id=18) / ICMP(type=11, code=0) /
              IP(src=A, dst="10.0.0.9", ttl=1) / Raw(b"\0" * 8), MB, MA)
    yield eth(ARP(op=1, hwsrc=MA, psrc=A, pdst=B), MA, "ff:ff:ff:ff:ff:ff")
    yield eth(ARP(op=2, hwsrc="00:0a:00:00:0b:0c", psrc=B, hwdst=MA, pdst=A),
              "00:0a:00:00:0b:0c", MA)
    yield Ether(src=MA, dst=MB, type=0x86dd) / IPv6(src=V6A, dst=V6B, hlim=64) / \
        TCP(sport=1025, dport=80, flags="S", seq=1, window=1000)
    yield Ether(src=MA, dst=MB, type=0x86dd) / IPv6(src=V6A, dst=V6B, hlim=64) / \
        ICMPv6EchoRequest(id=1, seq=1)
    yield Ether(src=MA, dst="33:33:ff:00:00:02", type=0x86dd) / \
        IPv6(src="fe80::1", dst="ff02::1:ff00:2", hlim=255) / ICMPv6ND_NS(tgt="fe80::2")
    # a UDP datagram in two fragments (id 77): 8 + 128 bytes, then 72 more
    yield eth(IP(src=A, dst=B, id=77, flags="MF", frag=0, proto=17) /
              Raw(UDP(sport=1234, dport=4321, len=208, chksum=0).build() + b"f" * 128))
    yield eth(IP(src=A, dst=B, id=77, frag=17, proto=17) / Raw(b"g" * 72))
    yield eth(IP(src=A, dst=B, id=20, proto=253) / Raw(b"abcd"))


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: make_classic.py OUT.pcap\n")
        return 2
    base = calendar.timegm((2000, 1, 1, 0, 0, 0))
    pkts = []
    for n, p in enumerate(packets()):
        p.time = base + n
        pkts.append(p)
    wrpcap(sys.argv[1], pkts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
