#!/usr/bin/python3
# Writes the small, deterministic pcap/pcapng captures the tcpdump comparison tests read.
# Usage: /usr/bin/python3 make_captures.py OUTDIR  (needs Debian's scapy; fixed timestamps,
# no randomness, so every run produces byte-identical files).
import os
import struct
import sys
import calendar

import logging
logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
from scapy.packet import Raw
from scapy.layers.l2 import Ether, ARP, Dot1Q, LLC, SNAP
from scapy.layers.inet import IP, TCP, UDP, ICMP
from scapy.layers.inet6 import (
    IPv6, IPv6ExtHdrHopByHop, IPv6ExtHdrRouting, IPv6ExtHdrSegmentRouting,
    IPv6ExtHdrFragment, IPv6ExtHdrDestOpt, PadN, Pad1, RouterAlert,
    ICMPv6EchoRequest, ICMPv6EchoReply, ICMPv6DestUnreach, ICMPv6PacketTooBig,
    ICMPv6TimeExceeded, ICMPv6ParamProblem, ICMPv6ND_NS, ICMPv6ND_NA, ICMPv6ND_RS,
    ICMPv6ND_RA, ICMPv6ND_Redirect, ICMPv6NDOptSrcLLAddr, ICMPv6NDOptDstLLAddr,
    ICMPv6NDOptPrefixInfo, ICMPv6NDOptMTU, ICMPv6NDOptRedirectedHdr, ICMPv6MLQuery,
    ICMPv6MLReport, ICMPv6MLDone, ICMPv6MLReport2, ICMPv6MLDMultAddrRec, ICMPv6Unknown)

# ---------------------------------------------------------------- file writers

LINKTYPE_ETHERNET, LINKTYPE_NULL, LINKTYPE_RAW, LINKTYPE_LOOP = 1, 0, 101, 108
LINKTYPE_LINUX_SLL, LINKTYPE_LINUX_SLL2 = 113, 276


class Capture:
    """Records (ts_usec, data, caplen, origlen); timestamps step a fixed, odd amount."""

    def __init__(self, linktype=LINKTYPE_ETHERNET, start=None, step=1013, snaplen=65535):
        self.linktype, self.snaplen, self.step = linktype, snaplen, step
        self.t = (start if start is not None else 1262304000) * 1000000 + 123456
        self.recs = []

    def add(self, data, caplen=None, origlen=None, ts=None, ifid=0):
        data = bytes(data)
        if ts is not None:
            self.t = ts
        origlen = len(data) if origlen is None else origlen
        caplen = len(data) if caplen is None else min(caplen, len(data))
        self.recs.append((self.t, data[:caplen], origlen, ifid))
        self.t += self.step
        self.step = self.step * 7 % 100003 + 17  # varied deltas for -ttt

    def pcap_bytes(self, nsec=False):
        magic = 0xa1b23c4d if nsec else 0xa1b2c3d4
        out = [struct.pack("<IHHiIII", magic, 2, 4, 0, 0, self.snaplen, self.linktype)]
        for t, data, origlen, _ in self.recs:
            sec, usec = divmod(t, 1000000)
            frac = usec * 1000 + (sec % 7) * 111 if nsec else usec  # nsec digits below usec
            out.append(struct.pack("<IIII", sec, frac, len(data), origlen) + data)
        return b"".join(out)

    def write(self, path, nsec=False):
        with open(path, "wb") as f:
            f.write(self.pcap_bytes(nsec))


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


def ng_block(btype, body):
    n = 12 + len(pad4(body))
    return struct.pack("<II", btype, n) + pad4(body) + struct.pack("<I", n)


def ng_opts(opts):
    out = b"".join(struct.pack("<HH", c, len(v)) + pad4(v) for c, v in opts)
    return out + struct.pack("<HH", 0, 0) if opts else b""


def write_pcapng(path, interfaces, packets):
    """interfaces: [(linktype, snaplen, tsresol_exponent, name)];
    packets: [(ifid, ts_in_units, data, origlen)]. Each interface description block is
    written just before the first packet that needs it, as a capture that added an
    interface mid-way would have it."""
    out = [ng_block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1) +
                    ng_opts([(4, b"tcplua make_captures.py")]))]
    written = 0
    for ifid, ts, data, origlen in packets:
        while written <= ifid:
            lt, snap, res, name = interfaces[written]
            opts = [(2, name.encode())]
            if res != 6:
                opts.append((9, bytes([res])))
            out.append(ng_block(1, struct.pack("<HHI", lt, 0, snap) + ng_opts(opts)))
            written += 1
        body = struct.pack("<IIIII", ifid, ts >> 32, ts & 0xffffffff, len(data), origlen)
        out.append(ng_block(6, body + pad4(data) + ng_opts([(1, b"a comment")])))
    with open(path, "wb") as f:
        f.write(b"".join(out))


# ---------------------------------------------------------------- packet helpers

MAC_C, MAC_S = "00:11:22:33:44:01", "00:11:22:33:44:02"
C4, S4 = "10.0.0.1", "10.0.0.2"
C6, S6 = "2001:db8::1", "2001:db8::2"
BCAST = "ff:ff:ff:ff:ff:ff"


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def eth(payload_bytes, etype, src=MAC_C, dst=MAC_S):
    return bytes(Ether(src=src, dst=dst, type=etype)) + bytes(payload_bytes)


def ip4(proto, payload, src=C4, dst=S4, opts=b"", tos=0, ident=1, flags=0, frag=0, ttl=64,
        ihl=None, tot_len=None, cksum=None, version=4):
    """Hand-built IPv4 header, so that broken fields and raw options are possible."""
    opts = pad4(bytes(opts)) if ihl is None else bytes(opts)
    ihl = (20 + len(opts)) // 4 if ihl is None else ihl
    tot_len = 20 + len(opts) + len(payload) if tot_len is None else tot_len
    import socket
    hdr = struct.pack("!BBHHHBBH4s4s", version << 4 | ihl, tos, tot_len, ident,
                      flags << 13 | frag, ttl, proto, 0,
                      socket.inet_aton(src), socket.inet_aton(dst)) + opts
    if cksum is None:
        cksum = csum(hdr)
    hdr = hdr[:10] + struct.pack("!H", cksum) + hdr[12:]
    return hdr + bytes(payload)


def l4(pkt):
    """Transport bytes (with a correct checksum) of a scapy IP/... packet."""
    b = bytes(pkt)
    return b[(b[0] & 15) * 4:]


def icmp4(typ, code, rest=b"\0\0\0\0", body=b"", cksum=None):
    b = struct.pack("!BBH", typ, code, 0) + rest + body
    c = csum(b) if cksum is None else cksum
    return b[:2] + struct.pack("!H", c) + b[4:]


def quote_udp(src=C4, dst=S4, sport=47001, dport=47002, n=8):
    inner = bytes(IP(src=src, dst=dst, id=0x1234, ttl=63) / UDP(sport=sport, dport=dport) /
                  Raw(b"x" * 20))
    return inner[:20 + n]


def quote_tcp(src=C4, dst=S4, sport=51000, dport=34567, proto=None):
    p = IP(src=src, dst=dst, id=0x4321, ttl=63) / TCP(sport=sport, dport=dport, seq=1000,
                                                          flags="S", window=1024)
    b = bytearray(bytes(p))
    if proto is not None:
        b[9] = proto
        b[10:12] = b"\0\0"
        b[10:12] = struct.pack("!H", csum(bytes(b[:20])))
    return bytes(b[:28])


