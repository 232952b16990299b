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
every_packet)
  # on every crafted capture and the handout's, in both languages: one unindented line per
  # packet (as many as default.lua prints) and at least one explanation line under each
  for lang in en ja; do
    for f in perfect ipv6 two late rst nofin synonly noweb noack nopsh badsynack cut lab; do
      if [ $f = lab ]; then in=$ROOT/examples/lab_session.pcap; else in=$CAP/$f.pcap; fi
      # cut.pcap ends mid-record: tcpdump's message and status 1 after the packets it holds
      run -n -s "$SCRIPT" --arg lang=$lang -r "$in"; expect_rc $([ $f = cut ] && echo 1 || echo 0)
      n=$("$TL" -n -r "$in" 2>/dev/null | wc -l)
      [ "$n" -gt 0 ] || fail "$f: no packets"
      [ "$(grep -vc '^    ' "$T/out")" = "$n" ] || fail "$f ($lang): $(grep -vc '^    ' "$T/out") packet lines, expected $n"
      awk '/^    /{ if (p) e++; next } { if (p && !e) { print "unexplained: " p; bad = 1 } p = $0; e = 0 }
           END { if (p && !e) { print "unexplained: " p; bad = 1 } exit bad }' "$T/out" >"$T/bad" \
        || fail "$f ($lang): $(head -1 "$T/bad")"
    done
  done ;;
ja_utf8)
  # the Japanese explanations are valid UTF-8 on every capture (no string cut mid-character)
  for f in perfect ipv6 two late rst nofin synonly noweb; do
    run -n -s "$SCRIPT" --arg lang=ja -r "$CAP/$f.pcap"; expect_rc 0
    iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null 2>&1 || fail "$f: iconv rejects the output"
    # strict decoding; and it is Japanese: every packet has a line with kana or kanji under it
    /usr/bin/python3 - "$T/out" <<'PY' || fail "$f: not valid UTF-8, or a packet with no Japanese line"
import re, sys
text = open(sys.argv[1], "rb").read().decode("utf-8", errors="strict")
jp = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
blocks = re.split(r"\n(?! {4})", text.rstrip("\n"))
assert blocks and all(jp.search(b) for b in blocks), [b for b in blocks if not jp.search(b)][:1]
PY
  done ;;
ja_facts)
  # the key facts of the completed session in Japanese: flags, relative numbers, byte counts
  run -n -s "$SCRIPT" --arg lang=ja -r "$CAP/perfect.pcap"; expect_rc 0
  expect_under 1 "[S] は SYN だけが立っていることを表します"
  expect_under 1 "win 16384: クライアントはあと 16384 バイトまで受け取れます"
  expect_under 2 "サーバが接続を受け入れます: ack 3898758851 はクライアントの初期シーケンス番号＋1 で、SYN が届いたことを示します。同時に自分の側も SYN で開きます（初期シーケンス番号 3317888770、MSS 1460 を提示）"
  expect_under 2 "[S.] は SYN と ACK が立っていることを表します"
  expect_under 3 "クライアントがサーバの SYN を確認応答します（ack 1 ＝ サーバの初期シーケンス番号＋1）。これで両方向の接続が確立しました"
  expect_under 3 "ここから先、tcpdump はシーケンス番号と確認応答番号を、それぞれの側の初期シーケンス番号からの相対値で表示します"
  expect_under 4 "クライアントが 345 バイトを PUSH 付きで送ります（受け取ったらすぐアプリケーションに渡すようにという指示です）"
  expect_under 4 "[P.] は PUSH と ACK が立っていることを表します"
  expect_under 6 "184:1690 は 184 バイト目から 1689 バイト目までを表します（: の後ろの数は最後のバイト＋1）"
  # 183 + 1506 = 1689 server bytes, acked together by ack 1690
  expect_under 7 "クライアントは 1689 バイトすべてを受け取ったと確認応答しています（ack 1690 は次に受け取るはずのバイトの番号）"
  expect_under 8 "サーバが自分の側の送信を終えます: FIN（もう送るデータはありません。FIN はシーケンス番号 1690 を使います）"
  expect_under 8 "[F.] は FIN と ACK が立っていることを表します"
  expect_under 9 "クライアントがサーバの FIN を確認応答します（ack 1691 ＝ FIN の番号 1690＋1）。この方向の通信は閉じられました"
  expect_under 10 "クライアントが自分の側の送信を終えます: FIN（もう送るデータはありません。FIN はシーケンス番号 346 を使います）"
  expect_under 11 "サーバがクライアントの FIN を確認応答します（ack 347 ＝ FIN の番号 346＋1）。この方向の通信は閉じられました"
  run -n -s "$SCRIPT" --arg lang=ja -r "$CAP/rst.pcap"; expect_rc 0
  expect_under 8 "クライアントが RST で接続を強制終了します（FIN のやり取りはなく、接続はその場で消えます）"
  expect_under 8 "[R.] は RST と ACK が立っていることを表します" ;;
