#!/usr/bin/python3
# UDP application captures, group 3 part 1: BOOTP/DHCP ("bootp.pcap"), DHCPv6 ("dhcp6.pcap"),
# NTP ("ntp.pcap") and TFTP ("tftp.pcap"). Messages are raw bytes so that malformed ones are
# possible; some records are cut short with a caplen smaller than the packet.
import socket
import struct

from scapy.packet import Raw
from scapy.layers.l2 import Ether
from scapy.layers.inet import IP, UDP
from scapy.layers.inet6 import IPv6

MAC_C, MAC_S = "00:11:22:33:44:01", "00:11:22:33:44:02"
C4, S4 = "10.0.0.1", "10.0.0.2"
C6, S6 = "2001:db8::1", "2001:db8::2"


def a4(s):
    return socket.inet_aton(s)


def a6(s):
    return socket.inet_pton(socket.AF_INET6, s)


def udp4(cap, sport, dport, msg, src=C4, dst=S4, caplen=None, ulen=None, cut=None):
    u = UDP(sport=sport, dport=dport) if ulen is None else UDP(sport=sport, dport=dport,
                                                                 len=ulen)
    p = bytes(Ether(src=MAC_C, dst=MAC_S) / IP(src=src, dst=dst, id=0x42) / u / Raw(msg))
    if cut is not None:
        caplen = 42 + cut
    cap.add(p, caplen=caplen)


def udp6(cap, sport, dport, msg, src=C6, dst=S6, caplen=None, cut=None):
    p = bytes(Ether(src=MAC_C, dst=MAC_S) / IPv6(src=src, dst=dst) /
              UDP(sport=sport, dport=dport) / Raw(msg))
    if cut is not None:
        caplen = 62 + cut
    cap.add(p, caplen=caplen)


# ---------------------------------------------------------------- BOOTP / DHCP

COOKIE = bytes([99, 130, 83, 99])


def opt(code, data):
    return bytes([code, len(data)]) + bytes(data)


def bootp(op=1, htype=1, hlen=6, hops=0, xid=0x3903f326, secs=0, flags=0, ci="0.0.0.0",
          yi="0.0.0.0", si="0.0.0.0", gi="0.0.0.0", chaddr=b"\x00\x11\x22\x33\x44\x01",
          sname=b"", file=b"", vend=None, opts=None):
    b = struct.pack("!BBBBIHH", op, htype, hlen, hops, xid, secs, flags)
    b += a4(ci) + a4(yi) + a4(si) + a4(gi)
    b += chaddr.ljust(16, b"\0")[:16] + sname.ljust(64, b"\0")[:64] + file.ljust(128, b"\0")[:128]
    if opts is not None:
        vend = COOKIE + opts
    if vend is None:
        vend = b""
    return b + vend


