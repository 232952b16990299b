#!/usr/bin/python3
# Link-layer regressions found by differential fuzzing (tests/diffuzz): BSD loopback address
# families on DLT_NULL/DLT_LOOP ("difflink_null.pcap", "difflink_loop.pcap"), ethertype
# names, Alteon jumbo frames, the Ethernet loopback protocol (0x9000), OSI NLPIDs over
# Ethernet/LLC and Frame Relay ARP ("difflink.pcap"), OSI over PPP ("difflink_ppp.pcap",
# "difflink_pppser.pcap"), Cisco HDLC with SLARP on DLT_PPP_SERIAL ("difflink_chdlc.pcap") and
# 802.1Q tags in Linux cooked captures ("difflink_sll.pcap", "difflink_sll2.pcap").
# Raw bytes throughout, so that broken headers are possible.
import os
import socket
import struct

LINKTYPE_NULL, LINKTYPE_ETHERNET, LINKTYPE_PPP, LINKTYPE_PPP_SERIAL = 0, 1, 9, 50
LINKTYPE_LOOP = 108
MAC_C, MAC_S = bytes.fromhex("001122334401"), bytes.fromhex("001122334402")


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def ip4_udp(payload=b"abcd", src="10.0.0.1", dst="10.0.0.2"):
    udp = struct.pack("!HHHH", 4660, 4661, 8 + len(payload), 0) + payload
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 7, 0, 64, 17, 0,
                      socket.inet_aton(src), socket.inet_aton(dst))
    return hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:] + udp


def ip6_echo():
    src = socket.inet_pton(socket.AF_INET6, "2001:db8::1")
    dst = socket.inet_pton(socket.AF_INET6, "2001:db8::2")
    icmp = bytearray(b"\x80\x00\x00\x00\x00\x01\x00\x01")
    pseudo = src + dst + struct.pack("!II", len(icmp), 58)
    icmp[2:4] = struct.pack("!H", csum(pseudo + bytes(icmp)))
    return struct.pack("!IHBB", 0x60000000, len(icmp), 58, 64) + src + dst + bytes(icmp)


def ether(etype, payload, dst=MAC_S, src=MAC_C):
    return dst + src + struct.pack("!H", etype) + payload


def le16(v):
    return struct.pack("<H", v)


def make_ether(out, Capture):
    cap = Capture(LINKTYPE_ETHERNET, start=1264982400)
    # ethertypes tcpdump names but does not decode, and ones it does not name
    for et in (0x0600, 0x1000, 0x6001, 0x6002, 0x6007, 0x8038, 0x803c, 0x803e, 0x805b,
               0x805c, 0x893a, 0x0842, 0x6000, 0x88e7, 0x8906, 0x8914):
        cap.add(ether(et, b"payload"))
    cap.add(ether(0x8100, b"\x00\x0a\x10\x00trailer"))
    # Alteon jumbo frames: a type field, then LLC
    ip = ip4_udp()
    cap.add(ether(0x8870, b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + ip))
    cap.add(ether(0x8870, b"\x80\x80\x03hello world"), origlen=50)
    cap.add(ether(0x8870, b"\x80"))
    cap.add(ether(0x8100, b"\x00\x0a\x88\x70\x80\x80\x03hello"))
    # loopback (configuration testing protocol): little-endian skip count and function
    lb = [le16(0) + le16(1) + le16(7) + b"data!",
          le16(8) + bytes(8) + le16(2) + bytes.fromhex("0a0b0c0d0e0f") + b"payload",
          le16(0) + le16(2) + b"\xff" * 6, le16(0) + le16(3) + b"xyz", le16(0) + le16(1),
          le16(0) + le16(2) + b"abc", le16(3) + b"abcdefgh", le16(100) + b"abcdefgh", b"\x01",
          b"", le16(0) + le16(1) + le16(7) + b"data!" + bytes(30)]
    for m in lb:
        cap.add(ether(0x9000, m))
    cap.add(ether(0x8100, b"\x00\x0a\x90\x00" + le16(0) + le16(1) + le16(9) + b"vlan"))
    reply = ether(0x9000, le16(0) + le16(1) + le16(7) + b"data!")
    fwd = ether(0x9000, le16(0) + le16(2) + bytes.fromhex("0a0b0c0d0e0f") + b"payload")
    for c in (20, 19, 17, 15):
        cap.add(reply, caplen=c)
    cap.add(ether(0x9000, le16(16) + b"abcdefgh"), caplen=20)
    cap.add(fwd, caplen=22)
    cap.add(fwd, caplen=25)
    # AppleTalk too short for a DDP header
    cap.add(ether(0x809b, b"\x01\x02\x03"))
    cap.add(ether(0x809b, bytes(12)))
    # OSI in Ethernet II (one byte before the NLPID) and in LLC (SAP 0xfe)
    for m in (b"", b"\x00", b"\x00\xcc" + ip, b"\x00\x00abc", b"\x00\x45abc",
              b"\x00\x09lmi data", b"\x00\x8e" + ip6_echo()):
        cap.add(ether(0xfefe, m))
    cap.add(ether(0xfefe, b"\x00\x00abc"), caplen=16)
    cap.add(ether(0xfefe, b"\x00\xcc" + ip), caplen=20)
    for llc in (b"\xfe\xfe\x03\x00abcde", b"\xfe\xfe\x03\xcc", b"\xfe\xfe\x03" + bytes(20),
                b"\xfe\xfe\x03\xcc" + ip, b"\xfe\xfe\x03\x45" + bytes(10)):
        n = len(llc) if len(llc) < 20 else 3
        cap.add(ether(n, llc))
    cap.add(ether(0x8100, b"\x00\x0a\xfe\xfe\x00\x00abc"))
    # ARP with Frame Relay (Q.922) hardware addresses of 2, 3 and 4 bytes
    def arp(op, sha, tha, spa=b"\x0a\0\0\x01", tpa=b"\x0a\0\0\x02"):
        return ether(0x0806, struct.pack("!HHBBH", 15, 0x0800, len(sha), 4, op) + sha + spa +
                     tha + tpa, dst=b"\xff" * 6)
    for a in (arp(3, b"\x04\x01", b"\x00\x00"), arp(3, b"\x05\x01", b"\x04\x01"),
              arp(8, b"\x04\x00\x01", b"\x04\x00\x00"), arp(4, b"\x04\x00\x02\x01",
                                                            b"\x04\x00\x02\x00"),
              arp(9, b"\x18\x41\x03", b"\x18\x41\x01\x03"), arp(1, b"\x04\x01", b"\x06\x81"),
              arp(2, b"\x04\x01\x00\x00\x00\x01", b"\x04\x01\x00\x00\x00\x00"),
              arp(3, b"", b""), arp(1, b"\x00\x00", b"\x00\x00"),
              arp(4, b"\x04\x00\x02\x01", b"\x04\x00\x03\x01"),
              arp(4, b"\x04\x00\x02", b"\x04\x00\x02")):
        cap.add(a)
    cap.write(os.path.join(out, "difflink.pcap"))


