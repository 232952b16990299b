#!/usr/bin/python3
# Captures of the TCP/UDP text protocols tcpdump prints line by line (HTTP, RTSP, SIP, FTP,
# SMTP, WHOIS), the SSH version banner and telnet option negotiation (RFC 854/855):
# requests and responses both ways, CR/LF variants, binary data, cut and malformed segments.
import os

from scapy.packet import Raw
from scapy.layers.l2 import Ether
from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.inet6 import IPv6

MAC_C, MAC_S = "00:11:22:33:44:01", "00:11:22:33:44:02"
C4, S4 = "10.0.0.1", "10.0.0.2"
C6, S6 = "2001:db8::1", "2001:db8::2"


class Flow:
    """One TCP connection; send() adds a segment from either side with running seq/ack."""

    def __init__(self, cap, sport, cport=40000, v6=False, cseq=1000, sseq=5000):
        self.cap, self.sport, self.cport, self.v6 = cap, sport, cport, v6
        self.seq = {True: cseq, False: sseq}

    def send(self, data, client=True, caplen=None, flags="PA", advance=True, pad=b""):
        if self.v6:
            l3 = IPv6(src=C6, dst=S6) if client else IPv6(src=S6, dst=C6)
        else:
            l3 = IP(src=C4, dst=S4, id=0x300) if client else IP(src=S4, dst=C4, id=0x301)
        sp, dp = (self.cport, self.sport) if client else (self.sport, self.cport)
        seg = TCP(sport=sp, dport=dp, flags=flags, seq=self.seq[client],
                  ack=self.seq[not client], window=502)
        pkt = Ether(src=MAC_C if client else MAC_S, dst=MAC_S if client else MAC_C) / l3 / seg
        if data:
            pkt = pkt / Raw(data)
        self.cap.add(bytes(pkt) + pad, caplen=caplen)
        if advance:
            self.seq[client] += len(data)


def udp(cap, data, sport=5060, dport=5060, client=True, caplen=None, v6=False, ulen=None):
    if v6:
        l3 = IPv6(src=C6, dst=S6) if client else IPv6(src=S6, dst=C6)
    else:
        l3 = IP(src=C4, dst=S4, id=0x400) if client else IP(src=S4, dst=C4, id=0x401)
    u = UDP(sport=sport, dport=dport) if ulen is None else UDP(sport=sport, dport=dport, len=ulen)
    cap.add(Ether(src=MAC_C, dst=MAC_S) / l3 / u / Raw(data), caplen=caplen)


def icmp_quote(cap, inner, n, pad=b""):
    """An ICMP port unreachable from the server quoting the first n bytes of inner."""
    from scapy.layers.inet import ICMP
    q = bytes(inner)[14:14 + n]
    cap.add(bytes(Ether(src=MAC_S, dst=MAC_C) / IP(src=S4, dst=C4, id=0x500) /
                  ICMP(type=3, code=3) / Raw(q)) + pad)


