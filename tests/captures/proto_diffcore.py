# Core IP/TCP/UDP packets found by differential fuzzing (tests/diffuzz) to print differently
# from tcpdump: protocols under the wrong IP version, TCP and UDP headers cut by the IP
# length, IPv6 routing header reserved bits, hop-by-hop options and zero payload lengths.
# Raw bytes throughout, so that broken fields are as easy to write as good ones.
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


def eth(payload, etype):
    return mac(MAC_S) + mac(MAC_C) + struct.pack("!H", etype) + bytes(payload)


def ip4(proto, payload, tot_len=None):
    tl = 20 + len(payload) if tot_len is None else tot_len
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, tl, 0x77, 0, 64, proto, 0,
                      socket.inet_aton(C4), socket.inet_aton(S4))
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return eth(hdr + bytes(payload), 0x0800)


def ip6(nxt, payload, plen=None):
    pl = len(payload) if plen is None else plen
    return eth(struct.pack("!IHBB", 0x60000000, pl, nxt, 64)
               + socket.inet_pton(socket.AF_INET6, C6) + socket.inet_pton(socket.AF_INET6, S6)
               + bytes(payload), 0x86dd)


def tcp(flags=0x02, doff=5, opts=b"", data=b""):
    return struct.pack("!HHIIBBHHH", 51000, 34567, 1000, 0, doff << 4, flags, 1024, 0, 0) \
        + opts + data


def udp(sport=47001, dport=47002, data=b"", ulen=None):
    ul = 8 + len(data) if ulen is None else ulen
    return struct.pack("!HHHH", sport, dport, ul, 0) + data


def icmp_echo():
    return struct.pack("!BBHHH", 8, 0, 0xf7fe, 1, 1)


