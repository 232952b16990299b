# LAN protocol captures of group 5: IGMP v1/v2/v3 (RFC 1112, 2236, 3376), STP/RSTP/MSTP
# (IEEE 802.1D, 802.1w, 802.1Q), LLDP (IEEE 802.1AB), LACP and marker (IEEE 802.3ad slow
# protocols), EAPOL/EAP (IEEE 802.1X, RFC 3748), VRRP v2/v3 (RFC 3768, 5798), CDP (Cisco).
# Raw bytes throughout, so that malformed packets are as easy as good ones.
import os
import socket
import struct

MAC_C, MAC_S = "00:11:22:33:44:01", "00:11:22:33:44:02"


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


def eth(payload, etype, src=MAC_C, dst=MAC_S):
    return mac(dst) + mac(src) + struct.pack("!H", etype) + bytes(payload)


def ip4(proto, payload, src="10.0.0.1", dst="224.0.0.1", ttl=1, opts=b"", tot_len=None):
    ihl = (20 + len(opts)) // 4
    tl = 20 + len(opts) + len(payload) if tot_len is None else tot_len
    hdr = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0xc0, tl, 0x77, 0, ttl, proto, 0,
                      a4(src), a4(dst)) + opts
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + bytes(payload)


RA = b"\x94\x04\x00\x00"  # router alert option


# ---------------------------------------------------------------- IGMP

def igmp(typ, code, rest, ck=None):
    b = struct.pack("!BBH", typ, code, 0) + rest
    c = csum(b) if ck is None else ck
    return b[:2] + struct.pack("!H", c) + b[4:]


def v3query(mrc, group, srcs, s_qrv=2, qqic=125, nsrc=None):
    n = len(srcs) if nsrc is None else nsrc
    return igmp(0x11, mrc, a4(group) + struct.pack("!BBH", s_qrv, qqic, n) +
                b"".join(a4(s) for s in srcs))