def make_bootp(out, Capture):
    cap = Capture(start=1264000000)

    def dh(msg, sport=68, dport=67, src="0.0.0.0", dst="255.255.255.255", **kw):
        udp4(cap, sport, dport, msg, src=src, dst=dst, **kw)

    prl = opt(55, [1, 3, 6, 15, 119, 252, 44, 46, 47, 121, 249, 43, 200, 0, 255])
    # 1 discover with client id, hostname, PRL, max size, vendor class, END and padding
    dh(bootp(flags=0x8000, secs=3, opts=opt(53, [1]) + opt(61, b"\x01" + bytes(range(1, 7))) +
             opt(57, struct.pack("!H", 1500)) + opt(12, b"laptop") + prl +
             opt(60, b"MSFT 5.0") + b"\xff" + b"\0" * 8))
    # 2 offer with the usual server options
    dh(bootp(op=2, yi="10.0.0.50", si="10.0.0.2", sname=b"server1", file=b"/boot/pxe.0",
             opts=opt(53, [2]) + opt(54, a4("10.0.0.2")) + opt(51, struct.pack("!I", 86400)) +
             opt(58, struct.pack("!I", 43200)) + opt(59, struct.pack("!I", 75600)) +
             opt(1, a4("255.255.255.0")) + opt(3, a4("10.0.0.1")) +
             opt(6, a4("10.0.0.2") + a4("8.8.8.8")) + opt(15, b"example.com") +
             opt(28, a4("10.0.0.255")) + opt(2, struct.pack("!i", -3600)) +
             opt(42, a4("10.0.0.3")) + b"\xff"),
       sport=67, dport=68, src="10.0.0.2", dst="10.0.0.50")
    # 3 request with requested IP, FQDN, hops, relay agent info
    dh(bootp(hops=1, gi="10.1.0.1", opts=opt(53, [3]) + opt(50, a4("10.0.0.50")) +
             opt(54, a4("10.0.0.2")) + opt(81, b"\x05\x00\x00host.example.com") +
             opt(82, opt(1, b"eth0:12") + opt(2, b"\x00\x06\x00\x11\x22\x33\x44\x55") +
                 opt(6, b"sub1") + opt(9, bytes(range(20))) + opt(5, b"\x01\x02\x03")) +
             b"\xff"), sport=67, dport=67, src="10.1.0.1", dst="10.0.0.2")
    # 4 ack with classless static routes, netbios, overload, booleans, shorts, pairs
    dh(bootp(op=2, ci="10.0.0.50", yi="10.0.0.50", opts=opt(53, [5]) +
             opt(121, bytes([0]) + a4("10.0.0.1") + bytes([24, 192, 168, 1]) + a4("10.0.0.1") +
                 bytes([8, 10]) + a4("10.0.0.9") + bytes([32, 1, 2, 3, 4]) + a4("10.0.0.8") +
                 bytes([17, 172, 16, 128]) + a4("10.0.0.7")) +
             opt(249, bytes([16, 10, 20]) + a4("10.0.0.1")) +
             opt(46, [8]) + opt(46, [3]) + opt(52, [3]) + opt(52, [9]) +
             opt(19, [0]) + opt(20, [1, 0, 7]) + opt(26, struct.pack("!H", 1400)) +
             opt(25, struct.pack("!HHH", 68, 296, 576)) +
             opt(33, a4("10.9.0.0") + a4("10.0.0.1") + a4("10.8.0.0") + a4("10.0.0.2")) +
             opt(21, a4("1.2.3.4") + a4("255.0.0.0")) + opt(23, [64]) +
             opt(24, struct.pack("!I", 600)) + opt(47, b"scope") + opt(44, a4("10.0.0.4")) +
             opt(119, b"\x07example\x03com\x00") + opt(43, b"\x01\x04abcd") +
             opt(77, b"\x04abcd\x02xy") + opt(118, a4("10.0.0.0")) + opt(150, a4("10.0.0.5")) +
             opt(161, b"https://mud.example/x") + opt(100, b"EST5EDT") + opt(101, b"Europe/Paris") +
             opt(91, struct.pack("!i", -5)) + opt(92, a4("10.0.0.60")) +
             opt(93, struct.pack("!H", 7)) + opt(97, bytes(17)) + b"\xff"),
       sport=67, dport=68, src="10.0.0.2", dst="10.0.0.50")
    # 5 every other message type, unknown type, bad length of message type
    for t in (4, 6, 7, 8, 10, 11, 12, 13, 99):
        dh(bootp(xid=0x100 + t, ci="10.0.0.50" if t in (7, 8) else "0.0.0.0",
                 opts=opt(53, [t]) + opt(56, b"bye\x01\x80") + b"\xff"),
           src="10.0.0.50", dst="10.0.0.2")
    dh(bootp(opts=opt(53, [1, 2]) + opt(53, b"") + b"\xff"))
    # 15 unknown options of several sizes, client-id types, error cases, trailing data
    dh(bootp(opts=opt(200, [1]) + opt(201, [1, 2]) + opt(202, [1, 2, 3, 4]) +
             opt(203, bytes(range(8))) + opt(204, b"") + opt(205, [1, 2, 3, 4, 5, 6]) +
             opt(61, b"\x00client-name") + opt(61, b"\x06\xaa\xbb") + opt(61, b"\x63\x01") +
             opt(61, b"") + opt(46, b"") + opt(52, b"") + opt(81, b"\x01\x02") +
             opt(81, b"\xf3\x01\x02x\x80\x01") + opt(1, a4("255.0.0.0") + b"\x01\x02") +
             opt(3, b"\x01\x02\x03") + opt(25, b"\x01\x02\x03") + opt(33, a4("1.2.3.4")) +
             opt(19, [5]) + opt(46, [1, 2]) + opt(46, [2]) + opt(46, [4]) + opt(52, [1]) +
             opt(52, [2]) + opt(61, b"\x07\x01") + opt(61, b"\x0f\x01") + opt(61, b"\x17\x01") +
             opt(61, b"\x18\x01") + b"\xff"))
    # 16 more errors: classless routes, user class, agent info
    dh(bootp(opts=opt(121, [1, 2, 3]) + opt(121, bytes([33]) + bytes(8)) +
             opt(121, bytes([24, 10, 0]) + bytes(4)) +
             opt(121, bytes([8, 10]) + bytes(4) + b"\x01") +
             opt(77, b"\x01") + opt(77, b"\x00\x01") + opt(77, b"\x05ab") +
             opt(82, opt(1, b"x") + b"\x02") + opt(82, b"\x01\x09abc") + opt(82, b"") + b"\xff"))
    # 17 -vvv: PAD runs, END then more
    dh(bootp(opts=b"\0" + opt(53, [1]) + b"\0\0\0" + opt(12, b"h\x01\xfe") + b"\xff\0\0" +
             opt(53, [2])))
    # 18 non-Ethernet hardware, non-zero reserved flag bits, no magic, vendor number
    dh(bootp(htype=6, hlen=6, flags=0x8001, vend=b"\x12\x34\x56\x78" + bytes(60)))
    dh(bootp(htype=1, hlen=8, flags=0x0001, vend=bytes(64)))
    dh(bootp(op=3, htype=1, hlen=6))  # unknown op, no vendor area: cut
    dh(bootp(op=2, htype=1, hlen=6, vend=b""), sport=67, dport=68)
    # 22 CMU vendor area
    dh(bootp(op=2, vend=b"CMU\0" + b"\x00\x00\x00\x01" + a4("255.255.0.0") + a4("10.0.0.1") +
             a4("10.0.0.2") + bytes(4) + a4("10.0.0.3") + bytes(4) + a4("10.0.0.4") +
             a4("10.0.0.5") + bytes(24)), sport=67, dport=68)
    dh(bootp(op=2, vend=b"CMU\0" + b"\x06\x00\x00\x00" + a4("255.255.0.0") + bytes(4) +
             bytes(20) + a4("10.0.0.6") + bytes(24)), sport=67, dport=68)
    # 24 sname/file not terminated, unprintable characters
    dh(bootp(op=2, sname=b"s" * 64, file=b"f"), sport=67, dport=68)
    dh(bootp(op=2, sname=b"ab\x01\xffc", file=b"x" * 128), sport=67, dport=68)
    # 26 cut packets: in the header, in sname, in an option, in the option list
    full = bootp(opts=opt(53, [1]) + opt(12, b"some-host-name") + opt(55, [1, 3, 6]) +
                 opt(61, b"\x01\x00\x11\x22\x33\x44\x01") + b"\xff")
    for c in (1, 3, 20, 30, 100, 238, 242, 248, 255, 268):
        dh(full, cut=c)
    cmu = bootp(op=2, vend=b"CMU\0" + b"\x02\x00\x00\x00" + a4("255.255.0.0") + a4("10.0.0.1") +
                a4("10.0.0.2") + bytes(28))
    for c in (238, 242, 246, 250, 258):
        dh(cmu, sport=67, dport=68, cut=c)
    dh(bootp(op=2, sname=b"srv", file=b"some/file/name"), sport=67, dport=68, cut=115)
    # 36 short datagrams: UDP length and IP length shorter than the message
    dh(full[:10])
    dh(full, ulen=8 + 30)
    # 38 over IPv6 (tcpdump dispatches on the port), and between 67 and a random port
    udp6(cap, 68, 67, full)
    dh(full, sport=40000, dport=67)
    cap.write(out + "/" + "bootp.pcap")


