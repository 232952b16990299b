#!/usr/bin/python3
# DNS captures for the tcpdump comparison tests (dns.pcap): queries and responses over UDP
# and TCP on ports 53, 5353 (mDNS) and 5355 (LLMNR); every record type tcpdump decodes,
# EDNS0 options, flags and counts, compression pointers, bad labels and cut packets.
# The DNS messages are built as raw bytes, so that malformed ones are possible.
import os
import struct

from scapy.packet import Raw
from scapy.layers.l2 import Ether
from scapy.layers.inet import IP, TCP, UDP, ICMP
from scapy.layers.inet6 import IPv6

MAC_C, MAC_S = "00:11:22:33:44:01", "00:11:22:33:44:02"
C4, S4 = "10.0.0.1", "10.0.0.2"
C6, S6 = "2001:db8::1", "2001:db8::2"

# types and classes
A, NS, CNAME, SOA, NULL, WKS, PTR, HINFO, MX, TXT = 1, 2, 5, 6, 10, 11, 12, 13, 15, 16
AAAA, SRV, A6, DNAME, OPT, DS, RRSIG, NSEC, DNSKEY = 28, 33, 38, 39, 41, 43, 46, 47, 48
NSEC3, TSIG, URI, CAA, ANY = 50, 250, 256, 257, 255
IN, CH = 1, 3


def name(s):
    """Wire form of a dotted name (no compression)."""
    out = b""
    for lab in s.split("."):
        if lab:
            out += bytes([len(lab)]) + lab.encode("latin-1")
    return out + b"\0"


def ptr(off):
    return struct.pack("!H", 0xc000 | off)


def hdr(ident, flags, qd=1, an=0, ns=0, ar=0):
    return struct.pack("!HHHHHH", ident, flags, qd, an, ns, ar)


def q(n, t=A, c=IN):
    return (name(n) if isinstance(n, str) else n) + struct.pack("!HH", t, c)


def rr(n, t, rdata, c=IN, ttl=3600):
    return ((name(n) if isinstance(n, str) else n) + struct.pack("!HHIH", t, c, ttl, len(rdata))
            + rdata)


def opt(size=4096, ext=0, ver=0, do=False, opts=b""):
    return b"\0" + struct.pack("!HHBBHH", OPT, size, ext, ver, 0x8000 if do else 0, len(opts)) + opts


def eo(code, data):
    return struct.pack("!HH", code, len(data)) + data


def ip4(b):
    return bytes(b[0:4])


def ip6(s):
    import socket
    return socket.inet_pton(socket.AF_INET6, s)


def soa(mname, rname, serial=2024010101, refresh=7200, retry=3600, expire=1209600, minimum=300):
    return name(mname) + name(rname) + struct.pack("!IIIII", serial, refresh, retry, expire,
                                                   minimum)


QR, AA, TC, RD, RA, AD, CD = 0x8000, 0x0400, 0x0200, 0x0100, 0x0080, 0x0020, 0x0010


