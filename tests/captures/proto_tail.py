# Group 6 captures (the long tail): ESP (RFC 4303), AH (RFC 4302), PIMv2 (RFC 7761) and
# OSPFv2 (RFC 2328), over IPv4 and IPv6, with malformed and cut packets. Raw bytes
# throughout, so that broken fields are as easy to write as good ones.
import os
import socket
import struct

MAC_C, MAC_S = "00:11:22:33:44:01", "00:11:22:33:44:02"
C4, S4 = "10.0.0.1", "10.0.0.2"
C6, S6 = "2001:db8::1", "2001:db8::2"


def mac(s):
    return bytes(int(x, 16) for x in s.split(":"))


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def a4(s):
    return socket.inet_aton(s)


def a6(s):
    return socket.inet_pton(socket.AF_INET6, s)


def eth(payload, etype, src=MAC_C, dst=MAC_S):
    return mac(dst) + mac(src) + struct.pack("!H", etype) + bytes(payload)


def ip4(proto, payload, src=C4, dst=S4, ttl=64, tot_len=None, tos=0):
    tl = 20 + len(payload) if tot_len is None else tot_len
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, tos, tl, 0x77, 0, ttl, proto, 0, a4(src), a4(dst))
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + bytes(payload)


def ip6(nxt, payload, src=C6, dst=S6, hlim=64):
    return struct.pack("!IHBB", 0x60000000, len(payload), nxt, hlim) + a6(src) + a6(dst) + payload


def e4(proto, payload, **kw):
    return eth(ip4(proto, payload, **kw), 0x0800)


def e6(nxt, payload, **kw):
    return eth(ip6(nxt, payload, **kw), 0x86dd)


def icmp_echo(ident=0x1234, seq=1, data=b"abcdefgh"):
    b = struct.pack("!BBHHH", 8, 0, 0, ident, seq) + data
    return b[:2] + struct.pack("!H", csum(b)) + b[4:]


def udp(sport, dport, payload, cksum=0):
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), cksum) + payload


# ---------------------------------------------------------------- ESP

def esp(spi, seq, body=b"\xde\xad\xbe\xef" * 6):
    return struct.pack("!II", spi, seq) + body


def make_esp(out, Capture):
    cap = Capture(start=1266000000)
    add = cap.add
    add(e4(50, esp(0x1000, 1)))
    add(e4(50, esp(0xfedcba98, 0xffffffff)))
    add(e4(50, esp(0, 0, b"")))                                 # header only: 8 bytes
    add(e4(50, esp(7, 9, b"\x01")))                             # 9 bytes
    add(e4(50, esp(0x1000, 2)), caplen=14 + 20 + 8)            # cut after the sequence
    add(e4(50, esp(0x1000, 3)), caplen=14 + 20 + 6)            # cut in the sequence
    add(e4(50, esp(0x1000, 4)), caplen=14 + 20 + 2)            # cut in the SPI
    add(e4(50, esp(0x1000, 5), tot_len=20 + 200))             # IP length says more
    add(e4(50, esp(0x1000, 6), tot_len=20 + 4))               # IP length says less
    add(e6(50, esp(0x2000, 1)))
    add(e6(50, esp(0x2000, 2, b"")))
    add(e6(50, esp(0x2000, 3)), caplen=14 + 40 + 5)
    # behind a destination-options header
    add(e6(60, bytes([50, 0, 1, 4, 0, 0, 0, 0]) + esp(0x2000, 4)))
    cap.write(os.path.join(out, "esp.pcap"))


# ---------------------------------------------------------------- AH

def ah(nxt, spi, seq, icv=b"\xaa" * 12, plen=None, body=b""):
    n = (len(icv) + 12) // 4 - 2 if plen is None else plen
    return struct.pack("!BBHII", nxt, n, 0, spi, seq) + icv + body