ipv6)
  # the completed session over IPv6: the same facts as over IPv4
  run -n -s "$SCRIPT" -r "$CAP/ipv6.pcap"; expect_rc 0
  [ "$(grep -c '^[0-9:.]* IP6 ' "$T/out")" = 11 ] || fail "not 11 IP6 packet lines"
  expect_under 1 "client opens the connection: SYN, initial sequence 3898758850, offers MSS 1460"
  expect_under 2 "server accepts: ack 3898758851 is the client's initial sequence + 1, so the SYN arrived; it opens its own direction with SYN, initial sequence 3317888770, offers MSS 1460"
  expect_under 3 "client acknowledges the server's SYN (ack 1 = the server's initial sequence + 1): the connection is now open in both directions"
  expect_under 4 "client sends 345 bytes with PUSH: hand them to the application at once"
  expect_under 5 "server acknowledges all 345 bytes (ack 346: the next byte it expects)"
  expect_under 6 "server sends 1506 bytes with PUSH: hand them to the application at once"
  expect_under 7 "client acknowledges all 1689 bytes (ack 1690: the next byte it expects)"
  expect_under 11 "server acknowledges the client's FIN (ack 347 = the FIN's number 346 + 1): that direction is closed"
  expect_under 11 "both directions are closed: the connection is over"
  run -n -s "$SCRIPT" --arg lang=ja -r "$CAP/ipv6.pcap"; expect_rc 0
  expect_under 5 "サーバは 345 バイトすべてを受け取ったと確認応答しています（ack 346 は次に受け取るはずのバイトの番号）" ;;
late)
  # the capture starts at the GET: tcpdump prints it absolute, then numbers relative to the
  # numbers of that first packet (the client's bytes 0-344, the server's from 1)
  run -n -s "$SCRIPT" -r "$CAP/late.pcap"; expect_rc 0
  expect_under 1 "this connection began before the capture: its handshake is not in the capture"
  expect_under 1 "client sends 345 bytes with PUSH: hand them to the application at once"
  expect_under 1 "3898758851:3898759196 means bytes 3898758851 to 3898759195 (the number after ':' is one past the last byte)"
  expect_under 2 "server acknowledges all 345 bytes (ack 345: the next byte it expects)"
  expect_under 2 "from here on tcpdump prints sequence and ack numbers relative to the first ones it saw in this connection, not as absolute values"
  expect_under 4 "client acknowledges all 1689 bytes (ack 1690: the next byte it expects)"
  expect_under 7 "client closes its direction: FIN, it has no more data to send (the FIN takes sequence number 345)"
  expect_under 8 "server acknowledges the client's FIN (ack 346 = the FIN's number 345 + 1): that direction is closed"
  expect_under 8 "both directions are closed: the connection is over"
  [ "$(grep -c 'began before the capture' "$T/out")" = 1 ] || fail "mid-stream told more than once"
  grep -q "relative to each side's initial" "$T/out" && fail "told the ISN-relative rule with no handshake"
  run -n -s "$SCRIPT" --arg lang=ja -r "$CAP/late.pcap"; expect_rc 0
  expect_under 1 "この接続はキャプチャ開始前に始まっていたため、ハンドシェイクは記録されていません"
  expect_under 2 "ここから先、tcpdump はシーケンス番号と確認応答番号を、この接続で最初に見た番号からの相対値で表示します（絶対値ではありません）" ;;
synonly)
  # the same SYN three times and no answer: two retransmissions, nothing acknowledged
  run -n -s "$SCRIPT" -r "$CAP/synonly.pcap"; expect_rc 0
  expect_under 1 "client opens the connection: SYN, initial sequence 3898758850, offers MSS 1460"
  expect_under 2 "client sends its SYN again: a retransmission, because no answer came in time"
  expect_under 3 "client sends its SYN again: a retransmission, because no answer came in time"
  grep -qE 'acknowledges|open in both' "$T/out" && fail "an acknowledgement explained with no answer"
  run -n -s "$SCRIPT" --arg lang=ja -r "$CAP/synonly.pcap"; expect_rc 0
  expect_under 3 "クライアントが SYN をもう一度送っています（応答が時間内に来なかったための再送）" ;;
nofin)
  # data both ways, then nothing: no FIN or "closed" sentence
  run -n -s "$SCRIPT" -r "$CAP/nofin.pcap"; expect_rc 0
  expect_under 6 "184:1690 means bytes 184 to 1689 (the number after ':' is one past the last byte)"
  expect_under 7 "client acknowledges all 1689 bytes (ack 1690: the next byte it expects)"
  grep -qE 'FIN|closed|RST' "$T/out" && fail "teardown explained where there is none"; true ;;
*) fail "unknown case" ;;
esac
echo "ok [$CASE]"
