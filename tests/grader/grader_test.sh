#!/usr/bin/env bash
# Tests of examples/grade-exercise.lua: `grader_test.sh TCPLUA CAPDIR CASE` grades the
# captures of make_captures.py and checks scores, verdicts, reasons and exit statuses
# worked out by hand from the four criteria (docs/grade-exercise.md).
set -u
TL=$1; CAP=$2; CASE=$3
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SCRIPT=$ROOT/examples/grade-exercise.lua
HOSTS=$ROOT/tests/captures/lab_hosts
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export TZ=UTC

fail() { echo "FAIL [$CASE]: $*"; [ -f "$T/out" ] && { echo "--- stdout"; head -40 "$T/out"; }
         [ -f "$T/err" ] && { echo "--- stderr"; head -20 "$T/err"; }; exit 1; }
# grade [tcplua options...] FILE...: runs the grader with -n on the named captures
grade() {
  local opts=() files=()
  for a in "$@"; do
    case $a in *.pcap) files+=(-r "$CAP/$a") ;; *) opts+=("$a") ;; esac
  done
  "$TL" -n -s "$SCRIPT" "${opts[@]}" "${files[@]}" >"$T/out" 2>"$T/err"; echo $? >"$T/rc"
}
expect_rc() { [ "$(cat "$T/rc")" = "$1" ] || fail "exit status $(cat "$T/rc"), expected $1"; }
expect_line() { grep -qxF -- "$1" "$T/out" || fail "no line: $1"; }
expect_out() { grep -qE -- "$1" "$T/out" || fail "stdout lacks /$1/"; }
# verdicts: the PASS/FAIL word of criteria 1-4 in order, e.g. "PASS PASS PASS FAIL"
verdicts() { grep -E '^(PASS|FAIL) [1-4]\. ' "$T/out" | cut -d' ' -f1 | tr '\n' ' ' | sed 's/ $//'; }
expect_verdicts() { [ "$(verdicts)" = "$1" ] || fail "verdicts '$(verdicts)', expected '$1'"; }

C1="PASS 1. TCP connection to port 80: 192.0.2.10.4376 opened a TCP connection to 198.51.100.20.80."
C2="PASS 2. three-way handshake: SYN, then SYN/ACK acknowledging the client's initial sequence number + 1, then ACK of the server's initial sequence number + 1, in that order."
# client: 345 bytes (the GET); server: 183 + 1506 = 1689 bytes (1:184, 184:1690)
C3="PASS 3. data transfer: The client sent 345 bytes and the server 1689 bytes, both with PUSH, and each side acknowledged every byte of the other."
C4="PASS 4. connection teardown: Each side sent a FIN and each FIN was acknowledged."

case $CASE in
perfect)
  grade perfect.pcap; expect_rc 0
  expect_line "== $CAP/perfect.pcap: 4/4 points"
  expect_line "graded connection 1 of 1 to port 80: 192.0.2.10.4376 > 198.51.100.20.80, 11 packets (conn_state SF, history ShADdfFa)"
  expect_line "$C1"; expect_line "$C2"; expect_line "$C3"; expect_line "$C4"
  expect_line "summary: 1 capture(s): 1 passed every criterion, 0 failed some, 0 unreadable" ;;
evidence)
  # evidence lines are the tcpdump lines of the packets that show the criterion
  grade perfect.pcap; expect_rc 0
  "$TL" -n -r "$CAP/perfect.pcap" >"$T/tcpdump" 2>/dev/null
  sed -n "/^PASS 2\./,/^PASS 3\./p" "$T/out" | grep '^    ' | sed 's/^    //' >"$T/hs"
  [ "$(wc -l <"$T/hs")" = 3 ] || fail "handshake evidence has $(wc -l <"$T/hs") lines, expected 3"
  head -3 "$T/tcpdump" | cmp -s - "$T/hs" || fail "handshake evidence is not packets 1-3"
  grep '^    ' "$T/out" | sed 's/^    //' | while read -r l; do
    grep -qxF -- "$l" "$T/tcpdump" || { echo "not a tcpdump line: $l"; exit 1; }
  done || fail "evidence line not in tcpdump format"
  # teardown: FIN (pkt 8), its ACK (9), FIN (10), its ACK (11)
  sed -n "/^PASS 4\./,\$p" "$T/out" | grep '^    ' | sed 's/^    //' >"$T/td"
  sed -n 8,11p "$T/tcpdump" | cmp -s - "$T/td" || fail "teardown evidence is not packets 8-11" ;;
