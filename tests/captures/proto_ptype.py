# Captures for tcpdump's -T packet types: CARP (OpenBSD's protocol on IP protocol 112, no
# RFC) for -T carp, and a mix of UDP datagrams on many ports (DNS RFC 1035, SNMP RFC 1157,
# TFTP RFC 1350, RADIUS RFC 2865, VXLAN RFC 7348) with TCP and ICMP around them, for the UDP
# types. Raw bytes for CARP; scapy builds the IP/UDP layers of the mix.
import os
import socket
import struct

from scapy.packet import Raw
from scapy.layers.l2 import Ether
from scapy.layers.inet import IP, TCP, UDP, ICMP
from scapy.layers.inet6 import IPv6

MAC_C, MAC_S = "00:11:22:33:44:01", "00:11:22:33:44:02"
C4, S4 = "10.0.0.1", "10.0.0.2"
C6, S6 = "2001:db8::1", "2001:db8::2"


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def mac(s):
    return bytes(int(x, 16) for x in s.split(":"))


def eth(payload, etype, src="00:00:5e:00:01:07", dst="01:00:5e:00:00:12"):
    return mac(dst) + mac(src) + struct.pack("!H", etype) + bytes(payload)


def ip4(proto, payload, src="10.0.0.1", dst="224.0.0.18", ttl=255, tot_len=None):
    tl = 20 + len(payload) if tot_len is None else tot_len
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0x10, tl, 0x1234, 0, ttl, proto, 0,
                      socket.inet_aton(src), socket.inet_aton(dst))
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + bytes(payload)


def ip6(nxt, payload, src="fe80::1", dst="ff02::12", hlim=255):
    return (struct.pack("!IHBB", 0x60000000, len(payload), nxt, hlim) +
            socket.inet_pton(socket.AF_INET6, src) + socket.inet_pton(socket.AF_INET6, dst) +
            payload)


def carp(vhid, advskew, advbase, counter, authlen=7, ver=2, typ=1, ck=None, extra=b""):
    """A CARP header (version/type, vhid, advskew, authlen, pad, advbase, checksum, 64-bit
    counter) and a 20-byte HMAC."""
    b = (struct.pack("!BBBBBBHQ", ver << 4 | typ, vhid, advskew, authlen, 0, advbase, 0,
                     counter) + bytes(range(0x40, 0x54)) + extra)
    c = csum(b) if ck is None else ck
    return b[:6] + struct.pack("!H", c) + b[8:]


def make_carp(out, Capture):
    cap = Capture(start=1266000000)

    def add(msg, ttl=255, caplen=None, tot_len=None, src="10.0.0.1"):
        cap.add(eth(ip4(112, msg, src=src, ttl=ttl, tot_len=tot_len), 0x0800),
                caplen=caplen)

    def add6(msg, hlim=255, caplen=None):
        cap.add(eth(ip6(112, msg, hlim=hlim), 0x86dd, src="00:00:5e:00:02:07",
                    dst="33:33:00:00:00:12"), caplen=caplen)

    add(carp(1, 0, 1, 1))
    add(carp(2, 100, 1, 0x0123456789abcdef))
    add(carp(255, 255, 255, 0xffffffffffffffff, authlen=0))
    add(carp(3, 0, 1, 42, extra=b"\x99"))                   # odd length, good checksum
    add(carp(4, 0, 1, 42, ck=0xbeef))                        # bad checksum
    add(carp(4, 0, 1, 42, ck=0x000f))
    add(carp(5, 0, 1, 7), ttl=64)                            # ttl not 255
    add(carp(5, 0, 1, 7, ck=0x1234), ttl=1)
    add(carp(6, 0, 1, 7, ver=1))                             # other versions
    add(carp(6, 0, 1, 7, ver=3))
    add(carp(6, 0, 1, 7, ver=0, typ=0))
    add(carp(6, 0, 1, 7, ver=15, typ=15), ttl=2)
    add(carp(7, 0, 1, 7, typ=2))                             # unknown types
    add(carp(7, 0, 1, 7, typ=0))
    # short CARP (the IP length ends it)
    for n in (0, 1, 2, 5, 6, 7, 8, 12, 15, 16, 17):
        add(carp(8, 10, 2, 9)[:n])
    # IP length shorter than the frame, longer than the frame
    add(carp(9, 10, 2, 9), tot_len=20 + 16)
    add(carp(9, 10, 2, 9), tot_len=20 + 40)
    # cut by the capture
    for n in (1, 3, 5, 6, 7, 8, 12, 15, 16, 24):
        add(carp(10, 10, 2, 9), caplen=14 + 20 + n)
    add(carp(10, 10, 2, 9, ck=0x4444), caplen=14 + 20 + 16)
    add(carp(11, 1, 1, 11), src="192.0.2.7")
    add6(carp(12, 0, 1, 12, authlen=0))            # authlen 0: VRRP reads no addresses
    add6(carp(12, 0, 1, 12, authlen=0, ck=0x5555))
    add6(carp(12, 0, 1, 12, authlen=0), hlim=1)
    add6(carp(12, 0, 1, 12, authlen=0)[:10])
    add6(carp(12, 0, 1, 12, authlen=0), caplen=14 + 40 + 9)
    # quoted by an ICMP error: the TTL checked is the quoted header's
    quoted = ip4(112, carp(13, 0, 1, 13), src="10.0.0.2", ttl=9)
    icmp = struct.pack("!BBHI", 3, 2, 0, 0) + quoted
    icmp = icmp[:2] + struct.pack("!H", csum(icmp)) + icmp[4:]
    cap.add(eth(ip4(1, icmp, src="10.0.0.254", dst="10.0.0.2", ttl=64), 0x0800))
    cap.write(os.path.join(out, "carp.pcap"))