# ---------------------------------------------------------------- DHCPv6

def o6(code, data):
    return struct.pack("!HH", code, len(data)) + bytes(data)


def dname(*names):
    b = b""
    for nm in names:
        for lab in nm.split("."):
            if lab:
                b += bytes([len(lab)]) + lab.encode()
        b += b"\0"
    return b


def make_dhcp6(out, Capture):
    cap = Capture(start=1265000000)

    def d6(msg, sport=546, dport=547, src="fe80::1", dst="ff02::1:2", **kw):
        udp6(cap, sport, dport, msg, src=src, dst=dst, **kw)

    def m(t, opts=b"", xid=0x123456):
        return struct.pack("!I", t << 24 | xid) + opts

    llt = o6(1, struct.pack("!HHI", 1, 1, 600000000) + bytes.fromhex("001122334401"))
    srv = o6(2, struct.pack("!HI", 2, 9) + b"\x01\x02\x03\x04\x05\x06")
    ia = o6(3, struct.pack("!III", 1, 3600, 5400) +
            o6(5, a6("2001:db8::100") + struct.pack("!II", 7200, 10800) + o6(13, b"\0\0ok")))
    # 1 solicit with client id, ORO, elapsed time, IA_NA, rapid commit
    d6(m(1, llt + o6(6, struct.pack("!HHHHH", 23, 24, 31, 56, 999)) + o6(8, b"\0\x64") +
         ia + o6(14, b"") + o6(25, struct.pack("!III", 2, 0, 0) +
                               o6(26, struct.pack("!IIB", 100, 200, 56) + a6("2001:db8:1::")))))
    # 2 advertise with server id, preference, DNS, search list, status
    d6(m(2, llt + srv + o6(7, [255]) + o6(23, a6("2001:db8::53") + a6("::ffff:1.2.3.4")) +
         o6(24, dname("example.com", "lab.example.org")) + o6(13, b"\0\x02none") + ia),
       sport=547, dport=546, src="fe80::2", dst="fe80::1")
    # 3-13 the other message types, one option each
    d6(m(3, llt + srv + o6(4, struct.pack("!I", 5) + o6(5, a6("2001:db8::5") + bytes(8)))))
    d6(m(4, llt + o6(3, struct.pack("!III", 1, 0, 0))))
    d6(m(5, llt + srv + o6(32, struct.pack("!I", 3600))))
    d6(m(6, llt + o6(31, a6("2001:db8::123"))))
    d6(m(7, srv + o6(21, dname("sip.example.com")) + o6(22, a6("2001:db8::5060")) +
         o6(27, a6("2001:db8::27")) + o6(28, a6("2001:db8::28")) + o6(34, a6("2001:db8::34")) +
         o6(40, a6("2001:db8::40")) + o6(29, b"\3nis\0") + o6(33, b"\2bc\0")),
       sport=547, dport=546, src="fe80::2", dst="fe80::1")
    d6(m(8, llt + srv + o6(12, a6("2001:db8::2"))))
    d6(m(9, llt + srv + o6(11, bytes([3, 1, 0]) + bytes(8) + b"\x01" + bytes(range(16)))))
    d6(m(10, srv + o6(19, [5]) + o6(19, [11]) + o6(19, [7]) + o6(19, [5, 5]) +
         o6(11, bytes([2, 1, 0]) + bytes(8) + b"realm" + struct.pack("!I", 0xabcd) +
            bytes(range(16))) + o6(20, b"")), sport=547, dport=546)
    d6(m(11, llt + o6(16, struct.pack("!I", 311) + b"\0\4MSFT") + o6(15, b"\0\3abc\0\1d") +
         o6(17, struct.pack("!I", 311) + b"\0\1\0\2xy")))
    d6(m(14, llt + o6(44, b"\x01" + a6("2001:db8::99") + o6(6, b"\0\x17"))))
    d6(m(14, llt + o6(44, b"\x02" + a6("::") + llt)))
    d6(m(15, srv + o6(45, llt + o6(46, struct.pack("!I", 77)) +
                      o6(47, a6("2001:db8::1") + bytes(range(12)))) +
         o6(48, a6("fe80::1") + a6("fe80::2"))), sport=547, dport=546)
    # 14 relay-forward carrying a solicit, with interface id, remote id, subscriber id
    inner = m(1, llt + o6(8, b"\0\0"))
    d6(struct.pack("!BB", 12, 1) + a6("2001:db8::1") + a6("fe80::1234") +
       o6(18, b"eth0/1/2/3/4") + o6(37, struct.pack("!I", 4491) + bytes(range(14))) +
       o6(38, b"sub") + o6(9, inner) + o6(8, b"\0\1"), sport=547, dport=547,
       src="2001:db8::1", dst="2001:db8::2")
    d6(struct.pack("!BB", 13, 0) + a6("::") + a6("fe80::1234") +
       o6(9, m(7, srv + o6(13, b"\0\0"))), sport=547, dport=547, src="2001:db8::2",
       dst="2001:db8::1")
    # 16 NTP server, AFTR name, timezones, geoconf, FQDN, unknown options, msgtype 99
    d6(m(7, srv + o6(56, o6(1, a6("2001:db8::123")) + o6(2, a6("ff05::101")) +
                      o6(3, dname("ntp.example.com")) + o6(9, b"xx") + o6(1, b"\1\2")) +
         o6(64, dname("aftr.example.com")) + o6(41, b"EST5EDT") + o6(42, b"Europe/Paris") +
         o6(36, b"\0US\1\2CA") + o6(39, b"\x01\4host\0") + o6(59, b"tftp://x/y") +
         o6(112, b"https://mud/x") + o6(136, b"\0\2ab") + o6(200, b"\1\2\3")),
       sport=547, dport=546)
    # 17 domain lists: compression pointers, label types, long names, a name past the end
    d6(m(7, srv + o6(24, b"\3abc\xc0\x00") + o6(24, b"\x41\x00") + o6(24, b"\x41\x0c\xab\xcd") +
         o6(24, b"\x41\x05\xf8\0") + o6(24, b"\x41\x03\xe0\0") +
         o6(24, b"\x3f" + b"a" * 63 + b"\x3f" + b"b" * 63 + b"\x3f" +
                                     b"c" * 63 + b"\x3f" + b"d" * 63 + b"\x05eeeee\0") +
         o6(24, b"\1x\1y\0\1z\0") + o6(21, b"\0") + o6(24, b"\2ab\3cd")), sport=547, dport=546)
    d6(m(7, o6(24, b"\x42\x00") + o6(8, b"\0\0")), sport=547, dport=546)
    d6(m(7, o6(24, b"\x81ab\0") + o6(8, b"\0\0")), sport=547, dport=546)
    d6(m(7, o6(24, b"\1a\xc0\x01") + o6(8, b"\0\0")), sport=547, dport=546)
    d6(m(7, o6(24, b"\x3f" + b"a" * 63 + b"\x3f" + b"b" * 63 + b"\x3f" + b"c" * 63 + b"\x3f" +
                b"d" * 63 + b"\x05eeeee\0") + o6(24, b"\1x\1y\0\1z\0") + o6(21, b"\0")),
       sport=547, dport=546)
    d6(m(7, o6(24, b"\2ab\3cd")), sport=547, dport=546)
    d6(m(7, o6(56, o6(3, b"\2ab\5cd")) + o6(64, b"\2ab\3cde\0") + o6(64, b"\2ab\2cd\0x")),
       sport=547, dport=546)
    d6(m(99, llt))
    d6(m(1, b""))
    # 19 bad lengths inside options
    d6(m(1, o6(1, b"\0") + o6(1, b"\0\1\0\1") + o6(1, b"\0\2\0\0") + o6(1, b"\0\3\0") +
         o6(1, b"\0\4" + bytes(16)) + o6(1, b"\0\x09abc") + o6(5, bytes(10)) +
         o6(6, b"\0\1\0") + o6(7, b"") + o6(8, b"\0") + o6(11, bytes(5)) +
         o6(11, bytes([2, 1, 0]) + bytes(8) + bytes(5)) + o6(11, bytes([3, 1, 0]) + bytes(9)) +
         o6(11, bytes([3, 2, 0]) + bytes(8) + bytes(17)) +
         o6(11, bytes([3, 2, 9]) + bytes(8) + b"\x07" + bytes(16)) +
         o6(11, bytes([7, 2, 9]) + bytes(8)) + o6(11, bytes([2, 1, 0]) + bytes(8)) +
         o6(13, b"\0") + o6(13, b"\1\0") + o6(13, b"\0\x63") + o6(3, bytes(4)) + o6(4, b"") +
         o6(26, bytes(3)) + o6(32, b"") + o6(37, b"") + o6(44, bytes(3)) +
         o6(44, b"\x07" + bytes(16)) +
         o6(47, b"") + o6(56, b"\0") + o6(64, b"\0") + o6(64, b"\x09ab\0") + o6(23, bytes(8)) +
         o6(24, b"\3abc") + o6(18, b"") + o6(19, b"")))
    d6(m(1, llt + o6(6, b"\0\1") + b"\0\1\0\x40abc"))  # option longer than the message
    d6(m(1, llt + b"\0"))  # stray byte
    d6(struct.pack("!BB", 12, 1) + a6("2001:db8::1") + a6("fe80::1") + o6(9, b"\1\0"),
       sport=547, dport=547)
    d6(struct.pack("!BB", 12, 1) + a6("2001:db8::1") + a6("fe80::1") +
       o6(9, m(3, o6(8, b"\0\0") + o6(14, b"\1\2"))) + o6(8, b"\0\1"), sport=547, dport=547)
    d6(struct.pack("!BB", 12, 1) + a6("2001:db8::1"), sport=547, dport=547)
    # 25 cut packets
    full = m(1, llt + ia + o6(6, struct.pack("!HH", 23, 24)) + o6(24, dname("example.com")))
    for c in (2, 6, 10, 20, 40, 60, 80, 97):
        d6(full, cut=c)
    relay = (struct.pack("!BB", 12, 1) + a6("2001:db8::1") + a6("fe80::1") +
             o6(9, m(1, llt + o6(8, b"\0\0"))))
    for c in (10, 20, 40, 60):
        d6(relay, sport=547, dport=547, cut=c)
    # 37 over IPv4
    udp4(cap, 546, 547, full)
    cap.write(out + "/" + "dhcp6.pcap")


