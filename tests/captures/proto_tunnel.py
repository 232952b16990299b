#!/usr/bin/python3
# Tunnel captures for the tcpdump comparison tests (group 4): GRE v0/v1 ("gre.pcap"),
# VXLAN ("vxlan.pcap"), Geneve ("geneve.pcap"), IP-in-IP and 6in4/6in6/4in6 ("ipip.pcap"),
# MPLS ("mpls.pcap"), PPP ("ppp.pcap", "ppp_dlt.pcap", "ppp_serial.pcap") and PPPoE
# ("pppoe.pcap"). Headers are raw bytes so that broken ones are possible; inner packets use
# scapy for their checksums.
import os
import socket
import struct

from scapy.packet import Raw
from scapy.layers.inet import IP, TCP, UDP, ICMP
from scapy.layers.inet6 import IPv6, ICMPv6EchoRequest

MAC_C, MAC_S = "00:11:22:33:44:01", "00:11:22:33:44:02"
MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"
C4, S4 = "10.0.0.1", "10.0.0.2"
C6, S6 = "2001:db8::1", "2001:db8::2"
IN_A, IN_B = "192.168.1.1", "192.168.1.2"
IN6_A, IN6_B = "fd00::a", "fd00::b"


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def ip4(proto, payload, src=C4, dst=S4, ident=7, ttl=64, tot_len=None, tos=0):
    """IPv4 header (correct checksum) + payload; tot_len may lie."""
    tl = 20 + len(payload) if tot_len is None else tot_len
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, tos, tl, ident, 0, ttl, proto, 0,
                      socket.inet_aton(src), socket.inet_aton(dst))
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + bytes(payload)


def ip6(nh, payload, src=C6, dst=S6, hlim=64):
    return (struct.pack("!IHBB", 0x60000000, len(payload), nh, hlim) +
            socket.inet_pton(socket.AF_INET6, src) + socket.inet_pton(socket.AF_INET6, dst) +
            bytes(payload))


def ether(payload, etype, src=MAC_C, dst=MAC_S):
    return (bytes.fromhex(dst.replace(":", "")) + bytes.fromhex(src.replace(":", "")) +
            struct.pack("!H", etype) + bytes(payload))


def udp4(sport, dport, payload, src=C4, dst=S4):
    return bytes(IP(src=src, dst=dst, id=9, ttl=64) / UDP(sport=sport, dport=dport) /
                 Raw(payload))


def udp6(sport, dport, payload, src=C6, dst=S6):
    return bytes(IPv6(src=src, dst=dst) / UDP(sport=sport, dport=dport) / Raw(payload))


# inner packets
def in_icmp():
    return bytes(IP(src=IN_A, dst=IN_B, id=0x4242, ttl=63) / ICMP(id=1, seq=2) / Raw(b"ping" * 4))


def in_udp():
    return bytes(IP(src=IN_A, dst=IN_B, id=0x4343) / UDP(sport=1111, dport=2222) / Raw(b"data"))


def in_tcp():
    return bytes(IP(src=IN_A, dst=IN_B, id=0x4444, flags="DF") /
                 TCP(sport=40000, dport=80, flags="S", seq=1000, window=8192))


def in_icmp6():
    return bytes(IPv6(src=IN6_A, dst=IN6_B) / ICMPv6EchoRequest(id=5, seq=6, data=b"v6v6"))


def in_frame(inner=None, etype=0x0800):
    return ether(inner if inner is not None else in_icmp(), etype, MAC_A, MAC_B)


# ---------------------------------------------------------------- GRE

def gre(proto, payload, flags=0, ver=0, sum_=None, off=0, key=None, seq=None, ack=None,
        routing=b""):
    h = struct.pack("!HH", flags | ver, proto)
    if flags & 0xc000:
        h += struct.pack("!HH", 0 if sum_ is None else sum_, off)
    if key is not None:
        h += struct.pack("!I", key)
    if seq is not None:
        h += struct.pack("!I", seq)
    if ack is not None:
        h += struct.pack("!I", ack)
    h += routing
    body = h + bytes(payload)
    if flags & 0x8000 and sum_ is None:
        c = csum(body)
        body = body[:4] + struct.pack("!H", c) + body[6:]
    return body


