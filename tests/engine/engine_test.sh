#!/usr/bin/env bash
# Engine behaviour tests: `engine_test.sh TCPLUA CAPDIR CASE` runs one case and exits 0 when
# tcplua behaves as documented (docs/lua-api.md, tcplua.1), 1 otherwise with the reason.
set -u
TL=$1; CAP=$2; CASE=$3
HERE=$(cd "$(dirname "$0")" && pwd)
S=$HERE/scripts
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
chmod 1777 "$T"
export TZ=UTC
SESSION=$CAP/tcp_session.pcap

fail() { echo "FAIL [$CASE]: $*"; [ -f "$T/out" ] && { echo "--- stdout"; head -20 "$T/out"; }
         [ -f "$T/err" ] && { echo "--- stderr"; head -20 "$T/err"; }; exit 1; }
run() { "$TL" "$@" >"$T/out" 2>"$T/err"; echo $? >"$T/rc"; }
rc() { cat "$T/rc"; }
expect_rc() { [ "$(rc)" = "$1" ] || fail "exit status $(rc), expected $1"; }
expect_err() { grep -qE -- "$1" "$T/err" || fail "stderr lacks /$1/"; }
expect_out() { grep -qE -- "$1" "$T/out" || fail "stdout lacks /$1/"; }
lines() { wc -l <"$T/out" | tr -d ' '; }
npkts() { tcpdump -r "$1" 2>/dev/null | wc -l | tr -d ' '; }

[ -s "$SESSION" ] || fail "capture $SESSION missing"
total=$(tcpdump -n -r "$SESSION" 2>/dev/null | wc -l)

case $CASE in
default_script)
  run -n -r "$SESSION"; expect_rc 0
  [ "$(lines)" = "$total" ] || fail "printed $(lines) lines, tcpdump prints $total" ;;
script_search)
  run -s default -n -r "$SESSION"; expect_rc 0; [ "$(lines)" = "$total" ] || fail "-s default"
  cp "$S/count.lua" "$T/mine.lua"
  (cd "$T" && "$TL" -s mine -r "$SESSION" >out 2>err); grep -q "^count $total$" "$T/out" || fail "cwd script"
  TCPLUA_PATH=$S run -s count -r "$SESSION"; expect_out "^count $total$" ;;
snaplen_not_script)
  run -s 1500 -n -r "$SESSION"; expect_rc 0; [ "$(lines)" = "$total" ] || fail "-s 1500 taken as a script" ;;
permutation)
  run -r "$SESSION" tcp -n; expect_rc 0; expect_out "^[0-9:.]+ IP6? [0-9a-f.:]+ > "
  grep -q "Flags" "$T/out" || fail "no TCP line" ;;
several_inputs)
  run -s "$S/count.lua" -r "$SESSION" -r "$SESSION"; expect_rc 0; expect_out "^count $((2 * total))$"
  [ "$(grep -c '^reading from file' "$T/err")" = 2 ] || fail "expected two 'reading from file' lines" ;;
not_found)
  run -s no-such-script.lua -r "$SESSION"; expect_rc 3; expect_err "^tcplua: script no-such-script.lua: not found" ;;
syntax_error)
  run -s "$S/syntax.lua" -r "$SESSION"; expect_rc 3; expect_err "^tcplua: .*syntax.lua:4: " ;;
runtime_packet)
  run -s "$S/err_packet.lua" -r "$SESSION"; expect_rc 3
  expect_err "^tcplua: .*err_packet.lua:6: boom at packet 3"; expect_err "stack traceback"
  [ "$(lines)" = 2 ] || fail "expected the 2 lines printed before the error, got $(lines)" ;;
runtime_init)
  run -s "$S/err_init.lua" -r "$SESSION"; expect_rc 3; expect_err "err_init.lua:3: init failed"
  [ "$(lines)" = 0 ] || fail "packets processed after init failed" ;;