def make_ah(out, Capture):
    cap = Capture(start=1266100000)
    add = cap.add
    add(e4(51, ah(1, 0x100, 1, body=icmp_echo())))                # ICMP
    add(e4(51, ah(17, 0x100, 2, body=udp(5000, 5001, b"hello"))))  # UDP
    add(e4(51, ah(50, 0x100, 3, body=esp(0x200, 7))))              # ESP inside
    add(e4(51, ah(59, 0x100, 4)))                                  # no next header
    add(e4(51, ah(99, 0x100, 5, body=b"\x01\x02\x03\x04")))        # unknown protocol
    add(e4(51, ah(2, 0x100, 6, body=struct.pack("!BBH4s", 0x16, 0, 0, a4("239.1.1.1")))))
    add(e4(51, ah(51, 0x100, 7, body=ah(1, 0x101, 8, body=icmp_echo()))))  # AH in AH
    add(e4(51, ah(1, 0x100, 9, icv=b"", body=icmp_echo())))        # no ICV
    add(e4(51, ah(1, 0x100, 16, icv=b"", plen=0, body=icmp_echo())))  # length below 1
    add(e4(51, ah(1, 0x100, 10, plen=40, body=icmp_echo())))       # ICV runs past the end
    add(e4(51, ah(1, 0x100, 11, body=icmp_echo())), caplen=14 + 20 + 16)  # cut in the ICV
    add(e4(51, ah(1, 0x100, 12, body=icmp_echo())), caplen=14 + 20 + 10)  # cut in the seq
    add(e4(51, ah(1, 0x100, 13, body=icmp_echo())), caplen=14 + 20 + 5)   # cut in the SPI
    add(e4(51, ah(1, 0x100, 14, body=icmp_echo())), caplen=14 + 20 + 1)
    add(e4(51, ah(1, 0x100, 15, body=icmp_echo())), caplen=14 + 20 + 26)  # cut in ICMP
    add(e6(51, ah(58, 0x300, 1, body=bytes([128, 0, 0, 0, 0, 1, 0, 1]))))
    add(e6(51, ah(50, 0x300, 3, body=esp(0x301, 1))))
    add(e6(51, ah(58, 0x300, 4)), caplen=14 + 40 + 14)
    # TCP and UDP after AH: the decoder steps over AH, so the transport prints in full
    syn = struct.pack("!HHIIBBHHH", 40000, 80, 1000, 0, 0x60, 0x02, 64240, 0, 0) + \
        b"\x02\x04\x05\xb4"
    data = struct.pack("!HHIIBBHHH", 40000, 80, 1001, 5001, 0x50, 0x18, 502, 0x1234, 0) + \
        b"GET / HTTP/1.0\r\n\r\n"
    add(e4(51, ah(6, 0x100, 20, body=syn)))
    add(e4(51, ah(6, 0x100, 21, body=data)))
    add(e4(51, ah(51, 0x100, 22, body=ah(6, 0x101, 23, body=syn))))   # TCP after two AHs
    add(e4(51, ah(6, 0x100, 24, body=data)), caplen=14 + 20 + 24 + 10)  # TCP cut short
    add(e4(51, ah(17, 0x100, 25, body=udp(5000, 53, b"\x00" * 12, cksum=0x1111))))
    add(e6(51, ah(6, 0x300, 26, body=syn)))
    add(e6(51, ah(17, 0x300, 27, body=udp(5000, 5001, b"v6", cksum=0x2222))))
    bad = bytearray(ah(1, 0x100, 28, body=icmp_echo()))
    bad[2:4] = b"\x8d\x1a"                                           # reserved not zero
    add(e4(51, bytes(bad)))
    add(e4(51, bytes(bad)), caplen=14 + 20 + 6)                        # cut after reserved
    cap.write(os.path.join(out, "ah.pcap"))


# ---------------------------------------------------------------- PIM

def pim(typ, body, ver=2, rsv=0, ck=None, ck_len=None, v6=None):
    """A PIM message; the checksum covers ck_len bytes (all by default), with the IPv6
    pseudo-header when v6 = (src, dst)."""
    b = struct.pack("!BBH", ver << 4 | typ, rsv, 0) + body
    if ck is None:
        part = b if ck_len is None else b[:ck_len]
        if v6:
            part = a6(v6[0]) + a6(v6[1]) + struct.pack("!IxxxB", len(b), 103) + part
        ck = csum(part)
    return b[:2] + struct.pack("!H", ck) + b[4:]


def eu(addr):
    """Encoded-unicast address."""
    return b"\x02\x00" + a6(addr) if ":" in addr else b"\x01\x00" + a4(addr)


def eg(addr, mlen=None, flags=0):
    """Encoded-group (or, with S/W/R flags, encoded-source) address."""
    v6 = ":" in addr
    if mlen is None:
        mlen = 128 if v6 else 32
    return (struct.pack("!BBBB", 2 if v6 else 1, 0, flags, mlen) + (a6(addr) if v6 else a4(addr)))


def opt(t, v):
    return struct.pack("!HH", t, len(v)) + v


def jp(up, hold, groups, graft_ack=False):
    b = b"" if graft_ack else eu(up)
    b += struct.pack("!BBH", 0, len(groups), hold)
    for g, joins, prunes in groups:
        b += g + struct.pack("!HH", len(joins), len(prunes)) + b"".join(joins) + b"".join(prunes)
    return b