def make_gre(out, Capture):
    cap = Capture(start=1264000000)

    def g4(body, caplen=None, tot_len=None):
        cap.add(ether(ip4(47, body, tot_len=tot_len), 0x0800), caplen=caplen)

    def g6(body, caplen=None):
        cap.add(ether(ip6(47, body), 0x86dd), caplen=caplen)

    g4(gre(0x0800, in_icmp()))                                   # plain v0, IPv4
    g4(gre(0x0800, in_udp(), flags=0x8000))                      # checksum
    g4(gre(0x86dd, in_icmp6(), flags=0x2000, key=0x1234abcd))    # key, IPv6
    g4(gre(0x0800, in_tcp(), flags=0x3000, key=7, seq=99))       # key + seq
    g4(gre(0x0800, in_udp(), flags=0xb000, key=1, seq=2))        # C K S
    g4(gre(0x0800, in_udp(), flags=0x8000, sum_=0xdead, off=4))  # bad checksum, offset
    g4(gre(0x6558, in_frame()))                                  # transparent bridging
    g4(gre(0x6558, in_frame(in_icmp6(), 0x86dd), flags=0x2000, key=0x100))
    mpls = struct.pack("!II", (100 << 12) | (0 << 9) | 64, (200 << 12) | 0x100 | 63)
    g4(gre(0x8847, mpls + in_icmp()))                            # MPLS label stack
    g4(gre(0x0000, b""))                                         # keep-alive / proto 0
    g4(gre(0x1234, b"\x01\x02\x03\x04\x05\x06"))                 # unknown protocol
    g4(gre(0x883e, in_udp()))                                    # WCCP, plain IPv4
    g4(gre(0x883e, b"\xe0\x05\x01\x02" + in_udp()))              # WCCP redirect header
    # routing present: an IP source route entry, an ASN one, the null entry
    sre = (struct.pack("!HBB", 0x0800, 4, 8) + socket.inet_aton("1.1.1.1") +
           socket.inet_aton("2.2.2.2") + struct.pack("!HBB", 0xfffe, 2, 4) +
           struct.pack("!HH", 65001, 65002) + struct.pack("!HBB", 0x1234, 0, 4) + b"\0" * 4 +
           struct.pack("!HBB", 0, 0, 0))
    g4(gre(0x0800, in_icmp(), flags=0x4000, routing=sre))
    g4(gre(0x0800, in_icmp(), flags=0x4000,
           routing=struct.pack("!HBB", 0x0800, 3, 8) + b"\0" * 8))  # bad SRE offset
    g4(gre(0x0800, in_icmp(), flags=0x0880))                     # s and A bits in v0
    # v1 (PPTP enhanced GRE): PPP inside
    ppp = b"\xff\x03\x00\x21" + in_icmp()
    g4(gre(0x880b, ppp, flags=0x3080, ver=1, key=(len(ppp) << 16) | 0x55, seq=10, ack=9))
    g4(gre(0x880b, b"\x00\x21" + in_udp(), flags=0x3000, ver=1, key=(30 << 16) | 0x55, seq=11))
    g4(gre(0x880b, b"", flags=0x2080, ver=1, key=0x55, ack=11))  # ack only: no payload
    g4(gre(0x0800, b"abcd", flags=0x3000, ver=1, key=0x55, seq=12))  # v1 non-PPP
    g4(gre(0x0800, in_icmp(), ver=2))                            # unknown version
    g6(gre(0x0800, in_icmp()))                                   # GRE over IPv6
    g6(gre(0x86dd, in_icmp6(), flags=0x1000, seq=5))
    g4(gre(0x0800, gre(0x0800, in_udp())))                       # GRE header where IP was said
    g4(gre(0x0800, ip4(47, gre(0x86dd, in_icmp6()), src=IN_A, dst=IN_B)))  # GRE in GRE
    g4(gre(0x86dd, in_icmp()))                                   # IPv4 where IPv6 was said
    g4(gre(0x0800, in_icmp6()))                                  # IPv6 where IPv4 was said
    g4(gre(0x8848, mpls + in_icmp()))                            # MPLS multicast: not decoded
    ipx = (struct.pack("!HHBB", 0xffff, 30, 0, 4) + b"\0\0\0\1" + b"\xff" * 6 +
           struct.pack("!H", 0x0453) + b"\0\0\0\2" + b"\x02" * 6 + struct.pack("!H", 0x4000))
    g4(gre(0x8137, ipx))                                         # IPX
    g4(gre(0x880b, b"\xff\x03\x00\x21" + in_icmp()))              # PPP in v0: not decoded
    # Ethernet padding after the IP datagram is not part of what GRE carries
    cap.add(ether(ip4(47, gre(0x0800, in_udp()[:6])) + b"\x45" + b"\0" * 23, 0x0800))
    cap.add(ether(ip4(47, gre(0x8847, lse(9))) + b"\0" * 22, 0x0800))
    cap.add(ether(ip4(47, gre(0x6558, b"\x02\x00")) + b"\0" * 24, 0x0800))
    deep = in_udp()
    for i in range(40):                                          # 40 GRE/IP layers deep
        deep = ip4(47, gre(0x0800, deep), src=IN_A, dst=IN_B, ident=i)
    g4(gre(0x0800, deep))
    # short GRE headers (IP length says so)
    g4(b"\x00")
    g4(b"\x00\x00\x08")
    g4(gre(0x0800, b"", flags=0x8000)[:6])
    g4(gre(0x0800, b"", flags=0x2000, key=5)[:7])
    g4(gre(0x0800, b"", flags=0x1000, seq=5)[:7])
    g4(gre(0x880b, b"", flags=0x3080, ver=1, key=1, seq=2, ack=3)[:14])
    # inner packet shorter than it says / cut by the capture
    g4(gre(0x0800, in_udp()[:24]))
    g4(gre(0x0800, in_udp()), caplen=14 + 20 + 4 + 30)
    g4(gre(0x6558, in_frame(in_udp())), caplen=14 + 20 + 4 + 10)
    g4(gre(0x0800, in_tcp(), flags=0x3000, key=7, seq=99), caplen=14 + 20 + 10)
    cap.write(os.path.join(out, "gre.pcap"))