def make_null_loop(out, Capture):
    ip, ip6 = ip4_udp(), ip6_echo()
    ipx = bytes.fromhex("ffff001e0004000000010102030405060453000000020a0b0c0d0e0f0453")
    fams = [(2, ip), (24, ip6), (28, ip6), (30, ip6), (6, b"ns"), (7, b"\x00\x01\x02"),
            (7, b"\xcc" + ip), (7, b"\x45" + ip[:10]), (7, b""), (16, b"\x01\x02\x03\x04"),
            (23, ipx), (23, b"\xff\xff"), (10, ip6), (99, b"x")]
    for name, lt in (("difflink_null.pcap", LINKTYPE_NULL), ("difflink_loop.pcap", LINKTYPE_LOOP)):
        cap = Capture(lt, start=1264982400)
        # the family in either byte order: tcpdump swaps it when its upper half is set
        for fmt in ("<I", ">I"):
            for fam, l3 in fams:
                cap.add(struct.pack(fmt, fam) + l3)
        for raw, l3 in (("0000b300", b"abcd"), ("00020000", b"abcd"), ("00000200", ip),
                        ("02000000", ip), ("1c000000", ip6), ("01000100", b"xy"),
                        ("ffffffff", b"")):
            cap.add(bytes.fromhex(raw) + l3)
        cap.add(struct.pack("<I", 2) + ip, caplen=10)
        cap.add(struct.pack("<I", 7) + b"\x00abc", caplen=4)
        cap.write(os.path.join(out, name))


def make_ppp_osi(out, Capture):
    ip, ip6 = ip4_udp(), ip6_echo()
    lcp = b"\xff\x03\xc0\x21\x09\x01\x00\x08\x00\x00\x00\x01"
    bodies = [b"\x00" + bytes(20), b"\x45" + ip[1:], b"\xcc" + ip, b"\x8e" + ip6, b"\xcf" + lcp,
              b"\x09lmi", b"\x80snap", b"\x84", b"\x00", b""]
    for name, lt in (("difflink_ppp.pcap", LINKTYPE_PPP),
                     ("difflink_pppser.pcap", LINKTYPE_PPP_SERIAL)):
        cap = Capture(lt, start=1264982400)
        for b in bodies:
            cap.add(b"\xff\x03\x00\x23" + b)
        # IPCP IP-Compression-Protocol with an unknown protocol above 0xff
        cap.add(b"\xff\x03\x80\x21\x01\x01\x00\x0a\x02\x06\x01\x2d\x00\x00")
        cap.add(b"\xff\x03\x00\x23\xcc" + ip, caplen=12)
        cap.add(b"\xff\x03\x00\x23\x45" + ip[1:], caplen=8)
        cap.write(os.path.join(out, name))


