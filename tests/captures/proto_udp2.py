# UDP application captures of group 3 (part 2): syslog (RFC 3164), RIP v1/v2 (RFC 1058,
# RFC 2453, RFC 4822 auth), RIPng (RFC 2080), RADIUS (RFC 2865/2866), SNMP (RFC 1157, 3416,
# 3412). Raw bytes throughout, so that malformed packets are as easy as good ones.
import os
import struct

from scapy.packet import Raw
from scapy.layers.l2 import Ether
from scapy.layers.inet import IP, UDP
from scapy.layers.inet6 import IPv6

MAC_C, MAC_S = "00:11:22:33:44:01", "00:11:22:33:44:02"
C4, S4 = "10.0.0.1", "10.0.0.2"
C6, S6 = "2001:db8::1", "2001:db8::2"


class Writer:
    """Adds UDP datagrams to a Capture: caplen cuts the frame, ulen forces the UDP length."""

    def __init__(self, cap):
        self.cap = cap

    def udp(self, payload, sport, dport, caplen=None, ulen=None, v6=False, src=None,
            dst=None):
        if v6:
            l3 = IPv6(src=src or C6, dst=dst or S6, hlim=64)
        else:
            l3 = IP(src=src or C4, dst=dst or S4, id=0x55, ttl=64)
        u = UDP(sport=sport, dport=dport) if ulen is None else UDP(sport=sport, dport=dport,
                                                                     len=ulen)
        self.cap.add(Ether(src=MAC_C, dst=MAC_S) / l3 / u / Raw(payload), caplen=caplen)


# ---------------------------------------------------------------- syslog

def make_syslog(out, Capture):
    cap = Capture(start=1264000000)
    w = Writer(cap)

    def sl(msg, **kw):
        w.udp(msg, 40514, 514, **kw)

    sl(b"<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8")
    for pri in (0, 9, 23, 30, 45, 52, 63, 71, 78, 86, 95, 100, 111, 118, 125, 131, 132, 141,
                150, 157, 166, 174, 183, 191):
        sl(b"<%d>msg %d" % (pri, pri))
    sl(b"<192>too big facility")
    sl(b"<1023>four digits")
    sl(b"<999>three nines")
    sl(b"<0999>leading zero")
    sl(b"<>empty priority")
    sl(b"no priority at all")
    sl(b"<12abc>no closing")
    sl(b"<13>")
    sl(b"<14>ctrl \x01\x02\x7f\x80\xff tab\tnl\ncr\r end")
    sl(b"<15>" + b"long message " * 12)
    sl(b"<")
    sl(b"<1")
    sl(b"")
    sl(b"<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
       b"[exampleSDID@32473 iut=\"3\"] BOMAn application event log entry", v6=True)
    sl(b"<34>cut inside the message text, well past the header", caplen=14 + 20 + 8 + 20)
    sl(b"<34>cut", caplen=14 + 20 + 8 + 2)
    sl(b"<34>cut", caplen=14 + 20 + 8 + 4)
    sl(b"<34>ulen shorter than the payload", ulen=8 + 12)
    w.udp(b"<11>from port 514", 514, 514)
    w.udp(b"<11>source port 514", 514, 40000)
    cap.write(os.path.join(out, "syslog.pcap"))




# ---------------------------------------------------------------- RIP

def ipb(a):
    return bytes(int(x) for x in a.split("."))


def rip_v1(addr, metric, afi=2, mbz=b"\0" * 10):
    return struct.pack("!H", afi) + mbz[:2] + ipb(addr) + mbz[2:10] + struct.pack("!I", metric)


def rip_v2(addr, mask, nh="0.0.0.0", metric=1, tag=0, afi=2):
    return struct.pack("!HH", afi, tag) + ipb(addr) + ipb(mask) + ipb(nh) + \
        struct.pack("!I", metric)