noack)
  grade noack.pcap; expect_rc 1
  expect_line "== $CAP/noack.pcap: 3/4 points"
  expect_verdicts "PASS PASS PASS FAIL"
  expect_line "FAIL 4. connection teardown: The client's FIN was never acknowledged by the server." ;;
rst)
  grade rst.pcap; expect_rc 1
  expect_line "== $CAP/rst.pcap: 3/4 points"; expect_verdicts "PASS PASS PASS FAIL"
  expect_line "FAIL 4. connection teardown: The client aborted the connection with RST instead of closing it with FIN."
  expect_out '^    .*Flags \[R\.\], seq 346, ack 1690' ;;
nopsh)
  grade nopsh.pcap; expect_rc 1; expect_verdicts "PASS PASS FAIL PASS"
  expect_line "FAIL 3. data transfer: The server's data never carries the PUSH flag." ;;
badsynack)
  # the SYN/ACK acks ISN + 5 = 3898758855 instead of ISN + 1 = 3898758851
  grade badsynack.pcap; expect_rc 1; expect_verdicts "PASS FAIL PASS PASS"
  expect_line "FAIL 2. three-way handshake: The SYN/ACK acknowledges 3898758855, but the client's initial sequence number + 1 is 3898758851." ;;
noweb)
  grade noweb.pcap; expect_rc 1
  expect_line "== $CAP/noweb.pcap: 0/4 points"; expect_verdicts "FAIL FAIL FAIL FAIL"
  expect_line "FAIL 1. TCP connection to port 80: The capture holds no TCP connection to port 80."
  expect_line "FAIL 2. three-way handshake: There is no connection to grade." ;;
port)
  # the same capture graded for port 443: SYN and SYN/ACK, no third ACK, no data, no FIN
  grade --arg port=443 noweb.pcap; expect_rc 1
  expect_line "== $CAP/noweb.pcap: 1/4 points"; expect_verdicts "PASS FAIL FAIL FAIL"
  expect_line "FAIL 2. three-way handshake: The client never acknowledged the server's SYN/ACK, so the handshake is not complete."
  expect_line "FAIL 3. data transfer: The client sent no data." ;;
two)
  # the first connection (port 4375) is an unanswered SYN sent twice: 1/4; the second 4/4
  grade two.pcap; expect_rc 0
  expect_line "== $CAP/two.pcap: 4/4 points"
  expect_out '^graded connection 2 of 2 to port 80: 192\.0\.2\.10\.4376 > ' ;;
client)
  grade --arg client=192.0.2.10 perfect.pcap; expect_rc 0; expect_line "== $CAP/perfect.pcap: 4/4 points"
  "$TL" --hosts "$HOSTS" -s "$SCRIPT" --arg client=tsuji -r "$CAP/perfect.pcap" >"$T/out" 2>"$T/err"
  echo $? >"$T/rc"; expect_rc 0; expect_line "== $CAP/perfect.pcap: 4/4 points"
  expect_line "PASS 1. TCP connection to port 80: tsuji.4376 opened a TCP connection to www.google.com.http."
  grade --arg client=10.9.9.9 perfect.pcap; expect_rc 1; expect_verdicts "FAIL FAIL FAIL FAIL"
  expect_line "FAIL 1. TCP connection to port 80: No TCP connection from 10.9.9.9 to port 80; the capture has them only from 192.0.2.10." ;;
notpcap)
  grade notpcap.pcap; expect_rc 2
  expect_line "$CAP/notpcap.pcap: not a readable capture: unknown file format"
  expect_line "summary: 1 capture(s): 0 passed every criterion, 0 failed some, 1 unreadable" ;;
