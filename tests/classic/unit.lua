-- unit.lua: tests of the tcplua.classic helpers, run by tcplua itself
-- (`tcplua -s tests/classic/unit.lua -r ANY.pcap`); exit status 1 and a line per failure.
local U = require "tcplua.classic.util"
local tcp = require "tcplua.classic.tcp"
local icmp = require "tcplua.classic.icmp"

local failures = 0
local function eq(got, want, what)
    if got ~= want then
        failures = failures + 1
        print(("FAIL %s: got %s, want %s"):format(what, tostring(got), tostring(want)))
    end
end

-- 3.x's Ethernet addresses and ethertypes
eq(U.etheraddr("00:a0:24:02:34:56"), "0:a0:24:2:34:56", "etheraddr leading zeros")
eq(U.etheraddr("ff:ff:ff:ff:ff:ff"), "ff:ff:ff:ff:ff:ff", "etheraddr broadcast")
eq(U.etheraddr("00:00:00:00:00:00"), "0:0:0:0:0:0", "etheraddr zero")
eq(U.etherproto(0x0800), U.nflag and "0800" or "ip", "etherproto ip")
eq(U.etherproto(0x1234), "1234", "etherproto unknown")
eq(U.etherproto(0x0042), "0042", "etherproto padded")

-- sequence arithmetic wraps at 2^32
eq(U.sub32(5, 10), 4294967291, "sub32 wrap")
eq(U.add32(4294967295, 2), 1, "add32 wrap")

-- flag letters: S F R P W E in that order, "." when none
local f = tcp.flagtext
eq(f[0x10], ".", "flags ack")
eq(f[0x30], ".", "flags ack+urg")
eq(f[0x12], "S", "flags syn/ack")
eq(f[0x0f], "SFRP", "flags order")
eq(f[0xc2], "SWE", "flags ecn")

-- 3.x's relative numbers: SYN/ACK records and prints absolute, later segments relative
local t = tcp.seqtab()
local A, B = "10.0.0.1", "10.0.0.2"
local s, a = tcp.seq_relative(t, B, 80, A, 1025, true, 5000, 1001)
eq(s, 5000, "synack seq absolute"); eq(a, 1001, "synack ack absolute")
s, a = tcp.seq_relative(t, A, 1025, B, 80, false, 1001, 5001)
eq(s, 1, "client seq relative"); eq(a, 1, "client ack relative")
local sb
s, a, sb = tcp.seq_relative(t, B, 80, A, 1025, false, 5001, 1011)
eq(s, 1, "server seq relative"); eq(a, 11, "server ack relative"); eq(sb, 1000, "sack base")
-- a new SYN/ACK on the same ports starts over
s = tcp.seq_relative(t, B, 80, A, 1025, true, 9000, 77)
eq(s, 9000, "new connection absolute")
s, a = tcp.seq_relative(t, A, 1025, B, 80, false, 77, 9001)
eq(s, 1, "new connection relative"); eq(a, 1, "new connection ack")
-- picked up mid-stream: the first segment is absolute, and wrap-around is modulo 2^32
s = tcp.seq_relative(t, A, 2000, B, 3000, false, 4294967290, 10)
eq(s, 4294967290, "mid-stream first absolute")
s = tcp.seq_relative(t, A, 2000, B, 3000, false, 4, 10)
eq(s, 10, "relative across wrap")

-- IPv6 text for ND targets (RFC 5952: longest zero run, first on ties, one group kept)
local function bytes6(hex) return (hex:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)) end
local fake = { sub = function(self, off, n) return bytes6(self.hex):sub(off + 1, off + n) end }
fake.hex = "fe800000000000000000000000000002"; eq(icmp.addr6(fake, 0), "fe80::2", "addr6 fe80::2")
fake.hex = "20010db8000000010000000000000001"; eq(icmp.addr6(fake, 0), "2001:db8:0:1::1", "addr6 run")
fake.hex = "20010db8000100000001000000000000"; eq(icmp.addr6(fake, 0), "2001:db8:1:0:1::", "addr6 tail")
fake.hex = "00000000000000000000000000000000"; eq(icmp.addr6(fake, 0), "::", "addr6 all zero")
fake.hex = "20010db8000012340000abcd00000001"; eq(icmp.addr6(fake, 0), "2001:db8:0:1234:0:abcd:0:1",
    "addr6 single zeros stay")

function finish() -- luacheck: ignore 111
    print(failures == 0 and "unit: all passed" or ("unit: %d failed"):format(failures))
    return failures == 0 and 0 or 1
end