def make_rip(out, Capture):
    cap = Capture(start=1264100000)
    w = Writer(cap)

    def rip(cmd, ver, body=b"", **kw):
        w.udp(struct.pack("!BBH", cmd, ver, 0) + body, 520, 520, dst=kw.pop("dst", "224.0.0.9"),
              **kw)

    rip(1, 1, rip_v1("0.0.0.0", 16, afi=0))                       # whole-table request
    rip(2, 1, rip_v1("10.1.0.0", 1) + rip_v1("10.2.0.0", 2) + rip_v1("192.168.7.0", 15))
    rip(2, 1, rip_v1("10.3.0.0", 3, afi=7) + rip_v1("10.4.0.0", 4, mbz=b"\0\0\0\0\0\1" +
                                                     b"\0" * 4) + rip_v1("10.5.0.0", 16))
    rip(2, 1, rip_v1("10.6.0.0", 1) + b"\0\2\0\0\1\2\3\4")          # 8 trailing bytes
    rip(1, 2, rip_v2("0.0.0.0", "0.0.0.0", metric=16, afi=0))
    rip(2, 2, rip_v2("10.1.0.0", "255.255.0.0", metric=1) +
        rip_v2("10.2.3.0", "255.255.255.0", "10.0.0.254", 2, tag=0x1234) +
        rip_v2("0.0.0.0", "0.0.0.0", metric=5) +
        rip_v2("192.168.1.1", "255.255.255.255", "192.168.1.254", 16) +
        rip_v2("172.16.0.0", "255.0.255.0", metric=3, tag=0xffff) +
        rip_v2("10.9.0.0", "255.255.255.128", metric=7, afi=0))
    auth = lambda t, data: struct.pack("!HH", 0xffff, t) + data
    rip(2, 2, auth(2, b"secretpw\0\0\0\0\0\0\0\0") + rip_v2("10.1.0.0", "255.255.0.0"))
    rip(2, 2, auth(2, b"0123456789abcdef") + rip_v2("10.1.0.0", "255.255.0.0"))
    rip(2, 2, auth(2, b"ab\x01\x80\0zz\0\0\0\0\0\0\0\0\0") + rip_v2("10.1.0.0", "255.255.0.0"))
    md5 = struct.pack("!HBBIII", 44, 1, 16, 12345, 0, 0)
    rip(2, 2, auth(3, md5) + rip_v2("10.1.0.0", "255.255.0.0") + auth(1, bytes(range(16))))
    rip(2, 2, auth(3, struct.pack("!HBBIII", 64, 255, 20, 0xffffffff, 1, 2)) +
        rip_v2("10.1.0.0", "255.255.0.0") + auth(1, bytes(range(20))))
    rip(2, 2, auth(9, b"unknown auth type data"))
    rip(2, 2, rip_v2("10.1.0.0", "255.255.0.0") + auth(2, b"short"))     # auth cut short
    rip(2, 2, rip_v2("10.1.0.0", "255.255.0.0") + auth(3, b"\0" * 8))     # crypto too short
    rip(2, 2, rip_v2("10.1.0.0", "255.255.0.0") + b"\0\2\0\0\1\2")        # partial entry
    rip(2, 2, rip_v2("10.1.0.0", "255.255.0.0") + b"\0\2")                # < entry header
    for afi in (24, 28, 30, 6, 16, 23, 1, 99):
        rip(2, 2, rip_v2("10.1.0.0", "255.255.0.0", afi=afi))
    rip(2, 2, rip_v2("10.8.0.0", "255.255.0.0"), v6=True, dst="ff02::9")
    for cmd in (3, 4, 5, 6, 0, 7, 200):
        rip(cmd, 1, b"trace file name\0")
        rip(cmd, 2, rip_v2("10.1.0.0", "255.255.0.0"))
    rip(2, 0, rip_v1("10.1.0.0", 1))                                      # version 0
    rip(1, 3, rip_v2("10.1.0.0", "255.255.0.0"))
    rip(2, 200, rip_v2("10.1.0.0", "255.255.0.0"))
    rip(2, 2)                                                            # header only
    rip(1, 1)
    w.udp(b"\x02\x02", 520, 520)                                         # < header
    w.udp(b"", 520, 520)
    w.udp(b"\x02", 520, 520)
    rip(2, 2, rip_v2("10.1.0.0", "255.255.0.0") * 3, caplen=14 + 20 + 8 + 4 + 30)
    rip(2, 1, rip_v1("10.1.0.0", 1) * 3, caplen=14 + 20 + 8 + 4 + 30)
    rip(2, 2, auth(3, md5) + rip_v2("10.1.0.0", "255.255.0.0"), caplen=14 + 20 + 8 + 4 + 10)
    rip(2, 2, auth(2, b"secretpw\0\0\0\0\0\0\0\0"), caplen=14 + 20 + 8 + 4 + 4 + 5)
    rip(2, 2, rip_v2("10.1.0.0", "255.255.0.0") * 2, ulen=8 + 4 + 30)
    rip(2, 2, auth(2, b"secretpw\0\0\0\0\0\0\0\0"), ulen=8 + 4 + 4 + 5)
    rip(2, 2, auth(2, b"secretpwsecretpw"), ulen=8 + 4 + 4 + 5)
    rip(2, 2, rip_v2("10.1.0.0", "255.255.0.0") + b"\0\x63\0\0\1\2\3\4")  # short unknown AFI
    rip(2, 2, rip_v2("10.1.0.0", "255.255.0.0", afi=99) + b"\0\x63\0\0\1\2\3\4",
        ulen=8 + 4 + 28)
    rip(2, 1, rip_v1("10.1.0.0", 1) + rip_v1("10.1.0.0", 1), ulen=8 + 4 + 30)
    w.udp(struct.pack("!BBH", 2, 2, 0) + rip_v2("10.1.0.0", "255.255.0.0"),
                            40000, 520)
    w.udp(struct.pack("!BBH", 1, 2, 0) + rip_v2("0.0.0.0", "0.0.0.0", metric=16, afi=0),
          520, 53)                                                       # DNS port wins
    cap.write(os.path.join(out, "rip.pcap"))


# ---------------------------------------------------------------- RIPng