# ---------------------------------------------------------------- VXLAN, Geneve

def make_vxlan(out, Capture):
    cap = Capture(start=1264100000)

    def vx(frame, flags=0x08, vni=4242, rsv=0, v6=False, sport=50000, dport=4789, caplen=None):
        hdr = struct.pack("!B3sI", flags, rsv.to_bytes(3, "big"), vni << 8)
        body = hdr + bytes(frame)
        pkt = udp6(sport, dport, body) if v6 else udp4(sport, dport, body)
        cap.add(ether(pkt, 0x86dd if v6 else 0x0800), caplen=caplen)

    vx(in_frame())                                     # IPv4 ICMP inside
    vx(in_frame(in_tcp()), vni=0xffffff)
    vx(in_frame(in_icmp6(), 0x86dd), v6=True)
    vx(in_frame(), flags=0x00, vni=1)                  # I flag clear
    vx(in_frame(), flags=0xff, rsv=0x123456)           # every flag, reserved bits
    vx(ether(b"\x00\x01\x08\x00\x06\x04\x00\x01" + b"\x11" * 20, 0x0806, MAC_A, "ff:ff:ff:ff:ff:ff"))
    vx(ether(b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + in_udp(), 60, MAC_A, MAC_B))  # 802.3
    vx(ether(b"\x81\x00\x00\x64\x08\x00" + in_udp(), 0x8100, MAC_A, MAC_B)[:12] +
       b"\x81\x00\x00\x64\x08\x00" + in_udp())            # VLAN-tagged inner frame
    vx(in_frame(), sport=4789, dport=4789)
    vx(in_frame(udp4(1000, 4789, struct.pack("!B3sI", 8, b"\0\0\0", 7 << 8) +
                      in_frame(in_udp()), src=IN_A, dst=IN_B)))  # VXLAN in VXLAN
    vx(b"")                                            # header only
    vx(b"\x02\x00\x00\x00\x00")                      # short inner frame
    cap.add(ether(udp4(50000, 4789, b"\x08\x00\x00"), 0x0800))  # short header
    vx(in_frame(in_udp()), caplen=14 + 20 + 8 + 8 + 20)  # cut in the inner frame
    vx(in_frame(in_udp()), caplen=14 + 20 + 8 + 5)       # cut in the VXLAN header
    vx(in_frame(in_udp()), caplen=14 + 20 + 8 + 8 + 14 + 10)  # cut in the inner IP header
    cap.write(os.path.join(out, "vxlan.pcap"))