def tcp_opts(opts, flags="S", sport=51000, dport=34567, seq=1000, ack=0, payload=b"",
             window=65535, urg=0, src=C4, dst=S4, hlen=None, v6=False):
    """TCP segment whose options are the raw bytes opts (padded with EOL to a 4-byte bound)."""
    opts = pad4(bytes(opts))
    off = (20 + len(opts)) // 4 if hlen is None else hlen // 4
    seg = TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack, window=window,
              urgptr=urg, dataofs=off, options=[]) / Raw(opts + payload)
    if v6:
        return bytes(Ether(src=MAC_C, dst=MAC_S) / IPv6(src=C6, dst=S6) / seg)
    return bytes(Ether(src=MAC_C, dst=MAC_S) / IP(src=src, dst=dst, id=7) / seg)


def tcp_md5(key, payload=b""):
    """IPv4 TCP segment with a TCP MD5 signature option computed with key (RFC 2385)."""
    import hashlib
    import socket
    blank = tcp_opts(b"\x13\x12" + b"\0" * 16 + b"\x01\x01", flags="PA", seq=77, ack=88,
                     payload=payload)
    seg = blank[14 + 20:]
    pseudo = (socket.inet_aton(C4) + socket.inet_aton(S4) +
              struct.pack("!BBH", 0, 6, len(seg)))
    fixed = seg[:16] + b"\0\0" + seg[18:20]
    sig = hashlib.md5(pseudo + fixed + payload + key).digest()
    return tcp_opts(b"\x13\x12" + sig + b"\x01\x01", flags="PA", seq=77, ack=88,
                    payload=payload)


# ---------------------------------------------------------------- captures

def tcp_exchange(cap, v6, cport, sport, cisn, sisn, req, resp, tsbase, reset=True):
    def pkt(frm_client, flags, seq, ack, payload=b"", opts=None, win=None):
        if v6:
            l3 = IPv6(src=C6 if frm_client else S6, dst=S6 if frm_client else C6, hlim=64)
        else:
            l3 = IP(src=C4 if frm_client else S4, dst=S4 if frm_client else C4, flags="DF",
                    id=(seq & 0xffff))
        e = Ether(src=MAC_C if frm_client else MAC_S, dst=MAC_S if frm_client else MAC_C)
        t = TCP(sport=cport if frm_client else sport, dport=sport if frm_client else cport,
                flags=flags, seq=seq & 0xffffffff, ack=ack & 0xffffffff,
                window=win or (64240 if frm_client else 65160),
                options=opts if opts is not None else
                [("NOP", None), ("NOP", None), ("Timestamp", (tsbase + seq % 97, tsbase))])
        cap.add(e / l3 / t / Raw(payload) if payload else e / l3 / t)

    syn_opts = [("MSS", 1460), ("SAckOK", b""), ("Timestamp", (tsbase, 0)), ("NOP", None),
                ("WScale", 7)]
    c, s = cisn, sisn
    pkt(True, "S", c, 0, opts=syn_opts)
    pkt(False, "SA", s, c + 1, opts=syn_opts[:2] + [("Timestamp", (tsbase + 5, tsbase))] +
        syn_opts[3:])
    c, s = c + 1, s + 1
    pkt(True, "A", c, s)
    pkt(True, "PA", c, s, req)
    pkt(False, "A", s, c + len(req))
    c += len(req)
    pkt(False, "PA", s, c, resp)
    s += len(resp)
    pkt(True, "A", c, s)
    pkt(True, "FA", c, s)
    pkt(False, "A", s, c + 1)
    pkt(False, "FA", s, c + 1)
    pkt(True, "A", c + 1, s + 1)
    if reset:  # a second connection refused with RST,ACK, then a bare RST
        pkt(True, "S", cisn + 5000, 0, opts=syn_opts)
        pkt(False, "RA", 0, cisn + 5001, opts=[], win=0)
        pkt(True, "R", cisn + 5001, 0, opts=[], win=0)


def make_tcp_session(out):
    cap = Capture(start=1262304000)
    req = b"GET /index.html HTTP/1.1\r\nHost: 10.0.0.2\r\nUser-Agent: tcplua-test\r\n\r\n"
    resp = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\n"
            b"Hello, world!")
    tcp_exchange(cap, False, 51000, 80, 1000000000, 3000000000, req, resp, 100)
    tcp_exchange(cap, False, 51001, 34567, 4294967000, 123, b"hello server\n" * 3,
                 bytes(range(256))[:120], 200)  # client sequence wraps past 2^32
    tcp_exchange(cap, True, 51002, 80, 55555, 66666, req, resp, 300, reset=False)
    tcp_exchange(cap, True, 51003, 34567, 7, 8, b"ping\n", b"pong\n", 400)
    cap.write(os.path.join(out, "tcp_session.pcap"))


def make_tcp_flags(out):
    cap = Capture(start=1262390400)
    flags = ["S", "SA", "A", "PA", "FA", "R", "RA", "FPA", "UA", "U", "SE", "SEC", "EA", "CA",
             "ECA", "FSRPAUEC", "", "F", "P", "FSR"]
    for i, f in enumerate(flags):
        urg = 7 if "U" in f else 0
        seq = 1000 + i * 100
        pl = b"data" * 3 if "P" in f or "U" in f else b""
        cap.add(Ether(src=MAC_C, dst=MAC_S) / IP(src=C4, dst=S4, id=i) /
                TCP(sport=51000, dport=34567, flags=f, seq=seq, ack=5000 if "A" in f else 0,
                    window=1024, urgptr=urg) / Raw(pl))
    # urgent pointer set without URG, reserved bits set (incl. the AE/NS bit)
    cap.add(Ether(src=MAC_C, dst=MAC_S) / IP(src=C4, dst=S4, id=99) /
            TCP(sport=51000, dport=34567, flags="A", seq=9000, ack=5000, urgptr=9,
                reserved=0x7))
    cap.add(Ether(src=MAC_C, dst=MAC_S) / IP(src=C4, dst=S4, id=100) /
            TCP(sport=51000, dport=34567, flags=0x1ff, seq=9100, ack=5000, urgptr=1))
    cap.write(os.path.join(out, "tcp_flags.pcap"))


def mp(sub, rest, first=0):
    b = bytes([sub << 4 | first]) + bytes(rest)
    return bytes([30, 2 + len(b)]) + b