def make_ripng(out, Capture):
    import socket
    cap = Capture(start=1264400000)
    w = Writer(cap)

    def rte(prefix, plen, metric, tag=0):
        return socket.inet_pton(socket.AF_INET6, prefix) + struct.pack("!HBB", tag, plen, metric)

    def ripng(cmd, body=b"", ver=1, **kw):
        w.udp(struct.pack("!BBH", cmd, ver, 0) + body, 521, 521, v6=True, src="fe80::1",
              dst="ff02::9", **kw)

    ripng(1, rte("::", 0, 16))                                   # whole-table request
    ripng(1, rte("::", 0, 15))
    ripng(1, rte("2001:db8::", 32, 16))
    ripng(1, rte("2001:db8:1::", 48, 0) + rte("2001:db8:2::", 48, 0, tag=7))
    ripng(2, rte("2001:db8:1::", 48, 1) + rte("2001:db8:2::", 64, 15, tag=0x1234) +
          rte("::", 0, 16) + rte("fe80::", 10, 0))
    ripng(2)
    ripng(1)
    ripng(2, rte("2001:db8:1::", 48, 1) + b"\0\1\2")           # partial entry
    ripng(1, rte("2001:db8:1::", 48, 1) + b"\0" * 10)
    ripng(2, rte("2001:db8:1::", 48, 1), ver=2)
    ripng(2, rte("2001:db8:1::", 48, 1), ver=0)
    ripng(3, rte("2001:db8:1::", 48, 1))
    ripng(0)
    ripng(255, b"xyz")
    w.udp(b"\x02\x01", 521, 521, v6=True)                        # shorter than the header
    w.udp(b"\x02", 521, 521, v6=True)
    w.udp(b"", 521, 521, v6=True)
    ripng(2, rte("2001:db8:1::", 48, 1) * 3, caplen=14 + 40 + 8 + 4 + 30)
    ripng(1, rte("::", 0, 16), caplen=14 + 40 + 8 + 4 + 19)
    ripng(2, rte("2001:db8:1::", 48, 1) * 2, ulen=8 + 4 + 30)
    w.udp(struct.pack("!BBH", 2, 1, 0) + rte("2001:db8:9::", 64, 2), 521, 521)  # over IPv4
    cap.write(os.path.join(out, "ripng.pcap"))


def make(out, Capture):
    make_syslog(out, Capture)
    make_rip(out, Capture)
    make_ripng(out, Capture)
    make_radius(out, Capture)
    make_snmp(out, Capture)


# ---------------------------------------------------------------- RADIUS

def rad_attr(t, v):
    return bytes([t, 2 + len(v)]) + v


def radius(code, ident, attrs=b"", length=None, auth=bytes(range(16))):
    n = 20 + len(attrs) if length is None else length
    return struct.pack("!BBH", code, ident, n) + auth + attrs