def make_chdlc(out, Capture):
    ip, ip6 = ip4_udp(), ip6_echo()
    cap = Capture(LINKTYPE_PPP_SERIAL, start=1264982400)

    def hdr(addr, etype):
        return bytes([addr, 0]) + struct.pack("!H", etype)
    keep = struct.pack("!IIIH", 2, 5, 6, 0xffff)
    for d in (hdr(0x0f, 0x0800) + ip, hdr(0x8f, 0x86dd) + ip6,
              hdr(0x0f, 0x8847) + b"\x00\x01\x01\x40" + ip,
              hdr(0x0f, 0x8035) + struct.pack("!IIIH", 0, 0, 0, 0xffff),
              hdr(0x0f, 0x8035) + struct.pack("!IIIH", 1, 0x0a000001, 0xffffff00, 0),
              hdr(0x8f, 0x8035) + keep + struct.pack("!I", 90061001), hdr(0x8f, 0x8035) + keep,
              hdr(0x8f, 0x8035) + keep + struct.pack("!I", 1000) + b"xyz",
              hdr(0x8f, 0x8035) + struct.pack("!IIIH", 7, 5, 6, 0xffff) + b"junk",
              hdr(0x8f, 0x8035) + struct.pack("!IIIH", 0x10002, 5, 6, 0xffff),
              hdr(0x8f, 0x8035) + b"short", hdr(0x0f, 0xfefe) + b"\x00\x00abc",
              hdr(0x0f, 0xfefe) + b"\x45", hdr(0x0f, 0xfefe) + b"\x00\xccabc",
              hdr(0x0f, 0xfefe) + b"\xcc" + ip, hdr(0x0f, 0x1234) + b"data",
              hdr(0x0f, 0x6558) + b"data", hdr(0x0f, 0x00fe) + b"osi", hdr(0x8f, 0x0200) + b"pup",
              hdr(0x0f, 0x0500) + b"sprite", hdr(0x0f, 0x0004) + b"x", hdr(0x0f, 0x0800), b"\x0f\x00\x08", b"\x8f\xb4\x56",
              b"\x0f\x00"):
        cap.add(d)
    for d, c in ((hdr(0x0f, 0x0800) + ip, 3), (hdr(0x0f, 0x0800) + ip, 2), (b"\x0f", 1),
                 (hdr(0x8f, 0x8035) + keep, 12), (hdr(0x8f, 0x8035) + keep + b"upti", 20),
                 (hdr(0x0f, 0xfefe) + b"\x00\x00abc", 5), (hdr(0x0f, 0x0800) + ip, 10)):
        cap.add(d, caplen=c)
    cap.write(os.path.join(out, "difflink_chdlc.pcap"))


def make_sll_vlan(out, Capture):
    ip = ip4_udp()
    rows = [(0x8100, b"\x20\x0a\x08\x00" + ip, None),
            (0x8100, b"\x00\x0a\x00\x20\x80\x80\x03abc", None),
            (0x8100, b"\x00\x0a\x12\x34abc", None), (0x8100, b"\x00", None),
            (0x8100, b"\x00\x0a\x90\x00" + bytes(4), None),
            (0x8100, b"\x30\x0b\x81\x00\x00\x0c\x08\x00" + ip, None),
            (0x8100, b"\x00\x0a\x88\xa8\x00\x0c\x08\x00" + ip, None),
            (0x8100, b"\x00\x0a\x08\x00" + ip, 3), (0x8100, b"\x00\x0a\x08\x00" + ip, 5),
            (0x8100, b"\x00\x0a\x86\xdd", None), (0x88a8, b"\x00\x0a\x08\x00" + ip, None),
            (0x0200, b"pup", None), (0x1000, b"trail", None)]
    addr = MAC_C + b"\0\0"
    for name, lt, hl in (("difflink_sll.pcap", 113, 16), ("difflink_sll2.pcap", 276, 20)):
        cap = Capture(lt, start=1264982400)
        for t, pl, c in rows:
            if lt == 113:
                d = struct.pack("!HHH8sH", 0, 1, 6, addr, t) + pl
            else:
                d = struct.pack("!HHIHBB8s", t, 0, 1, 1, 0, 6, addr) + pl
            cap.add(d, caplen=None if c is None else hl + c)
        cap.write(os.path.join(out, name))


def make(out, Capture):
    make_sll_vlan(out, Capture)
    make_chdlc(out, Capture)
    make_ether(out, Capture)
    make_null_loop(out, Capture)
    make_ppp_osi(out, Capture)