def make_tcp_options(out):
    cap = Capture(start=1262476800)
    ts = lambda v, e: b"\x08\x0a" + struct.pack("!II", v, e)
    sack = lambda n: bytes([5, 2 + 8 * n]) + b"".join(
        struct.pack("!II", 2000 + 100 * i, 2050 + 100 * i) for i in range(n))
    key = bytes(range(1, 9))
    opts = [
        ("S", b"\x02\x04\x05\xb4"),                      # mss
        ("S", b"\x01\x01\x01\x03\x03\x0e"),              # nop nop nop wscale 14
        ("S", b"\x02\x04\x05\xb4\x00\x00\x00\x00"),      # mss, eol
        ("S", b"\x04\x02\x01\x01"),                      # sackOK
        ("A", b"\x01\x01" + sack(1)),
        ("A", b"\x01\x01" + sack(2)),
        ("A", b"\x01\x01" + sack(3)),
        ("A", sack(4)),
        ("A", b"\x01\x01" + ts(123456789, 987654321)),
        ("S", b"\x13\x12" + bytes(range(16)) + b"\x01\x01"),  # md5 signature
        ("S", mp(0, b"\x81" + key)),                     # MP_CAPABLE v0 SYN
        ("S", mp(0, b"\x81", first=1)),                  # MP_CAPABLE v1 SYN
        ("A", mp(0, b"\x81" + key + key[::-1])),         # MP_CAPABLE ACK with both keys
        ("S", mp(1, b"\x05" + b"\xaa\xbb\xcc\xdd" + b"\x11\x22\x33\x44", first=1)),  # MP_JOIN
        ("SA", mp(1, b"\x05" + key + b"\x11\x22\x33\x44")),
        ("A", mp(1, b"\x00" + bytes(range(20)))),
        ("A", mp(2, b"\x05" + struct.pack("!IIIHH", 7000, 8000, 1, 100, 0xabcd))),  # DSS
        ("A", mp(2, b"\x1f" + struct.pack("!QQIH", 70000, 80000, 1, 100))),  # DSS 8-byte, FIN
        ("A", mp(3, b"\x07" + bytes([10, 0, 0, 9]), first=4)),  # ADD_ADDR v0 ipv4
        ("A", mp(3, b"\x07" + bytes([10, 0, 0, 9]) + b"\x1f\x90", first=4)),
        ("A", mp(4, b"\x03\x05")),                       # REMOVE_ADDR
        ("A", mp(5, b"\x02", first=1)),                  # MP_PRIO backup
        ("A", mp(6, b"\x00" + struct.pack("!Q", 123456))),  # MP_FAIL
        ("A", mp(7, b"\x00" + key)),                     # MP_FASTCLOSE
        ("A", mp(15, b"\x00\x00")),                      # unknown MPTCP subtype
        ("S", b"\x22\x02"),                              # TFO cookie request
        ("S", b"\x22\x0a" + bytes(range(8))),            # TFO cookie
        ("S", b"\xfe\x04\xf9\x89"),                      # exp-tfo cookie request
        ("S", b"\xfe\x0c\xf9\x89" + bytes(range(8))),    # exp-tfo cookie
        ("S", b"\xfd\x06\x12\x34\x56\x78"),              # experimental, other magic
        ("S", b"\xfe\x02"),                              # experimental, no data
        ("A", b"\x1c\x04\x80\x3c"),                      # user timeout
        ("A", b"\x1d\x08\x01\x02\x03\x04\x05\x06"),      # tcp-ao
        ("A", b"\x0c\x03\x01\x01"),                      # cc (kind 12)
        ("A", b"\x63\x06\xde\xad\xbe\xef"),              # unknown kind 99
        ("A", b"\xc8\x02"),                              # unknown kind 200, no data
        # bad lengths
        ("S", b"\x02\x03\x05\x01"),                      # mss len 3
        ("S", b"\x03\x04\x07\x00"),                      # wscale len 4
        ("A", b"\x08\x08" + b"\0" * 6),                  # TS len 8
        ("A", b"\x05\x05\x00\x00\x00"),                  # sack len 5
        ("A", b"\x05\x02"),                              # sack with no blocks
        ("A", b"\x02\x00\x00\x00"),                      # option length 0
        ("A", b"\x02\x01\x00\x00"),                      # option length 1
        ("A", b"\x01\x02\x28" + b"\x00" * 5),            # length runs past the header
        ("A", b"\x22\x05\x01\x02\x03"),                  # TFO odd cookie length
        ("A", b"\x13\x10" + b"\0" * 14),                 # md5 with wrong length
    ]
    for i, (f, o) in enumerate(opts):
        cap.add(tcp_opts(o, flags=f, seq=1000 + i, ack=5000 if "A" in f else 0))
    # options cut by the header length: TS needs 10 bytes, header leaves 4 / 8
    cap.add(tcp_opts(b"", flags="A", ack=5000, hlen=24, payload=ts(1, 2) + b"\0\0"))
    cap.add(tcp_opts(b"", flags="A", ack=5000, hlen=28, payload=b"\x01\x01" + ts(1, 2)))
    # header length < 20 and header length longer than the segment
    cap.add(tcp_opts(b"", flags="A", ack=5000, hlen=16, payload=b"\0" * 8))
    cap.add(tcp_opts(b"\x01\x01\x01\x01", flags="A", ack=5000, hlen=60))
    # RFC 2385 signatures, for -M secret: one valid, one made with another key
    for key in (b"secret", b"wrong"):
        cap.add(tcp_md5(key, payload=b"signed data"))
    # options with data on port 80, and over IPv6
    cap.add(tcp_opts(b"\x01\x01" + ts(5, 6), flags="PA", dport=80, ack=5000,
                     payload=b"GET / HTTP/1.1\r\n\r\n"))
    cap.add(tcp_opts(b"\x02\x04\x05\x8c\x04\x02\x08\x0a" + struct.pack("!II", 9, 0) +
                     b"\x01\x03\x03\x08", v6=True))
    cap.write(os.path.join(out, "tcp_options.pcap"))


def make_udp(out):
    cap = Capture(start=1262563200)
    E = Ether(src=MAC_C, dst=MAC_S)
    cap.add(E / IP(src=C4, dst=S4, id=1) / UDP(sport=47001, dport=47002) / Raw(b"hello udp"))
    cap.add(E / IP(src=S4, dst=C4, id=2) / UDP(sport=47002, dport=47001) / Raw(b"x" * 100))
    cap.add(E / IP(src=C4, dst=S4, id=3) / UDP(sport=47001, dport=47002))  # empty payload
    cap.add(E / IP(src=C4, dst=S4, id=4) / UDP(sport=47001, dport=47002, len=6) / Raw(b"abcd"))
    cap.add(E / IP(src=C4, dst=S4, id=5) / UDP(sport=47001, dport=47002, len=200) / Raw(b"ab"))
    cap.add(E / IP(src=C4, dst=S4, id=6) / UDP(sport=47001, dport=47002, len=12) / Raw(b"abcdef"))
    cap.add(E / IP(src=C4, dst=S4, id=7) / UDP(sport=47001, dport=47002, chksum=0x1234) /
            Raw(b"bad checksum"))
    cap.add(E / IP(src=C4, dst=S4, id=8) / UDP(sport=47001, dport=47002, chksum=0) /
            Raw(b"no checksum"))
    cap.add(E / IP(src=C4, dst=S4, id=9) / UDP(sport=0, dport=47002) / Raw(b"port zero"))
    cap.add(E / IP(src=C4, dst="255.255.255.255", id=10, ttl=1) /
            UDP(sport=47003, dport=47004) / Raw(b"broadcast"))
    cap.add(E / IPv6(src=C6, dst=S6) / UDP(sport=47001, dport=47002) / Raw(b"hello udp6"))
    cap.add(E / IPv6(src=S6, dst=C6) / UDP(sport=47002, dport=47001))
    cap.add(E / IPv6(src=C6, dst=S6) / UDP(sport=47001, dport=47002, chksum=0xbeef) /
            Raw(b"bad checksum 6"))
    cap.add(E / IPv6(src=C6, dst=S6) / UDP(sport=47001, dport=47002, len=4) / Raw(b"abcd"))
    cap.add(E / IPv6(src=C6, dst=S6) / UDP(sport=47001, dport=47002, len=99) / Raw(b"abcd"))
    cap.add(E / IPv6(src=C6, dst=S6) / UDP(sport=47001, dport=47002, chksum=0) / Raw(b"zero"))
    cap.add(E / IPv6(src="fe80::1", dst="ff02::1", hlim=1) / UDP(sport=47003, dport=47004) /
            Raw(b"mcast"))
    cap.write(os.path.join(out, "udp.pcap"))