def make_pim(out, Capture):
    cap = Capture(start=1266200000)

    def add(msg, src="10.0.0.1", dst="224.0.0.13", caplen=None, tot_len=None):
        cap.add(eth(ip4(103, msg, src, dst, ttl=1, tot_len=tot_len), 0x0800,
                    dst="01:00:5e:00:00:0d"), caplen=caplen)

    def add6(msg_fn, src="fe80::1", dst="ff02::d", caplen=None):
        cap.add(eth(ip6(103, msg_fn((src, dst)), src, dst, hlim=1), 0x86dd,
                    dst="33:33:00:00:00:0d"), caplen=caplen)

    hello = (opt(1, b"\x00\x69") + opt(2, struct.pack("!HH", 0x81f4, 2500)) +
             opt(19, b"\x00\x00\x00\x01") + opt(20, b"\x12\x34\x56\x78") +
             opt(21, b"\x01\x3c\x00\x00") + opt(22, b"") +
             opt(24, eu("10.0.0.9") + eu("2001:db8::9")) + opt(99, b"\x01\x02\x03") +
             opt(18, b""))
    add(pim(0, hello))
    add(pim(0, opt(1, b"\xff\xff") + opt(21, b"\x01\x00\x12\x34") + opt(18, b"\0\0\0\7") +
            opt(65001, eu("10.0.0.8")) + opt(2, struct.pack("!HH", 10, 20))))
    add(pim(0, opt(1, b"\x00\x69\x00")))                    # holdtime length 3
    add(pim(0, opt(2, b"\x00\x01")))                        # LAN prune delay length 2
    add(pim(0, opt(19, b"\x01")))                           # DR priority length 1
    add(pim(0, opt(20, b"\x01")))                           # generation ID length 1
    add(pim(0, opt(21, b"\x01")))
    add(pim(0, opt(1, b"\x00\x69"), ck=0x1234))             # bad checksum
    add(pim(0, opt(1, b"\x00\x69"), ck=0))                  # no checksum
    add(pim(0, opt(1, b"\x00\x69") + struct.pack("!HH", 20, 8) + b"\0\0"))  # option past the end
    add(pim(0, opt(1, b"\x00\x69") + b"\x00\x14"))          # 2 bytes left
    add(pim(0, opt(24, eu("10.0.0.9") + b"\x07\x00\x01\x02")))  # bad address family
    add(pim(0, b""))                                        # no options
    inner = ip4(17, udp(4000, 5000, b"multicast data"), "10.1.1.1", "239.1.1.1")
    add(pim(1, b"\0\0\0\0" + inner, ck_len=8), dst="10.0.0.100")
    add(pim(1, b"\x40\0\0\0" + inner[:20], ck_len=8), dst="10.0.0.100")     # null register
    add(pim(1, b"\x80\0\0\0" + inner), dst="10.0.0.100")    # checksum over everything
    add(pim(1, b"\xc0\0\0\0" + inner, ck=0x4321), dst="10.0.0.100")
    add(pim(1, b"\0\0\0\0" + ip6(17, udp(4000, 5000, b"v6 data"), "2001:db8::10", "ff3e::1"),
            ck_len=8), dst="10.0.0.100")
    add(pim(1, b"\x40\0\0\0" + bytes(12) + a4("10.1.1.1") + a4("239.1.1.1"), ck_len=8),
        dst="10.0.0.100")                                   # version 0: null header
    add(pim(1, b"\0\0\0\0" + b"\x50" + bytes(19), ck_len=8), dst="10.0.0.100")
    add(pim(1, b"\0\0\0\0", ck_len=8), dst="10.0.0.100")    # nothing encapsulated
    add(pim(1, b"\0\0"), dst="10.0.0.100")
    add(pim(2, eg("239.1.1.1") + eu("10.1.1.1")), dst="10.0.0.2")   # register-stop
    add(pim(2, eg("239.1.1.0", 24, 0x81) + eu("10.1.1.1")), dst="10.0.0.2")
    add(pim(2, eg("239.1.1.1") + b"\x03\x00\x01\x02\x03\x04"), dst="10.0.0.2")
    add(pim(2, eg("239.1.1.1") + b"\x01\x05\x01\x02\x03\x04"), dst="10.0.0.2")  # encoding 5
    add(pim(2, eg("239.1.1.1")[:5]), dst="10.0.0.2")
    g1 = (eg("239.1.1.1"), [eg("10.1.1.1", flags=0x07), eg("10.1.1.2", 24, flags=0xff)],
          [eg("10.1.1.3", flags=0x04)])
    g2 = (eg("239.2.0.0", 16, flags=0x80), [], [eg("10.2.2.2", flags=0)])
    add(pim(3, jp("10.0.0.254", 210, [g1, g2])))
    add(pim(3, jp("10.0.0.254", 0xffff, [])))
    add(pim(3, jp("10.0.0.254", 3700, [g1])[:-4]))          # last source cut short
    add(pim(3, jp("10.0.0.254", 210, [g1])[:14]))           # group count, no group
    add(pim(3, jp("10.0.0.254", 210, [g1])[:22]))           # group, no source counts
    add(pim(3, eu("10.0.0.254")[:4]))
    add(pim(6, jp("10.0.0.254", 60, [g2])), dst="10.0.0.2")        # graft
    add(pim(7, jp("10.0.0.254", 60, [g2], graft_ack=True)), dst="10.0.0.1")
    bsr = (struct.pack("!HBB", 0x1234, 30, 100) + eu("10.0.0.5") +
           eg("224.0.0.0", 4) + struct.pack("!BBH", 2, 2, 0) +
           eu("10.0.0.6") + struct.pack("!HBB", 150, 1, 0) +
           eu("10.0.0.7") + struct.pack("!HBB", 0, 2, 0) +
           eg("239.0.0.0", 8) + struct.pack("!BBH", 0, 0, 0))
    add(pim(4, bsr))
    add(pim(4, bsr[:12 + 8 + 4 + 6 + 3]))                   # RP cut before its priority
    add(pim(4, bsr[:3]))
    add(pim(4, bsr[:4]))
    add(pim(5, eg("239.1.1.1") + eu("10.1.1.1") + struct.pack("!II", 0x80000064, 20)))
    add(pim(5, eg("239.1.1.1") + eu("10.1.1.1") + struct.pack("!II", 110, 0xffffffff)))
    add(pim(5, eg("239.1.1.1") + eu("10.1.1.1") + b"\0\0\0\1"))
    crp = struct.pack("!BBH", 2, 0, 150) + eu("10.0.0.6") + eg("239.0.0.0", 8) + eg("232.0.0.0", 8)
    add(pim(8, crp), dst="10.0.0.5")
    add(pim(8, struct.pack("!BBH", 3, 7, 0) + eu("10.0.0.6") + eg("239.0.0.0", 8)),
        dst="10.0.0.5")                                     # fewer groups than counted
    add(pim(8, struct.pack("!BB", 1, 0)), dst="10.0.0.5")
    add(pim(9, eu("10.1.1.1") + eg("239.1.1.1") + eu("10.0.0.3") + b"\x00\x3c\0\0"))
    add(pim(10, eu("10.0.0.6") + struct.pack("!II", 100, 10) + eu("10.0.0.7") +
            struct.pack("!IIH", 5, 6, 300), rsv=0x30))
    add(pim(10, eu("10.0.0.6") + struct.pack("!II", 100, 10), rsv=0x10))
    add(pim(11, b"\x01\x02\x03\x04"))
    add(pim(15, b""))
    add(pim(0, b"", ver=3))                                 # other versions
    add(pim(1, b"\0\0\0\0", ver=1))
    add(pim(3, jp("10.0.0.254", 210, [(a4("239.3.3.3")[:0] + b"\0\0\0\x20" + a4("239.3.3.3"),
                                       [b"\x00\x20" + a4("10.3.3.3")], [])])[2:], rsv=4))
    add(pim(2, a4("10.0.0.1"), rsv=16))                     # RFC 2117, bad length
    add(pim(0, b"")[:1])                                    # 1 byte
    add(pim(0, b"")[:3])                                    # 3 bytes
    add(pim(0, hello), caplen=14 + 20 + 30)                 # cut in the options
    add(pim(0, hello), caplen=14 + 20 + 2)                  # cut in the checksum
    add(pim(3, jp("10.0.0.254", 210, [g1, g2])), caplen=14 + 20 + 41)
    add(pim(3, jp("10.0.0.254", 210, [g1, g2])), caplen=14 + 20 + 30)
    add(pim(1, b"\0\0\0\0" + inner, ck_len=8), caplen=14 + 20 + 8 + 12)
    add(pim(0, hello), tot_len=20 + 24)                     # IP length cuts the options
    add6(lambda a: pim(0, opt(1, b"\x00\x69") + opt(24, eu("2001:db8::9") + eu("10.0.0.9")),
                       v6=a))
    add6(lambda a: pim(0, opt(1, b"\x00\x69"), ck=0x1111))
    add6(lambda a: pim(3, jp("fe80::fe", 210, [(eg("ff3e::1"), [eg("2001:db8::10", flags=4)],
                                                   [])]), v6=a))
    add6(lambda a: pim(5, eg("ff3e::1") + eu("2001:db8::10") + struct.pack("!II", 1, 2), v6=a))
    add6(lambda a: pim(1, b"\0\0\0\0" + ip6(17, udp(4000, 5000, b"x"), "2001:db8::10",
                                                 "ff3e::1"), v6=a, ck_len=8), dst="2001:db8::5")
    add6(lambda a: pim(0, opt(1, b"\x00\x69"), v6=a), caplen=14 + 40 + 6)
    cap.write(os.path.join(out, "pim.pcap"))