runtime_filter)
  run -s "$S/err_filter.lua" -r "$SESSION"; expect_rc 3; expect_err "err_filter.lua:3: " ;;
runtime_finish)
  run -s "$S/err_finish.lua" -r "$SESSION"; expect_rc 3; expect_err "err_finish.lua:5: late"
  expect_out "^seen $total$" ;;
hook_not_function)
  run -s "$S/hook_number.lua" -r "$SESSION"; expect_rc 3; expect_err "hook packet is a number" ;;
finish_status)
  run -s "$S/finish7.lua" -r "$SESSION"; expect_rc 7 ;;
finish_bad_type)
  run -s "$S/finish_str.lua" -r "$SESSION"; expect_rc 3; expect_err "finish\(\) returned a string" ;;
tcplua_exit)
  run -s "$S/exit5.lua" -r "$SESSION"; expect_rc 5; [ "$(lines)" = 2 ] || fail "expected 2 lines, got $(lines)" ;;
os_exit)
  run -s "$S/osexit.lua" -w "$T/w.pcap" --print -r "$SESSION"; expect_rc 4
  [ "$(lines)" = 3 ] || fail "stdout not flushed before os.exit: $(lines) lines"
  [ "$(npkts "$T/w.pcap")" = 3 ] || fail "-w file holds $(npkts "$T/w.pcap") packets, expected 3" ;;
stale_packet)
  run -s "$S/stale.lua" -r "$SESSION"; expect_rc 3; expect_err "packet used after its hook returned" ;;
copy_survives)
  run -s "$S/copy.lua" -r "$SESSION"; expect_rc 0; expect_out "^first 1 [0-9]+ 10\.0\.0\.1 tcp [0-9]+$" ;;
filter_count)
  syns=$(tcpdump -n -r "$SESSION" tcp 2>/dev/null | grep -c 'Flags \[S')
  run -s "$S/syn_filter.lua" -r "$SESSION"; expect_rc 0; [ "$(lines)" = "$syns" ] || fail "filter kept $(lines), expected $syns"
  run -s "$S/syn_filter.lua" -c 2 -r "$SESSION"; expect_rc 0; [ "$(lines)" = 2 ] || fail "-c 2 printed $(lines)" ;;
write_kept)
  syns=$(tcpdump -n -r "$SESSION" tcp 2>/dev/null | grep -c 'Flags \[S')
  run -s "$S/syn_filter.lua" -w "$T/w.pcap" -r "$SESSION"; expect_rc 0
  [ "$(lines)" = 0 ] || fail "printed while writing -w without --print"
  [ "$(npkts "$T/w.pcap")" = "$syns" ] || fail "-w holds $(npkts "$T/w.pcap"), expected $syns" ;;
write_valid_after_error)
  run -s "$S/err_packet.lua" -w "$T/w.pcap" --print -r "$SESSION"; expect_rc 3
  [ "$(npkts "$T/w.pcap")" = 3 ] || fail "-w holds $(npkts "$T/w.pcap") packets, expected 3"
  tcpdump -r "$T/w.pcap" >/dev/null 2>"$T/tderr" || fail "tcpdump cannot read the -w file: $(cat "$T/tderr")" ;;
args)
  run -s "$S/args.lua" --arg port=80 --arg lang=ja -n -r "$SESSION"; expect_rc 0
  expect_out "^port=80 lang=ja n=1$" ;;
bad_filter)
  run -n -r "$SESSION" 'tcp port'; expect_rc 1; expect_err "^tcplua: can't parse filter expression: syntax error" ;;
missing_file)
  run -n -r "$T/none.pcap"; expect_rc 1; expect_err "^tcplua: $T/none.pcap: No such file or directory" ;;
output_flushed)
  "$TL" -n -r "$SESSION" | head -n 1 >"$T/out" 2>"$T/err"; [ "$(lines)" = 1 ] || fail "head saw $(lines) lines" ;;
*) fail "unknown case" ;;
esac
echo "ok [$CASE]"