def make_icmp(out):
    cap = Capture(start=1262649600)
    R = "192.0.2.254"  # a router reporting errors

    def add(icmpb, src=S4, dst=C4, **kw):
        cap.add(eth(ip4(1, icmpb, src=src, dst=dst, **kw), 0x0800))

    add(icmp4(8, 0, struct.pack("!HH", 0x1234, 1), b"abcdefghijklmnop"), src=C4, dst=S4)
    add(icmp4(0, 0, struct.pack("!HH", 0x1234, 1), b"abcdefghijklmnop"))
    add(icmp4(8, 0, struct.pack("!HH", 0x1234, 2), b"bad cksum", cksum=0xdead), src=C4, dst=S4)
    add(icmp4(8, 3, struct.pack("!HH", 0x1234, 3)), src=C4, dst=S4)  # echo, odd code
    for code in range(16):
        q = quote_tcp() if code in (1, 10, 13) else quote_udp()
        if code == 2:
            q = quote_tcp(proto=200)
        rest = struct.pack("!HH", 0, 1400) if code == 4 else b"\0\0\0\0"
        add(icmp4(3, code, rest, q), src=R)
    add(icmp4(3, 4, b"\0\0\0\0", quote_udp()), src=R)   # frag needed, no mtu (old style)
    add(icmp4(3, 99, b"\0\0\0\0", quote_udp()), src=R)  # unknown unreachable code
    add(icmp4(3, 3, b"\0\0\0\0", quote_udp(n=40)), src=R)  # long quote
    add(icmp4(3, 1, b"\0\0\0\0", bytes(IP(src=C4, dst=S4, id=9, ttl=63) /
                                     TCP(sport=51000, dport=34567, seq=1000, flags="S"))),
        src=R)  # whole TCP header quoted
    add(icmp4(4, 0, b"\0\0\0\0", quote_tcp()), src=R)  # source quench
    for code in range(4):
        add(icmp4(5, code, bytes([10, 0, 0, 254]), quote_tcp()), src=R)
    for code in range(2):
        add(icmp4(11, code, b"\0\0\0\0", quote_udp()), src=R)
    add(icmp4(12, 0, b"\x14\0\0\0", quote_udp()), src=R)
    add(icmp4(12, 1, b"\0\0\0\0", quote_udp()), src=R)
    add(icmp4(12, 2, b"\0\0\0\0", quote_udp()), src=R)
    add(icmp4(13, 0, struct.pack("!HH", 7, 1), struct.pack("!III", 3600000, 0, 0)), C4, S4)
    add(icmp4(14, 0, struct.pack("!HH", 7, 1), struct.pack("!III", 3600000, 3600005, 3600006)))
    add(icmp4(15, 0, struct.pack("!HH", 8, 1)), src=C4, dst=S4)
    add(icmp4(16, 0, struct.pack("!HH", 8, 1)))
    add(icmp4(17, 0, struct.pack("!HH", 9, 1), b"\0\0\0\0"), src=C4, dst=S4)
    add(icmp4(18, 0, struct.pack("!HH", 9, 1), bytes([255, 255, 255, 0])))
    add(icmp4(9, 0, struct.pack("!BBH", 2, 2, 1800),
              bytes([10, 0, 0, 254]) + struct.pack("!i", 10) +
              bytes([10, 0, 0, 253]) + struct.pack("!i", -5)), dst="224.0.0.1")
    add(icmp4(9, 16, struct.pack("!BBH", 0, 2, 0)), dst="224.0.0.1")
    add(icmp4(10, 0, b"\0\0\0\0"), src=C4, dst="224.0.0.2")
    add(icmp4(99, 0, b"\1\2\3\4", b"unknown"), src=C4, dst=S4)
    add(icmp4(40, 1, b"\0\0\0\0", b"photuris"), src=C4, dst=S4)
    cap.write(os.path.join(out, "icmp.pcap"))


def make_icmp6(out):
    cap = Capture(start=1262736000)
    E = lambda: Ether(src=MAC_C, dst=MAC_S)
    LL_C, LL_S, R6 = "fe80::211:22ff:fe33:4401", "fe80::211:22ff:fe33:4402", "2001:db8:ff::1"
    quote = bytes(IPv6(src=C6, dst=S6, hlim=63) / UDP(sport=47001, dport=47002) / Raw(b"q" * 8))
    cap.add(E() / IPv6(src=C6, dst=S6) / ICMPv6EchoRequest(id=0x42, seq=1, data=b"ping6 data"))
    cap.add(E() / IPv6(src=S6, dst=C6) / ICMPv6EchoReply(id=0x42, seq=1, data=b"ping6 data"))
    for code in range(8):
        cap.add(E() / IPv6(src=R6, dst=C6) / ICMPv6DestUnreach(code=code) / Raw(quote))
    cap.add(E() / IPv6(src=R6, dst=C6) / ICMPv6PacketTooBig(mtu=1280) / Raw(quote))
    cap.add(E() / IPv6(src=R6, dst=C6) / ICMPv6TimeExceeded(code=0) / Raw(quote))
    cap.add(E() / IPv6(src=R6, dst=C6) / ICMPv6TimeExceeded(code=1) / Raw(quote))
    for code in range(3):
        cap.add(E() / IPv6(src=R6, dst=C6) / ICMPv6ParamProblem(code=code, ptr=40) / Raw(quote))
    ND = lambda s, d: E() / IPv6(src=s, dst=d, hlim=255)
    cap.add(ND(LL_C, "ff02::1:ff33:4402") / ICMPv6ND_NS(tgt=LL_S) /
            ICMPv6NDOptSrcLLAddr(lladdr=MAC_C))
    cap.add(ND("::", "ff02::1:ff33:4402") / ICMPv6ND_NS(tgt=LL_S))  # DAD, no options
    cap.add(ND(LL_S, LL_C) / ICMPv6ND_NA(tgt=LL_S, R=1, S=1, O=1) /
            ICMPv6NDOptDstLLAddr(lladdr=MAC_S))
    cap.add(ND(LL_S, "ff02::1") / ICMPv6ND_NA(tgt=LL_S, R=0, S=0, O=1))
    cap.add(ND(LL_C, "ff02::2") / ICMPv6ND_RS())
    cap.add(ND(LL_C, "ff02::2") / ICMPv6ND_RS() / ICMPv6NDOptSrcLLAddr(lladdr=MAC_C))
    cap.add(ND(LL_S, "ff02::1") /
            ICMPv6ND_RA(chlim=64, M=1, O=1, routerlifetime=1800, reachabletime=30000,
                        retranstimer=1000) /
            ICMPv6NDOptSrcLLAddr(lladdr=MAC_S) / ICMPv6NDOptMTU(mtu=1500) /
            ICMPv6NDOptPrefixInfo(prefixlen=64, L=1, A=1, validlifetime=86400,
                                  preferredlifetime=14400, prefix="2001:db8:1::"))
    cap.add(ND(LL_S, "ff02::1") / ICMPv6ND_RA(chlim=0, routerlifetime=0))
    cap.add(ND(LL_S, LL_C) / ICMPv6ND_Redirect(tgt="fe80::99", dst="2001:db8:5::5") /
            ICMPv6NDOptDstLLAddr(lladdr="00:11:22:33:44:99") /
            ICMPv6NDOptRedirectedHdr(pkt=IPv6(src=C6, dst="2001:db8:5::5") /
                                     UDP(sport=47001, dport=47002)))
    HBH = IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b"")])
    cap.add(E() / IPv6(src=LL_S, dst="ff02::1", hlim=1) / HBH /
            ICMPv6MLQuery(mrd=10000, mladdr="::"))
    cap.add(E() / IPv6(src=LL_S, dst="ff02::1", hlim=1) / HBH /
            ICMPv6MLQuery(mrd=1000, mladdr="ff05::1:3"))
    cap.add(E() / IPv6(src=LL_C, dst="ff05::1:3", hlim=1) / HBH /
            ICMPv6MLReport(mladdr="ff05::1:3"))
    cap.add(E() / IPv6(src=LL_C, dst="ff02::2", hlim=1) / HBH / ICMPv6MLDone(mladdr="ff05::1:3"))
    cap.add(E() / IPv6(src=LL_C, dst="ff02::16", hlim=1) / HBH /
            ICMPv6MLReport2(records=[
                ICMPv6MLDMultAddrRec(rtype=4, dst="ff05::1:3"),
                ICMPv6MLDMultAddrRec(rtype=1, dst="ff05::1:4", sources=["2001:db8::7",
                                                                        "2001:db8::8"])]))
    cap.add(E() / IPv6(src=C6, dst=S6) / ICMPv6Unknown(type=250, code=3, msgbody=b"unknown"))
    cap.add(E() / IPv6(src=C6, dst=S6) / ICMPv6Unknown(type=127, code=0, msgbody=b"error?"))
    cap.add(E() / IPv6(src=C6, dst=S6) / ICMPv6EchoRequest(id=1, seq=2, cksum=0x1111))
    cap.write(os.path.join(out, "icmp6.pcap"))