# ---------------------------------------------------------------- NTP

def ntp_msg(li=0, vn=4, mode=3, stratum=2, poll=6, prec=-20, delay=0x00012345,
            disp=0x0000abcd, refid=b"\xc0\x00\x02\x01", ref=(0xe9b0a1b2, 0x80000000),
            org=(0xe9b0a1c0, 0x12345678), rec=(0xe9b0a1c1, 0x9abcdef0),
            xmt=(0xe9b0a1c1, 0xa0000000), extra=b""):
    b = struct.pack("!BBbbII", li << 6 | vn << 3 | mode, stratum, poll, prec, delay, disp)
    b += refid
    for ts in (ref, org, rec, xmt):
        b += struct.pack("!II", *ts)
    return b + extra


def ntp_ctl(vn=2, r=0, e=0, m=0, op=1, seq=1, status=0, assoc=0, offset=0, count=0,
            data=b"", li=0):
    return struct.pack("!BBHHHHH", li << 6 | vn << 3 | 6, r << 7 | e << 6 | m << 5 | op, seq,
                       status, assoc, offset, count) + data


def make_ntp(out, Capture):
    cap = Capture(start=1266000000)

    def nt(msg, sport=123, dport=123, **kw):
        udp4(cap, sport, dport, msg, **kw)

    # 1-2 client request and server reply
    nt(ntp_msg(mode=3, stratum=0, poll=3, prec=-6, delay=0, disp=0, refid=bytes(4),
               ref=(0, 0), org=(0, 0), rec=(0, 0), xmt=(0xe9b0a1c1, 0x00001000)),
       sport=40123)
    nt(ntp_msg(mode=4, stratum=1, refid=b"GPS\0", org=(0xe9b0a1c1, 0x00001000)),
       dport=40123)
    # 3-8 the other modes, leap indicators, versions, strata
    nt(ntp_msg(li=1, vn=3, mode=1, stratum=15, poll=-3, prec=0))
    nt(ntp_msg(li=2, vn=2, mode=2, stratum=16, poll=31, prec=127))
    nt(ntp_msg(li=3, vn=1, mode=5, stratum=255, poll=32, prec=-128, refid=b"\x01\x7f\x80\xff"))
    nt(ntp_msg(mode=0, stratum=62, poll=-31))
    nt(ntp_msg(mode=4, stratum=63, poll=-32))
    nt(ntp_msg(mode=7, vn=2) + bytes(8))
    # 9-14 timestamps: small (before the 2036 era), equal, borrow both ways, deltas
    nt(ntp_msg(ref=(1, 1), org=(0x10, 0xffffffff), rec=(0x10, 0x1), xmt=(0x0f, 0xfffffffe)))
    nt(ntp_msg(org=(0x80000000, 5), rec=(0x80000000, 5), xmt=(0x80000001, 4)))
    nt(ntp_msg(org=(0xffffffff, 0xffffffff), rec=(0, 0), xmt=(0x7fffffff, 0x80000000)))
    nt(ntp_msg(org=(100, 0x80000000), rec=(99, 0x80000001), xmt=(101, 0x7fffffff)))
    # key id, digests, other extra lengths, short messages
    nt(ntp_msg(extra=struct.pack("!I", 42)))
    nt(ntp_msg(extra=struct.pack("!I", 7) + bytes(range(16))))
    nt(ntp_msg(extra=struct.pack("!I", 8) + bytes(range(20))))
    nt(ntp_msg(extra=bytes(10)))
    nt(ntp_msg()[:47])
    nt(b"\x23")
    nt(ntp_msg(extra=struct.pack("!I", 7) + bytes(range(16))), cut=60)
    nt(ntp_msg()[:40], ulen=8 + 60)
    # control messages
    nt(ntp_ctl(op=1, seq=7))
    nt(ntp_ctl(r=1, m=1, op=2, seq=7, status=0x0615, assoc=12345, offset=0, count=6,
               data=b"abc=1\0\0\0"))
    nt(ntp_ctl(r=1, e=1, op=31, seq=65535, status=0x8000, assoc=1, offset=468, count=20,
               data=b"x" * 8))
    nt(ntp_ctl()[:11])
    nt(ntp_ctl(count=4, data=b"abcd"), cut=14)
    # cut inside the header
    full = ntp_msg(mode=4, extra=struct.pack("!I", 7) + bytes(range(16)))
    for c in (0, 1, 2, 4, 6, 10, 14, 18, 30, 45, 50, 55):
        nt(full, cut=c)
    ctl = ntp_ctl(r=1, op=2, count=4, data=b"a=1\0")
    for c in (1, 3, 7, 11):
        nt(ctl, cut=c)
    full1 = ntp_msg(mode=4, stratum=1, refid=b"PPS\0")
    for c in (13, 15):
        nt(full1, cut=c)
    udp6(cap, 123, 123, ntp_msg(mode=3))
    cap.write(out + "/" + "ntp.pcap")