def make_http(out, Capture):
    cap = Capture(start=1264000000)
    f = Flow(cap, 80)
    req = (b"GET /index.html HTTP/1.1\r\nHost: www.example.com\r\n"
           b"User-Agent: test/1.0\r\nAccept: */*\r\n\r\n")
    f.send(b"", flags="S", advance=False)
    f.send(req)
    resp = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 26\r\n\r\n"
            b"<html>\tbody text</html>\r\n")
    f.send(resp, client=False)
    # body continuation: not a request or response line
    f.send(b"more body text\r\nand more\r\n", client=False)
    # binary body after the headers
    f.send(b"HTTP/1.0 404 Not Found\r\nServer: x\r\n\r\n\x89PNG\r\n\x1a\n\0\0", client=False)
    # LF-only line ends, lower-case method
    f.send(b"get /lf HTTP/1.0\nHost: a\n\n")
    # a line with no end: the segment stops inside it
    f.send(b"POST /form HTTP/1.1\r\nContent-Length: 5\r\n\r\nab=cd")
    # CR followed by something other than LF; CR as the last byte
    f.send(b"PUT /x HTTP/1.1\rHost: b\r\n")
    f.send(b"DELETE /y HTTP/1.1\r\nHost: c\r")
    # WebDAV and other methods, odd spacing, tabs
    for m in (b"OPTIONS", b"HEAD", b"TRACE", b"CONNECT", b"PROPFIND", b"PROPPATCH", b"MKCOL",
              b"COPY", b"MOVE", b"LOCK", b"UNLOCK", b"ORDERPATCH", b"PATCH", b"FOO"):
        f.send(m + b" /dav HTTP/1.1\r\nDepth: 1\r\n\r\n")
    f.send(b"GET\t \t/tabs HTTP/1.1\r\n\r\n")
    f.send(b"GET\r\n\r\n")
    f.send(b"GET")
    f.send(b"\r\nGET / HTTP/1.1\r\n")
    f.send(b" GET / HTTP/1.1\r\n")
    # response codes: second token of three digits only
    for r in (b"HTTP/1.1 301 Moved\r\n", b"HTTP/1.1 20 Short\r\n", b"HTTP/1.1 2000 Long\r\n",
              b"HTTP/1.1 abc Bad\r\n", b"HTTP/1.1 204\r\n", b"HTTP/1.1 204", b"XYZ 123 abc\r\n",
              b"HTTP/1.1  500  Error\r\n", b"HTTP/1.1\t302\tFound\r\n", b"200 OK\r\n"):
        f.send(r, client=False)
    # a token longer than tcpdump's buffer, a token with a byte >= 0x80 or a control byte
    f.send(b"G" * 127 + b" / HTTP/1.1\r\n")
    f.send(b"G" * 126 + b" / HTTP/1.1\r\n")
    f.send(b"GET\x80 / HTTP/1.1\r\n")
    f.send(b"GE\x01T / HTTP/1.1\r\n")
    f.send(b"GET /\xe9t\xe9 HTTP/1.1\r\nHost: d\r\n")
    f.send(b"GET / HTTP/1.1\r\nX: \x7f\r\n")
    # a long line
    f.send(b"GET /" + b"long/" * 250 + b" HTTP/1.1\r\nHost: e\r\n\r\n")
    # a request split across two segments in the middle of a line
    f.send(b"GET /split/pa")
    f.send(b"th HTTP/1.1\r\nHost: f\r\n\r\n")
    # Ethernet padding after a short segment
    f.send(b"GET", pad=b"\0" * 3)
    f.send(b"HEAD / HTTP/1.0\r\n", pad=b"\r\nX")
    # cut by the snap length: inside the first token, after it, inside the first line,
    # between CR and LF, inside a later line, at a line end
    base = 14 + 20 + 20
    for n in (2, 3, 4, 9, 24, 25, 26, 40, 45, 70, len(req) - 1):
        f.send(req, caplen=base + n, advance=False)
    f.send(resp, client=False, caplen=base + 10, advance=False)
    f.send(resp, client=False, caplen=base + 17, advance=False)
    f.send(resp, client=False, caplen=base + 20, advance=False)
    # RST carrying data (printed by TCP under -v)
    f.send(b"HTTP/1.1 400 Bad\r\n", client=False, flags="RA", advance=False)
    # other ports: 8080 (HTTP too), 3128 (proxy, not HTTP for tcpdump), IPv6
    g = Flow(cap, 8080, cport=40001)
    g.send(b"GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n")
    g.send(b"HTTP/1.1 200 OK\r\nVia: proxy\r\n\r\n", client=False)
    g = Flow(cap, 3128, cport=40002)
    g.send(b"GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n")
    g = Flow(cap, 80, cport=40003, v6=True)
    g.send(b"GET /v6 HTTP/1.1\r\nHost: [2001:db8::2]\r\n\r\n")
    g.send(b"HTTP/1.1 304 Not Modified\r\n\r\n", client=False)
    # both ports HTTP
    g = Flow(cap, 80, cport=8080)
    g.send(b"GET /both HTTP/1.1\r\n\r\n")
    # quoted in ICMP errors: whole, cut inside a line, cut with a trailer after the ICMP
    q = (Ether() / IP(src=C4, dst=S4, id=0x600) / TCP(sport=40000, dport=80, flags="PA") /
         Raw(b"GET /q HTTP/1.1\r\nHost: q\r\n\r\n"))
    for n, pad in ((40 + 31, b""), (40 + 20, b""), (40 + 8, b"\0" * 4), (40 + 18, b"Host")):
        icmp_quote(cap, q, n, pad)
    cap.write(os.path.join(out, "text_http.pcap"))


