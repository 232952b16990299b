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

# Runs tcpdump and tcplua with the same arguments in $T; fails unless stdout, stderr
# (program name aside) and exit status are the same.
same_as_tcpdump() {
  (cd "$T" && tcpdump "$@" >td.out 2>td.err; echo $? >td.rc)
  (cd "$T" && PATH=/nonexistent "$TL" "$@" >tl.out 2>tl.err; echo $? >tl.rc)
  [ -s "$T/td.out" ] || [ -s "$T/td.err" ] || fail "tcpdump said nothing for $*"
  diff "$T/td.out" "$T/tl.out" || fail "stdout differs for $*"
  diff <(sed 's/^tcpdump: /tcplua: /' "$T/td.err") "$T/tl.err" || fail "stderr differs for $*"
  diff "$T/td.rc" "$T/tl.rc" || fail "exit status differs for $*"
}

case $CASE in
script_timeout)
  run -s "$S/loop.lua" --script-timeout 300 -r "$SESSION"; expect_rc 3
  expect_err "^tcplua: .*loop.lua:4: script ran longer than --script-timeout allows"
  [ "$(lines)" = 1 ] || fail "expected the line printed before the loop, got $(lines)" ;;
script_memory)
  run -s "$S/hog.lua" --script-memory 20 -r "$SESSION"; expect_rc 3
  expect_err "^tcplua: .*hog.lua: script memory limit of 20 MB exceeded" ;;
sigint_stuck)
  # no limit: SIGINT, SIGTERM or SIGHUP stops the looping hook, finish still runs, output is
  # flushed and the -w file holds the packets written before the signal
  for sig in INT TERM HUP; do
    "$TL" -s "$S/loop.lua" -w "$T/$sig.pcap" --print -r "$SESSION" >"$T/out" 2>"$T/err" & p=$!
    sleep 1; kill -$sig $p; wait $p; echo $? >"$T/rc"
    expect_rc 0; expect_out "^finish ran$"; [ "$(head -1 "$T/out")" = 1 ] || fail "SIG$sig: first line lost"
    [ "$(npkts "$T/$sig.pcap")" = 2 ] || fail "SIG$sig: -w file holds $(npkts "$T/$sig.pcap") packets, expected 2"
  done ;;
stdin_stdout)
  # -r - reads standard input; -w - writes a capture to standard output
  tcpdump -n -r - <"$SESSION" >"$T/td.out" 2>"$T/td.err"
  PATH=/nonexistent "$TL" -n -r - <"$SESSION" >"$T/tl.out" 2>"$T/tl.err" || fail "-r - failed"
  diff "$T/td.out" "$T/tl.out" || fail "-r - output differs"
  diff <(sed 's/^tcpdump: /tcplua: /' "$T/td.err") "$T/tl.err" || fail "-r - stderr differs"
  "$TL" -w - -r "$SESSION" 2>/dev/null | tcpdump -n -r - >"$T/back.out" 2>/dev/null
  diff "$T/td.out" "$T/back.out" || fail "-w - did not write the capture to stdout" ;;
closed_pipe)
  # the reader goes away: tcpdump's message and exit status, not a silent SIGPIPE death
  for i in $(seq 400); do echo "$SESSION"; done >"$T/many"
  tcpdump -n -V "$T/many" 2>"$T/td.err" | head -1 >/dev/null; echo "${PIPESTATUS[0]}" >"$T/td.rc"
  "$TL" -n -V "$T/many" 2>"$T/tl.err" | head -1 >/dev/null; echo "${PIPESTATUS[0]}" >"$T/tl.rc"
  diff "$T/td.rc" "$T/tl.rc" || fail "exit status differs after the pipe closed"
  diff <(tail -1 "$T/td.err" | sed 's/^tcpdump: /tcplua: /') <(tail -1 "$T/tl.err") \
    || fail "last stderr line differs after the pipe closed" ;;
dump_filter)
  for d in -d -dd -ddd; do same_as_tcpdump $d -r "$SESSION" tcp port 80; done
  same_as_tcpdump -d -r "$SESSION" "ip6 and udp"
  same_as_tcpdump -d tcp port 80 ;;
filter_file)
  printf 'tcp and # only TCP\n port 80\n' >"$T/filter"
  same_as_tcpdump -n -F "$T/filter" -r "$SESSION"
  same_as_tcpdump -n -F "$T/nonexistent-filter" -r "$SESSION" ;;
list_file)
  printf '%s\n%s\n' "$SESSION" "$CAP/udp.pcap" >"$T/list"
  same_as_tcpdump -n -V "$T/list"
  same_as_tcpdump -n -V "$T/list" udp ;;
line_buffered)
  same_as_tcpdump -n -l -r "$SESSION"
  same_as_tcpdump -n -U -w "$T/u.pcap" -r "$SESSION" ;;
print_with_w)
  same_as_tcpdump -n --print -w "$T/p.pcap" -r "$SESSION" ;;
unknown_iface)
  same_as_tcpdump -i no-such-if0 ;;