def make_arp(out):
    cap = Capture(start=1262822400)
    mac = bytes.fromhex("001122334401")
    cap.add(Ether(src=MAC_C, dst=BCAST) / ARP(op=1, hwsrc=MAC_C, psrc=C4, pdst=S4))
    cap.add(Ether(src=MAC_S, dst=MAC_C) / ARP(op=2, hwsrc=MAC_S, psrc=S4, hwdst=MAC_C, pdst=C4))
    cap.add(bytes(Ether(src=MAC_C, dst=BCAST) / ARP(op=1, hwsrc=MAC_C, psrc=C4, pdst=S4)) +
            b"\0" * 18)  # padded to 60 bytes
    cap.add(Ether(src=MAC_C, dst=BCAST) / ARP(op=1, hwsrc=MAC_C, psrc=C4, pdst=C4))  # gratuitous
    cap.add(Ether(src=MAC_C, dst=BCAST) / ARP(op=2, hwsrc=MAC_C, psrc=C4, hwdst=BCAST, pdst=C4))
    cap.add(Ether(src=MAC_C, dst=BCAST) / ARP(op=1, hwsrc=MAC_C, psrc="0.0.0.0", pdst=C4))  # probe
    cap.add(Ether(src=MAC_C, dst=BCAST, type=0x8035) /
            ARP(op=3, hwsrc=MAC_C, psrc="0.0.0.0", hwdst=MAC_C, pdst="0.0.0.0"))
    cap.add(Ether(src=MAC_S, dst=MAC_C, type=0x8035) /
            ARP(op=4, hwsrc=MAC_S, psrc=S4, hwdst=MAC_C, pdst=C4))
    cap.add(Ether(src=MAC_C, dst=MAC_S) / ARP(op=8, hwsrc=MAC_C, psrc=C4, hwdst=MAC_S,
                                              pdst="0.0.0.0"))  # InARP
    cap.add(Ether(src=MAC_S, dst=MAC_C) / ARP(op=9, hwsrc=MAC_S, psrc=S4, hwdst=MAC_C, pdst=C4))
    cap.add(Ether(src=MAC_C, dst=BCAST) / ARP(op=99, hwsrc=MAC_C, psrc=C4, pdst=S4))
    ip = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
    cap.add(eth(struct.pack("!HHBBH", 6, 0x0800, 6, 4, 1) + mac + ip[0] + b"\0" * 6 + ip[1],
                0x0806, dst=BCAST))  # IEEE 802 hardware type
    cap.add(Ether(src=MAC_C, dst=BCAST) /
            ARP(hwtype=15, hwlen=2, op=1, hwsrc=b"\x04\x01", psrc=C4, hwdst=b"\0\0", pdst=S4))
    cap.add(eth(struct.pack("!HHBBH", 1, 0x86dd, 6, 16, 1) + mac + b"\x20\x01" + b"\0" * 14 +
                b"\0" * 6 + b"\x20\x01" + b"\0" * 13 + b"\x02", 0x0806, dst=BCAST))
    cap.add(Ether(src=MAC_C, dst=BCAST) / ARP(op=1, hwsrc=MAC_C, psrc=C4, pdst=S4), caplen=14 + 7)
    cap.add(Ether(src=MAC_C, dst=BCAST) / ARP(op=1, hwsrc=MAC_C, psrc=C4, pdst=S4), caplen=14 + 20)
    cap.add(Ether(src=MAC_C, dst=BCAST) / ARP(op=2, hwsrc=MAC_C, psrc=C4, pdst=S4), caplen=14 + 26)
    cap.write(os.path.join(out, "arp.pcap"))


def make_ipv4(out):
    cap = Capture(start=1262908800)
    udp = l4(IP(src=C4, dst=S4) / UDP(sport=47001, dport=47002) / Raw(b"payload!"))
    icmp = icmp4(8, 0, struct.pack("!HH", 1, 1), b"opts")

    def add(payload, proto=17, **kw):
        cap.add(eth(ip4(proto, payload, **kw), 0x0800))

    add(udp, opts=b"\x07\x0b\x04" + b"\0" * 8 + b"\x01")                     # RR, 2 slots
    add(udp, opts=b"\x07\x0b\x08\x0a\x00\x00\x01" + b"\0" * 4 + b"\x00")     # RR, one filled
    add(icmp, proto=1, opts=b"\x44\x0c\x05\x00" + struct.pack("!II", 1000, 0))  # TS only
    add(icmp, proto=1, opts=b"\x44\x14\x0d\x01" + bytes([10, 0, 0, 1]) +
        struct.pack("!I", 1000) + b"\0" * 8)                                  # TS + addr
    add(icmp, proto=1, opts=b"\x44\x0c\x05\x33" + bytes([10, 0, 0, 2]) + b"\0" * 4)  # prespec
    add(udp, opts=b"\x83\x0b\x04" + bytes([10, 1, 1, 1, 10, 2, 2, 2]) + b"\x01")  # LSRR
    add(udp, opts=b"\x89\x07\x04" + bytes([10, 3, 3, 3]) + b"\x00")              # SSRR
    add(udp, opts=b"\x94\x04\x00\x00")                                          # router alert
    add(udp, opts=b"\x01\x01\x01\x00")                                          # nop, eol
    add(udp, opts=b"\x01\x94\x04\x00\x00\x00\x00\x00")                          # nop, ra, eol
    add(udp, opts=b"\x82\x0b" + b"\0" * 9 + b"\x00")                            # security
    add(udp, opts=b"\x19\x06\x01\x02\x03\x04")                                  # unknown 25
    add(udp, opts=b"\x07\x01\x00\x00")                                          # bad length 1
    add(udp, opts=b"\x94\x0c\x00\x00")                                          # len past hdr
    add(udp, opts=b"\x94\x03\x00\x00")                                          # RA len 3
    # fragments of one datagram: first (with UDP header), middle, last
    whole = l4(IP(src=C4, dst=S4, proto=17) / UDP(sport=47001, dport=47002) / Raw(b"F" * 40))
    add(whole[:24], ident=0x5555, flags=1, frag=0)
    add(whole[24:40], ident=0x5555, flags=1, frag=3)
    add(whole[40:], ident=0x5555, flags=0, frag=5)
    add(udp, flags=2)                                   # DF
    add(udp, flags=4)                                   # reserved (evil) bit
    add(whole[:16], flags=3, ident=0x6666)              # DF and MF together
    for tos in (0x10, 0x01, 0x02, 0x03, 0xb8, 0xff):
        add(udp, tos=tos)
    for ttl in (0, 1, 128, 255):
        add(udp, ttl=ttl)
    for proto in (200, 253, 255, 99, 0):
        add(b"\xde\xad\xbe\xef" * 3, proto=proto)
    add(bytes(IP(src="10.9.9.1", dst="10.9.9.2") / UDP(sport=47001, dport=47002)), proto=4)
    add(bytes(IPv6(src=C6, dst=S6) / UDP(sport=47001, dport=47002)), proto=41)
    add(udp, version=5)
    add(udp, version=6)
    add(udp, ihl=4)
    add(udp, tot_len=12)
    add(udp, tot_len=200)
    add(udp, cksum=0xbad0)
    add(udp, src="255.255.255.255", dst="224.0.0.251")
    cap.write(os.path.join(out, "ipv4.pcap"))