def make_mail(out, Capture):
    """SMTP, FTP, WHOIS (printed by tcpdump), POP3 and IMAP (not printed)."""
    cap = Capture(start=1264100000)
    f = Flow(cap, 25)
    f.send(b"220 mail.example.com ESMTP ready\r\n", client=False)
    f.send(b"EHLO client.example.org\r\n")
    f.send(b"250-mail.example.com\r\n250-SIZE 10240000\r\n250-8BITMIME\r\n250 HELP\r\n",
           client=False)
    f.send(b"MAIL FROM:<a@example.org>\r\n")
    f.send(b"DATA\r\n")
    f.send(b"354 go ahead\r\n", client=False)
    f.send(b"Subject: hi\r\n\r\nline one\nline two\r\n.\r\n")
    f.send(b"Subject: caf\xc3\xa9\r\nX: y\r\n")
    f.send(b"\r\n")
    f.send(b"\n")
    f.send(b"no line end")
    f.send(b"tab\tin line\r\nsecond\r")
    f.send(b"QUIT\r\n", caplen=14 + 20 + 20 + 3, advance=False)
    f.send(b"QUIT\r\n", caplen=14 + 20 + 20 + 5, advance=False)
    f.send(b"QUIT\r\n")
    f.send(b"\x16\x03\x01\x02\x00\x01", client=False)  # TLS after STARTTLS
    g = Flow(cap, 21, cport=40010)
    g.send(b"220 FTP server ready\r\n", client=False)
    g.send(b"USER anonymous\r\n")
    g.send(b"331 Please specify the password.\r\n", client=False)
    g.send(b"PASS guest@\r\n")
    g.send(b"230-Welcome\r\n230-  to the server\r\n230 Login successful.\r\n", client=False)
    g.send(b"PASV\r\n")
    g.send(b"227 Entering Passive Mode (10,0,0,2,195,80).\r\n", client=False)
    g.send(b"RETR file.txt\r\n", caplen=14 + 20 + 20 + 8, advance=False)
    g.send(b"RETR file.txt\r\n")
    g = Flow(cap, 21, cport=40011, v6=True)
    g.send(b"EPSV\r\n")
    g.send(b"229 Entering Extended Passive Mode (|||50000|)\r\n", client=False)
    g = Flow(cap, 43, cport=40012)
    g.send(b"example.com\r\n")
    g.send(b"Domain Name: EXAMPLE.COM\r\nRegistrar: x\r\n\r\n% comment\r\n", client=False)
    g = Flow(cap, 110, cport=40013)
    g.send(b"+OK POP3 ready\r\n", client=False)
    g.send(b"USER bob\r\n")
    g = Flow(cap, 143, cport=40014)
    g.send(b"* OK IMAP4rev1 ready\r\n", client=False)
    g.send(b"a001 LOGIN bob secret\r\n")
    # BEEP: tcpdump names the first four bytes
    g = Flow(cap, 10288, cport=40015)
    for m in (b"MSG 0 1 . 0 52\r\n", b"MSG\0 0 1", b"RPY 0 1 . 0 10\r\n", b"ERR 0 1 . 0 0\r\n",
              b"ANS 1 0 . 0 5 0\r\n", b"NUL 1 0 . 0 0\r\n", b"SEQ 0 1 4096\r\n", b"END\r\n",
              b"END\0", b"RPY", b"XYZ 1\r\n"):
        g.send(m)
    g.send(b"RPY 0 1 . 0 10\r\n", caplen=14 + 20 + 20 + 3, advance=False)
    # both ports have printers: tcpdump's order decides
    for sp, dp in ((25, 80), (80, 21), (21, 25), (43, 80), (8080, 554), (554, 21), (23, 25),
                   (22, 80), (10288, 80), (22, 10288), (53, 80)):
        g = Flow(cap, dp, cport=sp)
        g.send(b"GET / HTTP/1.0\r\n")
    cap.write(os.path.join(out, "text_mail.pcap"))