def make_geneve(out, Capture):
    cap = Capture(start=1264200000)

    def gopt(cls, typ, data=b"", lenfield=None):
        n = len(data) // 4 if lenfield is None else lenfield
        return struct.pack("!HBB", cls, typ, n) + data

    def gn(payload, proto=0x6558, opts=b"", ver=0, flags=0, vni=0x123456, rsv=0, optlen=None,
           caplen=None, v6=False, ulen_cut=None):
        ol = len(opts) // 4 if optlen is None else optlen
        hdr = struct.pack("!BBH", ver << 6 | ol, flags, proto) + struct.pack("!I", vni << 8 | rsv)
        body = hdr + opts + bytes(payload)
        if ulen_cut is not None:
            body = body[:ulen_cut]
        pkt = udp6(50001, 6081, body) if v6 else udp4(50001, 6081, body)
        cap.add(ether(pkt, 0x86dd if v6 else 0x0800), caplen=caplen)

    gn(in_frame())                                          # Ethernet, no options
    gn(in_udp(), proto=0x0800)                               # IPv4 directly
    gn(in_icmp6(), proto=0x86dd, v6=True)
    opts = (gopt(0x0100, 0x01, b"\x00\x00\x00\x2a") + gopt(0x0101, 0x80) +
            gopt(0x0005, 0x02, b"\x01\x02\x03\x04\x05\x06\x07\x08") +
            gopt(0xfff1, 0x7f, b"\xaa\xbb\xcc\xdd") + gopt(0x0200, 0x81) +
            gopt(0x0104, 0x03) + gopt(0x0106, 0x03) + gopt(0x0102, 0x03) + gopt(0x0103, 0x03))
    gn(in_frame(), opts=opts)                                # options of several classes
    gn(in_frame(), flags=0x80, rsv=0x5a, vni=0)              # OAM, reserved byte
    gn(in_frame(), flags=0x7f)                               # C and reserved flags
    gn(in_frame(), ver=1)                                    # unknown version
    gn(in_frame(), optlen=40)                                # options longer than the packet
    gn(in_frame(), opts=gopt(0x0100, 1, b"\0" * 4, lenfield=5))  # option longer than the area
    gn(in_frame(), opts=b"\x01\x00", optlen=1)              # one-word option area, frame shifted
    gn(b"\x01\x02\x03\x04", proto=0x1234)                  # unknown protocol
    mpls = struct.pack("!I", (16 << 12) | 0x100 | 64)
    gn(mpls + in_icmp(), proto=0x8847)
    gn(b"\xff\x03\x00\x21" + in_icmp(), proto=0x880b)         # PPP
    gn(b"", proto=0x880b)
    gn(struct.pack("!HHBB", 0xffff, 30, 0, 4) + b"\0\0\0\1" + b"\xff" * 6 + b"\x04\x53" +
       b"\0\0\0\2" + b"\x02" * 6 + b"\x40\x00", proto=0x8137)           # IPX
    gn(b"\x11\x00\x00\x01\x00\x16\x00\x21" + in_udp()[:20], proto=0x8864)   # PPPoE session
    gn(b"\x11\x09\x00\x00\x00\x04\x01\x01\x00\x00", proto=0x8863)  # PPPoE discovery
    gn(b"", ulen_cut=7)                                     # header shorter than 8
    gn(in_frame(), opts=opts, caplen=14 + 20 + 8 + 8 + 14)  # cut in the options
    gn(in_frame(in_udp()), caplen=14 + 20 + 8 + 8 + 20)     # cut in the inner frame
    gn(in_frame(), caplen=14 + 20 + 8 + 6)                  # cut in the header
    cap.write(os.path.join(out, "geneve.pcap"))


# ---------------------------------------------------------------- IP in IP

def make_ipip(out, Capture):
    cap = Capture(start=1264300000)

    def o4(proto, inner, caplen=None, tot_len=None):
        cap.add(ether(ip4(proto, inner, tot_len=tot_len), 0x0800), caplen=caplen)

    def o6(nh, inner, caplen=None):
        cap.add(ether(ip6(nh, inner), 0x86dd), caplen=caplen)

    o4(4, in_icmp())                                   # 4in4
    o4(4, in_tcp())
    o4(41, in_icmp6())                                 # 6in4
    o6(41, in_icmp6())                                 # 6in6
    o6(4, in_udp())                                    # 4in6
    o4(4, ip4(4, in_udp(), src=IN_A, dst=IN_B))        # 4in4in4
    o6(41, ip6(4, in_icmp(), src=IN6_A, dst=IN6_B))    # 4in6in6
    o4(4, in_udp()[:20], tot_len=None)                 # inner says 32, only 20 there
    o4(4, b"\x45\x00")                                 # inner header short
    o4(4, b"")                                         # nothing inside
    o4(41, b"\x60\x00\x00")                            # inner IPv6 header short
    o4(4, in_icmp6())                                  # IPv6 where IPv4 was said
    o4(41, in_icmp())                                  # IPv4 where IPv6 was said
    o4(4, b"\x46" + in_udp()[1:])                       # inner IHL says options, none
    o4(4, in_udp(), caplen=14 + 20 + 10)               # cut in the inner header
    o4(4, in_tcp(), caplen=14 + 20 + 20 + 6)           # cut in the inner TCP header
    o6(41, in_icmp6(), caplen=14 + 40 + 30)            # cut in the inner IPv6 header
    o6(4, in_udp(), caplen=14 + 40 + 24)               # cut in the inner UDP header
    cap.write(os.path.join(out, "ipip.pcap"))