def make_ipv6(out):
    cap = Capture(start=1262995200)
    E = lambda: Ether(src=MAC_C, dst=MAC_S)
    U = lambda: UDP(sport=47001, dport=47002) / Raw(b"ext hdrs")
    T = lambda: TCP(sport=51000, dport=34567, flags="S", seq=1, window=1024)
    I = lambda: ICMPv6EchoRequest(id=5, seq=5)
    hbh = IPv6ExtHdrHopByHop(options=[PadN(optdata=b"\0\0\0\0")])
    hbh_ra = IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b"")])
    hbh_unknown = IPv6ExtHdrHopByHop(options=[Pad1(), Pad1(), PadN(optdata=b""),
                                              PadN(optdata=b"")])
    rt0 = IPv6ExtHdrRouting(type=0, segleft=2, addresses=["2001:db8:a::1", "2001:db8:b::1"])
    srh = IPv6ExtHdrSegmentRouting(segleft=1, lastentry=1,
                                   addresses=["2001:db8:c::1", "2001:db8:d::1"])
    dst = IPv6ExtHdrDestOpt(options=[PadN(optdata=b"\0\0\0\0")])
    cap.add(E() / IPv6(src=C6, dst=S6) / hbh / U())
    cap.add(E() / IPv6(src=C6, dst=S6) / hbh_ra / T())
    cap.add(E() / IPv6(src=C6, dst=S6) / hbh_unknown / I())
    cap.add(E() / IPv6(src=C6, dst=S6) / rt0 / U())
    cap.add(E() / IPv6(src=C6, dst=S6) / rt0 / T())
    cap.add(E() / IPv6(src=C6, dst=S6) / srh / U())
    cap.add(E() / IPv6(src=C6, dst=S6) / srh / I())
    cap.add(E() / IPv6(src=C6, dst=S6) / dst / U())
    cap.add(E() / IPv6(src=C6, dst=S6) / dst / T())
    cap.add(E() / IPv6(src=C6, dst=S6) / hbh / dst / rt0 / IPv6ExtHdrDestOpt(
        options=[PadN(optdata=b"\0\0\0\0")]) / I())
    whole = bytes(UDP(sport=47001, dport=47002, len=8 + 64, chksum=0x1234) / Raw(b"G" * 64))
    cap.add(E() / IPv6(src=C6, dst=S6) /
            IPv6ExtHdrFragment(nh=17, offset=0, m=1, id=0xabcdef) / Raw(whole[:32]))
    cap.add(E() / IPv6(src=C6, dst=S6) /
            IPv6ExtHdrFragment(nh=17, offset=4, m=1, id=0xabcdef) / Raw(whole[32:64]))
    cap.add(E() / IPv6(src=C6, dst=S6) /
            IPv6ExtHdrFragment(nh=17, offset=8, m=0, id=0xabcdef) / Raw(whole[64:]))
    cap.add(E() / IPv6(src=C6, dst=S6) / hbh /
            IPv6ExtHdrFragment(nh=58, offset=0, m=1, id=7) / Raw(bytes(I())))
    cap.add(E() / IPv6(src=C6, dst=S6, nh=200) / Raw(b"\xde\xad\xbe\xef" * 3))
    cap.add(E() / IPv6(src=C6, dst=S6) / dst / Raw(b"no next"))
    cap.add(E() / IPv6(src=C6, dst=S6, nh=59))  # no next header
    cap.add(E() / IPv6(src=C6, dst=S6, nh=253) / Raw(b"exp"))
    for tc, fl in ((0, 0x12345), (0xb8, 0), (0x03, 0xfffff), (0xff, 1)):
        cap.add(E() / IPv6(src=C6, dst=S6, tc=tc, fl=fl, hlim=(tc + 1) & 255) / U())
    cap.add(E() / IPv6(src="::1", dst="::", hlim=0) / U())
    cap.add(E() / IPv6(src="::ffff:10.0.0.1", dst="64:ff9b::a00:2") / U())
    cap.add(E() / IPv6(src=C6, dst=S6, plen=4) / U())  # payload length too short
    cap.add(E() / IPv6(src=C6, dst=S6, plen=400) / U())  # payload length too long
    cap.add(bytes(E() / IPv6(src=C6, dst=S6) / U()) + b"trailer")
    cap.add(eth(bytes(IPv6(src=C6, dst=S6) / U())[:0] + b"\x40" + bytes(IPv6() / U())[1:],
                0x86dd))  # version 4 in an IPv6 ethertype
    cap.write(os.path.join(out, "ipv6.pcap"))


def sample_packets():
    """A few L3 packets (raw bytes, ethertype) reused by the link-layer captures."""
    return [
        (bytes(IP(src=C4, dst=S4, id=1) / TCP(sport=51000, dport=34567, flags="S", seq=1,
                                              window=1024)), 0x0800),
        (bytes(IP(src=S4, dst=C4, id=2) / UDP(sport=47002, dport=47001) / Raw(b"udp")), 0x0800),
        (bytes(IPv6(src=C6, dst=S6) / ICMPv6EchoRequest(id=1, seq=1)), 0x86dd),
        (bytes(ARP(op=1, hwsrc=MAC_C, psrc=C4, pdst=S4)), 0x0806),
    ]


def make_link(out):
    cap = Capture(start=1263081600)
    for l3, et in sample_packets():
        cap.add(eth(l3, et))
    ip = sample_packets()[1][0]
    cap.add(eth(ip, 0x0800, dst=BCAST))
    cap.add(eth(ip, 0x0800, dst="01:00:5e:00:00:fb"))
    cap.add(eth(ip, 0x0800, src="02:00:00:00:00:01", dst="33:33:00:00:00:01"))
    cap.add(eth(ip + b"\0" * 10, 0x0800))  # Ethernet trailer after the IP datagram
    # 802.3 length field + LLC
    snap = bytes(LLC(dsap=0xaa, ssap=0xaa, ctrl=3) / SNAP(OUI=0, code=0x0800)) + ip
    cap.add(eth(snap, len(snap)))
    llc = bytes(LLC(dsap=0x80, ssap=0x80, ctrl=3)) + b"unknown sap data"
    cap.add(eth(llc, len(llc)))
    cap.add(eth(llc + b"\0" * 20, len(llc)))  # padded 802.3 frame
    cap.add(eth(bytes(LLC(dsap=0xaa, ssap=0xaa, ctrl=3) / SNAP(OUI=0x123456, code=0x1234)) +
                b"oui", 14))
    # unknown ethertypes
    cap.add(eth(b"experimental payload", 0x88b5))
    cap.add(eth(b"odd", 0x1234))
    cap.add(eth(b"between length and type", 0x05ee))
    cap.add(eth(b"", 0x88b6))
    cap.write(os.path.join(out, "link.pcap"))