# ---------------------------------------------------------------- TFTP

def make_tftp(out, Capture):
    cap = Capture(start=1267000000)

    def tf(msg, sport=40069, dport=69, **kw):
        udp4(cap, sport, dport, msg, **kw)

    op = lambda o: struct.pack("!H", o)
    # 1-4 read request with options, OACK, data, ack
    tf(op(1) + b"boot/pxelinux.0\0octet\0tsize\x000\0blksize\x001468\0")
    tf(op(6) + b"tsize\x0026758\0blksize\x001468\0", sport=69, dport=40069)
    tf(op(3) + struct.pack("!H", 1) + bytes(range(200)), sport=69, dport=40069)
    tf(op(4) + struct.pack("!H", 1))
    # 5-9 write request, errors (every code, unknown code), unknown opcodes
    tf(op(2) + b"upload.bin\0netascii\0")
    for c in (0, 1, 2, 3, 4, 5, 6, 7, 8, 300):
        tf(op(5) + struct.pack("!H", c) + b"File not found\0", sport=69, dport=40069)
    tf(op(0) + b"xx")
    tf(op(7))
    tf(op(0x1234) + b"abc")
    # malformed: short, no NULs, empty fields, empty options, unprintable bytes
    tf(b"\0")
    tf(b"")
    tf(op(1))
    tf(op(1) + b"name")
    tf(op(1) + b"name\0")
    tf(op(1) + b"name\0mode")
    tf(op(1) + b"\0\0")
    tf(op(1) + b"f\x01\xff\0octet\0\0\0opt\0")
    tf(op(6))
    tf(op(6) + b"x")
    tf(op(6) + b"\0\0a\0")
    tf(op(3))
    tf(op(3) + b"\1")
    tf(op(4) + struct.pack("!H", 65535))
    tf(op(5))
    tf(op(5) + b"\0\1")
    tf(op(5) + b"\0\1msg")
    tf(op(5) + b"\0\x09\0")
    # cut packets and lengths shorter than the data
    rrq = op(1) + b"boot/pxelinux.0\0octet\0tsize\x000\0"
    for c in (1, 3, 8, 17, 18, 20, 24, 30):
        tf(rrq, cut=c)
    tf(op(3) + struct.pack("!H", 9) + b"data", cut=3)
    tf(op(5) + struct.pack("!H", 1) + b"error text\0", cut=3)
    tf(op(5) + struct.pack("!H", 1) + b"error text\0", cut=8)
    tf(op(6) + b"tsize\x001\0", cut=5)
    tf(rrq, ulen=8 + 12)
    udp6(cap, 40069, 69, rrq)
    cap.write(out + "/" + "tftp.pcap")


def make(out, Capture):
    make_bootp(out, Capture)
    make_dhcp6(out, Capture)
    make_ntp(out, Capture)
    make_tftp(out, Capture)