no_permission)
  chmod 755 "$T"; cp "$SESSION" "$T/secret.pcap"; chmod 600 "$T/secret.pcap"
  [ "$(id -u)" = 0 ] || { echo "SKIP: needs root to switch users"; exit 77; }
  nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  (cd "$T" && nobody tcpdump -n -r secret.pcap >td.out 2>td.err; echo $? >td.rc)
  (cd "$T" && nobody "$TL" -n -r secret.pcap >tl.out 2>tl.err; echo $? >tl.rc)
  diff <(sed 's/^tcpdump: /tcplua: /' "$T/td.err") "$T/tl.err" || fail "stderr differs (unreadable file)"
  diff "$T/td.rc" "$T/tl.rc" || fail "exit status differs (unreadable file)"
  (cd "$T" && nobody tcpdump -i lo >td.out 2>td.err; echo $? >td.rc)
  (cd "$T" && nobody "$TL" -i lo >tl.out 2>tl.err; echo $? >tl.rc)
  diff <(sed 's/^tcpdump: /tcplua: /' "$T/td.err") "$T/tl.err" || fail "stderr differs (capture without privileges)"
  diff "$T/td.rc" "$T/tl.rc" || fail "exit status differs (capture without privileges)" ;;
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
filter_number)
  run -s "$S/filter_number.lua" -r "$SESSION"; expect_rc 3
  expect_err "^tcplua: .*filter_number.lua:3: filter\(\) returned a number, not a boolean"
  [ "$(lines)" = 2 ] || fail "expected the 2 packets kept before the bad result, got $(lines)" ;;
runtime_flow_start)
  run -s "$S/err_flow_start.lua" -w "$T/w.pcap" -r "$SESSION"; expect_rc 3
  expect_err "^tcplua: .*err_flow_start.lua:3: no flows today"; expect_err "in function 'flow_start'"
  tcpdump -r "$T/w.pcap" >/dev/null 2>&1 || fail "-w file unreadable after the error" ;;
runtime_flow_end)
  run -s "$S/err_flow_end.lua" -r "$SESSION"; expect_rc 3
  expect_err "^tcplua: .*err_flow_end.lua:5: flow end (fin|rst|eof)" ;;
runtime_file_start)
  run -s "$S/err_file_start.lua" -r "$SESSION"; expect_rc 3
  expect_err "^tcplua: .*err_file_start.lua:3: cannot start tcp_session.pcap"
  [ "$(lines)" = 0 ] || fail "packets printed after file_start failed" ;;
runtime_file_end)
  run -s "$S/err_file_end.lua" -r "$SESSION"; expect_rc 3
  expect_err "^tcplua: .*err_file_end.lua:5: ended after $total" ;;
runtime_file_error)
  run -s "$S/err_file_error.lua" -r "$T/none.pcap"; expect_rc 3
  expect_err "^tcplua: .*err_file_error.lua:3: while reporting: .*none.pcap: No such file" ;;
chroot)
  [ "$(id -u)" = 0 ] || { echo "SKIP: needs root to chroot"; exit 77; }
  mkdir "$T/jail"
  # LeakSanitizer reads /proc at exit, which a jail has not: no leak check in this case
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
  # the shipped printers still work (read before the chroot); the script sees only the jail
  run --chroot "$T/jail" -n -vv -r "$CAP/dns.pcap"; expect_rc 0; cp "$T/out" "$T/jailed"
  run -n -vv -r "$CAP/dns.pcap"; cmp -s "$T/out" "$T/jailed" || fail "--chroot changed the output"
  run --chroot "$T/jail" -s "$S/chroot_peek.lua" -r "$SESSION"; expect_rc 0
  expect_out "passwd visible:.false"; expect_out "proc visible:.false"
  run -s "$S/chroot_peek.lua" -r "$SESSION"; expect_out "passwd visible:.true"
  run --chroot "$T/none" -r "$SESSION"; expect_rc 1; expect_err "^tcplua: Couldn't chroot/chdir to '$T/none': No such file"
  chmod 755 "$T"
  setpriv --reuid=65534 --regid=65534 --clear-groups "$TL" --chroot "$T/jail" -r "$SESSION" >"$T/out" 2>"$T/err"
  echo $? >"$T/rc"; expect_rc 1; expect_err "^tcplua: --chroot needs root" ;;
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
stale_layer)
  run -s "$S/stale_layer.lua" -r "$SESSION"; expect_rc 3; expect_out "^kept [0-9]+$"
  expect_err "stale_layer.lua:11: packet used after its hook returned" ;;
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
  expect_out "^input=$SESSION$"
  expect_out "^port=80 lang=ja n=1$" ;;
bad_filter)
  run -n -r "$SESSION" 'tcp port'; expect_rc 1; expect_err "^tcplua: can't parse filter expression: syntax error" ;;
missing_file)
  run -n -r "$T/none.pcap"; expect_rc 1; expect_err "^tcplua: $T/none.pcap: No such file or directory" ;;
output_flushed)
  "$TL" -n -r "$SESSION" | head -n 1 >"$T/out" 2>"$T/err"; [ "$(lines)" = 1 ] || fail "head saw $(lines) lines" ;;
fast_paths)
  # The C fast paths (tcplua.fastline, tcplua.tcpline) print what the Lua printers print
  # (fastline's -v IP header and checksums too),
  # and append nothing when they decline, on every capture of the comparison table.
  acc=0; dec=0
  for opts in "-n" "-n -e" "-n -S" "-n -x" "-n -v" "-n -v -e" "-n -v -K"; do
    for f in "$CAP"/*.pcap "$CAP"/*.pcapng; do
      # (a capture with a bad record ends the run with exit 1, after its good packets)
      "$TL" -s "$S/fastpath.lua" $opts -r "$f" >"$T/out" 2>"$T/err"
      grep -q "^fast path:" "$T/err" || continue # not a capture tcplua reads
      grep -q " 0 differ$" "$T/err" || fail "$opts $(basename "$f"): fast and Lua paths differ"
      set -- $(sed -n 's/^fast path: \([0-9]*\) accepted, \([0-9]*\) declined.*/\1 \2/p' "$T/err")
      acc=$((acc + $1)); dec=$((dec + $2))
    done
  done
  echo "fast path: $acc packets accepted, $dec declined"
  [ $acc -gt 1000 ] && [ $dec -gt 1000 ] || fail "too few packets on either path" ;;
*) fail "unknown case" ;;
esac
echo "ok [$CASE]"
