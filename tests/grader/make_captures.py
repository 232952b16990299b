#!/usr/bin/python3
# Builds the small captures the grader and explain tests read: the handout's session made
# complete (FIN each way, acked) and broken variants. Usage: make_captures.py OUTDIR.
# Client tsuji 192.0.2.10:4376, server www.google.com 198.51.100.20:80, the handout's ISNs;
# over IPv6 2001:db8::10 and 2001:db8::20.
import os
import struct
import sys
import logging
logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
from scapy.all import Ether, IP, IPv6, TCP, UDP, Raw, wrpcap  # noqa: E402

C, S = "192.0.2.10", "198.51.100.20"
C6, S6 = "2001:db8::10", "2001:db8::20"
CISN, SISN = 3898758850, 3317888770
GET = b"GET / HTTP/1.0\r\n" + b"X" * (345 - 16 - 4) + b"\r\n\r\n"   # 345 bytes
REPLY = b"HTTP/1.0 200 OK\r\n" + b"Y" * (183 - 17)                   # 183 bytes
BODY = b"Z" * 1506                                                    # bytes 184..1689


class Conv:
    """Packets of one capture, 10 ms apart from a fixed start."""

    def __init__(self, v6=False):
        self.pkts, self.t, self.v6 = [], 1000000000.0, v6

    def add(self, ip, dt=0.010):
        self.t += dt
        frame = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / ip
        frame.time = self.t
        self.pkts.append(frame)

    def tcp(self, src, dst, sport, dport, flags, seq, ack=0, data=b"", win=17520, opts=None):
        seg = TCP(sport=sport, dport=dport, flags=flags, seq=seq & 0xffffffff,
                  ack=ack & 0xffffffff, window=win, options=opts or [])
        if self.v6:
            ip = IPv6(src={C: C6, S: S6}.get(src, src), dst={C: C6, S: S6}.get(dst, dst))
        else:
            ip = IP(src=src, dst=dst, flags="DF")
        self.add(ip / seg / (Raw(data) if data else b""))

    def c(self, flags, seq, ack=0, data=b"", cport=4376, dport=80, **kw):
        self.tcp(C, S, cport, dport, flags, CISN + seq, SISN + ack if ack else 0, data, **kw)

    def s(self, flags, seq, ack=0, data=b"", cport=4376, sport=80, **kw):
        self.tcp(S, C, sport, cport, flags, SISN + seq, CISN + ack if ack else 0, data, **kw)


def write_empty(path):
    """A valid pcap file header (Ethernet, snaplen 262144) and no packet at all."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))


def session(v, cport=4376, final_ack=True, teardown="fin", server_psh=True, synack_ack=1):
    """The handout's session: handshake, request, response, FIN each way (11 packets);
    teardown="none" stops after the client's ACK of all the data (7 packets)."""
    v.c("S", 0, win=16384, opts=[("MSS", 1460)], cport=cport)
    v.s("SA", 0, synack_ack, win=32120, opts=[("MSS", 1460)], cport=cport)
    v.c("A", 1, 1, cport=cport)
    v.c("PA", 1, 1, GET, cport=cport)
    v.s("PA" if server_psh else "A", 1, 346, REPLY, win=32120, cport=cport)
    v.s("PA" if server_psh else "A", 184, 346, BODY, win=32120, cport=cport)
    v.c("A", 346, 1690, cport=cport)
    if teardown == "rst":
        v.c("RA", 346, 1690, cport=cport)
        return
    if teardown == "none":
        return
    v.s("FA", 1690, 346, win=32120, cport=cport)
    v.c("A", 346, 1691, cport=cport)
    v.c("FA", 346, 1691, cport=cport)
    if final_ack:
        v.s("A", 1691, 347, win=32120, cport=cport)


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    caps = {}
    v = Conv(); session(v); caps["perfect"] = v
    v = Conv(); session(v, final_ack=False); caps["noack"] = v
    v = Conv(); session(v, teardown="rst"); caps["rst"] = v
    v = Conv(); session(v, server_psh=False); caps["nopsh"] = v
    v = Conv(); session(v, synack_ack=5); caps["badsynack"] = v
    # No web connection: DNS, then HTTPS.
    v = Conv()
    v.add(IP(src=C, dst="192.0.2.53") / UDP(sport=5353, dport=53) / Raw(b"\x12\x34" + b"\0" * 10))
    v.c("S", 0, win=16384, opts=[("MSS", 1460)], dport=443)
    v.tcp(S, C, 443, 4376, "SA", SISN, CISN + 1, win=32120, opts=[("MSS", 1460)])
    caps["noweb"] = v
    # Two connections: the first SYN is never answered (sent twice), the second is perfect.
    v = Conv()
    v.c("S", 0, win=16384, opts=[("MSS", 1460)], cport=4375)
    v.c("S", 0, win=16384, opts=[("MSS", 1460)], cport=4375)
    session(v)
    caps["two"] = v
    # The perfect session over IPv6.
    v = Conv(v6=True); session(v); caps["ipv6"] = v
    # Capture started late: the first packet is the client's request (packet 4 of perfect).
    v = Conv(); session(v); v.pkts = v.pkts[3:]; caps["late"] = v
    # No teardown: handshake and data both ways, all acked, then no FIN and no RST.
    v = Conv(); session(v, teardown="none"); caps["nofin"] = v
    # SYN retries only: the client's SYN sent 3 times (1 s, then 2 s apart), never answered.
    v = Conv()
    v.c("S", 0, win=16384, opts=[("MSS", 1460)])
    v.c("S", 0, win=16384, opts=[("MSS", 1460)])
    v.pkts[-1].time = v.t = v.t + 0.990
    v.c("S", 0, win=16384, opts=[("MSS", 1460)])
    v.pkts[-1].time = v.t = v.t + 1.990
    caps["synonly"] = v
    for name, conv in caps.items():
        wrpcap(os.path.join(outdir, name + ".pcap"), conv.pkts)
    write_empty(os.path.join(outdir, "empty.pcap"))
    with open(os.path.join(outdir, "notpcap.pcap"), "w") as f:
        f.write("this is a text file, not a capture\n")
    # The perfect capture cut in the middle of its last record.
    with open(os.path.join(outdir, "perfect.pcap"), "rb") as f:
        data = f.read()
    with open(os.path.join(outdir, "cut.pcap"), "wb") as f:
        f.write(data[:-20])


if __name__ == "__main__":
    main(sys.argv[1])