def grec(rtype, group, srcs, aux=b"", nsrc=None):
    n = len(srcs) if nsrc is None else nsrc
    return (struct.pack("!BBH", rtype, len(aux) // 4, n) + a4(group) +
            b"".join(a4(s) for s in srcs) + aux)


def v3report(recs, ngroups=None):
    n = len(recs) if ngroups is None else ngroups
    return igmp(0x22, 0, struct.pack("!HH", 0, n) + b"".join(recs))


def make_igmp(out, Capture):
    cap = Capture(start=1265000000)

    def add(msg, src="10.0.0.1", dst="224.0.0.1", caplen=None, opts=RA, tot_len=None):
        cap.add(eth(ip4(2, msg, src, dst, opts=opts, tot_len=tot_len), 0x0800,
                    dst="01:00:5e:00:00:01"), caplen=caplen)

    g = "239.1.2.3"
    add(igmp(0x11, 0, a4("0.0.0.0")))                       # v1 query
    add(igmp(0x11, 100, a4("0.0.0.0")), opts=b"")           # v2 general query
    add(igmp(0x11, 10, a4(g)), dst=g)                       # v2 group query, mrt 10
    add(igmp(0x11, 100, a4(g)), dst=g)
    add(igmp(0x12, 0, a4(g)), dst=g)                        # v1 report
    add(igmp(0x16, 0, a4(g)), dst=g)                        # v2 report
    add(igmp(0x17, 0, a4(g)), dst="224.0.0.2")              # leave
    add(v3query(100, "0.0.0.0", []))                        # v3 general query
    add(v3query(10, g, [], s_qrv=0x0a), dst=g)
    add(v3query(200, g, ["10.1.1.1", "10.1.1.2"]), dst=g)  # exponential code
    add(v3query(0xff, g, ["10.1.1.3"]), dst=g)             # > 60 s
    add(v3query(0x8f, "0.0.0.0", []))
    add(v3query(127, g, ["10.1.1.4"], nsrc=5), dst=g)       # too many sources
    add(v3query(100, "0.0.0.0", ["10.1.1.5"], nsrc=1))      # sources without a group
    add(v3report([grec(1, g, ["10.2.0.1"]), grec(2, "239.9.9.9", []),
                  grec(3, "239.3.3.3", ["10.2.0.2", "10.2.0.3"]),
                  grec(4, "239.4.4.4", []), grec(5, "239.5.5.5", ["10.2.0.5"]),
                  grec(6, "239.6.6.6", ["10.2.0.6"]), grec(9, "239.7.7.7", [])]),
        dst="224.0.0.22")
    add(v3report([grec(1, g, [], aux=b"\xaa" * 8), grec(2, "239.9.9.9", ["10.2.0.9"])]),
        dst="224.0.0.22")
    add(v3report([]), dst="224.0.0.22")                     # no records: invalid len
    add(v3report([grec(1, g, [])], ngroups=3), dst="224.0.0.22")
    add(v3report([grec(1, g, ["10.2.0.1"], nsrc=4)]), dst="224.0.0.22")
    add(v3report([grec(1, g, [])]) + b"\0\0", dst="224.0.0.22")   # length not multiple of 4
    add(igmp(0x11, 100, a4(g)) + b"\0\0", dst=g)            # 10 bytes: v2 with [len]
    add(igmp(0x11, 100, a4(g)) + b"\0\0\0\0\0", dst=g)      # 13 bytes: v3 invalid len
    add(igmp(0x12, 0, a4(g)) + b"\0\0\0\0", dst=g)          # v1 report with [len 12]
    add(igmp(0x16, 0, a4(g), ck=0x1234), dst=g)             # bad checksum
    add(igmp(0x11, 0, a4("0.0.0.0"), ck=0))
    add(igmp(0x99, 0, b"\1\2\3\4"))                         # unknown type
    add(igmp(0x1f, 0, a4(g) + a4("10.3.0.1") + a4("10.3.0.2") + a4("224.0.1.32") +
             b"\x20\x00\x12\x34"), dst="10.3.0.2")          # mtrace to a multicast reply
    add(igmp(0x1f, 0, a4(g) + a4("10.3.0.1") + a4("10.3.0.2") + a4("10.3.0.9") +
             b"\x20\x00\x12\x35"), dst="10.3.0.2")
    add(igmp(0x1e, 0, a4(g) + a4("10.3.0.1") + a4("10.3.0.2") + a4("239.3.3.3") +
             b"\x05\xab\xcd\xef" + bytes(28)), dst="10.3.0.2")  # mresp
    add(igmp(0x1e, 0, a4(g) + a4("10.3.0.1") + a4("10.3.0.2") + a4("10.9.9.9") +
             b"\x05\x00\x00\x01"), dst="10.3.0.2")
    add(igmp(0x1f, 0, a4(g) + a4("192.0.2.10") + a4("198.51.100.20") + a4("192.0.2.10") +
             b"\x20\x00\x00\x01"), src="192.0.2.10", dst="198.51.100.20")  # lab names
    add(igmp(0x1f, 0, a4(g) + a4("10.3.0.1")), dst="10.3.0.2")  # mtrace too short
    add(igmp(0x11, 100, a4("0.0.0.0"))[:6])                 # 6-byte query
    add(igmp(0x16, 0, b""))                                 # 4-byte report
    add(b"\x16")                                            # 1 byte
    # DVMRP (IGMP type 0x13; RFC 1075, draft-ietf-idmr-dvmrp-v3)
    def dv(code, body, group=b"\x00\x00\x03\xff"):
        return igmp(0x13, code, group + body)

    dst = "224.0.0.4"
    add(dv(1, struct.pack("!I", 12345) + a4("10.4.0.1") + a4("10.4.0.2")), dst=dst)
    add(dv(1, struct.pack("!I", 7)), dst=dst)
    add(dv(1, b"\x01\x02"), dst=dst)                                # probe too short
    add(dv(1, struct.pack("!I", 7) + b"\x01\x02"), dst=dst)
    add(dv(2, b"\xff\xff\x00" + b"\x0a\x01\x02\x03" + b"\x0a\x01\x03\x85" +
           b"\xff\x00\x00" + b"\x0b\x81" + b"\x00\x00\x00" + b"\x00\x90"), dst=dst)  # report
    add(dv(2, b"\xff\xff\xff" + b"\xc0\x00\x02\x01\x02"), dst=dst)  # report cut
    add(dv(2, b"\xff\xff"), dst=dst)
    add(dv(3, b""), dst=dst)                                        # ask neighbors
    add(dv(4, a4("10.4.0.1") + b"\x01\x02\x02" + a4("10.4.0.5") + a4("10.4.0.6")), dst=dst)
    add(dv(4, a4("10.4.0.1") + b"\x01\x02\x02" + a4("10.4.0.5")), dst=dst)
    add(dv(4, a4("10.4.0.1") + b"\x01"), dst=dst)
    add(dv(5, b""), dst=dst)
    add(dv(6, a4("10.4.0.1") + b"\x01\x02\x73\x02" + a4("10.4.0.5") + a4("10.4.0.6") +
           a4("10.4.0.9") + b"\x03\x04\x00\x01" + a4("10.4.0.10")), dst=dst)
    add(dv(6, a4("10.4.0.1") + b"\x01\x02\x00\x03" + a4("10.4.0.5")), dst=dst)  # ncount left
    add(dv(6, a4("10.4.0.1") + b"\x01\x02"), dst=dst)
    add(dv(6, a4("10.4.0.1") + b"\x01\x02\x00\x01" + b"\x0a\x04"), dst=dst)
    add(dv(7, a4("10.5.0.1") + a4("239.5.5.5") + struct.pack("!I", 7384)), dst=dst)  # prune
    add(dv(7, a4("10.5.0.1") + a4("239.5.5.5") + struct.pack("!I", 0)), dst=dst)
    add(dv(8, a4("10.5.0.1") + a4("239.5.5.5")), dst=dst)           # graft
    add(dv(9, a4("10.5.0.1") + a4("239.5.5.5")), dst=dst)           # graft ack
    add(dv(20, b"\x01\x02"), dst=dst)                               # unknown
    add(igmp(0x13, 1, b"")[:7], dst=dst)                            # 7 bytes
    add(dv(7, a4("10.5.0.1") + a4("239.5.5.5")), dst=dst)           # prune without timer
    add(dv(1, struct.pack("!I", 12345) + a4("10.4.0.1")), dst=dst, caplen=14 + 24 + 14)
    add(dv(6, a4("10.4.0.1") + b"\x01\x02\x73\x02" + a4("10.4.0.5")), dst=dst,
        caplen=14 + 24 + 6)
    # PIMv1 (IGMP type 0x14)
    def pim1(code, body, ver=0x10, rest=b"\x00\x00\x00"):
        return igmp(0x14, code, bytes([ver]) + rest + body)

    dst = "224.0.0.2"
    add(pim1(0, b"\x10\x00\x00\x69"), dst=dst)                      # query sparse, hold 105
    add(pim1(0, b"\x00\x00\x0e\x10"), dst=dst)
    add(pim1(0, b"\x20\x00\x00\x00"), dst=dst)
    add(pim1(0, b"\x70\x00\x00\x00", ver=0x20), dst=dst)            # mode 7, version 2
    add(pim1(0, b""), dst=dst)                                      # query without mode
    add(pim1(1, b"\x45\x00\x00\x14" + bytes(8) + a4("10.6.0.1") + a4("239.6.6.6")),
        dst=dst)                                                    # register
    add(pim1(1, b"\x45\x00"), dst=dst)
    add(pim1(2, a4("239.6.6.6") + a4("10.6.0.1")), dst=dst)        # register stop
    jp1 = (a4("10.6.0.9") + b"\x00\x00\x00\x3c" + b"\x00\x00\x04\x01" + a4("239.6.6.6") +
           b"\xff\xff\xff\x00" + b"\x00\x01\x00\x00" + b"\x01\xd8" + a4("10.6.0.1"))
    add(pim1(3, jp1), dst=dst)                                      # join/prune one line
    jp1b = (a4("10.6.0.9") + b"\x00\x00\x00\xb4" + b"\x00\x00\x04\x01" + a4("239.6.6.6") +
            b"\xff\xff\xff\xff" + b"\x00\x00\x00\x01" + b"\x00\x20" + a4("10.6.0.1"))
    add(pim1(3, jp1b), dst=dst)
    jp2 = (a4("10.6.0.9") + b"\x00\x00\x00\xd2" + b"\x00\x00\x04\x02" +
           a4("239.6.6.6") + b"\xff\xff\xff\xff" + b"\x00\x01\x00\x01" +
           b"\x01\xd8" + a4("10.6.0.1") + b"\x00\x20" + a4("10.6.0.2") +
           a4("239.7.7.7") + b"\xff\xff\x00\x00" + b"\x00\x00\x00\x01" + b"\x01\x9f" +
           a4("10.6.0.3"))
    add(pim1(3, jp2), dst=dst)                                      # two groups
    add(pim1(6, jp2[:36]), dst=dst)                                 # graft, cut list
    add(pim1(7, jp2[:6]), dst=dst)                                  # graft-ack, short
    add(pim1(7, b""), dst=dst)
    add(pim1(4, a4("239.6.6.6") + b"\xff\xff\xff\xff" + a4("10.6.0.7") + b"\x00\x00\x00\x5a"),
        dst=dst)                                                    # RP reachable
    add(pim1(4, a4("239.6.6.6") + b"\xff\xff\x00\x00" + a4("10.6.0.7") + b"\x00\x00\x10\x00"),
        dst=dst)
    add(pim1(5, a4("239.6.6.6") + b"\xff\xff\xff\xff" + a4("10.6.0.1") +
             struct.pack("!II", 0x80000065, 20)), dst=dst)          # assert
    add(pim1(5, a4("239.6.6.6") + b"\xff\xff\xff\x00" + a4("10.6.0.1") +
             struct.pack("!II", 0x00000065, 20)), dst=dst)
    add(pim1(9, b""), dst=dst)                                      # unknown type
    add(pim1(2, a4("239.6.6.6")), dst=dst)                          # register stop cut
    add(pim1(3, jp2), dst=dst, caplen=14 + 24 + 30)
    add(pim1(5, a4("239.6.6.6") + b"\xff\xff\xff\xff" + a4("10.6.0.1") +
             struct.pack("!II", 0x80000065, 20)), dst=dst, caplen=14 + 24 + 22)
    # cut short by the capture
    add(igmp(0x16, 0, a4(g)), dst=g, caplen=14 + 24 + 6)
    add(igmp(0x16, 0, a4(g)), dst=g, caplen=14 + 24 + 1)
    add(v3query(200, g, ["10.1.1.1", "10.1.1.2"]), dst=g, caplen=14 + 24 + 17)
    add(v3query(200, g, ["10.1.1.1", "10.1.1.2"]), dst=g, caplen=14 + 24 + 9)
    add(v3report([grec(1, g, ["10.2.0.1", "10.2.0.2"]), grec(2, "239.9.9.9", [])]),
        dst="224.0.0.22", caplen=14 + 24 + 22)
    add(v3report([grec(1, g, ["10.2.0.1", "10.2.0.2"]), grec(2, "239.9.9.9", [])]),
        dst="224.0.0.22", caplen=14 + 24 + 7)
    add(igmp(0x1f, 0, a4(g) + a4("10.3.0.1") + a4("10.3.0.2") + a4("224.0.1.32") +
             b"\x20\x00\x12\x34"), dst="10.3.0.2", caplen=14 + 24 + 20)
    # IP length shorter than the frame (the rest is Ethernet padding)
    add(igmp(0x16, 0, a4(g)) + b"\0" * 6, dst=g, tot_len=24 + 8)
    cap.write(os.path.join(out, "igmp.pcap"))


# ---------------------------------------------------------------- STP

def llc_frame(payload, dsap=0x42, ssap=0x42, ctl=0x03, dst="01:80:c2:00:00:00", src=MAC_C,
              lenfield=None):
    body = bytes([dsap, ssap, ctl]) + bytes(payload)
    n = len(body) if lenfield is None else lenfield
    frame = mac(dst) + mac(src) + struct.pack("!H", n) + body
    return frame + b"\0" * max(0, 60 - len(frame))


def bid(prio, m):
    return struct.pack("!H", prio) + mac(m)


def bpdu(ver=0, typ=0, flags=0, root=(0x8000, "00:aa:bb:cc:dd:01"), cost=4,
         bridge=(0x8001, "00:aa:bb:cc:dd:02"), port=0x8002, age=256, maxage=20 * 256,
         hello=2 * 256, fwd=15 * 256, pid=0):
    return (struct.pack("!HBBB", pid, ver, typ, flags) + bid(*root) + struct.pack("!I", cost) +
            bid(*bridge) + struct.pack("!HHHHH", port, age, maxage, hello, fwd))


def msti(flags, rootprio, rootmac, cost, bprio, pprio, hops):
    return (bytes([flags]) + bid(rootprio, rootmac) + struct.pack("!I", cost) +
            bytes([bprio, pprio, hops]))


def mst(flags=0x7c, mstis=(), name=b"region1", rev=3, v3len=None, v1len=0, ver=3, tail=b""):
    body = (bytes([0]) + name.ljust(32, b"\0") + struct.pack("!H", rev) +
            bytes(range(0xd0, 0xe0)) + struct.pack("!I", 20000) + bid(0x9000, "00:aa:bb:cc:dd:09") +
            bytes([19]) + b"".join(mstis))
    n = len(body) if v3len is None else v3len
    return bpdu(ver=ver, typ=2, flags=flags) + bytes([v1len]) + struct.pack("!H", n) + body + tail


def spb_part(v4len=None):
    body = (bytes([0]) + b"auxregion".ljust(32, b"\0") + struct.pack("!H", 7) +
            bytes(range(0x40, 0x50)) + bytes([0xb4, 0, 0x21, 0x43]) + struct.pack("!H", 9) +
            bytes(8) + bytes(range(0x60, 0x74)))
    n = len(body) if v4len is None else v4len
    return struct.pack("!H", n) + body


def make_stp(out, Capture):
    cap = Capture(start=1265100000)

    def add(payload, caplen=None, **kw):
        cap.add(llc_frame(payload, **kw), caplen=caplen)

    add(bpdu())                                             # config
    add(bpdu(flags=0x81, cost=0, age=0, maxage=6 * 256 + 128, hello=1, fwd=4 * 256 + 64))
    add(bpdu(flags=0x7e))                                   # all the middle bits
    add(struct.pack("!HBB", 0, 0, 0x80))                    # TCN
    add(bpdu(ver=2, typ=2, flags=0x3c) + b"\0")             # RSTP designated forwarding
    add(bpdu(ver=2, typ=2, flags=0x0a) + b"\0")             # root proposal
    add(bpdu(ver=2, typ=2, flags=0x45) + b"\0")             # alternate agreement TC
    add(bpdu(ver=2, typ=2, flags=0x00) + b"\0")
    add(bpdu(ver=2, typ=0, flags=0x08))                     # version 2 config
    add(mst())                                              # MSTP without MSTIs
    add(mst(mstis=[msti(0x7c, 0x8001, "00:aa:bb:cc:dd:0a", 200, 0x80, 0x90, 19),
                   msti(0x01, 0x7002, "00:aa:bb:cc:dd:0b", 0, 0x10, 0xf0, 0)]))
    add(mst(mstis=[msti(0x7c, 0x8001, "00:aa:bb:cc:dd:0a", 200, 0x80, 0x90, 19)],
            name=b"\x01ctl\x80high"))
    add(mst(ver=4, mstis=[msti(0x7c, 0x8001, "00:aa:bb:cc:dd:0a", 200, 0x80, 0x90, 19)],
            tail=spb_part()))                               # SPB
    add(mst(ver=4, tail=spb_part(v4len=10)))                # SPB with a short v4 part
    add(bpdu(ver=3, typ=0))                                 # MSTP version, config type
    add(bpdu(ver=0, typ=2))                                 # RSTP type at version 0
    add(bpdu(typ=0x33))                                     # unknown type
    add(bpdu(ver=5))                                        # unknown version
    add(bpdu(pid=1))                                        # unknown protocol id
    add(bpdu()[:20])                                        # config too short
    add(bpdu(ver=2, typ=2))                                 # RSTP without the v1 length
    add(mst(v1len=1))                                       # v1 length not 0
    add(mst(v3len=200))                                     # v3 length past the end
    add(mst()[:60])                                         # MSTP too short
    add(b"\0\0\0")                                         # 3 bytes
    add(b"\0\0\2\2\0", lenfield=8)                         # 802.3 length 8
    # PVST+ over SNAP (Cisco OUI, pid 0x010b)
    add(b"\0\0\x0c\x01\x0b" + bpdu(ver=2, typ=2, flags=0x3c) + b"\0", dsap=0xaa, ssap=0xaa,
        dst="01:00:0c:cc:cc:cd")
    # cut short by the capture
    add(bpdu(), caplen=14 + 3 + 20)
    add(bpdu(ver=2, typ=2, flags=0x3c) + b"\0", caplen=14 + 3 + 30)
    add(mst(mstis=[msti(0x7c, 0x8001, "00:aa:bb:cc:dd:0a", 200, 0x80, 0x90, 19)]),
        caplen=14 + 3 + 60)
    add(mst(mstis=[msti(0x7c, 0x8001, "00:aa:bb:cc:dd:0a", 200, 0x80, 0x90, 19)]),
        caplen=14 + 3 + 110)
    add(bpdu(), caplen=14 + 3 + 2)
    cap.write(os.path.join(out, "stp.pcap"))


# ---------------------------------------------------------------- LLDP

def tlv(t, v, n=None):
    return struct.pack("!H", t << 9 | (len(v) if n is None else n)) + bytes(v)


def org(oui, sub, v):
    return tlv(127, struct.pack("!I", oui << 8 | sub) + bytes(v))


def a6(s):
    return socket.inet_pton(socket.AF_INET6, s)


def lldp_std(chassis=b"\x04" + mac("00:aa:bb:cc:dd:01"), port=b"\x05eth0", ttl=120):
    return tlv(1, chassis) + tlv(2, port) + tlv(3, struct.pack("!H", ttl))


def make_lldp(out, Capture):
    cap = Capture(start=1265200000)

    def add(body, caplen=None, end=True):
        cap.add(eth(body + (tlv(0, b"") if end else b""), 0x88cc, dst="01:80:c2:00:00:0e"),
                caplen=caplen)

    full = (lldp_std() + tlv(4, b"uplink to core") + tlv(5, b"switch1.example") +
            tlv(6, b"Example OS 1.2, build \x01\x80") +
            tlv(7, struct.pack("!HH", 0x0014, 0x0004)) +
            tlv(8, b"\x05\x01" + a4("192.0.2.1") + b"\x02" + struct.pack("!I", 7) +
                b"\x08\x2b\x06\x01\x04\x01\x09\x05\x01") +
            tlv(8, b"\x05\x01" + a4("192.0.2.10") + b"\x02" + struct.pack("!I", 8)) +
            tlv(8, b"\x11\x02" + a6("2001:db8::1") + b"\x03" + struct.pack("!I", 9) + b"\x00") +
            tlv(8, b"\x07\x06" + mac("00:aa:bb:cc:dd:03") + b"\x01" + struct.pack("!I", 1)) +
            org(0x0080c2, 1, struct.pack("!H", 100)) +
            org(0x0080c2, 2, b"\x06" + struct.pack("!H", 200)) +
            org(0x0080c2, 3, struct.pack("!H", 300) + b"\x05vlan3") +
            org(0x0080c2, 4, b"\x04\x00\x26\x42\x42") +
            org(0x00120f, 1, b"\x03" + struct.pack("!HH", 0x6c01, 16)) +
            org(0x00120f, 2, b"\x0f\x01\x03") +
            org(0x00120f, 3, b"\x03" + struct.pack("!I", 12)) +
            org(0x00120f, 4, struct.pack("!H", 9216)))
    add(full)
    add(lldp_std(chassis=b"\x01chassis-A", port=b"\x01alias-1", ttl=0) + tlv(5, b"sw2"))
    add(lldp_std(chassis=b"\x02if-alias", port=b"\x02portcomp"))
    add(lldp_std(chassis=b"\x03portcomp", port=b"\x03" + mac("00:aa:bb:cc:dd:05")))
    add(lldp_std(chassis=b"\x05\x01" + a4("198.51.100.7"), port=b"\x04\x02" + a6("fe80::1")))
    add(lldp_std(chassis=b"\x05\x06" + mac("00:aa:bb:cc:dd:06"), port=b"\x04\x06" +
                 mac("00:aa:bb:cc:dd:07")))
    add(lldp_std(chassis=b"\x05\x03\x01\x02", port=b"\x04\x63\x01"))  # AF with no printer
    add(lldp_std(chassis=b"\x06ge-0/0/1", port=b"\x06circuit-9"))
    add(lldp_std(chassis=b"\x07local\x00tail", port=b"\x07lp"))
    add(lldp_std(chassis=b"\x09\x01\x02\x03", port=b"\x00\x04\x05"))  # unknown subtypes
    add(lldp_std(chassis=b"\x05\x19\x01\x02", port=b"\x04\xc4\x01") +
        tlv(8, b"\x03\x00\x01\x02" + b"\x02\x00\x00\x00\x01") +
        org(0x0080c2, 7, b"\x01" + struct.pack("!I", 77)) + org(0x0080c2, 7, b"\x01"))
    add(lldp_std() + tlv(7, struct.pack("!HH", 0xffff, 0x0000)) +
        tlv(7, struct.pack("!HH", 0x0000, 0x00a1)))
    add(lldp_std() + tlv(20, b"\x01\x02\x03") + org(0x123456, 1, b"\xaa\xbb") +
        org(0x0080c2, 99, b"\x01") + org(0x00120f, 99, b"\x02") +
        org(0x00005e, 1, b"https://mud.example/dev") + org(0x00005e, 2, b"\x01\x02\x03\x04"))
    add(lldp_std() + org(0x0080c2, 1, b"") + org(0x0080c2, 2, b"\x06\x00") +
        org(0x0080c2, 3, struct.pack("!H", 300)) + org(0x0080c2, 3, struct.pack("!H", 300) + b"\x09ab") +
        org(0x0080c2, 4, b"") + org(0x0080c2, 4, b"\x09") + org(0x00120f, 1, b"\x03") +
        org(0x00120f, 2, b"") + org(0x00120f, 3, b"\x01") + org(0x00120f, 4, b"") +
        tlv(127, b"\x00\x80\xc2") + tlv(127, b"\x00\x12\x0f") + tlv(127, b"\x00\x00\x5e\x01"))
    # 802.1 DCB/EVB subtypes
    add(lldp_std() + org(0x0080c2, 8, b"\xa5\x0f") +
        org(0x0080c2, 9, b"\xc3" + bytes([0x01, 0x23, 0x45, 0x67]) + bytes(range(10, 18)) +
            bytes([0, 1, 2, 255, 0, 0, 0, 2])) +
        org(0x0080c2, 10, b"\x00" + bytes([0x76, 0x54, 0x32, 0x10]) + bytes(8) + bytes(8)) +
        org(0x0080c2, 11, b"\xd5\x81") +
        org(0x0080c2, 12, b"\x00" + b"\x61\x0c\xbc" + b"\x84\x89\x06") +
        org(0x0080c2, 12, b"\x00") + org(0x0080c2, 12, b"\x00\x01\x02") +
        org(0x0080c2, 13, b"\xff\xff\xa5\x9c\x7f") +
        org(0x0080c2, 14, b"\xb8\x00\x01\x23" + b"\x00\x10\x05\x00\x20\x06") +
        org(0x0080c2, 14, b"\x00\x00\x00\x00\x01") + org(0x0080c2, 9, bytes(5)) +
        org(0x0080c2, 8, b"\x01"))
    # LLDP-MED (TIA)
    civic = b"\x02US" + b"\x01\x02CA" + b"\x03\x07Anytown" + b"\x80\x03xyz"
    add(lldp_std() + org(0x0012bb, 1, b"\x00\x33\x03") +
        org(0x0012bb, 2, b"\x01\x40\x64\xee") + org(0x0012bb, 2, b"\x63\xa1\x23\x45") +
        org(0x0012bb, 3, b"\x01" + bytes([0x45, 0x12, 0x34, 0x56, 0x78, 0x9b, 0xab, 0xcd, 0xef,
                                          0x01, 0x13, 0x40, 0x00, 0x01, 0x02, 0x01])) +
        org(0x0012bb, 3, b"\x02" + bytes([len(civic) + 1]) + civic) +
        org(0x0012bb, 3, b"\x03" + b"5551234567") + org(0x0012bb, 3, b"\x07\x01\x02") +
        org(0x0012bb, 4, b"\x52" + struct.pack("!H", 155)) +
        org(0x0012bb, 4, b"\x13" + struct.pack("!H", 2000)) +
        org(0x0012bb, 5, b"rev A") + org(0x0012bb, 6, b"fw 1.0") + org(0x0012bb, 7, b"sw 2") +
        org(0x0012bb, 8, b"SN123") + org(0x0012bb, 9, b"ACME") + org(0x0012bb, 10, b"Phone") +
        org(0x0012bb, 11, b"asset") + org(0x0012bb, 12, b"\x00"))
    add(lldp_std() + org(0x0012bb, 1, b"\x00") + org(0x0012bb, 2, b"\x01") +
        org(0x0012bb, 3, b"") + org(0x0012bb, 3, b"\x01\x00") + org(0x0012bb, 3, b"\x02") +
        org(0x0012bb, 3, b"\x02\x02\x00\x00\x00") +
        org(0x0012bb, 3, b"\x02\x06\x00US\x00\x01a") +
        org(0x0012bb, 3, b"\x02\x06\x00US\x01\x05abcde") +
        org(0x0012bb, 3, b"\x02\x04\x00US\x01") + org(0x0012bb, 4, b"\x00"))
    # DCBX 1.01 and 1
    dcb = (tlv(1, b"\x00\x00" + struct.pack("!II", 5, 4)) +
           tlv(2, b"\x00\x00\xa0\x00" + struct.pack("!I", 0x01234567) + bytes(range(8)) +
               b"\x08") +
           tlv(3, b"\x00\x00\x60\x00\x89\x08") +
           tlv(4, b"\x00\x00\x80\x00" + b"\x89\x06\x00\x1b\x21\x08" +
               b"\x0c\xbc\x40\x1b\x21\x10") +
           tlv(9, b"\x01\x02") + tlv(1, b"\x00"))
    add(lldp_std() + org(0x001b21, 2, dcb) + org(0x001b21, 1, b"\x01\x02") +
        org(0x001b21, 2, tlv(2, b"\x00")) + org(0x001b21, 2, tlv(0, b"") + tlv(1, bytes(10))) +
        org(0x001b21, 2, tlv(1, b"\x00", n=9)) + org(0x001b21, 3, b""))
    # malformed
    add(lldp_std() + tlv(3, b"\x01"))                     # TTL of 1 byte
    add(tlv(1, b"\x04"))                                   # chassis of 1 byte
    add(tlv(1, b"\x04\x01\x02"))                          # MAC chassis too short
    add(tlv(2, b"\x05\x01\x02"))                          # network address port, short
    add(tlv(2, b"\x03\x01\x02"))
    add(lldp_std() + tlv(7, b"\x00\x14\x00"))               # capabilities too short
    add(lldp_std() + tlv(8, b"\x09\x01\x01\x02"))          # mgmt address length past TLV
    add(lldp_std() + tlv(8, b"\x05\x01\x01\x02\x03\x04"))  # no interface numbering
    add(lldp_std() + tlv(8, b"\x05\x01\x01\x02\x03\x04\x02\x00\x00\x00\x01\x05ab"))  # OID long
    add(lldp_std() + tlv(8, b"\x02\x01\x01"))              # IPv4 too short
    add(lldp_std() + tlv(8, b""))
    add(lldp_std() + tlv(127, b"\x00\x80"))                 # org TLV too short
    add(lldp_std() + tlv(4, b"abc", n=40), end=False)      # TLV longer than the frame
    add(lldp_std() + tlv(5, b"", n=0) + tlv(5, b"after"))  # zero length stops the loop
    add(lldp_std(), end=False)                             # no End TLV
    add(lldp_std() + b"\x0a", end=False)                   # one odd byte left
    add(b"", end=False)
    # cut short by the capture
    add(full, caplen=14 + 1)
    add(full, caplen=14 + 5)
    add(full, caplen=14 + 30)
    add(full, caplen=14 + 60)
    add(full, caplen=14 + 100)
    add(full, caplen=14 + 130)
    add(full, caplen=14 + 175)
    cap.write(os.path.join(out, "lldp.pcap"))


# ---------------------------------------------------------------- slow protocols (LACP, marker)

def lacp_info(t, sysmac, key, port, state, prio=0x8000, pprio=0xff, ln=20):
    return (bytes([t, ln]) + struct.pack("!H", prio) + mac(sysmac) +
            struct.pack("!HHHB", key, pprio, port, state) + bytes(3))


def lacpdu(actor_state=0x3d, partner_state=0x3f, ver=1, tail=None):
    body = (bytes([1, ver]) + lacp_info(1, "00:aa:bb:cc:dd:01", 13, 5, actor_state) +
            lacp_info(2, "00:aa:bb:cc:dd:02", 14, 6, partner_state) +
            bytes([3, 16]) + struct.pack("!H", 50) + bytes(12))
    return body + (bytes(52) if tail is None else tail)


def make_lacp(out, Capture):
    cap = Capture(start=1265300000)

    def add(body, caplen=None):
        cap.add(eth(body, 0x8809, dst="01:80:c2:00:00:02"), caplen=caplen)

    add(lacpdu())
    add(lacpdu(actor_state=0x00, partner_state=0xff))
    add(bytes([2, 1]) + bytes([1, 16]) + struct.pack("!H", 7) + mac("00:aa:bb:cc:dd:03") +
        struct.pack("!I", 0x12345678) + bytes(2) + bytes(52))          # marker
    add(bytes([2, 1]) + bytes([2, 16]) + struct.pack("!H", 7) + mac("00:aa:bb:cc:dd:03") +
        struct.pack("!I", 0x12345678) + bytes(2) + bytes(52))          # marker response
    add(bytes([1, 2]) + bytes(20))                                      # LACP version 2
    add(bytes([2, 3]) + bytes(20))                                      # marker version 3
    add(bytes([9, 1, 2, 3]))                                            # unknown subtype
    add(bytes([10]) + bytes(range(40)))
    add(b"\x01")                                                        # too short
    add(b"\x02")
    add(b"")
    add(lacpdu(tail=b""))                                               # no terminator
    add(bytes([1, 1]) + lacp_info(1, "00:aa:bb:cc:dd:01", 13, 5, 0x3d, ln=18) + bytes(40))
    add(bytes([1, 1]) + lacp_info(1, "00:aa:bb:cc:dd:01", 13, 5, 0x3d, ln=1) + bytes(40))
    add(bytes([1, 1]) + bytes([3, 10]) + bytes(8) + bytes(40))          # collector bad length
    add(bytes([1, 1]) + bytes([7, 6, 1, 2, 3, 4]) + bytes([0, 0]))      # unknown TLV
    add(bytes([2, 1]) + bytes([1, 12]) + bytes(10) + bytes(2))          # marker bad length
    add(bytes([1, 1]) + bytes([1, 200]) + bytes(30))                    # TLV past the end
    add(bytes([1, 1, 1]))                                               # one byte of a header
    # OAM (802.3ah)
    def oam(code, body, flags=0x0050):
        return bytes([3]) + struct.pack("!HB", flags, code) + body

    def info(t, ln=16, ver=1, rev=2, state=0x05, cfg=0x1f, pdu=0x05ee, oui=0x00120f):
        return (bytes([t, ln, ver]) + struct.pack("!HBBH", rev, state, cfg, pdu) +
                struct.pack("!I", oui)[1:] + struct.pack("!I", 0xdeadbeef))

    add(oam(0, info(1) + info(2, state=0x02, cfg=0) + bytes([0xfe, 5, 0, 0x12, 0x0f]) +
            bytes([0x07, 3, 9]) + bytes([0, 0]), flags=0x007f))
    add(oam(0, info(1, ln=12)[:12]))                                    # info length 12
    add(oam(0, bytes([1, 1])))                                          # TLV length 1
    add(oam(0, bytes([1, 30]) + bytes(10)))                             # TLV past the end
    add(oam(0, bytes([1]), flags=0))                                    # one byte left
    ev = (bytes([1, 40]) + struct.pack("!HQQQQI", 7, 1000, 10, 3, 99, 4))
    add(oam(1, struct.pack("!H", 5) + ev + bytes([2, 40]) + ev[2:] + bytes([0xfe, 4, 1, 2]) +
            bytes([9, 3, 0]) + bytes([3, 20]) + bytes(18) + bytes([0, 0])))
    add(oam(1, b"\x01"))                                                # no sequence number
    add(oam(1, struct.pack("!H", 5) + bytes([1, 1])))
    add(oam(1, struct.pack("!H", 5) + bytes([1, 50]) + bytes(10)))
    add(oam(4, b"\x01"))                                                # loopback enable
    add(oam(4, b"\x02\x00\x00"))
    add(oam(4, b"\x09"))
    add(oam(4, b""))
    add(oam(2, b"\x07\x00\x10"))                                        # variable request
    add(oam(3, b"\x07\x00\x10\x02\xab\xcd"))
    add(oam(0xfe, b"\x00\x12\x0f\x01"))
    add(oam(0x77, b"\x01\x02"))
    add(oam(5, b""))
    add(bytes([3, 0]))                                                  # OAM header cut
    add(bytes([3]))
    add(oam(0, info(1) + info(2)), caplen=14 + 6)
    add(oam(0, info(1) + info(2)), caplen=14 + 14)
    add(oam(1, struct.pack("!H", 5) + ev), caplen=14 + 20)
    # cut short by the capture
    add(lacpdu(), caplen=14 + 1)
    add(lacpdu(), caplen=14 + 3)
    add(lacpdu(), caplen=14 + 12)
    add(lacpdu(), caplen=14 + 30)
    add(lacpdu(), caplen=14 + 60)
    cap.write(os.path.join(out, "lacp.pcap"))


# ---------------------------------------------------------------- EAPOL / EAP

def eapol(ptype, body=b"", ver=2, ln=None):
    return struct.pack("!BBH", ver, ptype, len(body) if ln is None else ln) + body


def eap(code, ident, data=b"", ln=None):
    return struct.pack("!BBH", code, ident, 4 + len(data) if ln is None else ln) + data


def make_eapol(out, Capture):
    cap = Capture(start=1265400000)

    def add(body, caplen=None):
        cap.add(eth(body, 0x888e, dst="01:80:c2:00:00:03"), caplen=caplen)

    add(eapol(1, ver=1))                                            # start
    add(eapol(2))                                                   # logoff
    add(eapol(3, b"\x02" + bytes(94)))                              # key
    add(eapol(4, b"\x01\x02\x03"))                                  # ASF alert
    add(eapol(9, b"\xaa"))                                          # unknown type
    add(eapol(0, eap(1, 1, b"\x01")))                               # request identity
    add(eapol(0, eap(2, 1, b"\x01user@example.com")))
    add(eapol(0, eap(2, 2, b"\x01a\x00b")))
    add(eapol(0, eap(1, 3, b"\x02please \x01log in")))              # notification
    add(eapol(0, eap(1, 3, b"\x02")))
    add(eapol(0, eap(2, 4, b"\x03\x0d\x15\x19\x63")))               # nak
    add(eapol(0, eap(2, 4, b"\x03")))
    add(eapol(0, eap(1, 5, b"\x04\x10" + bytes(range(16)))))        # md5 challenge
    add(eapol(0, eap(1, 6, b"\x05otp")))
    add(eapol(0, eap(1, 7, b"\x06gtc")))
    add(eapol(0, eap(1, 8, b"\x0d\x20")))                           # TLS start
    add(eapol(0, eap(2, 8, b"\x0d\xc0" + struct.pack("!I", 1400) + b"\x16\x03\x01")))
    add(eapol(0, eap(2, 8, b"\x0d\x00")))
    add(eapol(0, eap(1, 9, b"\x15\x21")))                           # TTLS
    add(eapol(0, eap(1, 9, b"\x15\x80" + struct.pack("!I", 99))))
    add(eapol(0, eap(1, 10, b"\x2b\x21")))                          # FAST
    add(eapol(0, eap(1, 10, b"\x2b\xa1" + struct.pack("!I", 7))))
    add(eapol(0, eap(1, 11, b"\x17\x01\x00\x00")))                  # AKA challenge
    add(eapol(0, eap(1, 11, b"\x17\x0e\x00\x00")))
    add(eapol(0, eap(1, 12, b"\x12\x0a\x00\x00")))                  # SIM start
    add(eapol(0, eap(1, 12, b"\x12\x63\x00\x00")))
    add(eapol(0, eap(1, 13, b"\xfe\x00\x00\x00\x00\x00\x00\x01")))  # expanded
    add(eapol(0, eap(1, 14, b"\xff\x01")))                          # experimental
    add(eapol(0, eap(1, 15, b"\x63\x01")))                          # unknown type
    add(eapol(0, eap(1, 15, b"\x00")))
    add(eapol(0, eap(3, 16)))                                       # success
    add(eapol(0, eap(4, 17)))                                       # failure
    add(eapol(0, eap(7, 18, b"\x01\x02")))                          # unknown code
    # malformed
    add(eapol(0, eap(1, 19, b"\x01abc", ln=20)))                    # EAP length != EAPOL
    add(eapol(0, eap(1, 19, b"\x01abc"), ln=5))
    add(eapol(0, eap(1, 20, b"", ln=4)))                            # request without a type
    add(eapol(0, eap(1, 21, b"\x0d", ln=5)))                        # TLS without flags
    add(eapol(0, eap(1, 21, b"\x0d\x80\x00", ln=7)))                # L bit without length
    add(eapol(0, eap(2, 22, b"\x03\x0d", ln=6) + b"\x15"))
    add(eapol(0, b"\x01\x02"))                                      # short EAP header
    add(eapol(0, b""))
    add(b"\x01\x00\x00")                                            # short EAPOL header
    add(b"")
    # cut short by the capture
    add(eapol(0, eap(2, 1, b"\x01user@example.com")), caplen=14 + 3)
    add(eapol(0, eap(2, 1, b"\x01user@example.com")), caplen=14 + 6)
    add(eapol(0, eap(2, 1, b"\x01user@example.com")), caplen=14 + 8)
    add(eapol(0, eap(2, 1, b"\x01user@example.com")), caplen=14 + 12)
    add(eapol(0, eap(2, 8, b"\x0d\xc0" + struct.pack("!I", 1400))), caplen=14 + 12)
    add(eapol(0, eap(2, 4, b"\x03\x0d\x15\x19\x63")), caplen=14 + 11)
    cap.write(os.path.join(out, "eapol.pcap"))


# ---------------------------------------------------------------- VRRP

def vrrp2(vrid, prio, addrs, auth=0, authdata=b"", intvl=1, ver=2, typ=1, ck=None, naddr=None):
    n = len(addrs) if naddr is None else naddr
    b = (struct.pack("!BBBBBBH", ver << 4 | typ, vrid, prio, n, auth, intvl, 0) +
         b"".join(a4(a) for a in addrs) + authdata)
    c = csum(b) if ck is None else ck
    return b[:6] + struct.pack("!H", c) + b[8:]


def vrrp3(vrid, prio, addrs, intvl=100, src="10.0.0.1", dst="224.0.0.18", v6=False, ck=None,
          ver=3, typ=1, naddr=None):
    n = len(addrs) if naddr is None else naddr
    raw = b"".join(a6(a) if v6 else a4(a) for a in addrs)
    b = struct.pack("!BBBBHH", ver << 4 | typ, vrid, prio, n, intvl & 0xfff, 0) + raw
    if v6:
        pseudo = a6(src) + a6(dst) + struct.pack("!IxxxB", len(b), 112)
    else:
        pseudo = a4(src) + a4(dst) + struct.pack("!xBH", 112, len(b))
    c = csum(pseudo + b) if ck is None else ck
    return b[:6] + struct.pack("!H", c) + b[8:]


def ip6(nxt, payload, src, dst, hlim=255):
    return (struct.pack("!IHBB", 0x60000000, len(payload), nxt, hlim) + a6(src) + a6(dst) +
            payload)


def make_vrrp(out, Capture):
    cap = Capture(start=1265500000)

    def add(msg, src="10.0.0.1", dst="224.0.0.18", ttl=255, caplen=None, tot_len=None):
        cap.add(eth(ip4(112, msg, src, dst, ttl=ttl, tot_len=tot_len), 0x0800,
                    src="00:00:5e:00:01:07", dst="01:00:5e:00:00:12"), caplen=caplen)

    def add6(msg, src="fe80::1", dst="ff02::12", hlim=255, caplen=None):
        cap.add(eth(ip6(112, msg, src, dst, hlim), 0x86dd, src="00:00:5e:00:02:07",
                    dst="33:33:00:00:00:12"), caplen=caplen)

    add(vrrp2(7, 100, ["10.0.0.254"], authdata=bytes(8)))
    add(vrrp2(7, 255, ["10.0.0.254", "10.0.1.254", "10.0.2.254"], authdata=bytes(8), intvl=3))
    add(vrrp2(8, 0, ["10.0.0.253"], auth=1, authdata=b"secret\x00\x00"))
    add(vrrp2(8, 50, ["10.0.0.253"], auth=1, authdata=b"pa\x01\x80word"))
    add(vrrp2(9, 100, ["10.0.0.252"], auth=2, authdata=bytes(8)))
    add(vrrp2(9, 100, ["10.0.0.252"], auth=7, authdata=bytes(8)))
    add(vrrp2(10, 100, [], authdata=bytes(8)))
    add(vrrp2(10, 100, ["192.0.2.10", "198.51.100.20"], authdata=bytes(8)), src="192.0.2.10")
    add(vrrp2(7, 100, ["10.0.0.254"], authdata=bytes(8), ck=0xbeef))   # bad checksum
    add(vrrp2(7, 100, ["10.0.0.254"], authdata=bytes(8)), ttl=64)      # ttl not 255
    add(vrrp3(11, 100, ["10.0.0.251"]))
    add(vrrp3(11, 200, ["10.0.0.251", "10.0.0.250"], intvl=0xfff))
    add(vrrp3(11, 100, ["10.0.0.251"], ck=0x1234))
    add(vrrp2(12, 100, ["10.0.0.1"], authdata=bytes(8), ver=1))       # version 1
    add(vrrp2(12, 100, ["10.0.0.1"], authdata=bytes(8), ver=4))
    add(vrrp2(12, 100, ["10.0.0.1"], authdata=bytes(8), typ=2))       # unknown type
    add(vrrp2(13, 100, ["10.0.0.1", "10.0.0.2"], authdata=bytes(8), naddr=5))  # too many
    add(vrrp2(13, 100, ["10.0.0.1"], auth=1, authdata=b"abc"))          # short password
    add(vrrp2(13, 100, [], ck=0x4321)[:6])                              # 6 bytes, bad sum
    add6(vrrp3(14, 100, ["fe80::1"], src="fe80::1", dst="ff02::12", v6=True))
    add6(vrrp3(14, 100, ["fe80::1", "2001:db8::1"], src="fe80::1", dst="ff02::12", v6=True,
               ck=0x1111))
    add6(vrrp3(14, 100, ["fe80::1"], src="fe80::1", dst="ff02::12", v6=True), hlim=1)
    # cut short by the capture
    full = vrrp2(8, 0, ["10.0.0.253", "10.0.0.9"], auth=1, authdata=b"secret\x00\x00")
    add(full, caplen=14 + 20 + 1)
    add(full, caplen=14 + 20 + 2)
    add(full, caplen=14 + 20 + 5)
    add(full, caplen=14 + 20 + 10)
    add(full, caplen=14 + 20 + 16)
    add(full, caplen=14 + 20 + 22)
    add(vrrp3(11, 100, ["10.0.0.251"]), caplen=14 + 20 + 6)
    add6(vrrp3(14, 100, ["fe80::1"], src="fe80::1", dst="ff02::12", v6=True),
         caplen=14 + 40 + 12)
    add(b"")
    cap.write(os.path.join(out, "vrrp.pcap"))


# ---------------------------------------------------------------- CDP

def ctlv(t, v, n=None):
    return struct.pack("!HH", t, 4 + len(v) if n is None else n) + bytes(v)


def cdp_addrs(entries, num=None):
    body = b""
    for e in entries:
        if e[0] == 4:
            body += b"\x01\x01\xcc" + struct.pack("!H", 4) + a4(e[1])
        elif e[0] == 6:
            body += (b"\x02\x08\xaa\xaa\x03\x00\x00\x00\x86\xdd" + struct.pack("!H", 16) +
                     a6(e[1]))
        else:
            body += e[1]
    return struct.pack("!I", len(entries) if num is None else num) + body


def cdp(tlvs, ver=2, ttl=180):
    b = struct.pack("!BBH", ver, ttl, 0) + tlvs
    return b[:2] + struct.pack("!H", csum(b)) + b[4:]


def make_cdp(out, Capture):
    cap = Capture(start=1265600000)

    def add(body, caplen=None):
        cap.add(llc_frame(b"\x00\x00\x0c\x20\x00" + body, dsap=0xaa, ssap=0xaa,
                          dst="01:00:0c:cc:cc:cc"), caplen=caplen)

    full = cdp(ctlv(1, b"switch1.example.com") +
               ctlv(2, cdp_addrs([(4, "192.0.2.1"), (6, "2001:db8::1")])) +
               ctlv(3, b"GigabitEthernet0/1") + ctlv(4, struct.pack("!I", 0x29)) +
               ctlv(5, b"Cisco IOS Software, Version 15.2\nCopyright (c) 1986-2020\n\x01x") +
               ctlv(6, b"cisco WS-C2960-24TT-L") +
               ctlv(7, a4("10.1.0.0") + b"\x10" + a4("10.2.0.0") + b"\x18") +
               ctlv(8, bytes(32)) + ctlv(9, b"vtpdomain") + ctlv(10, struct.pack("!H", 100)) +
               ctlv(11, b"\x01") + ctlv(0x0e, b"\x01\x00\x0a") + ctlv(0x0f, b"\x01\x02") +
               ctlv(0x10, struct.pack("!H", 15400)) + ctlv(0x11, struct.pack("!I", 1500)) +
               ctlv(0x12, b"\x00") + ctlv(0x13, b"\x05") + ctlv(0x14, b"sysname") +
               ctlv(0x15, b"\x06\x03\x2b\x06\x01") +
               ctlv(0x16, cdp_addrs([(4, "192.0.2.2"), (4, "198.51.100.20")])) + ctlv(0x17, b"\x01building 7") +
               ctlv(0x63, b"\xde\xad\xbe\xef"))
    add(full)
    add(cdp(ctlv(1, b"r1") + ctlv(4, struct.pack("!I", 0)) + ctlv(11, b"\x00"), ver=1, ttl=0))
    add(cdp(ctlv(0x0c, b"\x01\x02") + ctlv(0, b"") + ctlv(0x1234, b"\x01") + ctlv(0x18, b"")))
    add(cdp(ctlv(4, struct.pack("!I", 0xffffffff)) + ctlv(0x17, b"\x02") +
            ctlv(0x10, b"\x01") + ctlv(0x10, b"") + ctlv(0x10, b"\x00\x00\x01\x00\x00") +
            ctlv(2, cdp_addrs([(0, b"\x01\x01\x81\x00\x02\x01\x02"), (4, "198.51.100.1")])) +
            ctlv(2, cdp_addrs([], num=0)) + ctlv(1, b"")))
    # malformed
    add(cdp(ctlv(1, b"dev") + ctlv(3, b"x", n=2)))                  # TLV length < 4
    add(cdp(ctlv(1, b"dev") + ctlv(3, b"port", n=40)))              # TLV past the end
    add(cdp(ctlv(4, b"\x01\x02")))                                  # capability too short
    add(cdp(ctlv(10, b"\x01")))
    add(cdp(ctlv(11, b"")))
    add(cdp(ctlv(0x0e, b"\x01\x02")))
    add(cdp(ctlv(0x11, b"\x01")))
    add(cdp(ctlv(0x12, b"")))
    add(cdp(ctlv(0x13, b"")))
    add(cdp(ctlv(0x17, b"")))
    add(cdp(ctlv(7, b"\x01\x02\x03")))                              # prefixes not 5-aligned
    add(cdp(ctlv(2, b"\x00\x00")))                                  # address count cut
    add(cdp(ctlv(2, cdp_addrs([(4, "192.0.2.1")], num=3))))         # fewer than counted
    add(cdp(ctlv(2, struct.pack("!I", 1) + b"\x01\x01\xcc\x00\x04\x01\x02")))  # short address
    add(cdp(ctlv(2, struct.pack("!I", 1) + b"\x01\x05\xcc")))
    add(cdp(ctlv(2, struct.pack("!I", 1) + b"\x09\x02\x01\x02\x00\x05\x01")))
    add(cdp(ctlv(0x16, b"\x00")))
    add(cdp(b"\x00\x01\x00"))                                       # 3 bytes of a TLV header
    add(cdp(b""))
    add(b"\x02\xb4\x00")                                            # header cut
    add(b"")
    # cut short by the capture
    for n in (2, 4, 6, 10, 20, 30, 50, 90, 120):
        add(full, caplen=14 + 8 + n)
    cap.write(os.path.join(out, "cdp.pcap"))


def make(out, Capture):
    make_igmp(out, Capture)
    make_stp(out, Capture)
    make_lldp(out, Capture)
    make_lacp(out, Capture)
    make_eapol(out, Capture)
    make_vrrp(out, Capture)
    make_cdp(out, Capture)