# ---------------------------------------------------------------- OSPF

def ospf(typ, body, rid="10.0.0.1", area="0.0.0.0", auth=0, authdata=b"\0" * 8, ver=2,
         olen=None, trailer=b""):
    n = 24 + len(body) if olen is None else olen
    b = struct.pack("!BBH4s4sHH", ver, typ, n, a4(rid), a4(area), 0, auth) + authdata + body
    if auth != 2:
        b = b[:12] + struct.pack("!H", csum(b[:16] + b[24:])) + b[14:]
    return b + trailer


def lsahdr(typ, lsid, adv, seq=0x80000001, age=10, opts=0x22, length=20, ck=0x1234):
    return struct.pack("!HBB4s4sIHH", age, opts, typ, a4(lsid), a4(adv), seq, ck, length)


def lsa(typ, lsid, adv, body, **kw):
    return lsahdr(typ, lsid, adv, length=20 + len(body), **kw) + body


def rlink(lid, ldata, ltype, metric, tos=()):
    return (a4(lid) + a4(ldata) + struct.pack("!BBH", ltype, len(tos), metric) +
            b"".join(struct.pack("!BBH", t, 0, m) for t, m in tos))


def tlv(t, v, pad=True):
    return struct.pack("!HH", t, len(v)) + v + (b"\0" * (-len(v) % 4) if pad else b"")