# ---------------------------------------------------------------- MPLS

def lse(label, s=0, tc=0, ttl=64):
    return struct.pack("!I", label << 12 | tc << 9 | s << 8 | ttl)


def make_mpls(out, Capture):
    cap = Capture(start=1264400000)

    def m(payload, etype=0x8847, caplen=None):
        cap.add(ether(payload, etype), caplen=caplen)

    m(lse(100, 1) + in_icmp())                                    # guessed IPv4
    m(lse(1000, tc=5) + lse(2000, ttl=1) + lse(0, 1, ttl=0) + in_udp())  # explicit null IPv4
    m(lse(2, 1, tc=7, ttl=255) + in_icmp6())                      # IPv6 explicit null
    m(lse(3, 1) + in_tcp())                                       # implicit null
    m(lse(1) + lse(0xfffff, 1) + in_icmp6())                      # router alert, guessed IPv6
    m(lse(4) + lse(7) + lse(15) + lse(16, 1) + b"\x00\x01\x02\x03\x04\x05")  # unknown payload
    m(lse(300, 1) + in_icmp(), etype=0x8848)                      # multicast
    m(lse(300, 1))                                                # nothing after the stack
    m(lse(5) + lse(6))                                            # no bottom of stack
    m(b"\x00\x01")                                                # shorter than one entry
    m(lse(100) + b"\x00\x01\x41")                                 # last entry short
    m(lse(100, 1) + in_icmp6()[:20])                              # inner IPv6 header short
    m(lse(100) + lse(101) + lse(102, 1) + in_icmp(), caplen=14 + 6)   # cut in the stack
    m(lse(100, 1) + in_udp(), caplen=14 + 4 + 12)                 # cut in the inner header
    m(lse(100, 1) + in_udp(), caplen=14 + 4)                      # cut after the stack
    cap.add(ether(b"\x00\x64\x88\x47" + lse(77, 1) + in_icmp(), 0x8100))  # under a VLAN tag
    # MPLS in UDP (RFC 7510)
    cap.add(ether(udp4(40000, 6635, lse(500, 1) + in_icmp()), 0x0800))
    cap.add(ether(udp6(6635, 6635, lse(501) + lse(2, 1) + in_icmp6()), 0x86dd))
    cap.add(ether(udp4(49153, 6635, b"\x00\x00"), 0x0800))
    cap.write(os.path.join(out, "mpls.pcap"))


# ---------------------------------------------------------------- PPP, PPPoE

def cp(code, ident, body=b"", length=None):
    """A control protocol packet (LCP, IPCP...): code, id, length, data."""
    n = 4 + len(body) if length is None else length
    return struct.pack("!BBH", code, ident, n) + body


def o(t, data=b"", length=None):
    return struct.pack("!BB", t, 2 + len(data) if length is None else length) + data


LCP_OPTS = (o(1, struct.pack("!H", 1492)) + o(2, b"\0\0\0\0") + o(3, b"\xc2\x23\x05") +
            o(5, b"\x12\x34\x56\x78") + o(7) + o(8) + o(13, b"\x06") + o(17, b"\x05\xdc") +
            o(19, b"\x02\x0a\x00\x00\x01") + o(23, b"\x00\x07") + o(4, b"\xc0\x25"))
LCP_OPTS2 = (o(3, b"\xc0\x23") + o(3, b"\xc2\x27") + o(3, b"\xc2\x23\x81") +
             o(3, b"\x12\x34\x01\x02") + o(3, b"\xc2\x23\x07") + o(4, b"\x00\x01") +
             o(19, b"\x03\x00\x11\x22\x33\x44\x55") + o(19, b"\x00") + o(19, b"\x01abc") +
             o(19, b"\x04") + o(19, b"\x05") + o(19, b"\x09") + o(0, b"\x00\x00\x0c\x01") +
             o(9, b"\x01") + o(13, b"\x63") + o(40, b"\x01\x02"))
