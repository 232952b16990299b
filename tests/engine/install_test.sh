#!/usr/bin/env bash
# Installs the build into a temporary prefix and runs the installed tcplua as a user would.
# Usage: install_test.sh BUILD_DIR CAPTURE
set -u
B=$1; CAP=$2
P=$(mktemp -d); trap 'rm -rf "$P"' EXIT
chmod 755 "$P"
fail() { echo "FAIL [install]: $*"; exit 1; }
cmake --install "$B" --prefix "$P" >/dev/null || fail "cmake --install"
for f in bin/tcplua share/tcplua/default.lua share/tcplua/classic.lua \
         share/tcplua/examples/grade-exercise.lua share/man/man1/tcplua.1 \
         share/doc/tcplua/lua-api.md; do
  [ -e "$P/$f" ] || fail "$f not installed"
done
cd /tmp || exit 1
out=$(TZ=UTC "$P/bin/tcplua" -n -r "$CAP" 2>/dev/null | head -1)
[ "$out" = "21:19:27.445117 IP 192.0.2.10.4376 > 198.51.100.20.80: Flags [S], seq 3898758850, win 16384, options [mss 1460], length 0" ] \
  || fail "default.lua printed: $out"
out=$(TZ=UTC "$P/bin/tcplua" -s classic -n -r "$CAP" 2>/dev/null | head -1)
[ "$out" = "21:19:27.445117 192.0.2.10.4376 > 198.51.100.20.80: S 3898758850:3898758850(0) win 16384 <mss 1460> (DF)" ] \
  || fail "classic.lua printed: $out"
TZ=UTC "$P/bin/tcplua" -s examples/explain.lua -n -r "$CAP" 2>/dev/null | grep -q "offers MSS 1460" \
  || fail "examples/explain.lua not found or silent"
echo "ok [install]"