cut)
  # the last record (the server's ACK of the client's FIN) is cut: 10 packets graded
  grade cut.pcap; expect_rc 1
  expect_line "== $CAP/cut.pcap: 3/4 points"
  expect_out '^warning: the capture is cut off mid-record \(.*truncated dump file.*\); graded on the 10 packets it holds\.$'
  expect_verdicts "PASS PASS PASS FAIL"
  expect_line "FAIL 4. connection teardown: The client's FIN was never acknowledged by the server." ;;
exit_codes)
  grade perfect.pcap two.pcap; expect_rc 0
  grade perfect.pcap noack.pcap; expect_rc 1
  grade perfect.pcap notpcap.pcap; expect_rc 2
  grade noack.pcap notpcap.pcap perfect.pcap; expect_rc 2 ;;
batch)
  grade perfect.pcap noack.pcap rst.pcap nopsh.pcap notpcap.pcap badsynack.pcap noweb.pcap two.pcap cut.pcap
  expect_rc 2
  [ "$(grep -c '^== ' "$T/out")" = 8 ] || fail "expected 8 reports"
  # the batch goes on after the unreadable input, in input order
  got=$(grep -E '^== |: not a readable capture: ' "$T/out" | sed "s|$CAP/||; s/^== //; s/ points$//; s/: not a readable capture: .*/: unreadable/" | tr '\n' ' ')
  want="perfect.pcap: 4/4 noack.pcap: 3/4 rst.pcap: 3/4 nopsh.pcap: 3/4 notpcap.pcap: unreadable badsynack.pcap: 3/4 noweb.pcap: 0/4 two.pcap: 4/4 cut.pcap: 3/4 "
  [ "$got" = "$want" ] || fail "reports '$got', expected '$want'"
  expect_line "summary: 9 capture(s): 2 passed every criterion, 6 failed some, 1 unreadable" ;;
json)
  grade --arg format=json perfect.pcap noack.pcap notpcap.pcap cut.pcap; expect_rc 2
  /usr/bin/python3 - "$T/out" "$CAP" <<'PY' || fail "json output wrong"
import json, sys
cap = sys.argv[2] + "/"
objs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(objs) == 5, len(objs)
got = [(o["file"].replace(cap, ""), o["score"], o["max"], [c["pass"] for c in o["criteria"]])
       for o in objs[:4]]
want = [("perfect.pcap", 4, 4, [True] * 4), ("noack.pcap", 3, 4, [True, True, True, False]),
        ("notpcap.pcap", 0, 4, []), ("cut.pcap", 3, 4, [True, True, True, False])]
assert got == want, got
assert objs[2]["error"] == "unknown file format", objs[2]
assert "cut off mid-record" in objs[3]["warning"], objs[3]
c = objs[0]["criteria"][1]
assert c["id"] == 2 and c["key"] == "handshake" and len(c["evidence"]) == 3, c
assert objs[0]["connection"]["client"] == "192.0.2.10.4376", objs[0]["connection"]
assert objs[4] == {"summary": {"captures": 4, "passed": 1, "failed": 2, "unreadable": 1,
                               "exit": 2}}, objs[4]
PY
  grade --arg format=json --arg lang=ja noack.pcap; expect_rc 1
  /usr/bin/python3 -c 'import json,sys; o=json.loads(open(sys.argv[1],encoding="utf-8").readline()); assert o["criteria"][3]["reason"]=="クライアントの FIN に対してサーバからの確認応答がありません。", o' "$T/out" || fail "ja json" ;;
tap)
  grade --arg format=tap perfect.pcap notpcap.pcap cut.pcap; expect_rc 2
  head -1 "$T/out" | grep -qx "TAP version 13" || fail "first line is not 'TAP version 13'"
  # 4 + 1 + 4 test points; failing: notpcap (5) and cut's teardown (9)
  perl -MTAP::Parser -e 'local $/; my $p = TAP::Parser->new({tap => scalar <STDIN>});
    my @bad; while (my $r = $p->next) { push @bad, $r->as_string if $r->is_unknown }
    die "unknown lines: @bad\n" if @bad; die "parse: " . join(";", $p->parse_errors) . "\n" if $p->parse_errors;
    die "version " . $p->version . "\n" unless $p->version == 13;
    die "plan\n" unless $p->is_good_plan && $p->tests_run == 9;
    my $f = join(",", $p->failed); die "failed $f\n" unless $f eq "5,9";' <"$T/out" 2>"$T/perl" \
    || fail "TAP: $(cat "$T/perl")"
  expect_line "not ok 5 - $CAP/notpcap.pcap: not a readable capture" ;;