def make_ospf(out, Capture):
    cap = Capture(start=1266300000)

    def add(msg, src="10.0.0.1", dst="224.0.0.5", caplen=None, tot_len=None):
        cap.add(eth(ip4(89, msg, src, dst, ttl=1, tot_len=tot_len, tos=0xc0), 0x0800,
                    dst="01:00:5e:00:00:05"), caplen=caplen)

    hello = a4("255.255.255.0") + struct.pack("!HBBI", 10, 0x02, 1, 40)
    add(ospf(1, hello + a4("10.0.0.1") + a4("10.0.0.2") + a4("10.0.0.2") + a4("10.0.0.3")))
    add(ospf(1, hello + a4("0.0.0.0") + a4("0.0.0.0"), area="0.0.0.1"))
    add(ospf(1, a4("255.255.255.252") + struct.pack("!HBBI", 30, 0xff, 0, 120) +
             a4("0.0.0.0") + a4("10.0.0.9"), auth=1, authdata=b"secret\0\0"))
    add(ospf(1, hello + bytes(8), auth=1, authdata=b"abcdefgh"))
    add(ospf(1, hello + bytes(8), auth=1, authdata=b"\x01\xc8xyz\0zz"))
    add(ospf(1, hello + bytes(8), auth=2, authdata=b"\0\0\x05\x10\x00\x00\x01\x00",
             trailer=bytes(range(16))))
    add(ospf(1, hello + bytes(8), auth=7))                  # unknown authentication
    add(ospf(1, a4("255.255.255.0") + struct.pack("!HBBI", 10, 0x12, 1, 40) + bytes(8),
             trailer=struct.pack("!HH", 0xbeef, 3) + tlv(1, b"\0\0\0\3") +
             tlv(2, b"\0\0\0\x2a" + bytes(16)) + tlv(9, b"\1\2\3\4")))  # LLS
    add(ospf(1, hello + bytes(8), olen=40))                 # OSPF length below the IP's
    add(ospf(1, hello + bytes(8), olen=60))                 # and above
    dd_hdrs = (lsahdr(1, "10.0.0.1", "10.0.0.1", length=48) +
               lsahdr(10, "1.0.0.5", "10.0.0.2", length=28) +
               lsahdr(5, "192.168.0.0", "10.0.0.3", length=36))
    add(ospf(2, struct.pack("!HBBI", 1500, 0x42, 0x07, 0x1234abcd)))
    add(ospf(2, struct.pack("!HBBI", 0, 0x52, 0x0a, 0x1234abce) + dd_hdrs))
    add(ospf(2, struct.pack("!HBBI", 1500, 0x02, 0x00, 5) + lsahdr(1, "1.1.1.1", "1.1.1.1",
             length=12) + lsahdr(1, "1.1.1.2", "1.1.1.2")))     # bogus LSA length stops
    add(ospf(3, struct.pack("!I", 1) + a4("10.0.0.1") + a4("10.0.0.1") +
             struct.pack("!I", 10) + b"\x04\x00\x00\x07" + a4("10.0.0.2") +
             struct.pack("!I", 5) + a4("192.168.1.0") + a4("10.0.0.3") +
             struct.pack("!I", 99) + a4("1.2.3.4") + a4("10.0.0.4")))
    add(ospf(3, struct.pack("!I", 1) + a4("10.0.0.1") + a4("10.0.0.1") + b"\0\0\0\0"))
    router = lsa(1, "10.0.0.1", "10.0.0.1", struct.pack("!BBH", 0x03, 0, 4) +
                 rlink("10.0.0.2", "10.0.12.1", 1, 10) +
                 rlink("10.0.12.0", "255.255.255.0", 3, 10, [(1, 20), (2, 30)]) +
                 rlink("10.0.0.5", "10.0.0.1", 2, 1) +
                 rlink("10.0.0.9", "10.0.0.1", 4, 65535))
    network = lsa(2, "10.0.0.5", "10.0.0.2", a4("255.255.255.0") + a4("10.0.0.1") +
                  a4("10.0.0.2"))
    summary = lsa(3, "192.168.1.0", "10.0.0.3", a4("255.255.255.0") +
                  struct.pack("!II", 100, 0x02000200))
    asbr = lsa(4, "10.0.0.8", "10.0.0.3", a4("0.0.0.0") + struct.pack("!I", 42))
    ase = lsa(5, "192.168.0.0", "10.0.0.3", a4("255.255.0.0") +
              struct.pack("!I", 0x80000014) + a4("0.0.0.0") + a4("0.0.0.0") +
              struct.pack("!I", 0x01ffffff) + a4("10.0.0.7") + a4("0.0.0.99"))
    nssa = lsa(7, "172.16.0.0", "10.0.0.3", a4("255.240.0.0") + struct.pack("!I", 7) +
               a4("10.0.0.7") + a4("0.0.0.0"))
    group = lsa(6, "224.1.1.1", "10.0.0.3", struct.pack("!I", 1) + a4("10.0.0.1") +
                struct.pack("!I", 2) + a4("10.0.0.5") + struct.pack("!I", 3) + a4("1.1.1.1"))
    add(ospf(4, struct.pack("!I", 4) + router + network + summary + asbr))
    add(ospf(4, struct.pack("!I", 3) + ase + nssa + group))
    grace = lsa(9, "3.0.0.0", "10.0.0.1", tlv(1, b"\0\0\0\x78") + tlv(2, b"\1") +
                tlv(3, a4("10.0.12.1")) + tlv(9, b"\xaa\xbb"))
    ri = lsa(10, "4.0.0.0", "10.0.0.1", tlv(1, struct.pack("!I", 0x70)) + tlv(7, b"rtr1"))
    te = lsa(10, "1.0.0.1", "10.0.0.1", tlv(1, a4("10.0.0.1")))
    unk_opaque = lsa(11, "99.0.1.2", "10.0.0.1", b"\x01\x02\x03\x04\x05")
    add(ospf(4, struct.pack("!I", 4) + grace + ri + te + unk_opaque))
    fl = lambda v: struct.pack("!f", v)
    link = (tlv(1, b"\1") + tlv(2, a4("10.0.0.2")) + tlv(3, a4("10.0.12.1")) +
            tlv(4, a4("10.0.12.2")) + tlv(5, struct.pack("!I", 10)) + tlv(6, fl(1.25e8)) +
            tlv(7, fl(123456.7)) + tlv(8, b"".join(fl(1e6 * k + 0.3) for k in range(8))) +
            tlv(9, b"\0\0\0\x81") + tlv(11, struct.pack("!II", 5, 6)) + tlv(14, b"\x0a\0\0\0") +
            tlv(15, b"\x01\x01\0\0" + b"".join(fl(2.5e7) for _ in range(8))) +
            tlv(16, struct.pack("!III", 7, 8, 9)) +
            tlv(17, b"\0\0\0\0" + fl(1e7) + fl(3.3e6)) + tlv(99, b"\xab\xcd\xef"))
    te_link = lsa(10, "1.0.0.2", "10.0.0.1", tlv(1, a4("10.0.0.1")) + tlv(2, link))
    add(ospf(4, struct.pack("!I", 2) + te_link + network))
    add(ospf(4, struct.pack("!I", 1) + lsa(10, "1.0.0.8", "10.0.0.1", tlv(2, tlv(17, b"\1\0\0\0" +
                                            fl(1e7) + fl(3.3e6)) + tlv(99, b"\xab\xcd\xef")))))
    add(ospf(4, struct.pack("!I", 1) + lsa(10, "1.0.0.3", "10.0.0.1", tlv(2, tlv(1, b"\1\2") +
                                                                        tlv(9, b"\1")))))
    add(ospf(4, struct.pack("!I", 1) + lsa(10, "1.0.0.4", "10.0.0.1", tlv(2, tlv(17, bytes(6))))))
    add(ospf(4, struct.pack("!I", 1) + lsa(10, "1.0.0.5", "10.0.0.1", tlv(2, tlv(16, bytes(6))))))
    add(ospf(4, struct.pack("!I", 1) + lsa(10, "1.0.0.6", "10.0.0.1",
                                            tlv(2, tlv(6, fl(1.0)) + b"\0\0\0\0"))))
    add(ospf(4, struct.pack("!I", 1) + lsa(10, "1.0.0.7", "10.0.0.1", tlv(2, b"\0\5\0\x10"))))
    add(ospf(4, struct.pack("!I", 1) + lsa(9, "3.0.0.1", "10.0.0.1", tlv(1, b"\0\0\0\x78\0"))))
    add(ospf(4, struct.pack("!I", 1) + lsa(9, "3.0.0.1", "10.0.0.1", tlv(2, b"\7\0", False))))
    add(ospf(4, struct.pack("!I", 1) + lsa(10, "4.0.0.1", "10.0.0.1",
                                            tlv(1, b"\0\0\0\x01\0\0\0\0"))))
    add(ospf(4, struct.pack("!I", 1) + lsa(12, "1.2.3.4", "10.0.0.1", b"\xde\xad")))
    add(ospf(4, struct.pack("!I", 1) + lsa(1, "10.0.0.1", "10.0.0.1",
                                            struct.pack("!BBH", 0x80, 0, 1) +
                                            rlink("10.0.0.2", "10.0.0.1", 7, 1))))
    add(ospf(4, struct.pack("!I", 2) + network))            # count above the LSAs
    add(ospf(4, struct.pack("!I", 1) + lsahdr(2, "1.1.1.1", "1.1.1.1", length=8)))
    add(ospf(5, lsahdr(1, "10.0.0.1", "10.0.0.1", length=48) +
             lsahdr(3, "1.1.1.1", "1.1.1.1", length=4) + lsahdr(11, "7.0.0.9", "10.0.0.1")))
    add(ospf(5, b""))
    add(ospf(5, lsahdr(1, "10.0.0.1", "10.0.0.1", length=48) + lsahdr(2, "10.0.0.5", "10.0.0.2")))
    add(ospf(6, b"\1\2\3\4"))                               # unknown type
    add(ospf(0, b""))
    add(ospf(1, hello + bytes(8), ver=3))                   # version 3 over IPv4
    add(ospf(1, hello + bytes(8), ver=1))
    add(ospf(4, struct.pack("!I", 4) + router + network + summary + asbr), caplen=14 + 20 + 80)
    add(ospf(4, struct.pack("!I", 3) + ase + nssa + group), caplen=14 + 20 + 60)
    add(ospf(2, struct.pack("!HBBI", 0, 0x52, 0x0a, 0x1234abce) + dd_hdrs),
        caplen=14 + 20 + 50)
    add(ospf(1, hello + a4("10.0.0.1") + a4("10.0.0.2") + a4("10.0.0.2")), caplen=14 + 20 + 30)
    add(ospf(1, hello + bytes(8)), caplen=14 + 20 + 20)
    add(ospf(1, hello + bytes(8)), caplen=14 + 20 + 10)
    add(ospf(1, hello + bytes(8)), caplen=14 + 20 + 1)
    add(ospf(1, hello + bytes(8), auth=2, authdata=b"\0\0\x05\x10\x00\x00\x01\x00",
             trailer=bytes(16)), caplen=14 + 20 + 48)
    cap.write(os.path.join(out, "ospf.pcap"))