def make_rtsp_sip(out, Capture):
    cap = Capture(start=1264200000)
    f = Flow(cap, 554)
    f.send(b"OPTIONS rtsp://example.com/media.mp4 RTSP/1.0\r\nCSeq: 1\r\n\r\n")
    f.send(b"RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: DESCRIBE, SETUP, TEARDOWN, PLAY, PAUSE\r\n"
           b"\r\n", client=False)
    for m in (b"DESCRIBE", b"ANNOUNCE", b"GET_PARAMETER", b"PAUSE", b"PLAY", b"RECORD",
              b"REDIRECT", b"SETUP", b"SET_PARAMETER", b"TEARDOWN", b"GET", b"play"):
        f.send(m + b" rtsp://example.com/media.mp4 RTSP/1.0\r\nCSeq: 2\r\n\r\n")
    f.send(b"RTSP/1.0 454 Session Not Found\r\n\r\n", client=False)
    f.send(b"\x24\x00\x00\x10" + b"\x80" * 16, client=False)  # interleaved RTP
    g = Flow(cap, 8554, cport=40020)
    g.send(b"SETUP rtsp://example.com/track1 RTSP/1.0\r\nTransport: RTP/AVP;unicast\r\n\r\n")
    g.send(b"SETUP rtsp://example.com/track1 RTSP/1.0\r\n", caplen=14 + 20 + 20 + 30,
           advance=False)
    sdp = (b"v=0\r\no=alice 2890844526 2890844526 IN IP4 10.0.0.1\r\ns=-\r\n"
           b"c=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n")
    invite = (b"INVITE sip:bob@example.com SIP/2.0\r\n"
              b"Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK776asdhds\r\n"
              b"From: Alice <sip:alice@example.com>;tag=1928301774\r\n"
              b"To: Bob <sip:bob@example.com>\r\nCall-ID: a84b4c76e66710\r\nCSeq: 314159 INVITE\r\n"
              b"Content-Type: application/sdp\r\nContent-Length: %d\r\n\r\n" % len(sdp)) + sdp
    udp(cap, invite)
    udp(cap, b"SIP/2.0 100 Trying\r\nCSeq: 314159 INVITE\r\n\r\n", client=False)
    udp(cap, b"SIP/2.0 180 Ringing\r\n\r\n", client=False)
    udp(cap, b"SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n", client=False)
    for m in (b"ACK", b"BYE", b"CANCEL", b"DO", b"INFO", b"MESSAGE", b"NOTIFY", b"OPTIONS",
              b"PRACK", b"QAUTH", b"REFER", b"REGISTER", b"SPRACK", b"SUBSCRIBE", b"UPDATE",
              b"PUBLISH", b"invite", b"FOO"):
        udp(cap, m + b" sip:bob@example.com SIP/2.0\r\nCSeq: 2 " + m + b"\r\n\r\n")
    udp(cap, b"SIP/2.0 486 Busy Here\r\n\r\n", sport=5060, dport=40000, client=False)
    udp(cap, b"REGISTER sip:example.com SIP/2.0\r\n\r\n", sport=40001, dport=5060, v6=True)
    udp(cap, b"\r\n\r\n")  # keep-alive
    udp(cap, b"\0\0\0\0")
    udp(cap, invite, caplen=14 + 20 + 8 + 20)
    udp(cap, invite, caplen=14 + 20 + 8 + 100)
    udp(cap, b"INVITE sip:x SIP/2.0")
    # UDP length shorter than the datagram (the message ends there) and longer
    udp(cap, b"OPTIONS sip:x SIP/2.0\r\nCSeq: 1 OPTIONS\r\n", ulen=8 + 23)
    udp(cap, b"OPTIONS sip:x SIP/2.0\r\nCSeq: 1 OPTIONS\r\n", ulen=8 + 100)
    # quoted in ICMP errors
    # (kept under 136 ICMP bytes: longer ones reach ICMP extension parsing)
    bye = b"BYE sip:b SIP/2.0\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n"
    q = Ether() / IP(src=C4, dst=S4, id=0x601) / UDP(sport=5060, dport=5060) / Raw(bye)
    for n, pad in ((28 + len(bye), b""), (28 + 25, b""), (28 + 18, b"xy\r\n"), (28 + 2, b"")):
        icmp_quote(cap, q, n, pad)
    # another printer on the other port: DNS wins
    udp(cap, b"\x12\x34\x01\x00\0\0\0\0\0\0\0\0", sport=5060, dport=53)
    f = Flow(cap, 5060, cport=40030)
    f.send(invite)
    f.send(b"SIP/2.0 200 OK\r\n\r\n", client=False)
    cap.write(os.path.join(out, "text_rtsp_sip.pcap"))


