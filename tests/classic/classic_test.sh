#!/usr/bin/env bash
# classic.lua format tests: `classic_test.sh TCPLUA SRCDIR CASE` runs one case and exits 0
# when tcplua -s classic.lua prints what tcpdump 3.x's rules give (docs/classic.md), 1
# otherwise with the difference. The rules capture is built by make_classic.py.
set -u
TL=$1; SRC=$2; CASE=$3
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export TZ=UTC
LAB=${4:-$SRC/examples/lab_session.pcap} # the capture the test fixture builds
HOSTS=$SRC/tests/captures/lab_hosts
CAP=$T/classic.pcap

fail() { echo "FAIL [$CASE]: $*"; [ -f "$T/err" ] && { echo "--- stderr"; head -20 "$T/err"; }; exit 1; }
run() { "$TL" -s classic.lua "$@" >"$T/out" 2>"$T/err" || fail "exit status $? for $*"; }
same() { diff -u "$1" "$T/out" >"$T/diff" || { cat "$T/diff"; fail "output differs from $1"; }; }
# line N of the output must be exactly TEXT
line() { local got; got=$(sed -n "$1p" "$T/out")
         [ "$got" = "$2" ] || fail "line $1:"$'\n'"  got      [$got]"$'\n'"  expected [$2]"; }
make_cap() { /usr/bin/python3 "$HERE/make_classic.py" "$CAP" >"$T/py" 2>&1 || { cat "$T/py"; fail "make_classic.py"; }; }
hosts() { printf '10.0.0.1\talpha\n10.0.0.2\tbeta\n' >"$T/hosts"; }

case $CASE in
handout)    # the lab handout's seven lines, verbatim
  [ -s "$LAB" ] || fail "capture $LAB missing"
  run --hosts "$HOSTS" -r "$LAB"; same "$HERE/handout.txt" ;;
handout_n)  # the same with -n: addresses and port numbers
  run -n -r "$LAB"
  line 1 "21:19:27.445117 192.0.2.10.4376 > 198.51.100.20.80: S 3898758850:3898758850(0) win 16384 <mss 1460> (DF)"
  line 6 "21:19:37.982740 198.51.100.20.80 > 192.0.2.10.4376: F 1690:1690(0) ack 346 win 32120 (DF)" ;;
rules)      # every rule of the format, one packet each (expected_n.txt)
  make_cap; run -t -n -r "$CAP"; same "$HERE/expected_n.txt" ;;
absolute)   # -S: no relative numbers, SACK blocks absolute too
  make_cap; run -t -n -S -r "$CAP"
  line 3 "10.0.0.1.1025 > 10.0.0.2.80: P 1001:1011(10) ack 5001 win 65535 urg 5"
  line 4 "10.0.0.2.80 > 10.0.0.1.1025: . ack 1011 win 8192 <nop,nop,sack 1 {1021:1031}>"
  line 8 "10.0.0.3.2000 > 10.0.0.4.3000: P 100005:100008(3) ack 200000 win 100" ;;
quiet)      # -q: "tcp N", the IP trailer stays
  make_cap; run -t -n -q -r "$CAP"
  line 1 "10.0.0.1.1025 > 10.0.0.2.80: tcp 0 [tos 0x10]"
  line 3 "10.0.0.1.1025 > 10.0.0.2.80: tcp 10"
  line 11 "10.0.0.1.1234 > 10.0.0.2.4321: udp 12" ;;
verbose)    # -v: (ttl, id); id left out of fragments, ttl when [ttl 1] said it; IPv6 (len, hlim)
  make_cap; run -t -n -v -r "$CAP"
  line 1 "10.0.0.1.1025 > 10.0.0.2.80: S 1000:1000(0) win 65535 <mss 1460,nop,wscale 0,sackOK,timestamp 1 0> [tos 0x10] (ttl 64, id 1)"
  line 12 "10.0.0.1.1234 > 10.0.0.2.4321: udp 0 [ttl 1] (id 12)"
  line 21 "2001:db8::1.1025 > 2001:db8::2.80: S 1:1(0) win 1000 (len 20, hlim 64)"
  line 24 "10.0.0.1.1234 > 10.0.0.2.4321: udp 200 (frag 77:136@0+) (ttl 64)" ;;
vverbose)   # -vv: seq range on pure ACKs, ICMP errors print the quoted datagram
  make_cap; run -t -n -vv -r "$CAP"
  line 4 "10.0.0.2.80 > 10.0.0.1.1025: . 1:1(0) ack 11 win 8192 <nop,nop,sack 1 {21:31}> (ttl 64, id 4)"
  line 15 "10.0.0.2 > 10.0.0.1: icmp: 10.0.0.2 udp port 4321 unreachable for 10.0.0.1.1234 > 10.0.0.2.4321: udp 12 (ttl 64, id 11) (ttl 64, id 15)" ;;
ether)      # -e: MACs without leading zeros, ethertype name (hex under -n), wire length
  make_cap; hosts; run -t -e --hosts "$T/hosts" -r "$CAP"
  line 2 "0:e0:1e:5:43:21 0:a0:24:12:34:56 ip 54: beta.http > alpha.1025: S 5000:5000(0) ack 1001 win 8192 (DF)"
  line 19 "0:a0:24:12:34:56 ff:ff:ff:ff:ff:ff arp 42: arp who-has beta tell alpha"
  run -t -e -n -r "$CAP"
  line 1 "0:a0:24:12:34:56 0:e0:1e:5:43:21 0800 74: 10.0.0.1.1025 > 10.0.0.2.80: S 1000:1000(0) win 65535 <mss 1460,nop,wscale 0,sackOK,timestamp 1 0> [tos 0x10]"
  line 21 "0:a0:24:12:34:56 0:e0:1e:5:43:21 86dd 74: 2001:db8::1.1025 > 2001:db8::2.80: S 1:1(0) win 1000"
  run -t -e -q -n -r "$CAP"
  line 20 "0:a:0:0:b:c 0:a0:24:12:34:56 42: arp reply 10.0.0.2 is-at 0:a:0:0:b:c" ;;
names)      # without -n: hosts file names, service names for known ports
  make_cap; hosts; run -t --hosts "$T/hosts" -r "$CAP"
  line 2 "beta.http > alpha.1025: S 5000:5000(0) ack 1001 win 8192 (DF)"
  line 15 "beta > alpha: icmp: beta udp port 4321 unreachable"
  line 19 "arp who-has beta tell alpha" ;;
times)      # the -t modes come from tcplua.ts
  make_cap; run -n -r "$CAP"; line 2 "00:00:01.000000 10.0.0.2.80 > 10.0.0.1.1025: S 5000:5000(0) ack 1001 win 8192 (DF)"
  run -n -tt -r "$CAP"; line 2 "946684801.000000 10.0.0.2.80 > 10.0.0.1.1025: S 5000:5000(0) ack 1001 win 8192 (DF)" ;;
write)      # -w prints nothing unless --print
  run -w "$T/w.pcap" -r "$LAB"; [ -s "$T/out" ] && fail "printed while writing"
  run -w "$T/w.pcap" --print --hosts "$HOSTS" -r "$LAB"; same "$HERE/handout.txt" ;;
unit)       # the Lua-written tests of the module helpers
  "$TL" -s "$HERE/unit.lua" -r "$LAB" >"$T/out" 2>"$T/err" || { cat "$T/out"; fail "unit.lua failed"; } ;;
*) fail "unknown case" ;;
esac
echo "ok [$CASE]"