ja)
  grade --arg lang=ja noack.pcap notpcap.pcap; expect_rc 2
  expect_line "== $CAP/noack.pcap: 3/4 点"
  expect_line "合格 2. 3ウェイハンドシェイク（接続の確立）: SYN、クライアントの初期シーケンス番号＋1 を確認応答する SYN/ACK、サーバの初期シーケンス番号＋1 を確認応答する ACK が正しい順序でそろっています。"
  expect_line "不合格 4. 接続の切断: クライアントの FIN に対してサーバからの確認応答がありません。"
  expect_line "$CAP/notpcap.pcap: キャプチャファイルとして読み取れません: unknown file format"
  expect_line "まとめ: キャプチャ 2 件のうち、全項目合格 0 件、不合格の項目あり 1 件、読み取れないファイル 1 件" ;;
ipv6)
  # the perfect session over IPv6: the same numbers, so every criterion passes
  grade ipv6.pcap; expect_rc 0
  expect_line "== $CAP/ipv6.pcap: 4/4 points"; expect_verdicts "PASS PASS PASS PASS"
  expect_line "graded connection 1 of 1 to port 80: 2001:db8::10.4376 > 2001:db8::20.80, 11 packets (conn_state SF, history ShADdfFa)"
  expect_line "PASS 1. TCP connection to port 80: 2001:db8::10.4376 opened a TCP connection to 2001:db8::20.80."
  expect_line "${C2}"; expect_line "$C3"; expect_line "$C4"
  # the handshake evidence is the three IPv6 packets
  sed -n "/^PASS 2\./,/^PASS 3\./p" "$T/out" | grep -c '^    .* IP6 ' | grep -qx 3 || fail "handshake evidence is not 3 IP6 lines"
  expect_line "summary: 1 capture(s): 1 passed every criterion, 0 failed some, 0 unreadable" ;;
late)
  # capture started at packet 4 (the GET): no SYN, so 2 fails; the client's bytes are
  # counted from its first seq - 1 (345) and the server's 183 + 1506 = 1689 are all acked
  # (ack 1690); both FINs are acked: 3/4
  grade late.pcap; expect_rc 1
  expect_line "== $CAP/late.pcap: 3/4 points"; expect_verdicts "PASS FAIL PASS PASS"
  expect_line "FAIL 2. three-way handshake: The capture starts in the middle of the connection: there is no SYN from the client."
  # the evidence of 2 is the first packet of the capture, the GET printed with absolute numbers
  sed -n "/^FAIL 2\./,/^PASS 3\./p" "$T/out" | grep '^    ' >"$T/ev"
  [ "$(wc -l <"$T/ev")" = 1 ] && grep -q 'Flags \[P\.\], seq 3898758851:3898759196, ack 3317888771,' "$T/ev" || fail "evidence of 2 is not the first packet"
  expect_line "$C3"; expect_line "$C4" ;;
nofin)
  # handshake and data both ways, all acked, then nothing: no FIN, no RST
  grade nofin.pcap; expect_rc 1
  expect_line "== $CAP/nofin.pcap: 3/4 points"; expect_verdicts "PASS PASS PASS FAIL"
  expect_line "graded connection 1 of 1 to port 80: 192.0.2.10.4376 > 198.51.100.20.80, 7 packets (conn_state S1, history ShADd)"
  expect_line "$C2"; expect_line "$C3"
  expect_line "FAIL 4. connection teardown: Neither side sent a FIN: the capture ends with the connection still open."
  grep -q 'Flags \[[FR]' "$T/out" && fail "FIN or RST cited as evidence"; true ;;