def make_link_vlan(out):
    cap = Capture(start=1263168000)
    for l3, et in sample_packets():
        cap.add(Ether(src=MAC_C, dst=MAC_S) / Dot1Q(vlan=100, prio=3, type=et) / Raw(l3))
    ip = sample_packets()[0][0]
    cap.add(Ether(src=MAC_C, dst=MAC_S) / Dot1Q(vlan=0, prio=5, type=0x0800) / Raw(ip))
    cap.add(Ether(src=MAC_C, dst=MAC_S) / Dot1Q(vlan=4095, prio=7, id=1, type=0x0800) / Raw(ip))
    cap.add(Ether(src=MAC_C, dst=MAC_S, type=0x88a8) / Dot1Q(vlan=200, type=0x8100) /
            Dot1Q(vlan=100, type=0x0800) / Raw(ip))
    cap.add(Ether(src=MAC_C, dst=MAC_S, type=0x88a8) / Dot1Q(vlan=200, type=0x8100) /
            Dot1Q(vlan=100, type=0x86dd) / Raw(sample_packets()[2][0]))
    cap.add(Ether(src=MAC_C, dst=MAC_S, type=0x9100) / Dot1Q(vlan=300, type=0x8100) /
            Dot1Q(vlan=30, type=0x0800) / Raw(ip))
    cap.add(Ether(src=MAC_C, dst=MAC_S) / Dot1Q(vlan=10, type=0x88b5) / Raw(b"unknown"))
    cap.add(Ether(src=MAC_C, dst=MAC_S) / Dot1Q(vlan=10, type=20) /
            Raw(bytes(LLC(dsap=0x80, ssap=0x80, ctrl=3)) + b"len-field"))
    cap.write(os.path.join(out, "link_vlan.pcap"))


def make_sll(out):
    cap = Capture(LINKTYPE_LINUX_SLL, start=1263254400)
    cap2 = Capture(LINKTYPE_LINUX_SLL2, start=1263254400)
    mac = bytes.fromhex("001122334401")
    pk = sample_packets()
    rows = [(0, 1, 6, pk[0]), (4, 1, 6, pk[1]), (1, 1, 6, pk[3]), (2, 1, 6, pk[2]),
            (3, 1, 6, pk[0]), (4, 772, 0, pk[1]), (0, 65534, 0, pk[0]), (9, 1, 6, pk[0]),
            (0, 1, 8, pk[1]), (0, 1, 6, (b"unknown proto", 0x88b5)),
            (0, 1, 6, (bytes(LLC(dsap=0x80, ssap=0x80, ctrl=3)) + b"llc", 4)),
            (0, 1, 6, (b"\xff\xff" + b"novell raw", 1))]
    for i, (ptype, hatype, alen, (l3, proto)) in enumerate(rows):
        addr = (mac + b"\xaa\xbb")[:alen].ljust(8, b"\0")
        cap.add(struct.pack("!HHH8sH", ptype, hatype, alen, addr, proto) + l3)
        ifindex = (1, 1000, 3000000000)[i % 3]
        cap2.add(struct.pack("!HHIHBB8s", proto, 0, ifindex, hatype, ptype, alen, addr) + l3)
    cap.add(struct.pack("!HHH8sH", 0, 1, 6, mac, 0x0800) + pk[0][0], caplen=10)
    cap2.add(struct.pack("!HHIHBB8s", 0x0800, 0, 1000, 1, 0, 6, mac) + pk[0][0], caplen=12)
    cap.write(os.path.join(out, "link_sll.pcap"))
    cap2.write(os.path.join(out, "link_sll2.pcap"))


def make_null_loop_raw(out):
    pk = sample_packets()
    v4, v6 = pk[0][0], pk[2][0]
    for name, lt, fmt in (("link_null.pcap", LINKTYPE_NULL, "<I"),
                          ("link_loop.pcap", LINKTYPE_LOOP, "!I")):
        cap = Capture(lt, start=1263340800)
        for fam, l3 in ((2, v4), (24, v6), (28, v6), (30, v6), (2, pk[1][0]), (99, v4),
                        (0, b"zero")):
            cap.add(struct.pack(fmt, fam) + l3)
        cap.add(struct.pack(fmt, 2) + v4, caplen=3)
        cap.write(os.path.join(out, name))
    cap = Capture(LINKTYPE_RAW, start=1263340800)
    for l3 in (v4, v6, pk[1][0], b"\x00\x01\x02\x03 version zero", b"\x50" + v4[1:]):
        cap.add(l3)
    cap.add(v4, caplen=10)
    cap.write(os.path.join(out, "link_raw.pcap"))


def make_truncated(out):
    cap = Capture(start=1263427200)
    E = Ether(src=MAC_C, dst=MAC_S)
    tcp = bytes(E / IP(src=C4, dst=S4, id=1) /
                TCP(sport=51000, dport=34567, flags="S", seq=1, window=1024,
                    options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1, 0)),
                             ("NOP", None), ("WScale", 7)]))
    for n in (6, 12, 13, 14, 15, 24, 33, 34, 40, 53, 54, 56, 60, 64, 70, 73):
        cap.add(tcp, caplen=n)
    http = bytes(E / IP(src=C4, dst=S4, id=2) / TCP(sport=51000, dport=80, flags="PA", seq=1,
                                                    ack=1, window=1024) /
                 Raw(b"GET /a/long/path HTTP/1.1\r\nHost: x\r\n\r\n"))
    cap.add(http, caplen=64)
    ipopt = eth(ip4(17, l4(IP(src=C4, dst=S4) / UDP(sport=47001, dport=47002) / Raw(b"u")),
                    opts=b"\x07\x0b\x04" + b"\0" * 8 + b"\x01"), 0x0800)
    for n in (36, 40, 47):
        cap.add(ipopt, caplen=n)
    udp = bytes(E / IP(src=C4, dst=S4, id=3) / UDP(sport=47001, dport=47002) / Raw(b"udp data"))
    for n in (38, 41, 45):
        cap.add(udp, caplen=n)
    unreach = eth(ip4(1, icmp4(3, 3, b"\0\0\0\0", quote_udp()), src=S4, dst=C4), 0x0800)
    for n in (36, 40, 45, 55, 60, 66):
        cap.add(unreach, caplen=n)
    echo = eth(ip4(1, icmp4(8, 0, b"\0\1\0\1", b"abcdefgh")), 0x0800)
    cap.add(echo, caplen=40)
    arp = bytes(Ether(src=MAC_C, dst=BCAST) / ARP(op=1, hwsrc=MAC_C, psrc=C4, pdst=S4))
    for n in (16, 22, 30, 38):
        cap.add(arp, caplen=n)
    v6 = bytes(E / IPv6(src=C6, dst=S6) / IPv6ExtHdrHopByHop(options=[PadN(optdata=b"\0" * 4)]) /
               TCP(sport=51000, dport=34567, flags="S", seq=1, window=1024))
    for n in (20, 40, 54, 58, 64, 80):
        cap.add(v6, caplen=n)
    icmp6 = bytes(E / IPv6(src=C6, dst=S6) / ICMPv6ND_NS(tgt=S6) /
                  ICMPv6NDOptSrcLLAddr(lladdr=MAC_C))
    for n in (56, 60, 70, 80):
        cap.add(icmp6, caplen=n)
    vlan = bytes(E / Dot1Q(vlan=5) / IP(src=C4, dst=S4) / UDP(sport=47001, dport=47002))
    cap.add(vlan, caplen=16)
    cap.add(vlan, caplen=25)
    cap.write(os.path.join(out, "truncated.pcap"))
    # A capture taken with -s 96: every record cut at the global snap length.
    snap = Capture(start=1263430000, snaplen=96)
    for data in (tcp, http, udp, unreach, v6, icmp6, arp):
        snap.add(data + b"\0" * 60 if len(data) < 96 else data, caplen=96)
    snap.write(os.path.join(out, "snap96.pcap"))