def make_radius(out, Capture):
    cap = Capture(start=1264200000)
    w = Writer(cap)

    def rad(msg, sport=40001, dport=1812, **kw):
        w.udp(msg, sport, dport, **kw)

    # every attribute type, with a 4-byte number and with 4 bytes of text
    for first in range(1, 256, 12):
        types = range(first, min(first + 12, 256))
        rad(radius(1, first, b"".join(rad_attr(t, b"\0\0\0\3") for t in types)))
        rad(radius(1, first, b"".join(rad_attr(t, b"ab\x01c") for t in types)))
    rad(radius(1, 0, b"".join(rad_attr(t, b"") for t in range(0, 20))))
    num = lambda v: struct.pack("!I", v)
    # every code, with a typical attribute set
    for i, code in enumerate((1, 2, 3, 4, 5, 11, 12, 13, 40, 41, 42, 43, 44, 45, 255, 0, 99)):
        rad(radius(code, i, rad_attr(1, b"alice") + rad_attr(4, ipb("10.0.0.1")) +
                   rad_attr(5, num(7))), sport=1812 if code in (2, 3, 11) else 40001,
            dport=40001 if code in (2, 3, 11) else 1812)
    # enumerated values, one packet per attribute, values 0 .. past the table
    for t, top in ((6, 21), (7, 9), (10, 5), (13, 5), (15, 10), (29, 3), (40, 17), (45, 6),
                   (49, 25), (57, 4), (61, 46), (72, 6), (76, 3)):
        rad(radius(4, t, b"".join(rad_attr(t, num(v)) for v in range(0, top))), dport=1813)
    rad(radius(4, 64, b"".join(rad_attr(64, bytes([tag]) + struct.pack("!I", v)[1:])
                               for tag, v in ((0, 0), (1, 1), (2, 13), (31, 14), (32, 99)))))
    rad(radius(4, 65, b"".join(rad_attr(65, bytes([tag]) + struct.pack("!I", v)[1:])
                               for tag, v in ((0, 0), (1, 1), (2, 15), (31, 16)))))
    # numbers: timeouts, special values, tagged values, signedness
    rad(radius(4, 27, b"".join(rad_attr(t, num(v)) for t in (27, 28, 41, 46, 85)
                               for v in (0, 9, 59, 60, 61, 3599, 3600, 3661, 86399, 4294967295))),
        dport=1646)
    rad(radius(4, 23, rad_attr(23, num(0xfffffffe)) + rad_attr(23, num(0x80000001)) +
               rad_attr(5, num(0x80000000)) + rad_attr(37, num(0)) + rad_attr(37, num(12)) +
               rad_attr(38, num(0)) + rad_attr(38, num(0xffffffff)) +
               rad_attr(83, b"\0\0\0\7") + rad_attr(83, b"\5\1\0\0") +
               rad_attr(56, b"\x31\0\0\x0a") + rad_attr(56, b"\x32\0\x10\x01") +
               rad_attr(12, num(1500)) + rad_attr(5, b"\0\0\7") + rad_attr(6, b"\0\0\0\0\2")))
    # addresses
    rad(radius(1, 8, rad_attr(8, ipb("255.255.255.255")) + rad_attr(8, ipb("255.255.255.254")) +
               rad_attr(14, ipb("255.255.255.255")) + rad_attr(14, ipb("255.255.255.254")) +
               rad_attr(4, ipb("255.255.255.255")) + rad_attr(9, ipb("255.255.255.0")) +
               rad_attr(14, ipb("192.0.2.1")) + rad_attr(4, b"\1\2\3") +
               rad_attr(8, b"\1\2\3\4\5")), dport=1645)
    import socket
    a6 = socket.inet_pton(socket.AF_INET6, "2001:db8::1")
    rad(radius(1, 95, rad_attr(95, a6) + rad_attr(98, a6) + rad_attr(95, a6[:15]) +
               rad_attr(97, b"\0\x40" + a6[:8]) + rad_attr(97, b"\0\x80" + a6) +
               rad_attr(97, b"\0\0") + rad_attr(97, b"\0\x81" + a6[:8]) +
               rad_attr(97, b"\0\x40" + a6[:4]) + rad_attr(97, b"\0") +
               rad_attr(97, b"\0\x40" + a6 + b"\0") + rad_attr(123, b"\0\x38" + a6[:7]) +
               rad_attr(125, b"\x40" + a6) + rad_attr(125, b"\x81" + a6) +
               rad_attr(125, a6)))
    # strings: tags, NULs, non-ASCII, VLAN names
    rad(radius(1, 66, rad_attr(66, b"\3host.example") + rad_attr(67, b"host.example") +
               rad_attr(81, b"\0vlan") + rad_attr(82, b"\x1fid") + rad_attr(90, b"\1") +
               rad_attr(91, b"\x20auth") + rad_attr(69, b"\5\x12\x34secret") +
               rad_attr(69, b"\0\0\1x") + rad_attr(69, b"\x40\0\1x") + rad_attr(69, b"\1\2") +
               rad_attr(58, b"\x31vlan10") + rad_attr(58, b"\x32") + rad_attr(58, b"\x40x") +
               rad_attr(1, b"ab\0cd") + rad_attr(1, b"\xe9t\xe9\x7f~ ") +
               rad_attr(18, b"Welcome, user!")))
    # vendor-specific
    vsa = lambda vid, subs: rad_attr(26, struct.pack("!I", vid) + subs)
    for vid in (0, 5, 9, 166, 307, 311, 429, 529, 1584, 1991, 2180, 2352, 2636, 2637, 3085,
                3199, 3309, 4874, 5567, 6618, 8744, 10415, 11862, 14122, 99999, 11, 42, 61,
                193, 255, 3076, 3224, 4329, 4491, 5263, 5535, 5925, 5948, 6728, 10529):
        rad(radius(2, vid & 0xff, vsa(vid, rad_attr(1, b"x=1"))), sport=1812, dport=40001)
    rad(radius(2, 1, vsa(9, rad_attr(1, b"shell:priv-lvl=15") + rad_attr(250, b"\0\x01\xff")) +
               vsa(311, rad_attr(16, bytes(range(4)))) + vsa(9, b"") + vsa(9, b"\1") +
               vsa(9, b"\1\1xx") + vsa(9, b"\1\x09xx") + vsa(9, b"\1\2") +
               rad_attr(26, b"\0\0\9")), sport=1812, dport=40001)
    # the "strange" ones, time, vector, location
    rad(radius(1, 70, rad_attr(70, bytes(range(16))) + rad_attr(70, b"\0" * 8) +
               rad_attr(71, b"\1\6" + bytes(range(12))) + rad_attr(71, b"\0\x08" + bytes(12)) +
               rad_attr(71, b"\0") + rad_attr(84, bytes(range(8))) +
               rad_attr(84, bytes(range(10))) + rad_attr(84, b"\1\2")))
    rad(radius(1, 101, b"".join(rad_attr(101, num(v)) for v in (
        201, 202, 401, 402, 403, 404, 405, 406, 407, 501, 502, 503, 504, 505, 506, 507, 508, 509,
        0, 600)) + rad_attr(101, b"\0\0\1")))
    rad(radius(4, 55, rad_attr(55, num(1264200000)) + rad_attr(55, num(0)) +
               rad_attr(55, num(0xffffffff)) + rad_attr(55, b"\0"), ))
    rad(radius(1, 124, rad_attr(124, struct.pack("!Q", 0x0003ff0000000003)) +
               rad_attr(124, struct.pack("!Q", 0)) + rad_attr(124, struct.pack("!Q", 1 << 63)) +
               rad_attr(124, num(1))))
    rad(radius(1, 126, b"".join(rad_attr(126, bytes([ns]) + b"op.example") for ns in
                                (0x30, 0x31, 0x32, 0x33, 0x34, 0)) + rad_attr(126, b"\x31") +
               rad_attr(126, b"\x31\x80\x01")))
    ntp = lambda sec, frac: struct.pack("!II", sec, frac)
    rad(radius(1, 127, rad_attr(127, struct.pack("!HBB", 1, 0, 0) + ntp(3472560000, 0x80000000)
                                + ntp(0, 0) + b"GPS") +
               rad_attr(127, struct.pack("!HBB", 2, 1, 1) + ntp(1, 1) + ntp(4294967295,
                                                                          4294967295) + b"") +
               rad_attr(127, struct.pack("!HBB", 3, 2, 9) + ntp(3000000000, 123456789) +
                        ntp(2208988800, 7) + b"\x01M\xff") +
               rad_attr(127, b"\0" * 20) +
               rad_attr(128, struct.pack("!H", 7) + b"civic location data, long enough") +
               rad_attr(128, b"\0\1\x80") + rad_attr(128, b"\0\1") +
               rad_attr(129, struct.pack("!H", 0x8000) + ntp(3472560000, 0)) +
               rad_attr(129, struct.pack("!H", 0x7fff) + ntp(0, 0) + b"note \x01 well") +
               rad_attr(129, struct.pack("!H", 0) + ntp(1, 0)) + rad_attr(129, b"\0" * 9)))
    # EAP-Message
    eap = lambda code, ident, body=b"", ln=None: struct.pack(
        "!BBH", code, ident, 4 + len(body) if ln is None else ln) + body
    for m in (eap(2, 1, b"\1alice@example"), eap(1, 1, b"\1"), eap(1, 2, b"\2Note\0x"),
              eap(1, 2, b"\2"), eap(2, 3, b"\3\x0d\x15\x19\x63"), eap(2, 3, b"\3"),
              eap(1, 4, b"\x0d\x20"), eap(1, 4, b"\x0d\xc0\0\0\x10\0"),
              eap(1, 4, b"\x0d\x80\0\0"), eap(1, 4, b"\x0d"), eap(2, 5, b"\x15\x01"),
              eap(2, 5, b"\x15\xa2\0\0\1\0"), eap(1, 6, b"\x2b\x21"),
              eap(1, 6, b"\x2b\x81\0\0\0\x20"), eap(1, 6, b"\x2b"),
              eap(1, 7, b"\x12\x0a\0\0"), eap(1, 7, b"\x17\x01\0\0"), eap(1, 7, b"\x17\x63"),
              eap(1, 7, b"\x12"), eap(1, 8, b"\x04\x10" + bytes(16)), eap(1, 8, b"\x05"),
              eap(1, 8, b"\x06"), eap(1, 8, b"\xfe\0\0\0"), eap(1, 8, b"\xff"),
              eap(1, 8, b"\x63"), eap(1, 8), eap(3, 9), eap(4, 9), eap(9, 9, b"zz"),
              eap(2, 1, b"\1alice", ln=40), eap(2, 1, b"", ln=3), b"\x02", b"\x02\x01\x00\x03"):
        rad(radius(11, 79, rad_attr(79, m) + rad_attr(80, bytes(range(1, 17)))), sport=1812,
            dport=40001)
    rad(radius(11, 79, rad_attr(79, b"\x02\x01\x00") + rad_attr(3, b"xyz")), sport=1812,
        dport=40001)                                     # EAP length 3 (from the next byte)
    rad(radius(11, 79, rad_attr(1, b"bob") + rad_attr(79, b"\x02")), sport=1812, dport=40001)
    # bad attribute and header lengths
    rad(radius(1, 200, rad_attr(1, b"ok") + b"\x01\x00"))
    rad(radius(1, 201, rad_attr(1, b"ok") + b"\x04\x01\0\0"))
    rad(radius(1, 202, rad_attr(1, b"ok") + b"\x04\x20\0\0"))
    rad(radius(1, 203, rad_attr(1, b"ok") + b"\x04"))
    rad(radius(1, 204, rad_attr(1, b"ok"), length=19))
    rad(radius(1, 205, rad_attr(1, b"ok"), length=0))
    rad(radius(1, 206, rad_attr(1, b"ok") + rad_attr(5, num(1)), length=26))
    rad(radius(1, 207, rad_attr(1, b"ok"), length=200))
    rad(radius(1, 208, rad_attr(1, b"ok"), length=20))
    rad(radius(1, 209)[:19])
    rad(b"")
    # cut inside the header, an attribute header, and each kind of value
    full = radius(1, 210, rad_attr(1, b"alice") + rad_attr(5, num(7)) +
                  rad_attr(4, ipb("10.0.0.1")) + rad_attr(95, a6) + rad_attr(97, b"\0\x40" + a6[:8])
                  + rad_attr(26, struct.pack("!I", 9) + rad_attr(1, b"abc")) +
                  rad_attr(55, num(1)) + rad_attr(70, bytes(16)) + rad_attr(101, num(201)) +
                  rad_attr(79, eap(2, 1, b"\1alice")) + rad_attr(124, bytes(8)) +
                  rad_attr(126, b"\x31op") + rad_attr(127, bytes(24)) +
                  rad_attr(128, b"\0\1abc") + rad_attr(129, bytes(12)))
    for cut in (10, 21, 23, 29, 33, 36, 53, 65, 70, 76, 82, 95, 110, 120, 128, 135, 140, 150,
                165, 172):
        rad(full, caplen=14 + 20 + 8 + cut)
    rad(full, sport=1812, dport=1813)
    cap.write(os.path.join(out, "radius.pcap"))


