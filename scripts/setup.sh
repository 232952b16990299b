#!/usr/bin/env bash
# Installs what tcplua needs on Debian 12 (build tools, libpcap, Lua 5.4, and for the tests
# tcpdump and scapy), then builds it in ./build. Run as root (or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=(build-essential cmake pkg-config libpcap-dev liblua5.4-dev lua5.4 tcpdump
      python3-scapy lua-cjson lua-check iproute2 netbase util-linux time)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