synonly)
  # three SYNs with the same ISN, nothing back: a connection attempt (1 point), no
  # handshake, no data, no FIN
  grade synonly.pcap; expect_rc 1
  expect_line "== $CAP/synonly.pcap: 1/4 points"; expect_verdicts "PASS FAIL FAIL FAIL"
  expect_line "graded connection 1 of 1 to port 80: 192.0.2.10.4376 > 198.51.100.20.80, 3 packets (conn_state S0, history S)"
  expect_line "PASS 1. TCP connection to port 80: 192.0.2.10.4376 tried to open a TCP connection to 198.51.100.20.80 (no packet came back)."
  expect_line "FAIL 2. three-way handshake: The server never answered the SYN with a SYN/ACK, though the client sent it 3 times."
  expect_line "FAIL 3. data transfer: The client sent no data."
  expect_line "FAIL 4. connection teardown: Neither side sent a FIN: the capture ends with the connection still open."
  # evidence of 2: the first SYN (00:00:40.01) and the last retry (3 s later)
  sed -n "/^FAIL 2\./,/^FAIL 3\./p" "$T/out" | grep '^    ' | cut -c5-19 | tr '\n' ' ' | grep -qx '01:46:40.010000 01:46:43.010000 ' || fail "evidence of 2 is not the first and last SYN" ;;
empty)
  # a valid pcap header and no packet: no connection, criterion 1 fails and 2-4 with it
  grade empty.pcap; expect_rc 1
  expect_line "== $CAP/empty.pcap: 0/4 points"; expect_verdicts "FAIL FAIL FAIL FAIL"
  expect_line "FAIL 1. TCP connection to port 80: The capture holds no packets at all."
  expect_line "FAIL 4. connection teardown: There is no connection to grade."
  grep -q "not a readable capture" "$T/out" && fail "an empty capture is a readable one"
  grep -q '^warning' "$T/out" && fail "warning for an empty capture"
  expect_line "summary: 1 capture(s): 0 passed every criterion, 1 failed some, 0 unreadable" ;;
outcomes_json)
  # every outcome in one batch, as JSON: score, verdicts, reason keywords, exit status
  grade --arg format=json perfect.pcap ipv6.pcap two.pcap late.pcap rst.pcap nofin.pcap synonly.pcap noweb.pcap empty.pcap cut.pcap notpcap.pcap
  expect_rc 2
  /usr/bin/python3 - "$T/out" "$CAP" <<'PY' || fail "json output wrong"
import json, sys
cap = sys.argv[2] + "/"
objs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(objs) == 12, len(objs)
P, F = True, False
want = {  # file: (score, verdicts, {criterion: words its reason must hold})
    "perfect.pcap": (4, [P, P, P, P], {4: ["Each side sent a FIN"]}),
    "ipv6.pcap": (4, [P, P, P, P], {1: ["2001:db8::10.4376", "2001:db8::20.80"]}),
    "two.pcap": (4, [P, P, P, P], {}),
    "late.pcap": (3, [P, F, P, P], {2: ["middle of the connection", "no SYN"]}),
    "rst.pcap": (3, [P, P, P, F], {4: ["aborted", "RST"]}),
    "nofin.pcap": (3, [P, P, P, F], {4: ["Neither side sent a FIN"]}),
    "synonly.pcap": (1, [P, F, F, F], {1: ["tried"], 2: ["never answered", "3 times"],
                                       3: ["no data"]}),
    "noweb.pcap": (0, [F, F, F, F], {1: ["no TCP connection to port 80"]}),
    "empty.pcap": (0, [F, F, F, F], {1: ["no packets"], 2: ["no connection to grade"]}),
    "cut.pcap": (3, [P, P, P, F], {4: ["never acknowledged"]}),
    "notpcap.pcap": (0, [], {}),
}
got_files = [o["file"].replace(cap, "") for o in objs[:11]]
assert got_files == list(want), got_files
for o, f in zip(objs, want):
    score, verdicts, words = want[f]
    assert (o["score"], o["max"]) == (score, 4), (f, o["score"])
    assert [c["pass"] for c in o["criteria"]] == verdicts, (f, o["criteria"])
    assert [c["id"] for c in o["criteria"]] == list(range(1, len(verdicts) + 1)), f
    for n, ws in words.items():
        r = o["criteria"][n - 1]["reason"]
        for w in ws:
            assert w in r, (f, n, w, r)