LCP_BOGUS = (o(1, b"\x05") + o(2, b"\0\0") + o(3, b"") + o(5, b"\0\0") + o(0, b"\0"))
IPCP_OPTS = (o(3, socket.inet_aton("10.1.1.1")) + o(129, socket.inet_aton("8.8.8.8")) +
             o(131, socket.inet_aton("8.8.4.4")) + o(130, socket.inet_aton("10.9.9.9")) +
             o(132, socket.inet_aton("10.9.9.8")) + o(4, socket.inet_aton("10.1.1.2")) +
             o(2, b"\x00\x2d\x0f\x01") + o(1, socket.inet_aton("1.2.3.4") + socket.inet_aton("5.6.7.8")) +
             o(2, b"\x00\x61" + struct.pack("!HHHHH", 15, 16, 256, 5, 168) + b"\x01\x02\x02\x02") +
             o(2, b"\x12\x34") + o(77, b"\xab\xcd"))


def make_pppoe(out, Capture):
    cap = Capture(start=1264500000)

    def disc(code, tags=b"", sid=0, vt=0x11, length=None, caplen=None):
        n = len(tags) if length is None else length
        cap.add(ether(struct.pack("!BBHH", vt, code, sid, n) + tags, 0x8863), caplen=caplen)

    def sess(ppp, sid=0x1234, length=None, caplen=None):
        n = len(ppp) if length is None else length
        cap.add(ether(struct.pack("!BBHH", 0x11, 0, sid, n) + ppp, 0x8864), caplen=caplen)

    def tag(t, v=b""):
        return struct.pack("!HH", t, len(v)) + v

    disc(0x09, tag(0x0101) + tag(0x0103, b"\x01\x02\x03\x04"))                  # PADI
    disc(0x07, tag(0x0102, b"ac-name-1") + tag(0x0101, b"isp") +
         tag(0x0104, b"\x9a" * 16) + tag(0x0103, b"\x01\x02\x03\x04"))            # PADO
    disc(0x19, tag(0x0101, b"isp") + tag(0x0103, b"ab\x01") + tag(0x0110, b"relay"))  # PADR
    disc(0x65, tag(0x0101, b"isp"), sid=0x0042)                                # PADS
    disc(0xa7, b"", sid=0x0042)                                                # PADT
    disc(0xa7, tag(0x0203, b"session closed") + tag(0x0201, b"x") + tag(0x0202, b"") +
         tag(0x0120, b"\x05\xdc") + tag(0x0105, b"\x00\x00\x0d\xe9abc") + tag(0x7777, b"?"),
         sid=0x0042)
    disc(0x09, tag(0x0101) + tag(0) + tag(0x0103, b"after eol"))               # EOL stops
    disc(0x09, tag(0x0101, b"a" * 100))                                        # long tag text
    disc(0x09, tag(0x0101), length=2000)                                       # PADI [len!]
    disc(0x33, tag(0x0101))                                                    # unknown code
    disc(0x09, tag(0x0101), vt=0x23)                                           # version, type
    disc(0x09, tag(0x0101) + b"\x01")                                          # tag cut short
    disc(0x09, tag(0x0101, b"12345"), length=6)                                # length cuts tag
    disc(0x07, tag(0x0102, b"ac-name-1") + tag(0x0101, b"isp"), caplen=14 + 6 + 10)  # cut
    cap.add(ether(b"\x11\x09\x00", 0x8863))                                  # short header
    cap.add(ether(b"\x11\x09\x00\x00\x00", 0x8863), caplen=14 + 3)          # cut header
    # session data: PPP without address/control, protocol then payload
    lcp = b"\xc0\x21"
    sess(lcp + cp(1, 1, LCP_OPTS))
    sess(lcp + cp(2, 1, LCP_OPTS2))
    sess(lcp + cp(3, 2, LCP_BOGUS))
    sess(lcp + cp(4, 3, o(3, b"\xc0\x23")))
    sess(lcp + cp(1, 4))                                                      # no options
    sess(lcp + cp(5, 5, b"bye"))
    sess(lcp + cp(6, 5))
    sess(lcp + cp(7, 6, b"\x20\x01\x00\x04"))
    sess(lcp + cp(8, 7, b"\x80\x21" + cp(1, 1, o(3, b"\0\0\0\0"))))
    sess(lcp + cp(8, 7, b"\x12\x34"))
    sess(lcp + cp(9, 8, b"\x01\x02\x03\x04"))
    sess(lcp + cp(10, 8, b"\x01\x02\x03\x04extra"))
    sess(lcp + cp(11, 9, b"\x01\x02\x03\x04"))
    sess(lcp + cp(12, 10, b"\x01\x02\x03\x04hello\x01\xff"))
    sess(lcp + cp(13, 11, b"\x01\x02\x03\x04\x00\x00\x0e\x10msg"))
    sess(lcp + cp(0, 12, b"\x01\x02\x03\x04\x00\x00\x0c\x01\x02\x03"))
    sess(lcp + cp(42, 13, b"\x01\x02\x03"))                                  # unknown code
    sess(lcp + cp(1, 14, o(1, b"\x05\xdc"), length=3))                         # encoded < 4
    sess(lcp + cp(1, 15, o(1, b"\x05\xdc"), length=40))                        # encoded > packet
    sess(lcp + cp(1, 16, o(1, b"\x05\xdc") + o(5, b"\x01\x02\x03\x04", 9)))  # option too long
    sess(lcp + b"\x01")                                                         # short LCP
    sess(b"\x80\x21" + cp(1, 1, IPCP_OPTS))
    sess(b"\x80\x21" + cp(3, 2, o(2, b"\x00\x61\x00\x01") + o(2, b"\x00\x61" + b"\0" * 12 +
                                                                  b"\x01\x08")))
    sess(b"\x80\x21" + cp(2, 3, o(3, b"\x0a\x01") + o(1, b"")))
    sess(b"\x80\x57" + cp(1, 1, o(1, b"\x02\x11\x22\xff\xfe\x33\x44\x55") + o(2, b"\x01")))
    sess(b"\x80\x57" + cp(1, 2, o(1, b"\x02\x11")))
    sess(b"\x80\xfd" + cp(1, 1, o(21, b"\x2f") + o(26, b"\x78\x00") + o(24, b"\xa5\x07") +
                          o(18, b"\x00\x00\x00\x01") + o(21, b"") + o(99, b"\x01")))
    sess(b"\x80\xfd" + cp(14, 2))
    sess(b"\xc0\x2b" + cp(1, 1, o(1, b"\x01\x02\x03\x04") + o(1, b"\x01") + o(5, b"\x01")))
    sess(b"\x82\x81" + cp(1, 1, o(1, b"\x01")))                               # MPLSCP
    sess(b"\x80\x29" + cp(1, 1))                                              # APPLECP
    sess(b"\xc0\x23" + cp(1, 1, b"\x04user\x06secret"))                       # PAP
    sess(b"\xc0\x23" + cp(2, 1, b"\x02ok"))
    sess(b"\xc0\x23" + cp(3, 1, b"\x03bad"))
    sess(b"\xc0\x23" + cp(1, 2, b"\x09user"))                                 # peer id too long
    sess(b"\xc0\x23" + cp(1, 2, b"", length=40))
    sess(b"\xc0\x23" + b"\x01\x02")
    sess(b"\xc2\x23" + cp(1, 1, b"\x04\xde\xad\xbe\xefserver"))              # CHAP
    sess(b"\xc2\x23" + cp(2, 1, b"\x10" + b"\x55" * 16 + b"client\x80"))
    sess(b"\xc2\x23" + cp(3, 1, b"Welcome"))
    sess(b"\xc2\x23" + cp(4, 1, b"E=691"))
    sess(b"\xc2\x23" + cp(9, 1, b"?"))
    sess(b"\xc2\x23" + b"\x01")
    sess(b"\x00\x3d" + b"\xc0\x01\x02\x03")                                   # MLPPP
    sess(b"\x00\x21" + in_icmp())                                             # IPv4
    sess(b"\x21" + in_udp())                                                   # PFC
    sess(b"\x00\x57" + in_icmp6())                                            # IPv6
    sess(b"\x02\x81" + lse(100, 1) + in_icmp())                                # MPLS
    sess(b"\x00\xfd" + b"\x01\x02")                                           # compressed
    sess(b"\x00\x2d" + b"\x01\x02\x03")                                       # VJC: unknown
    sess(b"\x12\x34" + b"\x01\x02\x03")                                       # unknown proto
    sess(b"\xc0\x2d" + b"\x01\x02")                                           # BAP
    sess(b"\xff\x03\x00\x21" + in_icmp())                                     # address, control
    sess(b"\x00\x21" + in_icmp(), length=10)                                   # length cuts IP
    sess(b"\x00\x21" + in_icmp(), length=200)                                  # length too big
    sess(b"\x00")
    sess(lcp + cp(1, 1, LCP_OPTS), caplen=14 + 6 + 2 + 4 + 12)                 # cut in options
    sess(lcp + cp(12, 10, b"\x01\x02\x03\x04hello"), caplen=14 + 6 + 2 + 10)   # cut message
    sess(b"\x00\x21" + in_udp(), caplen=14 + 6 + 2 + 12)                      # cut in inner IP
    sess(b"\xc2\x23" + cp(1, 1, b"\x04\xde\xad\xbe\xefserver"), caplen=14 + 6 + 2 + 12)
    cap.write(os.path.join(out, "pppoe.pcap"))


