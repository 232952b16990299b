#!/usr/bin/env bash
# handshake-check.lua tests: `handshake_test.sh TCPLUA CAPDIR CASE` runs the checker on the
# captures of make_handshake.py and checks one connection's report. The expected numbers are
# worked out from the TCP rules and the scenario in make_handshake.py, not from the output.
set -u
TL=$1; CAP=$2; CASE=$3
SCRIPT=$(cd "$(dirname "$0")/../.." && pwd)/examples/handshake-check.lua
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export TZ=UTC

fail() { echo "FAIL [$CASE]: $*"; echo "--- report"; cat "$T/block" 2>/dev/null || head -40 "$T/out"; exit 1; }
run() { "$TL" -n -s "$SCRIPT" -r "$1" >"$T/out" 2>"$T/err"; echo $? >"$T/rc"; }
# The report block of the connection from client port $1.
block() { awk -v p="10.0.0.1.$1 >" 'index($0, p) && /^connection/ {on=1} on && /^$/ {on=0} on' \
          "$T/out" >"$T/block"; [ -s "$T/block" ] || fail "no report for port $1"; }
has() { grep -qF -- "$1" "$T/block" || fail "report lacks: $1"; }
hasnt() { ! grep -qF -- "$1" "$T/block" || fail "report should not say: $1"; }

run "$CAP/all.pcap"
case $CASE in
complete)   # ISNs 1000/5000; client sent 100 bytes so its FIN is 1101, server 200 so 5201
  block 40001
  has "handshake: complete and correct, RTT 30.000 ms"
  has "SYN/ACK from the server acks the client's ISN+1 = 1001; server ISN 5000 (10.000 ms after"
  has "ACK from the client acks the server's ISN+1 = 5001 (20.000 ms after the SYN/ACK)"
  has "end: closed: FIN teardown, both FINs sent and acknowledged"
  has "FIN from the client (its FIN is sequence number 1101)"
  has "the server acks the client's FIN (ack 1102 = FIN seq + 1)"
  has "FIN from the server (its FIN is sequence number 5201)"
  has "the client acks the server's FIN (ack 5202 = FIN seq + 1)"
  has "22:13:20.080000 IP 10.0.0.1.40001 > 10.0.0.2.80: Flags [F.], seq 101, ack 201"
  has "22:13:20.110000 IP 10.0.0.1.40001 > 10.0.0.2.80: Flags [.], ack 202," ;;
syn_retry)  # SYNs at +0, +1 s, +3 s; SYN/ACK 20 ms after the last; ACK 25 ms later
  block 40002
  has "handshake: complete and correct, RTT 45.000 ms (last SYN to ACK)"
  has "SYN retransmitted (retry 1), 1000.000 ms after the first SYN"
  has "SYN retransmitted (retry 2), 3000.000 ms after the first SYN"
  has "acks the client's ISN+1 = 2001; server ISN 7000 (20.000 ms after the SYN)"
  has "the server acks the client's FIN (ack 2002"   # carried by the server's FIN
  has "the client acks the server's FIN (ack 7002"
  has "end: closed: FIN teardown" ;;
bad_synack) # SYN/ACK acks 3005, must be 3000+1
  block 40003
  has "handshake: INCORRECT: SYN/ACK acks the wrong number"
  has "WRONG: SYN/ACK acks 3005, expected the client's ISN+1 = 3001"
  has "Flags [S.], seq 8000, ack 3005"
  has "end: reset by the client"; has "Flags [R], seq 3005" ;;
refused)
  block 40004
  has "handshake: INCOMPLETE: refused"
  has "end: refused: the server reset the connection attempt"
  has "Flags [R.], seq 0, ack 4001"; hasnt "SYN/ACK" ;;
rst_client)
  block 40005
  has "handshake: complete and correct"; has "end: reset by the client"
  has "RST from the client"; has "Flags [R], seq 5051" ;;
rst_server)
  block 40006
  has "handshake: complete and correct"; has "end: reset by the server"
  has "RST from the server"; has "Flags [R.], seq 1, ack 51" ;;
half_close) # client FIN = 6001 acked by 6002; server sends 300 bytes more, never FINs
  block 40007
  has "handshake: complete and correct"
  has "end: half-closed: the client sent FIN (acknowledged), the server never did"
  has "the server acks the client's FIN (ack 6002 = FIN seq + 1)"
  hasnt "FIN from the server" ;;
still_open)
  block 40008
  has "handshake: complete and correct"
  has "end: still open at the end of the capture (no FIN, no RST)" ;;
bad_third_ack) # third segment acks 21005, must be 21000+1
  block 40009
  has "handshake: INCORRECT: third ACK acks the wrong number"
  has "WRONG: the client's ACK acks 21005, expected the server's ISN+1 = 21001" ;;
summary_status) # 9 connections; 40003, 40004, 40009 fail -> status 1
  [ "$(cat "$T/rc")" = 1 ] || fail "exit status $(cat "$T/rc"), expected 1"
  grep -q "^9 TCP connections, 6 with a complete and correct handshake$" "$T/out" || fail "summary"
  [ "$(grep -c '^connection ' "$T/out")" = 9 ] || fail "expected 9 reports" ;;
good_status)
  run "$CAP/good.pcap"
  [ "$(cat "$T/rc")" = 0 ] || fail "exit status $(cat "$T/rc"), expected 0"
  grep -q "^2 TCP connections, 2 with a complete and correct handshake$" "$T/out" || fail "summary" ;;
*) fail "unknown case" ;;
esac
exit 0