def ext(nxt, body):
    """An extension header (HBH, DSTOPT) of nxt and the option bytes body (padded to 8n+6)."""
    body = body + b"\0" * ((-(len(body) + 2)) % 8)
    return bytes([nxt, (len(body) + 2) // 8 - 1]) + body


def make4(out, Capture):
    cap = Capture(start=1267000000)
    # ICMPv6, Ethernet (143) over IPv4
    cap.add(ip4(58, struct.pack("!BBHI", 128, 0, 0, 0x10001)))
    cap.add(ip4(143, b"\0" * 14))
    # TCP cut by the IP length: ports beyond it, ports within but not the fixed header
    cap.add(ip4(6, tcp(), tot_len=23))
    cap.add(ip4(6, tcp(doff=0), tot_len=32))
    cap.add(ip4(6, tcp(flags=0xff), tot_len=38))
    cap.add(ip4(6, tcp(doff=0, data=b"x" * 12), tot_len=40))
    # UDP cut by the IP length
    cap.add(ip4(17, udp(data=b"abcd"), tot_len=23))
    cap.add(ip4(17, udp(data=b"abcd"), tot_len=25))
    # TCP options: a last option whose length byte is in the payload; cut options (the
    # checksum is still verified)
    cap.add(ip4(6, tcp(flags=0x18, doff=6, opts=b"\x01\x01\x01\x03", data=b"signed")))
    cap.add(ip4(6, tcp(flags=0x12, doff=6, opts=b"\x02\x04\x05\xb4", data=b"")
                [:20] + b"\x01\x06\x08\x01"))
    cap.add(ip4(6, tcp(flags=0x12, doff=7, opts=b"\x01\x01\x06\x0c\0\0\0\0")))
    # options ended by eol in a header cut by the capture, with payload after it
    cap.add(ip4(6, tcp(doff=15, opts=b"\x02\x04\x05\xb4\0\0\0\0" + b"\x01" * 32,
                       data=b"payload")), caplen=14 + 20 + 28)
    # IPv4 options: the last option's length byte lies in the payload
    hdr = struct.pack("!BBHHHBBH4s4s", 0x46, 0, 24 + 12, 1, 0, 64, 17, 0,
                      socket.inet_aton(C4), socket.inet_aton(S4)) + b"\x01\x01\x01\xd7"
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    cap.add(eth(hdr + udp(data=b"abcd"), 0x0800))
    # ICMP errors quoting an IP header whose length is too short to hold it
    for ql in (2, 3, 10):
        inner = struct.pack("!BBHHHBBH4s4s", 0x45, 0, ql, 0x1234, 0, 63, 17, 0,
                            socket.inet_aton(S4), socket.inet_aton(C4)) + udp()
        err = struct.pack("!BBHI", 3, 1, 0, 0) + inner
        err = err[:2] + struct.pack("!H", csum(err)) + err[4:]
        cap.add(ip4(1, err))
    # segments captured whole whose options run past the header: -v still has the checksum
    for opts, data in ((b"\x01\x01\x02\x04", b"hello"), (b"\x01\x01\x02\x04", b""),
                       (b"\x08\x0a\x00\x00", b"hello"), (b"\x01\x01\x01\x02", b"\x04hello"),
                       (b"\x01\x01\x01\x08", b"\x0ahello"), (b"\x01\x01\x01\x1e", b"\x00")):
        cap.add(ip4(6, tcp(0x18, 6, opts, data)))
    # record route with a bad length (9): tcpdump reads the second address past the option,
    # from the EOL and the payload; cut inside that address it gives up
    rr = b"\x07\x09\x04" + bytes(6) + b"\x00\x00\x00"
    hdr = struct.pack("!BBHHHBBH4s4s", 0x48, 0, 32 + 8 + 4, 0x77, 0, 64, 17, 0,
                      socket.inet_aton(C4), socket.inet_aton(S4)) + rr
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    cap.add(eth(hdr + udp(data=b"abcd"), 0x0800))
    cap.add(eth(hdr + udp(data=b"abcd"), 0x0800), caplen=14 + 32)
    cap.write(os.path.join(out, "diffcore.pcap"))


def make6(out, Capture):
    cap = Capture(start=1267100000)
    # ICMP and IGMP over IPv6
    cap.add(ip6(1, icmp_echo()))
    cap.add(ip6(2, struct.pack("!BBHI", 0x11, 100, 0, 0)))
    # TCP and UDP cut by the payload length
    cap.add(ip6(6, tcp(), plen=8))
    cap.add(ip6(6, tcp(doff=0, data=b"abcd"), plen=3))
    cap.add(ip6(17, udp(data=b"abcd"), plen=3))
    # payload length 0: no payload at all, or a jumbogram
    cap.add(ip6(17, udp(521, 521, data=b"\x02"), plen=0))
    cap.add(ip6(6, tcp(), plen=0))
    cap.add(ip6(58, struct.pack("!BBHI", 128, 0, 0, 0x10001), plen=0))
    cap.add(ip6(4, bytes(ip4(17, udp()))[14:], plen=0))
    cap.add(ip6(47, b"\0\0\x08\0", plen=0))
    cap.add(ip6(0, ext(6, b"\x01\x02\0\0") + tcp(), plen=0))
    cap.add(ip6(0, ext(6, b"\xc2\x04\x00\x00\x00\x34") + tcp(), plen=0))
    cap.add(ip6(0, ext(6, b"\xc2\x04\x00\x01\x00\x00") + tcp(), plen=0))
    cap.add(ip6(60, ext(6, b"\x01\x02\0\0") + tcp(), plen=0))
    # TCP options cut short: the checksum is still verified
    cap.add(ip6(6, tcp(flags=0x12, doff=7, opts=b"\x01\x01\x06\x0c\0\0\0\0")))
    cap.add(ip6(6, tcp(flags=0x12, doff=6, opts=b"\x01\x01\x01\x38", data=b"\x03xy")))
    # routing header type 0 with the reserved field set
    rt = bytes([6, 4, 0, 2]) + struct.pack("!I", 0x100) \
        + socket.inet_pton(socket.AF_INET6, "2001:db8:a::1") \
        + socket.inet_pton(socket.AF_INET6, "2001:db8:b::1")
    cap.add(ip6(43, rt + tcp()))
    # routing headers: odd lengths, SRH flags, an SRH whose length says more than last-entry
    a1 = socket.inet_pton(socket.AF_INET6, "2001:db8:a::1")
    cap.add(ip6(43, bytes([6, 3, 0, 1, 0, 0, 0, 0]) + a1 + b"\0" * 8 + tcp()))
    cap.add(ip6(43, bytes([6, 2, 4, 0, 0, 0x80, 0, 7]) + a1 + tcp()))
    cap.add(ip6(43, bytes([6, 3, 4, 0, 0, 0, 0, 7]) + a1 + b"\0" * 8 + tcp()))
    cap.add(ip6(43, bytes([6, 4, 4, 1, 0, 0, 0, 7]) + a1 + a1 + tcp()))
    cap.add(ip6(43, bytes([6, 6, 4, 1, 1, 0, 0, 0x95]) + a1 + a1, plen=48))
    # hop-by-hop options: one runs past the header; cut, malformed and misplaced ones
    cap.add(ip6(0, bytes([128, 0, 0x24, 70, 0, 0, 0, 0])))
    cap.add(ip6(0, ext(6, b"\x05\x00") + tcp()))
    cap.add(ip6(0, ext(6, b"\x05\x03\0\0\0") + tcp()))
    cap.add(ip6(0, ext(6, b"\xc2\x02\0\0") + tcp()))
    cap.add(ip6(0, ext(6, b"\xc2\x04\x00\x01\x00\x00") + tcp()))
    cap.add(ip6(0, ext(6, b"\xc9\x02\0\0") + tcp()))
    cap.add(ip6(0, ext(6, b"\x1e\x02\0\0") + tcp()))
    cap.add(ip6(0, ext(0, b"\x01\x02\0\0") + ext(6, b"\x01\x02\0\0") + tcp()))
    cap.add(ip6(60, ext(0, b"\x01\x02\0\0") + ext(6, b"\x01\x02\0\0") + tcp()))
    cap.add(ip6(60, ext(6, b"\xc2\x04\x00\x01\x00\x00") + tcp()))
    # Ethernet (143) over IPv6 is decoded; over IPv4 it is refused
    cap.add(ip6(143, bytes(ip4(17, udp(data=b"abcd")))))
    cap.write(os.path.join(out, "diffcore6.pcap"))


def make(out, Capture):
    make4(out, Capture)
    make6(out, Capture)