def make_dns(out, Capture):
    cap = Capture(start=1263000000)

    def udp(msg, sport=40000, dport=53, v6=False, src=None, dst=None, caplen=None, ulen=None):
        resp = sport in (53, 5353, 5355) and dport not in (53, 5353, 5355)
        if v6:
            l3 = IPv6(src=src or (S6 if resp else C6), dst=dst or (C6 if resp else S6))
        else:
            l3 = IP(src=src or (S4 if resp else C4), dst=dst or (C4 if resp else S4), id=0x100)
        u = UDP(sport=sport, dport=dport) if ulen is None else UDP(sport=sport, dport=dport,
                                                                     len=ulen)
        cap.add(Ether(src=MAC_C, dst=MAC_S) / l3 / u / Raw(msg), caplen=caplen)

    def tcp(payload, sport=41000, dport=53, seq=1000, ack=2000, caplen=None, v6=False):
        l3 = IPv6(src=C6, dst=S6) if v6 else IP(src=C4, dst=S4, id=0x200)
        if sport == 53:
            l3 = IPv6(src=S6, dst=C6) if v6 else IP(src=S4, dst=C4, id=0x201)
        cap.add(Ether(src=MAC_C, dst=MAC_S) / l3 /
                TCP(sport=sport, dport=dport, flags="PA", seq=seq, ack=ack, window=502) /
                Raw(payload), caplen=caplen)

    ex = q("www.example.com")  # at offset 12; "example.com" at 16
    # 1-2 plain A query and answer with CNAME and compression
    udp(hdr(0x1234, RD) + ex)
    udp(hdr(0x1234, QR | RD | RA, an=2) + ex +
        rr(ptr(12), CNAME, b"\3web" + ptr(16), ttl=300) +
        rr(ptr(45), A, bytes([93, 184, 216, 34]), ttl=86400), sport=53, dport=40000)
    # 3-4 AAAA over IPv6
    udp(hdr(0x2222, RD) + q("example.com", AAAA), v6=True)
    udp(hdr(0x2222, QR | RD | RA, an=2) + q("example.com", AAAA) +
        rr(ptr(12), AAAA, ip6("2606:2800:220:1:248:1893:25c8:1946")) +
        rr(ptr(12), AAAA, ip6("::ffff:1.2.3.4"), ttl=0), sport=53, dport=40000, v6=True)
    # 5 NXDomain with SOA in the authority section, authoritative
    udp(hdr(0x3333, QR | AA | RD | RA, ns=1) + q("nope.example.com") +
        rr(ptr(17), SOA, soa("ns1.example.com", "hostmaster.example.com"), ttl=900),
        sport=53, dport=40000)
    bad = bytearray(cap.recs[-1][1])
    # 6 MX response with NS and glue
    udp(hdr(0x4444, QR | RD | RA, an=2, ns=1, ar=2) + q("example.com", MX) +
        rr(ptr(12), MX, struct.pack("!H", 10) + b"\4mail" + ptr(12)) +
        rr(ptr(12), MX, struct.pack("!H", 20) + name("mx2.example.net")) +
        rr(ptr(12), NS, b"\3ns1" + ptr(12), ttl=172800) +
        rr(name("ns1.example.com"), A, bytes([192, 0, 2, 53])) +
        rr(name("ns1.example.com"), AAAA, ip6("2001:db8::53")), sport=53, dport=40000)
    # 7-8 PTR
    rev = "34.216.184.93.in-addr.arpa"
    udp(hdr(0x5555, RD) + q(rev, PTR))
    udp(hdr(0x5555, QR | RD | RA, an=1) + q(rev, PTR) + rr(ptr(12), PTR, name("example.com")),
        sport=53, dport=40000)
    # 9 TXT: several strings, empty, unprintable bytes
    udp(hdr(0x6666, QR | RD | RA, an=2) + q("example.com", TXT) +
        rr(ptr(12), TXT, b"\x0cv=spf1 -all\x00\x05a\"b c") +
        rr(ptr(12), TXT, b"\x06\x01\x7f\x80\xff\n\t"), sport=53, dport=40000)
    # 10 SRV
    udp(hdr(0x7777, QR | RD | RA, an=1) + q("_sip._tcp.example.com", SRV) +
        rr(ptr(12), SRV, struct.pack("!HHH", 10, 60, 5060) + name("sip.example.com")),
        sport=53, dport=40000)
    # 11 query with EDNS0: DO bit, cookie
    udp(hdr(0x8888, RD | AD, ar=1) + ex +
        opt(1232, do=True, opts=eo(10, bytes(range(1, 9)))))
    # 12 EDNS0 option zoo
    opts = (eo(8, struct.pack("!HBB", 1, 24, 0) + bytes([192, 0, 2])) +
            eo(8, struct.pack("!HBB", 2, 56, 0) + ip6("2001:db8:1:2::")[:7]) +
            eo(8, struct.pack("!HBB", 3, 8, 0) + b"\1") +
            eo(8, struct.pack("!HBB", 1, 24, 0) + bytes([192, 0])) +
            eo(8, b"\0\1") +
            eo(10, bytes(range(24))) + eo(10, bytes(10)) +
            eo(11, struct.pack("!H", 1234)) + eo(11, b"\1") +
            eo(9, struct.pack("!I", 3600)) + eo(9, b"\0\0") +
            eo(12, bytes(20)) + eo(14, struct.pack("!HHH", 20326, 19036, 1)) + eo(14, b"\1\2\3") +
            eo(5, bytes([5, 8, 13, 15, 99])) + eo(6, bytes([1, 2, 4, 7])) + eo(7, bytes([1, 2])) +
            eo(3, b"ns1.lab") + eo(13, name("example.com")) + eo(0, b"") + eo(1, b"\1\2") +
            eo(2, b"\0\0\0\1") + eo(65001, b"\xab\xcd") + eo(15, b"") + eo(16, b""))
    udp(hdr(0x9999, RD, ar=1) + ex + opt(4096, opts=opts))
    # 13 response with extended rcode (BADVERS) and OPT of class 512
    udp(hdr(0x9999, QR | RD | RA, ar=1) + ex + opt(512, ext=1, ver=1), sport=53, dport=40000)
    # 14 DNSSEC records and others tcpdump only names
    dnskey = struct.pack("!HBB", 257, 3, 8) + bytes(range(32))
    rrsig = (struct.pack("!HBBIIIH", A, 8, 2, 3600, 1700000000, 1690000000, 12345) +
             name("example.com") + bytes(64))
    udp(hdr(0xaaaa, QR | RD | RA | AD, an=6, ar=1) + q("example.com", ANY) +
        rr(ptr(12), DS, struct.pack("!HBB", 370, 13, 2) + bytes(32)) +
        rr(ptr(12), RRSIG, rrsig) + rr(ptr(12), DNSKEY, dnskey) +
        rr(ptr(12), NSEC, name("a.example.com") + b"\0\6\x40\0\0\0\0\3") +
        rr(ptr(12), NSEC3, b"\1\0\0\x0a\x04\xaa\xbb\xcc\xdd\x02\x01\x02\0\1\x40") +
        rr(ptr(12), CAA, b"\0\x05issueletsencrypt.org") +
        opt(1232, do=True), sport=53, dport=40000)
    # 15 types and classes: unknown type, CHAOS, class 5, ANY class, HINFO, NULL, WKS, A6, URI
    udp(hdr(0xbbbb, 0, qd=3) + q("version.bind", TXT, CH) + q("x.example", 65280, 5) +
        q("y.example", 99, 255))
    udp(hdr(0xbbbb, QR | AA, qd=1, an=8) + q("version.bind", TXT, CH) +
        rr(ptr(12), TXT, b"\x059.9.9", c=CH) +
        rr(ptr(12), 65280, b"\1\2\3", c=4) +
        rr(ptr(12), HINFO, b"\3CPU\2OS") + rr(ptr(12), NULL, b"") +
        rr(ptr(12), WKS, bytes([10, 0, 0, 1, 6, 0x40])) +
        rr(ptr(12), A6, bytes([64]) + bytes(range(8)) + name("pfx.example")) +
        rr(ptr(12), A6, bytes([0]) + ip6("2001:db8::a6")) +
        rr(ptr(12), URI, struct.pack("!HH", 10, 1) + b"ftp://ftp1.example.com/public"),
        sport=53, dport=40000)
    # 17 flags: opcodes, rcodes, TC, no RA, CD/AD, odd bits
    for op, rc in ((1, 0), (2, 2), (4, 5), (5, 4), (6, 1), (15, 11), (0, 15), (9, 9), (3, 6)):
        udp(hdr(0xc000 + op * 16 + rc, QR | op << 11 | rc | TC | CD | AD) + ex,
            sport=53, dport=40000)
    udp(hdr(0xc100, RD | CD | AD | 0x0040) + ex)  # Z bit in a query
    udp(hdr(0xc101, 1 << 11 | RD, qd=0, an=1) + rr(name("a.example"), A, b"\1\2\3\4"))  # IQUERY
    udp(hdr(0xc102, 1 << 11, qd=2, an=3) + ex + ex)
    udp(hdr(0xc103, 4 << 11 | AA, qd=1, an=1) + q("example.com", SOA) +
        rr(ptr(12), SOA, soa("ns.example.com", "root.example.com")))  # NOTIFY
    udp(hdr(0xc104, 5 << 11, qd=1, an=0, ns=2, ar=1) + q("example.com", SOA) +
        rr(name("new.example.com"), A, b"\5\6\7\x08", ttl=60) +
        rr(name("old.example.com"), ANY, b"", c=255, ttl=0) +
        rr(name("key.example"), TSIG, name("hmac-sha256") + struct.pack("!HIHH", 0, 1700000000,
                                                                          300, 4) +
           b"\xde\xad\xbe\xef" + struct.pack("!HHH", 0xc104, 0, 0), c=255, ttl=0))  # UPDATE
    udp(hdr(0xc105, RD, qd=0))  # no question
    udp(hdr(0xc106, QR | RA, qd=0))
    udp(hdr(0xc107, QR | RA, qd=2, an=1) + ex + q("example.org", AAAA) +
        rr(ptr(12), A, b"\1\1\1\1"), sport=53, dport=40000)
    # 27 -vv queries that carry answer/authority/additional sections
    udp(hdr(0xc108, RD, an=1, ns=1, ar=1) + ex + rr(ptr(12), A, b"\1\2\3\4") +
        rr(ptr(16), NS, name("ns.example.com")) + rr(name("ns.example.com"), A, b"\4\3\2\1"))
    # compression: loops, forward pointers, bad labels, long names
    udp(hdr(0xd000, RD) + ptr(12) + struct.pack("!HH", A, IN))  # points at itself
    udp(hdr(0xd001, RD) + b"\3abc" + ptr(12) + struct.pack("!HH", A, IN))  # loop via a label
    udp(hdr(0xd002, RD) + ptr(40) + struct.pack("!HH", A, IN) + b"\0" * 30)  # forward
    udp(hdr(0xd003, QR | RA, an=1) + ex + rr(ptr(12), CNAME, b"\3abc" + ptr(45)),
        sport=53, dport=40000)  # rdata points to itself
    udp(hdr(0xd004, RD) + b"\3abc\x80xyz\0" + struct.pack("!HH", A, IN))  # reserved label type
    udp(hdr(0xd005, RD) + b"\3abc\x41\x0c\xab\xc0\0" + struct.pack("!HH", A, IN))  # bit label
    udp(hdr(0xd006, RD) + b"\x42\x05abcde\0" + struct.pack("!HH", A, IN))  # unknown ELT
    udp(hdr(0xd007, RD) + b"\x41\x00" + bytes(32) + b"\0" + struct.pack("!HH", A, IN))
    udp(hdr(0xd008, RD) + b"\x41\x03\xe0\x41\x14\x12\x34\x50\0" + struct.pack("!HH", A, IN))
    udp(hdr(0xd009, RD) + b"\x3f" + b"a" * 63 + b"\x3f" + b"b" * 63 + b"\x3f" + b"c" * 63 +
        b"\x3f" + b"d" * 63 + b"\x3f" + b"e" * 63 + b"\0" + struct.pack("!HH", A, IN))
    udp(hdr(0xd00a, RD) + b"\x04a.b\x00\x05\xc3\xa9\x01\x7f " +
        b"\x03com\0" + struct.pack("!HH", A, IN))
    udp(hdr(0xd00b, RD) + b"\x01." + b"\0" + struct.pack("!HH", A, IN))
    udp(hdr(0xd00c, QR | RA, an=1) + b"\0" + struct.pack("!HH", NS, IN) +
        rr(b"\0", NS, b"\0"), sport=53, dport=40000)  # root
    # cut packets
    resp2 = bytes(cap.recs[1][1])
    for n in (14 + 20 + 8 + 5, 14 + 20 + 8 + 12, 14 + 20 + 8 + 20, 14 + 20 + 8 + 33,
              14 + 20 + 8 + 40, 14 + 20 + 8 + 47, 14 + 20 + 8 + 60, len(resp2) - 2):
        cap.add(resp2, caplen=n)
    cap.add(bad, caplen=len(bad) - 10)
    udp(hdr(0xe000, QR | RA, an=3) + ex + rr(ptr(12), A, b"\1\2\3\4"),
        sport=53, dport=40000)  # fewer answers than counted
    udp(hdr(0xe001, RD, qd=2) + ex)  # fewer questions than counted
    udp(hdr(0xe002, QR | RA, an=1) + ex + rr(ptr(12), A, b"\1\2\3"),
        sport=53, dport=40000)  # short A rdata
    udp(hdr(0xe003, QR | RA, an=1) + ex + rr(ptr(12), A, b"\1\2\3\4\5\6"),
        sport=53, dport=40000)  # long A rdata
    udp(hdr(0xe004, QR | RA, an=1) + ex + ptr(12) + struct.pack("!HHIH", A, IN, 1, 50) + b"\1\2",
        sport=53, dport=40000)  # rdlength past the end
    udp(b"\x12\x34\x01\x00\0\1", dport=53)  # shorter than a header
    udp(b"", dport=53)
    udp(hdr(0xe005, RD) + ex, ulen=8 + 20)  # UDP length shorter than the message
    # cut at every 9th byte: a response with every section, and the EDNS0 option list
    mx = bytes(cap.recs[5][1])
    for k in range(14 + 20 + 8 + 12, len(mx), 9):
        cap.add(mx, caplen=k)
    zoo = bytes(cap.recs[11][1])
    for k in range(len(zoo) - 200, len(zoo), 13):
        cap.add(zoo, caplen=k)
    # TTLs at -vvv, bad labels in answers, more record data
    udp(hdr(0xe100, QR | RA, an=6) + ex +
        rr(ptr(12), A, b"\1\1\1\1", ttl=1209600) + rr(ptr(12), A, b"\2\2\2\2", ttl=90061) +
        rr(ptr(12), A, b"\3\3\3\3", ttl=31536000 * 2 + 59) +
        rr(ptr(12), A, b"\4\4\4\4", ttl=0xffffffff) +
        rr(b"\x80abc\0", A, b"\5\5\5\5") + rr(ptr(12), CNAME, b"\x45\0"),
        sport=53, dport=40000)
    udp(hdr(0xe101, QR | RA, an=7) + ex +
        rr(ptr(12), 104, b"unspec\x01a") + rr(ptr(12), A6, bytes([129]) + bytes(8)) +
        rr(ptr(12), A6, bytes([128]) + name("only.name")) +
        rr(ptr(12), URI, b"\0\1") + rr(ptr(12), TXT, b"\x05ab") +
        rr(ptr(12), TSIG, name("k") + bytes(16)) + rr(ptr(12), SOA, b"\0\0" + bytes(8)),
        sport=53, dport=40000)
    udp(hdr(0xe102, QR | RA, an=1) + ex +
        rr(ptr(12), CNAME, b"\x3f" + b"x" * 63 + b"\x3f" + b"y" * 63 + b"\x3f" + b"z" * 63 +
           ptr(12 + 17 - 12 + 12) ),
        sport=53, dport=40000)  # long name through a pointer
    udp(hdr(0xe103, RD) + b"\5first\6second\0\0\1\0\1", caplen=14 + 20 + 8 + 12 + 7)
    udp(hdr(0xe104, RD) + b"\x41\x40" + bytes(8) + b"\0\0\1\0\1", caplen=14 + 20 + 8 + 12 + 6)
    udp(hdr(0xe105, RD, qd=3) + q("a.example") + q("b.example"), caplen=14 + 20 + 8 + 12 + 15)
    udp(hdr(0xe106, RD, ar=1) + ex + opt(4096, opts=eo(8, struct.pack("!HBB", 2, 128, 64) +
                                                       ip6("2001:db8::1")) +
                                          eo(8, struct.pack("!HBB", 1, 33, 0) + b"\1\2\3\4\5")))
    # reads past the captured end inside record data (tcpdump gives up at once)
    udp(hdr(0xe10b, QR | RA, an=1) + ex + b"\x41\x40\xab\xcd", sport=53, dport=40000)
    udp(hdr(0xe10c, QR | RA, an=1) + ex + rr(ptr(12), A6, b"\0"), sport=53, dport=40000)
    udp(hdr(0xe10d, QR | RA, an=1) + ex + rr(ptr(12), URI, b""), sport=53, dport=40000)
    # an Ethernet trailer after the datagram; an ICMP error quoting a query; a first fragment
    q1 = bytes(IP(src=C4, dst=S4, id=0x300) / UDP(sport=40000, dport=53) / Raw(hdr(0xe107, RD) + ex))
    cap.add(bytes(Ether(src=MAC_C, dst=MAC_S, type=0x800)) + q1 + b"\xc0\x0c\0\0\0\0")
    icmp = IP(src=S4, dst=C4, id=0x301) / ICMP(type=3, code=3) / Raw(q1)
    cap.add(Ether(src=MAC_S, dst=MAC_C) / icmp)
    cap.add(Ether(src=MAC_S, dst=MAC_C) / IP(src=S4, dst=C4, id=0x302) / ICMP(type=3, code=3) /
            Raw(q1[:40]))
    frag = IP(src=C4, dst=S4, id=0x303, flags="MF") / UDP(sport=40000, dport=53, len=8 + 300) / \
        Raw(hdr(0xe108, RD) + ex)
    cap.add(Ether(src=MAC_C, dst=MAC_S) / frag)
    udp(hdr(0xe109, 0) + q("printer.local", A), sport=5353, dport=53)
    udp(hdr(0xe10a, QR | AA, qd=0, an=0, ar=1) + opt(0x85a0, ext=0, do=True),
        sport=5353, dport=5353, src="10.0.0.5", dst="224.0.0.251")
    # TCP
    m = hdr(0xf000, RD) + ex
    tcp(struct.pack("!H", len(m)) + m)
    m = hdr(0xf000, QR | RD | RA, an=1) + ex + rr(ptr(12), A, b"\5\5\5\5")
    tcp(struct.pack("!H", len(m)) + m, sport=53, dport=41000, seq=2000, ack=1000 + 35)
    tcp(struct.pack("!H", 99) + m, sport=53, dport=41000, seq=3000, ack=1035)  # bad prefix
    tcp(b"\0", seq=5000)
    tcp(struct.pack("!H", 10) + hdr(1, 0)[:10], seq=6000)
    tcp(struct.pack("!H", len(m)) + m, sport=53, dport=41000, seq=7000, ack=1035,
        caplen=14 + 20 + 20 + 2 + 20)
    tcp(struct.pack("!H", len(m)) + m, sport=53, dport=41000, seq=8000, ack=1035,
        caplen=14 + 20 + 20 + 1)
    m6 = hdr(0xf001, RD, ar=1) + q("example.com", AAAA) + opt(4096)
    tcp(struct.pack("!H", len(m6)) + m6, v6=True, seq=9000)
    # mDNS and LLMNR
    md = hdr(0, 0, qd=2) + q("_http._tcp.local", PTR, 0x8001) + q("printer.local", A)
    udp(md, sport=5353, dport=5353, src="10.0.0.5", dst="224.0.0.251")
    udp(hdr(0, QR | AA, qd=0, an=2, ar=1) +
        rr(name("printer.local"), A, b"\x0a\0\0\5", c=0x8001, ttl=120) +
        rr(name("_http._tcp.local"), PTR, b"\3web" + ptr(41), ttl=4500) +
        rr(name("printer.local"), AAAA, ip6("fe80::5"), c=0x8001, ttl=120),
        sport=5353, dport=5353, src="10.0.0.5", dst="224.0.0.251")
    udp(md, sport=5353, dport=5353, v6=True, src="fe80::5", dst="ff02::fb")
    udp(hdr(0x77, 0) + q("wpad", A), sport=50000, dport=5355, src="10.0.0.7", dst="224.0.0.252")
    udp(hdr(0x77, QR) + q("wpad", A) + rr(ptr(12), A, b"\x0a\0\0\x09", ttl=30),
        sport=5355, dport=50000, src="10.0.0.9", dst="10.0.0.7")
    udp(hdr(0x78, TC | 0x0400 | 0x0200) + q("host", AAAA), sport=50001, dport=5355, v6=True)
    cap.write(os.path.join(out, "dns.pcap"))