def make_pcapng(out):
    pk = sample_packets()
    eth_pkts = [eth(l3, et) for l3, et in pk]
    base = 1263513600 * 1000000 + 5
    pkts = [(0, base + i * 250001, p, len(p)) for i, p in enumerate(eth_pkts + eth_pkts)]
    pkts.append((0, base + 3000000, eth_pkts[0][:30], len(eth_pkts[0])))
    write_pcapng(os.path.join(out, "pcapng.pcapng"), [(1, 262144, 6, "eth0")], pkts)
    # Two interfaces of different link types: Ethernet and raw IP.
    pkts = [(0, base + i * 1000, eth(l3, et), len(l3) + 14) for i, (l3, et) in enumerate(pk)]
    pkts += [(1, base + i * 1000 + 500, l3, len(l3)) for i, (l3, et) in enumerate(pk[:3])]
    write_pcapng(os.path.join(out, "pcapng_2if.pcapng"),
                 [(1, 262144, 6, "eth0"), (101, 65535, 6, "tun0")], pkts)
    # Two Ethernet interfaces, the second with nanosecond time stamps.
    pkts = [(0, base, eth_pkts[0], len(eth_pkts[0])),
            (1, base * 1000 + 123456789 % 1000, eth_pkts[1], len(eth_pkts[1])),
            (0, base + 7, eth_pkts[2], len(eth_pkts[2])),
            (1, (base + 9) * 1000 + 999, eth_pkts[3], len(eth_pkts[3]))]
    write_pcapng(os.path.join(out, "pcapng_nsec.pcapng"),
                 [(1, 262144, 6, "eth0"), (1, 262144, 9, "eth1")], pkts)
    # The same kind of data in a nanosecond-resolution classic pcap.
    cap = Capture(start=1263513600)
    for p in eth_pkts:
        cap.add(p)
    cap.write(os.path.join(out, "pcap_nsec.pcap"), nsec=True)


def make_lab_session(out):
    """The handout session of the lab exercise (EXERCISE.md), field for field."""
    base = calendar.timegm((2000, 1, 1, 21, 19, 0))
    usec = lambda s, u: (base + s) * 1000000 + u
    CL, SV = "192.0.2.10", "198.51.100.20"
    MCL, MSV = "00:a0:24:12:34:56", "00:e0:1e:65:43:21"
    c0, s0 = 3898758850, 3317888770
    req = (b"GET / HTTP/1.0\r\n"
           b"Accept: image/gif, image/x-xbitmap, image/jpeg, image/pjpeg, */*\r\n"
           b"Accept-Language: ja\r\n"
           b"User-Agent: Mozilla/4.0 (compatible; MSIE 5.01; Windows 98)\r\n"
           b"Host: www.google.com\r\n"
           b"Connection: Keep-Alive\r\n")
    req += b"Referer: http://tsuji/\r\n"
    req += b"X-Pad: " + b"p" * (345 - len(req) - 11) + b"\r\n\r\n"
    resp = (b"HTTP/1.0 200 OK\r\n"
            b"Server: GWS/1.10\r\n"
            b"Date: Sat, 01 Jan 2000 12:19:27 GMT\r\n"
            b"Content-Type: text/html\r\n"
            b"Content-Length: 1506\r\n"
            b"Set-Cookie: PREF=ID=0; path=/\r\n\r\n")
    resp += b"<html><head>"[:183 - len(resp)]
    resp = resp.ljust(183, b" ")
    assert len(req) == 345 and len(resp) == 183, (len(req), len(resp))
    cap = Capture()
    rows = [
        (usec(27, 445117), True, "S", c0, 0, 16384, b"", 0x1a2b),
        (usec(27, 706707), False, "SA", s0, c0 + 1, 32120, b"", 0x7c01),
        (usec(27, 706813), True, "A", c0 + 1, s0 + 1, 17520, b"", 0x1a2c),
        (usec(27, 723972), True, "PA", c0 + 1, s0 + 1, 17520, req, 0x1a2d),
        (usec(27, 977446), False, "PA", s0 + 1, c0 + 346, 32120, resp, 0x7c02),
        (usec(37, 982740), False, "FA", s0 + 1690, c0 + 346, 32120, b"", 0x7c09),
        (usec(37, 982849), True, "A", c0 + 346, s0 + 1691, 17520, b"", 0x1a31),
    ]
    for ts, cli, flags, seq, ack, win, data, ident in rows:
        opts = [("MSS", 1460)] if "S" in flags else []
        p = (Ether(src=MCL if cli else MSV, dst=MSV if cli else MCL) /
             IP(src=CL if cli else SV, dst=SV if cli else CL, flags="DF", id=ident,
                ttl=128 if cli else 49) /
             TCP(sport=4376 if cli else 80, dport=80 if cli else 4376, flags=flags,
                 seq=seq, ack=ack, window=win, options=opts))
        cap.add(p / Raw(data) if data else p, ts=ts)
    cap.write(os.path.join(out, "lab_session.pcap"))


def make_broken_files(out):
    """Inputs for the error cases: not a capture, cut mid-record, cut inside the header."""
    with open(os.path.join(out, "not_a_pcap.pcap"), "wb") as f:
        f.write(b"This is a text file, not a packet capture.\n" * 4)
    with open(os.path.join(out, "empty_file.pcap"), "wb"):
        pass
    cap = Capture(start=1263600000)
    for l3, et in sample_packets():
        cap.add(eth(l3, et))
    whole = cap.pcap_bytes()
    with open(os.path.join(out, "truncated_file.pcap"), "wb") as f:
        f.write(whole[:-20])                  # last record's data cut short
    with open(os.path.join(out, "truncated_record_header.pcap"), "wb") as f:
        f.write(whole[:24 + 16 + len(cap.recs[0][1]) + 9])  # cut inside a record header
    with open(os.path.join(out, "short_header.pcap"), "wb") as f:
        f.write(whole[:10])
    with open(os.path.join(out, "no_packets.pcap"), "wb") as f:
        f.write(whole[:24])
    bad = bytearray(whole[:24 + 16 + len(cap.recs[0][1])])
    struct.pack_into("<I", bad, 24 + 8, 300000)  # caplen far above the snap length
    with open(os.path.join(out, "huge_caplen.pcap"), "wb") as f:
        f.write(bytes(bad))
    # link types tcpdump has no printer for (USER0) and does not know at all (9999)
    for name, lt in (("linktype_user0.pcap", 147), ("linktype_9999.pcap", 9999)):
        odd = bytearray(whole[:24 + 2 * 16 + len(cap.recs[0][1]) + len(cap.recs[1][1])])
        struct.pack_into("<I", odd, 20, lt)
        with open(os.path.join(out, name), "wb") as f:
            f.write(bytes(odd))


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: make_captures.py OUTDIR\n")
        return 2
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for make in (make_tcp_session, make_tcp_flags, make_tcp_options, make_udp, make_icmp,
                 make_icmp6, make_arp, make_ipv4, make_ipv6, make_link, make_link_vlan,
                 make_sll, make_null_loop_raw, make_truncated, make_pcapng, make_lab_session,
                 make_broken_files):
        make(out)
    import dns_caps  # DNS captures (dns.pcap)
    dns_caps.make_dns(out, Capture)
    # protocol modules: tests/captures/proto_*.py, each with make(out, Capture)
    import glob
    import importlib
    here = os.path.dirname(os.path.abspath(__file__))
    for path in sorted(glob.glob(os.path.join(here, "proto_*.py"))):
        importlib.import_module(os.path.basename(path)[:-3]).make(out, Capture)
    return 0


if __name__ == "__main__":
    sys.exit(main())