def make_ppp(out, Capture):
    """PPP in Ethernet frames of ethertype 0x880b, and in PPTP GRE."""
    cap = Capture(start=1264600000)

    def e(ppp, caplen=None):
        cap.add(ether(ppp, 0x880b), caplen=caplen)

    def pptp(ppp, caplen=None):
        cap.add(ether(ip4(47, gre(0x880b, ppp, flags=0x3000, ver=1, key=(len(ppp) << 16) | 7,
                                  seq=1)), 0x0800), caplen=caplen)

    e(b"\xff\x03\x00\x21" + in_icmp())
    e(b"\x00\x21" + in_udp())
    e(b"\xc0\x21" + cp(9, 1, b"\x01\x02\x03\x04"))
    e(b"\x00\x03\x00\x21" + in_icmp())                     # pppd "in" header
    e(b"\x01\x03\x00\x57" + in_icmp6())                    # pppd "out" header
    e(b"\x12\x34\x56")
    e(b"\x00")
    e(b"")
    pptp(b"\xff\x03\xc0\x21" + cp(1, 1, LCP_OPTS))
    pptp(b"\xff\x03\x80\x21" + cp(1, 1, IPCP_OPTS))
    pptp(b"\xff\x03\xc2\x23" + cp(2, 1, b"\x04\x01\x02\x03\x04name"))
    pptp(b"\x21" + in_icmp())
    pptp(b"\xff\x03\x7e\x21\x45")                          # HDLC escape code
    pptp(b"\xff\x03\x00\x21" + in_udp(), caplen=14 + 20 + 12 + 4 + 10)
    pptp(b"\xff\x03\xc0\x21" + cp(1, 1, LCP_OPTS), caplen=14 + 20 + 12 + 4 + 10)
    cap.write(os.path.join(out, "ppp.pcap"))