def make_ssh(out, Capture):
    cap = Capture(start=1264300000)
    base = 14 + 20 + 20
    f = Flow(cap, 22)
    f.send(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u1\r\n", client=False)
    f.send(b"SSH-2.0-PuTTY_Release_0.78\r\n")
    f.send(b"\0\0\x05\xdc\x07\x14" + bytes(range(32)))  # binary packet
    f.send(b"SSH-1.99-Cisco-1.25\n", client=False)
    f.send(b"SSH-2.0-tab\there\r\n")
    f.send(b"SSH-2.0-bin\x01\r\n")
    f.send(b"SSH-2.0-high\xe9\r\n")
    f.send(b"SSH-2.0-noend")
    f.send(b"SSH-2.0-crend\r")
    f.send(b"SSH-2.0-cr\rx\r\n")
    f.send(b"SSH-2.0-two\r\nSSH-2.0-lines\r\n")
    f.send(b"Welcome banner\r\nSSH-2.0-x\r\n", client=False)
    f.send(b"ssh-2.0-lower\r\n")
    f.send(b"SSH-\r\n")
    f.send(b"SSH")
    f.send(b"SS", pad=b"H-x\r\n")
    f.send(b"SX", pad=b"\0\0\0\0")
    f.send(b"SSH-", pad=b"\0\0")
    f.send(b"S")
    for n in (1, 3, 4, 10, 27, 28):
        f.send(b"SSH-2.0-PuTTY_Release_0.78\r\n", caplen=base + n, advance=False)
    g = Flow(cap, 22, cport=40040, v6=True)
    g.send(b"SSH-2.0-OpenSSH_9.6\r\n")
    g = Flow(cap, 2222, cport=40041)
    g.send(b"SSH-2.0-OpenSSH_9.6\r\n")
    g = Flow(cap, 80, cport=22)
    g.send(b"SSH-2.0-OpenSSH_9.6\r\n")
    cap.write(os.path.join(out, "text_ssh.pcap"))


IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240


def make_telnet(out, Capture):
    cap = Capture(start=1264400000)
    f = Flow(cap, 23)
    b = bytes
    f.send(b([IAC, DO, 24, IAC, DO, 32, IAC, DO, 35, IAC, DO, 39]), client=False)
    f.send(b([IAC, WILL, 24, IAC, WILL, 32, IAC, WONT, 35, IAC, WILL, 39]))
    f.send(b([IAC, SB, 32, 1, IAC, SE, IAC, SB, 39, 1, IAC, SE]), client=False)
    f.send(b([IAC, SB, 32, 0]) + b"38400,38400" + b([IAC, SE, IAC, SB, 39, 0, IAC, SE]))
    f.send(b([IAC, SB, 24, 1, IAC, SE]), client=False)
    f.send(b([IAC, SB, 24, 0]) + b"XTERM" + b([IAC, SE]))
    f.send(b([IAC, WILL, 1, IAC, WILL, 3, IAC, DO, 3, IAC, DONT, 1, IAC, DO, 31]), client=False)
    f.send(b([IAC, SB, 31, 0, 80, 0, 24, IAC, SE]))
    f.send(b([IAC, DO, 37]), client=False)
    f.send(b([IAC, SB, 37, 1, 2, 0, 0, 2, 1, 8, 0, 16, 3, IAC, SE]), client=False)
    f.send(b([IAC, SB, 37, 0, 2, 0]) + b"ticket" + b([IAC, SE]))
    f.send(b([IAC, SB, 37, 3, 8, 1, IAC, SE, IAC, SB, 37, 9, IAC, SE, IAC, SB, 37, IAC, SE]))
    f.send(b([IAC, SB, 38, 1, 1, 2, 3, IAC, SE, IAC, SB, 38, 2, 5, IAC, SE]), client=False)
    f.send(b([IAC, SB, 38, 9, 10, IAC, SE, IAC, SB, 38, 7, IAC, SE]))
    f.send(b([IAC, SB, 34, 1, 3, IAC, SE, IAC, SB, 34, 5, IAC, SE, IAC, SB, 33, IAC, SE]))
    cmds = b""
    for c in range(236, 250):
        cmds += b([IAC, c])
    f.send(cmds + b([IAC, IAC]), client=False)
    f.send(b([IAC, DO, 40, IAC, WILL, 255, IAC, DONT, 200, IAC, WONT, 0]), client=False)
    f.send(b"login: ", client=False)
    f.send(b([IAC, 249]) + b"Password: ", client=False)
    f.send(b"root\r\n")
    f.send(b([IAC, 235, IAC, DO, 1]))
    f.send(b([IAC, 0]))
    f.send(b([IAC]))
    f.send(b([IAC, DO, 1, IAC]))
    f.send(b([IAC, DO, 1, IAC, DO]))
    f.send(b([IAC, WILL, 1, IAC, SB]))
    f.send(b([IAC, SB, 24, 0]) + b"VT100")  # no IAC SE
    f.send(b([IAC, SB, 24, 0]) + b"VT" + b([IAC]))  # ends on IAC without SE
    f.send(b([IAC, SB, 24, 0]) + b"VT" + b([IAC]), pad=b([SE, 0, 0]))
    f.send(b([IAC, SB, 24, 0]) + b"VT" + b([IAC]), pad=b([IAC, DO, 1, 0]))
    f.send(b([IAC, SB, 24]), pad=b([IAC, SE, 0]))
    f.send(b([IAC, SB, 24, IAC, SE, IAC, SB, 24, 0, SE, IAC, SE]))
    f.send(b([IAC, SB, 24, 0, IAC, IAC, IAC, SE]))
    f.send(b([IAC, DO, 1]) + b"data" + b([IAC, DO, 3]))
    f.send(b([IAC, SB, 37]) + bytes(range(2, 12)) + b([IAC, SE]))
    # cut by the snap length
    neg = b([IAC, WILL, 24, IAC, SB, 24, 0]) + b"XTERM-256COLOR" + b([IAC, SE, IAC, DO, 1])
    base = 14 + 20 + 20
    for n in (1, 2, 3, 4, 6, 8, 12, 21, 22, 23, 24, 25):
        f.send(neg, caplen=base + n, advance=False)
    f.send(neg)
    g = Flow(cap, 23, cport=40050, v6=True)
    g.send(b([IAC, DO, 1, IAC, WILL, 3]))
    cap.write(os.path.join(out, "telnet.pcap"))


def make(out, Capture):
    make_http(out, Capture)
    make_mail(out, Capture)
    make_rtsp_sip(out, Capture)
    make_ssh(out, Capture)
    make_telnet(out, Capture)