def ospf6(typ, body, rid="1.1.1.1", area="0.0.0.0", inst=0, ver=3, olen=None, trailer=b"",
          src="fe80::1", dst="ff02::5"):
    n = 16 + len(body) if olen is None else olen
    b = struct.pack("!BBH4s4sHBB", ver, typ, n, a4(rid), a4(area), 0, inst, 0) + body
    ph = a6(src) + a6(dst) + struct.pack("!IxxxB", len(b), 89)
    return b[:12] + struct.pack("!H", csum(ph + b)) + b[14:] + trailer


def lsa6hdr(typ, lsid, adv, length=20, seq=0x80000001, age=5):
    return struct.pack("!HH4s4sIHH", age, typ, a4(lsid), a4(adv), seq, 0x4321, length)


def lsa6(typ, lsid, adv, body):
    return lsa6hdr(typ, lsid, adv, 20 + len(body)) + body


def pfx6(addr, plen, opts=0, metric=0):
    n = (plen + 31) // 32 * 4
    return struct.pack("!BBH", plen, opts, metric) + a6(addr)[:n]


def make_ospf6(out, Capture):
    cap = Capture(start=1266400000)

    def add(msg, dst="ff02::5", caplen=None):
        cap.add(eth(ip6(89, msg, "fe80::1", dst, hlim=1), 0x86dd, dst="33:33:00:00:00:05"),
                caplen=caplen)

    hello = struct.pack("!IIHH", 5, 0x01000013, 10, 40) + a4("1.1.1.1") + a4("2.2.2.2")
    add(ospf6(1, hello + a4("2.2.2.2") + a4("3.3.3.3")))
    add(ospf6(1, struct.pack("!IIHH", 5, 0x00000213, 10, 40) + bytes(8), inst=4, area="0.0.0.1",
              trailer=struct.pack("!HH", 0xabcd, 12) + bytes(8) +
              struct.pack("!HHHHII", 1, 32, 0, 7, 0, 9) + bytes(16)))
    add(ospf6(1, hello, olen=60))                            # length above the IP's
    add(ospf6(2, struct.pack("!IHBBI", 0x13, 1500, 0, 0x07, 0x1000) +
              lsa6hdr(0x2001, "0.0.0.0", "1.1.1.1", 40) + lsa6hdr(0x0008, "0.0.0.5", "1.1.1.1") +
              lsa6hdr(0xc00f, "0.0.0.1", "1.1.1.1")))
    add(ospf6(3, struct.pack("!HH4s4s", 0, 0x2001, a4("0.0.0.0"), a4("2.2.2.2")) +
              struct.pack("!HH4s4s", 0, 0x4005, a4("0.0.0.3"), a4("2.2.2.2"))))
    router = lsa6(0x2001, "0.0.0.0", "1.1.1.1", struct.pack("!I", 0x03000033) +
                  struct.pack("!BBHII4s", 1, 0, 10, 5, 6, a4("2.2.2.2")) +
                  struct.pack("!BBHII4s", 2, 0, 1, 5, 5, a4("1.1.1.1")) +
                  struct.pack("!BBHII4s", 4, 0, 7, 8, 9, a4("3.3.3.3")))
    network = lsa6(0x2002, "0.0.0.5", "1.1.1.1", struct.pack("!I", 0x33) + a4("1.1.1.1") +
                   a4("2.2.2.2"))
    inter = lsa6(0x2003, "0.0.0.1", "1.1.1.1", struct.pack("!I", 100) +
                 pfx6("2001:db8:1::", 48) + pfx6("2001:db8:2::", 64, opts=0x08))
    ext = lsa6(0x4005, "0.0.0.3", "1.1.1.1", struct.pack("!I", 0x83000014) +
               pfx6("2001:db8:99::", 56, metric=0x0100) + a6("2001:db8::fe") + a4("0.0.0.7") +
               a4("0.0.0.9"))
    link = lsa6(0x0008, "0.0.0.5", "1.1.1.1", struct.pack("!I", 0x01000033) + a6("fe80::1") +
                struct.pack("!I", 2) + pfx6("2001:db8:5::", 64) + pfx6("::", 0))
    intra = lsa6(0x2009, "0.0.0.0", "1.1.1.1", struct.pack("!HH4s4s", 1, 0x2001,
                 a4("0.0.0.0"), a4("1.1.1.1")) + pfx6("2001:db8:7::1", 128, opts=0x02))
    unk = lsa6(0x200c, "0.0.0.0", "1.1.1.1", b"\x00\x01\x00\x04\x00\x00\x00\x01")
    add(ospf6(4, struct.pack("!I", 7) + router + network + inter + ext + link + intra + unk))
    add(ospf6(4, struct.pack("!I", 1) + lsa6(0x2003, "0.0.0.1", "1.1.1.1",
                                             struct.pack("!I", 1) + pfx6("::", 0)[:2] + b"\0\0" +
                                             b"\x90\0\0\0")))           # bogus prefix length
    add(ospf6(4, struct.pack("!I", 2) + lsa6hdr(0x2002, "0.0.0.5", "1.1.1.1", 60)))
    add(ospf6(4, struct.pack("!I", 1) + lsa6(0x2001, "0.0.0.0", "1.1.1.1",
                                             struct.pack("!I", 1) + bytes(16))))  # type 0 link
    add(ospf6(5, lsa6hdr(0x2001, "0.0.0.0", "1.1.1.1", 40) + lsa6hdr(0x2009, "0.0.0.0",
                                                                     "1.1.1.1", 36)))
    add(ospf6(5, lsa6hdr(0x2001, "0.0.0.0", "1.1.1.1")[:10]))
    add(ospf6(9, b""))
    add(ospf6(1, hello, ver=2))
    add(ospf6(4, struct.pack("!I", 7) + router + network + inter + ext + link + intra + unk),
        caplen=14 + 40 + 120)
    add(ospf6(1, hello + a4("2.2.2.2")), caplen=14 + 40 + 30)
    add(ospf6(1, hello), caplen=14 + 40 + 1)
    cap.write(os.path.join(out, "ospf6.pcap"))


def make(out, Capture):
    make_esp(out, Capture)
    make_ah(out, Capture)
    make_pim(out, Capture)
    make_ospf(out, Capture)
    make_ospf6(out, Capture)