# ---------------------------------------------------------------- UDP mix

def dname(s):
    return b"".join(bytes([len(p)]) + p.encode() for p in s.split(".") if p) + b"\0"


DNS_Q = struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + dname("www.example.com") + \
    struct.pack("!HH", 1, 1)
DNS_R = (struct.pack("!HHHHHH", 0x1234, 0x8180, 1, 1, 0, 0) + dname("www.example.com") +
         struct.pack("!HH", 1, 1) + b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 4) +
         bytes([93, 184, 216, 34]))


def tlv(t, v):
    n = len(v)
    if n < 128:
        return bytes([t, n]) + v
    return bytes([t, 0x81, n]) + v


def bint(i):
    return tlv(2, bytes([i]))


def boid(s):
    p = [int(x) for x in s.split(".")]
    b = bytes([p[0] * 40 + p[1]])
    for x in p[2:]:
        enc = [x & 0x7f]
        x >>= 7
        while x:
            enc.insert(0, 0x80 | (x & 0x7f))
            x >>= 7
        b += bytes(enc)
    return tlv(6, b)


SNMP_GET = tlv(0x30, bint(0) + tlv(4, b"public") + tlv(
    0xa0, bint(7) + bint(0) + bint(0) + tlv(0x30, tlv(0x30, boid("1.3.6.1.2.1.1.1.0") +
                                                    b"\x05\x00"))))
TFTP_RRQ = b"\x00\x01boot.img\x00octet\x00"
TFTP_ACK = b"\x00\x04\x00\x07"
RADIUS_REQ = (struct.pack("!BBH", 1, 0x2a, 20 + 10 + 6) + bytes(range(16)) +
              b"\x01\x0aalice123" + b"\x05\x06\x00\x00\x00\x03")
INNER = bytes(Ether(src="00:aa:bb:cc:dd:01", dst="00:aa:bb:cc:dd:02") /
              IP(src="192.168.1.1", dst="192.168.1.2", id=7, ttl=64) /
              ICMP(type=8, id=1, seq=1) / Raw(b"ping"))
VXLAN = struct.pack("!II", 0x08000000, 100 << 8) + INNER
VXLAN_BAD = struct.pack("!II", 0x0c000000, 5 << 8) + INNER[:20]


