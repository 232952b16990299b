#!/usr/bin/env bash
# Tests of examples/explain.lua: `explain_test.sh TCPLUA CAPDIR CASE` runs it on the
# captures of tests/grader/make_captures.py (the handout's session, completed) and on the
# bundled examples/lab_session.pcap; the expected sentences are worked out by hand.
set -u
TL=$1; CAP=$2; CASE=$3
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SCRIPT=$ROOT/examples/explain.lua
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export TZ=UTC

fail() { echo "FAIL [$CASE]: $*"; [ -f "$T/out" ] && { echo "--- stdout"; head -40 "$T/out"; }
         [ -f "$T/err" ] && { echo "--- stderr"; head -20 "$T/err"; }; exit 1; }
run() { "$TL" "$@" >"$T/out" 2>"$T/err"; echo $? >"$T/rc"; }
expect_rc() { [ "$(cat "$T/rc")" = "$1" ] || fail "exit status $(cat "$T/rc"), expected $1"; }
expect_line() { grep -qxF -- "$1" "$T/out" || fail "no line: $1"; }
# explained N: the explanation lines under packet N (the Nth unindented line)
explained() { awk -v n="$1" '/^    /{ if (p == n) print substr($0, 5); next } { p++ }' "$T/out"; }
expect_under() { explained "$1" | grep -qxF -- "$2" || fail "packet $1 lacks: $2"; }

case $CASE in
packet_lines)
  # the unindented lines are exactly what default.lua prints
  run -n -s "$SCRIPT" -r "$CAP/perfect.pcap"; expect_rc 0
  "$TL" -n -r "$CAP/perfect.pcap" >"$T/default" 2>/dev/null
  grep -v '^    ' "$T/out" | cmp -s - "$T/default" || fail "packet lines differ from default.lua"
  [ "$(grep -c '^    ' "$T/out")" -ge 11 ] || fail "fewer explanation lines than packets" ;;
handshake)
  run -n -s "$SCRIPT" -r "$CAP/perfect.pcap"; expect_rc 0
  expect_under 1 "client opens the connection: SYN, initial sequence 3898758850, offers MSS 1460"
  expect_under 1 "[S] means only SYN is set"
  expect_under 1 "win 16384: the client can accept 16384 more bytes"
  expect_under 2 "server accepts: ack 3898758851 is the client's initial sequence + 1, so the SYN arrived; it opens its own direction with SYN, initial sequence 3317888770, offers MSS 1460"
  expect_under 2 "[S.] means SYN and ACK are set"
  expect_under 3 "client acknowledges the server's SYN (ack 1 = the server's initial sequence + 1): the connection is now open in both directions"
  expect_under 3 "from here on tcpdump prints sequence and ack numbers relative to each side's initial sequence number"
  expect_under 3 "'.' means only ACK is set" ;;
data)
  run -n -s "$SCRIPT" -r "$CAP/perfect.pcap"; expect_rc 0
  expect_under 4 "client sends 345 bytes with PUSH: hand them to the application at once"
  expect_under 4 "1:346 means bytes 1 to 345 (the number after ':' is one past the last byte)"
  expect_under 4 "[P.] means PUSH and ACK are set"
  expect_under 5 "server acknowledges all 345 bytes (ack 346: the next byte it expects)"
  expect_under 5 "server sends 183 bytes with PUSH: hand them to the application at once"
  expect_under 6 "184:1690 means bytes 184 to 1689 (the number after ':' is one past the last byte)"
  # 183 + 1506 bytes, none acknowledged before
  expect_under 7 "client acknowledges all 1689 bytes (ack 1690: the next byte it expects)"
  # a flag string is explained once: packet 5 is the second [P.]
  explained 5 | grep -q "means PUSH" && fail "[P.] explained twice"; true ;;
teardown)
  run -n -s "$SCRIPT" -r "$CAP/perfect.pcap"; expect_rc 0
  expect_under 8 "server closes its direction: FIN, it has no more data to send (the FIN takes sequence number 1690)"
  expect_under 9 "client acknowledges the server's FIN (ack 1691 = the FIN's number 1690 + 1): that direction is closed"
  expect_under 10 "client closes its direction: FIN, it has no more data to send (the FIN takes sequence number 346)"
  expect_under 11 "server acknowledges the client's FIN (ack 347 = the FIN's number 346 + 1): that direction is closed"
  expect_under 11 "both directions are closed: the connection is over" ;;
handout)
  # the bundled capture of the handout's session, with its host names
  run --hosts "$ROOT/tests/captures/lab_hosts" -s "$SCRIPT" -r "$ROOT/examples/lab_session.pcap"
  expect_rc 0
  expect_under 1 "client opens the connection: SYN, initial sequence 3898758850, offers MSS 1460"
  expect_under 4 "1:346 means bytes 1 to 345 (the number after ':' is one past the last byte)"
  expect_under 5 "server acknowledges all 345 bytes (ack 346: the next byte it expects)"
  # the handout leaves out the server's bytes 184-1689; ack 1691 covers them and the FIN
  expect_under 7 "client acknowledges all 1689 bytes (ack 1691: the next byte it expects)"
  expect_under 7 "client acknowledges the server's FIN (ack 1691 = the FIN's number 1690 + 1): that direction is closed" ;;
rst)
  run -n -s "$SCRIPT" -r "$CAP/rst.pcap"; expect_rc 0
  expect_under 8 "client aborts the connection: RST, no FIN exchange, the connection is gone at once"
  expect_under 8 "[R.] means RST and ACK are set" ;;
retransmit)
  run -n -s "$SCRIPT" -r "$CAP/two.pcap"; expect_rc 0
  expect_under 2 "client sends its SYN again: a retransmission, because no answer came in time" ;;
not_tcp)
  run -n -s "$SCRIPT" -r "$CAP/noweb.pcap"; expect_rc 0
  expect_under 1 "UDP datagram from port 5353 to port 53, 12 bytes: UDP has no connection, no handshake and no acknowledgements"
  expect_under 1 "a DNS message: the name lookup that comes before the connection" ;;
ja)
  run -n -s "$SCRIPT" --arg lang=ja -r "$CAP/perfect.pcap"; expect_rc 0
  expect_under 1 "クライアントが接続を開始します: SYN、初期シーケンス番号 3898758850、MSS 1460 を提示"
  expect_under 3 "「.」は ACK だけが立っていることを表します"
  expect_under 4 "1:346 は 1 バイト目から 345 バイト目までを表します（: の後ろの数は最後のバイト＋1）"
  expect_under 5 "サーバは 345 バイトすべてを受け取ったと確認応答しています（ack 346 は次に受け取るはずのバイトの番号）"
  expect_under 11 "両方向とも閉じられ、接続が終了しました"
  grep -q "client" "$T/out" && fail "English words in the Japanese explanation"; true ;;
*) fail "unknown case" ;;
esac
echo "ok [$CASE]"