# ---------------------------------------------------------------- SNMP (BER, X.690)

def tlv(tag, body, lenform=None):
    """Tag, length, value; lenform forces a long-form length of that many bytes."""
    n = len(body)
    if lenform:
        ln = bytes([0x80 | lenform]) + n.to_bytes(lenform, "big")
    elif n < 128:
        ln = bytes([n])
    elif n < 256:
        ln = b"\x81" + bytes([n])
    else:
        ln = b"\x82" + struct.pack("!H", n)
    return (bytes([tag]) if isinstance(tag, int) else tag) + ln + body


def oid_body(comps):
    out = bytes([comps[0] * 40 + (comps[1] if len(comps) > 1 else 0)])
    for c in comps[2:]:
        b = [c & 0x7f]
        c >>= 7
        while c:
            b.append(0x80 | (c & 0x7f))
            c >>= 7
        out += bytes(reversed(b))
    return out


def boid(s):
    return tlv(6, oid_body([int(x) for x in s.split(".")]))


def bint(v, tag=2):
    if v == 0:
        return tlv(tag, b"\0")
    return tlv(tag, v.to_bytes((v.bit_length() + 8) // 8, "big", signed=True))


def buns(v, tag):
    b = v.to_bytes(max(1, (v.bit_length() + 7) // 8), "big")
    if b[0] & 0x80:
        b = b"\0" + b
    return tlv(tag, b)


def bstr(s):
    return tlv(4, s)


BNULL = b"\x05\x00"


def bseq(*items):
    return tlv(0x30, b"".join(items))


def vbl(*vbs):
    return bseq(*[bseq(boid(o), v) for o, v in vbs])


def bpdu(tag, reqid, es, ei, vbs):
    return tlv(0xa0 | tag, bint(reqid) + bint(es) + bint(ei) + vbs)


def v1(community, pdu, version=0):
    return bseq(bint(version), bstr(community), pdu)


def trap(ent, agent, generic, specific, ticks, vbs=None):
    return tlv(0xa4, boid(ent) + tlv(0x40, agent) + bint(generic) + bint(specific) +
               buns(ticks, 0x43) + (vbs if vbs is not None else vbl()))


def v3(flags, model, usm, scoped, msgid=100, maxsize=65507):
    hdr = bseq(bint(msgid), bint(maxsize), bstr(bytes([flags]) if isinstance(flags, int)
                                                  else flags), bint(model))
    return bseq(bint(3), hdr, bstr(usm), scoped)


def usm(engine, boots, time, user, auth=b"", priv=b""):
    return bseq(bstr(engine), bint(boots), bint(time), bstr(user), bstr(auth), bstr(priv))


def scoped(engine, context, pdu):
    return bseq(bstr(engine), bstr(context), pdu)


def make_snmp(out, Capture):
    cap = Capture(start=1264300000)
    w = Writer(cap)

    def req(msg, **kw):
        w.udp(msg, kw.pop("sport", 40161), kw.pop("dport", 161), **kw)

    def resp(msg, **kw):
        w.udp(msg, 161, 40161, src=S4, dst=C4, **kw)

    get = lambda *oids: vbl(*[(o, BNULL) for o in oids])
    oids = ("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.2.2.1.2.3", "1.3.6.1.4.1.9.9.13.1",
            "1.3.6.1.3.99.1", "1.3.6.1.6.3.1.1.4.1.0", "1.3.6.1.2.1.99.5", "1.3.6.1.5.5",
            "1.3.6.1", "1.3", "2.5.4.3", "0.0", "1.3.6.1.2.1", "1.3.6.1.4.1.311.1.1.3.1.2",
            "1.3.6.1.2.1.4.21.1.1.10.0.0.1", "1.3.6.1.2.1.55.1.8.1.1", "1.3.6.1.2.1.1.9.1.2.4294967295")
    req(v1(b"public", bpdu(0, 1, 0, 0, get(*oids))))
    req(v1(b"private", bpdu(1, 2, 0, 0, get("1.3.6.1.2.1.1", "1.3.6.1.2.1.2.2"))))
    vals = vbl(("1.3.6.1.2.1.1.1.0", bstr(b"Linux router 5.10")),
               ("1.3.6.1.2.1.1.2.0", boid("1.3.6.1.4.1.8072.3.2.10")),
               ("1.3.6.1.2.1.1.3.0", buns(123456789, 0x43)),
               ("1.3.6.1.2.1.1.4.0", bstr(b"")),
               ("1.3.6.1.2.1.1.5.0", bstr(b"bin\x00\x01\xff")),
               ("1.3.6.1.2.1.1.7.0", bint(72)),
               ("1.3.6.1.2.1.2.1.0", bint(-5)),
               ("1.3.6.1.2.1.2.2.1.5.1", buns(4294967295, 0x42)),
               ("1.3.6.1.2.1.2.2.1.10.1", buns(305419896, 0x41)),
               ("1.3.6.1.2.1.4.20.1.1.10.0.0.2", tlv(0x40, bytes([10, 0, 0, 2]))),
               ("1.3.6.1.2.1.31.1.1.1.6.1", buns(18446744073709551615, 0x46)),
               ("1.3.6.1.2.1.31.1.1.1.10.1", buns(1234567890123, 0x46)),
               ("1.3.6.1.4.1.2021.10.1.6.1", tlv(0x44, b"\x9f\x78\x04\x3e\x80\x00\x00")),
               ("1.3.6.1.2.1.1.6.0", tlv(0x40, b"\1\2\3")),
               ("1.3.6.1.2.1.1.8.0", bint(-2147483648)), ("1.3.6.1.2.1.1.8.1", bint(2147483647)),
               ("1.3.6.1.2.1.1.8.2", tlv(2, b"\x01\x00\x00\x00\x00")),
               ("1.3.6.1.2.1.1.9.0", BNULL))
    resp(v1(b"public", bpdu(2, 1, 0, 0, vals)))
    for es, ei in ((1, 1), (2, 3), (0, 4), (5, 0), (18, 1), (19, 2), (-1, 1)):
        resp(v1(b"public", bpdu(2, 10 + es, es, ei, get("1.3.6.1.2.1.1.1.0"))))
    req(v1(b"secret", bpdu(3, 3, 0, 0, vbl(("1.3.6.1.2.1.1.5.0", bstr(b"newname")),
                                           ("1.3.6.1.2.1.1.6.0", bint(7))))))
    req(v1(b"public", bpdu(3, 4, 4, 1, vbl(("1.3.6.1.2.1.1.5.0", bstr(b"x"))))))
    req(v1(b"public", bpdu(0, 5, 0, 2, get("1.3.6.1.2.1.1.1.0"))))
    req(v1(b"public", bpdu(0, 6, 0, 0, vbl(("1.3.6.1.2.1.1.1.0", bint(1))))))
    # traps (v1)
    for g, sp in ((0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 17), (7, 0), (2, 3)):
        w.udp(v1(b"public", trap("1.3.6.1.4.1.9.1.1", bytes([10, 0, 0, 1]), g, sp, 1000 + g,
                                 vbl(("1.3.6.1.2.1.2.2.1.1.2", bint(2))))), 40162, 162)
    w.udp(v1(b"traps", trap("1.3.6.1.4.1.8072.3.2.10", bytes([192, 0, 2, 1]), 6, -1, 0)),
          40162, 162)
    # v2c
    v2 = lambda pdu, community=b"public": v1(community, pdu, version=1)
    req(v2(tlv(0xa5, bint(7) + bint(0) + bint(10) + get("1.3.6.1.2.1.2.2.1.2"))))
    req(v2(tlv(0xa5, bint(8) + bint(3) + bint(-1) + get("1.3.6.1.2.1.2.2.1.2"))))
    resp(v2(bpdu(2, 9, 0, 0, vbl(("1.3.6.1.2.1.1.1.0", tlv(0x80, b"")),
                                 ("1.3.6.1.2.1.1.2.0", tlv(0x81, b"")),
                                 ("1.3.6.1.2.1.1.3.0", tlv(0x82, b""))))))
    w.udp(v2(bpdu(6, 11, 0, 0, vbl(("1.3.6.1.2.1.1.3.0", buns(55, 0x43)),
                                   ("1.3.6.1.6.3.1.1.4.1.0", boid("1.3.6.1.6.3.1.1.5.3"))))),
          40162, 162)
    w.udp(v2(bpdu(7, 12, 0, 0, vbl(("1.3.6.1.2.1.1.3.0", buns(56, 0x43)),
                                   ("1.3.6.1.6.3.1.1.4.1.0", boid("1.3.6.1.6.3.1.1.5.4")))),
             b"traps"), 40162, 162)
    w.udp(v2(bpdu(7, 13, 2, 1, vbl())), 40162, 162)
    req(v2(bpdu(8, 14, 0, 0, vbl(("1.3.6.1.6.3.15.1.1.4.0", buns(3, 0x41))))))
    w.udp(v2(trap("1.3.6.1.4.1.9", bytes(4), 0, 0, 1)), 40162, 162)   # v1 PDU in v2
    req(v1(b"public", tlv(0xa5, bint(7) + bint(0) + bint(10) + get("1.3.6.1.2.1.1"))))
    req(v1(b"public", bpdu(6, 1, 0, 0, vbl())))
    req(v1(b"public", bpdu(7, 1, 0, 0, vbl())))
    req(v1(b"public", bpdu(8, 1, 0, 0, vbl())))
    # v3
    disc = scoped(b"", b"", bpdu(0, 200, 0, 0, vbl()))
    req(v3(4, 3, usm(b"", 0, 0, b""), disc))
    resp(v3(0, 3, usm(b"\x80\x00\x1f\x88\x80\x12\x34", 5, 123456, b""),
            scoped(b"\x80\x00\x1f\x88\x80\x12\x34", b"",
                   bpdu(8, 200, 0, 0, vbl(("1.3.6.1.6.3.15.1.1.4.0", buns(1, 0x41)))))))
    req(v3(5, 3, usm(b"\x80\x00\x1f\x88\x80\x12\x34", 5, 123460, b"admin", b"\xaa" * 12),
           scoped(b"\x80\x00\x1f\x88\x80\x12\x34", b"ctx", bpdu(0, 201, 0, 0,
                                                                  get("1.3.6.1.2.1.1.1.0")))))
    req(v3(7, 3, usm(b"\x80\x00\x1f\x88\x80\x12\x34", 5, 123460, b"admin", b"\xaa" * 12,
                     b"\0" * 8), bstr(b"\x13\x37encrypted-pdu\xff")))
    req(v3(3, 3, usm(b"e", 1, 2, b"u\x01"), disc))
    req(v3(1, 3, usm(b"e", 1, 2, b"u"), disc))
    req(v3(2, 3, usm(b"e", 1, 2, b"u"), disc))                  # bad flags
    req(v3(b"\0\0", 3, usm(b"e", 1, 2, b"u"), disc))            # flags of 2 bytes
    req(v3(0, 1, usm(b"e", 1, 2, b"u"), disc))                  # not USM
    req(v3(0, 3, bseq(bstr(b"e"), bint(1)), disc))              # USM cut short
    req(v3(0, 3, bstr(b"not a sequence"), disc))
    req(v3(0, 3, usm(b"e", 1, 2, b"u") + b"\x05\x00", disc))    # extra after usm SEQ
    req(bseq(bint(3), bseq(bint(1), bint(2), bstr(b"\0"), bint(3), bint(9)),
             bstr(usm(b"e", 1, 2, b"u")), disc))                # extra in the header SEQ
    # malformed BER and headers
    ok = v1(b"public", bpdu(0, 1, 0, 0, get("1.3.6.1.2.1.1.1.0")))
    req(ok + b"\0\0\0")                                         # extra after iSEQ
    req(bint(5))                                                # not a SEQ
    req(bseq(bint(2), bstr(b"public"), bpdu(0, 1, 0, 0, vbl())))  # SNMPv2u
    req(bseq(bint(-1), bstr(b"public")))
    req(bseq(bstr(b"0"), bstr(b"public")))                      # version not INT
    req(bseq(bint(0), bint(1), bpdu(0, 1, 0, 0, vbl())))        # community not STR
    req(bseq(bint(0), bstr(b"public"), bint(1)))                # no PDU
    req(bseq(bint(0), bstr(b"public"), bpdu(0, 1, 0, 0, vbl()) + b"\0\0"))
    req(bseq(bint(0), bstr(b"public"), tlv(0xa0, bstr(b"x"))))  # reqId not INT
    req(bseq(bint(0), bstr(b"public"), tlv(0xa0, bint(1) + bstr(b"x"))))
    req(bseq(bint(0), bstr(b"public"), tlv(0xa0, bint(1) + bint(0) + bstr(b"x"))))
    req(bseq(bint(0), bstr(b"public"), tlv(0xa0, bint(1) + bint(0) + bint(0) + bint(4))))
    req(bseq(bint(0), bstr(b"public"), tlv(0xa0, bint(1) + bint(0) + bint(0) +
                                            bseq(bint(4)))))
    req(bseq(bint(0), bstr(b"public"), tlv(0xa0, bint(1) + bint(0) + bint(0) +
                                            bseq(bseq(bint(4), BNULL)))))
    req(bseq(bint(0), bstr(b"public"), tlv(0xa0, bint(1) + bint(0) + bint(0) +
                                            bseq(bseq(boid("1.3.6.1"))))))  # no value
    req(bseq(bint(0), bstr(b"public"), tlv(0xa0, bint(1) + bint(0) + bint(0) +
                                            vbl(("1.3.6.1", BNULL)) + b"\0")))
    req(bseq(bint(0), bstr(b"public"), tlv(0xa0, bint(1) + bint(0) + bint(0) +
                                            bseq(bseq(boid("1.3.6.1"), BNULL) + b"\1"))))
    odd = [tlv(1, b"\xff"), tlv(3, b"\x00\x01"), tlv(7, b"d"), tlv(0x31, b""), tlv(0x44, b"op"),
           tlv(0x45, b""), tlv(0xc0, b"pv"), tlv(0xe0, b""), tlv(0x85, b""), tlv(0x88, b""),
           tlv(0x60, b""), tlv(0x1f, b"", ) [:0] + b"\x1f\x81\x05\x00", b"\x1f\x20\x00",
           b"\x3f\x85\x80\x01\x00", b"\x12\x00", b"\x5f\x07\x00", b"\x02\x00",
           tlv(2, b"\0" * 5), tlv(2, b"\xff\xff"), tlv(6, b""), tlv(6, b"\x2b\x86"),
           tlv(6, b"\x8f\xff\xff\xff\x7f\x01"), tlv(6, b"\xff\xff\xff\xff\x7f\x05"),
           tlv(6, b"\x88\x37\x03"), tlv(0x40, b""), tlv(0x43, b""), tlv(0x43, b"\1\2\3\4\5"),
           tlv(4, b"ab", lenform=2), tlv(4, b"", lenform=1)]
    for v in odd:
        resp(v1(b"public", bpdu(2, 1, 0, 0, vbl(("1.3.6.1.2.1.1.1.0", v)))))
    bad = [b"\x30", b"\x30\x84\x00\x00", b"\x30\x05\x02\x01", b"\x30\x82\x01",
           b"\x30\x03\x02\x01\x00\x04", b"\x30\x80", b"\x30\x7f" + bint(0), b"", b"\x1f",
           b"\x1f\x81", b"\x1f\x81\x81", b"\x30\x00", b"\x30\x02\x02\x00"]
    for m in bad:
        req(m)
    # cut inside the header, the community, the PDU, a varbind, a value
    for cut in (1, 2, 5, 9, 14, 17, 22, 25, 28, 33, 40, 50):
        req(ok, caplen=14 + 20 + 8 + cut)
    v3ok = v3(5, 3, usm(b"\x80\x00\x1f\x88\x80\x12\x34", 5, 123460, b"admin", b"\xaa" * 12),
              scoped(b"\x80\x00\x1f\x88\x80\x12\x34", b"ctx", bpdu(0, 201, 0, 0,
                                                                 get("1.3.6.1.2.1.1.1.0"))))
    for cut in (8, 20, 30, 45, 60, 70, 80, 90):
        req(v3ok, caplen=14 + 20 + 8 + cut)
    req(ok, ulen=8 + 20)                                        # UDP length shorter
    req(ok, v6=True)
    cap.write(os.path.join(out, "snmp.pcap"))