assert objs[10]["error"] == "unknown file format", objs[10]
assert "warning" not in objs[8] and "connection" not in objs[8], objs[8]
assert objs[1]["connection"]["client"] == "2001:db8::10.4376", objs[1]
assert objs[3]["criteria"][1]["evidence"][0].startswith("01:46:40.040000 IP 192.0.2.10.4376 > "), objs[3]
assert len(objs[6]["criteria"][1]["evidence"]) == 2, objs[6]
assert objs[11] == {"summary": {"captures": 11, "passed": 3, "failed": 7, "unreadable": 1,
                                "exit": 2}}, objs[11]
PY
  # without the unreadable file the status is 1
  grade --arg format=json ipv6.pcap empty.pcap; expect_rc 1
  grep -qxF '{"summary":{"captures":2,"passed":1,"failed":1,"unreadable":0,"exit":1}}' "$T/out" || fail "summary of ipv6+empty" ;;
outcomes_ja)
  # the new outcomes in Japanese, text and JSON; the output must be valid UTF-8
  grade --arg lang=ja ipv6.pcap late.pcap nofin.pcap synonly.pcap empty.pcap; expect_rc 1
  /usr/bin/python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8", errors="strict")' "$T/out" || fail "not valid UTF-8"
  expect_line "== $CAP/ipv6.pcap: 4/4 点"
  expect_line "合格 1. ポート 80 への TCP 接続: 2001:db8::10.4376 から 2001:db8::20.80 への TCP 接続が記録されています。"
  expect_line "== $CAP/late.pcap: 3/4 点"
  expect_line "不合格 2. 3ウェイハンドシェイク（接続の確立）: 接続の途中からキャプチャが始まっていて、クライアントの SYN がありません。"
  expect_line "== $CAP/nofin.pcap: 3/4 点"
  expect_line "不合格 4. 接続の切断: どちらの側も FIN を送っておらず、接続が開いたままキャプチャが終わっています。"
  expect_line "== $CAP/synonly.pcap: 1/4 点"
  expect_line "合格 1. ポート 80 への TCP 接続: 192.0.2.10.4376 から 198.51.100.20.80 への TCP 接続を試みていますが、応答のパケットがありません。"
  expect_line "不合格 2. 3ウェイハンドシェイク（接続の確立）: クライアントは SYN を 3 回送りましたが、サーバは SYN/ACK を返していません。"
  expect_line "不合格 3. データ転送: クライアントがデータを送っていません。"
  expect_line "== $CAP/empty.pcap: 0/4 点"
  expect_line "不合格 1. ポート 80 への TCP 接続: キャプチャにパケットが一つも記録されていません。"
  expect_line "不合格 2. 3ウェイハンドシェイク（接続の確立）: 採点できる接続がありません。"
  expect_line "まとめ: キャプチャ 5 件のうち、全項目合格 1 件、不合格の項目あり 4 件、読み取れないファイル 0 件"
  grep -qE 'PASS|FAIL|points|summary' "$T/out" && fail "English words in the Japanese report"
  grade --arg format=json --arg lang=ja empty.pcap synonly.pcap; expect_rc 1
  /usr/bin/python3 - "$T/out" <<'PY' || fail "ja json"
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1], "rb").read().decode("utf-8", errors="strict").splitlines()]
assert objs[0]["score"] == 0 and objs[0]["criteria"][0]["reason"] == "キャプチャにパケットが一つも記録されていません。", objs[0]
assert objs[1]["score"] == 1 and [c["pass"] for c in objs[1]["criteria"]] == [True, False, False, False], objs[1]
assert objs[1]["criteria"][3]["name"] == "接続の切断", objs[1]
assert objs[2]["summary"]["exit"] == 1, objs[2]
PY
  ;;
bad_format)
  grade --arg format=xml perfect.pcap; expect_rc 3; grep -q "format=xml: use text, json or tap" "$T/err" || fail "no error for format=xml" ;;
*) fail "unknown case" ;;
esac
echo "ok [$CASE]"
