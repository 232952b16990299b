#!/usr/bin/env bash
# Live capture test: two network namespaces joined by a veth pair, made and removed here.
# tcplua and tcpdump capture side by side on the same interface and must print the same lines;
# tcplua's -w file must read back in tcpdump as tcpdump's own does; SIGINT must stop a live
# capture cleanly with statistics and a valid -w file. Touches nothing outside its namespaces.
set -u
TL=$(readlink -f "$1")
CASE=${2:-all}
ID=$$
NA=tlA$ID; NB=tlB$ID
T=$(mktemp -d); chmod 1777 "$T"
cleanup() {
  [ -n "${PIDS:-}" ] && kill $PIDS 2>/dev/null
  ip netns del "$NA" 2>/dev/null; ip netns del "$NB" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
fail() { echo "FAIL [live/$CASE]: $*"; for f in "$T"/*.out "$T"/*.err; do [ -f "$f" ] && { echo "--- $f"; head -30 "$f"; }; done; exit 1; }

if [ "$(id -u)" != 0 ] || ! ip netns add "$NA" 2>/dev/null; then
  echo "SKIP: needs root and network namespaces"; exit 77
fi
ip netns add "$NB"
ip link add veA$ID netns "$NA" type veth peer name veB$ID netns "$NB"
for n in "$NA" "$NB"; do ip -n "$n" link set lo up; done
ip -n "$NA" addr add 10.213.0.1/24 dev veA$ID; ip -n "$NA" addr add fd00:213::1/64 dev veA$ID nodad
ip -n "$NB" addr add 10.213.0.2/24 dev veB$ID; ip -n "$NB" addr add fd00:213::2/64 dev veB$ID nodad
ip -n "$NA" link set veA$ID up; ip -n "$NB" link set veB$ID up
sleep 1 # let the links' own first packets (router solicitations, MLD reports) go by
PY=/usr/bin/python3

# Waits until each of the given stderr files says "listening on".
wait_listening() {
  for _ in $(seq 100); do
    local all=1
    for f in "$@"; do grep -qE "^(tcp[a-z]*: )?listening on" "$f" 2>/dev/null || all=0; done
    [ $all = 1 ] && return 0
    sleep 0.1
  done
  fail "capture did not start listening"
}

# Traffic: a TCP exchange with data and teardown and a UDP datagram, from A to B.
traffic() {
  ip netns exec "$NB" $PY - <<'PYEOF' &
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.213.0.2", 8080)); s.listen(1); s.settimeout(10)
c, _ = s.accept(); d = c.recv(1000); c.sendall(b"HTTP/1.0 200 OK\r\n\r\nhello"); c.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("10.213.0.2", 9999)); u.settimeout(10)
u.recvfrom(100)
PYEOF
  local srv=$!
  sleep 0.5
  ip netns exec "$NA" $PY - <<'PYEOF'
import socket, time
c = socket.create_connection(("10.213.0.2", 8080), timeout=10)
c.sendall(b"GET / HTTP/1.0\r\n\r\n"); c.recv(1000); time.sleep(0.2); c.close()
time.sleep(0.3)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.sendto(b"ping", ("10.213.0.2", 9999))
PYEOF
  wait $srv
}

side_by_side() {
  local n=12 filt="ip and (tcp or udp)"
  ip netns exec "$NA" tcpdump -i veA$ID -n -t -c $n -w "$T/td.pcap" --print $filt >"$T/td.out" 2>"$T/td.err" &
  local p1=$!
  ip netns exec "$NA" "$TL" -i veA$ID -n -t -c $n -w "$T/tl.pcap" --print $filt >"$T/tl.out" 2>"$T/tl.err" &
  local p2=$!
  PIDS="$p1 $p2"
  wait_listening "$T/td.err" "$T/tl.err"
  traffic
  for _ in $(seq 100); do kill -0 $p1 2>/dev/null || kill -0 $p2 2>/dev/null || break; sleep 0.1; done
  kill -INT $p1 $p2 2>/dev/null; wait $p1; wait $p2; PIDS=
  [ -s "$T/td.out" ] || fail "tcpdump printed nothing"
  diff "$T/td.out" "$T/tl.out" || fail "live output differs from tcpdump's"
  grep -q "^[0-9]* packets captured" "$T/tl.err" || fail "no statistics on stderr"
  diff <(tcpdump -n -t -r "$T/td.pcap" 2>/dev/null) <(tcpdump -n -t -r "$T/tl.pcap" 2>/dev/null) \
    || fail "-w files read back differently"
}

# SIGINT, SIGTERM and SIGHUP each stop a live capture cleanly: finish runs, statistics are
# printed, status 0, and the -w file holds every printed packet.
sigint() {
  local sig
  for sig in INT TERM HUP; do
    ip netns exec "$NA" "$TL" -i veA$ID -n -w "$T/$sig.pcap" --print ip and tcp >"$T/$sig.out" 2>"$T/$sig.err" &
    local p=$!; PIDS=$p
    wait_listening "$T/$sig.err"
    traffic
    sleep 1.5 # the kernel hands over a ring block after the 1 s read timeout
    kill -$sig $p; wait $p; local rc=$?; PIDS=
    [ $rc = 0 ] || fail "exit status $rc after SIG$sig"
    grep -q "packets captured" "$T/$sig.err" || fail "no statistics after SIG$sig"
    local want; want=$(wc -l <"$T/$sig.out")
    [ "$want" -gt 0 ] || fail "nothing captured before SIG$sig"
    [ "$(tcpdump -r "$T/$sig.pcap" 2>/dev/null | wc -l)" = "$want" ] || fail "-w file after SIG$sig does not hold the $want printed packets"
  done
}

# Everything a small exchange puts on the wire (ARP, IPv4 and IPv6 TCP sessions, UDP, an ICMP
# port unreachable, ICMP and ICMPv6 echo, neighbour discovery), recorded by tcpdump, then
# read by both programs with the usual option sets.
more_traffic() {
  ip netns exec "$NB" $PY - <<'PYEOF' &
import socket
s = socket.socket(socket.AF_INET6); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("fd00:213::2", 8081)); s.listen(1); s.settimeout(10)
c, _ = s.accept(); c.recv(1000); c.sendall(b"v6 reply"); c.close()
PYEOF
  local srv=$!
  sleep 0.5
  ip netns exec "$NA" $PY - <<'PYEOF'
import socket, struct, time
def csum(b):
    if len(b) % 2: b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b)); s = (s >> 16) + (s & 0xffff); s += s >> 16
    return ~s & 0xffff
c = socket.create_connection(("fd00:213::2", 8081), timeout=10); c.sendall(b"v6 hello"); c.recv(100); c.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.sendto(b"nobody here", ("10.213.0.2", 9)); time.sleep(0.2)
r = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
body = struct.pack("!BBHHH", 8, 0, 0, 7, 1) + b"ping data"
r.sendto(body[:2] + struct.pack("!H", csum(body)) + body[4:], ("10.213.0.2", 0))
r6 = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
r6.sendto(struct.pack("!BBHHH", 128, 0, 0, 9, 1) + b"ping6", ("fd00:213::2", 0))
time.sleep(0.5)
PYEOF
  wait $srv
}

real_traffic() {
  ip netns exec "$NA" tcpdump -i veA$ID -w "$T/real.pcap" >/dev/null 2>"$T/rec.err" &
  local p=$!; PIDS=$p
  wait_listening "$T/rec.err"
  traffic; more_traffic
  sleep 1.5; kill -INT $p; wait $p; PIDS=
  local n; n=$(tcpdump -r "$T/real.pcap" 2>/dev/null | wc -l)
  [ "$n" -ge 25 ] || fail "recorded only $n packets"
  for kind in "ARP" "ICMP" "ICMP6" "IP6 fd00" "UDP" "Flags \\[F"; do
    tcpdump -n -r "$T/real.pcap" 2>/dev/null | grep -q "$kind" || fail "no $kind in the recording"
  done
  for opts in "-n" "-n -v" "-n -vv" "-n -e" "-n -x" "-n -X" "-n -S" "-n -tttt" "-n -q" "-n -A"; do
    (cd "$T" && TZ=UTC tcpdump $opts -r real.pcap >td.out 2>td.err; echo $? >td.rc)
    (cd "$T" && TZ=UTC PATH=/nonexistent "$TL" $opts -r real.pcap >tl.out 2>tl.err; echo $? >tl.rc)
    diff "$T/td.out" "$T/tl.out" >/dev/null || { diff "$T/td.out" "$T/tl.out" | head; fail "real traffic, $opts: stdout differs"; }
    diff <(sed 's/^tcpdump: /tcplua: /' "$T/td.err") "$T/tl.err" || fail "real traffic, $opts: stderr differs"
    diff "$T/td.rc" "$T/tl.rc" || fail "real traffic, $opts: exit status differs"
  done
}

# Blast UDP datagrams from B to A for $1 seconds (as fast as one Python loop sends).
blast() {
  ip netns exec "$NB" $PY - "$1" <<'PYEOF'
import socket, sys, time
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
end, n = time.time() + float(sys.argv[1]), 0
while time.time() < end:
    for _ in range(200):
        try:
            u.sendto(b"x" * 64, ("10.213.0.1", 9)); n += 1
        except OSError:
            pass
print(n)
PYEOF
}

# Peak resident memory (kB) of process $1 so far.
peak_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# Load: a sender blasts UDP for 3 s while tcpdump, tcplua with default.lua, and tcplua with a
# deliberately slow script capture with a 1 MiB buffer. Each prints tcpdump's three statistics
# lines; the slow script must fall behind and report kernel drops (also to finish()), and
# tcplua's memory must stay bounded.
load() {
  local sl; sl=$(readlink -f "$(dirname "$0")/../engine/scripts/slow.lua")
  # Under AddressSanitizer freed memory sits in a quarantine (256 MB by default) and every
  # byte has shadow: the bound there is on a 16 MB quarantine, with room for the shadow. The
  # plain build keeps the tight bound.
  local bound=65536
  if [ -n "${TCPLUA_SANITIZED:-}" ]; then
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=16"
    bound=$((160 * 1024))
  fi
  ip netns exec "$NA" tcpdump -i veA$ID -n -B 1024 udp port 9 >/dev/null 2>"$T/ld_td.err" &
  local p1=$!
  ip netns exec "$NA" "$TL" -i veA$ID -n -B 1024 udp port 9 >/dev/null 2>"$T/ld_tl.err" &
  local p2=$!
  ip netns exec "$NA" "$TL" -s "$sl" -i veA$ID -n -B 1024 udp port 9 >/dev/null 2>"$T/ld_slow.err" &
  local p3=$!
  PIDS="$p1 $p2 $p3"
  wait_listening "$T/ld_td.err" "$T/ld_tl.err" "$T/ld_slow.err"
  local sent; sent=$(blast 3)
  sleep 1.5
  local m2 m3; m2=$(peak_kb $p2); m3=$(peak_kb $p3)
  kill -INT $p1 $p2 $p3; wait $p1; wait $p2; wait $p3; PIDS=
  echo "sent $sent; peak RSS default.lua ${m2} kB, slow script ${m3} kB"
  local f
  for f in ld_td ld_tl ld_slow; do
    grep -qE '^[0-9]+ packets? captured$' "$T/$f.err" &&
      grep -qE '^[0-9]+ packets? received by filter$' "$T/$f.err" &&
      grep -qE '^[0-9]+ packets? dropped by kernel$' "$T/$f.err" || fail "$f: statistics lines missing"
  done
  local drops; drops=$(awk '/dropped by kernel/ {print $1}' "$T/ld_slow.err")
  [ "$drops" -gt 0 ] || fail "the slow script reported no kernel drops ($sent sent)"
  grep -q "^finish: received [0-9]* dropped $drops$" "$T/ld_slow.err" || fail "finish() did not get the drop count $drops"
  cat "$T/ld_td.err" "$T/ld_tl.err" "$T/ld_slow.err" | grep -E "captured|received|dropped"
  (( m2 < bound && m3 < bound )) || fail "memory not bounded: ${m2} kB, ${m3} kB (bound $bound kB)"
}

# -D and -L inside the test namespace: the same listing as tcpdump's.
lists() {
  for args in "-D" "-L -i veA$ID" "-L -i lo"; do
    ip netns exec "$NA" tcpdump $args >"$T/td.out" 2>"$T/td.err"; local r1=$?
    ip netns exec "$NA" "$TL" $args >"$T/tl.out" 2>"$T/tl.err"; local r2=$?
    [ $r1 = $r2 ] || fail "$args: exit $r2, tcpdump $r1"
    diff "$T/td.out" "$T/tl.out" || fail "$args: stdout differs"
    diff <(sed 's/^tcpdump: /tcplua: /' "$T/td.err") "$T/tl.err" || fail "$args: stderr differs"
  done
}

case $CASE in
  lists) lists ;;
  real_traffic) real_traffic ;;
  side_by_side) side_by_side ;;
  sigint) sigint ;;
  load) load ;;
  *) lists; side_by_side; sigint; real_traffic ;;
esac
echo "ok [live/$CASE]"