def make_ppp_links(out, Capture):
    """The PPP link types: DLT_PPP (9) and DLT_PPP_SERIAL (50)."""
    cap = Capture(linktype=9, start=1264700000)
    for frame, caplen in [
            (b"\xff\x03\x00\x21" + in_icmp(), None),
            (b"\x00\x21" + in_udp(), None),
            (b"\x21" + in_tcp(), None),                          # protocol field compressed
            (b"\x00\x03\x00\x57" + in_icmp6(), None),            # pppd "in"
            (b"\x01\x03\xc0\x21" + cp(1, 1, LCP_OPTS), None),    # pppd "out"
            (b"\xff\x03\x80\x21" + cp(1, 1, IPCP_OPTS), None),
            (b"\xff\x03\xc2\x23" + cp(3, 1, b"Welcome"), None),
            (b"\xff\x03\x02\x81" + lse(16, 1) + in_icmp(), None),
            (b"\xff\x03\x12\x34\x01\x02\x03", None),
            (b"\xff\x03\x00", None),                          # shorter than 4
            (b"\xff\x03\x00\x21" + in_udp(), 4 + 12),          # cut in the inner header
            (b"\xff\x03\xc0\x21" + cp(1, 1, LCP_OPTS), 4 + 10)]:
        cap.add(frame, caplen=caplen)
    cap.write(os.path.join(out, "ppp_dlt.pcap"))
    cap = Capture(linktype=50, start=1264800000)
    for frame, caplen in [
            (b"\xff\x03\x00\x21" + in_icmp(), None),
            (b"\xff\x03\x00\x57" + in_icmp6(), None),
            (b"\xff\x03\xc0\x21" + cp(9, 3, b"\x01\x02\x03\x04"), None),
            (b"\xff\x03\x80\x57" + cp(1, 1, o(1, b"\x02\x11\x22\xff\xfe\x33\x44\x55")), None),
            (b"\xff\x03\x12\x34\x01\x02\x03", None),
            (b"\xff\x03\x7e\x21" + in_icmp(), None),             # HDLC flag as protocol
            (b"\x12\x34\x56\x78\x9a", None),                    # not HDLC framing
            (b"\xff\x03\x00", None),
            (b"\x12\x34\x56", None),
            (b"\xff", None),
            (b"\xff\x03\x00\x21" + in_udp(), 4 + 12)]:
        cap.add(frame, caplen=caplen)
    cap.write(os.path.join(out, "ppp_serial.pcap"))


def make(out, Capture):
    make_pppoe(out, Capture)
    make_ppp(out, Capture)
    make_ppp_links(out, Capture)
    make_mpls(out, Capture)
    make_ipip(out, Capture)
    make_gre(out, Capture)
    make_vxlan(out, Capture)
    make_geneve(out, Capture)