def make_ptype_udp(out, Capture):
    cap = Capture(start=1266100000)

    def udp(payload, sport, dport, v6=False, caplen=None, ulen=None, chksum=None):
        l3 = IPv6(src=C6, dst=S6, hlim=64) if v6 else IP(src=C4, dst=S4, id=0x66, ttl=64)
        kw = {}
        if ulen is not None:
            kw["len"] = ulen
        if chksum is not None:
            kw["chksum"] = chksum
        cap.add(Ether(src=MAC_C, dst=MAC_S) / l3 / UDP(sport=sport, dport=dport, **kw) /
                Raw(payload), caplen=caplen)

    # each protocol on its own port, both ways
    udp(DNS_Q, 40000, 53)
    udp(DNS_R, 53, 40000)
    udp(SNMP_GET, 40001, 161)
    udp(TFTP_RRQ, 40002, 69)
    udp(TFTP_ACK, 69, 40002)
    udp(RADIUS_REQ, 40003, 1812)
    udp(VXLAN, 40004, 4789)
    udp(DNS_Q, 40005, 5353)
    udp(SNMP_GET, 162, 40006)
    udp(b"\x00\x00\x00\x00", 40007, 123)                  # NTP port, short
    # the same payloads on ports no printer claims
    udp(DNS_Q, 33333, 44444)
    udp(SNMP_GET, 33334, 44445)
    udp(TFTP_RRQ, 33335, 44446)
    udp(RADIUS_REQ, 33336, 44447)
    udp(VXLAN, 33337, 44448)
    udp(VXLAN_BAD, 33338, 44449)
    # odd payloads
    udp(b"", 33339, 44450)
    udp(b"\x01", 33340, 44451)
    udp(b"hello, world\n", 33341, 44452)
    udp(bytes(range(48)), 33342, 44453)
    udp(b"\xff" * 30, 33343, 44454)
    # checksums: bad and absent (tcpdump prints no note with -T)
    udp(DNS_Q, 40000, 53, chksum=0xdead)
    udp(SNMP_GET, 33344, 44455, chksum=0)
    udp(TFTP_RRQ, 33345, 44456, chksum=0x1111)
    # UDP lengths: shorter than the IP payload, longer, below 8
    udp(TFTP_ACK + b"trailer", 69, 40002, ulen=8 + len(TFTP_ACK))
    udp(SNMP_GET, 33346, 44457, ulen=8 + len(SNMP_GET) + 10)
    udp(TFTP_RRQ, 33347, 44458, ulen=4)
    # cut by the capture
    udp(DNS_Q, 40000, 53, caplen=14 + 20 + 8 + 5)
    udp(SNMP_GET, 33348, 44459, caplen=14 + 20 + 8 + 10)
    udp(RADIUS_REQ, 33349, 44460, caplen=14 + 20 + 8 + 22)
    udp(VXLAN, 33350, 44461, caplen=14 + 20 + 8 + 12)
    udp(TFTP_RRQ, 33351, 44462, caplen=14 + 20 + 8 + 6)
    udp(TFTP_RRQ, 33352, 44463, caplen=14 + 20 + 4)
    # IPv6
    udp(DNS_Q, 40008, 53, v6=True)
    udp(SNMP_GET, 33353, 44464, v6=True)
    udp(RADIUS_REQ, 33354, 44465, v6=True, chksum=0x2222)
    udp(VXLAN, 33355, 44466, v6=True)
    # not UDP: TCP without payload, ICMP, an ICMP error quoting UDP, VRRP/CARP
    cap.add(Ether(src=MAC_C, dst=MAC_S) / IP(src=C4, dst=S4, id=0x67, ttl=64) /
            TCP(sport=40009, dport=53, flags="S", seq=1000, window=8192))
    cap.add(Ether(src=MAC_S, dst=MAC_C) / IP(src=S4, dst=C4, id=0x68, ttl=64) /
            TCP(sport=53, dport=40009, flags="SA", seq=5000, ack=1001, window=8192))
    cap.add(Ether(src=MAC_C, dst=MAC_S) / IP(src=C4, dst=S4, id=0x69, ttl=64) /
            ICMP(type=8, id=9, seq=1) / Raw(b"abcdefgh"))
    quoted = bytes(IP(src=C4, dst=S4, id=0x6a, ttl=64) / UDP(sport=33356, dport=44467) /
                   Raw(SNMP_GET))
    cap.add(Ether(src=MAC_S, dst=MAC_C) / IP(src=S4, dst=C4, id=0x6b, ttl=64) /
            ICMP(type=3, code=3) / Raw(quoted))
    cap.add(eth(ip4(112, carp(1, 0, 1, 1)), 0x0800))
    cap.write(os.path.join(out, "ptype_udp.pcap"))


def make(out, Capture):
    make_carp(out, Capture)
    make_ptype_udp(out, Capture)
